"""Threats and protests in diplomatic language: vowed retaliation, veiled threats of
"necessary measures", warnings against an act (which is not asserted) and lodged protests
(an accusation, not a demonstration).

Every sentence here was written for these tests (invented news lines).
"""

from __future__ import annotations

from typing import Any

import pytest

from coder_helpers import run_countries
from dyadwatch.pipeline import Pipeline


def tuples(text: str, pipe: Pipeline, nlp: Any) -> set[tuple[str | None, ...]]:
    return run_countries(text, pipe, nlp, status=True)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Syria vowed to retaliate against Turkey for the shelling.", ("SYR", "TUR", "THREATEN")),
        ("Pakistan retaliated with artillery fire on Indian posts.", ("PAK", "IND", "ASSAULT")),
        (
            "Beijing will take firm measures against Tokyo, the minister said.",
            ("CHN", "JPN", "THREATEN"),
        ),
        ("Russia has taken countermeasures against Polish firms.", ("RUS", "POL", "SANCTION")),
        ("Tehran warned Baku against hosting Israeli drones.", ("IRN", "AZE", "THREATEN")),
        ("Manila lodged a protest with Beijing over the water cannon.", ("PHL", "CHN", "ACCUSE")),
    ],
)
def test_threat_and_protest_frames(
    sentence: str, expected: tuple[str, str, str], pipe: Pipeline, nlp: Any
) -> None:
    assert expected in {t[:3] for t in tuples(sentence, pipe, nlp)}


def test_a_veiled_threat_is_made_now(pipe: Pipeline, nlp: Any) -> None:
    found = tuples(
        "Hanoi said it would take all necessary measures to defend its waters.", pipe, nlp
    )
    assert ("VNM", None, "THREATEN", "reported") in found


def test_the_act_warned_against_is_not_asserted(pipe: Pipeline, nlp: Any) -> None:
    found = tuples("Tehran warned Baku against hosting Israeli drones.", pipe, nlp)
    assert "COOPERATE" not in {t[2] for t in found} and "AID" not in {t[2] for t in found}


def test_a_lodged_protest_is_no_demonstration(pipe: Pipeline, nlp: Any) -> None:
    found = tuples("Manila lodged a protest with Beijing over the water cannon.", pipe, nlp)
    assert "PROTEST" not in {t[2] for t in found}
