"""`dyadwatch eval ...`: score stages against gold data."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from ..eval.base import SuiteResult
from ..eval.suites import SUITES, run_suite
from . import app
from .options import args_to_settings

eval_app = typer.Typer(help="Score each stage against public gold data.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")
console = Console()

JsonOut = Annotated[Path | None, typer.Option("--json", help="Also write results as JSON here.")]
Sample = Annotated[int | None, typer.Option(help="Score only the first N gold items.")]
Config = Annotated[str | None, typer.Option("--config", help="Settings file.")]


def show(results: list[SuiteResult], json_out: Path | None) -> None:
    table = Table(title="dyadwatch evaluation")
    for col in ("suite", "n", "metric", "value", "anchors"):
        table.add_column(col)
    for r in results:
        for i, (k, v) in enumerate(sorted(r.metrics.items())):
            anchor = SUITES[r.suite].anchors if i == 0 else ""
            table.add_row(
                r.suite if i == 0 else "", str(r.n) if i == 0 else "", k, f"{v:.4f}", anchor
            )
    console.print(table)
    for r in results:
        for note in r.notes:
            console.print(f"[dim]{r.suite}: {note}[/dim]")
    if json_out:
        json_out.write_text(json.dumps([r.to_dict() for r in results], indent=2, default=str))
        console.print(f"wrote {json_out}")


@eval_app.command("extraction")
def extraction(
    path: Path, sample: Sample = None, json_out: JsonOut = None, config: Config = None
) -> None:
    """Article extraction: 4-gram shingle P/R/F1 (article-extraction-benchmark)."""
    settings = args_to_settings(config)
    show([run_suite("extraction", settings, path=path, sample=sample)], json_out)


@eval_app.command("time")
def time_(
    path: Path, sample: Sample = None, json_out: JsonOut = None, config: Config = None
) -> None:
    """Time expressions: TempEval-3 style span and value F1 (TimeBank/AQUAINT)."""
    settings = args_to_settings(config)
    show([run_suite("time", settings, path=path, sample=sample)], json_out)


@eval_app.command("attribution")
def attribution(
    path: Path,
    split: Annotated[str, typer.Option(help="PolNeAR split: dev or train.")] = "dev",
    sample: Sample = None,
    json_out: JsonOut = None,
    config: Config = None,
) -> None:
    """Attribution: source/cue/content span F1 (PolNeAR)."""
    settings = args_to_settings(config)
    show([run_suite("attribution", settings, path=path, sample=sample, split=split)], json_out)


@eval_app.command("events")
def events(
    path: Path,
    half: Annotated[
        str, typer.Option(help="GSR half: check (gated), tune (rules written on it), all.")
    ] = "check",
    sample: Sample = None,
    json_out: JsonOut = None,
    config: Config = None,
) -> None:
    """Events: PLOVER type/actor accuracy (PLOVER gold records from the CAMEO manual)."""
    settings = args_to_settings(config)
    show([run_suite("events", settings, path=path, sample=sample, half=half)], json_out)


@eval_app.command("realnews")
def realnews(
    path: Path, sample: Sample = None, json_out: JsonOut = None, config: Config = None
) -> None:
    """Real news: tuple/type F1, status and sector accuracy (realnews-events dev set)."""
    settings = args_to_settings(config)
    show([run_suite("realnews", settings, path=path, sample=sample)], json_out)


@eval_app.command("whnews")
def whnews(
    half: Annotated[
        str, typer.Option(help="check (gated, never tuned on) or tune (free to tune on).")
    ] = "check",
    sample: Sample = None,
    json_out: JsonOut = None,
    config: Config = None,
) -> None:
    """The project's own White House set (packaged), scored like realnews."""
    from ..eval.realnews import WH_EVENTS

    if half not in ("check", "tune"):
        raise typer.BadParameter("half must be check or tune")
    settings = args_to_settings(config)
    path = WH_EVENTS / f"{half}.jsonl"
    show([run_suite("whnews", settings, path=path, sample=sample)], json_out)


@eval_app.command("seed")
def seed(path: Path, json_out: JsonOut = None, config: Config = None) -> None:
    """The seed article's acceptance checklist."""
    settings = args_to_settings(config)
    result = run_suite("seed", settings, path=path)
    show([result], json_out)
    for check, ok in result.details["checks"].items():
        console.print(f"  {'[green]pass[/green]' if ok else '[red]FAIL[/red]'} {check}")


@eval_app.command("actors")
def actors(
    path: Annotated[Path | None, typer.Argument(help="Gold TSV (default: packaged)")] = None,
    json_out: JsonOut = None,
    config: Config = None,
) -> None:
    """Actor phrases built from the knowledge base: country and sector accuracy."""
    from ..eval.actors import GOLD

    settings = args_to_settings(config)
    result = run_suite("actors", settings, path=path or GOLD)
    show([result], json_out)
    for klass, acc in result.details["classes"].items():
        console.print(f"  {klass}: n={acc['n']} country {acc['country']} sector {acc['sector']}")


@eval_app.command("all")
def all_(
    shared: Annotated[Path, typer.Option(help="The shared folder with gold data.")] = Path(
        "../shared"
    ),
    sample: Sample = None,
    json_out: JsonOut = None,
    config: Config = None,
) -> None:
    """Every suite, one table."""
    settings = args_to_settings(config)
    results = []
    for name in SUITES:
        try:
            results.append(run_suite(name, settings, shared=shared, sample=sample))
        except Exception as exc:
            console.print(f"[red]{name} failed: {exc!r}[/red]")
    show(results, json_out)
