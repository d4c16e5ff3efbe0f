"""A state's coercion of people within it, and the judgement of it (session 10). Sentences
written for these tests."""

from __future__ import annotations

from typing import Any

from coder_helpers import code, tuples


def test_arrests_in_a_state_are_that_states(nlp: Any, stages: Any) -> None:
    text = "Lithuania condemned the arrests of several reporters in Azerbaijan."
    got = tuples(code(text, nlp, stages))
    assert any(s == "AZE" and k == "COERCE" for s, _, k in got), got
    assert any(t == "AZE" and k == "ACCUSE" for _, t, k in got), got


def test_a_crackdown_in_a_capital_is_its_states(nlp: Any, stages: Any) -> None:
    text = "Norway condemned the crackdown on students in Dhaka."
    got = tuples(code(text, nlp, stages))
    assert ("NOR", "BGD", "ACCUSE") in got, got
    assert any(s == "BGD" and k == "COERCE" for s, _, k in got), got


def test_a_detention_judged_names_the_detaining_state(nlp: Any, stages: Any) -> None:
    text = "Sweden condemned the detention of Swedish citizens in Iran."
    assert ("SWE", "IRN", "ACCUSE") in tuples(code(text, nlp, stages))


def test_protesting_an_act_rebukes_it(nlp: Any, stages: Any) -> None:
    got = tuples(code("Warsaw protested the expulsion of its consul from Minsk.", nlp, stages))
    assert any(s == "POL" and k == "ACCUSE" for s, _, k in got), got
    assert not any(k == "SUPPORT" for _, _, k in got), got


def test_protesting_with_no_object_is_a_demonstration(nlp: Any, stages: Any) -> None:
    got = tuples(code("Thousands protested in the streets of Yerevan.", nlp, stages))
    assert any(k == "PROTEST" for _, _, k in got), got
