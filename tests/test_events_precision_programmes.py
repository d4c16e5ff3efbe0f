"""Government prose that names no act between parties: a nomination's note on the
predecessor, and spending on programmes with no named recipient.

Every sentence here was written for these tests (invented lines in White House style).
"""

from __future__ import annotations

from typing import Any

import pytest

from coder_helpers import run_countries
from dyadwatch.pipeline import Pipeline


def types(text: str, pipe: Pipeline, nlp: Any) -> set[tuple[str | None, ...]]:
    return run_countries(text, pipe, nlp)


@pytest.mark.parametrize(
    ("sentence", "absent"),
    [
        (
            "Maria Lopez, of Ohio, to be a Member of the Federal Labor Board for a term expiring"
            " July 1, 2027, vice Thomas Reed, resigned.",
            "RETREAT",
        ),
        (
            "Ann Kim, of Oregon, to be an Assistant Secretary of Labor, vice Paul Ward, retired.",
            "RETREAT",
        ),
        ("The Department of Energy has awarded $40 million to 12 projects in Texas.", "AID"),
        ("The Administration has invested $3 billion to modernize the power grid.", "AID"),
    ],
)
def test_no_act_between_parties(sentence: str, absent: str, pipe: Pipeline, nlp: Any) -> None:
    assert absent not in {t for _, _, t in types(sentence, pipe, nlp)}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The foreign minister of Chile resigned on Monday.", ("CHL", None, "RETREAT")),
        ("Japan granted $500 million to Ukraine for reconstruction.", ("JPN", "UKR", "AID")),
    ],
)
def test_real_resignations_and_grants_stay(
    sentence: str, expected: tuple[str, str | None, str], pipe: Pipeline, nlp: Any
) -> None:
    assert expected in types(sentence, pipe, nlp)
