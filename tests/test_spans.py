from __future__ import annotations

import random

from dyadwatch.spans import BLOCK, SpanIndex


def test_span_index_agrees_with_a_scan() -> None:
    rng = random.Random(3)
    spans = []
    for i in range(300):
        s = rng.randrange(0, 20 * BLOCK)
        spans.append((s, s + rng.choice([0, 1, 5, 80, BLOCK, 3 * BLOCK + 7]), f"c{i}"))
    idx = SpanIndex(spans)
    for _ in range(500):
        a = rng.randrange(0, 21 * BLOCK)
        b = a + rng.choice([0, 3, 40, 2 * BLOCK])
        assert idx.holding(a, b) == [x for s, e, x in spans if s <= a and b <= e]
        assert idx.at(a) == [x for s, e, x in spans if s <= a < e]


def test_an_item_with_several_parts_is_listed_once() -> None:
    claim = object()
    idx = SpanIndex([(0, 50, claim), (10, 60, claim)])
    assert idx.holding(20, 30) == [claim] and idx.holding(55, 58) == [claim]
    assert idx.holding(70, 71) == []


def test_int_items_with_several_parts_are_listed_once() -> None:
    idx = SpanIndex((p, p + 10, n) for n in range(300, 1300) for p in (n * 3, n * 3 + 2))
    assert idx.holding(3 * 900 + 2, 3 * 900 + 9) == [899, 900]
