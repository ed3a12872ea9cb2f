"""English for the agreement UI (survey_app/ui/agreements) and its entry points on the pages and the
main window. Merged by fill_en.py: ``EN = {context: {chinese source: english}}``."""

EN: dict[str, dict[str, str]] = {
    "MainWindow": {"核验协议(&V)…": "&Verify agreement…"},
    "HouseholdsPage": {
        "协议(&A)": "&Agreement",
        "出具、打印、签订协议，查看协议记录": "Issue, print and sign the agreement; see its history",
    },
    "CompensationPage": {
        "协议…": "Agreement…",
        "按所选方案出具、打印、签订协议": "Issue, print and sign the agreement for the chosen option",
        "打印测算单…": "Print calculation sheet…",
        "打印给住户留存的补偿测算单（各方案明细与大写金额），也可另存为 PDF":
            "Print the calculation sheet the household keeps (every option, itemised, amounts in words), "
            "or save it as a PDF",
        "测算已过期，请重新测算后再打印测算单": "The calculation is out of date: recalculate before printing the sheet",
        "请先测算": "Calculate first",
    },
    "SheetPrinter": {
        "正在生成测算单…": "Preparing the calculation sheet…", "补偿测算单 — {code}": "Calculation sheet — {code}",
        "打印测算单 {code}": "Print calculation sheet {code}", "已打印测算单 {n} 份": "Printed {n} calculation sheet(s)",
        "打印机无法开始打印，请检查打印机连接后重试": "The printer could not start: check it is connected and try again",
        "正在准备打印…": "Preparing to print…", "另存为 PDF": "Save as PDF",
        "补偿测算单-{code}.pdf": "calculation-sheet-{code}.pdf", "PDF 文件 (*.pdf)": "PDF files (*.pdf)",
        "测算单已保存：{path}": "Calculation sheet saved: {path}", "正在保存 PDF…": "Saving the PDF…",
    },
    "AgreementDialog": {
        "出具协议": "Issue agreement", "重新出具": "Issue again", "预览": "Preview", "打印…": "Print…",
        "另存为 PDF…": "Save as PDF…", "签字…": "Sign…", "湿签": "Signed on paper", "作废…": "Void…",
        "关闭": "Close", "协议": "Agreement", "份数": "Copies",
        "在屏幕上为各方签字（被征收人、共有人、调查员）":
            "Sign on screen for every party (owner, co-owners, field worker)",
        "已在纸质协议上签字按手印：不采集电子签名，直接确认签订":
            "Everyone signed and fingerprinted the paper copy: confirm it signed without on-screen signatures",
        "① 出具协议": "① Issue", "② 预览、打印": "② Preview, print", "③ 当场签字": "③ Sign on site",
        "④ 已签订": "④ Signed",
        "正在出具协议…": "Issuing the agreement…",
        "已出具协议 {number}（草稿），请预览并打印": "Agreement {number} issued (draft): preview and print it",
        "正在生成预览…": "Preparing the preview…", "正在准备打印…": "Preparing to print…",
        "正在记录打印…": "Recording the print…", "正在保存签字…": "Saving the signatures…",
        "协议 {number} 已签订，住户状态为“已签约”，调查与测算已锁定":
            "Agreement {number} is signed: the household is Signed, its survey and calculation are locked",
        "{number}-副本{n}.pdf": "{number}-copy{n}.pdf",
        "已另存为 PDF（未打印纸质协议）：": "Saved as a PDF (no paper copy printed): ",
        "已打印 {number} 共 {n} 份（累计打印 {copies} 份）": "Printed {n} copies of {number} ({copies} printed in all)",
        "正在作废…": "Voiding…", "协议 {number} 已作废，可重新出具": "Agreement {number} is void; you may issue it again",
        "只有“已测算”且已选择安置方案的住户才能出具协议":
            "Only a Calculated household with a chosen option can be given an agreement",
        "按所选安置方案生成协议（编号、二维码），先预览再打印":
            "Make the agreement for the chosen option (number, QR code); preview it, then print",
        "作废协议（须填写原因）": "Void the agreement (a reason is required)",
        "只有复核员或指挥部可以作废协议": "Only a supervisor or HQ can void an agreement",
        "打印预览 — 协议 {number}": "Print preview — agreement {number}",
        "打印机无法开始打印，请检查打印机连接后重试": "The printer could not start: check its connection and try again",
        "已打印 {number}，累计 {copies} 份": "Printed {number}; {copies} copies in all",
        "（重印标注“副本”）": " (reprints are marked “副本”, copy)",
        "另存为 PDF": "Save as PDF", "PDF 文件 (*.pdf)": "PDF files (*.pdf)", "正在保存 PDF…": "Saving the PDF…",
        "{code}\u3000{name}\u3000协议": "{code}\u3000{name}\u3000agreement",
        "协议 — {code} {name}": "Agreement — {code} {name}",
        "打印协议 {number}": "Print agreement {number}",
        "确认各方已在纸质协议 {number} 上签字并按手印？":
            "Have all parties signed and fingerprinted the paper agreement {number}?",
        "已保存：{path}": "Saved: {path}",
        "请先在测算页为该户选择安置方案，再出具协议":
            "Choose this household's option on the Compare page first, then issue the agreement",
    },
    "VoidDialog": {
        "例如：被征收人对面积有异议，重新测量后另行出具":
            "For example: the owner disputes the area; re-measure and issue a new agreement",
        "作废": "Void", "取消": "Cancel",
        "作废原因（必填，记入审计记录）：": "Reason (required; kept in the audit log):",
        "作废协议 {number}": "Void agreement {number}",
    },
    "AgreementList": {
        "草稿": "Draft", "已打印，待签字": "Printed, to sign", "已打印或保存，待签字": "Printed or saved, to sign", "已签订": "Signed", "已作废": "Void",
        "协议编号": "Number", "状态": "Status", "安置方式": "Option", "已打印": "Printed",
        "结算金额": "Net amount", "说明": "Note", "{n} 份": "{n}", "打印/保存": "Printed/saved", "打印 {n} 份": "{n} printed",
        "，另存 PDF {n} 次": ", saved as PDF {n}×", "作废原因：{reason}": "Voided: {reason}",
        "请预览并打印": "Preview and print it", "当场签字后确认签订": "Sign on site, then confirm",
        "重印为副本": "Reprints are copies",
    },
    "PreviewDialog": {
        "上一页": "Previous", "下一页": "Next", "适合宽度": "Fit width", "整页": "Whole page", "打印…": "Print…",
        "关闭": "Close", "第 {n} / {total} 页": "Page {n} of {total}", "另存为 PDF…": "Save as PDF…",
    },
    "SignDialog": {
        "用手指、触控笔或鼠标签名。签名将保存为图片，随协议存档。":
            "Sign with a finger, pen or mouse. The signature is kept as an image with the agreement.",
        "清除": "Clear", "确定": "OK", "完成签订": "Finish signing", "取消": "Cancel",
        "全部签字完成，请点击“完成签订”": "Everyone has signed: press “Finish signing”",
        "签字 — 协议 {number}": "Signatures — agreement {number}",
        "请 {role} {name} 签字": "{role} {name}, please sign",
        "已签 {done} / {total} 人": "{done} of {total} signed",
        "被征收人": "Owner", "共有人": "Co-owner", "调查员": "Field worker",
        "签名太短（只有一个点或一小笔），请完整签名": "Too short to be a signature (a dot or a flick): please sign in full",
    },
    "SignaturePad": {"请在此处签名": "Sign here"},
    "VerifyDialog": {
        "核验协议": "Verify agreement",
        "✔ 有效（签发设备已吊销）": "✔ Valid (signing device since revoked)",
        "{device}（密钥指纹 {fp}）": "{device} (key fingerprint {fp})",
        "打开协议的 PDF、照片或扫描件（也可直接拖到此窗口），或粘贴二维码内容。":
            "Open the agreement's PDF, a photo or a scan (or drop it on this window), or paste the QR text.",
        "打开文件…": "Open file…", "粘贴二维码内容（SA1|…）": "Paste the QR text (SA1|…)", "核验": "Verify",
        "关闭": "Close", "正在核验…": "Verifying…", "尚未核验": "Not verified yet",
        "协议编号": "Number", "户号": "Household", "安置方式": "Option", "结算金额": "Net amount",
        "签发设备": "Device", "记录核对": "Record",
        "选择协议文件": "Choose the agreement file",
        "协议或图片 (*.pdf *.png *.jpg *.jpeg *.bmp *.tif *.tiff *.webp)":
            "Agreements or images (*.pdf *.png *.jpg *.jpeg *.bmp *.tif *.tiff *.webp)",
        "粘贴的二维码内容": "Pasted QR text", "正在读取二维码…": "Reading the QR code…",
        "文件：{name}": "File: {name}",
        "✔ 有效": "✔ Valid", "✘ 无效": "✘ Invalid", "✘ 已作废": "✘ Void", "✘ 内容被改动": "✘ Altered",
        "✔ 签名有效（未能核对记录）": "✔ Genuine signature (record not checked)",
    },
}
