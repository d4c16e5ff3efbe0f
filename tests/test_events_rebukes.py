"""Rebukes and rejections in news forms (session 10). Sentences written for these tests."""

from __future__ import annotations

from typing import Any

import pytest

from coder_helpers import code, tuples


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 'blasted' from a state is a rebuke; from jets it is a strike
        ("Ankara blasted Stockholm's handling of the protests.", ("TUR", "SWE", "ACCUSE")),
        ("Turkish drones blasted PKK positions in northern Iraq.", ("TUR", None, "ASSAULT")),
        # calling a remark offensive rebukes whoever made it; calling a charge baseless rejects it
        ("Seoul called the envoy's remarks deeply offensive.", ("KOR", None, "ACCUSE")),
        ("Caracas called the accusations groundless.", ("VEN", None, "REJECT")),
        # the agent of a denounced act is its 'by' phrase, not the place it happened in
        (
            "Canada condemned the vote organised by Russia in occupied Kherson.",
            ("CAN", "RUS", "ACCUSE"),
        ),
    ],
)
def test_rebukes(text: str, expected: tuple[str, str | None, str], nlp: Any, stages: Any) -> None:
    got = tuples(code(text, nlp, stages))
    src, _, kind = expected
    assert expected in got or (
        expected[1] is None and any(s == src and k == kind for s, _, k in got)
    ), got


@pytest.mark.parametrize(
    "text",
    [
        "Seoul criticised the test as a breach of Security Council resolutions.",
        "Manila called the manoeuvre a violation of the UN Convention on the Law of the Sea.",
    ],
)
def test_the_norm_broken_is_no_target(text: str, nlp: Any, stages: Any) -> None:
    got = tuples(code(text, nlp, stages))
    assert got and all(t is None for _, t, k in got if k == "ACCUSE"), got


def test_in_occupied_place_is_a_place(nlp: Any, stages: Any) -> None:
    sdoc = nlp("Shells fell on a school in occupied Donetsk.")
    occupied = next(t for t in sdoc if t.lower_ == "occupied")
    assert occupied.dep_ == "amod" and occupied.head.text == "Donetsk"
    assert occupied.head.dep_ == "pobj"


def test_the_breaker_named_by_of_stays_the_target(nlp: Any, stages: Any) -> None:
    text = "Norway condemned the grave violations of the Myanmar junta."
    got = tuples(code(text, nlp, stages))
    assert ("NOR", "MMR", "ACCUSE") in got, got


@pytest.mark.parametrize(
    "text",
    [
        "Hanoi lambasted Beijing over the new map.",
        "Seoul faulted Tokyo for the stalled talks.",
        "Ankara berated Athens over the migrant pushbacks.",
    ],
)
def test_more_verbs_of_rebuke_accuse(text: str, nlp: Any, stages: Any) -> None:
    got = tuples(code(text, nlp, stages))
    assert any(k == "ACCUSE" and t for _, t, k in got), got
    assert not any(k == "SANCTION" for _, _, k in got), got


def test_the_judged_object_does_the_act_it_is_judged_for(nlp: Any, stages: Any) -> None:
    text = "Moscow condemned the West for sending tanks to Ukraine."
    got = tuples(code(text, nlp, stages))
    assert ("RUS", "UKR", "AID") not in got, got


def test_the_party_lashed_out_at_does_the_act(nlp: Any, stages: Any) -> None:
    got = tuples(code("Ankara lashed out at Stockholm for allowing the protest.", nlp, stages))
    assert ("TUR", "SWE", "ACCUSE") in got, got
    assert not any(s == "TUR" and k == "CONCEDE" for s, _, k in got), got
