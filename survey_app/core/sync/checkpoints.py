"""Signed checkpoints of audit chains: what makes a rewritten history show (issue 10 item 2).

The chain itself is plain sha256 (survey_app/core/storage/audit_chain.py): whoever can write the
file can recompute it. A **checkpoint** pins a chain at one point and is signed by the owner's
Ed25519 sync key, which is sealed under the sync password:

    {"device": "D01", "seq": 1234, "hash": "<sha256 of event #1234>", "at": "2026-12-08T02:00:00Z",
     "sig": base64(Ed25519(key, "survey_app audit checkpoint v1\\0" ‖ canonical JSON of the four fields))}

* A field bundle carries the device's checkpoint of its own chain head (entry ``checkpoint.json``).
  HQ checks the signature and that the events it holds for the device, with the bundle's, end
  exactly there — a laptop that rewrote history HQ already holds is refused.
* HQ's receipt echoes that checkpoint countersigned by HQ (``hq_sig`` over the device's signed
  document, context "survey_app audit countersignature v1\\0"), plus HQ's own chain head signed by HQ;
  assignment bundles carry HQ's head too. The laptop keeps all of them (``audit_checkpoints``):
  ``audit verify`` on the laptop checks its chain still passes through every acknowledged checkpoint;
  HQ's ``audit verify --against FILE`` checks HQ's chain against the HQ checkpoints a laptop holds.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
import re
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from sqlalchemy import select
from sqlalchemy.engine import Connection

from survey_app.core.domain.errors import ValidationError
from survey_app.core.storage import audit_chain
from survey_app.core.storage.audit_writer import chain_head
from survey_app.core.storage.models import AuditCheckpoint
from survey_app.core.storage.types import utcnow
from survey_app.core.sync import keys

ENTRY = "checkpoint.json"  # in a field bundle: the device's head; in an assignment bundle: HQ's head
CONTEXT = b"survey_app audit checkpoint v1\x00"
COUNTER_CONTEXT = b"survey_app audit countersignature v1\x00"
FIELDS = ("at", "device", "hash", "seq")
MAX_SEQ = 2**53
BAD = "审计检查点格式错误（文件被改动或由不兼容的程序生成）"
_HEX64 = re.compile(r"[0-9a-f]{64}")


def _canonical(obj: Any) -> bytes:
    return json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def dumps(doc: dict) -> bytes:
    """A checkpoint document as stored and sent: canonical JSON."""
    return _canonical(doc)


def sign(pair: keys.KeyPair, device: str, seq: int, hash_: str, at: dt.datetime | None = None) -> dict:
    """``device``'s chain at (seq, hash), signed with ``pair`` (the chain owner's sync key)."""
    when = (at or utcnow()).astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    body = {"at": when, "device": device, "hash": hash_, "seq": int(seq)}
    return {**body, "sig": base64.b64encode(pair.signing.sign(CONTEXT + _canonical(body))).decode()}


def of_head(conn: Connection, pair: keys.KeyPair, device: str) -> dict:
    """A signed checkpoint of this database's own chain head."""
    seq, hash_ = chain_head(conn)
    return sign(pair, device, seq, hash_)


def _verify(key: Ed25519PublicKey, sig: str, message: bytes) -> bool:
    try:
        key.verify(base64.b64decode(sig, validate=True), message)
    except (InvalidSignature, binascii.Error, ValueError, TypeError):
        return False
    return True


def signature_ok(doc: dict, key: Ed25519PublicKey) -> bool:
    """Signed by the chain owner's key over exactly these four fields."""
    return _verify(key, doc.get("sig", ""), CONTEXT + _canonical({k: doc[k] for k in FIELDS}))


def countersign(doc: dict, pair: keys.KeyPair) -> dict:
    """HQ's signature over a device's signed checkpoint: "HQ holds this device's chain up to here"."""
    signed = {k: doc[k] for k in (*FIELDS, "sig")}
    return {**signed, "hq_sig": base64.b64encode(pair.signing.sign(COUNTER_CONTEXT + _canonical(signed))).decode()}


