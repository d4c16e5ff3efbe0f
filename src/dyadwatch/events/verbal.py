"""Source and target actors of a verbal trigger, read off the dependency parse.

Subject/agent -> source; object/dative/prepositional object -> target; passive subjects are
targets (by-agents are sources). When the object is itself an event ("condemned the attack
on X"), the target is that event's own agent, not its victim.
"""

from __future__ import annotations

from typing import Any

from ..records import Mention
from .args import (
    STATIVE_PASSIVE,
    SUBJ,
    TARGET_PREPS,
    Args,
    _dedupe,
    agent_of,
    first_with_actor,
    gap_objects,
    in_place,
    is_placed,
    objects_of,
    own_agents,
    passive_agents,
    subject_of,
)
from .frames import (
    AGENT_NOUNS,
    DETAINING,
    TOPIC_VERBS,
    attitude_topic,
    attribution,
    behalf_of,
    performs,
    word_set,
)
from .hits import for_clause
from .index import MentionIndex
from .located import captors, held_by_place, occasion_force, released
from .parties import co_agents, complained_against, counterpart_owner, unnamed_addressee
from .rules import has_mark

# emotion verbs whose passive subject feels the emotion (senses.tsv keeps them passive)
EXPERIENCER = word_set(
    """alarm appall appal outrage trouble disturb dismay anger disgust horrify concern worry
    disappoint sadden shock"""
)
# acts whose bare participle names the people they were done to ("Americans detained
# abroad", "civilians killed in the strikes"; not "Americans involved in a war")
HARMED = DETAINING | word_set(
    """abduct abducted kidnap kidnapped kill killed wound wounded injure injured torture
    tortured execute executed deport deported expel expelled persecute persecuted shoot shot
    target targeted"""
)
# people a participle can describe as its patient ("hostages held by Hamas"); other nouns
# ("fees charged by banks", "a bill introduced by X") are no patients of an event
CAPTIVES = word_set("hostage prisoner detainee captive civilian child journalist worker")


