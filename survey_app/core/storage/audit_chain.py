"""The audit hash chain: canonical row fingerprints, event hashes, MACs, the settings seal, and verification.

It lives in storage (not security): every write of the unit of work and the bulk paths enters it, and
storage must not import the security package (which builds on storage). Events are written by one
writer, storage/audit_writer.py; this module says what they contain and checks them.

Every audited change becomes one ``audit_events`` row whose ``hash`` is
sha256(prev_hash + canonical JSON of the event), and whose ``row_hash`` is the sha256 of the
whole row as the change left it. ``verify`` walks the chain in ``seq`` order, then checks
that every audited row still matches the fingerprint of its last event, so an edit made with
the sqlite3 shell to an event *or* to a record is found and named.

Rows are fingerprinted in their stored form (survey_app/core/storage/rowcodec.py), so the app
(which sees Python objects before flush), bulk imports and ``verify`` (which reads raw rows
back) hash the same bytes.

**Keyed chain** (issue 10 item 2). The sha256 chain alone can be recomputed by whoever can write the
file. When the database is opened with an ``audit_key`` (32 bytes from the key vault, unlocked at
login), every event also gets ``mac = HMAC-SHA256(audit_key, hash)``; ``verify`` with the key names
every event whose MAC is missing or wrong. The sha256 chain stays: HQ re-walks a laptop's transported
events with it. Writers find the key in ``session.info["audit_key"]`` (unit of work) or
``conn.info["audit_key"]`` (core writers; the Database puts it there at every checkout).

**Guarded settings.** ``local_settings`` is outside the chain, but the settings sync trusts (HQ's key,
the role, the users each device may write for …) are pinned by a keyed digest kept in the setting
``audit.settings_mac``, rewritten whenever one of them is written with the key present.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlalchemy import Table, select
from sqlalchemy.engine import Connection

from survey_app.core.storage import rowcodec
from survey_app.core.storage.models import AuditEvent
from survey_app.core.storage.types import ScaledDecimal

GENESIS = "0" * 64
# Field values never written into the readable change log (the row hash still covers them).
REDACTED_FIELDS = frozenset({"password_hash"})
# sync_issues, imported_bundles and audit_checkpoints are audited (ledger events, survey_app/core/sync/ledger.py,
# which also says how the tables left out here are covered: remote events by device-signed checkpoints).
NOT_AUDITED_TABLES = frozenset({"audit_events", "local_settings", "drafts", "alembic_version", "sync_records",
                                "remote_audit_events"})


MAC_CONTEXT = b"survey_app audit mac v1\x00"
SETTINGS_CONTEXT = b"survey_app guarded setting v1\x00"
SETTINGS_MAC = "audit.settings_mac"
# Local settings that sync and signing trust: changing or deleting one outside the app must show.
GUARDED_SETTINGS = ("device_code", "device_signing_key", "sync.keypair", "sync.identity", "sync.hq_public",
                    "sync.hq_code",
                    "sync.role", "sync.export_seq", "sync.acked_event_seq", "sync.assignment_seq")
GUARDED_PREFIXES = ("sync.device_users.",)
KEY_FAILED = "审计事件 {seq} 的密钥校验失败：记录可能在应用之外被改写"
NEEDS_LOGIN = "审计链受密钥保护：密钥校验需要登录后进行（本次只校验了哈希链）"


def event_mac(key: bytes | None, event_hash_hex: str) -> str:
    """HMAC-SHA256 of an event's hash under the audit key, hex; "" without a key (an unkeyed chain)."""
    if not key:
        return ""
    return hmac.new(key, MAC_CONTEXT + event_hash_hex.encode("ascii"), hashlib.sha256).hexdigest()


def key_of(conn: Connection) -> bytes | None:
    """The audit key a core writer uses: the one its Database put on the connection (None: unkeyed)."""
    return conn.info.get("audit_key")


def is_guarded(key: str) -> bool:
    return key in GUARDED_SETTINGS or key.startswith(GUARDED_PREFIXES)


def _guarded(conn: Connection) -> dict[str, str]:
    rows = conn.exec_driver_sql("SELECT key, value FROM local_settings").all()
    return {k: v for k, v in rows if is_guarded(k)}


def _setting_mac(key: bytes, name: str, value: str) -> str:
    return hmac.new(key, SETTINGS_CONTEXT + dumps([name, value]).encode(), hashlib.sha256).hexdigest()


def seal_settings(conn: Connection, key: bytes | None = None) -> None:
    """Rewrite the keyed digest of the guarded settings (in the caller's transaction). No key: nothing."""
    key = key or key_of(conn)
    if not key:
        return
    macs = {name: _setting_mac(key, name, value) for name, value in _guarded(conn).items()}
    doc = dumps({"macs": macs, "all": _setting_mac(key, "*", dumps(macs))})
    conn.exec_driver_sql("DELETE FROM local_settings WHERE key = ?", (SETTINGS_MAC,))
    conn.exec_driver_sql("INSERT INTO local_settings (key, value) VALUES (?, ?)", (SETTINGS_MAC, doc))


