"""A project whose policy makes the agreements take effect at a signing rate, with both rewards settled after it.

The demo (60 households, seed 3) gets its own policy with 协议生效 at 5% by the signing period's end
(2023-08-31), a 签约率奖 (from 4%: 1,000 元, + 100 元 per whole 0.5%) and an 早搬迁奖 (days 1–15 after the
effective date: 100 元/m², at least 500 元; days 16–30: 2,000 元), and three households — the first three 已测算 ones in 户号 order — are
calculated again, choose cash, and sign on 2023-07-01 (the project day, TEST_DAY). The first two are handed over
on 2023-07-10 and 2023-07-25. Signed: 3 of 60 = 5% exactly. Made once per run through the real services."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from survey_app.core.domain.roles import Role
from survey_app.core.storage.uow import Actor

HQ = Actor(username="hq", role=Role.HQ_ADMIN, device="T01")
SIGN_DAY = dt.date(2023, 7, 1)
HANDED = (dt.date(2023, 7, 10), dt.date(2023, 7, 25))  # households 0 and 1; household 2 not yet
ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "resources" / "policies" / "city_shantytown_2023.toml"
DEFERRED = """
[[items]]
code = "rate"
kind = "signing_rate_reward"
label = "签约率奖"
from_pct = "4%"
amount = "1000"
step_pct = "0.5%"
step_amount = "100"

[[items]]
code = "move"
kind = "early_moving_reward"
label = "早搬迁奖"
tiers = [{ days = 15, per_m2 = "100", minimum = "500" }, { days = 30, amount = "2000" }]

"""


def effect_policy() -> str:
    """The demo's policy with 协议生效 at 5% (by its signing_end 2023-08-31) and the two deferred rewards."""
    text = DEMO.read_text(encoding="utf-8")
    anchor, caps = "signing_end = 2023-08-31\n", "[[caps]]\n"
    assert text.count(anchor) == 1 and text.count(caps) == 1
    text = text.replace(anchor, anchor + 'effective_when = { signing_rate_pct = "5%" }\n', 1)
    return text.replace(caps, DEFERRED + caps, 1)


def make_effect_project(db) -> list[str]:
    """Publish the policy and sign three households on SIGN_DAY (module docstring); their ids (hex)."""
    from sqlalchemy import select, update

    from survey_app.core.services import calculations, policies
    from survey_app.core.services.agreements import lifecycle
    from survey_app.core.storage.models import Agreement, Household

    policies.publish_text(db, HQ, effect_policy(), "effect.toml", reason="生效测试方案")
    with db.read() as s:
        ready = list(s.scalars(select(Household.id).where(Household.status == "calculated")
                               .order_by(Household.household_code).limit(3)))
    for hid in ready:
        calculations.calculate(db, HQ, hid)
        calculations.choose_option(db, HQ, hid, "cash")
        info = lifecycle.prepare(db, HQ, hid)
        lifecycle.record_print(db, HQ, info.id, 1)
        lifecycle.sign(db, HQ, info.id, on=SIGN_DAY)
    with db.begin_write() as conn:  # the service stamps the real clock: the signing day, 10:00 in China
        conn.execute(update(Agreement).where(Agreement.household_id.in_(ready))
                     .values(signed_at=dt.datetime(2023, 7, 1, 2, 0, tzinfo=dt.UTC)))
    return [h.hex for h in ready]


def hand_over(db, ids: list[str]) -> None:
    """The first two hand over (call with china_time.today on or after HANDED[-1])."""
    from survey_app.core.services import handover

    for hid, day in zip(ids, HANDED):
        handover.record_handover(db, HQ, hid, day)


@pytest.fixture(scope="session")
def _effect_template(_demo_template: Path, shared_templates) -> Path:
    from survey_app.core.domain import china_time
    from survey_app.core.storage.database import Database

    def make(path: Path) -> None:
        shutil.copyfile(_demo_template, path)
        with pytest.MonkeyPatch.context() as mp:
            mp.setattr(china_time, "today", lambda: SIGN_DAY)
            db = Database(path)
            ids = make_effect_project(db)
            mp.setattr(china_time, "today", lambda: HANDED[-1])
            hand_over(db, ids)
            db.dispose()

    return shared_templates("effect-project.sqlite3", make)


@pytest.fixture
def effect_db(_effect_template: Path, tmp_path: Path):
    """A fresh copy of the effect project (module docstring)."""
    from survey_app.core.storage.database import Database

    path = tmp_path / "effect.sqlite3"
    shutil.copyfile(_effect_template, path)
    database = Database(path)
    yield database
    database.dispose()
