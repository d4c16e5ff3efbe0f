"""Types of speech acts: warnings are THREATEN (speaker -> warned party, a threat made), a
finding of a wrong is ACCUSE (finder -> the accused, the found act claimed), and rallying
others is no demonstration (issue 7, sample round 2).

Every sentence here was written for these tests (invented news and briefing lines).
"""

from __future__ import annotations

from typing import Any

import pytest

from dyadwatch.pipeline import Pipeline
from dyadwatch.records import Document, Event


def run(text: str, pipe: Pipeline, nlp: Any) -> list[Event]:
    doc = Document(doc_id="t", text=text, published="2023-03-01")
    return pipe.analyse(doc, nlp(text)).events


def of_type(events: list[Event], ptype: str) -> list[Event]:
    return [e for e in events if e.plover.type == ptype]


def country(actor: Any) -> str | None:
    return actor.country if actor is not None else None


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        ("Germany said Russia would pay a high price for any attack on NATO territory.",
         "DEU", "RUS"),
        ("Moscow will pay a heavy price if it attacks Finland.", None, "RUS"),
        ("The Syrian government must know that if they keep shelling hospitals, they will "
         "pay a steep price.", None, "SYR"),
        ("The Syrian government should understand that if they keep bombing hospitals, they "
         "will pay a steep price.", None, "SYR"),
        ("Spain warned that Morocco would face serious consequences for the border breach.",
         "ESP", "MAR"),
        ("Britain will not allow any attack on its ships to go unanswered.", "GBR", None),
        ("There will be severe consequences for Iran if it supplies missiles to Russia.",
         None, "IRN"),
        ("Canada is ready to respond to any Chinese interference in its elections.",
         "CAN", "CHN"),
        ("Japan stands ready to respond to any provocation by North Korea.", "JPN", "PRK"),
    ],
)  # fmt: skip
def test_warnings_are_threats_made(
    text: str, source: str | None, target: str | None, pipe: Pipeline, nlp: Any
) -> None:
    events = run(text, pipe, nlp)
    threats = of_type(events, "THREATEN")
    assert threats, [(e.plover.type, e.status) for e in events]
    t = threats[0]
    assert t.status == "reported"  # a conditional or negated-idiom warning was still made
    assert country(t.source) == source
    assert country(t.target) == target
    assert not of_type(events, "AGREE") and not of_type(events, "COOPERATE")
    assert not any(e.plover.type in ("CONCEDE", "REJECT") for e in events)


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        ("Poland has made clear to Minsk that there will be consequences if it provokes "
         "another border crisis.", "POL", "BLR"),
        ("The Italian ministers said all options remain on the table against Pyongyang.",
         "ITA", "PRK"),
    ],
)  # fmt: skip
def test_warnings_to_an_addressee(
    text: str, source: str, target: str, pipe: Pipeline, nlp: Any
) -> None:
    threats = of_type(run(text, pipe, nlp), "THREATEN")
    assert threats
    assert (country(threats[0].source), country(threats[0].target)) == (source, target)


def test_unanswered_threat_to_our_own_is_not_the_target(pipe: Pipeline, nlp: Any) -> None:
    text = (
        "Britain is not going to allow any threat to British sailors in the Gulf to go unanswered."
    )
    threats = of_type(run(text, pipe, nlp), "THREATEN")
    assert threats and country(threats[0].target) != "GBR"
    assert country(threats[0].source) == "GBR"


def test_options_on_the_table_is_a_threat_not_a_sanction(pipe: Pipeline, nlp: Any) -> None:
    text = (
        "Australia warned Beijing that all options are on the table, including tough "
        "sanctions against Chinese banks."
    )
    events = run(text, pipe, nlp)
    threats = of_type(events, "THREATEN")
    assert threats and not of_type(events, "SANCTION")
    assert country(threats[0].source) == "AUS"
    assert country(threats[0].target) == "CHN"


@pytest.mark.parametrize(
    ("text", "source", "target", "content"),
    [
        ("The Secretary of State determined that Sudanese paramilitary forces committed war "
         "crimes in Darfur.", "USA", "SDN", None),
        ("The United States has concluded that Venezuela violated the electoral agreement.",
         "USA", "VEN", "REJECT"),
        ("Washington has assessed that Belarus helped Russia deport Ukrainian children.",
         "USA", "BLR", "COERCE"),
    ],
)  # fmt: skip
def test_findings_of_wrongs_accuse(
    text: str, source: str, target: str, content: str | None, pipe: Pipeline, nlp: Any
) -> None:
    events = run(text, pipe, nlp)
    accuse = of_type(events, "ACCUSE")
    assert accuse, [(e.plover.type, e.status) for e in events]
    assert country(accuse[0].source) == source
    assert country(accuse[0].target) == target
    assert not of_type(events, "AGREE")
    if content is not None:
        assert any(e.status == "claimed" for e in of_type(events, content))


@pytest.mark.parametrize(
    ("text", "unwanted"),
    [
        # described costs are no warning
        ("Farmers in Kenya face rising costs for fertilizer.", "THREATEN"),
        ("Ukrainian civilians paid a terrible price for the occupation of Bucha.", "THREATEN"),
        # findings without a wrong accuse nobody
        ("The Pentagon concluded that the explosion was caused by a faulty valve.", "ACCUSE"),
        ("Investigators found that Serbia had supplied ammunition to Ukraine.", "ACCUSE"),
    ],
)
def test_descriptions_and_neutral_findings_are_no_speech_act(
    text: str, unwanted: str, pipe: Pipeline, nlp: Any
) -> None:
    assert not of_type(run(text, pipe, nlp), unwanted)


@pytest.mark.parametrize(
    "text",
    [
        "France rallied European partners to condemn the coup in Niger.",
        "We rallied the international community to stand against Russia's invasion of Ukraine.",
        "Poland rallied support for a new package of aid to Moldova.",
    ],
)
def test_rallying_others_is_no_demonstration(text: str, pipe: Pipeline, nlp: Any) -> None:
    types = {e.plover.type for e in run(text, pipe, nlp)}
    assert "PROTEST" not in types and "MOBILIZE" not in types


def test_a_crowd_rallying_is_still_a_protest(pipe: Pipeline, nlp: Any) -> None:
    text = "Thousands of protesters rallied outside the parliament in Tbilisi on Sunday."
    assert of_type(run(text, pipe, nlp), "PROTEST")
