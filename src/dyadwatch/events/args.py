"""Source and target actors of a trigger, read off the dependency parse.

Subject/agent -> source; object/dative/prepositional object -> target; passive subjects are
targets (by-agents are sources); nominal triggers take actors from their own modifiers
("Iran-Russia cooperation"), from "between/with/to" phrases, and otherwise from the
arguments of the verb that governs them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..records import Mention
from .frames import (
    attribution,
    noun_owner,
    object_controller,
    participles,
    stray_by,
)
from .generic import inquiry
from .syntax import dated, misread_subject, misread_verb

if TYPE_CHECKING:
    from .index import MentionIndex

SUBJ = ("nsubj", "nsubjpass", "csubj")
OBJ = ("dobj", "dative", "iobj", "attr", "oprd")
NP_MODS = ("compound", "amod", "poss", "nmod", "npadvmod", "appos", "nummod")
TARGET_PREPS = (
    *("to", "with", "against", "toward", "towards", "on", "into", "for", "at", "from"),
    *("between", "among"),  # "mediated between A and B"
)
RELATIVE = frozenset({"which", "that", "who", "whom", "whose"})
STATIVE_PASSIVE = frozenset({"oppose", "commit", "dedicate", "devote", "determine", "prepare"})


# a stated resolve is its holder's: "expressed their commitment to ..."
PLEDGE_NOUNS = frozenset({"commitment", "pledge", "promise", "resolve", "determination"})
PLEDGE_NOUNS |= {"readiness", "willingness"}
INHERIT = ("xcomp", "conj", "advcl", "pcomp", "acl", "ccomp", "acomp")


@dataclass
class Args:
    sources: list[Mention] = field(default_factory=list)
    targets: list[Mention] = field(default_factory=list)
    participants: list[Mention] = field(default_factory=list)  # symmetric (A and B cooperate)
    penalty: float = 1.0  # < 1 when an actor was inferred rather than read off the parse
    located: bool = False  # the target is only the place where it happened ("in Tehran")
    coordinated: bool = False  # several sources, no target: one event each, or mutual


def _dedupe(ms: Iterable[Mention]) -> list[Mention]:
    seen: set[tuple[str | None, str | None]] = set()
    out = []
    for m in ms:
        key = (m.actor.code or m.actor.country, m.actor.name)
        if key not in seen:
            seen.add(key)
            out.append(m)
    return out


def subject_of(verb: Any) -> tuple[list[Any], bool]:
    """Subject tokens of ``verb`` (climbing xcomp/conj/relcl), and whether it is passive."""
    if misread_verb(verb):  # "Myanmar's military seized power": the modifier before it
        left = [c for c in verb.head.children if c.i < verb.i and c.dep_ != "det"]
        return left[-1:], False
    cur = verb
    for step in range(5):
        subs = [c for c in cur.children if c.dep_ in SUBJ] or misread_subject(cur)
        if subs:
            # "was arrested and later charged by X": a participle sharing a passive subject
            shared = step == 1 and verb.dep_ == "conj" and verb.tag_ == "VBN"
            passive = (step == 0 or shared) and subs[0].dep_ == "nsubjpass" or _has_auxpass(verb)
            passive = passive or (step > 0 and _bare_participle(verb))
            if subs[0].lower_ in RELATIVE and cur.dep_ == "relcl":
                return [cur.head], passive
            return subs, passive
        if cur.dep_ == "relcl":
            return [cur.head], False
        controller = object_controller(cur)
        if controller is not None:  # "accused Russia of shelling", "urged Israel to halt"
            return [controller], False
        owner = noun_owner(cur)
        if owner is not None:  # "Saudi Arabia's decision to resume talks"
            return [owner], False
        text = cur.head
        issued = text.lemma_.lower() in ISSUED_TEXTS or inquiry(cur, text)
        if cur.dep_ == "acl" and issued and text.dep_ == "dobj":
            # "X issued a statement calling on Y to ...": the statement speaks for its issuer
            # (as "X set up a panel to investigate" inquires through the panel)
            own = [c for c in text.children if c.dep_ == "poss"]
            if own:
                return own, False
            cur = text.head
            continue
        if cur.dep_ == "attr" and cur.tag_ == "VBG" and cur.head.lemma_ == "be":
            cur = cur.head  # "Qatar is mediating between ...": a progressive read as 'be' + attr
            continue
        if cur.dep_ == "dobj" and cur.lemma_.lower() in PLEDGE_NOUNS and step:
            cur = cur.head  # "reaffirmed their commitment to support": the verb's subject's
            continue
        if cur.dep_ in INHERIT or (cur.dep_ == "pobj" and cur.head.dep_ == "prep"):
            cur = cur.head
            if cur.dep_ == "prep":
                cur = cur.head
            continue
        break
    return [], False


def _bare_participle(verb: Any) -> bool:
    """'would close the strait if attacked', 'when provoked': a participle clause with no
    subject or auxiliary of its own is passive; the subject it shares is its patient."""
    if verb.tag_ != "VBN" or verb.dep_ != "advcl":
        return False
    own = ("aux", "auxpass", "nsubj", "nsubjpass")
    marked = any(c.dep_ == "mark" for c in verb.children)
    return marked and not any(c.dep_ in own for c in verb.children)


def _has_auxpass(verb: Any) -> bool:
    return any(c.dep_ == "auxpass" for c in verb.children)


def agent_of(verb: Any) -> list[Any]:
    """'killed by Russian troops'; also a gerund the parser hangs as a clause ("killed by
    Russian shelling": 'shelling' as pcomp), which names the act whose agent it owns."""
    return [
        p
        for c in verb.children
        if c.dep_ == "agent"
        for p in c.children
        if p.dep_ == "pobj" or (p.dep_ == "pcomp" and p.tag_ in ("VBG", "NN"))
    ]


def passive_agents(verb: Any) -> list[Any]:
    """The by-agent of a passive verb, also where the parser put it elsewhere: on a
    participle coordinated with it that shares its subject ("were abused and harassed by
    X", "was arrested and later charged by X"), or as a 'by' phrase on its object or on the
    verb itself ("is designated a terrorist group by X")."""
    own = agent_of(verb)
    if own:
        return own
    for c in verb.conjuncts:
        if c.tag_ == "VBN" and not any(k.dep_ in SUBJ for k in c.children):
            own += agent_of(c)
    if own:
        return own
    holders = [verb, *(c for c in verb.children if c.dep_ in OBJ)]
    return [
        p
        for h in holders
        for c in h.children
        if c.dep_ == "prep" and c.lower_ == "by"
        for p in c.children
        if p.dep_ == "pobj" and not dated(p)
    ]


def objects_of(verb: Any, preps: tuple[str, ...] = TARGET_PREPS) -> list[Any]:
    """Object heads, direct objects first, then prepositional objects in ``preps`` order."""
    direct = [c for c in verb.children if c.dep_ in OBJ]
    if misread_verb(verb):
        direct = [verb.head, *direct]  # "... seized power": the root noun is its object
    by_prep: list[tuple[int, Any]] = []
    for c in verb.children:
        if c.dep_ in ("prep", "dative") and c.lower_ in preps and not attribution(c):
            for p in c.children:
                if p.dep_ == "pobj":
                    by_prep.append((preps.index(c.lower_), p))
    return direct + [p for _, p in sorted(by_prep, key=lambda x: x[0])]


# texts that speak for whoever issued them ("the statement called on Russia to ...")
ISSUED_TEXTS = frozenset({"statement", "communique", "communiqu\u00e9", "declaration", "readout"})


def gap_objects(verb: Any, objs: list[Any]) -> list[Any]:
    """A relative clause's gapped object is its antecedent: "the Canadians it has detained",
    "Bakhmut, which Russian forces have shelled" (not "the day when it attacked")."""
    if verb.dep_ != "relcl" or verb.head.pos_ not in ("NOUN", "PROPN"):
        return objs
    if any(c.dep_ == "advmod" and c.lower_ in ("where", "when", "why") for c in verb.children):
        return objs
    subs = [c for c in verb.children if c.dep_ in SUBJ]
    if not subs or subs[0].lower_ in RELATIVE or any(c.dep_ == "auxpass" for c in verb.children):
        return objs
    rest = [o for o in objs if o.lower_ not in RELATIVE]
    if len(rest) < len(objs) or not any(c.dep_ in OBJ for c in verb.children):
        return [verb.head, *rest]
    return objs


def first_with_actor(
    idx: MentionIndex, heads: Iterable[Any], obj: bool = False, exclude: set[int] | None = None
) -> list[Mention]:
    """Actors of the first head that has any; a head with a country beats sector-only ones.

    ``exclude``: start offsets of mentions already used (the source is not its own target).
    """
    fallback: list[Mention] = []
    for h in heads:
        found = [m for m in idx.phrase(h, obj=obj) if not exclude or not idx.used(m, exclude)]
        if obj and len(found) > 1:
            first = found[0]
            found = [first, *(m for m in found[1:] if _together(h.doc, first, m))]
        if found and any(is_placed(m) for m in found):
            return found
        if found and not fallback:
            fallback = found
    return fallback


def _together(doc: Any, a: Mention, b: Mention) -> bool:
    """Two members of one group ("the Baltic states"), or coordinated mentions."""
    return (a.start, a.end) == (b.start, b.end) or _conjoined(doc, a, b)


def _conjoined(doc: Any, a: Mention, b: Mention) -> bool:
    """Are the two mentions coordinated ("Russia and Belarus", "US and British forces") or
    joined by a hyphen ("the Japan-India relationship")?"""
    if _between(doc, a, b) in ("-", "\u2013", "/"):  # "the U.S.-Canada partnership"
        return True
    ha, hb = doc[a.head], doc[b.head]
    return (
        hb in ha.conjuncts
        or any(hb in c.conjuncts for c in ha.children)
        or (any(ha in c.conjuncts for c in hb.children))
    )


def _between(doc: Any, a: Mention, b: Mention) -> str | None:
    """The text between two mentions, from their tokens (``Doc.text`` rebuilds the whole
    document's text on every call)."""
    if not 0 < a.token_end <= b.token_start <= len(doc):
        return None
    gap = doc[a.token_end : b.token_start]
    return doc[a.token_end - 1].whitespace_ + "".join(t.text_with_ws for t in gap)


# sectors of armed bodies: forces moved or acting ("the deployment of US troops")
FORCE_SECTORS = frozenset({"MIL", "COP", "PRM", "REB", "SPY"})
SECTOR_CODES = frozenset(
    {"GOV", "MIL", "REB", "CVL", "OPP", "COP", "REF", "LEG", "ELI", "JUD", "MED", "EDU"}
    | {"LAB", "BUS", "SPY", "PTY", "CRM", "REL", "UAF", "JRN", "AGR", "HLH"}
)


def in_place(doc: Any, m: Mention) -> bool:
    """The mention is where something happens ("in Cairo"), not who takes part."""
    head = doc[m.head]
    return head.dep_ == "pobj" and head.head.lower_ in ("in", "at", "near", "outside")


FORUM_PREPS = frozenset({"in", "within"})
# nouns that list bodies as places to act ("in fora such as the G20")
FORUM_NOUNS = frozenset({"fora", "forum", "forums", "venue", "venues", "format", "formats"})


def in_forum(doc: Any, m: Mention, trigger: Any) -> bool:
    """An international body named as where parties act ("cooperate within NATO", "in fora
    such as the G20"), not as one of the parties ("the vote in the General Assembly" is the
    Assembly's own)."""
    if m.actor.kind != "igo" or m.actor.country:
        return False
    tok = doc[m.head]
    for _ in range(8):
        if tok.dep_ == "pobj" and tok.head.lower_ in FORUM_PREPS:
            return tok.head.head.i == trigger.i or tok.lower_ in FORUM_NOUNS
        climbs = tok.dep_ in ("pobj", "conj", "appos") or (
            tok.dep_ in ("prep", "amod") and tok.lower_ in ("as", "such", "like")
        )
        if not climbs or tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def is_placed(m: Mention) -> bool:
    """Has a country or an international body code (not just a sector like 'GOV')."""
    code = (m.actor.code or "")[:3]
    return bool(m.actor.country or m.actor.kind == "igo" or (code and code not in SECTOR_CODES))


def own_agents(idx: MentionIndex, noun: Any) -> list[Mention]:
    """The agent a nominal event names itself: "Russia's attack", "Houthi attacks", "the
    attack by X", "the strike launched by X", "clashes between A and B"."""
    inside: list[Mention] = []
    for c in noun.children:
        if c.i < noun.i and c.dep_ in NP_MODS:
            inside.extend(idx._mods(c, True))
    if inside:
        return _dedupe(inside)
    heads = [p for c in noun.children if c.lower_ in ("between", "among") for p in c.children]
    return first_with_actor(idx, [h for h in heads + by_agents(noun) if h.dep_ == "pobj"])


def by_agents(noun: Any) -> list[Any]:
    """The 'by' agents of an event noun: "the attack by X", "the strike launched by X", "the
    arrest of the editor by X" (the parser hangs it on the of-object), and a stray 'by' on
    the verb governing the noun."""
    heads = [p for c in noun.children if c.lower_ == "by" for p in c.children]
    for o in (o for c in noun.children if c.lower_ == "of" for o in c.children):
        heads += [g for c in o.children if c.lower_ == "by" for g in c.children]
    return heads + [a for p in participles(noun) for a in agent_of(p)] + stray_by(noun)
