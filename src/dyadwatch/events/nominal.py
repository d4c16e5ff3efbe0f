"""Arguments of nominal triggers ("the attack by Houthi forces on a ship").

A nominal event's agent is its own: a possessive or compound/adjective modifier ("Iran's
supply", "Russian strikes"), a "by" phrase, or the by-agent of a participle describing it
("the strike launched by X"). The subject of the verb that governs the noun is the agent
only when that verb is a support verb that performs the noun's act ("Russia launched an
attack", "Iran and Russia are ramping up cooperation"); "Germany condemns the strike"
makes Germany the accuser, not the attacker, and the strike's attacker stays unknown.
"""

from __future__ import annotations

from typing import Any

from ..records import Mention
from .args import (
    FORCE_SECTORS,
    NP_MODS,
    OBJ,
    Args,
    _dedupe,
    agent_of,
    by_agents,
    first_with_actor,
    objects_of,
    own_agents,
    subject_of,
)
from .frames import (
    ATTITUDE_NOUNS,
    TOPIC_VERBS,
    actorish,
    amount_of,
    participles,
    performs,
    word_set,
)
from .index import MentionIndex
from .syntax import of_object
from .verbal import _clause_target, _deep_target, blamed

NOUN_TARGET_PREPS = ("to", "with", "against", "toward", "towards", "for", "on", "of", "at")
NOT_WITH = tuple(p for p in NOUN_TARGET_PREPS if p != "with")
PARTICIPLE_PREPS = ("against", "on", "at", "into", "toward", "towards", "to", "with", "in")
ANNOUNCING = frozenset({"announce", "unveil"})
# "returned to Geneva for talks", "converged for a rally": the subject takes part
GATHER = word_set(
    "come go return arrive travel fly head gather meet convene assemble converge march sit"
)
# talks one has, or is in: "we're having direct discussions with X", "are in close
# consultation with our allies" (no other noun makes "have"/"be" a support verb)
TALK_NOUNS = word_set("talk discussion consultation conversation dialogue negotiation meeting")
# governing prepositions through which a support verb reaches its noun ("engaged in talks")
GOV_TARGET_PREPS = ("against", "on", "at", "into", "to", "in")
GOV_PREPS = frozenset({"into", "in", "on", "with", "during", "for", "to"})
# nouns that name the giving or doing of what their of-phrase names ("provision of aid")
LIGHT_NOUNS = word_set(
    """provision delivery supply shipment transfer sale use deployment imposition extension
    continuation expansion resumption launch conduct offer pledge announcement package round
    set wave series raft tranche batch"""
)


# nouns of giving whose "to" phrase the parser may hang on the verb that governs them
# ("condemned Egypt's sale of drones to Sudan")
GIVING_NOUNS = word_set("provision delivery supply shipment transfer sale export")


def _stranded_recipient(idx: MentionIndex, noun: Any) -> list[Mention]:
    if noun.lemma_.lower() not in GIVING_NOUNS or noun.dep_ != "dobj":
        return []
    gov = noun.head
    preps = [c for c in gov.children if c.dep_ == "prep" and c.lower_ == "to" and c.i > noun.i]
    objs = [p for c in preps for p in c.children if p.dep_ == "pobj"]
    return first_with_actor(idx, objs, obj=True)


# acts of voice whose "from" phrase names who voiced them
VOICED = word_set(
    """criticism condemnation rebuke censure protest complaint objection warning praise backing
    endorsement appeal demand call request plea"""
)


# verbs whose object is a reaction the subject met with
DRAWING = word_set("draw receive win face get attract earn meet spark provoke prompt trigger")


