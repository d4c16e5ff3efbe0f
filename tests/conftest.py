"""Shared fixtures. Tests are offline; those needing ../shared skip only when it is absent."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from dyadwatch.settings import Settings, load_settings

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed" / "dw-2022-12-10-us-alarmed-iran-russia-ties.txt"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"../shared not found at {SHARED}; gold and seed checks need it")
    return SHARED


@pytest.fixture(scope="session")
def settings() -> Settings:
    return load_settings()


@pytest.fixture(scope="session")
def nlp(settings: Settings) -> Any:
    from dyadwatch.nlp import load_model

    return load_model(settings.model, settings.use_blis)


@pytest.fixture(scope="session")
def pipe(settings: Settings) -> Any:
    """One whole pipeline for the tests that run texts through every stage."""
    from dyadwatch.pipeline import Pipeline

    return Pipeline(settings)


@pytest.fixture(scope="session")
def stages(settings: Settings) -> tuple[Any, Any]:
    """The actor resolver and the event coder, for tests that skip the other stages."""
    from dyadwatch.actors import make_resolver
    from dyadwatch.events import PloverCoder

    return make_resolver(settings), PloverCoder(settings)
