"""Find time expressions in running text: run every rule, keep the longest, resolve in order."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from . import relative as _relative  # noqa: F401  (registers its rules)
from .context import Ctx
from .dates import parse_dct
from .lexicon import MON_ANY, MON_FULL, WEEKDAY, YEAR
from .rules import RULES, Cand, Timex

_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")

# Keyword gates. Most rules open with optional case-insensitive words, so ``re`` tries
# the whole rule at every position of the text. A gated rule's every match contains its
# keyword (a case-sensitive fragment of the rule, which ``re`` scans for quickly), with at
# most ``reach`` characters other than whitespace and hyphens between the match start and
# the keyword. The rule is then tried only at those positions: the same matches as
# ``finditer`` (tests/test_time_gates.py compares both).
# Characters other than a letter's two cases that ``(?i)`` matches it with.
_FOLDS = {"i": "\u0130\u0131", "k": "\u212a", "s": "\u017f"}


def _ci(*words: str) -> re.Pattern[str]:
    """A keyword matching wherever ``(?i:word1|word2|...)`` does (and a little more: any
    first letter with any rest). Its first character is a plain class, so ``re`` skips
    quickly to the positions where it can begin."""
    firsts = "".join(sorted({c for w in words for c in w[0] + w[0].upper() + _FOLDS.get(w[0], "")}))
    rests = "|".join(re.escape(w[1:]) for w in words)
    return re.compile(f"[{firsts}](?i:{rests})")


_GATES: dict[str, tuple[re.Pattern[str], int]] = {
    "ago": (_ci("day", "week", "month", "year", "decade"), 24),
    "unit": (_ci("week", "month", "year", "quarter", "decade", "century", "fiscal"), 40),
    "season": (_ci("spring", "summer", "fall", "autumn", "winter"), 24),
    "day_ana": (_ci("day", "morning", "evening", "night"), 24),
    "dayword": (_ci("today", "tonight", "yesterday", "tomorrow"), 32),
    "quarter": (_ci("quarter", "half"), 32),
    "partofday": (_ci("morning", "afternoon", "evening", "night", "overnight"), 16),
    "spelled_year": (_ci("nineteen", "twenty", "thousand"), 24),
    "century": (_ci("century"), 24),
    "yearend": (_ci("end"), 16),
    "ref": (_ci("now", "current", "present", "these", "recently", "lately", "past", "future"), 8),
    "clock": (_ci("a.m.", "p.m.", "am", "pm"), 8),
    "year": (re.compile(YEAR), 24),
    "month_day": (re.compile(MON_ANY), 24),
    "day_month": (re.compile(MON_ANY), 32),
    "month_year": (re.compile(MON_FULL), 24),
    "month": (re.compile(MON_FULL), 32),
    "weekday": (re.compile(WEEKDAY), 16),
    "decade": (re.compile(r"(?:1[89]|20)\d0"), 16),
}
_SKIPPED = frozenset(" \t\n\r\f\v-")


def _starts(text: str, keyword: re.Pattern[str], reach: int) -> list[int]:
    """Every position where a gated rule's match can start, in order."""
    out: set[int] = set()
    m = keyword.search(text)
    while m is not None:
        g = m.start()
        i, count = g, 0
        while i > 0:
            ch = text[i - 1]
            if ch not in _SKIPPED and not ch.isspace():
                count += 1
                if count > reach:
                    break
            i -= 1
        out.update(range(i, g + 1))
        m = keyword.search(text, g + 1)
    return sorted(out)


def _matches(text: str, rx: re.Pattern[str], name: str) -> Iterator[re.Match[str]]:
    """``rx.finditer(text)`` (non-empty matches), trying only the positions a gate allows."""
    gate = _GATES.get(name)
    if gate is None:
        yield from rx.finditer(text)
        return
    end = 0
    for s in _starts(text, *gate):
        if s < end:
            continue
        m = rx.match(text, s)
        if m is not None and m.end() > s:
            yield m
            end = m.end()


def candidates(ctx: Ctx) -> list[Cand]:
    found: list[Cand] = []
    for name, rx, handler in RULES:
        for m in _matches(ctx.text, rx, name):
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
