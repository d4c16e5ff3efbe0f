"""Finds attributions (source, cue, content) in a spaCy parse with dependency rules.

Works on token indices of the parsed document; the stage module turns them
into Claim records. One pass over the tokens: reporting verbs, prepositional
cues ("according to") and sourceless adverbs ("reportedly").
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from typing import Any

from ..nlp import doc_text
from .frames import _as_noted, _inverted, _marked_clause, _parenthetical, _stray_conjunct
from .lexicon import Cue, Lexicon
from .quotes import expand_to_quotes, is_quote_char

SUBJ = ("nsubj", "csubj")
REL_PRONOUNS = {"who", "which", "that", "whom"}
EDGE_PUNCT = set(",.;:-\u2014\u2013()[]")
VERB_POS = ("VERB",)
# particles that turn a cue verb into something else ("back down", "call off")
BAD_PARTICLES = {"down", "off", "up", "away", "in", "over", "back"}
KEEP_PARTICLES = {"out"}  # "point out", "lay out"


@dataclass
class Found:
    """One attribution in token/char terms, before it becomes a Claim."""

    cue: Cue
    cue_tokens: list[int]
    content: tuple[int, int]  # char span
    content_root: int  # token index of the content's head
    source: tuple[int, int] | None = None  # token span [start, end)
    source_head: int | None = None
    antecedent: int | None = None  # for relative-pronoun sources: the noun they stand for
    stance: str = "assert"
    quoted: bool = False
    passive: bool = False
    parts: list[tuple[int, int]] = field(default_factory=list)  # content pieces, if split


def _span(tok: Any) -> tuple[int, int]:
    return tok.left_edge.i, tok.right_edge.i + 1


def _char_span(sdoc: Any, a: int, b: int) -> tuple[int, int]:
    """Char span of tokens [a, b), trimmed of edge punctuation other than quotes."""
    while a < b and (_is_edge(sdoc[a]) or sdoc[a].is_space):
        a += 1
    while b > a and (_is_edge(sdoc[b - 1]) or sdoc[b - 1].is_space):
        b -= 1
    if a >= b:
        return -1, -1
    return sdoc[a].idx, sdoc[b - 1].idx + len(sdoc[b - 1].text)


def clip_lines(text: str, span: tuple[int, int], cue: tuple[int, int]) -> tuple[int, int]:
    """Keep content on the cue's side of a line break (headlines run into the body)."""
    a, b = span
    piece = text[a:b]
    if "\n" not in piece.strip():
        return a, b
    if a >= cue[1]:
        b = a + piece.index("\n", len(piece) - len(piece.lstrip()))
    elif b <= cue[0]:
        a = a + piece.rstrip().rindex("\n") + 1
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def _is_edge(tok: Any) -> bool:
    return tok.is_punct and not is_quote_char(tok.text) and all(c in EDGE_PUNCT for c in tok.text)


def reattached(verb: Any, lex: Lexicon) -> Any | None:
    """The outer cue a coordinated cue verb really belongs to.

    "Iran has acknowledged that it sold drones ... but denies any transfers" is
    parsed with "denies" coordinated inside the complement; a reporting verb
    there with no subject of its own is the outer speaker's second statement.
    """
    head = verb.head
    if verb.dep_ != "conj" or head.dep_ != "ccomp" or verb.pos_ not in VERB_POS:
        return None
    if lex.verbs.get(verb.lemma_.lower()) is None or lex.verbs[verb.lemma_.lower()].kind != "verb":
        return None
    outer = head.head
    if verb_cue(outer, lex) is None or any(c.dep_ in SUBJ for c in verb.children):
        return None
    return outer


CLIMB = ("advcl", "acl", "pcomp", "xcomp", "dep", "conj")


