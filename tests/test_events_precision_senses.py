"""Precision, wrong senses of ambiguous triggers: the argument that makes the event sense must
be there (data/events/senses.tsv), and a relative clause's antecedent is its verb's object.

Every sentence here was written for these tests (invented news and briefing lines).
"""

from __future__ import annotations

from typing import Any

import pytest

from dyadwatch.events.senses import load_senses, sense_ok
from dyadwatch.pipeline import Pipeline
from dyadwatch.records import Document, Event


def run(text: str, pipe: Pipeline, nlp: Any) -> list[Event]:
    doc = Document(doc_id="t", text=text, published="2023-03-01")
    return pipe.analyse(doc, nlp(text)).events


def types(text: str, pipe: Pipeline, nlp: Any) -> set[str]:
    return {e.plover.type for e in run(text, pipe, nlp)}


@pytest.mark.parametrize(
    ("text", "unwanted"),
    [
        ("Protesters in Georgia fight for their freedom every day.", "ACCUSE"),
        ("Crews from Chile battle a record wildfire season in Patagonia.", "ASSAULT"),
        ("The President will keep fighting against efforts to raise drug prices in Texas.",
         "ASSAULT"),
        ("The United States will compete with China in a responsible way.", "ACCUSE"),
        ("Estonia must be able to defend itself against Russia.", "AID"),
        ("NATO allies will defend every inch of alliance territory.", "AID"),
        ("The new fund from Japan will help ensure that farmers get better seeds.", "AID"),
        ("Germany is conducting more tests per capita than France.", "COOPERATE"),
        ("Envoys from Norway serve on the frontlines of climate diplomacy.", "COOPERATE"),
        ("So we want to be as transparent as possible with the people of Canada.", "AGREE"),
    ],
)  # fmt: skip
def test_wrong_senses_give_no_event(text: str, unwanted: str, pipe: Pipeline, nlp: Any) -> None:
    assert unwanted not in types(text, pipe, nlp)


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        ("Ukrainian forces fought Russian troops near Kherson on Tuesday.", "ASSAULT"),
        ("Armenian troops fought near the border overnight.", "ASSAULT"),
        ("The United States helped Ukraine defend its power grid.", "AID"),
        ("American warships will defend Taiwan if China attacks.", "AID"),
    ],
)
def test_event_senses_stay(text: str, wanted: str, pipe: Pipeline, nlp: Any) -> None:
    assert wanted in types(text, pipe, nlp)


@pytest.mark.parametrize(
    "text",
    [
        "Crypto is no way around the financial sanctions that Washington has imposed on Moscow.",
        "Officials tracked violations of sanctions and export controls imposed on Iran.",
    ],
)
def test_relative_clause_antecedent_is_the_object(text: str, pipe: Pipeline, nlp: Any) -> None:
    evs = [e for e in run(text, pipe, nlp) if e.trigger == "imposed"]
    assert evs and {e.plover.type for e in evs} == {"SANCTION"}


def test_new_conditions_read_the_parse(nlp: Any) -> None:
    assert {"actor_argument", "combat_argument"} <= {
        c for rows in load_senses().values() for _, conds in rows for c in conds
    }
    fought = next(t for t in nlp("Kenya fought against Somalia.") if t.lemma_ == "fight")
    assert sense_ok(fought, "190")
    fought = next(t for t in nlp("Kenyans fought for freedom.") if t.lemma_ == "fight")
    assert not sense_ok(fought, "190")


def test_engaging_a_state_is_no_assault(pipe: Pipeline, nlp: Any) -> None:
    assert "ASSAULT" not in types(
        "The forum showed the bloc's willingness to engage Chile.", pipe, nlp
    )
    assert "ASSAULT" in types("Israeli troops engaged Hamas militants near Gaza City.", pipe, nlp)


def test_welcoming_a_visitor_is_hosting(pipe: Pipeline, nlp: Any) -> None:
    assert types("Japan welcomed the Indian Prime Minister to Tokyo on Friday.", pipe, nlp) == {
        "CONSULT"
    }
    assert types("France welcomed Finland's accession to NATO.", pipe, nlp) == {"SUPPORT"}


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        (
            "President Ruto spoke to President Museveni about the border on Friday.",
            {("KEN", "UGA", "CONSULT")},
        ),
        (
            "Chancellor Scholz talked to President Macron by phone.",
            {("DEU", "FRA", "CONSULT")},
        ),
    ],
)
def test_speaking_to_a_party_is_a_talk(
    text: str, wanted: set[tuple[str, str, str]], pipe: Pipeline, nlp: Any
) -> None:
    got = {
        (e.source and e.source.country, e.target and e.target.country, e.plover.type)
        for e in run(text, pipe, nlp)
    }
    assert wanted <= got and not {(b, a, t) for a, b, t in wanted} & got


@pytest.mark.parametrize(
    "text",
    [
        "The Foreign Minister of Peru spoke to reporters in Lima.",
        "Hungary delayed a vote on the accession of Sweden.",
        "The Senate of Chile postponed the debate on the treaty.",
        "Officials in Brazil shelved the plan for a new dam.",
    ],
)
def test_speaking_to_the_press_and_delaying_are_no_events(
    text: str, pipe: Pipeline, nlp: Any
) -> None:
    assert types(text, pipe, nlp) & {"CONSULT", "ACCUSE"} == set()


@pytest.mark.parametrize(
    "text",
    [
        "Moldova sought emergency aid from Romania after the floods.",
        "Moldova asked Romania for emergency aid after the floods.",
    ],
)
def test_aid_asked_for_is_a_request_not_aid(text: str, pipe: Pipeline, nlp: Any) -> None:
    got = {(e.source and e.source.country, e.target and e.target.country, e.plover.type)
           for e in run(text, pipe, nlp)}  # fmt: skip
    assert ("MDA", "ROU", "REQUEST") in got
    assert not any(t == "AID" for _, _, t in got)


def test_seeking_to_do_something_is_an_aim_not_an_agreement(pipe: Pipeline, nlp: Any) -> None:
    assert "AGREE" not in types("Chile seeks to uphold the rules of the sea.", pipe, nlp)
