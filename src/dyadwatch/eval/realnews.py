"""Real-news PLOVER suite: sentences from real news and White House statements, each with
every PLOVER event it asserts (``realnews-events/dev.jsonl``; format in its README).

Each line's ``context`` + ``sentence`` runs through the whole pipeline as one plain-text
document with the line's publication date; only events whose evidence overlaps the sentence
are scored. This set is for measuring only: nothing in the coder is tuned on it.

Headline metrics: tuple precision / recall / F1 over (source key, target key, type), where a
side's key is its country, else its code, else empty, pooled over all sentences (an empty gold
list makes every prediction a false positive); type-only F1 (per sentence, sets of types,
pooled); status accuracy on matched tuples; sector accuracy on matched sides; side accuracy
(country-or-code of both sides of matched-type events). Details add the calibration of event
confidence: ``ece`` (10 equal-width bins; lower is better, so not a headline metric) and a
reliability table (bin, n, mean confidence, accuracy), where a scored prediction is correct
when its tuple is one of the sentence's gold tuples.

Status crosswalk (``gold_status``): the gold scheme has no ``alleged`` or ``acknowledged``. Its
``claimed`` is "asserted by a speaker named in the sentence", so ours map by who asserts:
``alleged`` with a named speaker (an accusation's content: "X accused Y of shelling") and
``acknowledged`` (the actor itself admits it) are ``claimed``; ``alleged`` with no speaker
(a sourceless hedge: "reportedly", "attacks were reported") is the outlet's own narration,
``reported``. Every other status is the same word in both schemes.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

from ..events.confidence import ece, reliability
from ..pipeline import Pipeline, Result
from ..records import Actor, Claim, Event, Evidence, RawInput, Rejection
from ..settings import Settings
from .base import SuiteResult, hash_files, prf

Key = tuple[str, str, str]
WH_EVENTS = Path(__file__).resolve().parents[1] / "data/eval/wh-events"


def load_gold(path: Path) -> list[dict[str, Any]]:
    """Lines of the gold file (``path`` may be the file or its folder)."""
    if path.is_dir():
        path = path / "dev.jsonl"
    out = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                out.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path}:{n}: bad JSON: {exc}") from exc
    return out


def side_key(side: Any) -> str:
    """Country, else code, else '' for a gold dict or a predicted Actor."""
    if side is None:
        return ""
    if isinstance(side, dict):
        return str(side.get("country") or side.get("code") or "")
    return str(side.country or _igo_code(side) or "")


def _igo_code(actor: Actor) -> str | None:
    if actor.kind != "igo" or not actor.code:
        return None
    return actor.code[:3]


def _sector(side: Any) -> str:
    if side is None:
        return ""
    raw = side.get("sector") if isinstance(side, dict) else side.sector
    return str(raw or "")[:3]


def gold_key(ev: dict[str, Any]) -> Key:
    return (side_key(ev.get("source")), side_key(ev.get("target")), str(ev["type"]))


def pred_key(ev: Event) -> Key:
    return (side_key(ev.source), side_key(ev.target), ev.plover.type)


def in_sentence(ev: Event, start: int, end: int) -> Event | None:
    """The event as its mention in the scored sentence (trigger, else evidence, inside it),
    or None. An event said in the context and again in the sentence is scored with the
    status of the sentence's own mention."""
    mentions: list[Evidence] = [*ev.mentions] or [ev.evidence]
    for m in mentions:
        span = getattr(m, "trigger_span", None) or m
        if not (span.start < end and span.end > start):
            continue
        status = getattr(m, "status", None) or ev.status
        return ev if status == ev.status else ev.model_copy(update={"status": status})
    return None


def gold_status(ev: Event, claims: dict[str, Claim]) -> str:
    """Our status in the gold scheme's words (crosswalk in the module docstring)."""
    if ev.status == "acknowledged":
        return "claimed"
    if ev.status != "alleged":
        return ev.status
    named = any(claims[c].speaker is not None for c in ev.attributed_to if c in claims)
    return "claimed" if named else "reported"


def documents(gold: list[dict[str, Any]]) -> list[RawInput]:
    return [
        RawInput(
            input=f"realnews:{g['id']}",
            content=_text(g),
            published=g.get("published"),
            source_id=g["id"],
        )
        for g in gold
    ]


