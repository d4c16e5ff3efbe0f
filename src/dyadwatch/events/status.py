"""Event status from the event's own clause (modality, negation, hedging, questions).

Reported speech is left to the claims stage: this module stops climbing the tree at a
reporting verb, so "Kirby said Iran is considering X" gives X the status "considered"
from "considering", and the claims stage decides about "said".

Rules, first match wins: a condition ("if", "unless") on the event's clause or on a clause
above it, a bare would outside reported speech, or could -> hypothetical; negation (not,
never, a "no"/"neither" determiner on the subject or object: "no agreement was reached"),
"without", or a failed/declined/refused/has-yet-to governor -> negated; may/might or
consider/weigh/want -> considered; will, is going to, plans to, is expected to, would in
reported speech -> expected; a passive "is believed/alleged to" or "reportedly" -> alleged.
A coordinated verb with no subject or auxiliary of its own shares its first conjunct's
modality ("will hold exercises and deploy ships"), except after "but"; a noun talked
"about" does not take the talk's modality; "if not more", "if any" and "find out if" (=
whether) are no conditions; a finite adverbial or relative clause keeps its own modality
("as Russia continues its attacks"); "looks forward to" is expected; an act quantified by "any"
with a modal ("any attack on an ally would ...") is hypothetical unless negated.
Questions are left to ``questions.interrogative``: the coder skips them.
"""

from __future__ import annotations

from typing import Any

REPORTING = frozenset(
    [
        "say",
        "tell",
        "claim",
        "deny",
        "assert",
        "state",
        "add",
        "insist",
        "note",
        "report",
        "warn",
        "announce",
        "describe",
        "cite",
        "acknowledge",
        "admit",
        "confirm",
        "suggest",
        "believe",
        "argue",
        "allege",
        "accuse",
        "reveal",
        "write",
        "explain",
        "stress",
        "emphasize",
        "emphasise",
        "indicate",
        "show",
        "think",
        "know",
    ]
)
CONSIDER = frozenset(
    [
        "consider",
        "weigh",
        "mull",
        "contemplate",
        "propose",
        "explore",
        "seek",
        "eye",
        "study",
        "envisage",
        "envision",
        "hope",
        "want",
        "wish",
    ]
)
EXPECT = frozenset(
    [
        "expect",
        "schedule",
        "due",
        "slate",
        "set",
        "anticipate",
        "forecast",
        "poise",
        "prepare",
        "plan",
        "intend",
        "aim",
        "likely",
    ]
)
OWN_CLAUSE_LINKS = frozenset({"xcomp", "dobj", "pobj", "prep", "nsubj", "nsubjpass", "attr"})
CONDITIONAL_MODALS = frozenset({"would", "could", "'d"})
PAST_MODALS = frozenset({"would", "could", "should", "might", "must", "'d"})
FUTURE_IN_PAST = frozenset({"would", "'d"})  # "said X would ...": expected, not a scenario
POSSIBLE_MODALS = frozenset({"may", "might"})  # "Iran may supply drones": considered
CONDITION_MARKS = frozenset({"if", "unless"})
# a clause awaited in the present tense states no act yet ("until Russia pays", "once it
# withdraws"); "until Russia withdrew" happened
AWAITED = frozenset({"until", "till", "once"})
ELLIPTICAL_IF = frozenset({"any", "anything", "ever", "all", "only"})  # "if any", "if ever"
# "find out / ask / see if ...": an embedded question, not a condition
INQUIRY = frozenset({"ask", "find", "see", "check", "know", "wonder", "determine", "learn"})
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo", "going"})
# "failed to deliver", "declined to meet", "has yet to sign": the act did not happen
NEG_GOVERNORS = frozenset(
    {"fail", "decline", "refuse", "refrain", "avoid", "abstain", "neglect", "omit"}
)
SHORT_OF = frozenset({"stop", "fall"})  # "stopped short of recognizing"
# "reluctant to impose a ban", "unwilling to send troops": the act is held back
RELUCTANT = frozenset({"reluctant", "unwilling", "hesitant", "loath", "loth"})
NEG = frozenset({"not", "n't", "never", "no", "neither", "nor"})
NEG_DETS = frozenset({"no", "neither"})  # "no agreement was reached", "neither side signed"
NEG_PRONOUNS = frozenset({"nobody", "none", "nothing", "noone"})
CORE_ARGS = frozenset({"nsubj", "nsubjpass", "dobj"})
NOT_NEGATING = frozenset({"only", "just", "merely", "simply"})  # "not only condemned ..."
CONTRAST = frozenset({"but", "yet", "while"})
TOPIC_PREPS = frozenset({"about", "regarding", "concerning"})
# verbs whose object act is presupposed: "did not condemn the invasion" (it happened)
PRESUPPOSING = frozenset(
    [
        "condemn",
        "denounce",
        "criticize",
        "criticise",
        "decry",
        "deplore",
        "welcome",
        "praise",
        "discuss",
        "mention",
        "address",
        "oppose",
        "protest",
        "blame",
        "acknowledge",
        "recognize",
        "recognise",
        "investigate",
        "prevent",
        "stop",
        "halt",
        "punish",
        "support",
    ]
)
HEDGE = frozenset({"reportedly", "allegedly", "purportedly", "supposedly", "apparently"})
ALLEGE = frozenset({"accuse", "suspect", "allege", "believe", "say", "report", "think"})
CLAUSE_LINKS = frozenset({"xcomp", "ccomp", "advcl", "pcomp", "prep", "acl", "relcl"})


