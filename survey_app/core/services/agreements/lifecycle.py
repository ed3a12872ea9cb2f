"""An agreement's life: draft → printed → signed (survey and calculation frozen) → void → reissue.

Every step is a service call that checks the actor's role and the agreement's state, and is
audited (printing too, as an explicit "print" event). A signed agreement is never edited — the
unit of work refuses it — only voided (supervisor, with a reason) and issued again under a new
number.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from survey_app.core.compensation.calculation import Calculation as Result
from survey_app.core.domain import china_time, transitions
from survey_app.core.domain.errors import NotFound, ValidationError
from survey_app.core.domain.money import to_fen
from survey_app.core.domain.roles import Permission
from survey_app.core.domain.transitions import Move
from survey_app.core.domain.written import Written, done
from survey_app.core.services.agreements import payload as qr
from survey_app.core.services.agreements.content import canonical_content, content_hash
from survey_app.core.services.agreements.numbers import next_number
from survey_app.core.services.household_access import require_own
from survey_app.core.storage.database import Database
from survey_app.core.storage.models import Agreement, Attachment, Calculation, Household, Project
from survey_app.core.storage.types import utcnow
from survey_app.core.storage.uow import Actor
from survey_app.core.sync.signing_key import device_signing_key


@dataclass(frozen=True)
class AgreementInfo(Written):
    id: str
    number: str
    status: str
    mode: str
    option_key: str
    total: Decimal
    net: Decimal
    print_count: int
    household_id: str
    qr_payload: str
    content_hash: str
    void_reason: str = ""
    saved_count: int = 0  # 另存为 PDF (print_count counts paper copies)

    @property
    def issued(self) -> bool:
        """Printed on paper or saved as a PDF: either puts the agreement in the household's hands."""
        return self.print_count > 0 or self.saved_count > 0


@dataclass(frozen=True)
class SignatureInput:
    role: str  # 被征收人 / 共有人 / 调查员 …
    name: str
    png: bytes


def _info(a: Agreement, option_key: str = "") -> AgreementInfo:
    return AgreementInfo(a.id.hex, a.number, a.status, a.mode, option_key, a.total, a.net, a.print_count,
                         a.household_id.hex, a.qr_payload, a.content_hash, a.void_reason, a.saved_count or 0)


def _uuid(value: str | uuid.UUID) -> uuid.UUID:
    return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))


def parties_of(session: Session, h: Household, calc: Calculation | None = None) -> list[tuple[str, str]]:
    """(name, ID number) of the owners on the certificates, or the head when none are recorded, as the
    calculation ``calc`` saw them (its document snapshot; current rows only for older calculations)."""
    from survey_app.core.services.agreements.documents import parties_from, snapshot_of

    return [(p.name, p.id_number) for p in parties_from(snapshot_of(session, h, calc))]


def template_version(template: str) -> str:
    from survey_app.core.documents import TEMPLATE_VERSIONS  # reportlab stays unimported until needed

    return TEMPLATE_VERSIONS[template]


