"""Source and target actors of a trigger, read off the dependency parse.

Subject/agent -> source; object/dative/prepositional object -> target; passive subjects are
targets (by-agents are sources); nominal triggers take actors from their own modifiers
("Iran-Russia cooperation"), from "between/with/to" phrases, and otherwise from the
arguments of the verb that governs them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ..records import Mention

SUBJ = ("nsubj", "nsubjpass", "csubj")
OBJ = ("dobj", "dative", "iobj", "attr", "oprd")
NP_MODS = ("compound", "amod", "poss", "nmod", "npadvmod", "appos", "nummod")
TARGET_PREPS = ("to", "with", "against", "toward", "towards", "on", "into", "for", "at", "from")
NOUN_TARGET_PREPS = ("to", "with", "against", "toward", "towards", "for", "on", "of")
RELATIVE = frozenset({"which", "that", "who", "whom", "whose"})
PLURAL_PRON = frozenset({"they", "their", "them", "theirs", "both"})
SINGULAR_PRON = frozenset({"it", "its"})
AGENT_NOUNS = frozenset(
    [
        "official",
        "leader",
        "government",
        "force",
        "troop",
        "soldier",
        "member",
        "president",
        "minister",
        "representative",
        "delegation",
        "army",
        "police",
        "authority",
        "people",
        "citizen",
        "spokesman",
        "spokeswoman",
        "envoy",
        "head",
        "chief",
        "ambassador",
        "diplomat",
        "militant",
        "rebel",
        "fighter",
        "group",
        "unit",
    ]
)
EVENTIVE = frozenset(
    {"war", "attack", "claim", "report", "deal", "talk", "plan", "allegation", "assessment"}
    | {"invasion", "visit", "aid", "support", "cooperation", "decision", "call", "demand"}
    | {"threat", "offer", "sale", "transfer", "use"}
)
AGENT_NOUNS = AGENT_NOUNS | frozenset({"government", "parliament", "department", "movement"})
OBJ_NP_PREPS = ("of", "from", "by", "against", "on", "to", "with", "for", "in")
STATIVE_PASSIVE = frozenset({"oppose", "commit", "dedicate", "devote", "determine", "prepare"})
INHERIT = ("xcomp", "conj", "advcl", "pcomp", "acl", "ccomp", "acomp")


@dataclass
class Args:
    sources: list[Mention] = field(default_factory=list)
    targets: list[Mention] = field(default_factory=list)
    participants: list[Mention] = field(default_factory=list)  # symmetric (A and B cooperate)
    penalty: float = 1.0  # < 1 when an actor was inferred rather than read off the parse
    located: bool = False  # the target is only the place where it happened ("in Tehran")


class MentionIndex:
    """Token -> mention lookup, plus a memory of recent subjects for pronouns."""

    def __init__(self, mentions: Iterable[Mention]) -> None:
        self.by_token: dict[int, Mention] = {}
        for m in mentions:
            if m.actor.country is None and m.actor.code is None:
                continue
            for i in range(m.token_start, m.token_end):
                self.by_token.setdefault(i, m)
        self.recent_groups: list[list[Mention]] = []  # coordinated subjects, newest last
        self.recent_single: list[Mention] = []

    def remember(self, group: list[Mention]) -> None:
        if len(group) >= 2:
            self.recent_groups.append(group)
        elif group:
            self.recent_single.append(group[0])

    def pronoun(self, tok: Any) -> list[Mention]:
        low = tok.lower_
        if low == "its":  # possessive: the nearest preceding actor in the sentence
            for i in range(tok.i - 1, tok.sent.start - 1, -1):
                m = self.by_token.get(i)
                if m is not None:
                    return [m]
        if low in SINGULAR_PRON or (low in PLURAL_PRON and tok.dep_ in ("nsubj", "nsubjpass")):
            local = self._governing_subject(tok)
            if local:
                return local
        if low == "their":  # "the prisoners kept up their fast": own clause only
            local = self._governing_subject(tok, steps=1, plural=True)
            if local:
                return local
        if low in PLURAL_PRON and self.recent_groups:
            return list(self.recent_groups[-1])
        if low in SINGULAR_PRON and self.recent_single:
            return [self.recent_single[-1]]
        return []

    def _governing_subject(self, tok: Any, steps: int = 4, plural: bool = False) -> list[Mention]:
        """'Iran has acknowledged that it sold ...': 'it' -> the subject of 'acknowledged'."""
        cur = tok.head
        for _ in range(steps):
            if cur.head is cur:
                break
            cur = cur.head
            for c in cur.children:
                if c.dep_ in SUBJ and c.i != tok.i and c.i < tok.i:
                    found = self.phrase(c, pronouns=False)
                    if found:
                        return found if plural else found[:1]
        return []

    def phrase(
        self, tok: Any, pronouns: bool = True, depth: int = 0, obj: bool = False
    ) -> list[Mention]:
        """Actors of the noun phrase headed by ``tok`` (with its conjuncts).

        ``obj``: the phrase is an object, so an actor inside its prepositional phrases counts
        ("turned down a proposal from Peru", "curbs against Japanese imports").
        """
        out: list[Mention] = []
        heads = [tok, *(c for c in tok.conjuncts if c.i > tok.i)] if depth == 0 else [tok]
        for h in heads:
            out.extend(self._head_actor(h, pronouns, depth, obj))
        return _dedupe(out)

    def _head_actor(self, h: Any, pronouns: bool, depth: int, obj: bool = False) -> list[Mention]:
        m = self.by_token.get(h.i)
        if m is not None:
            return [self._placed_by_modifier(m, h, pronouns)]
        if h.pos_ == "PRON" or h.tag_ in ("PRP", "PRP$"):
            return self.pronoun(h) if pronouns else []
        found: list[Mention] = []
        for c in h.children:  # the first modifier with an actor ("Moscow's UN envoy": Moscow)
            if c.dep_ in NP_MODS and c.i < h.i and not found:
                found.extend(self._mods(c, pronouns))
        # objects keep looking past a modifier: "a push in its conflict with Yemen" (its = the
        # source, filtered later by the caller)
        if (obj and depth < 3) or (not found and depth < 2 and not _eventive(h)):
            preps = OBJ_NP_PREPS if obj and h.pos_ != "PROPN" else ("of", "from", "in")
            for c in sorted(
                (c for c in h.children if c.dep_ == "prep" and c.lower_ in preps),
                key=lambda c: preps.index(c.lower_),
            ):  # "officials of Iraq", "forces from Russia"
                for p in c.children:
                    if p.dep_ == "pobj" and (obj or not found):
                        found.extend(self.phrase(p, pronouns, depth + 1, obj))
        if not found and depth < 2:  # "Ferreira, Venezuela's best-known blogger"
            for c in h.children:
                if c.dep_ == "appos" and not found:
                    found.extend(self.phrase(c, pronouns, depth + 1, obj))
        return found

    def _placed_by_modifier(self, m: Mention, h: Any, pronouns: bool) -> Mention:
        """'its troops' (MIL, no country) + 'its' -> Syria: SYRMIL; 'the Kurds of northern
        Syria' (a people, CVL) live in Syria."""
        people = m.actor.sector == "CVL" and m.actor.kind == "state" and m.token_end - 1 == h.i
        if m.actor.kind == "igo" or (m.actor.code or "")[:3] in ("NGO", "MNC", "IGO"):
            return m  # "Oxfam staff working in Yemen" are not Yemeni
        if m.actor.country and m.actor.resolved_by != "context" and not people:
            return m
        for c in h.children:
            found: list[Mention] = []
            if people and m.actor.country and c.dep_ != "prep":
                continue
            if c.dep_ in ("poss", "amod", "compound") and c.i < h.i:
                found = [x for x in self._mods(c, pronouns) if x.actor.country]
            elif c.dep_ == "prep" and c.lower_ in ("in", "from", "of", "throughout", "across"):
                pobj = [p for p in c.children if p.dep_ == "pobj"]
                found = [x for p in pobj for x in [self.by_token.get(p.i)] if x and x.actor.country]
            if found and found[0] is not m:
                country = found[0].actor.country
                actor = m.actor.model_copy(
                    update={
                        "country": country,
                        "code": f"{country}{m.actor.sector or ''}",
                        "resolved_by": "modifier",
                    }
                )
                return m.model_copy(update={"actor": actor})
        return m

    def _mods(self, tok: Any, pronouns: bool) -> list[Mention]:
        m = self.by_token.get(tok.i)
        if m is not None:
            found = [m]
            for c in tok.children:  # "Iran-Russia cooperation", "US/UK forces"
                joined = tok.doc[c.i + 1 : tok.i]
                if c.i < tok.i and c.i in self.by_token and any(t.text in "-/" for t in joined):
                    found.insert(0, self.by_token[c.i])
        elif tok.tag_ == "PRP$" and pronouns:
            found = self.pronoun(tok)
        else:
            found = []
            for c in tok.children:
                if c.dep_ in (*NP_MODS, "conj", "cc", "punct") and c.i < tok.i:
                    found.extend(self._mods(c, pronouns))
        for c in tok.conjuncts:
            cm = self.by_token.get(c.i)
            if cm is not None:
                found.append(cm)
        return found