def settings_problems(conn: Connection, key: bytes) -> list[Problem]:
    """Guarded settings deleted, changed or added outside the app (checked with the audit key)."""
    have = _guarded(conn)
    raw = conn.exec_driver_sql("SELECT value FROM local_settings WHERE key = ?", (SETTINGS_MAC,)).scalar()
    if raw is None:
        return [Problem(None, "受保护的本机设置缺少密钥摘要（摘要被删除，或本机设置在应用之外被改写）")] if have else []
    try:
        doc = json.loads(raw)
        macs = doc["macs"]
        ok = isinstance(macs, dict) and hmac.compare_digest(str(doc["all"]), _setting_mac(key, "*", dumps(macs)))
    except (ValueError, KeyError, TypeError):
        ok = False
    if not ok:
        return [Problem(None, "受保护的本机设置的密钥摘要被改动：本机设置可能在应用之外被改写")]
    problems = []
    for name in sorted(set(macs) | set(have)):
        if name not in have:
            problems.append(Problem(None, f"本机设置 {name} 在应用之外被删除"))
        elif name not in macs:
            problems.append(Problem(None, f"本机设置 {name} 在应用之外被添加"))
        elif not hmac.compare_digest(str(macs[name]), _setting_mac(key, name, have[name])):
            problems.append(Problem(None, f"本机设置 {name} 在应用之外被修改"))
    return problems


def readable_value(column: Any, value: Any) -> Any:
    """A value as the change log shows it: amounts as "58.32", ids as hex, times as ISO text."""
    if value is None:
        return None
    ctype = column.type
    if isinstance(ctype, ScaledDecimal):
        stored = ctype.process_bind_param_fast(value)
        return f"{Decimal(stored).scaleb(-ctype.scale):.{ctype.scale}f}"
    enc = rowcodec.encoder(column)
    return value if enc is None else enc(value)


def dumps(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _row_json_encoder() -> Callable[[Any], str]:
    """json.dumps(stored, ensure_ascii=False, separators=(",", ":")) — the same text — with the encoder
    json.dumps makes per call made once: the C encoder it uses, minus the circular-reference bookkeeping
    (a stored row is a flat list of scalars)."""
    encoder = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))
    c_make = getattr(json.encoder, "c_make_encoder", None)
    if c_make is None:  # a Python without the _json accelerator
        return encoder.encode
    one = c_make(None, encoder.default, json.encoder.encode_basestring, None, ":", ",", False, False, True)
    return lambda stored: "".join(one(stored, 0))


_ROW_JSON = _row_json_encoder()


def row_hash(stored: list | tuple) -> str:
    """Fingerprint of a row in stored form (column order): sha256 of its JSON array (a tuple is one too)."""
    return hashlib.sha256(_ROW_JSON(stored).encode()).hexdigest()


def event_hash(prev_hash: str, seq: int, at: str, user: str, device: str, action: str,
               entity: str, entity_id: str, changes: str, rhash: str) -> str:
    """Hash of one event: it covers the previous hash and every field, ``seq`` included (reordering shows)."""
    body = "\x1f".join((prev_hash, str(seq), at, user, device, action, entity, entity_id, changes, rhash))
    return hashlib.sha256(body.encode()).hexdigest()


def redact(changes: dict[str, Any]) -> dict[str, Any]:
    return {k: (["***", "***"] if k in REDACTED_FIELDS else v) for k, v in changes.items()}


@dataclass(frozen=True)
class Problem:
    """One finding of ``verify``: the first bad event (``seq``) or a row that no longer matches."""

    seq: int | None
    message: str


@dataclass
class VerifyReport:
    events: int = 0
    rows: int = 0
    problems: list[Problem] | None = None
    keyed: bool = False  # the MACs were checked (the audit key was at hand)
    notes: list[str] = field(default_factory=list)  # what could not be checked, and why

    @property
    def ok(self) -> bool:
        return not self.problems


