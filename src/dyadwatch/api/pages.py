"""Server-rendered dashboard (Jinja2). Charts are plotly figures built here as JSON; the only
JavaScript is static/app.js, which draws them and follows clicks to the evidence."""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from jinja2 import ChainableUndefined
from markupsafe import Markup

from ..store.contested import speaker_label
from ..store.params import parse_date, parse_dyad, parse_key
from ..store.queries import PLOVER_TYPES, STATUSES, EventFilter, from_params
from . import contested
from . import queries as Q
from .charts import sparkline_figure, timeline_figures
from .db import Database
from .filtered import is_filtered, matching_groups, publication_span
from .highlight import EDGES, one_line, render_text
from .timeline import dyad_timeline, sample_event
from .trends import ranked_dyads

router = APIRouter(include_in_schema=False)
templates = Jinja2Templates(directory=str(Path(__file__).parent / "templates"))
# A field a record lacks (absent = null, docs/RECORDS.md; older stores) renders as blank
# rather than failing the page: `c.content.text` on a claim without content is "".
templates.env.undefined = ChainableUndefined
PAGE = 50


def _json(value: Any) -> Markup:
    """JSON safe to embed in <script type="application/json">."""
    text = json.dumps(value, ensure_ascii=False, default=str)
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


templates.env.filters["tojson_script"] = _json


def one_sentence(text: str | None, limit: int = 240) -> str:
    """Evidence as one trimmed sentence: a span that runs over a line break (a subheading, a
    new paragraph) shows its longest line, without Markdown bullets or emphasis at its ends,
    cut at a word before ``limit``."""
    raw = text or ""
    lo, hi = one_line(raw, 0, len(raw))
    best = " ".join(raw[lo:hi].split()).strip(EDGES)
    if len(best) <= limit:
        return best
    return best[:limit].rsplit(" ", 1)[0].rstrip(",;:") + " …"


templates.env.filters["one_sentence"] = one_sentence


def confidence(value: Any) -> str:
    """An event's confidence as "0.73"; blank when the record has none (older stores)."""
    return f"{value:.2f}" if isinstance(value, int | float) else ""


templates.env.filters["confidence"] = confidence


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
    """Dyads ranked by trend, each with a sparkline, and the latest contested claims; both
    follow the filter form."""
    form, f = _filter_form(request)
    _, ranked = ranked_dyads(db, "month", "trend", limit=25, f=f)
    for d in ranked:
        d["figure"] = sparkline_figure(d["series"]["periods"], d["series"]["net"])
    claims = None  # still being computed at start-up: the home page does not wait for it
    if contested.ready(db) or not db.contested_lock.locked():
        claims = latest_positions(ledger_groups(db, None, f), 10)
    return render(
        request,
        "home.html",
        dyads=ranked,
        claims=claims,
        ledger_query=_export_query(form, {}),
        **_form_ctx(form, f, {}),
    )


FILTER_FIELDS = ("since", "until", "type", "status", "min_confidence", "outlet")
MULTI_FIELDS = ("type", "status")  # several values: repeated in the URL or comma-separated
DOWNLOADS = ("csv", "parquet", "gdelt", "polecat")
LEDGER_PAGE = 10  # contested groups per ledger page (each is a table of positions)


def _query(request: Request, drop: tuple[str, ...] = ("page",)) -> str:
    """The current query string without ``drop``: filter state survives paging."""
    return urlencode([(k, v) for k, v in request.query_params.multi_items() if k not in drop])


def _filter_form(request: Request, **extra: Any) -> tuple[dict[str, Any], EventFilter]:
    """The filter form's values from the URL (the view's state) and the event filter they
    make, with ``extra`` conditions (a dyad). Bad values raise FilterError (a 422 page)."""
    q = request.query_params
    form: dict[str, Any] = {k: q.get(k, "").strip() for k in FILTER_FIELDS}
    for k in MULTI_FIELDS:
        form[k] = [v.strip() for raw in q.getlist(k) for v in raw.split(",") if v.strip()]
    raw = {k: ",".join(v) if isinstance(v, list) else v for k, v in form.items() if v}
    f = from_params("events", {**raw, **extra}, limit=None)
    assert isinstance(f, EventFilter)
    form["type"], form["status"] = list(f.plover_type or []), list(f.status or [])
    return form, f


def _export_query(form: dict[str, Any], extra: dict[str, str]) -> str:
    """The /api/export parameters of the current view (lists as comma-separated values)."""
    given = {k: ",".join(v) if isinstance(v, list) else v for k, v in form.items() if v}
    return urlencode({**extra, **given})


def _form_ctx(form: dict[str, Any], f: EventFilter, extra: dict[str, str]) -> dict[str, Any]:
    """Template context of filters.html: the form, its choices and the download links."""
    q = _export_query(form, extra)
    return {
        "form": form,
        "filtered": is_filtered(f),
        "types": PLOVER_TYPES,
        "statuses": STATUSES,
        "downloads": [
            (fmt, f"/api/export?format={fmt}&{q}" if q else f"/api/export?format={fmt}")
            for fmt in DOWNLOADS
        ],  # fmt: skip
    }


