"""Who acts with whom, beyond the parse's subject and object: partners named beside the
subject ("along with X", "joined X in urging"), relational nouns whose owner is not the party
("Ukraine's allies") and addressees that name no one ("urged all sides")."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .args import Args, first_with_actor
from .frames import actorish, word_set

if TYPE_CHECKING:
    from .index import MentionIndex
from .syntax import temporal_adjunct

# nouns for the other party of a relation: an owner's allies are not the owner
COUNTERPARTS = word_set(
    "ally partner neighbour neighbor adversary enemy rival foe friend backer sponsor creditor"
    " donor critic opponent"
)


def counterpart(tok: Any) -> bool:
    """A relational noun, capitalised or not ("our NATO Allies": the parser keeps a proper
    plural's form as its lemma)."""
    w = tok.lemma_.lower()
    return (
        w in COUNTERPARTS
        or (w.endswith("ies") and w[:-3] + "y" in COUNTERPARTS)
        or (w.endswith("s") and w[:-1] in COUNTERPARTS)
    )


def co_agents(verb: Any, subs: list[Any]) -> list[Any]:
    """Heads of those who act with the subject: 'along with X', 'together with X' (on the
    subject or before the verb), 'alongside X' before the verb, and the partner joined in the
    act ('Egypt joined Qatar in urging ...')."""
    heads: list[Any] = []
    for h in [verb, *subs]:
        for c in h.children:
            before = h is not verb or c.i < verb.i
            if c.lower_ in ("along", "together") and before:
                heads += [p for w in c.children if w.lower_ == "with" for p in w.children]
            elif _with_along(c) or (c.lower_ == "alongside" and before):
                heads += list(c.children)
    join = verb.head.head if verb.dep_ == "pcomp" and verb.head.lower_ == "in" else None
    if join is not None and join.lemma_.lower() == "join":
        heads += [c for c in join.children if c.dep_ == "dobj"]
    return [h for h in heads if h.dep_ in ("pobj", "dobj")]


def _with_along(c: Any) -> bool:
    """'with' that 'along' or 'together' modifies ("together with Peru")."""
    return c.lower_ == "with" and any(a.lower_ in ("along", "together") for a in c.children)


def unnamed_addressee(obj: Any) -> bool:
    """'urged all sides', 'called on allies'; not 'assisting neighbours like Moldova' nor
    'urged all parties in Libya' (the phrase names whose they are)."""
    named = any(c.dep_ in ("prep", "poss") for c in obj.children)
    return (obj.lemma_.lower() in UNNAMED_PARTIES or counterpart(obj)) and not named


def _owner_of(c: Any) -> bool:
    """'Ukraine's allies', 'the allies of Ukraine' (not 'neighbours like Moldova')."""
    return c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ == "of")


# addressees that name no one: "urged both sides", "called on allies", "urged all parties"
UNNAMED_PARTIES = COUNTERPARTS | word_set(
    "side party country nation state member government leader community"
)


def counterpart_owner(noun: Any, c: Any) -> bool:
    """Is ``c`` the owner of a relational noun ('Ukraine's allies'), which names others?"""
    return counterpart(noun) and _owner_of(c)


# PLOVER types that require a recipient (manual, "Requires recipient: Yes")
RECIPIENT_TYPES = frozenset({"COOPERATE", "AID", "SANCTION"})
# objects that are parties even when we know no actor by their name ("designated the group")
PARTY_NOUNS = word_set(
    "group organisation organization company firm entity entities individual individuals"
    " network bank people person"
)
RECIPIENT_PREPS = ("to", "on", "against", "with", "into", "for", "toward", "towards")


def names_recipient(tok: Any) -> bool:
    """Does the text give the act someone it is directed at, known to us or not ('sanctioned
    the group', 'aid to the region')? 'Announced new sanctions' and 'provided $5 million' do
    not; neither does a noun's light verb ('imposed sanctions' with no 'on')."""
    heads = [tok, tok.head] if tok.pos_ == "NOUN" and tok.dep_ == "dobj" else [tok]
    if tok.pos_ != "NOUN":  # "imposed sanctions on X": the object's own phrase
        heads += [c for c in tok.children if c.dep_ == "dobj"]
    for h in heads:
        for c in h.children:
            if c.dep_ in ("dative", "iobj") or (c.dep_ == "nsubjpass" and h.pos_ != "NOUN"):
                return True
            if (
                c.dep_ == "dobj"
                and c is not tok
                and (actorish(c) or c.lemma_.lower() in PARTY_NOUNS)
            ):
                return True
            pobj = any(p.dep_ == "pobj" for p in c.children)
            if (
                c.dep_ == "prep"
                and c.lower_ in RECIPIENT_PREPS
                and pobj
                and not temporal_adjunct(c)
            ):
                return True
    return False


# nouns of a stance whose owner holds it: "the U.S. commitment to X" is the US's, not toward it
STANCES = word_set("commitment support backing pledge solidarity dedication resolve determination")


def drop_own_stance(doc: Any, args: Any) -> None:
    """'Sullivan reaffirmed the U.S. commitment to the region': the stance's owner is the
    source's own country, never the target."""
    countries = {m.actor.country for m in args.sources if m.actor.country}
    keep = []
    for t in args.targets:
        head = doc[t.head]
        owner = head.dep_ in ("poss", "compound", "amod", "nmod")
        stance = owner and head.head.lemma_.lower() in STANCES
        if not (stance and t.actor.country in countries):
            keep.append(t)
    args.targets = keep


def complained_against(idx: MentionIndex, verb: Any, objs: list[Any], args: Args) -> None:
    """'filed a complaint with the Security Council against Israel': the party complained
    against is the target, the body complained to only hears it."""
    preps = [c for h in (verb, *objs) for c in h.children if c.lower_ == "against"]
    against = first_with_actor(idx, [p for c in preps for p in c.children], obj=True)
    if against:
        args.targets = against
