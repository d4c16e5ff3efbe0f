"""One place that turns CLI options into a Settings object (cf. trafilatura's args_to_extractor)."""

from __future__ import annotations

from typing import Any

import typer

from ..settings import Settings, load_settings
from ..store.params import FilterError, parse_date


def args_to_settings(config: str | None = None, **options: Any) -> Settings:
    """Packaged defaults < settings file < explicit CLI options (None = not given)."""
    return load_settings(config).with_overrides(**options)


def check_published(value: str | None) -> str | None:
    """--published must be a date (YYYY[-MM[-DD]] or an ISO timestamp); 'yesterday' is refused
    the way --since 2022-13-45 is, with the same message."""
    if value is None:
        return None
    try:
        parse_date("published", value[:10] if len(value) > 10 and value[10] in "T " else value)
    except FilterError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from exc
    return value
