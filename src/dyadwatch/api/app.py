"""FastAPI application factory: JSON API under /api, dashboard pages, static files.

Errors are always JSON under /api (``{"error": {"status", "code", "message", ...}}``); the
dashboard renders an HTML error page instead.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..settings import Settings
from ..store.db import StoreError
from ..store.params import FilterError
from .db import Database, QueryTimeout

log = logging.getLogger(__name__)
TOKEN_ENV = "DYADWATCH_API_TOKEN"
HERE = Path(str(resources.files("dyadwatch.api")))


@dataclass(frozen=True)
class ApiConfig:
    """Service limits; every one is a `dyadwatch serve` option."""

    db: str = "dyadwatch.duckdb"
    token: str | None = None  # POST /api/documents is off unless set
    max_body_bytes: int = 2_000_000
    max_page_size: int = 500
    default_page_size: int = 50
    query_timeout_s: float = 5.0
    export_timeout_s: float = 120.0  # whole-table exports sort every matching row
    # Host header allow-list (DNS-rebinding defence); None = no check (tests, embedding).
    # `dyadwatch serve` passes DEFAULT_HOSTS plus each --allow-host.
    allowed_hosts: tuple[str, ...] | None = None
    # GET /api answers kept until the store changes (response_cache.py); 0 turns it off
    response_cache_mb: int = 32

    @property
    def writes_enabled(self) -> bool:
        return bool(self.token)


DEFAULT_HOSTS = ("localhost", "127.0.0.1", "[::1]")
# Pages load scripts only from this server (plotly.js is served from the Python package);
# plotly sets inline styles, hence 'unsafe-inline' for style-src only.
SECURITY_HEADERS = (
    (
        b"content-security-policy",
        b"default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
        b"img-src 'self' data:; object-src 'none'; base-uri 'self'; frame-ancestors 'none'",
    ),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"same-origin"),
)


class Guard:
    """Refuse requests whose Host is not allowed (400, JSON) and add the security headers to
    every response."""

    def __init__(self, app: ASGIApp, allowed_hosts: tuple[str, ...] | None) -> None:
        self.app = app
        self.allowed = {h.lower() for h in allowed_hosts} if allowed_hosts is not None else None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if self.allowed is not None:
            host = _host_name(dict(scope.get("headers") or []).get(b"host", b""))
            if host not in self.allowed:
                msg = f"host {host or '(none)'!r} is not allowed (dyadwatch serve --allow-host)"
                await json_error(400, "host_not_allowed", msg)(scope, receive, send)
                return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                have = {k.lower() for k, _ in message.get("headers", [])}
                extra = [(k, v) for k, v in SECURITY_HEADERS if k not in have]
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _host_name(raw: bytes) -> str:
    """Host header without its port ("127.0.0.1:8000" -> "127.0.0.1", "[::1]:80" -> "[::1]")."""
    host = raw.decode("latin-1").strip().lower()
    if host.startswith("["):
        return host.split("]", 1)[0] + "]"
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


def error_body(status: int, code: str, message: str, **extra: Any) -> dict[str, Any]:
    return {"error": {"status": status, "code": code, "message": message, **extra}}


def json_error(status: int, code: str, message: str, **extra: Any) -> JSONResponse:
    headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
    return JSONResponse(error_body(status, code, message, **extra), status, headers=headers)


class BodyLimit:
    """Reject request bodies over the limit with 413, whether or not Content-Length is sent.

    The body is buffered (at most ``max_bytes``) and replayed, so nothing downstream can read
    past the limit.
    """

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope.get("method") in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        declared = headers.get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_bytes:
            await self._reject(scope, receive, send)
            return
        chunks: list[bytes] = []
        size = 0
        while True:
            msg = await receive()
            if msg["type"] != "http.request":
                break
            chunks.append(msg.get("body", b""))
            size += len(chunks[-1])
            if size > self.max_bytes:
                await self._reject(scope, receive, send)
                return
            if not msg.get("more_body"):
                break
        body = b"".join(chunks)
        sent = False

        async def replay() -> Message:
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)

    async def _reject(self, scope: Scope, receive: Receive, send: Send) -> None:
        resp = json_error(413, "body_too_large", f"request body exceeds {self.max_bytes} bytes")
        await resp(scope, receive, send)


def _wants_html(request: Request) -> bool:
    return not request.url.path.startswith("/api") and "text/html" in request.headers.get(
        "accept", ""
    )


def _install_errors(app: FastAPI) -> None:
    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if _wants_html(request):
            from .pages import error_page

            return error_page(request, exc.status_code, str(exc.detail))
        codes = {
            401: "unauthorized",
            403: "forbidden",
            404: "not_found",
            405: "method_not_allowed",
            413: "body_too_large",
            422: "invalid_parameter",
        }
        return json_error(exc.status_code, codes.get(exc.status_code, "error"), str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        details = [
            {
                "param": ".".join(str(p) for p in e.get("loc", ()) if p not in ("query", "path")),
                "message": e.get("msg", ""),
            }
            for e in exc.errors()
        ]
        msg = "; ".join(f"{d['param']}: {d['message']}" for d in details) or "invalid request"
        return json_error(422, "invalid_parameter", msg, details=details)

    @app.exception_handler(FilterError)
    async def filter_error(request: Request, exc: FilterError) -> Response:
        if _wants_html(request):
            from .pages import error_page

            return error_page(request, 422, str(exc))
        return json_error(422, "invalid_parameter", str(exc), param=exc.param)

    @app.exception_handler(StoreError)
    async def store_error(request: Request, exc: StoreError) -> Response:
        return json_error(503, "store_error", str(exc))

    @app.exception_handler(QueryTimeout)
    async def timeout_error(request: Request, exc: QueryTimeout) -> Response:
        return json_error(503, "query_timeout", f"{exc}; narrow the filters and retry")


def create_app(
    config: ApiConfig | None = None, settings: Settings | None = None, *, warm: bool = True
) -> FastAPI:
    """Build the service; the database opens writable only when a write token is configured."""
    cfg = config or ApiConfig()
    if cfg.token is None and os.environ.get(TOKEN_ENV):
        cfg = ApiConfig(**{**cfg.__dict__, "token": os.environ[TOKEN_ENV]})
    db = Database(cfg.db, writable=cfg.writes_enabled, timeout_s=cfg.query_timeout_s)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        db.close()  # release DuckDB's file lock as the server stops

    app = FastAPI(
        lifespan=lifespan,
        docs_url=None,  # FastAPI's Swagger UI loads from a CDN; /docs is ours (pages.py)
        redoc_url=None,
        title="dyadwatch",
        version="1",
        description=(
            "PLOVER-coded dyadic events and attributed claims (records of docs/RECORDS.md). "
            f"Page size is capped at {cfg.max_page_size} (larger values get 422); request bodies "
            f"over {cfg.max_body_bytes} bytes get 413; queries stop after "
            f"{cfg.query_timeout_s:g} s with 503."
        ),
    )
    app.state.config = cfg
    app.state.db = db
    app.state.settings = settings
    app.state.pipeline = None
    _install_errors(app)

    from .pages import router as pages_router
    from .routes import router as api_router

    app.include_router(api_router)
    app.include_router(pages_router)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")

    @app.get("/vendor/plotly.min.js", include_in_schema=False)
    def plotly_js() -> Response:
        """plotly.js from the installed Python package: the dashboard never needs a CDN."""
        import plotly

        path = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
        return FileResponse(
            path,
            media_type="application/javascript",
            headers={"Cache-Control": "public, max-age=86400"},
        )

    from .response_cache import ResponseCache

    app.add_middleware(ResponseCache, db=db, max_bytes=cfg.response_cache_mb << 20)
    app.add_middleware(BodyLimit, max_bytes=cfg.max_body_bytes)
    app.add_middleware(Guard, allowed_hosts=cfg.allowed_hosts)  # outermost: runs first
    if warm:
        from . import cache, contested

        # both at once: each is one DuckDB statement after another, and they do not share
        for name, step in (("aggregates", cache.ensure), ("contested", contested.ensure)):
            threading.Thread(
                target=_warm, args=(db, step), daemon=True, name=f"dyadwatch-warm-{name}"
            ).start()
    return app


def _warm(db: Database, step: Callable[[Database], object]) -> None:
    """Build a derived table now, not on the first request."""
    try:
        step(db)
    except Exception:  # the first request retries and reports any real problem
        log.debug("cache warm-up failed", exc_info=True)
