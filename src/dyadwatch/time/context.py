"""What rules need to know about the text around a match: words, sentence, tense."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

_WORD_BEFORE = re.compile(r"([A-Za-z][\w'.-]*)[\s,]*$")
_WORD_AFTER = re.compile(r"^[\s,]*([A-Za-z][\w'-]*)")
_SENT_END = re.compile(r"[.!?][\"')\]]*\s+(?=[A-Z\"'(])|\n\s*\n|\n")
_FUTURE = re.compile(
    r"\b(?:will|won't|shall|'ll|going to|is to|are to|plans? to|planned for|scheduled|"
    r"expected to|is expected|are expected|set to|due to|intends? to|upcoming|to be held|"
    r"as early as|as soon as|could come|next|would)\b",
    re.IGNORECASE,
)
_CLAUSE_BREAK = re.compile(r"[,;:(]|\b(?:said|says|told|announced|reported|and)\b", re.IGNORECASE)


@dataclass
class Ctx:
    """Per-document state while rules run in text order."""

    text: str
    dct: date | None
    quarters: list[tuple[int, int, int]] = field(default_factory=list)  # (pos, year, quarter)
    days: list[tuple[int, date]] = field(default_factory=list)  # (pos, day) resolved so far

    def word_before(self, pos: int) -> str:
        m = _WORD_BEFORE.search(self.text[max(0, pos - 40) : pos])
        return m.group(1) if m else ""

    def word_after(self, pos: int) -> str:
        m = _WORD_AFTER.match(self.text[pos : pos + 40])
        return m.group(1) if m else ""

    def char_before(self, pos: int) -> str:
        return self.text[pos - 1] if pos > 0 else ""

    def sentence(self, start: int, end: int) -> tuple[int, int]:
        lo = max(0, start - 400)
        s0 = lo
        for m in _SENT_END.finditer(self.text, lo, start):
            s0 = m.end()
        m2 = _SENT_END.search(self.text, end, end + 400)
        return s0, (m2.start() + 1 if m2 else min(len(self.text), end + 400))

    def is_future(self, start: int, end: int) -> bool:
        """Whether the clause before a match speaks of the future (news default: past)."""
        s0, _ = self.sentence(start, end)
        before = self.text[max(s0, start - 70) : start]
        breaks = list(_CLAUSE_BREAK.finditer(before))
        if breaks:
            before = before[breaks[-1].end() :]
        return bool(_FUTURE.search(before))

    def last_day(self, pos: int, window: int = 400) -> date | None:
        """The latest day-precise date mentioned shortly before ``pos`` (narrative anchor)."""
        for dpos, d in reversed(self.days):
            if dpos < pos and pos - dpos <= window:
                return d
        return None

    def last_quarter(self, pos: int, window: int = 600) -> tuple[int, int] | None:
        for qpos, y, q in reversed(self.quarters):
            if qpos < pos and pos - qpos <= window:
                return y, q
        return None
