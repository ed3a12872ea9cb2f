"""Sections about the property: tenure (产权), building parts, business (停产停业) and appraisal.

Structures and decoration grades come from the current policy's menus (one standard for all: the
editor offers what the policy prices); a stored code the policy lacks is still shown, never dropped.
Shares are typed as percentages and kept as fractions. Threading: GUI thread only.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from survey_app.core.services.policy_menus import PolicyMenus
from survey_app.core.services.survey.form import AppraisalForm, BusinessForm, PartForm, SurveyForm, TenureForm
from survey_app.core.services.survey.readiness import Requirements
from survey_app.ui import labels
from survey_app.ui.editor import choices
from survey_app.ui.editor.cells import Column
from survey_app.ui.editor.row_table import Row, RowTable
from survey_app.ui.editor.table_section import TableSection


class TenuresSection(TableSection):
    required_by_policy = {"share": "share", "land_area": "land_area"}

    def __init__(self, parent: QWidget | None = None):
        columns = [
            Column("owner_name", self.tr("权利人"), width=0, max_length=40, extra={"min_width": 80}),
            Column("owner_id_number", self.tr("权利人身份证号"), width=180, max_length=22),
            Column("certificate_type", self.tr("证书类型"), "editcombo", 136, options=choices.certificate_types,
                   extra={"allow_empty": True}),
            Column("certificate_no", self.tr("证书编号"), width=0, max_length=80, extra={"min_width": 120}),
            Column("land_certificate_no", self.tr("土地证号"), width=140, max_length=80),
            Column("share", self.tr("份额 %"), "percent", 64),
            Column("land_area", self.tr("宅基地面积 m²"), "decimal", 90),
        ]
        table = RowTable("tenures", TenureForm, columns, self.tr("＋ 添加产权"))
        super().__init__(self.tr("产权"), table, parent)


class PartsTable(RowTable):
    """Building parts; the approval term is asked only of temporary buildings."""

    def fill_derived(self, row: Row) -> None:
        temporary = row.widgets["legality"].currentData() == "temporary"
        row.widgets["temporary_term_end"].setEnabled(temporary)


class PartsSection(TableSection):
    required, required_by_policy = frozenset({"area", "use", "legality"}), {"structure": "structure"}

    def __init__(self, menus: PolicyMenus, parent: QWidget | None = None):
        columns = [
            Column("label", self.tr("部位"), width=0, max_length=40, placeholder=self.tr("主房"), extra={"min_width": 60}),
            Column("area", self.tr("面积 m²"), "decimal", 80, extra={"places": menus.area_decimals}),
            Column("use", self.tr("用途"), "combo", 76, options=choices.uses, label=labels.use),
            Column("actual_use", self.tr("实际用途"), width=72, max_length=40),
            Column("structure", self.tr("结构"), "combo", 76, label=labels.structure,
                   options=lambda: choices.pairs(menus.structures, labels.structure), extra={"allow_empty": True}),
            Column("floors", self.tr("层数"), "int", 56, extra={"min": 1, "max": 99}),
            Column("built_year", self.tr("建成年份"), "year", 64),
            Column("legality", self.tr("合法性认定"), "combo", 128, options=choices.legalities, label=labels.legality,
                   extra={"allow_empty": True}),  # a new part has none until the worker picks one
            Column("temporary_term_end", self.tr("临建批准期限"), "date", 100),
            Column("category", self.tr("类别"), "editcombo", 104, max_length=32,  # what the policy's ratios name
                   options=lambda: [("", ""), *((c, c) for c in menus.part_categories)]),
            Column("decoration_grade", self.tr("装修"), "combo", 92, label=labels.decoration,
                   options=lambda: choices.pairs(menus.decoration_grades, labels.decoration),
                   extra={"allow_empty": True}),
        ]
        table = PartsTable("parts", PartForm, columns, self.tr("＋ 添加建筑部分"))
        super().__init__(self.tr("建筑部分"), table, parent)


class BusinessesSection(TableSection):
    required, required_by_policy = frozenset({"area"}), {"annual_profit": "annual_profit"}

    def __init__(self, parent: QWidget | None = None):
        columns = [
            Column("name", self.tr("字号/名称"), width=0, max_length=80, extra={"min_width": 120}),
            Column("uscc", self.tr("统一社会信用代码"), width=190, max_length=22),
            Column("licence_no", self.tr("营业执照号"), width=140, max_length=40),
            Column("area", self.tr("经营面积 m²"), "decimal", 90),
            Column("annual_profit", self.tr("年利润 元"), "decimal", 110),
            Column("operating_since", self.tr("开业日期"), "date", 110),
        ]
        table = RowTable("businesses", BusinessForm, columns, self.tr("＋ 添加经营"))
        super().__init__(self.tr("经营（停产停业）"), table, parent)


class AppraisalTable(RowTable):
    """The appraisal rows; the report's decoration unit price (装修单价) is shown as imported, not edited."""

    def fill_derived(self, row: Row) -> None:
        rate = getattr(row.record, "decoration_unit_price", None)
        row.widgets["decoration_rate"].setText("" if rate is None else f"{rate:,.2f}")


