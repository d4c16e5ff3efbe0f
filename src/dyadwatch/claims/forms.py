"""What kind of content a cue introduces, which decides whether its events are *claimed*.

Only a proposition can be claimed: "Kyiv said (that) Russian forces shelled the plant",
"according to X, ...", a quotation. Other contents are not assertions that something
happened:
- ``phrase``: a noun phrase the speech act is about ("welcomed the agreement", "discussed
  the invasion", "announced new sanctions", "reaffirmed its support"): the act named there
  is presupposed or is the speaker's own act, so it keeps its own status; only fact-reporting
  verbs ("reported heavy shelling", "confirmed the strike") assert their object;
- ``infinitive``: an act urged, promised or planned ("urged China to stop", "agreed to
  hold talks"): not asserted as done; its own clause gives its status (expected, ...);
- ``turn``: a transcript's speaker label ("MS. PSAKI: ..."): the speaker is not named in the
  sentence; the briefing podium is the document's own voice, like a statement's "we";
- ``echo``: "As the President said, ...": the narrator asserts the content and cites the
  speaker in agreement; likewise a cue in any subordinate clause ("when he spoke with X,
  they discussed ...", "as Putin continues ...": the main clause is the narrator's).
"""

from __future__ import annotations

from typing import Any

from ..records import Event
from .rules import Found

CLAUSE, PHRASE, INFINITIVE, TURN, ECHO = "clause", "phrase", "infinitive", "turn", "echo"
CLAUSE_DEPS = frozenset({"ccomp", "parataxis", "ROOT", "advcl", "conj", "relcl", "acl", "csubj"})


def content_form(sdoc: Any, f: Found) -> str:
    """One of clause, phrase, infinitive, turn, echo for a found attribution."""
    if f.cue.lemma == ":":
        label = [t for t in sdoc[f.source[0] : f.source[1]] if t.is_alpha] if f.source else []
        return TURN if label and all(t.text.isupper() for t in label) else CLAUSE
    verb = _cue_word(sdoc, f)
    if verb is not None and _subordinate(verb) and not _holds(f, verb):
        return ECHO
    if f.quoted or len(f.parts) > 1 or f.cue.kind in ("prep", "adverb", "hedge"):
        return CLAUSE
    root = sdoc[f.content_root]
    if _infinitive(root):
        return INFINITIVE
    if root.tag_ == "VBG" and root.dep_ in ("pcomp", "pobj", "dobj"):
        return PHRASE  # a gerund: "concern about Iran's deepening cooperation with ..."
    if root.pos_ in ("VERB", "AUX") and (
        root.dep_ in CLAUSE_DEPS
        or any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in root.children)
    ):
        return CLAUSE
    return PHRASE


PRONOUNS = frozenset({"i", "we", "he", "she", "it", "they"})


def pronoun_subjects(sdoc: Any, events: list[Event]) -> dict[str, str]:
    """Event id -> the personal pronoun that is its trigger's subject ("he had asked",
    "we welcome"), so the link can tell a speaker's own act of speech in reported content
    even when the pronoun was not resolved."""
    out: dict[str, str] = {}
    for ev in events:
        span = ev.trigger_span
        toks = sdoc.char_span(span.start, span.end, alignment_mode="expand") if span else None
        if not toks:
            continue
        subj = _subject(toks.root)
        if subj is not None and subj.lower_ in PRONOUNS:
            out[ev.event_id] = subj.lower_
    return out


def _subject(tok: Any) -> Any | None:
    for _ in range(4):
        subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None:
            return subj
        if tok.dep_ not in ("xcomp", "conj", "dobj") or tok.head == tok:
            return None
        tok = tok.head
    return None


def _cue_word(sdoc: Any, f: Found) -> Any | None:
    head = f.cue.lemma.split()[0]
    return next((sdoc[i] for i in f.cue_tokens if sdoc[i].lemma_.lower() == head), None)


SUBORDINATORS = frozenset(
    {"as", "when", "while", "after", "before", "since", "because", "although", "though", "once"}
)


def _subordinate(verb: Any) -> bool:
    """The cue verb heads an adverbial clause ("As X noted, ...", "When he spoke with ...")."""
    return verb.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in SUBORDINATORS and c.i < verb.i for c in verb.children
    )


def _holds(f: Found, verb: Any) -> bool:
    """Is the content inside the cue's own clause ("after he said that X ...")?"""
    a, b = f.content
    return verb.left_edge.idx <= a and b <= verb.right_edge.idx + len(verb.right_edge.text)


def _infinitive(root: Any) -> bool:
    if root.dep_ == "xcomp" and root.tag_ != "VBG":
        return True
    return root.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in root.children)
