"""Cues that name no speaker by a verb: 'according to X', 'reportedly', 'X appears to'."""

from __future__ import annotations

from typing import Any

from ..nlp import doc_text
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
        head = tok.head if tok.head != tok else last.head
        while head.dep_ not in ("ROOT", "ccomp", "conj", "advcl", "relcl") and head.head != head:
            head = head.head
        ha, hb = _span(head)
        pa, pb = min(tok.i, obj.left_edge.i), max(last.i, obj.right_edge.i) + 1
        a, b = (ha, pa) if pa - ha >= hb - pb else (pb, hb)
        ca, cb = _char_span(sdoc, a, b)
        if ca < 0:
            return None
        cue_span = (tok.idx, last.idx + len(last.text))
        ca, cb = clip_lines(doc_text(sdoc), (ca, cb), cue_span)
        ca, cb, quoted = expand_to_quotes(ca, cb, quotes, cue_span)
        f = Found(cue, list(range(tok.i, tok.i + n)), (ca, cb), head.i, stance=cue.stance)
        f.quoted = quoted
        f.source, f.source_head = _source_span(obj), obj.i
        return f
    return None


def find_adverb(sdoc: Any, tok: Any, cue: Cue, quotes: list[tuple[int, int]]) -> Found | None:
    """'reportedly', 'allegedly': no source; the modified clause is the content."""
    head = tok.head
    if head == tok:
        return None
    a, b = _span(head)
    if a == tok.i:
        a += 1
    ca, cb = _char_span(sdoc, a, b)
    if ca < 0:
        return None
    ca, cb = clip_lines(doc_text(sdoc), (ca, cb), (tok.idx, tok.idx + len(tok.text)))
    return Found(cue, [tok.i], (ca, cb), head.i, stance=cue.stance)


def find_hedge(
    sdoc: Any, verb: Any, cue: Cue, quotes: list[tuple[int, int]], lex: Lexicon
) -> Found | None:
    """'X appears to be Y', 'it seems that Y': the writer's hedged, sourceless claim.

    The content is the whole clause, subject included ("Trump seemed unperturbed");
    with an expletive subject only the that-clause.
    """
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    subj = _child(verb, ("nsubj", "expl"))
    comp = _child(verb, ("xcomp", "acomp", "ccomp", "attr", "oprd"))
    if comp is None or comp.i < verb.i:
        return None
    if comp.dep_ == "xcomp" and comp.lemma_.lower() in lex.verbs:
        return None  # "seemed to blame X": the reporting verb is the cue
    if subj is None or subj.dep_ == "expl" or subj.lower_ == "it" or comp.dep_ == "ccomp":
        return None
    if subj.i < verb.i:
        a, b = subj.left_edge.i, comp.right_edge.i + 1
    else:
        return None
    a = max(a, verb.sent.start)
    ca, cb = _char_span(sdoc, a, b)
    if ca < 0:
        return None
    cue_span = (verb.idx, verb.idx + len(verb.text))
    if "\n" in doc_text(sdoc)[ca : cue_span[0]]:  # a heading parsed into the subject
        ca = doc_text(sdoc).rindex("\n", ca, cue_span[0]) + 1
    ca, cb = clip_lines(doc_text(sdoc), (ca, cb), cue_span)
    ca, cb, quoted = expand_to_quotes(ca, cb, quotes, cue_span)
    return Found(cue, [verb.i], (ca, cb), comp.i, stance=cue.stance, quoted=quoted)
