"""Links claims to the events they report and to the earlier claims they answer.

What a claim does to the status of an event in its content depends on its stance:
- assert/support/warn: claimed, only when the content is a proposition (a clause, a quote,
  "according to X"; ``forms.py``) or the object of a fact-reporting verb ("reported heavy
  shelling"); alleged for a sourceless cue ("reportedly", "it was reported that"). These
  leave the event as it is: a noun-phrase topic ("welcomed the agreement", "announced
  sanctions"), an urged or promised act ("urged X to ..."), a transcript's turn label, an
  "As X said, ..." echo, a cue whose speaker was not found, the narrator's own voice (a
  first-person speaker in a government statement: "we", "I"), and the speaker's own act of
  speech ("Blinken said the United States condemns ...": the condemnation is performed, so
  it is reported);
- accuse ("accused X of shelling"): alleged;
- deny ("denied the attack", "denied attacking"): denied;
- reject (condemn, criticise, oppose, protest): the condemned act is presupposed, so it keeps
  its own status; only when the content is a claim ("rejected the reports that ...",
  "dismissed the allegations") or is called false ("called the claims baseless") do the
  events in it become denied.
An event's own hypothetical/negated status always wins; expected/considered win over
claimed/alleged.
"""

from __future__ import annotations

import re
from typing import Any

from ..events.speech import REFUTING
from ..records import Actor, Claim, Event
from ..spans import SpanIndex

# Verbs whose noun-phrase object is the reported fact itself ("confirmed the strike").
FACT_VERBS = frozenset(
    [
        "report",
        "claim",
        "confirm",
        "allege",
        "reveal",
        "disclose",
        "cite",
        "testify",
        "document",
        "record",
        "detail",
        "verify",
    ]
)
# PLOVER types an actor performs by speaking (the speech act is the event).
SPEECH_ACT_TYPES = frozenset({"ACCUSE", "REQUEST", "REJECT", "THREATEN", "SUPPORT", "AGREE"})
ASSERTING_FORMS = frozenset({"clause"})
# An event's own clause modality that a reporting frame must not water down.
STRONG = {"expected", "considered", "hypothetical", "negated"}
KEEP_ALWAYS = {"hypothetical", "negated"}
STANCE_STATUS = {
    "assert": "claimed",
    "support": "claimed",
    "warn": "claimed",
    "accuse": "alleged",
    "deny": "denied",
    "reject": "denied",
    "acknowledge": "acknowledged",
}
FIRST_PERSON = frozenset({"we", "i", "us", "our", "my"})
WORD = re.compile(r"[a-z]+")
SOURCELESS = frozenset(
    [
        "reportedly",
        "allegedly",
        "purportedly",
        "supposedly",
        "apparently",
        "according",
        "reported",
        "alleged",
        "believed",
        "rumored",
        "rumoured",
        "said",
        "thought",
        "understood",
        "suspected",
        "claimed",
    ]
)
DENY_FORMS = frozenset(["deny", "denies", "denied", "denying", "refute", "refutes", "refuted"])
CLAIM_NOUNS = {
    "claim",
    "allegation",
    "assessment",
    "accusation",
    "report",
    "charge",
    "statement",
    "assertion",
    "finding",
    "conclusion",
    "warning",
    "remark",
    "comment",
    "suggestion",
    "intelligence",
    "account",
    "story",
    "rumor",
    "rumour",
    "evidence",
}


def status_for(claim: Claim, current: str, form: str = "clause", own: bool = False) -> str:
    """The status a claim gives an event inside its content (``form``: see ``forms.py``;
    ``own``: the event is the speaker's own act of speech)."""
    if current in KEEP_ALWAYS:
        return current
    if claim.stance == "reject" and not denies_occurrence(claim):
        return current  # "we condemn the attacks": the attacks happened
    new = STANCE_STATUS[claim.stance]
    if new == "claimed" and (narrator(claim) or own or not asserts(claim, form)):
        return current
    if claim.speaker is None and new == "claimed":
        if not sourceless(claim):
            return current  # a cue whose subject was not found ("to reiterate", "focused on")
        new = "alleged"
    if current in STRONG and new in ("claimed", "alleged"):
        return current
    if current == "alleged" and new == "claimed":
        return current
    return new