def _chain(tok: Any, limit: int = 6) -> list[Any]:
    """The trigger and its governors up to (not including) a reporting verb."""
    out = [tok]
    cur = tok
    if _named_own_agent(tok):
        return out
    for _ in range(limit):
        if cur.dep_ == "conj" and not _shares_modality(cur):
            break
        if _topic(cur) or _own_clause(cur):
            break
        if cur.dep_ not in CLAUSE_LINKS and cur.dep_ not in (
            "dobj",
            "pobj",
            "nsubj",
            "attr",
            "conj",
            "acomp",  # "if Iran is prepared to comply", "is likely to attack"
        ):
            break
        head = cur.head
        if head == cur:
            break
        if head.pos_ in ("VERB", "AUX") and head.lemma_.lower() in REPORTING - ALLEGE:
            break
        out.append(head)
        cur = head
        if cur.dep_ == "ccomp" and cur.head.lemma_.lower() in REPORTING:
            break
    return out


def _named_own_agent(tok: Any) -> bool:
    """A noun act whose agent is named as its possessor ("will discuss the costs of Russia's
    war"): an act of its own, not the discussion's future. A pronoun possessor ("will launch
    its offensive") is the governing clause's subject and shares its modality."""
    if tok.pos_ != "NOUN":
        return False
    return any(c.dep_ == "poss" and c.pos_ == "PROPN" for c in tok.children)


def _own_clause(tok: Any) -> bool:
    """A finite adverbial or relative clause with its own subject ("as Russia continues its
    attacks", "Russia, which attacked Kyiv, will ..."): its modality is its own."""
    if tok.dep_ not in ("advcl", "relcl"):
        return False
    return any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in tok.children)


def _topic(tok: Any) -> bool:
    """A noun that is what is talked about ("want to talk about the meeting that is happening
    today"): the talk's modality is not the meeting's."""
    return tok.pos_ in ("NOUN", "PROPN") and tok.dep_ == "pobj" and tok.head.lower_ in TOPIC_PREPS


def _shares_modality(tok: Any) -> bool:
    """A verb conjunct with no subject or auxiliary of its own, not after "but", shares
    its first conjunct's auxiliaries and governors ("will hold drills and deploy ships")."""
    if tok.pos_ not in ("VERB", "AUX") or tok.head.pos_ not in ("VERB", "AUX"):
        return False
    own = ("nsubj", "nsubjpass", "aux", "auxpass", "neg", "expl")
    if any(c.dep_ in own for c in tok.children):
        return False
    return not any(c.dep_ == "cc" and c.lower_ in CONTRAST for c in tok.head.children)


