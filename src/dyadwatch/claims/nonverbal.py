"""Cues that are not verbs: 'according to X' and sourceless 'reportedly'."""

from __future__ import annotations

from typing import Any

from .lexicon import Cue, Lexicon
from .quotes import expand_to_quotes
from .rules import Found, _char_span, _child, _source_span, _span, clip_lines


def find_prep(sdoc: Any, tok: Any, lex: Lexicon, quotes: list[tuple[int, int]]) -> Found | None:
    """'according to X': X is the source, the clause it modifies the content."""
    for words, cue in lex.preps.items():
        n = len(words)
        if tok.i + n > len(sdoc) or [t.lower_ for t in sdoc[tok.i : tok.i + n]] != list(words):
            continue
        last = sdoc[tok.i + n - 1]
        obj = _child(last, ("pobj",))
        if obj is None:
            return None
        head = tok.head if tok.head is not tok else last.head
        while (
            head.dep_ not in ("ROOT", "ccomp", "conj", "advcl", "relcl") and head.head is not head
        ):
            head = head.head
        ha, hb = _span(head)
        pa, pb = min(tok.i, obj.left_edge.i), max(last.i, obj.right_edge.i) + 1
        a, b = (ha, pa) if pa - ha >= hb - pb else (pb, hb)
        ca, cb = _char_span(sdoc, a, b)
        if ca < 0:
            return None
        cue_span = (tok.idx, last.idx + len(last.text))
        ca, cb = clip_lines(sdoc.text, (ca, cb), cue_span)
        ca, cb, quoted = expand_to_quotes(ca, cb, quotes, cue_span)
        f = Found(cue, list(range(tok.i, tok.i + n)), (ca, cb), head.i, stance=cue.stance)
        f.quoted = quoted
        f.source, f.source_head = _source_span(obj), obj.i
        return f
    return None


def find_adverb(sdoc: Any, tok: Any, cue: Cue, quotes: list[tuple[int, int]]) -> Found | None:
    """'reportedly', 'allegedly': no source; the modified clause is the content."""
    head = tok.head
    if head is tok:
        return None
    a, b = _span(head)
    if a == tok.i:
        a += 1
    ca, cb = _char_span(sdoc, a, b)
    if ca < 0:
        return None
    ca, cb = clip_lines(sdoc.text, (ca, cb), (tok.idx, tok.idx + len(tok.text)))
    return Found(cue, [tok.i], (ca, cb), head.i, stance=cue.stance)
