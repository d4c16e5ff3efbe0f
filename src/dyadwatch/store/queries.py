"""The query layer: filters -> validated parameters -> parameterised SQL.

The CLI, the API and the dashboard all build an :class:`EventFilter` or :class:`ClaimFilter`
(from keyword values or from raw request parameters with :func:`from_params`) and take their
SQL from :func:`event_where` / :func:`claim_where`. Values are checked on construction (see
params.py: bad values raise FilterError with the valid ones) and only ever travel as ``?``
parameters.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from datetime import date
from typing import Any

from .params import (
    PLOVER_TYPES,
    STANCES,
    STATUSES,
    FilterError,
    parse_choices,
    parse_confidence,
    parse_date,
    parse_dyad,
    parse_key,
    parse_text,
)

# Event <-> claim links come from both sides: claim.events and event.attributed_to.
LINKS_SQL = """(
    SELECT c.claim_id AS claim_id, unnest(c.events) AS event_id FROM claims c
    UNION
    SELECT unnest(e.attributed_to) AS claim_id, e.event_id AS event_id FROM events e
)"""

# Public parameter names (CLI options and API query parameters) -> filter field.
EVENT_PARAMS: dict[str, str] = {
    "dyad": "dyad", "directed": "directed", "actor": "actor", "country": "country",
    "type": "plover_type", "mode": "mode", "status": "status", "since": "since",
    "until": "until", "weapon": "weapon", "q": "text", "text": "text", "doc_id": "doc_id",
    "contested": "contested", "min_confidence": "min_confidence", "outlet": "outlet",
}  # fmt: skip
CLAIM_PARAMS: dict[str, str] = {
    **EVENT_PARAMS, "actor": "speaker", "speaker": "speaker", "stance": "stance",
    "event_id": "event_id",
}  # fmt: skip
# Old API names, kept as aliases for one release.
ALIASES = {"date_from": "since", "date_to": "until"}


def _opt_text(name: str, v: Any) -> str | None:
    return None if v is None else parse_text(name, v)


@dataclass
class _Base:
    """Fields and validation shared by event and claim queries."""

    dyad: tuple[str, str] | str | None = None
    directed: bool = False
    country: str | None = None
    plover_type: str | list[str] | None = None
    mode: str | None = None
    status: str | list[str] | None = None
    since: str | date | None = None
    until: str | date | None = None
    weapon: str | None = None
    text: str | None = None
    doc_id: str | None = None
    outlet: str | None = None  # the document's outlet, case-insensitive substring
    contested: bool | None = None  # only (True) or no (False) contested records
    min_confidence: float | None = None
    limit: int | None = 100
    offset: int = 0
    # what names were resolved to, e.g. {"country": "'Russia' -> RUS"}
    resolved: dict[str, str] = field(default_factory=dict, compare=False)

    def __post_init__(self) -> None:
        notes = self.resolved
        if self.dyad is not None and self.dyad != "":
            self.dyad = parse_dyad(self.dyad, notes)
        else:
            self.dyad = None
        if self.country:
            self.country = parse_key("country", self.country, notes)
        else:
            self.country = None
        self.plover_type = self._choices("type", self.plover_type, PLOVER_TYPES, upper=True)
        self.status = self._choices("status", self.status, STATUSES, upper=False)
        if self.since is not None and self.since != "":
            self.since = parse_date("since", self.since)
        else:
            self.since = None
        if self.until is not None and self.until != "":
            self.until = parse_date("until", self.until, end=True)
        else:
            self.until = None
        if self.since and self.until and self.since > self.until:
            raise FilterError("since", f"{self.since} is after until {self.until}")
        if self.min_confidence is not None:
            self.min_confidence = parse_confidence(self.min_confidence) or None
        for name in ("mode", "weapon", "text", "doc_id", "outlet"):
            setattr(self, name, _opt_text(name, getattr(self, name)))
        if self.limit is not None and int(self.limit) < 0:
            raise FilterError("limit", f"must be 0 or more, got {self.limit}")
        if int(self.offset) < 0:
            raise FilterError("offset", f"must be 0 or more, got {self.offset}")

    @staticmethod
    def _choices(
        param: str, value: str | list[str] | None, allowed: tuple[str, ...], upper: bool
    ) -> list[str] | None:
        if value is None:
            return None
        return parse_choices(param, value, allowed, upper=upper) or None

    @property
    def dyad_keys(self) -> tuple[str, str] | None:
        return self.dyad if isinstance(self.dyad, tuple) else None

    @property
    def date_from(self) -> date | None:
        return self.since if isinstance(self.since, date) else None

    @property
    def date_to(self) -> date | None:
        return self.until if isinstance(self.until, date) else None

    def has_event_conditions(self) -> bool:
        return bool(self.dyad or self.plover_type or self.mode or self.status or self.weapon)


@dataclass
class EventFilter(_Base):
    """Event query. dyad (a, b) matches both directions unless ``directed``."""

    actor: str | None = None  # key (IRN), CAMEO code (IRNGOV) or name substring
    event_ids: list[str] | None = None

    def __post_init__(self) -> None:
        super().__post_init__()
        self.actor = _opt_text("actor", self.actor)


@dataclass
class ClaimFilter(_Base):
    """Claim query. Event conditions (dyad, type, status, ...) apply to the linked events."""

    speaker: str | None = None  # key, code or name substring
    stance: str | list[str] | None = None
    event_id: str | None = None  # claims linked to this event
    claim_ids: list[str] | None = None

    def __post_init__(self) -> None:
        super().__post_init__()
        self.speaker = _opt_text("speaker", self.speaker)
        self.stance = self._choices("stance", self.stance, STANCES, upper=False)
        self.event_id = _opt_text("event_id", self.event_id)


def from_params(kind: str, raw: Mapping[str, Any], **extra: Any) -> EventFilter | ClaimFilter:
    """A filter from public parameter names (API query, dashboard form); aliases accepted.

    An unknown name raises FilterError listing the known ones.
    """
    names = CLAIM_PARAMS if kind == "claims" else EVENT_PARAMS
    values: dict[str, Any] = {}
    for name, value in raw.items():
        public = ALIASES.get(name, name)
        if public not in names:
            known = ", ".join(sorted(names))
            raise FilterError(name, f"unknown parameter; known parameters: {known}")
        if value is None or value == "" or (name in ALIASES and public in raw):
            continue  # the new name wins over its old alias
        values[names[public]] = value
    cls = ClaimFilter if kind == "claims" else EventFilter
    known_fields = {f.name for f in fields(cls)}
    try:
        return cls(**{k: v for k, v in values.items() if k in known_fields}, **extra)
    except FilterError as exc:  # name the parameter as the user wrote it (an old alias)
        given = next((a for a, new in ALIASES.items() if new == exc.param and a in raw), None)
        if given is None:
            raise
        raise FilterError(given, exc.message) from None


@dataclass(frozen=True)
class Contested:
    """SQL subqueries of contested ids (the API keeps them as tables); None: ids on the filter."""

    claims: str
    events: str


def _like(text: str) -> str:
    """A case-insensitive substring pattern; the user's % and _ match themselves."""
    esc = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{esc}%"


