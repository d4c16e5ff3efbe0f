"""Sources stage: files, folders, JSONL, Markdown and stdin to RawInput (or Rejection).

Everything streams: folders are walked lazily in sorted order and JSONL files
are read line by line, so memory does not grow with the corpus. Every input
that cannot become a RawInput yields a Rejection with a stable reason.
"""

from __future__ import annotations

import gzip
import io
import os
import sys
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO, cast

from ..records import RawInput, Rejection
from ..settings import Settings
from .decode import decode_bytes
from .jsonl import looks_like_jsonl, read_json, read_jsonl
from .markdown import has_front_matter, markdown_to_text, meta_str
from .overrides import apply_overrides

__all__ = ["apply_overrides", "raw_from_bytes", "read_inputs", "read_path"]

HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")
MARKDOWN_SUFFIXES = (".md", ".markdown")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
_GZIP_MAGIC = b"\x1f\x8b"
HOUSEKEEPING = frozenset(
    {
        "LICENSE",
        "LICENCE",
        "COPYING",
        "README",
        "COMMIT",
        "NOTICE",
        "AUTHORS",
        "CHANGELOG",
        "PROVENANCE",
    }
)


def read_inputs(paths: Iterable[str], settings: Settings) -> Iterator[RawInput | Rejection]:
    """Yield one RawInput per article found, or a Rejection per unusable input."""
    for p in paths:
        if p == "-":
            yield from _read_stdin(settings)
        else:
            yield from read_path(Path(p), settings, label=p)


def read_path(
    path: Path, settings: Settings, label: str | None = None
) -> Iterator[RawInput | Rejection]:
    label = label or str(path)
    try:
        if path.is_dir():
            yield from _walk(path, settings, set())
            return
        if not path.exists():
            yield Rejection(
                input=label, reason="not_found", detail=f"no such file or folder: {label}"
            )
            return
        if not path.is_file():
            yield Rejection(input=label, reason="unsupported", detail="not a regular file")
            return
        yield from _read_file(path, label, settings)
    except PermissionError as exc:
        yield Rejection(input=label, reason="unreadable", detail=f"permission denied: {exc}")
    except (EOFError, zlib.error, gzip.BadGzipFile) as exc:  # gzip magic, broken stream
        yield Rejection(input=label, reason="corrupt_compressed", detail=f"gzip: {exc}")
    except OSError as exc:
        yield Rejection(input=label, reason="unreadable", detail=str(exc))


def _walk(
    root: Path, settings: Settings, seen: set[tuple[int, int]]
) -> Iterator[RawInput | Rejection]:
    """Recursive, sorted, skipping hidden files and folders; lazy per folder. Each real
    folder (device, inode) is read once: a symlink back to a folder already walked is a
    ``symlink_loop`` rejection, not an endless walk."""
    st = root.stat()
    if (st.st_dev, st.st_ino) in seen:
        yield Rejection(
            input=str(root), reason="symlink_loop", detail="folder already walked (via a link)"
        )
        return
    seen.add((st.st_dev, st.st_ino))
    try:
        entries = sorted(os.scandir(root), key=lambda e: e.name)
    except PermissionError as exc:
        yield Rejection(input=str(root), reason="unreadable", detail=f"permission denied: {exc}")
        return
    for entry in entries:
        if entry.name.startswith(".") or is_housekeeping(entry.name):
            continue
        path = Path(entry.path)
        if entry.is_dir():
            try:
                yield from _walk(path, settings, seen)
            except OSError as exc:  # e.g. a link that loops on itself
                yield Rejection(input=str(path), reason="unreadable", detail=str(exc))
        else:
            yield from read_path(path, settings)


def is_housekeeping(name: str) -> bool:
    """Repository files met in corpus folders; still read when named explicitly."""
    base, _, ext = name.partition(".")
    return base.upper() in HOUSEKEEPING and ext.lower() in ("", "md", "txt", "rst")


def _suffixes(path: Path) -> str:
    name = path.name.lower()
    return name[:-3] if name.endswith(".gz") else name


