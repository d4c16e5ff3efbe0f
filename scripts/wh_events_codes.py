#!/usr/bin/env python3
"""Relabel the wh-events gold's international-body codes to the Phoenix body codes that the
real-news conventions use (their README lists ASN and GOS): a side coded 'IGO' whose text names
the G7, G8, ASEAN, the African Union, the Arab League, OPEC or the ICC gets that body's own code.

    python scripts/wh_events_codes.py   # rewrites tune.jsonl and check.jsonl in place

A mechanical rule on the side's own text; it prints only counts (the check half is never read).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parents[1] / "src/dyadwatch/data/eval/wh-events"
RULES = [
    (re.compile(r"\bG-?7\b|Group of Seven"), "GOS"),
    (re.compile(r"\bG-?8\b|Group of Eight"), "GOE"),
    (re.compile(r"\bASEAN\b"), "ASN"),
    (re.compile(r"African Union|\bAU\b"), "AFU"),
    (re.compile(r"Arab League|League of Arab States"), "ARL"),
    (re.compile(r"\bOPEC\b(?!\+)"), "OPC"),
    (re.compile(r"International Criminal Court|\bICC\b"), "ICC"),
]


def relabel(side: dict[str, object] | None, counts: Counter[str]) -> None:
    if not side or side.get("code") != "IGO":
        return
    text = str(side.get("text") or "")
    for rx, code in RULES:
        if rx.search(text):
            side["code"] = code
            counts[code] += 1
            return


def rewrite(relabel_record: Callable[[dict[str, Any], Counter[str]], None]) -> None:
    """Apply a record relabelling to both halves in place, printing only counts (the check
    half is never read); shared by the wh-events relabelling scripts."""
    for name in ("tune.jsonl", "check.jsonl"):
        path = HERE / name
        counts: Counter[str] = Counter()
        lines = []
        for line in path.read_text(encoding="utf-8").splitlines():
            rec = json.loads(line)
            relabel_record(rec, counts)
            lines.append(json.dumps(rec, ensure_ascii=False))
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(name, dict(counts))


def _sides(rec: dict[str, Any], counts: Counter[str]) -> None:
    for ev in rec.get("events", []):
        relabel(ev.get("source"), counts)
        relabel(ev.get("target"), counts)


def main() -> None:
    rewrite(_sides)


if __name__ == "__main__":
    main()
