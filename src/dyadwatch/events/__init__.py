"""Events stage: PLOVER-coded dyadic events from verb and noun patterns (docs/events.md)."""

from __future__ import annotations

from ..registry import registry
from ..settings import Settings
from .coder import PloverCoder


@registry.register("dyadwatch.events.v1")
def make_coder(settings: Settings) -> PloverCoder:
    return PloverCoder(settings)


__all__ = ["PloverCoder", "make_coder"]
