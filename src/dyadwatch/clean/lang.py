"""Deterministic language identification with a guard for short texts."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

_WORD = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=1)
def _english_words() -> frozenset[str]:
    text = resources.files("dyadwatch").joinpath("data/clean/english_function_words.txt")
    lines = text.read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip() for w in lines if w.strip() and not w.startswith("#"))


_MIN_WORDS = 8
_SHORT, _SHORT_FLOOR = 25, 0.1  # under 25 words, one function word in ten is English


@dataclass(frozen=True)
class Language:
    code: str | None  # None when the text is too short to tell
    prob: float
    detail: str


def _langdetect(text: str) -> list[tuple[str, float]]:
    from langdetect import DetectorFactory, detect_langs
    from langdetect.lang_detect_exception import LangDetectException

    DetectorFactory.seed = 0  # langdetect samples randomly; fix it for stable output
    try:
        return [(x.lang, x.prob) for x in detect_langs(text)]
    except LangDetectException:
        return []


def detect_language(text: str) -> Language:
    words = _WORD.findall(text[:5000])
    if len(words) < _MIN_WORDS:
        return Language(None, 0.0, f"only {len(words)} words")
    english = sum(w.lower() in _english_words() for w in words) / len(words)
    guesses = _langdetect(text[:5000])
    # langdetect misfires on short English headlines and lists, and on a sentence of names
    # with one function word ("Australia described China's trade measures as coercion"): a
    # short text needs fewer function words to count as English
    floor = _SHORT_FLOOR if len(words) < _SHORT else 0.15
    if english >= floor:
        return Language("en", max((p for c, p in guesses if c == "en"), default=english), "en")
    if not guesses:
        return Language(None, 0.0, "langdetect found no features")
    code, prob = guesses[0]
    shown = ", ".join(f"{c}={p:.2f}" for c, p in guesses[:3])
    return Language(code, prob, shown)


def accepted(lang: Language, allowed: tuple[str, ...]) -> bool:
    """Reject only a confident guess outside ``allowed``."""
    if lang.code is None or not allowed or lang.code in allowed:
        return True
    return lang.prob < 0.8