def _eventive(tok: Any) -> bool:
    """'invasion of Ukraine', 'assessment of X': the of-phrase is not the actor."""
    lem = tok.lemma_.lower()
    if lem in AGENT_NOUNS:
        return False
    return lem in EVENTIVE or lem.endswith(("tion", "sion", "ment", "ance", "ence", "ure", "ing"))


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
    cur = verb
    for step in range(5):
        subs = [c for c in cur.children if c.dep_ in SUBJ]
        if subs:
            passive = step == 0 and subs[0].dep_ == "nsubjpass" or _has_auxpass(verb)
            if subs[0].lower_ in RELATIVE and cur.dep_ == "relcl":
                return [cur.head], passive
            return subs, passive
        if cur.dep_ == "relcl":
            return [cur.head], False
        if cur.dep_ in INHERIT or (cur.dep_ == "pobj" and cur.head.dep_ == "prep"):
            cur = cur.head
            if cur.dep_ == "prep":
                cur = cur.head
            continue
        break
    return [], False


def _has_auxpass(verb: Any) -> bool:
    return any(c.dep_ == "auxpass" for c in verb.children)


def agent_of(verb: Any) -> list[Any]:
    return [p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]


def objects_of(verb: Any, preps: tuple[str, ...] = TARGET_PREPS) -> list[Any]:
    """Object heads, direct objects first, then prepositional objects in ``preps`` order."""
    direct = [c for c in verb.children if c.dep_ in OBJ]
    by_prep: list[tuple[int, Any]] = []
    for c in verb.children:
        if c.dep_ in ("prep", "dative") and c.lower_ in preps:
            for p in c.children:
                if p.dep_ == "pobj":
                    by_prep.append((preps.index(c.lower_), p))
    return direct + [p for _, p in sorted(by_prep, key=lambda x: x[0])]


