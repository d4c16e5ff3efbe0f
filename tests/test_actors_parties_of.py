"""Parties said to be of a country, and session-12 rows of the knowledge base (written
phrases, not gold)."""

from __future__ import annotations

from typing import Any

import pytest

from dyadwatch.actors import make_resolver
from dyadwatch.settings import Settings


@pytest.fixture(scope="module")
def resolver(settings: Settings) -> Any:
    return make_resolver(settings)


@pytest.mark.parametrize(
    ("phrase", "country"),
    [
        ("the Labour Party of Norway", "NOR"),
        ("the Republican Party of Armenia", "ARM"),
        ("the Conservative Party of Canada", "CAN"),
    ],
)
def test_a_shared_party_name_of_another_country_is_that_countrys(
    resolver: Any, phrase: str, country: str
) -> None:
    a = resolver.resolve_phrase(phrase, "2023-06-01")
    assert a is not None and (a.country, a.sector) == (country, "PTY")


def test_a_party_name_alone_keeps_its_own_country(resolver: Any) -> None:
    a = resolver.resolve_phrase("the Labour Party", "2023-06-01")
    assert a is not None and a.country == "GBR"


@pytest.mark.parametrize(
    ("phrase", "date", "want"),
    [
        ("the Awami League", "2015-01-01", ("BGD", "GOV")),
        ("the Awami League", "2025-01-01", ("BGD", "PTY")),
        ("the Haqqani network", "2019-01-01", ("AFG", "REB")),
        ("the Democratic Party of Japan", "2010-05-01", ("JPN", "GOV")),
    ],
)
def test_new_rows_are_dated(resolver: Any, phrase: str, date: str, want: tuple[str, str]) -> None:
    a = resolver.resolve_phrase(phrase, date)
    assert a is not None and (a.country, a.sector) == want


@pytest.mark.parametrize(
    ("phrase", "want"),
    [
        ("Republican senators", ("USA", "LEG")),
        ("the Republican candidate", ("USA", "PTY")),
        ("Iraq's Republican Guard", ("IRQ", "MIL")),
    ],
)
def test_the_us_party_adjective_and_a_guard_force(
    resolver: Any, phrase: str, want: tuple[str, str]
) -> None:
    a = resolver.resolve_phrase(phrase, "2019-06-01")
    assert a is not None and (a.country, a.sector) == want
