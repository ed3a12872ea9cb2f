"""Down to the field: HQ's signed assignment bundle for one device.

It carries the published policy versions, the project's devices (with their public keys, so any
laptop can verify any agreement), the field accounts, and the household roster assigned to the
device with everything recorded about those households (HQ's current version, which includes any
conflict HQ decided). Accounts: only the device's own users (those whose households it was ever assigned,
``sync.device_users.<code>``), field workers and supervisors only — a laptop holds no other password hash,
and never an HQ administrator's (the laptop refuses one too). The device refuses one not signed by its HQ. On the device a record without
unsent local changes takes HQ's version; one with unsent local changes is kept and the difference
recorded as an issue (HQ will see the device's version as a conflict when it arrives).
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from survey_app.core.domain import china_time
from survey_app.core.domain.errors import ValidationError
from survey_app.core.domain.roles import Permission, Role
from survey_app.core.storage.database import Database
from survey_app.core.storage.device_code import local_device_code
from survey_app.core.storage.models import Household, User
from survey_app.core.storage.uow import POLICY_SEALED, Actor
from survey_app.core.sync import bundle, checkpoints, keys, ledger
from survey_app.core.sync.apply import ApplyReport, apply_records
from survey_app.core.sync.changes import mark_synced, synced_revs
from survey_app.core.sync.export import project_code
from survey_app.core.sync.peers import device_public, hq_signing_key
from survey_app.core.sync.records import BY_NAME, Record, read_lines, write_lines
from survey_app.core.sync.rights import device_users, remember_device_users

SEQ = "sync.assignment_seq"
SUFFIX = ".saassign"
HOUSEHOLD_CHILDREN = ("members", "tenures", "building_parts", "fixtures", "survey_items", "businesses",
                      "appraisals", "attachments", "calculations", "agreements", "vouchers", "grievances",
                      "grievance_followups", "handovers")


def _rows(conn, table_name: str, where: str = "", params: tuple = ()) -> list[Record]:  # noqa: ANN001
    table = BY_NAME[table_name]
    prep = conn.dialect.identifier_preparer
    names = [c.name for c in table.columns]
    cols = ", ".join(prep.format_column(c) for c in table.columns)
    sql = f"SELECT {cols} FROM {prep.format_table(table)}" + (f" WHERE {where}" if where else "")
    out = []
    for raw in conn.exec_driver_sql(sql, params):
        row = dict(zip(names, raw))
        out.append(Record(table_name, row["id"], row["rev"], 0, row))
    return out


FIELD_ROLES = (Role.FIELD_WORKER.value, Role.SUPERVISOR.value)  # the only accounts a laptop may hold


def roster_records(db: Database, usernames: list[str], accounts: list[str] | None = None) -> list[Record]:
    """Everything a device needs for the households assigned to ``usernames``; the user rows of
    ``accounts`` (default: ``usernames``) that have a field role — never an HQ administrator."""
    accounts = list(usernames if accounts is None else accounts)
    with db.engine.connect() as conn:
        recs = _rows(conn, "projects") + _rows(conn, "policy_versions", "status = 'published'") + _rows(conn, "devices")
        if accounts:
            recs += _rows(conn, "users", f"role IN ({', '.join('?' * len(FIELD_ROLES))}) AND username IN "
                                         f"({', '.join('?' * len(accounts))})", (*FIELD_ROLES, *accounts))
        marks = ", ".join("?" * len(usernames)) or "NULL"
        households = _rows(conn, "households", f"assigned_to IN ({marks})", tuple(usernames))
        recs += households
        ids = [h.id for h in households]
        for start in range(0, len(ids), 500):
            chunk = tuple(ids[start:start + 500])
            where = f"household_id IN ({', '.join('?' * len(chunk))})"
            for child in HOUSEHOLD_CHILDREN:
                recs += _rows(conn, child, where, chunk)
                if child == "calculations":
                    calc_ids = tuple(r.id for r in recs if r.table == "calculations" and r.row["household_id"] in chunk)
                    if calc_ids:
                        recs += _rows(conn, "calculation_lines",
                                      f"calculation_id IN ({', '.join('?' * len(calc_ids))})", calc_ids)
    return recs


def write_assignment(db: Database, actor: Actor, pair: keys.KeyPair, device_code: str, usernames: list[str],
                     out_dir: Path) -> Path:
    """HQ: the assignment bundle for ``device_code`` with the roster of ``usernames``."""
    actor.require(Permission.IMPORT_BUNDLES)
    project = project_code(db)
    seq = int(db.setting(f"{SEQ}.{device_code}", "0")) + 1
    with db.engine.connect() as conn:  # this device's users: those assigned now and before
        accounts = sorted(set(device_users(conn, device_code)) | set(usernames))
    recs = roster_records(db, usernames, accounts)
    header = {"kind": "assignment", "project": project, "device": local_device_code(db), "seq": seq,
              "prev_seq": seq - 1, "counts": {"records": len(recs)}, "for_device": device_code,
              "usernames": usernames}
    now = china_time.now()
    path = Path(out_dir) / f"{project}_{device_code}_A{seq:05d}_{now:%Y%m%d}{SUFFIX}"
    with db.engine.connect() as conn:  # HQ's own chain head, signed: the laptop keeps it (sync/checkpoints.py)
        checkpoint = checkpoints.of_head(conn, pair, local_device_code(db))
    bundle.write_bundle(path, header, [("records.jsonl", write_lines(recs)),
                                       (checkpoints.ENTRY, checkpoints.dumps(checkpoint))],
                        recipient=device_public(db, device_code), sender=pair)
    db.set_setting(f"{SEQ}.{device_code}", str(seq))
    with db.begin_write() as conn:  # what this device may write back (sync/rights.py)
        remember_device_users(conn, device_code, usernames)
    return path


# Account fields HQ decides; the rest of a user row (failed logins, lockout, last login) is this
# laptop's own bookkeeping and would otherwise make every login look like an unsent change.
HQ_OWNED_USER_FIELDS = ("display_name", "role", "password_hash", "active", "phone", "deleted_at",
                        "must_change_password")
# sync_records entity under which a laptop remembers the rev of each account as HQ last sent it: HQ's
# fields are taken again only when HQ changed the account since (a reset), so a password the worker
# changed on the laptop (the forced change at first login) is not put back by the next assignment.
HQ_ACCOUNT_REVS = "users@hq"


def _refuse_privileged(records: list[Record]) -> None:
    """A laptop takes field accounts only: an HQ administrator's (or unknown role's) refuses the bundle."""
    for r in records:
        if r.get("role") not in FIELD_ROLES:
            raise ValidationError(f"指挥部的分派包含有{_role_label(r.get('role'))}账号，本机只接收调查员和复核员的账号。"
                                  "整个分派包未导入，请联系指挥部。")


def _role_label(role: object) -> str:
    try:
        return Role(str(role)).label
    except ValueError:
        return "未知角色的"


def _apply_users(db: Database, records: list[Record]) -> int:
    """Take HQ's accounts: new ones inserted; of existing ones, the HQ-owned fields when HQ changed the account
    since it last sent it (audited). A password HQ reset drops that user's key slot on a vaulted laptop: their
    next login adds it again with the new password and the device password (project_files)."""
    from survey_app.core.storage.models import User
    from survey_app.core.storage.uow import Actor

    table = BY_NAME["users"]
    changed = 0
    reset: list[str] = []
    with db.uow(Actor(username="system", role=Role.HQ_ADMIN, device="HQ")) as uow:
        known = {i: rev for (e, i), rev in synced_revs(uow.session.connection()).items() if e == HQ_ACCOUNT_REVS}
        for r in records:
            values = {}
            for column in table.columns:
                proc = column.type._cached_result_processor(db.engine.dialect, None)
                raw = r.get(column.name)
                values[column.key] = raw if proc is None or raw is None else proc(raw)
            user = uow.session.get(User, values["id"])
            if user is None:
                uow.session.add(User(**{k: v for k, v in values.items()
                                        if k not in ("rev", "created_at", "updated_at", "updated_by", "origin_device")}))
                changed += 1
                continue
            if r.rev <= known.get(r.id, 0):
                continue  # HQ has not changed this account since it last sent it: the laptop's own stays
            if user.password_hash != values["password_hash"]:
                reset.append(user.username)
            for key in HQ_OWNED_USER_FIELDS:
                if getattr(user, key) != values[key]:
                    setattr(user, key, values[key])
                    changed += 1
        mark_synced(uow.session.connection(), [(HQ_ACCOUNT_REVS, r.id, r.rev) for r in records])
        uow.commit()
    _drop_reset_slots(db, reset)
    return changed


def _drop_reset_slots(db: Database, usernames: list[str]) -> None:
    from survey_app.core.security import vault

    unlocked = vault.session_of(db)
    if not usernames or unlocked is None or db.path is None or not vault.exists(db.path):
        return
    store = vault.Vault.load(vault.vault_path(db.path))
    for name in usernames:
        slot = vault.user_slot(name)
        if store.has_slot(slot) and len(store.slots) > 1:
            store.remove_slot(unlocked, slot)


def _check_sealed_policies(db: Database, records: list[Record]) -> None:
    """Refuse (ValidationError, nothing applied) an assignment that would change a published policy
    version this laptop holds: HQ may add versions, never rewrite one calculations were made under."""
    incoming = [r for r in records if r.table == "policy_versions"]
    if not incoming:
        return
    with db.engine.connect() as conn:
        for r in incoming:
            have = conn.exec_driver_sql("SELECT content, content_hash, status, label FROM policy_versions WHERE id = ?",
                                        (r.id,)).first()
            if have is None or have[2] not in POLICY_SEALED:
                continue
            if (r.get("content"), r.get("content_hash")) != (have[0], have[1]) or r.get("status") not in POLICY_SEALED:
                raise ValidationError(f"指挥部的分派包要改动本机已发布的补偿方案版本（{have[3]}），已发布的版本不能修改。"
                                      "整个分派包未导入，请联系指挥部。")


def apply_from_hq(db: Database, records: list[Record], *, bundle_seq: int,
                  checkpoint: dict | None = None) -> ApplyReport:
    """Device: apply HQ's records (clean local records take HQ's version), then mark them synced.
    Refused whole if it would change a published policy version (``_check_sealed_policies``)."""
    _check_sealed_policies(db, records)
    users = [r for r in records if r.table == "users"]
    _refuse_privileged(users)
    records = [r for r in records if r.table != "users"]
    if users:
        _apply_users(db, users)
    here = local_device_code(db)
    with db.begin_write() as conn:
        since = ledger.high_water(conn)
        known = synced_revs(conn)
        held = _held_revs(conn, records)
        rebased = []
        for r in records:
            current = held.get((r.table, r.id))
            base = known.get((r.table, r.id), 0)
            if current is not None and current == base:
                base = current  # no unsent local change: HQ's version may replace ours
            elif current is not None:
                base = -1  # unsent local change: keep ours, record the difference
            rebased.append(r._replace(base=base))
        report = apply_records(conn, rebased, source_device="HQ", bundle_seq=bundle_seq)
        mark_synced(conn, report.applied)
        if checkpoint is not None:
            checkpoints.store(conn, checkpoint, "assignment", bundle_seq)
        # open conflicts and the checkpoint enter this laptop's audit chain (sync/ledger.py)
        ledger.record_new_rows(conn, since, user="system", device=here)
    return report


def _held_revs(conn, records: list[Record]) -> dict[tuple[str, str], int]:  # noqa: ANN001 - a Connection
    """(table, id) → the rev this laptop holds, for the records that exist here: a query per table and 500 ids
    (a row at a time cost a statement per record: ~10 per household of an assignment)."""
    ids: dict[str, list[str]] = {}
    for r in records:
        ids.setdefault(r.table, []).append(r.id)
    held: dict[tuple[str, str], int] = {}
    for table, wanted in ids.items():  # table names come from records.BY_NAME (read_lines refuses others)
        for at in range(0, len(wanted), 500):
            chunk = wanted[at:at + 500]
            marks = ", ".join("?" * len(chunk))
            for rid, rev in conn.exec_driver_sql(f"SELECT id, rev FROM {table} WHERE id IN ({marks})", tuple(chunk)):
                held[(table, rid)] = rev
    return held


def import_assignment(db: Database, pair: keys.KeyPair, path: Path) -> ApplyReport:
    """Device: verify (signed by our HQ, for us, this project) and apply an assignment bundle."""
    opened = bundle.open_bundle(Path(path), recipient=pair, sender_key=hq_signing_key(db),
                                project=project_code(db), kind="assignment", in_memory=True)
    records = list(read_lines(opened.read("records.jsonl")))  # names and IDs: never a plaintext temp file
    checkpoint = checkpoints.from_bundle(opened)  # HQ's chain head (None from an HQ before checkpoints)
    if checkpoint is not None and (checkpoint["device"] != opened.header["device"] or not checkpoints.signature_ok(
            checkpoint, hq_signing_key(db)(opened.header["device"]))):
        raise ValidationError("任务包中的指挥部审计检查点签名无效（被改动或伪造），未导入")
    return apply_from_hq(db, records, bundle_seq=int(opened.header["seq"]), checkpoint=checkpoint)


def assigned_usernames(db: Database) -> list[str]:
    with db.read() as s:
        return sorted(u for u in s.scalars(select(Household.assigned_to).distinct()) if u)


def field_users(db: Database) -> list[str]:
    with db.read() as s:
        return list(s.scalars(select(User.username).where(User.role == Role.FIELD_WORKER.value)))
