"""Direct quotes: '"Q," X said' and 'X said: "Q"', found from the quote marks.

The parse of quoted speech is often wrong (the cue hangs off the quote's verb),
so the quote itself anchors the content and the cue is looked for beside it.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Any

from ..nlp import doc_text
from .lexicon import Cue, Lexicon
from .rules import Found, _cue_tokens, _source_span, subject_of, verb_cue

STOP_TEXT = {".", "!", "?", ";"}


def _tok_range(sdoc: Any, a: int, b: int) -> tuple[int, int] | None:
    span = sdoc.char_span(a, b, alignment_mode="expand")
    return (span.start, span.end) if span is not None and len(span) else None


def _region(sdoc: Any, start: int, step: int, limit: int, quotes_at: set[int]) -> list[Any]:
    """Tokens from start going one way, up to a sentence stop, a line break or a quote."""
    out: list[Any] = []
    i = start
    while 0 <= i < len(sdoc) and len(out) < limit:
        t = sdoc[i]
        if t.text in STOP_TEXT or "\n" in t.text or i in quotes_at:
            break
        out.append(t)
        if "\n" in t.whitespace_:
            break
        i += step
    return out


def _inner_end(text: str, qa: int, qb: int) -> str:
    inner = text[qa:qb].rstrip("\"'\u201d` ")
    return inner[-1:] if inner else ""


def _quote_subject(sdoc: Any, verb: Any, region: list[Any], q: tuple[int, int]) -> Any | None:
    subj, passive = subject_of(verb)
    if passive:
        return None
    if subj is not None and not (q[0] <= subj.i < q[1]):
        return subj
    nominal = [t for t in region if t.pos_ in ("PROPN", "NOUN", "PRON") and t.i != verb.i]
    after = [t for t in nominal if t.i > verb.i]
    before = [t for t in nominal if t.i < verb.i]
    if after and (not before or after[0].i - verb.i <= 2):
        t = after[0]
        while t.head.i != t.i and t.head.i > verb.i and t.head in region and t.dep_ != "appos":
            t = t.head
        return t
    return before[-1] if before else None


def find_quotes(sdoc: Any, lex: Lexicon, quotes: list[tuple[int, int]]) -> list[Found]:
    """'"Q," X said' and 'X said: "Q"': the quote is the content, whatever the parse says."""
    text = doc_text(sdoc)
    toks = [_tok_range(sdoc, a, b) for a, b in quotes]
    quote_toks = {i for r in toks if r for i in range(*r)}
    out: list[Found] = []
    used: set[int] = set()
    for n, ((qa, qb), r) in enumerate(zip(quotes, toks, strict=True)):
        if r is None or n in used or len(text[qa:qb].split()) < 1:
            continue
        f = None
        if _opens_frame(text, qa, qb):
            f = _quote_after(sdoc, lex, (qa, qb), r, quote_toks)
        elif _inner_end(text, qa, qb) == ".":
            f = _quote_after(sdoc, lex, (qa, qb), r, quote_toks, strict=True)
        if f is None:
            f = _quote_before(sdoc, lex, (qa, qb), r, quote_toks)
        if f is None:
            continue
        nxt = _continuation(sdoc, f, quotes, toks, n)
        if nxt is not None:
            used.add(nxt)
            f.parts.append(quotes[nxt])
        out.append(f)
    return out


def _opens_frame(text: str, qa: int, qb: int) -> bool:
    """Does the quote end like '...,"' (or is followed by a comma), so a cue may follow?"""
    if _inner_end(text, qa, qb) in (",", "?", "!", "\u2014", "-"):
        return True
    return text[qb : qb + 2].lstrip().startswith(",")


def _make(
    sdoc: Any, verb: Any, cue: Cue, q: tuple[int, int], region: list[Any], r: tuple[int, int]
) -> Found:
    cue_toks = _cue_tokens(verb, r[0])
    f = Found(cue, cue_toks, q, verb.i, stance=cue.stance, quoted=True)
    f.parts = [q]
    subj = _quote_subject(sdoc, verb, region, r)
    if subj is not None:
        f.source = _source_span(subj)
        if f.source[0] < r[1] <= f.source[1] or f.source[0] < r[0] < f.source[1]:
            f.source = (max(f.source[0], r[1]) if subj.i >= r[1] else f.source[0], f.source[1])
        f.source_head = subj.i
    return f


def _quote_after(
    sdoc: Any,
    lex: Lexicon,
    q: tuple[int, int],
    r: tuple[int, int],
    quote_toks: set[int],
    strict: bool = False,
) -> Found | None:
    """'"Q," X said'. ``strict`` (the quote ends in a full stop): only a bare 'X said.' follows."""
    start = sdoc[r[0]].sent.start
    for i in range(r[0] - 1, start - 1, -1):  # the parser may run sentences across paragraphs
        if "\n" in sdoc[i].text_with_ws:
            start = i + 1
            break
    lead = sdoc[start : r[0]]
    if any(verb_cue(t, lex) is not None for t in lead if t.i not in quote_toks):
        return None  # the quote completes a cue before it ("X said that there is "...,"")
    region = _region(sdoc, r[1], 1, 40, quote_toks)
    if strict and (
        not region or region[-1].i + 1 >= len(sdoc) or sdoc[region[-1].i + 1].text != "."
    ):
        return None
    for t in region:
        cue = verb_cue(t, lex)
        if strict and cue is not None and any(c.dep_ in ("ccomp", "dobj") for c in t.children):
            return None
        if cue is not None and cue.kind == "verb" and _only_subject_between(sdoc, r[1], t):
            f = _make(sdoc, t, cue, _lead_in(sdoc, q, r), region, r)
            f.parts = [f.content]
            return f
    return None


def _only_subject_between(sdoc: Any, start: int, verb: Any) -> bool:
    """'"Q," the senator from Ohio said': nothing but the speaker between quote and cue."""
    subj, _ = subject_of(verb)
    inside = set(range(subj.left_edge.i, subj.right_edge.i + 1)) if subj is not None else set()
    for t in sdoc[start : verb.i]:
        if t.is_punct or t.is_space or t.i in inside:
            continue
        if t.head == verb and t.dep_ in ("advmod", "aux", "neg", "npadvmod"):
            continue
        return False
    return True


def _lead_in(sdoc: Any, q: tuple[int, int], r: tuple[int, int]) -> tuple[int, int]:
    """'This would "strengthen ...," he said': the words before the quote belong to it."""
    start = sdoc[r[0]].sent.start
    lead = sdoc[start : r[0]]
    if not len(lead) or any(t.text in (":", "”", '"') or "\n" in t.text for t in lead):
        return q
    if "\n" in lead.text_with_ws.rstrip():
        return q
    a = lead[0].idx
    while a < q[0] and doc_text(sdoc)[a].isspace():
        a += 1
    return a, q[1]


def _quote_before(
    sdoc: Any, lex: Lexicon, q: tuple[int, int], r: tuple[int, int], quote_toks: set[int]
) -> Found | None:
    i = r[0] - 1
    while i >= 0 and sdoc[i].is_space:
        i -= 1
    if i < 0 or sdoc[i].text not in (",", ":"):
        return None
    region = _region(sdoc, i - 1, -1, 14, quote_toks)
    for t in region[:6]:
        cue = verb_cue(t, lex)
        if cue is not None and cue.kind == "verb":
            return _make(sdoc, t, cue, q, list(reversed(region)), r)
    return None


def _continuation(
    sdoc: Any,
    f: Found,
    quotes: list[tuple[int, int]],
    toks: list[tuple[int, int] | None],
    n: int,
) -> int | None:
    """A quote resumed right after the cue clause ('"A," he said. "B."')."""
    if n + 1 >= len(quotes) or f.content[1] > sdoc[f.cue_tokens[0]].idx:
        return None
    na, _ = quotes[n + 1]
    last = max(f.cue_tokens[-1], f.source[1] - 1 if f.source else 0)
    gap = doc_text(sdoc)[sdoc[last].idx + len(sdoc[last].text) : na]
    if "\n" in gap or len(gap) > 200 or gap.strip()[-1:] not in (".", ",", ":", ""):
        return None
    return n + 1


def follow_paragraphs(sdoc: Any, found: list[Found], quotes: list[tuple[int, int]]) -> None:
    """Quote-only paragraphs after a quoted claim continue it ('"A," he said.' / '"B."')."""
    text = doc_text(sdoc)
    cue_pos = [sdoc[f.cue_tokens[0]].idx for f in found]
    for f in found:
        if not f.quoted:
            continue
        end = max(b for _, b in (f.parts or [f.content]))
        while True:
            para = _next_paragraph(text, end)
            if para is None:
                break
            a, b = para
            inner = [(x, y) for x, y in quotes if a <= x and y <= b]
            if not inner or inner[0][0] != a or any(a <= p < b for p in cue_pos):
                break
            gaps = [text[y:x] for (_, y), (x, _) in zip(inner, inner[1:], strict=False)]
            if text[inner[-1][1] : b].strip(" .,") or any(g.strip(" .,") for g in gaps):
                break
            if not f.parts:
                f.parts = [f.content]
            f.parts.extend(inner)
            end = b


def _next_paragraph(text: str, end: int) -> tuple[int, int] | None:
    nl = text.find("\n", end)
    if nl < 0:
        return None
    a = nl + 1
    while a < len(text) and text[a].isspace():
        a += 1
    b = text.find("\n", a)
    b = len(text) if b < 0 else b
    return (a, b) if b > a else None


COLON_CUE = Cue(":", "assert", "verb", ())
NAME_POS = {"PROPN", "NOUN", "DET", "PUNCT", "ADJ", "CCONJ", "PART"}


def _line_end(sdoc: Any, i: int, starts: list[int]) -> int:
    """The index after the last token of the line that token ``i`` opens or continues: the
    first token from ``i`` on with a newline in its text (excluded) or in its trailing
    whitespace (included); the document's end when none has."""
    if i >= len(starts):
        return i
    text = doc_text(sdoc)
    nl = text.find("\n", starts[i])
    if nl < 0:
        return len(starts)
    k = bisect_right(starts, nl) - 1
    return k if nl < starts[k] + len(sdoc[k].text) else k + 1


