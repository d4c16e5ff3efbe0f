"""What White House prose does to its objects (session 11): a stance's owner is the source,
an alliance's allies are its members, things released or mobilised are no people, languages
studied are no parties, and the nationality on weapons used names their maker, not a party.
Sentences written for these tests."""

from __future__ import annotations

from typing import Any

import pytest

from coder_helpers import code, tuples


def test_a_stance_owned_by_the_source_is_not_its_target(nlp: Any, stages: Any) -> None:
    got = tuples(
        code("Blinken reaffirmed the U.S. commitment to the security of the Gulf.", nlp, stages)
    )
    assert ("USA", "USA", "SUPPORT") not in got, got
    got = tuples(code("Seoul welcomed the US commitment to extended deterrence.", nlp, stages))
    assert ("KOR", "USA", "SUPPORT") in got, got


def test_an_alliances_allies_are_the_alliance(nlp: Any, stages: Any) -> None:
    got = tuples(code("Scholz thanked NATO's Allies for their resolve.", nlp, stages))
    assert ("DEU", "NAT", "SUPPORT") in got, got


@pytest.mark.parametrize(
    "text",
    [
        "The ministry released two million barrels of oil from its reserves.",
        "The agency has mobilized an unprecedented effort to fight fraud.",
        "She speaks Arabic and has studied Turkish and Persian.",
    ],
)
def test_things_released_mobilised_or_studied_are_no_events(
    text: str, nlp: Any, stages: Any
) -> None:
    assert not tuples(code(text, nlp, stages))


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Hezbollah released three hostages on Friday.", "RETREAT"),
        ("Armenia mobilized 10,000 reservists.", "MOBILIZE"),
    ],
)
def test_people_released_or_mobilised_are_events(
    text: str, kind: str, nlp: Any, stages: Any
) -> None:
    assert any(k == kind for _, _, k in tuples(code(text, nlp, stages)))


def test_hostages_held_are_an_abduction(nlp: Any, stages: Any) -> None:
    got = tuples(code("Al-Shabaab is holding four aid workers as hostages.", nlp, stages))
    got |= tuples(code("The militia is holding dozens of hostages in Tripoli.", nlp, stages))
    assert any(k == "ASSAULT" for _, _, k in got), got
    assert not any(k == "COERCE" for _, _, k in got), got


def test_weapons_used_against_a_party_attack_it(nlp: Any, stages: Any) -> None:
    got = tuples(code("Moscow is using Iranian drones against Ukrainian towns.", nlp, stages))
    assert any(s == "RUS" and k == "ASSAULT" for s, _, k in got), got
    assert not any(t == "IRN" for _, t, _ in got), got
