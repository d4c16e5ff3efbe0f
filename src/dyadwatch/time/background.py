"""Historical references: events the text mentions as background, not as news.

Rule (docs/RECORDS.md, ``background``): an event dated by an expression of its own clause is
background when
1. the date's period ends more than ``MAX_AGE_DAYS`` before the publication date ("in 1951",
   "in March 2019"; "last year" in March is only a few months back and stays news), or
2. the expression is an earlier year (before the publication year) that modifies a noun
   inside a prepositional phrase: a reference to an earlier thing ("under the 1951 treaty",
   "since the 2014 annexation", "after the 2022 election" in 2023), however recent; "for the
   2022 NATO Summit" written in 2022 is news.
The date itself is kept; dyad series may filter background events out.
"""

from __future__ import annotations

import calendar
import re
from datetime import date
from typing import Any

MAX_AGE_DAYS = 365
YEAR = re.compile(r"^(1[89]\d\d|20\d\d)$")
_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")
MODIFIER_DEPS = frozenset({"nummod", "compound", "amod", "nmod", "npadvmod", "poss"})


def period_end(value: str | None) -> date | None:
    """Last day of a record date ("2014" -> 2014-12-31, "2022-03" -> 2022-03-31)."""
    m = _DATE.match(value or "")
    if not m:
        return None
    y = int(m.group(1))
    if m.group(3):
        return date(y, int(m.group(2)), int(m.group(3)))
    mo = int(m.group(2)) if m.group(2) else 12
    return date(y, mo, calendar.monthrange(y, mo)[1])


def background(value: str | None, ref: date | None, sdoc: Any, start: int | None) -> bool:
    """Is an event dated ``value`` (from the expression at char ``start``) background?"""
    end = period_end(value)
    if end is not None and ref is not None and (ref - end).days > MAX_AGE_DAYS:
        return True
    if ref is not None and end is not None and end.year >= ref.year:
        return False  # "for the 2022 NATO Summit" in June 2022: this year's thing, news
    return start is not None and _year_reference(sdoc, start)


def _year_reference(sdoc: Any, start: int) -> bool:
    """A year naming an earlier thing: 'under the 1951 treaty', 'since the 2014 annexation'."""
    if sdoc is None:
        return False
    span = sdoc.char_span(start, start + 4, alignment_mode="expand")
    if span is None or len(span) != 1 or not YEAR.match(span[0].text):
        return False
    tok = span[0]
    noun = tok.head
    if tok.dep_ not in MODIFIER_DEPS or noun.pos_ not in ("NOUN", "PROPN") or noun == tok:
        return False
    return noun.dep_ == "pobj" and noun.head.dep_ == "prep"
