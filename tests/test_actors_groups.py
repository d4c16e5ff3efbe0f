"""Actors stage: ethnic groups, stacked demonyms, stances and the document's context country."""

from __future__ import annotations

from typing import Any

import pytest

from dyadwatch.actors import make_resolver
from dyadwatch.actors.context import context_country
from dyadwatch.records import Document, Mention
from dyadwatch.settings import Settings


@pytest.fixture(scope="module")
def resolver(settings: Settings) -> Any:
    return make_resolver(settings)


def mentions(resolver: Any, nlp: Any, text: str) -> dict[str, Mention]:
    doc = Document(doc_id="t", text=text, published="2000-01-01")
    return {m.actor.text: m for m in resolver.mentions(doc, nlp(text))}


def test_stacked_demonyms_are_one_group_placed_by_the_first(resolver: Any, nlp: Any) -> None:
    found = mentions(resolver, nlp, "Bosnian Serbs said Bosnian Croat refugees were leaving.")
    assert "Serbs" not in found  # not a second, Serbian, actor
    assert found["Bosnian Serbs"].actor.code == "BIHCVL"
    assert found["Bosnian Croat refugees"].actor.code == "BIHREF"


def test_conjoined_or_hyphenated_demonyms_stay_apart(resolver: Any, nlp: Any) -> None:
    found = mentions(resolver, nlp, "Russian and Iranian officials held US-Russian talks.")
    assert found["Iranian officials"].actor.country == "IRN"
    assert {m.actor.country for m in found.values()} >= {"RUS", "IRN", "USA"}


def test_ethnic_group_has_no_state_country(resolver: Any, nlp: Any) -> None:
    found = mentions(resolver, nlp, "Ethnic Hungarians and Slovak officials met in Bratislava.")
    hungarians = found["Hungarians"].actor
    assert hungarians.country in (None, "SVK")  # never HUN: the group lives in Slovakia
    assert hungarians.sector == "CVL" and hungarians.kind == "group"


def test_pro_and_anti_are_stances_not_nationalities(resolver: Any, nlp: Any) -> None:
    found = mentions(
        resolver, nlp, "Fighters loyal to the pro-Iranian Hizbollah announced a truce."
    )
    assert found["Hizbollah"].actor.country == "LBN"
    assert not any(m.actor.country == "IRN" for m in found.values())


def test_demonym_places_a_group(resolver: Any, nlp: Any) -> None:
    found = mentions(
        resolver, nlp, "Leaders of Palestinian Islamic Jihad dismissed the truce offer."
    )
    actor = found["Palestinian Islamic Jihad"].actor
    assert (actor.country, actor.sector) == ("PSE", "REB")


def test_titled_person_takes_the_dominant_country(resolver: Any, nlp: Any) -> None:
    text = "President Ibrahim Sow inaugurated a new bridge in Mali."
    found = mentions(resolver, nlp, text)
    sow = found["President Ibrahim Sow"].actor
    assert (sow.country, sow.sector, sow.resolved_by) == ("MLI", "GOV", "context")


def test_no_context_country_on_a_tie(resolver: Any, nlp: Any) -> None:
    found = mentions(resolver, nlp, "Judge Marta Oyelaran met officials from Chile and Peru.")
    assert found["Judge Marta Oyelaran"].actor.country is None
    assert context_country(list(found.values())) is None