def verb_args(
    idx: MentionIndex,
    verb: Any,
    transfer: bool = False,
    receive: bool = False,
    patient: bool = False,
) -> Args:
    """Actors of a verbal trigger; ``transfer`` verbs treat a passive theme's actor as origin;
    ``receive`` verbs (receive, buy, acquire) turn the roles round: "from X" is the source;
    ``patient``: an act of force, whose participle with a by-agent describes its victims."""
    subs, passive = subject_of(verb)
    described = verb.dep_ == "acl" and verb.tag_ == "VBN" and bool(agent_of(verb))
    if described and not patient and _framed(verb.head) and verb.head.i not in idx.by_token:
        subs, passive = [verb.head], True  # "in a deal brokered by China": not the clause's subject
    described = described and patient and _captive(verb.head)
    noun = _described_noun(idx, verb)
    harmed = verb.lemma_.lower() in HARMED or verb.lower_ in HARMED
    if patient and harmed and noun is not None and _reduced(verb):
        subs, passive = [noun], True  # "journalists jailed last month", "detained activists"
        described = True
    elif described:
        subs, passive = [verb.head], True  # "hostages held by Hamas": the noun is the patient
    elif harmed and verb.dep_ == "acl" and verb.tag_ in ("VBN", "VBD") and not agent_of(verb):
        subs, passive = [], True  # hung on another noun ("a commitment ... detained"): no agent
    if passive and verb.lemma_.lower() in STATIVE_PASSIVE and not agent_of(verb):
        passive = False  # "Chile is opposed to Argentine arbitration": Chile opposes it
    args = Args()
    subj_actors = first_with_actor(idx, subs)
    if passive and verb.lemma_.lower() in EXPERIENCER:
        return _experienced(idx, verb, subj_actors)
    if not subj_actors and subs and subs[0].i in idx.nominal and not passive:
        # "The strikes killed 20 civilians": the strikes' own agent, or the one named before
        subj_actors = own_agents(idx, subs[0]) or idx.earlier_agents(subs[0])
    objs = gap_objects(verb, objects_of(verb))
    givers = first_with_actor(idx, objects_of(verb, ("from",)), obj=True)
    if receive and not passive and givers:
        args.sources, args.targets = givers, subj_actors
        return args
    if passive and transfer and subs and subs[0].i not in idx.by_token and subj_actors:
        # "Russian jets are expected to be delivered (to X)": the theme's actor is the origin
        args.sources = subj_actors[:1]
        args.targets = first_with_actor(idx, objects_of(verb, ("to", "for")), obj=True)
        args.penalty = 0.8
    elif passive:
        args.sources = first_with_actor(idx, passive_agents(verb)) or _means_agents(idx, verb)
        # "a shelter for Sudanese migrants was shelled": the patient's actor
        event = _event_object(idx, verb, subs[:1])
        if event is not None:  # "the attack on X was condemned by Y": Y accuses the attacker
            args.targets = own_agents(idx, event)
        elif described:  # the patient noun's own actors, not the rest of its phrase
            args.targets = _patients(idx, subs[0], verb)
        else:
            args.targets = first_with_actor(idx, subs, obj=True) if subs else []
        if not args.targets and event is None and not described:
            args.targets = first_with_actor(idx, objs, obj=True)
        if not args.sources:  # "pilots are trained to fly Russian jets": trainer from the clause
            used = {m.token_start for m in args.targets}
            xcomps = [c for c in verb.children if c.dep_ == "xcomp"]
            rest = [m for x in xcomps for m in _mentions_in(idx, x) if m.token_start not in used]
            if rest:
                args.sources, args.penalty = rest[:1], 0.7
    else:
        # "Qatar mediated the swap on behalf of the US": named source first, else the principal
        args.sources = subj_actors or first_with_actor(idx, behalf_of(verb))
        if args.sources:  # "Japan, along with Korea, protested"; "Egypt joined Qatar in urging"
            args.sources = _dedupe([*args.sources, *first_with_actor(idx, co_agents(verb, subs))])
        if transfer:  # "lent its engineers to Malawi": the recipient, not the theme
            objs = [*objects_of(verb, ("to", "for")), *objs]
        used = {m.start for m in args.sources}
        if verb.lemma_.lower() in TOPIC_VERBS:  # "discussed North Korea with Japan": Japan
            partners = with_partners(verb)
            args.targets = first_with_actor(idx, partners, obj=True, exclude=used)
            _unknown_target(verb.doc, args)
            return args
        objs = [o for o in objs if not _own(idx, o, args.sources, transfer)]
        clauses = [c for c in verb.children if c.dep_ == "ccomp"]
        event = _event_object(idx, verb, objs or [s for c in clauses for s in subject_of(c)[0]])
        event = event if event is not None else attitude_topic(verb, objs, idx.nominal)
        if event is not None:  # "condemned the attack on X": the attacker, else unknown
            agents = own_agents(idx, event)
            if not agents:  # "condemned the seizure": the seizer named just before
                agents = idx.earlier_agents(event)
                args.penalty *= 0.85 if agents else 1.0
            if not agents:  # "condemned the arrests of journalists in Turkey": the state
                agents = held_by_place(idx, event)
                args.penalty *= 0.8 if agents else 1.0
            args.targets = [m for m in agents if not idx.used(m, used)]
            _unknown_target(verb.doc, args)
            return args
        freed = released(objs)
        if freed is not None:  # "called for the release of X (held by Y)": Y, never X
            args.targets = [m for m in captors(idx, freed) if not idx.used(m, used)]
            return args
        used = used | _own_modifiers(idx, objs, args.sources)  # never a target, below either
        args.targets = first_with_actor(idx, objs, obj=True, exclude=used)
        if not args.targets:  # "demanded that the government end ...": the addressee
            args.targets = first_with_actor(idx, [s for c in clauses for s in subject_of(c)[0]])
        if not args.targets:  # "stressed the need for Israel to protect civilians"
            args.targets = first_with_actor(idx, _for_subjects([*objs, verb]))
        if not args.targets and any(unnamed_addressee(o) for o in objs):
            _unknown_target(verb.doc, args)  # "called on allies to send X to Ukraine": unnamed
            return args
        if not args.targets:
            for c in verb.children:  # "agreed to set up a centre in Tokyo"
                if c.dep_ == "xcomp":
                    args.targets = first_with_actor(
                        idx, objects_of(c, (*TARGET_PREPS, "in")), obj=True, exclude=used
                    )
        if not args.targets and verb.lemma_.lower() in JUDGING_VERBS and objs:
            args.targets = idx.referred_agents(objs[0])  # "condemned the strikes" (just named)
        if not args.targets and verb.lemma_.lower() in LODGING and objs and _bare_protest(objs[0]):
            args.targets = idx.referred_agents(objs[0], lodged=True)
        if not args.targets:  # "threatened ... unless Israel rescinded", "to protest X's policy"
            args.targets = _clause_target(idx, verb, used)
        if not args.targets:
            args.targets = first_with_actor(idx, objects_of(verb, ("in",)), exclude=used)
            args.located = bool(args.targets)
        if not args.targets and args.sources:
            args.targets = _deep_target(idx, verb, used)
            args.penalty *= 0.9 if args.targets else 1.0
    if patient:
        _launched_from(idx, verb, args)
    if verb.lemma_.lower() in LODGING:
        complained_against(idx, verb, objs, args)
    _unknown_target(verb.doc, args)
    return args


