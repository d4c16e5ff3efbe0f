"""PLOVER codes COOPERATE, AID and SANCTION only with a recipient (session 11): an act that
names none is no event of these types; one whose recipient we cannot resolve is kept. Sentences
written for these tests."""

from __future__ import annotations

from typing import Any

import pytest

from coder_helpers import code, tuples


@pytest.mark.parametrize(
    "text",
    [
        "Ottawa announced new sanctions on Thursday.",
        "The ministry provided $20 million in assistance last year.",
        "The agency has shared information as widely as possible.",
    ],
)
def test_no_recipient_no_event(text: str, nlp: Any, stages: Any) -> None:
    got = tuples(code(text, nlp, stages))
    assert not any(k in ("SANCTION", "AID", "COOPERATE") for _, _, k in got), got


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The outfit was designated a terrorist organisation by Canada.",
            ("CAN", None, "SANCTION"),
        ),
        ("Ottawa imposed sanctions on the network.", ("CAN", None, "SANCTION")),
        ("Ottawa announced new sanctions on Minsk.", ("CAN", "BLR", "SANCTION")),
        ("Tokyo sent $20 million in aid to the region.", ("JPN", None, "AID")),
    ],
)
def test_a_named_recipient_keeps_the_event(
    text: str, expected: tuple[str | None, ...], nlp: Any, stages: Any
) -> None:
    assert expected in tuples(code(text, nlp, stages))
