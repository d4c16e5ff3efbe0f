"""Claims stage. STUB - to be completed by the claims owner."""

from __future__ import annotations

from typing import Any

from ..records import Claim, Document, Event, Mention
from ..registry import registry
from ..settings import Settings


class StubAttributor:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def __call__(
        self, doc: Document, sdoc: Any, mentions: list[Mention], events: list[Event]
    ) -> tuple[list[Claim], list[Event]]:
        return [], events


@registry.register("dyadwatch.claims.v1")
def make_attributor(settings: Settings) -> StubAttributor:
    return StubAttributor(settings)