# verbs that judge an act (its agent is the target)
JUDGING_VERBS = word_set(
    """condemn denounce criticize criticise slam blast deplore decry protest reject oppose
    welcome praise hail applaud call describe label"""
)


# "lodged a protest" right after the act protested names it by the sentence before
LODGING = word_set("lodge file register")


def _bare_protest(noun: Any) -> bool:
    """'lodged a protest' with no party or topic of its own ('with Iran', 'over X')."""
    own = ("against", "over", "about", "with")
    return noun.lemma_.lower() in ("protest", "complaint") and not any(
        c.dep_ == "prep" and c.lower_ in own for c in noun.children
    )


def _launched_from(idx: MentionIndex, verb: Any, args: Args) -> None:
    """'rockets fired from Gaza': an act of force launched from a place comes from it; the
    place is never its target."""
    holders = [verb, *(c for c in verb.children if c.dep_ == "dobj")]  # "fired missiles from X"
    heads = [p for h in holders for c in h.children if c.lower_ == "from" for p in c.children]
    origin = first_with_actor(idx, [h for h in heads if h.dep_ == "pobj"], obj=True)
    if not origin:
        return
    starts = {m.start for m in origin}
    if any(m.start in starts for m in args.targets):
        args.targets = [m for m in args.targets if m.start not in starts]
        args.sources = args.sources or origin
        used = starts | {m.start for m in args.sources}
        aimed = [p for c in verb.children if c.lower_ in AIMED for p in c.children]
        args.targets = args.targets or first_with_actor(idx, aimed, exclude=used)


AIMED = frozenset({"at", "on", "against", "into", "toward", "towards"})


# the same feelings as adjectives after a copula ("we remain deeply concerned about ...")
FEELINGS = word_set(
    """concerned worried alarmed troubled disturbed outraged appalled dismayed angered
    disgusted horrified disappointed"""
)


def feeling_args(idx: MentionIndex, adj: Any) -> Args:
    """'Japan is concerned about North Korea's launches': as a passive emotion verb, with
    the copula's subject as the one who feels it."""
    return _experienced(idx, adj, first_with_actor(idx, subject_of(adj.head)[0]))


def _experienced(idx: MentionIndex, verb: Any, feelers: list[Mention]) -> Args:
    """'We are alarmed by Iran's drone sales': the one who feels it disapproves of the
    stimulus's agent."""
    args = Args()
    args.sources = feelers
    args.targets = blamed(idx, verb, {m.start for m in feelers})
    _unknown_target(verb.doc, args)
    return args


STIMULUS_PREPS = ("about", "over", "at", "with", "regarding")


def _for_subjects(heads: list[Any]) -> list[Any]:
    """Subjects of 'for X to do Y' clauses on the heads ("the need for Israel to ...")."""
    marked = [c for h in heads for c in h.children if for_clause(c) or _for_acl(c)]
    return [x for c in marked for x in c.children if x.dep_ == "nsubj"]


