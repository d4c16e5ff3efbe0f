#!/usr/bin/env python3
"""Fail when our code quotes evaluation gold: any run of N (default 5) consecutive words
that occurs both in a file under src/ or tests/ and in a gold text.

Gold texts: the PLOVER GSR records' ``text`` (../shared/reference/plover/PLOVER_GSR_CAMEO.json)
and the real-news dev sentences (../shared/eval/realnews-events/dev.jsonl). Words are
lower-cased runs of letters and digits (so punctuation, quotes and line breaks do not hide a
quote). Python and Markdown files are read as one word stream (docstrings wrap); TXT data
files line by line, TSV files cell by cell (a cell's ``|``-separated items apart).

Only ``file:line`` of a leak in our code is printed, with the gold set's name; the words are
shown only for the GSR tune half (which may be read). The dev set and the GSR check half are
never printed.

    python scripts/check_gold_leak.py [--shared ../shared] [--n 5] [paths ...]

Exit status: 0 no leak, 1 leak found, 2 gold files missing.

A run that lies inside one name of our actor dictionaries (src/dyadwatch/data/actors/*.tsv,
columns name, alias, aliases: "Democratic People's Republic of Korea", a minister's full
title) is a name, not a quotation, and is not reported.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SHARED = ROOT.parent / "shared"
GSR = Path("reference/plover/PLOVER_GSR_CAMEO.json")
DEV = Path("eval/realnews-events/dev.jsonl")
TEXT_SUFFIXES = {".py", ".md", ".txt", ".tsv", ".cfg", ".html", ".js", ".sql", ".json", ".jsonl"}
LINE_WISE = {".txt", ".jsonl"}
_WORD = re.compile(r"[a-z0-9]+")

ACTOR_DATA = ROOT / "src" / "dyadwatch" / "data" / "actors"
# Sentences of the WH corpus that we annotated ourselves: they share stock phrases ("hold Russia
# accountable for its") with gold drawn from the same corpus, so they are checked apart with a
# longer run (OWN_GOLD_N words); a line sharing one is left out of the set.
OWN_GOLD = ROOT / "src" / "dyadwatch" / "data" / "eval"
OWN_GOLD_N = 6
NAME_COLUMNS = ("name", "alias", "aliases")


def words(text: str) -> list[str]:
    return _WORD.findall(text.lower().replace("\u2019", "'"))


def ngrams(toks: list[str], n: int) -> Iterator[tuple[str, ...]]:
    for i in range(len(toks) - n + 1):
        yield tuple(toks[i : i + n])


def gsr_texts(path: Path) -> Iterator[tuple[str, str, bool]]:
    """(record id, text, readable): readable = tune half (odd serial)."""
    for rec in json.loads(path.read_text(encoding="utf-8")):
        text = rec.get("text")
        if rec.get("event") == "DOCUMENT" or not isinstance(text, str):
            continue
        serial = str(rec.get("id", "")).rsplit("-", 1)[-1]
        yield str(rec.get("id")), text, serial.isdigit() and int(serial) % 2 == 1


def dev_texts(path: Path) -> Iterator[tuple[str, str, bool]]:
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            rec = json.loads(line)
            for field in ("sentence", "context"):
                if isinstance(rec.get(field), str):
                    yield f"dev:{rec.get('id')}", rec[field], False


def name_grams(folder: Path, n: int) -> set[tuple[str, ...]]:
    """Runs of n words inside one actor-dictionary name or alias."""
    grams: set[tuple[str, ...]] = set()
    for path in sorted(folder.glob("*.tsv")):
        rows = [r for r in path.read_text(encoding="utf-8").splitlines() if not r.startswith("#")]
        if not rows:
            continue
        cols = [i for i, c in enumerate(rows[0].split("\t")) if c in NAME_COLUMNS]
        for row in rows[1:]:
            cells = row.split("\t")
            for i in cols:
                for name in cells[i].split("|") if i < len(cells) else ():
                    grams.update(ngrams(words(name), n))
    return grams


def gold_index(
    sources: Iterable[tuple[str, str, bool]], n: int, allowed: set[tuple[str, ...]]
) -> dict[tuple[str, ...], tuple[str, bool]]:
    index: dict[tuple[str, ...], tuple[str, bool]] = {}
    for rec_id, text, readable in sources:
        for gram in ngrams(words(text), n):
            if gram not in allowed:
                index.setdefault(gram, (rec_id, readable))
    return index


def word_lines(text: str, line_wise: bool, cells: bool) -> Iterator[list[tuple[str, int]]]:
    """Streams of (word, line number): one per file, per line (TXT) or per cell (TSV)."""
    stream: list[tuple[str, int]] = []
    for lineno, line in enumerate(text.splitlines(), 1):
        if cells:
            for cell in re.split(r"[\t|]", line):
                yield [(w, lineno) for w in words(cell)]
        elif line_wise:
            yield [(w, lineno) for w in words(line)]
        else:
            stream.extend((w, lineno) for w in words(line))
    if not line_wise:
        yield stream


def scan_file(
    path: Path, index: dict[tuple[str, ...], tuple[str, bool]], n: int
) -> Iterator[tuple[int, str, bool, str]]:
    """(line, gold id, readable, words) per leaking run; overlapping runs of one quote
    are reported once, at the line where the quote starts."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return
    for stream in word_lines(text, path.suffix in LINE_WISE, path.suffix == ".tsv"):
        toks = [w for w, _ in stream]
        last_hit = -n
        for i, gram in enumerate(ngrams(toks, n)):
            hit = index.get(gram)
            if hit is None:
                continue
            if i - last_hit > 1:
                yield stream[i][1], hit[0], hit[1], " ".join(gram)
            last_hit = i