def prepare(db: Database, actor: Actor, household_id: str | uuid.UUID) -> AgreementInfo:
    """The agreement to print for the household's chosen option: the existing unsigned one for the
    same calculation (nothing written: ``.changes`` None), or a new draft with a fresh number and a signed
    QR payload (``.changes`` the commit's, as for every write here)."""
    actor.require(Permission.PRINT_AGREEMENT)
    key = device_signing_key(db, actor.device)
    with db.uow(actor) as uow:
        s = uow.session
        h = s.get(Household, _uuid(household_id))
        if h is None or h.deleted_at is not None:
            raise NotFound("该住户不存在或已删除")
        require_own(s, actor, h)
        transitions.require(Move.ISSUE, h.status, h.household_code, "只有“已测算”的住户才能出具协议（当前：{status}）")
        if not h.chosen_option:
            raise ValidationError("请先在测算页选择安置方式")
        calc = s.scalars(select(Calculation).where(
            Calculation.household_id == h.id, Calculation.option_key == h.chosen_option,
            Calculation.deleted_at.is_(None)).order_by(Calculation.id.desc()).limit(1)).first()
        if calc is None or calc.status != "current":
            raise ValidationError("所选方案的测算已过期或不存在，请重新测算并选择")
        for old in s.scalars(select(Agreement).where(Agreement.household_id == h.id,
                                                     Agreement.status.in_(("draft", "printed")))):
            if old.calculation_id == calc.id:
                return _info(old, calc.option_key)
            if old.status == "printed":
                raise ValidationError(f"已打印的协议 {old.number} 尚未签订，须由复核员作废后才能重新出具")
            old.status, old.void_reason = "void", "未打印的草稿，已由新测算替代"
            old.voided_at, old.voided_by = utcnow(), actor.username
        project = s.get(Project, h.project_id)
        result = Result.from_json(calc.result_json)
        template = result.mode
        number = next_number(s, project.code, actor.device)
        content = canonical_content(number=number, project_code=project.code, household_code=h.household_code,
                                    parties=parties_of(s, h, calc), result=result, template=template,
                                    template_version=template_version(template))
        digest = content_hash(content)
        signed = qr.sign(qr.Payload(number, h.household_code, result.mode, to_fen(result.net),
                                    qr.Payload.hash_prefix(digest), actor.device), key)
        a = Agreement(household_id=h.id, calculation_id=calc.id, number=number, mode=result.mode,
                      template_version=content["template_version"], total=result.total, net=result.net,
                      content_hash=digest, qr_payload=signed.text, status="draft")
        s.add(a)
        changes = uow.commit()
        return done(_info(a, calc.option_key), changes)


def _agreement(s: Session, agreement_id: str | uuid.UUID, actor: Actor | None = None) -> Agreement:
    """The live agreement; with ``actor``, refused unless the actor may act on its household."""
    a = s.get(Agreement, _uuid(agreement_id))
    if a is None or a.deleted_at is not None:
        raise NotFound("协议不存在")
    if actor is not None:
        require_own(s, actor, s.get(Household, a.household_id))
    return a


STALE = ("调查数据在测算之后有改动，协议 {number} 依据的测算已过期，不能打印或签订。"
         "请重新测算并选择方案，再重新出具协议")


def require_current(s: Session, a: Agreement) -> Calculation:
    """The agreement's calculation, refusing (ValidationError) an unsigned agreement whose calculation is
    no longer current: the survey changed after it (stale) or a recalculation replaced it."""
    calc = s.get(Calculation, a.calculation_id)
    if a.status in ("draft", "printed") and (calc is None or calc.status != "current"):
        raise ValidationError(STALE.format(number=a.number))
    return calc


def record_print(db: Database, actor: Actor, agreement_id: str | uuid.UUID, copies: int) -> AgreementInfo:
    """Count a print (the first makes a draft 'printed'; later ones are 副本). Audited as "print"."""
    return _record_output(db, actor, agreement_id, copies, saved=False)


def record_save(db: Database, actor: Actor, agreement_id: str | uuid.UUID) -> AgreementInfo:
    """Count a 另存为 PDF: like a print it issues the agreement (a draft becomes 'printed', signing is
    unlocked, later outputs are 副本), but it is counted apart. Audited as "save_pdf"."""
    return _record_output(db, actor, agreement_id, 1, saved=True)


def _record_output(db: Database, actor: Actor, agreement_id: str | uuid.UUID, copies: int, *,
                   saved: bool) -> AgreementInfo:
    actor.require(Permission.PRINT_AGREEMENT)
    if copies < 1:
        raise ValidationError("打印份数至少为1")
    with db.uow(actor) as uow:
        a = _agreement(uow.session, agreement_id, actor)
        if a.status == "void":
            raise ValidationError(f"协议 {a.number} 已作废，不能打印或保存")
        require_current(uow.session, a)
        reprint = (a.print_count or 0) + (a.saved_count or 0) > 0
        if saved:
            a.saved_count = (a.saved_count or 0) + 1
        else:
            a.print_count += copies
        a.printed_at = utcnow()
        if a.status == "draft":
            a.status = "printed"
        uow.record("save_pdf" if saved else "print", "agreements", a.id.hex,
                   {"number": a.number, "copies": copies, "reprint": reprint})
        changes = uow.commit()
        return done(_info(a), changes)


