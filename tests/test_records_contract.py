"""docs/RECORDS.md is the contract: every key it shows must exist on our records."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from dyadwatch.records import (
    Actor,
    Claim,
    Document,
    Event,
    EventMention,
    Evidence,
    Plover,
    Rejection,
    Span,
)

DOC = Path(__file__).resolve().parents[1] / "docs" / "RECORDS.md"


def _blocks() -> list[str]:
    return re.findall(r"```json\n(.*?)```", DOC.read_text(), flags=re.S)


def _keys(block: str) -> set[str]:
    return set(re.findall(r'"(\w+)":', block))


def _block_for(kind: str) -> str:
    for b in _blocks():
        if f'"kind": "{kind}"' in b:
            return b
    raise AssertionError(f"no example for {kind} in RECORDS.md")


@pytest.mark.parametrize(
    "kind,model,nested",
    [
        ("document", Document, {"text", "reason"}),
        ("event", Event, {"type", "mode", "context"}),
        ("claim", Claim, {"start", "end", "text"}),
        ("rejection", Rejection, set()),
    ],
)
def test_every_documented_key_is_a_field(kind: str, model: type, nested: set[str]) -> None:
    fields = set(model.model_fields)
    missing = _keys(_block_for(kind)) - fields - nested
    assert not missing, f"{kind} lacks documented keys {missing}"


def test_actor_and_evidence_examples_validate() -> None:
    blocks = _blocks()
    actor = json.loads(next(b for b in blocks if '"role"' in b and '"kind"' not in b))
    evidence = json.loads(next(b for b in blocks if '"sentence"' in b and '"kind"' not in b))
    assert Actor(**actor).code == "RUSGOV"
    assert Evidence(**evidence).end == 1391
    mention = json.loads(next(b for b in blocks if '"trigger_span"' in b and '"kind"' not in b))
    m = EventMention(**mention)
    assert m.trigger_span is not None and m.status == "claimed"


def test_absent_values_are_null_not_missing() -> None:
    ev = Event(
        event_id="e",
        doc_id="d",
        source=None,
        target=None,
        plover=Plover(type="AID"),
        trigger="aid",
        evidence=Evidence(sentence=0, start=0, end=3, text="aid"),
    )
    out = json.loads(json.dumps(ev.to_json_dict()))
    for key in ("source", "target", "cameo", "goldstein", "date", "date_basis"):
        assert key in out and out[key] is None
    claim = Claim(
        claim_id="c",
        doc_id="d",
        speaker=None,
        cue="said",
        stance="assert",
        content=Span(start=0, end=1, text="x"),
        evidence=Evidence(sentence=0, start=0, end=1, text="x"),
    )
    assert claim.to_json_dict()["speaker"] is None


def test_bad_enum_values_are_rejected() -> None:
    with pytest.raises(ValueError):
        Plover(type="FIGHT")  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        Rejection(input="x", reason="empty", detail="d", extra_key=1)  # type: ignore[call-arg]
