"""`serve` command: the REST API and the dashboard over a dyadwatch database."""

from __future__ import annotations

import os
from typing import Annotated

import typer

from . import app
from .options import args_to_settings


@app.command()
def serve(
    db: Annotated[
        str | None, typer.Option(help="DuckDB file (default: the settings file's store.db).")
    ] = None,
    host: Annotated[str, typer.Option(help="Interface to bind; loopback unless you mean it.")] = (
        "127.0.0.1"
    ),
    port: Annotated[int, typer.Option(help="TCP port.")] = 8000,
    token: Annotated[
        str | None,
        typer.Option(
            help="Enable POST /api/documents with this bearer token. Opens the database "
            "writable. A token given here is visible in the process list: prefer setting "
            "DYADWATCH_API_TOKEN in the environment."
        ),
    ] = None,
    max_body: Annotated[int, typer.Option(help="Largest request body in bytes (413 above).")] = (
        2_000_000
    ),
    max_page_size: Annotated[int, typer.Option(help="Largest page size (422 above).")] = 500,
    query_timeout: Annotated[
        float, typer.Option(help="Seconds before a query is interrupted (503).")
    ] = 5.0,
    export_timeout: Annotated[
        float, typer.Option(help="Seconds before an /api/export query is interrupted.")
    ] = 120.0,
    allow_host: Annotated[
        list[str] | None,
        typer.Option(
            help="Also accept this Host header (repeatable). Default: localhost, 127.0.0.1 "
            "and [::1] only, against DNS rebinding."
        ),
    ] = None,
    cache_mb: Annotated[
        int,
        typer.Option(
            help="Memory for GET /api answers kept until the store changes (0: no cache)."
        ),
    ] = 32,
    config: Annotated[str | None, typer.Option("--config", help="Settings file.")] = None,
) -> None:
    """Serve the JSON API (/api, OpenAPI at /docs) and the dashboard (/)."""
    import uvicorn

    from ..api import ApiConfig, create_app
    from ..api.app import DEFAULT_HOSTS
    from ..api.db import DatabaseUnavailable

    settings = args_to_settings(config, db=db)
    cfg = ApiConfig(
        db=settings.db,
        token=token or os.environ.get("DYADWATCH_API_TOKEN") or None,
        max_body_bytes=max_body,
        max_page_size=max_page_size,
        query_timeout_s=query_timeout,
        export_timeout_s=export_timeout,
        allowed_hosts=(*DEFAULT_HOSTS, *(h.lower() for h in allow_host or [])),
        response_cache_mb=cache_mb,
    )
    try:
        application = create_app(cfg, settings)
    except DatabaseUnavailable as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from exc
    mode = "read-write (POST /api/documents enabled)" if cfg.writes_enabled else "read-only"
    typer.echo(f"dyadwatch: serving {settings.db} ({mode}) on http://{host}:{port}/", err=True)
    uvicorn.run(application, host=host, port=port, log_level="info")
