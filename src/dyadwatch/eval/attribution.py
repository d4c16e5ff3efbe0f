"""Attribution suite: the claims stage scored on PolNeAR (source, cue, content spans).

Format read: PolNeAR v1 BRAT standoff, ``<split>/text/<name>.txt`` with
``<split>/attributions/<name>_<annotator>.ann``. ``T`` lines give typed spans
(Source, Cue, Content; fragments ``a b;c d``), ``E`` lines tie them into one
attribution. An article annotated by several annotators is scored against the
first annotation file in name order.

The system is the product pipeline's own nlp, actors and claims stages (no
events); each claim gives a source (the speaker's surface span), a cue span
and a content span. PolNeAR is univocal (a token belongs to one attribution),
so a predicted claim whose cue lies inside another claim's content (nested
reporting) is left out before scoring.

Matching, one-to-one per document: *exact* means the same alphanumeric
characters are covered (whitespace and punctuation such as quote marks and a
trailing comma are ignored, as are discontinuities of the gold span); *overlap*
means at least one shared alphanumeric character. A relation matches when cue
and content match and the source matches (or both lack one); a cue of
punctuation only (":") has no characters to match and is left out of cue
scores, and matches another such cue in whole relations.
"""

from __future__ import annotations

import argparse
import json
import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..records import Claim, Document
from ..registry import registry
from ..settings import Settings, load_settings
from .base import SuiteResult, hash_files, prf

log = logging.getLogger(__name__)
ROLES = ("source", "cue", "content")
Chars = frozenset[int]


@dataclass
class Rel:
    source: Chars | None
    cue: Chars | None
    content: Chars | None


@dataclass
class GoldDoc:
    name: str
    text: str
    relations: list[Rel]
    files: list[Path] = field(default_factory=list)


def _chars(text: str, frags: Iterable[tuple[int, int]]) -> Chars | None:
    out = frozenset(i for a, b in frags for i in range(a, min(b, len(text))) if text[i].isalnum())
    return out or None


def parse_ann(path: Path, text: str) -> list[Rel]:
    """Attribution relations of one .ann file, as alphanumeric char sets."""
    spans: dict[str, list[tuple[int, int]]] = {}
    rels: list[Rel] = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2 and " " in parts[1]:
            offs = parts[1].split(" ", 1)[1]
            try:
                spans[parts[0]] = [
                    (int(a), int(b)) for a, b in (f.split() for f in offs.split(";"))
                ]
            except ValueError as exc:
                raise ValueError(f"{path}:{n}: bad offsets {offs!r}") from exc
        elif line.startswith("E") and len(parts) >= 2:
            args = dict(a.split(":", 1) for a in parts[1].split() if ":" in a)
            got = {r: _chars(text, spans.get(args.get(r.title(), ""), [])) for r in ROLES}
            if got["cue"] is not None or got["content"] is not None:
                rels.append(Rel(**got))
    return rels


def load_split(path: Path, split: str = "dev") -> list[GoldDoc]:
    base = Path(path) / split
    if not (base / "text").is_dir() or not (base / "attributions").is_dir():
        raise FileNotFoundError(f"PolNeAR split {split!r} not found under {path}")
    anns: dict[str, list[Path]] = {}
    for ann in sorted((base / "attributions").glob("*.ann")):
        anns.setdefault(ann.stem.rsplit("_", 1)[0], []).append(ann)
    docs = []
    for name in sorted(anns):
        txt = base / "text" / f"{name}.txt"
        if not txt.is_file():
            log.warning("no text for %s", name)
            continue
        text = txt.read_text(encoding="utf-8")
        docs.append(GoldDoc(name, text, parse_ann(anns[name][0], text), [txt, anns[name][0]]))
    return docs


def claim_relations(claims: list[Claim], text: str) -> list[Rel]:
    """Claims as relations, outer claims only (PolNeAR does not nest attributions)."""

    def inside(c: Claim, o: Claim) -> bool:
        parts = o.content_parts or [o.content]
        return c.cue_span is not None and any(p.start <= c.cue_span.start < p.end for p in parts)

    outer = [c for c in claims if not any(o is not c and inside(c, o) for o in claims)]
    rels = []
    for c in outer:
        sp = c.speaker
        src = _chars(text, [(sp.start, sp.end)]) if sp and sp.start is not None and sp.end else None
        cue = _chars(text, [(c.cue_span.start, c.cue_span.end)]) if c.cue_span else None
        parts = [(x.start, x.end) for x in c.content_parts] or [(c.content.start, c.content.end)]
        rels.append(Rel(src, cue, _chars(text, parts)))
    return rels


