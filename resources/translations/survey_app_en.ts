<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>AgreementDialog</name>
    <message>
        <location filename="../../survey_app/ui/agreements/agreement_dialog.py" line="89" />
        <location filename="../../survey_app/ui/agreements/agreement_dialog.py" line="193" />
        <source>出具协议</source>
        <translation>Issue agreement</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/agreements/agreement_dialog.py" line="90" />
        <source>预览</source>
        <translation>Preview</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/agreements/agreement_dialog.py" line="96" />
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/agreements/agreement_dialog.py" line="97" />
        <source>另存为 PDF…</source>
        <translation>Save as PDF…</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/agreements/agreement_dialog.py" line="98" />
        <source>签字…</source>
        <translation>Sign…</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/agreements/agreement_dialog.py" line="99" />
        <source>在屏幕上为各方签字（被征收人、共有人、调查员）</source>
        <translation>Sign on screen for every party (owner, co-owners, field worker)</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/agreements/agreement_dialog.py" line="100" />
        <location filename="../../survey_app/ui/agreements/agreement_dialog.py" line="356" />
        <source>湿签</source>
        <translation>Signed on paper</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/agreements/agreement_dialog.py" line="101" />
        <source>已在纸质协议上签字按手印：不采集电子签名，直接确认签订</source>
        <translation>Everyone signed and fingerprinted the paper copy: confirm it signed without on-screen signatures</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/agreements/agreement_dialog.py" line="102" />
        <source>作废…</source>
        <translation>Void…</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/agreements/agreement_dialog.py" line="103" />
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/agreements/agreement_dialog.py" line="109" />
        <source>份数</source>
        <translation>Copies</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/agreements/agreement_dialog.py" line="131" />
        <source>协议</source>
        <translation>Agreement</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/agreements/agreement_dialog.py" line="154" />
        <source>{code}　{name}　协议</source>
        <translation>{code}　{name}　agreement</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/agreements/agreement_dialog.py" line="155" />
        <source>协议 — {code} {name}</source>
        <translation>Agreement — {code} {name}</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/agreements/agreement_dialog.py" line="165" />
        <location filename="../../survey_app/ui/agreements/agreement_dialog.py" line="195" />
        <source>只有“已测算”且已选择安置方案的住户才能出具协议</source>
        <translation>Only a Calculated household with a chosen option can be given an agreement</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/agreements/agreement_dialog.py" line="167" />
        <source>请先在测算页为该户选择安置方案，再出具协议</source>
        <translation>Choose this household's option on the Compare page first, then issue the agreement</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/agreements/agreement_dialog.py" line="193" />
        <source>重新出具</source>
        <translation>Issue again</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/agreements/agreement_dialog.py" line="197" />
        <source>按所选安置方案生成协议（编号、二维码），先预览再打印</source>
        <translation>Make the agreement for the chosen option (number, QR code); preview it, then print</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/agreements/agreement_dialog.py" line="209" />
        <source>作废协议（须填写原因）</source>
        <translation>Void the agreement (a reason is required)</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/agreements/agreement_dialog.py" line="210" />
        <source>只有复核员或指挥部可以作废协议</source>
        <translation>Only a supervisor or HQ can void an agreement</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/agreements/agreement_dialog.py" line="219" />
        <source>① 出具协议</source>
        <translation>① Issue</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/agreements/agreement_dialog.py" line="219" />
        <source>② 预览、打印</source>
        <translation>② Preview, print</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/agreements/agreement_dialog.py" line="219" />
        <source>③ 当场签字</source>
        <translation>③ Sign on site</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/agreements/agreement_dialog.py" line="219" />
        <source>④ 已签订</source>
        <translation>④ Signed</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/agreements/agreement_dialog.py" line="237" />
        <source>正在出具协议…</source>
        <translation>Issuing the agreement…</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/agreements/agreement_dialog.py" line="238" />
        <source>已出具协议 {number}（草稿），请预览并打印</source>
        <translation>Agreement {number} issued (draft): preview and print it</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/agreements/agreement_dialog.py" line="256" />
        <source>正在生成预览…</source>
        <translation>Preparing the preview…</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/agreements/agreement_dialog.py" line="259" />
        <source>打印预览 — 协议 {number}</source>
        <translation>Print preview — agreement {number}</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/agreements/agreement_dialog.py" line="282" />
        <source>打印协议 {number}</source>
        <translation>Print agreement {number}</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/agreements/agreement_dialog.py" line="287" />
        <source>正在准备打印…</source>
        <translation>Preparing to print…</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/agreements/agreement_dialog.py" line="291" />
        <source>打印机无法开始打印，请检查打印机连接后重试</source>
        <translation>The printer could not start: check its connection and try again</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/agreements/agreement_dialog.py" line="294" />
        <source>正在记录打印…</source>
        <translation>Recording the print…</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/agreements/agreement_dialog.py" line="295" />
        <source>已打印 {number} 共 {n} 份（累计打印 {copies} 份）</source>
        <translation>Printed {n} copies of {number} ({copies} printed in all)</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/agreements/agreement_dialog.py" line="296" />
        <source>（重印标注“副本”）</source>
        <translation> (reprints are marked “副本”, copy)</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/agreements/agreement_dialog.py" line="302" />
        <source>{number}-副本{n}.pdf</source>
        <translation>{number}-copy{n}.pdf</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/agreements/agreement_dialog.py" line="311" />
        <source>另存为 PDF</source>
        <translation>Save as PDF</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/agreements/agreement_dialog.py" line="313" />
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/agreements/agreement_dialog.py" line="324" />
        <source>正在保存 PDF…</source>
        <translation>Saving the PDF…</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/agreements/agreement_dialog.py" line="325" />
        <source>已另存为 PDF（未打印纸质协议）：</source>
        <translation>Saved as a PDF (no paper copy printed): </translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/agreements/agreement_dialog.py" line="348" />
        <source>正在保存签字…</source>
        <translation>Saving the signatures…</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/agreements/agreement_dialog.py" line="349" />
        <source>协议 {number} 已签订，住户状态为“已签约”，调查与测算已锁定</source>
        <translation>Agreement {number} is signed: the household is Signed, its survey and calculation are locked</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/agreements/agreement_dialog.py" line="356" />
        <source>确认各方已在纸质协议 {number} 上签字并按手印？</source>
        <translation>Have all parties signed and fingerprinted the paper agreement {number}?</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/agreements/agreement_dialog.py" line="377" />
        <source>正在作废…</source>
        <translation>Voiding…</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/agreements/agreement_dialog.py" line="378" />
        <source>协议 {number} 已作废，可重新出具</source>
        <translation>Agreement {number} is void; you may issue it again</translation>
    </message>
</context>
<context>
    <name>AgreementList</name>
    <message>
        <location filename="../../survey_app/ui/agreements/agreement_list.py" line="23" />
        <source>草稿</source>
        <translation>Draft</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/agreements/agreement_list.py" line="24" />
        <source>已打印或保存，待签字</source>
        <translation>Printed or saved, to sign</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/agreements/agreement_list.py" line="25" />
        <source>已签订</source>
        <translation>Signed</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/agreements/agreement_list.py" line="26" />
        <source>已作废</source>
        <translation>Void</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/agreements/agreement_list.py" line="29" />
        <source>协议编号</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/agreements/agreement_list.py" line="29" />
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/agreements/agreement_list.py" line="30" />
        <source>安置方式</source>
        <translation>Option</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/agreements/agreement_list.py" line="30" />
        <source>打印/保存</source>
        <translation>Printed/saved</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/agreements/agreement_list.py" line="92" />
        <source>打印 {n} 份</source>
        <translation>{n} printed</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/agreements/agreement_list.py" line="94" />
        <source>，另存 PDF {n} 次</source>
        <translation>, saved as PDF {n}×</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/agreements/agreement_list.py" line="31" />
        <source>结算金额</source>
        <translation>Net amount</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/agreements/agreement_list.py" line="31" />
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/agreements/agreement_list.py" line="99" />
        <source>作废原因：{reason}</source>
        <translation>Voided: {reason}</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/agreements/agreement_list.py" line="101" />
        <source>请预览并打印</source>
        <translation>Preview and print it</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/agreements/agreement_list.py" line="103" />
        <source>当场签字后确认签订</source>
        <translation>Sign on site, then confirm</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/agreements/agreement_list.py" line="105" />
        <source>重印为副本</source>
        <translation>Reprints are copies</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../survey_app/ui/app.py" line="140" />
        <location filename="../../survey_app/ui/app_first_window.py" line="135" />
        <source>无法打开数据库</source>
        <translation>Cannot open the database</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/app.py" line="141" />
        <location filename="../../survey_app/ui/app_first_window.py" line="135" />
        <source>无法打开数据库：{path}
{error}</source>
        <translation>Cannot open the database: {path}
{error}</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/app.py" line="165" />
        <location filename="../../survey_app/ui/app.py" line="278" />
        <location filename="../../survey_app/ui/app_first_window.py" line="138" />
        <location filename="../../survey_app/ui/project_login.py" line="52" />
        <source>错误</source>
        <translation>Error</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/app.py" line="265" />
        <source>正在打开项目数据库。新版本第一次打开时要升级数据库，数据多时需要几分钟，请勿关闭程序…</source>
        <translation>Opening the project database. The first start of a new version upgrades it, which can take a few minutes for a large project; do not close the program…</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/app.py" line="276" />
        <source>首次启动：正在创建演示项目…</source>
        <translation>First start: creating the demo project…</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/app.py" line="279" />
        <source>创建演示项目失败：{error}</source>
        <translation>Creating the demo project failed: {error}</translation>
    </message>
</context>
<context>
    <name>AppraisalsSection</name>
    <message>
        <location filename="../../survey_app/ui/editor/sections_property.py" line="105" />
        <source>部位</source>
        <translation>Part</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/sections_property.py" line="106" />
        <source>评估报告编号</source>
        <translation>Appraisal report no.</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/sections_property.py" line="107" />
        <source>评估机构</source>
        <translation>Appraiser</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/sections_property.py" line="108" />
        <source>用途</source>
        <translation>Use</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/sections_property.py" line="109" />
        <source>结构</source>
        <translation>Structure</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/sections_property.py" line="110" />
        <source>成新</source>
        <translation>Newness</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/sections_property.py" line="111" />
        <source>装修等级</source>
        <translation>Decoration</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/sections_property.py" line="112" />
        <source>评估单价 元/m²</source>
        <translation>Unit price yuan/m²</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/sections_property.py" line="113" />
        <source>装修金额 元</source>
        <translation>Decoration yuan</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/sections_property.py" line="115" />
        <source>装修单价 元/m²</source>
        <translation>Decoration yuan/m²</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/sections_property.py" line="116" />
        <source>附属物评估值 元</source>
        <translation>Fixtures yuan</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/sections_property.py" line="117" />
        <source>估价时点</source>
        <translation>Valuation date</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/sections_property.py" line="119" />
        <source>＋ 添加评估</source>
        <translation>+ Add appraisal</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/sections_property.py" line="120" />
        <source>评估</source>
        <translation>Appraisal</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/sections_property.py" line="125" />
        <source>评估结果由指挥部按评估报告导入，此处只能查看；如有出入，请报指挥部。</source>
        <translation>HQ imports the appraisal from the appraisal report: shown here, not edited. Report any discrepancy to HQ.</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/sections_property.py" line="141" />
        <source>尚未导入评估结果（由指挥部导入）。</source>
        <translation>No appraisal imported yet (HQ imports it).</translation>
    </message>
</context>
<context>
    <name>AssignPanel</name>
    <message>
        <location filename="../../survey_app/ui/hq/people_assign.py" line="53" />
        <source>粘贴户号，用逗号、空格或换行分隔</source>
        <translation>Paste household codes, separated by commas, spaces or new lines</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/people_assign.py" line="57" />
        <source>预览</source>
        <translation>Preview</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/people_assign.py" line="59" />
        <source>分派</source>
        <translation>Assign</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/people_assign.py" line="61" />
        <source>选择地块或填写户号，再选择调查员，然后点“预览”。</source>
        <translation>Choose sections or enter household codes, choose the worker, then click “Preview”.</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/people_assign.py" line="64" />
        <source>分派住户</source>
        <translation>Assign households</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/people_assign.py" line="66" />
        <source>地块</source>
        <translation>Sections</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/people_assign.py" line="67" />
        <source>或户号</source>
        <translation>or codes</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/people_assign.py" line="68" />
        <source>分派给</source>
        <translation>Assign to</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/people_assign.py" line="80" />
        <source>转派…</source>
        <translation>Reassign…</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/people_assign.py" line="82" />
        <location filename="../../survey_app/ui/hq/people_assign.py" line="210" />
        <source>转派</source>
        <translation>Reassign</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/people_assign.py" line="84" />
        <source>从</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/people_assign.py" line="85" />
        <source>转给</source>
        <translation>To</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/people_assign.py" line="86" />
        <source>已签约的住户保留原调查员。转派前请先导入原调查员笔记本的最新同步包：转派后，那台笔记本再发来的这些住户的修改会被拒收。</source>
        <translation>Signed households stay with their worker. Import the old worker's latest bundle first: after reassigning, changes to these households from that laptop are refused.</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/people_assign.py" line="92" />
        <source>导出受影响的任务包…</source>
        <translation>Export the affected bundles…</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/people_assign.py" line="120" />
        <source>{section}（{n} 户）</source>
        <translation>{section} ({n} households)</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/people_assign.py" line="120" />
        <source>未分地块</source>
        <translation>No section</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/people_assign.py" line="156" />
        <source>将把 {n} 户分派给 {user}</source>
        <translation>{n} households will go to {user}</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/people_assign.py" line="158" />
        <source>；{n} 户原已是其负责</source>
        <translation>; {n} are theirs already</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/people_assign.py" line="160" />
        <source>；{n} 户已签约，保留原调查员</source>
        <translation>; {n} are signed and stay with their worker</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/people_assign.py" line="162" />
        <source>；其中 {n} 户从 {user} 转出</source>
        <translation>; {n} of them move from {user}</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/people_assign.py" line="166" />
        <source>未分派：{error}</source>
        <translation>Not assigned: {error}</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/people_assign.py" line="173" />
        <source>请选择调查员</source>
        <translation>Choose a worker</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/people_assign.py" line="185" />
        <source>正在预览…</source>
        <translation>Previewing…</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/people_assign.py" line="195" />
        <source>正在分派…</source>
        <translation>Assigning…</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/people_assign.py" line="203" />
        <source>请选择转出和转入的调查员</source>
        <translation>Choose both workers</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/people_assign.py" line="211" />
        <source>请确认已导入 {user} 笔记本的最新同步包。转派？</source>
        <translation>Make sure the latest bundle from {user}'s laptop has been imported. Reassign?</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/people_assign.py" line="216" />
        <source>正在转派…</source>
        <translation>Reassigning…</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/people_assign.py" line="225" />
        <source>需要更新任务包的笔记本：{codes}。点“导出受影响的任务包…”。</source>
        <translation>Laptops needing a new bundle: {codes}. Click “Export the affected bundles…”.</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/people_assign.py" line="228" />
        <source>{user} 还没有指定笔记本：在“笔记本”中指定后再导出任务包。</source>
        <translation>{user} has no laptop yet: set one under “Laptops”, then export the bundle.</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/people_assign.py" line="229" />
        <source>已分派 {n} 户给 {user}</source>
        <translation>{n} households assigned to {user}</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/people_assign.py" line="238" />
        <source>任务包写到哪个文件夹（U 盘）</source>
        <translation>Folder for the assignment bundle (USB stick)</translation>
    </message>
</context>
<context>
    <name>BackupController</name>
    <message>
        <location filename="../../survey_app/ui/backup_dialog.py" line="97" />
        <source>今日自动备份未完成：{error}</source>
        <translation>Today's automatic backup did not finish: {error}</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/backup_dialog.py" line="99" />
        <source>今日自动备份已完成</source>
        <translation>Today's automatic backup is done</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/backup_dialog.py" line="109" />
        <source>备份与恢复</source>
        <translation>Backup and restore</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/backup_dialog.py" line="114" />
        <source>选择备份位置（如 U 盘）</source>
        <translation>Choose where to back up (e.g. a USB stick)</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/backup_dialog.py" line="129" />
        <source>备份完成</source>
        <translation>Backup finished</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/backup_dialog.py" line="130" />
        <source>已备份到：{path}
共 {files} 个文件，已逐个校验。</source>
        <translation>Backed up to: {path}
{files} files, each one checked.</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/backup_dialog.py" line="132" />
        <source>正在备份项目…</source>
        <translation>Backing up the project…</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/backup_dialog.py" line="137" />
        <source>选择要恢复的备份文件夹</source>
        <translation>Choose the backup folder to restore</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/backup_dialog.py" line="145" />
        <source>正在校验备份…</source>
        <translation>Checking the backup…</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/backup_dialog.py" line="161" />
        <source>正在恢复…</source>
        <translation>Restoring…</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/backup_dialog.py" line="165" />
        <source>恢复完成</source>
        <translation>Restore finished</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/backup_dialog.py" line="166" />
        <source>已恢复到：{path}
完整性检查和审计链校验均已通过。
现在切换到恢复的项目吗？</source>
        <translation>Restored to: {path}
The integrity check and the audit chain both passed.
Switch to the restored project now?</translation>
    </message>
</context>
<context>
    <name>BusinessesSection</name>
    <message>
        <location filename="../../survey_app/ui/editor/sections_property.py" line="79" />
        <source>字号/名称</source>
        <translation>Business name</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/sections_property.py" line="80" />
        <source>统一社会信用代码</source>
        <translation>USCC</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/sections_property.py" line="81" />
        <source>营业执照号</source>
        <translation>Licence no.</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/sections_property.py" line="82" />
        <source>经营面积 m²</source>
        <translation>Area m²</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/sections_property.py" line="83" />
        <source>年利润 元</source>
        <translation>Profit/yr, yuan</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/sections_property.py" line="84" />
        <source>开业日期</source>
        <translation>Opened</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/sections_property.py" line="86" />
        <source>＋ 添加经营</source>
        <translation>+ Add business</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/sections_property.py" line="87" />
        <source>经营（停产停业）</source>
        <translation>Business (loss of business)</translation>
    </message>
</context>
<context>
    <name>CompensationModel</name>
    <message>
        <location filename="../../survey_app/ui/pages/compensation_model.py" line="124" />
        <source>应安置面积</source>
        <translation>Entitled area</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/pages/compensation_model.py" line="126" />
        <source>房票面额</source>
        <translation>Voucher value</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/pages/compensation_model.py" line="128" />
        <source>补偿合计</source>
        <translation>Compensation total</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/pages/compensation_model.py" line="130" />
        <source>安置房款合计</source>
        <translation>Flat price total</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/pages/compensation_model.py" line="132" />
        <source>结算净额</source>
        <translation>Net</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/pages/compensation_model.py" line="133" />
        <source>大写</source>
        <translation>In words</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/pages/compensation_model.py" line="134" />
        <source>选择方案</source>
        <translation>Choose</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/pages/compensation_model.py" line="202" />
        <source>项目（金额：元）</source>
        <translation>Item (amounts in yuan)</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/pages/compensation_model.py" line="289" />
        <source>应付被征收人</source>
        <translation>Paid to the household</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/pages/compensation_model.py" line="289" />
        <source>被征收人应缴</source>
        <translation>Owed by the household</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/pages/compensation_model.py" line="313" />
        <source>另付现金 {cash} 元；奖励 {pct}%；有效期 {months} 个月</source>
        <translation>Plus {cash} yuan in cash; bonus {pct}%; valid {months} months</translation>
    </message>
</context>
<context>
    <name>CompensationPage</name>
    <message>
        <location filename="../../survey_app/ui/pages/compensation_page.py" line="47" />
        <source>← 住户列表</source>
        <translation>← Households</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/pages/compensation_page.py" line="55" />
        <source>显示计算公式</source>
        <translation>Show formulas</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/pages/compensation_page.py" line="57" />
        <source>在每个金额下显示计算过程；不勾选时，把鼠标停在金额上可看公式</source>
        <translation>Show the calculation under every amount; otherwise hover over an amount to see it</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/pages/compensation_page.py" line="59" />
        <location filename="../../survey_app/ui/pages/compensation_page.py" line="217" />
        <source>测算</source>
        <translation>Calculate</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/pages/compensation_page.py" line="62" />
        <source>确认测算结果</source>
        <translation>Confirm calculation</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/pages/compensation_page.py" line="64" />
        <source>复核后的测算确认无误（已复核 → 已测算）</source>
        <translation>The reviewed calculation is correct (Reviewed → Calculated)</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/pages/compensation_page.py" line="66" />
        <source>协议…</source>
        <translation>Agreement…</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/pages/compensation_page.py" line="68" />
        <source>按所选方案出具、打印、签订协议</source>
        <translation>Issue, print and sign the agreement for the chosen option</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/pages/compensation_page.py" line="70" />
        <source>打印测算单…</source>
        <translation>Print calculation sheet…</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/pages/compensation_page.py" line="81" />
        <source>调查数据已修改，测算已过期，请重新测算</source>
        <translation>The survey has changed since: this calculation is out of date, recalculate it</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/pages/compensation_page.py" line="82" />
        <location filename="../../survey_app/ui/pages/compensation_page.py" line="217" />
        <source>重新测算</source>
        <translation>Recalculate</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/pages/compensation_page.py" line="120" />
        <location filename="../../survey_app/ui/pages/compensation_page.py" line="140" />
        <source>请先在住户列表中选择一户</source>
        <translation>Select a household in the list first</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/pages/compensation_page.py" line="151" />
        <source>{code}　{name}　补偿测算</source>
        <translation>{code}　{name}　compensation</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/pages/compensation_page.py" line="157" />
        <source>补偿方案 {version}</source>
        <translation>policy {version}</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/pages/compensation_page.py" line="159" />
        <source>已选：{option}</source>
        <translation>chosen: {option}</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/pages/compensation_page.py" line="169" />
        <source>该户还没有测算。点击右上角“测算”，按现行补偿方案计算各安置方式。</source>
        <translation>Not calculated yet. Press “Calculate” (top right) to compute every option under the current policy.</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/pages/compensation_page.py" line="195" />
        <source>✓ 已选择</source>
        <translation>✓ Chosen</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/pages/compensation_page.py" line="195" />
        <source>选择此方案</source>
        <translation>Choose this</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/pages/compensation_page.py" line="202" />
        <source>测算已过期，请重新测算后再选择</source>
        <translation>Out of date: recalculate before choosing</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/pages/compensation_page.py" line="226" />
        <source>打印给住户留存的补偿测算单（各方案明细与大写金额），也可另存为 PDF</source>
        <translation>Print the calculation sheet the household keeps (every option, itemised, amounts in words), or save it as a PDF</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/pages/compensation_page.py" line="227" />
        <source>测算已过期，请重新测算后再打印测算单</source>
        <translation>The calculation is out of date: recalculate before printing the sheet</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/pages/compensation_page.py" line="228" />
        <source>请先测算</source>
        <translation>Calculate first</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/pages/compensation_page.py" line="242" />
        <source>正在测算…</source>
        <translation>Calculating…</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/pages/compensation_page.py" line="250" />
        <location filename="../../survey_app/ui/pages/compensation_page.py" line="272" />
        <source>正在保存…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/pages/compensation_page.py" line="273" />
        <source>已确认测算结果</source>
        <translation>Calculation confirmed</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <location filename="../../survey_app/ui/hq/dashboard_page.py" line="62" />
        <source>总览</source>
        <translation>Overview</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/dashboard_page.py" line="68" />
        <source>近 {n} 天</source>
        <translation>Last {n} days</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/dashboard_page.py" line="70" />
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/dashboard_page.py" line="75" />
        <source>导出台账…</source>
        <translation>Export ledger…</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/dashboard_page.py" line="78" />
        <source>导出月报…</source>
        <translation>Export monthly report…</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/dashboard_page.py" line="102" />
        <source>片区</source>
        <translation>Section</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/dashboard_page.py" line="103" />
        <source>调查员</source>
        <translation>Surveyor</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/dashboard_page.py" line="109" />
        <source>按片区</source>
        <translation>By section</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/dashboard_page.py" line="110" />
        <source>按调查员</source>
        <translation>By surveyor</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/dashboard_page.py" line="111" />
        <source>金额·按安置方式</source>
        <translation>Money by mode</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/dashboard_page.py" line="112" />
        <source>金额·按补偿项目</source>
        <translation>Money by item</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/dashboard_page.py" line="128" />
        <source>单击任一数字，这里列出对应的住户。</source>
        <translation>Click any figure to list its households here.</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/dashboard_page.py" line="187" />
        <source>总览未能读取：{error}</source>
        <translation>The overview could not be read: {error}</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/dashboard_page.py" line="193" />
        <source>{project}　截至 {day}</source>
        <translation>{project}, as of {day}</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/dashboard_page.py" line="211" />
        <source>住户总数</source>
        <translation>Households</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/dashboard_page.py" line="212" />
        <source>已签约（{pct}）</source>
        <translation>Signed ({pct})</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/dashboard_page.py" line="213" />
        <source>货币化安置率（目标 {target}）</source>
        <translation>Cash resettlement rate (target {target})</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/dashboard_page.py" line="214" />
        <source>已签协议结算金额</source>
        <translation>Signed agreements, net amount</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/dashboard_page.py" line="215" />
        <source>未结信访</source>
        <translation>Open grievances</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/dashboard_page.py" line="216" />
        <source>逾期未签（签约期 {end} 截止）</source>
        <translation>Overdue (signing period ended {end})</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/dashboard_page.py" line="217" />
        <source>未设定</source>
        <translation>not set</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/dashboard_page.py" line="222" />
        <source>；协议生效需 {rate}（{by}前）</source>
        <translation>; agreements take effect at {rate} (by {by})</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/dashboard_page.py" line="257" />
        <source>全部住户</source>
        <translation>All households</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/dashboard_page.py" line="257" />
        <source>已签约</source>
        <translation>Signed</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/dashboard_page.py" line="258" />
        <source>货币补偿与房票签约</source>
        <translation>Signed in cash or voucher</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/dashboard_page.py" line="259" />
        <source>已签协议</source>
        <translation>Signed agreements</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/dashboard_page.py" line="260" />
        <source>有未结信访</source>
        <translation>With an open grievance</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/dashboard_page.py" line="260" />
        <source>逾期未签</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/dashboard_page.py" line="278" />
        <source>{day} 签约</source>
        <translation>Signed on {day}</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/dashboard_page.py" line="278" />
        <source>{day} 调查</source>
        <translation>Surveyed on {day}</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/dashboard_page.py" line="290" />
        <source>{title}：共 {n} 户{sep}{codes}</source>
        <translation>{title}: {n} households{sep}{codes}</translation>
    </message>
</context>
<context>
    <name>DateEdit</name>
    <message>
        <location filename="../../survey_app/ui/start/fields.py" line="49" />
        <source>如 2024-05-01，可暂不填</source>
        <translation>e.g. 2024-05-01, optional for now</translation>
    </message>