def asserts(claim: Claim, form: str) -> bool:
    """Does the claim assert its content as a fact (a proposition, or a fact-reporting
    verb's object)?"""
    if form in ASSERTING_FORMS:
        return True
    if form != "phrase":
        return False
    first = WORD.findall(claim.cue.lower())
    return any(_lemma(w) in FACT_VERBS for w in first)


def _lemma(word: str) -> str:
    for suffix, repl in (
        ("ied", "y"),
        ("ies", "y"),
        ("ed", ""),
        ("es", ""),
        ("s", ""),
        ("ing", ""),
    ):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            stem = word[: -len(suffix)] + repl
            if stem in FACT_VERBS or stem + "e" in FACT_VERBS:
                return stem if stem in FACT_VERBS else stem + "e"
    return word


def own_speech(claim: Claim, ev: Event, pronoun: str | None = None) -> bool:
    """Is the event an act of speech by the claim's own speaker ("Blinken said the US
    condemns ...", a quoted "We welcome ...", "Kyiv said it rejected ...")? ``pronoun``: the
    personal pronoun that is the event's subject, if any. A first-person one in a quote, or
    a third-person one in reported content, stands for the speaker (the logophoric reading)."""
    if ev.plover.type not in SPEECH_ACT_TYPES or claim.speaker is None:
        return False
    if pronoun is not None:
        return (pronoun in FIRST_PERSON) == claim.quoted
    sp = speaker_key(claim.speaker)
    return ev.source is not None and sp is not None and sp == speaker_key(ev.source)


def narrator(claim: Claim) -> bool:
    """A first-person speaker outside quotes is the document's own voice."""
    sp = claim.speaker
    return sp is not None and not claim.quoted and (sp.text or "").strip().lower() in FIRST_PERSON


def sourceless(claim: Claim) -> bool:
    """A cue that names no source by design: 'reportedly', 'according to reports',
    'it was alleged/reported/believed that', 'is said to'."""
    return bool(set(WORD.findall(claim.cue.lower())) & SOURCELESS)


def denies_occurrence(claim: Claim) -> bool:
    """Does a rejecting claim's content say that something did not happen (a claim noun,
    "the reports that ...", or a refuting word), rather than condemn what happened?"""
    words = {w.rstrip("s") if w.endswith("s") and len(w) > 3 else w for w in _words(claim)}
    return bool(words & CLAIM_NOUNS or words & REFUTING)


def _words(claim: Claim) -> set[str]:
    texts = [claim.content.text, *(p.text for p in claim.content_parts)]
    if claim.cue_span is not None:
        texts.append(claim.cue_span.text)
    return {w for t in texts for w in WORD.findall(t.lower())}


def _event_span(ev: Event, text: str) -> tuple[int, int]:
    if ev.trigger_span is not None:
        return ev.trigger_span.start, ev.trigger_span.end
    e = ev.evidence
    at = text.find(ev.trigger, e.start, e.end) if ev.trigger else -1
    if at >= 0:
        return at, at + len(ev.trigger)
    return e.start, e.end


