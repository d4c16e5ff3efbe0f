"""'The two leaders', 'both countries', 'the leaders': a plural description of two actors
named before."""

from __future__ import annotations

from typing import Any

from ..records import Mention

PEOPLE = frozenset({"leader", "president", "minister", "counterpart", "head"})
STATES = frozenset({"country", "nation", "government", "side", "state", "ally", "partner"})


def the_two(h: Any, ordered: list[Mention]) -> list[Mention]:
    """The last two distinct actors before ``h`` of the kind the noun names (people for
    'leaders', states for 'countries'), within the three sentences before; [] otherwise."""
    if h.tag_ != "NNS" or not (_two(h) or _bare_definite(h)):
        return []
    lem = h.lemma_.lower()
    kind = "person" if lem in PEOPLE else "state" if lem in STATES else None
    if kind is None:
        return []
    start = h.idx
    sent_start = h.sent.start
    out: list[Mention] = []
    for m in reversed(ordered):
        if m.start >= start or m.actor.kind != kind or not m.actor.country:
            continue
        if m.token_start < sent_start and h.doc[m.token_start].sent.start < _back(h, 3):
            break
        if all(o.actor.country != m.actor.country for o in out):
            out.append(m)
        if len(out) == 2:
            return out[::-1]
    return []


def _two(h: Any) -> bool:
    return any(
        (c.dep_ == "nummod" and c.lower_ in ("two", "2"))
        or (c.dep_ == "det" and c.lower_ == "both")
        for c in h.children
    )


def _bare_definite(h: Any) -> bool:
    """'The leaders discussed ...' after a meeting of two: 'the' and nothing else ("the
    European leaders", "the leaders of the G7" name other groups)."""
    kids = list(h.children)
    return bool(kids) and all(c.dep_ == "det" and c.lower_ == "the" for c in kids)


def _back(h: Any, n: int) -> int:
    """Token index where the sentence ``n`` sentences before ``h``'s begins."""
    starts = [s.start for s in h.doc.sents if s.start <= h.sent.start]
    return starts[max(0, len(starts) - 1 - n)]
