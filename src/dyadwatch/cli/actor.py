"""`actor` command: resolve actor phrases against the dated dictionaries."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from ..actors import ActorDictionaryError
from ..registry import registry
from . import app
from .options import args_to_settings

_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


@app.command()
def actor(
    phrases: Annotated[list[str] | None, typer.Argument(help="Actor phrases to resolve.")] = None,
    date: Annotated[
        str | None, typer.Option(help="Date the phrase is read at (YYYY-MM-DD).")
    ] = None,
    file: Annotated[
        Path | None, typer.Option("--file", help="File with one phrase per line ('-' = stdin).")
    ] = None,
    user_dictionary: Annotated[
        str | None, typer.Option(help="Extra people TSV overriding the packaged one.")
    ] = None,
    config: Annotated[str | None, typer.Option("--config", help="Settings file.")] = None,
    explain: Annotated[
        bool, typer.Option("--explain", help="Also list the matched words and their meanings.")
    ] = False,
) -> None:
    """Print one JSON line per phrase: country, sector, code, name, role, the entry used, the
    rule that decided, the row's dates and the alternatives rejected (with --explain, also
    the matched words)."""
    if date is not None and not _DATE.match(date):
        raise typer.BadParameter("use YYYY, YYYY-MM or YYYY-MM-DD", param_hint="--date")
    items = list(phrases or [])
    if file is not None:
        if str(file) == "-":
            items += sys.stdin.read().splitlines()
        elif not file.is_file():
            raise typer.BadParameter(f"no such file: {file}", param_hint="--file")
        else:
            items += file.read_text(encoding="utf-8", errors="replace").splitlines()
    items = [p.strip() for p in items if p.strip()]
    if not items:
        raise typer.BadParameter("give at least one phrase, or --file", param_hint="PHRASES")
    settings = args_to_settings(config, user_dictionary=user_dictionary)
    try:
        resolver = registry.get(settings.actors_impl)(settings)
        for phrase in items:
            typer.echo(json.dumps(_row(resolver, phrase, date, explain), ensure_ascii=False))
    except ActorDictionaryError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from exc


KEYS = ("country", "sector", "code", "name", "role", "kind", "entry", "resolved_by")


def _row(resolver: Any, phrase: str, date: str | None, atoms: bool) -> dict[str, object]:
    """The resolved actor's fields plus its explanation (the library builds it)."""
    why = resolver.explain_phrase(phrase, date)
    found = why.actor
    row: dict[str, object] = {"phrase": phrase, "date": date}
    row.update({k: getattr(found, k) if found else None for k in KEYS})
    entry = why.entry or {}
    row.update(
        {
            "rule": why.rule,
            "because": why.because,
            "role_start": entry.get("start"),
            "role_end": entry.get("end"),
            "rejected": why.rejected,
        }
    )
    if atoms:
        row.update({"entry_row": why.entry, "atoms": why.atoms})
    return row
