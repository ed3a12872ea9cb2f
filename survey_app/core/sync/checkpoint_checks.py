"""What ``audit verify`` checks against the signed checkpoints (survey_app/core/sync/checkpoints.py).

* On a laptop: its own chain still passes through every checkpoint HQ acknowledged in a receipt
  (same hash at that seq; both signatures good). A history rewritten before the last receipt — even
  with every hash recomputed — is reported, naming the first checkpoint that no longer matches.
  The sync marks in local settings are not behind what those receipts confirmed (a deleted or
  rolled-back mark would make the laptop reuse a bundle number or resend acknowledged events).
* At HQ: each device's stored events (``remote_audit_events``) still form its chain and pass through
  every checkpoint the device signed; none is missing below the last one acknowledged. An HQ insider
  who edits a device's events, even recomputing its chain, cannot forge the device's signature.
* ``check_against`` (HQ, ``audit verify --against FILE``): HQ's own chain still passes through the HQ
  checkpoints a laptop holds (``export_held``: the laptop's list, written to a file).
"""

from __future__ import annotations

import base64
import json

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from sqlalchemy import select
from sqlalchemy.engine import Connection

from survey_app.core.domain.errors import ValidationError
from survey_app.core.storage import audit_chain
from survey_app.core.storage.audit_chain import Problem
from survey_app.core.storage.database import Database
from survey_app.core.storage.device_code import local_device_code
from survey_app.core.storage.models import AuditCheckpoint, AuditEvent, Device, ImportedBundle, RemoteAuditEvent
from survey_app.core.sync import checkpoints, identity
from survey_app.core.sync.peers import HQ_CODE

LIST_FORMAT = "survey_app.audit_checkpoints"
BAD_LIST = "检查点文件格式不对（应为设备导出的审计检查点列表）"


def _held(conn: Connection) -> list[tuple[str, int, dict | None]]:
    """(source, source_seq, document or None if unreadable) of every stored checkpoint."""
    t = AuditCheckpoint.__table__
    out = []
    for source, source_seq, document in conn.execute(select(t.c.source, t.c.source_seq, t.c.document)
                                                     .order_by(t.c.seq, t.c.id)):
        try:
            out.append((source, source_seq, checkpoints.parse(document)))
        except ValidationError:
            out.append((source, source_seq, None))
    return out


def _own_public(db: Database) -> Ed25519PublicKey | None:
    """This device's signing key (the vault-sealed identity, or the legacy/demo sealed pair), or None."""
    try:
        public = identity.own_public(db)
    except ValidationError:  # a damaged identity setting: every checkpoint we signed reads as unverifiable
        return None
    return public.signing_key if public is not None else None


def check_database(db: Database, conn: Connection) -> list[Problem]:
    """Every check that applies to this database (a laptop's, HQ's, or one that never synced)."""
    held = _held(conn)
    problems = [Problem(None, f"审计检查点记录（来自第 {n} 号{_SOURCE[s]}）已损坏") for s, n, d in held if d is None]
    held = [(s, n, d) for s, n, d in held if d is not None]
    here = local_device_code(db)
    own = [(n, d) for s, n, d in held if s == "receipt" and d["device"] == here]
    if own:
        problems += _check_own(db, conn, own)
    if any(s == "bundle" for s, _, _ in held) or _has_remote_events(conn):
        problems += _check_remote(conn, [(n, d) for s, n, d in held if s == "bundle"])
    hq = [(s, n, d) for s, n, d in held if s in ("receipt", "assignment") and d["device"] != here]
    if hq:
        problems += _check_hq_signatures(db, hq)
    return problems


_SOURCE = {"bundle": "同步包", "receipt": "回执", "assignment": "任务包"}


