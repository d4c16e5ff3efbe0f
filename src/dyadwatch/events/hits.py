"""Trigger hits and the choices among them: the words a verb pattern sees, which of
overlapping hits stays, and what an asked-for noun or an agent modifier is."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from .args import subject_of
from .frames import QUANTITY, TOPIC_VERBS, actorish, amount_of, to_clause, word_set
from .lexicon import VerbPattern
from .rules import ATTITUDE, FUTURE_THREAT, FUTURE_THREAT_CODES, has_mark
from .syntax import (
    antecedent,
    clause_subtree,
    content_tokens,
    dated,
    misread_verb,
    small_clause,
    temporal_adjunct,
)

DISPATCH = frozenset({"send", "dispatch", "deploy"})
ARG_DEPS = ("dobj", "dative", "attr", "oprd", "prep", "prt", "xcomp", "acomp", "agent")


@dataclass
class Hit:
    """A trigger that matched a pattern."""

    token: Any
    cameo: str
    confidence: float
    noun: bool
    span: tuple[int, int]  # token span of the trigger text
    demand: bool = False  # "X said Y must do Z": a REQUEST from X to Y
    speech: str = ""  # "warning" or "finding" (speech.py): sides from the saying
    clause: Any = None  # a finding's found clause: its subject is the accused
    post: tuple[str, ...] = ()  # words a hand-written verb pattern required after the verb
    feeling: bool = False  # "we are concerned about X's moves": an adjective of disapproval
    brokered: bool = False  # a third party secures or seeks a deal between others (045)


def post_bag(tok: Any) -> tuple[set[str], set[str]]:
    """The words and prepositions of a verb's arguments (verbs.tsv 'post' and 'preps')."""
    words: set[str] = set()
    preps: set[str] = set()
    limit = tok.i + 15
    kids = [
        c
        for c in tok.children
        if (c.dep_ in ARG_DEPS or c.dep_ == "nsubjpass" or small_clause(c))
        and not temporal_adjunct(c)
    ]
    kids += addressed_clause(tok)
    if misread_verb(tok):  # "Myanmar's military seized power": the root noun is the object
        words |= _heads(tok.head) | {tok.head.lower_, tok.head.lemma_.lower()}
        words.update(t.lower_ for t in tok.head.subtree if t.i > tok.head.i)
    if any(c.dep_ == "auxpass" for c in tok.children):  # passive: the theme counts as object
        kids += [s for s in subject_of(tok)[0] if s.i not in {k.i for k in kids}]
    if tok.dep_ in ("relcl", "acl") and tok.head.pos_ == "NOUN":
        # "the sanctions we've imposed", "export controls imposed on X": the antecedent
        # is the verb's object
        words.update(t.lower_ for t in antecedent(tok.head) if not _describes_people(t))
        words |= _heads(tok.head)
    # '=word' (verbs.tsv): the word must head the object itself, not sit deeper in an
    # argument ("hosts troops", not "hosted a conference on Armed Forces Day")
    for c in kids:
        if c.dep_ in ("dobj", "nsubjpass"):
            words.update(_heads(c))
    for c in kids:
        toks = [
            t for t in clause_subtree(c) if t.i <= limit or c.dep_ == "nsubjpass" or c.i < tok.i
        ]
        for t in toks:
            if not _prep_not_particle(t):
                words.add(t.lower_)
                words.add(t.lemma_.lower())
            if t.dep_ in ("prep", "agent", "dative") and t.head.i == tok.i:
                preps.add(t.lower_)
        words.update(_ngrams(sorted(toks, key=lambda t: t.i)))
    objs = [c for c in tok.children if c.dep_ == "dobj"]
    if any(to_clause(c) for c in tok.children) or any(  # "a deadline for X to leave"
        to_clause(c) and c.dep_ == "advcl" for o in objs for c in o.children
    ):
        words.add(TO_INFINITIVE)
        # a time span before the to-clause is the time given to act ("gave X 48 hours to leave")
        spans = (c for c in tok.children if c.dep_ == "npadvmod" and dated(c))
        words.update(t for c in spans for t in (c.lower_, c.lemma_))
    if any(for_clause(c) for c in tok.children):
        preps.add("for")  # "called for Russia to withdraw": the parser marks the clause
    return words, preps


