"""A date belongs to the event whose clause or noun phrase holds it (time/attach.py)."""

from __future__ import annotations

from typing import Any

import pytest

from dyadwatch.records import Document, Event, Evidence, Plover, Span
from dyadwatch.settings import Settings
from dyadwatch.time import RuleTimer

# publication 2022-12-10, a Saturday


@pytest.fixture(scope="module")
def timer() -> RuleTimer:
    return RuleTimer(Settings())


def _event(text: str, trigger: str) -> Event:
    i = text.index(trigger)
    return Event(
        event_id=f"e-{trigger}",
        doc_id="d",
        source=None,
        target=None,
        plover=Plover(type="CONSULT"),
        trigger=trigger,
        evidence=Evidence(sentence=0, start=0, end=len(text), text=text),
        trigger_span=Span(start=i, end=i + len(trigger), text=trigger),
    )


def _dates(timer: RuleTimer, nlp: Any, text: str, triggers: list[str]) -> dict[str, Any]:
    doc = Document(doc_id="d", text=text, published="2022-12-10")
    evs, _ = timer(doc, nlp(text), [_event(text, t) for t in triggers], [])
    return {e.trigger: (e.date, e.date_basis) for e in evs}


def test_launch_date_stays_with_the_launch_not_the_meeting(timer: RuleTimer, nlp: Any) -> None:
    text = (
        "In the meeting on Sunday, the President reaffirmed support "
        "following the missile launch on October 3."
    )
    d = _dates(timer, nlp, text, ["meeting", "reaffirmed", "launch"])
    assert d["meeting"] == ("2022-12-04", "relative")
    assert d["reaffirmed"] == ("2022-12-04", "relative")  # "in the meeting on Sunday" frames it
    assert d["launch"] == ("2022-10-03", "relative")


def test_undated_meeting_takes_the_publication_date(timer: RuleTimer, nlp: Any) -> None:
    text = (
        "In the meeting, the Prime Minister condemned the recent missile tests by North Korea, "
        "including the launch over the Sea of Japan on November 18."
    )
    d = _dates(timer, nlp, text, ["meeting", "condemned", "launch"])
    assert d["meeting"] == ("2022-12-10", "publication")
    assert d["condemned"] == ("2022-12-10", "publication")
    assert d["launch"] == ("2022-11-18", "relative")


def test_relative_clause_keeps_its_own_date(timer: RuleTimer, nlp: Any) -> None:
    text = "Leaders who met in Bali in November agreed on Tuesday to extend the grain deal."
    d = _dates(timer, nlp, text, ["met", "agreed"])
    assert d["met"][0] == "2022-11"
    assert d["agreed"] == ("2022-12-06", "relative")


def test_date_of_a_phrase_reaches_the_event_noun_inside_it(timer: RuleTimer, nlp: Any) -> None:
    text = (
        "The two leaders spoke on Monday about the president's November 30 address "
        "to a joint meeting of parliament."
    )
    d = _dates(timer, nlp, text, ["spoke", "meeting"])
    assert d["spoke"] == ("2022-12-05", "relative")
    assert d["meeting"] == ("2022-11-30", "relative")


def test_after_the_attack_date_is_not_the_visit_date(timer: RuleTimer, nlp: Any) -> None:
    text = "The minister visited Kyiv after the drone attack on Monday."
    d = _dates(timer, nlp, text, ["visited", "attack"])
    assert d["attack"] == ("2022-12-05", "relative")
    assert d["visited"] == ("2022-12-10", "publication")


@pytest.mark.parametrize(
    ("text", "trigger", "date"),
    [
        # a date on the trigger's own object is the trigger's date
        ("Russia held talks with Turkish officials on Friday.", "held", "2022-12-09"),
        ("Russia launched an attack on Kyiv on Monday.", "launched", "2022-12-05"),
        # "since" a dated event starts the clause event's period
        ("Russia has blockaded the port since the attack on 3 March.", "blockaded", "2022-03-03"),
        # a date on the verb itself, beside an adjunct event noun
        ("The President condemned on Thursday the missile tests.", "condemned", "2022-12-08"),
    ],
)
def test_own_phrase_dates_still_attach(
    timer: RuleTimer, nlp: Any, text: str, trigger: str, date: str
) -> None:
    assert _dates(timer, nlp, text, [trigger])[trigger][0] == date
