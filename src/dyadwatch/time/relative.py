"""Rules for expressions that need the reference date: weekdays, "last month", "two days ago"."""

from __future__ import annotations

import re
from datetime import date, timedelta

from . import dates as D
from .context import Ctx
from .lexicon import (
    NUM,
    NUMBERS,
    ORDINALS,
    PART_OF_DAY,
    WEEKDAY,
    WEEKDAY_NAME_AFTER,
    WEEKDAY_NAME_BEFORE,
    WEEKDAYS,
    YEAR,
    number_value,
)
from .rules import Cand, _cand, _need_dct, rule

_MOD = (
    r"(?i:early|late|earlier|later|mid|the\s+end\s+of|end\s+of|the\s+beginning\s+of|"
    r"the\s+start\s+of|the\s+middle\s+of|the\s+rest\s+of)"
)


@rule(
    "dayword",
    rf"(?:(?P<mod>(?i:early|late|later|earlier))\s+)?(?P<w>(?i:the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|today|tonight|yesterday|tomorrow))"
    rf"(?:\s+(?P<part>(?i:{PART_OF_DAY})))?\b",
)
def _dayword(m: re.Match[str], ctx: Ctx) -> Cand | None:
    w = " ".join(m["w"].lower().split())
    if w == "today" and ctx.word_before(m.start()) in ("USA", "Today"):
        return None
    offset = {
        "yesterday": -1,
        "tomorrow": 1,
        "the day before yesterday": -2,
        "the day after tomorrow": 2,
    }.get(w, 0)
    return _cand(m, _need_dct(lambda d: (d + timedelta(days=offset)).isoformat()))


@rule("partofday", rf"(?P<rel>(?i:this|last|tomorrow|yesterday))\s+(?P<part>(?i:{PART_OF_DAY}))\b")
def _partofday(m: re.Match[str], ctx: Ctx) -> Cand | None:
    rel = m["rel"].lower()
    offset = -1 if rel in ("last", "yesterday") else 1 if rel == "tomorrow" else 0
    return _cand(m, _need_dct(lambda d: (d + timedelta(days=offset)).isoformat()), type_="TIME")


@rule(
    "weekday",
    rf"(?:(?P<rel>(?i:last|next|this|this\s+past|past|coming|early|late))\s+)?(?P<wd>{WEEKDAY})"
    rf"(?:\s+(?P<part>(?i:{PART_OF_DAY})))?",
)
def _weekday(m: re.Match[str], ctx: Ctx) -> Cand | None:
    if ctx.word_before(m.start()).lower() in WEEKDAY_NAME_BEFORE and not m["rel"]:
        return None  # "Good Friday", "Black Friday"
    after = ctx.word_after(m.end())
    if after[:1].isupper() and after.lower() in WEEKDAY_NAME_AFTER:
        return None  # "Sunday Times"
    wd = WEEKDAYS[m["wd"].lower()]
    rel = m["rel"].lower().split()[-1] if m["rel"] else ""

    def res(c: Ctx) -> str | None:
        if not c.dct:
            return None
        if rel in ("last", "past"):
            return D.weekday_before(c.dct, wd, allow_same=False).isoformat()
        if rel in ("next", "coming"):
            return D.weekday_after(c.dct, wd, allow_same=False).isoformat()
        if rel == "this" or c.is_future(m.start(), m.end()):
            return D.weekday_after(c.dct, wd).isoformat()
        return D.weekday_before(c.dct, wd).isoformat()

    return _cand(m, res)


@rule(
    "unit",
    rf"(?:(?P<mod>{_MOD})[-\s]+)?(?P<rel>(?i:last|next|this|this\s+past|the\s+past|the\s+coming|the\s+previous|the\s+following|the\s+current|the\s+latest|the\s+same))\s+"
    r"(?P<unit>(?i:week|weekend|month|year|quarter|decade|century|fiscal\s+year))\b(?!-)",
)
def _unit(m: re.Match[str], ctx: Ctx) -> Cand | None:
    rel = m["rel"].lower().split()[-1]
    unit = m["unit"].lower().split()[-1]
    if rel == "same":
        return None
    step = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1, "following": 1}.get(
        rel, 0
    )
    if rel == "latest" and unit in ("quarter", "month", "year"):
        step = -1  # the latest complete one
    if rel == "past" and m["rel"].lower().startswith("this"):
        step = -1 if unit == "weekend" else 0
    return _cand(m, _need_dct(lambda d: shift(d, unit, step)))


