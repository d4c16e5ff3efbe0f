"""One place that turns CLI options into a Settings object (cf. trafilatura's args_to_extractor)."""

from __future__ import annotations

from typing import Any

from ..settings import Settings, load_settings


def args_to_settings(config: str | None = None, **options: Any) -> Settings:
    """Packaged defaults < settings file < explicit CLI options (None = not given)."""
    return load_settings(config).with_overrides(**options)
