"""Short input is input: a sentence or a headline is a document by every route, and a
JSONL title is coded too, its events marked as headline events (issue 7, part 1)."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from dyadwatch.clean import Cleaner
from dyadwatch.pipeline import Pipeline, Result, codes_title
from dyadwatch.records import Document, Event, RawInput, Rejection
from dyadwatch.settings import Settings
from dyadwatch.sources import read_inputs
from dyadwatch.store import Store

SENTENCE = "Russia and China signed a trade agreement on Monday."
HEADLINE = "Brazil and Argentina sign energy deal"
TITLE = "Japan condemns North Korean missile launch"
PARA = (
    "Officials in Brasilia said the accord, reached after two days of talks, covers gas "
    "pipelines, power lines across the border and a joint fund for new hydroelectric plants."
)


def _clean(text: str, **kw: object) -> Document | Rejection:
    return Cleaner(Settings())(RawInput(input="t", content=text, **kw))  # type: ignore[arg-type]


def _countries(events: list[Event]) -> set[tuple[str | None, str | None]]:
    return {
        (e.source.country if e.source else None, e.target.country if e.target else None)
        for e in events
    }


@pytest.mark.parametrize("text", [SENTENCE, HEADLINE, "Ukraine", "Talks resume in Geneva"])
def test_a_lone_line_is_body_not_title(text: str) -> None:
    doc = _clean(text + "\n")
    assert isinstance(doc, Document), doc
    assert (doc.text, doc.title) == (text, None)


def test_headline_over_a_short_text_stays_body() -> None:
    doc = _clean(f"{HEADLINE}\n\n{SENTENCE}")
    assert isinstance(doc, Document)
    assert doc.title is None and doc.text.split("\n\n") == [HEADLINE, SENTENCE]


def test_headline_over_a_paragraph_is_the_title() -> None:
    doc = _clean(f"{HEADLINE}\n\n{PARA}")
    assert isinstance(doc, Document)
    assert (doc.title, doc.text) == (HEADLINE, PARA)


def test_known_title_equal_to_the_whole_text_is_kept_as_body() -> None:
    doc = _clean(HEADLINE, title=HEADLINE)
    assert isinstance(doc, Document)
    assert (doc.text, doc.title) == (HEADLINE, HEADLINE)
    assert not codes_title(doc)  # the body carries it: no second coding


def test_an_overlong_title_is_not_coded() -> None:
    doc = _clean(PARA, title="Talks " * 200)
    assert isinstance(doc, Document) and not codes_title(doc)
    doc = _clean(PARA, title=TITLE)
    assert isinstance(doc, Document) and codes_title(doc)


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", SimpleNamespace(buffer=io.BytesIO(data)))


def _run(paths: list[str], settings: Settings) -> list[Result | Rejection]:
    return list(Pipeline(settings).run(read_inputs(paths, settings)))


def _only(results: list[Result | Rejection]) -> Result:
    assert len(results) == 1 and isinstance(results[0], Result), results
    return results[0]


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    d = tmp_path_factory.mktemp("short")
    out = {
        "txt": d / "one.txt",
        "md": d / "one.md",
        "head": d / "head.txt",
        "jsonl": d / "one.jsonl",
    }
    out["txt"].write_text(SENTENCE + "\n")
    out["md"].write_text(f"# {SENTENCE}\n")
    out["head"].write_text(HEADLINE + "\n")
    out["jsonl"].write_text(json.dumps({"text": SENTENCE, "title": TITLE}) + "\n")
    return out


@pytest.mark.parametrize("kind", ["txt", "md", "jsonl"])
def test_one_sentence_gives_events_by_every_route(
    kind: str, files: dict[str, Path], settings: Settings
) -> None:
    res = _only(_run([str(files[kind])], settings))
    assert res.document.text == SENTENCE
    body = [e for e in res.events if not e.headline]
    assert ("RUS", "CHN") in _countries(body) or ("CHN", "RUS") in _countries(body)


def test_one_sentence_from_stdin(monkeypatch: pytest.MonkeyPatch, settings: Settings) -> None:
    _stdin(monkeypatch, SENTENCE.encode())
    res = _only(_run(["-"], settings))
    assert res.document.input == "-" and res.events


def test_a_headline_alone_gives_events(files: dict[str, Path], settings: Settings) -> None:
    res = _only(_run([str(files["head"])], settings))
    assert res.document.text == HEADLINE and res.document.title is None
    assert {"BRA", "ARG"} <= {c for pair in _countries(res.events) for c in pair if c}
    assert not any(e.headline for e in res.events)  # it is the body here


def test_jsonl_title_is_coded_as_headline_events(
    files: dict[str, Path], settings: Settings
) -> None:
    res = _only(_run([str(files["jsonl"])], settings))
    doc = res.document
    assert doc.title == TITLE and doc.text == SENTENCE
    heads = [e for e in res.events if e.headline]
    assert heads, "the title's events"
    for e in heads:
        assert e.evidence.sentence == -1
        assert TITLE[e.evidence.start : e.evidence.end] == e.evidence.text
        for side in (e.source, e.target):
            if side is not None and side.start is not None and side.end is not None:
                assert TITLE[side.start : side.end] == side.text
    assert ("JPN", "PRK") in _countries(heads)
    body = [e for e in res.events if not e.headline]
    assert body and all(e.evidence.sentence >= 0 for e in body)
    ids = [e.event_id for e in res.events]
    assert len(ids) == len(set(ids))


def test_headline_events_are_stored(
    files: dict[str, Path], settings: Settings, tmp_path: Path
) -> None:
    res = _only(_run([str(files["jsonl"])], settings))
    with Store(tmp_path / "h.duckdb") as store:
        store.write_batch([res])
        rows = store.con.execute(
            "SELECT headline, sentence, record->>'$.headline' FROM events ORDER BY headline"
        ).fetchall()
    assert {r[0] for r in rows} == {False, True}
    assert all((r[1] == -1) == r[0] and r[2] == str(r[0]).lower() for r in rows)


def test_a_store_without_the_headline_column_gets_it(
    files: dict[str, Path], settings: Settings, tmp_path: Path
) -> None:
    path = tmp_path / "old.duckdb"
    with Store(path) as store:
        store.con.execute("DROP INDEX events_dyad; DROP INDEX events_doc")
        store.con.execute("ALTER TABLE events DROP COLUMN headline")
    res = _only(_run([str(files["jsonl"])], settings))
    with Store(path) as store:
        store.write_batch([res])
        n = store.con.execute("SELECT count(*) FROM events WHERE headline").fetchone()
    assert n is not None and n[0] == sum(e.headline for e in res.events) > 0
