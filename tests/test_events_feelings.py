"""Emotion verbs (issue 7): a passive experiencer who is alarmed, troubled or outraged by a
party's act disapproves of that party (ACCUSE, experiencer as source); a feeling on hearing
news is no act. Sentences written for these tests."""

from __future__ import annotations

from typing import Any

import pytest

from coder_helpers import code, tuples


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("The United States is alarmed by Iran's drone sales to Russia.", ("USA", "IRN")),
        ("Britain is deeply troubled by China's treatment of the Uyghurs.", ("GBR", "CHN")),
        ("France was outraged by Mali's decision to expel its envoy.", ("FRA", "MLI")),
        ("Canada is dismayed by Venezuela's refusal to release the detainees.", ("CAN", "VEN")),
    ],
)
def test_passive_experiencer_accuses_the_stimulus_agent(
    nlp: Any, stages: Any, text: str, want: tuple[str, str]
) -> None:
    got = tuples(code(text, nlp, stages))
    assert (*want, "ACCUSE") in got
    # never the other way round (the passive agent is not the accuser)
    assert (want[1], want[0], "ACCUSE") not in got


@pytest.mark.parametrize(
    "text",
    [
        "The prime minister was saddened to hear of the death of the former Kenyan president.",
        "We are devastated to learn that two Australian aid workers died in the flood.",
        "The senator was shocked to read the report on Chinese hacking.",
    ],
)
def test_a_feeling_on_hearing_news_is_no_act(nlp: Any, stages: Any, text: str) -> None:
    trig = {e.trigger for e in code(text, nlp, stages)}
    assert not trig & {"saddened", "devastated", "shocked", "hear", "learn", "read"}, trig


def test_active_uses_keep_their_own_sense(nlp: Any, stages: Any) -> None:
    # devastation by shelling is an attack; "the talks concern trade" is no accusation
    shelled = tuples(
        code("Villages near Kherson were devastated by Russian shelling.", nlp, stages)
    )
    assert any(s == "RUS" and t == "ASSAULT" for s, _, t in shelled)
    talks = tuples(code("The talks concern trade between Vietnam and Japan.", nlp, stages))
    assert not any(t == "ACCUSE" for _, _, t in talks)


def test_learning_that_is_no_meeting(nlp: Any, stages: Any) -> None:
    text = "Officials in Ottawa learned that Indian agents had followed the activist."
    assert not any(e.trigger == "learned" for e in code(text, nlp, stages))


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Japan is concerned about North Korea's missile launches.", ("JPN", "PRK")),
        ("Germany remains worried about Chinese stakes in its ports.", ("DEU", "CHN")),
        ("Britain was disappointed with India's decision to abstain.", ("GBR", "IND")),
    ],
)
def test_feeling_adjectives_accuse_the_party_behind_the_stimulus(
    nlp: Any, stages: Any, text: str, want: tuple[str, str]
) -> None:
    assert (*want, "ACCUSE") in tuples(code(text, nlp, stages))


@pytest.mark.parametrize(
    "text",
    [
        # a place is not the one blamed, and a situation blames no one
        "Norway is concerned about the humanitarian situation in Sudan.",
        "The minister is worried about rising prices.",
    ],
)
def test_feeling_adjectives_without_a_party_are_no_event(nlp: Any, stages: Any, text: str) -> None:
    assert not any(e.plover.type == "ACCUSE" for e in code(text, nlp, stages))


def test_a_concern_held_about_a_partys_act_blames_that_party(nlp: Any, stages: Any) -> None:
    text = (
        "Canada and Norway met in Oslo. They discussed their shared concerns about "
        "Russia's build-up of forces near Finland."
    )
    got = tuples(code(text, nlp, stages))
    assert any(s in ("CAN", "NOR") and t == "RUS" and k == "ACCUSE" for s, t, k in got), got


def test_a_concern_about_a_situation_blames_no_one(nlp: Any, stages: Any) -> None:
    text = "Their concern about the humanitarian situation in Sudan is growing."
    assert not any(k == "ACCUSE" for _, _, k in tuples(code(text, nlp, stages)))