def _negated(tok: Any) -> bool:
    for c in tok.children:
        negating = c.dep_ == "neg" or (c.lower_ in NEG and c.dep_ in ("det", "advmod", "neg"))
        if negating and not _not_only(c):
            return True
        if c.dep_ in CORE_ARGS and tok.pos_ in ("VERB", "AUX") and _no_det(c):
            return True
    if tok.dep_ in ("pcomp", "pobj") and tok.head.lower_ == "without":
        return True
    # "Iran's lack of cooperation", "the absence of talks": the act named did not happen
    prep = tok.head
    lacking = prep.head.lemma_.lower() in LACKING and prep.head.pos_ == "NOUN"
    return tok.dep_ == "pobj" and prep.lower_ == "of" and lacking


LACKING = frozenset({"lack", "absence", "dearth"})


def _negation_reaches(chain: list[Any]) -> bool:
    """Negation on the trigger, or on a governor that does not presuppose its object."""
    for k, t in enumerate(chain):
        if k and chain[k - 1].pos_ in ("NOUN", "PROPN") and t.lemma_.lower() in PRESUPPOSING:
            return False
        if _negated(t):
            return True
    return False


def _not_only(neg: Any) -> bool:
    """'not only X but also Y' asserts X."""
    nxt = neg.nbor(1) if neg.i + 1 < len(neg.doc) else None
    return nxt is not None and nxt.lower_ in NOT_NEGATING


def _no_det(arg: Any) -> bool:
    """'no agreement was reached', 'neither side signed', 'neither X nor Y attacked',
    'nobody was killed': the argument is quantified away."""
    if arg.lower_ in NEG_PRONOUNS:
        return True
    deps = ("det", "neg", "advmod", "preconj")
    return any(d.dep_ in deps and d.lower_ in NEG_DETS for d in arg.children)


def _failed(tok: Any) -> bool:
    """The act itself is what failed or was held back: 'failed to deliver', 'has yet to
    sign', 'avoided criticizing', 'refrained from condemning', 'stopped short of
    recognizing' (but in 'failed to prevent the attack' the attack happened: only the direct
    complement counts)."""
    if tok.pos_ not in ("VERB", "AUX") or tok.dep_ not in ("xcomp", "pcomp"):
        return False
    gov = tok.head
    if tok.dep_ == "pcomp":  # "refrained from X-ing", "stopped short of X-ing"
        prep = gov
        gov = prep.head.head if prep.head.lower_ == "short" else prep.head
        held = gov.lower_ in RELUCTANT and prep.lower_ in ("on", "about")
        if prep.lower_ not in ("from", "of") and not held:
            return False
    lem = gov.lemma_.lower()
    kids = {c.lower_ for c in gov.children} | {c.lower_ for c in tok.head.children}
    return (
        lem in NEG_GOVERNORS
        or gov.lower_ in RELUCTANT
        or (lem == "have" and "yet" in kids)
        or (lem in SHORT_OF and "short" in kids)
    )


def _any_act(tok: Any) -> bool:
    """'any arms exports to Russia would violate ...', 'any attack on an ally': an act
    quantified by 'any' is a scenario, not one that happened (after negation: 'did not
    receive any aid' is negated)."""
    return tok.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ == "any" for c in tok.children)


def _modal(chain: list[Any]) -> bool:
    """A modal on the clause ('any attack would ...'); without one, 'denies any arms
    transfers' is about acts, left to the claims stage."""
    return any(c.dep_ == "aux" and c.tag_ == "MD" for t in chain[:3] for c in t.children)


def _failed_act(chain: list[Any]) -> bool:
    """The trigger failed, or the noun act its verb failed to bring about ("failed to reach
    an agreement"; but "failed to prevent the attack": the attack happened)."""
    first = chain[0]
    if _failed(first):
        return True
    if len(chain) < 2 or first.pos_ not in ("NOUN", "PROPN") or first.dep_ != "dobj":
        return False
    return chain[1].lemma_.lower() not in PRESUPPOSING and _failed(chain[1])