def noun_args(idx: MentionIndex, noun: Any, reporting: frozenset[str]) -> Args:
    """Actors of a nominal trigger, from its own modifiers and phrases first."""
    args = Args()
    inside: list[Mention] = []
    for c in noun.children:
        if c.i < noun.i and c.dep_ in NP_MODS:
            inside.extend(idx._mods(c, True))
    inside = _dedupe(inside)
    between: list[Mention] = []
    for c in [*noun.children, *(g for o in of_object(noun) for g in o.children)]:
        if c.dep_ == "prep" and c.lower_ in ("between", "among") and not between:
            # "a cessation of hostilities between A and B": the of-object's parties too
            between = first_with_actor(idx, [p for p in c.children if p.dep_ == "pobj"])
    parts = participles(noun)
    blamed_on = [p for p in parts if p.lemma_.lower() in ATTRIBUTING]
    parts = [p for p in parts if p not in blamed_on]
    topic = noun.dep_ == "dobj" and noun.head.lemma_.lower() in TOPIC_VERBS
    # "discussed China's aggression with Kishida": the parser hangs the talk's partner here
    preps: tuple[str, ...] = NOT_WITH if topic else NOUN_TARGET_PREPS
    targets = first_with_actor(idx, objects_of(noun, preps), obj=True)
    # disapproval named as a noun (nouns.tsv 'concern ^agent'): whom it blames, as for verbs
    if noun.lemma_.lower() in ATTITUDE_NOUNS:  # "their shared concerns about Russia's build-up"
        targets = blamed(idx, noun, set())
    if not targets:  # "the strike launched against Kharkiv", "attacks targeting shipping"
        heads = [o for p in parts for o in _participle_objects(p)]
        targets = first_with_actor(idx, heads, obj=True)
    if not targets:
        targets = _stranded_recipient(idx, noun)
    agents = first_with_actor(idx, by_agents(noun))
    if not agents and blamed_on:  # "a cyberattack blamed on Iran": Iran's act, alleged
        agents = first_with_actor(idx, objects_of(blamed_on[0], ("on", "to")))
    if not agents and noun.lemma_.lower() in VOICED:  # "drew criticism from Washington"
        holders = [noun]
        if noun.dep_ == "dobj" and noun.head.lemma_.lower() in DRAWING:
            holders.append(noun.head)  # the parser hangs "from X" on "drew"
        heads = [p for h in holders for c in h.children if c.lower_ == "from" for p in c.children]
        agents = first_with_actor(idx, heads)
        subj = [c for c in noun.head.children if c.dep_ == "nsubj"] if len(holders) > 1 else []
        if agents and subj and not targets:  # "Israel's strikes drew condemnation": of Israel
            targets = own_agents(idx, subj[0]) or first_with_actor(idx, subj)
    if between:
        args.participants = _dedupe(inside + between)
    elif len(inside) >= 2 and not targets and not agents:
        args.sources, args.coordinated = inside, True  # "Iran-Russia cooperation"
    else:
        args.sources = agents or (inside if _coordinated(noun, inside) else inside[:1])
        lem = noun.lemma_.lower()
        if not args.sources and (lem in MOVES or lem in FORCE_ACTS or lem in GATHERINGS):
            args.sources, targets = _moved_forces(idx, noun, targets, armed=lem in FORCE_ACTS)
        if lem in GATHERINGS and len(args.sources) >= 2:  # "the meeting of A and B"
            args.participants, args.sources = args.sources, []
        used = {m.start for m in args.sources}
        args.targets = [m for m in targets if not idx.used(m, used)]
    light = _light_noun(noun)
    if light is not None and not (args.sources or args.participants):
        args.sources = own_agents(idx, light)  # "Romania's provision of assistance (to X)"
        if not args.targets:
            objs = objects_of(light, ("to", "for", "against", "on", "into"))
            args.targets = first_with_actor(idx, objs, obj=True)
    if not (args.sources or args.participants):  # "accused Iran of arms transfers to X"
        args.sources = _accused(idx, noun) or _responsible(idx, noun)
    if not (args.sources or args.participants):
        _from_governor(idx, noun, reporting, args)
    if not (args.sources or args.participants) and light is not None:
        _from_governor(idx, light, reporting, args)  # "adopted a package of sanctions"
    if not (args.sources or args.participants):  # "the seizure": the seizer named before
        args.sources = idx.earlier_agents(noun)
        args.penalty *= 0.85 if args.sources else 1.0
    own_of = noun.lemma_.lower() in GATHERINGS  # "the visit of X of Colombia": X's own country
    if args.sources and not args.targets and not args.coordinated and not own_of:
        used = {m.start for m in args.sources}
        args.targets = _defender(idx, noun, used) or _deep_target(idx, noun, used)
        args.penalty *= 0.9 if args.targets else 1.0
    if topic:
        partner = {t.i for c in noun.children if c.lower_ == "with" for t in c.subtree}
        args.targets = [m for m in args.targets if m.head not in partner]
    return args


# nouns of moving forces: whose forces are moved is who moves them ("the deployment of
# Chinese warships", "the withdrawal of US troops")
MOVES = word_set(
    """deployment redeployment withdrawal pullout buildup mobilization mobilisation movement
    massing concentration up"""
)  # "up": the parser's head of "build-up"
NOT_OF = tuple(p for p in NOUN_TARGET_PREPS if p != "of")
# meetings whose of-object is who meets: "the visit of President X (to Y)", "the meeting of
# A and B" (the of-object is no target, as it is in "the shelling of Kharkiv")
GATHERINGS = word_set("meeting visit trip talks summit conversation call consultation")


# acts of armed forces whose of-object is their agent when it is an armed body ("the
# counterterrorism operations of the armed forces of the Philippines")
FORCE_ACTS = word_set("operation offensive campaign")


