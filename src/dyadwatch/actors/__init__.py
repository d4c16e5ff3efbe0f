"""Actors stage. STUB - to be completed by the actors owner."""

from __future__ import annotations

from typing import Any

from ..records import Actor, Document, Mention
from ..registry import registry
from ..settings import Settings


class StubResolver:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def mentions(self, doc: Document, sdoc: Any) -> list[Mention]:
        return []

    def resolve_phrase(self, text: str, date: str | None = None) -> Actor | None:
        return None


@registry.register("dyadwatch.actors.v1")
def make_resolver(settings: Settings) -> StubResolver:
    return StubResolver(settings)
