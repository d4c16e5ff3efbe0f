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
INDEX_LOOKAHEAD = 50
_JSON_TYPES = {dict: "object", list: "array", bool: "boolean", int: "number", float: "number"}


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
    """One RawInput or Rejection per non-blank line.

    A file whose first INDEX_LOOKAHEAD lines are all objects without text/html
    (an index or metadata file) gets one rejection instead of one per line.
    """
    pending: list[Rejection] = []  # missing_field rejections held back while no article seen
    articles = False
    for n, line in _lines(fh, settings.max_bytes):
        where = f"{label}:{n}"
        if line is None:
            detail = f"line over {settings.max_bytes} bytes"
            item: RawInput | Rejection = Rejection(input=where, reason="too_large", detail=detail)
        elif not line.strip():
            continue
        else:
            item = _parse(line, where)
        if isinstance(item, RawInput):
            item = apply_overrides(item, settings)
        if not articles and isinstance(item, Rejection) and item.reason == "missing_field":
            pending.append(item)
            if len(pending) >= INDEX_LOOKAHEAD:
                detail = f"no 'text' or 'html' field in the first {INDEX_LOOKAHEAD} lines"
                yield Rejection(input=label, reason="missing_field", detail=detail)
                return
            continue
        articles = True
        yield from pending
        pending = []
        yield item
    yield from pending


def read_json(data: bytes, label: str, settings: Settings) -> Iterator[RawInput | Rejection]:
    """A .json file: one article object, or a list of them (``label:index``, 1-based)."""
    decoded = decode_bytes(data)
    if decoded.text is None:
        yield Rejection(input=label, reason=decoded.reason or "unsupported", detail=decoded.detail)
        return
    try:
        obj = json.loads(decoded.text)
    except ValueError as exc:
        yield Rejection(input=label, reason="unsupported", detail=f"invalid JSON: {exc}")
        return
    items = [(label, obj)] if isinstance(obj, dict) else []
    if isinstance(obj, list):
        items = [(f"{label}:{i}", x) for i, x in enumerate(obj, start=1)]
    if not items:
        yield Rejection(input=label, reason="unsupported", detail="JSON is not an object or a list")
    for where, item in items:
        raw = _from_obj(item, where, decoded.encoding or "utf-8")
        yield apply_overrides(raw, settings) if isinstance(raw, RawInput) else raw


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
    return _from_obj(obj, where, decoded.encoding or "utf-8")


def _wrong_type(obj: dict[str, Any]) -> str | None:
    """The first field whose JSON type is wrong ("text: int 12345, expected a string")."""
    for key in (*TEXT_FIELDS, *_META):
        value = obj.get(key)
        if value is None or isinstance(value, str):
            continue
        if key == "id" and isinstance(value, int) and not isinstance(value, bool):
            continue  # numeric ids are common and unambiguous
        shown = json.dumps(value, ensure_ascii=False)
        shown = shown if len(shown) <= 40 else shown[:37] + "..."
        return f"{key}: {_JSON_TYPES.get(type(value), 'value')} {shown}, expected a string"
    return None


def _from_obj(obj: Any, where: str, encoding: str) -> RawInput | Rejection:
    if not isinstance(obj, dict):
        return Rejection(input=where, reason="malformed_jsonl", detail="item is not a JSON object")
    if not any(k in obj for k in TEXT_FIELDS):  # an index or metadata line, not an article
        return Rejection(input=where, reason="missing_field", detail="no 'text' or 'html' field")
    wrong = _wrong_type(obj)
    if wrong:
        return Rejection(input=where, reason="wrong_type", detail=wrong)
    field = next((k for k in TEXT_FIELDS if isinstance(obj.get(k), str) and obj[k].strip()), None)
    if field is None:
        return Rejection(input=where, reason="empty", detail="text/html field is empty")
    notes = [] if encoding == "utf-8" else [f"decoded as {encoding}"]
    return RawInput(
        input=where,
        content=obj[field],
        format="html" if field == "html" else "text",
        encoding=encoding,
        notes=notes,
        source_id=_str(obj, "id"),
        **{k: _str(obj, k) for k in _META if k != "id"},
    )
