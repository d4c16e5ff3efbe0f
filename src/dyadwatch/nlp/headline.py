"""Title-case headlines parse badly with the small model ("China Condemns US Arms Sale" reads
as one name, "Police Threaten Protesters" has no verb). A title-case headline is parsed in a
copy where its event words (the verbs and nouns that code events) and function words are
lower case: the copy has the same length,
so every offset still points into the original title."""

from __future__ import annotations

import re
from collections.abc import Collection

from spacy.lang.en.stop_words import STOP_WORDS

WORD = re.compile(r"\b[A-Z][a-z]+\b")
SUFFIXES: tuple[tuple[str, str], ...] = (("ies", "y"), ("es", ""), ("es", "e"), ("s", ""))
SUFFIXES += (("ed", ""), ("ed", "e"), ("d", ""), ("ing", ""), ("ing", "e"))


def title_case(text: str) -> bool:
    """Most words after the first start with a capital ('Russia Expels Two Diplomats')."""
    words = [w for w in text.split()[1:] if w[:1].isalpha() and len(w) > 3]
    return len(words) >= 2 and sum(w[0].isupper() for w in words) >= 0.6 * len(words)


def _known(word: str, words: Collection[str]) -> bool:
    low = word.lower()
    if low in STOP_WORDS or low in words:
        return True
    return any(low.endswith(a) and low[: -len(a)] + b in words for a, b in SUFFIXES)


def sentence_case(text: str, words: Collection[str], names: Collection[str]) -> str:
    """Lower-case the event words and function words of a title-case headline (not a word
    after a first name: 'Samantha Power') and straighten its apostrophes; any other text
    comes back unchanged."""
    if not title_case(text):
        return text
    out = list(text.replace("\u2019", "'"))  # "Biden’s Call": a curly possessive misparses
    prev = ""
    for m in WORD.finditer(text):
        word = m.group()
        if _known(word, words) and prev.lower() not in names:
            out[m.start()] = word[0].lower()
        prev = word
    return "".join(out)
