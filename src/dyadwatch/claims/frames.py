"""Where the content sits when the parse does not hang it off the cue as a complement.

'calling for X to act' (a subordinator parsed as mark), 'as Clyburn noted, X',
'Trump told CNN, X' (the said clause parsed as the cue's head) and '"Q," he said'
(the cue parsed as a child of the quoted clause).
"""

from __future__ import annotations

from typing import Any

from .lexicon import Cue
from .quotes import is_quote_char

SUBJ = ("nsubj", "csubj")


def _span(tok: Any) -> tuple[int, int]:
    return tok.left_edge.i, tok.right_edge.i + 1


def _child(verb: Any, deps: tuple[str, ...]) -> Any | None:
    return next((c for c in verb.children if c.dep_ in deps), None)


def _marked_clause(verb: Any, word: str) -> tuple[int, int, Any, list[int]] | None:
    """A clause introduced by the slot word as a subordinator, parsed off the verb."""
    for c in verb.children:
        if c.dep_ in ("advcl", "ccomp") and c.i > verb.i:
            mark = c.left_edge
            if mark.dep_ == "mark" and mark.lower_ == word and mark.i == verb.i + 1:
                if word in ("if", "whether"):  # complementizers belong to the content
                    return mark.i, c.right_edge.i + 1, c, []
                return mark.i + 1, c.right_edge.i + 1, c, [mark.i]
    return None


def _as_noted(verb: Any) -> tuple[int, int, Any] | None:
    """'As Clyburn noted, voters will ...': the clause the as-clause modifies is the content."""
    head = verb.head
    if verb.dep_ != "advcl" or head is verb or _child(verb, SUBJ) is None:
        return None
    if not any(c.dep_ == "mark" and c.lower_ == "as" and c.i < verb.i for c in verb.children):
        return None
    ha, hb = _span(head)
    va, vb = _span(verb)
    a, b = (vb, hb) if hb - vb >= va - ha else (ha, va)
    while a < b and (verb.doc[a].dep_ in ("cc", "punct") and verb.doc[a].head == head):
        a += 1
    return (a, b, head) if b > a else None


def _inverted(verb: Any, cue: Cue) -> tuple[int, int, Any] | None:
    """'Trump told CNN, his policy would be ...': the said clause parsed as the cue's head."""
    head = verb.head
    if "ccomp" not in cue.frame or cue.kind != "verb" or head == verb or head.i < verb.i:
        return None
    if verb.dep_ not in ("advcl", "parataxis") or head.pos_ not in ("VERB", "AUX"):
        return None
    if _child(verb, SUBJ) is None or _child(verb, ("ccomp", "xcomp")) is not None:
        return None
    a = verb.right_edge.i + 1
    while a < head.i and verb.doc[a].is_punct and not is_quote_char(verb.doc[a].text):
        a += 1
    subj = _child(head, SUBJ)
    if subj is None or subj.left_edge.i != a:
        return None
    return a, head.right_edge.i + 1, head


def _parenthetical(verb: Any) -> tuple[int, int, Any] | None:
    """Content of a cue hung off the quoted clause: '"Q," he said' parsed Q <- said."""
    head = verb.head
    if verb.dep_ not in ("parataxis", "ccomp", "advcl") or head == verb or head.i > verb.i:
        return None
    if _child(verb, ("dobj", "xcomp")) is not None:
        return None  # "...; he has threatened our allies": a verb with its own object
    b = verb.left_edge.i
    if b == 0 or not (verb.doc[b - 1].is_punct or verb.doc[b - 1].is_space):
        return None
    a, _ = _span(head)
    return (a, b, head) if b > a else None


def _stray_conjunct(c: Any) -> int:
    """Token index where the cue's own second verb starts when the parse hung it inside the
    content: "welcomed X joining the accord and discussed Y" (a finite verb without a subject
    joined to a non-finite one, in the cue verb's tense); else past the content's end."""
    verb = c.head
    for t in c.subtree:
        if t.dep_ != "conj" or t.tag_ not in ("VBD", "VBZ") or t.tag_ != verb.tag_:
            continue
        if t.head.tag_ in ("VB", "VBG") and not any(k.dep_ in SUBJ for k in t.children):
            cc = [k.i for k in t.head.children if k.dep_ == "cc" and k.i < t.i]
            return min([t.left_edge.i, *cc])
    return c.right_edge.i + 1
