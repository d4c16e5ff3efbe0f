"""Who did the act named in a frame of blame, praise, responsibility or threat (session 9).
Sentences written for these tests."""

from __future__ import annotations

from typing import Any

import pytest

from coder_helpers import code, run_countries, tuples


@pytest.mark.parametrize(
    ("text", "act"),
    [
        ("Manila blamed Beijing for the collision near the shoal.", None),
        ("Riyadh blamed Tehran for the missile attack on the oil terminal.", ("IRN", "ASSAULT")),
        ("Kyiv held Moscow responsible for the shelling of the dam.", ("RUS", "ASSAULT")),
    ],
)
def test_the_blamed_object_did_the_act(
    text: str, act: tuple[str, str] | None, nlp: Any, stages: Any
) -> None:
    got = tuples(code(text, nlp, stages))
    assert any(t == "ACCUSE" for _, _, t in got), got
    if act is not None:
        assert any(src == act[0] and t == act[1] for src, _, t in got), got


def test_possessive_in_a_praise_frame_is_the_praised(nlp: Any, stages: Any) -> None:
    text = "The EU commissioner praised Oman for its mediation between Iran and Britain."
    got = tuples(code(text, nlp, stages))
    assert ("OMN", "IRN", "CONSULT") in got and ("OMN", "GBR", "CONSULT") in got, got
    assert not any(src == "EUR" and t == "CONSULT" for src, _, t in got), got


@pytest.mark.parametrize(
    ("text", "src"),
    [
        ("The Taliban claimed responsibility for the bombing of the checkpoint.", "AFG"),
        ("Hezbollah denied responsibility for the rocket attack on Haifa.", "LBN"),
        ("ISIS claimed the suicide bombing in Kabul.", None),
    ],
)
def test_responsibility_claimed_or_denied_names_the_attacker(
    text: str, src: str | None, nlp: Any, stages: Any
) -> None:
    evs = [e for e in code(text, nlp, stages) if e.plover.type == "ASSAULT"]
    assert evs and all(e.source is not None for e in evs), [(e.source, e.trigger) for e in evs]
    if src is not None:
        assert any(e.source.country == src for e in evs if e.source)


def test_responsibility_denied_is_a_denied_act(pipe: Any, nlp: Any) -> None:
    text = "Hezbollah denied responsibility for the rocket attack on Haifa."
    got = run_countries(text, pipe, nlp, status=True)
    assert ("LBN", "ISR", "ASSAULT", "denied") in got, got


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Minsk warned it would respond with force to any incursion.", "THREATEN"),
        ("Tehran vowed a crushing response to the assassination.", "THREATEN"),
        ("Armenia put its forces on combat readiness.", "MOBILIZE"),
        ("Taiwan placed its coast guard on high alert.", "MOBILIZE"),
    ],
)
def test_threats_and_alerts_without_a_named_target(
    text: str, kind: str, nlp: Any, stages: Any
) -> None:
    got = tuples(code(text, nlp, stages))
    assert any(src is not None and t == kind for src, _, t in got), got


def test_what_a_convicted_man_did_is_not_the_target_of_his_punishment(
    nlp: Any, stages: Any
) -> None:
    text = "Belarus executed a man convicted of spying for Poland."
    got = tuples(code(text, nlp, stages))
    assert ("BLR", "POL", "ASSAULT") not in got, got
    assert not any(tgt == "POL" for _, tgt, _ in got), got


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("Tehran described the new sanctions as economic terrorism.", ("IRN", None)),
        ("Seoul labelled the launch a provocation.", ("KOR", None)),
        ("Beijing called Canada's remarks hypocritical.", ("CHN", "CAN")),
        ("Caracas said Washington was responsible for the attack on the refinery.", ("VEN", "USA")),
        ("The raid drew strong condemnation from Jordan.", ("JOR", None)),
    ],
)
def test_ways_of_accusing(text: str, pair: tuple[str, str | None], nlp: Any, stages: Any) -> None:
    got = tuples(code(text, nlp, stages))
    assert (*pair, "ACCUSE") in got, got


def test_responsible_for_a_harmless_thing_is_no_accusation(nlp: Any, stages: Any) -> None:
    text = "Officials in Oslo said the minister was responsible for the budget."
    assert not any(e.plover.type == "ACCUSE" for e in code(text, nlp, stages))


def test_a_reaction_drawn_is_aimed_at_the_actor_of_the_drawing_act(nlp: Any, stages: Any) -> None:
    got = tuples(code("Turkey's strikes drew condemnation from Iraq.", nlp, stages))
    assert ("IRQ", "TUR", "ACCUSE") in got and ("TUR", None, "ASSAULT") in got, got


@pytest.mark.parametrize(
    "text",
    [
        "Italy's general strike halted trains.",
        "Hanoi released video of the collision at sea.",
        "The report described the conditions in Gaza.",
    ],
)
def test_no_attack_or_release_here(text: str, nlp: Any, stages: Any) -> None:
    types = {e.plover.type for e in code(text, nlp, stages)}
    assert not types & {"ASSAULT", "RETREAT", "ACCUSE"}, types


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("Syrian jets bombed Idlib overnight. Turkey condemned the strikes.", ("TUR", "SYR")),
        ("Serbia massed troops on the border. Kosovo denounced the move.", ("XKX", "SRB")),
        ("Belarus expelled two diplomats. Lithuania said the step was alarming.", ("LTU", "BLR")),
    ],
)
def test_a_judged_act_named_just_before_is_its_agents(
    text: str, pair: tuple[str, str], nlp: Any, stages: Any
) -> None:
    got = tuples(code(text, nlp, stages))
    assert (*pair, "ACCUSE") in got, got


def test_an_act_named_two_sentences_back_is_not_taken(nlp: Any, stages: Any) -> None:
    text = "Syrian jets bombed Idlib. The weather was cold. Turkey condemned the strikes."
    got = tuples(code(text, nlp, stages))
    assert ("TUR", "SYR", "ACCUSE") not in got, got


def test_a_protest_lodged_just_after_an_act_is_against_its_agent(nlp: Any, stages: Any) -> None:
    text = "Turkish jets struck targets in northern Iraq. Baghdad lodged a formal protest."
    assert ("IRQ", "TUR", "ACCUSE") in tuples(code(text, nlp, stages))
    text = "Turkish jets struck targets in northern Iraq. Baghdad lodged a protest with Iran."
    assert ("IRQ", "TUR", "ACCUSE") not in tuples(code(text, nlp, stages))
