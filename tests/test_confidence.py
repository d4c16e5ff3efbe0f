"""Learned event confidence: the packaged model, features, a tiny training run, calibration."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import numpy as np
import pytest

from dyadwatch.eval.train_confidence import (
    collect,
    gsr_label,
    headline_fills,
    lead,
    ngec_label,
)
from dyadwatch.events.confidence import (
    Model,
    _DocIndex,
    ece,
    features,
    fit_logistic,
    load_model,
    model_path,
    reliability,
    rescore,
    train,
)
from dyadwatch.pipeline import Pipeline, Result
from dyadwatch.records import Actor, Event, Evidence, Plover, RawInput
from dyadwatch.settings import Settings


def _actor(code: str, kind: str = "state", by: str = "dictionary") -> Actor:
    return Actor(text=code, country=code, kind=kind, resolved_by=by)  # type: ignore[arg-type]


def _event(src: str | None, tgt: str | None, conf: float, ptype: str = "ACCUSE") -> Event:
    return Event(
        event_id="e",
        doc_id="d",
        source=_actor(src) if src else None,
        target=_actor(tgt) if tgt else None,
        plover=Plover(type=ptype),  # type: ignore[arg-type]
        cameo="112",
        trigger="accused",
        evidence=Evidence(sentence=0, start=0, end=40, text="x"),
        confidence=conf,
    )


def _score(model: Model, ev: Event) -> float:
    return model.score(features(ev, _DocIndex(None), Counter({ev.trigger: 1})))


def test_packaged_model_loads_with_provenance() -> None:
    model = load_model()
    assert model is not None, f"missing {model_path()}: run make train"
    assert model.weights and "prior" in model.weights
    meta = model.meta
    assert meta["rebuild"] == "make train"
    assert all(len(h) == 64 for h in meta["training_data"].values())
    assert "dev" not in json.dumps(meta["training_data"])  # never the real-news dev set
    assert meta["config"]["seed"] is not None


def test_known_sides_score_higher_than_unknown() -> None:
    """Same trigger and type: both sides known (dictionary) beats both unknown, as the coder
    would give them (its one-sided discount included)."""
    model = load_model()
    assert model is not None
    both = _score(model, _event("USA", "CHN", 0.7))
    none = _score(model, _event(None, None, 0.42))
    one = _score(model, _event("USA", None, 0.42))
    assert both > none and one > none
    assert 0.0 <= none < both <= 1.0


def test_question_lowers_the_score() -> None:
    model = load_model()
    assert model is not None
    f = features(_event("USA", "CHN", 0.7), _DocIndex(None), Counter({"accused": 1}))
    assert model.score({**f, "question": 1.0}) < model.score(f)


def test_pipeline_confidences_are_probabilities(settings: Settings) -> None:
    text = (
        "Ukraine accused Russia of shelling the nuclear power plant on Tuesday. "
        "Would France then welcome the deal? Japan and India signed a trade agreement."
    )
    pipe = Pipeline(settings)
    (res,) = list(pipe.run([RawInput(input="t", content=text)]))
    assert isinstance(res, Result) and res.events
    assert all(0.0 <= e.confidence <= 1.0 for e in res.events)
    # the model changed the coder's rule confidences
    pipe.confidence = lambda events, sdoc: events
    (raw,) = list(pipe.run([RawInput(input="t", content=text)]))
    assert isinstance(raw, Result)
    assert [e.confidence for e in raw.events] != [e.confidence for e in res.events]


def test_missing_model_keeps_rule_confidence(tmp_path: Path) -> None:
    assert load_model(str(tmp_path / "none.json")) is None
    ev = _event("USA", "CHN", 0.7)
    assert rescore([ev], None, model=Model({"prior": 5.0}))[0].confidence != 0.7
    assert rescore([], None) == []


def test_explain_lists_contributions() -> None:
    model = Model({"type=ACCUSE": -1.0, "prior": 2.0}, 0.5)
    f = {"bias": 1.0, "prior": 0.5, "type=ACCUSE": 1.0}
    assert model.explain(f, top=2) == [("prior", 1.0), ("type=ACCUSE", -1.0)]
    assert model.score(f) == pytest.approx(1 / (1 + np.exp(-0.5)))


def test_fit_logistic_recovers_signs_and_respects_bounds() -> None:
    rng = np.random.default_rng(0)
    x = rng.integers(0, 2, size=(400, 2)).astype(float)
    y = (rng.random(400) < 1 / (1 + np.exp(-(2 * x[:, 0] - 2 * x[:, 1])))).astype(float)
    w, _ = fit_logistic(x, y, l2=0.1)
    assert w[0] > 1 and w[1] < -1
    w, _ = fit_logistic(x, y, l2=0.1, signs=[0, 1])  # held non-negative
    assert w[1] == pytest.approx(0.0, abs=1e-8)


def test_calibration_measures() -> None:
    probs, right = [0.05, 0.15, 0.95, 0.95], [0, 0, 1, 0]
    rows = reliability(probs, right)
    assert [r["n"] for r in rows] == [1, 1, 2]
    assert rows[-1] == {"bin": "0.9-1.0", "n": 2, "mean_confidence": 0.95, "accuracy": 0.5}
    assert ece(probs, right) == pytest.approx((0.05 + 0.15 + 2 * 0.45) / 4)
    assert ece([], []) == 0.0


def test_headline_fills_and_lead() -> None:
    tpl = "{country_1} condemns {country_2} for treatment of migrants "
    assert headline_fills(tpl, "Chile condemns New Zealand for treatment of migrants") == [
        "Chile",
        "New Zealand",
    ]
    assert headline_fills(tpl, "Something else entirely") == []
    riots = "Riots in {city} as {country_1} votes"
    assert headline_fills(riots, "Riots in Lyon as France votes") == ["France"]
    text = "Police fired tear gas. Crowds fled the square. Shops closed.\n\nLater news."
    assert lead(text, 2) == "Police fired tear gas. Crowds fled the square."


def test_labels() -> None:
    one = ngec_label({"a": ("ACCUSE", frozenset({"USA"}))})
    assert one("a", _event("USA", "CHN", 0.7)) == 1
    assert one("a", _event("CHN", None, 0.7)) == 0
    assert one("a", _event("USA", "CHN", 0.7, "SUPPORT")) == 0
    assert one("zzz", _event("USA", "CHN", 0.7)) is None
    two = ngec_label({"a": ("ACCUSE", frozenset({"USA", "CHN"}))})
    assert two("a", _event("CHN", "USA", 0.7)) == 1
    assert two("a", _event("USA", None, 0.7)) == 0
    rec = {
        "event": "DISAPPROVE",
        "source": [{"code": "USA"}],
        "target": [{"code": "CHN"}],
    }
    gsr = gsr_label({"g": rec})
    assert gsr("g", _event("USA", "CHN", 0.7)) == 1
    assert gsr("g", _event("USA", "RUS", 0.7)) == 0


TEXTS = [
    ("Germany condemned Iran for the executions of protesters.", "ACCUSE"),
    ("France accused Russia of war crimes in Bucha.", "ACCUSE"),
    ("Japan and Australia signed a defence cooperation agreement.", "AGREE"),
    ("Egypt hosted talks between Israel and Hamas on a truce.", "CONSULT"),
    ("Russian forces shelled the Ukrainian city of Kharkiv overnight.", "ASSAULT"),
    ("China criticised the United States over its Taiwan arms sales.", "ACCUSE"),
]


def test_tiny_training_run_is_deterministic(settings: Settings) -> None:
    raws = [RawInput(input=f"t{i}", content=t) for i, (t, _) in enumerate(TEXTS)]
    gold = {f"t{i}": ptype for i, (_, ptype) in enumerate(TEXTS)}

    def label(rid: str, ev: Event) -> int:
        return int(ev.plover.type == gold[rid])

    rows, labels, ids = collect(raws, label, settings)
    assert rows and len(rows) == len(labels) == len(ids)
    assert 0 < sum(labels) < len(labels), labels
    m1, s1 = train(rows, labels, holdout=0.0, seed=1)
    m2, _ = train(rows, labels, holdout=0.0, seed=1)
    assert m1.to_json() == m2.to_json()
    assert s1["n"] == len(rows)
    scores = [m1.score(f) for f in rows]
    assert all(0.0 <= p <= 1.0 for p in scores)
    # the fit separates its own training labels on average
    pos = [p for p, y in zip(scores, labels, strict=True) if y]
    neg = [p for p, y in zip(scores, labels, strict=True) if not y]
    assert sum(pos) / len(pos) > sum(neg) / len(neg)
