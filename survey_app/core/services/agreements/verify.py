"""Verifying a printed agreement offline: from its QR (in a PDF, a photo or scan, or the text).

Valid means: our format, signed by a device of the project (public keys from the database or a
key file), signature correct, and — if HQ revoked that device — issued before the revocation (by the
record's date; then valid but flagged). With a database, the record is compared too: a voided agreement,
an unknown number, or a record whose content no longer hashes to what was printed is called out.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from sqlalchemy import select

from survey_app.core.compensation.calculation import Calculation as Result
from survey_app.core.domain.errors import ValidationError
from survey_app.core.domain.money import from_fen
from survey_app.core.services.agreements import payload as qr
from survey_app.core.services.agreements.content import canonical_content, content_hash
from survey_app.core.services.agreements.lifecycle import parties_of
from survey_app.core.services.devices import china_day
from survey_app.core.storage.database import Database
from survey_app.core.storage.models import Agreement, Calculation, Household, Project

IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".bmp", ".tif", ".tiff", ".webp"}


@dataclass
class Verdict:
    valid: bool
    message: str  # Chinese, one line
    payload: qr.Payload | None = None
    record: str = "not_checked"  # matches | unknown | void | tampered | not_checked
    record_message: str = ""
    details: dict = field(default_factory=dict)
    revoked_at: dt.datetime | None = None  # the signing device was revoked then (HQ's devices list)
    flag: str = ""  # valid, but someone should look (signed by a device revoked later)

    @property
    def ok(self) -> bool:
        return self.valid and self.record in ("matches", "not_checked")

    def to_dict(self) -> dict:
        p = self.payload
        return {
            "valid": self.valid, "ok": self.ok, "message": self.message, "record": self.record,
            "record_message": self.record_message,
            "number": p.number if p else None, "household": p.household_code if p else None,
            "mode": p.mode if p else None, "net": f"{from_fen(p.net_fen):.2f}" if p else None,
            "device": p.device if p else None, "flag": self.flag,
            "revoked_at": self.revoked_at.isoformat() if self.revoked_at else None, **self.details,
        }


def render_pdf_page(path: Path, index: int, *, dpi: int = 150):  # noqa: ANN201 - a PIL image
    """One page of a PDF as an image, with PDFium (pypdfium2: small, and works on Windows too)."""
    import pypdfium2

    try:
        pdf = pypdfium2.PdfDocument(str(path))
    except pypdfium2.PdfiumError:
        raise ValidationError("无法读取该 PDF（文件损坏或不是 PDF）") from None
    try:
        if index >= len(pdf):
            raise ValidationError("PDF 中没有这一页")
        return pdf[index].render(scale=dpi / 72).to_pil()
    finally:
        pdf.close()


def read_qr(path: Path) -> str:
    """The text of the first QR code in a PDF (first page, 150 dpi) or an image file."""
    import zxingcpp
    from PIL import Image

    path = Path(path)
    if not path.is_file():
        raise ValidationError(f"找不到文件：{path}")
    if path.suffix.lower() == ".pdf":
        found = zxingcpp.read_barcodes(render_pdf_page(path, 0, dpi=150))
    elif path.suffix.lower() in IMAGE_SUFFIXES:
        with Image.open(path) as img:
            found = zxingcpp.read_barcodes(img)
    else:
        raise ValidationError("只能核验 PDF 或图片（PNG/JPG）文件，或直接输入二维码内容")
    codes = [r.text for r in found if r.format == zxingcpp.BarcodeFormat.QRCode]
    if not codes:
        raise ValidationError("文件中没有找到可识别的二维码（请提高扫描清晰度）")
    return codes[0]


def verify_text(text: str, keys: dict[str, Ed25519PublicKey],
                revoked: dict[str, dt.datetime] | None = None) -> Verdict:
    """Check format and signature of a payload against the project's device keys.

    ``revoked`` (device → when HQ revoked it): a payload signed by a revoked device is invalid unless the
    record shows it was issued before the revocation (``check_record``): the payload carries no date,
    and whoever holds a revoked device's key can sign any payload after it."""
    try:
        p = qr.parse(text)
    except ValidationError as e:
        return Verdict(False, str(e))
    key = keys.get(p.device)
    if key is None:
        return Verdict(False, f"签名设备 {p.device} 不是本项目已登记的设备，无法确认真伪", p)
    if not qr.check_signature(p, key):
        return Verdict(False, "签名无效：二维码内容被改动，或不是该设备签发", p)
    when = (revoked or {}).get(p.device)
    if when is not None:
        return Verdict(False, f"签发设备 {p.device} 已于 {china_day(when)} 吊销，无法确认该协议签发于吊销之前，按无效处理",
                       p, revoked_at=when)
    return Verdict(True, f"签名有效：由设备 {p.device} 签发", p)