def subject_of(verb: Any, depth: int = 0) -> tuple[Any | None, bool]:
    """The speaker token of a cue verb and whether the verb is passive.

    Follows shared subjects of coordinated verbs ("acknowledged ... but denies")
    and participial adjuncts ("..., saying ...").
    """
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
    for c in verb.children:
        if c.dep_ == "agent":
            objs = [g for g in c.children if g.dep_ == "pobj"]
            return (objs[0] if objs else None), True
    for c in verb.children:
        if c.dep_ in SUBJ:
            return c, passive
    if passive:
        return None, True
    if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        return subject_of(verb.head, depth + 1)[0], False
    if verb.dep_ == "xcomp" and verb.head.pos_ in ("VERB", "AUX"):
        return subject_of(verb.head, depth + 1)
    if verb.tag_ == "VBG" and verb.dep_ in CLIMB and depth < 3:
        head = verb.head
        if head.dep_ == "prep" or head.pos_ == "ADP":
            head = head.head
        if head.pos_ in ("VERB", "AUX") and head != verb:
            return subject_of(head, depth + 1)[0], False
    return None, False


def _child(verb: Any, deps: tuple[str, ...]) -> Any | None:
    for c in verb.children:
        if c.dep_ in deps:
            return c
    return None


def _prep_object(verb: Any, word: str) -> tuple[Any, Any] | None:
    heads = [verb]
    if word in ("of", "for"):  # "accused Azerbaijani troops of ...": 'of' hung on the object
        heads += [c for c in verb.children if c.dep_ == "dobj"]
    for c in (k for h in heads for k in h.children):
        if c.dep_ in ("prep", "dative") and c.lower_ == word:
            obj = _child(c, ("pobj", "pcomp"))
            if obj is not None:
                return c, obj
    return None


def _clause_span(c: Any, lex: Lexicon) -> tuple[int, int]:
    """Subtree span of a complement, cut before a coordinated cue verb that is re-attached."""
    a, b = _span(c)
    for k in c.children:
        if k.i > c.i and reattached(k, lex) is not None:
            cut = k.left_edge.i
            for cc in c.children:
                if cc.dep_ == "cc" and c.i < cc.i < cut:
                    cut = min(cut, cc.i)
            b = min(b, cut)
    return a, min(b, _stray_conjunct(c))


TAIL_DEPS = ("prep", "advmod", "npadvmod", "oprd", "dative", "xcomp", "acomp")
TEMPORAL_PREPS = {"since", "after", "before", "during", "until", "amid", "following", "on", "at"}
TIME_ADVS = {"later", "earlier", "again", "also", "yesterday", "today", "tonight", "recently"}


def _temporal(tok: Any) -> bool:
    """A time adjunct ("later on Friday", "since the invasion"): not part of what is said."""
    if tok.lower_ in TIME_ADVS:
        return True
    if tok.dep_ == "prep" and tok.lower_ in TEMPORAL_PREPS:
        return tok.lower_ not in ("on", "at") or any(
            t.ent_type_ in ("DATE", "TIME") for t in tok.subtree
        )
    return any(t.ent_type_ in ("DATE", "TIME") for t in tok.subtree)


def _dobj_span(verb: Any, obj: Any) -> tuple[int, int]:
    """Object with the rest of the verb phrase ("endorsed X for president", "described X as Y")."""
    a, b = _span(obj)
    for c in sorted(verb.children, key=lambda t: t.i):
        if c.i < b:
            continue
        if c.dep_ not in TAIL_DEPS or _temporal(c) or c.lower_ in ("at", "on"):
            break
        b = c.right_edge.i + 1
    return a, b


# a temporal clause, or an anniversary, presupposes its events ("as we approach the
# anniversary of Russia's invasion", "since the coup"): the speaker does not claim them
TEMPORAL_MARKS = frozenset({"as", "since", "after", "before", "when", "while", "until", "once"})
PRESUPPOSING_NOUNS = frozenset({"anniversary"})


