"""Acronyms a document defines as a non-actor ("sustainable aviation fuel (SAF)") are not
the dictionary's actor of the same letters. Sentences written for these tests."""

from __future__ import annotations

from typing import Any

from coder_helpers import code
from dyadwatch.actors.acronyms import drop_redefined
from dyadwatch.records import Actor, Mention


def countries(text: str, nlp: Any, stages: Any) -> set[str | None]:
    evs = code(text, nlp, stages)
    return {a.country for e in evs for a in (e.source, e.target) if a is not None}


def test_an_acronym_defined_as_a_thing_is_no_actor(nlp: Any, stages: Any) -> None:
    text = (
        "Japan and Canada pledged to expand production of sustainable aviation fuel (SAF). "
        "Japan will buy more SAF from Canadian refiners."
    )
    assert "SDN" not in countries(text, nlp, stages)


def test_an_acronym_defined_as_the_actor_stays(nlp: Any, stages: Any) -> None:
    text = "The Sudanese Armed Forces (SAF) shelled Omdurman. The SAF also attacked Bahri."
    evs = code(text, nlp, stages)
    assert any(e.source is not None and e.source.text == "SAF" for e in evs)
    assert all(e.source is None or e.source.country == "SDN" for e in evs)


def test_no_definition_keeps_the_dictionary_reading(nlp: Any, stages: Any) -> None:
    assert "SDN" in countries("The SAF shelled RSF positions near Khartoum.", nlp, stages)


def _saf(text: str) -> Mention:
    at = text.rindex("SAF")
    return Mention(
        start=at,
        end=at + 3,
        token_start=0,
        token_end=1,
        head=0,
        sentence=0,
        actor=Actor(text="SAF", country="SDN", sector="MIL"),
    )


def test_initials_must_spell_the_acronym() -> None:
    spelled = "Output of sustainable aviation fuel (SAF) rose. SAF prices fell."
    assert drop_redefined([_saf(spelled)], spelled) == []
    # "(SAF)" after words that do not spell it defines nothing: the mention stays
    unspelled = "Talks on fuel standards (SAF) resumed. SAF officers attended."
    assert len(drop_redefined([_saf(unspelled)], unspelled)) == 1
