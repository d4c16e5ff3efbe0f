"""The project's own WH event set: well-formed, split by its fixed rule, wired as a suite."""

from __future__ import annotations

import hashlib
import json

from dyadwatch.eval.realnews import WH_EVENTS, load_gold
from dyadwatch.eval.suites import SUITES
from dyadwatch.records import PLOVER_TYPES

TYPES = set(PLOVER_TYPES)
STATUS = {"reported", "claimed", "denied", "expected", "considered", "hypothetical", "negated"}


def _lines(half: str) -> list[dict]:
    return load_gold(WH_EVENTS / f"{half}.jsonl")


def test_each_line_is_well_formed_and_its_triggers_are_in_the_sentence() -> None:
    for half in ("tune", "check"):
        lines = _lines(half)
        assert len(lines) > 100
        for line in lines:
            assert line["published"] and line["sentence"]
            for ev in line["events"]:
                assert ev["type"] in TYPES and ev["status"] in STATUS, line["id"]
                parts = [p.strip() for p in ev["trigger"].split("...")]  # discontinuous
                assert all(p in line["sentence"] for p in parts), line["id"]


def test_halves_follow_the_fixed_rule_and_do_not_overlap() -> None:
    def rule(i: str) -> str:
        return "tune" if int(hashlib.sha1(i.encode()).hexdigest(), 16) % 2 == 0 else "check"

    ids = {h: {x["id"] for x in _lines(h)} for h in ("tune", "check")}
    assert not ids["tune"] & ids["check"]
    assert all(rule(i) == h for h, s in ids.items() for i in s)


def test_check_half_is_a_gated_suite_scored_like_realnews() -> None:
    suite = SUITES["whnews"]
    assert suite.module == "realnews" and suite.shared_path.endswith("check.jsonl")
    baseline = json.loads((WH_EVENTS.parents[4] / "eval" / "baseline.json").read_text())
    assert "tuple_f1" in baseline["suites"]["whnews"]["floors"]
