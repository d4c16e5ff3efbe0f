"""Pronouns and descriptions that point back at a state, body or group ("it", "its",
"they", "their", "the country", "the kingdom").

Each resolves to the nearest compatible actor before it (number; a state or body for
"it" and "the country", a plural group for "they"; never a person: "he"/"she" are
``coref.pronouns``), preferring the subject of the clause that governs the pronoun, then
the subjects of the sentences before. When the nearest candidate subject is a thing with
no actor ("The deal ... it will"), the pronoun stays unresolved. Resolved mentions copy
the antecedent's actor with ``resolved_by="coreference"``.
"""

from __future__ import annotations

from typing import Any

from ..records import Mention
from .tokens import Tok, make_mention

SINGULAR = frozenset({"it", "its", "itself"})
PLURAL = frozenset({"they", "their", "them", "themselves"})
# "the kingdom", "the bloc": a definite description of a state or an international body
STATE_NOUNS = frozenset({"country", "kingdom", "nation", "republic", "emirate", "monarchy"})
BODY_NOUNS = frozenset({"bloc", "alliance", "organization", "organisation", "union"})
PLEONASTIC = frozenset({"be", "seem", "appear", "happen", "matter", "take", "remain", "look"})
SUBJ = frozenset({"nsubj", "nsubjpass"})
LOOKBACK = 2  # sentences before the pronoun's own


def entity_anaphora(mentions: list[Mention], toks: list[Tok], sdoc: Any) -> list[Mention]:
    """Mentions for it/its/they/their and 'the country'-type descriptions."""
    covered = {i for m in mentions for i in range(m.token_start, m.token_end)}
    by_head = {m.head: m for m in mentions}
    sents = [0] * len(toks)
    starts: list[int] = []
    for k, sent in enumerate(sdoc.sents):
        starts.append(sent.start)
        for i in range(sent.start, sent.end):
            sents[i] = k
    out: list[Mention] = []
    for t in toks:
        if t.i in covered:
            continue
        kind = _anaphor(t, toks, sdoc)
        if kind is None:
            continue
        found = _antecedent(sdoc[t.i], kind, by_head, starts, sents)
        if found is None:
            continue
        # "the kingdom", "the 27-nation bloc": from "the"
        first = (_the(sdoc[t.i]) or t.i) if kind in ("state", "body") else t.i
        actor = found.actor.model_copy(update={"text": t.text, "resolved_by": "coreference"})
        out.append(make_mention(toks, sents, first, t.i + 1, actor))
        by_head[t.i] = out[-1]  # "The kingdom said it ...": a chain
    return out


def _anaphor(t: Tok, toks: list[Tok], sdoc: Any) -> str | None:
    """'one' (it/its), 'many' (they/their), 'state' / 'body' (the country / the bloc)."""
    if t.norm in SINGULAR:
        if t.norm == "it" and _pleonastic(sdoc[t.i]):
            return None
        return "one"
    if t.norm in PLURAL:
        return "many"
    tok = sdoc[t.i]
    det = _the(tok)
    if t.pos != "NOUN" or det is None:
        return None
    if any(c.dep_ == "prep" for c in tok.children):
        return None  # "the country of Georgia": a new referent
    mods = list(sdoc[det + 1 : t.i])
    if t.norm in STATE_NOUNS and not mods:  # (not "the neighbouring country")
        return "state"
    # "the bloc", "the 27-nation bloc", "the Western military alliance"
    if t.norm in BODY_NOUNS and all(_body_modifier(x) for x in mods):
        return "body"
    return None


# what may stand between 'the' and a body noun that refers back ("the 27-nation bloc")
BODY_MODIFIERS = frozenset(
    {"western", "military", "transatlantic", "regional", "trade", "trading", "economic"}
    | {"nation", "member", "country", "state", "-", "european", "atlantic", "defence", "defense"}
)


def _body_modifier(x: Any) -> bool:
    return x.like_num or x.lower_ in BODY_MODIFIERS


def _the(tok: Any) -> int | None:
    """The index of the noun's own 'the' (None if it has none)."""
    return next((c.i for c in tok.children if c.dep_ == "det" and c.lower_ == "the"), None)


def _pleonastic(tok: Any) -> bool:
    """'it is clear that', 'it seems', 'it takes time': no referent."""
    if tok.dep_ not in SUBJ:
        return tok.dep_ in ("expl", "")
    head = tok.head
    return head.lemma_.lower() in PLEONASTIC or head.pos_ == "AUX"


def _fits(m: Mention, kind: str, sdoc: Any) -> bool:
    a = m.actor
    if a.kind == "person" or not (a.country or a.code):
        return False
    plural = sdoc[m.head].tag_ in ("NNS", "NNPS")
    if kind == "many":
        return plural
    if kind == "body":
        return a.kind == "igo"
    if kind == "state":
        return a.kind == "state" and not plural and not a.sector
    return not plural and a.kind in ("state", "igo", "group")


def _state(m: Mention, sdoc: Any) -> bool:
    a = m.actor
    return a.kind == "state" and not a.sector and sdoc[m.head].pos_ == "PROPN"


