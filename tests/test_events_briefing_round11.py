"""Classes from the session-12 sample draw (round 11), on written sentences: striking a
deal, a briefing's 'give you a rundown', sanctions 'targeting' people, a prefixed nationality
('Inter-American'), and 'we know that they ...' (they are not we)."""

from __future__ import annotations

from typing import Any

import pytest

from coder_helpers import code, tuples

WH = "https://www.whitehouse.gov/briefing-room/press-briefings/2023/05/02/x/"


def test_striking_a_deal_is_no_assault(nlp: Any, stages: Any) -> None:
    got = tuples(code("Chile struck a deal with Peru on fishing rights.", nlp, stages))
    assert "ASSAULT" not in {t[2] for t in got}, got
    assert any(t[0] == "CHL" and t[2] in ("SUPPORT", "AGREE") for t in got), got


@pytest.mark.parametrize(
    "text",
    [
        "I can't give you a rundown of Iranian drone stocks today.",
        "I think this panel will give us some inspiration.",
    ],
)
def test_briefing_talk_with_give_is_no_act(nlp: Any, stages: Any, text: str) -> None:
    assert not code(text, nlp, stages, url=WH)


def test_targeting_people_in_a_sanctions_text_is_a_sanction(nlp: Any, stages: Any) -> None:
    text = "The U.S. Treasury is targeting Belarusian oligarchs close to Lukashenko."
    got = tuples(code(text, nlp, stages))
    assert ("USA", "BLR", "SANCTION") in got and "ASSAULT" not in {t[2] for t in got}, got


def test_a_prefixed_nationality_is_none(nlp: Any, stages: Any) -> None:
    text = "The Inter-American Commission on Human Rights met with Peruvian officials."
    got = tuples(code(text, nlp, stages))
    assert not any("USA" in t[:2] for t in got), got


def test_they_in_a_clause_under_we_is_not_we(nlp: Any, stages: Any) -> None:
    text = "We know that they are supplying shells to Russia."
    got = tuples(code(text, nlp, stages, url=WH))
    assert ("USA", "RUS", "AID") not in got, got


def test_an_act_awaited_until_is_not_done(nlp: Any, stages: Any) -> None:
    text = "The EU will keep the assets frozen until Moscow pays compensation to Kyiv."
    paid = [e for e in code(text, nlp, stages) if e.source and e.source.country == "RUS"]
    assert paid and all(e.status == "hypothetical" for e in paid)
    done = code("The embargo held until Moscow withdrew its forces from Georgia.", nlp, stages)
    assert any(e.plover.type == "RETREAT" and e.status == "reported" for e in done)


def test_a_danger_described_is_no_threat_made(nlp: Any, stages: Any) -> None:
    text = "Such actions threaten the stability of the international order."
    assert "THREATEN" not in {t[2] for t in tuples(code(text, nlp, stages))}
    text = "Russia's nuclear rhetoric threatens Finland."
    assert ("RUS", "FIN", "THREATEN") in tuples(code(text, nlp, stages))


@pytest.mark.parametrize(
    "text",
    [
        "Chile and Bolivia agreed to expand cooperation against drug traffickers.",
        "Chile and Bolivia agreed to reopen embassies under a UN-mediated plan.",
    ],
)
def test_a_party_inside_what_two_agree_is_no_partner(nlp: Any, stages: Any, text: str) -> None:
    agree = {t for t in tuples(code(text, nlp, stages)) if t[2] == "AGREE"}
    assert {("CHL", "BOL", "AGREE"), ("BOL", "CHL", "AGREE")} <= agree, agree


def test_two_who_commit_to_support_a_third_address_it(nlp: Any, stages: Any) -> None:
    text = "Chile and Bolivia committed to supporting Peru's recovery."
    agree = {t for t in tuples(code(text, nlp, stages)) if t[2] == "AGREE"}
    assert ("CHL", "BOL", "AGREE") not in agree, agree
