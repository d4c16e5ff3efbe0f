"""Token-level helpers of the coder: clause extents, adjuncts and word classes (spaCy tokens)."""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from .lexicon import MILITARY_WORDS


def clause_subtree(tok: Any) -> list[Any]:
    """Subtree without embedded relative/adverbial clauses ('a plan that seeks to ...')."""
    out = [tok]
    for c in tok.children:
        if c.dep_ not in ("relcl", "acl", "advcl", "ccomp", "appos"):
            out.extend(clause_subtree(c))
    return out


def small_clause(tok: Any) -> bool:
    """'hold Russia accountable': the parser makes the adjective a clause complement."""
    return bool(tok.dep_ == "ccomp" and tok.pos_ == "ADJ")


def antecedent(noun: Any) -> list[Any]:
    """The noun a relative or participle clause hangs on, with its compounds, the head of a
    'set of sanctions' and the first of 'sanctions and countermeasures imposed'."""
    nouns = [noun]
    if noun.dep_ == "conj" and noun.head.pos_ in ("NOUN", "PROPN"):
        nouns.append(noun.head)
    for p in (c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"):
        nouns += [o for o in p.children if o.dep_ == "pobj"]
    return [*nouns, *(c for n in nouns for c in n.children if c.dep_ == "compound")]


def temporal_adjunct(prep: Any) -> bool:
    """'on Tuesday', 'in March': a date adjunct is no argument ('called X on Tuesday')."""
    return prep.dep_ == "prep" and any(c.dep_ == "pobj" and dated(c) for c in prep.children)


def dated(tok: Any) -> bool:
    """A date or time word, in a date entity that lies inside its own phrase: the small model
    glues "at Kyiv overnight" into one TIME entity, "overnight" hanging on the verb."""
    if tok.ent_type_ not in ("DATE", "TIME"):
        return False
    start = tok.i
    while start > 0 and tok.doc[start].ent_iob_ == "I":
        start -= 1
    end = tok.i + 1
    while end < len(tok.doc) and tok.doc[end].ent_iob_ == "I":
        end += 1
    inside = {t.i for t in tok.subtree}
    return all(i in inside for i in range(start, end))


def tok_end(tok: Any) -> int:
    return int(tok.idx + len(tok.text))


def is_military(tokens: list[Any]) -> bool:
    return bool({t.lower_ for t in tokens} & MILITARY_WORDS)


def weapon_type(ptype: str, cameo: str) -> bool:
    return ptype in ("AID", "COOPERATE", "ASSAULT", "MOBILIZE", "AGREE") or cameo.startswith("19")


def phrasal(tok: Any) -> tuple[set[str], set[str]]:
    """Particles, and the prepositions a particle governs: the parser reads "pulled out of the
    treaty" as two prepositions, so an adverb-preposition right after the verb that governs
    one of its own ("out of", "away from") is the verb's particle, and the inner one its prep."""
    parts = {c.lower_ for c in tok.children if c.dep_ == "prt"}
    inner: set[str] = set()
    for c in tok.children:
        if c.dep_ == "prep" and c.i == tok.i + 1:
            sub = {g.lower_ for g in c.children if g.dep_ == "prep"}
            if sub:
                parts.add(c.lower_)
                inner |= sub
    return parts, inner


def of_object(noun: Any) -> list[Any]:
    """The theme of an event noun with its modifiers: "the suspension of air links", "the
    release of two hostages", "the withdrawal from the treaty" say what is suspended,
    released or left as a compound would."""
    out: list[Any] = []
    for p in (c for c in noun.children if c.dep_ == "prep" and c.lower_ in ("of", "from")):
        for o in (c for c in p.children if c.dep_ == "pobj"):
            out += [o, *(c for c in o.children if c.dep_ in ("compound", "amod") and c.i < o.i)]
    return out


RIGHT_PREPS = frozenset({"for", "to", "in", "into"})


def right_theme(noun: Any) -> set[str]:
    """'+word' keys (nouns.tsv) for what an event noun is for or about on its right: "an
    application for NATO membership" (+membership), "a bid to join" (+join), "a pause in the
    fighting" (+fighting). Kept apart from left modifiers: "support for military operations"
    is not military support."""
    out: set[str] = set()
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ in RIGHT_PREPS:
            for o in (p for p in c.children if p.dep_ == "pobj"):
                words = [o, *(m for m in o.children if m.dep_ in ("compound", "amod"))]
                out |= {"+" + w.lemma_.lower() for w in words} | {"+" + o.lower_}
        elif c.dep_ == "acl" and c.tag_ == "VB":  # "a bid to join NATO"
            out.add("+" + c.lemma_.lower())
    return out


def misread_verb(tok: Any) -> bool:
    """'Myanmar's military seized power': the small parser reads a past-tense verb as a
    modifier of the sentence's root noun (tagging "military" an adjective), leaving the
    sentence without a verb; the words before it are its subject, the root noun its object."""
    head = tok.head
    return bool(
        tok.dep_ == "amod"
        and tok.tag_ == "VBD"
        and head.dep_ == "ROOT"
        and head.pos_ in ("NOUN", "PROPN")
        and tok.i < head.i
        and any(c.i < tok.i and c.dep_ in ("amod", "compound", "poss") for c in head.children)
    )


def misread_subject(verb: Any) -> list[Any]:
    """'Azerbaijan massed troops ...': the small parser may leave a finite verb without a
    subject and hang the name before it as an adverbial noun (not a date: "Monday")."""
    if verb.dep_ != "ROOT" or verb.tag_ not in ("VBD", "VBZ", "VBP"):
        return []
    return [
        c
        for c in verb.children
        if c.dep_ == "npadvmod"
        and c.i < verb.i
        and c.pos_ == "PROPN"
        and c.ent_type_ not in ("DATE", "TIME")
    ][:1]


def extraposed(tok: Any) -> bool:
    """'It is necessary to cooperate', 'it is important that we act': an empty subject that
    stands for the clause after the predicate."""
    head = tok.head
    if tok.dep_ != "nsubj" or head.lemma_ != "be":
        return False
    kids = {c.dep_ for c in head.children}
    return bool(kids & {"acomp", "attr"}) and bool(kids & {"xcomp", "ccomp"})


# the parts of speech a trigger can have (every branch of PloverCoder.triggers needs one)
TRIGGER_POS = ("VERB", "AUX", "NOUN", "PROPN", "ADJ")


def content_tokens(sent: Any) -> Iterator[Any]:
    """The sentence's tokens that may trigger, read off one array per document: building a
    Token for every determiner, preposition and punctuation mark cost a fifth of this stage."""
    doc = sent.doc
    arr = _pos_array(doc)
    wanted = _pos_ids()
    for i in range(sent.start, sent.end):
        if arr[i] in wanted:
            yield doc[i]


_POS_CACHE: tuple[Any, Any] = (None, None)  # (doc, its POS array): swapped whole, thread-safe


def _pos_array(doc: Any) -> Any:
    global _POS_CACHE
    from spacy.attrs import POS

    cached, arr = _POS_CACHE
    if cached is not doc:
        arr = doc.to_array(POS)
        _POS_CACHE = (doc, arr)
    return arr


@lru_cache(maxsize=1)
def _pos_ids() -> frozenset[int]:
    from spacy.symbols import IDS

    return frozenset(IDS[p] for p in TRIGGER_POS)
