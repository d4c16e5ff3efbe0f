"""JSON API under /api. Records are those of docs/RECORDS.md; lists come wrapped with paging."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import Response

from ..store.params import FilterError, parse_dyad, parse_key
from ..store.queries import ClaimFilter, EventFilter, from_params
from . import contested
from . import queries as Q
from .db import Database
from .export import export_response
from .filtered import matching_groups
from .ingest import router as ingest_router
from .params import known_params_only
from .timeline import dyad_timeline
from .trends import ranked_dyads

router = APIRouter(prefix="/api", dependencies=[Depends(known_params_only)])
router.include_router(ingest_router)

Str = Annotated[str | None, Query()]


@dataclass
class Page:
    limit: int
    offset: int

    def wrap(self, total: int, items: list[Any]) -> dict[str, Any]:
        return {"total": total, "limit": self.limit, "offset": self.offset, "items": items}

    def wrap_raw(
        self, total: int, records: list[str], resolved: dict[str, str] | None = None
    ) -> Response:
        """The same envelope around records kept as stored JSON (no parse and re-encode);
        ``resolved`` says what names in the filters were resolved to."""
        env: dict[str, Any] = {"total": total, "limit": self.limit, "offset": self.offset}
        if resolved:
            env["resolved"] = resolved
        head = json.dumps(env)
        body = head[:-1] + ', "items": [' + ",".join(records) + "]}"
        return Response(body.encode("utf-8"), media_type="application/json")


# Bounds keep every offset inside DuckDB's BIGINT (page * page_size included): a larger
# value is a 422 here, never an overflow error from the database.
MAX_INDEX = 2**53
MAX_PAGE = 2**40


def get_db(request: Request) -> Database:
    db: Database = request.app.state.db
    return db


def paging(
    request: Request,
    limit: Annotated[
        int | None, Query(ge=1, le=MAX_INDEX, description="Page size (max: see API docs)")
    ] = None,
    offset: Annotated[int | None, Query(ge=0, le=MAX_INDEX)] = None,
    page: Annotated[
        int | None, Query(ge=1, le=MAX_PAGE, description="1-based page; with page_size")
    ] = None,
    page_size: Annotated[int | None, Query(ge=1, le=MAX_INDEX)] = None,
) -> Page:
    """limit/offset or page/page_size; a size over the cap is a 422 rather than a silent clamp."""
    cfg = request.app.state.config
    size = page_size or limit or cfg.default_page_size
    if size > cfg.max_page_size:
        name = "page_size" if page_size else "limit"
        raise HTTPException(422, f"{name}: at most {cfg.max_page_size} items per page")
    if page is not None and offset is not None:
        raise HTTPException(422, "use either page/page_size or limit/offset, not both")
    start = (page - 1) * size if page is not None else (offset or 0)
    return Page(limit=size, offset=start)


def filter_params(
    dyad: Annotated[
        str | None, Query(description="Two countries, e.g. IRN-RUS or Iran-Russia (both ways)")
    ] = None,
    directed: Annotated[bool | None, Query(description="Only dyad[0] -> dyad[1]")] = None,
    actor: Annotated[str | None, Query(description="Actor code (RUSGOV) or part of a name")] = None,
    country: Annotated[
        str | None, Query(description="ISO alpha-3 on either side, or a name: Russia, Russian")
    ] = None,
    type: Annotated[str | None, Query(description="PLOVER type(s), comma-separated")] = None,
    mode: Annotated[str | None, Query(description="PLOVER mode or context, e.g. military")] = None,
    status: Annotated[str | None, Query(description="Status(es), comma-separated")] = None,
    since: Annotated[str | None, Query(description="YYYY-MM-DD, YYYY-MM or YYYY")] = None,
    until: Annotated[
        str | None, Query(description="Inclusive; partial dates cover the period")
    ] = None,
    date_from: Annotated[
        str | None, Query(description="Old name of since", deprecated=True)
    ] = None,
    date_to: Annotated[str | None, Query(description="Old name of until", deprecated=True)] = None,
    weapon: Annotated[str | None, Query(description="Weapon mentioned, e.g. Su-35")] = None,
    q: Annotated[str | None, Query(description="Text search in the evidence")] = None,
    doc_id: Str = None,
    outlet: Annotated[str | None, Query(description="The document's outlet (substring)")] = None,
    contested: Annotated[
        bool | None, Query(description="Only (true) or no (false) contested events/claims")
    ] = None,
    min_confidence: Annotated[
        str | None, Query(description="Events with confidence >= this (0-1; events only)")
    ] = None,
) -> dict[str, Any]:
    """The filter parameters as given; the query layer (store/queries.py) validates them."""
    given = dict(locals())
    if given.get("directed") is False:
        given.pop("directed")
    return {k: v for k, v in given.items() if v is not None}


def claim_params(
    base: Annotated[dict[str, Any], Depends(filter_params)],
    stance: Annotated[str | None, Query(description="Stance(s), comma-separated")] = None,
    speaker: Annotated[str | None, Query(description="Speaker code or part of a name")] = None,
) -> dict[str, Any]:
    extra = {"stance": stance, "speaker": speaker}
    return {**base, **{k: v for k, v in extra.items() if v is not None}}


def event_filter(raw: Annotated[dict[str, Any], Depends(filter_params)]) -> EventFilter:
    f = from_params("events", raw, limit=None)
    assert isinstance(f, EventFilter)
    return f


def claim_filter(raw: Annotated[dict[str, Any], Depends(claim_params)]) -> ClaimFilter:
    f = from_params("claims", raw, limit=None)
    assert isinstance(f, ClaimFilter)
    return f


def chart_filter(
    type: Annotated[str | None, Query(description="PLOVER type(s), comma-separated")] = None,
    status: Annotated[str | None, Query(description="Status(es), comma-separated")] = None,
    since: Annotated[str | None, Query(description="YYYY-MM-DD, YYYY-MM or YYYY")] = None,
    until: Annotated[str | None, Query(description="Inclusive")] = None,
    min_confidence: Annotated[str | None, Query(description="Confidence at least (0-1)")] = None,
    outlet: Annotated[str | None, Query(description="The document's outlet (substring)")] = None,
) -> EventFilter:
    """The dashboard's filters for aggregates (ranking, timeline, network): which events count."""
    raw = {k: v for k, v in dict(locals()).items() if v is not None}
    f = from_params("events", raw, limit=None)
    assert isinstance(f, EventFilter)
    return f


