"""Packaged data files: settings, dictionaries, crosswalks, patterns."""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def data_path(*parts: str) -> Path:
    """Path of a packaged data file (editable in place for a source checkout)."""
    return Path(str(resources.files("dyadwatch").joinpath("data", *parts)))
