"""Query filters shared by /api/events, /api/claims and /api/export.

Each filter is validated here (clear 422 messages) and turned into a parameterised WHERE clause;
no user text is ever spliced into SQL.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ..records import PLOVER_TYPES, STANCES, STATUSES
from .db import CACHE_CATALOG

CODE_RE = re.compile(r"^[A-Za-z]{3}$")
DYAD_RE = re.compile(r"^([A-Za-z]{3})[-_:>]([A-Za-z]{3})$")
DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")

# Dyad keys written by the store: country, else the international body's code (RECORDS.md).
SRC_KEY = "e.source_key"
TGT_KEY = "e.target_key"

# Event <-> claim links come from both sides: claim.events and event.attributed_to.
LINKS_SQL = """(
    SELECT c.claim_id AS claim_id, unnest(c.events) AS event_id FROM claims c
    UNION
    SELECT unnest(e.attributed_to) AS claim_id, e.event_id AS event_id FROM events e
)"""

# Contested ids (store/contested.py's grouping), kept current by api/contested.py.
CONTESTED_CLAIMS = f"(SELECT claim_id FROM {CACHE_CATALOG}.contested_claims)"
CONTESTED_EVENTS = f"(SELECT event_id FROM {CACHE_CATALOG}.contested_events)"


class FilterError(ValueError):
    """A bad filter value; reported as 422 with the parameter name."""

    def __init__(self, param: str, message: str) -> None:
        super().__init__(message)
        self.param = param
        self.message = message


def like_pattern(text: str) -> str:
    """A case-insensitive substring pattern; the user's % and _ match themselves."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def parse_code(param: str, value: str) -> str:
    if not CODE_RE.match(value):
        raise FilterError(param, f"expected a 3-letter code such as IRN, got {value!r}")
    return value.upper()


def parse_dyad(value: str) -> tuple[str, str]:
    m = DYAD_RE.match(value.strip())
    if not m:
        raise FilterError("dyad", f"expected two 3-letter codes like IRN-RUS, got {value!r}")
    return m.group(1).upper(), m.group(2).upper()