def project_today() -> dt.date:
    """Today in the project's time zone (Asia/Shanghai), whatever the laptop's clock zone."""
    return china_time.today()


def sign(db: Database, actor: Actor, agreement_id: str | uuid.UUID,
         signatures: list[SignatureInput] | None = None, *, on: dt.date | None = None) -> AgreementInfo:
    """Mark a printed agreement signed (``signatures`` captured on screen, or None for wet ink).
    The household becomes 已签约 and its survey and calculation are frozen.

    Refused: a signature without real ink, a stale calculation, and a signing date (``on``, default
    today in the project's zone) in another signing-reward tier than the calculation assumed."""
    actor.require(Permission.PRINT_AGREEMENT)
    from survey_app.core.services.agreements.documents import _policy
    from survey_app.core.services.agreements.ink import ink_problem
    from survey_app.core.services.agreements.terms import check_signing_date
    from survey_app.core.services.attachments import store_bytes

    for sig in signatures or []:
        problem = ink_problem(sig.png)
        if problem:
            raise ValidationError(f"{sig.role} {sig.name} 的{problem}，请重新签名")
    day = on or project_today()
    with db.read() as s:
        a = _agreement(s, agreement_id, actor)
        calc = require_current(s, a)
        if a.status == "printed":
            check_signing_date(Result.from_json(calc.result_json), _policy(s, calc), day)
    stored = [(sig, store_bytes(db, sig.png, ".png")) for sig in signatures or []]
    with db.uow(actor) as uow:
        s = uow.session
        a = _agreement(s, agreement_id, actor)
        if a.status != "printed":
            raise ValidationError("协议须先打印或另存为 PDF，当场签字后再确认签订" if a.status == "draft"
                                  else f"协议 {a.number} 的状态不能签订")
        require_current(s, a)
        now = utcnow()
        a.status, a.signed_at = "signed", now
        h = s.get(Household, a.household_id)
        h.status = transitions.require(Move.SIGN, h.status, h.household_code,
                                       "户 {code} 当前状态为“{status}”，只有“已测算”的住户才能签约")
        for sig, (digest, size) in stored:
            s.add(Attachment(household_id=h.id, sha256=digest, kind="signature", media_type="image/png",
                             size_bytes=size, original_name=f"{a.number}-{sig.role}.png", captured_at=now,
                             caption=json.dumps({"agreement": a.number, "role": sig.role, "name": sig.name},
                                                ensure_ascii=False)))
        changes = uow.commit()
        return done(_info(a), changes)


def void(db: Database, actor: Actor, agreement_id: str | uuid.UUID, reason: str) -> AgreementInfo:
    """Void an agreement (supervisor or HQ, with a reason). A signed household goes back to 已测算."""
    actor.require(Permission.VOID_AGREEMENT)
    if not reason.strip():
        raise ValidationError("作废协议须填写原因")
    with db.uow(actor) as uow:
        s = uow.session
        a = _agreement(s, agreement_id)
        if a.status == "void":
            raise ValidationError(f"协议 {a.number} 已经作废")
        was_signed = a.status == "signed"
        a.status, a.void_reason, a.voided_at, a.voided_by = "void", reason.strip(), utcnow(), actor.username
        if was_signed:
            h = s.get(Household, a.household_id)
            if transitions.allows(Move.VOID_SIGNED, h.status):  # a handed-over house stays handed over
                h.status = transitions.after(Move.VOID_SIGNED, h.status)
        changes = uow.commit()
        return done(_info(a), changes)


def agreements_of(db: Database, household_id: str | uuid.UUID) -> list[AgreementInfo]:
    """All of a household's agreements, oldest first (voided ones included: they are history)."""
    with db.read() as s:
        rows = s.scalars(select(Agreement).where(Agreement.household_id == _uuid(household_id))
                         .order_by(Agreement.id)).all()
        return [_info(a) for a in rows]
