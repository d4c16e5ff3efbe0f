"""Time expression suite: TempEval-3 style scoring on TimeBank + AQUAINT (TBAQ-cleaned).

Format read: TimeML 1.2 ``.tml`` files (any depth under ``path``; a file name
seen twice, as TBAQ-cleaned/testpipeline repeats one TimeBank file, is read
once). Each file has ``<DCT><TIMEX3 functionInDocument="CREATION_TIME"
value="YYYY-MM-DD"/></DCT>`` and a ``<TEXT>`` element whose content is running
text with inline ``<TIMEX3 type= value=>``, ``<EVENT>`` and ``<SIGNAL>`` tags.
The system gets the TEXT content with tags removed and entities unescaped, and
the DCT value; gold offsets are computed into that plain text.

Scored: gold TIMEX3 of type DATE and TIME (TIME values reduced to their day,
"1998-01-08T15:00" -> "1998-01-08"), the DCT excluded. System expressions that
overlap a gold DURATION or SET are left out of scoring (type confusions, not
detection errors); their number is reported. Metrics, as in TempEval-3:
strict F1 (same span), relaxed F1 (overlap, one-to-one), value accuracy on
relaxed matches, and value F1 (relaxed match with equal normalised value).
``system="dateparser"`` scores dateparser's ``search_dates`` the same way.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..registry import registry
from ..settings import Settings
from ..time.dates import normalise
from .base import SuiteResult, hash_files, prf


@dataclass
class Gold:
    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass
class Pred:
    start: int
    end: int
    text: str
    value: str | None


@dataclass
class TmlDoc:
    name: str
    dct: str
    text: str
    timexes: list[Gold]


_TAG = re.compile(r"<(/?)([A-Za-z0-9]+)([^>]*)>")
_ATTR = re.compile(r'([A-Za-z]+)="([^"]*)"')


def read_tml(path: Path) -> TmlDoc:
    """Plain TEXT content, its DCT and its gold TIMEX3 spans."""
    raw = path.read_text(encoding="utf-8")
    dct_m = re.search(r'<TIMEX3[^>]*functionInDocument="CREATION_TIME"[^>]*>', raw)
    if not dct_m:
        raise ValueError(f"{path}: no CREATION_TIME TIMEX3")
    dct = dict(_ATTR.findall(dct_m.group(0)))["value"][:10]
    body_m = re.search(r"<TEXT>(.*)</TEXT>", raw, re.S)
    if not body_m:
        raise ValueError(f"{path}: no <TEXT> element")
    text, timexes = _strip(body_m.group(1))
    return TmlDoc(path.name, dct, text, timexes)


def _strip(body: str) -> tuple[str, list[Gold]]:
    out: list[str] = []
    length = 0
    timexes: list[Gold] = []
    open_tx: tuple[int, dict[str, str]] | None = None
    pos = 0
    for m in _TAG.finditer(body):
        chunk = html.unescape(body[pos : m.start()])
        out.append(chunk)
        length += len(chunk)
        pos = m.end()
        closing, name = m.group(1) == "/", m.group(2)
        if name != "TIMEX3":
            continue
        if not closing:
            open_tx = (length, dict(_ATTR.findall(m.group(3))))
        elif open_tx is not None:
            start, attrs = open_tx
            if attrs.get("functionInDocument") not in ("CREATION_TIME", "PUBLICATION_TIME"):
                text = "".join(out)[start:length]
                timexes.append(
                    Gold(start, length, text, attrs.get("type", ""), attrs.get("value", ""))
                )
            open_tx = None
    out.append(html.unescape(body[pos:]))
    return "".join(out), timexes


def tml_files(path: Path) -> list[Path]:
    seen: dict[str, Path] = {}
    for p in sorted(path.rglob("*.tml")) if path.is_dir() else [path]:
        seen.setdefault(p.name, p)
    return sorted(seen.values(), key=lambda p: p.name)


# --- systems ------------------------------------------------------------------------

System = Callable[[str, str], list[Pred]]


def rules_system(settings: Settings) -> System:
    timer = registry.get(settings.time_impl)(settings)

    def run(text: str, dct: str) -> list[Pred]:
        if hasattr(timer, "find_timeml"):
            found = timer.find_timeml(text, dct)
            keep = [t for t in found if t.type in ("DATE", "TIME") and t.rule != "anchor"]
            return [Pred(t.start, t.end, t.text, t.value) for t in keep]
        return [
            Pred(t.start, t.end, t.text, t.value)
            for t in timer.find(text, dct)
            if t.type in ("DATE", "TIME")
        ]

    return run


def dateparser_system(settings: Settings) -> System:
    from datetime import datetime

    from dateparser.search import search_dates

    def run(text: str, dct: str) -> list[Pred]:
        base = datetime.fromisoformat(dct)
        conf = {"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"}
        found = search_dates(text, languages=["en"], settings=conf) or []
        out: list[Pred] = []
        cursor = 0
        for s, when in found:
            i = text.find(s, cursor)
            if i < 0:
                continue
            cursor = i + len(s)
            out.append(Pred(i, i + len(s), s, _dp_value(s, when)))
        return out

    return run


def _dp_value(s: str, when: Any) -> str:
    """dateparser returns a datetime; guess the precision the words carry."""
    low = s.lower()
    if re.search(r"\b\d{1,2}\b|day|tonight|tomorrow|week|ago|now", low) and "month" not in low:
        return str(when.date().isoformat())
    if re.search(r"month|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec", low):
        return f"{when.year:04d}-{when.month:02d}"
    return f"{when.year:04d}"


# --- scoring ------------------------------------------------------------------------


def _overlap(a: Any, b: Any) -> bool:
    return bool(a.start < b.end and b.start < a.end)


def score_doc(
    doc: TmlDoc, preds: list[Pred], counts: Counter[str], errors: list[dict[str, Any]]
) -> None:
    gold = [g for g in doc.timexes if g.type in ("DATE", "TIME")]
    other = [g for g in doc.timexes if g.type not in ("DATE", "TIME")]
    kept = [
        p
        for p in preds
        if not any(_overlap(p, o) for o in other) or any(_overlap(p, g) for g in gold)
    ]
    counts["ignored_other_type"] += len(preds) - len(kept)
    counts["gold"] += len(gold)
    counts["pred"] += len(kept)
    used: set[int] = set()
    for g in gold:
        best = None
        for i, p in enumerate(kept):
            if i not in used and _overlap(g, p):
                ov = min(g.end, p.end) - max(g.start, p.start)
                if best is None or ov > best[0]:
                    best = (ov, i)
        if best is None:
            errors.append({"doc": doc.name, "kind": "missed", "gold": g.text, "value": g.value})
            continue
        p = kept[best[1]]
        used.add(best[1])
        counts["relaxed"] += 1
        counts["strict"] += int((p.start, p.end) == (g.start, g.end))
        if normalise(p.value) == normalise(g.value):
            counts["value"] += 1
        else:
            errors.append(
                {
                    "doc": doc.name,
                    "kind": "value",
                    "gold": g.text,
                    "value": g.value,
                    "pred": p.text,
                    "got": p.value,
                }
            )
    for i, p in enumerate(kept):
        if i not in used:
            errors.append({"doc": doc.name, "kind": "spurious", "pred": p.text, "got": p.value})


def run(
    path: Path, settings: Settings, sample: int | None = None, system: str = "rules"
) -> SuiteResult:
    files = tml_files(Path(path))
    if not files:
        raise FileNotFoundError(f"no .tml files under {path}")
    if sample:
        files = files[:sample]
    find = dateparser_system(settings) if system == "dateparser" else rules_system(settings)
    counts: Counter[str] = Counter()
    errors: list[dict[str, Any]] = []
    for f in files:
        doc = read_tml(f)
        score_doc(doc, find(doc.text, doc.dct), counts, errors)
    metrics = _metrics(counts)
    return SuiteResult(
        suite="time",
        metrics={k: metrics[k] for k in ("value_f1", "strict_f1", "relaxed_f1")},
        n=counts["gold"],
        gold_hash=hash_files(files),
        details={
            "all": metrics,
            "counts": dict(counts),
            "errors": errors,
            "system": system,
            "files": len(files),
        },
        notes=[
            f"system={system}; {len(files)} documents; DATE+TIME gold, DCT excluded, "
            "TIME reduced to day",
            f"{counts['ignored_other_type']} predictions overlapping gold DURATION/SET not scored",
        ],
    )


def _metrics(c: Counter[str]) -> dict[str, float]:
    out: dict[str, float] = {}
    for key in ("strict", "relaxed", "value"):
        p, r, f = prf(c[key], c["pred"], c["gold"])
        out.update({f"{key}_p": p, f"{key}_r": r, f"{key}_f1": f})
    out["value_accuracy"] = c["value"] / c["relaxed"] if c["relaxed"] else 0.0
    # the harsher reading: predictions on gold DURATION/SET spans count as false positives
    out["value_f1_other_types_as_fp"] = prf(
        c["value"], c["pred"] + c["ignored_other_type"], c["gold"]
    )[2]
    return out


def _correct(doc: TmlDoc, preds: list[Pred]) -> set[int]:
    """Indices of gold DATE/TIME timexes that some prediction overlaps with the right value."""
    out = set()
    for i, g in enumerate(doc.timexes):
        if g.type in ("DATE", "TIME") and any(
            _overlap(g, p) and normalise(p.value) == normalise(g.value) for p in preds
        ):
            out.add(i)
    return out


def compare_systems(path: Path, settings: Settings) -> dict[str, Any]:
    """Which gold timexes each system gets right (overlap + value): rules vs dateparser."""
    systems = {"rules": rules_system(settings), "dateparser": dateparser_system(settings)}
    tally: Counter[str] = Counter()
    only_rules: Counter[str] = Counter()
    only_dp: Counter[str] = Counter()
    for f in tml_files(Path(path)):
        doc = read_tml(f)
        got = {k: _correct(doc, s(doc.text, doc.dct)) for k, s in systems.items()}
        gold = [i for i, g in enumerate(doc.timexes) if g.type in ("DATE", "TIME")]
        for i in gold:
            r, d = i in got["rules"], i in got["dateparser"]
            tally[
                "both" if r and d else "rules_only" if r else "dateparser_only" if d else "neither"
            ] += 1
            text = doc.timexes[i].text.lower()
            if r and not d:
                only_rules[text] += 1
            elif d and not r:
                only_dp[text] += 1
    return {
        "tally": dict(tally),
        "rules_only_top": only_rules.most_common(25),
        "dateparser_only_top": only_dp.most_common(25),
    }
