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
        and not _several_states(m.actor.role or m.actor.text)
    ]
    if not todo:
        return
    country = context_country(mentions)
    if country is None:
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


# offices a state has one of: their plural names holders from several states ("The
# Presidents expressed concern", "the foreign ministers met"), never the document's one country
ONE_PER_STATE = (
    "presidents",
    "prime ministers",
    "premiers",
    "chancellors",
    "foreign ministers",
    "defence ministers",
    "defense ministers",
    "heads of state",
    "heads of government",
    "world leaders",
    "kings",
    "monarchs",
)


def _several_states(role: str) -> bool:
    low = role.lower().strip()
    return low.endswith(ONE_PER_STATE)