def countersignature_ok(doc: dict, key: Ed25519PublicKey) -> bool:
    return _verify(key, doc.get("hq_sig", ""), COUNTER_CONTEXT + _canonical({k: doc[k] for k in (*FIELDS, "sig")}))


def parse(data: bytes | str | dict) -> dict:
    """A checkpoint from a file or a bundle, its fields checked (bounded, typed) before any use."""
    try:
        doc = data if isinstance(data, dict) else json.loads(data)
    except (UnicodeDecodeError, ValueError):
        raise ValidationError(BAD) from None
    if not isinstance(doc, dict) or not set(FIELDS) | {"sig"} <= set(doc) <= set(FIELDS) | {"sig", "hq_sig"}:
        raise ValidationError(BAD)
    seq = doc["seq"]
    ok = (isinstance(seq, int) and not isinstance(seq, bool) and 0 <= seq <= MAX_SEQ
          and isinstance(doc["hash"], str) and _HEX64.fullmatch(doc["hash"]) is not None
          and all(isinstance(doc[k], str) and 0 < len(doc[k]) <= 100 for k in ("at", "device", "sig"))
          and (isinstance(doc.get("hq_sig", ""), str) and len(doc.get("hq_sig", "")) <= 100))
    if not ok:
        raise ValidationError(BAD)
    return doc


def from_bundle(opened: Any) -> dict | None:
    """The checkpoint entry of an opened bundle, or None for a bundle written before checkpoints."""
    if ENTRY not in opened.names:
        return None
    return parse(opened.read(ENTRY))


def store(conn: Connection, doc: dict, source: str, source_seq: int) -> bool:
    """Keep a checkpoint (once: storing the same one from the same source again changes nothing)."""
    t = AuditCheckpoint.__table__
    there = conn.execute(select(t.c.id).where(t.c.chain == doc["device"], t.c.seq == doc["seq"],
                                              t.c.hash == doc["hash"], t.c.source == source,
                                              t.c.source_seq == source_seq)).first()
    if there is not None:
        return False
    conn.execute(t.insert().values(chain=doc["device"], seq=doc["seq"], hash=doc["hash"], source=source,
                                   source_seq=source_seq, document=dumps(doc).decode("utf-8"),
                                   received_at=utcnow()))
    return True


def any_held(conn: Connection, chain: str, source: str) -> bool:
    """Whether a checkpoint of ``chain`` from ``source`` was ever kept here."""
    t = AuditCheckpoint.__table__
    return conn.execute(select(t.c.id).where(t.c.chain == chain, t.c.source == source).limit(1)).first() is not None


_EVENT_KEYS = frozenset(("seq", "at", "user", "device", "action", "entity", "entity_id", "changes", "row_hash",
                         "hash"))


def well_formed_event(event: object) -> bool:
    """An audit event as a device writes it: every field there, a whole-number seq, a text hash."""
    return (isinstance(event, dict) and _EVENT_KEYS <= event.keys() and type(event["seq"]) is int
            and isinstance(event["hash"], str))


def event_links(events: list[dict]) -> list[bool] | None:
    """For each of a bundle's audit events, whether its hash follows from the event before it in the bundle
    (the first: False, nothing to follow). Worked out where the bundle is prepared (another process), so
    the importer hashes only where the bundle joins the chain HQ holds. None: malformed events, which the
    importer then checks one by one itself (and refuses)."""
    try:
        return [n > 0 and audit_chain.event_hash(events[n - 1]["hash"], e["seq"], e["at"], e["user"], e["device"],
                                                  e["action"], e["entity"], e["entity_id"], e["changes"],
                                                  e["row_hash"]) == e["hash"]
                for n, e in enumerate(events)]
    except (KeyError, TypeError, ValueError, AttributeError):
        return None

