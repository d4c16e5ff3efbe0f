"""One event, several mentions (issue 7, part 5).

A document that says the same thing twice ("Russia shelled the plant on Tuesday." ... "The
Russian strike on the plant ...") asserts one event, not two: counting both would inflate
every dyad series by how often a writer repeats himself. Events of one document merge when
they share source, target, PLOVER type, date and status family; the merged event keeps
every mention in ``Event.mentions``.

What keeps two mentions apart (an analyst must still see them):
- a different date, type or direction, or an unknown date (nothing says it is the same day);
- a different status, except reported and claimed (the text, or a named source, states
  it happened): an allegation, an admission, a denial, a negation, a plan or a conditional
  each stays its own event, so a contest (alleged vs acknowledged vs denied) stays visible;
- different sectors on a side ("protesters" vs "the government"); a side with no sector
  ("Russia") joins the one sector seen for that side in the group ("Russian forces").

The merged event is its primary mention (best status, then highest confidence, then
earliest) with its id, fields and evidence; it takes the union of weapons, contexts and
attributing claims and the highest confidence (repeats in one text are not independent
evidence, so no noisy-or). Pure: the same events give the same output, and merging twice
changes nothing. Runs after the time stage, the first point where dates are known.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from ..records import Actor, Claim, Event, EventMention

# statuses stating the act happened; they merge with each other, every other status stands alone
HAPPENED = ("reported", "claimed")  # primary preference order

Side = tuple[str, str | None] | None  # (country/code/name, sector)


def status_family(status: str) -> str:
    return "happened" if status in HAPPENED else status


def _base(actor: Actor | None) -> Side:
    if actor is None:
        return None
    name = actor.country or actor.code or actor.name or actor.text.strip().lower()
    return name, None if defaulted_gov(actor) else actor.sector


def defaulted_gov(actor: Actor) -> bool:
    """A bare country name acting is coded GOV by convention (events/pairs.py), which says
    nothing about which of its bodies acted: for merging it has no sector of its own."""
    return (
        actor.kind == "state"
        and actor.sector == "GOV"
        and not actor.role
        and (actor.entry or "").startswith("countries:")
    )


def _coarse(ev: Event) -> tuple[Any, ...] | None:
    """Grouping key without sectors; None for events that never merge (no date)."""
    if not ev.date:
        return None
    src, tgt = _base(ev.source), _base(ev.target)
    return (
        ev.doc_id,
        src and src[0],
        tgt and tgt[0],
        ev.plover.type,
        ev.date,
        status_family(ev.status),
    )


def _sole_sector(group: Sequence[Event], side: str) -> str | None:
    """The one sector seen on ``side`` in the group, else None (none or several)."""
    seen = {s[1] for e in group if (s := _base(getattr(e, side))) and s[1]}
    return seen.pop() if len(seen) == 1 else None


def _split_by_sector(group: list[Event]) -> list[list[Event]]:
    fill = {side: _sole_sector(group, side) for side in ("source", "target")}

    def sectors(e: Event) -> tuple[str | None, str | None]:
        out = []
        for side in ("source", "target"):
            s = _base(getattr(e, side))
            out.append((s[1] or fill[side]) if s else None)
        return out[0], out[1]

    parts: dict[tuple[str | None, str | None], list[Event]] = {}
    for e in group:
        parts.setdefault(sectors(e), []).append(e)
    return list(parts.values())


def group_mentions(events: Sequence[Event]) -> list[list[Event]]:
    """Events of one act together, groups in order of their first event."""
    coarse: dict[tuple[Any, ...], list[Event]] = {}
    order: list[tuple[Any, ...] | Event] = []
    for e in events:
        key = _coarse(e)
        if key is None:
            order.append(e)
        elif key not in coarse:
            coarse[key] = [e]
            order.append(key)
        else:
            coarse[key].append(e)
    out: list[list[Event]] = []
    for item in order:
        if isinstance(item, Event):
            out.append([item])
        else:
            out.extend(_split_by_sector(coarse[item]))
    return out


def as_mention(ev: Event) -> EventMention:
    """The event's own evidence as a mention."""
    return EventMention(
        **ev.evidence.model_dump(),
        trigger_span=ev.trigger_span,
        status=ev.status,
        confidence=ev.confidence,
    )


def _mentions(ev: Event) -> list[EventMention]:
    return list(ev.mentions) or [as_mention(ev)]


def _position(ev: Event) -> tuple[int, int]:
    return ev.evidence.start, ev.trigger_span.start if ev.trigger_span else -1


def _rank(ev: Event) -> tuple[int, float, int, int]:
    status = HAPPENED.index(ev.status) if ev.status in HAPPENED else 0
    return (status, -ev.confidence, *_position(ev))


def _union(lists: Iterable[Iterable[str]]) -> list[str]:
    return list(dict.fromkeys(x for xs in lists for x in xs))


def _mention_key(m: EventMention) -> tuple[int, int, int, int]:
    t = m.trigger_span
    return (m.start, m.end, t.start if t else -1, t.end if t else -1)


def merge_group(group: Sequence[Event]) -> Event:
    """One event from the mentions of one act (see the module docstring)."""
    if len(group) == 1:
        (ev,) = group
        return ev if ev.mentions else ev.model_copy(update={"mentions": [as_mention(ev)]})
    primary = min(group, key=_rank)
    ordered = [primary, *sorted((e for e in group if e is not primary), key=_position)]
    mentions: dict[tuple[int, int, int, int], EventMention] = {}
    for m in (m for e in ordered for m in _mentions(e)):
        mentions.setdefault(_mention_key(m), m)  # one mention per trigger occurrence
    modes = [e.plover.mode for e in ordered if e.plover.mode]
    plover = primary.plover.model_copy(
        update={
            "mode": modes[0] if modes else None,
            "context": _union(e.plover.context for e in ordered),
        }
    )
    return primary.model_copy(
        update={
            "plover": plover,
            "confidence": max(e.confidence for e in group),
            "weapons": _union(e.weapons for e in ordered),
            "attributed_to": _union(e.attributed_to for e in ordered),
            "mentions": list(mentions.values()),
        }
    )


def merge_mentions(
    events: Sequence[Event], claims: Sequence[Claim]
) -> tuple[list[Event], list[Claim]]:
    """Merge the events of one act; claims then link the surviving event ids."""
    merged: list[Event] = []
    alias: dict[str, str] = {}
    for group in group_mentions(events):
        ev = merge_group(group)
        merged.append(ev)
        for e in group:
            alias[e.event_id] = ev.event_id
    out_claims = [
        c
        if not any(alias.get(i, i) != i for i in c.events)
        else c.model_copy(update={"events": list(dict.fromkeys(alias.get(i, i) for i in c.events))})
        for c in claims
    ]
    return merged, out_claims
