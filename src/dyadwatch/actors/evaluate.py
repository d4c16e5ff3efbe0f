"""Coverage of the actor dictionaries on PLOVER gold-standard records.

    python -m dyadwatch.actors.evaluate [PLOVER_GSR_CAMEO.json] [--in-context]

For every source/target actor of a gold record (actorText + code + sector) it checks the
country (ISO3, or an international body for gold IGO/NGO) and the sector that
``resolve_phrase(actorText, date)`` gives; ``--in-context`` also parses the record's text and
checks the mention overlapping actorText.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..records import Actor, Document
from ..settings import Settings, load_settings
from . import make_resolver
from .lexicon import IGO_CODES

INTL_GOLD = {"IGO": set(IGO_CODES), "NGO": {"NGO"}, "MNC": {"MNC"}}
GOLD_FIX = {
    "JAP": "JPN",
    "ITL": "ITA",
    "VTN": "VNM",
}  # GSR uses a few CAMEO (non-ISO) country codes


@dataclass
class Score:
    total: int = 0
    found: int = 0
    country_ok: int = 0
    sector_total: int = 0
    sector_ok: int = 0
    misses: list[tuple[str, str, str | None]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "actors": self.total,
            "resolved": self.found,
            "country_accuracy": round(self.country_ok / max(1, self.total), 3),
            "sector_accuracy": round(self.sector_ok / max(1, self.sector_total), 3),
            "sector_actors": self.sector_total,
        }


def gold_actors(path: Path) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    data = json.loads(path.read_text(encoding="utf-8"))
    out = []
    for rec in data:
        if rec.get("event") == "DOCUMENT":
            continue
        for role in ("source", "target"):
            for a in rec.get(role) or []:
                if isinstance(a, dict) and a.get("actorText") and a.get("code"):
                    out.append((rec, a))
    return out


def country_match(actor: Actor | None, gold: str) -> bool:
    if actor is None:
        return False
    gold = GOLD_FIX.get(gold, gold)
    if gold in INTL_GOLD:
        return actor.country is None and (actor.code or "")[:3] in INTL_GOLD[gold]
    return actor.country == gold


def add(score: Score, actor: Actor | None, gold: dict[str, Any]) -> None:
    score.total += 1
    score.found += actor is not None
    if country_match(actor, gold["code"]):
        score.country_ok += 1
    else:
        score.misses.append((gold["actorText"], gold["code"], actor.code if actor else None))
    sector = (gold.get("sector") or "")[:3].upper()
    if sector and sector.isalpha():
        score.sector_total += 1
        score.sector_ok += bool(actor and actor.sector == sector)


def evaluate(path: Path, settings: Settings, in_context: bool = False) -> dict[str, Any]:
    resolver = make_resolver(settings)
    phrase, context = Score(), Score()
    nlp = None
    if in_context:
        from ..nlp import load_model

        nlp = load_model(settings.model, settings.use_blis)
    for rec, gold in gold_actors(path):
        date = rec.get("date")
        add(phrase, resolver.resolve_phrase(gold["actorText"], date), gold)
        if nlp is not None:
            add(context, _in_context(resolver, nlp, rec, gold), gold)
    out = {"phrase": phrase.as_dict(), "phrase_misses": phrase.misses[:40]}
    if in_context:
        out["in_context"] = context.as_dict()
    return out


def _in_context(resolver: Any, nlp: Any, rec: dict[str, Any], gold: dict[str, Any]) -> Actor | None:
    text = rec.get("text") or ""
    at = text.find(gold["actorText"])
    if at < 0:
        return None
    end = at + len(gold["actorText"])
    doc = Document(doc_id=rec["id"], text=text, published=rec.get("date"))
    best = None
    for m in resolver.mentions(doc, nlp(text)):
        overlaps = m.start < end and at < m.end and m.actor.resolved_by != "pronoun"
        if overlaps and (best is None or m.end - m.start > best.end - best.start):
            best = m
    return best.actor if best else None


def main(argv: list[str]) -> None:
    args = [a for a in argv if not a.startswith("--")]
    default = Path(__file__).resolve().parents[3].parent / "shared/reference/plover"
    path = Path(args[0]) if args else default / "PLOVER_GSR_CAMEO.json"
    if not path.is_file():
        sys.exit(f"gold file not found: {path}")
    print(json.dumps(evaluate(path, load_settings(), "--in-context" in argv), indent=1))


if __name__ == "__main__":
    main(sys.argv[1:])