def verify(conn: Connection, tables: Iterable[Table], *, max_problems: int = 20,
           progress: Callable[[int, int, str], None] | None = None, audit_key: bytes | None = None) -> VerifyReport:
    """Check the whole chain and every audited row. Read-only.

    Returns a report whose ``problems`` name the first broken event and any row changed
    behind the app's back (with the seq of the last event that recorded it legitimately).
    With ``audit_key`` every event's MAC is checked too: a chain rewritten and re-hashed by someone
    without the key is found there.
    """
    report = VerifyReport(problems=[], keyed=bool(audit_key))
    problems = report.problems
    ae = AuditEvent.__table__
    # entity → {row id → (seq, row hash) of its last event}, in first-seen order (the order deletions are named)
    last_row_hash: dict[str, dict[str, tuple[int, str]]] = {}
    prev = GENESIS
    expected_seq = 1
    total = conn.execute(select(ae.c.seq).order_by(ae.c.seq.desc()).limit(1)).scalar() or 0
    decode, events = _events(conn)
    for seq, at, user, device, action, entity, entity_id, changes, rhash, stored_hash, mac in events:
        report.events += 1
        if progress and report.events % 20000 == 0:
            progress(seq, total, "审计链")
        if seq != expected_seq:
            problems.append(Problem(seq, f"审计事件 #{expected_seq} 至 #{seq - 1} 缺失（被删除）"))
        expected_seq = seq + 1
        if decode is not None:  # SQLite: ``at`` is the stored text, hashed as written unless it is not canonical
            h = event_hash(prev, seq, at, user, device, action, entity, entity_id, changes, rhash) \
                if isinstance(at, str) else None
            if h != stored_hash:
                at = rowcodec.encode_utc(decode(at))
                h = event_hash(prev, seq, at, user, device, action, entity, entity_id, changes, rhash)
        else:
            h = event_hash(prev, seq, rowcodec.encode_utc(at), user, device, action, entity, entity_id, changes,
                           rhash)
        if stored_hash != h:
            problems.append(Problem(seq, f"审计事件 #{seq} 被改动（哈希不符）：{action} {entity} {entity_id}"))
            if len(problems) >= max_problems:
                return report
        if audit_key and not hmac.compare_digest(mac or "", event_mac(audit_key, stored_hash)):
            problems.append(Problem(seq, KEY_FAILED.format(seq=seq)))
            if len(problems) >= max_problems:
                return report
        prev = stored_hash  # continue from the stored hash so one bad event is reported once
        if entity and entity_id and rhash:  # login and other non-row events carry no row hash
            by_id = last_row_hash.get(entity)
            if by_id is None:
                by_id = last_row_hash[entity] = {}
            by_id[entity_id] = (seq, rhash)

    for table in tables:
        pk_index = [c.name for c in table.columns].index(list(table.primary_key.columns)[0].name)
        last_of = last_row_hash.get(table.name, {})
        seen: set[str] = set()
        for stored in _stored_rows(conn, table):
            report.rows += 1
            rid = str(stored[pk_index])
            seen.add(rid)
            last = last_of.get(rid)
            if last is None:
                problems.append(Problem(None, f"{table.name} 记录 {rid} 没有审计事件（在应用之外插入）"))
            elif last[1] != row_hash(stored):
                problems.append(Problem(last[0], f"{table.name} 记录 {rid} 在应用之外被修改（最后一次合法修改为审计事件 #{last[0]}）"))
            if len(problems) >= max_problems:
                return report
        for rid, (seq, _rh) in last_of.items():
            if rid not in seen:
                problems.append(Problem(seq, f"{table.name} 记录 {rid} 在应用之外被删除（审计事件 #{seq}）"))
                if len(problems) >= max_problems:
                    return report
    return report


_EVENT_FIELDS = ("seq", "at", "user", "device", "action", "entity", "entity_id", "changes", "row_hash", "hash", "mac")


def _events(conn: Connection) -> tuple[Callable[[Any], Any] | None, Iterable[tuple]]:
    """(decode, every event in ``seq`` order as the fields of _EVENT_FIELDS). On SQLite the raw rows, ``at``
    as its stored text, and ``decode`` what turns that text into the datetime the model reads; elsewhere
    the values the model reads (``at`` a datetime) and ``decode`` None."""
    ae = AuditEvent.__table__
    if conn.dialect.name == "sqlite":
        decode = ae.c.at.type.dialect_impl(conn.dialect).result_processor(conn.dialect, None) or (lambda v: v)
        prep = conn.dialect.identifier_preparer
        cols = ", ".join(prep.quote(c) for c in _EVENT_FIELDS)
        return decode, _raw_rows(conn, f"SELECT {cols} FROM audit_events ORDER BY seq")
    stmt = select(*(ae.c[c] for c in _EVENT_FIELDS)).order_by(ae.c.seq)
    return None, (tuple(ev) for ev in conn.execute(stmt).yield_per(5000))


def _raw_rows(conn: Connection, sql: str) -> Iterable[tuple]:
    """The DB-API rows of a read-only SELECT, in the connection's transaction (no per-row Row objects)."""
    if not conn.in_transaction():  # begin it as any execute would (the Database's BEGIN on its begin event)
        conn.exec_driver_sql("SELECT 1").close()
    cursor = conn.connection.cursor()
    try:
        cursor.execute(sql)
        while rows := cursor.fetchmany(5000):
            yield from rows
    finally:
        cursor.close()


def _stored_rows(conn: Connection, table: Table) -> Iterable[list | tuple]:
    """Every row of ``table`` in stored form. On SQLite the raw rows *are* the stored form."""
    if conn.dialect.name == "sqlite":
        prep = conn.dialect.identifier_preparer
        cols = ", ".join(prep.format_column(c) for c in table.columns)
        yield from _raw_rows(conn, f"SELECT {cols} FROM {prep.format_table(table)}")
        return
    for row in conn.execute(select(table)).yield_per(5000):
        yield rowcodec.stored_row(table, row._mapping.__getitem__)
