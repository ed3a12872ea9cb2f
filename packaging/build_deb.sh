#!/usr/bin/env bash
# Build packaging/dist/survey-app_<version>_<arch>.deb from the PyInstaller folder (make dist runs this).
#   /opt/survey-app/                 the frozen one-folder app
#   /usr/bin/survey-app[-gui]        links to it (no subcommand: the window; a subcommand: the command line)
#   /usr/share/applications/         the desktop entry (packaging/survey-app.desktop)
# Data stays per user (~/.local/share/survey_app): removing the package never touches it.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(dirname "$here")"
app="$here/dist/survey-app"
[ -x "$app/survey-app" ] || { echo "build_deb: $app/survey-app missing: run pyinstaller first (make dist)" >&2; exit 1; }
version="$(sed -n 's/^__version__ = "\(.*\)"/\1/p' "$repo/survey_app/__init__.py")"
arch="$(dpkg --print-architecture)"
root="$(mktemp -d)"
trap 'rm -rf "$root"' EXIT
mkdir -p "$root/DEBIAN" "$root/opt" "$root/usr/bin" "$root/usr/share/applications" "$root/usr/share/doc/survey-app"
cp -a "$app" "$root/opt/survey-app"
ln -s /opt/survey-app/survey-app "$root/usr/bin/survey-app"
ln -s /opt/survey-app/survey-app "$root/usr/bin/survey-app-gui"
install -m 644 "$here/survey-app.desktop" "$root/usr/share/applications/survey-app.desktop"
install -m 644 "$repo/resources/fonts/LICENSE-wqy-microhei.txt" "$root/usr/share/doc/survey-app/"
size_kb="$(du -sk "$root/opt" | cut -f1)"
cat > "$root/DEBIAN/control" <<CONTROL
Package: survey-app
Version: $version
Section: misc
Priority: optional
Architecture: $arch
Maintainer: survey_app developers <survey-app@localhost>
Installed-Size: $size_kb
Depends: libc6 (>= 2.28), libgl1, libegl1, libfontconfig1, libxkbcommon-x11-0, libxcb-cursor0, libxcb-icccm4, libxcb-keysyms1, libxcb-image0, libxcb-render-util0, libxcb-shape0, libxcb-xinerama0, libxcb-randr0, libxcb-xfixes0
Description: Offline field survey, compensation and agreement workstation (征收补偿入户调查)
 The frozen survey_app (PyInstaller one-folder build): the desktop window and the
 survey-app command line, with its fonts, policies, templates and translations.
CONTROL
out="$here/dist/survey-app_${version}_${arch}.deb"
dpkg-deb --root-owner-group -Zgzip --build "$root" "$out" >/dev/null
echo "$out"
