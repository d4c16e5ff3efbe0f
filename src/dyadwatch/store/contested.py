"""Contested claims: groups of claims about the same event(s) where actors disagree.

Claims and events are linked into groups by every link the records carry:
``claim.events``, ``claim.about_claims``, ``event.attributed_to``, and, within one document,
events on the same directed dyad with the same PLOVER type (the "alleged" and the
"denied" version of one drone-supply story are two event records). A group is contested
when one speaker asserts/supports/acknowledges/accuses while another speaker (a different
actor key) denies or rejects.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from ..records import stable_id
from .rows import date_start

if TYPE_CHECKING:
    from .db import Store

PRO = frozenset({"assert", "support", "acknowledge", "accuse"})
CONTRA = frozenset({"deny", "reject"})


class Position(BaseModel):
    """One speaker's stance in a group, with the sentence that says it."""

    claim_id: str
    doc_id: str
    speaker: str | None
    speaker_code: str | None
    speaker_key: str | None
    stance: str
    cue: str | None
    date: str | None
    content: str | None
    evidence: str | None
    sentence: int | None


class EventRef(BaseModel):
    event_id: str
    doc_id: str
    source: str | None
    target: str | None
    plover_type: str
    status: str
    date: str | None
    trigger: str | None
    weapons: list[str]
    evidence: str | None
    # stance -> speakers taking it on this event (direct links, claims about those claims,
    # and the same-topic events of the document)
    stances: dict[str, list[str]] = {}


class ClaimGroup(BaseModel):
    """A contested ledger entry: the events and every position taken on them."""

    group_id: str
    contested: bool
    dyads: list[str]
    events: list[EventRef]
    positions: list[Position]
    asserted_by: list[str]
    denied_by: list[str]
    first_date: str | None
    last_date: str | None


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _speaker_id(p: Position) -> str | None:
    return p.speaker_key or p.speaker


def is_contested(positions: Iterable[Position]) -> bool:
    """True when some speaker is for and a *different* speaker is against."""
    pro = {_speaker_id(p) for p in positions if p.stance in PRO} - {None}
    contra = {_speaker_id(p) for p in positions if p.stance in CONTRA} - {None}
    return any(a != b for a in pro for b in contra)


def _link(
    uf: _UnionFind, events: list[dict[str, Any]], claims: list[dict[str, Any]], across: bool
) -> None:
    known_events = {e["event_id"] for e in events}
    known_claims = {c["claim_id"] for c in claims}
    topic: dict[tuple[Any, ...], str] = {}
    for e in events:
        node = "e:" + e["event_id"]
        uf.find(node)
        for cid in e["attributed_to"] or []:
            if cid in known_claims:
                uf.union(node, "c:" + cid)
        key = _topic(e, across)
        if key in topic:
            uf.union(node, topic[key])
        else:
            topic[key] = node
    for c in claims:
        node = "c:" + c["claim_id"]
        uf.find(node)
        for eid in c["events"] or []:
            if eid in known_events:
                uf.union(node, "e:" + eid)
        for cid in c["about_claims"] or []:
            if cid in known_claims:
                uf.union(node, "c:" + cid)


def _topic(e: dict[str, Any], across: bool = False) -> tuple[Any, ...]:
    """Events with the same topic are one story: same directed dyad and PLOVER type in one
    document, or (``across`` documents) in the same month."""
    src, tgt = e["source_key"], e["target_key"]
    if across and src and tgt and e["date_start"]:
        return ("*", src, tgt, e["plover_type"], e["date_start"].strftime("%Y-%m"))
    return (e["doc_id"], src or "", tgt or "", e["plover_type"])


