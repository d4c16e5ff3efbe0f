"""'Their' after a coordinated subject is the pair, never the nearest single state (session 10).
Sentences written for these tests."""

from __future__ import annotations

from typing import Any

from coder_helpers import code, tuples


def test_their_is_the_coordinated_subject(nlp: Any, stages: Any) -> None:
    text = (
        "Scholz and Macron discussed China's pressure on Taiwan, including their efforts "
        "to support Taiwan."
    )
    got = tuples(code(text, nlp, stages))
    helped = {s for s, t, k in got if t == "TWN" and k in ("AID", "SUPPORT", "COOPERATE")}
    assert helped and helped <= {"DEU", "FRA"}, got


def test_their_never_borrows_the_place_before_it(nlp: Any, stages: Any) -> None:
    text = (
        "Kishida and Yoon discussed the fighting in Sudan, including their ongoing efforts "
        "to evacuate citizens."
    )
    got = tuples(code(text, nlp, stages))
    assert not any(s == "SDN" for s, _, _ in got), got