def _antecedent(
    tok: Any, kind: str, by_head: dict[int, Mention], starts: list[int], sents: list[int]
) -> Mention | None:
    sdoc = tok.doc
    shared = _conjunct_owner(tok, kind, by_head)
    if shared is not None:
        return shared
    local = _governing_subject(tok, kind, by_head)
    if local is not None:
        return local if isinstance(local, Mention) else None
    k = sents[tok.i]
    reflexive = tok.lower_ in ("itself", "themselves")
    if kind == "many" or tok.tag_ == "PRP$" or reflexive:  # "its": nearest before, same sentence
        for i in range(tok.i - 1, starts[k] - 1, -1):
            m = by_head.get(i)
            if m is not None and (_fits(m, kind, sdoc) or (kind == "many" and _state(m, sdoc))):
                if kind == "many" and _coordinated(sdoc[m.head]):
                    return None  # "met A of X and B of Y and welcomed their ...": both (events)
                return m  # "the onus is on Iran to decide whether they ...": a government
    if reflexive:
        return None  # "itself" is bound in its own sentence
    for back in range(1, LOOKBACK + 1):
        if k - back < 0:
            break
        found = _sentence_subject(sdoc[starts[k - back] : starts[k - back + 1]], kind, by_head)
        if found is not None:
            return found if isinstance(found, Mention) else None
    if kind == "many" and tok.lower_ == "them" and k > 0:
        return _last_plural(sdoc[starts[k - 1] : starts[k]], by_head)
    return None


def _conjunct_owner(tok: Any, kind: str, by_head: dict[int, Mention]) -> Mention | None:
    """'Russia's invasion of Ukraine and its attacks': a possessive on a conjunct shares the
    possessor of the first conjunct, not the nearest name before it."""
    if tok.tag_ != "PRP$" or tok.head.dep_ != "conj":
        return None
    first = tok.head.head
    owner = next((c for c in first.children if c.dep_ == "poss"), None)
    m = by_head.get(owner.i) if owner is not None else None
    return m if m is not None and _fits(m, kind, tok.doc) else None


def _last_plural(sent: Any, by_head: dict[int, Mention]) -> Mention | None:
    """'met Iranian officials. She urged them to ...': an object pronoun with no subject
    to take takes the last plural group named in the sentence before."""
    for t in reversed(sent):
        m = by_head.get(t.i)
        if m is not None and t.tag_ in ("NNS", "NNPS") and _fits(m, "many", sent.doc):
            return m if not _coordinated(t) else None
    return None


def _coordinated(tok: Any) -> bool:
    """Is the phrase the token belongs to ("Niinistö of Finland") one of several conjuncts?"""
    cur = tok
    for _ in range(4):
        if cur.dep_ == "conj" or any(c.dep_ == "conj" for c in cur.children):
            return True
        if cur.dep_ not in ("pobj", "prep", "compound", "appos", "amod", "poss") or cur.head == cur:
            return False
        cur = cur.head
    return False


Verdict = Mention | bool | None  # the referent; False: a rival thing is nearer; None: go on


def _governing_subject(tok: Any, kind: str, by_head: dict[int, Mention]) -> Verdict:
    """'Iran said it would ...': the subject of a clause above the pronoun; ``False`` when
    that subject is a thing ("The deal says it ..."), None when there is none."""
    cur = tok
    for _ in range(4):
        if cur.head == cur:
            return None
        below, cur = cur, cur.head
        controller = _controller(cur, below)
        if controller is not None and controller.i < tok.i:
            return _subject_verdict(controller, kind, by_head)
        for c in cur.children:
            if c.dep_ in SUBJ and c.i < tok.i and c.i != tok.i:
                return _subject_verdict(c, kind, by_head)
    return None


def _controller(verb: Any, clause: Any) -> Any:
    """'called on China to release those it holds', 'urged Iran to free ...': the object of
    the verb above an infinitive clause is that clause's subject; 'praised Qatar for its
    mediation', 'accused Iran of its ...': the object owns what it is praised or blamed for."""
    framed = clause.dep_ == "prep" and clause.lower_ in ("for", "of")
    if not (clause.dep_ == "xcomp" or framed) or verb.pos_ != "VERB":
        return None
    if framed:
        return next((c for c in verb.children if c.dep_ == "dobj" and c.i < clause.i), None)
    for c in verb.children:
        if c.dep_ == "dobj" and c.i < clause.i:
            return c
        if c.dep_ == "prep" and c.lower_ == "on" and c.i < clause.i:
            return next((p for p in c.children if p.dep_ == "pobj"), None)
    return None


def _sentence_subject(sent: Any, kind: str, by_head: dict[int, Mention]) -> Verdict:
    """The first subject of an earlier sentence that could be the referent."""
    for t in sent:
        if t.dep_ in SUBJ and t.pos_ in ("NOUN", "PROPN"):
            verdict = _subject_verdict(t, kind, by_head)
            if verdict is not None:
                return verdict
    return None


def _subject_verdict(subj: Any, kind: str, by_head: dict[int, Mention]) -> Verdict:
    m = by_head.get(subj.i)
    if m is None:  # "Russian forces" with the mention on a modifier, or a bare thing
        m = next((by_head[c.i] for c in subj.children if c.i in by_head), None)
    if m is not None and any(c.dep_ == "conj" for c in subj.children):
        # "A and B ... they": a group, left to the events stage (no nearer single referent)
        return False if kind == "many" else None
    if m is not None:
        return m if _fits(m, kind, subj.doc) else None
    if (kind, subj.lower_) in (("many", "they"), ("many", "we"), ("one", "it")):
        return False  # "They ... their commitment": the same unresolved group (events stage)
    plural = subj.tag_ in ("NNS", "NNPS")
    if subj.pos_ == "PRON" or (kind == "many") != plural:
        return None  # another number: not a rival referent
    return False  # a thing of the same number comes nearer: "The deal ... it"
