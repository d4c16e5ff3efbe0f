"""Sources stage: files, folders, JSONL and stdin to RawInput (or Rejection).

STUB - to be completed by the sources/clean owner.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from ..records import RawInput, Rejection
from ..settings import Settings


def read_inputs(paths: Iterable[str], settings: Settings) -> Iterator[RawInput | Rejection]:
    for p in paths:
        path = Path(p)
        if not path.exists():
            yield Rejection(input=p, reason="not_found", detail=f"no such file: {p}")
            continue
        text = path.read_text(encoding="utf-8")
        yield RawInput(input=p, content=text, published=settings.published, url=settings.url,
                       outlet=settings.outlet)