def find_colon_heads(sdoc: Any, taken: set[int]) -> list[Found]:
    """Headline style 'Paul Ryan: FBI Decision ... Defies Explanation': a name, a colon, words."""
    out: list[Found] = []
    colons = (sdoc.to_array("ORTH") == sdoc.vocab.strings[":"]).nonzero()[0].tolist()
    starts = sdoc.to_array("IDX").tolist() if colons else []
    for tok in (sdoc[i] for i in colons):  # one Token per colon, not per token
        if tok.text != ":" or tok.i in taken or tok.i == 0:
            continue
        line_start = tok.i
        while (
            line_start > 0
            and tok.i - line_start <= 6  # a longer name is refused below: stop looking
            and "\n" not in sdoc[line_start - 1].text_with_ws
        ):
            line_start -= 1
        name = sdoc[line_start : tok.i]
        if not 1 <= len(name) <= 6 or any(t.pos_ not in NAME_POS for t in name):
            continue
        if not any(t.pos_ == "PROPN" or t.ent_type_ in ("PERSON", "ORG") for t in name):
            continue
        body = sdoc[tok.i + 1 : _line_end(sdoc, tok.i + 1, starts)]
        if len(body) < 2:
            continue
        a, b = body[0].idx, body[-1].idx + len(body[-1].text)
        while b > a and doc_text(sdoc)[b - 1] in ".":
            b -= 1
        f = Found(COLON_CUE, [tok.i], (a, b), body.root.i)
        f.source, f.source_head = (name.start, name.end), name.root.i
        out.append(f)
    return out
