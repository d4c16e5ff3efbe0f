"""Contested claims ledger: groups of claims about the same event(s) where actors disagree.

Which claims and events form a group, and whether it is contested, is decided in SQL
(contested_sql.py). This module turns the groups a caller shows into ledger entries: each
event with who takes which stance on it, and every position with the sentence that says it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any, overload

import duckdb
from pydantic import BaseModel

from .contested_sql import (
    CONTRA,
    GROUP_COLS,
    PRO,
    PRONOUNS,
    UNRESOLVED,
    Place,
    build,
    speaker_sql,
    temp_place,
)

if TYPE_CHECKING:
    from .db import Store

__all__ = [
    "CONTRA",
    "PRO",
    "PRONOUNS",
    "UNRESOLVED",
    "ClaimGroup",
    "EventRef",
    "GroupList",
    "Position",
    "groups_where",
    "ledger",
    "load_groups",
    "speaker_label",
]


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


def speaker_label(name: str | None, text: str | None, code: str | None) -> str | None:
    """The speaker's name; an unresolved pronoun is grouped as "unresolved speaker", never
    shown as a speaker named "his". (The grouping applies the same rule in SQL: speaker_sql.)"""
    shown = name or text
    if shown and not code and shown.strip().lower() in PRONOUNS:
        return UNRESOLVED
    return shown


_CLAIM_SQL = f"""SELECT m.group_id, c.claim_id, c.doc_id, {speaker_sql("c")} AS speaker,
    c.speaker_code, c.speaker_key, c.stance, c.cue, c.date, c.content_text, c.evidence_text,
    c.sentence, c.about_claims
FROM {{claims}} m JOIN claims c ON c.claim_id = m.claim_id
WHERE m.group_id IN (SELECT unnest(?::VARCHAR[])) ORDER BY m.group_id, m.pos"""
_EVENT_SQL = """SELECT m.group_id, m.topic, m.claims, e.event_id, e.doc_id, e.source_key,
    e.target_key, e.plover_type, e.status, e.date, e.trigger, e.weapons, e.evidence_text
FROM {events} m JOIN events e ON e.event_id = m.event_id
WHERE m.group_id IN (SELECT unnest(?::VARCHAR[])) ORDER BY m.group_id, m.ord"""


def _rows(con: duckdb.DuckDBPyConnection, sql: str, params: Sequence[Any]) -> list[dict[str, Any]]:
    res = con.execute(sql, list(params))
    cols = [d[0] for d in res.description or []]
    return [dict(zip(cols, r, strict=True)) for r in res.fetchall()]


def load_groups(
    con: duckdb.DuckDBPyConnection, place: Place, ids: Sequence[str]
) -> list[ClaimGroup]:
    """Ledger entries of these groups (in this order) from a build's tables (contested_sql)."""
    if not ids:
        return []
    ids = list(ids)
    where = "WHERE group_id IN (SELECT unnest(?::VARCHAR[]))"
    heads = {
        r["group_id"]: r
        for r in _rows(con, f"SELECT {GROUP_COLS} FROM {place('groups')} {where}", [ids])
    }
    claims: dict[str, list[dict[str, Any]]] = {}
    for r in _rows(con, _CLAIM_SQL.format(claims=place("claims")), [ids]):
        claims.setdefault(r["group_id"], []).append(r)
    events: dict[str, list[dict[str, Any]]] = {}
    for r in _rows(con, _EVENT_SQL.format(events=place("events")), [ids]):
        events.setdefault(r["group_id"], []).append(r)
    return [_group(heads[g], events.get(g, []), claims.get(g, [])) for g in ids if g in heads]


