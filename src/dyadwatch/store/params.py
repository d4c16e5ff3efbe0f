"""Validation of user filter values, shared by the CLI, the API and the dashboard.

Every bad value raises :class:`FilterError` naming the parameter and, where the set is closed,
listing the valid values; the CLI prints the message and exits 2, the API answers 422 with it.
Country names and demonyms ("Russia", "Russian") resolve to dyad keys through the actors
stage's dictionary resolver.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import date
from functools import cache
from typing import Any

from ..records import PLOVER_TYPES, STANCES, STATUSES
from .rows import INTERNATIONAL, _iso3

DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
MAX_TEXT = 200
COUNTRY_HELP = (
    "give an ISO 3166 alpha-3 code (e.g. RUS), a country name or demonym (e.g. Russia, "
    "Russian), or an international body's code (" + ", ".join(sorted(INTERNATIONAL)) + ")"
)

__all__ = [
    "PLOVER_TYPES",
    "STANCES",
    "STATUSES",
    "FilterError",
    "parse_choices",
    "parse_confidence",
    "parse_date",
    "parse_dyad",
    "parse_key",
    "parse_text",
]


class FilterError(ValueError):
    """A bad filter value: ``str()`` is ``"param: message"``, the same text everywhere."""

    def __init__(self, param: str, message: str) -> None:
        super().__init__(f"{param}: {message}")
        self.param = param
        self.message = message


def parse_date(param: str, value: str | date, *, end: bool = False) -> date:
    """YYYY, YYYY-MM or YYYY-MM-DD; a partial end date covers its whole period."""
    if isinstance(value, date):
        return value
    v = str(value).strip()
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


def parse_confidence(value: Any, param: str = "min_confidence") -> float:
    try:
        v = float(value)
    except (TypeError, ValueError):
        raise FilterError(param, f"expected a number between 0 and 1, got {value!r}") from None
    if not 0.0 <= v <= 1.0:
        raise FilterError(param, f"expected a number between 0 and 1, got {value!r}")
    return v


def _items(value: str | Iterable[str]) -> list[str]:
    raw = value.split(",") if isinstance(value, str) else [str(v) for v in value]
    return [s.strip() for s in raw if s and s.strip()]


def parse_choices(
    param: str, value: str | Iterable[str], allowed: Sequence[str], *, upper: bool
) -> list[str]:
    """A comma list of values from a closed set; an unknown one names every valid value."""
    out: list[str] = []
    for raw in _items(value):
        v = raw.upper() if upper else raw.lower()
        if v not in allowed:
            raise FilterError(param, f"unknown value {raw!r}; valid values: {', '.join(allowed)}")
        out.append(v)
    return out


def parse_text(param: str, value: Any) -> str | None:
    text = str(value).strip() if value is not None else ""
    if len(text) > MAX_TEXT:
        raise FilterError(param, f"longer than {MAX_TEXT} characters")
    return text or None


@cache
def _resolver() -> Any:
    """The actors stage's dictionary resolver (loaded once; only names need it)."""
    from ..actors import make_resolver
    from ..settings import load_settings

    return make_resolver(load_settings(None))


def known_keys() -> frozenset[str]:
    """Dyad keys the store writes: ISO3 countries and international bodies' codes."""
    return _iso3() | INTERNATIONAL


@cache
def _resolve_name(name: str) -> str | None:
    resolver = _resolver()
    for variant in dict.fromkeys((name, name.title())):
        actor = resolver.resolve_phrase(variant)
        if actor is None:
            continue
        key = (actor.country or (actor.code or "")[:3]).upper()
        if key in known_keys():
            return key
    return None


def parse_key(param: str, value: str, notes: dict[str, str] | None = None) -> str:
    """A country/body key: a code (RUS, UNO) or a name/demonym resolved by the actor resolver.

    A resolved name is recorded in ``notes`` as ``"param: 'Russia' -> RUS"``.
    """
    v = str(value).strip()
    if v.upper() in known_keys():
        return v.upper()
    if not v or len(v) > MAX_TEXT:
        raise FilterError(param, f"unknown country {value!r}; {COUNTRY_HELP}")
    key = _resolve_name(v)
    if key is None:
        raise FilterError(param, f"unknown country {value!r}; {COUNTRY_HELP}")
    if notes is not None:
        notes[param] = f"{v!r} -> {key}"
    return key


def parse_dyad(
    value: str | Sequence[str], notes: dict[str, str] | None = None, param: str = "dyad"
) -> tuple[str, str]:
    """'IRN-RUS', 'IRN,RUS', 'Iran-Russia' or ('Iran', 'RUS') -> ('IRN', 'RUS')."""
    if isinstance(value, str):
        sep = next((s for s in (",", ">", ":", "_", "-") if s in value), None)
        parts = [p.strip() for p in value.split(sep)] if sep else [value]
    else:
        parts = [str(p).strip() for p in value]
    if len(parts) != 2 or not all(parts):
        raise FilterError(param, f"expected two countries like IRN-RUS, got {value!r}")
    local: dict[str, str] = {}
    a = parse_key(f"{param}[0]", parts[0], local)
    b = parse_key(f"{param}[1]", parts[1], local)
    if notes is not None and local:
        notes[param] = ", ".join(local.values())
    return a, b
