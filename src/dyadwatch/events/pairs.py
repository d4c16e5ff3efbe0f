"""Turning argument actors into directed pairs; places as sources; the document dyad focus."""

from __future__ import annotations

from collections import Counter
from typing import Any

from ..records import Actor, Event, Mention, stable_id
from .args import (
    FORCE_SECTORS,
    Args,
)
from .frames import THANKS
from .index import MentionIndex
from .syntax import of_object

REFERRED = frozenset({"coreference", "pronoun", "outlet"})  # read off a reference
FOCUS_PENALTY = 0.7  # a side guessed from the document's main dyad, not read off the text
CONTEXT_FILL = frozenset({"COOPERATE", "AID", "AGREE", "CONSULT", "SUPPORT"})


def with_id(e: Event) -> Event:
    """Set the stable event id from its content (doc, evidence, trigger, actors, type)."""
    span = e.trigger_span
    eid = stable_id(
        e.doc_id,
        e.evidence.start,
        span.start if span else "",
        span.end if span else "",
        e.source.code if e.source else "",
        e.target.code if e.target else "",
        e.plover.type,
    )
    e.event_id = eid
    return e


def actor_code(m: Mention | None) -> str:
    return (m.actor.code or m.actor.country or "") if m else ""


def directed_pairs(args: Args) -> list[tuple[Mention | None, Mention | None, bool]]:
    if args.participants:
        ps = args.participants
        # members of one named group ("met the leaders of the Nordic countries": one span)
        # meet the other parties, unless they meet only among themselves
        apart = len({m.start for m in ps}) > 1
        out: list[tuple[Mention | None, Mention | None, bool]] = [
            (a, b, True)
            for a in ps
            for b in ps
            if a is not b and actor_code(a) != actor_code(b) and not (apart and a.start == b.start)
        ]
        return out or [(ps[0], None, False)]
    used = {m.start for m in args.sources}
    srcs: list[Mention | None] = list(args.sources) or [None]
    codes = {actor_code(m) for m in args.sources}
    tgts: list[Mention | None] = [
        t
        for t in args.targets
        if t.start not in used and not _same_by_reference(t, codes) and not _possessor(t)
    ] or [None]
    out = []
    for s in srcs:
        for t in _others_first(s, tgts):
            if s is not None and t is not None and _self_by_reference(s, t):
                t = None  # 'their withdrawal from the Bosnian town': no second party
            if s is not None and t is not None and _guessed_host(s, t):
                s = None  # "the ministry summoned the French ambassador": not France
            if (s is not None or t is not None) and (s is None or t is None or s.start != t.start):
                out.append((s, t, False))
    return out


def _others_first(s: Mention | None, tgts: list[Mention | None]) -> list[Mention | None]:
    """A source's own country among its targets yields to another party named with it
    ("reaffirmed its commitment to the U.S.-Canada partnership", "praised the Japan-India
    relationship"): the act is toward the other member."""
    key = (s.actor.country or s.actor.code) if s is not None else None
    if not key:
        return tgts
    other: list[Mention | None] = [
        t for t in tgts if t is not None and (t.actor.country or t.actor.code) not in (None, key)
    ]
    return other or tgts


def acting(sdoc: Any, m: Mention | None) -> Actor | None:
    """A bare country name that acts ("Germany condemned") is its government (GOV); a
    demonym ("Russian strikes"), a place or a people keeps what the actors stage said."""
    if m is None:
        return None
    a = m.actor
    if (
        a.kind != "state"
        or a.sector
        or not a.country
        or not (a.entry or "").startswith("countries:")
    ):
        return a
    named = sdoc[m.head].pos_ == "PROPN" and a.resolved_by in ("alias", "dictionary")
    if not named and a.resolved_by != "coreference":  # "the kingdom", "it" stand for one
        return a
    return a.model_copy(update={"sector": "GOV", "code": f"{a.country}GOV"})


