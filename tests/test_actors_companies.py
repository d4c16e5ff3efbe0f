"""Companies (sector BUS with their country) and acronyms written in mixed case (session 11)."""

from __future__ import annotations

from typing import Any

import pytest

from coder_helpers import code, tuples
from dyadwatch.actors import make_resolver
from dyadwatch.settings import Settings


@pytest.fixture(scope="module")
def resolve() -> Any:
    res = make_resolver(Settings())
    return lambda phrase: res.resolve_phrase(phrase, "2023-06-01")


@pytest.mark.parametrize(
    ("phrase", "country", "sector"),
    [
        ("Gazprom", "RUS", "BUS"),
        ("Huawei", "CHN", "BUS"),
        ("Saudi Aramco", "SAU", "BUS"),
        ("Lockheed Martin", "USA", "BUS"),
        ("the AfD", "DEU", "PTY"),
    ],
)
def test_phrases(phrase: str, country: str, sector: str, resolve: Any) -> None:
    a = resolve(phrase)
    assert (a.country, a.sector) == (country, sector), a


def test_a_mixed_case_acronym_needs_its_own_case(resolve: Any) -> None:
    a = resolve("afd")
    assert a is None or a.country is None, a


def test_a_company_is_a_side(nlp: Any, stages: Any) -> None:
    got = tuples(code("Gazprom cut off gas supplies to Latvia on Saturday.", nlp, stages))
    assert any(s == "RUS" and t == "LVA" for s, t, _ in got), got
