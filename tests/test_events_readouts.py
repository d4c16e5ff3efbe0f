"""Readout and statement phrasing: goodwill conveyed, views shared, ways explored together,
multiword weapon names on transfers, and a President's "my Administration".

Every sentence here was written for these tests (invented lines in readout style).
"""

from __future__ import annotations

from typing import Any

import pytest

from coder_helpers import run_countries
from dyadwatch.pipeline import Pipeline


def tuples(text: str, pipe: Pipeline, nlp: Any) -> set[tuple[str | None, ...]]:
    return run_countries(text, pipe, nlp)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Chancellor Scholz conveyed his condolences to the people of Turkey.",
            ("DEU", "TUR", "SUPPORT"),
        ),
        ("Japan shares Korea's assessment of the launch.", ("JPN", "KOR", "SUPPORT")),
        (
            "Prime Minister Modi and Prime Minister Kishida explored ways to expand trade.",
            ("IND", "JPN", "CONSULT"),
        ),
        ("Norway sent air defense systems to Ukraine in March.", ("NOR", "UKR", "AID")),
        ("My Administration sent armored vehicles to Ukraine last month.", ("USA", "UKR", "AID")),
    ],
)
def test_readout_phrasing(
    sentence: str, expected: tuple[str, str, str], pipe: Pipeline, nlp: Any
) -> None:
    assert expected in tuples(sentence, pipe, nlp)


def test_exploring_ways_alone_is_no_meeting_with_anyone(pipe: Pipeline, nlp: Any) -> None:
    found = tuples("Chile explored ways to expand lithium mining.", pipe, nlp)
    assert not any(t == "CONSULT" and tgt for _, tgt, t in found)


def test_they_talked_is_a_consultation_of_the_two_named_before(pipe: Pipeline, nlp: Any) -> None:
    text = (
        "President Lula spoke with President Petro on Monday. "
        "They also talked about efforts to protect the Amazon."
    )
    found = tuples(text, pipe, nlp)
    assert {("BRA", "COL", "CONSULT"), ("COL", "BRA", "CONSULT")} <= found


def test_one_speaker_talking_about_a_topic_is_no_consultation(pipe: Pipeline, nlp: Any) -> None:
    assert not tuples("The Kenyan minister talked about the economy in Nairobi.", pipe, nlp)


@pytest.mark.parametrize(
    "sentence",
    [
        "Ankara exchanged views with Baku on Iran's new constitution.",
        "Tbilisi spoke with Yerevan. They exchanged views on Iran's new constitution.",
    ],
)
def test_what_a_talk_is_about_is_no_party(sentence: str, pipe: Pipeline, nlp: Any) -> None:
    found = tuples(sentence, pipe, nlp)
    assert any(t == "CONSULT" for _, _, t in found)
    assert not any(t == "CONSULT" and tgt == "IRN" for _, tgt, t in found)
