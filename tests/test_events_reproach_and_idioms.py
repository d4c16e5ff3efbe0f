"""Session 13 precision classes, on written sentences: idioms and statement verbs that the
derived Phoenix synonym blocks code as conflict ("took place", "argued that", "struggling to
cope"); hindsight ("should have", "there should have been") asks no one to act and tells of
an act that did not happen; a bare hearing is no investigation; British spellings of bodies."""

from __future__ import annotations

from typing import Any

import pytest

from coder_helpers import code, tuples


@pytest.mark.parametrize(
    "text",
    [
        "Rallies took place peacefully across Bolivia on Sunday.",
        "Denmark argues that the Greenland accord needs no review.",
        "Egyptian farmers are struggling to cope with the drought.",
        "The hearing was the first of its kind in Kenya.",
    ],
)
def test_idioms_and_statements_are_no_events(nlp: Any, stages: Any, text: str) -> None:
    assert code(text, nlp, stages) == []


@pytest.mark.parametrize(
    "text",
    [
        "Hungary argued with the European Commission over the funds.",
        "Poland argued against Germany's plan.",
    ],
)
def test_arguing_with_or_against_a_party_disapproves(nlp: Any, stages: Any, text: str) -> None:
    assert any(t[2] == "ACCUSE" and t[1] for t in tuples(code(text, nlp, stages)))


def test_a_struggle_against_a_party_is_still_a_fight(nlp: Any, stages: Any) -> None:
    got = tuples(code("Malian soldiers struggled against Wagner fighters near Gao.", nlp, stages))
    assert any(t[2] == "ASSAULT" for t in got), got


@pytest.mark.parametrize(
    "text",
    [
        '"There should have been a plan," said the Peruvian senator.',
        "The Peruvian senator said Chile should have consulted Lima first.",
    ],
)
def test_hindsight_is_no_demand(nlp: Any, pipe: Any, text: str) -> None:
    from dyadwatch.records import Document

    doc = Document(doc_id="t", text=text, published="2023-03-01")
    evs = pipe.analyse(doc, nlp(text)).events
    assert not any(e.plover.type == "REQUEST" for e in evs), evs
    assert all(e.status == "hypothetical" for e in evs), evs


def test_a_demand_still_is_one(nlp: Any, stages: Any) -> None:
    text = "The Peruvian senator said Chile should consult Lima first."
    assert ("PER", "CHL", "REQUEST") in tuples(code(text, nlp, stages))


@pytest.mark.parametrize(
    ("phrase", "code_"),
    [
        ("the International Labour Organisation", "UNO"),
        ("the World Health Organisation", "UNO"),
    ],
)
def test_british_spellings_of_bodies(stages: Any, phrase: str, code_: str) -> None:
    a = stages[0].resolve_phrase(phrase, "2023-05-01")
    assert a is not None and a.code == code_ and a.kind == "igo", a


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        ("Belgium condemned a bombing that wounded two civilians in northern Niger.", "NER"),
        ("Russian drones killed four civilians in Odesa on Sunday.", "UKR"),
    ],
)
def test_victims_named_without_a_country_are_the_places(
    nlp: Any, stages: Any, text: str, wanted: str
) -> None:
    evs = [e for e in code(text, nlp, stages) if e.plover.type == "ASSAULT" and e.target]
    assert evs and all(e.target.country == wanted for e in evs), evs


def test_victims_with_their_own_country_keep_it(nlp: Any, stages: Any) -> None:
    text = "Gunmen killed two Chinese engineers in northern Pakistan."
    evs = [e for e in code(text, nlp, stages) if e.plover.type == "ASSAULT" and e.target]
    assert evs and evs[0].target.country == "CHN", evs


def test_an_obligation_in_reported_speech_is_a_demand(nlp: Any, stages: Any) -> None:
    text = "The Dutch minister told journalists Belarus had to free the detained pilot."
    assert ("NLD", "BLR", "REQUEST") in tuples(code(text, nlp, stages))


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        ("Beijing placed sanctions on two Lithuanian officials.", ("CHN", "LTU", "SANCTION")),
        ("The EU put sanctions on three Iranian generals.", ("EUR", "IRN", "SANCTION")),
    ],
)
def test_a_support_verb_lends_its_subject_to_the_act(
    nlp: Any, stages: Any, text: str, wanted: tuple
) -> None:
    assert wanted in tuples(code(text, nlp, stages))


def test_a_participle_on_a_misattached_noun_names_no_agent(nlp: Any, stages: Any) -> None:
    text = "Ottawa maintains its commitment to bringing home Canadians wrongfully detained abroad."
    evs = [e for e in code(text, nlp, stages) if e.plover.type == "COERCE"]
    assert evs and all(e.source is None for e in evs), evs
    assert evs[0].target is not None and evs[0].target.country == "CAN", evs


def test_a_dummy_it_is_no_earlier_actor(nlp: Any, stages: Any) -> None:
    text = "Iran seized two tankers. It is necessary to cooperate with Oman on shipping."
    coop = [e for e in code(text, nlp, stages) if e.plover.type == "COOPERATE"]
    assert all(e.source is None or e.source.country != "IRN" for e in coop), coop


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        ("Chile called out Peru for its treatment of migrants.", ("CHL", "PER", "ACCUSE")),
        ("Ukraine took aim at Slovakia over its stance on the war.", ("UKR", "SVK", "ACCUSE")),
        ("Ankara holds Syrian militants responsible for the bombing.", ("TUR", "SYR", "ACCUSE")),
        ("Australia described China's trade curbs as coercion.", ("AUS", "CHN", "ACCUSE")),
        (
            "Spain voiced alarm at the arrest of a reporter by Moroccan police.",
            ("ESP", "MAR", "ACCUSE"),
        ),
        (
            "Denmark expressed outrage over the jailing of the blogger by Egypt.",
            ("DNK", "EGY", "ACCUSE"),
        ),
    ],
)
def test_criticism_idioms_and_feelings_about_an_act(
    nlp: Any, stages: Any, text: str, wanted: tuple
) -> None:
    got = tuples(code(text, nlp, stages))
    assert wanted in got, got
    assert not any(t[2] in ("REQUEST", "COERCE") and t[0] == wanted[0] for t in got), got


@pytest.mark.parametrize(
    "text",
    [
        "The challenges facing Kenya are serious.",
        "The militia may be pulling the trigger, but Eritrea is arming it.",
    ],
)
def test_things_facing_a_party_and_trigger_idioms_are_no_acts(
    nlp: Any, stages: Any, text: str
) -> None:
    got = tuples(code(text, nlp, stages))
    assert not any(t[2] in ("CONSULT", "THREATEN") for t in got), got
