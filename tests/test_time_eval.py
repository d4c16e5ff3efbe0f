"""TimeBank suite: TimeML reading, TempEval-3 style scoring, and the full dev-set goal (slow)."""

from __future__ import annotations

from pathlib import Path

import pytest

from dyadwatch.eval.time import Pred, TmlDoc, read_tml, run, score_doc, tml_files
from dyadwatch.settings import Settings

TML = """<?xml version="1.0" ?>
<TimeML><DOCID>X</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08"
 functionInDocument="CREATION_TIME">19980108</TIMEX3></DCT>
<TEXT>
Sales &amp; profit <EVENT eid="e1">fell</EVENT> <TIMEX3 tid="t1" type="DATE"
 value="1998-01-07">yesterday</TIMEX3> for <TIMEX3 tid="t2" type="DURATION"
 value="P1W">a week</TIMEX3> at <TIMEX3 tid="t3" type="TIME"
 value="1998-01-07T15:00">3 p.m.</TIMEX3>
</TEXT></TimeML>
"""


def timebank(shared_dir: Path) -> Path:
    path = shared_dir / "eval" / "timebank" / "TBAQ-cleaned"
    if not path.is_dir():
        pytest.skip(f"TimeBank not found at {path}")
    return path


def test_read_tml_offsets_and_dct(tmp_path: Path) -> None:
    p = tmp_path / "x.tml"
    p.write_text(TML, encoding="utf-8")
    doc = read_tml(p)
    assert doc.dct == "1998-01-08"
    assert [(g.text, g.type) for g in doc.timexes] == [
        ("yesterday", "DATE"),
        ("a week", "DURATION"),
        ("3 p.m.", "TIME"),
    ]
    assert all(doc.text[g.start : g.end] == g.text for g in doc.timexes)
    assert "Sales & profit" in doc.text


def test_scoring_counts_strict_relaxed_and_value() -> None:
    text = "profit fell yesterday for a week at 3 p.m."
    gold = read_tml_like(text)
    preds = [
        Pred(12, 21, "yesterday", "1998-01-07"),  # strict, right value
        Pred(26, 32, "a week", "1998-W01"),  # overlaps a DURATION: not scored
        Pred(33, 42, "at 3 p.m.", "1998-01-08"),  # relaxed only, wrong day
    ]
    from collections import Counter

    counts: Counter[str] = Counter()
    errors: list[dict[str, object]] = []
    score_doc(gold, preds, counts, errors)
    assert counts == Counter(
        {"gold": 2, "pred": 2, "relaxed": 2, "strict": 1, "value": 1, "ignored_other_type": 1}
    )
    assert [e["kind"] for e in errors] == ["value"]


def read_tml_like(text: str) -> TmlDoc:
    from dyadwatch.eval.time import Gold

    return TmlDoc(
        "t",
        "1998-01-08",
        text,
        [
            Gold(12, 21, "yesterday", "DATE", "1998-01-07"),
            Gold(26, 32, "a week", "DURATION", "P1W"),
            Gold(36, 42, "3 p.m.", "TIME", "1998-01-07T15:00"),
        ],
    )


def test_suite_on_a_few_files(shared_dir: Path) -> None:
    result = run(timebank(shared_dir), Settings(), sample=10)
    assert result.suite == "time" and result.n > 10
    assert set(result.metrics) == {"value_f1", "strict_f1", "relaxed_f1"}
    assert all(0.0 <= v <= 1.0 for v in result.metrics.values())
    assert result.metrics["relaxed_f1"] >= result.metrics["strict_f1"]
    assert result.metrics["value_f1"] > 0.5


def test_duplicate_file_names_read_once(shared_dir: Path) -> None:
    files = tml_files(timebank(shared_dir))
    assert len({f.name for f in files}) == len(files)


@pytest.mark.slow
def test_full_timebank_reaches_goal(shared_dir: Path) -> None:
    result = run(timebank(shared_dir), Settings())
    assert result.metrics["value_f1"] >= 0.80
    assert result.metrics["relaxed_f1"] >= 0.90
