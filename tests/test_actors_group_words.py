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