def like_pattern(text: str) -> str:
    return _like(text)


def _actor_match(col: str, value: str, params: list[Any]) -> str:
    params += [value.upper(), value.upper(), _like(value)]
    return f"({col}_key = ? OR {col}_code = ? OR {col}_name ILIKE ? ESCAPE '\\')"


def _in_list(col: str, values: list[str], clauses: list[str], params: list[Any]) -> None:
    clauses.append(f"{col} IN ({', '.join('?' * len(values))})")
    params += values


def _dates(f: _Base, p: str, clauses: list[str], params: list[Any]) -> None:
    if f.date_from:
        clauses.append(f"{p}date_start >= ?")
        params.append(f.date_from)
    if f.date_to:
        clauses.append(f"{p}date_start <= ?")
        params.append(f.date_to)
    if f.doc_id:
        clauses.append(f"{p}doc_id = ?")
        params.append(f.doc_id)
    if f.outlet:
        clauses.append(
            f"{p}doc_id IN (SELECT doc_id FROM documents WHERE outlet ILIKE ? ESCAPE '\\')"
        )
        params.append(_like(f.outlet))


def _event_conditions(f: _Base, p: str, clauses: list[str], params: list[Any]) -> None:
    """Dyad, type, mode, status and weapon: on events, or on a claim's linked events."""
    if f.dyad_keys:
        a, b = f.dyad_keys
        if f.directed:
            clauses.append(f"({p}source_key = ? AND {p}target_key = ?)")
            params += [a, b]
        else:
            clauses.append(
                f"(({p}source_key = ? AND {p}target_key = ?)"
                f" OR ({p}source_key = ? AND {p}target_key = ?))"
            )
            params += [a, b, b, a]
    if f.plover_type:
        _in_list(f"{p}plover_type", list(f.plover_type), clauses, params)
    if f.mode:
        clauses.append(f"(lower({p}plover_mode) = lower(?) OR list_contains({p}plover_context, ?))")
        params += [f.mode, f.mode.lower()]
    if f.status:
        _in_list(f"{p}status", list(f.status), clauses, params)
    if f.weapon:
        clauses.append(
            f"len(list_filter({p}weapons, lambda w: lower(w) LIKE lower(?) ESCAPE '\\')) > 0"
        )
        params.append(_like(f.weapon))


