"""Personal pronouns that point at a person: he/she, him/her, his/her.

- A subject or a possessive takes the person last named as a subject (or by-agent) in the
  sentences before, else the last person named.
- A possessive after a verb's person object is the object's ("praised X for his support").
- An object never takes its own clause's subject ("He thanked him": two men), so it takes
  the last other person named.
- A possessive in a phrase placed before its clause's subject, with no person named earlier
  in the sentence, points forward to that subject ("During her visit to Lima, the Vice
  President ...", "In his speech, the minister ..."): the usual reading in news prose.

Gender comes from the first-name list and is a hint: an unknown gender fits either pronoun.
Runs after the outlet's voice, so "the President" of a White House text is already the US.
"""

from __future__ import annotations

from ..records import Actor, Mention
from .coref import gender
from .tokens import Tok, make_mention
from .vocab import SUBJ_DEPS

SUBJECT = frozenset({"he", "she"})
OBJECT = frozenset({"him", "her"})
POSSESSIVE = frozenset({"his", "her"})
FEMININE = frozenset({"she", "her"})
OBJ_DEPS = frozenset({"dobj", "pobj", "dative", "iobj", "obj"})
FRONT_DEPS = frozenset({"prep", "advcl", "npadvmod", "advmod", "pcomp", "pobj", "poss"})
LOOKBACK = 3  # sentences before the pronoun's own
# offices one person holds ("Germany's chancellor"), unlike bodies ("the government")
OFFICE_HEADS = frozenset(
    [
        "president",
        "chancellor",
        "minister",
        "premier",
        "king",
        "queen",
        "prince",
        "princess",
        "emir",
        "amir",
        "sultan",
        "monarch",
        "pope",
        "secretary",
        "ambassador",
        "envoy",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "governor",
        "mayor",
        "general",
        "commander",
        "chief",
        "leader",
        "chairman",
        "chairwoman",
        "speaker",
        "prosecutor",
    ]
)


def personal_pronouns(mentions: list[Mention], toks: list[Tok], sents: list[int]) -> list[Mention]:
    """Mentions for the personal pronouns that an earlier (or, fronted, a later) person
    explains; resolved_by='pronoun'."""
    covered = {i for m in mentions for i in range(m.token_start, m.token_end)}
    people = [m for m in mentions if _personal(m.actor) or _office_holder(m, toks)]
    by_head = {m.head: m for m in mentions}
    out: list[Mention] = []
    for t in toks:
        if t.i in covered:
            continue
        role = _role(t)
        if role is None:
            continue
        wanted = "f" if t.norm in FEMININE else "m"
        found = _forward(t, toks, sents, by_head, wanted) if role == "poss" else None
        if found is None:
            found = _backward(t, role, toks, sents, people, by_head, wanted)
        if found is None:
            continue
        actor = found.model_copy(update={"text": t.text, "resolved_by": "pronoun"})
        m = make_mention(toks, sents, t.i, t.i + 1, actor)
        out.append(m)
        by_head[t.i] = m
    return out


def _personal(a: Actor) -> bool:
    """A person, or a role the outlet's voice stands for ("the President")."""
    return a.kind == "person" or (a.resolved_by == "outlet" and bool(a.role) and bool(a.text))


def _office_holder(m: Mention, toks: list[Tok]) -> bool:
    """'Germany's chancellor', 'the Saudi crown prince': one person named by an office (a
    role on a singular head, not "Iranian officials")."""
    head = toks[m.head]
    if not m.actor.role or m.actor.kind != "state" or head.lemma != head.norm:
        return False
    return head.norm in OFFICE_HEADS  # not "the Indian government"


def _role(t: Tok) -> str | None:
    if t.norm in SUBJECT and t.dep in SUBJ_DEPS:
        return "subj"
    if t.norm in POSSESSIVE and t.dep == "poss":
        return "poss"
    if t.norm in OBJECT and t.dep in OBJ_DEPS:
        return "obj"
    return None


def _fits(a: Actor, wanted: str) -> bool:
    return gender(a) in (wanted, None)


def _backward(
    t: Tok,
    role: str,
    toks: list[Tok],
    sents: list[int],
    people: list[Mention],
    by_head: dict[int, Mention],
    wanted: str,
) -> Actor | None:
    prior = [
        m
        for m in people
        if m.end <= t.idx and 0 <= sents[t.i] - m.sentence <= LOOKBACK and _fits(m.actor, wanted)
    ]
    if role == "obj":
        own = _clause_subject(t, toks, by_head)
        prior = [m for m in prior if own is None or not _same(m.actor, own)]
        return prior[-1].actor if prior else None
    thanked = _verb_object(t, toks, by_head) if role == "poss" else None
    if thanked is not None and _fits(thanked, wanted):
        return thanked
    subj = [m for m in prior if _is_subject(m, toks)]
    pick = subj or prior
    return pick[-1].actor if pick else None


def _verb_object(t: Tok, toks: list[Tok], by_head: dict[int, Mention]) -> Actor | None:
    """'praised X for his support', 'congratulated her on her election': a possessive in a
    phrase after the verb's person object is that person's."""
    verb = _verb(t, toks)
    if verb is None or verb.i > t.i:
        return None
    for c in toks[verb.i + 1 : t.i]:
        if c.head == verb.i and c.dep == "dobj":
            m = by_head.get(c.i)
            return m.actor if m is not None and _personal(m.actor) else None
    return None


def _is_subject(m: Mention, toks: list[Tok]) -> bool:
    h = toks[m.head]
    return h.dep in SUBJ_DEPS or (h.dep == "pobj" and toks[h.head].dep == "agent")


def _verb(t: Tok, toks: list[Tok]) -> Tok | None:
    """The verb governing a token (climbing through prepositions and nouns)."""
    cur, seen = t, 0
    while seen < 8:
        if cur.pos in ("VERB", "AUX") and cur is not t:
            return cur
        if cur.head == cur.i:
            return cur if cur is not t else None
        cur, seen = toks[cur.head], seen + 1
    return None


def _clause_subject(t: Tok, toks: list[Tok], by_head: dict[int, Mention]) -> Actor | None:
    verb = _verb(t, toks)
    if verb is None:
        return None
    for c in toks[max(0, verb.i - 40) : verb.i + 40]:  # a verb's dependents lie near it
        if c.head == verb.i and c.i != verb.i and c.dep in SUBJ_DEPS and c.i in by_head:
            return by_head[c.i].actor
    return None


def _forward(
    t: Tok, toks: list[Tok], sents: list[int], by_head: dict[int, Mention], wanted: str
) -> Actor | None:
    """A possessive in a fronted phrase whose clause's subject, named after it, is a person."""
    verb = _verb(t, toks)
    if verb is None or verb.i < t.i:
        return None
    cur = t
    while cur.head != cur.i and cur.head != verb.i:  # the phrase must hang off the verb
        if cur.dep not in FRONT_DEPS:
            return None
        cur = toks[cur.head]
    if cur.dep not in FRONT_DEPS:
        return None
    earlier = [m for i, m in by_head.items() if sents[i] == sents[t.i] and i < t.i]
    if any(_personal(m.actor) for m in earlier):
        return None
    for c in toks[t.i + 1 : verb.i]:
        if c.head == verb.i and c.dep in SUBJ_DEPS:
            m = by_head.get(c.i)
            if m is not None and _personal(m.actor) and _fits(m.actor, wanted):
                return m.actor
            return None
    return None


def _same(a: Actor, b: Actor) -> bool:
    return (a.name or a.text) == (b.name or b.text) and a.country == b.country
