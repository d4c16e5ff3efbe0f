"""First person inside a direct quotation is its speaker's (session 9), and briefing-room talk
is no act. Sentences written for these tests."""

from __future__ import annotations

from typing import Any

import pytest

from coder_helpers import code, tuples
from dyadwatch.records import Document


def first_person(text: str, nlp: Any, stages: Any, **meta: Any) -> dict[str, Any]:
    resolver, _ = stages
    doc = Document(doc_id="t", text=text, published="2023-05-02", **meta)
    return {
        m.actor.text: m.actor
        for m in resolver.mentions(doc, nlp(text))
        if m.actor.text.lower() in ("we", "our", "i")
    }


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ('"We firmly oppose this provocation," Foreign Minister Wang Yi said.', "CHN"),
        ('"Our patience has limits," the Turkish president told reporters in Ankara.', "TUR"),
        ('The Indian foreign minister said: "We will not accept any mediation."', "IND"),
        ('"We reject the claims," said a spokesman for the Brazilian foreign ministry.', "BRA"),
    ],
)
def test_first_person_in_a_quote_is_its_speaker(text: str, iso: str, nlp: Any, stages: Any) -> None:
    found = first_person(text, nlp, stages)
    assert found and all(a.country == iso for a in found.values()), found
    assert all(a.resolved_by == "quote" for a in found.values())


def test_a_quote_in_a_white_house_text_is_still_its_speakers(nlp: Any, stages: Any) -> None:
    text = (
        'President Biden met Chancellor Scholz. "We stand with Ukraine," the German '
        "chancellor said after the meeting."
    )
    found = first_person(text, nlp, stages, outlet="The White House")
    assert found["We"].country == "DEU", found


def test_an_unnamed_speaker_leaves_first_person_alone(nlp: Any, stages: Any) -> None:
    text = '"We will never surrender," one resident said.'
    assert not first_person(text, nlp, stages)


def test_a_quoted_condemnation_has_its_source(nlp: Any, stages: Any) -> None:
    text = '"We condemn this cowardly attack," Kenya\'s interior minister said.'
    got = tuples(code(text, nlp, stages))
    assert any(src == "KEN" and t == "ACCUSE" for src, _, t in got), got


@pytest.mark.parametrize(
    "text",
    [
        "We hope everyone has a good weekend with Canada's delegation.",
        "They go back many years, the Japanese and Australian leaders.",
        "Congress has authorized more funding for Ukraine.",
        "We are united with our partners in Poland.",
        "The wealthy in Mexico now pay their fair share.",
        "I will give a speech in Warsaw about Poland's role.",
        "I mean, Germany has done a lot.",
    ],
)
def test_briefing_talk_is_no_act(text: str, nlp: Any, stages: Any) -> None:
    assert not code(text, nlp, stages), [
        (e.plover.type, e.trigger) for e in code(text, nlp, stages)
    ]


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("A spokesman for the Chinese government declined to comment.", "CHN"),
        ("An adviser to the Nigerian president spoke to reporters.", "NGA"),
    ],
)
def test_a_role_for_a_national_body_is_that_country(
    text: str, iso: str, nlp: Any, stages: Any
) -> None:
    """Not a destination ('the envoy for Syria'): the demonym modifies the body it serves."""
    resolver, _ = stages
    doc = Document(doc_id="t", text=text, published="2023-05-02")
    got = {m.actor.country for m in resolver.mentions(doc, nlp(text))}
    assert got == {iso}, got


def test_a_spokesman_for_a_ministry_speaks_for_its_country(nlp: Any, stages: Any) -> None:
    text = "A spokesman for the Egyptian Foreign Ministry condemned the Israeli raid on Jenin."
    got = tuples(code(text, nlp, stages))
    assert ("EGY", "ISR", "ACCUSE") in got, got


def test_an_unnamed_ministry_is_not_the_country_of_the_envoy_it_summons(
    nlp: Any, stages: Any
) -> None:
    text = "The ministry said it had summoned the Dutch ambassador over the remarks."
    got = tuples(code(text, nlp, stages))
    assert ("NLD", "NLD", "ACCUSE") not in got, got
    assert (None, "NLD", "ACCUSE") in got, got


def test_a_possessive_on_a_conjunct_shares_the_first_possessor(nlp: Any, stages: Any) -> None:
    text = "Poland condemned Belarus's treatment of migrants and its repeated border provocations."
    resolver, _ = stages
    doc = Document(doc_id="t", text=text, published="2023-05-02")
    its = [m.actor for m in resolver.mentions(doc, nlp(text)) if m.actor.text == "its"]
    assert its and its[0].country == "BLR", its


@pytest.mark.parametrize(
    "text",
    [
        "In a statement, the foreign ministry called on Peru to release the activists.",
        "The ministers urged Eritrea to withdraw its troops.",
    ],
)
def test_a_guessed_speaker_is_not_the_state_it_addresses(text: str, nlp: Any, stages: Any) -> None:
    got = tuples(code(text, nlp, stages))
    assert got and not any(s is not None and s == t for s, t, _ in got), got


def test_domestic_acts_keep_a_guessed_side(nlp: Any, stages: Any) -> None:
    got = tuples(code("Students staged a sit-in in Dhaka.", nlp, stages))
    assert any(s == "BGD" for s, _, _ in got), got
