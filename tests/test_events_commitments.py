"""Stated commitments and readout verbs (issue 7). Sentences written for these tests."""

from __future__ import annotations

from typing import Any

import pytest

from coder_helpers import code, tuples


@pytest.mark.parametrize(
    "text",
    [
        "Canada committed to sending more howitzers to Ukraine.",
        "Canada reaffirmed its commitment to supporting Ukraine.",
        "Canada expressed its commitment to help Ukraine rebuild its grid.",
    ],
)
def test_a_commitment_to_act_is_an_agreement_by_its_holder(
    text: str, nlp: Any, stages: Any
) -> None:
    found = tuples(code(text, nlp, stages))
    assert ("CAN", "UKR", "AGREE") in found
    assert not {t for t in found if t[2] in ("AID", "SUPPORT") and t[0] is None}


def test_someone_elses_decision_is_not_the_praisers(nlp: Any, stages: Any) -> None:
    found = tuples(code("Chile praised the decision to send rescue teams to Peru.", nlp, stages))
    assert not any(t[0] == "CHL" and t[2] in ("AID", "AGREE") for t in found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Norway expressed hope that the negotiations with Sudan would resume.", set()),
        ("Norway expressed concern over Sudan's crackdown on protesters.", {"ACCUSE"}),
        ("Norway expressed readiness to host new talks with Sudan.", {"AGREE"}),
    ],
)
def test_what_is_expressed_decides_the_act(
    text: str, expected: set[str], nlp: Any, stages: Any
) -> None:
    found = {t[2] for t in tuples(code(text, nlp, stages)) if t[0] == "NOR"}
    assert found == expected


def test_leaders_reviewing_matters_consult(nlp: Any, stages: Any) -> None:
    text = (
        "President Lula met Prime Minister Albanese of Australia on Monday. "
        "The two leaders reviewed cooperation on critical minerals."
    )
    evs = [e for e in code(text, nlp, stages) if "reviewed" in (e.trigger or "")]
    assert {(e.source.country, e.target.country) for e in evs if e.source and e.target} == {
        ("BRA", "AUS"),
        ("AUS", "BRA"),
    }


def test_reviewing_a_case_is_no_meeting(nlp: Any, stages: Any) -> None:
    assert not code("A Kenyan court reviewed the extradition case on Monday.", nlp, stages)


@pytest.mark.parametrize(
    "text",
    [
        "Our coalition can still deliver for the people of Chile.",
        "The shelling left whole towns in eastern Ukraine in ruins.",
        "I will leave the weedier details to my colleague from Brazil.",
        "Canada will redouble its efforts this year.",
    ],
)
def test_verbs_without_their_argument_are_no_act(text: str, nlp: Any, stages: Any) -> None:
    types = {e.plover.type for e in code(text, nlp, stages)}
    assert not types & {"AID", "CONSULT", "AGREE", "COOPERATE", "THREATEN"}


def test_leaving_for_a_capital_is_a_visit(nlp: Any, stages: Any) -> None:
    found = tuples(code("Kenya's foreign minister left for Addis Ababa on Monday.", nlp, stages))
    assert ("KEN", "ETH", "CONSULT") in found


def test_their_after_they_is_the_same_group_not_a_nearer_plural(nlp: Any, stages: Any) -> None:
    text = (
        "President Ruto spoke with President Akufo-Addo of Ghana on Monday. They discussed the "
        "issues that African Union leaders will consider at the summit, expressed their shared "
        "commitment to supporting Sudan, and reviewed trade."
    )
    agree = [e for e in code(text, nlp, stages) if e.plover.type == "AGREE"]
    assert not [e for e in agree if e.source is not None and e.source.country is None]
    assert {e.source.country for e in agree if e.source} == {"KEN", "GHA"}


@pytest.mark.parametrize(
    "text",
    [
        "Romania hosts about 3,000 American troops near the Black Sea.",
        "Romania hosts thousands of American troops near the Black Sea.",
    ],
)
def test_hosting_forces_is_military_cooperation_not_a_visit(
    text: str, nlp: Any, stages: Any
) -> None:
    found = tuples(code(text, nlp, stages))
    assert ("ROU", "USA", "COOPERATE") in found
    assert not any(t[2] == "CONSULT" for t in found)


def test_a_pattern_word_deep_in_an_adjunct_is_not_the_object(nlp: Any, stages: Any) -> None:
    text = "On Armed Forces Day, Romania hosted a summit with Moldova in Bucharest."
    types = {t[2] for t in tuples(code(text, nlp, stages))}
    assert "COOPERATE" not in types and "CONSULT" in types
