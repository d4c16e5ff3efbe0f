"""Server-rendered dashboard (Jinja2). Charts are plotly figures built here as JSON; the only
JavaScript is static/app.js, which draws them and follows clicks to the evidence."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from markupsafe import Markup

from ..store.contested import speaker_label
from ..store.params import parse_choices, parse_date, parse_dyad, parse_key
from ..store.queries import PLOVER_TYPES, STATUSES, ClaimFilter, EventFilter, from_params
from . import contested
from . import queries as Q
from .charts import sparkline_figure, timeline_figures
from .db import Database
from .highlight import render_text
from .timeline import dyad_timeline, sample_event
from .trends import ranked_dyads

router = APIRouter(include_in_schema=False)
templates = Jinja2Templates(directory=str(Path(__file__).parent / "templates"))
PAGE = 50


def _json(value: Any) -> Markup:
    """JSON safe to embed in <script type="application/json">."""
    text = json.dumps(value, ensure_ascii=False, default=str)
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


templates.env.filters["tojson_script"] = _json


def one_sentence(text: str | None, limit: int = 240) -> str:
    """Evidence as one trimmed sentence: a span that runs over a line break (a subheading, a
    new paragraph) shows its longest line, cut at a word before ``limit``."""
    lines = [" ".join(line.split()) for line in (text or "").splitlines()]
    best = max(lines, key=len, default="")
    if len(best) <= limit:
        return best
    return best[:limit].rsplit(" ", 1)[0].rstrip(",;:") + " …"


templates.env.filters["one_sentence"] = one_sentence


def get_db(request: Request) -> Database:
    db: Database = request.app.state.db
    return db


DB = Annotated[Database, Depends(get_db)]


def render(request: Request, name: str, status: int = 200, **ctx: Any) -> HTMLResponse:
    return templates.TemplateResponse(request, name, ctx, status_code=status)


def error_page(request: Request, status: int, message: str) -> HTMLResponse:
    return render(request, "error.html", status=status, status_code=status, message=message)


def evidence_url(doc_id: str | None, anchor: str) -> str | None:
    return f"/documents/{doc_id}#{anchor}" if doc_id else None


templates.env.globals["evidence_url"] = evidence_url
templates.env.globals["speaker_label"] = speaker_label


@router.get("/", response_class=HTMLResponse)
def home(request: Request, db: DB) -> HTMLResponse:
    """Dyads ranked by trend, each with a sparkline, and the latest contested claims."""
    _, ranked = ranked_dyads(db, "month", "trend", limit=25)
    for d in ranked:
        d["figure"] = sparkline_figure(d["series"]["periods"], d["series"]["net"])
    claims = None  # still being computed at start-up: the home page does not wait for it
    if contested.ready(db) or not db.contested_lock.locked():
        _, claims = Q.list_claims(db, ClaimFilter(contested=True), 10, 0)
    return render(request, "home.html", dyads=ranked, claims=claims)


FILTER_FIELDS = ("since", "until", "type", "status", "min_confidence", "outlet")
DOWNLOADS = ("csv", "parquet", "gdelt", "polecat")
LEDGER_PAGE = 10  # contested groups per ledger page (each is a table of positions)


def _query(request: Request, drop: tuple[str, ...] = ("page",)) -> str:
    """The current query string without ``drop``: filter state survives paging."""
    return urlencode([(k, v) for k, v in request.query_params.multi_items() if k not in drop])


def _filters(request: Request) -> dict[str, str]:
    return {k: request.query_params.get(k, "") for k in FILTER_FIELDS}


@router.get("/dyads/{a}/{b}", response_class=HTMLResponse)
def dyad_page(
    request: Request,
    db: DB,
    a: str,
    b: str,
    page: Annotated[int, Query(ge=1)] = 1,
    freq: Annotated[str, Query(pattern="^(week|month)$")] = "month",
) -> HTMLResponse:
    """Timeline per direction, status split, weapons and the dyad's events, filterable (date
    range, types, status, minimum confidence; state in the URL) and downloadable."""
    a, b = parse_key("a", a), parse_key("b", b)
    form = _filters(request)
    f = from_params("events", {**form, "dyad": (a, b)}, limit=None)
    assert isinstance(f, EventFilter)
    timeline = dyad_timeline(db, a, b, freq)
    total, events = Q.list_events(db, f, PAGE, (page - 1) * PAGE)
    export_q = urlencode({"dyad": f"{a}-{b}", **{k: v for k, v in form.items() if v}})
    return render(
        request,
        "dyad.html",
        a=a,
        b=b,
        freq=freq,
        form=form,
        types=PLOVER_TYPES,
        statuses=STATUSES,
        downloads=[(fmt, f"/api/export?format={fmt}&{export_q}") for fmt in DOWNLOADS],
        figures=timeline_figures(timeline),
        breakdown=Q.dyad_breakdown(db, a, b),
        background=Q.background_events(db, a, b),
        events=events,
        total=total,
        page=page,
        pages=max(1, math.ceil(total / PAGE)),
        query=_query(request),
    )


@router.get("/evidence", response_class=HTMLResponse)
def evidence(
    request: Request,
    db: DB,
    src: str,
    tgt: str,
    period: str,
    freq: Annotated[str, Query(pattern="^(week|month)$")] = "month",
    type: str | None = None,
) -> Response:
    """Where a chart click goes: the first event of that point, in its document."""
    types = parse_choices("type", type, PLOVER_TYPES, upper=True) if type else []
    found = sample_event(
        db,
        parse_key("src", src),
        parse_key("tgt", tgt),
        freq,
        parse_date("period", period),
        types[0] if types else None,
    )
    if found is None:
        raise HTTPException(404, "no event for this chart point")
    return RedirectResponse(f"/documents/{found['doc_id']}#ev-{found['event_id']}", 303)


@router.get("/claims", response_class=HTMLResponse)
def claims_page(
    request: Request,
    db: DB,
    dyad: str | None = None,
    page: Annotated[int, Query(ge=1)] = 1,
) -> HTMLResponse:
    """Claims ledger: each contested event with who asserts, supports, denies or acknowledges
    it, ten groups a page."""
    found = contested.select(db, parse_dyad(dyad) if dyad else None)
    size = LEDGER_PAGE
    return render(
        request,
        "claims.html",
        groups=found[(page - 1) * size : page * size],
        total=len(found),
        dyad=dyad or "",
        page=page,
        pages=max(1, math.ceil(len(found) / size)),
        query=_query(request),
    )


@router.get("/documents/{doc_id}", response_class=HTMLResponse)
def document_page(request: Request, db: DB, doc_id: str) -> HTMLResponse:
    """Cleaned article with event and claim spans highlighted; removed lines collapsed."""
    found = Q.get_document(db, doc_id)
    if found is None:
        raise HTTPException(404, f"no document {doc_id!r}")
    doc = found["document"]
    body = render_text(doc.get("text") or "", found["events"], found["claims"])
    return render(
        request,
        "document.html",
        doc=doc,
        body=body,
        events=found["events"],
        claims=found["claims"],
    )


@router.get("/actors/{code}", response_class=HTMLResponse)
def actor_page(request: Request, db: DB, code: str, name: str | None = None) -> HTMLResponse:
    """Events as source and as target, claims made, and the dictionary entry with its dates."""
    from .actor_page import actor_view

    if not code.strip() or len(code) > 40 or (name and len(name) > 200):
        raise HTTPException(422, "code: expected an actor code such as USAGOV")
    view = actor_view(db, code.strip().upper(), name)
    if not view["rows"] and not view["as_source"]["total"] and not view["as_target"]["total"]:
        raise HTTPException(404, f"no actor {code!r} in the store")
    return render(request, "actor.html", **view)


@router.get("/network", response_class=HTMLResponse)
def network_page(
    request: Request, db: DB, top: Annotated[int, Query(ge=1, le=200)] = 30
) -> HTMLResponse:
    """Actors as nodes; edges coloured by net cooperation and sized by event volume."""
    from .charts import network_svg

    net = Q.network(db, top_dyads=top)
    return render(request, "network.html", svg=network_svg(net), net=net)


@router.get("/docs", response_class=HTMLResponse)
def api_docs(request: Request) -> HTMLResponse:
    """The OpenAPI description rendered server-side (Swagger UI would need a CDN)."""
    spec = request.app.openapi()
    ops = []
    for path, methods in spec.get("paths", {}).items():
        for method, op in methods.items():
            params = [
                {
                    "name": p["name"],
                    "where": p.get("in"),
                    "required": p.get("required", False),
                    "description": p.get("description") or p.get("schema", {}).get("description"),
                }
                for p in op.get("parameters", [])
            ]
            ops.append(
                {
                    "method": method.upper(),
                    "path": path,
                    "summary": op.get("summary", ""),
                    "description": op.get("description", ""),
                    "params": params,
                }
            )
    return render(request, "apidocs.html", spec=spec, ops=ops)
