"""Those who act with the subject, and verbs of increase without a partner (session 10).
Sentences written for these tests."""

from __future__ import annotations

from typing import Any

from coder_helpers import code, tuples


def test_along_with_adds_a_source(nlp: Any, stages: Any) -> None:
    got = tuples(code("Norway, along with Denmark, criticised Russia's naval drills.", nlp, stages))
    assert ("NOR", "RUS", "ACCUSE") in got and ("DNK", "RUS", "ACCUSE") in got, got


def test_together_with_adds_a_source(nlp: Any, stages: Any) -> None:
    got = tuples(
        code("Chile, together with Peru, urged Bolivia to reopen the border.", nlp, stages)
    )
    assert ("CHL", "BOL", "REQUEST") in got and ("PER", "BOL", "REQUEST") in got, got


def test_joining_a_partner_in_an_act_is_that_act(nlp: Any, stages: Any) -> None:
    got = tuples(code("Ghana joined Nigeria in condemning the coup in Niger.", nlp, stages))
    assert any(s == "GHA" and k == "ACCUSE" for s, _, k in got), got
    assert any(s == "NGA" and k == "ACCUSE" for s, _, k in got), got
    assert not any(k == "CONSULT" for _, _, k in got), got


def test_expanding_a_programme_is_no_cooperation(nlp: Any, stages: Any) -> None:
    got = tuples(code("Pakistan decided to expand its missile programme.", nlp, stages))
    assert not any(k == "COOPERATE" for _, _, k in got), got


def test_expanding_trade_with_a_partner_is_cooperation(nlp: Any, stages: Any) -> None:
    got = tuples(code("Kenya will expand trade with Ethiopia.", nlp, stages))
    assert any(s == "KEN" and t == "ETH" and k == "COOPERATE" for s, t, k in got), got
