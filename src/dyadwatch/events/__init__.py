"""Events stage. STUB - to be completed by the events owner."""

from __future__ import annotations

from typing import Any

from ..records import Document, Event, Mention
from ..registry import registry
from ..settings import Settings


class StubCoder:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def __call__(self, doc: Document, sdoc: Any, mentions: list[Mention]) -> list[Event]:
        return []


@registry.register("dyadwatch.events.v1")
def make_coder(settings: Settings) -> StubCoder:
    return StubCoder(settings)
