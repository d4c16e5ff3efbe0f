"""Runs the stages in data-flow order and streams records out.

sources -> clean -> nlp -> actors -> events -> claims -> time
Documents stream through one nlp.pipe call, so memory stays flat whatever the corpus size.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from .events.confidence import rescore
from .records import Claim, Document, Event, Output, RawInput, Rejection
from .registry import registry
from .settings import Settings
from .stages import ActorResolver, Attributor, Cleaner, EventCoder, Parser, TimeResolver

log = logging.getLogger(__name__)


@dataclass
class Result:
    """Everything extracted from one document."""

    document: Document
    events: list[Event] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)

    def records(self) -> list[Output]:
        return [self.document, *self.claims, *self.events]


class Pipeline:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.cleaner: Cleaner = registry.get(settings.clean_impl)(settings)
        self._parser: Parser | None = None
        self.actors: ActorResolver = registry.get(settings.actors_impl)(settings)
        self.coder: EventCoder = registry.get(settings.events_impl)(settings)
        self.attributor: Attributor = registry.get(settings.claims_impl)(settings)
        self.timer: TimeResolver = registry.get(settings.time_impl)(settings)
        self.confidence: Callable[[list[Event], Any], list[Event]] = rescore

    @property
    def parser(self) -> Parser:
        if self._parser is None:  # loading spaCy is slow; only when a document needs it
            self._parser = registry.get(self.settings.nlp_impl)(self.settings)
        return self._parser

    def clean(self, raws: Iterable[RawInput | Rejection]) -> Iterator[Document | Rejection]:
        for raw in raws:
            if isinstance(raw, Rejection):
                yield raw
                continue
            try:
                yield self.cleaner(raw)
            except Exception as exc:  # one bad document must not stop the batch
                log.exception("clean failed for %s", raw.input)
                yield Rejection(input=raw.input, reason="pipeline_error", detail=f"clean: {exc!r}")

    def analyse(self, doc: Document, sdoc: Any) -> Result:
        mentions = self.actors.mentions(doc, sdoc)
        events = self.coder(doc, sdoc, mentions)
        claims, events = self.attributor(doc, sdoc, mentions, events)
        events, claims = self.timer(doc, sdoc, events, claims)
        events = self.confidence(events, sdoc)  # learned, calibrated (events/confidence.py)
        return Result(doc, events, claims)

    def run(self, raws: Iterable[RawInput | Rejection]) -> Iterator[Result | Rejection]:
        """Yield one Result per accepted document, and a Rejection for each other input."""
        for item in self._stream(raws, None):
            if not isinstance(item, Document):
                yield item

    def run_skipping(
        self, raws: Iterable[RawInput | Rejection], skip: Callable[[Document], bool]
    ) -> Iterator[Result | Rejection | Document]:
        """Like ``run``, but documents for which ``skip`` is true (e.g. already stored),
        or repeated within this run, are yielded bare, without the costly NLP stages."""
        return self._stream(raws, skip)

    def _stream(
        self, raws: Iterable[RawInput | Rejection], skip: Callable[[Document], bool] | None
    ) -> Iterator[Result | Rejection | Document]:
        # One nlp.pipe call over the whole stream: spaCy batches lazily (memory stays
        # flat) and, with n_process > 1, keeps its worker processes for the whole run.
        passed: deque[Rejection | Document] = deque()
        seen: set[str] = set()

        def texts() -> Iterator[tuple[str, Document]]:
            for item in self.clean(raws):
                if (
                    isinstance(item, Rejection)
                    or skip is not None
                    and (item.doc_id in seen or skip(item))
                ):
                    passed.append(item)
                else:
                    seen.add(item.doc_id)
                    yield item.text, item

        for sdoc, doc in self.parser.pipe(texts()):
            while passed:
                yield passed.popleft()
            yield self._analyse_safely(doc, sdoc)
        while passed:
            yield passed.popleft()

    def _analyse_safely(self, doc: Document, sdoc: Any) -> Result | Rejection:
        try:
            return self.analyse(doc, sdoc)
        except Exception as exc:  # one bad document must not stop the batch
            log.exception("analysis failed for %s", doc.input)
            return Rejection(
                input=doc.input or doc.doc_id, reason="pipeline_error", detail=repr(exc)
            )


def records(results: Iterable[Result | Rejection]) -> Iterator[Output]:
    """Flatten results into the record stream of docs/RECORDS.md: documents with
    their claims and events first, rejections (few, small) after them."""
    rejections: list[Rejection] = []
    for r in results:
        if isinstance(r, Rejection):
            rejections.append(r)
        else:
            yield from r.records()
    yield from rejections
