"""No evaluation gold quoted in src/ or tests/ (scripts/check_gold_leak.py; needs ../shared)."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def checker() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "check_gold_leak", ROOT / "scripts" / "check_gold_leak.py"
    )
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_runs_of_words_are_found_across_lines_and_punctuation(tmp_path: Path) -> None:
    mod = checker()
    index = mod.gold_index(
        [("g-0001", "The envoys of Chile met in Lima, on Monday.", True)], 5, set()
    )
    code = tmp_path / "x.py"
    code.write_text('"""As in "the envoys\n    of CHILE met" in Lima."""\n', encoding="utf-8")
    assert [hit[:2] for hit in mod.scan_file(code, index, 5)] == [(1, "g-0001")]
    code.write_text('"""The envoys of Peru met in Lima."""\n', encoding="utf-8")
    assert list(mod.scan_file(code, index, 5)) == []


@pytest.mark.skipif(not (SHARED / "eval").is_dir(), reason="../shared gold files not present")
def test_no_gold_text_is_quoted_in_src_or_tests() -> None:
    leaks = checker().find_leaks(SHARED, [ROOT / "src", ROOT / "tests"])
    assert not leaks, "\n".join(leaks)


@pytest.mark.skipif(not (SHARED / "eval").is_dir(), reason="../shared gold files not present")
def test_our_own_gold_shares_no_sentence_with_evaluation_gold() -> None:
    mod = checker()
    leaks = mod.find_leaks(SHARED, [mod.OWN_GOLD], n=mod.OWN_GOLD_N)
    assert not leaks, "\n".join(leaks)
