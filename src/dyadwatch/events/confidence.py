"""Learned event confidence: a logistic regression over a few readable features.

The rules decide *what* an event is; this model only says how likely such an event is to be
right, from cues a reader can check (trigger kind, PLOVER type, how each side was resolved,
status, question, distances, competing candidates). The weights live in
``data/events/confidence/model.json`` (built by ``make train``; see the README there), so
every score can be explained by listing the features that fired and their weights.
"""

from __future__ import annotations

import json
import math
from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from ..data import data_path
from ..records import Actor, Event
from .lexicon import load_lexicon

MODEL_FILE = "model.json"
Features = dict[str, float]
# Weights held to a sign (a known side never lowers the score by itself; a missing one never
# raises it): readable priors the weak training labels could otherwise blur.
SIGNS = {"sides_known": 1, "src=none": -1, "tgt=none": -1}
ONE_SIDED = 0.6
# Set weights for cues the training data never shows (no synthetic lead or GSR record is a
# question): a question asserts no event unless it does, so it divides the odds by e.
UNSEEN_PRIORS = {"question": -1.0}
CLAUSE_DEPS = {"ROOT": "root", "ccomp": "ccomp", "xcomp": "xcomp", "conj": "conj"}
CLAUSE_DEPS |= {"advcl": "adjunct", "pcomp": "adjunct", "relcl": "relative", "acl": "relative"}


def _bucket(n: int, edges: Sequence[int]) -> str:
    """'<=e' for the first edge that holds, else '>last'."""
    for e in edges:
        if n <= e:
            return f"<={e}"
    return f">{edges[-1]}"


@lru_cache(maxsize=1)
def ambiguous_lemmas() -> frozenset[str]:
    """Trigger lemmas whose patterns lead to more than one PLOVER type ('call', 'meet'):
    the sense depends on the arguments, so such events are less certain."""
    lex = load_lexicon(None)
    out = set()
    for table in (lex.verbs, lex.nouns):
        for lemma, pats in table.items():
            types = {c.type for p in pats if p.cameo and (c := lex.plover(p.cameo))}
            if len(types) > 1:
                out.add(lemma)
    return frozenset(out)


class _DocIndex:
    """Token lookup by character offset for one parsed document."""

    def __init__(self, sdoc: Any) -> None:
        self.sdoc = sdoc
        from spacy.attrs import IDX

        # one array call, not a Token object per token (this ran for every document)
        self.starts = sdoc.to_array(IDX).tolist() if sdoc is not None and len(sdoc) else []

    def token(self, char: int | None) -> Any:
        if char is None or not self.starts:
            return None
        i = bisect_right(self.starts, char) - 1
        return self.sdoc[max(i, 0)]


def _side(prefix: str, actor: Actor | None, trig: Any, idx: _DocIndex) -> Features:
    if actor is None:
        return {f"{prefix}=none": 1.0}
    key = actor.country or actor.code
    f = {
        f"{prefix}_by={actor.resolved_by or 'dictionary'}": 1.0,
        f"{prefix}_kind={actor.kind}": 1.0,
        f"{prefix}_key={'yes' if key else 'no'}": 1.0,
    }
    tok = idx.token(actor.start)
    if trig is not None and tok is not None:
        f[f"{prefix}_dist={_bucket(abs(tok.i - trig.i), (2, 5, 10))}"] = 1.0
    return f


def _prior(ev: Event) -> float:
    """The coder's rule confidence before its one-sided discount (coder.py multiplies by
    ONE_SIDED when a side is missing): the side features below carry that effect instead."""
    one_sided = ev.source is None or ev.target is None
    return min(1.0, float(ev.confidence) / (ONE_SIDED if one_sided else 1.0))


