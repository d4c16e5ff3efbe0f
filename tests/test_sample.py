"""The bundled sample corpus: size, shape, content, provenance, and a faithful rebuild."""

from __future__ import annotations

import hashlib
import importlib.util
import json
import re
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from dyadwatch.records import RawInput
from dyadwatch.settings import Settings
from dyadwatch.sources import read_inputs

ROOT = Path(__file__).resolve().parents[1]
SAMPLE_DIR = ROOT / "corpus" / "sample"
SAMPLE = SAMPLE_DIR / "wh-2022-2023.jsonl"
WH = ROOT.parent / "shared" / "corpus" / "wh-briefings"


def _builder() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_sample", ROOT / "scripts/build_sample.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    sys.modules["build_sample"] = mod
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module")
def rows() -> list[dict[str, Any]]:
    with SAMPLE.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


def test_sample_is_small_jsonl_with_the_expected_fields(rows: list[dict[str, Any]]) -> None:
    assert SAMPLE.stat().st_size <= 5_000_000
    assert len(rows) > 100
    for r in rows:
        assert set(r) == {"id", "url", "title", "published", "outlet", "text"}
        assert r["outlet"] == "White House"
        assert re.fullmatch(r"(statements-releases|press-briefings)/20(22|23)-\d\d/.+\.md", r["id"])
        assert r["url"].startswith("https://bidenwhitehouse.archives.gov/briefing-room/")
        assert re.fullmatch(r"202[23]-\d\d-\d\d", r["published"])
        assert r["title"] and len(r["text"].split()) >= 40
    assert len({r["id"] for r in rows}) == len(rows)
    assert [(r["published"], r["id"]) for r in rows] == sorted(
        (r["published"], r["id"]) for r in rows
    )


def test_sample_covers_the_demo_dyads(rows: list[dict[str, Any]]) -> None:
    def both(a: str, b: str) -> int:
        return sum(bool(re.search(a, r["text"]) and re.search(b, r["text"])) for r in rows)

    assert both(r"\bIran", r"\bRussia") >= 50
    assert both(r"\bRussia", r"\bUkrain") >= 200
    months = {r["published"][:7] for r in rows}
    assert len(months) >= 20  # the trend views need most months of 2022-2023


def test_sample_text_is_plain(rows: list[dict[str, Any]]) -> None:
    leftovers = re.compile(r"\\[_\[\]#*]|</?(?:s|u|span|td|tr|sup)\b|\]\(https?:|^#{1,6} ", re.M)
    bad = [r["id"] for r in rows if leftovers.search(r["text"]) or leftovers.search(r["title"])]
    assert bad == []
    assert not any("\u00a0" in r["title"] for r in rows)


def test_sources_stage_reads_every_line(settings: Settings) -> None:
    got = list(read_inputs([str(SAMPLE)], settings))
    assert all(isinstance(g, RawInput) for g in got)
    first = got[0]
    assert isinstance(first, RawInput)
    assert first.outlet == "White House" and first.published and first.url and first.source_id


def test_provenance_records_sha_and_counts(rows: list[dict[str, Any]]) -> None:
    prov = (SAMPLE_DIR / "PROVENANCE.md").read_text(encoding="utf-8")
    assert hashlib.sha256(SAMPLE.read_bytes()).hexdigest() in prov
    assert f"| items | {len(rows)} " in prov
    assert "brian14708/wh-briefings" in prov and "CC0" in prov
    assert "CC0 1.0 Universal" in (SAMPLE_DIR / "LICENSE").read_text(encoding="utf-8")


def test_markdown_normalisation() -> None:
    b = _builder()
    md = (
        "Aboard Air Force One  \nEn Route Boston\n   \n"
        "MS. JEAN-PIERRE:  Hi.  We expect a <s>month</s> \\[year\\] of\n"
        "talks with **Iran** on [the deal](https://x.gov/a_b).   \n   \n"
        "- item one\n***\n\\###\n"
    )
    assert b.md_to_text(md) == (
        "Aboard Air Force One\nEn Route Boston\n\n"
        "MS. JEAN-PIERRE: Hi. We expect a [year] of talks with Iran on the deal.\n\n"
        "- item one"
    )
    assert (
        b.clean_title("Statement by Jen\\_Psaki on\u00a0Ukraine")
        == "Statement by Jen Psaki on Ukraine"
    )


def test_briefing_excerpt_keeps_matching_turns_and_their_question() -> None:
    b = _builder()
    text = "\n\n".join(
        [
            "MS. PSAKI: Good afternoon.",
            "Q On Iran: are talks over?",
            "MS. PSAKI: Talks with Iran continue.",
            "More on that.",
            "Q On trains?",
            "MS. PSAKI: No news.",
            "Q Russia and Iran?",
            "MR. KIRBY: Iran sent drones.",
        ]
    )
    assert b.excerpt(text, b.IRAN).split("\n\n") == [
        "Q On Iran: are talks over?",
        "MS. PSAKI: Talks with Iran continue.",
        "More on that.",
        "[...]",
        "Q Russia and Iran?",
        "MR. KIRBY: Iran sent drones.",
    ]


def test_rebuild_from_shared_is_identical(tmp_path: Path) -> None:
    if not (WH / "INDEX.jsonl").is_file():
        pytest.skip(f"../shared corpus not found at {WH}; cannot rebuild the sample")
    b = _builder()
    out = tmp_path / "rebuilt.jsonl"
    assert b.main(["--corpus", str(WH), "--out", str(out)]) == 0
    assert out.read_bytes() == SAMPLE.read_bytes()


@pytest.mark.slow
def test_sample_briefing_excerpts_yield_iran_russia_events(
    rows: list[dict[str, Any]], settings: Settings, tmp_path: Path
) -> None:
    from dyadwatch.pipeline import Pipeline, Result

    picked = [
        r for r in rows if "2022-08-30-press-gaggle" in r["id"] or "2022-10-18-press-b" in r["id"]
    ]
    assert len(picked) == 2
    path = tmp_path / "two.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in picked), encoding="utf-8")
    results = [
        r
        for r in Pipeline(settings).run(read_inputs([str(path)], settings))
        if isinstance(r, Result)
    ]
    dyads = {
        frozenset((e.source.country, e.target.country))
        for r in results
        for e in r.events
        if e.source and e.target
    }
    assert frozenset(("IRN", "RUS")) in dyads