def _same(a: Chars | None, b: Chars | None, overlap: bool) -> bool:
    if a is None or b is None:
        return False
    return bool(a & b) if overlap else a == b


def _match(gold: list[Any], pred: list[Any], ok: Any) -> int:
    """Greedy one-to-one matching; returns the number of matched pairs."""
    used: set[int] = set()
    tp = 0
    for g in gold:
        for j, p in enumerate(pred):
            if j not in used and ok(g, p):
                used.add(j)
                tp += 1
                break
    return tp


def score_doc(gold: list[Rel], pred: list[Rel]) -> dict[str, list[int]]:
    """[tp, n_pred, n_gold] per role and for whole relations, exact and overlap."""
    out: dict[str, list[int]] = {}
    for overlap in (False, True):
        sfx = "_overlap" if overlap else ""
        for role in ROLES:
            g = [getattr(r, role) for r in gold if getattr(r, role) is not None]
            p = [getattr(r, role) for r in pred if getattr(r, role) is not None]
            tp = _match(g, p, lambda x, y, o=overlap: _same(x, y, o))
            out[role + sfx] = [tp, len(p), len(g)]

        def rel_ok(x: Rel, y: Rel, o: bool = overlap) -> bool:
            # a missing source, or a cue that is punctuation only (":"), matches its like
            src = (x.source is None and y.source is None) or _same(x.source, y.source, o)
            cue = (x.cue is None and y.cue is None) or _same(x.cue, y.cue, o)
            return src and cue and _same(x.content, y.content, o)

        out["relation" + sfx] = [_match(gold, pred, rel_ok), len(pred), len(gold)]
    return out


class _System:
    """The product stages, minus events and time, for one article at a time."""

    def __init__(self, settings: Settings) -> None:
        self.parser = registry.get(settings.nlp_impl)(settings)
        self.actors = registry.get(settings.actors_impl)(settings)
        self.claims = registry.get(settings.claims_impl)(settings)

    def __call__(self, name: str, text: str) -> list[Claim]:
        doc = Document(doc_id=name, text=text)
        sdoc = self.parser.nlp(text)
        try:
            mentions = self.actors.mentions(doc, sdoc)
        except Exception:  # score attribution even when the actors stage fails
            log.exception("actors failed on %s", name)
            mentions = []
        claims, _ = self.claims(doc, sdoc, mentions, [])
        return list(claims)


def run(
    path: Path, settings: Settings, sample: int | None = None, split: str = "dev"
) -> SuiteResult:
    docs = load_split(Path(path), split)
    if sample:
        docs = docs[:sample]
    system = _System(settings)
    totals: dict[str, list[int]] = {}
    per_doc: dict[str, float] = {}
    for d in docs:
        pred = claim_relations(system(d.name, d.text), d.text)
        sc = score_doc(d.relations, pred)
        for k, v in sc.items():
            t = totals.setdefault(k, [0, 0, 0])
            for i in range(3):
                t[i] += v[i]
        per_doc[d.name] = round(prf(*sc["relation"])[2], 4)
    metrics: dict[str, float] = {}
    prf_all: dict[str, dict[str, float]] = {}
    for k, (tp, npred, ngold) in totals.items():
        p, r, f = prf(tp, npred, ngold)
        key = k.replace("_overlap", "_f1_overlap") if k.endswith("_overlap") else k + "_f1"
        metrics[key] = round(f, 4)
        prf_all[k] = {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4), "tp": tp}
    return SuiteResult(
        suite="attribution",
        metrics=metrics,
        n=sum(len(d.relations) for d in docs),
        gold_hash=hash_files(p for d in docs for p in d.files),
        details={"split": split, "docs": len(docs), "prf": prf_all, "per_doc_relation_f1": per_doc},
        notes=[
            "first annotator's file per article",
            "exact = same alphanumeric characters; overlap = any shared one; one-to-one",
            "nested predicted claims (cue inside another claim's content) left out",
        ]
        + ([f"sample: first {sample} articles"] if sample else []),
    )


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("path", nargs="?", default="../shared/eval/polnear", type=Path)
    ap.add_argument("--split", default="dev")
    ap.add_argument("--sample", type=int, default=None)
    ap.add_argument("--config", default=None)
    args = ap.parse_args(argv)
    res = run(args.path, load_settings(args.config), sample=args.sample, split=args.split)
    print(json.dumps({"metrics": res.metrics, "prf": res.details["prf"], "n": res.n}, indent=1))


if __name__ == "__main__":
    main()
