"""Issue 7, status: only the content a named speaker asserts is claimed.

Speech acts PLOVER codes (condemn, urge, welcome, meet...) are events of their own, reported;
a noun-phrase topic, an urged or promised act, a transcript's turn label and an "As X said"
echo do not make their events claimed. Every sentence is invented for these tests.
"""

from __future__ import annotations

from typing import Any

import pytest

from dyadwatch.eval.realnews import gold_status
from dyadwatch.pipeline import Pipeline
from dyadwatch.records import Actor, Claim, Event, Evidence, Plover, Span
from status_helpers import events, statuses


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("The Prime Minister condemned the bombing of the hospital in Aleppo.", "condemned"),
        ("Secretary Austin met with his Japanese counterpart in Tokyo on Friday.", "met"),
        ("We welcome Sweden's decision to join the alliance.", "welcome"),
        ("The Chancellor urged Serbia to recognize Kosovo.", "urged"),
    ],
)
def test_speech_acts_are_reported(text: str, trigger: str, pipe: Pipeline, nlp: Any) -> None:
    assert statuses(text, trigger, pipe, nlp) == {"reported"}


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # a noun-phrase topic: the act named there is presupposed
        ("The ministers welcomed the ceasefire between Armenia and Azerbaijan.", "ceasefire"),
        ("The leaders discussed the ongoing negotiations with Iran.", "discussed"),
        # the cue's own second verb, misparsed into its content, is the speaker's act
        (
            "The Chancellor welcomed Norway becoming the newest member to join the pact and "
            "discussed with the Prime Minister our cooperation on energy.",
            "discussed",
        ),
        # a transcript turn label is the podium's own voice
        (
            "MS. JEAN-PIERRE: Russia has launched more missile strikes on Odesa.",
            "strikes",
        ),
        # "As X said, ...": the narrator asserts it
        (
            "As Secretary Blinken said, Russia attacked the power grid of Ukraine.",
            "attacked",
        ),
    ],
)
def test_presupposed_or_narrated_content_is_not_claimed(
    text: str, trigger: str, pipe: Pipeline, nlp: Any
) -> None:
    assert statuses(text, trigger, pipe, nlp) == {"reported"}


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        (
            "Secretary Blinken said the United States condemns the coup in Niger.",
            "condemns",
        ),
        ("Ukraine said it rejected the Russian proposal.", "rejected"),
        # an unresolved pronoun subject in reported content stands for the speaker
        ("Zelenskyy said that he had asked Biden for more air defense.", "asked"),
        ('"We stand with the people of Taiwan," the Speaker said.', "stand"),
    ],
)
def test_speakers_own_speech_act_in_said_clause_is_reported(
    text: str, trigger: str, pipe: Pipeline, nlp: Any
) -> None:
    assert statuses(text, trigger, pipe, nlp) == {"reported"}


@pytest.mark.parametrize(
    ("text", "trigger", "status"),
    [
        ("Kyiv said Russian forces shelled the port of Kherson overnight.", "shelled", "claimed"),
        (
            "According to Ukrainian officials, Russian troops attacked the town of Avdiivka.",
            "attacked",
            "claimed",
        ),
        ("Ukraine reported heavy shelling of Kharkiv by Russian artillery.", "shelling", "claimed"),
        (
            "Ukraine accused Russian forces of shelling the Kakhovka dam on Tuesday.",
            "shelling",
            "alleged",
        ),
    ],
)
def test_asserted_content_stays_claimed(
    text: str, trigger: str, status: str, pipe: Pipeline, nlp: Any
) -> None:
    assert statuses(text, trigger, pipe, nlp) == {status}


def test_urged_act_is_not_claimed(pipe: Pipeline, nlp: Any) -> None:
    text = "The Chancellor urged Serbia to recognize Kosovo."
    assert "claimed" not in {e.status for e in events(text, pipe, nlp)}


# -- the crosswalk to the gold scheme of the real-news suite ---------------------------------
def _event(status: str, attributed: list[str]) -> Event:
    ev = Evidence(sentence=0, start=0, end=5, text="x")
    return Event(
        event_id="e",
        doc_id="d",
        source=None,
        target=None,
        plover=Plover(type="ASSAULT"),
        status=status,  # type: ignore[arg-type]
        attributed_to=attributed,
        trigger="x",
        evidence=ev,
    )


def _claim(cid: str, speaker: Actor | None) -> Claim:
    ev = Evidence(sentence=0, start=0, end=5, text="x")
    return Claim(
        claim_id=cid,
        doc_id="d",
        speaker=speaker,
        cue="accused",
        stance="accuse",
        content=Span(start=0, end=1, text="x"),
        evidence=ev,
    )


def test_crosswalk_alleged_by_who_asserts() -> None:
    kyiv = Actor(text="Ukraine", country="UKR")
    claims = {"named": _claim("named", kyiv), "none": _claim("none", None)}
    assert gold_status(_event("alleged", ["named"]), claims) == "claimed"
    assert gold_status(_event("alleged", ["none"]), claims) == "reported"
    assert gold_status(_event("alleged", []), claims) == "reported"
    assert gold_status(_event("acknowledged", ["named"]), claims) == "claimed"
    for same in ("reported", "claimed", "denied", "negated", "expected", "hypothetical"):
        assert gold_status(_event(same, ["named"]), claims) == same


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        (
            "The chancellor said the trip mattered as Europe marks the anniversary of "
            "Russia's invasion of Georgia.",
            "invasion",
        ),
        (
            "Officials said that since Ethiopian troops attacked the town, convoys have stalled.",
            "attacked",
        ),
    ],
)
def test_events_in_a_temporal_clause_are_presupposed_not_claimed(
    text: str, trigger: str, pipe: Any, nlp: Any
) -> None:
    assert "claimed" not in statuses(text, trigger, pipe, nlp)