def event_where(
    f: EventFilter, alias: str = "", contested: Contested | None = None
) -> tuple[str, list[Any]]:
    """WHERE body (never empty) and its parameters, for the events table as ``alias``."""
    p = f"{alias}." if alias else ""
    clauses: list[str] = ["TRUE"]
    params: list[Any] = []
    _event_conditions(f, p, clauses, params)
    if f.country:
        clauses.append(f"({p}source_key = ? OR {p}target_key = ?)")
        params += [f.country, f.country]
    if f.actor:
        src = _actor_match(f"{p}source", f.actor, params)
        tgt = _actor_match(f"{p}target", f.actor, params)
        clauses.append(f"({src} OR {tgt})")
    if f.text:
        clauses.append(f"({p}evidence_text ILIKE ? ESCAPE '\\' OR {p}trigger ILIKE ? ESCAPE '\\')")
        params += [_like(f.text)] * 2
    if f.event_ids is not None:
        clauses.append(f"list_contains(?, {p}event_id)")
        params.append(list(f.event_ids))
    if f.min_confidence:
        clauses.append(f"{p}confidence >= ?")
        params.append(f.min_confidence)
    if f.contested is not None and contested is not None:
        clauses.append(f"{p}event_id {'' if f.contested else 'NOT '}IN {contested.events}")
    _dates(f, p, clauses, params)
    return " AND ".join(clauses), params


def claim_where(
    f: ClaimFilter, alias: str = "", contested: Contested | None = None
) -> tuple[str, list[Any]]:
    """WHERE body for the claims table as ``alias``; event conditions go through the links."""
    p = f"{alias}." if alias else ""
    clauses: list[str] = ["TRUE"]
    params: list[Any] = []
    if f.has_event_conditions():  # min_confidence applies to events only
        sub: list[str] = []
        _event_conditions(f, "ev.", sub, params)
        clauses.append(
            f"{p}claim_id IN (SELECT l.claim_id FROM {LINKS_SQL} l"
            f" JOIN events ev ON ev.event_id = l.event_id WHERE {' AND '.join(sub)})"
        )
    if f.speaker:
        clauses.append(_actor_match(f"{p}speaker", f.speaker, params))
    if f.country:
        clauses.append(f"{p}speaker_key = ?")
        params.append(f.country)
    if f.stance:
        _in_list(f"{p}stance", list(f.stance), clauses, params)
    if f.text:
        clauses.append(
            f"({p}content_text ILIKE ? ESCAPE '\\' OR {p}evidence_text ILIKE ? ESCAPE '\\')"
        )
        params += [_like(f.text)] * 2
    if f.event_id:
        clauses.append(f"list_contains({p}events, ?)")
        params.append(f.event_id)
    if f.claim_ids is not None:
        clauses.append(f"list_contains(?, {p}claim_id)")
        params.append(list(f.claim_ids))
    if f.contested is not None and contested is not None:
        clauses.append(f"{p}claim_id {'' if f.contested else 'NOT '}IN {contested.claims}")
    _dates(f, p, clauses, params)
    return " AND ".join(clauses), params


