"""Concern voiced with a copula, and concern about what reports tell (session 10). Sentences
written for these tests."""

from __future__ import annotations

from typing import Any

from coder_helpers import code, tuples


def test_deeply_concerned_by_an_act_blames_its_agent(nlp: Any, stages: Any) -> None:
    text = "Canada is deeply concerned by Azerbaijan's blockade of the corridor."
    assert ("CAN", "AZE", "ACCUSE") in tuples(code(text, nlp, stages))


def test_concern_over_reports_blames_who_the_reports_name(nlp: Any, stages: Any) -> None:
    text = "Britain remains deeply concerned by reports that Belarus is hosting Wagner fighters."
    assert ("GBR", "BLR", "ACCUSE") in tuples(code(text, nlp, stages))