def link_events(
    claims: list[Claim],
    events: list[Event],
    text: str,
    shields: dict[str, list[tuple[int, int]]] | None = None,
    forms: dict[str, str] | None = None,
    pronouns: dict[str, str] | None = None,
) -> list[Event]:
    """Attach each event to the claims whose content holds it; the innermost sets status.

    ``shields`` (claim id -> char spans) mark time adjuncts inside a content
    ("denies arms transfers since the invasion"): events there are linked but
    keep their status.
    """
    shields = shields or {}
    forms = forms or {}
    pronouns = pronouns or {}
    index = SpanIndex(
        (p.start, p.end, n)
        for n, c in enumerate(claims)
        for p in [c.content, *c.content_parts, *([c.cue_span] if c.cue_span else [])]
    )
    out: list[Event] = []
    for ev in events:
        a, b = _event_span(ev, text)
        near = (claims[n] for n in sorted(index.holding(a, b)))
        holders = [c for c in near if _holds(c, a, b) or _in_denial_cue(c, a, b)]
        if not holders:
            out.append(ev)
            continue
        holders.sort(key=_size)
        for c in holders:
            if ev.event_id not in c.events:
                c.events.append(ev.event_id)
        ids = [
            *ev.attributed_to,
            *(c.claim_id for c in holders if c.claim_id not in ev.attributed_to),
        ]
        inner = holders[0]
        shielded = any(x <= a and b <= y for x, y in shields.get(inner.claim_id, []))
        status: str = ev.status
        if shielded:
            pass
        elif _in_denial_cue(inner, a, b) and ev.status not in KEEP_ALWAYS:
            status = "denied"
        else:
            form = forms.get(inner.claim_id, "clause")
            own = own_speech(inner, ev, pronouns.get(ev.event_id))
            status = status_for(inner, ev.status, form, own)
        out.append(ev.model_copy(update={"attributed_to": ids, "status": status}))
    return out


def _holds(c: Claim, a: int, b: int) -> bool:
    """Is [a, b) inside the claim's content (any of its pieces)?"""
    return any(p.start <= a and b <= p.end for p in [c.content, *c.content_parts])


def _in_denial_cue(c: Claim, a: int, b: int) -> bool:
    """'denied attacking the hospital': the denied act is part of the cue phrase."""
    cs = c.cue_span
    if cs is None or not (cs.start < a and b <= cs.end):
        return False
    first = WORD.findall(cs.text.lower())[:1]
    return c.stance == "deny" or (bool(first) and first[0] in DENY_FORMS)


def _size(c: Claim) -> int:
    return sum(p.end - p.start for p in c.content_parts or [c.content])


def link_about(claims: list[Claim], events: list[Event]) -> list[Event]:
    """Claims about earlier claims also cover those claims' events (status unchanged)."""
    by_id = {c.claim_id: c for c in claims}
    extra: dict[str, list[str]] = {}
    for c in claims:
        for ref in c.about_claims:
            for eid in by_id[ref].events:
                if eid not in c.events:
                    c.events.append(eid)
                extra.setdefault(eid, []).append(c.claim_id)
    out = []
    for ev in events:
        add = [x for x in extra.get(ev.event_id, []) if x not in ev.attributed_to]
        out.append(
            ev.model_copy(update={"attributed_to": [*ev.attributed_to, *add]}) if add else ev
        )
    return out


def speaker_key(actor: Actor | None) -> str | None:
    if actor is None:
        return None
    return actor.country or actor.code or actor.name or actor.text


def claim_noun(sdoc: Any, root_i: int) -> Any | None:
    """The 'the claims' / 'the US assessment' noun a claim's content is about, if any."""
    root = sdoc[root_i]
    cands = [root, *(c for c in root.children if c.dep_ in ("nsubj", "nsubjpass"))]
    for t in cands:
        if t.pos_ in ("NOUN", "PROPN") and t.lemma_.lower() in CLAIM_NOUNS:
            return t
    return None


def referents(
    earlier: list[Claim],
    me: Claim,
    party_keys: set[str],
    topic_words: set[str],
) -> list[Claim]:
    """Earlier claims an anaphoric 'the claims' points to.

    A named party ("the US assessment") picks that party's claims; topic words
    ("allegations about Iranian drones") pick claims whose content mentions them;
    otherwise the most recent named speaker other than this one.
    """
    mine = speaker_key(me.speaker)
    others = [c for c in earlier if speaker_key(c.speaker) != mine or mine is None]
    if party_keys:
        hits = [c for c in others if c.speaker is not None and _keys(c.speaker) & party_keys]
        if hits:
            return hits
    if topic_words:
        hits = [c for c in others if any(w in c.content.text.lower() for w in topic_words)]
        if hits:
            return hits
    named = [c for c in others if c.speaker is not None]
    if not named:
        return others[-1:]
    key = speaker_key(named[-1].speaker)
    return [c for c in named if speaker_key(c.speaker) == key]


def _keys(actor: Actor) -> set[str]:
    return {k for k in (actor.country, actor.code, actor.name) if k}