def first_with_actor(
    idx: MentionIndex, heads: Iterable[Any], obj: bool = False, exclude: set[int] | None = None
) -> list[Mention]:
    """Actors of the first head that has any; a head with a country beats sector-only ones.

    ``exclude``: start offsets of mentions already used (the source is not its own target).
    """
    fallback: list[Mention] = []
    for h in heads:
        found = [m for m in idx.phrase(h, obj=obj) if not exclude or m.start not in exclude]
        if obj and len(found) > 1:
            found = found[:1] if not any(c.dep_ == "conj" for c in h.children) else found
        if found and any(is_placed(m) for m in found):
            return found
        if found and not fallback:
            fallback = found
    return fallback


SECTOR_CODES = frozenset(
    {"GOV", "MIL", "REB", "CVL", "OPP", "COP", "REF", "LEG", "ELI", "JUD", "MED", "EDU"}
    | {"LAB", "BUS", "SPY", "PTY", "CRM", "REL", "UAF", "JRN", "AGR", "HLH"}
)


def is_placed(m: Mention) -> bool:
    """Has a country or an international body code (not just a sector like 'GOV')."""
    code = (m.actor.code or "")[:3]
    return bool(m.actor.country or m.actor.kind == "igo" or (code and code not in SECTOR_CODES))


