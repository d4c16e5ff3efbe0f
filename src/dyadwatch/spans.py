"""Which spans hold a point or a span: a bucketed interval index shared by the stages.

Looking up every event against every claim was quadratic in document length (a 160k-character
text took minutes). Spans are filed under each fixed-size block of text they cover, so a
lookup reads one block; building costs the total covered length / BLOCK, i.e. linear.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Generic, TypeVar

T = TypeVar("T")
BLOCK = 1024


class SpanIndex(Generic[T]):
    def __init__(self, items: Iterable[tuple[int, int, T]]) -> None:
        self._blocks: dict[int, list[tuple[int, int, T]]] = defaultdict(list)
        for start, end, item in items:
            for blk in range(start // BLOCK, max(start, end - 1) // BLOCK + 1):
                self._blocks[blk].append((start, end, item))

    def holding(self, a: int, b: int) -> list[T]:
        """Items whose span [start, end) contains [a, b), in insertion order, each once."""
        seen: set[int] = set()
        out: list[T] = []
        for start, end, item in self._blocks.get(a // BLOCK, ()):
            if start <= a and b <= end and id(item) not in seen:
                seen.add(id(item))
                out.append(item)
        return out

    def at(self, a: int) -> list[T]:
        """Items whose span [start, end) contains the point ``a``, each once."""
        seen: set[int] = set()
        out: list[T] = []
        for start, end, item in self._blocks.get(a // BLOCK, ()):
            if start <= a < end and id(item) not in seen:
                seen.add(id(item))
                out.append(item)
        return out
