"""Clean stage. STUB - to be completed by the clean owner."""

from __future__ import annotations

from ..records import Document, RawInput, Rejection, stable_id
from ..registry import registry
from ..settings import Settings


def normalize_body(text: str) -> str:
    return " ".join(text.split())


class StubCleaner:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def __call__(self, raw: RawInput) -> Document | Rejection:
        text = raw.content.strip()
        if not text:
            return Rejection(input=raw.input, reason="empty", detail="no text")
        return Document(doc_id=stable_id(normalize_body(text)), text=text, input=raw.input,
                        published=raw.published, url=raw.url, outlet=raw.outlet, language="en")


@registry.register("dyadwatch.clean.v1")
def make_cleaner(settings: Settings) -> StubCleaner:
    return StubCleaner(settings)
