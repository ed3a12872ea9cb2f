"""The attacks of issue 10, kept as regression tests (item 7; docs/security.md names them).

Each hostile bundle is built with the project's own signing code (``bundle.write_bundle``) and the
real key of an enrolled device: what an insider holding a laptop and its password can produce with an
ordinary ``sync export``. A valid signature proves who sent a bundle, not that it may write what is
inside (sync/rights.py): every attack here is refused whole and leaves HQ exactly as it was.
"""

from __future__ import annotations

import json
import os
import uuid
from pathlib import Path

import pytest
from attack_helpers import hq_state, own_household_edit, row_of, send
from sqlalchemy import select
from sync_setup import Device as WorldDevice
from sync_setup import World, build

from survey_app.core.compensation.engine import compute_all
from survey_app.core.compensation.inputs import HouseholdInput
from survey_app.core.compensation.policy import parse_policy
from survey_app.core.domain.errors import ValidationError
from survey_app.core.domain.money import to_fen
from survey_app.core.security.keys import project_public_keys
from survey_app.core.services import calculations
from survey_app.core.services.agreements import payload as qr
from survey_app.core.services.agreements.verify import verify_text
from survey_app.core.storage.models import Device, Household
from survey_app.core.sync import keys
from survey_app.core.sync.assignments import _rows
from survey_app.core.sync.importer import device_signing_keys, import_field_bundle
from survey_app.core.sync.records import Record
from survey_app.core.sync.signing_key import device_signing_key


@pytest.fixture(scope="module")
def world(tmp_path_factory) -> World:
    return build(tmp_path_factory.mktemp("attacks"), households=20)


def refused(world: World, path: Path, *words: str) -> str:
    before = hq_state(world.hq)
    with pytest.raises(ValidationError) as caught:  # BundleError is one too
        import_field_bundle(world.hq, world.admin, world.hq_pair, path)
    message = str(caught.value)
    assert all(w in message for w in words), message
    assert "Traceback" not in message
    assert hq_state(world.hq) == before
    return message


def test_a_laptop_cannot_create_an_hq_administrator(world: World) -> None:
    d1 = world.devices[0]
    admin = row_of(world.hq, "users", "username = 'hq'")
    forged = {**admin.row, "id": uuid.uuid4().hex, "username": "mallory", "display_name": "管理员",
              "rev": 1, "origin_device": d1.code}
    # hidden among a rightful edit: the whole bundle is refused, the rightful record included
    refused(world, send(world, d1, [own_household_edit(d1), Record("users", forged["id"], 1, 0, forged)]),
            "用户账号", "整个同步包未导入")
    promoted = row_of(world.hq, "users", "username = ?", (d1.actor.username,))
    promoted.row.update(role="hq_admin", rev=promoted.rev + 1, origin_device=d1.code)
    refused(world, send(world, d1, [promoted._replace(rev=promoted.rev + 1, base=promoted.rev)]), "用户账号")


@pytest.mark.parametrize("event", [
    {"seq": 1, "user": "worker", "device": "D01", "action": "update", "entity": "households", "entity_id": "x",
     "changes": "{}", "row_hash": "0" * 64, "hash": "0" * 64},  # no "at"
    ["not", "an", "event"],
    {"seq": "1", "at": "2026-01-01T00:00:00Z", "user": "worker", "device": "D01", "action": "update",
     "entity": "households", "entity_id": "x", "changes": "{}", "row_hash": "0" * 64, "hash": "0" * 64},
])
def test_a_validly_signed_bundle_with_malformed_audit_events_is_refused_in_chinese(world: World, event) -> None:
    d1 = world.devices[0]
    events = (json.dumps(event) + "\n").encode()
    refused(world, send(world, d1, [own_household_edit(d1)], events=events), "格式错误", "审计事件", "未导入任何数据")


