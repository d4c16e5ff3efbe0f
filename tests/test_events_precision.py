"""Issue 7, part 4 (precision): questions, verb senses, modality, condemnations, background.

Every sentence here was written for these tests (invented news and briefing lines).
"""

from __future__ import annotations

from typing import Any

import pytest

from dyadwatch.events.questions import interrogative
from dyadwatch.events.senses import load_senses
from dyadwatch.pipeline import Pipeline
from dyadwatch.records import Document, Event
from dyadwatch.time.background import background, period_end

PUBLISHED = "2023-03-01"


def run(text: str, pipe: Pipeline, nlp: Any) -> list[Event]:
    doc = Document(doc_id="t", text=text, published=PUBLISHED)
    return pipe.analyse(doc, nlp(text)).events


def in_sentence(events: list[Event], sentence: str, text: str) -> list[Event]:
    start = text.index(sentence)
    end = start + len(sentence)
    spans = lambda e: [m.trigger_span for m in e.mentions] or [e.trigger_span]  # noqa: E731
    return [e for e in events if any(t and start <= t.start < end for t in spans(e))]


def key(e: Event) -> tuple[str | None, str | None, str]:
    src = (e.source.country or e.source.code) if e.source else None
    tgt = (e.target.country or e.target.code) if e.target else None
    return src, tgt, e.plover.type


# -- 1. questions assert nothing ------------------------------------------------------------
@pytest.mark.parametrize(
    "question",
    [
        "Would the President then welcome a visit by the Saudi crown prince to Washington?",
        "Can you say whether the United States will send more tanks to Ukraine?",
        "Why did China cancel its talks with Japan last week?",
        "Does Russia plan to attack Kyiv again this spring",  # inversion, no question mark
    ],
)
def test_questions_give_no_events(question: str, pipe: Pipeline, nlp: Any) -> None:
    lead = "The press secretary took questions from reporters on Monday. "
    text = lead + question
    assert in_sentence(run(text, pipe, nlp), question, text) == []


def test_interrogative_detection(nlp: Any) -> None:
    assert interrogative(next(nlp("Is Iran sending drones to Russia?").sents))
    assert interrogative(next(nlp("Will Japan join the sanctions").sents))
    assert not interrogative(next(nlp("Iran is sending drones to Russia.").sents))
    assert not interrogative(next(nlp("Asked whether Japan would join, he nodded.").sents))
    lead = "So, first of all, is the President going to be in Warsaw on Tuesday"
    assert interrogative(next(nlp(lead).sents))  # inversion after an opening adverbial
    assert not interrogative(next(nlp("So, first of all, the President is in Warsaw.").sents))


def test_statement_after_question_still_codes(pipe: Pipeline, nlp: Any) -> None:
    text = "Will they meet again? President Biden met President Lula in Washington on Friday."
    evs = run(text, pipe, nlp)
    assert ("USA", "BRA", "CONSULT") in {key(e) for e in evs}


# -- 2. ambiguous verbs need the argument of their event sense ------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "The Chinese foreign ministry called the American action excessive.",
        "Beijing called the Japanese decision a provocation.",
        "Iran's actions demonstrate disregard for international law.",
        "The new funding will meet the needs of the Philippine coast guard.",
        "As it relates to Iran, the policy has not changed.",
        "I think it's the wrong way to deal with China.",
        "This is a moment to reassert what we believe in when it comes to Russia.",
        "Any settlement must take Ukraine's position into account.",
        "The President is going to stay committed to Ukraine going forward.",
    ],
)
def test_wrong_sense_is_no_event(text: str, pipe: Pipeline, nlp: Any) -> None:
    types = {e.plover.type for e in run(text, pipe, nlp)}
    assert not types & {"CONSULT", "PROTEST", "COOPERATE", "SUPPORT", "AGREE"}, (text, types)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("President Biden called President Zelensky on Tuesday.", ("USA", "UKR", "CONSULT")),
        ("President Biden went to Kyiv on Monday.", ("USA", "UKR", "CONSULT")),
        ("The Japanese prime minister met the Indian prime minister in Delhi.", None),
        ("Thousands of students demonstrated against the government in Tehran.", None),
        ("The Kenyan government refused to meet the demands of the Somali envoys.", None),
    ],
)
def test_right_sense_still_codes(
    text: str, expected: tuple[str, str, str] | None, pipe: Pipeline, nlp: Any
) -> None:
    evs = run(text, pipe, nlp)
    assert evs, text
    if expected is not None:
        assert expected in {key(e) for e in evs}
    if "demonstrated" in text:
        assert "PROTEST" in {e.plover.type for e in evs}
    if "refused to meet" in text:
        assert "REJECT" in {e.plover.type for e in evs}
        assert "CONSULT" not in {e.plover.type for e in evs}