class AppraisalsSection(TableSection):
    """The appraisal report's rows as HQ imported them: part, structure, newness, decoration, the unit
    price and the values. Read-only unless the user is HQ's administrator (the editor decides); then a
    line under the title says where the figures come from instead of asking for them."""

    def __init__(self, parent: QWidget | None = None):
        columns = [
            Column("part_label", self.tr("部位"), width=72, max_length=40),
            Column("report_no", self.tr("评估报告编号"), width=0, max_length=80, extra={"min_width": 96}),
            Column("appraiser", self.tr("评估机构"), width=0, max_length=80, extra={"min_width": 96}),
            Column("use", self.tr("用途"), "combo", 72, options=choices.uses, label=labels.use),
            Column("structure", self.tr("结构"), width=56, max_length=24),
            Column("newness", self.tr("成新"), width=56, max_length=16),
            Column("decoration_grade", self.tr("装修等级"), width=64, max_length=16),
            Column("unit_price", self.tr("评估单价 元/m²"), "decimal", 96),
            Column("decoration_value", self.tr("装修金额 元"), "decimal", 88),
            # display-only (a key the record lacks): the report's 装修单价, imported, never typed here
            Column("decoration_rate", self.tr("装修单价 元/m²"), "label", 88),
            Column("fixtures_value", self.tr("附属物评估值 元"), "decimal", 88),
            Column("appraised_on", self.tr("估价时点"), "date", 100),
        ]
        table = AppraisalTable("appraisals", AppraisalForm, columns, self.tr("＋ 添加评估"))
        super().__init__(self.tr("评估"), table, parent)

    def require(self, need: Requirements, *, hq: bool) -> None:
        # Only HQ enters appraisals (from the report); in the field they are shown, never asked for.
        self.table.set_required({"use", "unit_price"} if need.appraisal and hq else set())
        self.hint = QLabel(self.tr("评估结果由指挥部按评估报告导入，此处只能查看；如有出入，请报指挥部。"), self)
        self.hint.setObjectName("muted")
        self.hint.setWordWrap(True)
        self.hint.hide()
        self.add_under_title(self.hint)

    def load(self, form: SurveyForm) -> None:
        super().load(form)
        for row in self.table.rows:  # a long report number or appraiser's name is read whole on hover
            for key in ("part_label", "report_no", "appraiser"):
                row.widgets[key].setToolTip(row.widgets[key].text())

    def set_read_only(self, read_only: bool) -> None:
        super().set_read_only(read_only)
        self.hint.setVisible(read_only)
        if read_only:
            self.table.set_empty_text(self.tr("尚未导入评估结果（由指挥部导入）。"))
