"""The document's dominant country for national roles that name none ("President Dos Santos")."""

from __future__ import annotations

from collections.abc import Sequence

from ..records import Mention

NO_CONTEXT_SECTORS = frozenset({"REF", "UAF", "IGO", "NGO", "MNC"})


def context_country(mentions: Sequence[Mention]) -> str | None:
    """The document's dominant country: named strictly more often than any other."""
    counts: dict[str, int] = {}
    for m in mentions:
        a = m.actor
        if a.country and a.kind in ("state", "person") and a.resolved_by != "context":
            counts[a.country] = counts.get(a.country, 0) + 1
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if not ranked or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    return ranked[0][0]


def place_in_context(mentions: list[Mention]) -> None:
    """'President Dos Santos', 'the rebels', 'police': a national role with no country named
    takes the document's dominant country (resolved_by='context'; callers with local evidence,
    such as the place of an event, should prefer that)."""
    todo = [
        m
        for m in mentions
        if m.actor.country is None
        and m.actor.sector
        and m.actor.sector not in NO_CONTEXT_SECTORS
        and m.actor.kind in ("person", "group")
        and (m.actor.code or "") in ("", m.actor.sector)
    ]
    if not todo:
        return
    todo = [m for m in todo if not _named_before(m, mentions)]
    country = context_country(mentions)
    if country is None or not todo:
        return
    for m in todo:
        a = m.actor
        m.actor = a.model_copy(
            update={
                "country": country,
                "code": country + (a.sector or ""),
                "resolved_by": "context",
            }
        )


def _named_before(m: Mention, mentions: Sequence[Mention]) -> bool:
    """'Prime Minister Rishi Sunak ... the Prime Minister': a bare title refers to the one
    person named before with that title, and takes that person's country (coreference).
    Two people named with it ("President Biden met President Xi") leave it to the context."""
    role = (m.actor.role or "").lower()
    if not role or m.actor.name:
        return False
    named = {
        e.actor.name: e.actor
        for e in mentions
        if e.start < m.start
        and e.actor.kind == "person"
        and e.actor.name
        and e.actor.country
        and (e.actor.role or "").lower() == role
    }
    if len(named) != 1:
        return False
    a = next(iter(named.values()))
    m.actor = m.actor.model_copy(
        update={
            "country": a.country,
            "code": (a.country or "") + (m.actor.sector or ""),
            "name": a.name,
            "resolved_by": "coreference",
        }
    )
    return True
