"""Markdown with YAML front matter (e.g. the White House briefings corpus) to plain text.

Front matter gives title/date/url; the body is turned into one paragraph per
block so sentence splitting never runs a heading into the next sentence.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

_FRONT = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\]\((?:[^()\s]|\([^)]*\))*(?:\s+\"[^\"]*\")?\)")
_REF_LINK = re.compile(r"\[([^\]]+)\]\[[^\]]*\]")
_EMPH = re.compile(r"(\*{1,3}|_{2,3})(?=\S)(.+?)(?<=\S)\1")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~\"'])")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$")
_LIST = re.compile(r"^\s{0,3}(?:[-*+]|\d{1,3}[.)])\s+")
_RULE = re.compile(r"^\s{0,3}([-*_])(\s*\1){2,}\s*$")


@dataclass
class MarkdownDoc:
    text: str
    meta: dict[str, Any] = field(default_factory=dict)


def has_front_matter(text: str) -> bool:
    return _FRONT.match(text.lstrip("\ufeff")) is not None


def _load_yaml(block: str) -> dict[str, Any]:
    try:
        import yaml

        data = yaml.safe_load(block)
    except Exception:  # malformed front matter: keep the body, lose the metadata
        return {}
    return data if isinstance(data, dict) else {}


def meta_str(value: Any) -> str | None:
    """Front-matter values come back as str, date or datetime."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    text = " ".join(str(value).replace("\xa0", " ").split())
    return text or None


def _inline(line: str) -> str:
    line = _IMAGE.sub("", line)
    line = _LINK.sub(r"\1", line)
    line = _REF_LINK.sub(r"\1", line)
    for _ in range(2):
        line = _EMPH.sub(r"\2", line)
    return _ESCAPE.sub(r"\1", line)


def _blocks(body: str) -> list[list[str]]:
    """Split into blocks; headings and list items start their own block."""
    blocks: list[list[str]] = [[]]
    for raw in body.splitlines():
        line = raw.replace("\xa0", " ")
        if not line.strip() or _RULE.match(line):
            blocks.append([])
            continue
        heading = _HEADING.match(line)
        if heading:
            blocks.extend([[heading.group(1)], []])
            continue
        if _LIST.match(line):
            blocks.append([_LIST.sub("", line, count=1)])
            continue
        hard_break = raw.endswith("  ") or raw.endswith("\\")
        blocks[-1].append(line.strip().rstrip("\\"))
        if hard_break:
            blocks.append([])
    return [b for b in blocks if b]


def markdown_to_text(text: str) -> MarkdownDoc:
    """Front matter as a dict, body as paragraphs separated by blank lines."""
    text = text.lstrip("\ufeff")
    meta: dict[str, Any] = {}
    m = _FRONT.match(text)
    if m:
        meta = _load_yaml(m.group(1))
        text = text[m.end() :]
    # join soft-wrapped lines first so links split over lines are still seen whole
    paragraphs = [_inline(" ".join(block)).strip(" *_") for block in _blocks(text)]
    return MarkdownDoc("\n\n".join(p for p in paragraphs if p), meta)
