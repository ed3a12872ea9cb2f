"""Filling the printable AgreementDoc from the database, and rendering it (PDFs via core/documents)."""

from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
import json
import uuid
from decimal import Decimal
from pathlib import Path
from typing import BinaryIO

from sqlalchemy import select
from sqlalchemy.orm import Session

from survey_app.core.compensation.calculation import Calculation as Result
from survey_app.core.compensation.flat_extras import CODE as EXTRA_CODE
from survey_app.core.compensation.inputs import LEGALITY, USES
from survey_app.core.compensation.options import in_order
from survey_app.core.compensation.policy import DocumentTerms, Policy
from survey_app.core.documents.model import AgreementDoc, AmountLine, Certificate, FlatRow, PartRow, Party, Signature
from survey_app.core.domain.errors import NotFound
from survey_app.core.domain.statuses import STRUCTURE_LABELS
from survey_app.core.services.agreements.terms import document_terms
from survey_app.core.storage.database import Database
from survey_app.core.storage.models import Agreement, Attachment, Calculation, Household, PolicyVersion, Project


def _parts(result: Result) -> tuple[tuple[PartRow, ...], tuple[tuple[str, Decimal], ...]]:
    """Building parts as the calculation saw them: its inputs snapshot, never today's survey rows
    (a stale calculation is refused before printing; this keeps even a reprint of an old signed
    agreement true to what was signed)."""
    parts = result.inputs.building_parts
    rows = tuple(PartRow(p.label or USES.get(p.use, p.use), p.area, USES.get(p.use, p.use),
                         STRUCTURE_LABELS.get(p.structure, p.structure or "—"), LEGALITY.get(p.legality, p.legality))
                 for p in parts)
    by_legality: dict[str, Decimal] = {}
    for p in parts:
        label = LEGALITY.get(p.legality, p.legality)
        by_legality[label] = by_legality.get(label, Decimal("0.00")) + p.area
    return rows, tuple(by_legality.items())


def _add_months(day: dt.date, months: int) -> dt.date:
    y, m = divmod(day.month - 1 + months, 12)
    year, month = day.year + y, m + 1
    last = calendar.monthrange(year, month)[1]
    return dt.date(year, month, min(day.day, last))


def _flats(result: Result, policy: Policy | None) -> tuple[FlatRow, ...]:
    """One row per resettlement flat chosen (exchange), with its area from the policy and the
    price worked out by the flat-price lines."""
    flat_lines = [ln for ln in result.lines if ln.section == "flat" and ln.code != EXTRA_CODE]
    extra_lines = [ln for ln in result.lines if ln.section == "flat" and ln.code == EXTRA_CODE]
    if not flat_lines:
        return ()
    exchange = policy.exchange if policy is not None else None
    keys = [k for k in result.flat_key.split("+") if k]
    extras = [e for e in (exchange.extra(k) for k in keys) if e is not None] if exchange is not None else []
    keys = [k for k in keys if k not in {e.key for e in extras}]  # 另购地下室 …: rows of their own, below
    flat_total = sum((ln.amount for ln in flat_lines), Decimal(0))  # as the engine sums them (result.flat_total)
    rows = []
    for k in keys:
        flat = exchange.flat(k) if exchange is not None else None  # a type, a listed flat or a type on a floor (A90@5)
        rows.append(FlatRow(flat.label if flat else k, flat.area if flat else Decimal("0.00"),
                            "；".join(ln.formula for ln in flat_lines) if len(keys) == 1 else "",
                            -flat_total if len(keys) == 1 else Decimal("0.00")))
    if len(keys) > 1:  # several flats: the total price is shown on the last row
        rows[-1] = dataclasses.replace(rows[-1], price_text="；".join(ln.formula for ln in flat_lines),
                                       amount=-flat_total)
    for extra, line in zip(extras, extra_lines, strict=False):
        rows.append(FlatRow(f"{extra.label}（{extra.key}）", extra.area, line.formula, -line.amount, extra=True))
    return tuple(rows)


