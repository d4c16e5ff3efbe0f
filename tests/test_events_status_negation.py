"""Issue 7, status: an act the text says did not happen is negated.

Every sentence is invented for these tests.
"""

from __future__ import annotations

from typing import Any

import pytest

from dyadwatch.pipeline import Pipeline
from status_helpers import events, statuses


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Russia did not attack the grain convoy near Odesa.", "attack"),
        ("The United States has not sanctioned Egypt over the arrests.", "sanctioned"),
        ("Iran never agreed to the inspections by the IAEA.", "agreed"),
        ("No agreement was reached between Serbia and Kosovo on Monday.", "reached"),
        ("Serbia and Kosovo reached no agreement on the license plates.", "reached"),
        ("The delegates left Geneva without signing the accord with Iran.", "signing"),
        ("China has yet to condemn the invasion of Ukraine.", "condemn"),
        ("Brazil refrained from criticizing Russia at the summit.", "criticizing"),
        ("Japan avoided criticizing China in the communique.", "criticizing"),
        ("Neither Armenia nor Azerbaijan attacked the border post.", "attacked"),
    ],
)
def test_negated(text: str, trigger: str, pipe: Pipeline, nlp: Any) -> None:
    assert statuses(text, trigger, pipe, nlp) == {"negated"}


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # "not only ... but also" asserts both
        ("The United States not only condemned the raid but also sanctioned Iran.", "condemned"),
        # the condemned act still happened
        ("India did not condemn Russia's invasion of Ukraine.", "invasion"),
        # a negation does not cross "but" into the next conjunct
        ("Russia did not attack the convoy but shelled the village of Kupiansk.", "shelled"),
    ],
)
def test_not_negated(text: str, trigger: str, pipe: Pipeline, nlp: Any) -> None:
    assert statuses(text, trigger, pipe, nlp) == {"reported"}


def test_failing_to_agree_is_a_rejection_as_in_cameo(pipe: Pipeline, nlp: Any) -> None:
    """The CAMEO manual (and PLOVER's GSR) code "failed to reach agreement" as REJECT."""
    text = "Israel and Hamas failed to reach an agreement on a ceasefire."
    assert {e.plover.type for e in events(text, pipe, nlp)} == {"REJECT"}
    assert statuses(text, "failed", pipe, nlp) == {"reported"}


def test_refusal_is_a_reject_event_reported(pipe: Pipeline, nlp: Any) -> None:
    text = "Turkey refused to approve Finland's bid to join NATO."
    assert statuses(text, "refused", pipe, nlp) == {"reported"}