def _check_own(db: Database, conn: Connection, own: list[tuple[int, dict]]) -> list[Problem]:
    from survey_app.core.sync.export import ACKED_EVENT, SEQ

    problems = []
    mine, hq_key = _own_public(db), _pinned_hq(db)
    ae = AuditEvent.__table__
    for bundle_seq, doc in own:  # oldest point first: the first one named is where the rewrite starts
        signed = mine is not None and checkpoints.signature_ok(doc, mine) and (
            hq_key is None or checkpoints.countersignature_ok(doc, hq_key))
        if not signed:
            problems.append(Problem(doc["seq"], f"审计检查点 #{doc['seq']}（第 {bundle_seq} 号同步包的回执）签名无效："
                                                "检查点记录被改动或伪造"))
            continue
        have = conn.execute(select(ae.c.hash).where(ae.c.seq == doc["seq"])).scalar() if doc["seq"] else \
            audit_chain.GENESIS
        if have != doc["hash"]:
            problems.append(Problem(doc["seq"], f"本机审计链与指挥部回执确认的检查点 #{doc['seq']}（第 {bundle_seq} 号"
                                                "同步包的回执）不符：该点及之前的历史在确认后被改写"))
    last_acked = max(d["seq"] for _, d in own)
    if int(db.setting(ACKED_EVENT, "0") or 0) < last_acked:
        problems.append(Problem(None, f"本机设置 {ACKED_EVENT} 缺失或被回退（回执已确认至审计事件 #{last_acked}）"))
    last_bundle = max(n for n, _ in own)
    if int(db.setting(SEQ, "0") or 0) < last_bundle:
        problems.append(Problem(None, f"本机设置 {SEQ} 缺失或被回退（指挥部已收到第 {last_bundle} 号同步包）"))
    return problems


def _pinned_hq(db: Database) -> Ed25519PublicKey | None:
    try:
        return identity.hq_public(db).signing_key
    except (ValidationError, ValueError, KeyError):
        return None


def _check_hq_signatures(db: Database, hq: list[tuple[str, int, dict]]) -> list[Problem]:
    """HQ's checkpoints held here must be signed by the HQ this laptop is pinned to (else: planted)."""
    key, code = _pinned_hq(db), db.setting(HQ_CODE)
    return [Problem(None, f"指挥部审计检查点 #{d['seq']}（第 {n} 号{_SOURCE[s]}）签名无效：检查点记录被改动或伪造")
            for s, n, d in hq if key is None or d["device"] != code or not checkpoints.signature_ok(d, key)]


def _has_remote_events(conn: Connection) -> bool:
    return conn.execute(select(RemoteAuditEvent.__table__.c.seq).limit(1)).first() is not None


def _check_remote(conn: Connection, held: list[tuple[int, dict]]) -> list[Problem]:
    """HQ: re-walk each device's stored chain; it must pass through every checkpoint the device signed."""
    t, dev, ib = RemoteAuditEvent.__table__, Device.__table__, ImportedBundle.__table__
    signing = {c: k for c, k in conn.execute(select(dev.c.code, dev.c.sync_signing_key))}
    reach: dict[str, int] = {}
    for device, summary in conn.execute(select(ib.c.device, ib.c.summary).where(ib.c.kind == "field")):
        try:
            reach[device] = max(reach.get(device, 0), int(json.loads(summary).get("events_to") or 0))
        except (ValueError, TypeError, AttributeError):
            continue  # the row itself is covered by HQ's chain (a changed summary is reported there)
    problems: list[Problem] = []
    devices = sorted({d for (d,) in conn.execute(select(t.c.device).distinct())} | {d["device"] for _, d in held})
    for device in devices:
        at: dict[int, str] = {}
        prev, expected = None, None
        for e in conn.execute(select(t).where(t.c.device == device).order_by(t.c.seq)):
            if expected is None:
                prev = audit_chain.GENESIS if e.seq == 1 else None  # an older HQ may hold a partial chain
            elif e.seq != expected:
                problems.append(Problem(None, f"指挥部保存的设备 {device} 审计事件 #{expected} 至 #{e.seq - 1} 缺失（被删除）"))
                prev = None
            if e.event_device is None:  # stored before revision 0006: its hash can't be recomputed
                prev = None
            h = audit_chain.event_hash(prev, e.seq, _at(e.at), e.user, e.event_device, e.action, e.entity,
                                       e.entity_id, e.changes, e.row_hash) if prev is not None else e.hash
            if h != e.hash:
                problems.append(Problem(None, f"指挥部保存的设备 {device} 审计事件 #{e.seq} 被改动（哈希不符）"))
            at[e.seq], prev, expected = e.hash, e.hash, e.seq + 1
        top = (expected or 1) - 1
        if reach.get(device, 0) > top:
            problems.append(Problem(None, f"指挥部保存的设备 {device} 审计事件 #{top + 1} 至 #{reach[device]} 缺失（被删除）"))
        key = _ed25519(signing.get(device))
        for bundle_seq, doc in held:
            if doc["device"] != device:
                continue
            if key is None or not checkpoints.signature_ok(doc, key):
                problems.append(Problem(None, f"设备 {device} 的审计检查点 #{doc['seq']}（第 {bundle_seq} 号同步包）"
                                              "签名无效：检查点记录被改动或伪造"))
            elif at.get(doc["seq"], audit_chain.GENESIS if doc["seq"] == 0 else None) != doc["hash"]:
                problems.append(Problem(None, f"指挥部保存的设备 {device} 审计记录与该设备签名的检查点 #{doc['seq']}"
                                              f"（第 {bundle_seq} 号同步包）不符：指挥部这边的记录被改动"))
    return problems


