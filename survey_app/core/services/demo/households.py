"""Generating one demo household as plain row dicts (no ORM: they go through BulkWriter).

Everything comes from one ``random.Random(seed)``, ids included, so the same seed gives the
same households, byte for byte, on every machine.
"""

from __future__ import annotations

import datetime as dt
import random
import uuid
from decimal import Decimal

from survey_app.core.domain.ids import uuid7
from survey_app.core.domain.statuses import HouseholdStatus, Legality, Relation, Use
from survey_app.core.domain.validation import resident_id_check_digit, uscc_check_digit
from survey_app.core.services.demo import vocab
from survey_app.core.storage.search_key import household_search_fields

_SURNAMES = [s for s, _ in vocab.SURNAMES]
_SURNAME_WEIGHTS = [w for _, w in vocab.SURNAMES]
_STATUS_WEIGHTS = (  # a project a few months into signing
    (HouseholdStatus.PENDING, 25), (HouseholdStatus.SURVEYED, 18), (HouseholdStatus.REVIEWED, 12),
    (HouseholdStatus.CALCULATED, 15), (HouseholdStatus.SIGNED, 24), (HouseholdStatus.HANDED_OVER, 6),
)
_USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_TODAY = dt.date(2026, 11, 1)  # fixed, so ages and dates do not drift with the calendar