def parse_date(param: str, value: str, *, end: bool = False) -> date:
    """Accept YYYY, YYYY-MM or YYYY-MM-DD; a partial end date covers its whole period."""
    v = value.strip()
    if not DATE_RE.match(v):
        raise FilterError(param, f"expected YYYY-MM-DD (or YYYY-MM, YYYY), got {value!r}")
    parts = [int(p) for p in v.split("-")]
    try:
        if len(parts) == 3:
            return date(parts[0], parts[1], parts[2])
        if len(parts) == 2:
            if not end:
                return date(parts[0], parts[1], 1)
            nxt = date(parts[0] + parts[1] // 12, parts[1] % 12 + 1, 1)
            return date.fromordinal(nxt.toordinal() - 1)
        return date(parts[0], 12, 31) if end else date(parts[0], 1, 1)
    except ValueError as exc:
        raise FilterError(param, f"not a valid date: {value!r} ({exc})") from exc


def parse_confidence(value: Any) -> float:
    try:
        v = float(value)
    except (TypeError, ValueError):
        raise FilterError("min_confidence", f"expected a number in [0, 1], got {value!r}") from None
    if not 0.0 <= v <= 1.0:
        raise FilterError("min_confidence", f"expected a number in [0, 1], got {value!r}")
    return v


def _choices(param: str, value: str, allowed: tuple[str, ...], upper: bool) -> list[str]:
    out = []
    for raw in value.split(","):
        v = raw.strip().upper() if upper else raw.strip().lower()
        if not v:
            continue
        if v not in allowed:
            raise FilterError(
                param, f"unknown {param} {raw.strip()!r}; one of {', '.join(allowed)}"
            )
        out.append(v)
    return out


@dataclass
class Filters:
    dyad: tuple[str, str] | None = None
    directed: bool = False
    actor: str | None = None
    country: str | None = None
    types: list[str] = field(default_factory=list)
    mode: str | None = None
    statuses: list[str] = field(default_factory=list)
    date_from: date | None = None
    date_to: date | None = None
    weapon: str | None = None
    q: str | None = None
    doc_id: str | None = None
    stances: list[str] = field(default_factory=list)
    contested: bool | None = None
    min_confidence: float | None = None

    @classmethod
    def parse(cls, **raw: Any) -> Filters:
        f = cls(directed=bool(raw.get("directed")), contested=raw.get("contested"))
        if raw.get("dyad"):
            f.dyad = parse_dyad(raw["dyad"])
        if raw.get("country"):
            f.country = parse_code("country", raw["country"])
        if raw.get("type"):
            f.types = _choices("type", raw["type"], PLOVER_TYPES, upper=True)
        if raw.get("status"):
            f.statuses = _choices("status", raw["status"], STATUSES, upper=False)
        if raw.get("stance"):
            f.stances = _choices("stance", raw["stance"], STANCES, upper=False)
        if raw.get("date_from"):
            f.date_from = parse_date("date_from", raw["date_from"])
        if raw.get("date_to"):
            f.date_to = parse_date("date_to", raw["date_to"], end=True)
        if raw.get("min_confidence") is not None:
            f.min_confidence = parse_confidence(raw["min_confidence"])
        if f.date_from and f.date_to and f.date_from > f.date_to:
            raise FilterError("date_from", "date_from is after date_to")
        for name in ("actor", "mode", "weapon", "q", "doc_id"):
            val = raw.get(name)
            if val is not None and str(val).strip():
                if len(str(val)) > 200:
                    raise FilterError(name, f"{name} is longer than 200 characters")
                setattr(f, name, str(val).strip())
        return f

    # --- SQL ---------------------------------------------------------------------------------

    def event_where(self) -> tuple[list[str], list[Any]]:
        """Conditions on the events table aliased ``e``."""
        conds: list[str] = []
        params: list[Any] = []
        if self.dyad:
            a, b = self.dyad
            if self.directed:
                conds.append(f"({SRC_KEY} = ? AND {TGT_KEY} = ?)")
                params += [a, b]
            else:
                conds.append(
                    f"(({SRC_KEY} = ? AND {TGT_KEY} = ?) OR ({SRC_KEY} = ? AND {TGT_KEY} = ?))"
                )
                params += [a, b, b, a]
        if self.country:
            conds.append(f"({SRC_KEY} = ? OR {TGT_KEY} = ?)")
            params += [self.country, self.country]
        if self.actor:
            conds.append(
                "(e.source_code = upper(?) OR e.target_code = upper(?)"
                " OR contains(lower(e.source_name), lower(?))"
                " OR contains(lower(e.target_name), lower(?)))"
            )
            params += [self.actor] * 4
        if self.types:
            conds.append(f"e.plover_type IN ({', '.join('?' * len(self.types))})")
            params += self.types
        if self.mode:
            conds.append("(lower(e.plover_mode) = lower(?) OR list_contains(e.plover_context, ?))")
            params += [self.mode, self.mode.lower()]
        if self.statuses:
            conds.append(f"e.status IN ({', '.join('?' * len(self.statuses))})")
            params += self.statuses
        if self.date_from:
            conds.append("e.date_start >= ?")
            params.append(self.date_from)
        if self.date_to:
            conds.append("e.date_start <= ?")
            params.append(self.date_to)
        if self.weapon:
            conds.append("len(list_filter(e.weapons, lambda w: contains(lower(w), lower(?)))) > 0")
            params.append(self.weapon)
        if self.q:
            conds.append(r"(e.evidence_text ILIKE ? ESCAPE '\' OR e.trigger ILIKE ? ESCAPE '\')")
            params += [like_pattern(self.q)] * 2
        if self.doc_id:
            conds.append("e.doc_id = ?")
            params.append(self.doc_id)
        if self.min_confidence:
            conds.append("e.confidence >= ?")
            params.append(self.min_confidence)
        if self.contested is not None:
            neg = "" if self.contested else "NOT "
            conds.append(f"e.event_id {neg}IN {CONTESTED_EVENTS}")
        return conds, params

    def has_event_conditions(self) -> bool:
        return bool(self.dyad or self.types or self.mode or self.statuses or self.weapon)

    def claim_where(self) -> tuple[list[str], list[Any]]:
        """Conditions on the claims table aliased ``c``; event filters apply to linked events."""
        conds: list[str] = []
        params: list[Any] = []
        if self.has_event_conditions():
            sub = Filters(
                dyad=self.dyad,
                directed=self.directed,
                types=self.types,
                mode=self.mode,
                statuses=self.statuses,
                weapon=self.weapon,
            )
            ec, ep = sub.event_where()
            conds.append(
                f"c.claim_id IN (SELECT l.claim_id FROM {LINKS_SQL} l "
                f"JOIN events e ON e.event_id = l.event_id WHERE {' AND '.join(ec)})"
            )
            params += ep
        if self.country:
            conds.append("c.speaker_key = ?")
            params.append(self.country)
        if self.actor:
            conds.append("(c.speaker_code = upper(?) OR contains(lower(c.speaker_name), lower(?)))")
            params += [self.actor, self.actor]
        if self.stances:
            conds.append(f"c.stance IN ({', '.join('?' * len(self.stances))})")
            params += self.stances
        if self.date_from:
            conds.append("c.date_start >= ?")
            params.append(self.date_from)
        if self.date_to:
            conds.append("c.date_start <= ?")
            params.append(self.date_to)
        if self.q:
            conds.append(
                r"(c.content_text ILIKE ? ESCAPE '\' OR c.evidence_text ILIKE ? ESCAPE '\')"
            )
            params += [like_pattern(self.q)] * 2
        if self.doc_id:
            conds.append("c.doc_id = ?")
            params.append(self.doc_id)
        if self.contested is not None:
            neg = "" if self.contested else "NOT "
            conds.append(f"c.claim_id {neg}IN {CONTESTED_CLAIMS}")
        return conds, params


def where_sql(conds: list[str]) -> str:
    return ("WHERE " + " AND ".join(conds)) if conds else ""
