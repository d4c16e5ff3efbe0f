"""Actors stage: personal pronouns (he/she, him/her, his/her) resolve to the person meant."""

from __future__ import annotations

from typing import Any

import pytest

from dyadwatch.actors import make_resolver
from dyadwatch.records import Actor, Document
from dyadwatch.settings import Settings


@pytest.fixture(scope="module")
def resolver(settings: Settings) -> Any:
    return make_resolver(settings)


def pronoun_actors(resolver: Any, nlp: Any, text: str, **doc: Any) -> list[tuple[str, Actor]]:
    d = Document(doc_id="t", text=text, published="2023-03-01", **doc)
    return [
        (m.actor.text.lower(), m.actor)
        for m in resolver.mentions(d, nlp(text))
        if m.actor.resolved_by == "pronoun"
    ]


def test_object_pronoun_is_never_its_own_clause_subject(resolver: Any, nlp: Any) -> None:
    got = pronoun_actors(
        resolver,
        nlp,
        "Chancellor Olaf Scholz spoke with President Emmanuel Macron. He thanked him for the "
        "invitation.",
    )
    by = dict(got)
    assert by["he"].country == "DEU"
    assert by["him"].country == "FRA"


POSSESSIVES = [
    # after a person object: the object's
    ("Prime Minister Fumio Kishida praised President Yoon Suk Yeol for his courage.", "KOR", None),
    # in a fronted phrase: the clause's subject named after it
    ("During his stop in Nairobi, Foreign Minister Wang Yi signed a loan accord.", "CHN", None),
    # ... also the outlet's own unnamed role
    (
        "On her trip to Ghana, the Vice President is announcing new investments.",
        "USA",
        "The White House",
    ),
    # the subject named before it
    ("President Lula said his government would send envoys to Kyiv.", "BRA", None),
]


@pytest.mark.parametrize(("text", "country", "outlet"), POSSESSIVES)
def test_possessive_pronouns(
    text: str, country: str, outlet: str | None, resolver: Any, nlp: Any
) -> None:
    got = dict(pronoun_actors(resolver, nlp, text, outlet=outlet))
    assert got[next(k for k in got if k in ("his", "her"))].country == country


def test_a_possessive_with_no_person_is_not_guessed(resolver: Any, nlp: Any) -> None:
    assert pronoun_actors(resolver, nlp, "In his view the plan will fail, a reader wrote.") == []


def test_an_official_the_outlet_names_without_a_country_is_its_own(resolver: Any, nlp: Any) -> None:
    text = "Deputy National Security Advisor Dana Kowalczyk will travel to Peru for meetings."
    d = Document(doc_id="t", text=text, published="2023-03-01", outlet="The White House")
    got = {m.actor.text: m.actor for m in resolver.mentions(d, nlp(text))}
    official = next(a for t, a in got.items() if "Kowalczyk" in t)
    assert (official.country, official.resolved_by) == ("USA", "outlet")
    plain = Document(doc_id="t", text=text, published="2023-03-01", outlet="Andina")
    other = {m.actor.text: m.actor for m in resolver.mentions(plain, nlp(text))}
    assert next(a for t, a in other.items() if "Kowalczyk" in t).country != "USA"


def test_a_bare_surname_does_not_name_an_official_gone_for_decades(resolver: Any) -> None:
    """The packaged Phoenix rows hold a Belize official of 2003 surnamed Bradley: in a 2023
    text a bare "Bradley" (a fighting vehicle) is no such person; in 2003 it may be him."""
    assert resolver.resolve_phrase("Bradley", "2023-02-21") is None
    then = resolver.resolve_phrase("Bradley", "2003-06-01")
    assert then is not None and then.country == "BLZ"
    assert resolver.resolve_phrase("Kishida", "2023-02-21").country == "JPN"


def test_the_we_of_a_group_statement_is_the_group(resolver: Any, nlp: Any) -> None:
    text = "We condemn the attack on the port. The President will travel to Lima."
    url = "https://www.whitehouse.gov/briefing-room/statements-releases/2023/05/19/x/"
    for title, code in (("G7 Leaders' Statement on Peru", "GOS"), ("Readout of a Call", "USAGOV")):
        d = Document(doc_id="t", text=text, published="2023-05-19", url=url, title=title)
        got = {m.actor.text: m.actor for m in resolver.mentions(d, nlp(text))}
        assert got["We"].code == code
        assert got["President"].country == "USA"  # the White House's own role either way
