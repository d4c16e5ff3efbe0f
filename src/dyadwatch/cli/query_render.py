"""Rich rendering for `dyadwatch dyad` and `dyadwatch alerts`."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from ..analytics import DyadSummary, DyadTrend, TrendResult


def one_line(text: str | None) -> str:
    """Collapse the line breaks and runs of spaces evidence sentences carry."""
    return " ".join((text or "").split())


def _trend_cell(t: TrendResult) -> str:
    if t.direction == "insufficient":
        return f"[dim]{t.reason}[/dim]"
    colour = {"rising": "red", "falling": "green"}.get(t.direction, "white")
    return f"[{colour}]{t.direction}[/{colour}] slope {t.slope:+.2f} p={t.p_value:.3f} (n={t.n})"


def print_dyad(console: Console, s: DyadSummary) -> None:
    console.rule(f"[bold]{s.a} ↔ {s.b}[/bold]: {s.n_events} events")
    dirs = sorted(set(s.by_type) | set(s.net)) or [f"{s.a}->{s.b}", f"{s.b}->{s.a}"]
    types = sorted({t for d in s.by_type.values() for t in d})
    t = Table(title="Events by PLOVER type", title_justify="left")
    t.add_column("type")
    for d in dirs:
        t.add_column(d, justify="right")
    for ty in types:
        t.add_row(ty, *(str(s.by_type.get(d, {}).get(ty, 0)) for d in dirs))
    for name, scores in (
        ("cooperation", s.cooperation), ("conflict", s.conflict), ("net", s.net),
        ("goldstein sum", s.goldstein),
    ):  # fmt: skip
        t.add_row(f"[bold]{name}[/bold]", *(f"{scores.get(d, 0.0):.1f}" for d in dirs))
    console.print(t)

    m = Table(title="By month (events / net; empty months left out)", title_justify="left")
    m.add_column("month")
    for d in dirs:
        m.add_column(d, justify="right")
    months = sorted({p.period for p in s.by_month})
    cell = {(f"{p.source}->{p.target}", p.period): p for p in s.by_month}
    for mo in months:
        vals = []
        for d in dirs:
            p = cell.get((d, mo))
            vals.append(f"{p.n_events} / {p.net:+.1f}" if p and p.n_events else "·")
        if any(v != "·" for v in vals):
            m.add_row(mo, *vals)
    console.print(m)

    console.print(
        "[bold]Status:[/bold] " + (", ".join(f"{k} {v}" for k, v in s.statuses.items()) or "-")
    )
    console.print(
        "[bold]Weapons:[/bold] " + (", ".join(f"{k} {v}" for k, v in s.weapons.items()) or "-")
    )
    if s.top_evidence:
        ev = Table(title="Top evidence", title_justify="left")
        for col in ("date", "dyad", "type", "status", "sentence"):
            ev.add_column(col, overflow="fold", max_width=80 if col == "sentence" else None)
        for e in s.top_evidence:
            ev.add_row(
                e["date"] or "-", e["dyad"], e["plover_type"], e["status"], one_line(e["evidence"])
            )
        console.print(ev)
    console.print(f"[bold]Contested claims:[/bold] {len(s.contested)}")
    for g in s.contested:
        pro = ", ".join(g.asserted_by) or "-"
        con = ", ".join(g.denied_by) or "-"
        console.print(f"  • asserted by {pro}; denied/rejected by {con} ({g.first_date or '?'})")
    tr = Table(title="Trend alarm (monthly)", title_justify="left")
    for col in ("dyad", "events", "cooperation", "conflict", "flag"):
        tr.add_column(col)
    for dt in s.trends:
        tr.add_row(
            f"{dt.source}->{dt.target}", str(dt.n_events), _trend_cell(dt.cooperation),
            _trend_cell(dt.conflict), "[red]ALERT[/red]" if dt.flagged else "",
        )  # fmt: skip
    if not s.trends:
        tr.add_row("-", "0", "[dim]no events in window[/dim]", "", "")
    console.print(tr)


def print_alerts(console: Console, rows: list[DyadTrend], n_tested: int) -> None:
    if not rows:
        console.print(f"No dyad flagged ({n_tested} directed dyads tested).")
        return
    t = Table(title=f"Trend alarm: {sum(d.flagged for d in rows)} flagged of {n_tested} dyads")
    for col in ("dyad", "window", "events", "cooperation", "conflict", "why"):
        t.add_column(col, overflow="fold")
    for d in rows:
        t.add_row(
            f"{d.source}->{d.target}", f"{d.window_start}..{d.window_end}", str(d.n_events),
            _trend_cell(d.cooperation), _trend_cell(d.conflict), "; ".join(d.reasons),
        )  # fmt: skip
    console.print(t)
