"""Time stage: find time expressions and date every event and claim by its own clause.

``find`` is rule-based (``rules.py``, ``relative.py``) with named anchors from
``data/time/anchors.tsv``; ``__call__`` assigns dates (``assign.py``).
"""

from __future__ import annotations

import logging
from typing import Any, Literal

from ..records import Claim, DateBasis, Document, Event, TimeExpr
from ..registry import registry
from ..settings import Settings
from .anchors import AnchorTable, load_anchors
from .assign import assign_dates
from .dates import parse_dct, to_record
from .finder import find_timex
from .rules import Timex

__all__ = ["RuleTimer", "Timex", "find_timex", "make_timer", "reference_date"]
log = logging.getLogger(__name__)


class RuleTimer:
    """Regex/lexicon time expression finder and clause-level date assigner."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        user = settings.time_anchors or settings.extra.get("time_anchors")
        self.anchors: AnchorTable = load_anchors(user)

    def find_timeml(self, text: str, dct: str | None) -> list[Timex]:
        """Expressions with TimeML values ("2022-W48", "PRESENT_REF"), as TimeBank scores them."""
        found = find_timex(text, dct)
        anchors = [
            a for a in self.anchors.find(text, dct) if not any(_overlap(a, t) for t in found)
        ]
        return sorted(found + anchors, key=lambda t: t.start)

    def find(self, text: str, dct: str | None) -> list[TimeExpr]:
        return self._records(self.find_timeml(text, dct), dct)

    def _records(self, found: list[Timex], dct: str | None) -> list[TimeExpr]:
        ref = parse_dct(dct)
        out = []
        for t in found:
            value, precision = to_record(t.value, ref)
            basis: DateBasis | None = "explicit" if t.basis == "explicit" else "relative"
            kind: Literal["DATE", "TIME"] = "TIME" if t.type == "TIME" else "DATE"
            out.append(
                TimeExpr(
                    start=t.start,
                    end=t.end,
                    text=t.text,
                    value=value,
                    type=kind,
                    precision=precision,
                    basis=basis,
                )
            )
        return out

    def __call__(
        self, doc: Document, sdoc: Any, events: list[Event], claims: list[Claim]
    ) -> tuple[list[Event], list[Claim]]:
        dct = reference_date(doc)
        exprs = self.find(doc.text, dct) if doc.text else []
        named = self._records(self.anchors.named_events(doc.text, dct), dct)
        return assign_dates(doc.text, dct, sdoc, events, claims, exprs, named)


def _overlap(a: Timex, b: Timex) -> bool:
    return a.start < b.end and b.start < a.end


def reference_date(doc: Document) -> str | None:
    """The publication day as "YYYY-MM-DD", or None when absent or not a full date."""
    try:
        ref = parse_dct(doc.published)
    except ValueError:
        log.warning(
            "%s: published %r is not a full date; relative times stay unresolved",
            doc.doc_id,
            doc.published,
        )
        return None
    return ref.isoformat() if ref else None


@registry.register("dyadwatch.time.v1")
def make_timer(settings: Settings) -> RuleTimer:
    return RuleTimer(settings)