def shielded(sdoc: Any, span: tuple[int, int]) -> list[tuple[int, int]]:
    """Char spans of time adjuncts inside content: events there keep their own status."""
    out = []
    for tok in sdoc.char_span(*span, alignment_mode="expand") or []:
        temporal_clause = tok.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in TEMPORAL_MARKS for c in tok.children
        )
        if temporal_clause or tok.lemma_.lower() in PRESUPPOSING_NOUNS:
            left, r = tok.left_edge, tok.right_edge  # "as we approach the anniversary of X"
            out.append((left.idx, r.idx + len(r.text)))
        elif tok.dep_ == "prep" and tok.lower_ in TEMPORAL_PREPS - {"on", "at"}:
            r = tok.right_edge
            out.append((tok.idx, r.idx + len(r.text)))
    return out


def _content_tokens(
    verb: Any, cue: Cue, passive: bool, lex: Lexicon
) -> tuple[int, int, Any, list[int]] | None:
    """Token span [a, b) of the content, its head, and extra cue tokens (a preposition)."""
    for slot in cue.frame:
        if slot == "ccomp":
            c = _child(verb, ("ccomp",))
            if c is not None:
                return (*_clause_span(c, lex), c, [])
        elif slot == "xcomp":
            c = _child(verb, ("xcomp",))
            if c is not None and c.i > verb.i and lex.verbs.get(c.lemma_.lower()) is None:
                a, b = _span(c)
                obj = _child(verb, ("dobj",))
                if obj is not None and verb.i < obj.i < c.i:
                    a = obj.left_edge.i
                on = _prep_object(verb, "on")  # "called on X to ..."
                if on is not None and verb.i < on[0].i < c.i:
                    return on[1].left_edge.i, b, c, [on[0].i]
                return a, b, c, []
        elif slot == "dobj":
            c = _child(verb, ("dobj",))
            if c is not None and not passive:
                return (*_dobj_span(verb, c), c, [])
        elif slot == "oprd":  # "called Trump 'unhinged'", however the object got parsed
            c = _child(verb, ("oprd",))
            if c is not None and c.i > verb.i + 1 and not passive:
                return verb.i + 1, c.right_edge.i + 1, c, []
        elif slot == "subj":
            c = _child(verb, ("nsubjpass",))
            if c is not None and passive:
                return (*_span(c), c, [])
        else:
            po = _prep_object(verb, slot)
            if po is None:
                marked = _marked_clause(verb, slot)  # "calling for the US to act"
                if marked is not None:
                    return marked
                continue
            prep, obj = po
            if prep.i < verb.i:  # "On Twitter, X called ...": a fronted adjunct, not content
                continue
            dobj = _child(verb, ("dobj",))
            if dobj is not None and dobj.i < prep.i and not passive:
                return dobj.left_edge.i, obj.right_edge.i + 1, obj, []
            return (*_span(obj), obj, [prep.i])
    c = _child(verb, ("ccomp",))  # any cue may take a clause ("wants all of them to go")
    if c is not None and "ccomp" not in cue.frame and c.i > verb.i:
        return (*_clause_span(c, lex), c, [])
    for c in verb.children:  # "said so", "said no"
        if (
            c.dep_ in ("intj", "advmod", "dobj")
            and c.lower_ in ("so", "yes", "no")
            and c.i > verb.i
        ):
            return c.i, c.i + 1, c, []
    return None


def _drop_tail_aside(sdoc: Any, a: int, b: int) -> int:
    """Cut a closing aside off the content (", which votes on March 1", "-- the ...")."""
    last = sdoc[b - 1] if b > a else None
    if last is None:
        return b
    for t in [last, *last.ancestors]:
        if t.i < a:
            break
        s = t.left_edge.i
        if t.dep_ in ("relcl", "appos") and s > a + 2 and t.right_edge.i == b - 1:
            prev = sdoc[s - 1]
            if prev.text in (",", "\u2013", "\u2014", "-", "--") and not _quote_near(sdoc, s, b):
                return s - 1
    return b


def _quote_near(sdoc: Any, a: int, b: int) -> bool:
    return any(is_quote_char(sdoc[i].text) for i in range(a, b))