DB = Annotated[Database, Depends(get_db)]
Paging = Annotated[Page, Depends(paging)]
Charted = Annotated[EventFilter, Depends(chart_filter)]


def _summary(ops: dict[str, Any]) -> str:
    op: dict[str, Any] = next(iter(ops.values()), {})
    return str(op.get("description") or op.get("summary") or "").split("\n")[0]


@router.get("")
def index(request: Request) -> dict[str, Any]:
    """The endpoints of this API (details at /docs)."""
    paths = request.app.openapi().get("paths", {})
    items = [
        {"path": path, "methods": sorted(m.upper() for m in ops), "summary": _summary(ops)}
        for path, ops in paths.items()
        if path.startswith("/api/")
    ]
    return {"docs": "/docs", "openapi": "/openapi.json", "endpoints": items}


@router.get("/health")
def health(db: DB) -> dict[str, Any]:
    return {"status": "ok", "counts": db.counts(), "writable": db.writable}


@router.get("/events", response_model=None)
def events(db: DB, page: Paging, f: Annotated[EventFilter, Depends(event_filter)]) -> Response:
    """Event records (docs/RECORDS.md), newest first: {total, limit, offset, items}."""
    return page.wrap_raw(*Q.events_page(db, f, page.limit, page.offset), f.resolved)


@router.get("/claims", response_model=None)
def claims(db: DB, page: Paging, f: Annotated[ClaimFilter, Depends(claim_filter)]) -> Response:
    """Claim records; event filters (dyad, type, status, ...) apply to the claims' events."""
    return page.wrap_raw(*Q.claims_page(db, f, page.limit, page.offset), f.resolved)


@router.get("/ledger")
def ledger(
    db: DB,
    page: Paging,
    dyad: Annotated[str | None, Query(description="Two countries, e.g. IRN-RUS")] = None,
    since: Annotated[str | None, Query(description="Groups with an event on or after")] = None,
    until: Annotated[str | None, Query(description="... on or before")] = None,
    date_from: Annotated[
        str | None, Query(description="Old name of since", deprecated=True)
    ] = None,
    date_to: Annotated[str | None, Query(description="Old name of until", deprecated=True)] = None,
    type: Annotated[str | None, Query(description="Groups with an event of these types")] = None,
    status: Annotated[str | None, Query(description="... of these statuses")] = None,
    min_confidence: Annotated[str | None, Query(description="... at least this confident")] = None,
    outlet: Annotated[str | None, Query(description="... from this outlet (substring)")] = None,
) -> dict[str, Any]:
    """Contested groups of events and claims: who asserts, supports, denies each, and when;
    the filters keep the groups with a matching event, as on the ledger page."""
    pair = parse_dyad(dyad) if dyad else None
    raw = {"since": since or date_from, "until": until or date_to, "type": type,
           "status": status, "min_confidence": min_confidence, "outlet": outlet}  # fmt: skip
    f = from_params("events", {k: v for k, v in raw.items() if v is not None}, limit=None)
    assert isinstance(f, EventFilter)
    kept = matching_groups(db, contested.select(db, pair), f)  # as the ledger page does
    items = [g.model_dump(mode="json") for g in kept[page.offset : page.offset + page.limit]]
    return page.wrap(len(kept), items)


