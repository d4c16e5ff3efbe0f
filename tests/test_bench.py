"""Benchmark helpers: corpus selection, stage timing and the result tables measure what they say."""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

import psutil
import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

import common  # noqa: E402
import throughput  # noqa: E402

DOC = (
    "Iran has supplied hundreds of drones to Russia for use in Ukraine, the White House said "
    "on Tuesday. Spokesman John Kirby said Tehran was also weighing the sale of missiles."
)


def _corpus(tmp: Path, n: int) -> Path:
    rows = []
    for i in range(n):
        rel = f"statements-releases/2022-12/item-{i}.md"
        path = tmp / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        front = (
            f"---\ndate: '2022-12-{i + 1:02d}'\ntitle: Item {i}\nsource_url: https://x/{i}\n---\n"
        )
        path.write_text(front + DOC + "\n", encoding="utf-8")
        rows.append(json.dumps({"path": rel, "date": f"2022-12-{i + 1:02d}"}))
    (tmp / "INDEX.jsonl").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return tmp


def test_wh_paths_takes_the_first_n_in_index_order(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path, 4)
    got = common.wh_paths(corpus, 3)
    assert [Path(p).name for p in got] == ["item-0.md", "item-1.md", "item-2.md"]
    assert len(common.wh_paths(corpus, None)) == 4
    with pytest.raises(SystemExit):
        common.wh_paths(tmp_path / "nowhere", 1)


def test_stage_clock_counts_cpu_inside_wrapped_calls() -> None:
    clock = common.StageClock()

    def busy(n: int) -> int:
        end = time.process_time() + 0.05
        while time.process_time() < end:
            n += 1
        return n

    assert clock.call("work", busy)(1) > 1
    assert list(clock.iterate("it", iter([1, 2]))) == [1, 2]
    assert clock.secs["work"] >= 0.04
    assert set(clock.secs) == {"work", "it"}


def test_tree_rss_includes_the_process_itself() -> None:
    me = psutil.Process(os.getpid())
    assert common.tree_rss(me) >= me.memory_info().rss > 0


def test_pipeline_and_bare_children_agree_on_texts(tmp_path: Path, nlp: object) -> None:
    paths = common.wh_paths(_corpus(tmp_path, 2), None)
    full = common.child_pipeline(paths, 1, stages=True)
    bare = common.child_bare(paths, 1)
    assert full["docs"] == bare["docs"] == 2
    assert full["words"] == bare["words"] == 2 * len(DOC.split())
    stages = full["stages"]
    assert {"sources", "clean", "nlp", "actors", "events", "claims", "time"} <= set(stages)
    assert all(v >= 0 for k, v in stages.items() if k != "pipeline overhead")


def test_best_and_table() -> None:
    runs = [
        {"secs": 2.0, "cpu": 1.5, "peak_rss_mib": 100.0},
        {"secs": 1.0, "cpu": 1.9, "peak_rss_mib": 90.0},
    ]
    b = throughput.best(runs)
    assert b == {"secs": 1.0, "cpu": 1.5, "peak_rss_mib": 100.0}
    row = {
        "n": 2,
        "n_process": 1,
        "docs": 2,
        "words": 10,
        "bare_words_s": 100,
        "pipeline_words_s": 90,
        "ratio": 0.9,
        "cpu_ratio": 0.8,
        "bare_peak_rss_mib": 1.0,
        "pipeline_peak_rss_mib": 2.0,
        "events": 3,
        "claims": 4,
        "load_1min": 0.5,
    }
    lines = throughput.table([row]).splitlines()
    assert len(lines) == 3 and lines[2].startswith("| 2 | 1 | 2 | 10 | 100 | 90 | 0.90 | 0.80 |")


@pytest.mark.slow
def test_throughput_end_to_end_in_child_processes(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path, 3)
    row = throughput.measure(corpus, 3, 1, stages=False, repeat=1)
    assert row["same_texts"] and row["docs"] == 3
    assert row["pipeline_peak_rss_mib"] > 50 and row["bare_words_s"] > 0