def _interjected(sdoc: Any, verb: Any) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """'In his state, Christie said, offenders are sent to treatment': content around the cue."""
    a, b = verb.left_edge.i, verb.right_edge.i + 1
    if sdoc[a].text == ",":  # the commas may hang on the cue itself
        a += 1
    if sdoc[b - 1].text == "," and b - 1 > verb.i:
        b -= 1
    if a == 0 or b >= len(sdoc) or sdoc[a - 1].text != "," or sdoc[b].text != ",":
        return None
    if _child(verb, SUBJ) is None:
        return None
    sent = verb.sent
    before = _char_span(sdoc, sent.start, a - 1)
    after = _char_span(sdoc, b + 1, sent.end)
    if before[0] < 0 or after[0] < 0:
        return None
    return before, after


def _cue_tokens(verb: Any, stop: int | None = None) -> list[int]:
    """Verb, auxiliaries, negation, adverbs ("has also said") and a date right after it
    ("said Tuesday"), up to the content at ``stop``."""
    aux = [
        c.i
        for c in verb.children
        if c.dep_ in ("aux", "auxpass", "neg") and c.i < verb.i and c.lower_ != "to"
    ]
    toks = {verb.i, *aux}
    first = min(toks)
    for c in sorted(verb.children, key=lambda t: -t.i):  # adverbs right before the verb group
        if c.dep_ == "advmod" and c.tag_ != "WRB" and first - 1 <= c.i < verb.i and not c.n_lefts:
            toks.add(c.i)
            first = min(first, c.i)
    for c in verb.children:
        if c.dep_ == "prt" and c.lower_ in KEEP_PARTICLES:
            toks.add(c.i)
    return sorted(toks | _trailing(verb, stop))


def _trailing(verb: Any, stop: int | None) -> set[int]:
    """Time adjuncts right after the verb, which annotators count as part of the cue."""
    doc = verb.doc
    limit = len(doc) if stop is None or stop <= verb.i else stop
    out: set[int] = set()
    nxt = verb.i + 1
    for c in sorted((c for c in verb.children if c.i > verb.i), key=lambda t: t.i):
        if c.left_edge.i != nxt or c.right_edge.i >= limit:
            break
        dated = c.dep_ == "npadvmod" and c.ent_type_ in ("DATE", "TIME")
        if not dated:  # measured on PolNeAR train: prepositions ("in a statement") cost more
            break
        out.update(range(c.left_edge.i, c.right_edge.i + 1))
        nxt = c.right_edge.i + 1
    return out


AGENT_PRONOUNS = {"he", "she", "they", "i", "we", "you", "who"}
AGENT_ENTS = {"PERSON", "ORG", "NORP", "GPE"}


def _agentive(tok: Any) -> bool:
    """Could this subject be a speaker (a person, group or organisation)?"""
    if tok.pos_ == "PRON":
        return tok.lower_ in AGENT_PRONOUNS
    return tok.ent_type_ in AGENT_ENTS or tok.pos_ == "PROPN"


def _generic(verb: Any, lex: Lexicon) -> Cue | None:
    """Any verb with a person-like subject and a clausal object reports content."""
    if verb.lemma_.lower() in lex.nocue or _child(verb, ("ccomp",)) is None:
        return None
    subj = _child(verb, ("nsubj",))
    if subj is None or not _agentive(subj):
        return None
    return Cue(verb.lemma_.lower(), "assert", "verb", ("ccomp",))


def verb_cue(verb: Any, lex: Lexicon) -> Cue | None:
    if verb.pos_ not in VERB_POS:
        return None
    prts = [c.lower_ for c in verb.children if c.dep_ == "prt"]
    for p in prts:
        hit = lex.phrasal.get((verb.lemma_.lower(), p))
        if hit is not None:
            return hit
    if any(p in BAD_PARTICLES for p in prts):
        return None
    return lex.verbs.get(verb.lemma_.lower()) or _generic(verb, lex)