def snapshot_of(s: Session, h: Household, calc: Calculation | None) -> dict:
    """The people, certificates, phones and address as the calculation saw them (its document snapshot).

    Calculations stored before the snapshot existed (issue 9) have none: only for them, the household's
    current rows are read instead — what such agreements were always printed from."""
    from survey_app.core.services.calculations import document_snapshot, stored_document_snapshot

    snapshot = stored_document_snapshot(calc.inputs_json) if calc is not None else None
    return snapshot if snapshot is not None else document_snapshot(s, h)


def build_doc(s: Session, h: Household, result: Result, *, number: str, template_version: str,
              qr_payload: str = "", copy_label: str = "", issued_on: dt.date | None = None,
              terms: DocumentTerms | None = None, policy: Policy | None = None,
              calc: Calculation | None = None) -> AgreementDoc:
    """An AgreementDoc for one option of a household (agreement, or calculation sheet without number),
    from the stored calculation ``calc`` (its result, its document snapshot) and the project."""
    terms = terms or DocumentTerms()
    project = s.get(Project, h.project_id)
    snap = snapshot_of(s, h, calc)
    tenures = snap["tenures"]
    parties = parties_from(snap)
    parts, by_legality = _parts(result)
    flats = _flats(result, policy)
    v = result.voucher
    option = result.mode_label + (f"（{result.flat_label}）" if result.flat_label else "")
    facts = document_terms(result, policy)
    return AgreementDoc(
        number=number, template=result.mode, template_version=template_version, project_name=project.name,
        decision_no=project.decision_no, authority=project.authority, implementer=project.implementer,
        valuation_date=project.valuation_date, household_code=h.household_code, address=snap["address"],
        parties=parties,
        certificates=tuple(Certificate(t["certificate_type"], t["certificate_no"], t["owner_name"], Decimal(t["share"]))
                           for t in tenures),
        parts=parts, area_by_legality=by_legality, mode_label=result.mode_label, option_label=option,
        lines=tuple(AmountLine(ln.code, ln.label, ln.formula, ln.amount, ln.section, ln.kind) for ln in result.lines),
        total=result.total, flat_total=result.flat_total, net=result.net, net_label=result.net_label,
        upper=result.upper, flats=flats,
        voucher_bonus_pct=v.bonus_pct if v else None,
        voucher_valid_until=_add_months(issued_on or dt.date.today(), v.valid_months) if v else None,
        policy_version=result.policy_version, policy_hash=result.policy_hash, qr_payload=qr_payload,
        copy_label=copy_label, copies=terms.copies, payment_days=terms.payment_days, moving_days=terms.moving_days,
        terms=facts, transition_months=facts.transition_months,
    )


def parties_from(snap: dict) -> tuple[Party, ...]:
    """被征收人 and 共有人 (the owners on the certificates, else the head) with their phones: a member's
    own number, else (for the first) the household's. ``snap`` is a document snapshot."""
    tenures = snap["tenures"]
    if not tenures:
        return (Party(snap["head_name"], snap["head_id_number"], "被征收人", snap["phone"]),)
    phones = snap["member_phones"]
    return tuple(Party(t["owner_name"], t["owner_id_number"], "被征收人" if i == 0 else "共有人",
                       phones.get(t["owner_id_number"]) or (snap["phone"] if i == 0 else ""))
                 for i, t in enumerate(tenures))


def render_agreement_pdf(db: Database, agreement_id: str | uuid.UUID, out: Path | BinaryIO, *,
                         copy_label: str = "") -> None:
    """Render a stored agreement (its calculation as stored, its signed QR) to a PDF.

    Refuses (ValidationError) an unsigned agreement whose calculation is stale or replaced: what it
    would print no longer matches the survey."""
    from survey_app.core.documents import render_agreement
    from survey_app.core.services.agreements.lifecycle import require_current

    aid = agreement_id if isinstance(agreement_id, uuid.UUID) else uuid.UUID(str(agreement_id))
    with db.read() as s:
        a = s.get(Agreement, aid)
        if a is None:
            raise NotFound("协议不存在")
        h = s.get(Household, a.household_id)
        calc = require_current(s, a)
        result = Result.from_json(calc.result_json)
        doc = build_doc(s, h, result, number=a.number, template_version=a.template_version,
                        qr_payload=a.qr_payload, copy_label=copy_label,
                        issued_on=a.signed_at.date() if a.signed_at else None, terms=_terms(s, calc),
                        policy=_policy(s, calc), calc=calc)
        signatures = _signatures(db, s, a)
    doc = dataclasses.replace(doc, signatures=signatures, content_hash=a.content_hash)
    render_agreement(doc, out)


