"""Weapon systems named near an event trigger.

Named systems (packaged list + a model-designator regex such as Su-35, MiG-29, Shahed-136,
S-400) win; generic types ("drones", "fighter jets") are kept only when no named system
appears in the same phrase, so analysts still see what kind of weapon moved.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from .lexicon import Lexicon

DESIGNATOR = re.compile(r"^(?:[A-Z][A-Za-z]{0,6}|[A-Z]{1,4})-\d{1,4}[A-Z]{0,2}\d?$")
NOT_WEAPONS = frozenset({"covid", "g", "sars", "mers", "h", "ms", "n", "uk"})
GENERIC_TWO = ("fighter jet", "fighter jets", "cruise missile", "cruise missiles")


def is_designator(text: str) -> bool:
    if not DESIGNATOR.match(text):
        return False
    return text.split("-")[0].lower() not in NOT_WEAPONS


def find_weapons(tokens: Iterable[Any], lex: Lexicon) -> list[str]:
    """Weapons among ``tokens`` (spaCy tokens in document order)."""
    toks = sorted(tokens, key=lambda t: t.i)
    named: list[str] = []
    generic: list[str] = []
    skip: set[int] = set()
    for k, tok in enumerate(toks):
        if tok.i in skip:
            continue
        text = tok.text
        if is_designator(text):
            named.append(text)
            continue
        low = tok.lemma_.lower()
        kind = lex.weapons.get(low) or lex.weapons.get(text.lower())
        if kind == "system":
            named.append(text)
        elif kind == "generic" and tok.pos_ in ("NOUN", "PROPN"):
            nxt = toks[k + 1] if k + 1 < len(toks) else None
            pair = f"{text} {nxt.text}".lower() if nxt is not None else ""
            if nxt is not None and nxt.i == tok.i + 1 and pair in GENERIC_TWO:
                generic.append(pair)
                skip.add(nxt.i)
            elif nxt is not None and nxt.i == tok.i + 1 and lex.weapons.get(nxt.lemma_.lower()):
                continue  # "drone production", "fighter jets": the head word decides
            else:
                generic.append(text.lower())
    out = named or generic
    return list(dict.fromkeys(w for w in out if w not in ("weapon", "weapons", "arms")))
