"""Publication dates written in article text or URLs, normalised to YYYY-MM-DD."""

from __future__ import annotations

import datetime as dt
import re

_MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ]
    )
    for m in names
}
_MON = (
    r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
_DATE_FORMS = [
    rf"{_WEEKDAY}{_MON}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})",
    rf"{_WEEKDAY}(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\.?\s+{_MON},?\s+(?P<year>\d{{4}})",
    r"(?P<year>\d{4})-(?P<mnum>\d{1,2})-(?P<day>\d{1,2})",
    r"(?P<year>\d{4})/(?P<mnum>\d{1,2})/(?P<day>\d{1,2})",
    r"(?P<day>\d{1,2})\.(?P<mnum>\d{1,2})\.(?P<year>\d{4})",
    # slashes: US order (DW English, AP) unless the first number cannot be a month
    r"(?P<mnum>\d{1,2})/(?P<day>\d{1,2})/(?P<year>\d{4})",
]
# a year may run straight into a time in scraped text: "December 10, 20229:15 AM UTC"
DATE_RX = [re.compile(r"\b" + f + r"(?:\b|(?=\d{1,2}:\d{2}))", re.IGNORECASE) for f in _DATE_FORMS]
_TIME = (
    r"(?:\s*(?:at\s+)?\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?)?"
    r"\s*(?:[A-Z]{2,5}|UTC[+-]?\d*|GMT[+-]?\d*)?)?"
)
_LEAD = r"(?:(?:published|posted|updated|last updated|date|first published|dated)\s*(?:on|:)?\s*)?"
_URL_DATE = re.compile(
    r"/(?P<year>(?:19|20)\d{2})[/-](?P<mnum>\d{1,2})[/-](?P<day>\d{1,2})(?:/|$|\b)"
)


def _iso(m: re.Match[str]) -> str | None:
    g = m.groupdict()
    month = _MONTHS.get(g["mon"].lower().rstrip(".")) if g.get("mon") else int(g["mnum"])
    day = int(g["day"])
    if month and month > 12 and day <= 12:
        month, day = day, month
    try:
        return dt.date(int(g["year"]), month or 0, day).isoformat()
    except (ValueError, TypeError):
        return None


def find_date(text: str) -> tuple[str, re.Match[str]] | None:
    """First date written in ``text``."""
    best: tuple[str, re.Match[str]] | None = None
    for rx in DATE_RX:
        for m in rx.finditer(text):
            iso = _iso(m)
            if iso and (best is None or m.start() < best[1].start()):
                best = (iso, m)
                break
    return best


def dateline_date(line: str) -> str | None:
    """The date if ``line`` is only a date ("December 10, 2022", "Updated 10.12.2022 14:05")."""
    found = find_date(line)
    if not found:
        return None
    iso, m = found
    before, after = line[: m.start()], line[m.end() :]
    if re.fullmatch(_LEAD + r"\s*", before, re.IGNORECASE) and re.fullmatch(
        _TIME + r"\s*(?:(?:[|·•,–—-]|updated|last updated)\s*.{0,40})?", after, re.IGNORECASE
    ):
        return iso
    return None


def url_date(url: str | None) -> str | None:
    if not url:
        return None
    m = _URL_DATE.search(url)
    return _iso(m) if m else None


def normalise_date(value: str | None) -> str | None:
    """Metadata dates ("2022-12-10T08:00:00Z", "December 10, 2022") to YYYY-MM-DD."""
    if not value:
        return None
    value = value.strip()
    if re.fullmatch(r"\d{4}(?:-\d{2})?", value):
        return value
    found = find_date(value)
    return found[0] if found else None
