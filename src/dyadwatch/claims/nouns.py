"""Noun and adjective cues: 'his support for X', 'expressed concern that X', 'was critical of X'.

A cue noun only counts with a source: a possessive ("his", "Kerry's") or the
subject of a light verb that takes the noun as its object ("voiced support
for"). Without one, "support for the bill" is a plain noun phrase, not a claim.
The content is the slot named by the lexicon frame: a preposition's object, a
that-clause, or a to-infinitive.
"""

from __future__ import annotations

from typing import Any

from ..nlp import doc_text
from .lexicon import Cue, Lexicon
from .quotes import expand_to_quotes
from .rules import (
    Found,
    _char_span,
    _cue_tokens,
    _drop_tail_aside,
    _source_span,
    _span,
    clip_lines,
    subject_of,
)

# verbs that only carry a cue noun ("expressed concern", "made a statement")
LIGHT_VERBS = {
    "express",
    "voice",
    "make",
    "issue",
    "release",
    "send",
    "offer",
    "reiterate",
    "repeat",
    "renew",
    "give",
    "lend",
    "deliver",
    "publish",
    "raise",
    "register",
    "declare",
    "signal",
    "tweet",
    "post",
    "tell",
}


def _slot(noun: Any, slot: str) -> tuple[int, int, Any, list[int]] | None:
    """Content tokens [a, b), their head, and extra cue tokens for one frame slot."""
    kids = [c for c in noun.children if c.i > noun.i]
    if slot == "ccomp":
        for c in kids:
            that = any(k.dep_ == "mark" and k.lower_ == "that" for k in c.children)
            if c.dep_ == "ccomp" or (c.dep_ == "acl" and that):
                return (*_span(c), c, [])
        return None
    if slot == "xcomp":
        for c in kids:
            to = [k for k in c.children if k.dep_ == "aux" and k.lower_ == "to" and k.i < c.i]
            if c.dep_ in ("acl", "xcomp") and c.pos_ in ("VERB", "AUX") and to:
                a, b = _span(c)
                return to[0].i + 1, b, c, [to[0].i]
        return None
    for c in kids:
        if c.dep_ == "prep" and c.lower_ == slot:
            obj = next((k for k in c.children if k.dep_ in ("pobj", "pcomp")), None)
            if obj is not None:
                return (*_span(obj), obj, [c.i])
    return None


def _content(noun: Any, cue: Cue) -> tuple[int, int, Any, list[int]] | None:
    for slot in cue.frame:
        hit = _slot(noun, slot)
        if hit is not None:
            return hit
    return None


def _modifiers(noun: Any) -> list[int]:
    """Adjectives right before the noun ("harsh criticism", "previous criticisms")."""
    out: list[int] = []
    i = noun.i - 1
    while i >= 0 and noun.doc[i].dep_ in ("amod", "advmod") and noun.doc[i].head == noun:
        out.append(i)
        i -= 1
    return out


def _source(noun: Any) -> tuple[Any, list[int]] | None:
    """(speaker token, cue tokens before the noun) from a possessive or a light verb."""
    poss = next((c for c in noun.children if c.dep_ == "poss" and c.i < noun.i), None)
    if poss is not None:
        case = [k.i for k in poss.children if k.dep_ == "case"]
        return poss, case + _modifiers(noun)
    verb = noun.head
    if noun.dep_ != "dobj" or verb.pos_ != "VERB" or verb.lemma_.lower() not in LIGHT_VERBS:
        return None
    subj, passive = subject_of(verb)
    if subj is None or passive:
        return None
    return subj, [*_cue_tokens(verb), *range(verb.i + 1, noun.i)]


def find_noun(
    sdoc: Any, noun: Any, cue: Cue, quotes: list[tuple[int, int]], lex: Lexicon
) -> Found | None:
    """One noun-cue claim, or None when the noun has no source or no content."""
    if noun.pos_ != "NOUN":
        return None
    src = _source(noun)
    hit = _content(noun, cue)
    if src is None or hit is None:
        return None
    subj, before = src
    a, b, root, extra = hit
    if a <= subj.i < b or b <= a:
        return None
    cue_toks = sorted({*before, noun.i, *extra})
    found = _found(sdoc, cue, cue_toks, (a, b), root.i, quotes)
    if found is None:
        return None
    sa, sb = _source_span(subj, lex)
    if subj.dep_ == "poss":  # "Kerry's": the clitic belongs to the cue, not the name
        sb = min([sb, *(k.i for k in subj.children if k.dep_ == "case")])
    found.source, found.source_head = (sa, max(sb, sa + 1)), subj.i
    return found


