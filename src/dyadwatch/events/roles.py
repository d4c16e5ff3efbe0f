"""A trigger's parties: who acts and on whom, before they become directed pairs.

The argument finders (verbal, nominal, speech) read the parse; this module picks the finder
for the kind of trigger (demand, event noun, feeling, verdict, finding, verb) and then applies
what the event's type implies: a meeting's place is a venue, "A and B met" is joint, a force's
place is where it strikes, spending needs a recipient.
"""

from __future__ import annotations

from typing import Any

from .args import Args, first_with_actor, in_forum, in_place, is_placed, subject_of
from .frames import SELF_REPORT, content_party, joint_act, relational_object
from .hits import Hit
from .index import MentionIndex
from .located import (
    coerced_at_home,
    envoy_host,
    locate_victims,
    place_as_source,
    source_from_location,
)
from .nominal import between_parties, governor_subject, judged_agents, noun_args
from .pairs import carry_victims, drop_topics, mobilized_forces, unplaced
from .parties import drop_own_stance
from .rules import necessity, obliged, reported_obligation
from .speech import warning_sides
from .status import REPORTING
from .verbal import EXPERIENCER, feeling_args, verb_args

TRANSFER = frozenset(
    [
        "deliver",
        "supply",
        "sell",
        "send",
        "ship",
        "transfer",
        "provide",
        "export",
        "give",
        "hand",
        "lend",
        "arm",
    ]
)
RECEIVE = frozenset({"receive", "obtain", "acquire", "get", "buy", "purchase", "import"})
MUTUAL_TYPES = frozenset({"CONSULT", "COOPERATE", "AGREE"})  # "A and B met": each with the other
RECIPROCAL = frozenset(
    {"clash", "fight", "battle", "skirmish", "exchange", "trade", "negotiate", "sign"}
)

# spending verbs code AID only with a named recipient; not "grant" (asylum, access and
# recognition are granted to someone)
FUNDING = frozenset({"award", "invest", "fund", "finance", "allocate", "spend"})

# acts whose place is where they strike (located.source_from_location)
FORCE_TYPES = frozenset({"ASSAULT", "COERCE", "THREATEN"})
# acts of diplomacy: where they happen is a venue, often a third country ("talks resumed in
# Geneva"), so the place never stands in for an unnamed party
VENUE_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE", "SUPPORT", "REQUEST", "CONCEDE"})
# ... nor for a target: a meeting "in Geneva" is not with Switzerland (a visit's place is its host)
MEETING_TYPES = frozenset({"CONSULT", "AGREE"})
VISITS = ("042", "043")
MEDIATION = ("045", "038", "039")
CEASEFIRE = "0871"


def event_args(hit: Hit, ptype: str, sent: Any, idx: MentionIndex) -> Args | None:
    """The parties of one trigger of PLOVER type ``ptype``; None where the trigger codes no
    event (no party blamed, judged, named as mediator, or given the money)."""
    args = _found(hit, ptype, idx)
    return None if args is None else _implied(hit, ptype, sent, idx, args)


def _found(hit: Hit, ptype: str, idx: MentionIndex) -> Args | None:
    """The finder that fits the kind of trigger."""
    tok = hit.token
    if hit.demand:  # the sayer, or the text's own voice ("Congress must act": unknown)
        # "it is essential that X ...", "said X had to ...": the saying is one step up
        had_to = reported_obligation(tok)
        said = tok.head.head if necessity(tok.head) or had_to else tok.head
        sayer = [] if obliged(tok) else first_with_actor(idx, subject_of(said)[0])
        obliged_one = subject_of(tok.head if had_to else tok)[0]
        args = Args(sources=sayer, targets=first_with_actor(idx, obliged_one))
    elif hit.noun:
        reporting = REPORTING - SELF_REPORT
        # "a mediation mission between A and B": the head noun carries the arguments
        head = tok.head if tok.dep_ == "compound" and tok.head.pos_ == "NOUN" else tok
        args = noun_args(idx, head, frozenset(reporting))
        if hit.cameo.startswith(MEDIATION) and args.participants:
            # "Qatar's mediation between A and B": the owner mediates, else the subject
            owner = [m for m in args.participants if m.head < head.i]
            if owner and len(owner) < len(args.participants):
                args.participants = [m for m in args.participants if m.head > head.i]
            mediator = owner or governor_subject(idx, head)
            if mediator and not {m.start for m in mediator} & {m.start for m in args.participants}:
                args.sources, args.targets = mediator, args.participants
                args.participants = []
    elif hit.feeling:
        args = feeling_args(idx, tok)
        if not args.targets:
            return None  # "concerned about the situation": no party is blamed
    elif hit.speech == "verdict":  # the text's own voice judges (filled in _voiced)
        args = Args(targets=judged_agents(idx, hit.clause))
        if not args.targets:
            return None  # "these sham referenda are a violation": no party judged
    elif hit.speech == "finding":
        judged = subject_of(hit.clause)[0]
        args = Args(
            sources=first_with_actor(idx, subject_of(tok)[0]),
            targets=first_with_actor(idx, judged, obj=True)
            or idx.referred_agents(judged[0] if judged else None),  # "the move was ..."
        )
    else:
        lem = tok.lemma_.lower()
        force = ptype in FORCE_TYPES  # "hostages held by X": a participle's patient
        # "received aid": the subject is the recipient; "received X" as a visit: the host
        # is the actor, as in "hosted X" (PLOVER GSR: mode "host")
        receives = lem in RECEIVE and ptype != "CONSULT"
        args = verb_args(idx, tok, lem in TRANSFER, receives, patient=force)
        if hit.speech == "warning":
            warning_sides(idx, tok, args)
        if lem in EXPERIENCER and not args.targets:
            return None  # "is concerned by the projections": as with the adjective, no one blamed
    return args


