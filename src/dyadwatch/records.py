"""Typed records passed between stages and written out (docs/RECORDS.md).

The public records (Document, Event, Claim, Rejection) are the output contract:
renaming or removing a core field is a breaking change. Absent values are
``None`` and serialise as ``null``, never as missing keys.
"""

from __future__ import annotations

import hashlib
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

PLOVER_TYPES = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "MOBILIZE",
    "SANCTION",
    "COERCE",
    "ASSAULT",
)
STATUSES = (
    "reported",
    "claimed",
    "alleged",
    "denied",
    "acknowledged",
    "expected",
    "considered",
    "hypothetical",
    "negated",
)
STANCES = ("assert", "support", "deny", "reject", "acknowledge", "accuse", "warn")
DATE_BASES = ("explicit", "relative", "publication")

PloverType = Literal[
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "MOBILIZE",
    "SANCTION",
    "COERCE",
    "ASSAULT",
]
Status = Literal[
    "reported",
    "claimed",
    "alleged",
    "denied",
    "acknowledged",
    "expected",
    "considered",
    "hypothetical",
    "negated",
]
Stance = Literal["assert", "support", "deny", "reject", "acknowledge", "accuse", "warn"]
DateBasis = Literal["explicit", "relative", "publication"]
Precision = Literal["day", "month", "year"]


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=False)

    def to_json_dict(self) -> dict[str, Any]:
        return self.model_dump(mode="json")


def stable_id(*parts: object, length: int = 16) -> str:
    """Deterministic id from content, so re-runs give the same ids."""
    h = hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8"))
    return h.hexdigest()[:length]


# --- common pieces -----------------------------------------------------------


class Actor(Record):
    text: str
    name: str | None = None
    country: str | None = None
    sector: str | None = None
    code: str | None = None
    role: str | None = None
    # extras
    kind: Literal["state", "person", "igo", "group", "unknown"] = "unknown"
    start: int | None = None
    end: int | None = None
    entry: str | None = None  # dictionary entry used, e.g. "phoenix:JOHN_KIRBY"
    resolved_by: str | None = None  # dictionary | appositive | title | alias | pronoun


class Evidence(Record):
    sentence: int
    start: int
    end: int
    text: str


class Span(Record):
    start: int
    end: int
    text: str


class EventMention(Evidence):
    """One place in the document asserting an event (Event.mentions): the Evidence keys,
    plus that mention's trigger, status and confidence, which may differ between mentions."""

    trigger_span: Span | None = None
    status: Status | None = None
    confidence: float | None = None


class Removed(Record):
    text: str
    reason: str
    line: int | None = None


class Plover(Record):
    type: PloverType
    mode: str | None = None
    context: list[str] = Field(default_factory=list)


# --- public records ------------------------------------------------------------


class Document(Record):
    kind: Literal["document"] = "document"
    doc_id: str
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    published: str | None = None
    byline: list[str] = Field(default_factory=list)
    agencies: list[str] = Field(default_factory=list)
    language: str | None = None
    text: str
    removed: list[Removed] = Field(default_factory=list)
    # extras
    input: str | None = None
    encoding: str | None = None
    published_basis: str | None = None  # given | text | url | metadata | dateline | none
    source_id: str | None = None
    dateline: str | None = None  # "KYIV, March 14 (AP)", removed from the body start
    dateline_place: str | None = None  # "KYIV", as written


class Event(Record):
    kind: Literal["event"] = "event"
    event_id: str
    doc_id: str
    source: Actor | None
    target: Actor | None
    plover: Plover
    cameo: str | None = None
    goldstein: float | None = None
    date: str | None = None
    date_basis: DateBasis | None = None
    status: Status = "reported"
    attributed_to: list[str] = Field(default_factory=list)
    trigger: str
    evidence: Evidence
    confidence: float = 0.5
    # extras
    weapons: list[str] = Field(default_factory=list)
    date_precision: Precision | None = None
    date_text: str | None = None
    trigger_span: Span | None = None
    symmetric: bool = False
    # every mention of this one event in the document, the primary (= evidence) first;
    # [] only in records written before mentions were merged (count those as one mention)
    mentions: list[EventMention] = Field(default_factory=list)
    # coded from Document.title: evidence offsets are into the title, evidence.sentence is -1
    headline: bool = False
    # a historical reference ("under the 1951 treaty", "since the 2014 annexation"): keeps its
    # own date but is background, not a new event (set by the time stage; docs/RECORDS.md)
    background: bool = False


class Claim(Record):
    kind: Literal["claim"] = "claim"
    claim_id: str
    doc_id: str
    speaker: Actor | None
    cue: str
    stance: Stance
    content: Span
    quoted: bool = False
    date: str | None = None
    date_basis: DateBasis | None = None
    events: list[str] = Field(default_factory=list)
    evidence: Evidence
    # extras
    about_claims: list[str] = Field(default_factory=list)
    cue_span: Span | None = None
    # the content's pieces when the cue splits it ('"A," he said. "B."'); [] when one piece
    content_parts: list[Span] = Field(default_factory=list)
    date_precision: Precision | None = None
    date_text: str | None = None


class Rejection(Record):
    kind: Literal["rejection"] = "rejection"
    input: str
    reason: str
    detail: str


REJECTION_REASONS = (
    "empty",
    "binary",
    "not_utf8",  # used only when no fallback decoding worked
    "too_large",
    "no_body",
    "malformed_jsonl",
    "missing_field",
    "not_english",
    "not_found",
    "unreadable",
    "unsupported",
    "pipeline_error",  # kept for stores written before internal_error
    "internal_error",  # a stage raised on this document; detail names the stage
    "too_long",  # cleaned body over max_chars (spaCy's parse limit)
    "corrupt_compressed",
    "symlink_loop",
    "no_words",
    "wrong_type",
)


# --- internal records between stages ---------------------------------------------


class RawInput(BaseModel):
    """One article as read by a source, before cleaning."""

    model_config = ConfigDict(extra="forbid")

    input: str  # path, path:line or "-"
    content: str  # decoded text (HTML or plain)
    format: Literal["text", "html"] = "text"
    encoding: str = "utf-8"
    url: str | None = None
    title: str | None = None
    published: str | None = None
    outlet: str | None = None
    source_id: str | None = None
    notes: list[str] = Field(default_factory=list)  # e.g. fallback decoding used


class TimeExpr(BaseModel):
    """A time expression found in text and resolved against a reference date."""

    model_config = ConfigDict(extra="forbid")

    start: int
    end: int
    text: str
    value: str | None  # "2022-12-09", "2022-12", "2023", or None if unresolvable
    type: Literal["DATE", "TIME", "DURATION", "SET"] = "DATE"
    precision: Precision | None = None
    basis: DateBasis | None = None  # explicit | relative


class Mention(BaseModel):
    """An actor mention found in a parsed document (actors stage output)."""

    model_config = ConfigDict(extra="forbid")

    start: int  # char offsets into Document.text
    end: int
    token_start: int  # spaCy token indices [token_start, token_end)
    token_end: int
    head: int  # token index of the mention's syntactic head
    sentence: int
    actor: Actor


Output = Document | Event | Claim | Rejection
