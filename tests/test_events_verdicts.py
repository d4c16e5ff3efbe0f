"""Verdicts and demands in a text's own voice (session 12): "X's crackdown is unconscionable"
accuses X; "X must release him" asks X; in a government's statement that government speaks
them, in a news story no one is named. Sentences written for these tests."""

from __future__ import annotations

from typing import Any

import pytest

from coder_helpers import code, tuples

WH = "https://www.whitehouse.gov/briefing-room/statements-releases/2023/05/02/x/"


@pytest.mark.parametrize(
    ("text", "judged"),
    [
        ("Minsk's treatment of the jailed activists is unconscionable.", "BLR"),
        ("The Ethiopian government's blockade of Tigray was unacceptable.", "ETH"),
        ("It is outrageous that the Cuban regime still jails peaceful protesters.", "CUB"),
        ("Tehran's support for the militias is a flagrant violation of the resolution.", "IRN"),
    ],
)
def test_a_verdict_accuses_the_doer(nlp: Any, stages: Any, text: str, judged: str) -> None:
    news = tuples(code(text, nlp, stages))
    assert (None, judged, "ACCUSE") in news, news  # no outlet: the judge stays unknown
    voiced = tuples(code(text, nlp, stages, url=WH))
    assert ("USA", judged, "ACCUSE") in voiced, voiced


def test_a_verdict_on_an_attack_accuses_the_attacker_not_the_victim(nlp: Any, stages: Any) -> None:
    got = tuples(code("The Russian shelling of Zaporizhzhia is a war crime.", nlp, stages))
    assert (None, "RUS", "ACCUSE") in got and (None, "UKR", "ACCUSE") not in got, got


@pytest.mark.parametrize(
    "text",
    [
        "The decision is not unacceptable to Brazil.",
        "Brazil's position on the talks is well known.",
        "Her claims about Bolivia are false.",
    ],
)
def test_no_verdict_without_a_wrong(nlp: Any, stages: Any, text: str) -> None:
    assert "ACCUSE" not in {t[2] for t in tuples(code(text, nlp, stages, url=WH))}


def test_a_demand_in_a_statement_is_the_governments(nlp: Any, stages: Any) -> None:
    text = "The Venezuelan authorities must free the detained union leaders."
    assert ("USA", "VEN", "REQUEST") in tuples(code(text, nlp, stages, url=WH))
    assert (None, "VEN", "REQUEST") in tuples(code(text, nlp, stages))