def _self_by_reference(s: Mention, t: Mention) -> bool:
    """A pronoun that makes an actor act on itself (same country and sector) names no
    second party; domestic events ('militants said they would free the governor')
    keep both sides."""
    same = bool(s.actor.country) and actor_code(s) == actor_code(t)
    if same and (_same_by_reference(s, {actor_code(t)}) or _same_by_reference(t, {actor_code(s)})):
        return True
    # the outlet's own "our"/"we" beside an actor of its own country ("US forces reassure our
    # allies"): the allies are the counterpart, not the outlet's government
    return (
        t.actor.resolved_by == "outlet"
        and bool(s.actor.country)
        and s.actor.country == t.actor.country
    )


# roles that serve abroad: a state deals with another state's envoy, not its own
ENVOYS = frozenset({"ambassador", "envoy", "embassy", "diplomat", "diplomats", "charge d'affaires"})


def _guessed_host(s: Mention, t: Mention) -> bool:
    """A source whose country was only guessed from the text (an unnamed "ministry", or a
    pronoun for one) is not the country of the foreign envoy it acts on."""
    envoy = (t.actor.role or "").lower() in ENVOYS
    return envoy and _guessed_as(s, t, ("context", "coreference"))


def _guessed_as(s: Mention, t: Mention, how: tuple[str, ...]) -> bool:
    """The source's country was only guessed (``how``) and is the target's."""
    guessed = s.actor.resolved_by in how and s.actor.kind != "state"
    return guessed and bool(s.actor.country) and s.actor.country == t.actor.country


def guessed_speakers(
    pairs: list[tuple[Mention | None, Mention | None, bool]],
) -> list[tuple[Mention | None, Mention | None, bool]]:
    """'The foreign ministry called on Israel to ...': a speaker whose country was only
    guessed from the story (an unnamed ministry, a pronoun for it) is not the state it
    addresses by name, nor the one it visits or meets. Only for acts of speech and
    meetings; domestic acts keep both sides."""
    out = []
    for s, t, mutual in pairs:
        if s is not None and t is not None and _guessed_speaker(s, t):
            s = None
        if (s, t, mutual) not in out:
            out.append((s, t, mutual))
    return out


def _guessed_speaker(s: Mention, t: Mention) -> bool:
    state = t.actor.kind == "state" and t.actor.sector in (None, "GOV") and not t.actor.role
    named = t.actor.resolved_by in ("alias", "dictionary")
    return state and named and _guessed_as(s, t, ("context",))


def _possessor(m: Mention) -> bool:
    """The outlet's "our" owning a counterpart ("our allies", "our border"; actors/voice.py)
    is not itself the target."""
    return m.actor.resolved_by == "outlet" and m.actor.role == "possessor"


def _same_by_reference(m: Mention, codes: set[str]) -> bool:
    """'its' or 'the country' standing for the source itself is not a second party."""
    return m.actor.resolved_by in REFERRED and actor_code(m) in codes


def fill_from_focus(events: list[Event]) -> list[Event]:
    """Give one-sided cooperative events the document's main dyad partner: marked
    ``resolved_by="document"`` and with lower confidence, since no text names it."""
    pairs: Counter[frozenset[str | None]] = Counter()
    for e in events:  # only a cooperative focus: an enemy is no partner in aid or talks
        if not (e.source and e.target and e.source.country and e.target.country):
            continue
        if e.plover.type in CONTEXT_FILL:  # a meeting is both parties' act: it counts twice
            pair = frozenset((e.source.country, e.target.country))
            pairs[pair] += 2 if e.plover.type == "CONSULT" and not e.symmetric else 1
    if not pairs:
        return events
    focus, n = pairs.most_common(1)[0]
    if n < 2 or len(focus) != 2:
        return events
    out = []
    for e in events:
        if e.plover.type in CONTEXT_FILL and (e.source is None) != (e.target is None):
            known = e.source or e.target
            assert known is not None
            if known.country in focus:
                other = next(c for c in focus if c != known.country)
                inferred = Actor(text="", country=other, code=other, resolved_by="document")
                upd = {"target": inferred} if e.target is None else {"source": inferred}
                conf = round(e.confidence * FOCUS_PENALTY, 3)
                e = with_id(e.model_copy(update={**upd, "confidence": conf}))
        out.append(e)
    return out


