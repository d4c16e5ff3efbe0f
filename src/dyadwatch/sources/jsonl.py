"""JSONL: one article per line, streamed so a large file never sits in memory."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, BinaryIO

from ..records import RawInput, Rejection
from ..settings import Settings
from .decode import decode_bytes
from .overrides import apply_overrides

TEXT_FIELDS = ("html", "text")
_META = ("url", "title", "published", "outlet", "id")


def looks_like_jsonl(head: bytes) -> bool:
    """Sniff stdin: a first line that is a JSON object with text or html."""
    first = head.lstrip().split(b"\n", 1)[0]
    if not first.startswith(b"{"):
        return False
    try:
        obj = json.loads(first)
    except ValueError:
        return False
    return isinstance(obj, dict) and any(k in obj for k in TEXT_FIELDS)


def _lines(fh: BinaryIO, limit: int) -> Iterator[tuple[int, bytes | None]]:
    """Yield (line number, bytes); None for a line longer than ``limit`` (skipped unread)."""
    n = 0
    while True:
        line = fh.readline(limit + 1)
        if not line:
            return
        n += 1
        if len(line) > limit and not line.endswith(b"\n"):
            while line and not line.endswith(b"\n"):  # drain the rest in bounded chunks
                line = fh.readline(1 << 20)
            yield n, None
            continue
        yield n, line


def read_jsonl(fh: BinaryIO, label: str, settings: Settings) -> Iterator[RawInput | Rejection]:
    for n, line in _lines(fh, settings.max_bytes):
        where = f"{label}:{n}"
        if line is None:
            yield Rejection(
                input=where, reason="too_large", detail=f"line over {settings.max_bytes} bytes"
            )
            continue
        if not line.strip():
            continue
        item = _parse(line, where)
        if isinstance(item, RawInput):
            item = apply_overrides(item, settings)
        yield item


def _str(obj: dict[str, Any], key: str) -> str | None:
    value = obj.get(key)
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _parse(line: bytes, where: str) -> RawInput | Rejection:
    decoded = decode_bytes(line)
    if decoded.text is None:
        return Rejection(
            input=where, reason=decoded.reason or "malformed_jsonl", detail=decoded.detail
        )
    try:
        obj = json.loads(decoded.text)
    except ValueError as exc:
        return Rejection(input=where, reason="malformed_jsonl", detail=f"invalid JSON: {exc}")
    if not isinstance(obj, dict):
        return Rejection(input=where, reason="malformed_jsonl", detail="line is not a JSON object")
    field = next((k for k in TEXT_FIELDS if isinstance(obj.get(k), str) and obj[k].strip()), None)
    if field is None:
        if any(k in obj for k in TEXT_FIELDS):
            return Rejection(input=where, reason="empty", detail="text/html field is empty")
        return Rejection(input=where, reason="missing_field", detail="no 'text' or 'html' field")
    notes = [] if decoded.encoding == "utf-8" else [f"decoded as {decoded.encoding}"]
    return RawInput(
        input=where,
        content=obj[field],
        format="html" if field == "html" else "text",
        encoding=decoded.encoding or "utf-8",
        notes=notes,
        source_id=_str(obj, "id"),
        **{k: _str(obj, k) for k in _META if k != "id"},
    )
