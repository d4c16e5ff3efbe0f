"""Speech acts whose type is not the verb's own: warnings (THREATEN) and findings (ACCUSE).

A warning names the warned party as its subject ("X will pay a heavy price") or names no one
("there will be consequences", "all options are on the table"): the speaker is the subject of
the saying around it. A finding ("the Secretary determined that X committed crimes") accuses X;
the found act keeps its own event (claimed by the status stage). Parse-only: no actor lookups.
"""

from __future__ import annotations

from typing import Any

from .args import Args, first_with_actor, subject_of
from .index import MentionIndex
from .status import REPORTING

# the warning idioms of verbs.tsv whose subject is the warned party, not the speaker
WARNED_SUBJECT = {
    "pay": frozenset({"price", "cost"}),
    "face": frozenset({"consequence", "cost", "repercussion"}),
}
# "will not allow any attack to go unanswered": the negation belongs to the idiom
UNANSWERED = frozenset({"unchallenged", "unanswered", "unpunished"})
FUTURE_AUX = frozenset({"will", "would", "shall", "'ll", "could", "may", "might"})
PERMIT = frozenset({"allow", "let", "permit", "tolerate"})
# sayings whose subject is the speaker of the warning in their clause ("know", "understand"
# have the warned party as subject: "Moscow must understand that it will pay")
SPEAKING = (REPORTING | frozenset({"make", "reiterate", "stress", "signal", "vow"})) - frozenset(
    {"deny", "report", "describe", "cite", "acknowledge", "admit", "know", "think", "believe"}
)
TARGET_PREPS = ("for", "against", "on", "to")
# verbs of a determination or an assessment: "determined / concluded / found that X did Y"
FINDING = frozenset({"determine", "conclude", "find", "assess", "establish", "judge"})
# a found act that is a wrong done: the finding accuses its doer
WRONG_TYPES = frozenset({"ASSAULT", "COERCE", "THREATEN", "MOBILIZE", "REJECT", "SANCTION"})
WRONG_VERBS = frozenset({"violate", "breach", "flout", "commit", "perpetrate", "break"})


def idiom_top(tok: Any) -> Any:
    """The verb that carries the warning in its clause: 'allow' in 'not allow X to go
    unanswered', else the trigger itself."""
    if (
        tok.lemma_.lower() == "go"
        and tok.dep_ in ("ccomp", "xcomp")
        and tok.head.lemma_.lower() in PERMIT
        and any(c.lower_ in UNANSWERED for c in tok.children)
    ):
        return tok.head
    return tok


def warned_subject(tok: Any) -> bool:
    """'X will pay a heavy price': the subject is warned, the speaker is elsewhere."""
    objs = WARNED_SUBJECT.get(tok.lemma_.lower(), frozenset())
    return any(c.dep_ == "dobj" and c.lemma_.lower() in objs for c in tok.children)


def foretold(tok: Any) -> bool:
    """A warned-subject idiom is a warning only in the future or a condition ('will pay a
    price', 'would face consequences if'); 'farmers face rising costs' is a description."""
    if tok.lemma_.lower() not in WARNED_SUBJECT:
        return True
    if any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in tok.children):
        return True
    return any(c.dep_ == "advcl" and _if(c) for c in tok.children)


def _if(clause: Any) -> bool:
    return any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in clause.children)


def speaking_verb(tok: Any) -> Any | None:
    """The saying whose clause complement holds the warning ('we said ... will pay')."""
    cur = tok
    for _ in range(3):
        if cur.dep_ not in ("ccomp", "xcomp", "conj") or cur.head == cur:
            return None
        cur = cur.head
        if cur.lemma_.lower() in SPEAKING:
            return cur
    return None


def addressees(verb: Any) -> list[Any]:
    """'told Beijing that ...', 'warned Moscow that ...', 'made clear to Moscow that ...':
    the party spoken to."""
    out = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
    heads = [verb, *(c for c in verb.children if c.dep_ in ("oprd", "acomp"))]
    preps = [c for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ == "to"]
    return out + [p for c in preps for p in c.children if p.dep_ == "pobj"]


