"""Wire datelines at the start of a body: "KYIV, March 14 (AP) —", "LONDON, 3 May (Reuters) –".

The dateline is taken off the body so its place is never read as an actor or a speaker;
place, date and agency go into the Document. A dateline without an agency needs an
upper-case place ("WASHINGTON —"), so a sentence that opens with a name is not taken.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from .dates import _MONTHS

_MON = (
    r"(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_DATE = (
    rf"(?:(?P<mon1>{_MON})\s+(?P<day1>{_DAY})|(?P<day2>{_DAY})\s+(?P<mon2>{_MON}))"
    r"(?:,?\s+(?P<year>(?:19|20)\d{2}))?"
)
_WEEKDAY = r"(?i:(?:mon|tues|wednes|thurs|fri|satur|sun)day)"
_CAPS_WORD = r"[A-Z][A-Z.'’-]+"
_NAME_WORD = r"[A-Z][\w.'’-]+"
_CAPS_PLACE = rf"{_CAPS_WORD}(?:\s+{_CAPS_WORD}){{0,3}}?"
_NAME_PLACE = rf"{_NAME_WORD}(?:\s+(?:{_NAME_WORD}|[a-z]{{1,3}})){{0,3}}?"
_REGION = (
    rf"(?:,\s*(?!{_MON}\s)(?!{_WEEKDAY}){_NAME_WORD}(?:\s+{_NAME_WORD}){{0,2}}"
    r"|\s*\[[\w .'-]{2,30}\])"
)
_TAIL = rf"(?P<region>{_REGION})?(?:,?\s+(?:{_WEEKDAY},?\s+)?{_DATE}|,\s*{_WEEKDAY})?"
_DASH = r"\s*(?:[—–]\s*|-{1,2}\s+)"
_AGENCY = r"\s*\((?P<ag>[A-Za-z][\w .&/,'-]{1,60})\)"
_FORMS = (
    # place, optional date, agency: "KYIV, March 14 (AP) —"; ANI and PTI end in a colon
    re.compile(rf"(?P<place>{_CAPS_PLACE}|{_NAME_PLACE}){_TAIL}{_AGENCY}(?P<end>{_DASH}|\s*:\s+)"),
    # the agency alone: "(Reuters) - "
    re.compile(rf"(?P<place>){_AGENCY}(?P<end>{_DASH})"),
    # no agency: an upper-case place, "WASHINGTON —", "MANILA, Philippines, Aug. 5 —"
    re.compile(rf"(?P<place>{_CAPS_PLACE}){_TAIL}(?P<end>{_DASH})"),
)
_MAX_LEN = 90


@dataclass
class Dateline:
    text: str  # as written, without the dash: "KYIV, March 14 (AP)"
    end: int  # where the body starts after it
    place: str | None
    month: int | None = None
    day: int | None = None
    year: int | None = None
    agencies: list[str] = field(default_factory=list)

    def iso(self, context: str | None) -> str | None:
        """The date; its year from the dateline, else from a context date ("2024", "2024-03-02")."""
        if self.month is None or self.day is None:
            return None
        year = self.year
        if year is None and context and re.match(r"\d{4}", context):
            year = int(context[:4])
        found = _safe(year, self.month, self.day) if year else None
        return found.isoformat() if found else None


def _safe(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def parse_dateline(
    text: str, agencies: dict[str, str], non_places: frozenset[str]
) -> Dateline | None:
    """The dateline opening ``text``; ``agencies`` maps lower-cased aliases to agencies."""
    for i, rx in enumerate(_FORMS):
        m = rx.match(text[: _MAX_LEN + 5])
        if not m or m.start("end") > _MAX_LEN:
            continue
        place = m["place"].strip() or None
        if place and (place.casefold() in non_places or len(place.replace(".", "")) < 3):
            continue
        named = _agencies(m.groupdict().get("ag"), agencies, caps=bool(place and place.isupper()))
        if named is None or (i < 2 and not named):
            continue
        region = (m["region"] or "").strip() if "region" in m.groupdict() else ""
        mon, day = m.groupdict().get("mon1") or m.groupdict().get("mon2"), None
        if mon:
            day = int(re.sub(r"\D", "", m["day1"] or m["day2"]))
        full_place = f"{place} {region}" if place and region.startswith("[") else place
        if place and region and not region.startswith("["):
            full_place = f"{place}, {region.lstrip(', ')}"
        return Dateline(
            text=text[: m.start("end")].strip(),
            end=m.end(),
            place=full_place,
            month=_MONTHS.get(mon.lower().rstrip(".")) if mon else None,
            day=day,
            year=int(m["year"]) if m.groupdict().get("year") else None,
            agencies=named,
        )
    return None


def _agencies(group: str | None, known: dict[str, str], caps: bool) -> list[str] | None:
    """Canonical agencies named in "(AFP, AP)"; None when a name is not an agency.

    After an upper-case place an unknown short name counts ("Interfax-Ukraine")."""
    if group is None:
        return []
    out: list[str] = []
    for name in (a.strip() for a in re.split(r"[,/;]|\band\b", group)):
        if not name:
            continue
        canon = known.get(name.lower())
        if canon is None and not (caps and len(name.split()) <= 2 and name[0].isupper()):
            return None
        out.append(canon or name)
    return list(dict.fromkeys(out)) or None
