"""Questions assert no event: the coder skips a sentence that asks ("Would the President
welcome ...?", "I wonder whether ...", a briefing question run into the next speaker's label)."""

from __future__ import annotations

from itertools import islice
from typing import Any

from .frames import WH_WORDS, asks_question

QUESTION_AUX = frozenset(
    [
        "do",
        "does",
        "did",
        "can",
        "could",
        "will",
        "would",
        "shall",
        "should",
        "may",
        "might",
        "must",
        "is",
        "are",
        "was",
        "were",
        "has",
        "have",
        "had",
    ]
)


def interrogative(sent: Any) -> bool:
    """A question asserts no event: it ends in '?', or its main verb has the auxiliary
    before the subject ("Would the President welcome ...", "Can you say whether ...")."""
    words = [t for t in sent if not t.is_space]
    if not words:
        return False
    last = next((t for t in reversed(words) if t.text not in ('"', "'", "\u201d", ")")), words[-1])
    if last.text == "?" or _question_before_speaker(words):
        return True
    root = sent.root
    if _own_inquiry(root):
        return True
    # only the first two words after an opening 'So, first of all,' matter
    lead = list(islice((t for t in words if not _adverbial_lead(t, root)), 2))
    if not lead:
        return False
    first = lead[0]
    if first.lower_ in WH_WORDS and first.i < root.i and len(lead) > 1:
        first = lead[1]
    subj = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass", "expl")]
    return bool(
        subj
        and first.lower_ in QUESTION_AUX
        and first.head.i == root.i
        and first.dep_ in ("aux", "auxpass", "ROOT")
        and first.i < subj[0].i
    )


def _question_before_speaker(words: list[Any]) -> bool:
    """'... more sanctions on the regime?  MR. KIRBY': a briefing's next speaker label run into
    the question's sentence; the question still ends at its '?'."""
    marks = [k for k, t in enumerate(words) if t.text == "?"]
    if not marks:
        return False
    tail = [t.text for t in words[marks[-1] + 1 :]]
    return bool(tail) and all(w.isupper() or not w.isalnum() or w in SPEAKER_TITLES for w in tail)


SPEAKER_TITLES = frozenset({"Mr", "Ms", "Mrs", "Dr"})


def _own_inquiry(root: Any) -> bool:
    """'I want to ask how much ...', 'I wonder whether ...': the speaker's own question."""
    verbs = [root, *(c for c in root.children if c.dep_ == "xcomp")]
    asking = [v for v in verbs if v.lemma_.lower() in ("ask", "wonder") and asks_question(v)]
    subj = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")]
    return bool(asking) and bool(subj) and subj[0].lower_ in ("i", "we")


LEAD_DEPS = frozenset({"cc", "advmod", "intj", "punct", "prep", "npadvmod", "discourse"})


def _adverbial_lead(tok: Any, root: Any) -> bool:
    """Part of an opening 'So, first of all,' / 'And then,' before the clause proper."""
    cur = tok
    while cur.head.i != root.i and cur.head.i != cur.i:
        cur = cur.head
    return cur.i != root.i and cur.dep_ in LEAD_DEPS and tok.i < root.i
