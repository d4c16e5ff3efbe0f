"""POST /api/documents: ingest articles through the pipeline into the store (token-protected).

Off (404) unless the server has a token; then ``Authorization: Bearer <token>`` is required
(401 when absent, 403 when wrong). Authentication is checked before the body is parsed.
"""

from __future__ import annotations

import hmac
import json
import threading
from typing import Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, ValidationError, model_validator

from ..records import RawInput, Rejection
from ..settings import load_settings

router = APIRouter()
MAX_ITEMS = 100
_pipeline_lock = threading.Lock()


class ArticleIn(BaseModel):
    """One article, as the CLI reads it: text or html, with optional metadata."""

    model_config = ConfigDict(extra="forbid")

    text: str | None = None
    html: str | None = None
    url: str | None = None
    title: str | None = None
    published: str | None = None
    outlet: str | None = None
    id: str | None = None

    @model_validator(mode="after")
    def _one_body(self) -> ArticleIn:
        if not (self.text or self.html):
            raise ValueError("each article needs a non-empty 'text' or 'html'")
        if self.text and self.html:
            raise ValueError("give either 'text' or 'html', not both")
        return self

    def raw(self, index: int) -> RawInput:
        return RawInput(
            input=f"api:{self.id or index}",
            content=self.text or self.html or "",
            format="html" if self.html else "text",
            url=self.url,
            title=self.title,
            published=self.published,
            outlet=self.outlet,
            source_id=self.id,
        )


def check_token(request: Request) -> None:
    token: str | None = request.app.state.config.token
    if not token:
        raise HTTPException(404, "POST /api/documents is disabled; start the server with a token")
    header = request.headers.get("authorization", "")
    scheme, _, given = header.partition(" ")
    if scheme.lower() != "bearer" or not given.strip():
        raise HTTPException(401, "missing 'Authorization: Bearer <token>' header")
    if not hmac.compare_digest(given.strip().encode(), token.encode()):
        raise HTTPException(403, "invalid token")


def _parse(body: bytes) -> list[ArticleIn]:
    try:
        data = json.loads(body)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise HTTPException(422, f"body is not valid JSON: {exc}") from exc
    except RecursionError as exc:  # json's C decoder recurses once per nesting level
        raise HTTPException(422, "body is nested too deeply") from exc
    items = data if isinstance(data, list) else [data]
    if not items:
        raise HTTPException(422, "no articles in body")
    if len(items) > MAX_ITEMS:
        raise HTTPException(422, f"at most {MAX_ITEMS} articles per request")
    out = []
    for i, item in enumerate(items):
        if not isinstance(item, dict):
            raise HTTPException(422, f"article {i}: expected a JSON object")
        try:
            out.append(ArticleIn.model_validate(item))
        except ValidationError as exc:
            msg = "; ".join(
                (f"{'.'.join(str(p) for p in e['loc'])}: " if e.get("loc") else "") + e["msg"]
                for e in exc.errors()
            )
            raise HTTPException(422, f"article {i}: {msg}") from exc
    return out


def _pipeline(request: Request) -> Any:
    from ..pipeline import Pipeline

    with _pipeline_lock:
        if request.app.state.pipeline is None:
            settings = request.app.state.settings or load_settings()
            request.app.state.pipeline = Pipeline(settings)
        return request.app.state.pipeline


@router.post("/documents", status_code=201, responses={401: {}, 403: {}, 404: {}, 413: {}})
async def ingest(request: Request) -> JSONResponse:
    """Run the pipeline on the articles and write them in one store transaction."""
    check_token(request)
    articles = _parse(await request.body())
    from starlette.concurrency import run_in_threadpool

    return JSONResponse(await run_in_threadpool(_ingest, request, articles), 201)


def _ingest(request: Request, articles: list[ArticleIn]) -> dict[str, Any]:
    from ..pipeline import Result

    pipe = _pipeline(request)
    results: list[Result] = []
    rejections: list[Rejection] = []
    with _pipeline_lock:  # spaCy pipelines are not shared across threads
        for item in pipe.run(a.raw(i) for i, a in enumerate(articles)):
            (rejections if isinstance(item, Rejection) else results).append(item)
    db = request.app.state.db
    with db.lock:
        assert db.store is not None  # writes are enabled only with a writable store
        stats = db.store.write_batch(results, rejections)
        db.written[db.generation + 1] = [r.document.doc_id for r in results]
        db.generation += 1  # derived tables (cache.py) rebuild on next use
    return {
        "stored": stats.stored,
        "skipped": stats.skipped,
        "events": stats.events,
        "claims": stats.claims,
        "documents": [
            {
                "doc_id": r.document.doc_id,
                "input": r.document.input,
                "events": len(r.events),
                "claims": len(r.claims),
            }
            for r in results
        ],
        "rejections": [r.to_json_dict() for r in rejections],
    }
