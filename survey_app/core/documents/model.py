"""What goes on a printed document, as plain data. Services fill these from the database;
the renderers (reportlab) turn them into PDFs. No database, no Qt here."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal


@dataclass(frozen=True)
class Party:
    """A person on the household's side (被征收人, 共有人)."""

    name: str
    id_number: str
    role: str = "被征收人"
    phone: str = ""


@dataclass(frozen=True)
class Certificate:
    kind: str  # 不动产权证书 / 房屋所有权证 …
    number: str
    owner: str
    share: Decimal  # fraction, 1 = 100 %


@dataclass(frozen=True)
class PartRow:
    label: str
    area: Decimal
    use: str  # Chinese label: 住宅 / 商业 …
    structure: str  # Chinese label
    legality: str  # Chinese label: 已登记 / 未登记认定合法 / 违法建筑 / 临时建筑


@dataclass(frozen=True)
class AmountLine:
    code: str
    label: str
    formula: str
    amount: Decimal
    section: str = "item"  # item | flat
    kind: str = ""  # the policy item kind (moving, transition, business_loss …): Article 25 reads them


@dataclass(frozen=True)
class FlatRow:
    """A resettlement flat chosen in property exchange."""

    label: str
    area: Decimal
    price_text: str  # how the price was set, e.g. the formula of its flat_price lines
    amount: Decimal
    extra: bool = False  # an extra bought besides the flats (地下室), not in the entitlement (flat_extras.py)


@dataclass(frozen=True)
class Signature:
    """A captured signature image (PNG bytes) and who signed."""

    role: str  # 被征收人 / 征收部门经办人 …
    name: str
    png: bytes
    signed_at: dt.datetime | None = None


@dataclass(frozen=True)
class Terms:
    """What 《国有土地上房屋征收与补偿条例》第二十五条 needs beyond the lines' amounts, read from the stored
    calculation and the policy version it used (never from today's survey rows)."""

    moving_times: int = 0  # 搬迁次数 the moving fee was paid for (产权调换期房: 2)
    transition_months: int = 0  # months the transition fee was calculated for
    delivery: str = ""  # exchange: ready 现房 | future 期房
    has_business: bool = False  # the household's survey recorded a business (停产停业)
    entitlement: Decimal | None = None  # exchange: 应安置面积
    excess_priced: bool = False  # exchange: area beyond the entitlement has its own banded prices
    floor_priced: bool = False  # exchange: the price per m² changes with the flat's floor (楼层差价)
    flat_location: str = ""  # exchange: 安置房地点, when the policy states one
    signing_until: dt.date | None = None  # the signing-reward tier the calculation assumed: sign on/before
    signing_from: dt.date | None = None  # … and after this date (the previous tier's end)
    handover_by: dt.date | None = None  # a reward tiered by 交房 date: the hand-over deadline it is conditional on
    # items paid only if handed over by a date (``when = { handed_over_by }``), not yet handed over: (label, by, amount)
    handover_conditions: tuple[tuple[str, dt.date, Decimal], ...] = ()
    # exchange: 过渡期超期加倍 for the chosen flats' building — (多层/高层, months, multiplier); paid later if it happens
    transition_overdue: tuple[tuple[str, int, Decimal], ...] = ()
    # transition fees paid for the actual months (unknown at signing, not in the total): (label, monthly, period)
    transition_actual: tuple[tuple[str, Decimal, str], ...] = ()
    # 协议生效条件, amounts paid only once it takes effect, rewards settled after it (agreements/effect_terms.py)
    effect_terms: tuple[str, ...] = ()
    # the policy makes the agreements 附生效条件 ([project] effective_when): not in effect from signing (``validity``)
    conditional_effect: bool = False
    voucher_face: Decimal | None = None  # 房票面额 (bonus included)
    voucher_cash: Decimal | None = None  # paid in cash (items the policy keeps out of the voucher)
    voucher_cash_items: tuple[str, ...] = ()  # labels of those items
    voucher_base: Decimal | None = None  # compensation counted into the voucher: the bonus basis
    voucher_valid_months: int = 0


@dataclass(frozen=True)
class AgreementDoc:
    """Everything an agreement (征收补偿协议) or calculation sheet (测算单) prints."""

    number: str  # agreement number, or the calculation id for a sheet
    template: str  # cash | exchange | voucher
    template_version: str
    project_name: str
    decision_no: str  # 征收决定文号
    authority: str  # 房屋征收部门 (甲方)
    implementer: str  # 征收实施单位
    valuation_date: dt.date | None
    household_code: str
    address: str
    parties: tuple[Party, ...]
    certificates: tuple[Certificate, ...]
    parts: tuple[PartRow, ...]
    area_by_legality: tuple[tuple[str, Decimal], ...]  # (Chinese label, area)
    mode_label: str
    option_label: str  # e.g. 产权调换（A60 两室一厅 60.12 m²）
    lines: tuple[AmountLine, ...]
    total: Decimal
    flat_total: Decimal
    net: Decimal
    net_label: str  # 应付被征收人 / 被征收人应缴
    upper: str  # amount in words of |net|
    flats: tuple[FlatRow, ...] = ()
    voucher_bonus_pct: Decimal | None = None
    voucher_valid_until: dt.date | None = None
    payment_days: int = 15  # 签约后N日内支付
    moving_days: int = 30  # 签约后N日内搬迁交房
    transition_months: int = 0
    policy_version: str = ""
    policy_hash: str = ""
    qr_payload: str = ""  # empty on a calculation sheet
    content_hash: str = ""  # sha256 of the agreement's canonical content (the one the QR signs)
    copy_label: str = ""  # "" for the original, "副本" on reprints
    copies: int = 4  # 本协议一式N份
    signatures: tuple[Signature, ...] = ()  # empty: wet-ink mode (signature lines, fingerprint boxes)
    printed_at: dt.datetime | None = None
    notes: tuple[str, ...] = field(default=())
    terms: Terms = field(default_factory=Terms)


@dataclass(frozen=True)
class NoticeRow:
    """One line of the public notice list (公示): never an ID number, names masked (张*伟)."""

    household_code: str
    masked_name: str
    registered_area: Decimal
    found_legal_area: Decimal
    illegal_area: Decimal
    temporary_area: Decimal
    mode_label: str
    total: Decimal | None  # None before a calculation


@dataclass(frozen=True)
class NoticeList:
    project_name: str
    decision_no: str
    section: str  # 地块 / 片区 shown in the title
    published_on: dt.date
    rows: tuple[NoticeRow, ...]
    notice_days: int = 10  # 公示期
    contact: str = ""