def addressed_clause(tok: Any) -> list[Any]:
    """The content clause of speech addressed to a party ("warned Israel that it would
    respond with force", "told Kyiv that aid would continue"): an argument of the verb, as the
    object is. A that-clause with no addressee ("warned that prices would rise") is not."""
    objs = [c for c in tok.children if c.dep_ in ("dobj", "dative")]
    if not any(actorish(o) for o in objs):
        return []
    return [c for c in tok.children if c.dep_ == "ccomp" and c.i > tok.i]


def for_clause(c: Any) -> bool:
    """A 'for X to do Y' clause the parser hangs on the verb with 'for' as its mark."""
    return c.dep_ in ("advcl", "ccomp", "xcomp") and has_mark(c, "for")


# verbs.tsv 'post' word for a to-infinitive complement: "encouraged Serbia to return" is an appeal,
# "encouraged by the progress" is not
TO_INFINITIVE = "~to"


PARTICLES = frozenset({"off", "up", "out", "down", "back", "away"})


def _prep_not_particle(t: Any) -> bool:
    """'fired a missile off its coast': a preposition with its own object is not the
    particle a phrasal pattern ('fire off' a letter) asks for."""
    return t.dep_ == "prep" and t.lower_ in PARTICLES and any(c.dep_ == "pobj" for c in t.children)


# people named by what they work for: "aid workers held in Yemen" are held, no aid is held
PEOPLE_HEADS = word_set(
    """worker workers official officials staff staffer staffers volunteer volunteers employee
    employees personnel group groups agency agencies"""
)


def _describes_people(t: Any) -> bool:
    return t.dep_ == "compound" and t.head.lower_ in PEOPLE_HEADS


