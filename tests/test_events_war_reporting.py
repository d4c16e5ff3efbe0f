"""War reporting verbs and foreseen acts (session 11). Sentences written for these tests."""

from __future__ import annotations

from typing import Any

import pytest

from coder_helpers import code, tuples


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("Moscow unleashed a barrage of missiles on Lviv overnight.", ("RUS", "UKR")),
        ("Iranian drones slammed into an oil terminal in Erbil.", ("IRN", "IRQ")),
        ("Al-Shabaab fighters infiltrated northern Kenya.", (None, "KEN")),
    ],
)
def test_attacks_in_war_reporting(text: str, pair: tuple[Any, Any], nlp: Any, stages: Any) -> None:
    got = tuples(code(text, nlp, stages))
    assert any(k == "ASSAULT" and t == pair[1] for _, t, k in got), got
    assert not any(k == "ACCUSE" for _, _, k in got), got


def test_spies_infiltrating_a_ministry_is_no_assault(nlp: Any, stages: Any) -> None:
    got = tuples(code("Foreign spies infiltrated the finance ministry in Hanoi.", nlp, stages))
    assert not any(k == "ASSAULT" for _, _, k in got), got


def test_a_clash_warned_of_is_only_possible(nlp: Any, stages: Any) -> None:
    evs = code("Beijing warned of a military clash with Manila.", nlp, stages)
    clashes = [e for e in evs if e.plover.type == "ASSAULT"]
    assert clashes and all(e.status == "considered" for e in clashes), evs


@pytest.mark.parametrize(
    "text",
    [
        "Brasilia pledged to help Paraguay overcome poverty in the border region.",
        "Kyiv liberated three villages from Russian occupation on Sunday.",
    ],
)
def test_overcoming_hardship_or_liberating_land_is_no_fighting_or_concession(
    text: str, nlp: Any, stages: Any
) -> None:
    got = tuples(code(text, nlp, stages))
    assert not any(k in ("ASSAULT", "CONCEDE") for _, _, k in got), got


def test_troops_overcoming_defences_fight(nlp: Any, stages: Any) -> None:
    got = tuples(code("Ukrainian troops overcame Russian defences near Robotyne.", nlp, stages))
    assert ("UKR", "RUS", "ASSAULT") in got, got


def test_failing_is_a_refusal_only_as_failing_to_act(nlp: Any, stages: Any) -> None:
    assert not tuples(code("The Kremlin has failed in Donbas.", nlp, stages))
    got = tuples(code("Tehran failed to comply with the inspection regime.", nlp, stages))
    assert any(s == "IRN" and k == "REJECT" for s, _, k in got), got
