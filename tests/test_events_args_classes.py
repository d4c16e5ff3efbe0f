"""Argument classes of issue 7 (nominal agents, speakers, accuse-of frames, coordination,
coreference, unknown sides), on sentences written for these tests."""

from __future__ import annotations

from typing import Any

import pytest

from dyadwatch.actors import make_resolver
from dyadwatch.events import PloverCoder
from dyadwatch.records import Document, Event
from dyadwatch.settings import Settings

Tuple = tuple[str | None, str | None, str]


@pytest.fixture(scope="module")
def stages(settings: Settings) -> tuple[Any, PloverCoder]:
    return make_resolver(settings), PloverCoder(settings)


def code(text: str, nlp: Any, stages: tuple[Any, PloverCoder], **meta: Any) -> list[Event]:
    resolver, coder = stages
    doc = Document(doc_id="t", text=text, published="2023-05-02", **meta)
    sdoc = nlp(text)
    return coder(doc, sdoc, resolver.mentions(doc, sdoc))


def key(a: Any) -> str | None:
    return (a.country or a.code) if a is not None else None


def tuples(events: list[Event]) -> set[Tuple]:
    return {(key(e.source), key(e.target), e.plover.type) for e in events}


def of_type(events: list[Event], ptype: str) -> list[Event]:
    return [e for e in events if e.plover.type == ptype]


# -- 1. the agent of a nominal event is its own -----------------------------------------
def test_condemned_strike_keeps_its_attacker_unknown(nlp: Any, stages: Any) -> None:
    evs = code("Germany condemns the missile strike launched against Kyiv.", nlp, stages)
    assert ("DEU", None, "ACCUSE") in tuples(evs)
    assert (None, "UKR", "ASSAULT") in tuples(evs)
    assert not any(key(e.source) == "DEU" for e in of_type(evs, "ASSAULT"))


def test_condemned_attack_on_a_place_is_not_the_accused(nlp: Any, stages: Any) -> None:
    evs = code("Poland condemned the drone attack on Odesa.", nlp, stages)
    assert ("POL", None, "ACCUSE") in tuples(evs)
    assert not any(key(e.source) == "POL" for e in of_type(evs, "ASSAULT"))


def test_possessive_agent_and_own_target(nlp: Any, stages: Any) -> None:
    evs = code("Canada denounced Russia's invasion of Ukraine.", nlp, stages)
    assert ("CAN", "RUS", "ACCUSE") in tuples(evs)
    assert ("RUS", "UKR", "ASSAULT") in tuples(evs)


def test_by_phrase_agent(nlp: Any, stages: Any) -> None:
    evs = code("Britain condemned the attack launched by Russia against Odesa.", nlp, stages)
    assert ("GBR", "RUS", "ACCUSE") in tuples(evs)
    assert ("RUS", "UKR", "ASSAULT") in tuples(evs)


def test_passive_condemnation_of_a_nominal(nlp: Any, stages: Any) -> None:
    text = "The attack by Syrian forces on Idlib was condemned by Turkey."
    evs = code(text, nlp, stages)
    assert ("TUR", "SYR", "ACCUSE") in tuples(evs)
    assert not any(key(e.source) == "TUR" for e in of_type(evs, "ASSAULT"))


def test_support_verb_lends_its_subject(nlp: Any, stages: Any) -> None:
    evs = code("Azerbaijan launched an offensive against Armenia on Monday.", nlp, stages)
    assert ("AZE", "ARM", "ASSAULT") in tuples(evs)


def test_support_verb_with_particle(nlp: Any, stages: Any) -> None:
    evs = code("China and Pakistan are stepping up military cooperation.", nlp, stages)
    coop = of_type(evs, "COOPERATE")
    assert {(key(e.source), key(e.target)) for e in coop} >= {("CHN", "PAK"), ("PAK", "CHN")}


def test_gathering_for_talks(nlp: Any, stages: Any) -> None:
    text = "Serbian and Kosovar negotiators returned to Brussels for talks on Monday."
    evs = code(text, nlp, stages)
    assert any(e.plover.type == "CONSULT" and key(e.source) == "SRB" for e in evs)


# -- 4. coordination ----------------------------------------------------------------------
def test_two_accusers_two_events_no_mutual_accusation(nlp: Any, stages: Any) -> None:
    evs = code("Italy and Spain condemned the bombing of the hospital.", nlp, stages)
    acc = tuples(of_type(evs, "ACCUSE"))
    assert ("ITA", None, "ACCUSE") in acc and ("ESP", None, "ACCUSE") in acc
    assert ("ITA", "ESP", "ACCUSE") not in acc


def test_two_targets(nlp: Any, stages: Any) -> None:
    evs = code("Japan imposed sanctions on Russia and Belarus.", nlp, stages)
    assert {("JPN", "RUS", "SANCTION"), ("JPN", "BLR", "SANCTION")} <= tuples(evs)


def test_mutual_meeting_stays_symmetric(nlp: Any, stages: Any) -> None:
    evs = code("Egypt and Jordan held talks in Cairo.", nlp, stages)
    assert {("EGY", "JOR", "CONSULT"), ("JOR", "EGY", "CONSULT")} <= tuples(evs)