def warned_parties(tok: Any) -> list[Any]:
    """'consequences for Iran', 'sanctions against Russia': prepositional objects in the
    warning's own clause, nearest first."""
    out = []
    for t in tok.subtree:
        if t.dep_ == "pobj" and t.head.lower_ in TARGET_PREPS and t.i > tok.i:
            out.append(t)
    return out


# "we are confident that X conducted the attack": an assessment, as "we assess that X ..."
CERTAIN = frozenset({"confident", "certain", "convinced", "sure"})


def found_clause(tok: Any, wrong_at: set[int]) -> Any | None:
    """The clause a finding verb reports when it names a wrong ('determined that X committed
    crimes', 'concluded that X violated the accord'); ``wrong_at`` holds the token indices of
    conflictual triggers."""
    sure = [c for c in tok.children if c.dep_ == "acomp" and c.lemma_.lower() in CERTAIN]
    if tok.lemma_.lower() not in FINDING and not (tok.lemma_ == "be" and sure):
        return None
    for c in [*tok.children, *(k for a in sure for k in a.children)]:
        if c.dep_ != "ccomp" or c.pos_ not in ("VERB", "AUX"):
            continue
        if c.lemma_.lower() in WRONG_VERBS:
            return c
        if any(t.i in wrong_at for t in c.subtree if t.dep_ not in ("relcl", "acl")):
            return c
    return None


# words that call a claim untrue ("said the claims were baseless": judging an accusation false
# rejects it, CAMEO 120; the claims stage reads "called the reports false" the same way)
REFUTING = frozenset(
    [
        "false",
        "untrue",
        "baseless",
        "groundless",
        "unfounded",
        "fabricated",
        "fake",
        "lie",
        "lies",
        "nonsense",
        "absurd",
        "disinformation",
        "misinformation",
        "propaganda",
        "fiction",
        "fabrication",
    ]
)
# judging a thing worrying disapproves of it ("said the move was deeply concerning")
CONCERNING = frozenset(
    {"concerning", "alarming", "troubling", "worrying", "disturbing", "deplorable", "regrettable"}
)
JUDGING = frozenset({"say", "state", "insist", "declare", "add", "tell", "stress", "argue"})
# a verdict in the outlet's own voice: "X's crackdown is unconscionable" (no saying around it)
VERDICT_WORDS = frozenset(
    [
        "unconscionable",
        "reprehensible",
        "abhorrent",
        "appalling",
        "despicable",
        "egregious",
        "heinous",
        "inexcusable",
        "indefensible",
        "shameful",
        "disgraceful",
        "outrage",
        "affront",
        "travesty",
        "illegal",
        "unlawful",
        "illegitimate",
        "unacceptable",
        "outrageous",
        "irresponsible",
        "reckless",
        "provocative",
        "provocation",
        "violation",
        "crime",
        "crimes",
        "criminal",
        "aggression",
        "genocide",
        "atrocity",
        "atrocities",
        "barbaric",
        "sham",
        "hostile",
        "inhumane",
        "destabilizing",
        "destabilising",
        "unjustified",
        "unjustifiable",
        "unprovoked",
        "cynical",
    ]
)


def verdict_clause(tok: Any) -> Any | None:
    """'Beijing's coercive actions against Lithuania are unacceptable', 'It is outrageous that
    the junta holds ...': a main-clause copula judging a thing a wrong, in the text's own
    voice (a saying around it is ``judged_clause``). Returns the judged phrase's head, or the
    clause an extraposed 'it' stands for."""
    if tok.lemma_ != "be" or tok.dep_ != "ROOT" or any(c.dep_ == "neg" for c in tok.children):
        return None
    preds = [p for p in tok.children if p.dep_ in ("acomp", "attr")]
    words = {
        w
        for p in preds
        for w in (p.lemma_.lower(), p.lower_, *(m.lower_ for m in p.children if m.dep_ == "amod"))
    }
    if not words & (CONCERNING | VERDICT_WORDS) or words & REFUTING:
        return None
    subj = [c for c in tok.children if c.dep_ in ("nsubj", "expl")]
    if not subj:
        return None
    if subj[0].lower_ == "it":  # "It is outrageous that the junta continues to hold ..."
        return next((c for c in tok.children if c.dep_ == "ccomp"), None)
    return subj[0]


