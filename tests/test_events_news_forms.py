"""Common news forms of acts between states (session 9). Sentences written for these tests."""

from __future__ import annotations

from typing import Any

import pytest

from coder_helpers import code, run_countries, tuples


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rwanda deployed soldiers to Mozambique.", ("RWA", "MOZ", "MOBILIZE")),
        ("Britain will send 500 troops to Estonia.", ("GBR", "EST", None)),
        ("Berlin approved the sale of Leopard tanks to Poland.", ("DEU", "POL", "AID")),
        # signing is SUPPORT in PLOVER (the real-news guide's AGREE is noted in docs/quality.md)
        ("Chad and Sudan signed a border security pact.", ("TCD", "SDN", "SUPPORT")),
        ("China cast a veto against the draft.", ("CHN", None, "REJECT")),
    ],
)
def test_news_forms(
    text: str, expected: tuple[str, str | None, str | None], nlp: Any, stages: Any
) -> None:
    got = tuples(code(text, nlp, stages))
    src, tgt, kind = expected
    assert any(s == src and t == tgt and (kind is None or k == kind) for s, t, k in got), got


def test_a_tie_ended_is_no_act_of_its_own(nlp: Any, stages: Any) -> None:
    text = "Burkina Faso scrapped its defence cooperation agreement with France."
    got = tuples(code(text, nlp, stages))
    assert ("BFA", "FRA", "SANCTION") in got, got
    assert not any(t in ("COOPERATE", "AGREE") for _, _, t in got), got


def test_troops_guessed_to_be_the_senders_are_not_the_recipient(nlp: Any, stages: Any) -> None:
    got = tuples(code("Canada will send more troops to Latvia.", nlp, stages))
    assert not any(s == t for s, t, _ in got), got


def test_a_statement_speaks_for_whoever_was_named_before(nlp: Any, stages: Any) -> None:
    text = "Chile and Peru met in Lima. The joint statement urged Bolivia to reopen the border."
    got = tuples(code(text, nlp, stages))
    assert ("CHL", "BOL", "REQUEST") in got and ("PER", "BOL", "REQUEST") in got, got
    got = tuples(code("The statement urged Bolivia to reopen the border.", nlp, stages))
    assert (None, "BOL", "REQUEST") in got, got  # no issuer named: unknown


def test_a_necessity_stated_by_a_speaker_is_a_demand(nlp: Any, stages: Any) -> None:
    text = "It is vital that Serbia recognises Kosovo, the German foreign minister said."
    got = tuples(code(text, nlp, stages))
    assert ("DEU", "SRB", "REQUEST") in got, got


def test_a_conditional_threat_is_made_now(pipe: Any, nlp: Any) -> None:
    got = run_countries(
        "Ankara threatened reprisals if Athens arms the islands.", pipe, nlp, status=True
    )
    assert ("TUR", "GRC", "THREATEN", "reported") in got, got


def test_a_bare_participle_in_a_condition_is_passive(nlp: Any, stages: Any) -> None:
    text = "Venezuela said it would shut the border if attacked."
    got = tuples(code(text, nlp, stages))
    assert not any(s == "VEN" and t == "ASSAULT" for s, _, t in got), got


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nicaragua's government dissolved the opposition party.", ("NIC", "COERCE")),
        ("Canada added Wagner commanders to its sanctions list.", ("CAN", "SANCTION")),
    ],
)
def test_repression_and_listing(
    text: str, expected: tuple[str, str], nlp: Any, stages: Any
) -> None:
    got = tuples(code(text, nlp, stages))
    assert any(s == expected[0] and t == expected[1] for s, _, t in got), got


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Moldova renewed its call for more budget support.", ("MDA", None)),
        ("Armenia repeated its request for peacekeepers from Moscow.", ("ARM", "RUS")),
        ("Speaking in Geneva, the Swiss president called on both sides to talk.", ("CHE", None)),
    ],
)
def test_requests_named_as_nouns_or_misparsed(
    text: str, expected: tuple[str, str | None], nlp: Any, stages: Any
) -> None:
    got = tuples(code(text, nlp, stages))
    assert (*expected, "REQUEST") in got, got


def test_a_phone_call_is_no_request(nlp: Any, stages: Any) -> None:
    got = tuples(code("Chile's president held a phone call with Argentina's leader.", nlp, stages))
    assert not any(t == "REQUEST" for _, _, t in got), got


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rockets fired from Lebanon hit the Israeli town of Metula.", ("LBN", None)),
        ("Hezbollah fired rockets from Lebanon at northern Israel.", ("LBN", "ISR")),
    ],
)
def test_force_launched_from_a_place_comes_from_it(
    text: str, expected: tuple[str, str | None], nlp: Any, stages: Any
) -> None:
    got = tuples(code(text, nlp, stages))
    assert (*expected, "ASSAULT") in got, got
    assert not any(t == "ASSAULT" and g == expected[0] for _, g, t in got), got


def test_a_war_to_be_discussed_is_no_threat(nlp: Any, stages: Any) -> None:
    text = "The two presidents will discuss Russia's war against Ukraine and energy security."
    types = {e.plover.type for e in code(text, nlp, stages)}
    assert "THREATEN" not in types, types