def files_under(paths: Iterable[Path]) -> Iterator[Path]:
    """Files to scan; our own annotated corpus sentences (OWN_GOLD) only when named."""
    for p in paths:
        if p.is_file():
            yield p
        elif p.is_dir():
            for f in sorted(p.rglob("*")):
                if f.is_file() and f.suffix in TEXT_SUFFIXES and "__pycache__" not in f.parts:
                    if p.resolve() != OWN_GOLD and f.resolve().is_relative_to(OWN_GOLD):
                        continue
                    yield f


def find_leaks(shared: Path, paths: list[Path], n: int = 5) -> list[str]:
    """One line per leak: 'file:line: gold id [words, tune half only]'."""
    gsr, dev = shared / GSR, shared / DEV
    if not gsr.is_file() or not dev.is_file():
        raise FileNotFoundError(f"gold files not found under {shared}")
    names = name_grams(ACTOR_DATA, n)
    sets = {
        "PLOVER GSR": gold_index(gsr_texts(gsr), n, names),
        "realnews dev": gold_index(dev_texts(dev), n, names),
    }
    out = []
    for f in files_under(paths):
        rel = f.resolve().relative_to(ROOT) if f.resolve().is_relative_to(ROOT) else f
        for name, index in sets.items():
            for line, rec_id, readable, text in scan_file(f, index, n):
                shown = f' "{text}"' if readable else ""
                who = rec_id if name == "PLOVER GSR" else name
                out.append(f"{rel}:{line}: {name} {who}{shown}")
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("paths", nargs="*", type=Path, default=[ROOT / "src", ROOT / "tests"])
    ap.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    ap.add_argument("--n", type=int, default=5, help="words in a run (default 5)")
    args = ap.parse_args(argv)
    try:
        leaks = find_leaks(args.shared, args.paths, args.n)
    except FileNotFoundError as exc:
        print(exc, file=sys.stderr)
        return 2
    for line in leaks:
        print(line)
    print(f"{len(leaks)} leak(s) of {args.n}+ words", file=sys.stderr)
    return 1 if leaks else 0


if __name__ == "__main__":
    sys.exit(main())
