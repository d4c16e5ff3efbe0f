"""Actors stage: countries, capitals/metonyms, IGOs, role nouns and dated people.

Registered as ``dyadwatch.actors.v1``. Dictionaries live in ``dyadwatch/data/actors``
(see its README); ``[actors] user_dictionary`` adds or overrides people rows.
"""

from __future__ import annotations

from typing import Any

from ..records import Actor, Document, Mention
from ..registry import registry
from ..settings import Settings
from .lexicon import ActorDictionaryError, Lexicon, load_lexicon
from .phrase import Explanation, explain_phrase
from .resolver import analyse_phrase, document_mentions

__all__ = ["ActorDictionaryError", "DictionaryResolver", "Explanation", "make_resolver"]


class DictionaryResolver:
    """Finds actor mentions; lookup tables are built once per process and cached."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._lex: Lexicon | None = None

    @property
    def lexicon(self) -> Lexicon:
        if self._lex is None:
            self._lex = load_lexicon(self.settings.user_dictionary)
        return self._lex

    def mentions(self, doc: Document, sdoc: Any) -> list[Mention]:
        return document_mentions(self.lexicon, doc, sdoc)

    def resolve_phrase(self, text: str, date: str | None = None) -> Actor | None:
        return analyse_phrase(self.lexicon, text, date)

    def explain_phrase(self, text: str, date: str | None = None) -> Explanation:
        """The row or rule that decided, the row's dates and the alternatives rejected."""
        return explain_phrase(self.lexicon, text, date)


@registry.register("dyadwatch.actors.v1")
def make_resolver(settings: Settings) -> DictionaryResolver:
    return DictionaryResolver(settings)
