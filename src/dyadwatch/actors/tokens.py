"""Token views over spaCy docs and bare phrases, and Mention construction.

``spacy_toks`` reads a whole doc with one ``to_array`` call because per-token attribute
access dominated the actor stage's run time.
"""

from __future__ import annotations

import re
from typing import Any

from ..records import Actor, Mention
from .lexicon import fold

ISO_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?")


class Tok:
    """Token view shared by spaCy docs and bare phrases (no syntax)."""

    __slots__ = ("i", "text", "norm", "dep", "head", "pos", "lemma", "ent", "idx")

    def __init__(
        self,
        i: int,
        text: str,
        norm: str | None = None,
        dep: str = "",
        head: int | None = None,
        pos: str = "",
        lemma: str | None = None,
        ent: str = "",
        idx: int = 0,
    ) -> None:
        self.i, self.text = i, text
        self.norm = fold(text) if norm is None else norm
        self.dep, self.pos, self.ent, self.idx = dep, pos, ent, idx
        self.head = i if head is None else head
        self.lemma = self.norm if lemma is None else lemma


_STR_CACHE: dict[int, tuple[str, str]] = {}


def spacy_toks(sdoc: Any) -> list[Tok]:
    """Tokens from one ``to_array`` call: several times cheaper than Token attributes.
    Each column's distinct hashes are looked up once (``np.unique``), not once per token."""
    import numpy as np
    from spacy.attrs import DEP, ENT_TYPE, HEAD, IDX, LEMMA, ORTH, POS

    n = len(sdoc)
    if n == 0:
        return []
    arr = sdoc.to_array([ORTH, DEP, HEAD, POS, LEMMA, ENT_TYPE, IDX])
    strings = sdoc.vocab.strings
    cache = _STR_CACHE
    if len(cache) > 500_000:
        cache.clear()

    def column(j: int) -> tuple[list[str], list[str]]:
        """Column ``j`` as (texts, folded texts), one entry per token."""
        uniq, inv = np.unique(arr[:, j], return_inverse=True)
        texts, folded = [], []
        for h in uniq.tolist():
            hit = cache.get(h)
            if hit is None:
                text = strings[h] if h else ""
                hit = cache[h] = (text, fold(text))
            texts.append(hit[0])
            folded.append(hit[1])
        inv_list = inv.reshape(-1).tolist()
        return [texts[k] for k in inv_list], [folded[k] for k in inv_list]

    text, norm = column(0)
    dep, pos, ent = column(1)[0], column(3)[0], column(5)[0]
    lemma = column(4)[1]
    heads = (arr[:, 2].view(np.int64) + np.arange(n, dtype=np.int64)).tolist()  # relative
    new = Tok.__new__
    out = []
    idx = arr[:, 6].tolist()
    for i, row in enumerate(zip(text, norm, dep, heads, pos, lemma, ent, idx, strict=True)):
        tok = new(Tok)
        tok.i = i
        tok.text, tok.norm, tok.dep, tok.head, tok.pos, tok.lemma, tok.ent, tok.idx = row
        out.append(tok)
    return out


def iso_date(value: str | None) -> str | None:
    """'2022-12-10T08:00Z' -> '2022-12-10'; anything that is not an ISO date -> None."""
    m = ISO_DATE.match(str(value or "").strip())
    return m.group(0) if m else None


def span_head(toks: list[Tok], s: int, e: int) -> int:
    for i in range(e - 1, s - 1, -1):
        if not s <= toks[i].head < e or toks[i].head == i:
            return i
    return e - 1


def make_mention(toks: list[Tok], sents: list[int], s: int, e: int, actor: Actor) -> Mention:
    start, end = toks[s].idx, toks[e - 1].idx + len(toks[e - 1].text)
    actor.start, actor.end = start, end
    return Mention(
        start=start,
        end=end,
        token_start=s,
        token_end=e,
        head=span_head(toks, s, e),
        sentence=sents[s],
        actor=actor,
    )