def test_senses_file_rows_are_valid() -> None:
    senses = load_senses()
    assert "call" in senses and "meet" in senses
    for rows in senses.values():
        for codes, conds in rows:
            assert codes and conds


# -- 3. conditionals, modals, future, considered, negation ----------------------------------
@pytest.mark.parametrize(
    ("text", "trigger", "status"),
    [
        ("China would lodge a protest if Japan releases the water.", "lodge", "hypothetical"),
        ("If Iran attacks Israel, the region will suffer.", "attacks", "hypothetical"),
        ("Iran would attack Israel if the talks failed.", "attack", "hypothetical"),
        ("President Biden will travel to Poland next week.", "travel", "expected"),
        ("Germany plans to send tanks to Ukraine.", "send", "expected"),
        ("India is expected to sign a defence pact with France.", "sign", "expected"),
        ("Germany is weighing sending more tanks to Ukraine.", "sending", "considered"),
        ("Japan did not protest the Chinese action.", "protest", "negated"),
        ("China has yet to sign the trade pact with India.", "sign", "negated"),
    ],
)
def test_clause_status(text: str, trigger: str, status: str, pipe: Pipeline, nlp: Any) -> None:
    evs = [e for e in run(text, pipe, nlp) if e.trigger.startswith(trigger)]
    assert evs, text
    assert {e.status for e in evs} == {status}, (text, [(e.trigger, e.status) for e in evs])


def test_conditional_threat_is_a_threat(pipe: Pipeline, nlp: Any) -> None:
    """PLOVER: a conditional announced attack is THREATEN (reported); the condition itself is
    hypothetical."""
    evs = run("If Iran attacks, Israel will strike Iranian targets.", pipe, nlp)
    by_trigger = {e.trigger: (e.plover.type, e.status) for e in evs}
    assert by_trigger.get("strike") == ("THREATEN", "reported")
    assert by_trigger.get("attacks", ("ASSAULT", "hypothetical"))[1] == "hypothetical"


def test_narrated_future_keeps_its_type(pipe: Pipeline, nlp: Any) -> None:
    evs = run("President Biden will travel to Poland next week.", pipe, nlp)
    assert {e.plover.type for e in evs} == {"CONSULT"}


def test_joint_exercises_are_expected_cooperation(pipe: Pipeline, nlp: Any) -> None:
    evs = run("Russia will hold exercises with Belarus in April.", pipe, nlp)
    assert ("RUS", "BLR", "COOPERATE") in {key(e) for e in evs}
    assert {e.status for e in evs} == {"expected"}


# -- 4. a condemnation accuses; it never denies the condemned act -----------------------------
def test_condemnation_is_accusation_not_denial(pipe: Pipeline, nlp: Any) -> None:
    text = (
        "Yemen's Houthi rebels fired missiles at ships in the Red Sea. "
        "We condemn the Houthi attacks."
    )
    sent = "We condemn the Houthi attacks."
    evs = in_sentence(run(text, pipe, nlp), sent, text)
    accuse = [e for e in evs if e.plover.type == "ACCUSE"]
    assault = [e for e in evs if e.plover.type == "ASSAULT"]
    assert accuse and all(e.target and e.target.country == "YEM" for e in accuse)
    assert assault and all(e.status in ("reported", "claimed") for e in assault)


@pytest.mark.parametrize(
    "text",
    [
        "The United States condemned Russia's missile attack on Kyiv.",
        "Germany sharply criticised the Chinese blockade of Taiwan.",
        "France denounced the Iranian seizure of the tanker.",
    ],
)
def test_condemned_events_are_never_denied(text: str, pipe: Pipeline, nlp: Any) -> None:
    evs = run(text, pipe, nlp)
    assert evs
    assert all(e.status != "denied" for e in evs), [(e.trigger, e.status) for e in evs]


