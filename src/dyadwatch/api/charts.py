"""Plotly figure dicts and the actor-network SVG for the dashboard (no plotly Python import)."""

from __future__ import annotations

import math
from typing import Any
from urllib.parse import parse_qsl, urlencode

import numpy as np
from markupsafe import Markup, escape

from .scores import score_table

COOP_COLORS = ["#1b7837", "#5aae61", "#a6dba0", "#2166ac", "#4393c3", "#92c5de", "#d1e5f0"]
CONF_COLORS = [
    "#b2182b",
    "#d6604d",
    "#f4a582",
    "#8c510a",
    "#bf812d",
    "#dfc27d",
    "#762a83",
    "#9970ab",
    "#c2a5cf",
]


def _type_colors() -> dict[str, str]:
    coop = [t for t, cls, _ in score_table() if cls == "cooperation"]
    conf = [t for t, cls, _ in score_table() if cls == "conflict"]
    colors = {t: COOP_COLORS[i % len(COOP_COLORS)] for i, t in enumerate(coop)}
    colors.update({t: CONF_COLORS[i % len(CONF_COLORS)] for i, t in enumerate(conf)})
    return colors


def _url(
    src: str, tgt: str, freq: str, period: str, ptype: str | None = None, filters: str = ""
) -> str:
    """The /evidence link of one chart point (resolved to an event when clicked), under the
    chart's filters (a query string); a bar narrows the type to its own."""
    query = dict(parse_qsl(filters))
    query.update({"src": src, "tgt": tgt, "freq": freq, "period": period})
    if ptype:
        query["type"] = ptype
    return "/evidence?" + urlencode(query)


def sparkline_figure(periods: list[str], net: list[float]) -> dict[str, Any]:
    return {
        "data": [
            {
                "type": "scatter",
                "mode": "lines+markers",
                "x": periods,
                "y": net,
                "line": {"width": 1.5, "color": "#444"},
                "marker": {"size": 3},
                "hovertemplate": "%{x}: net %{y}<extra></extra>",
            }
        ],
        "layout": {
            "height": 40,
            "width": 160,
            "margin": {"l": 0, "r": 0, "t": 0, "b": 0},
            "xaxis": {"visible": False},
            "yaxis": {"visible": False, "zeroline": True},
            "showlegend": False,
            "paper_bgcolor": "rgba(0,0,0,0)",
            "plot_bgcolor": "rgba(0,0,0,0)",
        },
    }


def timeline_figures(
    timeline: dict[str, Any], span: tuple[str, str] | None = None, filters: str = ""
) -> list[dict[str, Any]]:
    """One chart per direction: cooperation scores stacked up by PLOVER type, conflict scores
    stacked down, the net score as a line; each point links to a sample event's evidence
    (under ``filters``). The x axis defaults to ``span``, the publication dates' range."""
    colors = _type_colors()
    periods = timeline["periods"]
    freq = timeline["freq"]
    figures = []
    for key, d in timeline["directions"].items():
        src, tgt = d["source"], d["target"]
        data: list[dict[str, Any]] = []
        for t, counts in d["counts"].items():
            data.append(
                {
                    "type": "bar",
                    "name": t,
                    "x": periods,
                    "y": d["scores"][t],
                    "text": [f"{c} event{'s' if c != 1 else ''}" for c in counts],
                    "textposition": "none",
                    "marker": {"color": colors.get(t, "#888")},
                    "customdata": [
                        _url(src, tgt, freq, p, t, filters) if c else None
                        for p, c in zip(periods, counts, strict=True)
                    ],
                    "hovertemplate": f"{t} %{{x}}: %{{text}}, score %{{y}}<extra></extra>",
                }
            )
        data.append(
            {
                "type": "scatter",
                "mode": "lines+markers",
                "name": "net score",
                "x": periods,
                "y": d["net"],
                "line": {"color": "#222", "width": 2},
                "customdata": [
                    _url(src, tgt, freq, p, None, filters)
                    if any(c[i] for c in d["counts"].values())
                    else None
                    for i, p in enumerate(periods)
                ],
                "hovertemplate": "net %{y} (cooperation − conflict) in %{x}<extra></extra>",
            }
        )
        figures.append(
            {
                "id": "timeline-" + key.replace("->", "-"),
                "title": f"{d['source']} → {d['target']} ({d['total']} events)",
                "figure": {
                    "data": data,
                    "layout": {
                        "barmode": "relative",
                        "height": 340,
                        "margin": {"l": 50, "r": 50, "t": 30, "b": 40},
                        "yaxis": {"title": {"text": "cooperation (+) / conflict (−) score"}},
                        "xaxis": {"type": "date", **({"range": list(span)} if span else {})},
                        "legend": {"orientation": "h", "y": -0.2},
                        "hovermode": "closest",
                    },
                },
            }
        )
    return figures


