"""Towns from the GeoNames gazetteer (places_geonames.tsv), read only where the text marks a
name. Sentences written for these tests."""

from __future__ import annotations

from typing import Any

import pytest

from coder_helpers import code, tuples
from dyadwatch.actors.gazetteer import gazetteer
from dyadwatch.records import Document


def mentions(text: str, nlp: Any, stages: Any) -> dict[str, Any]:
    resolver, _ = stages
    doc = Document(doc_id="t", text=text, published="2023-05-02")
    return {m.actor.text: m.actor for m in resolver.mentions(doc, nlp(text))}


def test_table_keeps_unambiguous_towns_and_drops_words_and_names() -> None:
    g = gazetteer()
    assert g["kherson"] == "UKR" and g["jenin"] == "PSE" and g["avdiivka"] == "UKR"
    for word in ("reading", "mobile", "police", "austin", "tripoli"):
        assert word not in g  # an English word, a surname, a name two countries use


@pytest.mark.parametrize(
    ("text", "name", "iso"),
    [
        ("Russian artillery shelled Kherson overnight.", "Kherson", "UKR"),
        ("Israeli soldiers raided a house in Jenin.", "Jenin", "PSE"),
        ("Sudanese militias attacked the market in El Fasher.", "El Fasher", "SDN"),
    ],
)
def test_a_town_where_the_text_marks_a_name(
    nlp: Any, stages: Any, text: str, name: str, iso: str
) -> None:
    assert mentions(text, nlp, stages)[name].country == iso


def test_a_town_name_as_subject_is_not_read_as_the_town(nlp: Any, stages: Any) -> None:
    """A subject named like a town is more likely a person: no place from the gazetteer."""
    got = mentions("Kramatorsk said the deal was fair.", nlp, stages)
    assert "Kramatorsk" not in got or got["Kramatorsk"].country != "UKR"


def test_strikes_on_a_town_target_its_country(nlp: Any, stages: Any) -> None:
    text = "Russian drones struck Kramatorsk on Tuesday, the governor said."
    assert ("RUS", "UKR", "ASSAULT") in tuples(code(text, nlp, stages))


@pytest.mark.parametrize(
    "text", ["Gunmen attacked a village in Borno state.", "Clashes erupted in Anbar province."]
)
def test_a_region_named_with_its_kind_in_lower_case(text: str, nlp: Any, stages: Any) -> None:
    """'Borno state' is the curated 'Borno State' (NGA), not a GeoNames town elsewhere."""
    found = mentions(text, nlp, stages)
    countries = {a.country for a in found.values() if a.kind != "group"}  # ("Gunmen": UAF)
    assert countries and countries <= {"NGA", "IRQ"}, found
