; Inno Setup 6 script: the Windows installer of survey_app, from the PyInstaller folder packaging\dist\survey-app
; (same packaging\survey_app.spec as Linux). Exact build steps: docs\install-windows.md.
;
;   "C:\Program Files (x86)\Inno Setup 6\ISCC.exe" /DAppVersion=0.2.0 packaging\windows\survey_app.iss
;
; - per user, no administrator rights: installs to %LOCALAPPDATA%\Programs\survey_app, Start menu of this user
; - the data (projects, keys, backups) is not here: the app keeps it in %LOCALAPPDATA%\survey_app (platformdirs)
; - uninstall removes the program and keeps the data, unless the person ticks "yes" when asked
;   (a silent uninstall, /VERYSILENT, never deletes data)

#ifndef AppVersion
  #error Pass the version: ISCC /DAppVersion=x.y.z (survey_app\__init__.py __version__)
#endif
#define AppName "征收补偿入户调查"
#define AppExe "survey-app.exe"
#define Source "..\dist\survey-app"

[Setup]
AppId={{6B7C2F0E-5A1D-4C3B-9E2F-1D0A8C4B7E51}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=survey_app
DefaultDirName={autopf}\survey_app
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
ArchitecturesAllowed=x64compatible
ArchitecturesInstallInX64Mode=x64compatible
MinVersion=10.0
OutputDir=..\dist
OutputBaseFilename=survey-app-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName} {#AppVersion}
CloseApplications=yes

[Languages]
#if FileExists(AddBackslash(SourcePath) + "ChineseSimplified.isl")
Name: "zh_CN"; MessagesFile: "ChineseSimplified.isl"
#endif
Name: "en"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
zh_CN.DeleteData=是否同时删除本机的项目数据（数据库、密钥与备份）？%n%n%1%n%n选择“否”将保留数据，重新安装后可继续使用。
en.DeleteData=Also delete the project data on this computer (databases, keys and backups)?%n%n%1%n%nChoose No to keep it for a later install.

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#Source}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{userdocs}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{userdocs}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; files the app may leave beside itself (none expected); never the data folder
Type: filesandordirs; Name: "{app}\_internal\__pycache__"

[Code]
function DataDir(): String;
begin
  Result := ExpandConstant('{localappdata}\survey_app');
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if (CurUninstallStep = usPostUninstall) and DirExists(DataDir()) and not UninstallSilent() then
  begin
    if MsgBox(FmtMessage(CustomMessage('DeleteData'), [DataDir()]), mbConfirmation,
              MB_YESNO or MB_DEFBUTTON2) = IDYES then
      DelTree(DataDir(), True, True, True);
  end;
end;