def test_a_laptop_cannot_register_a_device_with_the_attackers_keys(world: World) -> None:
    d1 = world.devices[0]
    mallory = keys.generate()
    template = row_of(world.hq, "devices", "code = ?", (d1.code,))
    theirs = {"sync_signing_key": mallory.public().signing_b64, "signing_public_key": mallory.public().signing_b64,
              "encryption_public_key": mallory.public().encryption_b64}
    forged = {**template.row, **theirs, "id": uuid.uuid4().hex, "code": "D66", "name": "攻击者", "rev": 1,
              "origin_device": d1.code}
    refused(world, send(world, d1, [Record("devices", forged["id"], 1, 0, forged)]), "设备", "指挥部")
    # …nor replace its own device's keys with the attacker's
    own = {**template.row, **theirs, "rev": template.rev + 1, "origin_device": d1.code}
    refused(world, send(world, d1, [Record("devices", template.id, template.rev + 1, template.rev, own)]), "设备")
    assert device_signing_keys(world.hq)("D66") is None
    # and a bundle signed with the attacker's key, in the new device's name or in D01's, opens nowhere
    refused(world, send(world, d1, [own_household_edit(d1)], signer=mallory, device="D66"), "未登记的设备")
    refused(world, send(world, d1, [own_household_edit(d1)], signer=mallory), "签名")


EVIL_TIER = '{ until = 2023-07-15, per_m2 = "600" }'  # the signing reward of the first tier, per m²


def _evil_policy_text(genuine: str) -> str:
    assert EVIL_TIER in genuine
    return genuine.replace(EVIL_TIER, EVIL_TIER.replace('"600"', '"6600"'))  # ten times more, and a bit


def _calculated(world: World) -> tuple[WorldDevice, list[Record]]:
    """D01 calculates one of its households honestly: the calculation records, as a bundle carries them."""
    d1 = world.devices[0]
    with d1.db.read() as s:
        hid = s.scalars(select(Household.id).where(Household.assigned_to == d1.actor.username,
                                                   Household.status == "surveyed").order_by(Household.id)).first()
    calculations.calculate(d1.db, d1.actor, hid)
    with d1.db.engine.connect() as conn:
        return d1, _rows(conn, "calculations", "household_id = ? AND status = 'current'", (hid.hex,))


def _inflate(calc: Record, policy, policy_id: str) -> Record:
    inputs = HouseholdInput.from_dict(calculations.engine_inputs(calc.row["inputs_json"]))
    result = next(r for r in compute_all(policy, inputs) if r.option_key == calc.row["option_key"])
    row = {**calc.row, "result_json": result.to_canonical_json(), "total": to_fen(result.total),
           "net": to_fen(result.net), "policy_hash": policy.hash, "policy_version_id": policy_id}
    return Record("calculations", calc.id, calc.rev, 0, row)


def test_a_laptop_cannot_replace_hqs_published_policy_to_pass_inflated_calculations(world: World) -> None:
    d1, calcs = _calculated(world)
    genuine = row_of(world.hq, "policy_versions", "status = 'published'")
    evil_text = _evil_policy_text(genuine.row["content"])
    evil = parse_policy(evil_text, "方案")
    cash = next(c for c in calcs if c.row["option_key"] == "cash")
    inflated = _inflate(cash, evil, genuine.id)
    assert inflated.row["net"] - cash.row["net"] > 100_000 * 100  # more than ¥100,000 more for one household

    replaced = {**genuine.row, "content": evil_text, "content_hash": evil.hash, "rev": genuine.rev + 1,
                "origin_device": d1.code}
    policy = Record("policy_versions", genuine.id, genuine.rev + 1, genuine.rev, replaced)
    refused(world, send(world, d1, [policy, inflated]), "补偿方案版本", "整个同步包未导入")
    # a second published version "from the field", for the inflated calculation to point to: refused too
    new_id = uuid.uuid4().hex
    added = {**replaced, "id": new_id, "label": "2023-06 第2版", "rev": 1}
    refused(world, send(world, d1, [Record("policy_versions", new_id, 1, 0, added),
                                    _inflate(cash, evil, new_id)]), "补偿方案版本")
    with world.hq.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT content_hash FROM policy_versions WHERE id = ?",
                                    (genuine.id,)).scalar() == genuine.row["content_hash"]


