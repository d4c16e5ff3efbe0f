#!/usr/bin/env python3
"""Relabel the wh-events gold's meetings to PLOVER's CONSULT convention: a meeting is one
event, its subject the actor ("A met with B", "A hosted B": A -> B; the PLOVER GSR codes a
host as the actor, mode "host"). Only a joint subject ("A and B met", "the two leaders
discussed") acts each way. The first annotation coded every meeting both ways.

    python scripts/wh_events_consult.py   # rewrites tune.jsonl and check.jsonl in place

A mechanical rule on each pair's own fields (side texts, trigger, the sentence's character
offsets); it prints only counts (the check half is never read):
- a CONSULT pair A -> B and B -> A whose two source texts are the same words ("They"), or
  stand before the trigger joined by "and" or a comma only, is a joint subject: kept both ways;
- otherwise the event whose source text stands before the trigger (the subject) is kept;
- a trigger or text that skips words ("will welcome ... to") is placed by its first piece;
- a pair whose texts or trigger cannot be found in the sentence is kept as it is.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from wh_events_codes import rewrite  # noqa: E402  (a sibling script, not a package)

JOINED = re.compile(r"^[\s,]*(and|,)?[\s,]*$")  # "A and B", "A, B"


def _key(ev: dict[str, Any]) -> tuple[str, str]:
    def side(s: dict[str, Any] | None) -> str:
        return str((s or {}).get("country") or (s or {}).get("code") or "")

    return side(ev.get("source")), side(ev.get("target"))


def _first(text: Any) -> str:
    """A span's first piece: triggers and texts may skip words ("will welcome ... to")."""
    return str(text or "").split(" ... ")[0].strip()


def _drop(sentence: str, a: dict[str, Any], b: dict[str, Any]) -> dict[str, Any] | None:
    """Which of a reciprocal pair to drop (None: keep both)."""
    trig = _first(a.get("trigger"))
    at = sentence.find(trig) if trig else -1
    ta, tb = (
        _first((a.get("source") or {}).get("text")),
        _first((b.get("source") or {}).get("text")),
    )
    pa, pb = sentence.find(ta) if ta else -1, sentence.find(tb) if tb else -1
    if at < 0 or pa < 0 or pb < 0 or ta == tb:
        return None
    first, second = (a, b) if pa < pb else (b, a)
    t1 = ta if pa < pb else tb
    gap = sentence[min(pa, pb) + len(t1) : max(pa, pb)]
    if max(pa, pb) < at and JOINED.match(gap):
        return None  # a joint subject: "A and B met"
    return second if min(pa, pb) < at else None


def relabel(rec: dict[str, Any], counts: Counter[str]) -> None:
    evs = rec.get("events", [])
    drop: list[int] = []
    for i, a in enumerate(evs):
        for j in range(i + 1, len(evs)):
            b = evs[j]
            if a.get("type") != "CONSULT" or b.get("type") != "CONSULT":
                continue
            ka, kb = _key(a), _key(b)
            if not all(ka) or ka[0] == ka[1] or kb != ka[::-1]:
                continue
            counts["pairs"] += 1
            gone = _drop(rec["sentence"], a, b)
            if gone is None:
                counts["kept both"] += 1
            else:
                counts["one way"] += 1
                drop.append(i if gone is a else j)
    rec["events"] = [e for k, e in enumerate(evs) if k not in drop]


def main() -> None:
    rewrite(relabel)


if __name__ == "__main__":
    main()