def _at(value) -> str:  # noqa: ANN001
    """A remote event's time as its hash covers it (stored verbatim as the device sent it)."""
    from survey_app.core.storage import rowcodec

    return value if isinstance(value, str) else rowcodec.encode_utc(value)


def _ed25519(text: str | None) -> Ed25519PublicKey | None:
    try:
        return Ed25519PublicKey.from_public_bytes(base64.b64decode(text)) if text else None
    except ValueError:
        return None


def export_held(db: Database) -> bytes:
    """A laptop's HQ checkpoints (from receipts and assignment bundles), for ``audit verify --against``."""
    with db.engine.connect() as conn:
        held = _held(conn)
    here = local_device_code(db)
    docs = [d for s, _, d in held if d is not None and s in ("receipt", "assignment") and d["device"] != here]
    return json.dumps({"format": LIST_FORMAT, "version": 1, "device": here, "checkpoints": docs},
                      ensure_ascii=False, indent=1).encode("utf-8")


def check_against(db: Database, data: bytes) -> tuple[int, list[Problem]]:
    """HQ: (how many of our checkpoints the file holds, what no longer matches our own chain)."""
    try:
        listing = json.loads(data.decode("utf-8"))
        ok = isinstance(listing, dict) and listing.get("format") == LIST_FORMAT and isinstance(
            listing.get("checkpoints"), list)
    except (UnicodeDecodeError, ValueError):
        ok = False
    if not ok:
        raise ValidationError(BAD_LIST)
    docs = [checkpoints.parse(d) for d in listing["checkpoints"]]
    here, mine = local_device_code(db), _own_public(db)
    if mine is None:
        raise ValidationError("本机没有同步密钥，无法核对指挥部签发的检查点")
    problems, ours = [], 0
    ae = AuditEvent.__table__
    with db.engine.connect() as conn:
        for doc in sorted(docs, key=lambda d: d["seq"]):
            if doc["device"] != here or not checkpoints.signature_ok(doc, mine):
                problems.append(Problem(None, f"检查点 #{doc['seq']} 不是本指挥部签发的（签名不符），已忽略"))
                continue
            ours += 1
            have = conn.execute(select(ae.c.hash).where(ae.c.seq == doc["seq"])).scalar() if doc["seq"] else \
                audit_chain.GENESIS
            if have != doc["hash"]:
                problems.append(Problem(doc["seq"], f"指挥部审计链与设备保存的检查点 #{doc['seq']}（签发于 {doc['at']}）"
                                                    "不符：该点及之前的历史在签发后被改写"))
    return ours, problems
