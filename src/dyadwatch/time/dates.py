"""Calendar arithmetic and the mapping from TimeML values to record dates.

Rules produce TimeML values ("2022-W48", "2022-Q3", "PRESENT_REF") because
that is what TimeBank scores; records only carry day, month or year, so
``to_record`` coarsens the rest.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from ..records import Precision

_ISO_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")


def parse_dct(value: str | None) -> date | None:
    """Reference date from "YYYY-MM-DD" (a time part is ignored); None if absent."""
    if not value:
        return None
    m = _ISO_DAY.match(value.strip())
    if not m:
        raise ValueError(f"reference date must look like YYYY-MM-DD, got {value!r}")
    return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))


def safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def day(d: date) -> str:
    return d.isoformat()


def month(y: int, m: int) -> str:
    return f"{y:04d}-{m:02d}"


def add_months(d: date, n: int) -> tuple[int, int]:
    total = d.year * 12 + (d.month - 1) + n
    return total // 12, total % 12 + 1


def week(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}"


def quarter_of(d: date) -> tuple[int, int]:
    return d.year, (d.month - 1) // 3 + 1


def add_quarters(y: int, q: int, n: int) -> tuple[int, int]:
    total = y * 4 + (q - 1) + n
    return total // 4, total % 4 + 1


def weekday_before(dct: date, wd: int, allow_same: bool = True) -> date:
    delta = (dct.weekday() - wd) % 7
    if delta == 0 and not allow_same:
        delta = 7
    return dct - timedelta(days=delta)


def weekday_after(dct: date, wd: int, allow_same: bool = True) -> date:
    delta = (wd - dct.weekday()) % 7
    if delta == 0 and not allow_same:
        delta = 7
    return dct + timedelta(days=delta)


_TIME_PART = re.compile(r"^([\dX]{4}(?:-[\dWX]{2,3}){0,2})T.*$")


def strip_time(value: str) -> str:
    """Day part of a TimeML value ("1998-01-08TNI" -> "1998-01-08")."""
    return _TIME_PART.sub(r"\1", value)


_WEEK = re.compile(r"^(\d{4})-W(\d{1,2})")
_QUARTER = re.compile(r"^(\d{4})-(Q[1-4X]|H[12]|SP|SU|FA|WI)$")


def to_record(value: str | None, dct: date | None) -> tuple[str | None, Precision | None]:
    """Record date and precision for a TimeML value (weeks -> month, quarters -> year)."""
    if value is None:
        return None, None
    v = strip_time(value)
    if v == "PRESENT_REF":
        return (day(dct), "day") if dct else (None, None)
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", v):
        return v, "day"
    if re.fullmatch(r"\d{4}-\d{2}", v):
        return v, "month"
    if re.fullmatch(r"\d{4}", v):
        return v, "year"
    m = _WEEK.match(v)
    if m:  # a week belongs to the month holding its Thursday (ISO convention)
        thursday = date.fromisocalendar(int(m.group(1)), max(1, min(52, int(m.group(2)))), 4)
        return month(thursday.year, thursday.month), "month"
    if _QUARTER.match(v):
        return v[:4], "year"
    return None, None


def normalise(value: str | None) -> str | None:
    """Comparable TimeML value: time of day dropped, week numbers zero-padded."""
    if value is None:
        return None
    v = strip_time(value.strip().upper())
    v = re.sub(r"(-XX)+$", "", v)  # "1949-XX": month unknown, i.e. the year
    v = re.sub(r"^(\d{2,3})X+$", r"\1", v)  # "199X": the decade, written "199"
    m = re.match(r"^(\d{4})-W(\d)(\b|-)", v)
    if m:
        v = f"{m.group(1)}-W0{m.group(2)}{v[m.end(2) :]}"
    return v
