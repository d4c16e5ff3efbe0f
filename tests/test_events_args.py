"""Events stage with the actors stage: targets, promises, demands (offline, fast)."""

from __future__ import annotations

from typing import Any

import pytest

from dyadwatch.events import PloverCoder
from dyadwatch.records import Document, Event


def best(text: str, nlp: Any, stages: tuple[Any, PloverCoder]) -> Event:
    resolver, coder = stages
    doc = Document(doc_id="t", text=text, published="2000-01-01")
    sdoc = nlp(text)
    events = coder(doc, sdoc, resolver.mentions(doc, sdoc))
    assert events, text
    return max(events, key=lambda e: e.confidence)


def pair(ev: Event) -> tuple[str | None, str | None]:
    return (
        ev.source.country if ev.source else None,
        ev.target.country if ev.target else None,
    )


def test_own_troops_are_not_the_target(nlp: Any, stages: Any) -> None:
    ev = best("Morocco said it was prepared to withdraw its soldiers from Mauritania.", nlp, stages)
    assert pair(ev) == ("MAR", "MRT")
    assert ev.plover.type == "AGREE"


def test_target_inside_the_predicate(nlp: Any, stages: Any) -> None:
    text = (
        "Jailed blogger Tomas Ferreira began a hunger strike in his cell in protest against "
        "the torture of detainees by Venezuelan security forces."
    )
    ev = best(text, nlp, stages)
    assert ev.plover.type == "PROTEST"
    assert ev.target is not None and ev.target.code == "VENMIL"


@pytest.mark.xfail(reason="'went on a hunger strike' is coded CONSULT (go = visit), issue 7")
def test_going_on_hunger_strike_is_a_protest(nlp: Any, stages: Any) -> None:
    text = (
        "Jailed blogger Tomas Ferreira went on a hunger strike in his cell in protest against "
        "the torture of detainees by Venezuelan security forces."
    )
    assert best(text, nlp, stages).plover.type == "PROTEST"


def test_announced_concession_is_a_promise(nlp: Any, stages: Any) -> None:
    text = "The Colombian guerrillas said they will free the kidnapped mayor of Cali."
    ev = best(text, nlp, stages)
    assert ev.plover.type == "AGREE" and ev.cameo == "0353"


def test_subjunctive_demand_is_a_request(nlp: Any, stages: Any) -> None:
    text = "Cyprus demanded that its EU partners halt the membership talks with Ankara."
    ev = best(text, nlp, stages)
    assert ev.plover.type == "REQUEST"
    assert ev.source is not None and ev.source.country == "CYP"


def test_being_opposed_is_active(nlp: Any, stages: Any) -> None:
    ev = best("Japan is opposed to Chinese mediation in the talks with Korea.", nlp, stages)
    assert ev.plover.type == "REJECT"
    assert pair(ev) == ("JPN", "CHN")


@pytest.mark.xfail(
    reason="source lost and type ACCUSE for this wording of 'X is opposed to', issue 7"
)
def test_being_opposed_is_active_other_wording(nlp: Any, stages: Any) -> None:
    ev = best("Peru is opposed to Brazilian mediation in the border dispute.", nlp, stages)
    assert ev.plover.type == "REJECT"
    assert pair(ev) == ("PER", "BRA")


def test_stopping_a_protest_is_coercion(nlp: Any, stages: Any) -> None:
    ev = best("Georgian police prevented the rally outside parliament in Tbilisi.", nlp, stages)
    assert ev.plover.type == "COERCE" and ev.plover.mode == "restrict"


def test_main_event_beats_a_participial_demand(nlp: Any, stages: Any) -> None:
    text = (
        "Members of the Civic Party held marches against Prime Minister Petr Novak, saying he "
        "should step down."
    )
    assert best(text, nlp, stages).plover.type == "PROTEST"
