"""HTML for the read-only household detail panel (rendered by a QTextBrowser: fast, selectable, no widgets).

Everything shown is escaped. Nothing is masked: the field worker needs the full ID numbers at the
door. Nothing here is logged. Threading: GUI thread (uses the installed translators).
"""

from __future__ import annotations

from decimal import Decimal
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from survey_app.ui import formatting, labels

if TYPE_CHECKING:  # the services import SQLAlchemy: not before the first window has painted (ui/app.py)
    from survey_app.core.services.household_stage import Standing
    from survey_app.core.services.households import HouseholdDetail

LEGALITY_ORDER = ("registered", "found_legal", "illegal", "temporary")

STYLE = """
<style>
h2 { margin: 0 0 2px 0; font-size: 13pt; }
h3 { margin: 14px 0 4px 0; font-size: 10.5pt; color: #1f4e79; }
table.grid { background-color: #c8ced6; }
table.grid td { background-color: white; }
th { background-color: #eef2f6; font-weight: normal; color: #333; }
td.k { color: #666; white-space: nowrap; padding-right: 12px; }
.muted { color: #777; }
.tag { color: #9c2f00; }
table.returned { background-color: #fde8e6; border-color: #e0a49c; margin: 6px 0 4px 0; }
table.returned td { color: #7a1a10; }
table.reviewed td { color: #1d5a2a; }
.next { color: #1f4e79; }
.field { color: #6b4e00; background-color: #fff4cc; }
</style>
"""


def _e(value: object) -> str:
    return escape("" if value is None else str(value))


def _per_m2(rate: Decimal | None) -> str:
    """The report's decoration unit price (装修单价) beside the amount: ``¥305.50/m²``."""
    return "" if rate is None else formatting.money(rate) + "/m²"


def _kv(rows: list[tuple[str, str]]) -> str:
    """Label/value lines; values are already-escaped HTML; empty values are left out."""
    cells = "".join(f'<tr><td class="k">{_e(k)}</td><td>{v}</td></tr>' for k, v in rows if v)
    return f'<table class="kv" cellspacing="0" cellpadding="2">{cells}</table>'


def _grid(headers: list[str], rows: list[list[str]], numeric: frozenset[int] = frozenset()) -> str:
    """A ruled table; ``rows`` hold already-escaped HTML; columns in ``numeric`` are right-aligned.

    The 1-pixel rules are the table's grey background showing between white cells (cellspacing 1), not
    cell borders: Qt's collapsed borders cost ~35% more to lay out and paint (per search keystroke that
    changes the household) and drew the inner rules faintly or not at all."""
    def cell(tag: str, i: int, text: str) -> str:
        align = ' align="right"' if i in numeric else ""
        return f"<{tag}{align}>{text}</{tag}>"

    head = "<tr>" + "".join(cell("th", i, _e(h)) for i, h in enumerate(headers)) + "</tr>"
    body = "".join("<tr>" + "".join(cell("td", i, c) for i, c in enumerate(r)) + "</tr>" for r in rows)
    return f'<table class="grid" width="99%" border="0" cellspacing="1" cellpadding="3">{head}{body}</table>'