def _event_positions(
    events: list[dict[str, Any]], claims: list[dict[str, Any]], across: bool
) -> dict[str, set[str]]:
    """event_id -> ids of claims that take a position on it."""
    known = {c["claim_id"] for c in claims}
    direct: dict[str, set[str]] = {
        e["event_id"]: set(e["attributed_to"] or []) & known for e in events
    }
    for c in claims:
        for eid in c["events"] or []:
            if eid in direct:
                direct[eid].add(c["claim_id"])
    by_topic: dict[tuple[Any, ...], set[str]] = {}
    for e in events:
        by_topic.setdefault(_topic(e, across), set()).update(direct[e["event_id"]])
    about = [(c["claim_id"], set(c["about_claims"] or [])) for c in claims if c["about_claims"]]
    closed: dict[tuple[Any, ...], set[str]] = {}
    for topic, ids in by_topic.items():
        ids = set(ids)
        grew = bool(ids)
        while grew:  # claims about claims (support/reject of an assertion), transitively
            new = {cid for cid, targets in about if targets & ids} - ids
            ids |= new
            grew = bool(new)
        closed[topic] = ids
    return {e["event_id"]: closed[_topic(e, across)] for e in events}


# A speaker that is only a pronoun the actors stage could not resolve ("I", "his", "it").
PRONOUNS = frozenset(
    [
        "i",
        "me",
        "my",
        "mine",
        "we",
        "us",
        "our",
        "ours",
        "you",
        "your",
        "yours",
        "he",
        "him",
        "his",
        "she",
        "her",
        "hers",
        "it",
        "its",
        "they",
        "them",
        "their",
        "theirs",
        "this",
        "that",
        "these",
        "those",
        "who",
        "one",
    ]
)
UNRESOLVED = "unresolved speaker"


def speaker_label(name: str | None, text: str | None, code: str | None) -> str | None:
    """The speaker's name; an unresolved pronoun is grouped as "unresolved speaker", never
    shown as a speaker named "his"."""
    shown = name or text
    if shown and not code and shown.strip().lower() in PRONOUNS:
        return UNRESOLVED
    return shown


def _position(c: dict[str, Any]) -> Position:
    return Position(
        claim_id=c["claim_id"],
        doc_id=c["doc_id"],
        speaker=speaker_label(c["speaker_name"], c["speaker_text"], c["speaker_code"]),
        speaker_code=c["speaker_code"],
        speaker_key=c["speaker_key"],
        stance=c["stance"],
        cue=c["cue"],
        date=c["date"],
        content=c["content_text"],
        evidence=c["evidence_text"],
        sentence=c["sentence"],
    )


def _event_ref(e: dict[str, Any]) -> EventRef:
    return EventRef(
        event_id=e["event_id"],
        doc_id=e["doc_id"],
        source=e["source_key"],
        target=e["target_key"],
        plover_type=e["plover_type"],
        status=e["status"],
        date=e["date"],
        trigger=e["trigger"],
        weapons=list(e["weapons"] or []),
        evidence=e["evidence_text"],
    )


def build_groups(
    events: list[dict[str, Any]], claims: list[dict[str, Any]], across: bool = False
) -> list[ClaimGroup]:
    """Group event and claim rows (Store.event_rows / claim_rows dicts) into ledger entries."""
    uf = _UnionFind()
    _link(uf, events, claims, across)
    members: dict[str, tuple[list[dict[str, Any]], list[dict[str, Any]]]] = {}
    for e in events:
        members.setdefault(uf.find("e:" + e["event_id"]), ([], []))[0].append(e)
    for c in claims:
        members.setdefault(uf.find("c:" + c["claim_id"]), ([], []))[1].append(c)
    per_event = _event_positions(events, claims, across)
    groups = []
    for evs, cls in members.values():
        if not cls:
            continue
        positions = sorted(
            (_position(c) for c in cls), key=lambda p: (p.date or "", p.doc_id, p.sentence or 0)
        )
        by_id = {p.claim_id: p for p in positions}
        refs = []
        for e in evs:
            ref = _event_ref(e)
            for cid in sorted(per_event.get(e["event_id"], ()), key=lambda c: by_id[c].date or ""):
                p = by_id[cid]
                names = ref.stances.setdefault(p.stance, [])
                name = p.speaker or p.speaker_key or "?"
                if name not in names:
                    names.append(name)
            refs.append(ref)
        dates = sorted(d for d in [*(p.date for p in positions), *(r.date for r in refs)] if d)
        dyads = sorted({f"{r.source}-{r.target}" for r in refs if r.source and r.target})
        groups.append(
            ClaimGroup(
                group_id=stable_id(
                    *sorted(r.event_id for r in refs), *(p.claim_id for p in positions)
                ),
                contested=is_contested(positions),
                dyads=dyads,
                events=refs,
                positions=positions,
                asserted_by=_names(positions, PRO),
                denied_by=_names(positions, CONTRA),
                first_date=dates[0] if dates else None,
                last_date=dates[-1] if dates else None,
            )
        )
    groups.sort(key=lambda g: (g.first_date or "", g.group_id))
    return groups