def test_denials_still_deny(pipe: Pipeline, nlp: Any) -> None:
    evs = run("Russia denied attacking the hospital in Mariupol.", pipe, nlp)
    assert [e.status for e in evs if e.plover.type == "ASSAULT"] == ["denied"]
    evs = run("Moscow rejected the reports that its troops had shelled the plant.", pipe, nlp)
    assert {e.status for e in evs if e.plover.type == "ASSAULT"} == {"denied"}


def test_accusation_makes_the_act_alleged(pipe: Pipeline, nlp: Any) -> None:
    evs = run("Ukraine accused Russia of shelling the nuclear plant.", pipe, nlp)
    assert {e.status for e in evs if e.plover.type == "ASSAULT"} == {"alleged"}


# -- 5. historical references are background ----------------------------------------------------
@pytest.mark.parametrize(
    ("text", "date", "bg"),
    [
        ("Under the 1951 treaty, the United States defends the Philippines.", "1951", True),
        ("Since the 2014 annexation of Crimea, Russia has occupied the peninsula.", "2014", True),
        ("Russia invaded Georgia in 2008.", "2008", True),
        ("Russia attacked Kyiv with drones on Monday.", "2023-02-27", False),
    ],
)
def test_background(text: str, date: str, bg: bool, pipe: Pipeline, nlp: Any) -> None:
    evs = run(text, pipe, nlp)
    assert evs, text
    got = {(e.date, e.background) for e in evs}
    assert (date, bg) in got and all(e.background == bg for e in evs), (text, got)
    assert all(e.date.startswith(date[:4]) for e in evs), (text, got)  # no other year


def test_background_rule_units(nlp: Any) -> None:
    from datetime import date

    ref = date(2023, 3, 1)
    assert str(period_end("2022")) == "2022-12-31" and str(period_end("2020-02")) == "2020-02-29"
    assert background("2021-06", ref, None, None)
    assert not background("2022", ref, None, None)  # "last year" in March: still news
    assert not background(None, ref, None, None)
    text = "Under the 2022 accord, Turkey mediates between the two."
    sdoc = nlp(text)
    assert background("2022", ref, sdoc, text.index("2022"))  # a reference, however recent
    text = "The President will travel to Madrid for the 2023 NATO Summit."
    assert not background("2023", ref, nlp(text), text.index("2023"))  # this year's: news


@pytest.mark.parametrize(
    "text",
    [
        "Russia said it would send troops to Belarus.",
        "The two ministers agreed that their deputies would hold talks in Ankara in May.",
    ],
)
def test_would_in_a_complement_is_not_hypothetical(text: str, pipe: Pipeline, nlp: Any) -> None:
    evs = run(text, pipe, nlp)
    assert evs, text
    assert all(e.status != "hypothetical" for e in evs), [(e.trigger, e.status) for e in evs]


def test_sourceless_report_is_alleged(pipe: Pipeline, nlp: Any) -> None:
    evs = run("It was reported that Iran sent drones to Russia in October.", pipe, nlp)
    assert {e.status for e in evs if e.plover.type == "AID"} == {"alleged"}


def test_cue_without_found_speaker_leaves_status(pipe: Pipeline, nlp: Any) -> None:
    """A cue whose subject the claims stage did not find is no 'unnamed source'."""
    text = "We are focused daily on a policy that combines deterrence with diplomacy toward Iran."
    evs = run(text, pipe, nlp)
    assert all(e.status != "alleged" for e in evs), [(e.trigger, e.status) for e in evs]


@pytest.mark.parametrize(
    ("text", "trigger", "ptype"),
    [
        ("The Japanese prime minister thanked Australia for its support.", "thanked", "SUPPORT"),
        ("The German chancellor welcomed the Indian decision.", "welcomed", "SUPPORT"),
        ("The Secretary urged China to release the detained journalists.", "urged", "REQUEST"),
        ("Blinken called on Beijing to release the detained journalists.", "called", "REQUEST"),
    ],
)
def test_speech_acts_plover_codes(
    text: str, trigger: str, ptype: str, pipe: Pipeline, nlp: Any
) -> None:
    evs = [e for e in run(text, pipe, nlp) if e.trigger.startswith(trigger)]
    assert {e.plover.type for e in evs} == {ptype}, text


def test_statement_verbs_are_no_events(pipe: Pipeline, nlp: Any) -> None:
    text = "Blinken said, told reporters and noted that the talks were useful, he added."
    assert not [e for e in run(text, pipe, nlp) if e.trigger in ("said", "told", "noted", "added")]