def verb_args(idx: MentionIndex, verb: Any, transfer: bool = False, receive: bool = False) -> Args:
    """Actors of a verbal trigger; ``transfer`` verbs treat a passive theme's actor as origin;
    ``receive`` verbs (receive, buy, acquire) turn the roles round: "from X" is the source."""
    subs, passive = subject_of(verb)
    if passive and verb.lemma_.lower() in STATIVE_PASSIVE and not agent_of(verb):
        passive = False  # "Peru is opposed to Brazilian mediation": Peru opposes it
    args = Args()
    subj_actors = first_with_actor(idx, subs)
    objs = objects_of(verb)
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
        args.sources = first_with_actor(idx, agent_of(verb))
        # "a shelter for Sudanese refugees was shelled": the patient's actor
        args.targets = first_with_actor(idx, subs, obj=True) if subs else []
        if not args.targets:
            args.targets = first_with_actor(idx, objs, obj=True)
        if not args.sources:  # "pilots are trained to fly Russian jets": trainer from the clause
            used = {m.token_start for m in args.targets}
            xcomps = [c for c in verb.children if c.dep_ == "xcomp"]
            rest = [m for x in xcomps for m in _mentions_in(idx, x) if m.token_start not in used]
            if rest:
                args.sources, args.penalty = rest[:1], 0.7
    else:
        args.sources = subj_actors
        if transfer:  # "offered its engineers to Haiti": the recipient, not the theme
            objs = [*objects_of(verb, ("to", "for")), *objs]
        used = {m.start for m in args.sources}
        objs = [o for o in objs if not _own(idx, o, args.sources)]
        args.targets = first_with_actor(idx, objs, obj=True, exclude=used)
        if not args.targets:  # "demanded that the junta free ...": the addressee
            clauses = [c for c in verb.children if c.dep_ == "ccomp"]
            args.targets = first_with_actor(idx, [s for c in clauses for s in subject_of(c)[0]])
        if not args.targets:
            for c in verb.children:  # "agreed to open an office in Nairobi"
                if c.dep_ == "xcomp":
                    args.targets = first_with_actor(
                        idx, objects_of(c, (*TARGET_PREPS, "in")), obj=True, exclude=used
                    )
        if not args.targets:  # "threatened ... unless Chile withdrew", "to protest X's policy"
            args.targets = _clause_target(idx, verb, used)
        if not args.targets:
            args.targets = first_with_actor(idx, objects_of(verb, ("in",)), exclude=used)
            args.located = bool(args.targets)
        if not args.targets and args.sources:
            args.targets = _deep_target(idx, verb, used)
            args.penalty *= 0.9 if args.targets else 1.0
    if not args.targets and len(args.sources) >= 2:
        args.participants, args.sources = args.sources, []
    return args


DEEP_SKIP = frozenset({"nsubj", "nsubjpass", "csubj", "relcl", "ccomp", "parataxis", "appos"})


DEEP_PLACE_PREPS = frozenset({"in", "at", "near", "outside", "inside", "across", "throughout"})


def _deep_target(idx: MentionIndex, verb: Any, used: set[int]) -> list[Mention]:
    """Last resort: the nearest placed actor inside the predicate's own arguments ("went on
    hunger strike in protest against Venezuelan police"), not in its subject or in
    embedded clauses."""
    best: tuple[int, int, Mention] | None = None
    stack = [c for c in verb.children if c.dep_ not in DEEP_SKIP and c.dep_ != "advcl"]
    while stack:
        t = stack.pop()
        m = idx.by_token.get(t.i)
        if m is not None and m.start not in used and is_placed(m) and t.i == m.head:
            # a place ("outside Parliament") only when nothing else is there
            place = int(t.dep_ == "pobj" and t.head.lower_ in DEEP_PLACE_PREPS)
            if best is None or (place, abs(t.i - verb.i)) < best[:2]:
                best = (place, abs(t.i - verb.i), m)
        stack.extend(c for c in t.children if c.dep_ not in DEEP_SKIP)
    return [best[2]] if best else []


