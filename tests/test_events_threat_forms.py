"""Threats in other words (session 11): keeping force open ("would not rule out military
action") and ultimatums ("gave X three days to withdraw"). Sentences written for these tests."""

from __future__ import annotations

from typing import Any

from coder_helpers import code, tuples
from dyadwatch.events import PloverCoder


def _status(text: str, nlp: Any, stages: tuple[Any, PloverCoder]) -> set[tuple[Any, ...]]:
    return {(e.plover.type, e.status) for e in code(text, nlp, stages)}


def test_not_ruling_out_force_threatens(nlp: Any, stages: Any) -> None:
    text = "Ankara said it would not rule out military action against the Kurdish militia."
    got = _status(text, nlp, stages)
    assert ("THREATEN", "reported") in got, got
    assert not any(k == "REJECT" for k, _ in got), got


def test_ruling_out_force_is_no_threat(nlp: Any, stages: Any) -> None:
    got = _status("Seoul ruled out the use of force in the dispute.", nlp, stages)
    assert not any(k == "THREATEN" for k, _ in got), got


def test_not_ruling_out_elections_is_no_threat(nlp: Any, stages: Any) -> None:
    got = _status("The cabinet has not ruled out early elections.", nlp, stages)
    assert not any(k == "THREATEN" for k, _ in got), got


def test_days_to_act_is_an_ultimatum(nlp: Any, stages: Any) -> None:
    text = "The militia gave the Malian army three days to leave the base."
    got = tuples(code(text, nlp, stages))
    assert any(k == "THREATEN" for _, _, k in got), got
    assert not any(k in ("AID", "COOPERATE") for _, _, k in got), got


def test_setting_a_deadline_is_an_ultimatum(nlp: Any, stages: Any) -> None:
    text = "Washington set a deadline for Islamabad to hand over the suspects."
    assert ("USA", "PAK", "THREATEN") in tuples(code(text, nlp, stages))


def test_a_deadline_for_talks_is_no_ultimatum(nlp: Any, stages: Any) -> None:
    got = tuples(code("Lima and Quito set a deadline of March for the border talks.", nlp, stages))
    assert not any(k == "THREATEN" for _, _, k in got), got
