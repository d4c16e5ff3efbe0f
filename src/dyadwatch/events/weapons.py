"""Weapon systems named near an event trigger.

Named systems (packaged list + a model-designator regex such as Su-35, MiG-29, Shahed-136,
S-400) win; generic types ("drones", "fighter jets") are kept only when no named system
appears in the same phrase, so analysts still see what kind of weapon moved.

Every table term is stored under its ``canonical`` label (data/events/weapons.tsv), so that
"drone", "UAVs" and "unmanned aerial vehicles" are counted together as "drones".
Designators are kept as written: they already are the canonical name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Any

from ..data import data_path
from .lexicon import Lexicon, _rows

DESIGNATOR = re.compile(r"^(?:[A-Z][A-Za-z]{0,6}|[A-Z]{1,4})-\d{1,4}[A-Z]{0,2}\d?$")
NOT_WEAPONS = frozenset({"covid", "g", "sars", "mers", "h", "ms", "n", "uk"})
NOT_SPECIFIC = frozenset({"weapon", "weapons", "arms"})
MAX_TERM = 3  # longest table term in tokens ("unmanned aerial vehicle")
NOUNS = ("NOUN", "PROPN")


def is_designator(text: str) -> bool:
    if not DESIGNATOR.match(text):
        return False
    return text.split("-")[0].lower() not in NOT_WEAPONS


@lru_cache(maxsize=1)
def canonical_labels() -> dict[str, str]:
    """Table term -> canonical label; terms without one are stored as written."""
    return {
        row[0].lower(): row[2] for row in _rows(data_path("events", "weapons.tsv")) if len(row) > 2
    }


def canonical(term: str, written: str) -> str:
    """The label stored on events for a table ``term`` found as ``written``."""
    return canonical_labels().get(term) or written


def _forms(prefix: str, tok: Any) -> list[str]:
    """Lookup keys for a phrase ending in ``tok``: lemma, as written, naive singular."""
    low = tok.text.lower()
    return [prefix + tok.lemma_.lower(), prefix + low, prefix + low.rstrip("s")]


def _term(toks: Sequence[Any], lex: Lexicon) -> str | None:
    """The table term spelled by consecutive ``toks`` (plural head allowed), if any."""
    if any(b.i != a.i + 1 for a, b in zip(toks, toks[1:], strict=False)):
        return None
    prefix = "".join(t.text_with_ws for t in toks[:-1]).lower()
    return next((f for f in _forms(prefix, toks[-1]) if f in lex.weapons), None)


def _longest(toks: Sequence[Any], k: int, lex: Lexicon) -> tuple[int, str | None]:
    """Tokens used and term of the longest multi-word table term starting at ``k``."""
    for n in range(min(MAX_TERM, len(toks) - k), 1, -1):
        term = _term(toks[k : k + n], lex)
        if term is not None and (lex.weapons[term] == "system" or toks[k + n - 1].pos_ in NOUNS):
            return n, term
    return 1, None


def find_weapons(tokens: Iterable[Any], lex: Lexicon) -> list[str]:
    """Weapons among ``tokens`` (spaCy tokens in document order), as canonical labels."""
    toks = sorted(tokens, key=lambda t: t.i)
    named: list[str] = []
    generic: list[str] = []
    k = 0
    while k < len(toks):
        tok = toks[k]
        n, term = _longest(toks, k, lex)
        if term is None and is_designator(tok.text):
            named.append(tok.text)
        elif term is not None:
            written = "".join(t.text_with_ws for t in toks[k : k + n]).strip()
            kind = lex.weapons[term]
            (named if kind == "system" else generic).append(canonical(term, written.lower()))
        else:
            _single(toks, k, lex, named, generic)
        k += n
    out = named or generic
    return list(dict.fromkeys(w for w in out if w.lower() not in NOT_SPECIFIC))


def _single(
    toks: Sequence[Any], k: int, lex: Lexicon, named: list[str], generic: list[str]
) -> None:
    """A one-word table term; a generic word before another weapon word is its modifier."""
    tok = toks[k]
    term = _term(toks[k : k + 1], lex)
    kind = lex.weapons.get(term) if term else None
    if term is None or kind is None:
        return
    if kind == "system":
        named.append(canonical(term, tok.text))
        return
    if kind != "generic" or tok.pos_ not in NOUNS:
        return
    nxt = toks[k + 1] if k + 1 < len(toks) else None
    if nxt is not None and nxt.i == tok.i + 1 and _term([nxt], lex):
        return  # "fighter jets", "drone missiles": the head word decides
    generic.append(canonical(term, tok.text.lower()))


def weapon_scope(tok: Any, noun: bool) -> list[Any]:
    """The words where a trigger's weapons are named: a noun's own phrase; a verb's object
    and prepositional phrases, or, for a passive, its subject (and a relative clause's noun)."""
    if noun:
        return [t for t in tok.subtree if t.dep_ not in ("relcl", "acl")]
    scope = [t for c in tok.children if c.dep_ in ("dobj", "prep", "dative") for t in c.subtree]
    if not scope or any(c.dep_ == "auxpass" for c in tok.children):
        head = tok.head if tok.dep_ in ("xcomp", "relcl") else tok
        while head.dep_ == "xcomp":
            head = head.head
        if head.dep_ == "relcl":  # "jets, which are expected to be delivered"
            scope += [t for t in head.head.subtree if t.i < head.head.i + 1]
        scope += [t for c in tok.children if c.dep_ == "nsubjpass" for t in c.subtree]
    return scope
