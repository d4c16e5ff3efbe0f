"""Turns a source span into a speaker Actor, through the actors stage's mentions.

Pronouns are normally resolved by the actors stage (Actor.resolved_by="pronoun");
when it has no mention there, the last named person before the pronoun stands in.
Sources that are no known actor ("officials", "experts") still get an Actor,
with country None, so the claim keeps who said it.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable
from itertools import accumulate
from typing import Any

from ..nlp import doc_text
from ..records import Actor, Mention
from ..spans import SpanIndex

PERSON_PRONOUNS = {"he", "she", "him", "her"}
OTHER_PRONOUNS = {"they", "them", "it", "we", "i", "you", "who", "which", "that"}


class SpeakerFinder:
    def __init__(
        self,
        sdoc: Any,
        mentions: list[Mention],
        resolve_phrase: Callable[[str], Actor | None] | None = None,
    ) -> None:
        self.sdoc = sdoc
        self.mentions = sorted(mentions, key=lambda m: m.token_start)
        # lookups by token, by head and by end: a scan per claim was quadratic in length
        self._covering = SpanIndex((m.token_start, m.token_end, m) for m in self.mentions)
        order = sorted(range(len(self.mentions)), key=lambda i: self.mentions[i].head)
        self._heads = [self.mentions[i].head for i in order]
        self._head_order = order
        people = sorted(
            (m.token_end, i)
            for i, m in enumerate(self.mentions)
            if m.actor.kind == "person" and m.actor.resolved_by != "pronoun"
        )
        self._person_ends = [end for end, _ in people]
        self._person_last = list(accumulate((i for _, i in people), max))
        self.resolve_phrase = resolve_phrase
        self.named: list[tuple[int, Actor]] = []  # (token, speaker) of earlier named sources

    def note(self, head: int, actor: Actor) -> None:
        """Remember a named speaker, so a later 'he said' can fall back to it."""
        tok = self.sdoc[head]
        if (
            tok.pos_ == "PROPN"
            and actor.resolved_by != "pronoun"
            and actor.kind in ("person", "unknown")
        ):
            self.named.append((head, actor))

    def mention_at(self, a: int, b: int, head: int) -> Mention | None:
        """The mention whose head is the source head, else the one nearest it in [a, b)."""
        best: Mention | None = None
        for m in self._covering.at(head):
            if best is None or m.head == head:
                best = m
        if best is not None:
            return best
        lo, hi = bisect_left(self._heads, a), bisect_left(self._heads, b)
        inside = [self.mentions[i] for i in sorted(self._head_order[lo:hi])]
        return min(inside, key=lambda m: abs(m.head - head)) if inside else None

    def last_person_before(self, i: int) -> Mention | None:
        n = bisect_right(self._person_ends, i)
        return self.mentions[self._person_last[n - 1]] if n else None

    def speaker(self, a: int, b: int, head: int, antecedent: int | None) -> Actor:
        sdoc = self.sdoc
        start, end = sdoc[a].idx, sdoc[b - 1].idx + len(sdoc[b - 1].text)
        text = doc_text(sdoc)[start:end]
        where = {"text": text, "start": start, "end": end}
        look = antecedent if antecedent is not None else head
        la, lb = (sdoc[look].left_edge.i, sdoc[look].right_edge.i + 1)
        m = self.mention_at(a, b, head) if antecedent is None else self.mention_at(la, lb, look)
        if m is not None:
            return m.actor.model_copy(update=where)
        low = sdoc[head].lower_
        if low in PERSON_PRONOUNS:
            prev = self.last_person_before(head)
            cands = [(i, a) for i, a in self.named if i < head]
            if prev is not None:
                cands.append((prev.head, prev.actor))
            if cands:
                actor = max(cands, key=lambda x: x[0])[1]
                return actor.model_copy(update={**where, "resolved_by": "pronoun"})
        if low in PERSON_PRONOUNS | OTHER_PRONOUNS and antecedent is None:
            return Actor(kind="unknown", **where)
        phrase = sdoc[la:lb].text if antecedent is not None else text
        found = self.resolve_phrase(phrase) if self.resolve_phrase else None
        if found is not None:
            return found.model_copy(update=where)
        return Actor(name=phrase, kind="unknown", **where)
