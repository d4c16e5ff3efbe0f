"""Train the event confidence model (``make train``): CPU, a few minutes, deterministic.

Training data (never the real-news dev set):
- NGEC synthetic stories (``train/ngec-synthetic/stories.csv``): each story's filled headline
  (as the title) and the first sentences of its lead paragraph become one document. An event
  is *right* when its type is the story's PLOVER label and its sides agree with the countries
  the headline was filled with: one of its sides when the headline names one country, both
  known sides among them when it names several (stories whose headline names no country are
  skipped: nothing to check the sides against).
- PLOVER GSR tune half (odd serials): an event is right when its type is the record's type
  and each gold side with actors matches (as the events suite scores them).

Every document runs through the whole pipeline with the rule confidence left as it is; the
features of ``events.confidence`` are recorded beside each event, then a logistic regression
is fitted on the synthetic stories and half the GSR tune records, and Platt-calibrated on the
other half (``calibration_record``).
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import re
import sys
import time
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ..events.confidence import Features, document_features, model_path, train
from ..pipeline import Pipeline, Result
from ..records import Event, RawInput
from ..settings import Settings, load_settings
from .events import _actors, _codes, _matches, gold_type, half_of
from .events import load_gold as load_gsr

CONFIG: dict[str, Any] = {
    "l2": 1.0,
    "seed": 13,
    "ngec_stories": 4000,  # sampled (seeded) from those whose headline names a country
    "lead_sentences": 2,
    "gsr_weight": 2.0,  # GSR records carry real actor gold; synthetic labels are weak
}
Labeller = Callable[[str, Event], int | None]  # (input id, event) -> 1 / 0 / None (skip)
SENT_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'])")
PLACEHOLDER = re.compile(r"\{(\w+)\}")


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def collect(
    raws: list[RawInput], labeller: Labeller, settings: Settings
) -> tuple[list[Features], list[int], list[str]]:
    """Run the pipeline (rule confidence kept) and label each event's features."""
    pipe = Pipeline(settings)
    seen: list[tuple[str, list[Event], list[Features]]] = []

    def record(events: list[Event], sdoc: Any) -> list[Event]:
        seen.append(("", events, document_features(events, sdoc)))
        return events

    pipe.confidence = record
    rows: list[Features] = []
    labels: list[int] = []
    inputs: list[str] = []
    for res in pipe.run(raws):
        if not isinstance(res, Result):
            seen.clear()
            continue
        _, events, feats = seen.pop()
        for ev, f in zip(events, feats, strict=True):
            y = labeller(res.document.input or "", ev)
            if y is not None:
                rows.append(f)
                labels.append(y)
                inputs.append(res.document.input or "")
        seen.clear()
    return rows, labels, inputs


# --- NGEC synthetic stories -----------------------------------------------------------------


def headline_fills(template: str, headline: str) -> list[str]:
    """The strings that filled the template's {country_N} slots ([] when it does not align)."""
    template = template.strip()
    names: list[str] = []
    pattern = ""
    pos = 0
    for m in PLACEHOLDER.finditer(template):
        pattern += re.escape(template[pos : m.start()])
        pattern += "(.+?)" if m.group(1) not in names else ".+?"
        names.append(m.group(1))
        pos = m.end()
    pattern += re.escape(template[pos:])
    hit = re.fullmatch(pattern, headline.strip(), flags=re.IGNORECASE)
    if hit is None:
        return []
    slots = list(dict.fromkeys(names))
    return [g for s, g in zip(slots, hit.groups(), strict=False) if s.startswith("country")]


def lead(text: str, sentences: int) -> str:
    para = next((p.strip() for p in text.split("\n\n") if p.strip()), "")
    return " ".join(SENT_END.split(para)[:sentences])


def ngec_inputs(
    path: Path, n: int, sentences: int, seed: int, settings: Settings
) -> tuple[list[RawInput], dict[str, tuple[str, frozenset[str]]]]:
    """Documents and, per input id, (gold type, headline country keys)."""
    import random

    from ..registry import registry

    resolver = registry.get(settings.actors_impl)(settings)
    with path.open(encoding="utf-8", newline="") as fh:
        stories = list(csv.DictReader(fh))
    usable = []
    for i, s in enumerate(stories):
        headline = s["prompt"].split("\n", 1)[0]
        fills = headline_fills(s["title"], headline) if "{country" in s["title"] else []
        keys: set[str] = set()
        for name in fills:
            actor = resolver.resolve_phrase(name)
            if actor is not None and (actor.country or actor.code):
                keys.add(actor.country or actor.code)
        if keys and len(keys) == len(set(fills)):
            usable.append((i, headline, s, frozenset(keys)))
    random.Random(seed).shuffle(usable)
    raws: list[RawInput] = []
    gold: dict[str, tuple[str, frozenset[str]]] = {}
    for i, headline, story, found in sorted(usable[:n], key=lambda u: u[0]):
        rid = f"ngec:{i}"
        text = f"{headline}\n\n{lead(story['text'], sentences)}"
        raws.append(RawInput(input=rid, content=text, title=headline, source_id=rid))
        gold[rid] = (story["label"], found)
    return raws, gold


