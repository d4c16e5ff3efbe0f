"""Sense checks for ambiguous verbs: the argument that makes the event sense must be there.

Rows in ``data/events/senses.tsv`` say, per lemma and CAMEO code prefix, which arguments the
event sense needs ("called Zelensky" is a call, "called the action excessive" is not). The
checks read only the parse and the actor mentions, so a new lemma needs a data row, no code.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import Any

from ..data import data_path
from .frames import asks_question, counted, to_clause, word_set

# verbs of finding out that make an emotion verb a reaction ("saddened to hear")
REACTIONS = frozenset({"learn", "hear", "see", "read", "discover", "find", "know"})

ACTOR_ENTS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
PERSONAL = frozenset({"him", "her", "them", "us", "me", "you", "himself", "herself"})
ROLE_NOUNS = frozenset(
    [
        "hostage",  # captives are people: "released 24 hostages"
        "prisoner",
        "detainee",
        "captive",
        "sailor",
        "crew",
        "fisherman",
        "fishermen",
        "passenger",
        "tourist",
        "worker",
        "student",
        "child",
        "children",
        "woman",
        "women",
        "man",
        "men",
        "counterpart",
        "counterparts",
        "leader",
        "leaders",
        "official",
        "officials",
        "president",
        "prime",
        "minister",
        "ministers",
        "king",
        "queen",
        "prince",
        "premier",
        "chancellor",
        "ambassador",
        "envoy",
        "delegation",
        "diplomat",
        "diplomats",
        "secretary",
        "senator",
        "lawmakers",
        "governor",
        "mayor",
        "general",
        "commander",
        "team",
        "partner",
        "partners",
        "ally",
        "allies",
        "neighbour",
        "neighbor",
        "neighbours",
        "neighbors",
        "people",
        "nation",
        "nations",
        "country",
        "countries",
        "government",
        "governments",
    ]
)
OBJECT_DEPS = ("dobj",)
COPULAS = frozenset({"be", "remain", "seem", "feel", "become", "appear"})
TOPIC_PREPS = frozenset({"about", "regarding", "concerning"})
ARGUMENT_DEPS = frozenset({"dobj", "prep", "prt", "dative", "npadvmod"})
EMPTY_SUBJECTS = frozenset({"it", "this", "that", "there"})
OWNER_PREPS = frozenset({"of", "by", "from"})
LOCATIVE = frozenset({"in", "at", "near", "across", "inside", "within", "throughout", "around"})
CONDITIONS = frozenset(
    [
        "actor_object",
        "actor_or_no_object",
        "owned_object",
        "no_object_predicate",
        "no_clause_object",
        "experiencer_subject",
        "not_a_reaction",
        "no_object",
        "direct_object",
        "agent_subject",
        "has_argument",
        "actor_argument",
        "combat_argument",
        "party_argument",
        "clause_with_actor",
        "armed_context",
        "unarmed_context",
        "not_a_task",
        "not_a_question",
        "actor_subject",
        "some_party",
        "no_joint_act",
        "to_clause",
        "threat_object",
        "partner_argument",
        "not_a_people",
    ]
)
# people one takes in, not guests one receives ("welcomed 5,000 refugees")
DISPLACED = word_set("refugee migrant evacuee immigrant asylum-seeker seeker newcomer")
# what one threatens to do, named as the object ("threatened sanctions", "threatened force")
THREATENED_ACTS = word_set(
    """sanction sanctions retaliation reprisal reprisals action measure measures response
    consequence consequences force strike strikes attack attacks war invasion escalation
    tariff tariffs boycott expulsion veto arrest prosecution punishment violence"""
)
PARTNER_PREPS = frozenset({"with", "between", "among", "alongside"})
# "charged with leading the talks": a duty given, not a charge laid
TASK_VERBS = word_set(
    "lead oversee organise organize coordinate manage run draft prepare negotiate implement"
    " monitor review ensure develop supervise handle head chair steer broker design"
)
ARMED = frozenset(
    [
        "force",
        "troops",
        "troop",
        "soldier",
        "army",
        "military",
        "militant",
        "rebel",
        "fighter",
        "insurgent",
        "militia",
        "gunman",
        "navy",
        "jet",
        "unit",
        "battalion",
        "brigade",
        # weapons that act and the military objects they hit
        "drone",
        "jet",
        "warplane",
        "bomber",
        "helicopter",
        "missile",
        "rocket",
        "artillery",
        "tank",
        "warship",
        "position",
        "base",
    ]
)

IsActor = Callable[[Any], bool]


class SenseFileError(ValueError):
    """senses.tsv has a row the checker cannot use."""


@lru_cache(maxsize=1)
def load_senses() -> dict[str, list[tuple[tuple[str, ...], tuple[str, ...]]]]:
    """lemma -> [(code prefixes, conditions)]; '*' prefix = any code."""
    out: dict[str, list[tuple[tuple[str, ...], tuple[str, ...]]]] = {}
    path = data_path("events", "senses.tsv")
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]
    for n, line in enumerate(ln for ln in lines if not ln.startswith("#")):
        cells = [c.strip() for c in line.split("\t")]
        if n == 0 or len(cells) < 3:
            continue  # header
        conds = tuple(c for c in cells[2].split(",") if c)
        bad = set(conds) - CONDITIONS
        if bad:
            raise SenseFileError(f"senses.tsv: unknown condition(s) {sorted(bad)} for {cells[0]}")
        codes = tuple("" if c == "*" else c for c in cells[1].split("|"))
        out.setdefault(cells[0].lower(), []).append((codes, conds))
    return out


def sense_ok(verb: Any, cameo: str, is_actor: IsActor | None = None) -> bool:
    """Do the verb's arguments carry the event sense of ``cameo``?"""
    rows = load_senses().get(verb.lemma_.lower())
    if not rows:
        return True
    actor = is_actor or _entity_actor
    for codes, conds in rows:
        applies = any(cameo.startswith(c) for c in codes)
        if applies and not all(_holds(cond, verb, actor) for cond in conds):
            return False
    return True