class HouseholdDetailHtml:
    """Builds the panel's HTML. A class only so lupdate files its strings under one context."""

    def tr(self, text: str) -> str:
        return QCoreApplication.translate("HouseholdDetailHtml", text)

    def section(self, title: str, body: str, empty: bool = False) -> str:
        if empty:
            none = self.tr("无")  # (lupdate does not see a tr() inside an f-string: keep them outside)
            body = f'<p class="muted">{_e(none)}</p>'
        return f"<h3>{_e(title)}</h3>{body}"

    def render(self, d: HouseholdDetail, st: Standing | None = None, photos: dict[str, int] | None = None) -> str:
        title = (f"<h2>{_e(d.household_code)}　{_e(d.head_name)}　"
                 f'<span class="muted">{_e(labels.status(d.status))}</span></h2>')
        return "".join([STYLE, title, self.marks(st), self.way(st), self.review(d), self.photos(d, photos),
                        self.head(d), self.members(d), self.tenures(d), self.parts(d), self.fixtures(d),
                        self.businesses(d), self.appraisals(d)])

    def photos(self, d: HouseholdDetail, counts: dict[str, int] | None) -> str:
        """How many photos of each category, and a link that shows them (the evidence a reviewer checks)."""
        if counts is None:
            return ""
        total = sum(counts.values())
        if not total:
            none = self.tr("照片：无")
            return f'<p class="muted">{_e(none)}</p>'
        from survey_app.ui.photos.labels import category_labels

        parts = [f"{_e(label)} {counts[code]}" for code, label in category_labels() if counts.get(code)]
        view = self.tr("查看照片")
        link = f'<a href="photos:{_e(d.id)}">{_e(view)}</a>'
        text = self.tr("照片 {n} 张：").format(n=total)
        return f"<p>{_e(text)}{' · '.join(parts)}　{link}</p>"

    def marks(self, st: Standing | None) -> str:
        """新增住户 (not on the register) and an unsaved draft: both change what the worker does next."""
        if st is None:
            return ""
        shown = []
        if st.origin == "field":
            text = self.tr("新增住户（现场发现，待指挥部确认）")
            shown.append(f'<span class="field">&nbsp;{_e(text)}&nbsp;</span>')
        elif st.origin == "confirmed":
            text = self.tr("新增住户（指挥部已确认）")
            shown.append(f'<span class="muted">{_e(text)}</span>')
        if st.has_draft:
            text = self.tr("有未保存的草稿：打开编辑可继续")
            shown.append(f'<span class="tag">{_e(text)}</span>')
        if st.disputed:
            text = self.tr(
                "测算不一致：指挥部按调查记录重算的结果与设备的测算不同，待核实（见“同步 → 待处理事项”）；据此签的协议暂不可作为付款依据")
            shown.append(f'<span class="field">&nbsp;{_e(text)}&nbsp;</span>')
        return f"<p>{'　'.join(shown)}</p>" if shown else ""

    def way(self, st: Standing | None) -> str:
        """The six steps with the current one highlighted, who acts next, and what is still missing."""
        if st is None:
            return ""
        # One wrapping line of steps, not a table: a table squeezes each step to a column of single
        # characters in the narrow pane of a 1024-pixel screen; a step itself never breaks.
        from survey_app.core.services.household_stage import STAGES

        steps = []
        for i, code in enumerate(STAGES):
            name = _e(labels.stage(code))
            if i < st.stage:
                steps.append(f'<span style="white-space:nowrap; color:#1d5a2a">✓&nbsp;{name}</span>')
            elif i == st.stage:
                steps.append(f'<span style="white-space:nowrap; background-color:#1f4e79; color:white">'
                             f'<b>&nbsp;{name}&nbsp;</b></span>')
            else:
                steps.append(f'<span style="white-space:nowrap; color:#8a96a3">{name}</span>')
        steps = '<p>' + ' <span style="color:#8a96a3">→</span> '.join(steps) + '</p>'
        who = labels.role(st.role) if st.role else ""
        if st.role == "field_worker" and st.assignee:
            who = f"{who} {st.assignee}"
        text = labels.next_action(st.action)
        line = self.tr("下一步：{what}（{who}）").format(what=text, who=who) if who else text
        body = steps + f'<p class="next"><b>{_e(line)}</b></p>'
        if st.missing:
            items = "".join(f"<li>{_e(m)}</li>" for m in st.missing)
            missing = self.tr("还缺：")
            body += f'<p class="tag">{_e(missing)}</p><ul style="margin-top:0">{items}</ul>'
        return self.section(self.tr("办理进度"), body)

    def review(self, d: HouseholdDetail) -> str:
        """The supervisor's comment, right under the title: a return is what the worker must act on."""
        comment = (d.review_comment or "").strip()
        if not comment:
            return ""
        if d.status == "pending":  # returned for rework: shown as a red box the worker cannot miss
            title = _e(self.tr("复核退回，请按意见修改后重新提交："))
            return (f'<table class="returned" width="99%" border="1" cellspacing="0" cellpadding="8"><tr><td>'
                    f"<b>{title}</b><br>{_e(comment)}</td></tr></table>")
        text = _e(self.tr("复核意见：{comment}").format(comment=comment))
        return f'<table class="reviewed" cellpadding="2"><tr><td>{text}</td></tr></table>'

    def chosen(self, d: HouseholdDetail) -> str:
        if not d.chosen_option:
            return ""
        _, _, flat = d.chosen_option.partition(":")  # "exchange:A60" → the flat type after the mode
        return _e(labels.mode(d.chosen_mode) + (f"（{flat}）" if flat else ""))

    def head(self, d: HouseholdDetail) -> str:
        updated = self.tr("第{rev}版　{when}　{who}").format(
            rev=d.rev, when=formatting.datetime_local(d.updated_at), who=d.updated_by)
        rows = [
            (self.tr("户主"), _e(d.head_name)),
            (self.tr("身份证号"), _e(d.head_id_number)),
            (self.tr("电话"), _e(d.phone)),
            (self.tr("地址"), _e(d.address)),
            (self.tr("地块"), _e(d.section)),
            (self.tr("调查员"), _e(d.assigned_to)),
            (self.tr("调查人"), _e(d.surveyed_by) if d.surveyed_by and d.surveyed_by != d.assigned_to else ""),
            (self.tr("签约意愿"), _e(labels.willingness(d.willingness))),
            (self.tr("意向安置方式"), _e(labels.mode(d.preferred_mode))),
            (self.tr("已选安置方案"), f"<b>{self.chosen(d)}</b>" if d.chosen_option else ""),
            (self.tr("备注"), _e(d.notes)),
            (self.tr("最后修改"), f'<span class="muted">{_e(updated)}</span>'),
        ]
        return self.section(self.tr("户主与住户"), _kv(rows))

    def flags(self, m: dict) -> str:
        shown = [f'<span class="tag">{_e(text)}</span>' for on, text in (
            (m.get("is_dibao"), self.tr("低保")), (m.get("is_disabled"), self.tr("残疾")),
            (m.get("is_serious_illness"), self.tr("大病"))) if on]
        if m.get("hukou_here") is False:
            shown.append(_e(self.tr("户籍不在本址")))
        return " ".join(shown)

    def members(self, d: HouseholdDetail) -> str:
        with_flags = any(self.flags(m) for m in d.members)  # the 情况 column only when someone has one
        rows = []
        for m in d.members:
            row = [_e(m.get("name")), _e(labels.relation(m.get("relation"))), _e(m.get("id_number")),
                   _e(labels.sex(m.get("sex"))), _e(formatting.date(m.get("birth_date"))), _e(m.get("phone"))]
            rows.append(row + [self.flags(m)] if with_flags else row)
        headers = [self.tr("姓名"), self.tr("关系"), self.tr("身份证号"), self.tr("性别"), self.tr("出生日期"),
                   self.tr("电话")] + ([self.tr("情况")] if with_flags else [])
        title = self.tr("家庭成员（{n}人）").format(n=len(d.members))
        return self.section(title, _grid(headers, rows), empty=not rows)

    def tenures(self, d: HouseholdDetail) -> str:
        with_land = any(t.get("land_area") for t in d.tenures)  # homestead land: urban villages only
        rows = []
        for t in d.tenures:
            row = [_e(t.get("owner_name")), _e(t.get("certificate_type")), _e(t.get("certificate_no")),
                   _e(formatting.share(t.get("share")))]
            rows.append(row + [_e(formatting.area(t.get("land_area")))] if with_land else row)
        headers = [self.tr("权利人"), self.tr("证书类型"), self.tr("证书编号"), self.tr("份额")]
        headers += [self.tr("土地面积 m²")] if with_land else []
        return self.section(self.tr("产权"), _grid(headers, rows, frozenset({3, 4})), empty=not rows)

    def parts(self, d: HouseholdDetail) -> str:
        if not d.parts:
            return self.section(self.tr("建筑部分"), "", empty=True)
        rows = [[_e(p.get("label")), _e(formatting.area(p.get("area"))), _e(labels.use(p.get("use"))),
                 _e(labels.structure(p.get("structure"))), _e(p.get("floors")), _e(p.get("built_year")),
                 _e(labels.legality(p.get("legality")))]
                for p in d.parts]
        headers = [self.tr("部位"), self.tr("面积 m²"), self.tr("用途"), self.tr("结构"), self.tr("层数"),
                   self.tr("建成年份"), self.tr("合法性")]
        by_legality = d.area_by_legality
        total = sum(by_legality.values(), Decimal("0.00"))
        order = [c for c in LEGALITY_ORDER if c in by_legality] + sorted(set(by_legality) - set(LEGALITY_ORDER))
        summary = [(labels.legality(c), _e(formatting.area(by_legality[c])) + " m²") for c in order]
        summary.append((self.tr("合计"), "<b>" + _e(formatting.area(total)) + " m²</b>"))
        body = _grid(headers, rows, frozenset({1, 4, 5})) + "<p></p>" + _kv(summary)
        return self.section(self.tr("建筑部分"), body)

    def fixtures(self, d: HouseholdDetail) -> str:
        fixtures = [[_e(labels.fixture(f.get("kind", ""), f.get("sub_kind") or "")), _e(f.get("count"))]
                    for f in d.fixtures]
        items = []
        for it in d.items:
            code, qty = it.get("code", ""), it.get("quantity")
            if code in labels.AREA_ITEMS:
                qty_text = f"{formatting.area(Decimal(qty)) if qty is not None else ''} m²"
            else:
                qty_text = self.tr("{n}处").format(n="" if qty is None else qty)
            items.append([_e(labels.survey_item(code)), _e(qty_text), _e(it.get("note"))])
        body = ""
        if fixtures:
            body += _grid([self.tr("附属物"), self.tr("数量")], fixtures, frozenset({1}))
        if items:
            body += "<p></p>" + _grid([self.tr("其他调查项目"), self.tr("数量"), self.tr("备注")], items,
                                      frozenset({1}))
        return self.section(self.tr("附属物"), body, empty=not (fixtures or items))

    def businesses(self, d: HouseholdDetail) -> str:
        rows = [[_e(b.get("name")), _e(b.get("uscc")), _e(formatting.area(b.get("area"))),
                 _e(formatting.money(b.get("annual_profit")))] for b in d.businesses]
        headers = [self.tr("名称"), self.tr("统一社会信用代码"), self.tr("面积 m²"), self.tr("年利润")]
        return self.section(self.tr("经营"), _grid(headers, rows, frozenset({2, 3})), empty=not rows)

    def appraisals(self, d: HouseholdDetail) -> str:
        """The appraiser's values as the report gives them (imported at HQ: shown, never edited here)."""
        rows = [[_e(a.get("report_no")), _e(a.get("appraiser")), _e(a.get("part_label")), _e(labels.use(a.get("use"))),
                 _e(formatting.money(a.get("unit_price"))), _e(a.get("structure")), _e(a.get("newness")),
                 _e(" ".join(x for x in (a.get("decoration_grade") or "", formatting.money(a.get("decoration_value")),
                                         _per_m2(a.get("decoration_unit_price"))) if x)),
                 _e(formatting.money(a.get("fixtures_value"))),
                 _e(formatting.date(a.get("appraised_on")))]
                for a in d.appraisals]
        headers = [self.tr("报告编号"), self.tr("评估机构"), self.tr("部位"), self.tr("用途"), self.tr("评估单价 元/m²"),
                   self.tr("结构"), self.tr("成新"), self.tr("装修"), self.tr("附属物评估值"), self.tr("评估日期")]
        body = _grid(headers, rows, frozenset({4, 8}))
        if any(a.get("import_batch") for a in d.appraisals):
            note = self.tr("以上为评估机构出具的评估结果（由指挥部导入），调查中不能修改。")
            body += f'<p class="muted">{_e(note)}</p>'
        return self.section(self.tr("评估"), body, empty=not rows)


def detail_html(detail: HouseholdDetail, standing: Standing | None = None,
                photos: dict[str, int] | None = None) -> str:
    """The whole panel for one household (with where it stands and its photos by category, when given)."""
    return HouseholdDetailHtml().render(detail, standing, photos)


def placeholder_html(text: str) -> str:
    return f'{STYLE}<p class="muted" align="center"><br><br>{_e(text)}</p>'
