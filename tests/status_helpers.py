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
    """Statuses of the events whose trigger contains ``trigger``."""
    found: set[str] = {e.status for e in events(text, pipe, nlp) if trigger in e.trigger}
    assert found, f"no event triggered by {trigger!r} in {text!r}"
    return found
