"""Anchor expressions: "since the invasion" points at a named event, not at the calendar.

They are always detected; a value comes only from the anchor table
(data/time/anchors.tsv) when the document names the event and its publication
date falls inside the row's validity window.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from importlib import resources
from pathlib import Path

from .dates import parse_dct
from .rules import Timex

_HEADS = (
    r"invasion|war|attacks?|annexation|coup|elections?|pandemic|outbreak|referendum|earthquake|"
    r"crisis|revolution|uprising|withdrawal|ceasefire|truce|takeover|fall|offensive|assault|massacre"
)
ANCHOR_RE = re.compile(
    r"\b(?P<prep>(?i:since|before|after|prior\s+to|until|following|ahead\s+of|in\s+the\s+run-up\s+to))\s+"
    r"(?P<np>(?:the|Russia's|Moscow's|its|their|this|that|last\s+year's)\s+(?:[\w-]+\s+){0,2}?"
    rf"(?P<head>{_HEADS})\b(?:\s+(?:of|in|on)\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)?)"
)


@dataclass(frozen=True)
class Anchor:
    name: str
    day: date
    valid_from: date
    valid_to: date
    heads: tuple[str, ...]
    mentions: re.Pattern[str]


class AnchorTable:
    def __init__(self, anchors: list[Anchor]) -> None:
        self.anchors = anchors

    def add(self, anchor: Anchor) -> None:
        """Hook for callers with their own knowledge; added rows are checked first."""
        self.anchors.insert(0, anchor)

    def lookup(self, head: str, expr: str, text: str, dct: date | None) -> Anchor | None:
        for a in self.anchors:
            if head.lower() not in a.heads:
                continue
            if dct is not None and not (a.valid_from <= dct <= a.valid_to):
                continue
            if a.mentions.search(expr) or (dct is not None and a.mentions.search(text)):
                return a
        return None

    def named_events(self, text: str, dct: str | None) -> list[Timex]:
        """Mentions of the anchor events themselves ("Russia's invasion of Ukraine")."""
        ref = parse_dct(dct)
        out = []
        for a in self.anchors:
            if ref is None or not (a.valid_from <= ref <= a.valid_to):
                continue
            for m in a.mentions.finditer(text):
                out.append(
                    Timex(
                        m.start(),
                        m.end(),
                        m.group(0),
                        a.day.isoformat(),
                        "DATE",
                        "relative",
                        "anchor",
                    )
                )
        return out

    def find(self, text: str, dct: str | None) -> list[Timex]:
        ref = parse_dct(dct)
        out = []
        for m in ANCHOR_RE.finditer(text):
            a = self.lookup(m["head"], m.group(0), text, ref)
            value = a.day.isoformat() if a else None
            out.append(Timex(m.start(), m.end(), m.group(0), value, "DATE", "relative", "anchor"))
        return out


def parse_anchors(lines: list[str], source: str) -> list[Anchor]:
    out = []
    for n, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.rstrip("\n").split("\t")
        if len(cols) != 6:
            raise ValueError(f"{source}:{n}: expected 6 tab-separated columns, got {len(cols)}")
        try:
            day, lo, hi = (date.fromisoformat(c) for c in cols[1:4])
            mentions = re.compile(cols[5], re.IGNORECASE)
        except (ValueError, re.error) as exc:
            raise ValueError(f"{source}:{n}: {exc}") from exc
        heads = tuple(h.strip().lower() for h in cols[4].split("|") if h.strip())
        out.append(Anchor(cols[0], day, lo, hi, heads, mentions))
    return out


def load_anchors(path: str | None = None) -> AnchorTable:
    """The packaged table, plus rows from ``path`` (checked first) if given."""
    packaged = resources.files("dyadwatch").joinpath("data/time/anchors.tsv").read_text("utf-8")
    rows = parse_anchors(packaged.splitlines(), "anchors.tsv")
    if path:
        p = Path(path)
        if not p.is_file():
            raise FileNotFoundError(f"time anchors file not found: {path}")
        rows = parse_anchors(p.read_text("utf-8").splitlines(), str(p)) + rows
    return AnchorTable(rows)
