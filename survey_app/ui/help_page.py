"""使用帮助 (F1): a household's day, step by step, for a worker or reviewer who has never seen the app.

A non-modal window with one QTextBrowser, so it can stay open beside the main window while the user
follows it. Each step is its own translated string (Chinese source, English in en_pages.py) so a
translator sees short paragraphs, not one page of HTML. Threading: GUI thread only.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget


class HelpDialog(QDialog):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("helpDialog")
        self.setWindowTitle(self.tr("使用帮助 — 一户的一天"))
        self.setWindowFlag(Qt.WindowType.WindowContextHelpButtonHint, False)
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("helpText")
        self.browser.setOpenExternalLinks(False)
        self.browser.setHtml(self.html())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        screen = self.screen().availableGeometry() if self.screen() else None
        # Fits a 1024×768 screen with room to spare; the text wraps to whatever width it gets.
        self.resize(min(720, screen.width() - 80) if screen else 720, min(620, screen.height() - 80) if screen else 620)

    def steps(self) -> list[tuple[str, str]]:
        return [
            (self.tr("出发前：领取任务"),
             self.tr("早上用 U 盘导入指挥部下发的任务包（左侧“同步”）。首页列出“接下来要走访的住户”：被退回的住户排在最前面。")),
            (self.tr("1. 调查（调查员）"),
             self.tr("在“住户”页找到这一户（可输入户号、姓名、拼音或电话），双击或按回车打开调查表，"
                     "逐项录入家庭成员、产权、建筑部分、附属物、经营和评估单价，并拍照。"
                     "录入中途离开也不会丢失：系统自动保存草稿，列表中标有“草稿”。"
                     "名册上没有的住户，用“新增住户”登记，待指挥部确认。")),
            (self.tr("2. 提交复核（调查员）"),
             self.tr("右侧详情的“办理进度”会列出还缺什么。补齐后点“提交调查”，确认后交给复核员。"
                     "灰色的按钮把鼠标停在上面，会说明为什么现在不能用。")),
            (self.tr("3. 复核（复核员）"),
             self.tr("在“复核”页逐户核对：右侧显示的就是要决定的那一户。核对无误点“通过复核”；"
                     "有问题填写意见后点“退回修改”，调查员会在详情顶部看到红色的退回意见。")),
            (self.tr("4. 测算（调查员）"),
             self.tr("复核通过后在“测算”页计算各安置方案（货币补偿、产权调换、房票），并排给住户讲解，"
                     "可打印测算单给住户留存。住户选定方案后确认测算。")),
            (self.tr("5. 协议与签约（调查员）"),
             self.tr("点“协议”出具协议，打印或另存为 PDF，住户核对后签字，登记签约。"
                     "调查表在测算后又有改动时，须重新测算才能打印或签约。")),
            (self.tr("6. 交房（复核员或指挥部）"),
             self.tr("住户交房后，在“住户”页点“确认交房”。这一户就办结了。")),
            (self.tr("收工：同步"),
             self.tr("晚上在“同步”页把当天的工作导出到 U 盘，交回指挥部；下次导入指挥部的回执。")),
            (self.tr("小技巧"),
             self.tr("Ctrl+1…5 切换页面，Ctrl+F 搜索，Esc 清除搜索，F1 打开本帮助。"
                     "换人使用时，用“文件 → 注销 / 切换用户”，不必退出程序。")),
        ]

    def html(self) -> str:
        title = self.tr("一户的一天")  # outside the f-strings: lupdate does not look inside them
        way = self.tr("每一户都走同一条路：调查 → 复核 → 测算 → 协议 → 签约 → 交房。")
        parts = [f"<h2>{escape(title)}</h2>", f"<p>{escape(way)}</p>"]
        for title, text in self.steps():
            parts.append(f"<h3 style='color:#1f4e79'>{escape(title)}</h3><p>{escape(text)}</p>")
        return "".join(parts)
