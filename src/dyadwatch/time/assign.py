"""Date each event and claim by the time expressions of its own clause.

Order of evidence, strongest first:
1. an expression in the clause of the trigger / cue (the head verb's subtree,
   minus embedded clauses, so "said on Friday that X will happen next year"
   dates the saying Friday and X next year); a date on another event noun in
   that clause stays with it ("met ... following the launch on October 3" does
   not date the meeting: ``time/attach.py``);
2. a claim in simple past with none inherits the date of the latest dated
   main clause before it in the same reporting episode (news convention:
   "The US warned on Friday ... Kirby said ...");
3. an event inside a claim's content, or coded from the claim's own verb,
   takes the claim's date;
4. else the publication date (basis "publication").

An event whose own date lies well before publication is marked ``background``
(``time/background.py``): a historical reference, not news.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from datetime import date
from typing import Any

from ..nlp import doc_text
from ..records import Claim, DateBasis, Event, Precision, TimeExpr
from ..spans import SpanIndex
from .attach import belongs, in_phrase, token_set
from .background import background
from .dates import parse_dct

# Dependency labels that open a clause of their own (its times are not ours).
EMBEDDED = frozenset({"ccomp", "advcl", "relcl", "parataxis", "csubj", "csubjpass", "acl"})
VERBAL = frozenset({"VERB", "AUX"})
_NOW = re.compile(r"(?i)now|currently|current|at\s+present|nowadays|these\s+days")
_SPAN_WORD = re.compile(
    r"(?i)(?:since|until|till|before|after|prior|following|ahead|in the run-up)\b"
)
MAX_PARAGRAPHS_BACK = 3


@dataclass(frozen=True)
class Dated:
    date: str | None
    precision: Precision | None
    basis: DateBasis | None
    text: str | None
    start: int | None = None  # char offset of the expression, when the date came from one

    def update(self) -> dict[str, Any]:
        return {
            "date": self.date,
            "date_precision": self.precision,
            "date_basis": self.basis,
            "date_text": self.text,
        }


def _from_expr(e: TimeExpr) -> Dated:
    return Dated(e.value, e.precision, e.basis, e.text, e.start)


class Clauses:
    """Clause lookups over one parsed document (``sdoc`` may be None)."""

    def __init__(self, text: str, sdoc: Any, exprs: list[TimeExpr]) -> None:
        self.text = text
        self.sdoc = sdoc if sdoc is not None and doc_text(sdoc) == text else None
        # "now", "currently" say nothing about when a reported act happened
        self.exprs = [e for e in exprs if e.value is not None and not _NOW.fullmatch(e.text)]
        # token indices under each expression, so clause membership is a set lookup, with
        # the first and last, so only the expressions of an event's own sentence are tested
        spans = [(e, self._tokens(e.start, e.end)) for e in self.exprs]
        self.expr_toks = [(e, t, min(t), max(t)) for e, t in spans if t]
        self._heads: dict[tuple[int, int], Any] = {}
        self.triggers: frozenset[int] = frozenset()  # tokens of every event trigger
        self.breaks = [m.start() for m in re.finditer(r"\n\s*\n|\n", text)]

    def _tokens(self, start: int, end: int) -> frozenset[int]:
        if self.sdoc is None:
            return frozenset()
        span = self.sdoc.char_span(start, end, alignment_mode="expand")
        return frozenset(range(span.start, span.end)) if span is not None else frozenset()

    def head(self, start: int, end: int) -> Any:
        """Top of the verb chain governing the token(s) at [start, end) (memoised:
        every event is compared with every claim's cue)."""
        key = (start, end)
        if key not in self._heads:
            self._heads[key] = self._head(start, end)
        return self._heads[key]

    def _head(self, start: int, end: int) -> Any:
        if self.sdoc is None:
            return None
        span = self.sdoc.char_span(start, end, alignment_mode="expand")
        if span is None or len(span) == 0:
            return None
        tok = span.root
        for _ in range(50):
            if tok.pos_ in VERBAL and tok.dep_ != "aux" and tok.dep_ != "auxpass":
                break
            if tok.head.i == tok.i:
                break
            tok = tok.head
        while tok.dep_ == "xcomp" and tok.head.i != tok.i:  # "expected to be delivered"
            tok = tok.head
        return tok

    def clause_span_tokens(self, head: Any) -> list[Any]:
        out, stack = [], [head]
        while stack:
            t = stack.pop()
            out.append(t)
            for child in t.children:
                if child.dep_ in EMBEDDED:
                    continue
                if child.dep_ == "conj" and child.pos_ in VERBAL:
                    continue
                stack.append(child)
        return out

    def own(
        self,
        start: int,
        end: int,
        fallback: tuple[int, int],
        skip: tuple[int, int] = (0, 0),
        speech: bool = False,
    ) -> Dated | None:
        """Date from an expression in the clause around [start, end).

        ``skip`` (a claim's content) only applies without a usable parse: with one,
        the clause already leaves out a complement clause, while a time phrase the
        parser hangs on the cue verb ("denounced the assessment on Friday") counts.
        """
        head = self.head(start, end)
        if head is not None and not (skip[0] <= head.idx < skip[1]):
            skip = (0, 0)
        if head is not None:
            clause = {t.i for t in self.clause_span_tokens(head)}
            mine = self._tokens(start, end)
            sent = head.sent  # both tests climb the parse, which never leaves the sentence
            inside = [
                e
                for e, toks, first, last in self.expr_toks
                if sent.start <= first and last < sent.end
                if (not clause.isdisjoint(toks) and belongs(toks, mine, head, self.triggers))
                or in_phrase(toks, mine, self.sdoc, self.triggers)
            ]
        else:
            lo, hi = fallback
            inside = [e for e in self.exprs if lo <= e.start and e.end <= hi]
        inside = [e for e in inside if not (skip[0] <= e.start < skip[1])]
        if speech:  # "denies transfers since the invasion": the period talked about, not the talk
            inside = [e for e in inside if not _SPAN_WORD.match(e.text)]
        if not inside:
            return None
        best = min(inside, key=lambda e: min(abs(e.start - end), abs(start - e.end)))
        return _from_expr(best)

    def paragraph(self, pos: int) -> int:
        return bisect_left(self.breaks, pos)

    def heading_between(self, a: int, b: int) -> bool:
        """A short unpunctuated line between two offsets (a section heading)."""
        for line in self.text[a:b].split("\n")[1:-1]:
            s = line.strip()
            if s and len(s.split()) <= 12 and not re.search(r"[.!?:\"'”’)]$", s):
                return True
        return False


# Main verbs of a news report ("X warned on Friday ..."); other dated main
# clauses ("In 2014 Russia annexed Crimea") are background, not the episode.
REPORTING_LEMMAS = frozenset(
    [
        "say",
        "tell",
        "warn",
        "announce",
        "claim",
        "deny",
        "denounce",
        "accuse",
        "reject",
        "add",
        "state",
        "insist",
        "urge",
        "describe",
        "confirm",
        "acknowledge",
        "admit",
        "report",
        "write",
        "tweet",
        "post",
        "note",
        "argue",
        "stress",
        "vow",
        "pledge",
        "threaten",
        "condemn",
        "criticize",
        "criticise",
        "praise",
        "welcome",
        "express",
        "call",
        "ask",
        "demand",
        "dismiss",
        "rebuke",
        "respond",
        "reply",
        "brief",
        "testify",
        "declare",
        "reiterate",
        "signal",
        "suggest",
        "speak",
        "comment",
        "explain",
        "voice",
        "promise",
        "predict",
        "assert",
        "allege",
        "concede",
        "disclose",
        "reveal",
        "quote",
    ]
)
RECENT_DAYS = 31


def reporting_anchors(cl: Clauses, dct: str | None) -> list[tuple[int, Dated]]:
    """(position, date) of main clauses that report speech and are dated in the last month."""
    ref = parse_dct(dct)
    if cl.sdoc is None or ref is None:
        return []
    out = []
    for sent in cl.sdoc.sents:
        root = sent.root
        if root.lemma_.lower() not in REPORTING_LEMMAS:
            continue
        d = cl.own(root.idx, root.idx + len(root.text), (sent.start_char, sent.end_char))
        if d is not None and _recent(d, ref):
            out.append((root.idx, d))
    return out


def _recent(d: Dated, ref: date) -> bool:
    """Dated on or before the reference day and no more than a month before it."""
    if d.date is None or d.precision != "day":
        return False
    day = date.fromisoformat(d.date)
    return 0 <= (ref - day).days <= RECENT_DAYS


def _simple_past(cl: Clauses, start: int, end: int) -> bool:
    head = cl.head(start, end)
    if head is None:
        return False
    auxes = [c.lower_ for c in head.children if c.dep_ in ("aux", "auxpass")]
    if any(a in ("has", "have", "'s", "'ve") for a in auxes):
        return False
    return bool(
        head.tag_ == "VBD" or (head.tag_ == "VBN" and any(a in ("was", "were") for a in auxes))
    )


def inherit(cl: Clauses, anchors: list[tuple[int, Dated]], cue: tuple[int, int]) -> Dated | None:
    if not _simple_past(cl, *cue):
        return None
    before = [(p, d) for p, d in anchors if p < cue[0]]
    if not before:
        return None
    pos, d = before[-1]
    if cl.paragraph(cue[0]) - cl.paragraph(pos) > MAX_PARAGRAPHS_BACK or cl.heading_between(
        pos, cue[0]
    ):
        return None
    return Dated(d.date, d.precision, "relative" if d.basis else None, d.text)


def _publication(dct: str | None) -> Dated:
    ref = parse_dct(dct)
    if ref is None:
        return Dated(None, None, None, None)
    return Dated(ref.isoformat(), "day", "publication", None)


def _trigger(ev: Event) -> tuple[int, int]:
    if ev.trigger_span is not None:
        return ev.trigger_span.start, ev.trigger_span.end
    i = ev.evidence.text.find(ev.trigger) if ev.trigger else -1
    if i >= 0:
        return ev.evidence.start + i, ev.evidence.start + i + len(ev.trigger)
    return ev.evidence.start, ev.evidence.end


def _cue(c: Claim) -> tuple[int, int]:
    if c.cue_span is not None:
        return c.cue_span.start, c.cue_span.end
    i = c.evidence.text.find(c.cue) if c.cue else -1
    if i >= 0:
        return c.evidence.start + i, c.evidence.start + i + len(c.cue)
    return c.evidence.start, c.evidence.end


def assign_dates(
    text: str,
    dct: str | None,
    sdoc: Any,
    events: list[Event],
    claims: list[Claim],
    exprs: list[TimeExpr],
    named: list[TimeExpr] | None = None,
) -> tuple[list[Event], list[Claim]]:
    """Dated copies of ``events`` and ``claims``; ``named`` are mentions of anchor events."""
    cl = Clauses(text, sdoc, exprs)
    if cl.sdoc is not None:
        cl.triggers = token_set((_trigger(e) for e in events), cl.sdoc)
    anchors = reporting_anchors(cl, dct)
    pub = _publication(dct)
    ref = parse_dct(dct)
    claim_dates: dict[str, Dated] = {}
    for c in sorted(claims, key=lambda c: _cue(c)[0]):
        cue = _cue(c)
        ev = (c.evidence.start, c.evidence.end)
        skip = (c.content.start, c.content.end)
        d = cl.own(*cue, fallback=ev, skip=skip, speech=True) or inherit(cl, anchors, cue)
        if d is not None and ref is not None and _recent(d, ref):
            # a recently dated report continues the episode for the claims after it
            anchors = sorted([*anchors, (cue[0], d)], key=lambda a: a[0])
        claim_dates[c.claim_id] = d or pub
    out_claims = [c.model_copy(update=claim_dates[c.claim_id].update()) for c in claims]
    holders = ClaimLookup(cl, claims)
    out_events = []
    for e in events:
        trig = _trigger(e)
        d = _named(named or [], trig) or cl.own(*trig, fallback=(e.evidence.start, e.evidence.end))
        d = d or _from_claim(cl, e, trig, holders, claim_dates) or pub
        bg = d.basis != "publication" and background(d.date, ref, cl.sdoc, d.start)
        out_events.append(e.model_copy(update={**d.update(), "background": bg}))
    return out_events, out_claims


def _named(named: list[TimeExpr], trig: tuple[int, int]) -> Dated | None:
    """The event is itself a named anchor event ("the invasion of Ukraine")."""
    for n in named:
        if n.start <= trig[0] < n.end and n.value:
            return _from_expr(n)
    return None


class ClaimLookup:
    """Claims by content span and by cue head, built once per document: a scan of every
    claim for every event was quadratic in document length."""

    def __init__(self, cl: Clauses, claims: list[Claim]) -> None:
        self.content = SpanIndex((c.content.start, c.content.end, c) for c in claims)
        self.by_cue_head: dict[int, Claim] = {}
        for c in claims:
            cue_head = cl.head(*_cue(c))
            if cue_head is not None:
                self.by_cue_head.setdefault(cue_head.i, c)


def _from_claim(
    cl: Clauses, e: Event, trig: tuple[int, int], claims: ClaimLookup, dates: dict[str, Dated]
) -> Dated | None:
    holders = claims.content.at(trig[0])
    if holders:  # the innermost content holding the trigger speaks for it
        return dates[min(holders, key=lambda c: c.content.end - c.content.start).claim_id]
    for cid in e.attributed_to:  # first listed is the primary attribution
        if cid in dates:
            return dates[cid]
    head = cl.head(*trig)
    if head is None:
        return None
    # the event is the reporting act itself ("Cleverly described ...")
    c = claims.by_cue_head.get(head.i)
    return dates[c.claim_id] if c is not None else None