def ngec_label(gold: dict[str, tuple[str, frozenset[str]]]) -> Labeller:
    def label(rid: str, ev: Event) -> int | None:
        if rid not in gold:
            return None
        gtype, keys = gold[rid]
        known = {k for a in (ev.source, ev.target) if a and (k := a.country or a.code)}
        # one country in the headline: it is a side (the other is not known to us);
        # several: the event's known sides are among them and cover two of them
        sides = bool(known & keys) if len(keys) == 1 else known <= keys and len(known) >= 2
        return int(ev.plover.type == gtype and sides)

    return label


# --- PLOVER GSR tune half ---------------------------------------------------------------------


def gsr_inputs(path: Path) -> tuple[list[RawInput], dict[str, dict[str, Any]]]:
    recs = [r for r in load_gsr(path) if half_of(r["id"]) == "tune"]
    raws = [
        RawInput(input=f"gsr:{r['id']}", content=r["text"], published=r.get("date")) for r in recs
    ]
    return raws, {f"gsr:{r['id']}": r for r in recs}


def gsr_label(gold: dict[str, dict[str, Any]]) -> Labeller:
    def label(rid: str, ev: Event) -> int | None:
        rec = gold.get(rid)
        if rec is None:
            return None
        if ev.plover.type != gold_type(rec):
            return 0
        for g, p in ((rec.get("source"), ev.source), (rec.get("target"), ev.target)):
            actors = _actors(g)
            if actors and not _matches(p, _codes(actors)):
                return 0
        return 1

    return label


def calibration_record(rid: str) -> bool:
    """Tune-half records with serial 3 (mod 4) calibrate, the others (1 mod 4) train: the
    synthetic labels undercount right events (only the story's own type counts), while a
    GSR record's gold is its one event with its actors, closer to how events are scored."""
    serial = rid.rsplit("-", 1)[-1]
    return serial.isdigit() and int(serial) % 4 == 3


# --- main ---------------------------------------------------------------------------------


def build(shared: Path, settings: Settings, config: dict[str, Any]) -> dict[str, Any]:
    stories = shared / "train" / "ngec-synthetic" / "stories.csv"
    gsr = shared / "reference" / "plover" / "PLOVER_GSR_CAMEO.json"
    t0 = time.time()
    n_raws, n_gold = ngec_inputs(
        stories, config["ngec_stories"], config["lead_sentences"], config["seed"], settings
    )
    rows, labels, ids = collect(n_raws, ngec_label(n_gold), settings)
    g_raws, g_gold = gsr_inputs(gsr)
    g_rows, g_labels, g_ids = collect(g_raws, gsr_label(g_gold), settings)
    weights = [1.0] * len(rows) + [config["gsr_weight"]] * len(g_rows)
    calib = [False] * len(rows) + [calibration_record(i) for i in g_ids]
    model, stats = train(
        rows + g_rows,
        labels + g_labels,
        l2=config["l2"],
        seed=config["seed"],
        sample_weight=weights,
        calibration=calib,
    )
    stats.update(
        {"ngec_events": len(rows), "ngec_positives": sum(labels), "gsr_events": len(g_rows),
         "gsr_positives": sum(g_labels), "ngec_documents": len(n_raws),
         "gsr_documents": len(g_raws)}
    )  # fmt: skip
    print(f"trained in {time.time() - t0:.0f} s", file=sys.stderr)
    model.meta = {
        "model": "logistic regression (L2, L-BFGS) + Platt scaling on held-out GSR tune records",
        "trained": datetime.now(UTC).strftime("%Y-%m-%d"),
        "config": config,
        "training_data": {
            "train/ngec-synthetic/stories.csv": sha256(stories),
            "reference/plover/PLOVER_GSR_CAMEO.json (tune half)": sha256(gsr),
        },
        "stats": stats,
        "rebuild": "make train",
    }
    return model.to_json()


def main(argv: Iterable[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", default="../shared", help="shared data folder")
    ap.add_argument("--out", default=str(model_path()), help="model JSON to write")
    ap.add_argument("--stories", type=int, help="NGEC stories to sample (default in CONFIG)")
    args = ap.parse_args(list(argv) if argv is not None else None)
    config = dict(CONFIG)
    if args.stories:
        config["ngec_stories"] = args.stories
    data = build(Path(args.shared), load_settings(None), config)
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(data["stats"]), file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
