"""kill -9 during ingest: the file reopens, holds only whole batches, and a re-run ends in
the same database as a clean run (the promise in docs/reliability.md)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from dyadwatch.store import Store

WRITER = r"""
import sys
from dyadwatch.store import Store
from dyadwatch.store.synth import DocBuilder, actor

def doc(i):
    d = DocBuilder(published=f"2022-{1 + i % 12:02d}-{1 + i % 28:02d}", outlet=f"Wire {i}")
    d.event(actor("RUS"), actor("UKR"), "ASSAULT", "reported", goldstein=-9.0)
    d.event(actor("USA"), actor("UKR"), "AID", "claimed")
    return d.build(f"wire/{i}.txt")

start, stop = int(sys.argv[2]), int(sys.argv[3])
with Store(sys.argv[1]) as s:
    for i in range(start, stop):
        s.write_batch([doc(i)])
        if i == start + 5:
            print("ready", flush=True)
"""


def _run(path: Path, start: int, stop: int) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path), str(start), str(stop)],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip


def _snapshot(path: Path) -> tuple[dict[str, int], list[tuple[str, ...]]]:
    with Store(path, read_only=True) as s:
        ids = s.con.execute("SELECT event_id, doc_id FROM events ORDER BY event_id").fetchall()
        return s.counts(), ids


def test_kill_9_mid_ingest_then_rerun(tmp_path: Path) -> None:
    killed, clean = tmp_path / "killed.duckdb", tmp_path / "clean.duckdb"
    proc = _run(killed, 0, 60)
    assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    counts, _ = _snapshot(killed)  # reopens cleanly (WAL replayed)
    assert counts["documents"] >= 6 and counts["events"] == 2 * counts["documents"]
    assert _run(killed, 0, 60).wait() == 0  # the re-run skips what is stored
    assert _run(clean, 0, 60).wait() == 0
    assert _snapshot(killed) == _snapshot(clean)
