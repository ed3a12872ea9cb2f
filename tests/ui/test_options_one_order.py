"""Issue 11 item 3: one order of a household's options, shared by the CLI's table, the compensation page's
model and the 补偿测算单 — even when the stored rows are not in that order."""

from __future__ import annotations

import argparse
import json
import uuid

from sqlalchemy import select, update

from survey_app.cli import calc as calc_cli
from survey_app.core.compensation.calculation import Calculation as Result
from survey_app.core.domain.vocabulary import MODE_ORDER
from survey_app.core.services import calculations
from survey_app.core.services.agreements import documents
from survey_app.core.storage.calc_inputs import engine_inputs, household_input
from survey_app.core.storage.models import Calculation, Household, PolicyVersion
from survey_app.ui.pages.compensation_model import CompensationModel


def _cli_option_keys(demo_db, hid: uuid.UUID, tmp_path, capsys) -> list[str]:
    with demo_db.read() as s:
        calc = s.scalars(select(Calculation).where(Calculation.household_id == hid,
                                                   Calculation.status == "current")).first()
        pv = s.get(PolicyVersion, calc.policy_version_id)
        signing = Result.from_json(calc.result_json).inputs.signing_date
        data = household_input(s, s.get(Household, hid), signing_date=signing).to_dict()
        assert engine_inputs(calc.inputs_json)["household_code"] == data["household_code"]
        (tmp_path / "policy.toml").write_text(pv.content, encoding="utf-8")
    (tmp_path / "household.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    parser = argparse.ArgumentParser(prog="survey-app")
    calc_cli.register(parser.add_subparsers())
    args = parser.parse_args(["calc", "--policy", str(tmp_path / "policy.toml"),
                              "--household", str(tmp_path / "household.json"), "--json"])
    capsys.readouterr()
    assert args.func(args) == 0
    return [o["option"] for o in json.loads(capsys.readouterr().out)["options"]]


def _scramble(demo_db, hid: uuid.UUID) -> None:
    """Swap the stored contents of the first and last option rows, so id order is no longer mode order."""
    with demo_db.engine.begin() as conn:
        t = Calculation.__table__
        rows = conn.execute(select(t.c.id, t.c.mode, t.c.option_key, t.c.result_json, t.c.total, t.c.net)
                            .where(t.c.household_id == hid, t.c.status == "current").order_by(t.c.id)).all()
        first, last = rows[0], rows[-1]
        assert first.mode != last.mode
        for row, other in ((first, last), (last, first)):
            conn.execute(update(t).where(t.c.id == row.id).values(
                mode=other.mode, option_key=other.option_key, result_json=other.result_json, total=other.total,
                net=other.net))


def test_cli_page_and_sheet_list_the_same_options_in_the_same_order(qapp, demo_db, calculated, tmp_path,
                                                                    capsys, monkeypatch) -> None:
    hid = uuid.UUID(calculated)
    _scramble(demo_db, hid)

    model = CompensationModel()
    model.set_options(calculations.options(demo_db, hid))
    page = [model.option_at(c).option_key for c in range(1, model.columnCount())]

    sheet: list = []
    monkeypatch.setattr("survey_app.core.documents.render_calculation_sheets",
                        lambda docs, out, number: sheet.extend(docs))
    assert documents.render_calculation_sheet_pdf(demo_db, hid, tmp_path / "sheet.pdf") == len(page)
    by_key = {o.option_key: o.result for o in calculations.options(demo_db, hid)}
    expected_sheet = [(by_key[k].mode_label, by_key[k].net) for k in page]

    cli = _cli_option_keys(demo_db, hid, tmp_path, capsys)
    assert len(page) >= 3 and len({by_key[k].mode for k in page}) >= 2
    assert cli == page
    assert [(d.mode_label, d.net) for d in sheet] == expected_sheet
    modes = [by_key[k].mode for k in page]
    assert modes == sorted(modes, key=MODE_ORDER.index)  # cash, exchange …, voucher