BORDERS = frozenset({"border", "frontier", "boundary"})
# where forces are moved from or toward: its owner is the recipient ("massed near Taiwan")
TOWARD = frozenset({"from", "near", "around", "off", "toward", "towards", "along", "to", "into"})


def mobilized_forces(tok: Any, idx: MentionIndex, args: Args) -> None:
    """'Seoul put its troops on alert', 'withdrew its troops': the forces moved are what is
    mobilized or withdrawn, not whom against. The owner of the border they are moved to, or
    of the place they leave, is (PLOVER: the recipient, when that is clear)."""
    if not args.sources and tok.dep_ == "acl" and tok.head.i in idx.by_token:
        args.sources = [idx.by_token[tok.head.i]]  # "US forces deployed to Iraq"
    if not args.sources and _agentless_passive(tok):  # "US forces are deployed to Kenya"
        forces = [t for t in args.targets if t.actor.sector in FORCE_SECTORS and t.actor.country]
        if forces:
            args.sources = forces
            args.targets = [t for t in args.targets if t not in forces]
    own = {m.actor.country for m in args.sources if m.actor.country}
    args.targets = [
        t
        for t in args.targets
        if not (t.actor.sector in FORCE_SECTORS and (not t.actor.country or t.actor.country in own))
    ]
    if args.targets:
        return
    places = [t for t in tok.subtree if t.lemma_.lower() in BORDERS]
    # "the build-up of forces around Ukraine": the place may hang on the forces moved
    holders = [tok, *(o for o in of_object(tok) if o.head.head.i == tok.i)]
    holders += [c for c in tok.children if c.dep_ == "dobj"]  # "deployed soldiers to X"
    places += [c for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ in TOWARD]
    for b in places:
        for t in b.subtree:
            m = idx.by_token.get(t.i)
            if m is not None and t.i != b.i and m.actor.country and m.actor.country not in own:
                args.targets = [m]
                args.located = False
                return


def _agentless_passive(tok: Any) -> bool:
    kids = {c.dep_ for c in tok.children}
    return "nsubjpass" in kids and "agent" not in kids


TOPIC_PREPS = frozenset({"on", "about", "regarding", "concerning", "over"})


def drop_topics(tok: Any, args: Args) -> None:
    """'They exchanged views on Russia's aggression', 'spoke about Iran': what a talk is about
    is no party to it; only a with/to party or an actor object is."""
    heads = [tok, *(c for c in tok.children if c.dep_ in ("dobj", "attr"))]
    topic: set[int] = set()
    for h in heads:
        for c in h.children:
            if c.dep_ == "prep" and c.lower_ in TOPIC_PREPS:
                topic.update(t.i for t in c.subtree)
    if topic:
        args.targets = [t for t in args.targets if t.head not in topic]


VICTIM_PENALTY = 0.85  # a victim read from elsewhere than the attack's own phrase


def carry_victims(idx: MentionIndex, noun: bool, args: Args) -> None:
    """'Russia's invasion of Ukraine ... the crisis caused by Russia's war': an attack named
    by a noun with its attacker but no target is on the one that attacker's last attack in
    the four sentences before (or earlier in this one) was on; confidence drops (VICTIM_PENALTY)."""
    key = args.sources[0].actor.country if len(args.sources) == 1 else None
    if not key:
        return
    if args.targets:
        idx.victims[key] = (idx.sentence, list(args.targets))
        return
    found = idx.victims.get(key)
    if noun and found is not None and 0 <= idx.sentence - found[0] <= 4:
        args.targets = [m for m in found[1] if m.actor.country != key]
        args.penalty *= VICTIM_PENALTY


HELP_TYPES = frozenset({"AID", "SUPPORT", "AGREE", "COOPERATE"})
# the praised are thanked for their help, not helped ("thanked Greece for its support to X")
PRAISING = THANKS | {"welcome", "express", "appreciate", "hail", "recognize", "recognise"}


