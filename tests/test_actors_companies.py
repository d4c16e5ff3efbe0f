"""Companies (sector BUS with their country), mixed-case acronyms and international bodies
named by a hyphenated number or a collective noun (session 11)."""

from __future__ import annotations

from typing import Any

import pytest

from coder_helpers import code, tuples


@pytest.fixture(scope="module")
def resolve(stages: Any) -> Any:
    resolver, _ = stages  # the session's resolver (conftest.py)
    return lambda phrase: resolver.resolve_phrase(phrase, "2023-06-01")


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


@pytest.mark.parametrize(
    ("phrase", "code", "sector"),
    [
        ("the G-20", "IGO", None),
        ("OPEC+", "IGO", None),
        ("the Paris Club", "IGO", None),
        ("the Minsk Group", "IGO", None),
        ("the East African Community", "IGO", None),
        ("the Financial Action Task Force", "IGO", None),
    ],
)
def test_bodies(phrase: str, code: str, sector: str | None, resolve: Any) -> None:
    a = resolve(phrase)
    assert a is not None and (a.country, a.code, a.sector) == (None, code, sector), a
