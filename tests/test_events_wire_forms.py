"""Wire-story forms (session 12), on written sentences: a place the small model glues into a
time entity ("at Odesa overnight"), a passive agent that is an act ("killed by Russian
shelling"), a visit named in a 'during' phrase, and involvement denied or acknowledged."""

from __future__ import annotations

from typing import Any

import pytest

from coder_helpers import code, tuples
from dyadwatch.records import Document, Event


def run(text: str, pipe: Any, nlp: Any) -> list[Event]:
    """The whole pipeline: statuses come from the claims stage."""
    doc = Document(doc_id="t", text=text, published="2023-03-01")
    return list(pipe.analyse(doc, nlp(text)).events)


@pytest.mark.parametrize(
    "text",
    [
        "Russia launched 30 drones at Kyiv overnight.",
        "Moscow launched a wave of missiles at Kyiv overnight.",
    ],
)
def test_a_place_glued_to_overnight_is_still_the_target(nlp: Any, stages: Any, text: str) -> None:
    assert ("RUS", "UKR", "ASSAULT") in tuples(code(text, nlp, stages))


def test_a_passive_agent_that_is_an_act_lends_its_own_agent(nlp: Any, pipe: Any) -> None:
    evs = run("Two Ukrainian medics were killed by Russian shelling near Kherson.", pipe, nlp)
    got = tuples(evs)
    assert ("RUS", "UKR", "ASSAULT") in got, got
    assert len([e for e in evs if e.plover.type == "ASSAULT"]) == 1  # the killing only


def test_a_visit_during_an_act_is_the_subjects(nlp: Any, stages: Any) -> None:
    text = "Italy's Meloni pledged continued support for Ukraine during a visit to Kyiv."
    got = tuples(code(text, nlp, stages))
    assert ("ITA", "UKR", "CONSULT") in got, got


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Syria denied any involvement in the bombing of the embassy.", "denied"),
        ("Hezbollah acknowledged its role in the ambush of Israeli troops.", "acknowledged"),
    ],
)
def test_involvement_in_an_act_makes_its_agent(nlp: Any, pipe: Any, text: str, status: str) -> None:
    evs = [e for e in run(text, pipe, nlp) if e.plover.type == "ASSAULT"]
    assert evs and evs[0].source is not None and evs[0].status == status, evs


@pytest.mark.parametrize(
    "text",
    [
        "Paraguay announced a plan to expel the Bolivian ambassador.",
        "Uruguay announced plans to invade the disputed islands of Argentina.",
    ],
)
def test_a_plan_announced_to_harm_is_a_threat(nlp: Any, stages: Any, text: str) -> None:
    types = {t[2] for t in tuples(code(text, nlp, stages))}
    assert "THREATEN" in types and "AGREE" not in types, types


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Iran is deploying a new air defense system around Isfahan.", "reported"),
        ("Chile called up 5,000 reservists on Monday.", "reported"),
        ("France will deploy Rafale jets to Romania next month.", "expected"),
    ],
)
def test_deployments_and_call_ups_mobilize(nlp: Any, stages: Any, text: str, status: str) -> None:
    evs = [e for e in code(text, nlp, stages) if e.plover.type == "MOBILIZE"]
    assert evs and evs[0].status == status, [
        (e.plover.type, e.status) for e in code(text, nlp, stages)
    ]


def test_signing_a_truce_declares_it(nlp: Any, stages: Any) -> None:
    got = tuples(code("Sudan and South Sudan signed a truce in Juba.", nlp, stages))
    assert any(t[2] == "RETREAT" and t[0] in ("SDN", "SSD") for t in got), got
    got = tuples(code("Chile and Peru signed a fisheries accord.", nlp, stages))
    assert ("CHL", "PER", "SUPPORT") in got, got


def test_an_act_asked_about_is_considered_not_refused(nlp: Any, stages: Any) -> None:
    evs = code("Bolivia has not yet decided whether to reopen its embassy in Chile.", nlp, stages)
    assert evs and all(e.plover.type != "REJECT" and e.status == "considered" for e in evs), [
        (e.plover.type, e.status) for e in evs
    ]


@pytest.mark.parametrize(
    ("text", "venue"),
    [
        ("Peruvian officials met rebel commanders in Havana on Monday.", "CUB"),
        ("Iranian negotiators met diplomats in Vienna on Tuesday.", "AUT"),
    ],
)
def test_a_meetings_venue_is_not_the_others_country(
    nlp: Any, stages: Any, text: str, venue: str
) -> None:
    got = tuples(code(text, nlp, stages))
    assert got and not any(venue in t[:2] for t in got), got


def test_people_held_in_a_place_keep_its_country(nlp: Any, stages: Any) -> None:
    got = tuples(code("Police arrested students in Minsk.", nlp, stages))
    assert any(t[1] == "BLR" and t[2] == "COERCE" for t in got), got