def _hypothetical(tok: Any) -> bool:
    """Inside an if-clause, or the consequence of one ("would protest if ..."); not an
    elliptical "if not more" / "if any", nor "find out if" (= whether)."""
    for c in tok.children:
        if c.dep_ == "mark" and c.lower_ in CONDITION_MARKS and _condition(tok):
            return True
        if c.dep_ == "mark" and c.lower_ in AWAITED and tok.tag_ in ("VBZ", "VBP"):
            return True  # "keep the assets frozen until Russia pays": not (yet) done
        if (
            c.dep_ == "advcl"
            and _condition(c)
            and any(m.dep_ == "mark" and m.lower_ in CONDITION_MARKS for m in c.children)
            and tok.lemma_.lower() not in INQUIRY
            and tok.lemma_.lower() not in THREATENING
        ):
            return True
    return False


# "threatened retaliation if Finland joins NATO": the condition is the threat's content; the
# threat itself is made
THREATENING = frozenset({"threaten", "warn", "vow"})


def in_condition(tok: Any) -> bool:
    """Inside an if-clause itself (the supposition, not its consequence): "if Tehran is
    prepared to release X" supposes a promise; "if X attacks, Y will strike" makes a threat."""
    return any(
        c.dep_ == "mark" and c.lower_ in CONDITION_MARKS and _condition(t)
        for t in _chain(tok)
        for c in t.children
    )


def _condition(head: Any) -> bool:
    return head.tag_ not in ("JJR", "RBR") and head.lower_ not in ELLIPTICAL_IF


def _conditional_modal(chain: list[Any]) -> bool:
    """'would/could' on the event's own verb group in a main clause ("Iran would attack"),
    or 'could' anywhere ("said Russia could attack"); in a complement ("said/agreed that X
    would ...") 'would' is a future in the past."""
    for t in _verb_group(chain):
        modals = {c.lower_ for c in t.children if c.dep_ == "aux"}
        if "could" in modals or ("have" in modals and modals & PAST_MODALS):
            return True  # "should have withdrawn", "would have met": it did not happen
        if modals & CONDITIONAL_MODALS:
            return t.dep_ in ("ROOT", "conj") and not _under_reporting(t)
    return False


def _possible(chain: list[Any]) -> bool:
    """'may/might' on the event's own verb group: a possibility being weighed."""
    return any(
        c.dep_ == "aux" and c.lower_ in POSSIBLE_MODALS
        for t in _verb_group(chain)
        for c in t.children
    )


def _verb_group(chain: list[Any]) -> list[Any]:
    """The trigger and the governors it reaches without leaving its clause."""
    out = [chain[0]]
    for prev, t in zip(chain, chain[1:], strict=False):
        if prev.dep_ not in OWN_CLAUSE_LINKS:
            break
        out.append(t)
    return out


def _under_reporting(t: Any) -> bool:
    cur = t
    while cur.dep_ == "conj" and cur.head != cur:
        cur = cur.head
    return cur.head != cur and cur.head.lemma_.lower() in REPORTING


def _reported_modal(chain: list[Any]) -> bool:
    """'said X would ...' (not the speaker's own hedge, "I would say that X met Y")."""
    return any(
        c.dep_ == "aux" and c.lower_ in FUTURE_IN_PAST
        for t in chain
        if t.lemma_.lower() not in REPORTING
        for c in t.children
    )


def _future(tok: Any) -> bool:
    """'will sign', and 'is going to / is about to sign' (the infinitive's governor)."""
    if any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in tok.children):
        return True
    if tok.lemma_.lower() == "look" and any(c.lower_ == "forward" for c in tok.children):
        return True  # "looks forward to visiting Canada"
    return any(
        c.dep_ == "xcomp" and (c.tag_ == "VB" or c.pos_ == "VERB")
        for c in tok.children
        if tok.lower_ == "going" or (tok.lower_ == "about" and tok.head.lemma_ == "be")
    )


