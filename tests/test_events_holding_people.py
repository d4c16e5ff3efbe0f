"""Coercion of people and meetings held (session 11): holding, persecuting, harassing,
silencing, subjecting, exiling and restricting people; misinformation, legal action and the
internet cut; holding a meeting or a call. Sentences written for these tests."""

from __future__ import annotations

from typing import Any

import pytest

from coder_helpers import code, tuples


@pytest.mark.parametrize(
    "text",
    [
        "Belarus continues to hold hundreds of political prisoners.",
        "Eritrean authorities have persecuted evangelical Christians for decades.",
        "Nicaragua has harassed Catholic bishops and shut down independent media.",
        "Authorities in Minsk have silenced independent voices.",
        "Beijing has subjected Tibetans to mass detention.",
        "The regime forced dozens of journalists into exile.",
        "Cuban police prevented activists from leaving their homes.",
        "Caracas stripped the opposition leader of his right to hold office.",
        # misinformation (PLOVER COERCE 'misinformation'), legal action, the internet cut
        "Belarusian state television falsely claimed that Poland was massing troops.",
        "Pro-government trolls circulated fake videos of the opposition leader.",
        "Moscow keeps pushing the false narrative that Kyiv is run by extremists.",
        "Officials in Minsk made baseless claims about Lithuanian saboteurs.",
        "Police in Assam booked twelve activists for sedition.",
        "Indian authorities suspended mobile internet across Kashmir on Friday.",
    ],
)
def test_coercion_of_people_is_coerce(text: str, nlp: Any, stages: Any) -> None:
    got = tuples(code(text, nlp, stages))
    assert any(k == "COERCE" for _, _, k in got), got


@pytest.mark.parametrize(
    "text",
    [
        "Washington holds Moscow responsible for the attack.",
        "The ceasefire silenced the guns along the front line.",
        "Ministers will hold a summit in Geneva next week.",
        "The ministry will push back against false claims about the vaccine.",
        "The couple booked a table for dinner in Lisbon.",
    ],
)
def test_holding_things_or_views_is_no_arrest(text: str, nlp: Any, stages: Any) -> None:
    got = tuples(code(text, nlp, stages))
    assert not any(k == "COERCE" for _, _, k in got), got


def test_holding_a_call_is_a_consultation(nlp: Any, stages: Any) -> None:
    got = tuples(code("Scholz held a call with President Erdogan on Monday.", nlp, stages))
    assert ("DEU", "TUR", "CONSULT") in got, got


def test_holding_a_meeting_with_a_party_is_one_event(nlp: Any, stages: Any) -> None:
    got = tuples(code("Lula held a meeting with Argentine business leaders.", nlp, stages))
    assert ("BRA", "ARG", "CONSULT") in got and ("ARG", "BRA", "CONSULT") not in got, got


@pytest.mark.parametrize(
    "text",
    [
        "The army took power in Conakry after days of unrest.",
        "Officers deposed the president of Sierra Leone.",
        "Moscow is spreading disinformation about Moldova.",
        "Russia is weaponizing gas supplies against Moldova.",
        "Minsk has used migrants as a weapon against Poland.",
    ],
)
def test_coups_and_pressure_without_force_are_coerce(text: str, nlp: Any, stages: Any) -> None:
    got = tuples(code(text, nlp, stages))
    assert any(k == "COERCE" for _, _, k in got), got
    assert not any(k == "ASSAULT" for _, _, k in got), got


def test_a_coup_in_a_state_is_that_states_act(nlp: Any, stages: Any) -> None:
    got = tuples(code("Paris condemned the military takeover in Niger.", nlp, stages))
    assert ("FRA", "NER", "ACCUSE") in got, got
    assert ("NER", None, "COERCE") in got, got


def test_arrests_in_a_state_are_by_that_state(nlp: Any, stages: Any) -> None:
    got = tuples(code("The arrests in Belarus drew condemnation from Vilnius.", nlp, stages))
    assert ("BLR", None, "COERCE") in got, got
