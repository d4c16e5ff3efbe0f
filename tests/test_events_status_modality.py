"""Issue 7, status: future, possible and conditional acts (expected, considered,
hypothetical). Every sentence is invented for these tests.
"""

from __future__ import annotations

from typing import Any

import pytest

from dyadwatch.pipeline import Pipeline
from status_helpers import statuses


@pytest.mark.parametrize(
    ("text", "trigger", "status"),
    [
        # expected: will, is going to, plans to, is expected / set / poised / scheduled to, aims to
        ("India plans to buy more oil from Russia.", "buy", "expected"),
        ("Japan is expected to sign a defense pact with the Philippines.", "sign", "expected"),
        ("The European Union is set to impose sanctions on Belarus.", "impose", "expected"),
        ("Russia aims to capture the whole of Luhansk.", "capture", "expected"),
        ("Russia is going to attack Kyiv again.", "attack", "expected"),
        ("Blinken is scheduled to meet Wang Yi in Beijing.", "meet", "expected"),
        # a conjunct shares the first verb's auxiliary
        ("China will hold drills and deploy warships near Taiwan.", "deploy", "expected"),
        # considered: considering, weighing, mulling, may, might
        ("Washington is considering sanctions against Chinese firms.", "sanctions", "considered"),
        ("Germany is mulling sending tanks to Ukraine.", "sending", "considered"),
        ("Iran may supply ballistic missiles to Russia.", "supply", "considered"),
        # through an adjective complement: "is likely to", "if X is prepared to"
        ("Russia is likely to attack Odesa again this week.", "attack", "expected"),
        (
            "If Tehran is prepared to release the sailors, London will drop the charges.",
            "release",
            "hypothetical",
        ),
        ("Iran might send more drones to Russia.", "send", "considered"),
        ("He seeks to obliterate Ukraine and subjugate its people.", "subjugate", "considered"),
        # hypothetical: would, could, if
        ("Israel would strike Iran if it built a nuclear weapon.", "strike", "hypothetical"),
        ("China could invade Taiwan.", "invade", "hypothetical"),
        ("Officials said Russia could attack Kyiv within days.", "attack", "hypothetical"),
        ("Moscow would retaliate against any NATO deployment.", "retaliate", "hypothetical"),
        (
            "They noted that any arms transfers from Belarus to Russia would violate the embargo.",
            "transfers",
            "hypothetical",
        ),
        ("The Premier said he looks forward to visiting Australia in May.", "visiting", "expected"),
        # not conditions: an elliptical "if not more"; a topic of talk keeps its own status
        ("The junta killed dozens of protesters, if not more, this week.", "killed", "reported"),
        ("We want to talk about the G7 summit that is taking place today.", "summit", "reported"),
        # a finite adverbial or relative clause keeps its own modality
        (
            "They discussed ways to protect the grid as Russia continues its drone attacks.",
            "continues",
            "reported",
        ),
        (
            "Russia, which attacked Kharkiv last week, will hold talks with Turkey.",
            "attacked",
            "reported",
        ),
    ],
)
def test_modality(text: str, trigger: str, status: str, pipe: Pipeline, nlp: Any) -> None:
    assert statuses(text, trigger, pipe, nlp) == {status}


def test_any_without_a_modal_is_left_to_the_claim(pipe: Pipeline, nlp: Any) -> None:
    text = "Belarus denies any arms transfers to Russia."
    assert statuses(text, "transfers", pipe, nlp) == {"denied"}
