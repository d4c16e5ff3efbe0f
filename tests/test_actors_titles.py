"""Office and body names before a known person (issue 8), on phrases and sentences written for
these tests: a title that some dictionary ties to one country ("Joint Chiefs of Staff",
"Secretary of State", "National Security Council") does not override the country of a named
person whose own dated row is valid on the article date; a country word still does."""

from __future__ import annotations

from typing import Any

import pytest

from dyadwatch.actors import make_resolver
from dyadwatch.records import Document, Mention
from dyadwatch.settings import Settings


@pytest.fixture(scope="module")
def resolver(settings: Settings) -> Any:
    return make_resolver(settings)


def code(resolver: Any, text: str, date: str) -> str | None:
    a = resolver.resolve_phrase(text, date)
    return a.code if a else None


def mentions(resolver: Any, nlp: Any, text: str, date: str) -> list[Mention]:
    doc = Document(doc_id="t", text=text, published=date)
    return list(resolver.mentions(doc, nlp(text)))


@pytest.mark.parametrize(
    ("date", "text", "want"),
    [
        # an office name several countries use: the holder's own row places them
        ("2024-05-01", "Joint Chiefs of Staff Chairman Kim Myung-soo", "KORMIL"),
        ("2023-03-01", "Joint Chiefs of Staff Chairman Kim Seung-kyum", "KORMIL"),
        ("2022-05-01", "Chairman of the Joint Chiefs of Staff Yousef Huneiti", "JORMIL"),
        ("2024-02-01", "Joint Chiefs of Staff chief Yoshihide Yoshida", "JPNMIL"),
        ("2024-05-01", "Secretary of State for Foreign Affairs Luca Beccari", "SMRGOV"),
        ("2022-03-01", "Secretary of State for Defence Ben Wallace", "GBRGOV"),
        ("2025-10-01", "National Security Council secretary Ali Larijani", "IRNGOV"),
        # the same titles on their own country's holders
        ("2023-03-01", "Secretary of State Antony Blinken", "USAGOV"),
        ("2022-03-01", "Chairman of the Joint Chiefs of Staff Mark Milley", "USAMIL"),
        ("2024-05-01", "Pentagon spokesman John Kirby", "USAMIL"),
        # a country word still decides, and a capital names the country, not the sector
        ("2023-03-01", "Russian Defence Minister Sergei Shoigu", "RUSGOV"),
        ("2024-05-01", "South Korean Joint Chiefs of Staff Chairman Kim Myung-soo", "KORMIL"),
        ("2024-05-01", "Seoul's JCS chairman Kim Myung-soo", "KORMIL"),
        ("2024-05-01", "Moscow's UN envoy Vassily Nebenzia", "RUSGOV"),
        # no row of their own: the title's dictionary country stays
        ("2024-05-01", "Joint Chiefs of Staff Chairman Jane Doeling", "USAMIL"),
    ],
)
def test_office_name_does_not_place_a_known_person(
    resolver: Any, date: str, text: str, want: str
) -> None:
    assert code(resolver, text, date) == want


def test_the_row_must_be_valid_on_the_date(resolver: Any) -> None:
    """Before his term began Kim Seung-kyum's row places no one: the title decides."""
    assert code(resolver, "Joint Chiefs of Staff Chairman Kim Seung-kyum", "2022-03-01") == "USAMIL"
    assert code(resolver, "Joint Chiefs of Staff Chairman Kim Seung-kyum", "2023-03-01") == "KORMIL"


def test_explanation_names_the_passed_over_office(resolver: Any) -> None:
    ex = resolver.explain_phrase("Joint Chiefs of Staff Chairman Kim Myung-soo", "2024-05-01")
    assert ex.actor is not None and ex.actor.country == "KOR"
    assert any("USA" in r["what"] and "office" in r["reason"] for r in ex.rejected)


@pytest.mark.parametrize(
    ("date", "text", "who", "want"),
    [
        (
            "2024-05-01",
            "Secretary of State for Foreign Affairs Luca Beccari received the Italian ambassador.",
            "Luca Beccari",
            "SMRGOV",
        ),
        (
            "2022-03-01",
            "The Secretary of State for Defence, Ben Wallace, announced new sanctions on Moscow.",
            "Ben Wallace",
            "GBRGOV",
        ),
        (
            "2023-03-01",
            "The Joint Chiefs of Staff chairman, Kim Seung-kyum, condemned the missile launch.",
            "Kim Seung-kyum",
            "KORMIL",
        ),
        (
            "2023-06-01",
            "Australia's Minister for Foreign Affairs Penny Wong met Chinese officials in Beijing.",
            "Penny Wong",
            "AUSGOV",
        ),
        (
            "2023-03-01",
            "Joint Chiefs of Staff Chairman Kim Seung-kyum said North Korea fired a missile.",
            "Kim Seung-kyum",
            "KORMIL",
        ),
    ],
)
def test_title_and_holder_are_one_mention(
    resolver: Any, nlp: Any, date: str, text: str, who: str, want: str
) -> None:
    """No separate mention of the bare title with the title's dictionary country."""
    found = mentions(resolver, nlp, text, date)
    assert [m.actor.code for m in found if m.actor.name == who] == [want]
    first = found[0]  # every sentence opens with the title: it belongs to the holder's mention
    assert first.actor.name == who and first.start <= 4 and text[first.start : first.end] != who


def test_unknown_holder_keeps_the_portfolio_title(resolver: Any, nlp: Any) -> None:
    """'Minister for Foreign Affairs Jane Doeling': the portfolio is no name."""
    text = "Minister for Foreign Affairs Jane Doeling flew to Jakarta."
    found = [m.actor for m in mentions(resolver, nlp, text, "2024-05-01")]
    assert [a.name for a in found if a.kind == "person"] == ["Jane Doeling"]
    assert found[0].role == "Minister for Foreign Affairs" and found[0].sector == "GOV"
