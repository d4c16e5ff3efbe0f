"""The outlet's own voice: in a White House statement or briefing, "we", "our" and "I" are
the US government, and an unnamed "the President" or "the Administration" is the US one.

Documents whose outlet or URL is the White House get this; in a group's statement that the
White House publishes ("G7 Leaders' Statement"), "we" is the group (an IGO), not the US. A
document with no outlet and no URL (a pasted statement, a snippet) gets it from its text:
first-person words outside quotation marks in a text that names the US government ("the
United States", "President Biden", "Secretary Blinken") or that uses the White House's own
unnamed roles ("the President", "the Administration"). A named outlet that is not the White
House keeps first person unresolved (the claims stage names the quoted speaker instead).
Reporters' questions in briefings ("Q ...") speak for no government and are skipped.
"""

from __future__ import annotations

import re
from typing import Any

from ..records import Actor, Document, Mention
from .tokens import Tok, make_mention

FIRST_PERSON = frozenset({"we", "us", "our", "ours", "ourselves", "i", "me", "my"})
WHITE_HOUSE = re.compile(r"white\s*house|whitehouse\.gov", re.IGNORECASE)
# roles that, unnamed, are the outlet's own in a White House text
# what "our" may own and still be the state itself ("attacks on our troops"); any other
# possessed noun ("our allies", "our border", "our cooperation") is the real counterpart
OWN_STATE = frozenset(
    [
        "country",
        "nation",
        "troops",
        "forces",
        "military",
        "soldiers",
        "servicemembers",
        "personnel",
        "embassy",
        "embassies",
        "diplomats",
        "citizens",
        "nationals",
        "people",
        "government",
        "officials",
        "navy",
        "army",
        "territory",
        "homeland",
        "ships",
        "vessels",
        "bases",
        "sailors",
        "marines",
        "aircraft",
        "interests",
    ]
)
OWN_ROLES = frozenset(
    {"president", "vice president", "administration", "first lady", "white house"}
    | {"national security advisor", "national security adviser", "press secretary"}
)


def outlet_voice(doc: Document) -> Actor | None:
    """The government a document speaks for, from its outlet or URL (None if unknown)."""
    where = f"{doc.outlet or ''} {doc.url or ''}"
    if WHITE_HOUSE.search(where):
        return Actor(
            text="",
            name="United States",
            country="USA",
            sector="GOV",
            code="USAGOV",
            kind="state",
            resolved_by="outlet",
        )
    return None


# a group's statement published by the White House: its "we" is the group, not the US
GROUP_STATEMENT = re.compile(
    r"\b(G7|G-7|G20|G-20|Quad)\b[^\n]*\b(Statement|Declaration|Communiqu)", re.IGNORECASE
)


def statement_voice(doc: Document, own: Actor | None) -> Actor | None:
    """The group whose statement a White House page (``own``) is ("G7 Leaders' Statement")."""
    hit = GROUP_STATEMENT.search(doc.title or "")
    if hit is None or own is None:
        return None
    name = {"g-7": "G7", "g-20": "G20"}.get(hit.group(1).lower(), hit.group(1))
    code = "GOS" if name.upper() == "G7" else "IGO"  # the G7's own body code (igos.tsv)
    return Actor(text="", name=name, code=code, kind="igo", resolved_by="outlet")


QUOTES = re.compile(r'["\u201c\u201d]')
SELF_ROLE = re.compile(
    r"\b(?:the|The) (?:President|Vice President|Administration|First Lady|White House)\b"
    r"(?! of\b)|\b[Mm]y Administration\b"  # the President's own statements
)


def text_voice(doc: Document, mentions: list[Mention], toks: list[Tok]) -> Actor | None:
    """The US government's voice read off a text with no outlet, outside quotation marks:
    the White House's own unnamed roles in its house style ("The President", "the Vice
    President", capitalised, with no name; news style writes "the president"), or first
    person beside a named US government actor."""
    if doc.outlet or doc.url:
        return None  # an outlet that is not the White House speaks with its own voice
    quoted = _quoted(doc.text)
    first = any(t.norm in FIRST_PERSON and t.text != "US" and not quoted(t.idx) for t in toks)
    role = any(not quoted(x.start()) for x in SELF_ROLE.finditer(doc.text))
    us = any(
        m.actor.country == "USA"
        and m.actor.resolved_by not in ("outlet", "coreference", "pronoun", "context")
        and not quoted(m.start)
        for m in mentions
    )
    if not (role or (first and us)):
        return None
    return outlet_voice(Document(doc_id="", text="", outlet="White House"))


