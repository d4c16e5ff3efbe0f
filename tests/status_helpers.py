"""Helpers for the event-status tests (every test sentence is invented for them)."""

from __future__ import annotations

from typing import Any

from dyadwatch.pipeline import Pipeline
from dyadwatch.records import Document, Event

PUBLISHED = "2023-03-01"


def events(text: str, pipe: Pipeline, nlp: Any) -> list[Event]:
    doc = Document(doc_id="t", text=text, published=PUBLISHED)
    return pipe.analyse(doc, nlp(text)).events


def statuses(text: str, trigger: str, pipe: Pipeline, nlp: Any) -> set[str]:
    """Statuses of the events, or of the merged mentions, whose trigger contains ``trigger``
    (two acts with the same sides and date are one event with two mentions)."""
    found: set[str] = set()
    for e in events(text, pipe, nlp):
        if trigger in e.trigger:
            found.add(e.status)
        for m in e.mentions:
            if m.trigger_span is not None and trigger in m.trigger_span.text and m.status:
                found.add(m.status)
    assert found, f"no event triggered by {trigger!r} in {text!r}"
    return found
