"""Misinformation is PLOVER COERCE 'misinformation' (session 11); legal action in Indian
English and cutting the internet are coercion. Sentences written for these tests."""

from __future__ import annotations

from typing import Any

import pytest

from coder_helpers import code, tuples


@pytest.mark.parametrize(
    "text",
    [
        "Belarusian state television falsely claimed that Poland was massing troops.",
        "Pro-government trolls circulated fake videos of the opposition leader.",
        "Moscow keeps pushing the false narrative that Kyiv is run by extremists.",
        "Officials in Minsk made baseless claims about Lithuanian saboteurs.",
        "Police in Assam booked twelve activists for sedition.",
        "Indian authorities suspended mobile internet across Kashmir on Friday.",
    ],
)
def test_coercion_without_force(text: str, nlp: Any, stages: Any) -> None:
    got = tuples(code(text, nlp, stages))
    assert any(k == "COERCE" for _, _, k in got), got


@pytest.mark.parametrize(
    "text",
    [
        "The ministry will push back against false claims about the vaccine.",
        "The couple booked a table for dinner in Lisbon.",
    ],
)
def test_rebutting_falsehoods_or_booking_tables_is_no_coercion(
    text: str, nlp: Any, stages: Any
) -> None:
    got = tuples(code(text, nlp, stages))
    assert not any(k == "COERCE" for _, _, k in got), got