def paged(sql: str, order: str, f: _Base, params: list[Any]) -> str:
    """Append ORDER BY / LIMIT / OFFSET (values as parameters)."""
    sql += f" ORDER BY {order}"
    if f.limit:
        sql += " LIMIT ?"
        params.append(int(f.limit))
    if f.offset:
        sql += " OFFSET ?"
        params.append(int(f.offset))
    return sql


EVENT_ORDER = "date_start NULLS LAST, doc_id, sentence, start_char, event_id"
CLAIM_ORDER = "date_start NULLS LAST, doc_id, sentence, start_char, claim_id"


# One row per (code, name) seen as source, target or speaker, over the documents of ``{docs}``
# (a condition on doc_id): the actors table, or what one batch adds to it.
_ACTORS_SEEN = """
WITH seen AS (
    SELECT source_code AS code, source_country AS country, source_sector AS sector,
           source_name AS name, record->>'$.source.kind' AS kind,
           1 AS is_event, 0 AS is_claim, date_start
    FROM events WHERE source_key IS NOT NULL AND {docs}
    UNION ALL
    SELECT target_code, target_country, target_sector, target_name,
           record->>'$.target.kind', 1, 0, date_start
    FROM events WHERE target_key IS NOT NULL AND {docs}
    UNION ALL
    SELECT speaker_code, speaker_country, speaker_sector, speaker_name,
           record->>'$.speaker.kind', 0, 1, date_start
    FROM claims WHERE speaker_key IS NOT NULL AND {docs}
)
SELECT coalesce(code, '') || '|' || coalesce(name, '') AS actor_key,
       code, any_value(country) AS country, any_value(sector) AS sector, name,
       any_value(kind) AS kind, sum(is_event)::INTEGER AS n_events,
       sum(is_claim)::INTEGER AS n_claims, min(date_start) AS first_date,
       max(date_start) AS last_date
FROM seen
GROUP BY code, name
"""
# Rebuilds the actors table from every event and claim.
REFRESH_ACTORS = "INSERT INTO actors " + _ACTORS_SEEN.format(docs="TRUE")
_BATCH = "doc_id IN (SELECT unnest(?::VARCHAR[]))"
# Adds one batch's documents to the actors table: counts add up, dates widen, and the first
# non-null country/sector/kind stays (as any_value over the rows in insertion order).
ADD_ACTORS = [
    f"""UPDATE actors a SET n_events = a.n_events + n.n_events,
        n_claims = a.n_claims + n.n_claims, first_date = least(a.first_date, n.first_date),
        last_date = greatest(a.last_date, n.last_date), country = coalesce(a.country, n.country),
        sector = coalesce(a.sector, n.sector), kind = coalesce(a.kind, n.kind)
    FROM ({_ACTORS_SEEN.format(docs=_BATCH)}) n
    WHERE a.actor_key = n.actor_key AND a.code IS NOT DISTINCT FROM n.code
        AND a.name IS NOT DISTINCT FROM n.name""",
    f"""INSERT INTO actors SELECT * FROM ({_ACTORS_SEEN.format(docs=_BATCH)}) n
    WHERE NOT EXISTS (SELECT 1 FROM actors a WHERE a.actor_key = n.actor_key
        AND a.code IS NOT DISTINCT FROM n.code AND a.name IS NOT DISTINCT FROM n.name)""",
]