</context>
<context>
    <name>DeviceList</name>
    <message>
        <location filename="../../survey_app/ui/sync/hq_device_list.py" line="41" />
        <source>代码</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/hq_device_list.py" line="41" />
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/hq_device_list.py" line="41" />
        <source>密钥指纹</source>
        <translation>Key fingerprint</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/hq_device_list.py" line="41" />
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/hq_device_list.py" line="52" />
        <source>吊销原因（如：笔记本丢失）</source>
        <translation>Reason for revoking (e.g. laptop lost)</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/hq_device_list.py" line="53" />
        <source>吊销…</source>
        <translation>Revoke…</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/hq_device_list.py" line="62" />
        <source>本项目的设备</source>
        <translation>Devices of this project</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/hq_device_list.py" line="63" />
        <source>核对指纹可确认是哪台设备。设备丢失或被盗时选中它并吊销：指挥部不再接受它的同步包，它在吊销之后签发的协议核验为无效（吊销随任务包传到各笔记本）。</source>
        <translation>Compare fingerprints to tell which machine is which. If a device is lost or stolen, select it and revoke it: HQ accepts no more bundles from it, and agreements it signs after the revocation verify as invalid (the revocation reaches every laptop with its next assignment).</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/hq_device_list.py" line="77" />
        <source>已吊销（{day}）</source>
        <translation>Revoked ({day})</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/hq_device_list.py" line="79" />
        <source>指挥部</source>
        <translation>HQ</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/hq_device_list.py" line="81" />
        <source>正常</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/hq_device_list.py" line="83" />
        <source>未登记</source>
        <translation>Not enrolled</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/hq_device_list.py" line="89" />
        <source>吊销原因：{reason}</source>
        <translation>Reason: {reason}</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/hq_device_list.py" line="107" />
        <source>请先填写吊销原因</source>
        <translation>Please enter the reason for revoking first</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/hq_device_list.py" line="118" />
        <source>设备 {code} 未吊销：{error}</source>
        <translation>Device {code} not revoked: {error}</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/hq_device_list.py" line="120" />
        <source>正在吊销设备…</source>
        <translation>Revoking the device…</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/hq_device_list.py" line="125" />
        <source>已吊销设备 {code}</source>
        <translation>Device {code} revoked</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/hq_device_list.py" line="126" />
        <source>指挥部不再接受它的同步包。</source>
        <translation>HQ accepts no more bundles from it.</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/hq_device_list.py" line="127" />
        <source>下一步：给其他笔记本下发任务包，让它们也知道此设备已吊销。</source>
        <translation>Next: write assignment bundles for the other laptops so they learn of the revocation too.</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/hq_device_list.py" line="133" />
        <source>吊销设备</source>
        <translation>Revoke device</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/hq_device_list.py" line="133" />
        <source>吊销设备 {code}（{name}，密钥指纹 {fp}）？
原因：{reason}

吊销后指挥部不再接受它的同步包，它在吊销之后签发的协议核验为无效。此操作不能撤销。</source>
        <translation>Revoke device {code} ({name}, key fingerprint {fp})?
Reason: {reason}

HQ will accept no more bundles from it, and agreements it signs after this verify as invalid. This cannot be undone.</translation>
    </message>
</context>
<context>
    <name>DeviceSyncPage</name>
    <message>
        <location filename="../../survey_app/ui/sync/device_page.py" line="52" />
        <source>导出或导入的结果会显示在这里。</source>
        <translation>The results of exports and imports appear here.</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/device_page.py" line="55" />
        <source>同步（U 盘）</source>
        <translation>Sync (USB stick)</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/device_page.py" line="61" />
        <source>导出今日同步包…</source>
        <translation>Export today's bundle…</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/device_page.py" line="64" />
        <source>导入回执 / 任务包…</source>
        <translation>Import receipt / assignment…</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/device_page.py" line="71" />
        <source>① 收工：导出今日同步包</source>
        <translation>① Day end: export today's bundle</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/device_page.py" line="72" />
        <source>插入 U 盘，点下面的按钮并选择 U 盘。包含指挥部尚未确认的全部修改和照片；文件完整写好后才出现在 U 盘上。</source>
        <translation>Plug in the USB stick, press the button and choose the stick. The bundle holds every change and photo HQ has not confirmed; it appears on the stick only once completely written.</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/device_page.py" line="74" />
        <source>② 导入指挥部发回的文件</source>
        <translation>② Import the files HQ sent back</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/device_page.py" line="75" />
        <source>回执（.sareceipt）：指挥部已收到，下次不再重复导出。任务包（.saassign）：新分派的住户和补偿方案。可一次选多个文件。</source>
        <translation>Receipt (.sareceipt): HQ has it, the next export leaves it out. Assignment (.saassign): newly assigned households and compensation policies. Several files can be chosen at once.</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/device_page.py" line="83" />
        <source>直接导出到 U 盘：</source>
        <translation>Export straight to a USB stick:</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/device_page.py" line="93" />
        <source>结果</source>
        <translation>Results</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/device_page.py" line="107" />
        <source>本机尚未登记到指挥部，还不能导出同步包。请按下面两步登记（只需一次）。</source>
        <translation>This laptop is not enrolled with HQ yet and cannot export. Enroll it in the two steps below (once).</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/device_page.py" line="117" />
        <source>已导出到第 {seq} 号同步包</source>
        <translation>bundles exported up to no. {seq}</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/device_page.py" line="117" />
        <source>尚未导出过同步包</source>
        <translation>no bundle exported yet</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/device_page.py" line="125" />
        <source>本机设备代码 &lt;b&gt;{code}&lt;/b&gt;（本机密钥指纹 {own}）  ·  指挥部密钥指纹 {hq}  ·  {last}</source>
        <translation>This laptop &lt;b&gt;{code}&lt;/b&gt; (key fingerprint {own})  ·  HQ key fingerprint {hq}  ·  {last}</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/device_page.py" line="132" />
        <source>选择 U 盘（同步包写到哪个文件夹）</source>
        <translation>Choose the USB stick (folder for the bundle)</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/device_page.py" line="150" />
        <source>正在导出同步包到 {folder}…</source>
        <translation>Exporting the bundle to {folder}…</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/device_page.py" line="154" />
        <source>已导出第 {seq} 号同步包</source>
        <translation>Bundle no. {seq} exported</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/device_page.py" line="155" />
        <location filename="../../survey_app/ui/sync/device_page.py" line="203" />
        <location filename="../../survey_app/ui/sync/device_page.py" line="216" />
        <source>文件：{name}</source>
        <translation>File: {name}</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/device_page.py" line="156" />
        <source>位置：{folder}</source>
        <translation>Folder: {folder}</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/device_page.py" line="157" />
        <source>{records} 条记录，{events} 个操作记录，{media} 张照片</source>
        <translation>{records} records, {events} logged actions, {media} photos</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/device_page.py" line="159" />
        <source>下一步：安全弹出 U 盘，交给指挥部。指挥部导入后会发回回执文件，到时在这里导入。</source>
        <translation>Next: eject the USB stick safely and hand it to HQ. HQ sends back a receipt file; import it here.</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/device_page.py" line="163" />
        <source>导出已取消</source>
        <translation>Export cancelled</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/device_page.py" line="163" />
        <source>没有写出任何文件，数据没有变化。可以重新导出。</source>
        <translation>No file was written and nothing changed. You can export again.</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/device_page.py" line="165" />
        <source>导出失败：{error}</source>
        <translation>Export failed: {error}</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/device_page.py" line="166" />
        <source>没有写出同步包。请检查 U 盘是否插好、是否有足够空间，然后重试。</source>
        <translation>No bundle was written. Check that the USB stick is plugged in and has enough space, then try again.</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/device_page.py" line="172" />
        <source>选择指挥部发回的回执或任务包</source>
        <translation>Choose the receipts or assignment bundles from HQ</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/device_page.py" line="173" />
        <source>回执和任务包 (*.sareceipt *.saassign);;所有文件 (*)</source>
        <translation>Receipts and assignments (*.sareceipt *.saassign);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/device_page.py" line="194" />
        <source>{name} 未导入</source>
        <translation>{name} was not imported</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/device_page.py" line="195" />
        <source>这是{kind}，不是回执或任务包。</source>
        <translation>This is a {kind}, not a receipt or an assignment bundle.</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/device_page.py" line="200" />
        <source>正在导入 {name}…</source>
        <translation>Importing {name}…</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/device_page.py" line="204" />
        <source>指挥部已确认 {n} 条记录，下次导出不再包含它们。</source>
        <translation>HQ confirmed {n} records; the next export leaves them out.</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/device_page.py" line="207" />
        <source>其中 {n} 条与指挥部的版本冲突，由指挥部核实处理。</source>
        <translation>{n} of them conflict with HQ's version; HQ will check and decide.</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/device_page.py" line="209" />
        <source>指挥部缺少第 {seqs} 号同步包（其内容已包含在后来的包中）。</source>
        <translation>HQ is missing bundle no. {seqs} (its content came in a later bundle).</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/device_page.py" line="211" />
        <source>回执已导入：指挥部已收到第 {seq} 号同步包</source>
        <translation>Receipt imported: HQ has bundle no. {seq}</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/device_page.py" line="217" />
        <source>新增 {inserted} 条，更新 {updated} 条，未变 {unchanged} 条</source>
        <translation>{inserted} new, {updated} updated, {unchanged} unchanged</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/device_page.py" line="220" />
        <source>{n} 条本机有尚未发送的修改，保留本机版本；下次导出后由指挥部核实。</source>
        <translation>{n} records have unsent changes on this laptop and were kept; HQ checks them after the next export.</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/device_page.py" line="222" />
        <source>任务包已导入</source>
        <translation>Assignment bundle imported</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/device_page.py" line="227" />
        <source>{name} 未导入：{error}</source>
        <translation>{name} was not imported: {error}</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/device_page.py" line="228" />
        <source>没有导入任何数据。请向指挥部要一份新的文件。</source>
        <translation>Nothing was imported. Ask HQ for a new copy of the file.</translation>
    </message>
</context>
<context>
    <name>DevicesPanel</name>
    <message>
        <location filename="../../survey_app/ui/sync/hq_devices.py" line="44" />
        <source>登记和任务包的结果会显示在这里。</source>
        <translation>Enrollments and assignment bundles written appear here.</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/hq_devices.py" line="48" />
        <source>留空则自动编号（D01、D02…）</source>
        <translation>Leave empty to number automatically (D01, D02…)</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/hq_devices.py" line="49" />
        <source>选择登记申请并登记…</source>
        <translation>Choose a request and enroll…</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/hq_devices.py" line="55" />
        <location filename="../../survey_app/ui/sync/hq_devices.py" line="77" />
        <source>设备代码</source>
        <translation>Device code</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/hq_devices.py" line="56" />
        <source>设备登记</source>
        <translation>Enroll a device</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/hq_devices.py" line="57" />
        <source>选择调查笔记本写出的登记申请（.json），核对设备名称和指纹后登记。登记回复文件写在申请文件旁边，拷回该笔记本导入。</source>
        <translation>Choose the enrollment request (.json) a laptop wrote, check its name and fingerprint, and enroll it. The reply file is written next to the request; take it back to that laptop.</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/hq_devices.py" line="63" />
        <source>如 D01</source>
        <translation>e.g. D01</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/hq_devices.py" line="71" />
        <source>写出任务包…</source>
        <translation>Write assignment bundle…</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/hq_devices.py" line="78" />
        <source>调查员</source>
        <translation>Surveyors</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/hq_devices.py" line="79" />
        <source>下发任务包</source>
        <translation>Assignment bundle</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/hq_devices.py" line="80" />
        <source>任务包带去补偿方案、各设备公钥和所选调查员负责的住户（含指挥部已决定的冲突）。</source>
        <translation>It carries the policies, the devices' public keys and the chosen surveyors' households (including conflicts HQ decided).</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/hq_devices.py" line="101" />
        <source>选择设备登记申请</source>
        <translation>Choose a device's enrollment request</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/hq_devices.py" line="102" />
        <source>登记申请 (*.json);;所有文件 (*)</source>
        <translation>Enrollment request (*.json);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/hq_devices.py" line="108" />
        <source>{name} 不能登记：{error}</source>
        <translation>{name} cannot be enrolled: {error}</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/hq_devices.py" line="110" />
        <source>登记设备</source>
        <translation>Enroll device</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/hq_devices.py" line="111" />
        <source>设备名称：{name}
设备密钥指纹：{fp}

请与调查笔记本上显示的指纹核对。登记此设备？</source>
        <translation>Device name: {name}
Device key fingerprint: {fp}

Compare it with the fingerprint shown on the laptop. Enroll this device?</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/hq_devices.py" line="125" />
        <source>{name} 未登记：{error}</source>
        <translation>{name} was not enrolled: {error}</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/hq_devices.py" line="127" />
        <source>正在登记设备…</source>
        <translation>Enrolling the device…</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/hq_devices.py" line="134" />
        <source>已登记设备 {code}</source>
        <translation>Device {code} enrolled</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/hq_devices.py" line="135" />
        <source>登记回复文件：{path}</source>
        <translation>Enrollment reply file: {path}</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/hq_devices.py" line="136" />
        <source>指挥部密钥指纹：{fp}（设备导入后会显示，请与调查员核对）</source>
        <translation>HQ key fingerprint: {fp} (the laptop shows it after the import: compare it with the surveyor)</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/hq_devices.py" line="137" />
        <source>下一步：把登记回复文件拷回该笔记本导入，再为它下发任务包。</source>
        <translation>Next: copy the reply file back to that laptop to import it, then write its assignment bundle.</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/hq_devices.py" line="146" />
        <source>任务包写到哪个文件夹（U 盘）</source>
        <translation>Folder for the assignment bundle (USB stick)</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/hq_devices.py" line="152" />
        <source>请填写设备代码</source>
        <translation>Enter a device code</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/hq_devices.py" line="167" />
        <source>已写出设备 {code} 的任务包</source>
        <translation>Assignment bundle for {code} written</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/hq_devices.py" line="168" />
        <source>文件：{name}</source>
        <translation>File: {name}</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/hq_devices.py" line="168" />
        <source>位置：{folder}</source>
        <translation>Folder: {folder}</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/hq_devices.py" line="169" />
        <source>调查员：{users}</source>
        <translation>Surveyors: {users}</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/hq_devices.py" line="169" />
        <source>（无，只更新方案和设备公钥）</source>
        <translation>(none: policies and device keys only)</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/hq_devices.py" line="170" />
        <source>下一步：拷到 U 盘，在该笔记本的“同步”页点“导入回执 / 任务包”。</source>
        <translation>Next: copy it to the USB stick; on that laptop's Sync page press “Import receipt / assignment”.</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/hq_devices.py" line="171" />
        <source>任务包未写出：{error}</source>
        <translation>The assignment bundle was not written: {error}</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/hq_devices.py" line="172" />
        <source>正在写出任务包…</source>
        <translation>Writing the assignment bundle…</translation>
    </message>
</context>
<context>
    <name>DriveRow</name>
    <message>
        <location filename="../../survey_app/ui/sync/drives.py" line="30" />
        <source>没有找到 U 盘：插入 U 盘后点“刷新”，或用上面的按钮选择文件夹。</source>
        <translation>No USB stick found: plug one in and click Refresh, or choose a folder with the button above.</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/drives.py" line="32" />
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/drives.py" line="33" />
        <source>重新查找插入的 U 盘</source>
        <translation>Look again for plugged-in USB sticks</translation>
    </message>
</context>
<context>
    <name>EditorChoices</name>
    <message>
        <location filename="../../survey_app/ui/editor/choices.py" line="19" />
        <source>现房安置</source>
        <translation>Completed flat</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/choices.py" line="20" />
        <source>期房安置</source>
        <translation>Flat under construction</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/choices.py" line="25" />
        <source>不动产权证书</source>
        <translation>Real estate title certificate</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/choices.py" line="26" />
        <source>房屋所有权证</source>
        <translation>House ownership certificate</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/choices.py" line="27" />
        <source>集体土地使用证</source>
        <translation>Collective land use certificate</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/choices.py" line="28" />
        <source>宅基地批准书</source>
        <translation>Homestead approval</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/choices.py" line="29" />
        <source>租赁合同</source>
        <translation>Lease contract</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/choices.py" line="32" />
        <source>（未填）</source>
        <translation>(not given)</translation>
    </message>
</context>
<context>
    <name>EditorInputs</name>
    <message>
        <location filename="../../survey_app/ui/editor/inputs.py" line="156" />
        <source>年-月-日</source>
        <translation>yyyy-mm-dd</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/inputs.py" line="169" />
        <source>日期“{text}”无效，请按“2023-04-10”填写</source>
        <translation>Date “{text}” is not valid; write it as “2023-04-10”</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/inputs.py" line="188" />
        <source>年份“{text}”不合理</source>
        <translation>Year “{text}” is not plausible</translation>
    </message>
</context>
<context>
    <name>EditorMessages</name>
    <message>
        <location filename="../../survey_app/ui/editor/messages.py" line="22" />
        <source>户号不能为空</source>
        <translation>Household no. is required</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/messages.py" line="23" />
        <source>请登记户主</source>
        <translation>Register the head of household</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/messages.py" line="24" />
        <source>家庭成员中须有且只有一位户主</source>
        <translation>Exactly one family member must be the head of household</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/messages.py" line="25" />
        <source>第{n}位成员的姓名不能为空</source>
        <translation>Member {n}: name is required</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/messages.py" line="26" />
        <source>第{n}位成员的关系无效</source>
        <translation>Member {n}: relation is not valid</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/messages.py" line="27" />
        <source>{who}：{error}</source>
        <translation>{who}: {error}</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/messages.py" line="28" />
        <source>{who}：身份证号码与其他成员重复</source>
        <translation>{who}: ID number is the same as another member's</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/messages.py" line="29" />
        <location filename="../../survey_app/ui/editor/messages.py" line="45" />
        <source>{error}</source>
        <translation>{error}</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/messages.py" line="30" />
        <source>产权份额须大于0且不超过100%</source>
        <translation>Ownership share must be above 0 and at most 100%</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/messages.py" line="31" />
        <source>产权人{name}：{error}</source>
        <translation>Owner {name}: {error}</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/messages.py" line="32" />
        <source>宅基地面积：{error}</source>
        <translation>Homestead area: {error}</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/messages.py" line="33" />
        <source>产权份额合计{total}%，超过100%</source>
        <translation>Ownership shares add up to {total}%, over 100%</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/messages.py" line="34" />
        <source>建筑部分“{part}”的面积不能为空</source>
        <translation>Building part “{part}”: area is required</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/messages.py" line="35" />
        <source>建筑部分“{part}”的面积：{error}</source>
        <translation>Building part “{part}”, area: {error}</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/messages.py" line="36" />
        <source>用途无效</source>
        <translation>Use is not valid</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/messages.py" line="37" />
        <source>合法性认定无效</source>
        <translation>Legal status is not valid</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/messages.py" line="38" />
        <source>临时建筑须填写批准期限</source>
        <translation>A temporary building needs its approved term</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/messages.py" line="39" />
        <source>层数至少为1</source>
        <translation>At least 1 floor</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/messages.py" line="40" />
        <source>请选择附属物种类</source>
        <translation>Choose the kind of fixture</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/messages.py" line="41" />
        <source>附属物数量至少为1</source>
        <translation>Fixture count must be at least 1</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/messages.py" line="42" />
        <source>请选择地上物项目</source>
        <translation>Choose the item</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/messages.py" line="43" />
        <source>数量不能为空</source>
        <translation>Quantity is required</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/messages.py" line="44" />
        <source>数量：{error}</source>
        <translation>Quantity: {error}</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/messages.py" line="46" />
        <source>经营面积不能为空</source>
        <translation>Business area is required</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/messages.py" line="47" />
        <source>经营面积：{error}</source>
        <translation>Business area: {error}</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/messages.py" line="48" />
        <source>年利润不能为负数</source>
        <translation>Annual profit cannot be negative</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/messages.py" line="49" />
        <source>评估单价须大于0</source>
        <translation>Appraised unit price must be above 0</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/messages.py" line="50" />
        <source>评估单价最多两位小数</source>
        <translation>Appraised unit price: at most 2 decimal places</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/messages.py" line="51" />
        <source>同一用途只能有一个评估单价</source>
        <translation>Only one appraised unit price per use</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/messages.py" line="52" />
        <source>请登记至少一个建筑部分</source>
        <translation>Register at least one building part</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/messages.py" line="53" />
        <source>建筑部分“{part}”：请选择合法性认定</source>
        <translation>Building part “{part}”: choose its legal status</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/messages.py" line="54" />
        <source>建筑部分“{part}”：请选择结构（现行方案按结构计价）</source>
        <translation>Building part “{part}”: choose its structure (the current scheme prices by structure)</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/messages.py" line="55" />
        <source>建筑部分“{part}”：现行方案没有“{structure}”结构的单价，请改选</source>
        <translation>Building part “{part}”: the current scheme has no price for structure “{structure}”; choose another</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/messages.py" line="56" />
        <source>建筑部分“{part}”：现行方案没有“{grade}”这一装修等级，请改选</source>
        <translation>Building part “{part}”: the current scheme has no decoration grade “{grade}”; choose another</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/messages.py" line="57" />
        <source>缺少{use}用途的评估单价（待指挥部导入评估报告）</source>
        <translation>No appraised unit price for {use} use yet (HQ imports the appraisal report)</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/messages.py" line="58" />
        <source>请登记产权及份额</source>
        <translation>Register the ownership and its share</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/messages.py" line="59" />
        <source>请在产权一栏填写宅基地面积（现行方案按宅基地面积计算安置或奖励）</source>
        <translation>Enter the homestead area under ownership (the current policy reckons resettlement or an award on it)</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/messages.py" line="60" />
        <source>{who}：享受困难补助，须填写身份证号码</source>
        <translation>{who}: receives a hardship subsidy, so the ID number is required</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/messages.py" line="61" />
        <source>{who}：过渡费按人计发，须填写身份证号码</source>
        <translation>{who}: the transition fee is paid per person, so the ID number is required</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/messages.py" line="62" />
        <source>附属物“{fixture}”按评估值计算，请填写评估值</source>
        <translation>Fixture “{fixture}” is paid by appraised value: enter the value</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/messages.py" line="63" />
        <source>附属物“{fixture}”不在现行方案中，请改为0</source>
        <translation>Fixture “{fixture}” is not in the current scheme: set it to 0</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/messages.py" line="64" />
        <source>地上物“{item}”不在现行方案中，请清空数量</source>
        <translation>Item “{item}” is not in the current scheme: clear its quantity</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/messages.py" line="65" />
        <source>登记了经营“{name}”，但没有经营用途（商业/办公/工业）的建筑部分，停产停业损失无法计算</source>
        <translation>Business “{name}” is registered but no building part has a business use (commercial/office/industrial), so its business loss cannot be calculated</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/messages.py" line="67" />
        <source>经营“{name}”：请填写年利润（现行方案按利润计算停产停业损失）</source>
        <translation>Business “{name}”: enter the annual profit (the current scheme pays business loss from profit)</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/messages.py" line="68" />
        <source>只能登记一处经营（现有{n}处），请合并为一处</source>
        <translation>Only one business can be registered ({n} now); merge them</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/messages.py" line="69" />
        <source>选房组合{n}：{error}</source>
        <translation>Flat choice {n}: {error}</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/messages.py" line="70" />
        <source>选房组合{n}与组合{first}相同，请删除其一</source>
        <translation>Flat choice {n} is the same as choice {first}; delete one of them</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/messages.py" line="71" />
        <source>现行方案不提供产权调换，请删除选房组合</source>
        <translation>The current scheme offers no property exchange; delete the flat choices</translation>
    </message>
</context>
<context>
    <name>EffectBox</name>
    <message>
        <location filename="../../survey_app/ui/hq/effect_box.py" line="31" />
        <source>协议生效</source>
        <translation>Agreements in effect</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/effect_box.py" line="41" />
        <source>协议已生效，生效日期</source>
        <translation>The agreements took effect on</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/effect_box.py" line="44" />
        <source>期限届满，签约比例未达到，协议未生效</source>
        <translation>Deadline passed below the signing rate: the agreements did not take effect</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/effect_box.py" line="51" />
        <source>如 2023-08-20</source>
        <translation>e.g. 2023-08-20</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/effect_box.py" line="54" />
        <source>重新登记须写明原因（记入审计）</source>
        <translation>Recording again needs a reason (audited)</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/effect_box.py" line="58" />
        <source>登记</source>
        <translation>Record</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/effect_box.py" line="67" />
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/effect_box.py" line="82" />
        <source>现行补偿方案没有协议生效条件：协议签订即生效。</source>
        <translation>The current policy sets no condition: agreements take effect when signed.</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/effect_box.py" line="84" />
        <source>现行补偿方案：{by}（含）前本项目签约比例达到 {rate}% 的，协议生效。</source>
        <translation>Current policy: the agreements take effect when the project's signing rate reaches {rate}% by {by} (inclusive).</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/effect_box.py" line="86" />
        <source>尚未登记协议生效情况。</source>
        <translation>Not recorded yet.</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/effect_box.py" line="100" />
        <source>请填写协议生效日期，如 2023-08-20</source>
        <translation>Enter the date the agreements took effect, e.g. 2023-08-20</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/effect_box.py" line="107" />
        <source>正在登记协议生效…</source>
        <translation>Recording…</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/effect_box.py" line="114" />
        <source>已登记。台账中列出生效后结算的奖励。</source>
        <translation>Recorded. The ledger lists the rewards settled once the agreements took effect.</translation>
    </message>
</context>
<context>
    <name>EnrollPanel</name>
    <message>
        <location filename="../../survey_app/ui/sync/enroll_panel.py" line="37" />
        <source>例如：调查组1号笔记本</source>
        <translation>e.g. Survey team laptop 1</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/enroll_panel.py" line="46" />
        <source>生成登记申请…</source>
        <translation>Write enrollment request…</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/enroll_panel.py" line="49" />
        <source>导入登记回复…</source>
        <translation>Import enrollment reply…</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/enroll_panel.py" line="56" />
        <source>设备名称</source>
        <translation>Device name</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/enroll_panel.py" line="57" />
        <source>同步密钥密码</source>
        <translation>Sync key password</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/enroll_panel.py" line="58" />
        <source>再次输入密码</source>
        <translation>Password again</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/enroll_panel.py" line="60" />
        <source>① 生成登记申请</source>
        <translation>① Write the enrollment request</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/enroll_panel.py" line="61" />
        <source>给本机起个名字，设置同步密钥密码（至少 8 位，请牢记：忘记后只能重新登记），然后选择 U 盘。把写出的申请文件交给指挥部。</source>
        <translation>Name this laptop and set a sync key password (at least 8 characters; remember it: a forgotten one means enrolling again), then choose the USB stick. Hand the request file to HQ.</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/enroll_panel.py" line="64" />
        <source>② 导入登记回复</source>
        <translation>② Import the enrollment reply</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/enroll_panel.py" line="65" />
        <source>指挥部登记后会给你一个登记回复文件（.saenroll）。导入后请与指挥部核对屏幕上显示的指挥部密钥指纹。</source>
        <translation>HQ gives you an enrollment reply file (.saenroll). After importing it, compare the HQ key fingerprint shown on screen with HQ.</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/enroll_panel.py" line="80" />
        <source>本机已有密钥：输入当时设置的密码</source>
        <translation>Keys exist already: enter the password set then</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/enroll_panel.py" line="87" />
        <source>登记申请写到哪个文件夹（U 盘）</source>
        <translation>Folder for the enrollment request (USB stick)</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/enroll_panel.py" line="93" />
        <source>请填写设备名称</source>
        <translation>Enter a device name</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/enroll_panel.py" line="97" />
        <source>两次输入的密码不一致</source>
        <translation>The two passwords differ</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/enroll_panel.py" line="116" />
        <source>正在生成密钥和登记申请…</source>
        <translation>Making the keys and the enrollment request…</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/enroll_panel.py" line="123" />
        <source>登记申请已写出</source>
        <translation>Enrollment request written</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/enroll_panel.py" line="124" />
        <source>文件：{name}</source>
        <translation>File: {name}</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/enroll_panel.py" line="124" />
        <source>位置：{folder}</source>
        <translation>Folder: {folder}</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/enroll_panel.py" line="125" />
        <source>本机密钥指纹：{fp}</source>
        <translation>This laptop's key fingerprint: {fp}</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/enroll_panel.py" line="126" />
        <source>下一步：把此文件交给指挥部，指挥部会给你登记回复文件，然后点“导入登记回复”。</source>
        <translation>Next: hand this file to HQ; HQ gives you an enrollment reply, then press “Import enrollment reply”.</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/enroll_panel.py" line="131" />
        <source>选择指挥部的登记回复文件</source>
        <translation>Choose HQ's enrollment reply</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/enroll_panel.py" line="132" />
        <source>登记回复 (*.saenroll);;所有文件 (*)</source>
        <translation>Enrollment reply (*.saenroll);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/enroll_panel.py" line="139" />
        <source>请输入生成登记申请时设置的同步密钥密码：</source>
        <translation>Enter the sync key password set with the enrollment request:</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/enroll_panel.py" line="148" />
        <source>{name} 未导入：{error}</source>
        <translation>{name} was not imported: {error}</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/enroll_panel.py" line="150" />
        <source>正在导入登记回复…</source>
        <translation>Importing the enrollment reply…</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/enroll_panel.py" line="156" />
        <source>登记完成：本机设备代码 {code}</source>
        <translation>Enrolled: this laptop is {code}</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/enroll_panel.py" line="157" />
        <source>指挥部密钥指纹：{fp}</source>
        <translation>HQ key fingerprint: {fp}</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/enroll_panel.py" line="158" />
        <source>请与指挥部当面或电话核对这串指纹；不一致时不要使用本机同步，并告知指挥部。</source>
        <translation>Compare this fingerprint with HQ in person or by phone; if it differs, do not sync and tell HQ.</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/enroll_panel.py" line="159" />
        <source>下一步：导入指挥部给的任务包，开始调查。</source>
        <translation>Next: import the assignment bundle from HQ and start surveying.</translation>
    </message>
