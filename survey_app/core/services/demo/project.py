"""Create the demo project: project record, users (one per role), this device, N households.

Households are written through BulkWriter in batches (one transaction per batch, each row with
its audit event): 100,000 households in well under a minute. Progress is reported per batch
and a cancel stops cleanly between batches (what was committed stays consistent).
"""

from __future__ import annotations

import datetime as dt
import random
import uuid
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass

from sqlalchemy import func, select

from survey_app.core.compensation.policy import Policy, parse_policy
from survey_app.core.domain.errors import ValidationError
from survey_app.core.domain.ids import uuid7
from survey_app.core.domain.roles import Permission, Role
from survey_app.core.paths import resource_path
from survey_app.core.security.passwords import hash_password
from survey_app.core.services.demo.households import HouseholdFactory
from survey_app.core.services.devices import ensure_local_device
from survey_app.core.storage.audit_writer import chain_head
from survey_app.core.storage.bulk import Batch, BulkWriter
from survey_app.core.storage.bulk import write as bulk_write
from survey_app.core.storage.database import Database
from survey_app.core.storage.models import (
    Appraisal,
    BuildingPart,
    Business,
    Fixture,
    Household,
    Member,
    PolicyVersion,
    Project,
    SurveyItem,
    Tenure,
    User,
)
from survey_app.core.storage.uow import Actor

# (username, password, role, display name): listed in README.md.
DEMO_USERS = (
    ("hq", "hq123456", Role.HQ_ADMIN, "王建国"),
    ("reviewer", "review123", Role.SUPERVISOR, "李秀英"),
    ("worker", "worker123", Role.FIELD_WORKER, "张志强"),
)
PROJECT_CODE = "FR2023"
BATCH = 2000
# Stored calculations for the demo's calculated/signed households: ~10 ms each through the unit of
# work, so only for demos a person browses (the 100k benchmark demo stays under a minute without).
CALCULATE_UP_TO = 5000
_HEAD_ORDER = [t.__table__ for t in (Project, PolicyVersion, User)]
_ORDER = [t.__table__ for t in (Household, Member, Tenure, BuildingPart, Fixture, SurveyItem, Business, Appraisal)]


@dataclass(frozen=True)
class DemoSummary:
    project_id: uuid.UUID
    households: int
    rows: int
    cancelled: bool = False


class Cancelled(Exception):
    pass


DEMO_POLICY = resource_path("policies", "city_shantytown_2023.toml")


def _project_row(rng: random.Random, policy: Policy) -> dict:
    info = policy.project
    return dict(
        id=uuid7(1_684_000_000_000, rng.getrandbits(74)), code=info.code or PROJECT_CODE,
        name=info.name, area_name="古稻田片区", decision_no=info.decision_no, decision_date=info.valuation_date,
        authority="长沙市芙蓉区房屋征收与补偿办公室", implementer="长沙市芙蓉区城市更新服务中心",
        valuation_date=info.valuation_date, signing_start=info.signing_start, signing_end=info.signing_end,
        notes="演示项目：数据为随机生成，仅供试用。",
    )


def _policy_row(rng: random.Random, project_id: uuid.UUID, policy: Policy, text: str) -> dict:
    return dict(id=uuid7(1_684_000_000_100, rng.getrandbits(74)), project_id=project_id, label=policy.version,
                content_hash=policy.hash, content=text, status="published",
                published_at=dt.datetime(2023, 6, 12, 1, 0, tzinfo=dt.UTC), published_by="hq")


def create_demo(db: Database, *, households: int = 500, seed: int = 1,
                progress: Callable[[int, int, str], None] | None = None,
                cancel: Callable[[], bool] | None = None, actor: Actor | None = None) -> DemoSummary:
    """Fill an empty database with the demo project. Same seed → same households (ids included)."""
    if households < 0:
        raise ValidationError("住户数不能为负数")
    device = ensure_local_device(db, default_code="D01", name="演示笔记本")
    actor = actor or Actor(username="system", role=Role.HQ_ADMIN, device=device)
    actor.require(Permission.CREATE_DEMO)
    with db.read() as s:
        if s.scalar(select(func.count()).select_from(Project)):
            raise ValidationError("数据库中已有项目，演示数据只能写入空数据库")
    rng = random.Random(seed)
    policy_text = DEMO_POLICY.read_text(encoding="utf-8")
    policy = parse_policy(policy_text, DEMO_POLICY.name)
    project = _project_row(rng, policy)
    with db.engine.connect() as conn:
        w = BulkWriter(actor, chain_head(conn))
    # The project, policy and users travel in the first batch's transaction: a demo cancelled
    # before its first batch is written leaves the database empty (and offered again next start).
    w.add(Project.__table__, project)
    w.add(PolicyVersion.__table__, _policy_row(rng, project["id"], policy, policy_text))
    for i, (username, password, role, display) in enumerate(DEMO_USERS):
        w.add(User.__table__, dict(id=uuid7(1_684_000_000_001 + i, rng.getrandbits(74)), username=username,
                                   display_name=display, role=role.value, password_hash=hash_password(password),
                                   failed_logins=0, locked_until=None, active=True, last_login_at=None, phone=""))
    factory = HouseholdFactory(seed, project["id"], worker="worker")
    done = rows = 0
    cancelled = False
    # Prepare batch n+1 while a worker thread writes batch n (sqlite3 releases the GIL while it
    # works). One transaction per batch, written strictly in order: the audit chain runs through them.
    sizes = [min(BATCH, households - start) for start in range(0, households, BATCH)] or [0]
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="demo-writer") as pool:
        pending: Future | None = None
        for n in sizes:
            if cancel and cancel():
                cancelled = True
                break
            for _ in range(n):
                for table, table_rows in factory.make().items():
                    tbl = _TABLES[table]
                    for row in table_rows:
                        w.add(tbl, row)
            batch = w.take(_HEAD_ORDER + _ORDER)
            if pending is not None:
                rows += pending.result()
            pending = pool.submit(_write_batch, db, batch)
            done += n
            if progress:
                progress(done, households, "生成演示住户")
        if pending is not None:
            rows += pending.result()
    if not cancelled and 0 < households <= CALCULATE_UP_TO:
        _calculate_demo(db, actor, progress)
    return DemoSummary(project["id"], done, rows, cancelled)


def _calculate_demo(db: Database, actor: Actor, progress: Callable[[int, int, str], None] | None) -> None:
    """已测算 households get their stored options and a chosen one, as they would in the field (so the
    compensation page and 出具协议 work at once in the demo). Signed households keep status only."""
    from survey_app.core.services.calculations import calculate_many

    with db.read() as s:
        ids = list(s.scalars(select(Household.id).where(Household.status == "calculated")
                             .order_by(Household.id)))
    calculate_many(db, actor, ids, choose=True, progress=progress)


def _write_batch(db: Database, batch: Batch) -> int:
    with db.begin_write() as conn:  # the write lock, like every write (storage/bulk.py)
        return bulk_write(conn, batch)


_TABLES = {t.name: t for t in _ORDER}
