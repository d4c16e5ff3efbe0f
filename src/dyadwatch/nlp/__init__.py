"""NLP stage: spaCy parsing, batched with ``nlp.pipe``."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

from ..registry import registry
from ..settings import Settings


class ModelNotInstalled(RuntimeError):
    pass


def configure_ops(use_blis: bool) -> None:
    """Pick thinc's CPU ops. blis falls back to slow generic kernels on some CPUs."""
    from thinc.api import NumpyOps, set_current_ops

    if not use_blis:
        os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
        set_current_ops(NumpyOps(use_blis=False))


@lru_cache(maxsize=4)
def load_model(model: str, use_blis: bool = False) -> Any:
    import spacy

    configure_ops(use_blis)
    try:
        return spacy.load(model)
    except OSError as exc:
        raise ModelNotInstalled(
            f"spaCy model {model!r} is not installed. Run `make install`, or set "
            f"[nlp] model in your settings file to an installed pipeline ({exc})"
        ) from exc


_TEXT_KEY = "dyadwatch.text"


def doc_text(sdoc: Any) -> str:
    """The text of a spaCy Doc, cached on it: spaCy rebuilds ``Doc.text`` from every
    token on each access, which made per-cue lookups quadratic in document length."""
    text = sdoc.user_data.get(_TEXT_KEY)
    if text is None:
        text = sdoc.user_data[_TEXT_KEY] = sdoc.text
    return str(text)


class SpacyParser:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.nlp = load_model(settings.model, settings.use_blis)
        # The pipeline refuses longer bodies itself (reason too_long), so spaCy never raises.
        self.nlp.max_length = max(self.nlp.max_length, settings.max_chars + 1)

    def pipe(self, items: Iterable[tuple[str, Any]]) -> Iterator[tuple[Any, Any]]:
        kw: dict[str, Any] = {"batch_size": self.settings.batch_size, "as_tuples": True}
        if self.settings.n_process > 1:
            kw["n_process"] = self.settings.n_process
        yield from self.nlp.pipe(items, **kw)

    def __call__(self, text: str) -> Any:
        return self.nlp(text)


@registry.register("dyadwatch.nlp.spacy.v1")
def make_parser(settings: Settings) -> SpacyParser:
    return SpacyParser(settings)