def features(ev: Event, idx: _DocIndex, sent_events: Counter[str]) -> Features:
    """The readable feature bag of one event (names -> values, mostly 1.0)."""
    span = ev.trigger_span
    trig = idx.token(span.start) if span else None
    if trig is not None and span is not None:  # a noun trigger's span starts at its modifiers
        inside = [t for t in trig.doc[trig.i : trig.i + 6] if t.idx < span.end]
        trig = next(
            (t for t in inside if t.pos_ in ("VERB", "AUX")), inside[-1] if inside else trig
        )
    f: Features = {
        "bias": 1.0,
        "prior": _prior(ev),
        f"type={ev.plover.type}": 1.0,
        f"root={(ev.cameo or '')[:2]}": 1.0,
        f"status={ev.status}": 1.0,
    }
    if trig is not None:
        f[f"trigger={'verb' if trig.pos_ in ('VERB', 'AUX') else 'noun'}"] = 1.0
        f[f"clause={CLAUSE_DEPS.get(trig.dep_, 'other')}"] = 1.0
        if any(c.dep_ == "neg" for c in trig.children):
            f["negated"] = 1.0
        if trig.lemma_.lower() in ambiguous_lemmas():
            f["ambiguous_trigger"] = 1.0
        sent = trig.sent
        f[f"sent_len={_bucket(len(sent), (10, 25, 40))}"] = 1.0
        if sent.text.rstrip().endswith("?"):
            f["question"] = 1.0
    f.update(_side("src", ev.source, trig, idx))
    f.update(_side("tgt", ev.target, trig, idx))
    keys = [a.country or a.code for a in (ev.source, ev.target) if a is not None]
    f["sides_known"] = float(sum(1 for k in keys if k))
    if len(keys) == 2 and keys[0] and keys[0] == keys[1]:
        f["same_key"] = 1.0
    others = sum(sent_events.values()) - sent_events[ev.trigger]
    f[f"competing={_bucket(others, (0, 1, 3))}"] = 1.0
    if sent_events[ev.trigger] > 1:
        f["shared_trigger"] = 1.0
    if ev.attributed_to:
        f["in_claim"] = 1.0
    if ev.symmetric:
        f["symmetric"] = 1.0
    return f


def document_features(events: list[Event], sdoc: Any) -> list[Features]:
    idx = _DocIndex(sdoc)
    per_sent: dict[int, Counter[str]] = {}
    for e in events:
        per_sent.setdefault(e.evidence.sentence, Counter())[e.trigger] += 1
    return [features(e, idx, per_sent[e.evidence.sentence]) for e in events]


# --- the model -----------------------------------------------------------------------------