def find_verbal(
    sdoc: Any, verb: Any, cue: Cue, quotes: list[tuple[int, int]], lex: Lexicon
) -> Found | None:
    outer = reattached(verb, lex)
    subj, passive = subject_of(outer if outer is not None else verb)
    if outer is not None:
        passive = False
    hit = _content_tokens(verb, cue, passive, lex)
    extra: list[int] = []
    if hit is None and cue.kind == "verb":
        mid = _interjected(sdoc, verb)
        if mid is not None:
            f = Found(cue, _cue_tokens(verb), mid[0], verb.head.i, stance=cue.stance)
            f.parts = [mid[0], mid[1]]
            f.source = _source_span(subj, lex) if subj is not None else None
            f.source_head = subj.i if subj is not None else None
            return f
    if hit is None:
        par = _as_noted(verb) or _inverted(verb, cue) or _parenthetical(verb)
        if par is None:
            return None
        a, b, root = par
    else:
        a, b, root, extra = hit
    if cue.kind == "belief" and (subj is None or passive):
        return None  # a belief needs its holder ("to think that ...", "is expected to")
    if subj is not None and a <= subj.i < b:
        return None
    cue_toks = sorted({*_cue_tokens(verb, a), *extra})
    while a < b and a in cue_toks:
        a += 1
    b = _drop_tail_aside(sdoc, a, b)
    ca, cb = _char_span(sdoc, a, b)
    if ca < 0:
        return None
    gov = verb.head
    if verb.dep_ == "xcomp" and gov.pos_ in ("VERB", "AUX") and gov.i < verb.i and subj is not None:
        cue_toks = sorted({*_cue_tokens(gov), *range(gov.i, verb.i), *cue_toks})
    cue_span = (sdoc[cue_toks[0]].idx, sdoc[cue_toks[-1]].idx + len(sdoc[cue_toks[-1]].text))
    text = doc_text(sdoc)
    ca, cb = clip_lines(text, (ca, cb), cue_span)
    gap = text[cb : cue_span[0]] if cb <= cue_span[0] else text[cue_span[1] : ca]
    if "\n" in gap:
        return None  # content and cue in different paragraphs: a parse across a break
    ca, cb, quoted = expand_to_quotes(ca, cb, quotes, cue_span)
    found = Found(cue, cue_toks, (ca, cb), root.i, stance=cue.stance, quoted=quoted)
    found.passive = passive
    if subj is not None:
        found.source = _source_span(subj, lex)
        found.source_head = subj.i
        if subj.lower_ in REL_PRONOUNS and subj.head.dep_ == "relcl":
            found.antecedent = subj.head.head.i
    return found


def _source_span(subj: Any, lex: Lexicon | None = None) -> tuple[int, int]:
    """The full source NP, cut before a relative clause that is itself a cue, and at line breaks."""
    a, b = _span(subj)
    doc = subj.doc
    if lex is not None:
        for c in subj.children:
            if c.dep_ in ("relcl", "acl") and c.i > subj.i and verb_cue(c, lex) is not None:
                b = min(b, c.left_edge.i)
    for i in range(a, b):
        if doc[i].text in (":", "\u2013", "\u2014", "--") and i < subj.i:
            a = i + 1
        if "\n" in doc[i].text or "\n" in doc[i].whitespace_:
            if i < subj.i:
                a = i + 1
            elif i >= subj.i:
                b = min(b, i + 1)
                break
    while b > a + 1 and (_is_edge(doc[b - 1]) or doc[b - 1].is_space):
        b -= 1
    while a < b - 1 and doc[a].is_space:
        a += 1
    return a, b


def refuting(sdoc: Any, root_i: int, lex: Lexicon) -> bool:
    """Is the content itself a refutation ("the allegations were already refuted")?"""
    root = sdoc[root_i]
    cands = [root, *(c for c in root.children if c.dep_ in ("acomp", "attr", "oprd"))]
    for t in cands:
        if t.lemma_.lower() in lex.refute or t.lower_ in lex.refute:
            return not any(c.dep_ == "neg" for c in root.children)
    return False


