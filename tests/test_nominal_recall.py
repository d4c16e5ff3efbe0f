"""Nominal and near-nominal events (issue 7): membership bids, build-ups, deals between
parties, stated willingness, pauses in fighting, hostage-taking. Sentences written for these
tests."""

from __future__ import annotations

from typing import Any

import pytest

from coder_helpers import code, tuples


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Moldova and Georgia submitted their applications for EU membership in March.",
            {("MDA", "EUR", "REQUEST"), ("GEO", "EUR", "REQUEST")},
        ),
        ("Ukraine submitted a formal request to join the European Union.", {("UKR", "EUR")}),
        ("Georgia's bid to join NATO has stalled.", {("GEO", "NAT")}),
        ("Bosnia handed in its application for membership of the European Union.", set()),
    ],
)
def test_a_membership_bid_is_a_request_to_the_organisation(
    text: str, expected: set[tuple[str, ...]], nlp: Any, stages: Any
) -> None:
    found = tuples(code(text, nlp, stages))
    pairs = {(s, t) for s, t, typ in found if typ == "REQUEST"}
    assert {e[:2] for e in expected} <= pairs
    assert pairs  # every sentence asserts the request
    # submitting an application is not yielding; what is applied for is not an act yet
    assert not {t for t in found if t[2] in ("CONCEDE", "CONSULT")}


def test_an_accepted_application_is_still_a_request(nlp: Any, stages: Any) -> None:
    text = "Ukraine's application to join the European Union was accepted."
    assert ("UKR", "EUR", "REQUEST") in tuples(code(text, nlp, stages))


def test_submitting_a_report_is_no_concession(nlp: Any, stages: Any) -> None:
    found = tuples(code("Kenya submitted its report to the African Union on Monday.", nlp, stages))
    assert not {t for t in found if t[2] == "CONCEDE"}


@pytest.mark.parametrize(
    "text",
    [
        "Russia's build-up of troops near the border with Ukraine alarmed Western capitals.",
        "The massing of Russian forces along the border with Ukraine worried NATO.",
        "Officials warned about Russia's continued buildup of forces around Ukraine.",
        "Russia's mobilization of reservists against Ukraine raised fears of war.",
    ],
)
def test_a_build_up_of_forces_mobilizes_against_the_neighbour(
    text: str, nlp: Any, stages: Any
) -> None:
    assert ("RUS", "UKR", "MOBILIZE") in tuples(code(text, nlp, stages))


def test_discussing_a_build_up_near_a_border_is_no_talk_with_the_neighbour(
    nlp: Any, stages: Any
) -> None:
    text = (
        "Blinken and Stoltenberg discussed Russia's buildup of troops near the border with Ukraine."
    )
    found = tuples(code(text, nlp, stages))
    assert ("RUS", "UKR", "MOBILIZE") in found
    assert ("USA", "NAT", "CONSULT") in found
    assert not {t for t in found if t[2] == "CONSULT" and "UKR" in t[:2]}


def test_relations_with_a_country_are_a_topic_not_a_partner(nlp: Any, stages: Any) -> None:
    found = tuples(code("Macron discussed relations with China on Monday.", nlp, stages))
    assert not {t for t in found if "CHN" in t[:2]}


def test_a_deal_reached_between_parties_is_mutual(nlp: Any, stages: Any) -> None:
    found = tuples(code("A deal between Israel and Hamas was reached on Tuesday.", nlp, stages))
    assert {("ISR", "PSE", "AGREE"), ("PSE", "ISR", "AGREE")} <= found
    assert not {t for t in found if t[0] is None}


def test_a_possessed_agreement_with_a_party(nlp: Any, stages: Any) -> None:
    found = tuples(code("Turkey's agreement with Russia allows grain exports.", nlp, stages))
    assert ("TUR", "RUS", "AGREE") in found


