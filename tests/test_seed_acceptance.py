"""Issue #2's first acceptance case, read from ../shared/seed through the whole pipeline."""

from __future__ import annotations

from pathlib import Path

import pytest

from dyadwatch.eval import seed
from dyadwatch.settings import Settings


@pytest.fixture(scope="module")
def checks(shared_dir: Path, settings: Settings) -> dict[str, bool]:
    path = shared_dir / "seed" / "dw-2022-12-10-us-alarmed-iran-russia-ties.txt"
    return seed.score(seed.extract(path, settings))


@pytest.mark.parametrize("check", list(seed.CHECKS))
def test_seed_expectation(checks: dict[str, bool], check: str) -> None:
    assert checks[check], f"seed expectation failed: {check}"