def _text(g: dict[str, Any]) -> str:
    ctx = (g.get("context") or "").strip()
    return f"{ctx} {g['sentence'].strip()}" if ctx else g["sentence"].strip()


def _locate(doc_text: str, sentence: str) -> tuple[int, int]:
    """Where the sentence lies in the cleaned text (the cleaner may alter whitespace or
    markup); falls back to the text's tail of the same length."""
    s = sentence.strip()
    i = doc_text.rfind(s)
    if i >= 0:
        return i, i + len(s)
    probe = s[:40]
    i = doc_text.rfind(probe)
    if i >= 0:
        return i, len(doc_text)
    return max(0, len(doc_text) - len(s)), len(doc_text)


def predict(
    gold: list[dict[str, Any]], settings: Settings, ours: dict[str, str] | None = None
) -> list[tuple[list[Event], str | None]]:
    """Per gold line: the events in its sentence (status in the gold's words), and a
    rejection reason if it had none. ``ours`` collects event id -> our own status."""
    pipe = Pipeline(settings)
    by_input: dict[str, Result | Rejection] = {}
    for res in pipe.run(documents(gold)):
        key = res.input if isinstance(res, Rejection) else res.document.input
        by_input[key or ""] = res
    out: list[tuple[list[Event], str | None]] = []
    for g in gold:
        res = by_input.get(f"realnews:{g['id']}") or Rejection(
            input=g["id"], reason="missing", detail="no output"
        )
        if isinstance(res, Rejection):
            out.append(([], res.reason))
            continue
        start, end = _locate(res.document.text, g["sentence"])
        found = (in_sentence(e, start, end) for e in res.events)
        evs = [e for e in found if e is not None]
        claims = {c.claim_id: c for c in res.claims}
        if ours is not None:
            ours.update((e.event_id, e.status) for e in evs)
        out.append(([_crosswalk(e, claims) for e in evs], None))
    return out


def _crosswalk(ev: Event, claims: dict[str, Claim]) -> Event:
    status = gold_status(ev, claims)
    return ev if status == ev.status else ev.model_copy(update={"status": status})


