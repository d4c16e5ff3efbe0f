"""People as the objects of repression and violence, peoples named by their group, meetings
named by who met, and assaults on people (session 12). Sentences written for these tests."""

from __future__ import annotations

from typing import Any

import pytest

from coder_helpers import code, tuples


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        ("Bolivian police detained nine people after the clashes.", ("BOL", "BOL", "COERCE")),
        ("The Iranian regime has barred women from entering stadiums.", ("IRN", "IRN", "COERCE")),
        ("A Belarusian court jailed three opposition figures for insults.", ("BLR", "BLR")),
        ("Cambodian authorities arrested an opposition politician in Phnom Penh.", ("KHM", "KHM")),
    ],
)
def test_people_held_take_the_country_of_their_captors(
    nlp: Any, stages: Any, text: str, wanted: tuple[str, ...]
) -> None:
    got = tuples(code(text, nlp, stages))
    assert any(t[: len(wanted)] == wanted for t in got), got


def test_people_alone_are_no_speaker_or_actor_without_an_act(nlp: Any, stages: Any) -> None:
    got = tuples(code("Many people in Lima watched the parade on Sunday.", nlp, stages))
    assert not got, got


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("Authorities in Xinjiang have detained Uyghurs in large numbers.", "CHN"),
        ("Soldiers in Rakhine burned the homes of Rohingya villagers.", "MMR"),
    ],
)
def test_a_people_named_by_its_group_is_its_countrys_civilians(
    nlp: Any, stages: Any, text: str, group: str
) -> None:
    evs = code(text, nlp, stages)
    assert any(e.target and e.target.country == group and e.target.sector == "CVL" for e in evs)


def test_the_meeting_of_two_leaders_is_theirs(nlp: Any, stages: Any) -> None:
    text = "The meeting of President Boric and President Petro ended without a statement."
    consult = {t for t in tuples(code(text, nlp, stages)) if t[2] == "CONSULT"}
    assert {("CHL", "COL", "CONSULT"), ("COL", "CHL", "CONSULT")} <= consult, consult


def test_the_visit_of_a_leader_is_the_visitors(nlp: Any, stages: Any) -> None:
    evs = code("Officials praised the visit of President Boric to Colombia.", nlp, stages)
    visits = [e for e in evs if e.plover.type == "CONSULT"]
    assert visits and all(e.source and e.source.country == "CHL" for e in visits)


def test_poisoning_a_person_is_an_assault_and_agents_are_spies(nlp: Any, stages: Any) -> None:
    evs = code("Syrian agents poisoned an exiled dissident in Beirut.", nlp, stages)
    hit = [e for e in evs if e.plover.type == "ASSAULT"]
    assert (
        hit
        and hit[0].source
        and (hit[0].source.country, hit[0].source.sector)
        == (
            "SYR",
            "SPY",
        )
    )
    assert not code("The dispute has poisoned relations with Algeria.", nlp, stages)


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        ("Beijing's coercive measures against Vilnius hurt exporters.", ("CHN", "LTU", "COERCE")),
        ("Armenia denounced Azerbaijan's annexation of the enclave.", ("AZE", None, "COERCE")),
        ("Two Swedish diplomats were expelled from Iran on Friday.", ("IRN", "SWE", "SANCTION")),
        ("Tunisia's prosecution of the union leader drew criticism.", ("TUN", "TUN", "ACCUSE")),
        ("The Belarusian regime's suppression of students continues.", ("BLR", "BLR", "COERCE")),
        ("Authorities in Bangkok disqualified two opposition lawmakers.", ("THA", "THA", "COERCE")),
    ],
)
def test_coercion_annexation_expulsion_and_repression_named_as_nouns(
    nlp: Any, stages: Any, text: str, wanted: tuple[str | None, ...]
) -> None:
    got = tuples(code(text, nlp, stages))
    assert wanted in got, got


def test_suppressing_a_report_or_a_revolt_is_no_coercion_of_people(nlp: Any, stages: Any) -> None:
    text = "Peru's suppression of the audit report angered Chilean investors."
    assert "COERCE" not in {t[2] for t in tuples(code(text, nlp, stages))}
