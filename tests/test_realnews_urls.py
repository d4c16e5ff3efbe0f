"""The real-news suite gives each document the page URL its line names, as a user's input
carries it (so a White House page speaks with the White House's voice)."""

from __future__ import annotations

import json
from pathlib import Path

from dyadwatch.eval.realnews import documents


def _line(source: str) -> dict[str, object]:
    return {"id": "x1", "source_file": source, "published": "2023-01-05", "context": "",
            "sentence": "We sent aid to Chile.", "events": []}  # fmt: skip


def test_page_url_and_corpus_index_url(tmp_path: Path) -> None:
    index = tmp_path / "corpus/wh-briefings/INDEX.jsonl"
    index.parent.mkdir(parents=True)
    row = {"path": "statements-releases/a.md", "source_url": "https://www.whitehouse.gov/a/"}
    index.write_text(json.dumps(row) + "\n", encoding="utf-8")
    page, corpus = documents(
        [
            _line("https://news.example.org/story"),
            _line("corpus/wh-briefings/statements-releases/a.md"),
        ],
        tmp_path,
    )
    assert page.url == "https://news.example.org/story"
    assert corpus.url == "https://www.whitehouse.gov/a/"


def test_no_index_means_no_url() -> None:
    (doc,) = documents([_line("corpus/wh-briefings/statements-releases/a.md")], None)
    assert doc.url is None
