"""'The two leaders', 'both countries', 'the leaders': a plural description of two actors
named before."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from ..data import data_path
from ..records import Actor, Mention
from .lexicon import _rows

PEOPLE = frozenset({"leader", "president", "minister", "counterpart", "head"})
STATES = frozenset({"country", "nation", "government", "side", "state", "ally", "partner"})
SIDES = frozenset({"side", "party", "delegation"})  # "the two sides": people or states
PARTIES = frozenset({"person", "state"})
PERSON, STATE = frozenset({"person"}), frozenset({"state"})


def the_two(h: Any, ordered: list[Mention]) -> list[Mention]:
    """The last two distinct actors before ``h`` of the kind the noun names (people for
    'leaders', states for 'countries'), within the three sentences before (six for people);
    [] otherwise."""
    lem = h.lemma_.lower()
    if _alone(h):  # "The two discussed ...", "Both agreed ..."
        kinds = PARTIES
    elif h.tag_ != "NNS" or not (_two(h) or _bare_definite(h)):
        return []
    else:
        kinds = PARTIES if lem in SIDES else PERSON if lem in PEOPLE else STATE
        if lem not in PEOPLE | STATES | SIDES:
            return []
    start = h.idx
    sent_start = h.sent.start
    # a readout names its two leaders once and says "the leaders" paragraphs later; states
    # ("the two countries") are named too often in between to look as far
    reach = 6 if kinds == PERSON else 3
    out: list[Mention] = []
    for m in reversed(ordered):
        if m.start >= start or m.actor.kind not in kinds or not m.actor.country:
            continue
        if _where(h.doc[m.head]):
            continue  # "met ... in Vienna": the place is no party
        if m.token_start < sent_start and h.doc[m.token_start].sent.start < _back(h, reach):
            break
        if all(o.actor.country != m.actor.country for o in out):
            out.append(m)
        if len(out) == 2:
            return out[::-1]
    return []


def _where(t: Any) -> bool:
    return bool(t.dep_ == "pobj" and t.head.lower_ in ("in", "at", "near", "outside"))


def _alone(h: Any) -> bool:
    """'two' or 'both' standing alone as a subject ("The two discussed", "Both agreed")."""
    low = h.lower_
    if h.dep_ not in ("nsubj", "nsubjpass") or low not in ("two", "both"):
        return False
    return all(c.dep_ == "det" and c.lower_ == "the" for c in h.children) and (
        low == "two" or not list(h.children)
    )


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


# --- named groups of states ("the Baltic states", "the Nordics") ------------------------------


Members = tuple[str, ...]
Before = dict[tuple[str, ...], tuple[frozenset[str], Members]]


@lru_cache(maxsize=1)
def _groups() -> tuple[dict[str, Members], Before]:
    """(proper nouns that stand for a group, words before a plural head -> (heads, members))."""
    alone: dict[str, Members] = {}
    before: Before = {}
    for row in _rows(data_path("actors", "country_groups.tsv")):
        words, heads, members = (row + ["", ""])[:3]
        if heads:
            before[tuple(words.lower().split())] = (
                frozenset(heads.split()),
                tuple(members.split()),
            )
        else:
            alone[words.lower()] = tuple(members.split())
    return alone, before


def member_states(h: Any, sentence: int) -> list[Mention]:
    """One state mention per member of a named group headed by ``h`` ("the Baltic states"
    -> Estonia, Latvia, Lithuania), all spanning the group's words; [] otherwise."""
    alone, before = _groups()
    members: Members = ()
    first = h.i
    if h.lower_ in alone and h.pos_ == "PROPN":
        members = alone[h.lower_]
    elif h.tag_ in ("NNS", "NNPS"):
        for words, (heads, iso) in before.items():
            n = len(words)
            lead = h.doc[max(h.sent.start, h.i - n) : h.i]
            if h.lemma_.lower() in heads and tuple(t.lower_ for t in lead) == words:
                members, first = iso, h.i - n
                break
    if not members:
        return []
    span = h.doc[first : h.i + 1]
    return [
        Mention(
            start=span.start_char,
            end=span.end_char,
            token_start=first,
            token_end=h.i + 1,
            head=h.i,
            sentence=sentence,
            actor=Actor(
                text=span.text,
                name=span.text,
                country=iso,
                sector="GOV",
                kind="state",
                entry=f"group:{span.text.lower()}",
                resolved_by="group",
            ),
        )
        for iso in members
    ]
