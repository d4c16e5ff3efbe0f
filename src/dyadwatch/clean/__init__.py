"""Clean stage: RawInput -> Document (or Rejection).

HTML goes through trafilatura (body + metadata); plain text, and the body
trafilatura returns, go through our own line cleaner (clean/text.py), whose
patterns live in data/clean/. Every removed line is kept in Document.removed.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from ..records import Document, RawInput, Rejection, Removed, stable_id
from ..registry import registry
from ..settings import Settings
from .dates import find_date, normalise_date, url_date
from .html import extract_html
from .lang import accepted, detect_language
from .patterns import Patterns, load_patterns
from .text import TextCleaner, tidy_title

_PARTIAL = re.compile(r"\d{4}(?:-\d{2})?")

__all__ = ["Cleaner", "Extracted", "count_words", "normalize_body", "make_cleaner"]


def normalize_body(text: str) -> str:
    """Whitespace-collapsed, casefolded, NFC body: the basis of the stable doc_id."""
    return " ".join(unicodedata.normalize("NFC", text).split()).casefold()


_WORD = re.compile(r"[^\W\d_]")  # a letter, in any script


def count_words(text: str) -> int:
    """Tokens with a letter in them: "!!! ... ---" or "12 34" has no words."""
    return sum(1 for tok in text.split() if _WORD.search(tok))


@dataclass
class Extracted:
    """Body and metadata before the quality gates (language, length)."""

    text: str
    title: str | None = None
    published: str | None = None
    published_basis: str = "none"
    outlet: str | None = None
    url: str | None = None
    byline: list[str] = field(default_factory=list)
    agencies: list[str] = field(default_factory=list)
    removed: list[Removed] = field(default_factory=list)
    dateline: str | None = None
    dateline_place: str | None = None


class Cleaner:
    def __init__(self, settings: Settings, patterns: Patterns | None = None) -> None:
        self.settings = settings
        folder = settings.clean_patterns_dir or settings.extra.get("clean_patterns_dir")
        self.patterns = patterns or load_patterns(folder)
        self.text_cleaner = TextCleaner(self.patterns)

    def __call__(self, raw: RawInput) -> Document | Rejection:
        ex = self.extract(raw)
        if isinstance(ex, Rejection):
            return ex
        # min_words guards HTML extraction (a page whose body was not found); a sentence, a
        # headline or a wire snippet given as text is input however short.
        n_words = count_words(ex.text)
        if n_words == 0 and ex.text.strip():
            detail = f"{len(ex.text.split())} tokens after cleaning, none with a letter"
            return Rejection(input=raw.input, reason="no_words", detail=detail)
        floor = self.settings.min_words if raw.format == "html" else 1
        if n_words < floor:
            detail = f"{n_words} words after cleaning < min_words {floor}"
            return Rejection(input=raw.input, reason="no_body", detail=detail)
        lang = detect_language(ex.text)
        if not accepted(lang, self.settings.languages):
            return Rejection(
                input=raw.input, reason="not_english", detail=f"{lang.code}: {lang.detail}"
            )
        return Document(
            doc_id=stable_id(normalize_body(ex.text)),
            url=ex.url,
            outlet=ex.outlet,
            title=ex.title,
            published=ex.published,
            byline=ex.byline,
            agencies=ex.agencies,
            language=lang.code or "en",
            text=ex.text,
            removed=ex.removed,
            input=raw.input,
            encoding=raw.encoding,
            published_basis=ex.published_basis,
            source_id=raw.source_id,
            dateline=ex.dateline,
            dateline_place=ex.dateline_place,
        )

    def extract(self, raw: RawInput) -> Extracted | Rejection:
        if not raw.content.strip():
            return Rejection(input=raw.input, reason="empty", detail="no text")
        if raw.format == "text" and not _WORD.search(raw.content):
            detail = f"{len(raw.content.split())} tokens, none with a letter"
            return Rejection(input=raw.input, reason="no_words", detail=detail)
        # one form for one text: an NFD copy of an article is the same document
        nfc = {k: _nfc(getattr(raw, k)) for k in ("content", "title")}
        raw = raw.model_copy(update=nfc)
        if raw.format == "html":
            return self._from_html(raw)
        return self._from_text(raw, raw.content, soft_wrap="markdown" not in raw.notes)

    def _from_text(
        self,
        raw: RawInput,
        content: str,
        soft_wrap: bool,
        meta_date: str | None = None,
        guessed_date: str | None = None,
    ) -> Extracted:
        """``meta_date`` wins over a dateline in the text; ``guessed_date`` only fills a gap."""
        published = normalise_date(raw.published) or meta_date
        if published is None and raw.published and "published:given" in raw.notes:
            published = raw.published  # the user said so; keep it even if we cannot parse it
        cleaned = self.text_cleaner.clean(content, raw.title, published, soft_wrap)
        basis = _basis(raw, published, cleaned.published)
        if cleaned.published is None and guessed_date:
            cleaned.published, basis = guessed_date, "metadata"
        if cleaned.published is None and url_date(raw.url):
            cleaned.published, basis = url_date(raw.url), "url"
        dl = cleaned.dateline
        partial = cleaned.published is not None and _PARTIAL.fullmatch(cleaned.published)
        if dl is not None and (cleaned.published is None or partial):
            # the year from context: a partial publication date ("2024"), else a date in the text
            found = find_date(content)
            iso = dl.iso(cleaned.published or (found[0] if found else None))
            if iso and iso.startswith(cleaned.published or ""):
                cleaned.published, basis = iso, "dateline"
        outlet = (
            raw.outlet
            or self.patterns.outlet_for_url(raw.url)
            or self.patterns.outlet_from_text(raw.content)
        )
        return Extracted(
            text=cleaned.text,
            title=cleaned.title,
            published=cleaned.published,
            published_basis=basis,
            outlet=outlet,
            url=raw.url,
            byline=cleaned.byline,
            agencies=cleaned.agencies,
            removed=cleaned.removed,
            dateline=dl.text if dl else None,
            dateline_place=dl.place if dl else None,
        )

    def _from_html(self, raw: RawInput) -> Extracted | Rejection:
        res = extract_html(raw.content, raw.url)
        if res is None:
            return Rejection(input=raw.input, reason="no_body", detail="trafilatura found no body")
        url = raw.url or res.url
        sites = self.patterns.site_names(url, res.outlet)
        hinted = raw.model_copy(
            update={
                "title": raw.title or tidy_title(res.title, sites),
                "url": raw.url or res.url,
                "outlet": raw.outlet
                or self.patterns.outlet_for_url(raw.url or res.url)
                or res.outlet,
            }
        )
        # a date written as ISO in the page comes from markup (meta tags, JSON-LD); otherwise
        # htmldate guessed it from text, and our own dateline reading is preferred
        markup = res.published if res.published and res.published in raw.content else None
        ex = self._from_text(
            hinted, res.text, soft_wrap=False, meta_date=markup, guessed_date=res.published
        )
        if res.published and not raw.published and ex.published == res.published:
            ex.published_basis = "metadata"
        ex.byline = ex.byline or res.byline
        ex.removed = res.removed + ex.removed
        return ex


def _nfc(text: str | None) -> str | None:
    return unicodedata.normalize("NFC", text) if text and not text.isascii() else text


def _basis(raw: RawInput, given: str | None, found: str | None) -> str:
    if found is None:
        return "none"
    if given is not None and found == given:
        return "given" if "published:given" in raw.notes else "metadata"
    return "text"


@registry.register("dyadwatch.clean.v1")
def make_cleaner(settings: Settings) -> Cleaner:
    return Cleaner(settings)