def light_noun(verb: Any, lex: Lexicon) -> Any | None:
    """The cue noun a light verb carries ("voiced support for"), if any."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in LIGHT_VERBS:
        return None
    for c in verb.children:
        if c.dep_ == "dobj" and c.lemma_.lower() in lex.nouns:
            # "expressed their support for X": the verb is the cue, the noun phrase its content
            return None if any(k.dep_ == "poss" for k in c.children) else c
    return None


COPULAS = {"be", "remain", "become", "grow"}


def find_adjective(
    sdoc: Any, adj: Any, cue: Cue, quotes: list[tuple[int, int]], lex: Lexicon
) -> Found | None:
    """'Cruz was also critical of Obama', 'Democrats are concerned that ...'.

    The adjective must be the complement of a copula with a subject (the
    source), and its frame slot must be filled: a bare "was critical" is no claim.
    """
    head = adj.head
    if adj.dep_ != "acomp" or head.lemma_.lower() not in COPULAS:
        return None
    subj, passive = subject_of(head)
    hit = _content(adj, cue)
    if subj is None or passive or hit is None or subj.i > head.i:
        return None
    a, b, root, extra = hit
    if a <= subj.i < b or b <= a:
        return None
    cue_toks = sorted({*_cue_tokens(head), *range(head.i, adj.i + 1), *extra})
    found = _found(sdoc, cue, cue_toks, (a, b), root.i, quotes)
    if found is None:
        return None
    found.source, found.source_head = _source_span(subj, lex), subj.i
    return found


def _found(
    sdoc: Any,
    cue: Any,
    cue_toks: list[int],
    content: tuple[int, int],
    root_i: int,
    quotes: list[tuple[int, int]],
) -> Found | None:
    """A claim from cue tokens and a content token range, trimmed as the verbal rules do."""
    a, b = content
    b = _drop_tail_aside(sdoc, a, b)
    ca, cb = _char_span(sdoc, a, b)
    if ca < 0:
        return None
    first, last = sdoc[cue_toks[0]], sdoc[cue_toks[-1]]
    cue_span = (first.idx, last.idx + len(last.text))
    ca, cb = clip_lines(doc_text(sdoc), (ca, cb), cue_span)
    ca, cb, quoted = expand_to_quotes(ca, cb, quotes, cue_span)
    return Found(cue, cue_toks, (ca, cb), root_i, stance=cue.stance, quoted=quoted)


def find_copular(sdoc: Any, cop: Any, lex: Lexicon, quotes: list[tuple[int, int]]) -> Found | None:
    """'One view is that X', 'Rubio's slogan was that X': a cue noun as subject of 'be'.

    The source is the noun's possessive, if any; the that/whether clause is the content.
    """
    if cop.lemma_.lower() != "be" or cop.dep_ in ("aux", "auxpass"):
        return None
    subj = next((c for c in cop.children if c.dep_ == "nsubj" and c.i < cop.i), None)
    comp = next((c for c in cop.children if c.dep_ == "ccomp" and c.i > cop.i), None)
    if subj is None or comp is None or subj.lemma_.lower() not in lex.nouns:
        return None
    cue = lex.nouns[subj.lemma_.lower()]
    poss = next((c for c in subj.children if c.dep_ == "poss"), None)
    skip = set(range(poss.left_edge.i, poss.i + 1)) if poss is not None else set()
    cue_toks = [i for i in range(subj.left_edge.i, cop.i + 1) if i not in skip]
    cue_toks = [i for i in cue_toks if not sdoc[i].is_punct or i == cop.i]
    if not cue_toks:
        return None
    found = _found(sdoc, cue, cue_toks, _span(comp), comp.i, quotes)
    if found is None:
        return None
    if poss is not None:
        sa, sb = _source_span(poss, lex)
        sb = min([sb, *(k.i for k in poss.children if k.dep_ == "case")])
        found.source, found.source_head = (sa, max(sb, sa + 1)), poss.i
    return found
