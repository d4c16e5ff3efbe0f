"""Nationality words the actors stage left out ("Russian jets"), for the events stage."""

from __future__ import annotations

from typing import Any

from ..actors.vocab import STANCE_PREFIXES
from ..records import Actor, Document, Mention
from ..settings import Settings


class NationalityWords:
    """NORP/GPE entities and capitalised single-word modifiers, each resolved once per run
    through the actors stage's phrase resolver (cached)."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._resolver: Any = None
        self._phrase_cache: dict[tuple[str, str | None], Actor | None] = {}

    def __call__(self, doc: Document, sdoc: Any, mentions: list[Mention]) -> list[Mention]:
        """Nationality words the actors stage left out ("Russian jets"), via resolve_phrase.

        Looks at NORP/GPE entities and at capitalised single-word modifiers (NER sometimes
        glues "Russian Sukhoi" into one ORG), each resolved once per run (cached).
        """
        covered = {i for m in mentions for i in range(m.token_start, m.token_end)}
        spans = [(e.start, e.end) for e in sdoc.ents if e.label_ in ("NORP", "GPE")]
        spans += [
            (t.i, t.i + 1)
            for t in sdoc
            if t.dep_ in ("amod", "compound", "nmod")
            and t.is_title
            and t.ent_type_ in ("NORP", "GPE", "ORG")
        ]
        extra: list[Mention] = []
        for start, end in dict.fromkeys(spans):
            if any(i in covered for i in range(start, end)) or _prefixed(sdoc, start):
                continue
            span = sdoc[start:end]
            actor = self.resolve(span.text, doc.published)
            if actor is None or not (actor.country or actor.code) or actor.kind == "person":
                continue  # a first name before a surname ("Frédéric Bernard") is nobody's nation
            covered.update(range(start, end))
            extra.append(
                Mention(
                    start=span.start_char,
                    end=span.end_char,
                    token_start=start,
                    token_end=end,
                    head=span.root.i,
                    sentence=0,  # informational only; the coder works on token positions
                    actor=actor.model_copy(update={"text": span.text}),
                )
            )
        return extra

    def resolve(self, text: str, date: str | None) -> Actor | None:
        if self._resolver is None:
            from ..registry import registry

            self._resolver = registry.get(self.settings.actors_impl)(self.settings)
        key = (text, date)
        if key not in self._phrase_cache:
            if len(self._phrase_cache) > 10_000:
                self._phrase_cache.clear()
            self._phrase_cache[key] = self._resolver.resolve_phrase(text, date)
        return self._phrase_cache[key]


def _prefixed(sdoc: Any, start: int) -> bool:
    """'Inter-American', 'pro-Russian', 'pan-African': a prefix makes no nationality (the
    actors stage's own test is grouping.Grouper._stance)."""
    return start >= 2 and sdoc[start - 1].text == "-" and sdoc[start - 2].lower_ in STANCE_PREFIXES