class HouseholdFactory:
    """Makes demo households for one project. ``make(i)`` returns ``{table_name: [row, …]}``."""

    def __init__(self, seed: int, project_id: uuid.UUID, worker: str):
        self.rng = random.Random(f"households:{seed}")  # not the project's stream: ids must differ
        self.project_id = project_id
        self.worker = worker
        self._seq_by_section: dict[str, int] = {}
        self._id_seq = 0
        self._clock = 1_685_000_000_000  # 2023-05-25, when the survey began

    # small helpers -------------------------------------------------------------------------
    def _uuid(self) -> uuid.UUID:
        # Time-ordered like every id the app makes, on a fixed synthetic clock: reproducible.
        self._clock += 1
        return uuid7(self._clock, self.rng.getrandbits(74))

    def _money(self, lo: int, hi: int) -> Decimal:
        return Decimal(self.rng.randint(lo, hi))

    def _area(self, lo: float, hi: float) -> Decimal:
        return Decimal(self.rng.randint(int(lo * 100), int(hi * 100))).scaleb(-2)

    def name(self, male: bool, surname: str | None = None) -> str:
        rng = self.rng
        surname = surname or rng.choices(_SURNAMES, _SURNAME_WEIGHTS)[0]
        pool = vocab.MALE_CHARS if male else vocab.FEMALE_CHARS
        given = rng.choice(pool + vocab.NEUTRAL_CHARS)
        if rng.random() < 0.7:
            given += rng.choice(pool)
        return surname + given

    def id_number(self, birth: dt.date, male: bool) -> str:
        self._id_seq += 1
        seq = self.rng.randint(0, 49) * 2 + (1 if male else 0)
        first17 = f"{self.rng.choice(vocab.REGION_CODES)}{birth:%Y%m%d}{self.rng.randint(0, 9)}{seq:02d}"
        return first17 + resident_id_check_digit(first17)

    def birth(self, age_lo: int, age_hi: int) -> dt.date:
        age = self.rng.randint(age_lo, age_hi)
        return _TODAY - dt.timedelta(days=age * 365 + self.rng.randint(0, 364))

    def mobile(self) -> str:
        return self.rng.choice(vocab.MOBILE_PREFIXES) + f"{self.rng.randint(0, 99_999_999):08d}"

    def uscc(self) -> str:
        rng = self.rng
        org8 = f"{rng.randint(0, 99_999_999):08d}"
        weights = (3, 7, 9, 10, 5, 8, 4, 2)  # GB 11714 organisation code check digit
        c = 11 - sum(int(d) * w for d, w in zip(org8, weights)) % 11
        org9 = org8 + {10: "X", 11: "0"}.get(c, str(c))
        first17 = "92" + rng.choice(vocab.REGION_CODES[:5]) + org9  # 9 工商, 2 个体工商户
        return first17 + uscc_check_digit(first17)

    # one household -------------------------------------------------------------------------
    def make(self) -> dict[str, list[dict]]:
        rng = self.rng
        hid = self._uuid()
        section = rng.choice(vocab.SECTIONS)
        n = self._seq_by_section[section] = self._seq_by_section.get(section, 0) + 1
        code = f"{section}-{n:04d}"
        status = rng.choices([s for s, _ in _STATUS_WEIGHTS], [w for _, w in _STATUS_WEIGHTS])[0]
        members = self._members(hid)
        head = members[0]
        street = rng.choice(vocab.STREETS)
        if rng.random() < 0.6:
            address = f"{vocab.DISTRICT}{street}{rng.randint(1, 260)}号"
        else:
            address = (f"{vocab.DISTRICT}{street}{rng.randint(1, 120)}号{rng.randint(1, 8)}栋"
                       f"{rng.randint(1, 4)}单元{rng.randint(1, 7)}0{rng.randint(1, 4)}室")
        if not head["phone"]:
            head["phone"] = self.mobile()
        phone = head["phone"]
        surveyed = status != HouseholdStatus.PENDING
        pinyin, initials, key = household_search_fields(code, head["name"], head["id_number"], phone, address)
        rows: dict[str, list[dict]] = {"members": members}
        parts = self._parts(hid)
        rows["building_parts"] = parts
        rows["tenures"] = self._tenures(hid, head)
        rows["fixtures"] = self._fixtures(hid) if surveyed else []
        rows["survey_items"] = self._items(hid) if surveyed else []
        commercial = [p for p in parts if p["use"] == Use.COMMERCIAL.value]
        rows["businesses"] = self._business(hid, head["name"], commercial[0]["area"]) if commercial and rng.random() < 0.7 else []
        rows["appraisals"] = self._appraisals(hid, {p["use"] for p in parts}) if surveyed else []
        willingness = rng.choices(["agree", "undecided", "refuse", ""], [55, 25, 5, 15])[0] if surveyed else ""
        mode = rng.choices(["cash", "exchange", "voucher"], [55, 35, 10])[0] if willingness == "agree" else ""
        rows["households"] = [dict(
            id=hid, project_id=self.project_id, household_code=code, status=status.value,
            head_name=head["name"], head_id_number=head["id_number"], phone=phone, address=address,
            section=section, name_pinyin=pinyin, name_initials=initials, search_key=key,
            assigned_to=self.worker, willingness=willingness, preferred_mode=mode,
            chosen_mode=mode if status in (HouseholdStatus.SIGNED, HouseholdStatus.HANDED_OVER) else "",
            chosen_option="", delivery=rng.choice(("ready", "future")) if mode == "exchange" else "",
            surveyed_at=self._surveyed_at() if surveyed else None, surveyed_by=self.worker if surveyed else "",
            review_comment="", notes="",
        )]
        return rows

    def _surveyed_at(self) -> dt.datetime:
        day = _TODAY - dt.timedelta(days=self.rng.randint(1, 150))
        return dt.datetime.combine(day, dt.time(self.rng.randint(0, 10), self.rng.randint(0, 59)),
                                   tzinfo=dt.UTC)

    def _member(self, hid: uuid.UUID, order: int, relation: Relation, name: str, male: bool,
                birth: dt.date) -> dict:
        rng = self.rng
        adult = (_TODAY - birth).days > 18 * 365
        return dict(id=self._uuid(), household_id=hid, sort_order=order, name=name, relation=relation.value,
                    id_number=self.id_number(birth, male), sex="男" if male else "女", birth_date=birth,
                    phone=self.mobile() if adult and rng.random() < 0.7 else "",
                    is_dibao=rng.random() < 0.04, is_disabled=rng.random() < 0.03,
                    is_serious_illness=rng.random() < 0.02, hukou_here=rng.random() < 0.9)

    def _members(self, hid: uuid.UUID) -> list[dict]:
        rng = self.rng
        head_male = rng.random() < 0.72
        head_birth = self.birth(32, 82)
        head_name = self.name(head_male)
        surname = head_name[:2] if head_name[:2] in _SURNAMES else head_name[0]
        out = [self._member(hid, 0, Relation.HEAD, head_name, head_male, head_birth)]
        head_age = (_TODAY - head_birth).days // 365
        if rng.random() < 0.75:
            out.append(self._member(hid, len(out), Relation.SPOUSE, self.name(not head_male), not head_male,
                                    self.birth(max(22, head_age - 6), head_age + 4)))
        for _ in range(rng.choices([0, 1, 2, 3], [20, 45, 28, 7])[0]):
            if head_age < 24:
                break
            male = rng.random() < 0.52
            child_name = self.name(male, surname if head_male else None)
            out.append(self._member(hid, len(out), Relation.CHILD, child_name, male,
                                    self.birth(max(0, head_age - 40), head_age - 22)))
        if head_age < 55 and rng.random() < 0.18:
            out.append(self._member(hid, len(out), Relation.PARENT, self.name(rng.random() < 0.5), True,
                                    self.birth(head_age + 22, min(100, head_age + 35))))
        if head_age > 58 and rng.random() < 0.25:
            male = rng.random() < 0.5
            out.append(self._member(hid, len(out), Relation.GRANDCHILD, self.name(male, surname), male,
                                    self.birth(1, 16)))
        return out

    def _parts(self, hid: uuid.UUID) -> list[dict]:
        rng = self.rng
        year = rng.randint(1962, 2004)
        structure = rng.choices(vocab.STRUCTURES[:3], [55, 25, 20])[0]
        grade = rng.choices(vocab.DECORATION_GRADES, [30, 50, 20])[0]
        parts = [dict(id=self._uuid(), household_id=hid, sort_order=0, label="主房", area=self._area(28, 145),
                      use=Use.RESIDENTIAL.value, actual_use="", structure=structure, floors=rng.choice([1, 1, 2, 2, 3]),
                      built_year=year, legality=Legality.REGISTERED.value, temporary_term_end=None,
                      decoration_grade=grade)]
        if rng.random() < 0.16:
            parts.append(dict(id=self._uuid(), household_id=hid, sort_order=1, label="一层门面",
                              area=self._area(12, 60), use=Use.COMMERCIAL.value, actual_use="",
                              structure=structure, floors=1,
                              built_year=year, legality=Legality.REGISTERED.value, temporary_term_end=None,
                              decoration_grade=rng.choice(vocab.DECORATION_GRADES[1:])))
        for _ in range(rng.choices([0, 1, 2], [68, 26, 6])[0]):
            legality = rng.choices([Legality.FOUND_LEGAL, Legality.ILLEGAL, Legality.TEMPORARY], [40, 35, 25])[0]
            term = _TODAY + dt.timedelta(days=rng.randint(-400, 900)) if legality == Legality.TEMPORARY else None
            parts.append(dict(id=self._uuid(), household_id=hid, sort_order=len(parts),
                              label=rng.choice(vocab.PART_LABELS_UNREGISTERED), area=self._area(4, 40),
                              use=Use.RESIDENTIAL.value, actual_use="",
                              structure=rng.choice(("brick_concrete", "simple")), floors=1,
                              built_year=rng.randint(max(year, 1985), 2012), legality=legality.value,
                              temporary_term_end=term, decoration_grade="simple"))
        return parts

    def _tenures(self, hid: uuid.UUID, head: dict) -> list[dict]:
        rng = self.rng
        year = rng.randint(1998, 2021)
        if year >= 2016:
            cert = f"湘({year})长沙市不动产权第{rng.randint(1, 999_9999):07d}号"
            kind = "不动产权证书"
        else:
            cert = f"长房权证芙蓉字第{rng.randint(7_000_0000, 7_199_9999)}号"
            kind = "房屋所有权证"
        land = f"长国用({year})第{rng.randint(1, 99999):05d}号" if rng.random() < 0.6 else ""
        base = dict(household_id=hid, certificate_type=kind, certificate_no=cert, land_certificate_no=land,
                    land_area=None, tenure_kind="private")
        if rng.random() < 0.1:
            other = self.name(rng.random() < 0.5)
            return [dict(base, id=self._uuid(), owner_name=head["name"], owner_id_number=head["id_number"],
                         share=Decimal("0.5000")),
                    dict(base, id=self._uuid(), owner_name=other,
                         owner_id_number=self.id_number(self.birth(30, 80), rng.random() < 0.5),
                         share=Decimal("0.5000"))]
        return [dict(base, id=self._uuid(), owner_name=head["name"], owner_id_number=head["id_number"],
                     share=Decimal("1.0000"))]

    def _fixtures(self, hid: uuid.UUID) -> list[dict]:
        rng = self.rng
        return [dict(id=self._uuid(), household_id=hid, kind=kind, sub_kind=sub, count=rng.randint(1, most),
                     value=None, note="") for kind, sub, p, most in vocab.FIXTURES if rng.random() < p]

    def _items(self, hid: uuid.UUID) -> list[dict]:
        rng = self.rng
        out = []
        for code, p, (lo, hi), is_area in vocab.SURVEY_ITEMS:
            if rng.random() < p:
                qty = self._area(lo, hi) if is_area else Decimal(rng.randint(lo, hi)).quantize(Decimal("0.01"))
                out.append(dict(id=self._uuid(), household_id=hid, code=code, quantity=qty, note=""))
        return out

    def _business(self, hid: uuid.UUID, owner: str, area: Decimal) -> list[dict]:
        rng = self.rng
        return [dict(id=self._uuid(), household_id=hid, name=f"{owner[0]}记{rng.choice(vocab.BUSINESS_KINDS)}",
                     uscc=self.uscc(), licence_no="", area=area, annual_profit=self._money(18_000, 160_000),
                     operating_since=dt.date(rng.randint(2003, 2021), rng.randint(1, 12), 1))]

    def _appraisals(self, hid: uuid.UUID, uses: set[str]) -> list[dict]:
        rng = self.rng
        report = f"湘恒评字(2023)第{rng.randint(1, 9999):04d}号"
        appraiser = rng.choice(vocab.APPRAISERS)
        on = dt.date(2023, rng.randint(3, 5), rng.randint(1, 28))
        prices = {Use.RESIDENTIAL.value: (8_600, 13_900), Use.COMMERCIAL.value: (16_000, 26_500)}
        return [dict(id=self._uuid(), household_id=hid, report_no=report, appraiser=appraiser, use=use,
                     unit_price=self._money(*prices[use]), decoration_value=None, appraised_on=on, notes="")
                for use in sorted(uses) if use in prices]
