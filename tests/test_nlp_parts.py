"""Over-long texts are parsed in parts (bounded memory) with offsets kept true."""

from __future__ import annotations

from typing import Any

import pytest

import dyadwatch.nlp as nlp_stage
from dyadwatch.nlp import _batches, parts


def test_parts_join_back_and_cut_after_sentence_ends() -> None:
    text = "Russia shelled Kharkiv on Monday. Ukraine said so.\n" * 100
    cuts = parts(text, 500)
    assert "".join(text[a:b] for a, b in cuts) == text
    assert all(b - a <= 500 for a, b in cuts)
    assert all(text[b - 2 : b] in (". ", ".\n") or text[b - 1] == "\n" for _, b in cuts[:-1])


def test_parts_without_punctuation_or_spaces() -> None:
    words = "word " * 300
    assert all(words[b - 1] == " " for _, b in parts(words, 200)[:-1])
    blob = "x" * 1050
    assert parts(blob, 500) == [(0, 500), (500, 1000), (1000, 1050)]


def test_batches_bounded_by_count_and_characters() -> None:
    items = [("a" * 40, i) for i in range(10)]
    assert [len(b) for b in _batches(items, 4, 1000)] == [4, 4, 2]
    assert [len(b) for b in _batches(items, 32, 100)] == [3, 3, 3, 1]


def test_long_document_parsed_in_parts_keeps_offsets(
    settings: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dyadwatch.pipeline import Pipeline, Result
    from dyadwatch.records import RawInput

    monkeypatch.setattr(nlp_stage, "PART_CHARS", 600)
    monkeypatch.setattr(nlp_stage, "BATCH_CHARS", 1200)
    text = " ".join(
        f"Russia accused Ukraine of shelling Kharkiv on Monday, officials said in report {i}."
        for i in range(40)
    )
    out = list(Pipeline(settings).run([RawInput(input="long", content=text)]))
    res = out[0]
    assert isinstance(res, Result) and len(res.events) >= 20
    body = res.document.text
    for ev in res.events:
        assert body[ev.evidence.start : ev.evidence.end] == ev.evidence.text
    for cl in res.claims:
        assert body[cl.content.start : cl.content.end] == cl.content.text
