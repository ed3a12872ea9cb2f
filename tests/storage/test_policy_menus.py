from __future__ import annotations

from survey_app.core.services.policy_menus import policy_menus


def test_the_editor_offers_what_the_policy_prices(demo_db) -> None:
    menus = policy_menus(demo_db)
    codes = {m.code for m in menus.fixtures}
    assert {"water_meter/main", "air_conditioner/split", "gas"} <= codes
    assert any(m.by_value for m in menus.fixtures)  # 围墙 is paid on its appraised value
    assert [m.code for m in menus.extras] == ["shed", "stove", "loft", "well"]
    assert "brick_concrete" in menus.structures and menus.decoration_grades == ("simple", "medium", "fine")


def test_an_empty_database_has_no_menus(db) -> None:
    assert policy_menus(db).fixtures == ()
