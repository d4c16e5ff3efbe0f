"""Find time expressions in running text: run every rule, keep the longest, resolve in order."""

from __future__ import annotations

import re
from datetime import date

from . import relative as _relative  # noqa: F401  (registers its rules)
from .context import Ctx
from .dates import parse_dct
from .rules import RULES, Cand, Timex

_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def candidates(ctx: Ctx) -> list[Cand]:
    found: list[Cand] = []
    for name, rx, handler in RULES:
        for m in rx.finditer(ctx.text):
            if m.end() == m.start():
                continue
            c = handler(m, ctx)
            if c is not None:
                c.rule = name
                found.append(c)
    return found


def select(cands: list[Cand]) -> list[Cand]:
    """Longest match wins; ties go to the rule listed first."""
    order = {name: i for i, (name, _, _) in enumerate(RULES)}
    chosen: list[Cand] = []
    taken: list[tuple[int, int]] = []
    for c in sorted(cands, key=lambda c: (c.start - c.end, order[c.rule], c.start)):
        if any(c.start < e and s < c.end for s, e in taken):
            continue
        chosen.append(c)
        taken.append((c.start, c.end))
    return sorted(chosen, key=lambda c: c.start)


def find_timex(text: str, dct: str | None) -> list[Timex]:
    """All time expressions in ``text`` with TimeML values resolved against ``dct``."""
    ctx = Ctx(text, parse_dct(dct))
    out = []
    for c in select(candidates(ctx)):
        value = c.resolve(ctx)
        if value is None and c.anaphoric and ctx.dct is not None:
            continue
        if value and _DAY.fullmatch(value):
            ctx.days.append((c.start, date.fromisoformat(value)))
        out.append(Timex(c.start, c.end, text[c.start : c.end], value, c.type, c.basis, c.rule))
    return out
