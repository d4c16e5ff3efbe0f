"""Where an act happens and who holds whom: a place as the unnamed actor's country ("farmers
in Chile"), victims placed where the act strikes, the state that holds detainees, and the
captor that a request for someone's release addresses."""

from __future__ import annotations

from typing import Any

from ..records import Actor, Mention
from .args import (
    FORCE_SECTORS,
    Args,
    first_with_actor,
    is_placed,
    passive_agents,
)
from .frames import DETAINING, REPRESSING, word_set
from .index import MentionIndex
from .syntax import of_object

MISSIONS = frozenset({"embassy", "consulate", "mission"})  # a state's post abroad

LOC_PREPS = ("in", "at", "near", "outside", "throughout", "across", "inside")
EXPELLING = frozenset({"expel", "deport", "evict", "expulsion", "deportation", "eviction"})


def place_as_source(sdoc: Any, args: Args, force: bool = False) -> None:
    """'(Angry protesters) blocked roads in Tehran': with no placed source, a target that is
    only the place where it happened gives the source its country (IRNCVL), not a target.
    An act of force with no source at all keeps the place as its target ("missiles struck
    in Kharkiv": the attacker is unknown, the attacked is not)."""
    if force and not args.sources:
        return
    for t in args.targets:
        head = sdoc[t.head]
        if head.lemma_.lower() in MISSIONS:
            continue  # "rallied outside the Russian embassy": Russia is protested, not protesting
        if not (args.located or (head.dep_ == "pobj" and head.head.lower_ in LOC_PREPS)):
            continue
        if not t.actor.country:
            continue
        sector = args.sources[0].actor.sector if args.sources else None
        base = args.sources[0] if args.sources else t
        actor = Actor(
            text=base.actor.text,
            name=base.actor.name,
            country=t.actor.country,
            sector=sector,
            code=f"{t.actor.country}{sector or ''}",
            resolved_by="location",
        )
        args.sources = [base.model_copy(update={"actor": actor})]
        args.targets = [m for m in args.targets if m is not t]
        args.penalty *= 0.8
        return


def source_from_location(idx: MentionIndex, tok: Any, args: Args, force: bool = False) -> None:
    """'Farmers in Chile closed highways': an unnamed actor takes the place's country.

    Only places hanging off the trigger or its subject; confidence drops (x0.8). For an act
    of force (``force``) a place hanging off the trigger is where it strikes, not who acts
    ("using nuclear weapons in Ukraine"): it becomes the target when there is none.
    """
    subs = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
    heads = [tok, *subs]
    held = _held(tok)
    if tok.pos_ == "NOUN" and held:  # "the detention of X in Moscow", "a crackdown on X in Y"
        heads += of_object(tok) + _on_object(tok)
    if tok.dep_ == "amod" and held:  # "jailed journalists in Egypt": where they are held
        heads.append(tok.head)
    if tok.pos_ == "NOUN" and tok.dep_ == "dobj":  # "held a vigil in Manila": the verb's place
        heads += [tok.head, *(c for c in tok.head.children if c.dep_ == "nsubj")]
    # "diplomats were expelled from Niger": the state they are sent out of sends them
    preps = (*LOC_PREPS, "from") if tok.lemma_.lower() in EXPELLING else LOC_PREPS
    for head in heads:
        for c in head.children:
            if c.dep_ != "prep" or c.lower_ not in preps:
                continue
            for p in c.children:
                m = idx.by_token.get(p.i) if p.dep_ == "pobj" else None
                if m is None:
                    m = next((idx.by_token[t.i] for t in p.subtree if t.i in idx.by_token), None)
                if m is None or not m.actor.country:
                    continue
                if p.lemma_.lower() in MISSIONS:  # the state whose embassy it is: a target
                    args.targets = args.targets or [m]
                    heads.append(p)  # "the Russian embassy in Tbilisi": Tbilisi is the place
                    continue
                if any(t.start == m.start for t in args.targets) and not held:
                    continue  # (people held in a state: that state holds them)
                actor = Actor(
                    text=m.actor.text,
                    country=m.actor.country,
                    code=m.actor.country,
                    resolved_by="location",
                    kind="unknown",
                )
                placed = [_place_only(m.model_copy(update={"actor": actor}), p)]
                origin = c.lower_ == "from"  # "rockets fired from Gaza": launched there
                if force and head == tok and not held and not origin:
                    args.targets = args.targets or placed  # victims: locate_victims
                else:  # "held in Iran", "the arrests in Iran": Iran holds them
                    args.sources = placed
                args.penalty *= 0.8
                return


def _place_only(m: Mention, place: Any) -> Mention:
    """The place inside a longer mention ("journalists in Egypt"): the place alone acts, so
    the people stay the patient; a mention that is the place is kept as it is."""
    if not m.token_start < place.i < m.token_end:
        return m
    left = max(place.left_edge.i, m.token_start)
    words = place.doc[left : place.i + 1]
    actor = m.actor.model_copy(update={"text": words.text})
    return m.model_copy(
        update={"actor": actor, "start": words.start_char, "end": words.end_char}
        | {"token_start": left, "token_end": place.i + 1, "head": place.i}
    )


