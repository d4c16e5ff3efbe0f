"""Acronyms a document defines as something else: "sustainable aviation fuel (SAF)" makes
every "SAF" in that document fuel, not Sudan's armed forces (the dictionary's reading).

An acronym in parentheses whose letters are the initials of the words just before it is
defined there. When those words are no actor mention themselves, mentions that are only
the acronym are dropped; "the Sudanese Armed Forces (SAF)" keeps them.
"""

from __future__ import annotations

import re

from ..records import Mention

DEFINED = re.compile(r"\(([A-Z][A-Za-z]{1,7})\)")
WORD = re.compile(r"[A-Za-z][\w'-]*")
LINKS = frozenset({"of", "and", "for", "the", "on", "in", "to", "&"})


def _expansion(text: str, at: int, letters: str) -> int | None:
    """Start offset of the words before ``at`` whose initials spell ``letters``."""
    words = [w for w in WORD.finditer(text[max(0, at - 120) : at])]
    content = [w for w in words if w.group().lower() not in LINKS]
    if len(content) < len(letters):
        return None
    last = content[-len(letters) :]
    if "".join(w.group()[0] for w in last).upper() != letters.upper():
        return None
    return max(0, at - 120) + last[0].start()


def drop_redefined(mentions: list[Mention], text: str) -> list[Mention]:
    """The mentions without those of acronyms the text defines as a non-actor."""
    other: set[str] = set()
    for hit in DEFINED.finditer(text):
        abbr = hit.group(1)
        start = _expansion(text, hit.start(), re.sub(r"[^A-Z]", "", abbr) or abbr)
        if start is None:
            continue
        if not any(m.start < hit.start() and m.end > start for m in mentions):
            other.add(abbr)
    if not other:
        return mentions
    return [m for m in mentions if text[m.start : m.end].removeprefix("the ") not in other]