def verify_in(db: Database, text: str) -> Verdict:
    """The whole check with this database: its device keys and revocations, then the record; the
    signer's key fingerprint (as enrolment showed it) in ``details["fingerprint"]``."""
    from survey_app.core.security.keys import project_public_keys
    from survey_app.core.services.devices import list_devices, revocations

    verdict = check_record(db, verify_text(text, project_public_keys(db), revocations(db)))
    if verdict.payload is not None:
        found = [d.fingerprint for d in list_devices(db) if d.code == verdict.payload.device]
        if found and found[0]:
            verdict.details["fingerprint"] = found[0]
    return verdict


def _issued_at(a: Agreement) -> dt.datetime:
    return a.printed_at or a.created_at


def _judge_revoked(verdict: Verdict, a: Agreement | None) -> bool:
    """A revoked signer: valid (flagged) only if the record was issued before the revocation. True: go on."""
    day = china_day(verdict.revoked_at)
    if a is None:
        verdict.record, verdict.record_message = "unknown", "本数据库中没有该编号的协议，无法确认签发日期"
        return False
    issued = _issued_at(a)
    if issued is None or _utc(issued) > _utc(verdict.revoked_at):
        verdict.valid = False
        verdict.message = f"签发设备 {verdict.payload.device} 已于 {day} 吊销：该协议签发于 {china_day(issued)}，在吊销之后，无效"
        return False
    verdict.valid = True
    verdict.message = f"签名有效：由设备 {verdict.payload.device} 于 {china_day(issued)} 签发"
    verdict.flag = f"签发设备已于 {day} 吊销；该协议签发于吊销之前，仍然有效，请留意核对"
    return True


def _utc(when: dt.datetime) -> dt.datetime:
    return when.replace(tzinfo=dt.UTC) if when.tzinfo is None else when


def check_record(db: Database, verdict: Verdict) -> Verdict:
    """Compare a validly signed payload with the agreement record in ``db``."""
    p = verdict.payload
    if p is None or not (verdict.valid or verdict.revoked_at is not None):
        return verdict
    with db.read() as s:
        a = s.scalar(select(Agreement).where(Agreement.number == p.number))
        if verdict.revoked_at is not None and not _judge_revoked(verdict, a):
            return verdict
        if a is None:
            verdict.record, verdict.record_message = "unknown", "本数据库中没有该编号的协议（可能尚未同步）"
            return verdict
        verdict.details["status"] = a.status
        if a.status == "void":
            verdict.record = "void"
            verdict.record_message = f"该协议已作废（{a.void_reason}），不能作为有效协议使用"
            return verdict
        h = s.get(Household, a.household_id)
        calc = s.get(Calculation, a.calculation_id)
        project = s.get(Project, h.project_id)
        result = Result.from_json(calc.result_json)
        content = canonical_content(number=a.number, project_code=project.code, household_code=h.household_code,
                                    parties=parties_of(s, h, calc), result=result, template=a.mode,
                                    template_version=a.template_version)
        digest = content_hash(content)
        problems = []
        if a.qr_payload != p.text:
            problems.append("二维码与记录中的不一致")
        if qr.Payload.hash_prefix(digest) != p.content_hash_prefix or a.content_hash != digest:
            problems.append("协议内容与签发时不一致")
        if a.net != from_fen(p.net_fen) or result.net != a.net:
            problems.append(f"金额不一致（二维码 {from_fen(p.net_fen):.2f}，记录 {a.net:.2f}）")
        if problems:
            verdict.record, verdict.record_message = "tampered", "；".join(problems)
        else:
            verdict.record = "matches"
            verdict.record_message = f"与记录一致（状态：{ {'draft': '草稿', 'printed': '已打印', 'signed': '已签订'}[a.status] }）"
    return verdict
