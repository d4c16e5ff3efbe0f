"""Rule-based detection and resolution of English time expressions.

Each rule is a regex plus a handler. Handlers reject false positives (the
modal "may", "Sunday Times") and return a candidate whose value is resolved
later, in text order, so anaphoric expressions ("the quarter", "a year
earlier") can look back at what the article mentioned before.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from . import dates as D
from .context import Ctx
from .lexicon import (
    DATE_PREPOSITIONS,
    DAY,
    MODIFIER,
    MON_ANY,
    MON_FULL,
    SEASONS,
    WEEKDAY,
    WEEKDAYS,
    YEAR,
    month_number,
)

Resolver = Callable[[Ctx], str | None]


@dataclass
class Timex:
    """A found expression with its TimeML value (None when it cannot be resolved)."""

    start: int
    end: int
    text: str
    value: str | None
    type: str = "DATE"
    basis: str = "relative"
    rule: str = ""


@dataclass
class Cand:
    start: int
    end: int
    resolve: Resolver
    basis: str = "relative"
    type: str = "DATE"
    rule: str = ""
    anaphoric: bool = False  # dropped when nothing earlier in the text resolves it


Handler = Callable[[re.Match[str], Ctx], Cand | None]
RULES: list[tuple[str, re.Pattern[str], Handler]] = []


def rule(name: str, pattern: str) -> Callable[[Handler], Handler]:
    def deco(fn: Handler) -> Handler:
        RULES.append((name, re.compile(pattern), fn))
        return fn

    return deco


def _cand(m: re.Match[str], fn: Resolver, basis: str = "relative", type_: str = "DATE") -> Cand:
    return Cand(m.start(), m.end(), fn, basis, type_)


def _need_dct(fn: Callable[[date], str | None]) -> Resolver:
    return lambda ctx: fn(ctx.dct) if ctx.dct else None


def _year_for_month_day(ctx: Ctx, m: re.Match[str], mon: int, d: int, wd: int | None) -> int:
    """Year of a month-day without a year: weekday agreement, "last"/"next", else the nearest."""
    dct = ctx.dct
    assert dct is not None
    years = (dct.year, dct.year - 1, dct.year + 1)
    if wd is not None:
        for y in years:
            cand = D.safe_date(y, mon, d)
            if cand and cand.weekday() == wd:
                return y
    rel = (m.groupdict().get("rel") or "").lower()
    dated = [(y, D.safe_date(y, mon, d) or date(y, mon, 28)) for y in years]
    if rel == "last":
        return max(y for y, x in dated if x < dct)
    if rel == "next":
        return min(y for y, x in dated if x > dct)
    limit = 183 if ctx.is_future(m.start(), m.end()) else 62
    ok = [(y, x) for y, x in dated if (x - dct).days <= limit]
    return min(ok, key=lambda p: abs((p[1] - dct).days))[0]


# --- explicit dates ---------------------------------------------------------------


@rule("iso", rf"(?<![\d-])(?P<y>{YEAR})-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])(?!\d)")
def _iso(m: re.Match[str], ctx: Ctx) -> Cand | None:
    value = f"{m['y']}-{m['m']}-{m['d']}"
    return _cand(
        m, lambda c: value if D.safe_date(*map(int, value.split("-"))) else None, "explicit"
    )


@rule(
    "slash",
    r"(?<![\d/])(?P<m>1[0-2]|0?[1-9])/(?P<d>3[01]|[12]\d|0?[1-9])/(?P<y>\d{4}|\d{2})(?![\d/])",
)
def _slash(m: re.Match[str], ctx: Ctx) -> Cand | None:
    y = int(m["y"])
    if y < 100:
        y += 1900 if y >= 50 else 2000
    d = D.safe_date(y, int(m["m"]), int(m["d"]))
    return _cand(m, lambda c: d.isoformat() if d else None, "explicit") if d else None


@rule(
    "month_day",
    rf"(?:(?P<rel>(?i:last|next|this))\s+)?(?:(?P<wd>{WEEKDAY}),?\s+)?(?P<mon>{MON_ANY})\s+(?P<d>{DAY})(?:st|nd|rd|th)?(?![\d:,.]\d)"
    rf"(?:,?\s+(?P<y>{YEAR})(?!\d))?",
)
def _month_day(m: re.Match[str], ctx: Ctx) -> Cand | None:
    return _day_cand(m, ctx)


@rule(
    "day_month",
    rf"(?:(?P<wd>{WEEKDAY}),?\s+)?(?:the\s+)?(?<![\d.,])(?P<d>{DAY})(?:st|nd|rd|th)?\s+(?:of\s+)?"
    rf"(?P<mon>{MON_ANY})(?:,?\s+(?P<y>{YEAR})(?!\d))?",
)
def _day_month(m: re.Match[str], ctx: Ctx) -> Cand | None:
    return _day_cand(m, ctx)


def _day_cand(m: re.Match[str], ctx: Ctx) -> Cand | None:
    mon, d = month_number(m["mon"]), int(m["d"])
    wd = WEEKDAYS[m["wd"].lower()] if m["wd"] else None
    if m["y"]:
        exact = D.safe_date(int(m["y"]), mon, d)
        return _cand(m, lambda c: exact.isoformat() if exact else None, "explicit")
    if D.safe_date(2000, mon, d) is None:
        return None

    def res(c: Ctx) -> str | None:
        if not c.dct:
            return None
        found = D.safe_date(_year_for_month_day(c, m, mon, d, wd), mon, d)
        return found.isoformat() if found else None

    return _cand(m, res)


@rule(
    "month_year",
    rf"(?:(?P<mod>{MODIFIER})[-\s]+)?(?P<mon>{MON_FULL}),?\s+(?:of\s+)?(?P<y>{YEAR})(?!\d)",
)
def _month_year(m: re.Match[str], ctx: Ctx) -> Cand | None:
    value = D.month(int(m["y"]), month_number(m["mon"]))
    return _cand(m, lambda c: value, "explicit")


_REL = r"(?i:last|next|this|past|coming|this\s+past)"


@rule("month_rel_year", rf"(?P<mon>{MON_FULL})\s+(?P<rel>(?i:last|next|this))\s+(?i:year)\b")
def _month_rel_year(m: re.Match[str], ctx: Ctx) -> Cand | None:
    step = {"last": -1, "next": 1}.get(m["rel"].lower(), 0)
    mon = month_number(m["mon"])
    return _cand(m, lambda c: D.month(c.dct.year + step, mon) if c.dct else None)


@rule("month", rf"(?:(?P<mod>(?i:{MODIFIER}))[-\s]+)?(?:(?P<rel>{_REL})\s+)?(?P<mon>{MON_FULL})")
def _month(m: re.Match[str], ctx: Ctx) -> Cand | None:
    name = m["mon"]
    before = ctx.word_before(m.start())
    if not (m["mod"] or m["rel"]):
        if before[:1].isupper() and before.lower() not in DATE_PREPOSITIONS:
            return None  # "Theresa May", "Women's March"
        if name.lower() in ("may", "march") and before.lower() not in DATE_PREPOSITIONS:
            return None  # the modal verb, or "march" as verb/noun
    mon = month_number(name)
    rel = (m["rel"] or "").lower().split()[-1] if m["rel"] else ""

    def res(c: Ctx) -> str | None:
        if not c.dct:
            return None
        dct = c.dct
        if rel in ("last", "past"):
            y = dct.year if mon < dct.month else dct.year - 1
        elif rel in ("next", "coming"):
            y = dct.year if mon > dct.month else dct.year + 1
        elif rel == "this":
            y = dct.year
        else:  # the nearest such month; a tie goes to the past
            ahead = (mon - dct.month) % 12
            future = 0 < ahead <= (6 if c.is_future(m.start(), m.end()) else 2)
            y = dct.year + (mon < dct.month) if future else dct.year - (mon > dct.month)
        return D.month(y, mon)

    return _cand(m, res)


@rule(
    "season",
    rf"(?:(?P<mod>(?i:early|late|mid))[-\s]+)?(?:(?P<rel>{_REL})\s+)?"
    rf"(?P<s>(?i:spring|summer|fall|autumn|winter))(?:\s+(?:of\s+)?(?P<y>{YEAR})(?!\d))?\b",
)
def _season(m: re.Match[str], ctx: Ctx) -> Cand | None:
    code = SEASONS[m["s"].lower()]
    if m["y"]:
        return _cand(m, lambda c: f"{m['y']}-{code}", "explicit")
    before = ctx.word_before(m.start()).lower()
    if not m["rel"] and before not in ("in", "during", "this", "by", "until", "since"):
        return None
    rel = m["rel"].lower().split()[-1] if m["rel"] else ""

    def res(c: Ctx) -> str | None:
        if not c.dct:
            return None
        spans = [(y, *_season_span(y, code)) for y in range(c.dct.year - 2, c.dct.year + 2)]
        dct = c.dct
        if rel in ("last", "past"):
            pick = [s for s in spans if s[2] < dct][-1]
        elif rel in ("next", "coming"):
            pick = [s for s in spans if s[1] > dct][0]
        elif rel == "this" or c.is_future(m.start(), m.end()):
            pick = [s for s in spans if s[2] >= dct][0]
        else:
            pick = [s for s in spans if s[1] <= dct][-1]
        return f"{pick[0]}-{code}"

    return _cand(m, res)


def _season_span(y: int, code: str) -> tuple[date, date]:
    """First and last day of a season; winter Y runs from December Y into Y+1."""
    first = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[code]
    start = date(y, first, 1)
    ey, em = D.add_months(start, 3)
    return start, date(ey, em, 1) - timedelta(days=1)


_YEAR_PREPOSITIONS = frozenset(
    ["in", "since", "during", "by", "until", "till", "before", "after", "throughout"]
)
_NOT_YEAR_AFTER = re.compile(
    r"^\s*(?:%|percent|per\b|GMT|UTC|hrs\b|hours\b|local\b|[a-z]{3,}s\b(?<!years\b))"
)


@rule(
    "year",
    rf"(?<![\w$£€.,/-])(?:(?P<mod>(?i:{MODIFIER}|fiscal|calendar))[-\s]+)?(?P<y>{YEAR})(?![\w%-]|,\d|\.\d)",
)
def _year(m: re.Match[str], ctx: Ctx) -> Cand | None:
    before = ctx.word_before(m.start()).lower()
    if (
        not m["mod"]
        and before not in _YEAR_PREPOSITIONS
        and _NOT_YEAR_AFTER.match(ctx.text[m.end() : m.end() + 20])
    ):
        return None  # "2000 troops", "1998 percent"
    if before in ("no.", "number", "flight", "route", "resolution", "article", "room"):
        return None
    return _cand(m, lambda c: m["y"], "explicit")


@rule(
    "decade", r"(?:(?P<mod>(?i:early|late|mid))[-\s]+)?(?:(?i:the)\s+)?(?P<d>(?:1[89]|20)\d)0'?s\b"
)
def _decade(m: re.Match[str], ctx: Ctx) -> Cand | None:
    return _cand(m, lambda c: m["d"], "explicit")
