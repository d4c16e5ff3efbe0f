"""Weapons on events: one canonical label per generic type, named systems as designated."""

from __future__ import annotations

from typing import Any

import pytest

from dyadwatch.actors import make_resolver
from dyadwatch.data import data_path
from dyadwatch.events import PloverCoder
from dyadwatch.events.lexicon import Lexicon, load_lexicon
from dyadwatch.events.weapons import canonical_labels, find_weapons
from dyadwatch.records import Document
from dyadwatch.registry import registry
from dyadwatch.settings import Settings


@pytest.fixture(scope="module")
def lex() -> Lexicon:
    return load_lexicon()


def weapons(text: str, nlp: Any, lex: Lexicon) -> list[str]:
    return find_weapons(list(nlp(text)), lex)


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Iran sent drones to Russia.", "drones"),
        ("Iran sent a drone to Russia.", "drones"),
        ("Iran supplied UAVs to Russia.", "drones"),
        ("Iran supplied uavs to Russia.", "drones"),
        ("Iran supplied unmanned aerial vehicles to Russia.", "drones"),
        ("Russia fired a missile at Kyiv.", "missiles"),
        ("Russia fired missiles at Kyiv.", "missiles"),
        ("Russia fired cruise missiles at Kyiv.", "cruise missiles"),
        ("Israeli warplanes struck Gaza.", "fighter jets"),
        ("Russia will deliver a fighter jet.", "fighter jets"),
        ("Russia will deliver fighter jets.", "fighter jets"),
    ],
)
def test_generic_types_share_one_label(text: str, label: str, nlp: Any, lex: Lexicon) -> None:
    assert weapons(text, nlp, lex) == [label]


def test_variants_in_one_phrase_count_once(nlp: Any, lex: Lexicon) -> None:
    got = weapons("Iran sent drones, a drone and several UAVs and warplanes.", nlp, lex)
    assert got == ["drones", "fighter jets"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Russia will deliver Su-35 fighter jets to Iran.", ["Su-35"]),
        ("Iran sent Shahed-136 drones.", ["Shahed-136"]),
        ("Iran sent Shahed drones.", ["Shahed"]),
        ("Iran sent shahed drones.", ["Shahed"]),
        ("The US sent Himars and Patriot missiles.", ["HIMARS", "Patriot"]),
        ("Germany sent IRIS-T systems.", ["IRIS-T"]),
    ],
)
def test_named_systems_keep_their_designator(
    text: str, expected: list[str], nlp: Any, lex: Lexicon
) -> None:
    assert weapons(text, nlp, lex) == expected


def test_unspecific_words_are_no_weapon_type(nlp: Any, lex: Lexicon) -> None:
    assert weapons("Iran sent weapons and arms to Russia.", nlp, lex) == []


def test_every_table_row_has_a_canonical_label(lex: Lexicon) -> None:
    labels = canonical_labels()
    assert set(labels) == set(lex.weapons)
    assert all(v.strip() for v in labels.values())
    assert labels["uav"] == labels["drone"] == labels["unmanned aerial vehicle"] == "drones"
    header = data_path("events", "weapons.tsv").read_text(encoding="utf-8").splitlines()
    assert "term\tkind\tcanonical" in header


def test_event_from_text_stores_the_canonical_label(nlp: Any, settings: Settings) -> None:
    coder = registry.get("dyadwatch.events.v1")(settings)
    assert isinstance(coder, PloverCoder)
    text = "Iran has been accused of supplying Russia with UAVs."
    doc = Document(doc_id="w", text=text, published="2022-12-10")
    sdoc = nlp(text)
    events = coder(doc, sdoc, make_resolver(settings).mentions(doc, sdoc))
    aid = [e for e in events if e.plover.type == "AID"]
    assert aid and aid[0].weapons == ["drones"], events