def _policy(s: Session, calc: Calculation) -> Policy | None:
    from survey_app.core.services.calculations import policy_from_text

    pv = s.get(PolicyVersion, calc.policy_version_id) if calc.policy_version_id else None
    return policy_from_text(pv.content, pv.content_hash) if pv else None


def _terms(s: Session, calc: Calculation) -> DocumentTerms:
    policy = _policy(s, calc)
    return policy.documents if policy else DocumentTerms()


def print_copies(db: Database, agreement_id: str | uuid.UUID) -> int:
    """How many copies the policy says to print on site (本协议一式N份)."""
    aid = agreement_id if isinstance(agreement_id, uuid.UUID) else uuid.UUID(str(agreement_id))
    with db.read() as s:
        a = s.get(Agreement, aid)
        if a is None:
            raise NotFound("协议不存在")
        return _terms(s, s.get(Calculation, a.calculation_id)).copies


def _signatures(db: Database, s: Session, a: Agreement) -> tuple[Signature, ...]:
    """The signature images captured when the agreement was signed (none for wet ink)."""
    from survey_app.core.services.attachments import media_path, read_media

    out = []
    rows = s.scalars(select(Attachment).where(Attachment.household_id == a.household_id,
                                              Attachment.kind == "signature", Attachment.deleted_at.is_(None))
                     .order_by(Attachment.id)).all()
    for att in rows:
        meta = json.loads(att.caption or "{}")
        path = media_path(db, att.sha256, ".png")
        if meta.get("agreement") == a.number and path.exists():
            out.append(Signature(meta.get("role", ""), meta.get("name", ""), read_media(db, att.sha256, ".png"),
                                 att.captured_at))
    return tuple(out)


def render_calculation_sheet_pdf(db: Database, household_id: str | uuid.UUID, out: Path | BinaryIO) -> int:
    """The household's 补偿测算单: every current option, built from the stored calculations. Returns the
    number of options; refuses (ValidationError) when there is none or the calculation is stale."""
    from survey_app.core.documents import render_calculation_sheets
    from survey_app.core.domain.china_time import CHINA
    from survey_app.core.domain.errors import ValidationError

    hid = household_id if isinstance(household_id, uuid.UUID) else uuid.UUID(str(household_id))
    with db.read() as s:
        h = s.get(Household, hid)
        if h is None or h.deleted_at is not None:
            raise NotFound("该住户不存在或已删除")
        calcs = s.scalars(select(Calculation).where(
            Calculation.household_id == hid, Calculation.status.in_(("current", "stale")),
            Calculation.deleted_at.is_(None)).order_by(Calculation.id)).all()
        if not calcs:
            raise ValidationError("该户还没有测算结果，请先测算")
        if any(c.status != "current" for c in calcs):
            raise ValidationError("调查数据在测算之后有改动，测算已过期：请重新测算后再打印测算单")
        docs = []
        # 测算日期 is the day the options were computed (China's), not the day the sheet is printed:
        # a reprint next week must not pretend the figures are new.
        computed = calcs[0].computed_at
        if computed.tzinfo is None:
            computed = computed.replace(tzinfo=dt.UTC)
        ordered = in_order([(calc, Result.from_json(calc.result_json)) for calc in calcs], lambda cr: cr[1])
        for calc, result in ordered:  # the one order of options (compensation/options.py)
            doc = build_doc(s, h, result, number=h.household_code, template_version="", terms=_terms(s, calc),
                            policy=_policy(s, calc), calc=calc)
            docs.append(dataclasses.replace(doc, printed_at=computed))
        number = f"{h.household_code}-{computed.astimezone(CHINA):%Y%m%d}"
    render_calculation_sheets(docs, out, number=number)
    return len(docs)
