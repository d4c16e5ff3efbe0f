"""Group names written with a lower-case kind word, and bare armed actors (session 10)."""

from __future__ import annotations

from typing import Any

import pytest

from dyadwatch.actors import make_resolver
from dyadwatch.settings import Settings


@pytest.fixture(scope="module")
def resolve() -> Any:
    res = make_resolver(Settings())
    return lambda phrase: res.resolve_phrase(phrase, "2023-06-01")


@pytest.mark.parametrize(
    ("phrase", "country", "sector"),
    [
        ("the Gulf cartel", "MEX", "CRM"),
        ("Russia's Black Sea fleet", "RUS", "MIL"),
        ("jihadists", None, "REB"),
        ("pirates", None, "CRM"),
        ("paramilitaries", None, "PRM"),
    ],
)
def test_group_phrases(phrase: str, country: str | None, sector: str, resolve: Any) -> None:
    a = resolve(phrase)
    assert a is not None and (a.country, a.sector) == (country, sector), a


def test_a_capitalised_name_still_needs_its_capitals(resolve: Any) -> None:
    # the kind word may be lower case, the name itself may not
    a = resolve("the gulf cartel")
    assert a is None or a.country is None, a


def test_a_body_title_run_into_a_national_leader_keeps_the_leaders_office() -> None:
    res = make_resolver(Settings())
    a = res.resolve_phrase("United Nations General Assembly President Joe Biden", "2022-09-21")
    assert a is not None and a.country == "USA", a
    b = res.resolve_phrase("UN Secretary-General Antonio Guterres", "2022-09-21")
    assert b is not None and b.country is None and b.code == "UNO", b