def aided_victims(found: list[tuple[Event, Any]]) -> list[tuple[Event, Any]]:
    """'support Ukraine in the face of Russia's aggression', 'aid to Ukrainians fleeing
    Russian violence': an attack with its attacker but no target, in a sentence whose
    other events help one other country (that helps no one there itself), is on that country.
    ``found``: the sentence's events with their trigger tokens, returned the same way."""
    helps = [
        e for e, t in found if e.plover.type in HELP_TYPES and t.lemma_.lower() not in PRAISING
    ]
    helpers = {e.source.country for e in helps if e.source is not None}
    helped = {
        e.target.country: e.target
        for e in helps
        if e.target is not None and e.target.country and e.target.country not in helpers
    }
    out = []
    for e, tok in found:
        src = e.source.country if e.source is not None else None
        victims = [a for c, a in helped.items() if c != src]
        if e.plover.type == "ASSAULT" and src and e.target is None and len(victims) == 1:
            conf = round(e.confidence * VICTIM_PENALTY, 3)
            e = with_id(e.model_copy(update={"target": victims[0], "confidence": conf}))
        out.append((e, tok))
    return out


def unplaced(sdoc: Any, m: Mention, others: set[str | None]) -> Mention:
    """A role phrase whose only name is the place it is in ("rebel leaders in Havana",
    "diplomats in Vienna") takes no country from that place when the act is a meeting with
    a party of another country (``others``): the place is a third-country venue. Its sector
    stays; "CEOs in Houston" meeting a US secretary are American; "protesters in Minsk"
    arrested keep Minsk's (no meeting)."""
    toks = sdoc[m.token_start : m.token_end]
    placed = [t for t in toks if t.dep_ == "pobj" and t.head.lower_ in ("in", "at")]
    if not placed or not m.actor.country or m.actor.kind == "person":
        return m
    if not others - {None} or m.actor.country in others:
        return m
    first = min(t.i for t in placed)
    named_before = any(
        t.i < first and (t.pos_ == "PROPN" or t.ent_type_ in ("NORP", "GPE", "ORG")) for t in toks
    )
    if named_before:
        return m  # "Colombian officials in Havana", "the ELN in Havana": named otherwise
    actor = m.actor.model_copy(
        update={"country": None, "code": m.actor.sector, "resolved_by": "title"}
    )
    return m.model_copy(update={"actor": actor})


def _side(a: Actor | None) -> str | None:
    return None if a is None else (a.country or a.code)


def drop_subsumed(found: list[tuple[Event, Any]]) -> list[Event]:
    """One sentence's events with their trigger tokens: an event with an unknown side adds
    nothing next to one of the same type and status, in the same clause, whose known side
    is the same and whose other side is named ("Russian shelling killed three civilians in
    Kherson": the shelling and the killing are one attack)."""
    full = [(e, tok) for e, tok in found if _named_pair(e)]
    out = []
    for e, tok in found:
        src, tgt = _side(e.source), _side(e.target)
        if (src is None) != (tgt is None) and any(
            f.plover.type == e.plover.type
            and f.status == e.status
            and (_side(f.source) == src if src else _side(f.target) == tgt)
            and (_governs(tok, ftok) or _governs(ftok, tok))
            for f, ftok in full
        ):
            continue
        out.append(e)
    return out


def _named_pair(e: Event) -> bool:
    """Both sides named, and not a party to itself ("USA -> USA")."""
    s, t = e.source, e.target
    return bool(s and t and _side(s) and _side(t) and s.code != t.code)


# links that start a clause of its own: an event across one is another event
CLAUSE_LINKS = frozenset({"ccomp", "conj", "advcl", "parataxis", "relcl", "xcomp", "acl"})


def _governs(top: Any, tok: Any) -> bool:
    """Is ``top`` above ``tok`` within its clause (a few links up)?"""
    for _ in range(5):
        if tok.dep_ in CLAUSE_LINKS or tok.head.i == tok.i:
            return False
        tok = tok.head
        if tok.i == top.i:
            return True
    return False
