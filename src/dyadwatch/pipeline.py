"""Runs the stages in data-flow order and streams records out.

sources -> clean -> nlp -> actors -> events -> claims -> time
Documents stream through one nlp.pipe call, so memory stays flat whatever the corpus size.
"""

from __future__ import annotations

import gc
import logging
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from .actors.coref import first_names
from .events.confidence import rescore
from .events.lexicon import event_words
from .events.merge import merge_mentions
from .nlp import stand_for
from .nlp.headline import sentence_case
from .records import Claim, Document, Event, Evidence, Output, RawInput, Rejection, stable_id
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
        self._headline_words: tuple[frozenset[str], frozenset[str]] | None = None

    @property
    def parser(self) -> Parser:
        if self._parser is None:  # loading spaCy is slow; only when a document needs it
            self._parser = registry.get(self.settings.nlp_impl)(self.settings)
            self._warm(self._parser)
        return self._parser

    def _warm(self, parser: Parser) -> None:
        """Load every stage's lazily built tables (dictionaries, patterns, models) with one
        small document, so that ``_stream`` can take them out of the cyclic GC's scans."""
        doc = Document(doc_id="warm-up", text=WARM_TEXT, published="2022-03-01")
        try:
            self.analyse(doc, parser.nlp(WARM_TEXT))
        except Exception:  # a stage that fails here fails (and is reported) per document later
            log.debug("warm-up analysis failed", exc_info=True)
        gc.collect()

    def clean(self, raws: Iterable[RawInput | Rejection]) -> Iterator[Document | Rejection]:
        for raw in raws:
            if isinstance(raw, Rejection):
                yield raw
                continue
            try:
                yield self.cleaner(raw)
            except Exception as exc:  # one bad document must not stop the batch
                log.exception("clean failed for %s", raw.input)
                yield Rejection(input=raw.input, reason="internal_error", detail=f"clean: {exc!r}")

    def analyse(self, doc: Document, sdoc: Any) -> Result:
        mentions = self.actors.mentions(doc, sdoc)
        events = self.coder(doc, sdoc, mentions)
        claims, events = self.attributor(doc, sdoc, mentions, events)
        events, claims = self.timer(doc, sdoc, events, claims)
        events = self.confidence(events, sdoc)  # learned, calibrated (events/confidence.py)
        floor = self.settings.event_floor
        events = [e for e in events if e.confidence >= floor]  # noise ([events] floor)
        events, claims = merge_mentions(events, claims)  # one act said twice is one event
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

        def texts() -> Iterator[tuple[str, tuple[bool, Document]]]:
            for item in self.clean(raws):
                if (
                    isinstance(item, Rejection)
                    or skip is not None
                    and (item.doc_id in seen or skip(item))
                ):
                    passed.append(item)
                elif len(item.text) > self.settings.max_chars:
                    passed.append(too_long(item, self.settings.max_chars))
                else:
                    seen.add(item.doc_id)
                    if codes_title(item):  # the title is parsed just before its body
                        yield self._title_text(item.title or ""), (True, item)
                    yield item.text, (False, item)

        parser = self.parser  # loads the model and warms the stages' tables
        # Those live for the whole run: rescanning their millions of objects at each full
        # collection of the cyclic GC cost about a fifth of the stages' CPU time.
        gc.freeze()
        try:
            yield from self._parsed(parser.pipe(texts()), passed)
        finally:
            gc.unfreeze()

    def _parsed(
        self, parses: Iterable[tuple[Any, tuple[bool, Document]]], passed: deque[Any]
    ) -> Iterator[Result | Rejection | Document]:
        title_sdoc: Any = None
        for sdoc, (is_title, doc) in parses:
            if is_title:
                title_sdoc = sdoc
                continue
            while passed:
                yield passed.popleft()
            result = self._analyse_safely(doc, sdoc)
            if title_sdoc is not None and isinstance(result, Result):
                result.events.extend(self._headline_events(doc, title_sdoc))
            title_sdoc = None
            yield result
        while passed:
            yield passed.popleft()

    def _title_text(self, title: str) -> str:
        """The headline as parsed: title case mended (nlp/headline.py), same offsets."""
        if self._headline_words is None:
            self._headline_words = (event_words(), frozenset(first_names()))
        return sentence_case(title, *self._headline_words)

    def _headline_events(self, doc: Document, sdoc: Any) -> list[Event]:
        """The title coded as its own small text: evidence offsets into the title, sentence -1."""
        head = doc.model_copy(update={"text": doc.title or "", "title": None})
        stand_for(sdoc, head.text)  # the parse may be of the title-case mend
        try:
            events = self.analyse(head, sdoc).events
        except Exception:  # a headline must not cost the document its body events
            log.exception("headline analysis failed for %s", doc.input)
            return []
        for ev in events:
            ev.headline = True
            ev.evidence = Evidence(
                sentence=-1, start=ev.evidence.start, end=ev.evidence.end, text=ev.evidence.text
            )
            for m in ev.mentions:
                m.sentence = -1
            ev.event_id = stable_id(ev.event_id, "headline")
            ev.attributed_to = []  # the title's own claims are not kept; its status is
        return events

    def _analyse_safely(self, doc: Document, sdoc: Any) -> Result | Rejection:
        try:
            return self.analyse(doc, sdoc)
        except Exception as exc:  # one bad document must not stop the batch
            log.exception("analysis failed for %s", doc.input)
            return Rejection(
                input=doc.input or doc.doc_id, reason="internal_error", detail=f"analyse: {exc!r}"
            )


def too_long(doc: Document, limit: int) -> Rejection:
    """Over the parse limit a document is refused whole: one such document must never abort
    the batch (spaCy raises E088 on it inside nlp.pipe)."""
    return Rejection(
        input=doc.input or doc.doc_id,
        reason="too_long",
        detail=f"{len(doc.text)} characters after cleaning > max_chars {limit}; split it",
    )


WARM_TEXT = (
    "Russia's foreign minister said on Tuesday that Moscow would sign a deal with Ukraine, "
    'after President Biden met NATO leaders in Brussels. "We condemn the attack," he said.'
)
HEADLINE_MAX_CHARS = 400  # longer "titles" are not headlines (and must not strain the parser)


def codes_title(doc: Document) -> bool:
    """A title is coded unless the body already carries it (a headline kept as body)."""
    if not doc.title or not doc.title.strip() or len(doc.title) > HEADLINE_MAX_CHARS:
        return False
    title = " ".join(doc.title.split()).casefold()
    return title not in " ".join(doc.text[: len(doc.title) * 4].split()).casefold()


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
