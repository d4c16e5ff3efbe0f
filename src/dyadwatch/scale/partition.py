"""Split the inputs into partitions that workers can read themselves.

The client only lists files and counts JSONL lines; it never reads articles, so
the work (decoding, cleaning, parsing) happens on the workers. A unit is a whole
file or a line range of a JSONL file; a partition is a list of units holding
about ``size`` documents.
"""

from __future__ import annotations

import io
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .. import sources
from ..records import RawInput, Rejection
from ..settings import Settings
from ..sources import read_path
from ..sources.jsonl import read_jsonl

JSONL_SUFFIXES = (".jsonl", ".ndjson")


@dataclass(frozen=True)
class Unit:
    """One file, or lines [start, stop) of a plain (not gzipped) JSONL file."""

    path: str
    start: int | None = None
    stop: int | None = None

    @property
    def docs(self) -> int:
        return 1 if self.start is None or self.stop is None else self.stop - self.start


@dataclass(frozen=True)
class Partition:
    index: int
    units: tuple[Unit, ...]

    @property
    def docs(self) -> int:
        return sum(u.docs for u in self.units)


def _skipped(name: str) -> bool:
    """Hidden entries and repository housekeeping files (LICENSE, README...), as the sources do."""
    return name.startswith(".") or sources.is_housekeeping(name)


def _walk(root: Path) -> Iterator[Path]:
    """Files under ``root``, sorted and skipping what the sources stage skips in a folder walk."""
    for entry in sorted(os.scandir(root), key=lambda e: e.name):
        if _skipped(entry.name):
            continue
        if entry.is_dir():
            yield from _walk(Path(entry.path))
        else:
            yield Path(entry.path)


def _count_lines(path: Path) -> int:
    with path.open("rb") as fh:
        return sum(1 for _ in fh)


def _is_plain_jsonl(path: Path) -> bool:
    if not path.name.lower().endswith(JSONL_SUFFIXES):
        return False
    with path.open("rb") as fh:
        return fh.read(2) != b"\x1f\x8b"


def units(paths: Iterable[str], size: int) -> Iterator[Unit]:
    """Expand folders; cut plain JSONL files into ``size``-line slices."""
    for p in paths:
        if p == "-":
            raise ValueError("stdin cannot be distributed; use `dyadwatch ingest -` instead")
        path = Path(p)
        files = _walk(path) if path.is_dir() else iter([path])
        for f in files:
            if f.is_file() and _is_plain_jsonl(f):
                n = _count_lines(f)
                for start in range(0, n, size):
                    yield Unit(str(f), start, min(n, start + size))
            else:
                yield Unit(str(f))  # missing files become not_found rejections on the worker


def partitions(paths: Iterable[str], size: int = 50) -> list[Partition]:
    """Group units into partitions of about ``size`` documents each."""
    if size < 1:
        raise ValueError("partition size must be at least 1")
    out: list[Partition] = []
    current: list[Unit] = []
    docs = 0
    for u in units(paths, size):
        if current and docs + u.docs > size:
            out.append(Partition(len(out), tuple(current)))
            current, docs = [], 0
        current.append(u)
        docs += u.docs
    if current:
        out.append(Partition(len(out), tuple(current)))
    return out


def read_unit(unit: Unit, settings: Settings) -> Iterator[RawInput | Rejection]:
    """The RawInputs of one unit, labelled exactly as ``dyadwatch ingest`` labels them."""
    if unit.start is None or unit.stop is None:
        yield from read_path(Path(unit.path), settings, label=unit.path)
        return
    lines: list[bytes] = []
    try:
        with open(unit.path, "rb") as fh:
            for i, line in enumerate(fh):
                if i >= unit.stop:
                    break
                if i >= unit.start:
                    lines.append(line)
    except OSError as exc:
        yield Rejection(input=unit.path, reason="unreadable", detail=str(exc))
        return
    for item in read_jsonl(io.BytesIO(b"".join(lines)), unit.path, settings):
        yield _relabel(item, unit)


def _relabel(item: RawInput | Rejection, unit: Unit) -> RawInput | Rejection:
    """read_jsonl numbers lines from 1 within the slice; shift to the file's numbering."""
    prefix = f"{unit.path}:"
    if not item.input.startswith(prefix) or unit.start is None:
        return item
    try:
        n = int(item.input[len(prefix) :])
    except ValueError:
        return item
    return item.model_copy(update={"input": f"{prefix}{n + unit.start}"})
