"""Hand-built AgreementDocs and NoticeLists for the renderer tests, the benchmark and screenshots.

Figures follow the demo policy (city_shantytown_2023.toml) for household SLC-02-0017 so a reader can
check them against ``survey-app calc``; names and ID numbers are invented (valid check digits).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal as D
from io import BytesIO

from survey_app.core.documents.model import (
    AgreementDoc,
    AmountLine,
    Certificate,
    FlatRow,
    NoticeList,
    NoticeRow,
    PartRow,
    Party,
    Signature,
    Terms,
)
from survey_app.core.documents.templates import TEMPLATE_VERSIONS
from survey_app.core.domain.money import amount_in_words

OWNER = Party(name="王建国", id_number="430102196504123018", role="被征收人", phone="13807310017")
CO_OWNER = Party(name="李秀英", id_number="43010219680921302X", role="共有人", phone="13907312288")

# ~170 ASCII characters, shaped like the signed payload the agreements service produces.
QR_PAYLOAD = ("SA1|N=FR2023-XY-000173|H=SLC-02-0017|M=cash|T=176502400|D=T01"
              "|C=q7Yc2mJ0vXo4Rk1LwQ8sZg|S=3mV9pLq0xR7tYc2Bn8Kf4Hd6Js1Wa5Ue0Zi9Oo3Pr7Tv2Xy6Gb4Nm8Qe1Lh5Ck9Dw3Fs7Aj0Iu4Mt")

ITEM_LINES = (
    AmountLine("hv", "被征收房屋价值补偿（二层住宅）", "58.32 m² × 13,670 元/m² × 1 = 797,234", D("797234")),
    AmountLine("hv", "被征收房屋价值补偿（一层门面）", "35.00 m² × 21,900 元/m² × 1 = 766,500", D("766500")),
    AmountLine("deco", "装修补偿（二层住宅）", "58.32 m² × 400 元/m²（中档） = 23,328", D("23328")),
    AmountLine("deco", "装修补偿（一层门面）", "36.50 m² × 200 元/m²（简易） = 7,300", D("7300")),
    AmountLine("fx", "附属物补偿（水表（主表））", "1 个 × 1,500 元 = 1,500", D("1500")),
    AmountLine("fx", "附属物补偿（电表（主表））", "1 个 × 1,200 元 = 1,200", D("1200")),
    AmountLine("fx", "附属物补偿（空调移机（挂机））", "2 台 × 300 元 = 600", D("600")),
    AmountLine("mv", "搬迁费", "max(93.32 m² × 15 元/m², 1,000 元) × 1 次 = 1,422", D("1422"),
               kind="moving"),
    AmountLine("tr", "临时安置费", "max(93.32 m² × 12 元/m², 1,200 元/月) × 6 月 = 7,200", D("7200"),
               kind="transition"),
    AmountLine("biz", "停产停业损失补偿（一层门面）", "766,500 元 × 5% = 38,325", D("38325"),
               kind="business_loss"),
    AmountLine("sign", "按期签约奖励", "58.32 m² × 600 元/m²（第一档，2023年6月30日前签约） = 34,992", D("34992")),
)
CASH_REWARD = AmountLine("cash", "货币补偿奖励", "797,234 元 × 10% = 79,723", D("79723"))
VOUCHER_REWARD = AmountLine("vb", "房票安置奖励", "1,670,979 元 × 8% = 133,678", D("133678"),
                            kind="voucher_bonus")


def _png(text_seed: int, size: tuple[int, int] = (360, 120)) -> bytes:
    """A transparent PNG with a scribble, standing in for a captured signature."""
    from PIL import Image, ImageDraw

    img = Image.new("RGBA", size, (255, 255, 255, 0))
    draw = ImageDraw.Draw(img)
    w, h = size
    points = [(20 + i * (w - 40) // 12, h // 2 + ((i * 37 + text_seed * 11) % 50) - 25) for i in range(13)]
    draw.line(points, fill=(20, 20, 80, 255), width=5, joint="curve")
    buf = BytesIO()
    img.save(buf, "PNG")
    return buf.getvalue()


def _base(**changes) -> AgreementDoc:
    lines = (*ITEM_LINES, CASH_REWARD)
    total = sum((ln.amount for ln in lines), start=D(0))
    doc = AgreementDoc(
        number="FR2023-XY-000173", template="cash", template_version=TEMPLATE_VERSIONS["cash"],
        project_name="芙蓉区古稻田片区棚户区改造项目", decision_no="芙政征决字〔2023〕第3号",
        authority="长沙市芙蓉区房屋征收与补偿办公室", implementer="长沙市芙蓉区古稻田片区征收指挥部",
        valuation_date=dt.date(2023, 5, 20), household_code="SLC-02-0017",
        address="长沙市芙蓉区古稻田路17号附2栋",
        parties=(OWNER, CO_OWNER),
        certificates=(Certificate("不动产权证书", "湘（2019）长沙市不动产权第0123456号", "王建国、李秀英", D("1")),),
        parts=(PartRow("二层住宅", D("58.32"), "住宅", "砖混", "已登记"),
               PartRow("一层门面", D("35.00"), "商业", "砖混", "已登记"),
               PartRow("后院搭建杂物间", D("6.40"), "住宅", "简易", "违法建筑")),
        area_by_legality=(("已登记", D("93.32")), ("违法建筑", D("6.40"))),
        mode_label="货币补偿", option_label="货币补偿（含货币补偿奖励10%）",
        lines=lines, total=total, flat_total=D(0), net=total, net_label="应付被征收人",
        upper=amount_in_words(total), payment_days=15, moving_days=30, transition_months=6,
        policy_version="2023-06 第1版", policy_hash="c2defec44332973b0f0e6d9b1d2c3a4f",
        qr_payload=QR_PAYLOAD, printed_at=dt.datetime(2023, 6, 12, 10, 30),
        terms=Terms(moving_times=1, transition_months=6, has_business=True, signing_until=dt.date(2023, 6, 30)),
    )
    return dataclasses.replace(doc, **changes) if changes else doc


def cash_doc(**changes) -> AgreementDoc:
    """A cash agreement for two co-owners, wet-ink mode (no captured signatures)."""
    return _base(**changes)


def exchange_doc(**changes) -> AgreementDoc:
    """Property exchange for flat A60: compensation less the flat price, household is paid the difference."""
    lines = (*ITEM_LINES,
             AmountLine("fp", "安置房购房款（应安置面积内）", "58.32 m² × 6,500 元/m² = 379,080", D("-379080"), "flat"),
             AmountLine("fp", "安置房购房款（超出应安置面积 0–10 m²）", "1.80 m² × 8,500 元/m² = 15,300",
                        D("-15300"), "flat"))
    items_total = sum((ln.amount for ln in lines if ln.section == "item"), start=D(0))
    # Exchange moves twice and waits for the flat: larger moving and transition lines than cash.
    flat_total = D("-394380")
    net = items_total + flat_total
    base = dict(
        number="FR2023-XY-000174", template="exchange", template_version=TEMPLATE_VERSIONS["exchange"],
        mode_label="产权调换", option_label="产权调换（A户型60㎡，60.12 m²）", lines=lines, total=items_total,
        flats=(FlatRow("A户型60㎡（古稻田安置小区）", D("60.12"),
                       "应安置面积内 58.32 m² × 6,500 元/m²；超出 1.80 m² × 8,500 元/m²", D("394380")),),
        flat_total=flat_total, net=net, net_label="应付被征收人", upper=amount_in_words(net),
        transition_months=36, qr_payload=QR_PAYLOAD.replace("M=cash", "M=exch"),
        terms=Terms(moving_times=2, transition_months=36, delivery="future", has_business=True,
                    entitlement=D("58.32"), excess_priced=True, flat_location="古稻田安置小区"),
    )
    base.update(changes)
    return _base(**base)


def voucher_doc(**changes) -> AgreementDoc:
    """Housing voucher with an 8 % bonus, valid for a year."""
    lines = (*ITEM_LINES, VOUCHER_REWARD)
    total = sum((ln.amount for ln in lines), start=D(0))
    base = dict(
        number="FR2023-XY-000175", template="voucher", template_version=TEMPLATE_VERSIONS["voucher"],
        mode_label="房票安置", option_label="房票安置（奖励8%）", lines=lines, total=total, net=total,
        upper=amount_in_words(total), voucher_bonus_pct=D("8"), voucher_valid_until=dt.date(2024, 6, 11),
        terms=Terms(moving_times=1, transition_months=6, has_business=True, voucher_face=D("1804657"),
                    voucher_cash=D("8622"), voucher_cash_items=("搬迁费", "临时安置费"), voucher_base=D("1670979"),
                    voucher_valid_months=12),
        qr_payload=QR_PAYLOAD.replace("M=cash", "M=vouc"),
    )
    base.update(changes)
    return _base(**base)


def signed(doc: AgreementDoc) -> AgreementDoc:
    """``doc`` with captured signatures of every party and the worker."""
    when = dt.datetime(2023, 6, 12, 11, 5)
    sigs = tuple(Signature(p.role, p.name, _png(n), when) for n, p in enumerate(doc.parties))
    sigs += (Signature("征收部门经办人", "赵志强", _png(9, (300, 110)), when),)
    return dataclasses.replace(doc, signatures=sigs)


def long_doc(count: int = 40) -> AgreementDoc:
    """A cash agreement with ``count`` itemised lines (a household with many fixtures)."""
    lines = tuple(AmountLine("fx", f"附属物补偿（第{n}项 室外水池、围墙、地坪）",
                             f"{n} 处 × 1,{n:03d} 元 = {n * (1000 + n):,}", D(n * (1000 + n)))
                  for n in range(1, count + 1))
    total = sum((ln.amount for ln in lines), start=D(0))
    return _base(lines=lines, total=total, net=total, upper=amount_in_words(total))


def notice_list(rows: int = 60) -> NoticeList:
    """A public notice list of ``rows`` households (masked names, no ID numbers)."""
    surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
    modes = ("货币补偿", "产权调换", "房票安置")
    out = []
    for n in range(1, rows + 1):
        name = surnames[n % len(surnames)] + "*" + "伟芳娜秀英敏静丽强磊"[n % 10]
        total = None if n % 17 == 0 else D(300000 + n * 7919)
        out.append(NoticeRow(
            household_code=f"SLC-02-{n:04d}", masked_name=name, registered_area=D("58.32") + n,
            found_legal_area=D("12.50") if n % 4 == 0 else D(0), illegal_area=D("6.40") if n % 5 == 0 else D(0),
            temporary_area=D("3.00") if n % 7 == 0 else D(0), mode_label=modes[n % 3], total=total))
    return NoticeList(project_name="芙蓉区古稻田片区棚户区改造项目", decision_no="芙政征决字〔2023〕第3号",
                      section="第二地块", published_on=dt.date(2023, 9, 1), rows=tuple(out), notice_days=10,
                      contact="古稻田片区征收指挥部 0731-84410017（芙蓉区古稻田路1号）")