def _holds(cond: str, verb: Any, is_actor: IsActor) -> bool:
    objs = _objects(verb)
    if cond == "actor_object":
        return any(_actor_like(o, is_actor) for o in objs)
    if cond == "actor_or_no_object":
        return not objs or any(_actor_like(o, is_actor) for o in objs)
    if cond == "owned_object":
        return any(_actor_like(o, is_actor) or _owned(o, is_actor) for o in objs)
    if cond == "no_object_predicate":
        return not any(_predicate(c) for c in verb.children)
    if cond == "has_argument":
        return any(c.dep_ in ARGUMENT_DEPS for c in verb.children)
    if cond == "agent_subject":
        return not any(
            c.dep_ in ("nsubj", "nsubjpass", "expl") and c.lower_ in EMPTY_SUBJECTS
            for c in verb.children
        )
    if cond == "actor_argument":
        return _actor_argument(verb, is_actor)
    if cond == "combat_argument":  # "fought Russia", "A and B clashed", "troops fought"
        return _actor_argument(verb, is_actor) or _armed_or_paired_subject(verb, is_actor)
    if cond == "party_argument":  # "talked to Kishida", "they talked", "A and B talked"
        # ("we are talking about the Houthis": what one talks about is a topic, no party)
        return _actor_argument(verb, is_actor, TOPIC_PREPS) or _parties_subject(verb, is_actor)
    if cond == "unarmed_context":  # "willing to engage Somalia": diplomatic engagement
        return not _holds("armed_context", verb, is_actor)
    if cond == "armed_context":
        args = [*objs, *(c for c in verb.children if c.dep_ in ("nsubj", "agent"))]
        args += [p for a in args if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"]
        return any(a.lemma_.lower() in ARMED for a in args)
    if cond == "clause_with_actor":  # "helped Ukraine defend itself", not "helped ensure X"
        clauses = [c for c in verb.children if c.dep_ in ("ccomp", "xcomp") and c.pos_ == "VERB"]
        return (
            not clauses
            or any(_actor_like(o, is_actor) for o in objs)
            or any(
                _actor_like(s, is_actor) for c in clauses for s in c.children if s.dep_ == "nsubj"
            )
        )
    if cond == "no_object":  # "protesters rallied", not "rallied allies / support"
        return not objs
    if cond == "direct_object":  # "delivered flour to Sudan", not "can deliver for the people"
        return bool(objs) or any(c.dep_ == "auxpass" for c in verb.children)  # "to be delivered"
    if cond == "experiencer_subject":  # "we are alarmed by X's moves", not "the talks concern"
        # ("is deeply concerned by": the participle read as the copula's complement)
        copular = verb.dep_ == "acomp" and verb.head.lemma_ in COPULAS
        return copular or any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
    if cond == "not_a_reaction":  # "devastated to learn that ...": a feeling, not an act
        return not any(c.dep_ == "xcomp" and c.lemma_ in REACTIONS for c in verb.children)
    if cond == "not_a_task":
        return not any(
            o.tag_ == "VBG" and o.lemma_.lower() in TASK_VERBS
            for p in verb.children
            if p.dep_ == "prep" and p.lower_ == "with"
            for o in p.children
        )
    if cond == "some_party":  # "actions that threaten Japan", not "... threaten stability"
        return _holds("actor_subject", verb, is_actor) or _actor_argument(verb, is_actor)
    if cond == "actor_subject":  # "Japan benefits from ...", not "the summit benefits X"
        subs = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subs and subs[0].lower_ in ("which", "that") and verb.dep_ == "relcl":
            subs = [verb.head]
        if not subs and verb.dep_ == "acl" and verb.tag_ == "VBG":
            subs = [verb.head]  # "the challenges facing Kenya": the noun does the facing
        return not subs or any(_actor_like(x, is_actor) or _owned(x, is_actor) for x in subs)
    if cond == "no_joint_act":  # "joined Qatar in urging Israel to ...": the urging is the act
        return not any(
            c.dep_ == "prep" and c.lower_ == "in" and any(p.dep_ == "pcomp" for p in c.children)
            for c in verb.children
        )
    if cond == "not_a_question":  # "asked whether ...", "ask how much ...", "asked about X"
        return not asks_question(verb)
    if cond == "threat_object":  # "threatened Japan / sanctions", not "threatened food security"
        return _threat_object(verb, objs, is_actor)
    if cond == "partner_argument":  # "set up a task force with Kenya", "A and B established"
        return _parties_subject(verb, is_actor) or _partner(verb, objs, is_actor)
    if cond == "not_a_people":  # "welcomed thousands of Syrians": asylum, not a visit
        return not any(_a_people(o) for o in objs)
    if cond == "to_clause":  # "failed to comply": not "failed in Kyiv"
        return any(to_clause(c) for c in verb.children)
    if cond == "no_clause_object":
        return not any(
            c.dep_ == "ccomp" or (c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX"))
            for c in verb.children
        )
    return True


def _objects(verb: Any) -> list[Any]:
    objs = [c for c in verb.children if c.dep_ in OBJECT_DEPS]
    if any(c.dep_ == "auxpass" for c in verb.children):  # passive: the subject is the object
        # ("X remains held": the parser labels the subject of 'remains' + participle nsubj)
        objs += [c for c in verb.children if c.dep_ in ("nsubjpass", "nsubj")]
    return [*objs, *(c for o in objs for c in _conjuncts(o))]


def _actor_argument(verb: Any, is_actor: IsActor, skip: frozenset[str] = frozenset()) -> bool:
    """An actor among the objects, the prepositional objects ('fought against X', 'led by
    NATO') or an object's partners ('an initiative with G20 partners'); ``skip``: prepositions
    that name no party."""
    args = _objects(verb) + [c for c in verb.children if c.dep_ == "dative"]
    kids = [*verb.children, *(c for a in args for c in a.children)]
    for prep in (c for c in kids if c.dep_ in ("prep", "agent")):
        if prep.lower_ in skip:
            continue
        if prep.lower_ in LOCATIVE or (prep.head.i != verb.i and prep.lower_ not in ("with", "of")):
            continue  # "battle a wildfire in Alberta": a place is no party
        args += [p for p in prep.children if p.dep_ == "pobj"]
    return any(_actor_like(a, is_actor) for a in args)


def _threat_object(verb: Any, objs: list[Any], is_actor: IsActor) -> bool:
    if not objs or any(c.dep_ == "prep" and c.lower_ == "with" for c in verb.children):
        return True  # "threatened to retaliate", "threatened truckers with arrest"
    return any(
        _actor_like(o, is_actor) or o.lemma_.lower() in THREATENED_ACTS or o.tag_ == "VBG"
        for o in objs
    )


def _partner(verb: Any, objs: list[Any], is_actor: IsActor) -> bool:
    """An actor named as a partner: 'with X', 'between A and B', on the verb or its object."""
    preps = [c for h in (verb, *objs) for c in h.children if c.dep_ == "prep"]
    pobjs = [p for c in preps if c.lower_ in PARTNER_PREPS for p in c.children if p.dep_ == "pobj"]
    return any(_actor_like(p, is_actor) for p in pobjs)


def _a_people(tok: Any) -> bool:
    """'Syrians', 'thousands of Afghans', 'refugees': a population, not a visitor."""
    tok = counted(tok)
    plural = tok.tag_ in ("NNS", "NNPS")
    return tok.lemma_.lower() in DISPLACED or (plural and tok.ent_type_ == "NORP")


def _armed_or_paired_subject(verb: Any, is_actor: IsActor) -> bool:
    subj = [c for c in verb.children if c.dep_ == "nsubj"]
    return any(s.lemma_.lower() in ARMED for s in subj) or _paired(subj, is_actor)


def _paired(subj: list[Any], is_actor: IsActor) -> bool:
    """Coordinated actor subjects ("A and B clashed")."""
    return any(_actor_like(c, is_actor) for s in subj for c in _conjuncts(s))


# plural subjects that name the parties of a talk themselves ("they", "the two leaders")
PARTIES = frozenset({"they", "leader", "side", "party", "delegation", "president", "minister"})


def _parties_subject(verb: Any, is_actor: IsActor) -> bool:
    subj = [c for c in verb.children if c.dep_ == "nsubj"]
    return _paired(subj, is_actor) or any(
        s.lower_ == "they" or (s.lemma_.lower() in PARTIES and s.tag_ == "NNS") for s in subj
    )


def _conjuncts(tok: Any) -> Iterable[Any]:
    return (c for c in tok.children if c.dep_ == "conj")


def _actor_like(tok: Any, is_actor: IsActor) -> bool:
    tok = counted(tok)  # "held hundreds of protesters"
    if tok.pos_ == "PRON":
        return tok.lower_ in PERSONAL
    if is_actor(tok) or tok.ent_type_ in ACTOR_ENTS or tok.lemma_.lower() in ROLE_NOUNS:
        return True
    # "President Ivan Duque Marquez": a name whose head word runs past the dictionary's alias
    return tok.pos_ == "PROPN" and any(is_actor(c) for c in tok.children if c.dep_ == "compound")


def _owned(tok: Any, is_actor: IsActor) -> bool:
    """'Ukraine's sovereignty', 'Ukrainian sovereignty', 'the efforts of ASEAN', 'its bid'."""
    for c in tok.children:
        if c.dep_ == "poss" and (c.pos_ == "PRON" or _actor_like(c, is_actor)):
            return True
        if c.dep_ in ("amod", "compound", "nmod") and (is_actor(c) or c.ent_type_ in ACTOR_ENTS):
            return True
        if c.dep_ == "prep" and c.lower_ in OWNER_PREPS:  # "the efforts of ASEAN"
            pobjs = [p for p in c.children if p.dep_ == "pobj"]
            if any(_actor_like(p, is_actor) for p in pobjs):
                return True
    return False


def _predicate(tok: Any) -> bool:
    """An object predicate: 'called [the action] excessive / a provocation'. Words after an
    infinitive "to" are a clause the parser mis-split ("called on X to de-escalate")."""
    if tok.i > 0 and any(t.lower_ == "to" for t in tok.doc[tok.head.i + 1 : tok.i]):
        return False
    if tok.dep_ == "oprd":
        return tok.pos_ != "ADV"  # "called Erdogan late on Tuesday": a time, no predicate
    if tok.dep_ == "dobj" and any(
        c.dep_ in ("dobj", "dative") and c.i < tok.i for c in tok.head.children
    ):
        return True  # "drills that X called a rehearsal": a second object names the first
    return tok.dep_ in ("ccomp", "xcomp") and tok.pos_ in ("ADJ", "NOUN") and tok.i > tok.head.i


def _entity_actor(tok: Any) -> bool:
    return bool(tok.ent_type_ in ACTOR_ENTS)