def _moved_forces(
    idx: MentionIndex, noun: Any, targets: list[Mention], armed: bool = False
) -> tuple[list[Mention], list[Mention]]:
    """Sources and targets when the of-object names the forces moved (``armed``: the forces
    acting, only when the of-object is an armed body)."""
    of_heads = [c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"]
    moved = first_with_actor(idx, [o for c in of_heads for o in c.children])
    if armed:
        moved = [m for m in moved if m.actor.sector in FORCE_SECTORS]
    if not moved:
        return [], targets
    return moved, first_with_actor(idx, objects_of(noun, NOT_OF), obj=True)


# "Ukraine defends itself against Russian aggression": the defender is the attacked
DEFEND = word_set("defend protect shield guard resist repel fend")


def _defender(idx: MentionIndex, noun: Any, used: set[int]) -> list[Mention]:
    """The subject of a defending verb whose against/from phrase the noun is."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in ("against", "from") or prep.dep_ != "prep":
        return []
    verb = prep.head
    if verb.lemma_.lower() not in DEFEND:
        return []
    found = first_with_actor(idx, subject_of(verb)[0], obj=True)
    return [m for m in found if not idx.used(m, used)]


# participles that name an act's (alleged) author: "the attack blamed on X", "attributed to X"
ATTRIBUTING = frozenset({"blame", "attribute", "pin", "ascribe", "link", "tie", "trace"})


def _participle_objects(verb: Any) -> list[Any]:
    direct = [c for c in verb.children if c.dep_ == "dobj"] if verb.tag_ == "VBG" else []
    return direct + objects_of(verb, PARTICIPLE_PREPS)


def governor(noun: Any) -> Any | None:
    """The verb whose object (or prepositional object) the noun is, if any."""
    amount = amount_of(noun)
    if amount is not None:  # "pledged 50 billion euros in aid": as if "pledged aid"
        noun = amount
    gov = noun.head
    if noun.dep_ == "pobj" and gov.lower_ == "during":  # the time of the clause's own act
        gov = next((a for a in gov.ancestors if a.pos_ in ("VERB", "AUX")), gov.head)
    elif noun.dep_ == "pobj" and gov.lower_ in GOV_PREPS:
        gov = gov.head
    elif noun.dep_ not in ("dobj", "nsubjpass", "attr", "oprd", "conj"):
        return None
    if noun.dep_ == "conj":  # "launched strikes and raids": the first conjunct's governor
        first = noun.head
        while first.dep_ == "conj":
            first = first.head
        return governor(first) if first is not noun else None
    return gov if gov.pos_ in ("VERB", "AUX") else None


def _from_governor(idx: MentionIndex, noun: Any, reporting: frozenset[str], args: Args) -> None:
    """'Russia and Iran are ramping up military cooperation': the support verb's actors."""
    gov = governor(noun)
    if gov is None:
        return
    low = gov.lemma_.lower()
    # "announced $225 million in aid": the announcer gives it (not "said the attack ...")
    if low in reporting and not (low in ANNOUNCING and noun.dep_ in ("dobj", "pobj")):
        return
    purpose = noun.dep_ == "pobj" and noun.head.lower_ == "for" and gov.lemma_.lower() in GATHER
    sibs = [c for c in gov.children if c.dep_ in OBJ and c.i != noun.i]
    sib_actors = first_with_actor(idx, sibs)
    talks = gov.lemma_.lower() in ("have", "be") and noun.lemma_.lower() in TALK_NOUNS
    # "pledged support during a visit to Kyiv", "said on a trip to Japan": the subject visits
    visiting = noun.dep_ == "pobj" and noun.head.lower_ in ("during", "on")
    visiting = visiting and noun.lemma_.lower() in GATHERINGS
    if not (performs(gov) or purpose or talks or visiting):  # not "condemned the strike"
        if len(sib_actors) >= 2:  # "transforming their relationship into a partnership"
            args.participants, args.penalty = sib_actors, 0.85
        return
    subs, passive = subject_of(gov)
    subj = first_with_actor(idx, subs)
    if not subj and subs and subs[0].i in idx.nominal:  # "a deal between A and B that
        subj = own_agents(idx, subs[0])  # provided a pause": the deal's parties
    if passive:
        subj = first_with_actor(idx, agent_of(gov)) or []
    if len(subj) >= 2 and not args.targets:
        args.sources, args.coordinated = subj, True
    elif subj:
        args.sources = subj
        if not args.targets:
            used = {m.start for m in subj}
            args.targets = (
                sib_actors
                or _clause_target(idx, gov, used)
                or first_with_actor(idx, objects_of(noun, ("in",)), exclude=used)
                or first_with_actor(idx, objects_of(gov, GOV_TARGET_PREPS), exclude=used)
            )
    elif len(sib_actors) >= 2:  # "transforming their relationship into a partnership"
        args.participants = sib_actors
    args.penalty = 0.85


def _coordinated(noun: Any, inside: list[Mention]) -> bool:
    """'US and British strikes on X', 'US-UK strikes', 'A and B submitted their
    applications': every named actor acts."""
    return len(inside) >= 2 and any(
        c.dep_ in NP_MODS
        and (any(g.dep_ == "conj" for g in c.children) or "-" in c.text or c.lower_ == "their")
        for c in noun.children
        if c.i < noun.i
    )


def _light_noun(noun: Any) -> Any | None:
    """'Romania's provision of humanitarian assistance', 'the delivery of aid by Japan': a
    light noun whose of-phrase is the event lends it its own agent and target."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "of" or prep.head.pos_ != "NOUN":
        return None
    return prep.head if prep.head.lemma_.lower() in LIGHT_NOUNS else None


def _accused(idx: MentionIndex, noun: Any) -> list[Mention]:
    """'blamed Iran for the attack', 'accused Russia of war crimes': the object did it."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in ("of", "for") or prep.dep_ != "prep":
        return []
    gov = prep.head
    liable = gov.lower_ in LIABLE and gov.dep_ in ("oprd", "acomp", "xcomp", "ccomp")
    if liable:
        gov = gov.head  # "held Seoul responsible for the sinking"
    if liable and gov.lemma_ == "be":  # "said Moscow was responsible for the attack"
        return first_with_actor(idx, [c for c in gov.children if c.dep_ == "nsubj"])
    if gov.pos_ not in ("VERB", "AUX") or (performs(gov) and not liable):
        return []
    objs = [
        c
        for c in gov.children
        if c.dep_ == "dobj" and (actorish(c) or any(t.i in idx.by_token for t in c.subtree))
    ]
    return first_with_actor(idx, objs)


def _responsible(idx: MentionIndex, noun: Any) -> list[Mention]:
    """'The Houthis claimed (denied) responsibility for the attack', 'Iran denied any
    involvement in the attack': the subject's act (its status comes from the verb)."""
    prep = noun.head
    if noun.dep_ != "pobj" or (prep.lower_, prep.head.lemma_.lower()) not in OWNING_PHRASES:
        return []
    owning = prep.head
    gov = owning.head if owning.dep_ == "dobj" else None
    if gov is None or gov.lemma_.lower() not in OWNING_VERBS:
        return []
    return first_with_actor(idx, subject_of(gov)[0])


OWNING_VERBS = frozenset(
    {"claim", "take", "accept", "admit", "deny", "assume", "disclaim", "acknowledge", "confirm"}
)
OWNING_PHRASES = frozenset(
    {("for", "responsibility"), ("for", "credit"), ("in", "involvement"), ("in", "role")}
    | {("in", "part"), ("in", "complicity"), ("in", "hand"), ("for", "blame")}
)
# "held X responsible for": the object answers for the act
LIABLE = frozenset({"responsible", "accountable", "liable", "guilty", "culpable"})


def between_parties(doc: Any, args: Args) -> None:
    """'A deal between Israel and Hamas was reached': with no agent named, parties that
    stand in a between/among phrase of the verb's object act together (one event each way)."""
    if len(args.targets) < 2:
        return
    for m in args.targets:
        tok = doc[m.head]
        while tok.dep_ == "conj":
            tok = tok.head
        prep = tok.head
        if not (tok.dep_ == "pobj" and prep.lower_ in ("between", "among")):
            return
        if prep.head.pos_ not in ("NOUN", "PROPN"):
            return  # "goods traveling between A and B": the verb's own route, no parties
    args.participants, args.targets = args.targets, []


def governor_subject(idx: MentionIndex, noun: Any) -> list[Mention]:
    """'Osei led a peace mission between A and B': Osei mediates."""
    gov = noun.head.head if noun.dep_ == "pobj" else noun.head
    if gov.pos_ not in ("VERB", "AUX"):
        return []
    return first_with_actor(idx, subject_of(gov)[0])


def judged_agents(idx: MentionIndex, clause: Any) -> list[Mention]:
    """Whom a verdict judges ("Minsk's treatment of X is unconscionable"): the judged phrase's
    own actor or its act's own agent, never its victim ("the attack on X"); for an extraposed
    'it' ("It is outrageous that X jails ..."), the clause's subject."""
    judged = subject_of(clause)[0] if clause.pos_ in ("VERB", "AUX") else [clause]
    if not judged:
        return []
    found = [idx.by_token[j.i] for j in judged[:1] if j.i in idx.by_token]
    return found or own_agents(idx, judged[0]) or idx.referred_agents(judged[0])
