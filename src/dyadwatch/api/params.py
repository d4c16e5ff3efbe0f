"""Unknown query parameters are refused (422 naming the known ones), never silently ignored."""

from __future__ import annotations

from typing import Any

from fastapi import Request

from ..store.params import FilterError


def _query_names(dependant: Any) -> frozenset[str]:
    names = {p.alias for p in dependant.query_params}
    for sub in dependant.dependencies:
        names |= _query_names(sub)
    return frozenset(names)


_KNOWN: dict[int, frozenset[str]] = {}


def _known(route: Any) -> frozenset[str]:
    """Query names a route declares, its dependencies' included (cached per route)."""
    key = id(route)
    if key not in _KNOWN:
        _KNOWN[key] = _query_names(route.dependant)
    return _KNOWN[key]


def known_params_only(request: Request) -> None:
    """Router dependency: every query parameter must be one the endpoint declares."""
    route = request.scope.get("route")
    if route is None or not hasattr(route, "dependant"):
        return
    known = _known(route)
    unknown = sorted(set(request.query_params) - known)
    if unknown:
        names = ", ".join(sorted(known)) or "(none)"
        raise FilterError(unknown[0], f"unknown parameter; known parameters: {names}")