def _in_markup(tok: Any) -> bool:
    """Tag names in leftover markup ("<tweet author=...>") are not words."""
    return tok.i > 0 and tok.doc[tok.i - 1].text in ("<", "</")


def _candidates(sdoc: Any, lex: Lexicon) -> list[int]:
    """Indices of the tokens that can pass one of ``find_all``'s tests, read from the
    doc's columns: a Token per token of the document was most of the loop's cost."""
    firsts = {w[0] for w in lex.preps}
    strings = sdoc.vocab.strings
    text: dict[int, str] = {}  # hash -> string, each looked up once per document
    out: list[int] = []
    for i, row in enumerate(sdoc.to_array(["POS", "LOWER", "LEMMA"]).tolist()):
        for h in row:
            if h not in text:
                text[h] = strings[h]
        pos, lower, lemma = (text[h] for h in row)
        low_lemma = lemma.lower()
        if (
            pos in VERB_POS
            or (pos == "AUX" and lemma == "be" and lex.nouns)
            or (pos == "ADJ" and lower in lex.adjs)
            or low_lemma in lex.hedges
            or low_lemma in lex.nouns
            or (pos == "ADV" and lower in lex.adverbs)
            or lower in firsts
        ):
            out.append(i)
    return out


def _quoted_tokens(sdoc: Any, quotes: list[tuple[int, int]]) -> set[int]:
    """Tokens starting strictly inside a quote (a token-by-quote scan was quadratic)."""
    if not quotes:
        return set()
    starts = sdoc.to_array("IDX").tolist()
    out: set[int] = set()
    for a, b in quotes:
        out.update(range(bisect_right(starts, a), bisect_left(starts, b - 1)))
    return out


def find_all(sdoc: Any, lex: Lexicon, quotes: list[tuple[int, int]]) -> list[Found]:
    from .direct import find_colon_heads, find_quotes, follow_paragraphs  # built on this module
    from .nonverbal import find_adverb, find_hedge, find_prep
    from .nouns import find_adjective, find_copular, find_noun, light_noun

    out = find_quotes(sdoc, lex, quotes)
    taken = {i for f in out for i in f.cue_tokens}
    out.extend(find_colon_heads(sdoc, taken))
    quoted = _quoted_tokens(sdoc, quotes)
    for i in _candidates(sdoc, lex):
        tok = sdoc[i]
        if tok.i in taken or tok.i in quoted or _in_markup(tok):
            continue
        found: Found | None = None
        cue = verb_cue(tok, lex)
        noun = light_noun(tok, lex) if lex.nouns else None
        if noun is not None:  # "expressed concern that": the noun frames the content
            found = find_noun(sdoc, noun, lex.nouns[noun.lemma_.lower()], quotes, lex)
            taken.add(noun.i)
        if found is not None:
            pass
        elif cue is not None:
            found = find_verbal(sdoc, tok, cue, quotes, lex)
        elif tok.pos_ == "AUX" and tok.lemma_ == "be" and lex.nouns:
            found = find_copular(sdoc, tok, lex, quotes)
        elif tok.pos_ == "ADJ" and tok.lower_ in lex.adjs:
            found = find_adjective(sdoc, tok, lex.adjs[tok.lower_], quotes, lex)
        elif tok.lemma_.lower() in lex.hedges:
            found = find_hedge(sdoc, tok, lex.hedges[tok.lemma_.lower()], quotes, lex)
        elif tok.lemma_.lower() in lex.nouns:
            found = find_noun(sdoc, tok, lex.nouns[tok.lemma_.lower()], quotes, lex)
        elif tok.lower_ in lex.adverbs and tok.pos_ == "ADV":
            found = find_adverb(sdoc, tok, lex.adverbs[tok.lower_], quotes)
        elif any(w[0] == tok.lower_ for w in lex.preps):
            found = find_prep(sdoc, tok, lex, quotes)
        if found is None:
            continue
        if found.stance == "assert" and refuting(sdoc, found.content_root, lex):
            found.stance = "deny"
        out.append(found)
    follow_paragraphs(sdoc, out, quotes)
    return out