def _position(c: dict[str, Any]) -> Position:
    return Position(
        claim_id=c["claim_id"],
        doc_id=c["doc_id"],
        speaker=c["speaker"],
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


def _stances(events: list[dict[str, Any]], claims: list[dict[str, Any]]) -> dict[str, list[int]]:
    """event_id -> positions (indices into ``claims``) taking a stance on it: its own links,
    those of its topic's other events, and claims about those claims, transitively."""
    index = {c["claim_id"]: i for i, c in enumerate(claims)}
    by_topic: dict[str, set[str]] = {}
    for e in events:
        by_topic.setdefault(e["topic"], set()).update(c for c in e["claims"] if c in index)
    about = [(c["claim_id"], set(c["about_claims"] or [])) for c in claims if c["about_claims"]]
    closed: dict[str, list[int]] = {}
    for topic, ids in by_topic.items():
        grew = bool(ids)
        while grew:  # support/reject of an assertion, transitively
            new = {cid for cid, targets in about if targets & ids} - ids
            ids |= new
            grew = bool(new)
        order = sorted(index[c] for c in ids)
        closed[topic] = sorted(order, key=lambda i: claims[i]["date"] or "")
    return {e["event_id"]: closed[e["topic"]] for e in events}


def _group(
    head: dict[str, Any], events: list[dict[str, Any]], claims: list[dict[str, Any]]
) -> ClaimGroup:
    positions = [_position(c) for c in claims]
    refs = []
    per_event = _stances(events, claims)
    for e in events:
        ref = _event_ref(e)
        for i in per_event[e["event_id"]]:
            p = positions[i]
            names = ref.stances.setdefault(p.stance, [])
            name = p.speaker or p.speaker_key or "?"
            if name not in names:
                names.append(name)
        refs.append(ref)
    return ClaimGroup(
        group_id=head["group_id"],
        contested=head["contested"],
        dyads=list(head["dyads"]),
        events=refs,
        positions=positions,
        asserted_by=_names(positions, PRO),
        denied_by=_names(positions, CONTRA),
        first_date=head["first_date"],
        last_date=head["last_date"],
    )


def _names(positions: list[Position], stances: frozenset[str]) -> list[str]:
    out: list[str] = []
    for p in positions:
        name = p.speaker or p.speaker_key
        if p.stance in stances and name and name not in out:
            out.append(name)
    return out


def groups_where(
    dyad: tuple[str, str] | None, lo: date | None, hi: date | None
) -> tuple[str, list[Any]]:
    """Groups with an event on the dyad (either direction) whose dates overlap [lo, hi]."""
    clauses: list[str] = ["TRUE"]
    params: list[Any] = []
    if dyad:
        clauses.append("list_has_any(dyads, ?::VARCHAR[])")
        params.append([f"{dyad[0]}-{dyad[1]}", f"{dyad[1]}-{dyad[0]}"])
    if lo:
        clauses.append("coalesce(last_start, ?) >= ?")
        params += [lo, lo]
    if hi:
        clauses.append("coalesce(first_start, ?) <= ?")
        params += [hi, hi]
    return " AND ".join(clauses), params


class GroupList(Sequence[ClaimGroup]):
    """Group ids in ledger order; entries are built only for the slice that is shown."""

    def __init__(self, ids: list[str], load: Callable[[list[str]], list[ClaimGroup]]) -> None:
        self.ids = ids
        self._load = load

    def __len__(self) -> int:
        return len(self.ids)

    @overload
    def __getitem__(self, i: int) -> ClaimGroup: ...
    @overload
    def __getitem__(self, i: slice) -> list[ClaimGroup]: ...
    def __getitem__(self, i: int | slice) -> ClaimGroup | list[ClaimGroup]:
        if isinstance(i, slice):
            return self._load(self.ids[i])
        return self._load([self.ids[i]])[0]

    def __iter__(self) -> Iterator[ClaimGroup]:
        yield from self[:]


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
    place = build_for(store, contested_only, across_documents, pair, doc_id)
    where, params = groups_where(pair, lo, hi)
    ids = [
        r[0]
        for r in store.con.execute(
            f"SELECT group_id FROM {place('groups')} WHERE {where}"
            " ORDER BY coalesce(first_date, ''), group_id",
            params,
        ).fetchall()
    ]
    return load_groups(store.con, place, ids)


def build_for(
    store: Store,
    contested_only: bool = True,
    across: bool = False,
    pair: tuple[str, str] | None = None,
    doc_id: str | None = None,
) -> Place:
    """Group the store into temporary tables of its connection; with a dyad (document scope)
    only the documents that have an event on it, so a dyad's ledger does not group the corpus."""
    docs: tuple[str, list[Any]] | None = None
    if doc_id:
        docs = ("SELECT ?::VARCHAR AS doc_id", [doc_id])
    elif pair and not across:
        a, b = pair
        docs = (
            "SELECT doc_id FROM events WHERE (source_key = ? AND target_key = ?)"
            " OR (source_key = ? AND target_key = ?)",
            [a, b, b, a],
        )
    place = temp_place()
    build(store.con, place, across=across, docs=docs, contested_only=contested_only)
    return place