# nouns that name an act as a possibility: "the potential of further aggression"
POSSIBILITY = frozenset(
    {"potential", "possibility", "prospect", "risk", "danger", "spectre", "specter"}
    | {"likelihood", "chance", "threat", "fear", "fears"}
)


def _denied_gerund(tok: Any) -> bool:
    """'Iran denied supplying drones to Russia': the act its doer denies doing."""
    verb = tok.head if tok.dep_ in ("dobj", "compound") and tok.pos_ == "NOUN" else tok
    head = verb.head
    gerund = verb.tag_ == "VBG" and verb.dep_ in ("xcomp", "pcomp", "dobj")
    return gerund and head.lemma_.lower() in ("deny", "refute") and head.i < verb.i


def _a_possibility(tok: Any) -> bool:
    """'discussed the potential of further Russian aggression', 'the risk of an invasion',
    'warned of a clash': the act is weighed as possible, not reported (even with its own
    agent named)."""
    prep = tok.head
    if tok.dep_ != "pobj":
        return False
    if prep.lower_ in ("of", "about", "against") and prep.head.pos_ == "VERB":
        return prep.head.lemma_.lower() in WARNING  # "warned of a direct clash with NATO"
    return (
        prep.lower_ == "of" and prep.head.lemma_.lower() in POSSIBILITY and prep.head.pos_ == "NOUN"
    )


# verbs whose 'of/about/against' act is foreseen, not done
WARNING = frozenset({"warn", "caution", "fear", "worry"})


def _alleged(tok: Any) -> bool:
    if any(c.lower_ in HEDGE for c in tok.children):
        return True
    if tok.lemma_.lower() in ALLEGE and tok.tag_ == "VBN":
        passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children)
        agent = any(c.dep_ == "agent" for c in tok.children)
        return passive and not agent
    return False


def _near(tok: Any) -> bool:
    """'close to reaching', 'near a deal', 'on the verge of signing', 'nearing a deal'."""
    low = tok.lemma_.lower()
    if low in ("close", "near") and tok.pos_ in ("ADJ", "ADV"):
        return True
    return (low == "near" and tok.pos_ == "VERB") or low in NEAR_NOUNS


NEAR_NOUNS = frozenset({"verge", "brink", "cusp"})


def clause_status(trigger: Any) -> str:
    """Status for an event triggered at spaCy token ``trigger``."""
    if _denied_gerund(trigger):
        return "denied"
    chain = _chain(trigger)
    if any(_hypothetical(t) for t in chain) or _conditional_modal(chain):
        return "hypothetical"
    if _undecided(chain):
        return "considered"
    if _negation_reaches(chain) or _failed_act(chain):
        return "negated"
    if _any_act(trigger) and _modal(chain):
        return "hypothetical"
    lemmas = [t.lemma_.lower() for t in chain[1:]]
    if any(lem in CONSIDER for lem in lemmas) or _possible(chain) or _a_possibility(trigger):
        return "considered"
    # an act that is the active subject of "set", "aim", "prepare" does them: "the attack set
    # fire to a depot" happened (not "is set to meet")
    planned = [
        t.lemma_.lower() for p, t in zip(chain, chain[1:], strict=False) if p.dep_ != "nsubj"
    ]
    if (
        any(lem in EXPECT for lem in planned)
        or any(t.lower_ == "supposed" for t in chain[1:])  # "is supposed to meet": arranged
        or any(_near(t) for t in chain[1:])  # "close to reaching a deal": not reached yet
        or any(_future(t) for t in chain)
        or _reported_modal(chain)
    ):
        return "expected"
    if any(_alleged(t) for t in chain):
        return "alleged"
    return "reported"


def _undecided(chain: list[Any]) -> bool:
    """'has not yet decided whether to open the border', 'is weighing whether to send tanks':
    an act asked about is considered, neither done nor refused."""
    return any(c.dep_ == "mark" and c.lower_ == "whether" for c in chain[0].children)