@router.get("/documents")
def documents(db: DB, page: Paging) -> dict[str, Any]:
    """Document metadata, newest first."""
    total, items = Q.list_documents(db, page.limit, page.offset)
    return page.wrap(total, items)


@router.get("/documents/{doc_id}")
def document(db: DB, doc_id: str) -> dict[str, Any]:
    """Cleaned text, metadata and removed lines, with every event and claim (char offsets)."""
    found = Q.get_document(db, doc_id)
    if found is None:
        raise HTTPException(404, f"no document {doc_id!r}")
    return found


@router.get("/dyads")
def dyads(
    db: DB,
    sort: Annotated[Literal["trend", "volume"], Query()] = "trend",
    freq: Annotated[Literal["week", "month"], Query()] = "month",
    min_events: Annotated[int, Query(ge=1)] = 1,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    *,
    f: Charted,
) -> dict[str, Any]:
    """Undirected dyads ranked by trend (alarm first, then |Theil–Sen slope|) or by volume,
    over the events matching the filters."""
    total, items = ranked_dyads(db, freq, sort, min_events, limit, f=f)
    return {"sort": sort, "freq": freq, "total": total, "items": items}


def _pair(a: str, b: str) -> tuple[str, str]:
    return parse_key("a", a), parse_key("b", b)


@router.get("/dyads/{a}/{b}/timeline")
def timeline(
    db: DB,
    a: str,
    b: str,
    f: Charted,
    freq: Annotated[Literal["week", "month"], Query()] = "month",
) -> dict[str, Any]:
    """Per period and direction: counts by PLOVER type, cooperation, conflict and net scores
    of the events matching the filters (background references left out)."""
    a, b = _pair(a, b)
    return dyad_timeline(db, a, b, freq, f)


@router.get("/dyads/{a}/{b}")
def dyad(db: DB, a: str, b: str, f: Charted) -> dict[str, Any]:
    """Status split and weapons mentioned for a dyad, both directions, and its background
    references (events dated over a year from their article's publication)."""
    a, b = _pair(a, b)
    return {
        "dyad": [a, b],
        **Q.dyad_breakdown(db, a, b, f),
        "background": Q.background_events(db, a, b, f=f),
    }


@router.get("/actors")
def actors(db: DB, page: Paging, q: Str = None, country: Str = None) -> dict[str, Any]:
    """Distinct actors with event and claim counts, most active first."""
    code = parse_key("country", country) if country else None
    total, items = Q.list_actors(db, q, code, page.limit, page.offset)
    return page.wrap(total, items)


@router.get("/network")
def network(
    db: DB,
    max_nodes: Annotated[int, Query(ge=2, le=200)] = 40,
    top: Annotated[int | None, Query(ge=1, le=400, description="Only the N busiest dyads")] = None,
    *,
    f: Charted,
) -> dict[str, Any]:
    """Actor network: nodes and undirected edges weighted by cooperation and conflict, over
    the events matching the filters."""
    return Q.network(db, max_nodes, top, f)


@router.get("/export")
def export(
    request: Request,
    db: DB,
    raw: Annotated[dict[str, Any], Depends(claim_params)],
    format: Annotated[Literal["csv", "jsonl", "parquet", "gdelt", "polecat"], Query()] = "jsonl",
    kind: Annotated[Literal["events", "claims"], Query()] = "events",
    include_status: Annotated[
        bool, Query(description="gdelt/polecat: keep denied, negated, hypothetical events")
    ] = False,
) -> Response:
    """All matching events (or claims): jsonl, csv, gdelt and polecat stream; parquet is a file.

    GDELT and POLECAT leave out denied, negated and hypothetical events unless include_status.
    """
    if kind == "events" and ("stance" in raw or "speaker" in raw):
        name = "stance" if "stance" in raw else "speaker"
        raise FilterError(name, "applies to kind=claims only")
    f = from_params(kind, raw, limit=None)
    timeout = request.app.state.config.export_timeout_s
    return export_response(db, f, format, kind, timeout, include_status)
