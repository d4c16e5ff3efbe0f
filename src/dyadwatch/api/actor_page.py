"""The actor page: what the store holds for an actor (events as source and as target, claims
made) and the dictionary entry the actors stage resolves the name to, with its dates."""

from __future__ import annotations

from typing import Any

from ..store.params import _resolver
from ..store.queries import ClaimFilter, EventFilter
from . import queries as Q
from .db import Database

SHOWN = 20


def dictionary_entry(name: str) -> dict[str, Any] | None:
    """The resolver's reading of ``name`` and, for a dated entry, its start and end."""
    from ..actors.lexicon import fold, tokenize

    resolver = _resolver()  # the query layer's: loaded once for names and this page
    actor = resolver.resolve_phrase(name)
    if actor is None:
        return None
    out: dict[str, Any] = actor.model_dump(
        include={"name", "country", "sector", "code", "role", "kind", "entry", "resolved_by"}
    )
    slot = resolver.lexicon.phrases.get(tuple(fold(t) for t in tokenize(name)), {})
    dated = [e for p in slot.values() for e in p.entries if e.key == actor.entry]
    if dated:
        out.update(start=dated[0].start, end=dated[0].end, source=dated[0].source)
    return out


def actor_view(
    db: Database, code: str, name: str | None, f: EventFilter | None = None
) -> dict[str, Any]:
    """Rows of the actors table for this code (and name), events both ways, claims made; the
    lists under the filters ``f`` (dates, types, status, confidence, outlet)."""
    f = f if f is not None else EventFilter(limit=None)
    params: list[Any] = [code]
    extra = ""
    if name:
        extra = " AND name = ?"
        params.append(name)
    rows = db.rows(
        "SELECT code, name, country, sector, kind, n_events, n_claims, first_date, last_date"
        f" FROM actors WHERE code = ?{extra} ORDER BY n_events + n_claims DESC",
        params,
    )
    as_source = _events(db, "source", code, name, f)
    as_target = _events(db, "target", code, name, f)
    claims_total, claims = Q.list_claims(db, _claim_filter(db, f, name or code), SHOWN, 0)
    label = name or (rows[0]["name"] if rows else None) or code
    return {
        "code": code,
        "actor_name": name,
        "label": label,
        "rows": rows,
        "as_source": as_source,
        "as_target": as_target,
        "claims": claims,
        "claims_total": claims_total,
        "entry": dictionary_entry(label),
    }


def _claim_filter(db: Database, f: EventFilter, speaker: str) -> ClaimFilter:
    """The claims made by ``speaker`` under the event filters: dates and outlet on the claim,
    types, status and minimum confidence on the events it is about."""
    keep = ("plover_type", "status", "since", "until", "outlet")
    claim = ClaimFilter(speaker=speaker, limit=None, **{k: getattr(f, k) for k in keep})
    if f.min_confidence:  # about at least one event that confident
        claim.claim_ids = Q.linked_claim_ids(db, EventFilter(min_confidence=f.min_confidence))
    return claim


def _events(db: Database, side: str, code: str, name: str | None, f: EventFilter) -> dict[str, Any]:
    """Events with the actor on one side: exact code (and name) match, newest first."""
    total, items = Q.list_events(db, f, SHOWN, 0, side=(side, code, name))
    return {"total": total, "items": items}
