from __future__ import annotations

import pytest

from survey_app.core.domain.errors import PermissionDenied
from survey_app.core.domain.ids import new_id, uuid7
from survey_app.core.domain.roles import ROLE_PERMISSIONS, Permission, Role, require
from survey_app.core.security.passwords import hash_password, verify_password
from survey_app.core.storage.search_key import household_search_fields, name_pinyin


def test_ids_are_version_7_and_time_ordered() -> None:
    a, b = uuid7(1_700_000_000_000), uuid7(1_700_000_000_001)
    assert a.version == 7 and a.variant == "specified in RFC 4122"
    assert a.hex < b.hex
    assert new_id() != new_id()


def test_reproducible_ids() -> None:
    assert uuid7(5, 123) == uuid7(5, 123)


def test_role_rules() -> None:
    require(Role.HQ_ADMIN, Permission.MANAGE_USERS)
    require(Role.SUPERVISOR, Permission.VOID_AGREEMENT)
    with pytest.raises(PermissionDenied, match="调查员无权"):
        require(Role.FIELD_WORKER, Permission.VOID_AGREEMENT)
    with pytest.raises(PermissionDenied):
        require("supervisor", Permission.MANAGE_USERS)
    assert ROLE_PERMISSIONS[Role.FIELD_WORKER] < ROLE_PERMISSIONS[Role.SUPERVISOR] < ROLE_PERMISSIONS[Role.HQ_ADMIN]


def test_passwords_are_salted_scrypt() -> None:
    h1, h2 = hash_password("secret1", n=2**10), hash_password("secret1", n=2**10)
    assert h1 != h2 and h1.startswith("scrypt$")
    assert verify_password("secret1", h1)
    assert not verify_password("secret2", h1)
    assert not verify_password("secret1", "garbage")


@pytest.mark.parametrize("name, full, initials", [("张伟", "zhangwei", "zw"), ("曾国强", "zengguoqiang", "zgq"),
                                                  ("欧阳娜娜", "ouyangnana", "oynn"), ("单田芳", "shantianfang", "stf")])
def test_pinyin_of_names(name: str, full: str, initials: str) -> None:
    assert name_pinyin(name) == (full, initials)


def test_names_are_read_without_pypinyins_phrase_dictionary() -> None:
    # Every import of pypinyin in the app goes through search_key, which skips the phrase dictionary (~0.25 s per
    # process): a reading it would change for a single character does not exist (checked for all 41,923).
    import sys

    assert name_pinyin("曾小明") == ("zengxiaoming", "zxm")  # a name read in this process, the first or not
    assert sys.modules["pypinyin.constants"].PHRASES_DICT == {}
    assert "pypinyin.phrases_dict" not in sys.modules


def test_search_key_holds_every_field_lowercased() -> None:
    _, _, key = household_search_fields("A1-0001", "张伟", "11010519491231002X", "13800138000", "人民路1号")
    for part in ("a1-0001", "张伟", "zhangwei", "zw", "11010519491231002x", "13800138000", "人民路1号"):
        assert part in key


def test_new_ids_sort_in_creation_order() -> None:
    ids = [new_id() for _ in range(2000)]  # many share a millisecond
    assert ids == sorted(ids) and len(set(ids)) == 2000
    assert all(i.version == 7 for i in ids)