def _heads(obj: Any) -> set[str]:
    """'=word' keys for an object: its head word and lemma, through 'thousands of X'."""
    out = {"=" + obj.lower_, "=" + obj.lemma_.lower()}
    if obj.lemma_.lower() in QUANTITY:
        for p in (c for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"):
            out |= {"=" + x for t in p.children if t.dep_ == "pobj" for x in (t.lower_, t.lemma_)}
    return out


def asked_for(noun: Any) -> int:
    """The verb whose object, or whose 'for' phrase, the noun is (-1 if none); a compound
    through its head ("an aid package")."""
    if noun.dep_ == "compound":
        noun = noun.head
    noun = amount_of(noun) or noun  # "rejected $5 billion in aid"
    if noun.dep_ == "dobj":
        return int(noun.head.i)
    if noun.dep_ == "pobj" and noun.head.lower_ == "for" and noun.head.dep_ == "prep":
        return int(noun.head.head.i)
    return -1


# acts that a refusal keeps from happening ("vetoed an EU aid package", "rejected the truce");
# a bid, demand or offer refused was made, so it stays
MEASURES = frozenset({"AID", "SANCTION", "RETREAT", "COOPERATE", "MOBILIZE"})


def refused_measures(hits: list[Hit], type_of: Callable[[Hit], str]) -> list[Hit]:
    """Drop the measures that a refusal verb (REJECT) takes as its object, and the ties that
    a verb of sanction ends ("revoked the cooperation agreements", "suspended talks"): the
    ending is the event, not the tie."""
    refusing = {h.token.i for h in hits if not h.noun and type_of(h) == "REJECT"}
    ending = {h.token.i for h in hits if not h.noun and type_of(h) == "SANCTION"}
    return [
        h
        for h in hits
        if not (h.noun and type_of(h) in MEASURES and asked_for(h.token) in refusing)
        and not (h.noun and type_of(h) in TIES and asked_for(h.token) in ending)
    ]


# ties a sanction can end
TIES = frozenset({"COOPERATE", "AGREE", "SUPPORT", "CONSULT", "AID"})


AGENT_ENTS = frozenset({"GPE", "NORP", "ORG", "PERSON"})


def names_agent(mod: Any) -> bool:
    """A modifier that names who does the noun's act: a possessor that is a name or a
    pronoun ("Russia's", "its"), or a nationality adjective ("Russian")."""
    if mod.dep_ == "poss":
        return mod.ent_type_ in AGENT_ENTS or mod.pos_ in ("PROPN", "PRON")
    return mod.dep_ in ("amod", "compound") and mod.ent_type_ in ("NORP", "GPE")


# coercion and force (CAMEO 17-20): an act of its own even where a verb pattern names it
FORCE_ROOTS = ("17", "18", "19", "20")


def drop_overlaps(hits: list[Hit]) -> list[Hit]:
    """A specific nominal object ('ramp up military cooperation') wins over its verb; a
    governing verb wins over its infinitive ('agreed to provide', 'threatened to attack')."""
    nouns = {h.token.i: h for h in hits if h.noun}
    verbs = {h.token.i for h in hits if not h.noun}
    drop: set[int] = set()
    for h in hits:
        head = h.token.head
        if h.noun and h.token.dep_ == "dobj" and head.dep_ == "xcomp" and head.head.i in verbs:
            drop.add(h.token.i)  # "threatened to call a nationwide walkout": THREATEN wins
            continue
        if h.noun:
            continue
        if h.token.dep_ == "pcomp" and head.dep_ == "agent" and head.head.i in verbs:
            drop.add(h.token.i)  # "killed by Russian shelling": the killing is the event
            continue
        if h.token.dep_ in ("xcomp", "advcl") and (
            head.i in verbs or any(c.i in nouns for c in head.children if c.dep_ == "dobj")
        ):  # "held marches to call for new elections": the main event wins
            if h.cameo.startswith("09") and head.lemma_.lower() in DISPATCH:
                drop.add(head.i)  # "sent experts to investigate": the investigation is coded
            else:
                drop.add(h.token.i)
        for c in _objects_counted(h.token):
            nh = nouns.get(c.i)
            if nh is not None:
                # "praised the cooperation": both the praise and the cooperation; but in
                # "lodged a protest" the noun is part of the verb's own pattern, no act itself
                if h.cameo.startswith(ATTITUDE) and not {c.lower_, c.lemma_.lower()} & set(h.post):
                    continue
                if h.cameo.startswith(ATTITUDE) and nh.cameo.startswith(FORCE_ROOTS):
                    continue  # "protested the arrest": the arrest happened (not "lodged a protest")
                if h.cameo.startswith(MEDIATE) and _between(c):
                    continue  # "Qatar brokered a deal between A and B": both acts
                if nh.cameo.startswith(APPEAL):
                    continue  # "accepted Ukraine's application": the application stands too
                if h.token.lemma_.lower() in TOPIC_VERBS:
                    continue  # "discussed Russia's build-up of troops": a talk, and the build-up
                generic_verb = h.confidence < 0.66  # a derived default, not a specific pattern
                drop.add(h.token.i if nh.confidence >= 0.65 and generic_verb else nh.token.i)
    return [h for h in hits if h.token.i not in drop]


def _objects_counted(verb: Any) -> list[Any]:
    """The verb's objects, and what an amount object counts ("pledged $5 billion in aid")."""
    objs = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    preps = [c for o in [verb, *objs] for c in o.children if c.dep_ == "prep"]
    return objs + [p for c in preps for p in c.children if amount_of(p) is not None]


def _ngrams(toks: list[Any]) -> set[str]:
    """Two- and three-word runs, so that multiword set members match ("air defense
    systems" is a weapon; the bag otherwise holds single words)."""
    out: set[str] = set()
    for n in (2, 3):
        for i in range(len(toks) - n + 1):
            run = toks[i : i + n]
            if run[-1].i - run[0].i == n - 1:
                out.add(" ".join(t.lower_ for t in run))
    return out


def object_first(
    tok: Any, best: VerbPattern, rest: Iterator[VerbPattern], core: set[str] | None = None
) -> VerbPattern:
    """Of equally specific patterns, one whose word is the verb's object beats one whose word
    sits in an adjunct ("suspended their strike after the pay deal": the strike, not a deal).
    ``core``: the object phrase's own words (head and left modifiers, synsets expanded); when
    none of the best pattern's words is among them, a less specific pattern naming the object
    wins too ("deepening cooperation with X on security measures": cooperation)."""
    objs = {c.lemma_.lower() for c in tok.children if c.dep_ in ("dobj", "nsubjpass")}
    if not objs or objs & _bare(best.post):
        return best
    adjunct_only = core is not None and not (_bare(best.post) & core)
    key = (best.rank, best.specificity)
    for p in rest:
        if (p.rank, p.specificity) != key and not (adjunct_only and p.rank == best.rank):
            break
        if objs & _bare(p.post):
            return p
    return best


def object_core(tok: Any) -> set[str]:
    """Lemmas of the verb's objects (with their conjuncts) and of their left modifiers."""
    heads = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    heads += [x for h in heads for x in h.conjuncts]
    words = {h.lemma_.lower() for h in heads}
    words |= {
        c.lemma_.lower()
        for h in heads
        for c in h.children
        if c.i < h.i and c.dep_ in ("compound", "amod", "nmod")
    }
    return words


def _bare(post: tuple[str, ...]) -> set[str]:
    return {w.lstrip("=") for w in post}


MEDIATE = "045"
APPEAL = "02"  # nominal requests (nouns.tsv: membership applications and bids)
# verbs by which a third party brings about a deal between others ("Qatar helped secure a
# truce between A and B"), and by which it only seeks one ("is seeking a deal between A and B")
BROKER = frozenset({"broker", "secure", "mediate", "facilitate", "negotiate", "clinch", "arrange"})
SEEK = frozenset({"seek", "pursue", "push"})
SETTLEMENT_TYPES = frozenset({"AGREE", "RETREAT"})


def _between(noun: Any) -> bool:
    return any(c.dep_ == "prep" and c.lower_ in ("between", "among") for c in noun.children)


def brokered(hits: list[Hit], type_of: Callable[[Hit], str]) -> list[Hit]:
    """A deal or truce between named parties that a verb's subject secures or seeks: the
    subject mediates (CAMEO 045); a deal only sought is no agreement yet."""
    by_tok = {h.token.i: h for h in hits}
    drop: set[int] = set()
    for h in list(hits):
        noun, gov = h.token, h.token.head
        if not h.noun or noun.dep_ != "dobj" or type_of(h) not in SETTLEMENT_TYPES:
            continue
        lem = gov.lemma_.lower()
        if not _between(noun) or lem not in BROKER | SEEK:
            continue
        by_tok[gov.i] = Hit(gov, MEDIATE, 0.6, False, (gov.i, gov.i + 1), brokered=True)
        if lem in SEEK:
            drop.add(noun.i)
    return sorted((h for i, h in by_tok.items() if i not in drop), key=lambda h: h.token.i)


# promising a harmful act threatens it (PLOVER THREATEN): "vowed to renew the bombing
# campaign", "pledged to continue its attacks"; the act promised is the threat's mode
PROMISING = frozenset({"vow", "pledge", "promise", "swear"})
CONTINUING = frozenset(
    {"continue", "renew", "resume", "step", "intensify", "escalate", "expand", "keep", "wage"}
)


def promised_harm(hits: list[Hit], type_of: Callable[[Hit], str]) -> list[Hit]:
    """A harm act (ASSAULT, COERCE, SANCTION) promised ('vowed to'), raised as a possibility
    or held out by a threat ('threatened X with arrest') is no event: it has not happened. A
    promise or a raised possibility becomes a THREATEN hit on its verb."""
    if not hits:
        return hits
    by_tok = {h.token.i: h for h in hits}
    for verb in content_tokens(hits[0].token.sent):  # the trigger scan's tokens, not all
        own = by_tok.get(verb.i)
        threat = own is not None and not own.noun and type_of(own) == "THREATEN"
        if verb.pos_ != "VERB" or not (threat or verb.lemma_.lower() in PROMISING | RAISING):
            continue
        if threat and verb.lemma_.lower() in PROMISING and _renounced(verb):
            by_tok.pop(verb.i)  # "vowed not to attack": a promise to refrain threatens no one
            continue
        held = _held_out(verb) if threat else _promised(verb) or _raised(verb)
        inner = [by_tok[t.i] for t in held if t.i in by_tok and t.i != verb.i]
        harm = [h for h in inner if type_of(h) in FUTURE_THREAT]
        if not harm:
            continue
        code = FUTURE_THREAT_CODES.get(harm[0].cameo, FUTURE_THREAT[type_of(harm[0])])
        if not threat:
            by_tok[verb.i] = Hit(verb, code, 0.7, False, (verb.i, verb.i + 1))
        for h in inner:  # the act held out and what it acts on ("suspending talks")
            by_tok.pop(h.token.i, None)
    return sorted(by_tok.values(), key=lambda h: h.token.i)


def _renounced(verb: Any) -> bool:
    return any(
        c.dep_ == "xcomp" and any(n.dep_ == "neg" for n in c.children) for c in verb.children
    )


def _promised(verb: Any) -> list[Any]:
    """The act a promise names: its infinitive and the infinitive's object (through a verb of
    continuing: 'to renew their bombing campaign'); none when negated ('vowed not to')."""
    out: list[Any] = []
    acts = [c for c in verb.children if c.dep_ == "xcomp" and c.pos_ == "VERB"]
    for _ in range(2):
        if not acts or any(c.dep_ == "neg" for c in acts[0].children):
            return out
        act = acts[0]
        objs = [c for c in act.children if c.dep_ == "dobj"]
        out += [act, *objs, *(c for o in objs for c in o.children if c.dep_ == "compound")]
        if act.lemma_.lower() not in CONTINUING:
            break
        acts = [c for c in act.children if c.dep_ == "xcomp" and c.pos_ == "VERB"]
    return out


# "raised the possibility of banning X", "floated the prospect of sanctions"
RAISING = frozenset({"raise", "float", "moot", "hold", "dangle"})
PROSPECTS = frozenset({"possibility", "prospect", "option", "spectre", "specter"})


def _raised(verb: Any) -> list[Any]:
    """The act a raised possibility names: the of-object (or gerund) and its object."""
    objs = [c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in PROSPECTS]
    of = [p for o in objs for p in o.children if p.dep_ == "prep" and p.lower_ == "of"]
    acts = [c for p in of for c in p.children if c.dep_ in ("pobj", "pcomp")]
    return acts + [c for a in acts for c in a.children if c.dep_ in ("dobj", "compound")]


def _held_out(verb: Any) -> list[Any]:
    """What a threat holds out: 'threatened protesters with arrest'."""
    return [c for p in verb.children if p.lower_ == "with" for c in p.children]


PACTS = frozenset({"agreement", "agreements", "accord", "accords", "deal", "pact", "treaty"})


def named_noun(noun: Any) -> bool:
    """'the Paris Agreement', 'the Minsk Accords' in running text: a name (capitalised after a
    proper-noun modifier, in a sentence that is not a title-case headline)."""
    if not noun.is_title or noun.i == noun.sent.start or noun.lemma_.lower() not in PACTS:
        return False  # a named summit or dialogue is still a meeting
    if not any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in noun.children):
        return False
    return any(t.is_lower and t.is_alpha and not t.is_stop for t in noun.sent)


def attack_damage(hits: list[Hit], type_of: Callable[[Hit], str]) -> list[Hit]:
    """'A drone attack set fire to a depot', 'the strike destroyed a plant': the damage an
    attack does is that attack, so the verb takes the attack's code (one ASSAULT, not an
    ASSAULT and a COERCE)."""
    attacks = {h.token.i: h for h in hits if h.noun and type_of(h) == "ASSAULT"}
    for h in hits:
        subj = [c for c in h.token.children if c.dep_ == "nsubj" and c.i in attacks]
        if not h.noun and subj and type_of(h) == "COERCE":
            h.cameo = attacks[subj[0].i].cameo
    return hits