def locate_victims(idx: MentionIndex, tok: Any, args: Args) -> None:
    """An act of force with victims but no victim country, placed by a phrase on its own
    trigger ("killed five civilians in Kherson"): the victims are the place's."""
    for c in tok.children:
        if c.dep_ != "prep" or c.lower_ not in LOC_PREPS:
            continue
        for p in c.children:
            m = idx.by_token.get(p.i) if p.dep_ == "pobj" else None
            if m is not None and m.actor.country and m.actor.kind != "person":
                args.targets = _located(args.targets, m.actor.country)
                return


# organs of a state whose coercion (bans, arrests, curfews) falls where that state rules
STATE_ORGANS = frozenset({"GOV", "COP", "JUD", "MIL", "SPY", "LEG"})


def coerced_at_home(args: Args) -> None:
    """'the Taliban bars women from school' in a White House text: people named without a
    country of their own take the coercing state's country, over the document's."""
    state = [m for m in args.sources if m.actor.country and m.actor.sector in STATE_ORGANS]
    if state:
        args.targets = _located(args.targets, state[0].actor.country)


def _located(targets: list[Mention], country: str | None) -> list[Mention]:
    """Victims named without a country where the act strikes ("wounded two civilians in
    southern Morocco") are that place's, also over the document's country; victims with a
    country of their own keep it."""
    own = [t for t in targets if is_placed(t) and t.actor.resolved_by != "context"]
    if not targets or own or not country:
        return targets
    out = []
    for t in targets:
        sector = t.actor.sector or ""
        actor = t.actor.model_copy(
            update={"country": country, "code": country + sector, "resolved_by": "location"}
        )
        out.append(t.model_copy(update={"actor": actor}))
    return out


def held_by_place(idx: MentionIndex, noun: Any) -> list[Mention]:
    """The state that detains or represses people where they are ("the arrests of
    journalists in Turkey"), for a judgement of that act; none for other acts."""
    if noun.pos_ != "NOUN" or not _held(noun):
        return []
    args = Args()
    source_from_location(idx, noun, args)
    return args.sources


RELEASE_NOUNS = word_set("release freedom freeing")


def released(objs: list[Any]) -> Any | None:
    """'called for the release of X', 'welcomed the freeing of X': the people freed."""
    for o in objs:
        if o.pos_ == "NOUN" and o.lemma_.lower() in RELEASE_NOUNS and of_object(o):
            return of_object(o)[0]
    return None


def captors(idx: MentionIndex, freed: Any) -> list[Mention]:
    """Who holds the people whose release is asked for or welcomed: the agent of a
    participle on them ("journalists detained by Russia"), else the state where they are
    held ("aid workers held in Yemen"), else no one: the freed are never the addressee."""
    for c in freed.children:
        if c.dep_ != "acl" or c.tag_ != "VBN":
            continue
        found = first_with_actor(idx, passive_agents(c))
        if not found and _held(c):
            args = Args()
            source_from_location(idx, c, args)
            found = args.sources
        if found:
            return found
    if any(c.dep_ == "amod" and _held(c) for c in freed.children):
        # "the release of jailed journalists in Egypt": the place holds them (the parser
        # hangs the place on the people or on the release)
        for holder in (freed, freed.head.head if freed.head.lower_ == "of" else None):
            args = Args()
            if holder is not None:
                source_from_location(idx, holder, args)
            if args.sources:
                return args.sources
    return []


WHILE_MARKS = frozenset({"as", "when", "while", "after"})


def occasion_force(idx: MentionIndex, verb: Any) -> list[Mention]:
    """A passive act of force with no agent, told with what an armed force did at that
    moment ("protesters were beaten as police broke up the rally"): that force did it."""
    heads = [verb, *(c for c in verb.children if c.dep_ == "conj")]
    heads += [verb.head] if verb.dep_ == "conj" else []
    for h in heads:
        for c in h.children:
            if c.dep_ != "advcl" or not any(
                m.dep_ in ("mark", "advmod") and m.lower_ in WHILE_MARKS for m in c.children
            ):
                continue
            subs = [s for s in c.children if s.dep_ == "nsubj"]
            found = first_with_actor(idx, subs)
            if found and found[0].actor.sector in FORCE_SECTORS:
                return found[:1]
    return []


def _held(tok: Any) -> bool:
    """A word for holding or repressing people ("detention", "held", "crackdown", "coup")."""
    low = tok.lemma_.lower()
    return low in DETAINING or tok.lower_ in DETAINING or low in REPRESSING


def _on_object(noun: Any) -> list[Any]:
    return [p for c in noun.children if c.lower_ == "on" for p in c.children if p.dep_ == "pobj"]


# a state's envoys: "its ambassador to Spain" is posted to Spain
ENVOYS = word_set("ambassador envoy diplomat diplomats ambassadors envoys chargé emissary")


def envoy_host(idx: MentionIndex, tok: Any, args: Args) -> None:
    """'Algeria recalled its ambassador to Spain': the act touches the host the envoy is
    posted to, not the sender that owns the envoy."""
    own = {m.actor.country for m in args.sources}
    if not own or any(t.actor.country not in own for t in args.targets):
        return
    for obj in (c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")):
        if obj.lemma_.lower() not in ENVOYS:
            continue
        heads = [p for c in obj.children if c.lower_ == "to" for p in c.children]
        hosts = [m for m in first_with_actor(idx, heads, obj=True) if m.actor.country not in own]
        if hosts:
            args.targets = hosts
            return