def _quoted(text: str) -> Any:
    """Is a character offset inside quotation marks (straight or curly)?"""
    marks = [(m.start(), m.group()) for m in QUOTES.finditer(text)]

    def inside(pos: int) -> bool:
        depth = 0
        for at, ch in marks:
            if at >= pos:
                break
            depth = 1 if ch == "\u201c" else 0 if ch == "\u201d" else 1 - depth
        return depth == 1

    return inside


def voice_mentions(
    doc: Document, mentions: list[Mention], toks: list[Tok], sdoc: Any
) -> list[Mention]:
    """First-person mentions for the outlet's voice; unnamed own roles set to it (in place)."""
    own = outlet_voice(doc)
    voice = own or text_voice(doc, mentions, toks)
    if voice is None:
        return []
    quoted = None if own else _quoted(doc.text)
    speaker = statement_voice(doc, own) or voice  # who "we" is: a G7 statement's is the G7
    for m in mentions:
        a = m.actor
        if _unnamed_own_role(m, toks, outlet=own is not None):
            m.actor = voice.model_copy(update={"text": a.text, "role": a.role})
        elif own is not None and a.kind == "person" and a.resolved_by == "context":
            # an official the outlet names without a country ("Principal Deputy National
            # Security Advisor Jon Finer will travel to Colombia") is the outlet's own, not
            # a national of the country the story is about
            sector = a.sector or "GOV"
            m.actor = a.model_copy(
                update={"country": own.country, "code": f"{own.country}{sector}",
                        "sector": sector, "resolved_by": "outlet"}
            )  # fmt: skip
    covered = {i for m in mentions for i in range(m.token_start, m.token_end)}
    sents = [0] * len(toks)
    questions: set[int] = set()
    for k, sent in enumerate(sdoc.sents):
        for i in range(sent.start, sent.end):
            sents[i] = k
        if sent[0].text in ("Q", "Q:"):
            questions.add(k)
    out = []
    for t in toks:
        if quoted is not None and quoted(t.idx):
            continue  # a text's own voice does not speak inside quotation marks
        if t.norm in FIRST_PERSON and t.i not in covered and sents[t.i] not in questions:
            if t.norm == "us" and t.text == "US":
                continue  # the country, left to the dictionary
            role = "possessor" if _possessor_only(t, toks) else None
            actor = speaker.model_copy(update={"text": t.text, "role": role})
            out.append(make_mention(toks, sents, t.i, t.i + 1, actor))
    return out


def _possessor_only(t: Tok, toks: list[Tok]) -> bool:
    """'our' owning something other than the state's own people or forces."""
    if t.norm != "our" or t.dep != "poss" or t.head is None or not 0 <= t.head < len(toks):
        return False
    return toks[t.head].lemma.lower() not in OWN_STATE and toks[t.head].norm not in OWN_STATE


def _unnamed_own_role(m: Mention, toks: list[Tok], outlet: bool = True) -> bool:
    """'the President' with no name: with no country, or a country guessed from neighbouring
    actors (context); with the White House as outlet, also one tied to another president."""
    a = m.actor
    guessed = ("context", "coreference") if outlet else ("context",)
    if not (a.resolved_by in guessed or not a.country) or (a.role or "").lower() not in OWN_ROLES:
        return False
    words = [t.norm for t in toks[m.token_start : m.token_end] if t.norm != "the"]
    return " ".join(words) == (a.role or "").lower()


def document_voice(doc: Document, mentions: list[Mention]) -> Actor | None:
    """Who speaks where a text says nothing of who speaks: the outlet's government (a group
    for its statement), else the voice the actors stage read off the text's first person."""
    own = outlet_voice(doc)
    if own is not None:
        return statement_voice(doc, own) or own
    for m in mentions:
        if m.actor.resolved_by == "outlet" and m.actor.text.lower() in FIRST_PERSON:
            return m.actor.model_copy(update={"text": "", "role": None})
    return None
