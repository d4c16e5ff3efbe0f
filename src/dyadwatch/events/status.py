"""Event status from the event's own clause (modality, negation, hedging).

Reported speech is left to the claims stage: this module stops climbing the tree at a
reporting verb, so "Kirby said Iran is considering X" gives X the status "considered"
from "considering", and the claims stage decides about "said".
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
        "plan",
        "propose",
        "intend",
        "explore",
        "seek",
        "eye",
        "study",
        "discuss",
        "envisage",
        "envision",
        "aim",
        "hope",
        "want",
        "wish",
    ]
)
EXPECT = frozenset(
    ["expect", "schedule", "due", "slate", "set", "anticipate", "forecast", "poise", "prepare"]
)
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo", "going"})
NEG = frozenset({"not", "n't", "never", "no", "neither", "nor"})
HEDGE = frozenset({"reportedly", "allegedly", "purportedly", "supposedly", "apparently"})
ALLEGE = frozenset({"accuse", "suspect", "allege", "believe", "say", "report", "think"})
CLAUSE_LINKS = frozenset({"xcomp", "ccomp", "advcl", "pcomp", "prep", "acl", "relcl"})


def _chain(tok: Any, limit: int = 6) -> list[Any]:
    """The trigger and its governors up to (not including) a reporting verb."""
    out = [tok]
    cur = tok
    for _ in range(limit):
        if cur.dep_ not in CLAUSE_LINKS and cur.dep_ not in ("dobj", "pobj", "nsubj", "attr"):
            break
        head = cur.head
        if head is cur:
            break
        if head.pos_ in ("VERB", "AUX") and head.lemma_.lower() in REPORTING - ALLEGE:
            break
        out.append(head)
        cur = head
        if cur.dep_ == "ccomp" and cur.head.lemma_.lower() in REPORTING:
            break
    return out


def _negated(tok: Any) -> bool:
    for c in tok.children:
        if c.dep_ == "neg" or (c.lower_ in NEG and c.dep_ in ("det", "advmod", "neg")):
            return True
    return False


def _hypothetical(tok: Any) -> bool:
    return any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in tok.children)


def _future(tok: Any) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in tok.children)


def _alleged(tok: Any) -> bool:
    if any(c.lower_ in HEDGE for c in tok.children):
        return True
    if tok.lemma_.lower() in ALLEGE and tok.tag_ == "VBN":
        passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children)
        agent = any(c.dep_ == "agent" for c in tok.children)
        return passive and not agent
    return False


def clause_status(trigger: Any) -> str:
    """Status for an event triggered at spaCy token ``trigger``."""
    chain = _chain(trigger)
    if any(_hypothetical(t) for t in chain):
        return "hypothetical"
    if any(_negated(t) for t in chain):
        return "negated"
    lemmas = [t.lemma_.lower() for t in chain[1:]]
    if any(lem in CONSIDER for lem in lemmas):
        return "considered"
    if any(lem in EXPECT for lem in lemmas) or any(_future(t) for t in chain):
        return "expected"
    if any(_alleged(t) for t in chain):
        return "alleged"
    return "reported"
