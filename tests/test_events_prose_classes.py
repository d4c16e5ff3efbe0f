"""Prose read as acts, found in a random draw of sample-corpus events (issue 7, session 7):
each class with sentences written for these tests."""

from __future__ import annotations

from typing import Any

import pytest

from coder_helpers import code, tuples


def triggers(text: str, nlp: Any, stages: Any) -> set[str]:
    return {e.trigger for e in code(text, nlp, stages)}


@pytest.mark.parametrize(
    ("text", "kept_from"),
    [
        ("The allies discussed ways of preventing Iran from acquiring missiles.", "acquiring"),
        ("The sanctions aim to stop Moscow from selling arms to Myanmar.", "selling"),
        ("Seoul hopes to deter Pyongyang from attacking its islands.", "attacking"),
    ],
)
def test_an_act_kept_from_happening_is_no_event(
    nlp: Any, stages: Any, text: str, kept_from: str
) -> None:
    assert kept_from not in triggers(text, nlp, stages)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        # a copula is no cooperation
        ("China's blockade of the island constitutes a breach of the UN Charter.", "constitutes"),
        # exploring whether ... weighs an option; it investigates no one
        (
            "The European Union is exploring whether screening could complement its tools.",
            "exploring",
        ),
        # combating a problem is no combat
        ("The two presidents pledged to combat climate change and hunger.", "combat"),
        # recognising that ... is no diplomatic recognition
        ("The President recognizes the world faces problems no nation can solve.", "recognizes"),
    ],
)
def test_verbs_in_their_prose_sense_are_no_event(
    nlp: Any, stages: Any, text: str, word: str
) -> None:
    assert word not in triggers(text, nlp, stages)


def test_the_same_verbs_keep_their_event_sense(nlp: Any, stages: Any) -> None:
    fought = "South Korean troops combated North Korean infiltrators near the border."
    assert ("KOR", "PRK", "ASSAULT") in tuples(code(fought, nlp, stages))
    assert ("HND", "CHN", "SUPPORT") in tuples(
        code("Honduras recognized China in March.", nlp, stages)
    )


@pytest.mark.parametrize(
    "text",
    [
        "The ministers discussed the potential of further Russian aggression against Moldova.",
        "Analysts warned of the risk of a Chinese blockade of Taiwan.",
    ],
)
def test_an_act_named_as_a_possibility_is_considered(nlp: Any, stages: Any, text: str) -> None:
    evs = [e for e in code(text, nlp, stages) if e.plover.type in ("ASSAULT", "COERCE")]
    assert evs and all(e.status == "considered" for e in evs)


def test_object_beats_a_more_specific_pattern_in_an_adjunct(nlp: Any, stages: Any) -> None:
    # 'security measures' sits in the object's 'on' phrase: the verb deepens cooperation
    text = "Japan is deepening cooperation with Vietnam on maritime security measures."
    assert not any(t == "MOBILIZE" for _, _, t in tuples(code(text, nlp, stages)))
    # ... while the same words as the object keep their sense
    alone = "Egypt boosted security measures along its border with Gaza."
    assert any(t == "MOBILIZE" for _, _, t in tuples(code(alone, nlp, stages)))


def test_forces_deployed_in_an_agentless_passive_are_the_actor(nlp: Any, stages: Any) -> None:
    text = "British troops were deployed to Estonia to reinforce NATO's eastern flank."
    got = [e for e in code(text, nlp, stages) if e.plover.type == "MOBILIZE"]
    assert got and got[0].source is not None and got[0].source.country == "GBR"


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("We will impose costs on any country that supplies drones to Russia.", "supplies"),
        ("Those who sell weapons to the junta share the blame.", "sell"),
        ("Sanctions will hit any bank that helps Iran and finances Hezbollah.", "finances"),
    ],
)
def test_relative_clause_on_a_quantified_head_is_no_act(
    nlp: Any, stages: Any, text: str, word: str
) -> None:
    assert word not in triggers(text, nlp, stages)