@dataclass
class Model:
    weights: dict[str, float]
    intercept: float = 0.0
    platt: tuple[float, float] = (1.0, 0.0)  # p = sigmoid(a * logit + b), fitted on held-out
    meta: dict[str, Any] = field(default_factory=dict)

    def logit(self, f: Features) -> float:
        w = self.weights
        return self.intercept + sum(w.get(k, 0.0) * v for k, v in f.items())

    def score(self, f: Features) -> float:
        a, b = self.platt
        return _sigmoid(a * self.logit(f) + b)

    def explain(self, f: Features, top: int = 5) -> list[tuple[str, float]]:
        """The features that moved this score most, with their contribution to the logit."""
        parts = [(k, self.weights.get(k, 0.0) * v) for k, v in f.items()]
        return sorted(parts, key=lambda kv: -abs(kv[1]))[:top]

    def to_json(self) -> dict[str, Any]:
        return {
            "intercept": self.intercept,
            "platt": list(self.platt),
            "weights": dict(sorted(self.weights.items())),
            **self.meta,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Model:
        meta = {k: v for k, v in data.items() if k not in ("intercept", "platt", "weights")}
        a, b = data.get("platt", (1.0, 0.0))
        weights = {str(k): float(v) for k, v in data["weights"].items()}
        return cls(weights, float(data.get("intercept", 0.0)), (float(a), float(b)), meta)


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def model_path() -> Path:
    return data_path("events", "confidence", MODEL_FILE)


@lru_cache(maxsize=4)
def load_model(path: str | None = None) -> Model | None:
    """The packaged model (None when it is missing, e.g. before the first ``make train``)."""
    p = Path(path) if path else model_path()
    if not p.is_file():
        return None
    return Model.from_json(json.loads(p.read_text(encoding="utf-8")))


def rescore(events: list[Event], sdoc: Any, model: Model | None = None) -> list[Event]:
    """Events with their confidence replaced by the model's calibrated probability."""
    model = model or load_model()
    if model is None or not events:
        return events
    feats = document_features(events, sdoc)
    return [
        e.model_copy(update={"confidence": round(model.score(f), 3)})
        for e, f in zip(events, feats, strict=True)
    ]


# --- fitting (numpy + scipy; used by eval/train_confidence.py and the tests) ---------------


def vectorise(rows: list[Features], names: list[str] | None = None) -> tuple[np.ndarray, list[str]]:
    if names is None:
        names = sorted({k for r in rows for k in r if k != "bias"})
    col = {n: i for i, n in enumerate(names)}
    x = np.zeros((len(rows), len(names)))
    for i, r in enumerate(rows):
        for k, v in r.items():
            j = col.get(k)
            if j is not None:
                x[i, j] = v
    return x, names


def fit_logistic(
    x: np.ndarray,
    y: np.ndarray,
    l2: float = 1.0,
    weights: np.ndarray | None = None,
    signs: list[int] | None = None,
) -> tuple[np.ndarray, float]:
    """L2-regularised logistic regression by L-BFGS-B (the intercept is not penalised);
    ``signs[j]`` = 1 / -1 keeps weight j non-negative / non-positive, 0 leaves it free."""
    from scipy.optimize import minimize

    sw = np.ones(len(y)) if weights is None else weights

    def loss(theta: np.ndarray) -> tuple[float, np.ndarray]:
        w, b = theta[:-1], theta[-1]
        z = x @ w + b
        # log(1 + e^z) - y z, stably
        nll = np.logaddexp(0.0, z) - y * z
        p = 1.0 / (1.0 + np.exp(-z))
        g = sw * (p - y)
        value = float(sw @ nll + 0.5 * l2 * w @ w)
        grad = np.append(x.T @ g + l2 * w, g.sum())
        return value, grad

    theta0 = np.zeros(x.shape[1] + 1)
    limits = {1: (0.0, None), -1: (None, 0.0), 0: (None, None)}
    bounds = [limits[s] for s in (signs or [0] * x.shape[1])] + [(None, None)]
    res = minimize(
        loss, theta0, jac=True, method="L-BFGS-B", bounds=bounds, options={"maxiter": 500}
    )
    return res.x[:-1], float(res.x[-1])


def fit_platt(logits: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    """Platt scaling on held-out logits: p = sigmoid(a * logit + b)."""
    w, b = fit_logistic(logits.reshape(-1, 1), y, l2=1e-3)
    return float(w[0]), b


def train(
    rows: list[Features],
    labels: list[int],
    l2: float = 1.0,
    holdout: float = 0.2,
    seed: int = 0,
    sample_weight: list[float] | None = None,
    calibration: list[bool] | None = None,
) -> tuple[Model, dict[str, Any]]:
    """Fit the regression on one part and Platt-calibrate it on the rest: the rows flagged in
    ``calibration``, else a seeded random ``holdout`` share. Stats give that part's expected
    calibration error before and after scaling."""
    y = np.asarray(labels, dtype=float)
    sw = np.asarray(sample_weight if sample_weight is not None else [1.0] * len(y))
    x, names = vectorise(rows)
    signs = [SIGNS.get(n, 0) for n in names]
    if calibration is not None:
        flags = np.asarray(calibration, dtype=bool)
        tr, ho = np.flatnonzero(~flags), np.flatnonzero(flags)
    else:
        order = np.random.default_rng(seed).permutation(len(y))
        cut = int(len(y) * (1 - holdout))
        tr, ho = np.sort(order[:cut]), np.sort(order[cut:])
    w, b = fit_logistic(x[tr], y[tr], l2, sw[tr], signs)
    platt = (1.0, 0.0)
    stats: dict[str, Any] = {"n": len(y), "positives": int(y.sum()), "calibration_n": len(ho)}
    if len(ho) and 0 < y[ho].sum() < len(ho):
        logits = x[ho] @ w + b
        platt = fit_platt(logits, y[ho])
        raw = 1.0 / (1.0 + np.exp(-logits))
        cal = 1.0 / (1.0 + np.exp(-(platt[0] * logits + platt[1])))
        stats["calibration_ece_before_platt"] = round(ece(raw.tolist(), y[ho].tolist()), 4)
        stats["calibration_ece_after_platt"] = round(ece(cal.tolist(), y[ho].tolist()), 4)
    weights = {n: round(float(v), 5) for n, v in zip(names, w, strict=True) if abs(v) > 1e-6}
    for name, prior in UNSEEN_PRIORS.items():
        if name not in names:
            weights[name] = prior
            stats.setdefault("set_not_learned", []).append(name)
    return Model(weights, round(b, 5), (round(platt[0], 5), round(platt[1], 5))), stats


# --- calibration measures ------------------------------------------------------------------


def reliability(probs: list[float], correct: list[int], bins: int = 10) -> list[dict[str, Any]]:
    """Per equal-width bin: n, mean confidence and accuracy (empty bins are left out)."""
    rows = []
    for k in range(bins):
        lo, hi = k / bins, (k + 1) / bins
        sel = [
            (p, c)
            for p, c in zip(probs, correct, strict=True)
            if lo <= p < hi or (k == bins - 1 and p == 1.0)
        ]
        if sel:
            rows.append(
                {
                    "bin": f"{lo:.1f}-{hi:.1f}",
                    "n": len(sel),
                    "mean_confidence": round(sum(p for p, _ in sel) / len(sel), 4),
                    "accuracy": round(sum(c for _, c in sel) / len(sel), 4),
                }
            )
    return rows


def ece(probs: list[float], correct: list[int], bins: int = 10) -> float:
    """Expected calibration error: bin-size-weighted |accuracy - mean confidence|."""
    n = len(probs)
    if not n:
        return 0.0
    return sum(
        r["n"] / n * abs(r["accuracy"] - r["mean_confidence"])
        for r in reliability(probs, correct, bins)
    )
