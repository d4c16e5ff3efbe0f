"""Time stage. STUB - to be completed by the time owner."""

from __future__ import annotations

from typing import Any

from ..records import Claim, Document, Event, TimeExpr
from ..registry import registry
from ..settings import Settings


class StubTimer:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def find(self, text: str, dct: str | None) -> list[TimeExpr]:
        return []

    def __call__(
        self, doc: Document, sdoc: Any, events: list[Event], claims: list[Claim]
    ) -> tuple[list[Event], list[Claim]]:
        return events, claims


@registry.register("dyadwatch.time.v1")
def make_timer(settings: Settings) -> StubTimer:
    return StubTimer(settings)