def _implied(hit: Hit, ptype: str, sent: Any, idx: MentionIndex, args: Args) -> Args | None:
    """What the event's type says about its parties (venues, joint acts, places of force)."""
    tok = hit.token
    venue = ptype in MEETING_TYPES and not hit.cameo.startswith(VISITS)
    if venue and args.targets and all(in_place(sent.doc, t) for t in args.targets):
        args.targets, args.located = [], False
    if ptype in VENUE_TYPES and args.targets and args.sources:
        args.targets = [t for t in args.targets if not in_forum(sent.doc, t, tok)]
    if venue and ptype == "CONSULT":  # "met rebel leaders in Havana": a venue, not theirs
        srcs = {m.actor.country for m in args.sources}
        tgts = {m.actor.country for m in args.targets}
        args.sources = [unplaced(sent.doc, m, tgts) for m in args.sources]
        args.targets = [unplaced(sent.doc, m, srcs) for m in args.targets]
    if hit.brokered and not args.sources:
        return None  # a mediator not named is no mediation event
    if not hit.noun and ptype in MUTUAL_TYPES and not args.sources:
        between_parties(sent.doc, args)  # "a deal between A and B was reached"
    joint = len(args.sources) > 1 and ptype in MUTUAL_TYPES and not (hit.noun or args.located)
    if joint and all(content_party(sent.doc[m.head]) for m in args.targets):
        # "A and B agreed to cooperate against X", "... under an EU-brokered deal": a
        # party named inside what they agree is no partner of the joint act
        args.targets, args.coordinated = [], True
    if args.coordinated and (not args.targets or args.located):
        mutual = ptype in MUTUAL_TYPES or tok.lemma_.lower() in RECIPROCAL
        mutual = mutual or hit.cameo == CEASEFIRE  # "A and B agreed to a truce"
        if mutual or relational_object(tok):
            args.participants, args.sources = args.sources, []  # "A and B met"
            args.targets, args.located = [], False
    elif joint_act(tok, ptype, args, sent.doc):
        args.participants = [*args.sources, *args.targets]  # "A agreed with B": each acts
        args.sources, args.targets = [], []
    if ptype == "CONSULT" and not hit.noun:
        drop_topics(tok, args)
    if ptype in ("MOBILIZE", "RETREAT") and not args.participants:
        mobilized_forces(tok, idx, args)
    force = ptype in FORCE_TYPES  # its place is where it strikes
    # a truce "in Gaza": no party; a verdict's judge is the voice, never a place
    placeless = ptype in VENUE_TYPES or hit.cameo == CEASEFIRE or hit.speech == "verdict"
    if not (placeless or args.participants or any(is_placed(m) for m in args.sources)):
        place_as_source(sent.doc, args, force=force)
    if not (placeless or args.sources or args.participants):
        source_from_location(idx, tok, args, force=force)
    if ptype == "ASSAULT":
        carry_victims(idx, hit.noun, args)  # "Russia's war": on whom it was named before
    if force and args.targets:
        locate_victims(idx, tok, args)
    if ptype == "COERCE" and args.targets:
        coerced_at_home(args)
    if not hit.noun:
        envoy_host(idx, tok, args)
    funding = ptype == "AID" and not hit.noun and tok.lemma_.lower() in FUNDING
    if funding and not args.targets and not args.participants:
        return None  # "USDA has awarded $121 million in projects": a programme, no aid to anyone
    drop_own_stance(sent.doc, args)
    return args