def force_layout(
    ids: list[str], edges: list[tuple[str, str, float]], size: float, steps: int = 200
) -> dict[str, tuple[float, float]]:
    """Deterministic Fruchterman–Reingold: heavy dyads pull their actors together, every pair
    repels, so clusters show (a ring shows none). Starts from a circle; no randomness."""
    n = len(ids)
    if n == 1:
        return {ids[0]: (size / 2, size / 2)}
    idx = {k: i for i, k in enumerate(ids)}
    ang = 2 * np.pi * np.arange(n) / n
    pos = np.column_stack([np.cos(ang), np.sin(ang)]) * 0.5
    k = 1.0 / np.sqrt(n)
    top = max((w for _, _, w in edges), default=1.0) or 1.0
    ea = np.array([idx[a] for a, _, _ in edges], dtype=int)
    eb = np.array([idx[b] for _, b, _ in edges], dtype=int)
    ew = np.array([0.5 + np.sqrt(w / top) for _, _, w in edges])
    temp = 0.1
    for _ in range(steps):
        delta = pos[:, None, :] - pos[None, :, :]
        dist = np.maximum(np.linalg.norm(delta, axis=2), 1e-3)
        disp = (delta * (k * k / dist**2)[:, :, None]).sum(axis=1)
        if len(ea):
            d = pos[ea] - pos[eb]
            dd = np.maximum(np.linalg.norm(d, axis=1), 1e-3)
            pull = d * (dd * ew / k)[:, None]
            np.add.at(disp, ea, -pull)
            np.add.at(disp, eb, pull)
        length = np.maximum(np.linalg.norm(disp, axis=1), 1e-9)
        pos += disp / length[:, None] * np.minimum(length, temp)[:, None]
        temp *= 0.98
    lo, hi = pos.min(axis=0), pos.max(axis=0)
    span = np.where(hi - lo > 1e-9, hi - lo, 1.0)
    scaled = 60 + (pos - lo) / span * (size - 120)
    return {k_: (float(scaled[i, 0]), float(scaled[i, 1])) for k_, i in idx.items()}


def network_svg(net: dict[str, Any], size: int = 640) -> Markup:
    """Force layout: node radius by volume, edge width by events, colour by net score."""
    nodes = net["nodes"]
    if not nodes:
        return Markup("<p>No dyads yet.</p>")
    pos = force_layout(
        [n["id"] for n in nodes], [(e["a"], e["b"], float(e["n"])) for e in net["edges"]], size
    )
    top = max(e["n"] for e in net["edges"]) if net["edges"] else 1
    biggest = max(n["n"] for n in nodes)
    parts = [
        f'<svg id="network" viewBox="0 0 {size} {size}" width="{size}" height="{size}" '
        'role="img" aria-label="actor network">'
    ]
    for e in net["edges"]:
        (x1, y1), (x2, y2) = pos[e["a"]], pos[e["b"]]
        coop, conf = e["cooperation"], e["conflict"]
        share = coop / (coop + conf) if coop + conf else 0.5
        color = f"rgb({int(200 * (1 - share))},{int(140 * share)},60)"
        width = 1 + 7 * math.sqrt(e["n"] / top)
        label = f"{e['a']}–{e['b']}: {e['n']} events, cooperation {coop}, conflict {conf}"
        parts.append(
            f'<a href="/dyads/{escape(e["a"])}/{escape(e["b"])}"><line class="edge" '
            f'x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="{color}" '
            f'stroke-width="{width:.1f}" stroke-opacity="0.7"><title>{escape(label)}</title>'
            "</line></a>"
        )
    for node in nodes:
        x, y = pos[node["id"]]
        rad = 5 + 15 * math.sqrt(node["n"] / biggest)
        parts.append(
            f'<g class="node"><circle cx="{x:.1f}" cy="{y:.1f}" r="{rad:.1f}" fill="#3b5b92">'
            f"<title>{escape(node['id'])}: {node['n']} events</title></circle>"
            f'<text x="{x:.1f}" y="{y - rad - 4:.1f}" text-anchor="middle">'
            f"{escape(node['id'])}</text></g>"
        )
    parts.append("</svg>")
    return Markup("".join(parts))