def _own(idx: MentionIndex, obj: Any, sources: list[Mention]) -> bool:
    """'Chad offered its soldiers to Mali': the source's own people are not the target."""
    m = idx.by_token.get(obj.i)
    if m is None or not sources or (m.actor.country and m.actor.resolved_by != "context"):
        return False
    countries = {s.actor.country for s in sources} - {None}
    for c in obj.children:
        if c.dep_ == "poss" and c.tag_ == "PRP$":
            return any(x.actor.country in countries for x in idx.pronoun(c))
    return False


def _clause_target(idx: MentionIndex, verb: Any, used: set[int]) -> list[Mention]:
    """Target from a condition's subject or a purpose clause's object."""
    clauses = [*verb.children, *(g for c in verb.children if c.dep_ == "xcomp" for g in c.children)]
    for c in clauses:
        if c.dep_ not in ("advcl", "xcomp"):
            continue
        if any(m.dep_ == "mark" and m.lower_ in ("unless", "if") for m in c.children):
            found = first_with_actor(idx, subject_of(c)[0], exclude=used)
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


def noun_args(idx: MentionIndex, noun: Any, reporting: frozenset[str]) -> Args:
    args = Args()
    inside: list[Mention] = []
    for c in noun.children:
        if c.i < noun.i and c.dep_ in NP_MODS:
            inside.extend(idx._mods(c, True))
    inside = _dedupe(inside)
    between = []
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ in ("between", "among"):
            between = first_with_actor(idx, [p for p in c.children if p.dep_ == "pobj"])
    targets = first_with_actor(idx, objects_of(noun, NOUN_TARGET_PREPS))
    agents = first_with_actor(
        idx, [p for c in noun.children if c.lower_ == "by" for p in c.children]
    )
    if between:
        args.participants = _dedupe(inside + between)
    elif len(inside) >= 2 and not targets:
        args.participants = inside
    else:
        args.sources = agents or inside[:1]
        args.targets = [m for m in targets if m not in args.sources]
    if not (args.sources or args.participants):
        _from_governor(idx, noun, reporting, args)
    if args.sources and not args.targets:
        used = {m.start for m in args.sources}
        args.targets = _deep_target(idx, noun, used)
        args.penalty *= 0.9 if args.targets else 1.0
    return args


def _from_governor(idx: MentionIndex, noun: Any, reporting: frozenset[str], args: Args) -> None:
    """'Russia and Iran are ramping up military cooperation': actors of the governing verb."""
    gov = noun.head
    if noun.dep_ == "pobj" and gov.lower_ in ("into", "to", "in", "on", "with", "during", "for"):
        gov = gov.head
    elif noun.dep_ not in ("dobj", "nsubjpass", "attr", "oprd", "conj"):
        return
    if gov.pos_ not in ("VERB", "AUX") or gov.lemma_.lower() in reporting:
        return
    subs, passive = subject_of(gov)
    subj = first_with_actor(idx, subs)
    if passive:
        subj = first_with_actor(idx, agent_of(gov)) or []
    sibs = [c for c in gov.children if c.dep_ in OBJ and c.i != noun.i]
    sib_actors = first_with_actor(idx, sibs)
    if len(subj) >= 2 and not args.targets:
        args.participants = subj
    elif subj:
        args.sources = subj
        if not args.targets:
            used = {m.start for m in subj}
            args.targets = (
                sib_actors
                or _clause_target(idx, gov, used)
                or first_with_actor(idx, objects_of(noun, ("in",)), exclude=used)
                or first_with_actor(idx, objects_of(gov, ("in", "to")), exclude=used)
            )
    elif len(sib_actors) >= 2:  # "transforming their relationship into a partnership"
        args.participants = sib_actors
    args.penalty = 0.85