def _for_acl(c: Any) -> bool:
    return c.dep_ in ("acl", "relcl") and has_mark(c, "for")


def blamed(idx: MentionIndex, feeling: Any, used: set[int]) -> list[Mention]:
    """Whom a feeling word (verb, adjective or noun: "alarmed by", "concerned about",
    "concerns over") blames: the own agent of the act it is about, else an actor named
    there; a place ("the situation in Sudan") is not the one blamed."""
    agents = passive_agents(feeling) if feeling.pos_ != "NOUN" else []  # "alarmed by"
    stimuli = [*agents, *objects_of(feeling, STIMULUS_PREPS)]
    if feeling.dep_ == "acomp" and not stimuli:  # "remains concerned by X": 'by' on the copula
        stimuli = [o for o in objects_of(feeling.head, ("by", *STIMULUS_PREPS)) if o.i > feeling.i]
    event = _event_object(idx, feeling, stimuli)
    if event is not None:
        return own_agents(idx, event)
    found = first_with_actor(idx, stimuli, obj=True, exclude=used)
    if not found:  # "concerned by reports that Iran is providing drones": who does it
        told = [c for s in stimuli if s.lemma_.lower() in REPORT_NOUNS for c in s.children]
        subs = [x for c in told if c.dep_ in ("acl", "ccomp") for x in subject_of(c)[0]]
        found = first_with_actor(idx, subs, exclude=used)
    return [m for m in found if not in_place(feeling.doc, m)]


# nouns whose clause tells an act ("reports that X is arming Y")
REPORT_NOUNS = word_set("report reports news allegation claim indication sign evidence")


def _described_noun(idx: MentionIndex, verb: Any) -> Any:
    """The people a bare participle describes; the parser often hangs it on the phrase's
    head ("the campaign for Britons imprisoned in Egypt"): then the people just before it."""
    if verb.dep_ not in ("acl", "amod"):
        return None
    before = verb.i - 1  # "Canadians wrongfully detained": past the participle's adverbs
    while before > verb.sent.start and verb.doc[before].pos_ == "ADV":
        before -= 1
    for noun in (verb.head, verb.doc[before] if before >= verb.sent.start else None):
        if noun is None or noun.pos_ not in ("NOUN", "PROPN"):
            continue
        if _captive(noun) or noun.i in idx.by_token:  # not "measures imposed on X"
            return noun
    return None


def _reduced(verb: Any) -> bool:
    """A bare participle describing its noun ("journalists jailed last month"), not a clause
    with its own subject ("reports that its troops had shelled") or by-agent (see _captive)."""
    own = ("aux", "auxpass", "mark", *SUBJ)
    return (
        verb.tag_ != "VBG" and not agent_of(verb) and not any(c.dep_ in own for c in verb.children)
    )


def _captive(noun: Any) -> bool:
    """People a participle describes as its patient: "hostages held by X", "Ukrainians
    killed by X" (not "the ROK backed by US capabilities", "fees charged by banks")."""
    low = noun.lemma_.lower()
    return low in CAPTIVES or low in AGENT_NOUNS or noun.ent_type_ == "NORP"


def _patients(idx: MentionIndex, noun: Any, verb: Any) -> list[Mention]:
    """'hostages held by Hamas, including Americans': the noun's own actors, else those it
    lists ("including X", which the parser may hang on a verb above)."""
    holders = [noun, verb]
    cur = noun
    for _ in range(3):
        cur = cur.head
        holders.append(cur)
    incl = [
        p
        for h in holders
        for c in h.children
        if c.lower_ == "including" and c.i > verb.i
        for p in c.children
        if p.dep_ == "pobj"
    ]
    return first_with_actor(idx, [noun]) or first_with_actor(idx, incl, obj=True)


def _means_agents(idx: MentionIndex, verb: Any) -> list[Mention]:
    """'was killed in an air strike by X', 'were wounded in Russian shelling': the agent of
    the event that did it; else the armed force acting in the same breath ("were beaten and
    arrested as police broke up the rally")."""
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ in ("in", "by", "during"):
            for p in c.children:
                if p.dep_ == "pobj" and p.i in idx.nominal:
                    found = own_agents(idx, p)
                    if found:
                        return found
    return occasion_force(idx, verb)