@pytest.mark.parametrize(
    ("text", "mediator"),
    [
        ("Qatar helped broker a deal between Israel and Hamas.", "QAT"),
        ("Egypt helped secure a truce between Israel and Hamas.", "EGY"),
    ],
)
def test_a_third_party_securing_a_deal_mediates(
    text: str, mediator: str, nlp: Any, stages: Any
) -> None:
    evs = code(text, nlp, stages)
    found = tuples(evs)
    assert {(mediator, "ISR", "CONSULT"), (mediator, "PSE", "CONSULT")} <= found
    assert any(e.cameo == "045" for e in evs)
    assert {("ISR", "PSE"), ("PSE", "ISR")} <= {t[:2] for t in found if t[2] != "CONSULT"}


def test_a_deal_only_sought_is_no_agreement(nlp: Any, stages: Any) -> None:
    found = tuples(
        code("The United States is seeking a deal between Israel and Hamas.", nlp, stages)
    )
    assert not {t for t in found if t[2] == "AGREE"}
    assert ("USA", "ISR", "CONSULT") in found


def test_a_named_agreement_is_no_act(nlp: Any, stages: Any) -> None:
    text = "The Paris Agreement between nearly 200 countries entered into force in 2016."
    assert not {t for t in tuples(code(text, nlp, stages)) if t[2] == "AGREE"}


def test_willingness_to_engage_is_intent_of_its_holder(nlp: Any, stages: Any) -> None:
    found = tuples(code("The visit shows Kenya's willingness to engage Somalia.", nlp, stages))
    assert ("KEN", "SOM", "AGREE") in found


def test_troops_engaging_fighters_is_combat_not_diplomacy(nlp: Any, stages: Any) -> None:
    found = tuples(code("Kenyan troops engaged al-Shabaab fighters near the border.", nlp, stages))
    assert not {t for t in found if t[2] in ("AGREE", "CONSULT")}


@pytest.mark.parametrize(
    "text",
    [
        "Israel and Hamas agreed to a humanitarian pause.",
        "The deal between Israel and Hamas provided an extended pause in the fighting.",
        "A cessation of hostilities between Israel and Hamas took effect on Friday.",
    ],
)
def test_a_pause_in_fighting_is_a_ceasefire_between_the_parties(
    text: str, nlp: Any, stages: Any
) -> None:
    evs = [e for e in code(text, nlp, stages) if e.plover.type == "RETREAT"]
    assert {(e.source.country, e.target.country) for e in evs if e.source and e.target} == {
        ("ISR", "PSE"),
        ("PSE", "ISR"),
    }
    assert all(e.cameo == "0871" for e in evs)


def test_hostages_held_by_a_group_are_its_abduction(nlp: Any, stages: Any) -> None:
    evs = code("There are still hostages held by Hamas, including Americans.", nlp, stages)
    assert ("PSE", "USA", "ASSAULT") in tuples(evs)
    assert any(e.cameo == "181" for e in evs)


def test_hostage_taking_by_a_group(nlp: Any, stages: Any) -> None:
    found = tuples(code("The hostage-taking by Hamas was condemned by the G7.", nlp, stages))
    assert ("PSE", None, "ASSAULT") in found


def test_the_place_of_a_pause_is_no_party_to_it(nlp: Any, stages: Any) -> None:
    text = "Aid agencies want a humanitarian pause in Gaza."
    assert not {t for t in tuples(code(text, nlp, stages)) if t[2] == "RETREAT"}


def test_a_hostage_holders_phrase_is_not_the_victim(nlp: Any, stages: Any) -> None:
    text = "Israel wants the release of hostages held by Hamas together with a pause in Gaza."
    found = tuples(code(text, nlp, stages))
    assert ("PSE", None, "ASSAULT") in found
    assert ("PSE", "PSE", "ASSAULT") not in found


def test_a_participle_on_a_thing_or_a_state_names_no_patient(nlp: Any, stages: Any) -> None:
    for text in (
        "Families in Canada pay hidden fees charged by banks.",
        "The treaty extends deterrence to the ROK backed by the full range of US capabilities.",
    ):
        found = tuples(code(text, nlp, stages))
        assert not {t for t in found if t[2] in ("ACCUSE", "SUPPORT") and t[1] is not None}


def test_people_killed_by_forces_are_their_victims(nlp: Any, stages: Any) -> None:
    found = tuples(code("Ukrainians killed by Russian forces were buried in Bucha.", nlp, stages))
    assert ("RUS", "UKR", "ASSAULT") in found
