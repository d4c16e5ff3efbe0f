"""PLOVER events suite: the PLOVER gold-standard records (PLOVER_GSR_CAMEO.json, CC BY-SA 4.0).

Each record's ``text`` (one or two sentences from the CAMEO manual) becomes a Document dated
with the record's ``date``; it runs through nlp -> actors -> events and the best event
(highest confidence; one-sided events carry a 0.6 factor) is compared with the gold record.

Old type names in the file are mapped to PLOVER 16: DEMAND -> REQUEST, DISAPPROVE -> ACCUSE,
INVESTIGATE -> ACCUSE (mode investigate), FIGHT -> ASSAULT. Old CAMEO country codes are
mapped to ISO (JAP -> JPN, ITL -> ITA, VTN -> VNM). Headline metrics: type_accuracy,
type_macro_f1, country_accuracy (source and target slots with gold actors, one slot per side;
a prediction is right when its country, or its code for IGOs, is among the slot's gold codes,
so any of several gold actors counts; for reciprocal gold (SRC/TAR, no target) either side may
match; gold IGO also accepts an NGO without a country, since the GSR codes transnational NGOs
such as Amnesty as IGO; a side without gold actors is not scored), sector_accuracy (gold slots
with a sector, compared on the first three letters).
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

from ..actors.lexicon import IGO_CODES
from ..records import PLOVER_TYPES, Document, Event, Mention, stable_id
from ..registry import registry
from ..settings import Settings
from .base import SuiteResult, hash_files, prf

TYPE_MAP = {
    "DEMAND": "REQUEST",
    "DISAPPROVE": "ACCUSE",
    "INVESTIGATE": "ACCUSE",
    "FIGHT": "ASSAULT",
}
CODE_MAP = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM", "IMG": "IMG"}
MODE_MAP = {
    "strike-hun": "hunger", "strike-gen": "strike", "riot-spon": "riot", "demo-org": "demo",
    "demo-spon": "demo", "host": "visit", "confiscate": "seize", "detain": "arrest",
}  # fmt: skip


def load_gold(path: Path) -> list[dict[str, Any]]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise ValueError(f"cannot read PLOVER gold file {path}: {exc}") from exc
    return [r for r in data if r.get("event") != "DOCUMENT" and r.get("text")]


HALVES = ("tune", "check", "all")


def half_of(rec_id: str) -> str:
    """The fixed split of the GSR (decided once, before any tuning on it): within each
    type, records with an odd serial number (``...-AGREE-0001``) are the *tune* half, even
    ones the *check* half. Rules may be written against tune only; floors apply to check."""
    serial = rec_id.rsplit("-", 1)[-1]
    return "tune" if serial.isdigit() and int(serial) % 2 else "check"


def gold_type(rec: dict[str, Any]) -> str:
    return TYPE_MAP.get(rec["event"], rec["event"])


def _actors(val: Any) -> list[dict[str, Any]]:
    return [a for a in val if isinstance(a, dict)] if isinstance(val, list) else []


def _codes(actors: list[dict[str, Any]]) -> set[str]:
    """Gold codes; gold international codes other than NGO/MNC count as 'IGO'."""
    out = set()
    for a in actors:
        c = CODE_MAP.get(a.get("code", ""), a.get("code", ""))
        out.add("IGO" if c in IGO_CODES else c)
    return out


SECTORS = frozenset(
    [
        "GOV",
        "MIL",
        "REB",
        "CVL",
        "OPP",
        "COP",
        "REF",
        "LEG",
        "ELI",
        "JUD",
        "MED",
        "EDU",
        "LAB",
        "BUS",
        "SPY",
        "PTY",
        "CRM",
        "REL",
        "UAF",
        "JRN",
        "AGR",
        "HLH",
    ]
)


def _pred_code(actor: Any) -> str | None:
    """Country, else the international code; any international body matches gold 'IGO'."""
    if actor is None:
        return None
    if actor.country:
        return str(actor.country)
    code = (actor.code or "")[:3]
    if actor.kind == "igo" or (code and code not in SECTORS and code not in ("NGO", "MNC")):
        return "IGO"
    return code or None


def _matches(actor: Any, codes: set[str]) -> bool:
    """Country/code match; the GSR codes transnational NGOs (Amnesty, Red Cross) as IGO, so an
    NGO with no country also matches gold 'IGO' (a national NGO never does)."""
    code = _pred_code(actor)
    return code in codes or (code == "NGO" and actor.country is None and "IGO" in codes)


def best_event(events: list[Event]) -> Event | None:
    if not events:
        return None
    return max(events, key=lambda e: e.confidence)


class _Mentions:
    """The configured actors stage, or the NER fallback when it finds nothing at all."""

    def __init__(self, settings: Settings, path: Path, mode: str) -> None:
        self.mode = mode
        self.resolver = registry.get(settings.actors_impl)(settings)
        self.names: dict[str, str] | None = None
        self.countries = path.parents[1] / "ngec" / "countries.csv"

    def __call__(self, doc: Document, sdoc: Any) -> list[Mention]:
        if self.mode == "ner":
            from ..events.ner_mentions import load_names, ner_mentions

            if self.names is None:
                self.names = load_names(self.countries)
            return ner_mentions(sdoc, self.names)
        out: list[Mention] = self.resolver.mentions(doc, sdoc)
        return out


def _score_slot(pred: Any, gold: list[dict[str, Any]], alt: Any = None) -> tuple[int, int, int]:
    """(country right, sector scored, sector right) for one gold slot."""
    codes = _codes(gold)
    right = _matches(pred, codes) or (alt is not None and _matches(alt, codes))
    sectors = [a["sector"][:3] for a in gold if a.get("sector") and a["sector"] != "***"]
    if not sectors or not right:
        return int(right), 0, 0
    hit = pred if _matches(pred, codes) else alt
    return 1, 1, int(bool(hit is not None and hit.sector in sectors))


def run(
    path: Path,
    settings: Settings,
    sample: int | None = None,
    mentions: str = "auto",
    half: str = "check",
) -> SuiteResult:
    """Score the events stage on the PLOVER gold records of one half (``tune``, ``check`` or
    ``all``; ``sample`` = first N records)."""
    from ..nlp import load_model

    if half not in HALVES:
        raise ValueError(f"half must be one of {', '.join(HALVES)}, not {half!r}")
    gold = [r for r in load_gold(path) if half == "all" or half_of(r["id"]) == half]
    if sample:
        gold = gold[:sample]
    nlp = load_model(settings.model, settings.use_blis)
    coder = registry.get(settings.events_impl)(settings)
    finder = _Mentions(settings, path, "ner" if mentions == "ner" else "resolver")
    docs = [
        Document(doc_id=stable_id(r["id"]), text=r["text"], published=r.get("date")) for r in gold
    ]
    sdocs = list(nlp.pipe([d.text for d in docs], batch_size=settings.batch_size))
    found = [finder(d, s) for d, s in zip(docs, sdocs, strict=True)]
    notes = [
        f"GSR half: {half} ({len(gold)} records; odd serial = tune, even = check)",
        "types mapped: DEMAND->REQUEST, DISAPPROVE->ACCUSE, INVESTIGATE->ACCUSE, FIGHT->ASSAULT",
        "country codes mapped: JAP->JPN, ITL->ITA, VTN->VNM; record date used as publication date",
        "gold IGO also matches a predicted NGO without a country (the GSR codes Amnesty, Red"
        " Cross as IGO); one slot per gold side, any listed gold actor counts",
    ]
    if mentions == "auto" and not any(found):
        finder.mode = "ner"
        found = [finder(d, s) for d, s in zip(docs, sdocs, strict=True)]
        notes.append("actors stage returned no mentions: used the NER+country-table fallback")
    notes.append(f"mentions from: {finder.mode}")
    return _score(
        gold, [coder(d, s, m) for d, s, m in zip(docs, sdocs, found, strict=True)], path, notes
    )


def _score(
    gold: list[dict[str, Any]], outputs: list[list[Event]], path: Path, notes: list[str]
) -> SuiteResult:
    confusion: Counter[tuple[str, str]] = Counter()
    c_right = c_n = s_right = s_n = m_right = m_n = 0
    per: list[dict[str, Any]] = []
    for rec, events in zip(gold, outputs, strict=True):
        ev = best_event(events)
        g_type = gold_type(rec)
        p_type = ev.plover.type if ev else "NONE"
        confusion[(g_type, p_type)] += 1
        src, tgt = _actors(rec.get("source")), _actors(rec.get("target"))
        reciprocal = len(src) > 1 and not tgt
        ps, pt = (ev.source, ev.target) if ev else (None, None)
        row: dict[str, Any] = {"id": rec["id"], "gold": g_type, "pred": p_type}
        for slot, g, p, alt in (
            ("source", src, ps, pt if reciprocal else None),
            ("target", tgt, pt, None),
        ):
            if not g:
                continue
            cr, sn, sr = _score_slot(p, g, alt)
            c_right, c_n, s_n, s_right = c_right + cr, c_n + 1, s_n + sn, s_right + sr
            row[slot] = bool(cr)
        g_mode = rec.get("mode") or ""
        if g_mode and g_type == p_type:
            m_n += 1
            m_right += int(ev is not None and ev.plover.mode == MODE_MAP.get(g_mode, g_mode))
        per.append(row)
    n = len(gold)
    correct = sum(v for (g, p), v in confusion.items() if g == p)
    f1s = []
    for t in PLOVER_TYPES:
        tp = confusion[(t, t)]
        n_pred = sum(v for (_, p), v in confusion.items() if p == t)
        n_gold = sum(v for (g, _), v in confusion.items() if g == t)
        if n_gold:
            f1s.append(prf(tp, n_pred, n_gold)[2])
    metrics = {
        "type_accuracy": round(correct / n, 4) if n else 0.0,
        "type_macro_f1": round(sum(f1s) / len(f1s), 4) if f1s else 0.0,
        "country_accuracy": round(c_right / c_n, 4) if c_n else 0.0,
        "sector_accuracy": round(s_right / s_n, 4) if s_n else 0.0,
    }
    details = {
        "mode_accuracy": round(m_right / m_n, 4) if m_n else None,
        "mode_n": m_n,
        "no_event": confusion_total(confusion, "NONE"),
        "confusion": {f"{g}->{p}": v for (g, p), v in sorted(confusion.items())},
        "country_slots": c_n,
        "sector_slots": s_n,
        "records": per,
    }
    return SuiteResult("events", metrics, n, hash_files([path]), details, notes)


def confusion_total(confusion: Counter[tuple[str, str]], pred: str) -> int:
    return sum(v for (_, p), v in confusion.items() if p == pred)
