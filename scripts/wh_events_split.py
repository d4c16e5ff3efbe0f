"""Merge the annotators' files into the packaged wh-events set, split once by a fixed rule.

Rule: sha1(id) even -> tune.jsonl, odd -> check.jsonl. Left out: lines marked `skip` (fragments,
titles, list items); lines with more than 12 events (enumerations of partners, each of which would
weigh more than a tenth of a half); lines sharing a run of 6 words with evaluation gold (PLOVER GSR,
realnews dev; checked with scripts/check_gold_leak.py, nothing printed).

    python scripts/wh_events_split.py ../shared wh-events-work/ann-*.jsonl
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import check_gold_leak as leak  # noqa: E402

OUT = Path(__file__).resolve().parents[1] / "src/dyadwatch/data/eval/wh-events"
FIELDS = ("id", "source_file", "published", "context", "sentence", "events")
MAX_EVENTS = 12


def half(line_id: str) -> str:
    return "tune" if int(hashlib.sha1(line_id.encode()).hexdigest(), 16) % 2 == 0 else "check"


def quotes_gold(shared: Path) -> set[tuple[str, ...]]:
    """8-word runs of the evaluation gold (held in memory only)."""
    n, names = leak.OWN_GOLD_N, leak.name_grams(leak.ACTOR_DATA, leak.OWN_GOLD_N)
    texts = [*leak.gsr_texts(shared / leak.GSR), *leak.dev_texts(shared / leak.DEV)]
    return set(leak.gold_index(texts, n, names))


def shares_run(text: str, grams: set[tuple[str, ...]], n: int) -> bool:
    words = leak._WORD.findall(text.lower())
    return any(tuple(words[i : i + n]) in grams for i in range(len(words) - n + 1))


def main(shared: Path, paths: list[str]) -> None:
    rows = [json.loads(x) for p in paths for x in Path(p).read_text().splitlines() if x.strip()]
    rows = [r for r in rows if not r.get("skip") and len(r["events"]) <= MAX_EVENTS]
    grams = quotes_gold(shared)
    n = len(rows)
    rows = [
        r
        for r in rows
        if not shares_run(json.dumps(r, ensure_ascii=False), grams, leak.OWN_GOLD_N)  # whole line
    ]
    print(n - len(rows), f"lines left out for sharing {leak.OWN_GOLD_N} words with evaluation gold")
    out: dict[str, list[dict]] = {"tune": [], "check": []}
    for r in sorted(rows, key=lambda r: r["id"]):
        out[half(r["id"])].append({k: r[k] for k in FIELDS})
    for name, lines in out.items():
        text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in lines)
        (OUT / f"{name}.jsonl").write_text(text, encoding="utf-8")
        print(name, len(lines), "lines", sum(len(r["events"]) for r in lines), "events")


if __name__ == "__main__":
    main(Path(sys.argv[1]), sys.argv[2:])
