"""Render a document's cleaned text with event and claim spans marked by their char offsets.

Spans may overlap (an event sentence inside a claim), so the text is cut at every span boundary
and each piece lists the spans covering it in ``data-ids``; static/app.js highlights the pieces
of the span named in the URL fragment (#ev-<event_id> or #cl-<claim_id>).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from markupsafe import Markup, escape

from ..store.contested import speaker_label


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    anchor: str  # element id, e.g. "ev-<event_id>"
    cls: str  # "ev" | "cl" | "trig"
    title: str


def _event_marks(ev: dict[str, Any]) -> list[Mark]:
    evid = ev.get("evidence") or {}
    src = (ev.get("source") or {}).get("code") or "?"
    tgt = (ev.get("target") or {}).get("code") or "?"
    plover = (ev.get("plover") or {}).get("type", "")
    title = f"{plover} {src} → {tgt} ({ev.get('status')}) {ev.get('date') or ''}".strip()
    anchor = f"ev-{ev['event_id']}"
    out = [Mark(evid.get("start", 0), evid.get("end", 0), anchor, "ev", title)]
    trig = ev.get("trigger_span")
    if trig:
        out.append(Mark(trig["start"], trig["end"], f"tr-{ev['event_id']}", "trig", title))
    for m in (ev.get("mentions") or [])[1:]:  # the event said again elsewhere: same anchor
        out.append(Mark(m.get("start", 0), m.get("end", 0), anchor, "ev", title))
        t = m.get("trigger_span")
        if t:
            out.append(Mark(t["start"], t["end"], f"tr-{ev['event_id']}", "trig", title))
    return out


def _claim_marks(cl: dict[str, Any]) -> list[Mark]:
    evid = cl.get("evidence") or {}
    sp = cl.get("speaker") or {}
    who = speaker_label(sp.get("name"), sp.get("text"), sp.get("code")) or "?"
    title = f"{who}: {cl.get('stance')} ({cl.get('cue')}) {cl.get('date') or ''}".strip()
    out = [Mark(evid.get("start", 0), evid.get("end", 0), f"cl-{cl['claim_id']}", "cl", title)]
    content = cl.get("content")
    if content:
        out.append(Mark(content["start"], content["end"], f"cc-{cl['claim_id']}", "content", title))
    return out


def _valid(m: Mark, n: int) -> bool:
    return 0 <= m.start < m.end <= n


EDGES = " \t-*•_#>"  # bullets, emphasis and quote marks of scraped Markdown around a line


def one_line(text: str, start: int, end: int, inside: int | None = None) -> tuple[int, int]:
    """A span narrowed to one line, the one holding ``inside`` (the trigger) or else the
    longest, without the Markdown bullets and emphasis at its ends: evidence that the
    sentence splitter ran over a subheading or a paragraph break shows as one sentence."""
    if "\n" not in text[start:end]:
        return start, end
    lines, pos = [], start
    for line in text[start:end].split("\n"):
        lo = pos + len(line) - len(line.lstrip(EDGES))
        hi = pos + len(line.rstrip(EDGES))
        if lo < hi:
            lines.append((lo, hi))
        pos += len(line) + 1
    if not lines:
        return start, end
    holding = [ln for ln in lines if inside is not None and ln[0] <= inside < ln[1]]
    return holding[0] if holding else max(lines, key=lambda ln: ln[1] - ln[0])


def _narrow(text: str, marks: list[Mark]) -> list[Mark]:
    """Event, claim and content spans cut to one line (see one_line)."""
    trig = {m.anchor[3:]: m.start for m in marks if m.cls == "trig"}
    out = []
    for m in marks:
        if m.cls in ("ev", "cl", "content"):
            lo, hi = one_line(text, m.start, m.end, trig.get(m.anchor.split("-", 1)[-1]))
            m = Mark(lo, hi, m.anchor, m.cls, m.title)
        out.append(m)
    return out


def render_text(text: str, events: list[dict[str, Any]], claims: list[dict[str, Any]]) -> Markup:
    marks = [m for ev in events for m in _event_marks(ev)]
    marks += [m for cl in claims for m in _claim_marks(cl)]
    marks = _narrow(text, [m for m in dict.fromkeys(marks) if _valid(m, len(text))])
    cuts = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks)})
    starts: dict[int, list[Mark]] = {}
    for m in marks:
        starts.setdefault(m.start, []).append(m)
    parts: list[str] = []
    anchored: set[str] = set()  # one element id per event, at its first mention
    for x, y in zip(cuts, cuts[1:], strict=False):
        for m in starts.get(x, []):
            if m.cls in ("ev", "cl") and m.anchor not in anchored:
                anchored.add(m.anchor)
                parts.append(f'<a class="anchor" id="{escape(m.anchor)}"></a>')
        cover = [m for m in marks if m.start <= x and m.end >= y]
        piece = escape(text[x:y])
        if not cover:
            parts.append(str(piece))
            continue
        classes = " ".join(sorted({m.cls for m in cover}))
        ids = " ".join(m.anchor for m in cover)
        titles = " | ".join(dict.fromkeys(m.title for m in cover))
        parts.append(
            f'<span class="hl {classes}" data-ids="{escape(ids)}" title="{escape(titles)}">'
            f"{piece}</span>"
        )
    return Markup("".join(parts))
