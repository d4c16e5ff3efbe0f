"""The interfaces every stage implementation satisfies.

A registered factory takes ``Settings`` and returns an object of one of these
protocols. The pipeline only talks to stages through them.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any, Protocol

from .records import Actor, Claim, Document, Event, Mention, RawInput, Rejection, TimeExpr


class Cleaner(Protocol):
    def __call__(self, raw: RawInput) -> Document | Rejection: ...


class Parser(Protocol):
    """Wraps a spaCy pipeline; ``pipe`` keeps each context beside its parse."""

    nlp: Any

    def pipe(self, items: Iterable[tuple[str, Any]]) -> Iterator[tuple[Any, Any]]: ...


class ActorResolver(Protocol):
    def mentions(self, doc: Document, sdoc: Any) -> list[Mention]: ...

    def resolve_phrase(self, text: str, date: str | None = None) -> Actor | None: ...


class EventCoder(Protocol):
    def __call__(self, doc: Document, sdoc: Any, mentions: list[Mention]) -> list[Event]: ...


class Attributor(Protocol):
    """Finds claims; links events inside claim content and sets their status."""

    def __call__(
        self, doc: Document, sdoc: Any, mentions: list[Mention], events: list[Event]
    ) -> tuple[list[Claim], list[Event]]: ...


class TimeResolver(Protocol):
    def find(self, text: str, dct: str | None) -> list[TimeExpr]: ...

    def __call__(
        self, doc: Document, sdoc: Any, events: list[Event], claims: list[Claim]
    ) -> tuple[list[Event], list[Claim]]: ...
