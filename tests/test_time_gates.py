"""The keyword gates of the time finder give exactly the matches of a plain ``finditer``."""

from __future__ import annotations

import random
import re
from typing import Any

import pytest

from dyadwatch.time.finder import _GATES, _matches
from dyadwatch.time.rules import RULES

_WORDS = str.split(
    "the end of early late mid- this past next last coming following previous same that "
    "earlier later of a few several couple two 3 21st 1990s 2019 fiscal first 2nd quarter half "
    "day days week weekend month months year years decade century ago before after from now "
    "today tonight yesterday tomorrow morning evening night spring summer fall autumn winter "
    "January March May Sept. Dec Monday FRIDAY , . - -- 12 the\u00a0end \u017fpring "
    "overnight afternoon nineteen ninety-six twenty one two thousand and five twentieth century "
    "21st-century year-end year's end now currently at present these days recently lately future "
    "10:30 a.m. 5 pm 7am P.M. EST fiscal-2019 calendar 1998 $2000 2,000 "
    "\u212aday WEEK Yesterday TODAY Last NEXT dAy To\u0130day"
)


def _texts() -> list[str]:
    rng = random.Random(7)
    out = [
        "Talks resumed late last March and again on Friday, the 3rd of May, 2021.",
        "Two   days\n\nago the minister said early-- the end of   the year, this past week.",
        "In the first quarter of fiscal 2020, the following day, that same night, mid-1990s.",
        "She spoke \u017fpring, \u212aDAY, to\u0130day and earlier that same morning",
        "in the 1980's. Prices fell in early March 2021, late-December of 2019",
        "and at the end of May 2020.",
    ]
    for _ in range(400):
        seps = (" ", " ", " ", "  ", "\n", "-", ", ")
        out.append("".join(rng.choice(_WORDS) + rng.choice(seps) for _ in range(40)))
    return out


def test_gated_rules_match_exactly_as_finditer() -> None:
    gated = [(name, rx) for name, rx, _ in RULES if name in _GATES]
    assert len(gated) == len(_GATES)
    for text in _texts():
        for name, rx in gated:
            plain = [(m.span(), m.groupdict()) for m in rx.finditer(text) if m.end() > m.start()]
            fast = [(m.span(), m.groupdict()) for m in _matches(text, rx, name)]
            assert fast == plain, (name, text)


def test_case_folds_are_complete() -> None:
    """Each letter of a keyword also matches these characters under (?i)."""
    from dyadwatch.time.finder import _FOLDS

    odd = "".join(sorted(set("".join(_FOLDS.values()))))
    for ch in odd:
        assert any(re.fullmatch(f"(?i){x}", ch) for x in _FOLDS)
    for x in "abcdefghijklmnopqrstuvwxyz":
        for ch in "\u0130\u0131\u212a\u017f\u00df\u1e9e\ufb05":
            if re.fullmatch(f"(?i){x}", ch):
                assert ch in _FOLDS.get(x, ""), (x, ch)


def test_gated_rules_match_exactly_on_timebank(shared_dir: Any) -> None:
    """Real news text too: a rule edited past its gate's reach or keyword fails here."""
    folder = shared_dir / "eval" / "timebank" / "TBAQ-cleaned"
    files = sorted(folder.glob("*/*.tml"))[:80]
    if not files:
        pytest.skip(f"no TimeBank files under {folder}")
    gated = [(name, rx) for name, rx, _ in RULES if name in _GATES]
    for f in files:
        text = re.sub(r"<[^>]+>", "", f.read_text(encoding="utf-8"))
        for name, rx in gated:
            plain = [m.span() for m in rx.finditer(text) if m.end() > m.start()]
            assert [m.span() for m in _matches(text, rx, name)] == plain, (name, f.name)
