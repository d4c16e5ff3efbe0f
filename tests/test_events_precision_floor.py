"""Precision, noise floor: events the confidence model scores under ``[events] floor`` are
dropped; 0 keeps every event. Sentences invented for these tests."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from dyadwatch.pipeline import Pipeline
from dyadwatch.records import Document
from dyadwatch.settings import Settings, load_settings

TEXT = "Russian forces shelled the Ukrainian city of Kharkiv on Tuesday."


def _confidences(settings: Settings, nlp: Any) -> list[float]:
    doc = Document(doc_id="t", text=TEXT, published="2023-03-01")
    return [e.confidence for e in Pipeline(settings).analyse(doc, nlp(TEXT)).events]


def test_floor_drops_events_below_it(settings: Settings, nlp: Any) -> None:
    every = _confidences(settings.with_overrides(event_floor=0.0), nlp)
    assert every
    cut = max(every) + 0.001
    assert _confidences(settings.with_overrides(event_floor=cut), nlp) == []


def test_default_floor_is_low_and_read_from_the_file(tmp_path: Path) -> None:
    assert 0.0 < Settings().event_floor <= 0.1
    cfg = tmp_path / "s.cfg"
    cfg.write_text("[events]\nfloor = 0.2\n", encoding="utf-8")
    assert load_settings(cfg).event_floor == 0.2