def judged_clause(
    tok: Any, wrongs: frozenset[str], harms: set[int] | frozenset[int] = frozenset()
) -> tuple[Any, str] | None:
    """'Russia said the British sanctions were illegal / a hostile act': a saying whose
    clause judges a thing a wrong accuses its owner (CAMEO 111); 'said India's claims were
    baseless' rejects them (120). ``wrongs``: the predicates of 'call X illegal' (verbs.tsv)."""
    if tok.lemma_.lower() not in JUDGING:
        return None
    for c in tok.children:
        if (
            c.dep_ == "ccomp"
            and c.lower_ in CONCERNING
            and not any(n.dep_ == "neg" for n in c.children)
        ):
            return c, "111"  # "said the move was deeply concerning" (read as a progressive)
        if c.dep_ != "ccomp" or c.lemma_ != "be" or any(n.dep_ == "neg" for n in c.children):
            continue
        for p in (p for p in c.children if p.dep_ in ("acomp", "attr")):
            words = {
                p.lemma_.lower(),
                p.lower_,
                *(m.lemma_.lower() for m in p.children if m.dep_ == "amod"),
            }
            if words & REFUTING:
                return c, "120"
            if words & wrongs or words & CONCERNING:
                return c, "111"
            if p.lower_ == "responsible" and any(
                k.lower_ == "for" and any(o.i in harms for o in k.children) for k in p.children
            ):
                return c, "111"  # "said Moscow was responsible for the attack" (a harmful act)
    return None


def swallowed(warnings: list[Any]) -> tuple[set[int], set[int]]:
    """Tokens a warning takes in: the nouns inside 'all options are on the table, including
    sanctions', and the 'allow' of 'will not allow X to go unanswered'."""
    inside: set[int] = set()
    tops: set[int] = set()
    for tok in warnings:
        top = idiom_top(tok)
        if top != tok or top.lemma_ == "be":
            inside |= {t.i for t in top.subtree if t.i != tok.i}
            tops |= {top.i} - {tok.i}
    return inside, tops


def copula_head(tok: Any) -> bool:
    """'There will be consequences', 'said all options are on the table': a copula heading
    its clause (the warning rows of verbs.tsv)."""
    return tok.dep_ == "ROOT" or (tok.dep_ == "ccomp" and tok.lemma_ == "be")


def warning_sides(idx: MentionIndex, tok: Any, args: Args) -> None:
    """A warning's speaker is the subject of the permitting verb ('we will not allow X to go
    unanswered') or of the saying around it; 'X will pay a price' warns its subject."""
    top = idiom_top(tok)
    said = speaking_verb(top)
    speaker = first_with_actor(idx, subject_of(said)[0]) if said is not None else []
    if top != tok:
        args.sources, args.targets = first_with_actor(idx, subject_of(top)[0]), []
    if warned_subject(tok):
        warned = args.sources
        if not warned and said is None and tok.dep_ == "ccomp":  # "X must know that they
            warned = first_with_actor(idx, subject_of(tok.head)[0])  # will pay": X is warned
        args.sources, args.targets = speaker, warned
    elif not args.sources:
        args.sources = speaker
    if not args.targets:
        # "not allow any threat to our troops to go unanswered": the threatened are our own
        heads = warned_parties(top) if top == tok else []
        heads += addressees(said) if said is not None else []
        args.targets = first_with_actor(idx, heads, obj=True)


def warned_addressees(idx: MentionIndex, tok: Any, args: Args) -> bool:
    """'Poland warned Belarus that it would close the border': an act announced under a
    warning is a threat to the party warned, when the act names no target of its own."""
    if args.targets or args.participants:
        return False
    said = speaking_verb(tok)
    if said is None:
        return False
    args.targets = [
        m for m in first_with_actor(idx, addressees(said), obj=True) if m not in args.sources
    ]
    return bool(args.targets)