# nouns whose "with <country>" is their own (a bond or a boundary), never the talk's partner:
# "discussed relations with China", "the build-up near the border with Ukraine"; a person
# there is still the partner the parser hung on the noun ("discussed trade with Kishida")
BOND_NOUNS = word_set(
    """border frontier boundary relation relationship tie partnership friendship alliance
    cooperation trade agreement deal treaty normalization normalisation"""
)
PLACE_ENTS = frozenset({"GPE", "NORP", "LOC"})


def with_partners(verb: Any) -> list[Any]:
    """Objects of 'with' on the verb, or on its object (the parser often hangs "with X" on
    the nearest noun: "discussed the war in Ukraine with Chancellor Scholz")."""
    preps = [c for c in verb.children if c.lower_ == "with"]
    for o in (c for c in verb.children if c.dep_ == "dobj"):
        preps += [t for t in o.subtree if t.lower_ == "with" and t.dep_ == "prep"]
    return [p for c in preps for p in c.children if p.dep_ == "pobj" and not _bond_end(c, p)]


def _bond_end(prep: Any, obj: Any) -> bool:
    return prep.head.lemma_.lower() in BOND_NOUNS and obj.ent_type_ in PLACE_ENTS


def _unknown_target(doc: Any, args: Args) -> None:
    """Coordinated sources with no target: each acts on its own, unless the act is mutual
    (the caller turns them into participants for symmetric types)."""
    if len(args.sources) < 2:
        return
    if args.targets and all(in_place(doc, t) for t in args.targets):
        args.located = True  # "A and B held talks in Cairo": Cairo is where
    if not args.targets or args.located:
        args.coordinated = True


def _event_object(idx: MentionIndex, verb: Any, heads: list[Any]) -> Any | None:
    """The first object when it names an event that the verb does not perform ("condemned
    the attack", not "launched the attack")."""
    if not heads or performs(verb):
        return None
    head = heads[0]
    if head.i in idx.by_token:
        return None
    return head if head.i in idx.nominal or idx.earlier_agents(head) else None


DEEP_SKIP = frozenset({"nsubj", "nsubjpass", "csubj", "relcl", "ccomp", "parataxis", "appos"})


DEEP_PLACE_PREPS = frozenset({"in", "at", "near", "outside", "inside", "across", "throughout"})
FRAME_PREPS = frozenset({"in", "under", "through", "as", "via"})


def _framed(noun: Any) -> bool:
    """A noun in a circumstance of the clause ("in a deal ...", "under a plan ...")."""
    return noun.dep_ == "pobj" and noun.head.lower_ in FRAME_PREPS


def _deep_target(idx: MentionIndex, verb: Any, used: set[int]) -> list[Mention]:
    """Last resort: the nearest placed actor inside the predicate's own arguments ("staged a
    sit-in in protest against Bolivian police units"), not in its subject or in
    embedded clauses."""
    best: tuple[int, int, Mention] | None = None
    subj = min((c.i for c in verb.children if c.dep_ in SUBJ), default=verb.i)
    stack = [
        (c, False)
        for c in verb.children
        if c.dep_ not in DEEP_SKIP
        and c.dep_ != "advcl"
        and not attribution(c)
        and not (c.dep_ == "prep" and c.i < subj and c.lower_ in SETTING_PREPS)
    ]
    while stack:
        t, framed = stack.pop()
        m = idx.by_token.get(t.i)
        if m is not None and not idx.used(m, used) and is_placed(m) and t.i == m.head:
            # a place ("outside Parliament") only when nothing else is there
            place = int(t.dep_ == "pobj" and t.head.lower_ in DEEP_PLACE_PREPS)
            if best is None or (place, abs(t.i - verb.i)) < best[:2]:
                best = (place, abs(t.i - verb.i), m)
        # "agreed ... in a deal brokered by China": the agent of a participle in a frame did
        # that, not this ("a strike over a bill signed by the minister" keeps the minister)
        framed = framed or (t.dep_ == "prep" and t.lower_ in FRAME_PREPS)
        stack.extend(
            (c, framed)
            for c in t.children
            if c.dep_ not in DEEP_SKIP
            and not (framed and c.dep_ == "agent")
            and not attribution(c)
            and not _charged(c)
            and not (c.dep_ == "prep" and idx.broken_norm(c))
            and not counterpart_owner(t, c)
        )
    return [best[2]] if best else []