def test_relative_clause_on_a_definite_head_is_still_an_act(nlp: Any, stages: Any) -> None:
    text = "The Iranian firms that supplied drones to Russia were sanctioned on Friday."
    assert ("IRN", "RUS", "AID") in tuples(code(text, nlp, stages))


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The senator introduced a bill on Chinese investment in farmland.", "introduced"),
        ("Clean water benefits everyone in the region.", "benefits"),
        ("The President signed a Presidential Memorandum on labor rights abroad.", "signed"),
        ("Western components enable Russia's missile production.", "enable"),
    ],
)
def test_prose_verbs_without_a_party_are_no_act(
    nlp: Any, stages: Any, text: str, word: str
) -> None:
    assert word not in triggers(text, nlp, stages)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("As it relates to the UN inspections, our position has not changed.", "inspections"),
        ("When it comes to the sanctions on Belarus, we have been very clear.", "sanctions"),
        ("Kyiv's courage has been matched by the resolve of its partners.", "matched"),
    ],
)
def test_topics_and_figures_of_speech_are_no_act(
    nlp: Any, stages: Any, text: str, word: str
) -> None:
    assert word not in triggers(text, nlp, stages)


def test_a_topic_frame_does_not_hide_the_main_act(nlp: Any, stages: Any) -> None:
    text = "When it comes to Belarus, the European Union imposed new sanctions on Minsk."
    assert ("EUR", "BLR", "SANCTION") in tuples(code(text, nlp, stages))


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Belarus just has to release the political prisoners.", "BLR"),
        ("Congress must act now and provide military aid to Taiwan.", "USA"),
        ("Russia must withdraw its forces from Moldova.", "RUS"),
    ],
)
def test_an_obligation_in_the_texts_own_voice_is_a_demand(
    nlp: Any, stages: Any, text: str, target: str
) -> None:
    got = tuples(code(text, nlp, stages))
    assert (None, target, "REQUEST") in got, got
    # the demanded act is not reported as done
    assert not any(t in ("AID", "RETREAT", "CONCEDE") for _, _, t in got), got


@pytest.mark.parametrize(
    "text",
    [
        "We must stand with the people of Ukraine.",  # the speaker's own resolve
        "It should be noted that Hungary blocked the package.",  # an empty subject
    ],
)
def test_first_person_and_empty_subjects_are_no_demand(nlp: Any, stages: Any, text: str) -> None:
    assert not any(t == "REQUEST" for _, _, t in tuples(code(text, nlp, stages)))


def test_an_attack_named_again_keeps_its_target(nlp: Any, stages: Any) -> None:
    text = (
        "Russia's invasion of Ukraine began two years ago. "
        "The grain shortage caused by Russia's war has hit East Africa hardest."
    )
    wars = [e for e in code(text, nlp, stages) if e.trigger == "war"]
    assert wars and wars[0].target is not None and wars[0].target.country == "UKR"
    assert wars[0].confidence < 1.0


def test_an_attack_with_no_earlier_target_stays_one_sided(nlp: Any, stages: Any) -> None:
    wars = [e for e in code("Russia's war has raised grain prices.", nlp, stages)]
    assert wars and all(e.target is None for e in wars if e.plover.type == "ASSAULT")


def test_a_talks_partner_is_not_the_victim_of_the_topic(nlp: Any, stages: Any) -> None:
    text = "Macron discussed Russia's aggression with Chancellor Scholz on Monday."
    got = tuples(code(text, nlp, stages))
    assert ("FRA", "DEU", "CONSULT") in got
    assert ("RUS", "DEU", "ASSAULT") not in got


@pytest.mark.parametrize(
    "text",
    [
        "The Kenyan military continues to work closely with Somalia's government.",
        "The ceasefire talks in Doha continued into the night.",
    ],
)
def test_continuing_is_no_fighting(nlp: Any, stages: Any, text: str) -> None:
    assert not any(t == "ASSAULT" for _, _, t in tuples(code(text, nlp, stages)))
