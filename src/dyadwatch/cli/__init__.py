"""Thin CLI: commands only build library objects and print what they return."""

from __future__ import annotations

import typer

app = typer.Typer(
    name="dyadwatch",
    help="News in; coded, attributed and dated dyadic events out.",
    no_args_is_help=True,
    add_completion=False,
)


@app.callback()
def _root() -> None:
    """Keep sub-command mode even while only one command is registered."""


# Each module adds its commands to ``app`` when imported.
from . import extract as _extract  # noqa: E402,F401

for _mod in ("ingest", "query", "actor", "evalcmd", "serve", "admin"):
    try:
        __import__(f"{__name__}.{_mod}")
    except ModuleNotFoundError as _exc:  # a command group not written yet
        if _exc.name != f"{__name__}.{_mod}":
            raise


def main() -> None:
    app()