</context>
<context>
    <name>Exporter</name>
    <message>
        <location filename="../../survey_app/ui/hq/dashboard_export.py" line="43" />
        <source>Excel 文件 (*.xlsx)</source>
        <translation>Excel files (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/dashboard_export.py" line="54" />
        <source>导出台账</source>
        <translation>Export ledger</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/dashboard_export.py" line="54" />
        <source>台账-{day}.xlsx</source>
        <translation>ledger-{day}.xlsx</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/dashboard_export.py" line="59" />
        <source>已导出台账：{n} 户，结算金额合计 {net} → {path}</source>
        <translation>Ledger exported: {n} households, net total {net} → {path}</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/dashboard_export.py" line="63" />
        <source>正在导出台账…</source>
        <translation>Exporting the ledger…</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/dashboard_export.py" line="68" />
        <source>{y}年{m}月</source>
        <translation>{y}-{m}</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/dashboard_export.py" line="69" />
        <location filename="../../survey_app/ui/hq/dashboard_export.py" line="73" />
        <source>导出月报</source>
        <translation>Export monthly report</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/dashboard_export.py" line="69" />
        <source>月份</source>
        <translation>Month</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/dashboard_export.py" line="73" />
        <source>月报-{y}-{m:02d}.xlsx</source>
        <translation>monthly-{y}-{m:02d}.xlsx</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/dashboard_export.py" line="79" />
        <source>已导出 {y}年{m}月 月报（{n} 个片区）→ {path}</source>
        <translation>Monthly report {y}-{m} exported ({n} sections) → {path}</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/dashboard_export.py" line="83" />
        <source>正在导出月报…</source>
        <translation>Exporting the monthly report…</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/dashboard_export.py" line="86" />
        <source>未能导出：{error}</source>
        <translation>Not exported: {error}</translation>
    </message>
</context>
<context>
    <name>FieldHouseholdDialog</name>
    <message>
        <location filename="../../survey_app/ui/pages/field_household_dialog.py" line="40" />
        <source>新增住户</source>
        <translation>New household</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/pages/field_household_dialog.py" line="41" />
        <source>登记名册上没有、在现场发现的住户。新增后状态为“待调查”，由您调查；列表中标记为“新增”，待指挥部确认。</source>
        <translation>Register a household found in the field that is not on the roster. It starts as 'Pending', surveyed by you, and is marked 'New' in the list until HQ confirms it.</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/pages/field_household_dialog.py" line="49" />
        <source>街道、门牌号、楼栋、单元、室</source>
        <translation>Street, number, building, unit, flat</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/pages/field_household_dialog.py" line="60" />
        <source>如：名册外的后院加建户，邻居指认</source>
        <translation>e.g. backyard extension, shown by neighbours</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/pages/field_household_dialog.py" line="64" />
        <source>户主姓名 *</source>
        <translation>Head's name *</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/pages/field_household_dialog.py" line="65" />
        <source>地址 *</source>
        <translation>Address *</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/pages/field_household_dialog.py" line="66" />
        <source>地块</source>
        <translation>Section</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/pages/field_household_dialog.py" line="67" />
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/pages/field_household_dialog.py" line="68" />
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/pages/field_household_dialog.py" line="71" />
        <source>新增</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/pages/field_household_dialog.py" line="101" />
        <source>正在保存…</source>
        <translation>Saving…</translation>
    </message>
</context>
<context>
    <name>FixturesSection</name>
    <message>
        <location filename="../../survey_app/ui/editor/sections_menu.py" line="104" />
        <source>按补偿方案（{policy}）的附属物清单逐项填写数量，没有的保持0。</source>
        <translation>Count each fixture on the policy's list ({policy}); leave 0 for none.</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/sections_menu.py" line="105" />
        <source>现行方案</source>
        <translation>current policy</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/sections_menu.py" line="106" />
        <source>附属物</source>
        <translation>Fixtures</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/sections_menu.py" line="117" />
        <source>评估值 元</source>
        <translation>Value, yuan</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/sections_menu.py" line="139" />
        <source>（现行方案无此项）</source>
        <translation> (not in the current policy)</translation>
    </message>
</context>
<context>
    <name>FlatChoicesSection</name>
    <message>
        <location filename="../../survey_app/ui/editor/sections_flats.py" line="39" />
        <source>选房意向（产权调换）</source>
        <translation>Flats wanted (property exchange)</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/sections_flats.py" line="47" />
        <source>每个组合是该户愿意接受的一种安置，最多{n}套；按楼层定价的户型请选楼层。测算时每个组合列一个产权调换方案；不登记组合则每种户型各列一个。</source>
        <translation>Each combination is one settlement the household would accept, up to {n} flats; pick the floor where the type is priced by floor. The calculation lists one exchange option per combination; without any, one per flat type.</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/sections_flats.py" line="50" />
        <source>现行方案不提供产权调换，不能登记选房组合。</source>
        <translation>The current scheme offers no property exchange: no flat choices.</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/sections_flats.py" line="61" />
        <source>第{n}套</source>
        <translation>Flat {n}</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/sections_flats.py" line="66" />
        <source>（不选）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/sections_flats.py" line="68" />
        <location filename="../../survey_app/ui/editor/sections_flats.py" line="92" />
        <source>{label}（{area} m²）</source>
        <translation>{label} ({area} m²)</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/sections_flats.py" line="73" />
        <source>楼层未定</source>
        <translation>Floor open</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/sections_flats.py" line="74" />
        <source> 层</source>
        <translation> fl.</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/sections_flats.py" line="85" />
        <source>另购</source>
        <translation>Also buy</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/sections_flats.py" line="90" />
        <source>（不另购）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/sections_flats.py" line="100" />
        <source>＋ 添加组合</source>
        <translation>+ Add combination</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/sections_flats.py" line="102" />
        <source>删除所选组合</source>
        <translation>Delete selected combination</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/sections_flats.py" line="126" />
        <source>共{n}层；按楼层定价</source>
        <translation>{n} floors; priced by floor</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/sections_flats.py" line="144" />
        <source>请先选择户型。</source>
        <translation>Pick a flat type first.</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/sections_flats.py" line="147" />
        <source>该组合已登记（组合{n}）。</source>
        <translation>This combination is already listed (combination {n}).</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/sections_flats.py" line="151" />
        <source>不能添加：{error}</source>
        <translation>Cannot add: {error}</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/sections_flats.py" line="174" />
        <source>组合{n}：{flats}</source>
        <translation>Combination {n}: {flats}</translation>
    </message>
</context>
<context>
    <name>Formats</name>
    <message>
        <location filename="../../survey_app/ui/formatting.py" line="27" />
        <source>{y}年{m}月{d}日</source>
        <translation>{d} {mon} {y}</translation>
    </message>
</context>
<context>
    <name>GrievanceDialog</name>
    <message>
        <location filename="../../survey_app/ui/money/grievance_dialog.py" line="38" />
        <source>信访/纠纷 — {household}</source>
        <translation>Grievances — {household}</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/money/grievance_dialog.py" line="39" />
        <source>待处理</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/money/grievance_dialog.py" line="39" />
        <source>跟进中</source>
        <translation>Following up</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/money/grievance_dialog.py" line="39" />
        <location filename="../../survey_app/ui/money/grievance_dialog.py" line="163" />
        <source>已办结</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/money/grievance_dialog.py" line="48" />
        <source>跟进情况：做了什么、对方怎么说</source>
        <translation>Follow-up: what was done, what they said</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/money/grievance_dialog.py" line="49" />
        <source>登记跟进</source>
        <translation>Add follow-up</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/money/grievance_dialog.py" line="50" />
        <source>处理结果</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/money/grievance_dialog.py" line="51" />
        <source>办结</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/money/grievance_dialog.py" line="60" />
        <source>信访</source>
        <translation>Petition</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/money/grievance_dialog.py" line="60" />
        <source>纠纷</source>
        <translation>Dispute</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/money/grievance_dialog.py" line="60" />
        <source>投诉</source>
        <translation>Complaint</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/money/grievance_dialog.py" line="62" />
        <source>事由（简要）</source>
        <translation>Subject (short)</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/money/grievance_dialog.py" line="63" />
        <source>详细说明</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/money/grievance_dialog.py" line="64" />
        <source>办理期限</source>
        <translation>Due by</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/money/grievance_dialog.py" line="70" />
        <source>登记</source>
        <translation>Record</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/money/grievance_dialog.py" line="71" />
        <source>登记新的信访/纠纷</source>
        <translation>Record a new grievance</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/money/grievance_dialog.py" line="73" />
        <source>类别</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/money/grievance_dialog.py" line="74" />
        <source>事由 *</source>
        <translation>Subject *</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/money/grievance_dialog.py" line="75" />
        <source>说明</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/money/grievance_dialog.py" line="79" />
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/money/grievance_dialog.py" line="102" />
        <source>（逾期）</source>
        <translation> (overdue)</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/money/grievance_dialog.py" line="104" />
        <source>{day}  {kind}  {status}{late}  期限 {due}  {summary}</source>
        <translation>{day}  {kind}  {status}{late}  due {due}  {summary}</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/money/grievance_dialog.py" line="124" />
        <source>该户没有信访/纠纷记录。</source>
        <translation>No grievances recorded for this household.</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/money/grievance_dialog.py" line="130" />
        <source>办结：{text}</source>
        <translation>Closed: {text}</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/money/grievance_dialog.py" line="145" />
        <source>正在保存…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/money/grievance_dialog.py" line="151" />
        <source>已登记</source>
        <translation>Recorded</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/money/grievance_dialog.py" line="157" />
        <source>已登记跟进</source>
        <translation>Follow-up recorded</translation>
    </message>
</context>
<context>
    <name>HandoverDialog</name>
    <message>
        <location filename="../../survey_app/ui/money/handover_dialog.py" line="41" />
        <source>交房验收 — {household}</source>
        <translation>Handover — {household}</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/money/handover_dialog.py" line="42" />
        <source>核对房屋已腾空、表计读数和交回的钥匙；保存后该户状态为“已交房”。</source>
        <translation>Check that the house is empty, the meter readings and the keys returned; once saved the household is “handed over”.</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/money/handover_dialog.py" line="45" />
        <location filename="../../survey_app/ui/money/handover_dialog.py" line="47" />
        <source>m³</source>
        <translation>m³</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/money/handover_dialog.py" line="46" />
        <source>kWh</source>
        <translation>kWh</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/money/handover_dialog.py" line="52" />
        <source>如：屋内已清空，门窗完好</source>
        <translation>e.g. house empty, doors and windows intact</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/money/handover_dialog.py" line="55" />
        <source>表计读数</source>
        <translation>Meter readings</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/money/handover_dialog.py" line="55" />
        <source>钥匙</source>
        <translation>Keys</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/money/handover_dialog.py" line="55" />
        <source>房屋现状</source>
        <translation>State of the house</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/money/handover_dialog.py" line="56" />
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/money/handover_dialog.py" line="58" />
        <source>添加照片…</source>
        <translation>Add photos…</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/money/handover_dialog.py" line="61" />
        <source>未添加照片</source>
        <translation>No photos added</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/money/handover_dialog.py" line="68" />
        <source>交房日期</source>
        <translation>Handed over on</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/money/handover_dialog.py" line="69" />
        <source>水表读数</source>
        <translation>Water meter</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/money/handover_dialog.py" line="70" />
        <source>电表读数</source>
        <translation>Electricity meter</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/money/handover_dialog.py" line="71" />
        <source>燃气表读数</source>
        <translation>Gas meter</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/money/handover_dialog.py" line="72" />
        <source>交回钥匙(把)</source>
        <translation>Keys returned</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/money/handover_dialog.py" line="73" />
        <source>验收说明</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/money/handover_dialog.py" line="74" />
        <source>照片</source>
        <translation>Photos</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/money/handover_dialog.py" line="76" />
        <source>确认交房</source>
        <translation>Confirm handover</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/money/handover_dialog.py" line="76" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/money/handover_dialog.py" line="90" />
        <source>已添加 {n} 张照片</source>
        <translation>{n} photo(s) added</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/money/handover_dialog.py" line="93" />
        <source>选择照片</source>
        <translation>Choose photos</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/money/handover_dialog.py" line="94" />
        <source>图片 (*.jpg *.jpeg *.png *.heic *.webp *.bmp)</source>
        <translation>Images (*.jpg *.jpeg *.png *.heic *.webp *.bmp)</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/money/handover_dialog.py" line="112" />
        <source>正在保存…</source>
        <translation>Saving…</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <location filename="../../survey_app/ui/help_page.py" line="20" />
        <source>使用帮助 — 一户的一天</source>
        <translation>Help — a household's day</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/help_page.py" line="37" />
        <source>出发前：领取任务</source>
        <translation>Before you go: load your assignment</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/help_page.py" line="38" />
        <source>早上用 U 盘导入指挥部下发的任务包（左侧“同步”）。首页列出“接下来要走访的住户”：被退回的住户排在最前面。</source>
        <translation>In the morning, import HQ's assignment bundle from the USB stick ('Sync' on the left). The home page lists the 'next households to visit': returned ones come first.</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/help_page.py" line="39" />
        <source>1. 调查（调查员）</source>
        <translation>1. Survey (field worker)</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/help_page.py" line="40" />
        <source>在“住户”页找到这一户（可输入户号、姓名、拼音或电话），双击或按回车打开调查表，逐项录入家庭成员、产权、建筑部分、附属物、经营和评估单价，并拍照。录入中途离开也不会丢失：系统自动保存草稿，列表中标有“草稿”。名册上没有的住户，用“新增住户”登记，待指挥部确认。</source>
        <translation>Find the household on the 'Households' page (type its code, name, pinyin or phone), double-click it or press Enter to open the survey form, and enter the members, ownership, building parts, fixtures, business and appraisal prices; take the photos. Nothing is lost if you leave half-way: a draft is saved automatically and marked 'Draft' in the list. A house not on the roster is added with 'New household', for HQ to confirm.</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/help_page.py" line="44" />
        <source>2. 提交复核（调查员）</source>
        <translation>2. Submit for review (field worker)</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/help_page.py" line="45" />
        <source>右侧详情的“办理进度”会列出还缺什么。补齐后点“提交调查”，确认后交给复核员。灰色的按钮把鼠标停在上面，会说明为什么现在不能用。</source>
        <translation>'Progress' in the details on the right lists what is still missing. Once complete, click 'Submit survey” and confirm; it goes to the supervisor. Hover over a greyed-out button to see why it cannot be used yet.</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/help_page.py" line="47" />
        <source>3. 复核（复核员）</source>
        <translation>3. Review (supervisor)</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/help_page.py" line="48" />
        <source>在“复核”页逐户核对：右侧显示的就是要决定的那一户。核对无误点“通过复核”；有问题填写意见后点“退回修改”，调查员会在详情顶部看到红色的退回意见。</source>
        <translation>Check each household on the 'Review' page: the one shown on the right is the one you decide on. If it is right, click 'Approve'; if not, write a note and click 'Return': the field worker sees it in red at the top of the details.</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/help_page.py" line="50" />
        <source>4. 测算（调查员）</source>
        <translation>4. Calculation (field worker)</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/help_page.py" line="51" />
        <source>复核通过后在“测算”页计算各安置方案（货币补偿、产权调换、房票），并排给住户讲解，可打印测算单给住户留存。住户选定方案后确认测算。</source>
        <translation>After review, calculate every option on the 'Compare' page (cash, property exchange, voucher), explain them side by side and print the calculation sheet for the family to keep. Once the family has chosen, confirm the calculation.</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/help_page.py" line="53" />
        <source>5. 协议与签约（调查员）</source>
        <translation>5. Agreement and signing (field worker)</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/help_page.py" line="54" />
        <source>点“协议”出具协议，打印或另存为 PDF，住户核对后签字，登记签约。调查表在测算后又有改动时，须重新测算才能打印或签约。</source>
        <translation>Click 'Agreement' to issue it, print it or save it as PDF; the family checks and signs, then record the signing. If the survey changed after the calculation, calculate again before printing or signing.</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/help_page.py" line="56" />
        <source>6. 交房（复核员或指挥部）</source>
        <translation>6. Handover (supervisor or HQ)</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/help_page.py" line="57" />
        <source>住户交房后，在“住户”页点“确认交房”。这一户就办结了。</source>
        <translation>When the family has handed the house over, click 'Confirm handover' on the 'Households' page. The household is done.</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/help_page.py" line="58" />
        <source>收工：同步</source>
        <translation>End of day: sync</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/help_page.py" line="59" />
        <source>晚上在“同步”页把当天的工作导出到 U 盘，交回指挥部；下次导入指挥部的回执。</source>
        <translation>In the evening, export the day's work to the USB stick on the 'Sync' page and hand it to HQ; import HQ's receipt next time.</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/help_page.py" line="60" />
        <source>小技巧</source>
        <translation>Tips</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/help_page.py" line="61" />
        <source>Ctrl+1…5 切换页面，Ctrl+F 搜索，Esc 清除搜索，F1 打开本帮助。换人使用时，用“文件 → 注销 / 切换用户”，不必退出程序。</source>
        <translation>Ctrl+1…5 switch pages, Ctrl+F searches, Esc clears the search, F1 opens this help. When someone else takes over, use 'File → Log out / switch user'; no need to quit.</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/help_page.py" line="66" />
        <source>一户的一天</source>
        <translation>A household's day</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/help_page.py" line="67" />
        <source>每一户都走同一条路：调查 → 复核 → 测算 → 协议 → 签约 → 交房。</source>
        <translation>Every household goes the same way: survey → review → calculation → agreement → signing → handover.</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <location filename="../../survey_app/ui/pages/home_page.py" line="61" />
        <source>今日工作</source>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/pages/home_page.py" line="66" />
        <source>今日完成调查</source>
        <translation>Surveyed today</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/pages/home_page.py" line="66" />
        <source>今日测算</source>
        <translation>Calculated today</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/pages/home_page.py" line="67" />
        <source>今日签约</source>
        <translation>Signed today</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/pages/home_page.py" line="100" />
        <source>未完成的草稿</source>
        <translation>Unfinished drafts</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/pages/home_page.py" line="101" />
        <source>接下来要走访</source>
        <translation>Next to visit</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/pages/home_page.py" line="161" />
        <source>（{when} 自动保存）</source>
        <translation>(autosaved {when})</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/pages/home_page.py" line="163" />
        <source>（被退回）</source>
        <translation>(returned)</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/pages/home_page.py" line="166" />
        <source>在住户页打开这一户</source>
        <translation>Open this household on the Households page</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/pages/home_page.py" line="205" />
        <source>{name}，您好</source>
        <translation>Hello, {name}</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/pages/home_page.py" line="206" />
        <source>{date}（{role}）</source>
        <translation>{date} ({role})</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/pages/home_page.py" line="218" />
        <source>我负责的住户</source>
        <translation>My households</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/pages/home_page.py" line="218" />
        <source>全项目进度</source>
        <translation>Whole project</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/pages/home_page.py" line="220" />
        <source>已完成调查 {pct}%</source>
        <translation>{pct}% surveyed</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/pages/home_page.py" line="221" />
        <source>共 {total} 户，已完成调查 {done} 户，待调查 {left} 户</source>
        <translation>{total} households: {done} surveyed, {left} still to survey</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/pages/home_page.py" line="226" />
        <source>在住户列表中查看“{status}”的住户</source>
        <translation>Show the “{status}” households in the list</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/pages/home_page.py" line="228" />
        <source>没有未保存的草稿</source>
        <translation>No unsaved drafts</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/pages/home_page.py" line="230" />
        <source>没有待调查的住户</source>
        <translation>No households left to survey</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/pages/home_page.py" line="230" />
        <source>没有分配给您的住户</source>
        <translation>No households assigned to you</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/pages/home_page.py" line="233" />
        <source>待复核 {n} 户 — 去复核</source>
        <translation>{n} waiting for review — review now</translation>
    </message>
</context>
<context>
    <name>HouseholdDetailHtml</name>
    <message>
        <location filename="../../survey_app/ui/detail_html.py" line="80" />
        <source>无</source>
        <translation>None</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/detail_html.py" line="97" />
        <source>照片：无</source>
        <translation>Photos: none</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/detail_html.py" line="102" />
        <source>查看照片</source>
        <translation>View photos</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/detail_html.py" line="104" />
        <source>照片 {n} 张：</source>
        <translation>{n} photos: </translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/detail_html.py" line="113" />
        <source>新增住户（现场发现，待指挥部确认）</source>
        <translation>New household (found in the field, awaiting HQ confirmation)</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/detail_html.py" line="116" />
        <source>新增住户（指挥部已确认）</source>
        <translation>New household (confirmed by HQ)</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/detail_html.py" line="119" />
        <source>有未保存的草稿：打开编辑可继续</source>
        <translation>Unsaved draft: open the editor to continue</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/detail_html.py" line="123" />
        <source>测算不一致：指挥部按调查记录重算的结果与设备的测算不同，待核实（见“同步 → 待处理事项”）；据此签的协议暂不可作为付款依据</source>
        <translation>Calculation disputed: HQ's recomputation from the survey differs from the device's; to be checked (see Sync → Open items). An agreement signed on it is not a basis for payment yet</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/detail_html.py" line="150" />
        <source>下一步：{what}（{who}）</source>
        <translation>Next: {what} ({who})</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/detail_html.py" line="154" />
        <source>还缺：</source>
        <translation>Still missing:</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/detail_html.py" line="156" />
        <source>办理进度</source>
        <translation>Progress</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/detail_html.py" line="164" />
        <source>复核退回，请按意见修改后重新提交：</source>
        <translation>Returned by the supervisor — correct it and submit again:</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/detail_html.py" line="167" />
        <source>复核意见：{comment}</source>
        <translation>Review note: {comment}</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/detail_html.py" line="177" />
        <source>第{rev}版　{when}　{who}</source>
        <translation>revision {rev}, {when}, {who}</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/detail_html.py" line="180" />
        <source>户主</source>
        <translation>Head</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/detail_html.py" line="181" />
        <location filename="../../survey_app/ui/detail_html.py" line="210" />
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/detail_html.py" line="182" />
        <location filename="../../survey_app/ui/detail_html.py" line="211" />
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/detail_html.py" line="183" />
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/detail_html.py" line="184" />
        <source>地块</source>
        <translation>Section</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/detail_html.py" line="185" />
        <source>调查员</source>
        <translation>Surveyor</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/detail_html.py" line="186" />
        <source>调查人</source>
        <translation>Surveyed by</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/detail_html.py" line="187" />
        <source>签约意愿</source>
        <translation>Willing to sign</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/detail_html.py" line="188" />
        <source>意向安置方式</source>
        <translation>Preferred mode</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/detail_html.py" line="189" />
        <source>已选安置方案</source>
        <translation>Chosen option</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/detail_html.py" line="190" />
        <location filename="../../survey_app/ui/detail_html.py" line="258" />
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/detail_html.py" line="191" />
        <source>最后修改</source>
        <translation>Last change</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/detail_html.py" line="193" />
        <source>户主与住户</source>
        <translation>Head of household</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/detail_html.py" line="197" />
        <source>低保</source>
        <translation>Minimum allowance</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/detail_html.py" line="197" />
        <source>残疾</source>
        <translation>Disabled</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/detail_html.py" line="198" />
        <source>大病</source>
        <translation>Serious illness</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/detail_html.py" line="200" />
        <source>户籍不在本址</source>
        <translation>Hukou elsewhere</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/detail_html.py" line="210" />
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/detail_html.py" line="210" />
        <source>关系</source>
        <translation>Relation</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/detail_html.py" line="210" />
        <source>性别</source>
        <translation>Sex</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/detail_html.py" line="210" />
        <source>出生日期</source>
        <translation>Born</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/detail_html.py" line="211" />
        <source>情况</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/detail_html.py" line="212" />
        <source>家庭成员（{n}人）</source>
        <translation>Family members ({n})</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/detail_html.py" line="222" />
        <source>权利人</source>
        <translation>Owner</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/detail_html.py" line="222" />
        <source>证书类型</source>
        <translation>Certificate</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/detail_html.py" line="222" />
        <source>证书编号</source>
        <translation>Certificate no.</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/detail_html.py" line="222" />
        <source>份额</source>
        <translation>Share</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/detail_html.py" line="223" />
        <source>土地面积 m²</source>
        <translation>Land m²</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/detail_html.py" line="224" />
        <source>产权</source>
        <translation>Ownership</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/detail_html.py" line="228" />
        <location filename="../../survey_app/ui/detail_html.py" line="241" />
        <source>建筑部分</source>
        <translation>Building parts</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/detail_html.py" line="233" />
        <location filename="../../survey_app/ui/detail_html.py" line="277" />
        <source>部位</source>
        <translation>Part</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/detail_html.py" line="233" />
        <location filename="../../survey_app/ui/detail_html.py" line="265" />
        <source>面积 m²</source>
        <translation>Area m²</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/detail_html.py" line="233" />
        <location filename="../../survey_app/ui/detail_html.py" line="277" />
        <source>用途</source>
        <translation>Use</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/detail_html.py" line="233" />
        <location filename="../../survey_app/ui/detail_html.py" line="278" />
        <source>结构</source>
        <translation>Structure</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/detail_html.py" line="233" />
        <source>层数</source>
        <translation>Floors</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/detail_html.py" line="234" />
        <source>建成年份</source>
        <translation>Built</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/detail_html.py" line="234" />
        <source>合法性</source>
        <translation>Legal status</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/detail_html.py" line="239" />
        <source>合计</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/detail_html.py" line="252" />
        <source>{n}处</source>
        <translation>{n}</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/detail_html.py" line="256" />
        <location filename="../../survey_app/ui/detail_html.py" line="260" />
        <source>附属物</source>
        <translation>Fixtures</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/detail_html.py" line="256" />
        <location filename="../../survey_app/ui/detail_html.py" line="258" />
        <source>数量</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/detail_html.py" line="258" />
        <source>其他调查项目</source>
        <translation>Other items</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/detail_html.py" line="265" />
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/detail_html.py" line="265" />
        <source>统一社会信用代码</source>
        <translation>USCC</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/detail_html.py" line="265" />
        <source>年利润</source>
        <translation>Annual profit</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/detail_html.py" line="266" />
        <source>经营</source>
        <translation>Business</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/detail_html.py" line="277" />
        <source>报告编号</source>
        <translation>Report no.</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/detail_html.py" line="277" />
        <source>评估机构</source>
        <translation>Appraiser</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/detail_html.py" line="277" />
        <source>评估单价 元/m²</source>
        <translation>Unit price yuan/m²</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/detail_html.py" line="278" />
        <source>评估日期</source>
        <translation>Appraised on</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/detail_html.py" line="278" />
        <source>成新</source>
        <translation>Condition</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/detail_html.py" line="278" />
        <source>装修</source>
        <translation>Decoration</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/detail_html.py" line="278" />
        <source>附属物评估值</source>
        <translation>Fixtures value</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/detail_html.py" line="281" />
        <source>以上为评估机构出具的评估结果（由指挥部导入），调查中不能修改。</source>
        <translation>These are the appraiser's results (imported at HQ); they cannot be changed during the survey.</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/detail_html.py" line="283" />
        <source>评估</source>
        <translation>Appraisal</translation>
    </message>
</context>
<context>
    <name>HouseholdDetailView</name>
    <message>
        <location filename="../../survey_app/ui/household_detail.py" line="67" />
        <location filename="../../survey_app/ui/household_detail.py" line="136" />
        <source>在左侧列表中选择一户，这里显示其详细情况</source>
        <translation>Select a household in the list to see its details here</translation>
    </message>
</context>
<context>
    <name>HouseholdEditorDialog</name>
    <message>
        <location filename="../../survey_app/ui/editor/editor_layout.py" line="75" />
        <location filename="../../survey_app/ui/editor/household_editor.py" line="275" />
        <source>提交调查</source>
        <translation>Submit survey</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/editor_layout.py" line="76" />
        <source>调查完成：保存并把该户从“待调查”改为“已调查”，等待复核</source>
        <translation>Survey complete: save and move the household from “To survey” to “Surveyed”, ready for review</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/editor_layout.py" line="78" />
        <location filename="../../survey_app/ui/editor/household_editor.py" line="307" />
        <source>放弃修改</source>
        <translation>Discard changes</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/editor_layout.py" line="79" />
        <source>放弃未保存的修改，回到上次保存的内容</source>
        <translation>Discard unsaved changes and go back to what was last saved</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/editor_layout.py" line="80" />
        <location filename="../../survey_app/ui/editor/household_editor.py" line="319" />
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/editor_layout.py" line="81" />
        <source>关闭（Esc）</source>
        <translation>Close (Esc)</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/editor_layout.py" line="82" />
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/editor_layout.py" line="83" />
        <source>保存（Ctrl+S）</source>
        <translation>Save (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/household_editor.py" line="118" />
        <source>草稿已自动保存（{time}）</source>
        <translation>Draft saved automatically ({time})</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/household_editor.py" line="120" />
        <source>草稿未能自动保存：{error}</source>
        <translation>The draft could not be saved: {error}</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/household_editor.py" line="202" />
        <source>有{n}处需要改正，尚未保存。</source>
        <translation>{n} problem(s) to correct; not saved.</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/household_editor.py" line="207" />
        <source>没有需要保存的修改。</source>
        <translation>Nothing to save.</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/household_editor.py" line="217" />
        <source>正在保存…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/household_editor.py" line="227" />
        <source>已保存（第{rev}版）。</source>
        <translation>Saved (revision {rev}).</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/household_editor.py" line="240" />
        <source>保存冲突</source>
        <translation>Save conflict</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/household_editor.py" line="241" />
        <source>{error}

要用你现在的内容覆盖保存吗？（对方的修改将被替换；审计日志会记下这次修改）</source>
        <translation>{error}

Save your version over it? (The other changes are replaced; the audit log records this.)</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/household_editor.py" line="247" />
        <location filename="../../survey_app/ui/editor/household_editor.py" line="249" />
        <source>不能保存</source>
        <translation>Cannot save</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/household_editor.py" line="276" />
        <source>提交后该户变为“已调查”，等待复核员复核。确定提交吗？</source>
        <translation>After submitting, the household is “Surveyed” and waits for a supervisor's review. Submit?</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/household_editor.py" line="281" />
        <source>正在提交…</source>
        <translation>Submitting…</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/household_editor.py" line="287" />
        <source>已提交，状态：{status}。</source>
        <translation>Submitted; status: {status}.</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/household_editor.py" line="263" />
        <location filename="../../survey_app/ui/editor/household_editor.py" line="297" />
        <source>不能提交</source>
        <translation>Cannot submit</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/household_editor.py" line="260" />
        <source>调查尚未完成：还有{n}项需要改正或补全，不能提交。</source>
        <translation>The survey is not complete: {n} item(s) to correct or fill in; not submitted.</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/household_editor.py" line="264" />
        <location filename="../../survey_app/ui/editor/household_editor.py" line="296" />
        <source>调查尚未完成，不能提交。请先改正或补全以下各项：
{lines}</source>
        <translation>The survey is not complete and cannot be submitted. Correct or fill in first:
{lines}</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/household_editor.py" line="307" />
        <source>放弃所有未保存的修改，回到上次保存的内容吗？</source>
        <translation>Discard all unsaved changes and go back to what was last saved?</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/household_editor.py" line="312" />
        <source>已放弃修改。</source>
        <translation>Changes discarded.</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/household_editor.py" line="319" />
        <source>有未保存的修改。</source>
        <translation>There are unsaved changes.</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/household_editor.py" line="320" />
        <source>保存并关闭</source>
        <translation>Save and close</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/household_editor.py" line="321" />
        <source>放弃修改并关闭</source>
        <translation>Discard and close</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/household_editor.py" line="322" />
        <source>继续编辑</source>
        <translation>Keep editing</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/drafts.py" line="38" />
        <source>发现未保存的修改（保存于 {when}），是否恢复？</source>
        <translation>Unsaved changes were found (saved {when}). Restore them?</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/drafts.py" line="41" />
        <source>注意：草稿是在第{base}版上做的修改，该户现在已是第{rev}版（其间有人保存过）。恢复后保存时会提示冲突，由你决定是否覆盖。</source>
        <translation>Note: the draft was made on revision {base}; the household is now at revision {rev} (someone saved meanwhile). Saving a restored draft will report the conflict and let you decide whether to overwrite.</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/drafts.py" line="45" />
        <source>恢复未保存的修改</source>
        <translation>Restore unsaved changes</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/drafts.py" line="47" />
        <source>恢复</source>
        <translation>Restore</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/drafts.py" line="49" />
        <source>丢弃</source>
        <translation>Discard</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/drafts.py" line="59" />
        <source>丢弃草稿</source>
        <translation>Discard draft</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/drafts.py" line="60" />
        <source>确定丢弃这份草稿吗？丢弃后无法恢复。</source>
        <translation>Discard this draft? It cannot be recovered.</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/drafts.py" line="62" />
        <source>确定丢弃</source>
        <translation>Discard</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/drafts.py" line="64" />
        <source>恢复草稿</source>
        <translation>Restore draft</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/household_editor.py" line="352" />
        <source>已恢复{when}的草稿，尚未保存。</source>
        <translation>Restored the draft of {when}; not saved yet.</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/household_editor.py" line="368" />
        <source>该户已签约，调查数据已冻结，只能查看。如需更正，须先由复核员作废协议。</source>
        <translation>This household has signed: the survey is frozen and can only be viewed. To correct it, a supervisor must first void the agreement.</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/household_editor.py" line="370" />
        <source>当前用户无权修改调查数据，只能查看。</source>
        <translation>You may not change survey data; view only.</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/household_editor.py" line="388" />
        <source>第{rev}版　最后修改：{when} {who}</source>
        <translation>Revision {rev}, last changed {when} by {who}</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/household_editor.py" line="390" />
        <source>住户调查 — {code} {name}</source>
        <translation>Household survey — {code} {name}</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/navigation.py" line="72" />
        <source>先把光标放到要添加行的表格（成员、产权、建筑部分、经营、评估）中。</source>
        <translation>Put the cursor in the table to add a row to (members, ownership, building parts, business, appraisal).</translation>
    </message>
</context>
<context>
    <name>HouseholdFilterBar</name>
    <message>
        <location filename="../../survey_app/ui/household_filter_bar.py" line="34" />
        <source>搜索 户号 / 姓名 / 拼音 / 身份证号 / 电话 / 地址 / 协议号</source>
        <translation>Search code / name / pinyin / ID number / phone / address / agreement no.</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/household_filter_bar.py" line="42" />
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/household_filter_bar.py" line="47" />
        <source>地块</source>
        <translation>Section</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/household_filter_bar.py" line="51" />
        <source>只看我的</source>
        <translation>Mine only</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/household_filter_bar.py" line="52" />
        <source>只列出分配给我的住户</source>
        <translation>List only the households assigned to me</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/household_filter_bar.py" line="97" />
        <source>全部 ({n})</source>
        <translation>All ({n})</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/household_filter_bar.py" line="100" />
        <source>{label} ({n})</source>
        <translation>{label} ({n})</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/household_filter_bar.py" line="93" />
        <location filename="../../survey_app/ui/household_filter_bar.py" line="113" />
        <source>全部</source>
        <translation>All</translation>
    </message>
</context>
<context>
    <name>HouseholdModel</name>
    <message>
        <location filename="../../survey_app/ui/household_model.py" line="47" />
        <source>户号</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/household_model.py" line="48" />
        <source>户主</source>
        <translation>Head</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/household_model.py" line="49" />
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/household_model.py" line="50" />
        <source>地块</source>
        <translation>Section</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/household_model.py" line="51" />
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/household_model.py" line="52" />
        <source>人口</source>
        <translation>Persons</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/household_model.py" line="53" />
        <source>建筑面积 m²</source>
        <translation>Floor area m²</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/household_model.py" line="54" />
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/household_model.py" line="256" />
        <source>此列不能排序</source>
        <translation>This column cannot be sorted</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/household_model.py" line="319" />
        <source>测算不一致</source>
        <translation>calculation disputed</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/household_model.py" line="321" />
        <source>草稿</source>
        <translation>Draft</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/household_model.py" line="330" />
        <source>测算不一致：指挥部按调查记录重算的结果与设备的测算不同，待核实</source>
        <translation>Calculation disputed: HQ's recomputation from the survey differs from the device's; to be checked</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/household_model.py" line="332" />
        <source>有未保存的草稿：打开编辑可继续</source>
        <translation>Unsaved draft: open the editor to continue</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/household_model.py" line="334" />
        <source>新增住户：名册外现场发现，待指挥部确认</source>
        <translation>New household: found in the field, not on the roster; awaiting HQ</translation>
    </message>
</context>
<context>
    <name>HouseholdSection</name>
    <message>
        <location filename="../../survey_app/ui/editor/sections_people.py" line="118" />
        <source>住户与户主</source>
        <translation>Household and head</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/sections_people.py" line="120" />
        <source>户号 *</source>
        <translation>Household no. *</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/sections_people.py" line="121" />
        <source>地块</source>
        <translation>Section</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/sections_people.py" line="122" />
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/sections_people.py" line="124" />
        <source>房屋地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/sections_people.py" line="127" />
        <source>被征收人是个人、企业、机关事业单位、集体还是公房承租人：方案的某些项目只对其中一些类型适用</source>
        <translation>Whether the owner is an individual, an enterprise, a public body, a collective or a public-housing tenant: some items of a scheme apply to some of these only</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/sections_people.py" line="128" />
        <source>被征收人类型</source>
        <translation>Owner type</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/sections_people.py" line="129" />
        <source>户主</source>
        <translation>Head</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/sections_people.py" line="152" />
        <source>户号和地块以指挥部登记为准，只有指挥部管理员可以修改</source>
        <translation>Household no. and section follow HQ's register; only an HQ admin can change them</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/sections_people.py" line="156" />
        <source>（尚未登记：在“家庭成员”中把一位成员的关系设为“户主”）</source>
        <translation>(none yet: set one member's relation to “Head” under Family members)</translation>
    </message>
</context>
<context>
    <name>HouseholdsPage</name>
    <message>
        <location filename="../../survey_app/ui/pages/households_page.py" line="64" />
        <source>编辑(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/pages/households_page.py" line="65" />
        <location filename="../../survey_app/ui/pages/households_page.py" line="259" />
        <source>打开调查表（也可双击列表中的一行或按回车）</source>
        <translation>Open the survey form (or double-click a row, or press Enter)</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/pages/households_page.py" line="66" />
        <source>测算(&amp;C)</source>
        <translation>&amp;Compare</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/pages/households_page.py" line="67" />
        <location filename="../../survey_app/ui/pages/households_page.py" line="261" />
        <source>各安置方案的补偿并排比较</source>
        <translation>Compensation of every option side by side</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/pages/households_page.py" line="68" />
        <source>协议(&amp;A)</source>
        <translation>&amp;Agreement</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/pages/households_page.py" line="69" />
        <location filename="../../survey_app/ui/pages/households_page.py" line="263" />
        <source>出具、打印、签订协议，查看协议记录</source>
        <translation>Issue, print and sign the agreement; see its history</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/pages/households_page.py" line="70" />
        <location filename="../../survey_app/ui/pages/households_page.py" line="305" />
        <source>提交调查</source>
        <translation>Submit survey</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/pages/households_page.py" line="71" />
        <source>调查完成，提交复核（待调查 → 已调查）</source>
        <translation>The survey is complete: submit it for review (Pending → Surveyed)</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/pages/households_page.py" line="78" />
        <source>确认新增</source>
        <translation>Confirm new</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/pages/households_page.py" line="79" />
        <source>新增住户(&amp;N)</source>
        <translation>&amp;New household</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/pages/households_page.py" line="80" />
        <source>登记名册上没有、在现场发现的住户（待指挥部确认）</source>
        <translation>Register a household found in the field (for HQ to confirm)</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/pages/households_page.py" line="257" />
        <source>请先在左侧列表中选择一户</source>
        <translation>Select a household in the list first</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/pages/households_page.py" line="265" />
        <source>测算确认后（已测算）才能出具协议；当前为“{status}”</source>
        <translation>An agreement can be issued once the calculation is confirmed (Calculated); now '{status}'</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/pages/households_page.py" line="276" />
        <source>核实后确认：该户属于本项目（现场新增 → 已确认）</source>
        <translation>Confirm after checking: it belongs to the project (new → confirmed)</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/pages/households_page.py" line="306" />
        <source>将 {code} {name} 的调查提交复核？
提交后调查表不能再修改，除非复核员退回。</source>
        <translation>Submit the survey of {code} {name} for review?
It cannot be changed afterwards unless the supervisor returns it.</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/pages/households_page.py" line="307" />
        <source>提交复核</source>
        <translation>Submit for review</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/pages/households_page.py" line="313" />
        <source>正在提交…</source>
        <translation>Submitting…</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/pages/households_page.py" line="314" />
        <source>{code} 已提交复核</source>
        <translation>{code} submitted for review</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/pages/households_page.py" line="349" />
        <source>已确认该新增住户</source>
        <translation>New household confirmed</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/pages/households_page.py" line="362" />
        <source>已新增住户 {code}，请打开编辑录入调查</source>
        <translation>Household {code} added: open it to enter the survey</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/pages/households_page.py" line="348" />
        <source>正在保存…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/pages/households_page.py" line="72" />
        <source>交房验收…</source>
        <translation>Handover…</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/pages/households_page.py" line="73" />
        <source>登记交房验收：表计读数、钥匙、照片（已签约 → 已交房）</source>
        <translation>Record the handover: meter readings, keys, photos (signed → handed over)</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/pages/households_page.py" line="74" />
        <source>付款登记…</source>
        <translation>Payments…</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/pages/households_page.py" line="75" />
        <source>登记补偿款、过渡费的支付，查看已付金额</source>
        <translation>Record payments of compensation and transition fee; see what was paid</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/pages/households_page.py" line="76" />
        <source>信访/纠纷…</source>
        <translation>Grievances…</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/pages/households_page.py" line="77" />
        <source>该户的信访、纠纷：登记、跟进、办结</source>
        <translation>This household's petitions and disputes: record, follow up, close</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/pages/households_page.py" line="320" />
        <source>已确认交房</source>
        <translation>Handover confirmed</translation>
    </message>
</context>
<context>
    <name>HqDashboard</name>
    <message>
        <location filename="../../survey_app/ui/hq/dashboard_models.py" line="45" />
        <source>单击查看这些住户</source>
        <translation>Click to see these households</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/dashboard_models.py" line="67" />
        <location filename="../../survey_app/ui/hq/dashboard_models.py" line="98" />
        <location filename="../../survey_app/ui/hq/dashboard_models.py" line="101" />
        <source>户数</source>
        <translation>Households</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/dashboard_models.py" line="68" />
        <source>已调查</source>
        <translation>Surveyed</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/dashboard_models.py" line="69" />
        <source>已测算</source>
        <translation>Calculated</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/dashboard_models.py" line="70" />
        <source>已签约</source>
        <translation>Signed</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/dashboard_models.py" line="71" />
        <source>签约率</source>
        <translation>Signed %</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/dashboard_models.py" line="96" />
        <source>补偿项目</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/dashboard_models.py" line="97" />
        <source>金额（元）</source>
        <translation>Amount (yuan)</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/dashboard_models.py" line="100" />
        <source>安置方式</source>
        <translation>Mode</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/dashboard_models.py" line="102" />
        <source>补偿总额（元）</source>
        <translation>Total (yuan)</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/dashboard_models.py" line="103" />
        <source>结算金额（元）</source>
        <translation>Net (yuan)</translation>
    </message>
</context>
<context>
    <name>HqPage</name>
    <message>
        <location filename="../../survey_app/ui/hq/__init__.py" line="17" />
        <source>总览</source>
        <translation>Overview</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/__init__.py" line="18" />
        <source>台账</source>
        <translation>Ledger</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/__init__.py" line="19" />
        <source>项目信息</source>
        <translation>Project</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/__init__.py" line="20" />
        <source>补偿方案</source>
        <translation>Policy</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/__init__.py" line="21" />
        <source>名册与评估</source>
        <translation>Roster &amp; appraisals</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/__init__.py" line="22" />
        <source>人员与设备</source>
        <translation>People &amp; laptops</translation>
    </message>
</context>
<context>
    <name>HqSyncPage</name>
    <message>
        <location filename="../../survey_app/ui/sync/hq_page.py" line="60" />
        <source>每个同步包的导入结果会显示在这里。</source>
        <translation>The result of each bundle imported appears here.</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/hq_page.py" line="63" />
        <source>选择同步包并导入…</source>
        <translation>Choose bundles and import…</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/hq_page.py" line="66" />
        <source>可一次选多个同步包（.sabundle）。每个包要么全部导入，要么什么都不导入；重复导入同一个包不会改变数据。</source>
        <translation>Several bundles (.sabundle) can be chosen at once. Each is imported entirely or not at all; importing the same bundle again changes nothing.</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/hq_page.py" line="70" />
        <source>回执写在同步包旁边（U 盘上）</source>
        <translation>Receipts next to the bundles (on the stick)</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/hq_page.py" line="72" />
        <source>回执写到：</source>
        <translation>Receipts to:</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/hq_page.py" line="79" />
        <source>选择文件夹</source>
        <translation>Choose a folder</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/hq_page.py" line="80" />
        <source>选择…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/hq_page.py" line="103" />
        <source>导入同步包</source>
        <translation>Import bundles</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/hq_page.py" line="105" />
        <source>设备与任务包</source>
        <translation>Devices and assignments</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/hq_page.py" line="109" />
        <source>同步（指挥部）</source>
        <translation>Sync (HQ)</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/hq_page.py" line="120" />
        <source>待处理事项（{n}）</source>
        <translation>To decide ({n})</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/hq_page.py" line="120" />
        <source>待处理事项</source>
        <translation>To decide</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/hq_page.py" line="123" />
        <source>回执写到哪个文件夹</source>
        <translation>Folder for the receipts</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/hq_page.py" line="134" />
        <source>选择设备的同步包</source>
        <translation>Choose the devices' bundles</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/hq_page.py" line="135" />
        <source>同步包 (*.sabundle);;所有文件 (*)</source>
        <translation>Bundles (*.sabundle);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/hq_page.py" line="162" />
        <location filename="../../survey_app/ui/sync/hq_page.py" line="187" />
        <source>{name} 未导入：{error}</source>
        <translation>{name} was not imported: {error}</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/hq_page.py" line="163" />
        <location filename="../../survey_app/ui/sync/hq_page.py" line="189" />
        <source>没有导入任何数据。请让调查员重新导出同步包。</source>
        <translation>Nothing was imported. Ask the surveyor to export again.</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/hq_page.py" line="164" />
        <source>正在导入 {name}…</source>
        <translation>Importing {name}…</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/hq_page.py" line="195" />
        <source>正在导入 {n} 个同步包…</source>
        <translation>Importing {n} bundles…</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/hq_page.py" line="198" />
        <source>文件：{name}</source>
        <translation>File: {name}</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/hq_page.py" line="200" />
        <source>{device} 第 {seq} 号同步包之前已导入过</source>
        <translation>{device} bundle no. {seq} was imported before</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/hq_page.py" line="201" />
        <source>没有改变任何数据。</source>
        <translation>Nothing changed.</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/hq_page.py" line="203" />
        <source>{device} 第 {seq} 号同步包已导入</source>
        <translation>{device} bundle no. {seq} imported</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/hq_page.py" line="204" />
        <source>新增 {inserted} 条，更新 {updated} 条，未变 {unchanged} 条，冲突 {conflicts} 条</source>
        <translation>{inserted} new, {updated} updated, {unchanged} unchanged, {conflicts} conflicts</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/hq_page.py" line="208" />
        <source>{n} 条冲突已列入“待处理事项”，请逐条决定保留本地或采用对方。</source>
        <translation>{n} conflicts were added to “To decide”: keep ours or take theirs, one by one.</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/hq_page.py" line="210" />
        <source>缺少该设备第 {seqs} 号同步包：其修改已包含在本包中，但请确认 U 盘是否遗失。</source>
        <translation>Bundle no. {seqs} of this device is missing: its changes came in this one, but check whether a stick was lost.</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/hq_page.py" line="213" />
        <source>重算差异：{message}</source>
        <translation>Recheck difference: {message}</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/hq_page.py" line="215" />
        <source>……共 {n} 处重算差异，见“待处理事项”。</source>
        <translation>… {n} recheck differences in all, see “To decide”.</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/hq_page.py" line="216" />
        <source>审计警告：{message}</source>
        <translation>Audit warning: {message}</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/hq_page.py" line="218" />
        <source>回执：{path}（交回该设备导入）</source>
        <translation>Receipt: {path} (take it back to the device)</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/hq_page.py" line="220" />
        <source>回执未写出：{error}。数据已导入；可重新导入此包以再次写出回执。</source>
        <translation>The receipt was not written: {error}. The data is imported; import the bundle again to write it.</translation>
    </message>
</context>
<context>
    <name>ImportsTab</name>
    <message>
        <location filename="../../survey_app/ui/hq/imports_tab.py" line="30" />
        <source>导入名册…</source>
        <translation>Import roster…</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/imports_tab.py" line="33" />
        <source>导入评估结果…</source>
        <translation>Import appraisals…</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/imports_tab.py" line="36" />
        <source>空白模板…</source>
        <translation>Blank template…</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/imports_tab.py" line="38" />
        <source>写出空白的入户名册或评估结果 Excel 模板，交区里或评估机构填写</source>
        <translation>Write a blank roster or appraisal Excel template for the district or the appraiser to fill in</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/imports_tab.py" line="40" />
        <source>入户名册模板…</source>
        <translation>Roster template…</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/imports_tab.py" line="41" />
        <source>评估结果模板…</source>
        <translation>Appraisal template…</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/imports_tab.py" line="43" />
        <location filename="../../survey_app/ui/hq/imports_tab.py" line="139" />
        <source>撤销本批</source>
        <translation>Undo batch</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/imports_tab.py" line="56" />
        <source>名册（.xlsx 或 .csv）按身份证号/户号对应住户，再次导入只更新、不重复；评估结果按户号或身份证号和部位对应。导入后还没有人改动过的批次可以撤销。</source>
        <translation>A roster (.xlsx or .csv) is matched to households by ID number or household code: importing it again updates, never doubles. Appraisals are matched by code or ID number and building part. A batch nobody has changed since can be undone.</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/imports_tab.py" line="68" />
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/imports_tab.py" line="68" />
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/imports_tab.py" line="68" />
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/imports_tab.py" line="68" />
        <source>新增</source>
        <translation>Added</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/imports_tab.py" line="69" />
        <source>更新</source>
        <translation>Updated</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/imports_tab.py" line="69" />
        <source>导入人</source>
        <translation>By</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/imports_tab.py" line="69" />
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/imports_tab.py" line="71" />
        <source>已撤销</source>
        <translation>Undone</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/imports_tab.py" line="72" />
        <source>入户名册</source>
        <translation>Roster</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/imports_tab.py" line="72" />
        <source>评估结果</source>
        <translation>Appraisals</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/imports_tab.py" line="81" />
        <source>选择入户名册</source>
        <translation>Choose the roster</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/imports_tab.py" line="81" />
        <source>选择评估结果</source>
        <translation>Choose the appraisal results</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/imports_tab.py" line="82" />
        <source>表格文件 (*.xlsx *.csv)</source>
        <translation>Spreadsheets (*.xlsx *.csv)</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/imports_tab.py" line="87" />
        <source>入户名册模板.xlsx</source>
        <translation>roster template.xlsx</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/imports_tab.py" line="87" />
        <source>评估结果模板.xlsx</source>
        <translation>appraisal template.xlsx</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/imports_tab.py" line="88" />
        <source>保存空白模板</source>
        <translation>Save blank template</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/imports_tab.py" line="88" />
        <source>Excel 文件 (*.xlsx)</source>
        <translation>Excel files (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/imports_tab.py" line="100" />
        <source>空白模板</source>
        <translation>Blank template</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/imports_tab.py" line="102" />
        <source>已保存空白模板：%1</source>
        <translation>Blank template saved: %1</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/imports_tab.py" line="108" />
        <location filename="../../survey_app/ui/hq/imports_tab.py" line="110" />
        <source>正在检查文件…</source>
        <translation>Checking the file…</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/imports_tab.py" line="124" />
        <source>……另有{n}条提示</source>
        <translation>…and {n} more notes</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/imports_tab.py" line="137" />
        <source>请先在列表中选择一个批次。</source>
        <translation>Select a batch in the list first.</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/imports_tab.py" line="140" />
        <source>撤销这一批导入？新增的住户或评估结果将被删除，更新过的恢复原值。</source>
        <translation>Undo this import? Households or appraisals it added are deleted; what it updated gets its old values back.</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/imports_tab.py" line="145" />
        <source>正在撤销…</source>
        <translation>Undoing…</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/imports_tab.py" line="153" />
        <source>操作失败，请重试或联系技术支持。</source>
        <translation>The operation failed: try again or call support.</translation>
    </message>
</context>
<context>
    <name>IssueBulkDialog</name>
    <message>
        <location filename="../../survey_app/ui/sync/issue_bulk_dialog.py" line="47" />
        <source>批量处理冲突</source>
        <translation>Decide conflicts by rule</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/issue_bulk_dialog.py" line="52" />
        <source>保留指挥部的版本</source>
        <translation>Keep HQ's version</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/issue_bulk_dialog.py" line="54" />
        <source>采用设备的版本</source>
        <translation>Take the device's version</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/issue_bulk_dialog.py" line="68" />
        <location filename="../../survey_app/ui/sync/issue_bulk_dialog.py" line="73" />
        <location filename="../../survey_app/ui/sync/issue_bulk_dialog.py" line="141" />
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/issue_bulk_dialog.py" line="84" />
        <source>只处理两边仅在下列字段上不同的冲突</source>
        <translation>Only conflicts whose versions differ in nothing but these fields</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/issue_bulk_dialog.py" line="103" />
        <source>处理方式</source>
        <translation>Decision</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/issue_bulk_dialog.py" line="104" />
        <source>数据表</source>
        <translation>Table</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/issue_bulk_dialog.py" line="105" />
        <source>设备</source>
        <translation>Device</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/issue_bulk_dialog.py" line="106" />
        <source>同步包</source>
        <translation>Bundle</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/issue_bulk_dialog.py" line="114" />
        <source>处理</source>
        <translation>Decide</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/issue_bulk_dialog.py" line="116" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/issue_bulk_dialog.py" line="143" />
        <source>第 {n} 号</source>
        <translation>No. {n}</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/issue_bulk_dialog.py" line="145" />
        <source>只处理该设备这一号同步包中的冲突</source>
        <translation>Only the conflicts of this bundle</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/issue_bulk_dialog.py" line="146" />
        <source>先选定设备，才能按同步包处理</source>
        <translation>Choose a device first to pick one of its bundles</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/issue_bulk_dialog.py" line="165" />
        <source>将处理 {n} 项冲突</source>
        <translation>{n} conflicts will be decided</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/issue_bulk_dialog.py" line="167" />
        <source>；另有 {m} 项不能采用设备的版本，保持待处理</source>
        <translation>; {m} more cannot take the device's version and stay open</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/issue_bulk_dialog.py" line="170" />
        <source>{record}（设备 {device}，第 {seq} 号同步包）</source>
        <translation>{record} (device {device}, bundle no. {seq})</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/issue_bulk_dialog.py" line="172" />
        <source>按此规则处理以上冲突（每项都留有审计记录）</source>
        <translation>Decide the conflicts above by this rule (each one audited)</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/issue_bulk_dialog.py" line="173" />
        <source>没有符合此规则的冲突</source>
        <translation>No conflict matches this rule</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/issue_bulk_dialog.py" line="194" />
        <source>正在保存…</source>
        <translation>Saving…</translation>
    </message>
</context>
<context>
    <name>IssuesModel</name>
    <message>
        <location filename="../../survey_app/ui/sync/issues_model.py" line="143" />
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/issues_model.py" line="143" />
        <source>记录</source>
        <translation>Record</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/issues_model.py" line="143" />
        <source>设备</source>
        <translation>Device</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/issues_model.py" line="143" />
        <source>说明</source>
        <translation>Message</translation>
    </message>
</context>
<context>
    <name>IssuesPanel</name>
    <message>
        <location filename="../../survey_app/ui/sync/issues_panel.py" line="87" />
        <source>只列出两边不同的字段。</source>
        <translation>Only the fields that differ are listed.</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/issues_panel.py" line="92" />
        <location filename="../../survey_app/ui/sync/issues_panel.py" line="182" />
        <source>保留本地</source>
        <translation>Keep ours</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/issues_panel.py" line="94" />
        <location filename="../../survey_app/ui/sync/issues_panel.py" line="178" />
        <source>保留指挥部现有的版本，关闭此事项</source>
        <translation>Keep HQ's current version and close this item</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/issues_panel.py" line="95" />
        <source>采用对方</source>
        <translation>Take theirs</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/issues_panel.py" line="97" />
        <location filename="../../survey_app/ui/sync/issues_panel.py" line="180" />
        <source>用设备发来的版本替换指挥部的版本（留有审计记录）</source>
        <translation>Replace HQ's version with the device's (recorded in the audit log)</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/issues_panel.py" line="101" />
        <source>按所选字段合并</source>
        <translation>Merge ticked fields</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/issues_panel.py" line="105" />
        <source>批量处理…</source>
        <translation>Decide by rule…</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/issues_panel.py" line="108" />
        <source>按规则一次处理多项冲突（先预览将处理哪些）</source>
        <translation>Decide many conflicts by one rule (preview first)</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/issues_panel.py" line="165" />
        <source>只有冲突才能按字段合并</source>
        <translation>Only a conflict can be merged field by field</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/issues_panel.py" line="167" />
        <source>没有待处理事项</source>
        <translation>Nothing to decide</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/issues_panel.py" line="168" />
        <source>同步包中的冲突、重算差异和审计警告会列在这里。</source>
        <translation>Conflicts, recheck differences and audit warnings from bundles are listed here.</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/issues_panel.py" line="169" />
        <location filename="../../survey_app/ui/sync/issues_panel.py" line="170" />
        <source>没有选中的待处理事项</source>
        <translation>No open issue selected</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/issues_panel.py" line="175" />
        <source>{kind}：{record}</source>
        <translation>{kind}: {record}</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/issues_panel.py" line="179" />
        <source>已核实此事项，关闭它</source>
        <translation>Checked: close this issue</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/issues_panel.py" line="181" />
        <source>只有冲突才有对方版本可采用；此事项核实后标记即可</source>
        <translation>Only a conflict has another version to take; mark this one as checked</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/issues_panel.py" line="182" />
        <source>标记为已核实</source>
        <translation>Mark as checked</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/issues_panel.py" line="194" />
        <source>字段</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/issues_panel.py" line="195" />
        <source>指挥部现有（第 {rev} 版，{who}）</source>
        <translation>HQ now (revision {rev}, {who})</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/issues_panel.py" line="197" />
        <source>设备 {device} 发来（第 {rev} 版，{who}）</source>
        <translation>From {device} (revision {rev}, {who})</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/issues_panel.py" line="199" />
        <source>采用设备的值</source>
        <translation>Take the device's value</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/issues_panel.py" line="204" />
        <source>字段 / 明细</source>
        <translation>Field / line</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/issues_panel.py" line="204" />
        <source>指挥部按调查记录重算</source>
        <translation>HQ, recomputed from the survey</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/issues_panel.py" line="205" />
        <source>设备 {device} 的测算</source>
        <translation>Device {device}'s calculation</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/issues_panel.py" line="221" />
        <source>采用设备的值：{field}</source>
        <translation>Take the device's value: {field}</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/issues_panel.py" line="222" />
        <source>合并时采用设备的值</source>
        <translation>Take the device's value when merging</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/issues_panel.py" line="222" />
        <source>此字段由指挥部决定，不能采用设备的值</source>
        <translation>HQ decides this field; the device's value cannot be taken</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/issues_panel.py" line="234" />
        <source>所勾选字段采用设备的值，其余保留指挥部的值（留有审计记录）</source>
        <translation>Take the device's value for the ticked fields and keep HQ's for the rest (recorded in the audit log)</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/issues_panel.py" line="235" />
        <source>请先勾选要采用设备的值的字段</source>
        <translation>First tick the fields to take from the device</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/issues_panel.py" line="250" />
        <source>已合并：{record}（采用设备的{fields}）</source>
        <translation>Merged: {record} (took the device's {fields})</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/issues_panel.py" line="268" />
        <source>已按规则处理 {n} 项冲突</source>
        <translation>Decided {n} conflicts by rule</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/issues_panel.py" line="282" />
        <source>已采用对方版本：{record}</source>
        <translation>Took the device's version: {record}</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/issues_panel.py" line="284" />
        <source>已保留本地版本：{record}</source>
        <translation>Kept HQ's version: {record}</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/issues_panel.py" line="286" />
        <source>已标记为已核实：{record}</source>
        <translation>Marked as checked: {record}</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/issues_panel.py" line="256" />
        <location filename="../../survey_app/ui/sync/issues_panel.py" line="292" />
        <source>正在保存…</source>
        <translation>Saving…</translation>
    </message>
</context>
<context>
    <name>ItemsSection</name>
    <message>
        <location filename="../../survey_app/ui/editor/sections_menu.py" line="172" />
        <source>方案列明的其他地上物：填写数量或面积，没有的留空。</source>
        <translation>Other structures the policy lists: enter the quantity or area; leave empty for none.</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/sections_menu.py" line="173" />
        <source>其他地上物</source>
        <translation>Other structures</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/sections_menu.py" line="182" />
        <source>说明（位置、材质等）</source>
        <translation>Note (where, material…)</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/sections_menu.py" line="204" />
        <source>（现行方案无此项）</source>
        <translation> (not in the current policy)</translation>
    </message>
</context>
<context>
    <name>JoinWizard</name>
    <message>
        <location filename="../../survey_app/ui/start/join_wizard.py" line="55" />
        <source>加入项目（调查员笔记本）</source>
        <translation>Join a project (field laptop)</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/start/join_wizard.py" line="69" />
        <source>关闭（稍后继续）</source>
        <translation>Close (continue later)</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/start/join_wizard.py" line="101" />
        <source>如 调查组1号笔记本</source>
        <translation>e.g. Team 1 laptop</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/start/join_wizard.py" line="102" />
        <source>可不填：指挥部登记时分配正式代码</source>
        <translation>optional: HQ assigns the real code when it enrols the laptop</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/start/join_wizard.py" line="103" />
        <source>至少 8 位</source>
        <translation>at least 8 characters</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/start/join_wizard.py" line="105" />
        <location filename="../../survey_app/ui/start/join_wizard.py" line="185" />
        <location filename="../../survey_app/ui/start/join_wizard.py" line="189" />
        <location filename="../../survey_app/ui/start/join_wizard.py" line="241" />
        <source>尚未选择</source>
        <translation>not chosen</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/start/join_wizard.py" line="107" />
        <source>选择 U 盘文件夹…</source>
        <translation>Choose USB folder…</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/start/join_wizard.py" line="109" />
        <source>生成登记申请</source>
        <translation>Write enrolment request</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/start/join_wizard.py" line="115" />
        <source>已拿到指挥部的回复：继续 ②</source>
        <translation>I have HQ's reply: continue with ②</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/start/join_wizard.py" line="120" />
        <source>设备名称 *</source>
        <translation>Device name *</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/start/join_wizard.py" line="121" />
        <source>设备代码</source>
        <translation>Device code</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/start/join_wizard.py" line="122" />
        <location filename="../../survey_app/ui/start/join_wizard.py" line="211" />
        <source>设备密码 *</source>
        <translation>Device password *</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/start/join_wizard.py" line="123" />
        <source>再次输入密码 *</source>
        <translation>Password again *</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/start/join_wizard.py" line="127" />
        <source>U 盘文件夹 *</source>
        <translation>USB folder *</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/start/join_wizard.py" line="129" />
        <source>① 生成登记申请</source>
        <translation>① Write the enrolment request</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/start/join_wizard.py" line="130" />
        <source>本机将新建一个空的、加密的项目数据库（不含演示数据）。设备密码解开它和本机的同步密钥，调查员第一次在本机登录时也要输入一次；请牢记：忘记后只能重新登记。登记申请写到 U 盘，交给指挥部。</source>
        <translation>This laptop gets a new, empty, encrypted project database (no demo data). The device password unlocks it and this laptop's sync keys, and each surveyor types it once at their first login here: keep it safe, a forgotten one means enrolling again. The request is written to the USB stick for HQ.</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/start/join_wizard.py" line="140" />
        <source>登记申请写到哪个文件夹（U 盘）</source>
        <translation>Folder (USB stick) for the enrolment request</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/start/join_wizard.py" line="151" />
        <source>两次输入的密码不一致</source>
        <translation>The two passwords differ</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/start/join_wizard.py" line="153" />
        <source>请先选择 U 盘文件夹</source>
        <translation>Choose the USB folder first</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/start/join_wizard.py" line="167" />
        <source>正在生成密钥和登记申请…</source>
        <translation>Making the keys and the enrolment request…</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/start/join_wizard.py" line="171" />
        <source>待登记：{name}</source>
        <translation>Enrolling: {name}</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/start/join_wizard.py" line="176" />
        <source>&lt;b&gt;登记申请已写出：&lt;/b&gt;{file}&lt;br&gt;本机密钥指纹：&lt;b&gt;{fp}&lt;/b&gt;&lt;br&gt;下一步：把此文件交给指挥部，并把这串指纹读给指挥部核对。拿到登记回复和任务包后，在开始窗口的项目列表中打开本项目继续。</source>
        <translation>&lt;b&gt;Enrolment request written:&lt;/b&gt; {file}&lt;br&gt;This laptop's key fingerprint: &lt;b&gt;{fp}&lt;/b&gt;&lt;br&gt;Next: take the file to HQ and read them this fingerprint. With HQ's reply and assignment bundle, open this project from the start window's list to continue.</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/start/join_wizard.py" line="187" />
        <source>选择登记回复…</source>
        <translation>Choose reply…</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/start/join_wizard.py" line="191" />
        <source>选择任务包…</source>
        <translation>Choose assignment bundles…</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/start/join_wizard.py" line="193" />
        <source>生成登记申请时设置的设备密码</source>
        <translation>the device password set in step ①</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/start/join_wizard.py" line="194" />
        <source>导入并完成登记</source>
        <translation>Import and finish enrolment</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/start/join_wizard.py" line="200" />
        <source>打开项目</source>
        <translation>Open project</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/start/join_wizard.py" line="205" />
        <source>登记回复 *</source>
        <translation>HQ's reply *</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/start/join_wizard.py" line="206" />
        <source>任务包</source>
        <translation>Assignment bundle</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/start/join_wizard.py" line="213" />
        <source>② 导入登记回复和任务包</source>
        <translation>② Import HQ's reply and assignment bundle</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/start/join_wizard.py" line="214" />
        <source>指挥部登记本机后会给你登记回复文件（.saenroll）和任务包（.saassign）。导入后本机就有了项目、补偿方案、指挥部为你建的账号和分派的住户。</source>
        <translation>Once HQ has enrolled this laptop it gives you a reply file (.saenroll) and an assignment bundle (.saassign). After importing them the laptop has the project, its policy, the accounts HQ made for you and the households assigned.</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/start/join_wizard.py" line="224" />
        <source>选择指挥部的登记回复文件</source>
        <translation>Choose HQ's enrolment reply file</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/start/join_wizard.py" line="225" />
        <source>登记回复 (*.saenroll);;所有文件 (*)</source>
        <translation>Enrolment replies (*.saenroll);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/start/join_wizard.py" line="234" />
        <source>选择任务包</source>
        <translation>Choose assignment bundles</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/start/join_wizard.py" line="235" />
        <source>任务包 (*.saassign);;所有文件 (*)</source>
        <translation>Assignment bundles (*.saassign);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/start/join_wizard.py" line="245" />
        <source>请先完成第 ① 步</source>
        <translation>Do step ① first</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/start/join_wizard.py" line="247" />
        <source>请选择指挥部的登记回复文件</source>
        <translation>Choose HQ's enrolment reply file</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/start/join_wizard.py" line="258" />
        <source>正在导入登记回复和任务包…</source>
        <translation>Importing HQ's reply and assignment bundle…</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/start/join_wizard.py" line="263" />
        <source>本机设备代码：&lt;b&gt;{code}&lt;/b&gt;；项目：{project}</source>
        <translation>This laptop's device code: &lt;b&gt;{code}&lt;/b&gt;; project: {project}</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/start/join_wizard.py" line="265" />
        <source>指挥部密钥指纹：&lt;b&gt;{fp}&lt;/b&gt;（请与指挥部当面或电话核对；不一致时不要使用，并告知指挥部）</source>
        <translation>HQ key fingerprint: &lt;b&gt;{fp}&lt;/b&gt; (compare it with HQ in person or by phone; if it differs, do not use it and tell HQ)</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/start/join_wizard.py" line="271" />
        <source>登记完成：本机有 {n} 个账号可以登录。点“打开项目”登录。</source>
        <translation>Enrolled: {n} account(s) can log in on this laptop. Click “Open project” to log in.</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/start/join_wizard.py" line="274" />
        <source>本机还没有可登录的账号：请导入指挥部为本机写出的任务包。</source>
        <translation>No account can log in on this laptop yet: import the assignment bundle HQ wrote for it.</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/start/join_wizard.py" line="288" />
        <source>操作失败：{error}</source>
        <translation>Failed: {error}</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../survey_app/core/domain/vocabulary.py" line="27" />
        <source>待调查</source>
        <translation>Pending</translation>
    </message>
    <message>
        <location filename="../../survey_app/core/domain/vocabulary.py" line="28" />
        <source>已调查</source>
        <translation>Surveyed</translation>
    </message>
    <message>
        <location filename="../../survey_app/core/domain/vocabulary.py" line="29" />
        <source>已复核</source>
        <translation>Reviewed</translation>
    </message>
    <message>
        <location filename="../../survey_app/core/domain/vocabulary.py" line="30" />
        <source>已测算</source>
        <translation>Calculated</translation>
    </message>
    <message>
        <location filename="../../survey_app/core/domain/vocabulary.py" line="31" />
        <source>已签约</source>
        <translation>Signed</translation>
    </message>
    <message>
        <location filename="../../survey_app/core/domain/vocabulary.py" line="32" />
        <source>已交房</source>
        <translation>Handed over</translation>
    </message>
    <message>
        <location filename="../../survey_app/core/domain/vocabulary.py" line="65" />
        <source>个人</source>
        <translation>Individual</translation>
    </message>
    <message>
        <location filename="../../survey_app/core/domain/vocabulary.py" line="66" />
        <source>企业</source>
        <translation>Enterprise</translation>
    </message>
    <message>
        <location filename="../../survey_app/core/domain/vocabulary.py" line="67" />
        <source>机关事业单位</source>
        <translation>Public body</translation>
    </message>
    <message>
        <location filename="../../survey_app/core/domain/vocabulary.py" line="68" />
        <source>集体</source>
        <translation>Collective</translation>
    </message>
    <message>
        <location filename="../../survey_app/core/domain/vocabulary.py" line="69" />
        <source>公房承租人</source>
        <translation>Public-housing tenant</translation>
    </message>
    <message>
        <location filename="../../survey_app/core/domain/vocabulary.py" line="74" />
        <source>户主</source>
        <translation>Head</translation>
    </message>
    <message>
        <location filename="../../survey_app/core/domain/vocabulary.py" line="75" />
        <source>配偶</source>
        <translation>Spouse</translation>
    </message>
    <message>
        <location filename="../../survey_app/core/domain/vocabulary.py" line="76" />
        <source>子女</source>
        <translation>Child</translation>
    </message>
    <message>
        <location filename="../../survey_app/core/domain/vocabulary.py" line="77" />
        <source>父母</source>
        <translation>Parent</translation>
    </message>
    <message>
        <location filename="../../survey_app/core/domain/vocabulary.py" line="78" />
        <source>孙子女</source>
        <translation>Grandchild</translation>
    </message>
    <message>
        <location filename="../../survey_app/core/domain/vocabulary.py" line="79" />
        <source>兄弟姐妹</source>
        <translation>Sibling</translation>
    </message>
    <message>
        <location filename="../../survey_app/core/domain/vocabulary.py" line="80" />
        <source>儿媳/女婿</source>
        <translation>Child-in-law</translation>
    </message>
    <message>
        <location filename="../../survey_app/core/domain/vocabulary.py" line="41" />
        <location filename="../../survey_app/core/domain/vocabulary.py" line="81" />
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="../../survey_app/core/domain/vocabulary.py" line="37" />
        <source>住宅</source>
        <translation>Residential</translation>
    </message>
    <message>
        <location filename="../../survey_app/core/domain/vocabulary.py" line="38" />
        <source>商业</source>
        <translation>Commercial</translation>
    </message>
    <message>
        <location filename="../../survey_app/core/domain/vocabulary.py" line="39" />
        <source>办公</source>
        <translation>Office</translation>
    </message>
    <message>
        <location filename="../../survey_app/core/domain/vocabulary.py" line="40" />
        <source>工业</source>
        <translation>Industrial</translation>
    </message>
    <message>
        <location filename="../../survey_app/core/domain/vocabulary.py" line="46" />
        <source>已登记</source>
        <translation>Registered</translation>
    </message>
    <message>
        <location filename="../../survey_app/core/domain/vocabulary.py" line="47" />
        <source>未登记认定合法</source>
        <translation>Unregistered, found legal</translation>
    </message>
    <message>
        <location filename="../../survey_app/core/domain/vocabulary.py" line="48" />
        <source>违法建筑</source>
        <translation>Illegal</translation>
    </message>
    <message>
        <location filename="../../survey_app/core/domain/vocabulary.py" line="49" />
        <source>临时建筑</source>
        <translation>Temporary</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/labels.py" line="32" />
        <source>男</source>
        <translation>M</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/labels.py" line="33" />
        <source>女</source>
        <translation>F</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/labels.py" line="37" />
        <source>调查员</source>
        <translation>Field worker</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/labels.py" line="38" />
        <source>复核员</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/labels.py" line="39" />
        <source>指挥部管理员</source>
        <translation>HQ admin</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/labels.py" line="43" />
        <source>同意</source>
        <translation>Agrees</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/labels.py" line="44" />
        <source>未决定</source>
        <translation>Undecided</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/labels.py" line="45" />
        <source>不同意</source>
        <translation>Refuses</translation>
    </message>
    <message>
        <location filename="../../survey_app/core/domain/vocabulary.py" line="54" />
        <source>货币补偿</source>
        <translation>Cash</translation>
    </message>
    <message>
        <location filename="../../survey_app/core/domain/vocabulary.py" line="55" />
        <source>产权调换</source>
        <translation>Property exchange</translation>
    </message>
    <message>
        <location filename="../../survey_app/core/domain/vocabulary.py" line="56" />
        <source>房票安置</source>
        <translation>Housing voucher</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/labels.py" line="50" />
        <source>水表</source>
        <translation>Water meter</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/labels.py" line="51" />
        <source>电表</source>
        <translation>Electricity meter</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/labels.py" line="52" />
        <source>空调</source>
        <translation>Air conditioner</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/labels.py" line="53" />
        <source>热水器</source>
        <translation>Water heater</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/labels.py" line="54" />
        <location filename="../../survey_app/ui/labels.py" line="55" />
        <source>管道燃气</source>
        <translation>Piped gas</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/labels.py" line="56" />
        <source>有线电视</source>
        <translation>Cable TV</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/labels.py" line="57" />
        <source>固定电话</source>
        <translation>Landline</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/labels.py" line="61" />
        <source>主表</source>
        <translation>main</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/labels.py" line="62" />
        <source>分表</source>
        <translation>sub</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/labels.py" line="63" />
        <source>挂机</source>
        <translation>split</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/labels.py" line="64" />
        <source>柜机</source>
        <translation>cabinet</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/labels.py" line="65" />
        <source>电</source>
        <translation>electric</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/labels.py" line="66" />
        <source>燃气</source>
        <translation>gas</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/labels.py" line="67" />
        <source>太阳能</source>
        <translation>solar</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/labels.py" line="71" />
        <location filename="../../survey_app/ui/labels.py" line="72" />
        <source>简易棚</source>
        <translation>Simple shed</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/labels.py" line="73" />
        <source>阁楼</source>
        <translation>Loft</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/labels.py" line="74" />
        <source>灶台</source>
        <translation>Stove</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/labels.py" line="75" />
        <source>水井</source>
        <translation>Well</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/labels.py" line="76" />
        <source>围墙</source>
        <translation>Fence wall</translation>
    </message>
    <message>
        <location filename="../../survey_app/core/domain/vocabulary.py" line="86" />
        <source>钢混</source>
        <translation>Reinforced concrete</translation>
    </message>
    <message>
        <location filename="../../survey_app/core/domain/vocabulary.py" line="87" />
        <source>砖混</source>
        <translation>Brick-concrete</translation>
    </message>
    <message>
        <location filename="../../survey_app/core/domain/vocabulary.py" line="88" />
        <source>砖木</source>
        <translation>Brick-wood</translation>
    </message>
    <message>
        <location filename="../../survey_app/core/domain/vocabulary.py" line="89" />
        <source>简易</source>
        <translation>Simple</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/labels.py" line="83" />
        <source>简易装修</source>
        <translation>Simple decoration</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/labels.py" line="84" />
        <source>中档装修</source>
        <translation>Medium decoration</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/labels.py" line="85" />
        <source>精装修</source>
        <translation>Fine decoration</translation>
    </message>
    <message>
        <location filename="../../survey_app/core/domain/vocabulary.py" line="94" />
        <source>调查</source>
        <translation>Survey</translation>
    </message>
    <message>
        <location filename="../../survey_app/core/domain/vocabulary.py" line="95" />
        <source>复核</source>
        <translation>Review</translation>
    </message>
    <message>
        <location filename="../../survey_app/core/domain/vocabulary.py" line="96" />
        <source>测算</source>
        <translation>Calculation</translation>
    </message>
    <message>
        <location filename="../../survey_app/core/domain/vocabulary.py" line="97" />
        <source>协议</source>
        <translation>Agreement</translation>
    </message>
    <message>
        <location filename="../../survey_app/core/domain/vocabulary.py" line="98" />
        <source>签约</source>
        <translation>Signing</translation>
    </message>
    <message>
        <location filename="../../survey_app/core/domain/vocabulary.py" line="99" />
        <source>交房</source>
        <translation>Handover</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/labels.py" line="90" />
        <source>完成调查并提交复核</source>
        <translation>complete the survey and submit it for review</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/labels.py" line="91" />
        <source>按复核意见修改后重新提交</source>
        <translation>correct it as the supervisor noted and submit again</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/labels.py" line="92" />
        <source>复核调查：通过或退回</source>
        <translation>review the survey: approve or return</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/labels.py" line="93" />
        <source>补偿测算</source>
        <translation>calculate compensation</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/labels.py" line="94" />
        <source>与住户商定安置方案，确认测算</source>
        <translation>agree an option with the family and confirm the calculation</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/labels.py" line="95" />
        <source>出具并打印协议</source>
        <translation>issue and print the agreement</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/labels.py" line="96" />
        <source>住户签字，登记签约</source>
        <translation>family signs; record the signing</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/labels.py" line="97" />
        <source>确认交房</source>
        <translation>confirm the handover</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/labels.py" line="98" />
        <source>已全部办结</source>
        <translation>All done</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/labels.py" line="102" />
        <source>新增</source>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/labels.py" line="103" />
        <source>新增已确认</source>
        <translation>New, confirmed</translation>
    </message>
</context>
<context>
    <name>LaptopsPanel</name>
    <message>
        <location filename="../../survey_app/ui/hq/people_laptops.py" line="44" />
        <source>设备代码</source>
        <translation>Device code</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/people_laptops.py" line="44" />
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/people_laptops.py" line="45" />
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/people_laptops.py" line="45" />
        <location filename="../../survey_app/ui/hq/people_laptops.py" line="200" />
        <source>调查员</source>
        <translation>Workers</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/people_laptops.py" line="46" />
        <source>密钥指纹</source>
        <translation>Key fingerprint</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/people_laptops.py" line="47" />
        <source>已吊销（{day}）</source>
        <translation>Revoked ({day})</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/people_laptops.py" line="47" />
        <source>已登记</source>
        <translation>Enrolled</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/people_laptops.py" line="48" />
        <source>未登记</source>
        <translation>Not enrolled</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/people_laptops.py" line="48" />
        <source>（未指定）</source>
        <translation>(none set)</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/people_laptops.py" line="89" />
        <source>① 接受登记申请：选择调查笔记本写出的登记申请（.json），核对指纹后登记，登记回复写在申请文件旁边，拷回该笔记本导入。② 指定使用它的调查员。③ 分派住户后导出任务包。</source>
        <translation>① Accept the enrollment request (.json) a laptop wrote, after comparing the fingerprint; the reply is written next to the request — take it back to that laptop. ② Set the workers who use it. ③ After assigning households, export its assignment bundle.</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/people_laptops.py" line="96" />
        <source>接受登记申请…</source>
        <translation>Accept an enrollment request…</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/people_laptops.py" line="99" />
        <source>指定调查员…</source>
        <translation>Set workers…</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/people_laptops.py" line="102" />
        <source>导出任务包…</source>
        <translation>Export assignment bundle…</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/people_laptops.py" line="107" />
        <source>吊销原因（如：笔记本丢失）</source>
        <translation>Reason for revoking (e.g. laptop lost)</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/people_laptops.py" line="108" />
        <source>吊销…</source>
        <translation>Revoke…</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/people_laptops.py" line="110" />
        <source>设备丢失或被盗时吊销：指挥部不再接受它的同步包，它在吊销之后签发的协议核验为无效（吊销随任务包传到各笔记本）。</source>
        <translation>Revoke a lost or stolen device: HQ accepts no more bundles from it, and agreements it signs after the revocation verify as invalid (the revocation reaches every laptop with its next assignment).</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/people_laptops.py" line="119" />
        <source>笔记本丢失或被盗：</source>
        <translation>Laptop lost or stolen:</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/people_laptops.py" line="148" />
        <source>选择设备登记申请</source>
        <translation>Choose a device's enrollment request</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/people_laptops.py" line="149" />
        <source>登记申请 (*.json);;所有文件 (*)</source>
        <translation>Enrollment request (*.json);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/people_laptops.py" line="155" />
        <source>{name} 不能登记：{error}</source>
        <translation>{name} cannot be enrolled: {error}</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/people_laptops.py" line="157" />
        <source>登记设备</source>
        <translation>Enroll device</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/people_laptops.py" line="158" />
        <source>设备名称：{name}
设备密钥指纹：{fp}

请与调查笔记本上显示的指纹核对。登记此设备？</source>
        <translation>Device name: {name}
Device key fingerprint: {fp}

Compare it with the fingerprint shown on the laptop. Enroll this device?</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/people_laptops.py" line="172" />
        <source>{name} 未登记：{error}</source>
        <translation>{name} was not enrolled: {error}</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/people_laptops.py" line="174" />
        <source>正在登记设备…</source>
        <translation>Enrolling the device…</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/people_laptops.py" line="179" />
        <source>已登记设备 {code}</source>
        <translation>Device {code} enrolled</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/people_laptops.py" line="180" />
        <source>登记回复文件：{path}</source>
        <translation>Enrollment reply file: {path}</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/people_laptops.py" line="181" />
        <source>指挥部密钥指纹：{fp}（设备导入后会显示，请与调查员核对）</source>
        <translation>HQ key fingerprint: {fp} (the laptop shows it after the import: compare it with the worker)</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/people_laptops.py" line="182" />
        <source>下一步：把登记回复文件拷回该笔记本导入；再点“指定调查员…”。</source>
        <translation>Next: copy the reply file back to that laptop and import it; then click “Set workers…”.</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/people_laptops.py" line="199" />
        <source>使用 {code} 的调查员</source>
        <translation>Workers using {code}</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/people_laptops.py" line="208" />
        <source>未保存：{error}</source>
        <translation>Not saved: {error}</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/people_laptops.py" line="209" />
        <source>正在保存…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/people_laptops.py" line="218" />
        <source>设备 {code} 的调查员已保存</source>
        <translation>Workers of device {code} saved</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/people_laptops.py" line="219" />
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/people_laptops.py" line="220" />
        <source>下一步：导出该笔记本的任务包，拷到 U 盘交给调查员导入。</source>
        <translation>Next: export this laptop's assignment bundle and give it to the worker on a USB stick.</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/people_laptops.py" line="229" />
        <source>任务包写到哪个文件夹（U 盘）</source>
        <translation>Folder for the assignment bundle (USB stick)</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/people_laptops.py" line="243" />
        <source>任务包未写出：{error}</source>
        <translation>Assignment bundle not written: {error}</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/people_laptops.py" line="244" />
        <source>正在写出任务包…</source>
        <translation>Writing assignment bundles…</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/people_laptops.py" line="247" />
        <source>文件：{name}</source>
        <translation>File: {name}</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/people_laptops.py" line="249" />
        <source>位置：{folder}</source>
        <translation>Folder: {folder}</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/people_laptops.py" line="250" />
        <source>下一步：拷到 U 盘，在该笔记本的“同步”页点“导入回执 / 任务包”。</source>
        <translation>Next: copy it to a USB stick; on the laptop's Sync page click “Import receipt / assignment”.</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/people_laptops.py" line="251" />
        <source>已写出 {n} 个任务包</source>
        <translation>{n} assignment bundles written</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/people_laptops.py" line="262" />
        <source>请先填写吊销原因</source>
        <translation>Please enter the reason for revoking first</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/people_laptops.py" line="273" />
        <source>设备 {code} 未吊销：{error}</source>
        <translation>Device {code} not revoked: {error}</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/people_laptops.py" line="275" />
        <source>正在吊销设备…</source>
        <translation>Revoking the device…</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/people_laptops.py" line="281" />
        <source>已吊销设备 {code}</source>
        <translation>Device {code} revoked</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/people_laptops.py" line="282" />
        <source>指挥部不再接受它的同步包。</source>
        <translation>HQ accepts no more bundles from it.</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/people_laptops.py" line="283" />
        <source>下一步：给其他笔记本导出任务包，让它们也知道此设备已吊销。</source>
        <translation>Next: export assignment bundles for the other laptops so they learn of the revocation too.</translation>
    </message>
</context>
<context>
    <name>LedgerModel</name>
    <message>
        <location filename="../../survey_app/ui/hq/ledger_model.py" line="41" />
        <source>户号</source>
        <translation>Household no.</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/ledger_model.py" line="41" />
        <source>户主</source>
        <translation>Head</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/ledger_model.py" line="42" />
        <source>片区</source>
        <translation>Section</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/ledger_model.py" line="42" />
        <source>调查员</source>
        <translation>Surveyor</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/ledger_model.py" line="43" />
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/ledger_model.py" line="43" />
        <source>调查日期</source>
        <translation>Surveyed</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/ledger_model.py" line="44" />
        <source>建筑面积(m²)</source>
        <translation>Floor area (m²)</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/ledger_model.py" line="44" />
        <source>测算日期</source>
        <translation>Calculated</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/ledger_model.py" line="45" />
        <source>安置方式</source>
        <translation>Mode</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/ledger_model.py" line="45" />
        <source>选定方案</source>
        <translation>Chosen option</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/ledger_model.py" line="46" />
        <source>补偿总额(元)</source>
        <translation>Total (yuan)</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/ledger_model.py" line="46" />
        <source>结算金额(元)</source>
        <translation>Net (yuan)</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/ledger_model.py" line="47" />
        <source>协议编号</source>
        <translation>Agreement no.</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/ledger_model.py" line="47" />
        <source>协议状态</source>
        <translation>Agreement status</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/ledger_model.py" line="48" />
        <source>签约日期</source>
        <translation>Signed</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/ledger_model.py" line="48" />
        <source>已付金额(元)</source>
        <translation>Paid (yuan)</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/ledger_model.py" line="49" />
        <source>末次付款日期</source>
        <translation>Last paid</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/ledger_model.py" line="49" />
        <source>交房日期</source>
        <translation>Handed over</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/ledger_model.py" line="50" />
        <source>签约率奖(元)</source>
        <translation>Signing-rate reward (yuan)</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/ledger_model.py" line="50" />
        <source>早搬迁奖(元)</source>
        <translation>Early-moving reward (yuan)</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/ledger_model.py" line="51" />
        <source>协议生效</source>
        <translation>Agreements in effect</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/ledger_model.py" line="182" />
        <source>合计（计算中…）</source>
        <translation>Total (adding up…)</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/ledger_model.py" line="183" />
        <source>合计（{n} 户）</source>
        <translation>Total ({n} households)</translation>
    </message>
</context>
<context>
    <name>LedgerPage</name>
    <message>
        <location filename="../../survey_app/ui/hq/ledger_page.py" line="48" />
        <source>台账</source>
        <translation>Ledger</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/ledger_page.py" line="58" />
        <source>全部状态</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/ledger_page.py" line="63" />
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/ledger_page.py" line="65" />
        <source>导出 Excel…</source>
        <translation>Export to Excel…</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/ledger_page.py" line="70" />
        <source>片区</source>
        <translation>Section</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/ledger_page.py" line="72" />
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/ledger_page.py" line="80" />
        <source>双击一行打开该户</source>
        <translation>Double-click a row to open the household</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/ledger_page.py" line="150" />
        <source>全部片区</source>
        <translation>All sections</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/ledger_page.py" line="166" />
        <source>台账未能读取：{error}</source>
        <translation>The ledger could not be read: {error}</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/ledger_page.py" line="174" />
        <source>共 {n} 户</source>
        <translation>{n} households</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/ledger_page.py" line="218" />
        <source>台账-{day}.xlsx</source>
        <translation>ledger-{day}.xlsx</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/ledger_page.py" line="219" />
        <source>导出台账</source>
        <translation>Export ledger</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/ledger_page.py" line="220" />
        <source>Excel 文件 (*.xlsx)</source>
        <translation>Excel files (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/ledger_page.py" line="230" />
        <source>已导出台账：{n} 户，结算金额合计 {net} → {path}</source>
        <translation>Ledger exported: {n} households, net total {net} → {path}</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/ledger_page.py" line="235" />
        <source>正在导出台账…</source>
        <translation>Exporting the ledger…</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/ledger_page.py" line="238" />
        <source>未能完成：{error}</source>
        <translation>Not done: {error}</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../survey_app/ui/login_dialog.py" line="112" />
        <source>登录 — 征收补偿入户调查</source>
        <translation>Log in — Household Survey</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/login_dialog.py" line="115" />
        <source>征收补偿入户调查</source>
        <translation>Household Survey</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/login_dialog.py" line="134" />
        <source>用户名(&amp;U)</source>
        <translation>&amp;User name</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/login_dialog.py" line="135" />
        <source>密码(&amp;P)</source>
        <translation>&amp;Password</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/login_dialog.py" line="139" />
        <source>设备密码(&amp;D)</source>
        <translation>&amp;Device password</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/login_dialog.py" line="145" />
        <source>演示账号：worker / worker123（调查员）
reviewer / review123（复核员）　hq / hq123456（指挥部管理员）</source>
        <translation>Demo accounts: worker / worker123 (field worker)
reviewer / review123 (supervisor), hq / hq123456 (HQ admin)</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/login_dialog.py" line="153" />
        <source>登录</source>
        <translation>Log in</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/login_dialog.py" line="153" />
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/login_dialog.py" line="157" />
        <source>忘记密码…</source>
        <translation>Forgot password…</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/login_dialog.py" line="163" />
        <source>用项目的恢复密码设一个新密码</source>
        <translation>Set a new password with the project's recovery password</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/login_dialog.py" line="183" />
        <source>请输入用户名</source>
        <translation>Please enter a user name</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/login_dialog.py" line="196" />
        <source>正在登录…</source>
        <translation>Logging in…</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/login_dialog.py" line="257" />
        <source>必须先修改密码才能使用本软件</source>
        <translation>You must change your password before using the app</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/login_dialog.py" line="278" />
        <source>本机还没有该用户的密钥：请同时输入设备密码（只需这一次）</source>
        <translation>This user has no key on this computer yet: also enter the device password (needed only once)</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/login_dialog.py" line="282" />
        <source>无法打开数据库：{error}</source>
        <translation>Cannot open the database: {error}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../survey_app/ui/main_window.py" line="65" />
        <source>{name}（{role}）</source>
        <translation>{name} ({role})</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/main_window.py" line="66" />
        <source>征收补偿入户调查</source>
        <translation>Household Survey</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/main_window.py" line="72" />
        <source>首页</source>
        <translation>Home</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/main_window.py" line="72" />
        <source>我的今天：今日工作与负责区域进度</source>
        <translation>My day: today's work and progress in my area</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/main_window.py" line="73" />
        <source>住户</source>
        <translation>Households</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/main_window.py" line="73" />
        <source>住户列表、查找与详情</source>
        <translation>Household list, search and details</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/main_window.py" line="74" />
        <source>测算</source>
        <translation>Compare</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/main_window.py" line="74" />
        <source>所选住户的各安置方案并排比较</source>
        <translation>The selected household's options side by side</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/main_window.py" line="76" />
        <source>复核</source>
        <translation>Review</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/main_window.py" line="76" />
        <source>待复核的住户：通过或退回</source>
        <translation>Households waiting for review: approve or return</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/main_window.py" line="77" />
        <source>同步</source>
        <translation>Sync</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/main_window.py" line="77" />
        <source>U 盘同步：导出、导入同步包与回执</source>
        <translation>USB-stick sync: export and import bundles and receipts</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/main_window.py" line="79" />
        <source>项目</source>
        <translation>Project</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/main_window.py" line="80" />
        <source>指挥部：项目信息、补偿方案、名册与评估、人员与设备</source>
        <translation>HQ: project, policy, roster and appraisals, people and laptops</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/main_window.py" line="105" />
        <source>当前用户：{name}（{role}）</source>
        <translation>User: {name} ({role})</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/main_window.py" line="261" />
        <source>共 {n} 户</source>
        <translation>{n} households</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/main_window.py" line="267" />
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/main_window.py" line="268" />
        <source>核验协议(&amp;V)…</source>
        <translation>&amp;Verify agreement…</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/main_window.py" line="275" />
        <source>备份到…（U 盘）(&amp;B)</source>
        <translation>&amp;Back up to… (USB stick)</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/main_window.py" line="277" />
        <source>把本项目（数据库、密钥库、照片）备份到一个文件夹，如 U 盘</source>
        <translation>Back this project (database, key vault, photos) up into a folder, e.g. on a USB stick</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/main_window.py" line="280" />
        <source>从备份恢复(&amp;R)…</source>
        <translation>&amp;Restore from a backup…</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/main_window.py" line="285" />
        <source>注销 / 切换用户(&amp;L)…</source>
        <translation>&amp;Log out / switch user…</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/main_window.py" line="287" />
        <source>回到登录窗口，换一位用户登录（不退出程序）</source>
        <translation>Back to the login window for another user (without quitting)</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/main_window.py" line="291" />
        <source>退出(&amp;X)</source>
        <translation>E&amp;xit</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/main_window.py" line="299" />
        <source>项目(&amp;P)</source>
        <translation>&amp;Project</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/main_window.py" line="300" />
        <source>切换项目(&amp;S)…</source>
        <translation>&amp;Switch project…</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/main_window.py" line="302" />
        <source>关闭本项目，选择、新建或加入其他项目</source>
        <translation>Close this project; open, create or join another one</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/main_window.py" line="307" />
        <source>视图(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/main_window.py" line="308" />
        <source>搜索(&amp;S)</source>
        <translation>&amp;Search</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/main_window.py" line="313" />
        <source>语言(&amp;L)</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/main_window.py" line="323" />
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/main_window.py" line="324" />
        <source>使用帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/main_window.py" line="331" />
        <source>关于(&amp;A)</source>
        <translation>&amp;About</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/main_window.py" line="353" />
        <source>注销</source>
        <translation>Log out</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/main_window.py" line="353" />
        <source>还有任务在运行，请等它完成后再注销。</source>
        <translation>A task is still running: wait for it to finish before logging out.</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/main_window.py" line="375" />
        <source>语言</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/main_window.py" line="375" />
        <source>界面语言将在下次启动时切换。</source>
        <translation>The interface language will change at the next start.</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/main_window.py" line="380" />
        <source>关于</source>
        <translation>About</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/main_window.py" line="381" />
        <source>&lt;b&gt;征收补偿入户调查&lt;/b&gt; {version}&lt;br&gt;离线入户调查、补偿测算与协议工作站。&lt;br&gt;数据库：{path}</source>
        <translation>&lt;b&gt;Household Survey&lt;/b&gt; {version}&lt;br&gt;Offline survey, compensation and agreement workstation.&lt;br&gt;Database: {path}</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/main_window.py" line="386" />
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/main_window.py" line="386" />
        <source>还有任务在运行，确定要取消并退出吗？</source>
        <translation>A task is still running. Cancel it and quit?</translation>
    </message>
</context>
<context>
    <name>MappingDialog</name>
    <message>
        <location filename="../../survey_app/ui/hq/mapping_dialog.py" line="41" />
        <source>导入名册</source>
        <translation>Import roster</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/mapping_dialog.py" line="41" />
        <source>导入评估结果</source>
        <translation>Import appraisals</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/mapping_dialog.py" line="63" />
        <source>重新检查</source>
        <translation>Check again</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/mapping_dialog.py" line="66" />
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/mapping_dialog.py" line="69" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/mapping_dialog.py" line="96" />
        <source>文件：{name}（{source}，第{row}行为标题行）</source>
        <translation>File: {name} ({source}, header in row {row})</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/mapping_dialog.py" line="101" />
        <source>（不导入）</source>
        <translation>(not imported)</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/mapping_dialog.py" line="108" />
        <source>行</source>
        <translation>Row</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/mapping_dialog.py" line="118" />
        <source>发现 {n} 个问题，整个文件不能导入。请在 Excel 中改正后重新打开：</source>
        <translation>{n} problem(s) found: the file cannot be imported. Correct them in Excel and open it again:</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/mapping_dialog.py" line="122" />
        <source>检查通过：{summary}</source>
        <translation>Checked: {summary}</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/mapping_dialog.py" line="125" />
        <source>提示（不影响导入）：</source>
        <translation>Notes (the import goes ahead):</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/mapping_dialog.py" line="131" />
        <source>对应关系已改动，请点“重新检查”。</source>
        <translation>The column mapping changed: click “Check again”.</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/mapping_dialog.py" line="149" />
        <source>正在检查文件…</source>
        <translation>Checking the file…</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/mapping_dialog.py" line="162" />
        <source>正在导入…</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/mapping_dialog.py" line="171" />
        <source>操作失败，请重试或联系技术支持。</source>
        <translation>The operation failed: try again or call support.</translation>
    </message>
</context>
<context>
    <name>MembersSection</name>
    <message>
        <location filename="../../survey_app/ui/editor/sections_people.py" line="236" />
        <source>家庭成员</source>
        <translation>Family members</translation>
    </message>
</context>
<context>
    <name>MembersTable</name>
    <message>
        <location filename="../../survey_app/ui/editor/sections_people.py" line="186" />
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/sections_people.py" line="187" />
        <source>关系</source>
        <translation>Relation</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/sections_people.py" line="188" />
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/sections_people.py" line="189" />
        <source>性别</source>
        <translation>Sex</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/sections_people.py" line="190" />
        <source>出生日期</source>
        <translation>Born</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/sections_people.py" line="191" />
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/sections_people.py" line="192" />
        <source>低保</source>
        <translation>Dibao</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/sections_people.py" line="193" />
        <source>残疾</source>
        <translation>Disab.</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/sections_people.py" line="194" />
        <source>大病</source>
        <translation>Illness</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/sections_people.py" line="195" />
        <source>户籍在此</source>
        <translation>Hukou here</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/sections_people.py" line="197" />
        <source>＋ 添加成员</source>
        <translation>+ Add member</translation>
    </message>
</context>
<context>
    <name>MessageBanner</name>
    <message>
        <location filename="../../survey_app/ui/pages/common.py" line="70" />
        <source>关闭</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>NewProjectDialog</name>
    <message>
        <location filename="../../survey_app/ui/start/new_project.py" line="50" />
        <source>新建项目（指挥部）</source>
        <translation>New project (HQ)</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/start/new_project.py" line="63" />
        <source>如 芙蓉路片区棚户区改造项目</source>
        <translation>e.g. Furong Road shantytown renewal</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/start/new_project.py" line="64" />
        <source>英文字母和数字，如 FR2024</source>
        <translation>Latin letters and digits, e.g. FR2024</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/start/new_project.py" line="66" />
        <source>如 长沙市</source>
        <translation>e.g. Changsha</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/start/new_project.py" line="67" />
        <source>如 芙政征〔2024〕3号</source>
        <translation>e.g. 芙政征〔2024〕3号</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/start/new_project.py" line="74" />
        <source>如 60，可暂不填</source>
        <translation>e.g. 60, optional for now</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/start/new_project.py" line="78" />
        <source>可不填</source>
        <translation>optional</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/start/new_project.py" line="79" />
        <source>至少 8 位</source>
        <translation>at least 8 characters</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/start/new_project.py" line="81" />
        <source>至少 8 位，不同于管理员密码</source>
        <translation>at least 8 characters, not the administrator's password</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/start/new_project.py" line="86" />
        <source>更改文件夹…</source>
        <translation>Change folder…</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/start/new_project.py" line="93" />
        <source>创建项目</source>
        <translation>Create project</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/start/new_project.py" line="97" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/start/new_project.py" line="106" />
        <source>项目名称 *</source>
        <translation>Project name *</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/start/new_project.py" line="107" />
        <source>项目编号 *</source>
        <translation>Project code *</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/start/new_project.py" line="108" />
        <source>城市 *</source>
        <translation>City *</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/start/new_project.py" line="109" />
        <source>征收决定文号</source>
        <translation>Expropriation decision no.</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/start/new_project.py" line="110" />
        <location filename="../../survey_app/ui/start/new_project.py" line="192" />
        <source>评估时点</source>
        <translation>Valuation date</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/start/new_project.py" line="113" />
        <source>至</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/start/new_project.py" line="115" />
        <source>签约期</source>
        <translation>Signing period</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/start/new_project.py" line="116" />
        <source>货币化安置目标（%）</source>
        <translation>Cash resettlement target (%)</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/start/new_project.py" line="118" />
        <source>管理员用户名 *</source>
        <translation>Administrator user name *</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/start/new_project.py" line="119" />
        <source>显示姓名</source>
        <translation>Display name</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/start/new_project.py" line="120" />
        <source>密码 *</source>
        <translation>Password *</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/start/new_project.py" line="121" />
        <source>再次输入密码 *</source>
        <translation>Password again *</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/start/new_project.py" line="122" />
        <source>项目数据库将加密保存：此密码用于登录并解开项目和指挥部同步密钥，请牢记。不能使用演示项目的密码。</source>
        <translation>The project database is stored encrypted: this password logs in and unlocks the project and HQ's sync keys. Keep it safe. Demo passwords are refused.</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/start/new_project.py" line="127" />
        <source>恢复密码 *</source>
        <translation>Recovery password *</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/start/new_project.py" line="128" />
        <source>再次输入恢复密码 *</source>
        <translation>Recovery password again *</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/start/new_project.py" line="129" />
        <source>交项目负责人另行保管（例如密封在信封里）；管理员忘记密码时，用它重设</source>
        <translation>Give it to the project lead to keep separately (e.g. sealed in an envelope); if the administrator forgets their password, it resets it</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/start/new_project.py" line="137" />
        <source>保存位置</source>
        <translation>Saved as</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/start/new_project.py" line="141" />
        <source>项目信息</source>
        <translation>Project</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/start/new_project.py" line="143" />
        <source>片区 / 地块</source>
        <translation>Sections / plots</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/start/new_project.py" line="145" />
        <source>第一位指挥部管理员</source>
        <translation>First HQ administrator</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/start/new_project.py" line="175" />
        <source>项目数据库保存到哪个文件夹</source>
        <translation>Folder for the project database</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/start/new_project.py" line="193" />
        <source>签约期开始日期</source>
        <translation>Signing period start</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/start/new_project.py" line="194" />
        <source>签约期结束日期</source>
        <translation>Signing period end</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/start/new_project.py" line="198" />
        <source>{label}不是有效日期，请写成 2024-05-01</source>
        <translation>{label} is not a valid date: write it as 2024-05-01</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/start/new_project.py" line="202" />
        <source>两次输入的密码不一致</source>
        <translation>The two passwords differ</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/start/new_project.py" line="205" />
        <source>请设置恢复密码：管理员忘记密码时，只有用它才能重设</source>
        <translation>Set a recovery password: it is the only way to reset a forgotten administrator password</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/start/new_project.py" line="209" />
        <source>两次输入的恢复密码不一致</source>
        <translation>The two recovery passwords differ</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/start/new_project.py" line="232" />
        <source>正在创建项目…</source>
        <translation>Creating the project…</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/start/new_project.py" line="250" />
        <source>创建项目失败：{error}</source>
        <translation>Creating the project failed: {error}</translation>
    </message>
</context>
<context>
    <name>PartsSection</name>
    <message>
        <location filename="../../survey_app/ui/editor/sections_property.py" line="53" />
        <source>部位</source>
        <translation>Part</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/sections_property.py" line="53" />
        <source>主房</source>
        <translation>Main house</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/sections_property.py" line="54" />
        <source>面积 m²</source>
        <translation>Area m²</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/sections_property.py" line="55" />
        <source>用途</source>
        <translation>Use</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/sections_property.py" line="56" />
        <source>实际用途</source>
        <translation>Actual use</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/sections_property.py" line="57" />
        <source>结构</source>
        <translation>Structure</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/sections_property.py" line="59" />
        <source>层数</source>
        <translation>Floors</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/sections_property.py" line="60" />
        <source>建成年份</source>
        <translation>Built</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/sections_property.py" line="61" />
        <source>合法性认定</source>
        <translation>Legality</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/sections_property.py" line="63" />
        <source>临建批准期限</source>
        <translation>Temporary until</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/sections_property.py" line="64" />
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/sections_property.py" line="66" />
        <source>装修</source>
        <translation>Decoration</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/sections_property.py" line="70" />
        <source>＋ 添加建筑部分</source>
        <translation>+ Add building part</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/sections_property.py" line="71" />
        <source>建筑部分</source>
        <translation>Building parts</translation>
    </message>
</context>
<context>
    <name>PasswordChangeDialog</name>
    <message>
        <location filename="../../survey_app/ui/password_dialog.py" line="42" />
        <source>修改密码</source>
        <translation>Change password</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/password_dialog.py" line="44" />
        <source>首次登录或密码被重置后，须先设置自己的新密码（至少8位，不能用演示密码）。</source>
        <translation>After the first login or a password reset, set your own new password first (at least 8 characters, not a demo password).</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/password_dialog.py" line="53" />
        <source>新密码(&amp;N)</source>
        <translation>&amp;New password</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/password_dialog.py" line="54" />
        <source>再输一次(&amp;A)</source>
        <translation>&amp;Again</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/password_dialog.py" line="56" />
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/password_dialog.py" line="56" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/password_dialog.py" line="68" />
        <source>两次输入的密码不一致</source>
        <translation>The two passwords do not match</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/password_dialog.py" line="75" />
        <source>正在保存新密码…</source>
        <translation>Saving the new password…</translation>
    </message>
</context>
<context>
    <name>PaymentDialog</name>
    <message>
        <location filename="../../survey_app/ui/money/payment_dialog.py" line="28" />
        <source>付款登记 — {household}</source>
        <translation>Payments — {household}</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/money/payment_dialog.py" line="37" />
        <location filename="../../survey_app/ui/money/payment_dialog.py" line="85" />
        <source>补偿款</source>
        <translation>Compensation</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/money/payment_dialog.py" line="38" />
        <location filename="../../survey_app/ui/money/payment_dialog.py" line="85" />
        <source>过渡费</source>
        <translation>Transition fee</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/money/payment_dialog.py" line="39" />
        <source>元，最多两位小数</source>
        <translation>yuan, at most two decimals</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/money/payment_dialog.py" line="43" />
        <source>银行转账</source>
        <translation>Bank transfer</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/money/payment_dialog.py" line="43" />
        <source>现金</source>
        <translation>Cash</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/money/payment_dialog.py" line="43" />
        <source>支票</source>
        <translation>Cheque</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/money/payment_dialog.py" line="45" />
        <source>银行转账流水号</source>
        <translation>Bank transfer reference</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/money/payment_dialog.py" line="46" />
        <source>凭证号 / 收据号</source>
        <translation>Voucher / receipt number</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/money/payment_dialog.py" line="49" />
        <source>类别</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/money/payment_dialog.py" line="50" />
        <source>金额(元) *</source>
        <translation>Amount (yuan) *</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/money/payment_dialog.py" line="51" />
        <source>付款日期</source>
        <translation>Paid on</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/money/payment_dialog.py" line="52" />
        <source>付款方式</source>
        <translation>Method</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/money/payment_dialog.py" line="53" />
        <source>转账流水号</source>
        <translation>Transfer ref.</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/money/payment_dialog.py" line="54" />
        <source>凭证号</source>
        <translation>Receipt no.</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/money/payment_dialog.py" line="55" />
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/money/payment_dialog.py" line="57" />
        <source>登记付款</source>
        <translation>Record payment</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/money/payment_dialog.py" line="57" />
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/money/payment_dialog.py" line="76" />
        <source>该户没有已签订的协议，不能登记付款。</source>
        <translation>This household has no signed agreement: no payment can be recorded.</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/money/payment_dialog.py" line="80" />
        <source>协议 {number}：结算金额 {net} 元，已付补偿款 {paid} 元，未付 {left} 元；已付过渡费 {transition} 元</source>
        <translation>Agreement {number}: settlement {net} yuan, compensation paid {paid} yuan, unpaid {left} yuan; transition fee paid {transition} yuan</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/money/payment_dialog.py" line="86" />
        <source>{day}  {kind}第{n}期  {amount} 元  {ref}</source>
        <translation>{day}  {kind} instalment {n}  {amount} yuan  {ref}</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/money/payment_dialog.py" line="103" />
        <source>已登记第{n}期付款 {amount} 元</source>
        <translation>Instalment {n} of {amount} yuan recorded</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/money/payment_dialog.py" line="108" />
        <source>正在保存…</source>
        <translation>Saving…</translation>
    </message>
</context>
<context>
    <name>PeopleTab</name>
    <message>
        <location filename="../../survey_app/ui/hq/people_tab.py" line="43" />
        <source>新建用户、登记笔记本、分派住户的结果会显示在这里。</source>
        <translation>The results of creating users, enrolling laptops and assigning households appear here.</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/people_tab.py" line="50" />
        <source>用户</source>
        <translation>Users</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/people_tab.py" line="51" />
        <source>笔记本</source>
        <translation>Laptops</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/people_tab.py" line="52" />
        <source>分派住户</source>
        <translation>Assign households</translation>
    </message>
</context>
<context>
    <name>PhotoDialog</name>
    <message>
        <location filename="../../survey_app/ui/photos/dialog.py" line="20" />
        <source>照片 — {title}</source>
        <translation>Photos — {title}</translation>
    </message>
</context>
<context>
    <name>PhotoStrip</name>
    <message>
        <location filename="../../survey_app/ui/photos/strip.py" line="63" />
        <source>＋ 添加照片…</source>
        <translation>+ Add photos…</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/photos/strip.py" line="66" />
        <source>可一次选择多张（例如相机文件夹中的全部照片），也可把文件拖到这里</source>
        <translation>Choose many at once (e.g. a whole camera folder), or drag files here</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/photos/strip.py" line="105" />
        <source>照片分类：外观、室内、证件、临建批复或其他</source>
        <translation>Photo category: exterior, interior, papers, temporary permit or other</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/photos/strip.py" line="110" />
        <source>照片说明，例如：东立面、厨房、房产证第1页</source>
        <translation>Caption, e.g. east front, kitchen, title deed page 1</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/photos/strip.py" line="112" />
        <source>删除照片…</source>
        <translation>Delete photo…</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/photos/strip.py" line="116" />
        <source>分类</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/photos/strip.py" line="118" />
        <source>说明</source>
        <translation>Caption</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/photos/strip.py" line="150" />
        <source>拍摄时间：{when}（北京时间）</source>
        <translation>Taken {when} (Beijing time)</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/photos/strip.py" line="163" />
        <source>只读：不能修改照片</source>
        <translation>Read-only: photos cannot be changed</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/photos/strip.py" line="163" />
        <source>先在上面选中一张照片</source>
        <translation>Select a photo above first</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/photos/strip.py" line="164" />
        <source>删除选中的照片（会先确认；审计日志记下删除）</source>
        <translation>Delete the selected photo (asks first; the audit log records the deletion)</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/photos/strip.py" line="177" />
        <source>无法读取此图片</source>
        <translation>Cannot read this image</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/photos/strip.py" line="184" />
        <source>共{n}张照片。双击或按 Enter 查看大图。</source>
        <translation>{n} photo(s). Double-click or press Enter to view.</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/photos/strip.py" line="185" />
        <source>还没有照片。</source>
        <translation>No photos yet.</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/photos/strip.py" line="192" />
        <source>选择照片（可多选）</source>
        <translation>Choose photos (several allowed)</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/photos/strip.py" line="193" />
        <source>照片 ({patterns})</source>
        <translation>Photos ({patterns})</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/photos/strip.py" line="208" />
        <source>正在导入{n}张照片…</source>
        <translation>Importing {n} photo(s)…</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/photos/strip.py" line="216" />
        <source>已添加{n}张。</source>
        <translation>{n} added.</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/photos/strip.py" line="218" />
        <source>{n}张已在本户照片中（或已取消），未重复添加。</source>
        <translation>{n} already among this household's photos (or cancelled); not added twice.</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/photos/strip.py" line="227" />
        <source>添加照片</source>
        <translation>Add photos</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/photos/strip.py" line="227" />
        <source>照片未能添加：{error}</source>
        <translation>The photos could not be added: {error}</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/photos/strip.py" line="271" />
        <source>已保存照片信息。</source>
        <translation>Photo details saved.</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/photos/strip.py" line="279" />
        <source>删除照片</source>
        <translation>Delete photo</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/photos/strip.py" line="280" />
        <source>删除照片“{name}”吗？
照片是调查证据：删除后不再显示，但审计日志会记下谁在何时删除。</source>
        <translation>Delete the photo “{name}”?
Photos are survey evidence: it will no longer be shown, but the audit log records who deleted it and when.</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/photos/strip.py" line="283" />
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/photos/strip.py" line="284" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/photos/strip.py" line="301" />
        <source>已删除照片。</source>
        <translation>Photo deleted.</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/photos/strip.py" line="307" />
        <source>照片</source>
        <translation>Photo</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/photos/strip.py" line="307" />
        <source>未能保存：{error}</source>
        <translation>Not saved: {error}</translation>
    </message>
</context>
<context>
    <name>PhotoViewer</name>
    <message>
        <location filename="../../survey_app/ui/photos/viewer.py" line="36" />
        <source>◀ 上一张</source>
        <translation>◀ Previous</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/photos/viewer.py" line="37" />
        <source>下一张 ▶</source>
        <translation>Next ▶</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/photos/viewer.py" line="38" />
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/photos/viewer.py" line="66" />
        <source>{title}　（第{i}张，共{n}张）
{name}　拍摄时间：{when}（北京时间）　位置：{gps}</source>
        <translation>{title}   ({i} of {n})
{name}   taken {when} (Beijing time)   position: {gps}</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/photos/viewer.py" line="69" />
        <source>照片 — {name}</source>
        <translation>Photo — {name}</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/photos/viewer.py" line="76" />
        <source>无法读取此图片</source>
        <translation>Cannot read this image</translation>
    </message>
</context>
<context>
    <name>PhotosSection</name>
    <message>
        <location filename="../../survey_app/ui/editor/sections_photos.py" line="25" />
        <source>照片（添加后立即保存）</source>
        <translation>Photos (saved as soon as added)</translation>
    </message>
</context>
<context>
    <name>PolicyTab</name>
    <message>
        <location filename="../../survey_app/ui/hq/policy_tab.py" line="102" />
        <source>载入方案文件…</source>
        <translation>Load policy file…</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/policy_tab.py" line="105" />
        <source>发布…</source>
        <translation>Publish…</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/policy_tab.py" line="109" />
        <source>尚未载入方案文件。载入后先列出全部问题，再可试算、比较和发布。</source>
        <translation>No policy file loaded. Loading lists every problem first; then preview, compare and publish.</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/policy_tab.py" line="127" />
        <source>问题</source>
        <translation>Problems</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/policy_tab.py" line="128" />
        <source>白话说明</source>
        <translation>Plain explanation</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/policy_tab.py" line="129" />
        <source>试算预览</source>
        <translation>Preview</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/policy_tab.py" line="130" />
        <source>与已发布版本比较</source>
        <translation>Compare with published</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/policy_tab.py" line="131" />
        <source>版本与重新测算</source>
        <translation>Versions and recalculation</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/policy_tab.py" line="154" />
        <source>内置样例户</source>
        <translation>Built-in sample household</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/policy_tab.py" line="157" />
        <source>本项目住户，户号：</source>
        <translation>Project household, code:</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/policy_tab.py" line="162" />
        <source>试算</source>
        <translation>Calculate</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/policy_tab.py" line="179" />
        <source>已发布的版本（最新在前）</source>
        <translation>Published versions (newest first)</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/policy_tab.py" line="189" />
        <source>选择补偿方案文件</source>
        <translation>Choose a policy file</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/policy_tab.py" line="190" />
        <source>补偿方案 (*.toml);;所有文件 (*)</source>
        <translation>Policy files (*.toml);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/policy_tab.py" line="210" />
        <source>正在检查方案…</source>
        <translation>Checking the policy…</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/policy_tab.py" line="221" />
        <source>没有发现问题。</source>
        <translation>No problems found.</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/policy_tab.py" line="226" />
        <source>与已发布的“{label}”相比：</source>
        <translation>Compared with the published “{label}”:</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/policy_tab.py" line="229" />
        <source>本项目还没有已发布的版本：这将是第一个版本。</source>
        <translation>This project has no published version yet: this will be the first.</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/policy_tab.py" line="231" />
        <source>{name}：检查通过，内容哈希 {hash}</source>
        <translation>{name}: checked, content hash {hash}</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/policy_tab.py" line="235" />
        <source>{name}：发现 {n} 个问题，须改正后才能发布</source>
        <translation>{name}: {n} problem(s) found; correct them before publishing</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/policy_tab.py" line="240" />
        <source>此文件与当前已发布版本内容相同，无需发布。</source>
        <translation>This file has the same content as the current published version: nothing to publish.</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/policy_tab.py" line="244" />
        <source>操作未能完成，请重试或联系技术支持。</source>
        <translation>The operation could not be completed. Try again or contact support.</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/policy_tab.py" line="255" />
        <source>请输入户号，或选择内置样例户。</source>
        <translation>Enter a household code, or choose the built-in sample household.</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/policy_tab.py" line="264" />
        <source>试算未能完成。</source>
        <translation>The preview calculation could not be completed.</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/policy_tab.py" line="265" />
        <source>正在试算…</source>
        <translation>Calculating…</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/policy_tab.py" line="285" />
        <source>正在发布…</source>
        <translation>Publishing…</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/policy_tab.py" line="290" />
        <source>已发布“{label}”，内容哈希 {hash}。新版本将随下一次任务包下发到笔记本；按旧版本测算的住户列在“版本与重新测算”中，需重新测算（未自动改动）。</source>
        <translation>Published “{label}”, content hash {hash}. The new version goes to the laptops with the next assignment bundle; households calculated under an older version are listed under “Versions and recalculation” and need recalculating (nothing was changed automatically).</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/policy_tab.py" line="311" />
        <source>当前</source>
        <translation>current</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/policy_tab.py" line="311" />
        <source>旧版本</source>
        <translation>older</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/policy_tab.py" line="313" />
        <source>　原因：{reason}</source>
        <translation>  reason: {reason}</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/policy_tab.py" line="316" />
        <source>还没有发布过补偿方案。</source>
        <translation>No policy has been published yet.</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/policy_tab.py" line="321" />
        <source>按旧版本测算、需要重新测算的住户：{n} 户（不会自动重新测算，也不会改动已有测算）</source>
        <translation>Households calculated under an older version, to recalculate: {n} (nothing is recalculated or changed automatically)</translation>
    </message>
</context>
<context>
    <name>PreviewDialog</name>
    <message>
        <location filename="../../survey_app/ui/agreements/printing.py" line="154" />
        <source>上一页</source>
        <translation>Previous</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/agreements/printing.py" line="155" />
        <source>下一页</source>
        <translation>Next</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/agreements/printing.py" line="156" />
        <source>适合宽度</source>
        <translation>Fit width</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/agreements/printing.py" line="157" />
        <source>整页</source>
        <translation>Whole page</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/agreements/printing.py" line="158" />
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/agreements/printing.py" line="161" />
        <source>另存为 PDF…</source>
        <translation>Save as PDF…</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/agreements/printing.py" line="164" />
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/agreements/printing.py" line="187" />
        <source>第 {n} / {total} 页</source>
        <translation>Page {n} of {total}</translation>
    </message>
</context>
<context>
    <name>ProblemPanel</name>
    <message>
        <location filename="../../survey_app/ui/editor/problems.py" line="52" />
        <source>待改正（{n}处）</source>
        <translation>To correct ({n})</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/problems.py" line="54" />
        <source>提交前还需补全（{n}项）</source>
        <translation>Still needed before submitting ({n})</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/problems.py" line="55" />
        <source>未发现问题，可以提交</source>
        <translation>No problems found; ready to submit</translation>
    </message>
</context>
<context>
    <name>ProjectTab</name>
    <message>
        <location filename="../../survey_app/ui/hq/project_tab.py" line="55" />
        <source>如 60，可不填</source>
        <translation>e.g. 60, optional</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/project_tab.py" line="68" />
        <source>已有协议签订：请写明修改原因（记入审计）</source>
        <translation>Agreements issued: give the reason for the change (audited)</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/project_tab.py" line="72" />
        <source>保存修改</source>
        <translation>Save changes</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/project_tab.py" line="77" />
        <source>项目编号</source>
        <translation>Project code</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/project_tab.py" line="78" />
        <source>项目名称</source>
        <translation>Project name</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/project_tab.py" line="79" />
        <source>城市</source>
        <translation>City</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/project_tab.py" line="80" />
        <source>征收决定文号</source>
        <translation>Expropriation decision no.</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/project_tab.py" line="81" />
        <location filename="../../survey_app/ui/hq/project_tab.py" line="133" />
        <source>评估时点</source>
        <translation>Valuation date</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/project_tab.py" line="84" />
        <source>至</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/project_tab.py" line="86" />
        <source>签约期</source>
        <translation>Signing period</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/project_tab.py" line="87" />
        <source>货币化安置目标（%）</source>
        <translation>Cash resettlement target (%)</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/project_tab.py" line="88" />
        <source>片区 / 地块</source>
        <translation>Sections / plots</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/project_tab.py" line="89" />
        <source>指挥部密钥指纹</source>
        <translation>HQ key fingerprint</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/project_tab.py" line="90" />
        <source>数据库</source>
        <translation>Database</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/project_tab.py" line="92" />
        <source>修改原因</source>
        <translation>Reason for the change</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/project_tab.py" line="113" />
        <source>数据库中还没有项目。</source>
        <translation>The database holds no project yet.</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/project_tab.py" line="126" />
        <source>（本机没有指挥部密钥）</source>
        <translation>(this machine holds no HQ keys)</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/project_tab.py" line="127" />
        <source>已有协议签订：修改项目信息须填写原因，原因与修改一并记入审计。</source>
        <translation>Agreements have been issued: a change needs a reason, audited with the change.</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/project_tab.py" line="128" />
        <source>尚无协议签订：可以直接修改（每次修改都记入审计）。</source>
        <translation>No agreement issued yet: change freely (every change is audited).</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/project_tab.py" line="134" />
        <source>签约期开始日期</source>
        <translation>Signing period start</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/project_tab.py" line="135" />
        <source>签约期结束日期</source>
        <translation>Signing period end</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/project_tab.py" line="139" />
        <source>{label}不是有效日期，请写成 2024-05-01</source>
        <translation>{label} is not a valid date: write it as 2024-05-01</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/project_tab.py" line="147" />
        <source>正在保存项目信息…</source>
        <translation>Saving the project…</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/project_tab.py" line="156" />
        <source>已保存。</source>
        <translation>Saved.</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/project_tab.py" line="169" />
        <source>保存失败：{error}</source>
        <translation>Saving failed: {error}</translation>
    </message>
</context>
<context>
    <name>PublishDialog</name>
    <message>
        <location filename="../../survey_app/ui/hq/policy_tab.py" line="66" />
        <source>发布补偿方案</source>
        <translation>Publish compensation policy</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/policy_tab.py" line="68" />
        <source>将发布：{label}
内容哈希（发布后锁定，不能再修改）：
{hash}</source>
        <translation>About to publish: {label}
Content hash (locked once published, never changed):
{hash}</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/policy_tab.py" line="74" />
        <source>发布原因，如：依据××号文调整临时安置费标准</source>
        <translation>Reason, e.g. transition fee adjusted under notice no. ××</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/policy_tab.py" line="75" />
        <source>发布原因（可不填，默认“首次发布”）</source>
        <translation>Reason (optional; default “first version”)</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/policy_tab.py" line="79" />
        <source>发布</source>
        <translation>Publish</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/policy_tab.py" line="85" />
        <source>发布原因</source>
        <translation>Reason</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <location filename="../../survey_app/ui/recovery_dialog.py" line="46" />
        <source>忘记密码</source>
        <translation>Forgot password</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/recovery_dialog.py" line="48" />
        <source>用项目的恢复密码（建项目时设置，由项目负责人另行保管）为账号设一个新密码。新密码至少8位，不能用演示密码，设好后直接用它登录。</source>
        <translation>Set a new password for an account with the project's recovery password (set when the project was created, kept separately by the project lead). At least 8 characters, not a demo password; you are then logged in with it.</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/recovery_dialog.py" line="68" />
        <source>用户名(&amp;U)</source>
        <translation>&amp;User name</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/recovery_dialog.py" line="69" />
        <source>恢复密码(&amp;R)</source>
        <translation>&amp;Recovery password</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/recovery_dialog.py" line="70" />
        <source>新密码(&amp;N)</source>
        <translation>&amp;New password</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/recovery_dialog.py" line="71" />
        <source>再输一次(&amp;A)</source>
        <translation>&amp;Again</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/recovery_dialog.py" line="74" />
        <source>重设密码</source>
        <translation>Reset password</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/recovery_dialog.py" line="74" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/recovery_dialog.py" line="87" />
        <source>请输入用户名</source>
        <translation>Enter the user name</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/recovery_dialog.py" line="90" />
        <source>请输入恢复密码</source>
        <translation>Enter the recovery password</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/recovery_dialog.py" line="94" />
        <source>两次输入的新密码不一致</source>
        <translation>The two new passwords do not match</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/recovery_dialog.py" line="99" />
        <source>正在重设密码…</source>
        <translation>Resetting the password…</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <location filename="../../survey_app/ui/backup_dialog.py" line="190" />
        <location filename="../../survey_app/ui/backup_dialog.py" line="243" />
        <location filename="../../survey_app/ui/backup_dialog.py" line="246" />
        <source>从备份恢复</source>
        <translation>Restore from a backup</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/backup_dialog.py" line="193" />
        <source>项目</source>
        <translation>Project</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/backup_dialog.py" line="194" />
        <source>备份时间</source>
        <translation>Backed up at</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/backup_dialog.py" line="195" />
        <source>设备</source>
        <translation>Device</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/backup_dialog.py" line="196" />
        <source>文件</source>
        <translation>Files</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/backup_dialog.py" line="196" />
        <source>{n} 个，已逐个校验</source>
        <translation>{n}, each one checked</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/backup_dialog.py" line="199" />
        <source>更改…</source>
        <translation>Change…</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/backup_dialog.py" line="204" />
        <source>恢复为新文件</source>
        <translation>Restore as new file</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/backup_dialog.py" line="211" />
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/backup_dialog.py" line="212" />
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/backup_dialog.py" line="213" />
        <source>加密项目：恢复后要用其中一位用户的密码打开检查。用户名留空则输入恢复密码。</source>
        <translation>Encrypted project: the restored copy is opened with one of its users' passwords to check it. Leave the user name empty to use the recovery password.</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/backup_dialog.py" line="217" />
        <source>恢复</source>
        <translation>Restore</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/backup_dialog.py" line="236" />
        <source>恢复为哪个新项目文件</source>
        <translation>Restore as which new project file</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/backup_dialog.py" line="237" />
        <source>项目数据库 (*.sqlite3);;所有文件 (*)</source>
        <translation>Project databases (*.sqlite3);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/backup_dialog.py" line="243" />
        <source>请填写恢复后的项目文件名</source>
        <translation>Enter the file name for the restored project</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/backup_dialog.py" line="246" />
        <source>请输入密码</source>
        <translation>Enter the password</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <location filename="../../survey_app/ui/pages/review_page.py" line="64" />
        <source>复核意见（退回时必填，调查员会看到）</source>
        <translation>Review note (required to return; the field worker sees it)</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/pages/review_page.py" line="66" />
        <source>通过复核</source>
        <translation>Approve</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/pages/review_page.py" line="68" />
        <source>退回修改</source>
        <translation>Return for rework</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/pages/review_page.py" line="80" />
        <source>地块</source>
        <translation>Section</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/pages/review_page.py" line="111" />
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/pages/review_page.py" line="148" />
        <source>待复核 {n} 户</source>
        <translation>{n} waiting for review</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/pages/review_page.py" line="159" />
        <source>队列中没有待复核的住户</source>
        <translation>No households are waiting for review</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/pages/review_page.py" line="159" />
        <source>请先在左侧选择一户</source>
        <translation>Select a household on the left first</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/pages/review_page.py" line="161" />
        <source>正在读取所选住户…</source>
        <translation>Loading the selected household…</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/pages/review_page.py" line="163" />
        <source>该户已不在待复核状态</source>
        <translation>This household is no longer waiting for review</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/pages/review_page.py" line="168" />
        <source>调查核对无误：已调查 → 已复核</source>
        <translation>The survey is correct: Surveyed → Reviewed</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/pages/review_page.py" line="169" />
        <source>退回调查员修改（须填写退回意见）：已调查 → 待调查</source>
        <translation>Return to the field worker with a note (required): Surveyed → Pending</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/pages/review_page.py" line="180" />
        <location filename="../../survey_app/ui/pages/review_page.py" line="194" />
        <source>正在保存…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/pages/review_page.py" line="181" />
        <source>{code} 已通过复核</source>
        <translation>{code} approved</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/pages/review_page.py" line="190" />
        <source>退回时须填写退回意见，告诉调查员要改什么</source>
        <translation>Write what the field worker must correct before returning it</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/pages/review_page.py" line="195" />
        <source>{code} 已退回调查员修改</source>
        <translation>{code} returned to the field worker</translation>
    </message>
</context>
<context>
    <name>ReviewQueueModel</name>
    <message>
        <location filename="../../survey_app/ui/pages/review_model.py" line="23" />
        <source>户号</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/pages/review_model.py" line="24" />
        <source>户主</source>
        <translation>Head</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/pages/review_model.py" line="25" />
        <source>地块</source>
        <translation>Section</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/pages/review_model.py" line="26" />
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/pages/review_model.py" line="27" />
        <source>面积 m²</source>
        <translation>Area m²</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/pages/review_model.py" line="28" />
        <source>提交时间</source>
        <translation>Submitted</translation>
    </message>
</context>
<context>
    <name>RowTable</name>
    <message>
        <location filename="../../survey_app/ui/editor/row_table.py" line="72" />
        <location filename="../../survey_app/ui/editor/row_table.py" line="121" />
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/row_table.py" line="75" />
        <source>删除这一行（焦点在行内时按 Delete）</source>
        <translation>Delete this row (Delete key while in the row)</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/row_table.py" line="149" />
        <location filename="../../survey_app/ui/editor/row_table.py" line="287" />
        <source>暂无。点“添加”或按 Ctrl+Enter 添加一行。</source>
        <translation>None yet. Click “Add” or press Ctrl+Enter to add a row.</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/row_table.py" line="157" />
        <source>添加一行（Ctrl+Enter 或 Alt+N）</source>
        <translation>Add a row (Ctrl+Enter or Alt+N)</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/row_table.py" line="162" />
        <source>撤销删除</source>
        <translation>Undo delete</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/row_table.py" line="286" />
        <source>无</source>
        <translation>None</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/row_table.py" line="297" />
        <source>必填：现行补偿方案测算需要此项</source>
        <translation>Required: the current scheme's calculation needs it</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/row_table.py" line="350" />
        <source>已删除一行。</source>
        <translation>Row deleted.</translation>
    </message>
</context>
<context>
    <name>SectionsEditor</name>
    <message>
        <location filename="../../survey_app/ui/start/fields.py" line="66" />
        <source>编号</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/start/fields.py" line="66" />
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/start/fields.py" line="74" />
        <source>编号，如 A1</source>
        <translation>code, e.g. A1</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/start/fields.py" line="78" />
        <source>名称，如 古稻田一组</source>
        <translation>name, e.g. Gudaotian group 1</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/start/fields.py" line="80" />
        <source>添加</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/start/fields.py" line="83" />
        <source>删除所选</source>
        <translation>Remove selected</translation>
    </message>
</context>
<context>
    <name>SheetPrinter</name>
    <message>
        <location filename="../../survey_app/ui/agreements/sheet_print.py" line="55" />
        <source>正在生成测算单…</source>
        <translation>Preparing the calculation sheet…</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/agreements/sheet_print.py" line="62" />
        <source>补偿测算单 — {code}</source>
        <translation>Calculation sheet — {code}</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/agreements/sheet_print.py" line="77" />
        <source>打印测算单 {code}</source>
        <translation>Print calculation sheet {code}</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/agreements/sheet_print.py" line="84" />
        <source>已打印测算单 {n} 份</source>
        <translation>Printed {n} calculation sheet(s)</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/agreements/sheet_print.py" line="86" />
        <source>打印机无法开始打印，请检查打印机连接后重试</source>
        <translation>The printer could not start: check it is connected and try again</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/agreements/sheet_print.py" line="89" />
        <source>正在准备打印…</source>
        <translation>Preparing to print…</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/agreements/sheet_print.py" line="97" />
        <source>另存为 PDF</source>
        <translation>Save as PDF</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/agreements/sheet_print.py" line="97" />
        <source>补偿测算单-{code}.pdf</source>
        <translation>calculation-sheet-{code}.pdf</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/agreements/sheet_print.py" line="98" />
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/agreements/sheet_print.py" line="107" />
        <source>测算单已保存：{path}</source>
        <translation>Calculation sheet saved: {path}</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/agreements/sheet_print.py" line="108" />
        <source>正在保存 PDF…</source>
        <translation>Saving the PDF…</translation>
    </message>
</context>
<context>
    <name>SignDialog</name>
    <message>
        <location filename="../../survey_app/ui/agreements/sign_dialog.py" line="30" />
        <source>被征收人</source>
        <translation>Owner</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/agreements/sign_dialog.py" line="31" />
        <source>共有人</source>
        <translation>Co-owner</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/agreements/sign_dialog.py" line="32" />
        <source>调查员</source>
        <translation>Field worker</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/agreements/sign_dialog.py" line="56" />
        <source>签字 — 协议 {number}</source>
        <translation>Signatures — agreement {number}</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/agreements/sign_dialog.py" line="72" />
        <source>用手指、触控笔或鼠标签名。签名将保存为图片，随协议存档。</source>
        <translation>Sign with a finger, pen or mouse. The signature is kept as an image with the agreement.</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/agreements/sign_dialog.py" line="75" />
        <source>清除</source>
        <translation>Clear</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/agreements/sign_dialog.py" line="76" />
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/agreements/sign_dialog.py" line="77" />
        <source>完成签订</source>
        <translation>Finish signing</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/agreements/sign_dialog.py" line="79" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/agreements/sign_dialog.py" line="131" />
        <source>请 {role} {name} 签字</source>
        <translation>{role} {name}, please sign</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/agreements/sign_dialog.py" line="149" />
        <source>全部签字完成，请点击“完成签订”</source>
        <translation>Everyone has signed: press “Finish signing”</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/agreements/sign_dialog.py" line="159" />
        <source>签名太短（只有一个点或一小笔），请完整签名</source>
        <translation>Too short to be a signature (a dot or a flick): please sign in full</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/agreements/sign_dialog.py" line="163" />
        <source>已签 {done} / {total} 人</source>
        <translation>{done} of {total} signed</translation>
    </message>
</context>
<context>
    <name>SignaturePad</name>
    <message>
        <location filename="../../survey_app/ui/agreements/signature_pad.py" line="49" />
        <source>请在此处签名</source>
        <translation>Sign here</translation>
    </message>
</context>
<context>
    <name>StartWindow</name>
    <message>
        <location filename="../../survey_app/ui/start/chooser.py" line="40" />
        <source>征收补偿入户调查 — 选择项目</source>
        <translation>Expropriation survey — choose a project</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/start/chooser.py" line="46" />
        <source>选择要打开的项目</source>
        <translation>Choose the project to open</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/start/chooser.py" line="48" />
        <source>每个项目是一个数据库文件。指挥部新建项目；调查员笔记本登记后加入项目；演示项目仅供试用，数据为随机生成。</source>
        <translation>Each project is one database file. HQ creates a project; a field laptop joins one after enrolling; the demo project is for trying the app out (its data is random).</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/start/chooser.py" line="52" />
        <source>新建项目（指挥部）</source>
        <translation>New project (HQ)</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/start/chooser.py" line="53" />
        <source>填写项目信息，设置第一位指挥部管理员；本机成为指挥部</source>
        <translation>Enter the project's details and its first HQ administrator; this machine becomes HQ</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/start/chooser.py" line="54" />
        <source>加入项目（调查员笔记本）</source>
        <translation>Join a project (field laptop)</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/start/chooser.py" line="55" />
        <source>生成登记申请交给指挥部，再导入登记回复和任务包</source>
        <translation>Write an enrolment request for HQ, then import HQ's reply and assignment bundle</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/start/chooser.py" line="56" />
        <source>打开演示项目</source>
        <translation>Open the demo project</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/start/chooser.py" line="57" />
        <source>约500户随机生成的演示数据，可随意试用</source>
        <translation>About 500 random households to try things on</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/start/chooser.py" line="69" />
        <source>打开</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/start/chooser.py" line="72" />
        <location filename="../../survey_app/ui/start/chooser.py" line="198" />
        <source>从列表移除</source>
        <translation>Remove from list</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/start/chooser.py" line="75" />
        <source>本机还没有项目。</source>
        <translation>No projects on this machine yet.</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/start/chooser.py" line="84" />
        <source>本机的项目</source>
        <translation>Projects on this machine</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/start/chooser.py" line="118" />
        <source>指挥部</source>
        <translation>HQ</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/start/chooser.py" line="118" />
        <source>调查员笔记本</source>
        <translation>field laptop</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/start/chooser.py" line="118" />
        <source>演示</source>
        <translation>demo</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/start/chooser.py" line="122" />
        <source>登记未完成：点“打开”继续</source>
        <translation>enrolment not finished: click “Open” to continue</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/start/chooser.py" line="124" />
        <source>文件不存在</source>
        <translation>file missing</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/start/chooser.py" line="126" />
        <source>上次打开 {when}</source>
        <translation>last opened {when}</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/start/chooser.py" line="127" />
        <source>未打开过</source>
        <translation>never opened</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/start/chooser.py" line="128" />
        <source>{name}  [{role}]
{code}  ·  {state}  ·  {file}</source>
        <translation>{name}  [{role}]
{code}  ·  {state}  ·  {file}</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/start/chooser.py" line="177" />
        <source>演示项目</source>
        <translation>Demo project</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/start/chooser.py" line="185" />
        <source>打开项目</source>
        <translation>Open project</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/start/chooser.py" line="185" />
        <source>找不到数据库文件：{path}
可能已被移动或删除。</source>
        <translation>Database file not found: {path}
It may have been moved or deleted.</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/start/chooser.py" line="199" />
        <source>从本机的项目列表中移除“{name}”？
数据库文件不会被删除：{path}</source>
        <translation>Remove “{name}” from this machine's list of projects?
The database file is not deleted: {path}</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/start/__init__.py" line="43" />
        <source>切换项目</source>
        <translation>Switch project</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/start/__init__.py" line="44" />
        <source>还有任务在运行，请等它完成后再切换项目。</source>
        <translation>A task is still running: wait for it to finish before switching projects.</translation>
    </message>
</context>
<context>
    <name>SyncCommon</name>
    <message>
        <location filename="../../survey_app/ui/sync/common.py" line="48" />
        <source>{kind}，来自 {device}，第 {seq} 号</source>
        <translation>{kind} from {device}, no. {seq}</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/common.py" line="49" />
        <source>项目 {project}</source>
        <translation>project {project}</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/common.py" line="49" />
        <source>{n} 条记录</source>
        <translation>{n} records</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/common.py" line="50" />
        <source>确认 {n} 条记录</source>
        <translation>{n} records confirmed</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/common.py" line="50" />
        <source>{n} 张照片</source>
        <translation>{n} photos</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/common.py" line="51" />
        <source>，</source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/common.py" line="52" />
        <source>外业同步包</source>
        <translation>field bundle</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/common.py" line="53" />
        <source>回执</source>
        <translation>receipt</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/common.py" line="54" />
        <source>任务包</source>
        <translation>assignment bundle</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/common.py" line="55" />
        <source>设备登记申请</source>
        <translation>enrollment request</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/common.py" line="56" />
        <source>设备登记回复</source>
        <translation>enrollment reply</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/common.py" line="104" />
        <source>导入以下文件？</source>
        <translation>Import these files?</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/common.py" line="111" />
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/common.py" line="112" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/common.py" line="127" />
        <source>无法读写文件：{error}</source>
        <translation>Cannot read or write the file: {error}</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/common.py" line="129" />
        <source>发生意外错误：{error}</source>
        <translation>Unexpected error: {error}</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/common.py" line="141" />
        <source>同步密钥密码</source>
        <translation>Sync key password</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/common.py" line="142" />
        <source>请输入本机的同步密钥密码（本次登录只问一次）：</source>
        <translation>Enter this computer's sync key password (asked once per login):</translation>
    </message>
</context>
<context>
    <name>SyncIssues</name>
    <message>
        <location filename="../../survey_app/ui/sync/issues_model.py" line="28" />
        <source>冲突</source>
        <translation>Conflict</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/issues_model.py" line="28" />
        <source>重算差异</source>
        <translation>Recheck difference</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/issues_model.py" line="29" />
        <source>审计警告</source>
        <translation>Audit warning</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/issues_model.py" line="31" />
        <source>住户</source>
        <translation>Household</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/issues_model.py" line="31" />
        <source>家庭成员</source>
        <translation>Member</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/issues_model.py" line="32" />
        <source>权属</source>
        <translation>Tenure</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/issues_model.py" line="32" />
        <source>建筑部分</source>
        <translation>Building part</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/issues_model.py" line="33" />
        <source>附属物</source>
        <translation>Fixture</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/issues_model.py" line="33" />
        <source>其他调查项目</source>
        <translation>Other item</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/issues_model.py" line="34" />
        <source>经营</source>
        <translation>Business</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/issues_model.py" line="34" />
        <source>评估</source>
        <translation>Appraisal</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/issues_model.py" line="35" />
        <source>照片</source>
        <translation>Photo</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/issues_model.py" line="35" />
        <source>测算</source>
        <translation>Calculation</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/issues_model.py" line="36" />
        <source>协议</source>
        <translation>Agreement</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/issues_model.py" line="36" />
        <source>房票</source>
        <translation>Voucher</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/issues_model.py" line="37" />
        <source>诉求</source>
        <translation>Grievance</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/issues_model.py" line="37" />
        <source>审计记录</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/issues_model.py" line="41" />
        <source>户号</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/issues_model.py" line="41" />
        <source>户主</source>
        <translation>Head</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/issues_model.py" line="42" />
        <location filename="../../survey_app/ui/sync/issues_model.py" line="58" />
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/issues_model.py" line="42" />
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/issues_model.py" line="43" />
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/issues_model.py" line="43" />
        <source>地块</source>
        <translation>Section</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/issues_model.py" line="44" />
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/issues_model.py" line="44" />
        <source>调查员</source>
        <translation>Surveyor</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/issues_model.py" line="45" />
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/issues_model.py" line="46" />
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/issues_model.py" line="46" />
        <source>面积</source>
        <translation>Area</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/issues_model.py" line="47" />
        <source>签约意愿</source>
        <translation>Willing to sign</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/issues_model.py" line="48" />
        <source>意向安置方式</source>
        <translation>Preferred mode</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/issues_model.py" line="49" />
        <source>复核意见</source>
        <translation>Review note</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/issues_model.py" line="49" />
        <source>删除时间</source>
        <translation>Deleted at</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/issues_model.py" line="50" />
        <source>选定安置方式</source>
        <translation>Chosen mode</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/issues_model.py" line="50" />
        <source>安置方式</source>
        <translation>Mode</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/issues_model.py" line="51" />
        <source>交付方式</source>
        <translation>Delivery</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/issues_model.py" line="51" />
        <source>用途</source>
        <translation>Use</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/issues_model.py" line="52" />
        <source>实际用途</source>
        <translation>Actual use</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/issues_model.py" line="52" />
        <source>合法性</source>
        <translation>Legality</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/issues_model.py" line="53" />
        <source>结构</source>
        <translation>Structure</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/issues_model.py" line="53" />
        <source>层数</source>
        <translation>Floors</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/issues_model.py" line="54" />
        <source>建成年份</source>
        <translation>Built in</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/issues_model.py" line="54" />
        <source>部位</source>
        <translation>Part</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/issues_model.py" line="55" />
        <source>装修档次</source>
        <translation>Decoration</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/issues_model.py" line="56" />
        <source>临时建筑批准期限</source>
        <translation>Temporary permit until</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/issues_model.py" line="57" />
        <source>与户主关系</source>
        <translation>Relation to head</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/issues_model.py" line="57" />
        <source>性别</source>
        <translation>Sex</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/issues_model.py" line="58" />
        <source>出生日期</source>
        <translation>Born</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/issues_model.py" line="59" />
        <source>种类</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/issues_model.py" line="59" />
        <source>规格</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/issues_model.py" line="60" />
        <source>数量</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/issues_model.py" line="61" />
        <source>金额</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/issues_model.py" line="61" />
        <source>份额</source>
        <translation>Share</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/issues_model.py" line="62" />
        <source>土地面积</source>
        <translation>Land area</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/issues_model.py" line="62" />
        <source>年利润</source>
        <translation>Annual profit</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/issues_model.py" line="63" />
        <source>合计</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/issues_model.py" line="63" />
        <source>净额</source>
        <translation>Net</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/issues_model.py" line="64" />
        <source>面额</source>
        <translation>Face value</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/issues_model.py" line="64" />
        <source>使用金额</source>
        <translation>Amount used</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/issues_model.py" line="65" />
        <source>交房日期</source>
        <translation>Handed over on</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/issues_model.py" line="65" />
        <source>来源</source>
        <translation>Origin</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/issues_model.py" line="66" />
        <source>权利人</source>
        <translation>Owner</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/issues_model.py" line="66" />
        <source>摘要</source>
        <translation>Summary</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/issues_model.py" line="67" />
        <source>选房组合</source>
        <translation>Flat choices</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/issues_model.py" line="69" />
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/sync/issues_model.py" line="69" />
        <source>否</source>
        <translation>No</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <location filename="../../survey_app/ui/sync/__init__.py" line="26" />
        <source>本机是指挥部。同步包的导入、设备登记和任务包由指挥部管理员操作。</source>
        <translation>This computer is HQ. Importing bundles, enrolling devices and assignments are done by an HQ admin.</translation>
    </message>
</context>
<context>
    <name>TaskRunner</name>
    <message>
        <location filename="../../survey_app/ui/task_runner.py" line="134" />
        <source>正在处理…</source>
        <translation>Working…</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/task_runner.py" line="134" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/task_runner.py" line="136" />
        <source>请稍候</source>
        <translation>Please wait</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/task_runner.py" line="148" />
        <source>正在取消…</source>
        <translation>Cancelling…</translation>
    </message>
</context>
<context>
    <name>TenuresSection</name>
    <message>
        <location filename="../../survey_app/ui/editor/sections_property.py" line="27" />
        <source>权利人</source>
        <translation>Owner</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/sections_property.py" line="28" />
        <source>权利人身份证号</source>
        <translation>Owner's ID number</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/sections_property.py" line="29" />
        <source>证书类型</source>
        <translation>Certificate</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/sections_property.py" line="31" />
        <source>证书编号</source>
        <translation>Certificate no.</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/sections_property.py" line="32" />
        <source>土地证号</source>
        <translation>Land cert. no.</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/sections_property.py" line="33" />
        <source>份额 %</source>
        <translation>Share %</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/sections_property.py" line="34" />
        <source>宅基地面积 m²</source>
        <translation>Homestead m²</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/sections_property.py" line="36" />
        <source>＋ 添加产权</source>
        <translation>+ Add owner</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/sections_property.py" line="37" />
        <source>产权</source>
        <translation>Ownership</translation>
    </message>
</context>
<context>
    <name>TrendChart</name>
    <message>
        <location filename="../../survey_app/ui/hq/dashboard_chart.py" line="56" />
        <source>调查</source>
        <translation>Surveyed</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/dashboard_chart.py" line="56" />
        <source>签约</source>
        <translation>Signed</translation>
    </message>
</context>
<context>
    <name>UsersPanel</name>
    <message>
        <location filename="../../survey_app/ui/hq/people_users.py" line="25" />
        <location filename="../../survey_app/ui/hq/people_users.py" line="135" />
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/people_users.py" line="25" />
        <location filename="../../survey_app/ui/hq/people_users.py" line="135" />
        <source>显示姓名</source>
        <translation>Display name</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/people_users.py" line="26" />
        <location filename="../../survey_app/ui/hq/people_users.py" line="136" />
        <location filename="../../survey_app/ui/hq/people_users.py" line="204" />
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/people_users.py" line="26" />
        <location filename="../../survey_app/ui/hq/people_users.py" line="135" />
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/people_users.py" line="27" />
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/people_users.py" line="27" />
        <source>负责住户</source>
        <translation>Households</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/people_users.py" line="28" />
        <source>已停用</source>
        <translation>Disabled</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/people_users.py" line="28" />
        <source>已锁定</source>
        <translation>Locked</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/people_users.py" line="29" />
        <source>须修改密码</source>
        <translation>Must change password</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/people_users.py" line="29" />
        <source>正常</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/people_users.py" line="51" />
        <source>新建用户…</source>
        <translation>New user…</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/people_users.py" line="53" />
        <location filename="../../survey_app/ui/hq/people_users.py" line="88" />
        <source>停用</source>
        <translation>Disable</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/people_users.py" line="55" />
        <source>重置密码…</source>
        <translation>Reset password…</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/people_users.py" line="57" />
        <source>角色…</source>
        <translation>Role…</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/people_users.py" line="88" />
        <source>启用</source>
        <translation>Enable</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/people_users.py" line="92" />
        <source>未完成：{error}</source>
        <translation>Not done: {error}</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/people_users.py" line="111" />
        <source>密码至少 {n} 位</source>
        <translation>The password needs at least {n} characters</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/people_users.py" line="113" />
        <source>两次输入的密码不一致</source>
        <translation>The two passwords differ</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/people_users.py" line="131" />
        <source>请填写用户名</source>
        <translation>Enter a user name</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/people_users.py" line="134" />
        <source>新建用户</source>
        <translation>New user</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/people_users.py" line="136" />
        <source>初始密码</source>
        <translation>Initial password</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/people_users.py" line="136" />
        <location filename="../../survey_app/ui/hq/people_users.py" line="182" />
        <source>再次输入</source>
        <translation>Repeat</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/people_users.py" line="143" />
        <source>已新建用户 {user}</source>
        <translation>User {user} created</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/people_users.py" line="144" />
        <source>角色：{role}</source>
        <translation>Role: {role}</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/people_users.py" line="145" />
        <source>首次登录时须修改密码。</source>
        <translation>The password must be changed at the first login.</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/people_users.py" line="146" />
        <source>下一步：在“笔记本”中把该调查员指定到笔记本，再分派住户。</source>
        <translation>Next: set this worker on a laptop under “Laptops”, then assign households.</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/people_users.py" line="147" />
        <source>正在新建用户…</source>
        <translation>Creating the user…</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/people_users.py" line="167" />
        <source>已启用 {user}</source>
        <translation>{user} enabled</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/people_users.py" line="169" />
        <location filename="../../survey_app/ui/hq/people_users.py" line="172" />
        <source>已停用 {user}</source>
        <translation>{user} disabled</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/people_users.py" line="170" />
        <source>该用户还负责 {n} 户，请在“分派住户”中转派给其他调查员。</source>
        <translation>This user still has {n} households: reassign them under “Assign households”.</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/people_users.py" line="174" />
        <location filename="../../survey_app/ui/hq/people_users.py" line="211" />
        <source>正在保存…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/people_users.py" line="181" />
        <source>重置 {user} 的密码</source>
        <translation>Reset the password of {user}</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/people_users.py" line="182" />
        <source>新密码</source>
        <translation>New password</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/people_users.py" line="188" />
        <source>已重置 {user} 的密码</source>
        <translation>Password of {user} reset</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/people_users.py" line="189" />
        <source>该用户下次登录时须修改密码。笔记本上的密码随下一个任务包更新。</source>
        <translation>The user must change it at the next login. Laptops get it with their next assignment bundle.</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/people_users.py" line="190" />
        <source>正在重置密码…</source>
        <translation>Resetting the password…</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/people_users.py" line="204" />
        <source>修改 {user} 的角色</source>
        <translation>Change the role of {user}</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/people_users.py" line="210" />
        <source>{user} 的角色已改为{role}</source>
        <translation>{user} is now {role}</translation>
    </message>
</context>
<context>
    <name>VerifyDialog</name>
    <message>
        <location filename="../../survey_app/ui/agreements/verify_dialog.py" line="55" />
        <source>核验协议</source>
        <translation>Verify agreement</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/agreements/verify_dialog.py" line="60" />
        <source>打开协议的 PDF、照片或扫描件（也可直接拖到此窗口），或粘贴二维码内容。</source>
        <translation>Open the agreement's PDF, a photo or a scan (or drop it on this window), or paste the QR text.</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/agreements/verify_dialog.py" line="62" />
        <source>打开文件…</source>
        <translation>Open file…</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/agreements/verify_dialog.py" line="67" />
        <source>粘贴二维码内容（SA1|…）</source>
        <translation>Paste the QR text (SA1|…)</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/agreements/verify_dialog.py" line="69" />
        <source>核验</source>
        <translation>Verify</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/agreements/verify_dialog.py" line="90" />
        <source>协议编号</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/agreements/verify_dialog.py" line="90" />
        <source>户号</source>
        <translation>Household</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/agreements/verify_dialog.py" line="91" />
        <source>安置方式</source>
        <translation>Option</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/agreements/verify_dialog.py" line="91" />
        <source>结算金额</source>
        <translation>Net amount</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/agreements/verify_dialog.py" line="92" />
        <source>签发设备</source>
        <translation>Device</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/agreements/verify_dialog.py" line="92" />
        <source>记录核对</source>
        <translation>Record</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/agreements/verify_dialog.py" line="116" />
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/agreements/verify_dialog.py" line="139" />
        <source>选择协议文件</source>
        <translation>Choose the agreement file</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/agreements/verify_dialog.py" line="140" />
        <source>协议或图片 (*.pdf *.png *.jpg *.jpeg *.bmp *.tif *.tiff *.webp)</source>
        <translation>Agreements or images (*.pdf *.png *.jpg *.jpeg *.bmp *.tif *.tiff *.webp)</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/agreements/verify_dialog.py" line="144" />
        <source>文件：{name}</source>
        <translation>File: {name}</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/agreements/verify_dialog.py" line="150" />
        <source>粘贴的二维码内容</source>
        <translation>Pasted QR text</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/agreements/verify_dialog.py" line="162" />
        <source>正在核验…</source>
        <translation>Verifying…</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/agreements/verify_dialog.py" line="165" />
        <source>正在读取二维码…</source>
        <translation>Reading the QR code…</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/agreements/verify_dialog.py" line="170" />
        <source>尚未核验</source>
        <translation>Not verified yet</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/agreements/verify_dialog.py" line="183" />
        <source>✔ 有效（签发设备已吊销）</source>
        <translation>✔ Valid (signing device since revoked)</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/agreements/verify_dialog.py" line="185" />
        <source>✔ 有效</source>
        <translation>✔ Valid</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/agreements/verify_dialog.py" line="187" />
        <source>✘ 无效</source>
        <translation>✘ Invalid</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/agreements/verify_dialog.py" line="189" />
        <source>✘ 已作废</source>
        <translation>✘ Void</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/agreements/verify_dialog.py" line="191" />
        <source>✘ 内容被改动</source>
        <translation>✘ Altered</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/agreements/verify_dialog.py" line="193" />
        <source>✔ 签名有效（未能核对记录）</source>
        <translation>✔ Genuine signature (record not checked)</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/agreements/verify_dialog.py" line="219" />
        <source>{device}（密钥指纹 {fp}）</source>
        <translation>{device} (key fingerprint {fp})</translation>
    </message>
</context>
<context>
    <name>VoidDialog</name>
    <message>
        <location filename="../../survey_app/ui/agreements/void_dialog.py" line="18" />
        <source>作废协议 {number}</source>
        <translation>Void agreement {number}</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/agreements/void_dialog.py" line="21" />
        <source>例如：被征收人对面积有异议，重新测量后另行出具</source>
        <translation>For example: the owner disputes the area; re-measure and issue a new agreement</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/agreements/void_dialog.py" line="24" />
        <source>作废</source>
        <translation>Void</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/agreements/void_dialog.py" line="26" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/agreements/void_dialog.py" line="31" />
        <source>作废原因（必填，记入审计记录）：</source>
        <translation>Reason (required; kept in the audit log):</translation>
    </message>
</context>
<context>
    <name>VoucherPanel</name>
    <message>
        <location filename="../../survey_app/ui/money/voucher_panel.py" line="33" />
        <source>房票</source>
        <translation>Housing voucher</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/money/voucher_panel.py" line="38" />
        <source>房票编号（纸质房票上的编号）</source>
        <translation>Voucher number (as printed on the voucher)</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/money/voucher_panel.py" line="40" />
        <source>出具房票</source>
        <translation>Issue voucher</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/money/voucher_panel.py" line="42" />
        <source>元，不超过面额</source>
        <translation>yuan, at most the face value</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/money/voucher_panel.py" line="43" />
        <source>登记使用</source>
        <translation>Record use</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/money/voucher_panel.py" line="51" />
        <source>出具</source>
        <translation>Issue</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/money/voucher_panel.py" line="52" />
        <source>使用</source>
        <translation>Use</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/money/voucher_panel.py" line="68" />
        <source>（测算未给出）</source>
        <translation>(not stated by the calculation)</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/money/voucher_panel.py" line="69" />
        <source>自出具日起 {n} 个月</source>
        <translation> {n} months from issue</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/money/voucher_panel.py" line="70" />
        <location filename="../../survey_app/ui/money/voucher_panel.py" line="77" />
        <source>不限期</source>
        <translation>no expiry</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/money/voucher_panel.py" line="72" />
        <source>协议 {number} 为房票安置，尚未出具房票。面额 {face} 元，有效期{validity}。</source>
        <translation>Agreement {number} is resettled by housing voucher; no voucher issued yet. Face value {face} yuan, valid for{validity}.</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/money/voucher_panel.py" line="75" />
        <source>未使用</source>
        <translation>unused</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/money/voucher_panel.py" line="75" />
        <source>已使用</source>
        <translation>used</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/money/voucher_panel.py" line="75" />
        <source>已过期</source>
        <translation>expired</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/money/voucher_panel.py" line="78" />
        <source>房票 {number}（{status}）：面额 {face} 元，{issued} 出具，有效期至 {until}；已用 {used} 元，剩余 {left} 元</source>
        <translation>Voucher {number} ({status}): face value {face} yuan, issued {issued}, valid until {until}; used {used} yuan, {left} yuan left</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/money/voucher_panel.py" line="84" />
        <source>（{day} 使用）</source>
        <translation> (used {day})</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/money/voucher_panel.py" line="105" />
        <source>已出具房票 {number}，面额 {face} 元</source>
        <translation>Voucher {number} issued, face value {face} yuan</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/money/voucher_panel.py" line="110" />
        <location filename="../../survey_app/ui/money/voucher_panel.py" line="127" />
        <source>正在保存…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/money/voucher_panel.py" line="122" />
        <source>已登记房票 {number} 使用 {amount} 元</source>
        <translation>Use of voucher {number} recorded: {amount} yuan</translation>
    </message>
</context>
<context>
    <name>WillingnessSection</name>
    <message>
        <location filename="../../survey_app/ui/editor/sections_people.py" line="165" />
        <source>意愿与备注</source>
        <translation>Willingness and notes</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/sections_people.py" line="166" />
        <source>签约意愿</source>
        <translation>Willing to sign</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/sections_people.py" line="167" />
        <source>意向安置方式</source>
        <translation>Preferred mode</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/sections_people.py" line="168" />
        <source>安置房交付</source>
        <translation>Flat delivery</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/sections_people.py" line="174" />
        <source>现场情况、争议事项（如产权争议、面积异议、家庭内部分歧）等</source>
        <translation>What was found on site; disputes (ownership, area, disagreement within the family)…</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/editor/sections_people.py" line="176" />
        <source>备注与争议</source>
        <translation>Notes, disputes</translation>
    </message>
</context>
<context>
    <name>_Refused</name>
    <message>
        <location filename="../../survey_app/ui/hq/dashboard_page.py" line="302" />
        <source>只有指挥部管理员可以查看总览和导出台账、月报。</source>
        <translation>Only HQ administrators can see the overview and export the ledger and monthly report.</translation>
    </message>
    <message>
        <location filename="../../survey_app/ui/hq/ledger_page.py" line="244" />
        <source>只有指挥部管理员可以查看台账。</source>
        <translation>Only HQ administrators can see the ledger.</translation>
    </message>
</context>
</TS>
