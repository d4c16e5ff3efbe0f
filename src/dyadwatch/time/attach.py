"""Which event a time expression belongs to: the one whose clause or noun phrase holds it.

A clause often names a second, earlier event inside an adjunct ("reaffirmed support
following the missile launch on October 3"). The date there modifies that event noun
(the launch), not the clause's verb nor a nominal trigger elsewhere in the clause (the
meeting). The path from the expression up to the clause head decides: an eventive noun on
it that is neither the trigger nor a core argument nor a frame ("in the meeting on Sunday,
X said") keeps the date to itself.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

# Nouns that name happenings; with other events' triggers they are the nominals a date can
# belong to instead of the clause verb.
EVENT_NOUNS = frozenset(
    {
        "address",
        "agreement",
        "annexation",
        "announcement",
        "arrest",
        "assault",
        "attack",
        "battle",
        "blast",
        "bombing",
        "call",
        "capture",
        "ceasefire",
        "ceremony",
        "clash",
        "clashes",
        "conference",
        "coup",
        "crackdown",
        "crash",
        "deal",
        "decision",
        "deployment",
        "detention",
        "downing",
        "drill",
        "drills",
        "election",
        "elections",
        "execution",
        "exercise",
        "exercises",
        "explosion",
        "fighting",
        "hearing",
        "inauguration",
        "incident",
        "incursion",
        "invasion",
        "killing",
        "killings",
        "launch",
        "launches",
        "massacre",
        "meeting",
        "meetings",
        "negotiations",
        "offensive",
        "parade",
        "protest",
        "protests",
        "raid",
        "rally",
        "referendum",
        "ruling",
        "sanctions",
        "seizure",
        "session",
        "shelling",
        "shootdown",
        "signing",
        "speech",
        "statement",
        "strike",
        "strikes",
        "summit",
        "talks",
        "test",
        "tests",
        "trial",
        "trip",
        "truce",
        "visit",
        "vote",
        "war",
        "withdrawal",
    }
)
# A nominal under these prepositions frames the clause's time ("In the meeting on Sunday,
# the President said ..."), or starts its period ("has occupied it since the 2014
# annexation"): its date passes to the clause. "after", "following", "including" do not.
FRAME_PREPS = frozenset({"in", "at", "during", "on", "throughout", "since"})
# The trigger's own participants: "held talks on Friday" dates the holding.
CORE_DEPS = frozenset({"dobj", "nsubj", "nsubjpass", "attr", "dative", "oprd", "appos", "conj"})
EMBEDDED = frozenset({"ccomp", "advcl", "relcl", "parataxis", "csubj", "csubjpass", "acl"})
# Prepositions a date phrase hangs on ("on October 3", "in November").
DATE_PREPS = frozenset({"on", "in", "at", "during", "of"})


def _eventive(tok: Any, triggers: frozenset[int]) -> bool:
    return tok.pos_ in ("NOUN", "PROPN") and (
        tok.i in triggers or tok.lemma_.lower() in EVENT_NOUNS or tok.lower_ in EVENT_NOUNS
    )


def _low_noun(prep: Any) -> Any | None:
    """The noun a date PP follows directly, when the parser hung the PP higher (on the verb):
    "following the missile launch on October 3" means the launch's date."""
    if prep.i == 0:
        return None
    tok = prep.doc[prep.i - 1]
    for _ in range(6):  # up through compounds / modifiers to the phrase head
        if tok.dep_ in ("pobj", "dobj", "nsubj", "nsubjpass", "attr") or tok.head.i == tok.i:
            break
        if tok.head.i <= tok.i or tok.head.i >= prep.i:
            return None
        tok = tok.head
    return tok if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ == "pobj" else None


def _parent(tok: Any, expr: frozenset[int], triggers: frozenset[int]) -> Any:
    """Syntactic parent, with the low-attachment repair for a date PP."""
    if (
        tok.dep_ == "prep"
        and tok.lower_ in DATE_PREPS
        and tok.head.pos_ in ("VERB", "AUX")
        and any(c.i in expr for c in tok.children)
    ):
        low = _low_noun(tok)
        if low is not None and _eventive(low, triggers) and low.head.head.i == tok.head.i:
            return low
    return tok.head


def belongs(
    expr: frozenset[int], trigger: frozenset[int], top: Any, triggers: frozenset[int]
) -> bool:
    """Whether the expression (token indices) dates the event with ``trigger`` tokens whose
    clause head is ``top`` rather than another event noun on the way up."""
    if not expr:
        return True
    for tok in _climb(expr, triggers, top.doc):
        if tok.i in trigger or tok.i == top.i:
            return True
        if tok.i not in expr and _blocks(tok, trigger, triggers):
            return False
    return True


def in_phrase(
    expr: frozenset[int], trigger: frozenset[int], doc: Any, triggers: frozenset[int]
) -> bool:
    """Whether the expression sits in the trigger noun's own phrase ("the launch on October 3"),
    even where the parser hung the date PP on a verb outside the trigger's clause."""
    if not expr or not trigger or not any(doc[i].pos_ in ("NOUN", "PROPN") for i in trigger):
        return False
    for tok in _climb(expr, triggers, doc):
        if tok.i in trigger:
            return True
        if tok.i not in expr and (
            (tok.pos_ in ("VERB", "AUX") and tok.dep_ != "prep")
            or tok.dep_ in EMBEDDED
            or _blocks(tok, trigger, triggers)
        ):
            return False
    return False


def _climb(expr: frozenset[int], triggers: frozenset[int], doc: Any) -> Iterator[Any]:
    """The expression's top token, then its governors up the tree (at most 60 steps)."""
    tok = min((doc[i] for i in expr), key=_depth)
    for _ in range(60):
        yield tok
        parent = _parent(tok, expr, triggers)
        if parent.i == tok.i:
            return
        tok = parent


def _blocks(tok: Any, trigger: frozenset[int], triggers: frozenset[int]) -> bool:
    if not _eventive(tok, triggers) or tok.i in trigger:
        return False
    if tok.dep_ in CORE_DEPS:
        return False
    if any(tok.is_ancestor(tok.doc[i]) for i in trigger):
        return False  # the trigger is inside this noun's phrase: "the July 19 address to a Meeting"
    return not (tok.dep_ == "pobj" and tok.head.lower_ in FRAME_PREPS)


def _depth(tok: Any) -> int:
    n = 0
    while tok.head.i != tok.i and n < 60:
        tok, n = tok.head, n + 1
    return n


def token_set(spans: Iterable[tuple[int, int]], sdoc: Any) -> frozenset[int]:
    """Token indices under character spans (other events' triggers)."""
    out: set[int] = set()
    for start, end in spans:
        span = sdoc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            out.update(range(span.start, span.end))
    return frozenset(out)
