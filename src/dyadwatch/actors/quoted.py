"""First person inside a direct quotation is its speaker: in '"We condemn this attack," the
foreign minister said', "we" is the minister's side. News puts most of its acts of speech in
such quotes, and without this their source is lost (or, in a White House text, wrongly taken
to be the US government's own voice).

The speaker is the subject of a verb of saying outside the quotation, in the sentence where
the quotation ends ('..." X said', '..." said X') or, for a quotation introduced by a colon
or comma, where it begins ('X said: "..."'). Only a speaker the actor stage has already
named (a mention, a resolved pronoun) counts; an unnamed one leaves first person alone.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from typing import Any

from ..records import Mention
from .tokens import Tok, make_mention
from .voice import FIRST_PERSON

SAYING = frozenset(
    {
        "say",
        "tell",
        "add",
        "state",
        "declare",
        "insist",
        "write",
        "warn",
        "stress",
        "explain",
        "note",
        "continue",
        "conclude",
        "announce",
        "reply",
        "respond",
        "ask",
        "argue",
        "claim",
        "assert",
        "vow",
        "urge",
    }
)
OPEN_CLOSE = re.compile(r'"[^"]{3,}"|\u201c[^\u201c\u201d]{3,}\u201d')


def with_quoted_speakers(
    mentions: list[Mention], toks: list[Tok], sents: list[int], sdoc: Any
) -> list[Mention]:
    """The mentions, with first-person words inside direct quotations given to their
    speakers (replacing the outlet's own voice there)."""
    voiced = [m for m in mentions if m.actor.resolved_by != "outlet"]
    found = quote_mentions(voiced, toks, sents, sdoc)
    if not found:
        return mentions
    taken = {m.token_start for m in found}
    kept = [m for m in mentions if m.token_start not in taken]
    return sorted(kept + found, key=lambda m: (m.start, m.end))


def quote_mentions(
    mentions: list[Mention], toks: list[Tok], sents: list[int], sdoc: Any
) -> list[Mention]:
    """Mentions for first-person words inside direct quotations, each with its speaker."""
    by_token = {i: m for m in mentions for i in range(m.token_start, m.token_end)}
    starts = [t.idx for t in toks]
    out: list[Mention] = []
    for q in OPEN_CLOSE.finditer(sdoc.text):
        inside = toks[bisect_right(starts, q.start()) : bisect_left(starts, q.end() - 1)]
        speaker = _speaker(sdoc, inside, by_token) if inside else None
        if speaker is None:
            continue
        for t in inside:
            if t.norm in FIRST_PERSON and t.i not in by_token and t.text != "US":
                actor = speaker.actor.model_copy(update={"text": t.text, "resolved_by": "quote"})
                out.append(make_mention(toks, sents, t.i, t.i + 1, actor))
    return out


def _speaker(sdoc: Any, inside: list[Tok], by_token: dict[int, Mention]) -> Mention | None:
    """The named subject of a verb of saying outside the quotation, in the sentence where it
    ends or, failing that, where it begins."""
    first, last = inside[0].i, inside[-1].i
    quoted = range(first - 1, last + 2)  # the marks themselves too
    for sent in (sdoc[last].sent, sdoc[first].sent):
        for verb in sent:
            if verb.i in quoted or verb.lemma_.lower() not in SAYING or verb.pos_ != "VERB":
                continue
            for subj in (c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")):
                if subj.i in quoted:
                    continue
                for t in subj.subtree:  # "a spokesman for the Brazilian foreign ministry"
                    m = by_token.get(t.i)
                    if m is not None and (m.actor.country or m.actor.kind == "igo"):
                        return m
    return None
