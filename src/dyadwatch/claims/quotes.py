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
    """Pair quote marks in one paragraph.

    A closing mark with nothing open before it closes a quote that began at the
    paragraph start (its opening mark lost, or the quote carried over); so does
    the first of an odd number of straight marks when it sits right after a word.
    """
    out: list[tuple[int, int]] = []
    lead = len(para) - len(para.lstrip())
    body = para.lstrip()
    toggles = para.count('"') + para.count("''")
    starts_quoted = body[:1] in ('"', "\u201c") or body[:2] in ("''", "``")
    first = min((k for k in (para.find('"'), para.find("''")) if k >= 0), default=-1)
    closes = first > 0 and not para[first - 1].isspace()  # 'Hillary,"' ends a quote
    open_at: int | None = lead if toggles % 2 == 1 and not starts_quoted and closes else None
    i, n = 0, len(para)
    while i < n:
        ch = para[i]
        two = para[i : i + 2]
        width = 2 if two in ("''", "``") else 1
        if ch == "\u201c" or two == "``":
            if open_at is None:
                open_at = i
        elif ch == "\u201d":
            start = open_at if open_at is not None else (lead if not out else None)
            if start is not None and i > start:
                out.append((start, i + 1))
            open_at = None
        elif ch == '"' or two == "''":
            if open_at is None:
                open_at = i
            else:
                if i > open_at:
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