def _names(positions: list[Position], stances: frozenset[str]) -> list[str]:
    out: list[str] = []
    for p in positions:
        name = p.speaker or p.speaker_key
        if p.stance in stances and name and name not in out:
            out.append(name)
    return out


def ledger(
    store: Store,
    dyad: tuple[str, str] | str | None = None,
    since: str | None = None,
    until: str | None = None,
    contested_only: bool = True,
    doc_id: str | None = None,
    across_documents: bool = False,
) -> list[ClaimGroup]:
    """Contested ledger: per group of linked events, who asserts, supports, denies it, when.

    ``dyad`` keeps groups with an event on that dyad (either direction); since/until apply
    to the group's dates. ``across_documents`` also joins events of different documents
    with the same directed dyad, PLOVER type and month (one side asserts in one article,
    the other denies in another).
    """
    from .params import parse_date, parse_dyad

    pair = parse_dyad(dyad) if dyad else None
    lo = parse_date("since", since) if since else None
    hi = parse_date("until", until, end=True) if until else None
    events, claims = _load(store, pair, doc_id, across_documents)
    groups = build_groups(events, claims, across_documents)
    out = []
    for g in groups:
        if contested_only and not g.contested:
            continue
        if pair and not {f"{pair[0]}-{pair[1]}", f"{pair[1]}-{pair[0]}"} & set(g.dyads):
            continue
        if lo and (date_start(g.last_date) or lo) < lo:
            continue
        if hi and (date_start(g.first_date) or hi) > hi:
            continue
        out.append(g)
    return out


_EVENT_COLS = (
    "event_id, doc_id, source_key, target_key, plover_type, status, date, date_start, trigger, "
    "weapons, evidence_text, attributed_to"
)
_CLAIM_COLS = (
    "claim_id, doc_id, speaker_name, speaker_text, speaker_code, speaker_key, stance, cue, date, "
    "content_text, evidence_text, sentence, events, about_claims"
)


def _load(
    store: Store, pair: tuple[str, str] | None, doc_id: str | None, across: bool
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Only the columns the ledger needs; with a dyad (document scope) only the documents
    that have an event on it, so a dyad's ledger does not scan the whole corpus."""
    where, params = "TRUE", []
    if doc_id:
        where, params = "doc_id = ?", [doc_id]
    elif pair and not across:
        a, b = pair
        where = (
            "doc_id IN (SELECT doc_id FROM events WHERE (source_key = ? AND target_key = ?) "
            "OR (source_key = ? AND target_key = ?))"
        )
        params = [a, b, b, a]
    events = store.rows(f"SELECT {_EVENT_COLS} FROM events WHERE {where}", params)
    claims = store.rows(f"SELECT {_CLAIM_COLS} FROM claims WHERE {where}", params)
    return events, claims


def contested_claim_ids(store: Store) -> set[str]:
    """Ids of every claim that sits in a contested group."""
    return {p.claim_id for g in ledger(store) for p in g.positions}
