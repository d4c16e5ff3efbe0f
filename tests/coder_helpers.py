"""Shared by the event-argument tests: code one text with the actor and event stages only
(the `stages` fixture is in conftest.py)."""

from __future__ import annotations

from typing import Any

from dyadwatch.events import PloverCoder
from dyadwatch.records import Document, Event

Tuple = tuple[str | None, str | None, str]


def code(text: str, nlp: Any, stages: tuple[Any, PloverCoder], **meta: Any) -> list[Event]:
    resolver, coder = stages
    doc = Document(doc_id="t", text=text, published="2023-05-02", **meta)
    sdoc = nlp(text)
    return coder(doc, sdoc, resolver.mentions(doc, sdoc))


def key(a: Any) -> str | None:
    return (a.country or a.code) if a is not None else None


def tuples(events: list[Event]) -> set[Tuple]:
    return {(key(e.source), key(e.target), e.plover.type) for e in events}


def run_countries(
    text: str, pipe: Any, nlp: Any, published: str = "2023-03-01", status: bool = False
) -> set[tuple[str | None, ...]]:
    """(source country, target country, type[, status]) of each event of the whole pipeline."""
    doc = Document(doc_id="t", text=text, published=published)
    out: set[tuple[str | None, ...]] = set()
    for e in pipe.analyse(doc, nlp(text)).events:
        row = (
            e.source.country if e.source else None,
            e.target.country if e.target else None,
            e.plover.type,
        )
        out.add((*row, e.status) if status else row)
    return out