def test_an_inflated_calculation_under_hqs_own_policy_is_flagged_by_the_recheck(tmp_path: Path) -> None:
    world = build(tmp_path, households=20)
    d1, calcs = _calculated(world)
    genuine = row_of(world.hq, "policy_versions", "status = 'published'")
    evil = parse_policy(_evil_policy_text(genuine.row["content"]), "方案")
    forged = [_inflate(c, evil, genuine.id) if c.row["option_key"] == "cash" else c for c in calcs]
    report = import_field_bundle(world.hq, world.admin, world.hq_pair, send(world, d1, forged))
    assert len(report.recheck_differences) == 1, report.recheck_differences
    assert "重算" in report.recheck_differences[0] or "不一致" in report.recheck_differences[0]


def _qr(world: World, net_fen: int = 61_034_800) -> qr.Payload:
    d1 = world.devices[0]
    h = row_of(world.hq, "households", "assigned_to = ? ORDER BY id LIMIT 1", (d1.actor.username,))
    return qr.Payload(f"FR2023-{d1.code}-000001", h.row["household_code"], "cash", net_fen,
                      qr.Payload.hash_prefix("ab" * 32), d1.code)


def test_forged_or_altered_agreement_qr_codes_are_invalid(world: World, cli) -> None:
    d1 = world.devices[0]
    hq_keys = project_public_keys(world.hq)
    assert d1.code in hq_keys
    genuine = qr.sign(_qr(world), device_signing_key(d1.db, d1.code))
    assert verify_text(genuine.text, hq_keys).valid  # the control: the device's real key verifies

    altered = genuine.text.replace("|61034800|", "|99034800|")  # +¥380,000 on the paper
    stranger = qr.sign(_qr(world, 99_034_800), keys.generate().signing).text  # "D01" signed by another key
    unregistered = qr.sign(qr.Payload(**{**_qr(world).__dict__, "device": "D66"}), keys.generate().signing).text
    for forged, why in ((altered, "签名无效"), (stranger, "签名无效"), (unregistered, "不是本项目已登记的设备")):
        verdict = verify_text(forged, hq_keys)
        assert not verdict.valid and why in verdict.message, verdict.message
    # `survey-app verify --text` says the same, without a traceback (in this process; a real `verify` process runs
    # in tests/security_chain/test_revocation.py)
    done = cli("--db", world.hq.path, "verify", "--text", altered, env={"SURVEY_APP_DATA": os.environ["SURVEY_APP_DATA"]})
    assert done.returncode == 1 and "签名无效" in done.stderr and "Traceback" not in done.stderr + done.stdout


def test_a_revoked_devices_bundles_and_agreements_are_refused(world: World) -> None:
    # Revocation today is the device record's tombstone at HQ (no revoke command or status yet: see
    # docs/security.md); both bundle import and agreement verification then stop trusting its keys.
    d2 = world.devices[1]
    signed_before = qr.sign(qr.Payload(f"FR2023-{d2.code}-000001", "C1-0001", "cash", 100, qr.Payload.hash_prefix(
        "cd" * 32), d2.code), device_signing_key(d2.db, d2.code)).text
    assert verify_text(signed_before, project_public_keys(world.hq)).valid
    with world.hq.uow(world.admin) as uow:
        device = uow.session.scalars(select(Device).where(Device.code == d2.code)).one()
        uow.tombstone(device)
        uow.commit()
    refused(world, send(world, d2, []), "未登记的设备")
    verdict = verify_text(signed_before, project_public_keys(world.hq))
    assert not verdict.valid and "不是本项目已登记的设备" in verdict.message
