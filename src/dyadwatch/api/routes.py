"""JSON API under /api. Records are those of docs/RECORDS.md; lists come wrapped with paging."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import Response

from . import contested
from . import queries as Q
from .db import Database
from .export import export_response
from .filters import Filters, parse_code
from .ingest import router as ingest_router
from .timeline import dyad_timeline
from .trends import ranked_dyads

router = APIRouter(prefix="/api")
router.include_router(ingest_router)

Str = Annotated[str | None, Query()]


@dataclass
class Page:
    limit: int
    offset: int

    def wrap(self, total: int, items: list[Any]) -> dict[str, Any]:
        return {"total": total, "limit": self.limit, "offset": self.offset, "items": items}

    def wrap_raw(self, total: int, records: list[str]) -> Response:
        """The same envelope around records kept as stored JSON (no parse and re-encode)."""
        head = json.dumps({"total": total, "limit": self.limit, "offset": self.offset})
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


def event_filters(
    dyad: Annotated[
        str | None, Query(description="Two codes, e.g. IRN-RUS (both directions)")
    ] = None,
    directed: Annotated[bool, Query(description="Only dyad[0] -> dyad[1]")] = False,
    actor: Annotated[str | None, Query(description="Actor code (RUSGOV) or part of a name")] = None,
    country: Annotated[str | None, Query(description="ISO alpha-3 on either side")] = None,
    type: Annotated[str | None, Query(description="PLOVER type(s), comma-separated")] = None,
    mode: Annotated[str | None, Query(description="PLOVER mode or context, e.g. military")] = None,
    status: Annotated[str | None, Query(description="Status(es), comma-separated")] = None,
    date_from: Annotated[str | None, Query(description="YYYY-MM-DD, YYYY-MM or YYYY")] = None,
    date_to: Annotated[
        str | None, Query(description="Inclusive; partial dates cover the period")
    ] = None,
    weapon: Annotated[str | None, Query(description="Weapon mentioned, e.g. Su-35")] = None,
    q: Annotated[str | None, Query(description="Text search in the evidence")] = None,
    doc_id: Str = None,
    contested: Annotated[
        bool | None, Query(description="Only (true) or no (false) contested events/claims")
    ] = None,
    min_confidence: Annotated[
        float | None, Query(description="Events with confidence >= this (0-1; events only)")
    ] = None,
) -> Filters:
    return Filters.parse(
        contested=contested,
        min_confidence=min_confidence,
        dyad=dyad,
        directed=directed,
        actor=actor,
        country=country,
        type=type,
        mode=mode,
        status=status,
        date_from=date_from,
        date_to=date_to,
        weapon=weapon,
        q=q,
        doc_id=doc_id,
    )


def claim_filters(
    base: Annotated[Filters, Depends(event_filters)],
    stance: Annotated[str | None, Query(description="Stance(s), comma-separated")] = None,
) -> Filters:
    base.stances = Filters.parse(stance=stance).stances
    return base


DB = Annotated[Database, Depends(get_db)]
Paging = Annotated[Page, Depends(paging)]


@router.get("/health")
def health(db: DB) -> dict[str, Any]:
    return {"status": "ok", "counts": db.counts(), "writable": db.writable}


@router.get("/events", response_model=None)
def events(db: DB, page: Paging, f: Annotated[Filters, Depends(event_filters)]) -> Response:
    """Event records (docs/RECORDS.md), newest first: {total, limit, offset, items}."""
    return page.wrap_raw(*Q.events_page(db, f, page.limit, page.offset))


@router.get("/claims", response_model=None)
def claims(db: DB, page: Paging, f: Annotated[Filters, Depends(claim_filters)]) -> Response:
    """Claim records; event filters (dyad, type, status, ...) apply to the claims' events."""
    return page.wrap_raw(*Q.claims_page(db, f, page.limit, page.offset))


@router.get("/ledger")
def ledger(
    db: DB,
    page: Paging,
    dyad: Annotated[str | None, Query(description="Two codes, e.g. IRN-RUS")] = None,
    date_from: Annotated[str | None, Query(description="Groups dated on or after")] = None,
    date_to: Annotated[str | None, Query(description="Groups dated on or before")] = None,
) -> dict[str, Any]:
    """Contested groups of events and claims: who asserts, supports, denies each, and when."""
    f = Filters.parse(dyad=dyad, date_from=date_from, date_to=date_to)
    found = contested.select(db, f.dyad, f.date_from, f.date_to)
    items = [g.model_dump(mode="json") for g in found[page.offset : page.offset + page.limit]]
    return page.wrap(len(found), items)


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
) -> dict[str, Any]:
    """Undirected dyads ranked by trend (alarm first, then |Theil–Sen slope|) or by volume."""
    total, items = ranked_dyads(db, freq, sort, min_events, limit)
    return {"sort": sort, "freq": freq, "total": total, "items": items}


def _pair(a: str, b: str) -> tuple[str, str]:
    return parse_code("a", a), parse_code("b", b)


@router.get("/dyads/{a}/{b}/timeline")
def timeline(
    db: DB, a: str, b: str, freq: Annotated[Literal["week", "month"], Query()] = "month"
) -> dict[str, Any]:
    """Per period and direction: counts by PLOVER type, cooperation, conflict and net scores."""
    a, b = _pair(a, b)
    return dyad_timeline(db, a, b, freq)


@router.get("/dyads/{a}/{b}")
def dyad(db: DB, a: str, b: str) -> dict[str, Any]:
    """Status split and weapons mentioned for a dyad, both directions."""
    a, b = _pair(a, b)
    return {"dyad": [a, b], **Q.dyad_breakdown(db, a, b)}


@router.get("/actors")
def actors(db: DB, page: Paging, q: Str = None, country: Str = None) -> dict[str, Any]:
    """Distinct actors with event and claim counts, most active first."""
    code = parse_code("country", country) if country else None
    total, items = Q.list_actors(db, q, code, page.limit, page.offset)
    return page.wrap(total, items)


@router.get("/network")
def network(db: DB, max_nodes: Annotated[int, Query(ge=2, le=200)] = 40) -> dict[str, Any]:
    """Actor network: nodes and undirected edges weighted by cooperation and conflict."""
    return Q.network(db, max_nodes)


@router.get("/export")
def export(
    request: Request,
    db: DB,
    f: Annotated[Filters, Depends(claim_filters)],
    format: Annotated[Literal["csv", "jsonl", "parquet"], Query()] = "jsonl",
    kind: Annotated[Literal["events", "claims"], Query()] = "events",
) -> Response:
    """All matching events (or claims); jsonl and csv stream, parquet is written then sent."""
    return export_response(db, f, format, kind, request.app.state.config.export_timeout_s)
