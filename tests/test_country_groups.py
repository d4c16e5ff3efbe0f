"""Named groups of states as sides ("the Baltic states", "the Nordics"), and exercises held
jointly. Sentences written for these tests."""

from __future__ import annotations

from typing import Any

import pytest

from coder_helpers import code, tuples
from dyadwatch.events.refs import member_states

BALTS = {"EST", "LTU", "LVA"}


def test_group_as_source_is_one_event_per_member(nlp: Any, stages: Any) -> None:
    got = tuples(code("The Baltic states expelled Russian diplomats on Monday.", nlp, stages))
    assert {(s, t) for s, t, _ in got} == {(m, "RUS") for m in BALTS}


@pytest.mark.parametrize(
    "text",
    [
        "Moscow threatened the Baltics with retaliation over the transit ban.",
        "Russia threatened the three Baltic countries with retaliation over the transit ban.",
    ],
)
def test_group_as_target_is_one_event_per_member(nlp: Any, stages: Any, text: str) -> None:
    got = tuples(code(text, nlp, stages))
    assert {t for s, t, typ in got if typ == "THREATEN" and s == "RUS"} == BALTS


def test_members_meet_the_other_party_not_each_other(nlp: Any, stages: Any) -> None:
    text = "The Japanese prime minister met the leaders of the Nordic countries in Oslo."
    got = {(s, t) for s, t, typ in tuples(code(text, nlp, stages)) if typ == "CONSULT"}
    nordic = {"DNK", "FIN", "ISL", "NOR", "SWE"}
    assert {t for s, t in got if s == "JPN"} == nordic
    assert not any(s in nordic and t in nordic for s, t in got)


def test_members_meeting_alone_meet_each_other(nlp: Any, stages: Any) -> None:
    text = "The presidents of the Baltic states met in Vilnius on Friday."
    got = {(s, t) for s, t, typ in tuples(code(text, nlp, stages)) if typ == "CONSULT"}
    assert got == {(a, b) for a in BALTS for b in BALTS if a != b}


@pytest.mark.parametrize(
    "text",
    [
        "Shipping through the Baltic Sea slowed after the storm.",  # a sea, not its states
        "Nordic design sold well at the fair.",  # not a plural head
    ],
)
def test_other_uses_are_no_group(nlp: Any, text: str) -> None:
    sdoc = nlp(text)
    assert all(member_states(t, 0) == [] for t in sdoc)


def test_joint_exercises_are_cooperation_not_a_show_of_force(nlp: Any, stages: Any) -> None:
    text = "Greece and Egypt will hold joint naval exercises in the Mediterranean next month."
    got = tuples(code(text, nlp, stages))
    assert ("GRC", "EGY", "COOPERATE") in got
    assert not any(typ in ("THREATEN", "MOBILIZE") for _, _, typ in got)
    # without 'joint', exercises near a rival stay a show of force
    alone = tuples(code("China held naval exercises near Taiwan on Monday.", nlp, stages))
    assert ("CHN", "TWN", "MOBILIZE") in alone


def test_one_sides_drills_are_a_show_of_force_joint_ones_cooperation(nlp: Any, stages: Any) -> None:
    own = tuples(code("Japan protested against China's military drills near Taiwan.", nlp, stages))
    assert ("CHN", "TWN", "MOBILIZE") in own
    assert not any(t == "COOPERATE" for _, _, t in own)
    joint = tuples(code("Egypt and Greece began joint naval drills on Monday.", nlp, stages))
    assert ("EGY", "GRC", "COOPERATE") in joint
