"""Query commands over the store: events, claims, dyad, alerts, export (and ingest).

Thin: options become an EventFilter/ClaimFilter, the library does the work, and the result
is printed as rich tables (default) or JSONL records (``--json``).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from .. import analytics
from ..store import ClaimFilter, EventFilter, FilterError, Store, StoreError, ledger
from ..store.export import (
    FORMATS,
    batches,
    export_filter,
    export_sql,
    text_chunks,
    write_parquet,
)
from ..store.params import parse_date, parse_key
from . import app
from . import ingest as _ingest  # noqa: F401  (registers `ingest`)
from .options import args_to_settings
from .query_render import one_line

console = Console()
err = Console(stderr=True)

Db = Annotated[str | None, typer.Option("--db", help="DuckDB file (default: settings db).")]
Config = Annotated[str | None, typer.Option("--config", help="Settings file overriding defaults.")]
AsJson = Annotated[bool, typer.Option("--json", help="JSONL records instead of a table.")]
Dyad = Annotated[str | None, typer.Option(help="Two actor keys, e.g. IRN-RUS (both directions).")]
Directed = Annotated[bool, typer.Option(help="With --dyad: only source=first, target=second.")]
Actor = Annotated[str | None, typer.Option(help="Actor key, code or name (source or target).")]
Country = Annotated[str | None, typer.Option(help="ISO3 country of source or target.")]
Ptype = Annotated[str | None, typer.Option("--type", help="PLOVER type(s), comma-separated.")]
Mode = Annotated[str | None, typer.Option(help="PLOVER mode.")]
Status = Annotated[str | None, typer.Option(help="Status list, e.g. claimed,denied.")]
Since = Annotated[str | None, typer.Option(help="From date (YYYY[-MM[-DD]]).")]
Until = Annotated[str | None, typer.Option(help="To date (YYYY[-MM[-DD]]).")]
Weapon = Annotated[str | None, typer.Option(help="Weapon name substring.")]
Outlet = Annotated[str | None, typer.Option(help="The document's outlet (substring).")]
Text = Annotated[str | None, typer.Option("--text", help="Text search in evidence/trigger.")]
MinConf = Annotated[
    float, typer.Option("--min-confidence", help="Only events with confidence >= this (0-1).")
]
Limit = Annotated[int, typer.Option(help="Most rows to return (0 = all).")]
Offset = Annotated[int, typer.Option(help="Rows to skip.")]


def fail(msg: str) -> typer.Exit:
    err.print(f"[red]error:[/red] {msg}")
    return typer.Exit(2)


@contextmanager
def open_store(db: str | None, config: str | None = None) -> Iterator[Store]:
    """The store read-only, with a clear error when it is missing or not ours."""
    path = db or args_to_settings(config).db
    try:
        with Store(path, read_only=True) as store:
            yield store
    except StoreError as exc:
        raise fail(str(exc)) from exc


def _jsonl(items: Any) -> None:
    out = sys.stdout
    for it in items:
        d = it.to_json_dict() if hasattr(it, "to_json_dict") else it.model_dump(mode="json")
        out.write(json.dumps(d, ensure_ascii=False) + "\n")


def _filter(cls: type[Any], **kw: Any) -> Any:
    """Build a filter through the query layer; a bad value exits 2 with its message."""
    try:
        f = cls(**kw)
    except FilterError as exc:
        raise fail(str(exc)) from exc
    _say_resolved(f.resolved)
    return f


def _say_resolved(notes: dict[str, str]) -> None:
    for param, what in notes.items():
        err.print(f"resolved {param}: {what}")


def _event_filter(**kw: Any) -> EventFilter:
    f: EventFilter = _filter(EventFilter, **kw)
    return f


def _actor(a: Any) -> str:
    if a is None:
        return "-"
    return a.name if a.name and a.name != a.code else (a.code or a.text)


@app.command()
def events(
    dyad: Dyad = None,
    directed: Directed = False,
    actor: Actor = None,
    country: Country = None,
    ptype: Ptype = None,
    mode: Mode = None,
    status: Status = None,
    since: Since = None,
    until: Until = None,
    weapon: Weapon = None,
    outlet: Outlet = None,
    text: Text = None,
    min_confidence: MinConf = 0.0,
    limit: Limit = 50,
    offset: Offset = 0,
    as_json: AsJson = False,
    db: Db = None,
    config: Config = None,
) -> None:
    """List stored events, e.g. --dyad IRN-RUS --since 2022-01-01 --status claimed,denied."""
    f = _event_filter(
        dyad=dyad, directed=directed, actor=actor, country=country, plover_type=ptype, mode=mode,
        status=status, since=since, until=until, weapon=weapon, text=text, outlet=outlet,
        min_confidence=min_confidence, limit=limit or None, offset=offset,
    )  # fmt: skip
    with open_store(db, config) as store:
        evs = store.events(f)
    if as_json:
        return _jsonl(evs)
    t = Table(title=f"{len(evs)} events", show_lines=False)
    cols = ("date", "source", "type", "target", "status", "conf", "mode", "weapons", "evidence")
    for col in cols:
        t.add_column(col, overflow="fold", max_width=60 if col == "evidence" else None)
    for e in evs:
        t.add_row(
            e.date or "-", _actor(e.source), e.plover.type, _actor(e.target), e.status,
            f"{e.confidence:.2f}", e.plover.mode or "", ", ".join(e.weapons),
            one_line(e.evidence.text),
        )  # fmt: skip
    console.print(t)


@app.command()
def claims(
    speaker: Annotated[str | None, typer.Option(help="Speaker key, code or name.")] = None,
    country: Annotated[str | None, typer.Option(help="Speaker's ISO3 country.")] = None,
    stance: Annotated[str | None, typer.Option(help="Stance list, e.g. deny,reject.")] = None,
    contested: Annotated[
        bool, typer.Option(help="Contested ledger: who asserts/denies what.")
    ] = False,
    across: Annotated[
        bool,
        typer.Option("--across-documents", help="With --contested: join stories across articles."),
    ] = False,
    dyad: Dyad = None,
    since: Since = None,
    until: Until = None,
    text: Text = None,
    limit: Limit = 50,
    offset: Offset = 0,
    as_json: AsJson = False,
    db: Db = None,
    config: Config = None,
) -> None:
    """List attributed claims (--dyad: claims about that dyad's events); --contested shows the
    contested-claims ledger."""
    f: ClaimFilter = _filter(
        ClaimFilter, speaker=speaker, country=country, stance=stance, since=since, until=until,
        text=text, dyad=dyad, limit=limit or None, offset=offset,
    )  # fmt: skip
    with open_store(db, config) as store:
        if contested:
            try:
                groups = ledger(store, dyad=f.dyad_keys, since=since, until=until,
                                across_documents=across)  # fmt: skip
            except FilterError as exc:
                raise fail(str(exc)) from exc
            groups = groups[offset : offset + limit] if limit else groups[offset:]
            return _jsonl(groups) if as_json else _print_ledger(groups)
        cls = store.claims(f)
    if as_json:
        return _jsonl(cls)
    t = Table(title=f"{len(cls)} claims")
    for col in ("date", "speaker", "stance", "cue", "content"):
        t.add_column(col, overflow="fold", max_width=70 if col == "content" else None)
    for c in cls:
        t.add_row(c.date or "-", _actor(c.speaker), c.stance, c.cue, one_line(c.content.text))
    console.print(t)


def _print_ledger(groups: list[Any]) -> None:
    """Per contested group: each event with who asserts/supports/denies it, then positions."""
    if not groups:
        console.print("No contested claims.")
        return
    for g in groups:
        t = Table(title=f"Contested ({', '.join(g.dyads) or 'claims about claims'})",
                  title_justify="left", show_lines=True)  # fmt: skip
        for col in ("event", "status", "positions"):
            t.add_column(col, overflow="fold")
        for e in g.events:
            what = f"{e.source}->{e.target} {e.plover_type} {e.date or ''}".strip()
            pos = "; ".join(f"{st}: {', '.join(names)}" for st, names in e.stances.items())
            t.add_row(what, e.status, pos or "-")
        console.print(t)
        p = Table(show_header=True, box=None)
        for col in ("date", "speaker", "stance", "evidence"):
            p.add_column(col, overflow="fold", max_width=90 if col == "evidence" else None)
        for pos in g.positions:
            p.add_row(pos.date or "-", pos.speaker or pos.speaker_key or "?", pos.stance,
                      one_line(pos.evidence))  # fmt: skip
        console.print(p)


@app.command()
def dyad(
    a: Annotated[str, typer.Argument(help="First actor key, e.g. IRN.")],
    b: Annotated[str, typer.Argument(help="Second actor key, e.g. RUS.")],
    since: Since = None,
    until: Until = None,
    window: Annotated[int, typer.Option(help="Trend window in months.")] = 12,
    alpha: Annotated[float, typer.Option(help="Significance level.")] = 0.05,
    as_json: AsJson = False,
    db: Db = None,
    config: Config = None,
) -> None:
    """Summary of a dyad in both directions: types, months, scores, claims, trend alarm."""
    notes: dict[str, str] = {}
    try:
        a, b = parse_key("a", a, notes), parse_key("b", b, notes)
        lo = parse_date("since", since) if since else None
        hi = parse_date("until", until, end=True) if until else None
    except FilterError as exc:
        raise fail(str(exc)) from exc
    _say_resolved(notes)
    with open_store(db, config) as store:
        try:
            s = analytics.dyad_summary(store, a, b, since=lo, until=hi, window=window, alpha=alpha)
        except ValueError as exc:
            raise fail(str(exc)) from exc
    if as_json:
        return _jsonl([s])
    from .query_render import print_dyad

    print_dyad(console, s)


@app.command()
def alerts(
    window: Annotated[int, typer.Option(help="Periods in the trend window.")] = 12,
    alpha: Annotated[float, typer.Option(help="Mann–Kendall significance level.")] = 0.05,
    min_periods: Annotated[int, typer.Option(help="Fewest periods to test.")] = 6,
    min_events: Annotated[int, typer.Option(help="Fewest events in the window.")] = 5,
    freq: Annotated[str, typer.Option(help="month or week.")] = "month",
    until: Until = None,
    show_all: Annotated[bool, typer.Option("--all", help="Also list dyads not flagged.")] = False,
    as_json: AsJson = False,
    db: Db = None,
    config: Config = None,
) -> None:
    """Dyads whose cooperation or conflict rises significantly (Theil–Sen + Mann–Kendall)."""
    if freq not in ("month", "week"):
        raise fail(f"freq: unknown value {freq!r}; valid values: month, week")
    try:
        end = parse_date("until", until, end=True) if until else None
    except FilterError as exc:
        raise fail(str(exc)) from exc
    with open_store(db, config) as store:
        ranked = analytics.rank_dyads(
            store, freq=freq, window=window, alpha=alpha, min_periods=min_periods,  # type: ignore[arg-type]
            min_events=min_events, until=end,
        )  # fmt: skip
    rows = ranked if show_all else [d for d in ranked if d.flagged]
    if as_json:
        return _jsonl(rows)
    from .query_render import print_alerts

    print_alerts(console, rows, len(ranked))


@app.command()
def export(
    fmt: Annotated[str, typer.Option("--format", help=f"One of {', '.join(FORMATS)}.")] = "jsonl",
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="File (default stdout).")
    ] = None,
    dyad: Dyad = None,
    directed: Directed = False,
    actor: Actor = None,
    country: Country = None,
    ptype: Ptype = None,
    mode: Mode = None,
    status: Status = None,
    since: Since = None,
    until: Until = None,
    weapon: Weapon = None,
    outlet: Outlet = None,
    text: Text = None,
    min_confidence: MinConf = 0.0,
    include_status: Annotated[
        bool,
        typer.Option(
            "--include-status",
            help="gdelt/polecat: keep denied, negated and hypothetical events "
            "(left out by default).",
        ),
    ] = False,
    limit: Limit = 0,
    db: Db = None,
    config: Config = None,
) -> None:
    """Export events: jsonl (record contract), csv, parquet, gdelt (2.0 TSV), polecat (TSV)."""
    if fmt not in FORMATS:
        raise fail(f"format: unknown value {fmt!r}; valid values: {', '.join(FORMATS)}")
    if fmt == "parquet" and output is None and sys.stdout.isatty():
        raise fail("parquet is binary: give -o FILE or redirect stdout")
    f = _event_filter(
        dyad=dyad, directed=directed, actor=actor, country=country, plover_type=ptype, mode=mode,
        status=status, since=since, until=until, weapon=weapon, text=text, outlet=outlet,
        min_confidence=min_confidence, limit=limit or None,
    )  # fmt: skip
    sql, params = export_sql("events", fmt, export_filter(f, fmt, include_status))
    with open_store(db, config) as store:
        if output is None:
            out: Any = sys.stdout.buffer if fmt == "parquet" else sys.stdout
            n = _write(store, fmt, sql, params, out)
        else:
            fh: Any = output.open("wb") if fmt == "parquet" else output.open("w", encoding="utf-8")
            with fh:
                n = _write(store, fmt, sql, params, fh)
            err.print(f"wrote {n} events to {output}")


def _write(store: Store, fmt: str, sql: str, params: list[Any], out: Any) -> int:
    if fmt == "parquet":
        return write_parquet(store.con.sql(sql, params=params).to_arrow_reader(50_000), out)
    counted = [0]

    def counting() -> Iterator[list[dict[str, Any]]]:
        for rows in batches(store.con, sql, params):
            counted[0] += len(rows)
            yield rows

    out.writelines(text_chunks(fmt, counting()))
    return counted[0]
