"""Filters -> parameterised SQL. User values only ever travel as ``?`` parameters."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from .rows import date_start


def _as_list(v: str | list[str] | tuple[str, ...] | None) -> list[str] | None:
    """Accept "a,b", ["a", "b"] or None."""
    if v is None:
        return None
    items = v.split(",") if isinstance(v, str) else list(v)
    out = [s.strip() for s in items if s and s.strip()]
    return out or None


def _as_date(v: str | date | None, name: str) -> date | None:
    if v is None or isinstance(v, date):
        return v
    d = date_start(v)
    if d is None:
        raise ValueError(f"{name}: not a date (YYYY, YYYY-MM or YYYY-MM-DD): {v!r}")
    return d


def parse_dyad(value: str | tuple[str, str] | list[str] | None) -> tuple[str, str] | None:
    """'IRN-RUS' / 'IRN,RUS' / ('IRN', 'RUS') -> ('IRN', 'RUS')."""
    if value is None:
        return None
    if isinstance(value, str):
        sep = "-" if "-" in value else ","
        parts = [p.strip() for p in value.split(sep)]
    else:
        parts = [str(p).strip() for p in value]
    if len(parts) != 2 or not all(parts):
        raise ValueError(f"dyad must be two actor keys like IRN-RUS, got {value!r}")
    return parts[0].upper(), parts[1].upper()


@dataclass
class EventFilter:
    """Event query. dyad (a, b) matches both directions unless ``directed``."""

    dyad: tuple[str, str] | str | None = None
    directed: bool = False
    actor: str | None = None  # key (IRN), CAMEO code (IRNGOV) or name substring
    country: str | None = None  # source or target country
    plover_type: str | list[str] | None = None
    mode: str | None = None
    status: str | list[str] | None = None
    since: str | date | None = None
    until: str | date | None = None
    weapon: str | None = None
    text: str | None = None
    doc_id: str | None = None
    event_ids: list[str] | None = None
    min_confidence: float = 0.0  # 0 keeps every event
    limit: int | None = 100
    offset: int = 0


@dataclass
class ClaimFilter:
    """Claim query. ``contested`` keeps claims in a contested group (store.contested)."""

    speaker: str | None = None  # key, code or name substring
    country: str | None = None
    stance: str | list[str] | None = None
    since: str | date | None = None
    until: str | date | None = None
    text: str | None = None
    doc_id: str | None = None
    event_id: str | None = None  # claims linked to this event
    contested: bool = False
    claim_ids: list[str] | None = None
    limit: int | None = 100
    offset: int = 0


def _actor_match(prefix: str, value: str, params: list[Any]) -> str:
    params += [value.upper(), value.upper(), _like(value)]
    return f"({prefix}_key = ? OR {prefix}_code = ? OR {prefix}_name ILIKE ? ESCAPE '\\')"


def _common(f: EventFilter | ClaimFilter, clauses: list[str], params: list[Any]) -> None:
    since, until = _as_date(f.since, "since"), _as_date(f.until, "until")
    if since:
        clauses.append("date_start >= ?")
        params.append(since)
    if until:
        clauses.append("date_start <= ?")
        params.append(until)
    if f.doc_id:
        clauses.append("doc_id = ?")
        params.append(f.doc_id)


def check_confidence(value: float) -> float:
    """A minimum confidence must lie in [0, 1]."""
    v = float(value)
    if not 0.0 <= v <= 1.0:
        raise ValueError(f"min_confidence must be between 0 and 1, got {value!r}")
    return v


def _like(text: str) -> str:
    esc = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{esc}%"


def event_where(f: EventFilter) -> tuple[str, list[Any]]:
    clauses: list[str] = ["TRUE"]
    params: list[Any] = []
    dyad = parse_dyad(f.dyad)
    if dyad:
        a, b = dyad
        if f.directed:
            clauses.append("(source_key = ? AND target_key = ?)")
            params += [a, b]
        else:
            clauses.append(
                "((source_key = ? AND target_key = ?) OR (source_key = ? AND target_key = ?))"
            )
            params += [a, b, b, a]
    if f.actor:
        src = _actor_match("source", f.actor, params)
        tgt = _actor_match("target", f.actor, params)
        clauses.append(f"({src} OR {tgt})")
    if f.country:
        clauses.append("(source_country = ? OR target_country = ?)")
        params += [f.country.upper()] * 2
    types = _as_list(f.plover_type)
    if types:
        clauses.append("list_contains(?, plover_type)")
        params.append([t.upper() for t in types])
    if f.mode:
        clauses.append("lower(plover_mode) = lower(?)")
        params.append(f.mode)
    statuses = _as_list(f.status)
    if statuses:
        clauses.append("list_contains(?, status)")
        params.append([s.lower() for s in statuses])
    if f.weapon:
        clauses.append("len(list_filter(weapons, lambda w: lower(w) LIKE lower(?))) > 0")
        params.append(_like(f.weapon))
    if f.text:
        clauses.append("(evidence_text ILIKE ? ESCAPE '\\' OR trigger ILIKE ? ESCAPE '\\')")
        params += [_like(f.text)] * 2
    if f.event_ids is not None:
        clauses.append("list_contains(?, event_id)")
        params.append(list(f.event_ids))
    if f.min_confidence:
        clauses.append("confidence >= ?")
        params.append(check_confidence(f.min_confidence))
    _common(f, clauses, params)
    return " AND ".join(clauses), params


def claim_where(f: ClaimFilter) -> tuple[str, list[Any]]:
    clauses: list[str] = ["TRUE"]
    params: list[Any] = []
    if f.speaker:
        clauses.append(_actor_match("speaker", f.speaker, params))
    if f.country:
        clauses.append("speaker_country = ?")
        params.append(f.country.upper())
    stances = _as_list(f.stance)
    if stances:
        clauses.append("list_contains(?, stance)")
        params.append([s.lower() for s in stances])
    if f.text:
        clauses.append("(content_text ILIKE ? ESCAPE '\\' OR evidence_text ILIKE ? ESCAPE '\\')")
        params += [_like(f.text)] * 2
    if f.event_id:
        clauses.append("list_contains(events, ?)")
        params.append(f.event_id)
    if f.claim_ids is not None:
        clauses.append("list_contains(?, claim_id)")
        params.append(list(f.claim_ids))
    _common(f, clauses, params)
    return " AND ".join(clauses), params


def paged(sql: str, order: str, f: EventFilter | ClaimFilter, params: list[Any]) -> str:
    """Append ORDER BY / LIMIT / OFFSET (values as parameters)."""
    sql += f" ORDER BY {order}"
    if f.limit is not None:
        sql += " LIMIT ?"
        params.append(int(f.limit))
    if f.offset:
        sql += " OFFSET ?"
        params.append(int(f.offset))
    return sql


EVENT_ORDER = "date_start NULLS LAST, doc_id, sentence, start_char, event_id"
CLAIM_ORDER = "date_start NULLS LAST, doc_id, sentence, start_char, claim_id"

# Rebuilds the actors table: one row per (code, name) seen as source, target or speaker.
REFRESH_ACTORS = """
INSERT INTO actors
WITH seen AS (
    SELECT source_code AS code, source_country AS country, source_sector AS sector,
           source_name AS name, record->>'$.source.kind' AS kind,
           1 AS is_event, 0 AS is_claim, date_start
    FROM events WHERE source_key IS NOT NULL
    UNION ALL
    SELECT target_code, target_country, target_sector, target_name,
           record->>'$.target.kind', 1, 0, date_start
    FROM events WHERE target_key IS NOT NULL
    UNION ALL
    SELECT speaker_code, speaker_country, speaker_sector, speaker_name,
           record->>'$.speaker.kind', 0, 1, date_start
    FROM claims WHERE speaker_key IS NOT NULL
)
SELECT coalesce(code, '') || '|' || coalesce(name, '') AS actor_key,
       code, any_value(country), any_value(sector), name, any_value(kind),
       sum(is_event)::INTEGER, sum(is_claim)::INTEGER, min(date_start), max(date_start)
FROM seen
GROUP BY code, name
"""
