"""Seed article: the events stage's part of the acceptance checklist, with the real actors stage."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from dyadwatch.records import Document, Event
from dyadwatch.registry import registry
from dyadwatch.settings import Settings

SEED = "seed/dw-2022-12-10-us-alarmed-iran-russia-ties.txt"
PAIR = {"RUS", "IRN"}


@pytest.fixture(scope="module")
def events(shared_dir: Path, settings: Settings, nlp: Any) -> tuple[Document, list[Event]]:
    text = (shared_dir / SEED).read_text(encoding="utf-8")
    doc = Document(doc_id="seed", text=text, published="2022-12-10")
    sdoc = nlp(text)
    mentions = registry.get(settings.actors_impl)(settings).mentions(doc, sdoc)
    return doc, registry.get(settings.events_impl)(settings)(doc, sdoc, mentions)


def between(evs: list[Event], trigger_word: str) -> list[Event]:
    out = []
    for e in evs:
        if trigger_word not in e.trigger.lower():
            continue
        sides = {e.source.country if e.source else None, e.target.country if e.target else None}
        if sides == PAIR and ("military" in e.plover.context or e.plover.mode == "military"):
            out.append(e)
    return out


def test_pilot_training(events: tuple[Document, list[Event]]) -> None:
    found = between(events[1], "train")
    assert found and found[0].plover.type == "COOPERATE"


def test_su35_delivery_expected(events: tuple[Document, list[Event]]) -> None:
    found = between(events[1], "deliver")
    assert found, [e.trigger for e in events[1]]
    assert found[0].status == "expected" and "Su-35" in found[0].weapons
    assert found[0].date is None  # the time stage dates it


def test_drone_production_line_considered(events: tuple[Document, list[Event]]) -> None:
    found = between(events[1], "production line")
    assert found and found[0].status == "considered"


def test_drone_supply_alleged(events: tuple[Document, list[Event]]) -> None:
    found = between(events[1], "supplying")
    assert found and found[0].plover.type == "AID" and found[0].status == "alleged"
    assert found[0].source.country == "IRN" and found[0].weapons == ["drones"]  # type: ignore[union-attr]


def test_past_sale_and_denied_transfers_emitted(events: tuple[Document, list[Event]]) -> None:
    sold = between(events[1], "sold")
    assert sold and sold[0].source.country == "IRN" and sold[0].plover.type == "AID"  # type: ignore[union-attr]
    assert between(events[1], "arms transfers")  # claims stage marks it denied


def test_symmetric_cooperation(events: tuple[Document, list[Event]]) -> None:
    coop = [e for e in between(events[1], "cooperation") if e.symmetric]
    assert {e.source.country for e in coop if e.source} == PAIR


def test_seed_provenance(events: tuple[Document, list[Event]]) -> None:
    doc, evs = events
    assert len({e.event_id for e in evs}) == len(evs)
    for e in evs:
        assert doc.text[e.evidence.start : e.evidence.end] == e.evidence.text
        assert e.trigger_span and doc.text[e.trigger_span.start : e.trigger_span.end] == e.trigger
        assert e.source is not None or e.target is not None
