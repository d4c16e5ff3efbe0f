"""Line-level cleaner for scraped plain text (trafilatura returns nothing for it).

Works on blocks of lines separated by blank lines. Each line is kept or
removed with a reason; the title, dateline, wire trailer and byline lines
are removed from the body because they live in their own Document fields.
Kept paragraphs are joined with blank lines so sentence splitting never runs
a crosshead into the next sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..records import Removed
from .datelines import Dateline, parse_dateline
from .dates import dateline_date
from .patterns import Patterns

_ENUM = re.compile(r"^\d{1,2}\.\s+")
_TRAILER = re.compile(
    r"(?P<ini>[a-z]{1,5}(?:\s*/\s*[a-z]{1,5}){0,5})\s*(?:\((?P<ag>[^()]{2,80})\))?\s*\.?"
)
_BYLINE = re.compile(
    r"(?i:by|author|authors|written by|reporting by)\s*:?\s+"
    r"(?P<names>[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}"
    r"(?:\s*(?:,|and|&)\s*[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}){0,4})"
)
_TERMINAL = tuple('.!?:;"”’)]…')
_BODY_MIN_WORDS = 15
_HEAD_LINES = 12
_CAPTION_LINES = 2  # alt text + caption above a credit
_CAPTION_WORDS = 30
_KICKER_WORDS = 3
_DATELINE_AFTER_HEAD = 1


@dataclass
class Line:
    no: int  # 1-based line number in the input
    text: str  # stripped
    block: int
    reason: str | None = None


@dataclass
class CleanedText:
    text: str
    removed: list[Removed] = field(default_factory=list)
    title: str | None = None
    published: str | None = None
    byline: list[str] = field(default_factory=list)
    agencies: list[str] = field(default_factory=list)
    dateline: Dateline | None = None


def _lines(content: str, blocks: bool = True) -> list[Line]:
    """Non-blank lines; without ``blocks`` every line is its own block (HTML paragraphs)."""
    out: list[Line] = []
    block, blank = 0, True
    for no, raw in enumerate(content.splitlines(), start=1):
        text = " ".join(raw.replace("\u200b", "").replace("\ufeff", "").split())
        if not text:
            blank = True
            continue
        if (blank or not blocks) and out:
            block += 1
        blank = False
        out.append(Line(no, text, block))
    return out


def _is_body(text: str) -> bool:
    return len(text.split()) >= _BODY_MIN_WORDS


def _norm(text: str) -> str:
    return re.sub(r"\W+", " ", text).strip().casefold()


_TITLE_SEP = re.compile(r"(\s+(?:[|–—•·-]|::)\s+)")
_DOMAIN = re.compile(r"(?:www\.)?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6}", re.IGNORECASE)


def tidy_title(title: str | None, site_names: set[str]) -> str | None:
    """Drop site names and dates around a page title ("X – DW – 12/10/2022" -> "X")."""
    if not title:
        return title
    tokens = _TITLE_SEP.split(title)  # segment, separator, segment, ...

    def junk(seg: str) -> bool:
        seg = seg.strip()
        return seg.casefold() in site_names or bool(dateline_date(seg) or _DOMAIN.fullmatch(seg))

    while len(tokens) > 2 and junk(tokens[-1]):
        tokens = tokens[:-2]
    while len(tokens) > 2 and junk(tokens[0]):
        tokens = tokens[2:]
    return "".join(tokens).strip() or title


def headline_like(text: str) -> bool:
    words = text.split()
    if not 3 <= len(words) <= 30 or len(text) > 220:
        return False
    if text.endswith((".", ",", ":", ";")) or dateline_date(text):
        return False
    return text[0].isupper() or text[0].isdigit() or text[0] in "\"'“‘"


class TextCleaner:
    """Cleans one text; ``soft_wrap`` joins hard-wrapped lines inside a block."""

    def __init__(self, patterns: Patterns) -> None:
        self.p = patterns

    def clean(
        self,
        content: str,
        title: str | None = None,
        published: str | None = None,
        soft_wrap: bool = True,
    ) -> CleanedText:
        lines = _lines(content, blocks=soft_wrap)
        out = CleanedText(text="", title=title, published=published)
        extra: list[Removed] = []
        self._boilerplate(lines, extra)
        self._trailer_and_footer(lines, out)
        wrapped = _wrapped_blocks(lines) if soft_wrap else set()
        self._head(lines, out, wrapped, extra)
        kept = [ln for ln in lines if ln.reason is None]
        out.text = _paragraphs(kept, wrapped)
        removed = [Removed(text=_shown(ln), reason=ln.reason or "", line=ln.no) for ln in lines]
        out.removed = sorted(
            [r for r in removed if r.reason] + extra, key=lambda r: (r.line or 0, r.reason)
        )
        return out

    # -- boilerplate lines, captions and credits ---------------------------------------------
    def _boilerplate(self, lines: list[Line], extra: list[Removed]) -> None:
        head = True
        runs: list[int] = []  # lines matched by a rule that needs a neighbour (menus)
        for i, ln in enumerate(lines):
            fused = self._fused_credit(ln.text)
            if fused:
                caption, credit = fused
                ln.reason = "caption"
                ln.text = caption
                extra.append(Removed(text=credit, reason="credit", line=ln.no))
                self._captions_before(lines, i)
                continue
            rule = self.p.line_rule(ln.text, head)
            ln.reason = rule.reason if rule else None
            if rule and rule.where == "run":
                runs.append(i)
            if ln.reason in ("credit", "media"):
                self._captions_before(lines, i, "caption" if ln.reason == "credit" else "media")
            if ln.reason is None and _is_body(ln.text):
                head = False
        for i in runs:
            if i - 1 not in runs and i + 1 not in runs:
                lines[i].reason = None
        for i, ln in enumerate(lines):
            if ln.reason == "related" and self.p.end_marker(ln.text):
                self._related_list(lines, i)

    @staticmethod
    def _related_list(lines: list[Line], i: int) -> None:
        """Headlines listed under a "Related stories" line in the same block go too."""
        for ln in lines[i + 1 :]:
            if ln.block != lines[i].block or ln.reason is not None or _is_body(ln.text):
                return
            ln.reason = "related"

    def _fused_credit(self, text: str) -> tuple[str, str] | None:
        for rx in self.p.credits:
            m = rx.search(text)
            if m and m.start() > 0:
                return text[: m.start()].strip(), m.group(0).strip()
        return None

    @staticmethod
    def _captions_before(lines: list[Line], i: int, reason: str = "caption") -> None:
        """Lines just above a credit (alt text, caption) or a video length (its title) go too."""
        j = i - 1
        while j >= max(0, i - _CAPTION_LINES) and lines[j].block == lines[i].block:
            if lines[j].reason is not None or len(lines[j].text.split()) > _CAPTION_WORDS:
                break
            lines[j].reason = reason
            j -= 1

    # -- wire trailer ("zc/wd (AFP, AP)") and footer -------------------------------------------
    def _trailer(self, text: str) -> tuple[list[str], list[str]] | None:
        m = _TRAILER.fullmatch(text)
        if not m:
            return None
        initials = [x.strip() for x in m.group("ini").split("/")]
        names = [a.strip() for a in re.split(r"[,;/]|\band\b", m.group("ag") or "") if a.strip()]
        known = [self.p.agencies.get(a.lower()) for a in names]
        if len(initials) < 2 and (not names or not all(known)):
            return None  # a lone "ab (…)" is a trailer only with known agencies
        if not all(k or _agency_like(a) for k, a in zip(known, names, strict=True)):
            return None
        return initials, list(dict.fromkeys(k or a for k, a in zip(known, names, strict=True)))

    def _trailer_and_footer(self, lines: list[Line], out: CleanedText) -> None:
        start = len(lines)
        for i in range(len(lines) - 1, max(-1, len(lines) // 3 - 1), -1):
            parsed = self._trailer(lines[i].text) if lines[i].reason is None else None
            if parsed:
                out.byline, out.agencies = parsed
                lines[i].reason = "trailer"
                start = i + 1
                break
        for i, ln in enumerate(lines[:start]):
            if self.p.end_marker(ln.text) and not any(
                x.reason is None and _is_body(x.text) for x in lines[i + 1 : start]
            ):
                start = i
                break
        for ln in lines[start:]:
            if ln.reason is None:
                ln.reason = "related"

    # -- title, dateline, byline in the head of the page ----------------------------------------
    def _head(
        self, lines: list[Line], out: CleanedText, wrapped: set[int], extra: list[Removed]
    ) -> None:
        kept = [ln for ln in lines if ln.reason is None]
        head: list[Line] = []
        for ln in kept[:_HEAD_LINES]:
            head.append(ln)
            if _is_body(ln.text) and not (out.title is None and headline_like(ln.text)):
                break
        for ln in head:
            iso = dateline_date(ln.text)
            if iso:
                ln.reason = "dateline"
                out.published = out.published or iso
                continue
            m = _BYLINE.fullmatch(ln.text)
            if m and not out.byline:
                ln.reason = "byline"
                out.byline = [n.strip() for n in re.split(r",|\band\b|&", m["names"]) if n.strip()]
        # a standfirst paragraph may come before the dateline's paragraph
        after = kept[len(head) : len(head) + _DATELINE_AFTER_HEAD]
        near = head + [ln for ln in after if head and ln.block != head[-1].block]
        with_dateline = self._dateline(near, out, extra)
        runs_on = {a.no for a, b in _pairs(lines) if _continues(a.text, b, wrapped)}
        self._title([ln for ln in head if ln.no not in runs_on | with_dateline], lines, out)

    def _dateline(self, head: list[Line], out: CleanedText, extra: list[Removed]) -> set[int]:
        """Take a wire dateline off the first paragraph that opens with one (numbers of the
        lines it was on: they are body, not a title)."""
        for ln in head:
            if ln.reason is not None:
                continue
            dl = parse_dateline(ln.text, self.p.agencies, self.p.non_places)
            if dl is None:
                continue
            out.dateline = dl
            out.agencies = list(dict.fromkeys([*out.agencies, *dl.agencies]))
            rest = ln.text[dl.end :].strip()
            if rest:
                extra.append(Removed(text=dl.text, reason="dateline", line=ln.no))
                ln.text = rest
            else:
                ln.reason = "dateline"
            return {ln.no}
        return set()

    @staticmethod
    def _title(head: list[Line], lines: list[Line], out: CleanedText) -> None:
        """A known title is dropped from the body where it repeats; a headline-like first line
        becomes the title only above a real paragraph (a lone line or a short text is body)."""
        want = _norm(out.title) if out.title else None
        for i, ln in enumerate(head):
            if ln.reason is not None:
                continue
            others = [x for x in lines if x.reason is None and x is not ln]
            if want and _norm(ln.text) == want:
                found = bool(others)
            else:
                found = (
                    not out.title
                    and headline_like(ln.text)
                    and any(_is_body(x.text) for x in others)
                )
            if found:
                ln.reason = "title"
                out.title = out.title or ln.text
                for kicker in head[:i]:  # section labels above the headline ("World")
                    if kicker.reason is None and len(kicker.text.split()) <= _KICKER_WORDS:
                        kicker.reason = "navigation"
                return


def _agency_like(name: str) -> bool:
    """An agency not in agencies.tsv, e.g. "Interfax-Ukraine": short and capitalised."""
    return len(name.split()) <= 3 and name[0].isupper()


def _shown(ln: Line) -> str:
    """Menu items are recorded without their list number ("1. Skip to content")."""
    return _ENUM.sub("", ln.text) if ln.reason in ("navigation", "skip_link") else ln.text


def _pairs(lines: list[Line]) -> list[tuple[Line, Line]]:
    """Neighbouring kept lines of the same block."""
    kept = [ln for ln in lines if ln.reason is None]
    return [(a, b) for a, b in zip(kept, kept[1:], strict=False) if a.block == b.block]


def _wrapped_blocks(lines: list[Line]) -> set[int]:
    """Blocks that look hard-wrapped: 3+ lines of similar width (all but the last)."""
    by_block: dict[int, list[int]] = {}
    for ln in lines:
        by_block.setdefault(ln.block, []).append(len(ln.text))
    out = set()
    for block, widths in by_block.items():
        body = widths[:-1]
        if (
            len(widths) >= 3
            and min(body) >= 40
            and max(body) <= 100
            and max(body) - min(body) <= 30
        ):
            out.add(block)
    return out


def _paragraphs(kept: list[Line], wrapped: set[int]) -> str:
    paras: list[str] = []
    prev: Line | None = None
    for ln in kept:
        if prev is not None and prev.block == ln.block and _continues(paras[-1], ln, wrapped):
            paras[-1] = f"{paras[-1]} {ln.text}"
        else:
            paras.append(ln.text)
        prev = ln
    return "\n\n".join(paras)


def _continues(before: str, ln: Line, wrapped: set[int]) -> bool:
    """A hard-wrapped line: the previous one stops mid-sentence."""
    if before.endswith(_TERMINAL):
        return False
    return ln.text[0].islower() or ln.block in wrapped