def _match(gold_evs: list[dict[str, Any]], pred_evs: list[Event]) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, pred index) with equal tuple keys."""
    used: set[int] = set()
    pairs = []
    pkeys = [pred_key(p) for p in pred_evs]
    for gi, g in enumerate(gold_evs):
        k = gold_key(g)
        for pi, pk in enumerate(pkeys):
            if pi not in used and pk == k:
                used.add(pi)
                pairs.append((gi, pi))
                break
    return pairs


def _dedupe(events: list[Event]) -> list[Event]:
    """One prediction per distinct tuple, as the gold has one event per tuple."""
    seen: set[Key] = set()
    out = []
    for e in sorted(events, key=lambda e: -e.confidence):
        k = pred_key(e)
        if k not in seen:
            seen.add(k)
            out.append(e)
    return out


def score(
    gold: list[dict[str, Any]],
    preds: list[tuple[list[Event], str | None]],
    gold_hash: str,
    ours: dict[str, str] | None = None,
) -> SuiteResult:
    tp = n_pred = n_gold = 0
    t_tp = t_pred = t_gold = 0
    st_ok = st_n = sec_ok = sec_n = side_ok = side_n = 0
    status_conf: Counter[tuple[str, str]] = Counter()
    ours_conf: Counter[tuple[str, str]] = Counter()
    rejected: Counter[str] = Counter()
    probs: list[float] = []
    right: list[int] = []
    per = []
    for g, (raw_evs, rej) in zip(gold, preds, strict=True):
        if rej:
            rejected[rej] += 1
        evs = _dedupe(raw_evs)
        gevs = list({gold_key(e): e for e in g["events"]}.values())
        pairs = _match(gevs, evs)
        gkeys = {gold_key(e) for e in gevs}
        probs += [e.confidence for e in evs]
        right += [int(pred_key(e) in gkeys) for e in evs]
        tp, n_pred, n_gold = tp + len(pairs), n_pred + len(evs), n_gold + len(gevs)
        gt, pt = {e["type"] for e in gevs}, {e.plover.type for e in evs}
        t_tp, t_pred, t_gold = t_tp + len(gt & pt), t_pred + len(pt), t_gold + len(gt)
        for gi, pi in pairs:
            ge, pe = gevs[gi], evs[pi]
            st_n += 1
            st_ok += int(ge["status"] == pe.status)
            status_conf[(ge["status"], pe.status)] += 1
            ours_conf[(ge["status"], (ours or {}).get(pe.event_id, pe.status))] += 1
            for gs, ps in ((ge.get("source"), pe.source), (ge.get("target"), pe.target)):
                if gs and gs.get("sector") and ps is not None:
                    sec_n += 1
                    sec_ok += int(_sector(gs) == _sector(ps))
        s_ok, s_n = _sides(gevs, evs)
        side_ok, side_n = side_ok + s_ok, side_n + s_n
        per.append(
            {
                "id": g["id"],
                "gold": sorted("|".join(gold_key(e)) for e in gevs),
                "pred": sorted("|".join(pred_key(e)) for e in evs),
                "tp": len(pairs),
                "rejected": rej,
            }
        )
    p, r, f = prf(tp, n_pred, n_gold)
    tp_, tr_, tf_ = prf(t_tp, t_pred, t_gold)
    metrics = {
        "tuple_f1": round(f, 4),
        "tuple_precision": round(p, 4),
        "tuple_recall": round(r, 4),
        "type_f1": round(tf_, 4),
        "status_accuracy": round(st_ok / st_n, 4) if st_n else 0.0,
        "sector_accuracy": round(sec_ok / sec_n, 4) if sec_n else 0.0,
        "side_accuracy": round(side_ok / side_n, 4) if side_n else 0.0,
    }
    details = {
        "tuples": {"tp": tp, "pred": n_pred, "gold": n_gold},
        "types": {"tp": t_tp, "pred": t_pred, "gold": t_gold, "precision": round(tp_, 4),
                  "recall": round(tr_, 4)},
        "status_n": st_n,
        "sector_n": sec_n,
        "side_n": side_n,
        "rejected": dict(rejected),
        "status_confusion": {f"{a}->{b}": v for (a, b), v in sorted(status_conf.items())},
        "status_confusion_ours": {f"{a}->{b}": v for (a, b), v in sorted(ours_conf.items())},
        "ece": round(ece(probs, right), 4),
        "reliability": reliability(probs, right),
        "sentences": per,
    }  # fmt: skip
    notes = [
        "realnews dev set: for measuring only, never tuned on",
        f"{sum(rejected.values())} of {len(gold)} inputs rejected: {dict(rejected) or 'none'}",
    ]
    return SuiteResult("realnews", metrics, len(gold), gold_hash, details, notes)


def _sides(gevs: list[dict[str, Any]], evs: list[Event]) -> tuple[int, int]:
    """Side accuracy: for each gold event, the predicted event of the same type whose sides
    agree most; each non-null gold side scores right when its key matches."""
    ok = n = 0
    for g in gevs:
        cands = [e for e in evs if e.plover.type == g["type"]]
        gs, gt = side_key(g.get("source")), side_key(g.get("target"))
        best = 0
        for e in cands:
            hit = int(bool(gs) and gs == side_key(e.source)) + int(
                bool(gt) and gt == side_key(e.target)
            )
            best = max(best, hit)
        n += int(bool(gs)) + int(bool(gt))
        ok += best
    return ok, n


def run(
    path: Path, settings: Settings, sample: int | None = None, suite: str = "realnews"
) -> SuiteResult:
    """Score the whole pipeline on real-news gold in this format (``sample`` = first N
    lines); ``suite`` names the result (the project's own WH set reuses this scorer)."""
    file = path / "dev.jsonl" if path.is_dir() else path
    gold = load_gold(file)
    if sample:
        gold = gold[:sample]
    ours: dict[str, str] = {}
    preds = predict(gold, settings, ours)
    result = score(gold, preds, hash_files([file]), ours)
    if suite != "realnews":
        result.suite = suite
        result.notes[0] = f"{file.name}: {suite} suite, scored like realnews"
    return result