def shift(d: date, unit: str, n: int) -> str:
    """TimeML value of the calendar ``unit`` that is ``n`` units from ``d``."""
    if unit in ("day", "days"):
        return (d + timedelta(days=n)).isoformat()
    if unit.startswith("week"):
        base = D.week(d + timedelta(weeks=n))
        return base + "-WE" if unit == "weekend" else base
    if unit.startswith("month"):
        return D.month(*D.add_months(d, n))
    if unit.startswith("quarter"):
        y, q = D.add_quarters(*D.quarter_of(d), n)
        return f"{y}-Q{q}"
    if unit.startswith("decade"):
        return str(d.year // 10 + n)
    if unit.startswith("centur"):
        return str(d.year // 100 + n)
    return str(d.year + n)


@rule("weekend", r"(?P<the>(?i:the))\s+(?i:weekend)\b")
def _weekend(m: re.Match[str], ctx: Ctx) -> Cand | None:
    def res(c: Ctx) -> str | None:
        if not c.dct:
            return None
        future = c.is_future(m.start(), m.end())
        back = 0 if future or c.dct.weekday() >= 4 else -1
        return shift(c.dct, "weekend", back)

    return _cand(m, res)


@rule(
    "ago",
    rf"(?P<n>{NUM}|(?i:a\s+few|several|a\s+couple\s+of))\s+(?P<unit>(?i:days?|weeks?|months?|years?|decades?))\s+"
    r"(?P<dir>(?i:ago|earlier|before|later|after|from\s+now|hence|back))\b",
)
def _ago(m: re.Match[str], ctx: Ctx) -> Cand | None:
    d = m["dir"].lower()
    follows = ctx.text[m.end() : m.end() + 12]
    if d in ("before", "after") and re.match(
        r"\s*(?:the|a|an|his|her|its|their|[A-Z])\w*", follows
    ):
        return None  # anchored on an event ("two days before the vote")
    words = m["n"].lower().split()
    n = None if words[0] == "several" or words[-1] in ("few", "of") else number_value(words[0])
    sign = 1 if d in ("later", "after", "from now", "hence") else -1
    unit = m["unit"].lower().rstrip("s")

    def res(c: Ctx) -> str | None:
        if not c.dct:
            return None
        if n is None:
            return "PAST_REF" if sign < 0 else "FUTURE_REF"
        if unit == "year" and n == 1 and sign < 0:
            q = c.last_quarter(m.start(), window=1500)
            if q:  # "profit rose from a year earlier": the same quarter, a year back
                return f"{q[0] - 1}-Q{q[1]}"
        if unit == "decade":
            return str(c.dct.year + sign * 10 * n)
        base = c.dct
        if d in ("later", "after", "earlier", "before"):  # "two days later": after the story's day
            anchor = c.last_day(m.start())
            if anchor is None and sign > 0:
                return None
            base = anchor or c.dct
        return shift(base, unit, sign * n)

    cand = _cand(m, res)
    cand.anaphoric = sign > 0
    return cand


@rule(
    "day_ana",
    r"(?P<w>(?i:(?:the\s+)?(?:following|next|previous|same)\s+(?:day|morning|evening|night)|"
    r"(?:earlier\s+|later\s+)?that\s+(?:same\s+)?(?:day|morning|evening|night)|"
    r"the\s+day\s+(?:before|after)(?!\s+(?:the|a|an|his|her|its|their|yesterday|tomorrow)\b)))",
)
def _day_ana(m: re.Match[str], ctx: Ctx) -> Cand | None:
    """ "the following day", "that same day": relative to the day the story is at."""
    w = " ".join(m["w"].lower().split())
    step = (
        1
        if any(k in w for k in ("following", "next", "after"))
        else -1
        if any(k in w for k in ("previous", "before"))
        else 0
    )

    def res(c: Ctx) -> str | None:
        anchor = c.last_day(m.start(), window=600)
        return (anchor + timedelta(days=step)).isoformat() if anchor else None

    cand = _cand(m, res)
    cand.anaphoric = True
    return cand


@rule("year_ago_adj", r"(?i:year-(?:earlier|ago))")
def _year_ago_adj(m: re.Match[str], ctx: Ctx) -> Cand | None:
    def res(c: Ctx) -> str | None:
        q = c.last_quarter(m.start(), window=1500)
        if q:
            return f"{q[0] - 1}-Q{q[1]}"
        return str(c.dct.year - 1) if c.dct else None

    return _cand(m, res)


@rule(
    "quarter",
    rf"(?:(?P<the>(?i:the))\s+)?(?:(?P<fiscal>(?i:fiscal))\s+)?(?P<ord>(?i:first|second|third|fourth|1st|2nd|3rd|4th))"
    rf"[-\s](?P<q>(?i:quarter|half))(?:\s+(?:(?i:of)\s+)?(?:(?i:fiscal)\s+)?(?P<y>{YEAR})(?!\d))?",
)
def _quarter(m: re.Match[str], ctx: Ctx) -> Cand | None:
    n = ORDINALS[m["ord"].lower()]
    half = m["q"].lower() == "half"
    if half and n > 2:
        return None
    code = f"H{n}" if half else f"Q{n}"
    if m["y"]:
        return _cand(m, lambda c: _remember(c, m, int(m["y"]), code), "explicit")

    def res(c: Ctx) -> str | None:
        if not c.dct:
            return None
        cy, cq = D.quarter_of(c.dct)
        cur = (cq + 1) // 2 if half else cq
        future = c.is_future(m.start(), m.end())
        y = cy if n <= cur or future else cy - 1
        return _remember(c, m, y, code)

    return _cand(m, res)


def _remember(c: Ctx, m: re.Match[str], y: int, code: str) -> str:
    if code.startswith("Q"):
        c.quarters.append((m.start(), y, int(code[1])))
    return f"{y}-{code}"


@rule(
    "quarter_ana",
    r"(?i:the\s+(?:(?P<which>latest|current|last|previous|recent|year-earlier|year-ago|comparable|same|fiscal)\s+)?(?:quarter|period))\b(?!-)",
)
def _quarter_ana(m: re.Match[str], ctx: Ctx) -> Cand | None:
    which = (m["which"] or "").lower()
    if "period" in m.group(0).lower() and which not in (
        "latest",
        "year-earlier",
        "year-ago",
        "comparable",
    ):
        return None

    def res(c: Ctx) -> str | None:
        if not c.dct:
            return None
        q = c.last_quarter(m.start(), window=3000)
        if which == "current":
            y, n = D.quarter_of(c.dct)
        elif which in ("last", "previous", "latest") or q is None:
            y, n = D.add_quarters(*D.quarter_of(c.dct), -1)
        else:
            y, n = q
        if which in ("year-earlier", "year-ago", "comparable", "same"):
            y -= 1
        return f"{y}-Q{n}"

    return _cand(m, res)


@rule("yearend", r"(?i:year-end|year's\s+end|year\s+end|the\s+end\s+of\s+the\s+year)\b")
def _yearend(m: re.Match[str], ctx: Ctx) -> Cand | None:
    return _cand(m, _need_dct(lambda d: str(d.year)))


_REFS = {
    "now": "PRESENT_REF",
    "currently": "PRESENT_REF",
    "current": "PRESENT_REF",
    "at present": "PRESENT_REF",
    "nowadays": "PRESENT_REF",
    "these days": "PRESENT_REF",
    "recently": "PAST_REF",
    "recent": "PAST_REF",
    "lately": "PAST_REF",
    "previously": "PAST_REF",
    "formerly": "PAST_REF",
    "the past": "PAST_REF",
    "the future": "FUTURE_REF",
    "future": "FUTURE_REF",
    "soon": "FUTURE_REF",
}


@rule(
    "ref",
    r"\b(?i:now|currently|current|at\s+present|nowadays|these\s+days|recently|lately|the\s+past|the\s+future)\b",
)
def _ref(m: re.Match[str], ctx: Ctx) -> Cand | None:
    key = " ".join(m.group(0).lower().split())
    value = _REFS[key]
    after = ctx.word_after(m.end()).lower()
    if key == "now" and after == "that":
        return None
    if key in ("the past", "the future") and re.match(
        r"\s*(?:\d+|few|several|two|three|four|five|six|ten|decades?|years?|months?|weeks?|days?|hours?)\b",
        ctx.text[m.end() : m.end() + 12],
    ):
        return None  # "the past 24 hours" is a duration
    if key == "current" and after in ("account", "accounts", "events", "affairs", "president"):
        return None
    return _cand(m, lambda c: value)


@rule(
    "clock",
    r"(?<![\d:.])(?P<h>1[0-2]|0?[1-9])(?::(?P<min>[0-5]\d))?\s*(?P<ap>(?i:a\.m\.|p\.m\.|am\b|pm\b))"
    r"(?:\s+(?:[ECMP][SD]T|GMT|UTC)\b)?",
)
def _clock(m: re.Match[str], ctx: Ctx) -> Cand | None:
    return _cand(m, _need_dct(lambda d: d.isoformat()), type_="TIME")


@rule(
    "holiday",
    r"(?P<h>Christmas(?:\s+Day|\s+Eve)?|New\s+Year's(?:\s+Day|\s+Eve)|Thanksgiving(?:\s+Day)?)",
)
def _holiday(m: re.Match[str], ctx: Ctx) -> Cand | None:
    h = " ".join(m["h"].split())

    def on(y: int) -> date:
        if h.startswith("Thanksgiving"):
            first = date(y, 11, 1)
            return first + timedelta(days=(3 - first.weekday()) % 7 + 21)
        return {
            "Christmas Eve": date(y, 12, 24),
            "New Year's Eve": date(y, 12, 31),
            "New Year's Day": date(y, 1, 1),
        }.get(h, date(y, 12, 25))

    def res(c: Ctx) -> str | None:
        if not c.dct:
            return None
        y = c.dct.year
        if c.is_future(m.start(), m.end()):
            return (on(y) if on(y) >= c.dct else on(y + 1)).isoformat()
        return (on(y) if on(y) <= c.dct + timedelta(days=7) else on(y - 1)).isoformat()

    return _cand(m, res)


_TENS = {
    "ten": 10,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_ONES = {w: n for w, n in NUMBERS.items() if 1 <= n <= 19 and w not in ("a", "an")}
_ONES_RE = "|".join(sorted(_ONES, key=len, reverse=True))
_TENS_RE = "|".join(_TENS)


@rule(
    "spelled_year",
    rf"(?:(?i:the\s+year)\s+)?(?P<c>(?i:nineteen|twenty))[\s-](?P<t>(?i:{_TENS_RE}))(?:[\s-](?P<o>(?i:{_ONES_RE})))?\b"
    rf"|(?:(?i:the\s+year)\s+)?(?P<k>(?i:two\s+thousand))(?:\s+(?:(?i:and)\s+)?(?P<ko>(?i:{_ONES_RE})))?\b",
)
def _spelled_year(m: re.Match[str], ctx: Ctx) -> Cand | None:
    """ "nineteen ninety-six", "the year two thousand" (broadcast transcripts)."""
    if m["k"]:
        year = 2000 + (_ONES[m["ko"].lower()] if m["ko"] else 0)
    else:
        year = (19 if m["c"].lower() == "nineteen" else 20) * 100 + _TENS[m["t"].lower()]
        year += _ONES[m["o"].lower()] if m["o"] else 0
    if (
        not m["k"]
        and not m["o"]
        and m["c"].lower() == "twenty"
        and ctx.word_after(m.end()).lower() in ("percent", "people")
    ):
        return None
    return _cand(m, lambda c: str(year), "explicit")


_CENTURY = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "nineteenth": 19,
    "twentieth": 20,
    "twenty-first": 21,
}


@rule(
    "century",
    r"(?:(?i:the)\s+)?(?P<n>\d{1,2}(?:st|nd|rd|th)|(?i:twenty-first|twentieth|nineteenth))[\s-](?i:century)\b",
)
def _century(m: re.Match[str], ctx: Ctx) -> Cand | None:
    raw = m["n"].lower()
    n = int(raw[:-2]) if raw[0].isdigit() else _CENTURY[raw]
    return _cand(m, lambda c: f"{n - 1:02d}", "explicit")