# "executed a man convicted of spying for Israel": what a person is charged with names
# parties of another act, not the target of this one
CHARGING = word_set("convict accuse charge suspect sentence jail arrest detain")


def _charged(tok: Any) -> bool:
    return tok.dep_ == "acl" and tok.lemma_.lower() in CHARGING


def _own(idx: MentionIndex, obj: Any, sources: list[Mention], sent: bool = False) -> bool:
    """'Kenya lent its engineers to Malawi': the source's own people are not the target."""
    m = idx.by_token.get(obj.i)
    if m is None or not sources or (m.actor.country and m.actor.resolved_by != "context"):
        return False
    countries = {s.actor.country for s in sources} - {None}
    if sent and m.actor.resolved_by == "context" and m.actor.country in countries:
        return True  # "the US will send troops to Poland": troops guessed to be the sender's
    for c in obj.children:
        if c.dep_ == "poss" and c.tag_ == "PRP$":
            return any(x.actor.country in countries for x in idx.pronoun(c))
    return False


def _own_modifiers(idx: MentionIndex, objs: list[Any], sources: list[Mention]) -> set[int]:
    """'pledged continued Italian support for Ukraine': a modifier of the object naming the
    source's own country is the act's owner, not its target (the object itself, "Kenyan
    activists", still can be)."""
    countries = {s.actor.country for s in sources} - {None}
    out: set[int] = set()
    for o in objs:
        for c in o.doc[o.left_edge.i : o.i]:  # nested too: "the Japan-Germany dialogue"
            m = idx.by_token.get(c.i)
            if m is None or not _premodifier(c, o):
                continue
            if m.actor.country in countries and m.token_end <= o.i:
                out.add(m.start)
    return out


def _premodifier(tok: Any, noun: Any) -> bool:
    """Is ``tok`` inside the noun's premodifiers (amod/compound/poss/nmod, however nested)?"""
    while tok.i != noun.i:
        if tok.dep_ not in ("amod", "compound", "poss", "nmod") or tok.head.i == tok.i:
            return False
        tok = tok.head
    return True


# fronted phrases that set the scene ("As the Russian military repositions, X pledged ...",
# which the parser may read as a prepositional phrase); not "Following a call with X, ..."
SETTING_PREPS = frozenset({"as", "amid", "despite", "while"})
# clauses that set the scene, not the act's purpose or condition
CIRCUMSTANCE_MARKS = frozenset(
    {"as", "while", "when", "after", "before", "since", "because", "although", "though", "once"}
)


def _clause_target(idx: MentionIndex, verb: Any, used: set[int]) -> list[Mention]:
    """Target from a condition's subject or a purpose clause's object."""
    clauses = [*verb.children, *(g for c in verb.children if c.dep_ == "xcomp" for g in c.children)]
    for c in clauses:
        if c.dep_ not in ("advcl", "xcomp"):
            continue
        marks = {m.lower_ for m in c.children if m.dep_ == "mark"}
        if marks & {"unless", "if"}:
            found = first_with_actor(idx, subject_of(c)[0], exclude=used)
        elif marks & CIRCUMSTANCE_MARKS:
            continue  # "As the Russian military repositions, X pledged weapons": a setting
        else:
            found = first_with_actor(idx, objects_of(c), obj=True, exclude=used)
        if found:
            return found
    return []


def _mentions_in(idx: MentionIndex, tok: Any) -> list[Mention]:
    out = []
    for t in tok.subtree:
        m = idx.by_token.get(t.i)
        if m is not None and t.dep_ not in SUBJ:
            out.append(m)
    return _dedupe(out)
