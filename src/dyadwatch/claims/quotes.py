"""Quotation spans, so direct-quote content covers the whole quote, marks included."""

from __future__ import annotations

OPEN_CLOSE = {"\u201c": "\u201d"}  # curly double quotes
TOGGLES = ('"', "''", "``")  # straight quotes and TeX/NYT-style doubled quotes


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Char spans [open, close+1) of double-quoted stretches, paired per paragraph.

    An unclosed quote ends at the paragraph end: news style reopens a quote that
    runs on into the next paragraph.
    """
    spans: list[tuple[int, int]] = []
    pos = 0
    for para in text.split("\n"):
        spans.extend((a + pos, b + pos) for a, b in _pair(para))
        pos += len(para) + 1
    return spans


def _pair(para: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    open_at: int | None = None
    i, n = 0, len(para)
    while i < n:
        ch = para[i]
        two = para[i : i + 2]
        width = 2 if two in ("''", "``") else 1
        if ch == "\u201c" or (two == "``"):
            if open_at is None:
                open_at = i
        elif ch == "\u201d":
            if open_at is not None:
                out.append((open_at, i + 1))
                open_at = None
        elif ch == '"' or two == "''":
            if open_at is None:
                open_at = i
            else:
                out.append((open_at, i + width))
                open_at = None
        i += width
    if open_at is not None:
        end = len(para.rstrip())
        if end > open_at + 1:
            out.append((open_at, end))
    return out


def is_quote_char(s: str) -> bool:
    return s in ('"', "\u201c", "\u201d", "''", "``")


def expand_to_quotes(
    start: int, end: int, quotes: list[tuple[int, int]], avoid: tuple[int, int]
) -> tuple[int, int, bool]:
    """Grow [start, end) over any quote it cuts, unless that quote holds the cue.

    Returns the new span and whether the content is (mostly) a direct quote.
    """
    quoted = False
    for qa, qb in quotes:
        if qb <= start or qa >= end:
            continue
        if qa < avoid[1] and avoid[0] < qb:  # the cue sits inside this quote
            continue
        start, end = min(start, qa), max(end, qb)
        if qb - qa >= 0.6 * (end - start):
            quoted = True
    return start, end, quoted
