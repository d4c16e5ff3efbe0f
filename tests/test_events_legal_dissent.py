"""Court verdicts and called-off dissent (issue 7; PLOVER manual: SANCTION 'convict', CONCEDE for
easing one's own dissent). Sentences written for these tests."""

from __future__ import annotations

from typing import Any

import pytest

from coder_helpers import code, tuples


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        (
            "A Belarusian court sentenced the Polish activist to eight years on Friday.",
            ("BLR", "POL"),
        ),
        (
            "A court in Nairobi convicted three Somali nationals of plotting attacks.",
            ("KEN", "SOM"),
        ),
        ("An Iranian court found the French tourist guilty of espionage.", ("IRN", "FRA")),
    ],
)
def test_a_verdict_is_a_sanction_convict(
    text: str, pair: tuple[str, str], nlp: Any, stages: Any
) -> None:
    evs = [e for e in code(text, nlp, stages) if e.plover.type == "SANCTION"]
    assert evs and all(e.plover.mode == "convict" for e in evs)
    assert (pair[0], pair[1], "SANCTION") in tuples(evs) or pair[1] in {
        e.target.country for e in evs if e.target
    }


def test_finding_people_is_no_verdict(nlp: Any, stages: Any) -> None:
    evs = code("Rescuers found the missing Chilean climbers on Sunday.", nlp, stages)
    assert not [e for e in evs if e.plover.type == "SANCTION"]


@pytest.mark.parametrize(
    "text",
    [
        "Teachers' unions in Kenya suspended their strike after the pay deal.",
        "Opposition parties in Guinea called off Thursday's protests.",
    ],
)
def test_calling_off_ones_own_dissent_concedes(text: str, nlp: Any, stages: Any) -> None:
    assert "CONCEDE" in {e.plover.type for e in code(text, nlp, stages)}


def test_police_ending_a_protest_is_no_concession(nlp: Any, stages: Any) -> None:
    evs = code("Police in Dakar ended the protest with tear gas.", nlp, stages)
    assert "CONCEDE" not in {e.plover.type for e in evs}
