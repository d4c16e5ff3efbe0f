"""Events stage with the actors stage: targets, promises, demands (offline, fast)."""

from __future__ import annotations

from typing import Any

import pytest

from dyadwatch.actors import make_resolver
from dyadwatch.events import PloverCoder
from dyadwatch.records import Document, Event
from dyadwatch.settings import Settings


@pytest.fixture(scope="module")
def stages(settings: Settings) -> tuple[Any, PloverCoder]:
    return make_resolver(settings), PloverCoder(settings)


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
    ev = best("Syria says it is willing to withdraw its troops from Lebanon.", nlp, stages)
    assert pair(ev) == ("SYR", "LBN")
    assert ev.plover.type == "AGREE"


def test_target_inside_the_predicate(nlp: Any, stages: Any) -> None:
    text = (
        "Activist Salaheddine Sidhoum staged a hunger strike in prison in protest against the "
        "human rights violations by Algerian security forces."
    )
    ev = best(text, nlp, stages)
    assert ev.plover.type == "PROTEST"
    assert ev.target is not None and ev.target.code == "DZAMIL"


def test_announced_concession_is_a_promise(nlp: Any, stages: Any) -> None:
    text = "The Fijian rebels said they will release Prime Minister Mahendra Chaudhry."
    ev = best(text, nlp, stages)
    assert ev.plover.type == "AGREE" and ev.cameo == "0353"


def test_subjunctive_demand_is_a_request(nlp: Any, stages: Any) -> None:
    text = "Greece demanded that its European Community partners refuse to recognize Macedonia."
    ev = best(text, nlp, stages)
    assert ev.plover.type == "REQUEST"
    assert ev.source is not None and ev.source.country == "GRC"


def test_being_opposed_is_active(nlp: Any, stages: Any) -> None:
    ev = best("Israel is opposed to French mediation in talks with Syria.", nlp, stages)
    assert ev.plover.type == "REJECT"
    assert pair(ev) == ("ISR", "FRA")


def test_stopping_a_protest_is_coercion(nlp: Any, stages: Any) -> None:
    ev = best("Turkish police prevented the demonstration in Sivas.", nlp, stages)
    assert ev.plover.type == "COERCE" and ev.plover.mode == "restrict"


def test_main_event_beats_a_participial_demand(nlp: Any, stages: Any) -> None:
    text = (
        "Activists of the Fatah Party staged rallies against Mahmoud Abbas, saying he must resign."
    )
    assert best(text, nlp, stages).plover.type == "PROTEST"