def ledger_groups(db: Database, dyad: tuple[str, str] | None, f: EventFilter) -> Sequence[Any]:
    """Contested groups on ``dyad`` with at least one event matching the filters."""
    return matching_groups(db, contested.select(db, dyad), f)


def latest_positions(groups: Sequence[Any], n: int) -> list[Any]:
    """The ``n`` newest positions (stances taken) over contested groups."""
    positions = [p for g in groups for p in g.positions]
    positions.sort(key=lambda p: (p.date or "", p.claim_id), reverse=True)
    return positions[:n]


@router.get("/dyads/{a}/{b}", response_class=HTMLResponse)
def dyad_page(
    request: Request,
    db: DB,
    a: str,
    b: str,
    page: Annotated[int, Query(ge=1)] = 1,
    freq: Annotated[str, Query(pattern="^(week|month)$")] = "month",
) -> HTMLResponse:
    """Timeline per direction, status split, weapons, the dyad's events and its background
    references, all under the filter form (state in the URL), and downloadable."""
    a, b = parse_key("a", a), parse_key("b", b)
    form, f = _filter_form(request, dyad=(a, b))
    timeline = dyad_timeline(db, a, b, freq, f)
    total, events = Q.list_events(db, f, PAGE, (page - 1) * PAGE, foreground=True)
    filters = _export_query(form, {})
    return render(
        request,
        "dyad.html",
        a=a,
        b=b,
        freq=freq,
        figures=timeline_figures(timeline, axis_span(db, f, freq), filters),
        breakdown=Q.dyad_breakdown(db, a, b, f),
        background=Q.background_events(db, a, b, f=f),
        events=events,
        total=total,
        page=page,
        pages=max(1, math.ceil(total / PAGE)),
        query=_query(request),
        freq_query=_query(request, ("page", "freq")),
        **_form_ctx(form, f, {"dyad": f"{a}-{b}"}),
    )


def axis_span(db: Database, f: EventFilter, freq: str) -> tuple[str, str] | None:
    """The default time-axis range: the publication dates of the charted events' documents,
    widened to whole periods (a background reference never sets it)."""
    span = publication_span(db, f)
    if span is None:
        return None
    lo, hi = (date.fromisoformat(d) for d in span)
    half = timedelta(days=4 if freq == "week" else 16)
    return (lo - half).isoformat(), (hi + half).isoformat()


@router.get("/evidence", response_class=HTMLResponse)
def evidence(
    request: Request,
    db: DB,
    src: str,
    tgt: str,
    period: str,
    freq: Annotated[str, Query(pattern="^(week|month)$")] = "month",
) -> Response:
    """Where a chart click goes: the first event of that point, under the chart's filters
    (a bar's link narrows ``type`` to its own), in its document."""
    _, f = _filter_form(request)
    found = sample_event(
        db, parse_key("src", src), parse_key("tgt", tgt), freq, parse_date("period", period), f
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
    it, ten groups a page; the filter form keeps groups with a matching event."""
    pair = parse_dyad(dyad) if dyad else None
    form, f = _filter_form(request)
    found = ledger_groups(db, pair, f)
    size = LEDGER_PAGE
    extra = {"contested": "true", **({"dyad": f"{pair[0]}-{pair[1]}"} if pair else {})}
    shown = found[(page - 1) * size : page * size]
    return render(
        request,
        "claims.html",
        groups=shown,
        confidence=Q.confidences(db, [e.event_id for g in shown for e in g.events]),
        total=len(found),
        dyad=dyad or "",
        page=page,
        pages=max(1, math.ceil(len(found) / size)),
        query=_query(request),
        **_form_ctx(form, f, extra),
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
    """Events as source and as target, claims made, and the dictionary entry with its dates;
    the lists follow the filter form."""
    from .actor_page import actor_view

    if not code.strip() or len(code) > 40 or (name and len(name) > 200):
        raise HTTPException(422, "code: expected an actor code such as USAGOV")
    form, f = _filter_form(request)
    view = actor_view(db, code.strip().upper(), name, f)
    if not view["rows"] and not view["as_source"]["total"] and not view["as_target"]["total"]:
        raise HTTPException(404, f"no actor {code!r} in the store")
    hidden = {"name": name} if name else {}
    extra = {"actor": name or code.strip().upper()}
    return render(request, "actor.html", hidden=hidden, **view, **_form_ctx(form, f, extra))


@router.get("/network", response_class=HTMLResponse)
def network_page(
    request: Request, db: DB, top: Annotated[int, Query(ge=1, le=200)] = 30
) -> HTMLResponse:
    """Actors as nodes; edges coloured by net cooperation and sized by event volume; the
    events counted follow the filter form."""
    from .charts import network_svg

    form, f = _filter_form(request)
    net = Q.network(db, top_dyads=top, f=f)
    return render(
        request,
        "network.html",
        svg=network_svg(net),
        net=net,
        top=top,
        query=_query(request, ("top",)),
        **_form_ctx(form, f, {}),
    )


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