def _read_file(path: Path, label: str, settings: Settings) -> Iterator[RawInput | Rejection]:
    name = _suffixes(path)
    if name.endswith(JSONL_SUFFIXES):
        with _open(path) as fh:
            yield from read_jsonl(fh, label, settings)
        return
    size = path.stat().st_size
    if size > settings.max_bytes:
        yield _too_large(label, f"{size} bytes on disk > max_bytes {settings.max_bytes}")
        return
    with _open(path) as fh:
        data = fh.read(settings.max_bytes + 1)
    if len(data) > settings.max_bytes:
        yield _too_large(label, f"more than {settings.max_bytes} bytes once decompressed")
        return
    if name.endswith(".json"):
        yield from read_json(data, label, settings)
        return
    yield raw_from_bytes(data, label, settings, name_hint=name)


def _open(path: Path) -> BinaryIO:
    fh: BinaryIO = path.open("rb")
    if fh.read(2) == _GZIP_MAGIC:
        fh.seek(0)
        return gzip.GzipFile(fileobj=fh)  # type: ignore[return-value]
    fh.seek(0)
    return fh


def _too_large(label: str, detail: str) -> Rejection:
    return Rejection(input=label, reason="too_large", detail=detail)


def _read_stdin(settings: Settings) -> Iterator[RawInput | Rejection]:
    stream = cast(BinaryIO, sys.stdin.buffer)
    head = stream.read(65536)
    if head[:2] == _GZIP_MAGIC:
        stream = cast(BinaryIO, gzip.GzipFile(fileobj=_replay(head, stream)))
        head = stream.read(65536)
    if looks_like_jsonl(head):
        yield from read_jsonl(_replay(head, stream), "-", settings)
        return
    rest = stream.read(max(0, settings.max_bytes + 1 - len(head)))
    data = head + rest
    if len(data) > settings.max_bytes:
        yield _too_large("-", f"stdin has more than {settings.max_bytes} bytes")
        return
    yield raw_from_bytes(data, "-", settings)


def _replay(prefix: bytes, inner: BinaryIO) -> BinaryIO:
    return cast(BinaryIO, io.BufferedReader(cast(Any, _Prefixed(prefix, inner))))


class _Prefixed(io.RawIOBase):
    """A stream that replays bytes already sniffed before the rest of ``inner``."""

    def __init__(self, prefix: bytes, inner: BinaryIO) -> None:
        self._prefix = prefix
        self._inner = inner

    def readable(self) -> bool:
        return True

    def readinto(self, b: bytearray) -> int:  # type: ignore[override]
        if self._prefix:
            n = min(len(b), len(self._prefix))
            b[:n] = self._prefix[:n]
            self._prefix = self._prefix[n:]
            return n
        chunk = self._inner.read(len(b))
        b[: len(chunk)] = chunk
        return len(chunk)


def looks_like_html(text: str) -> bool:
    head = text[:2048].lstrip("\ufeff \t\r\n").lower()
    if head.startswith(("<!doctype html", "<html", "<?xml")) and "<html" in text[:4096].lower():
        return True
    return head.startswith("<") and any(t in head for t in ("<head", "<body", "<meta", "<div"))


def raw_from_bytes(
    data: bytes, label: str, settings: Settings, name_hint: str = ""
) -> RawInput | Rejection:
    """Decode one article's bytes and recognise HTML, Markdown or plain text."""
    decoded = decode_bytes(data)
    if decoded.text is None:
        return Rejection(input=label, reason=decoded.reason or "unsupported", detail=decoded.detail)
    text, enc = decoded.text, decoded.encoding or "utf-8"
    notes = [] if enc == "utf-8" else [f"decoded as {enc}"]
    if name_hint.endswith(HTML_SUFFIXES) or looks_like_html(text):
        raw = RawInput(input=label, content=text, format="html", encoding=enc, notes=notes)
    elif name_hint.endswith(MARKDOWN_SUFFIXES) or has_front_matter(text):
        raw = _from_markdown(text, label, enc, notes)
    else:
        raw = RawInput(input=label, content=text, format="text", encoding=enc, notes=notes)
    return apply_overrides(raw, settings)


def _from_markdown(text: str, label: str, enc: str, notes: list[str]) -> RawInput:
    md = markdown_to_text(text)
    m = md.meta
    return RawInput(
        input=label,
        content=md.text,
        format="text",
        encoding=enc,
        title=meta_str(m.get("title")),
        published=meta_str(m.get("date") or m.get("published") or m.get("published_time")),
        url=meta_str(m.get("source_url") or m.get("url")),
        outlet=meta_str(m.get("outlet") or m.get("publisher") or m.get("sitename")),
        source_id=meta_str(m.get("id")),
        notes=[*notes, "markdown"],
    )
