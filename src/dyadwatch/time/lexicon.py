"""Word tables and regex fragments for English time expressions.

Month and weekday names are matched case-sensitively (capitalised), which is
what keeps "may" the modal and "a march" the noun out of the results.
"""

from __future__ import annotations

MONTHS: dict[str, int] = {
    "january": 1,
    "jan": 1,
    "february": 2,
    "feb": 2,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "june": 6,
    "jun": 6,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sept": 9,
    "sep": 9,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}

WEEKDAYS: dict[str, int] = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
}

NUMBERS: dict[str, int] = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
}

ORDINALS: dict[str, int] = {
    "first": 1,
    "1st": 1,
    "second": 2,
    "2nd": 2,
    "third": 3,
    "3rd": 3,
    "fourth": 4,
    "4th": 4,
}

SEASONS: dict[str, str] = {
    "spring": "SP",
    "summer": "SU",
    "fall": "FA",
    "autumn": "FA",
    "winter": "WI",
}
SEASON_ORDER = ("WI", "SP", "SU", "FA")  # position in the calendar year

# Words that make a following bare month or season a date ("in March", "since May").
DATE_PREPOSITIONS = frozenset(
    [
        "in",
        "since",
        "by",
        "until",
        "till",
        "during",
        "of",
        "before",
        "after",
        "from",
        "through",
        "to",
        "early",
        "late",
        "mid",
        "last",
        "next",
        "this",
        "past",
        "coming",
        "throughout",
        "around",
        "between",
        "and",
        "or",
    ]
)

# A capitalised word before a weekday that makes it a name, not a date.
WEEKDAY_NAME_BEFORE = frozenset(
    [
        "good",
        "black",
        "bloody",
        "ash",
        "holy",
        "palm",
        "easter",
        "super",
        "cyber",
        "maundy",
        "shrove",
        "manic",
        "blue",
    ]
)
# A capitalised word after a weekday that makes it a newspaper or show title.
WEEKDAY_NAME_AFTER = frozenset(
    [
        "times",
        "telegraph",
        "mirror",
        "express",
        "post",
        "herald",
        "observer",
        "independent",
        "tribune",
        "mail",
        "star",
        "sport",
        "people",
        "business",
        "sun",
        "night",
        "league",
        "football",
        "review",
        "magazine",
        "edition",
    ]
)

# --- regex fragments (case-sensitive unless wrapped in (?i:...)) -------------------

_MON_FULL = "January|February|March|April|May|June|July|August|September|October|November|December"
_MON_DOT = r"Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept\.|Sep\.|Oct\.|Nov\.|Dec\."
_MON_BARE = "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"
_CAPS = "JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER"

MON_FULL = rf"(?:{_MON_FULL}|{_CAPS}|{_MON_DOT})(?![A-Za-z])"
MON_ANY = rf"(?:{_MON_FULL}|{_CAPS}|{_MON_DOT}|{_MON_BARE})(?![A-Za-z])"
_DAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
WEEKDAY = rf"(?:{_DAYS}|{_DAYS.upper()})(?![A-Za-z])"
YEAR = r"(?:1[89]\d\d|20\d\d)"
DAY = r"(?:3[01]|[12]\d|0?[1-9])"
NUM = r"(?i:\d{1,3}|" + "|".join(sorted(NUMBERS, key=len, reverse=True)) + r")\b"
PART_OF_DAY = r"(?:morning|afternoon|evening|night|overnight)"
MODIFIER = (
    r"(?:early|late|mid|earlier|later|the\s+end\s+of|end\s+of|the\s+beginning\s+of|"
    r"the\s+start\s+of|the\s+middle\s+of|the\s+rest\s+of)"
)


def month_number(word: str) -> int:
    """Month number for a name or abbreviation ("Sept." -> 9)."""
    return MONTHS[word.lower().rstrip(".")]


def number_value(word: str) -> int | None:
    w = word.lower()
    if w.isdigit():
        return int(w)
    return NUMBERS.get(w)
