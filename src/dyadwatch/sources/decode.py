"""Bytes to text: binary sniffing and fallback decodings.

Scraped files arrive in whatever encoding the scraper wrote. We accept UTF-8
first, then cp1252, then what charset detection proposes, then latin-1, and we
reject only when the decoded text is still mostly control characters.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

_SNIFF = 8192
_CONTROL_OK = {9, 10, 12, 13, 27}  # tab, newlines, form feed, escape


@dataclass(frozen=True)
class Decoded:
    text: str | None
    encoding: str | None
    reason: str | None = None  # rejection reason when text is None
    detail: str = ""


def utf16_without_bom(data: bytes) -> str | None:
    """ "utf-16-le" or "utf-16-be" when ``data`` is UTF-16 text written without a BOM.

    Text in Latin script has a NUL in every other byte, on one side only; binary data has
    NULs on both sides. The decoded text must also be printable."""
    head = data[: _SNIFF - _SNIFF % 2]
    pairs = len(head) // 2
    if pairs < 2:
        return None
    odd, even = head[1::2].count(0), head[0::2].count(0)
    if odd >= 0.3 * pairs and even <= 0.02 * pairs:
        enc = "utf-16-le"
    elif even >= 0.3 * pairs and odd <= 0.02 * pairs:
        enc = "utf-16-be"
    else:
        return None
    text = head[: 2 * pairs].decode(enc, errors="replace")
    ok = sum(1 for c in text if c.isprintable() or c in "\t\n\r\f")
    return enc if ok / len(text) >= 0.95 else None


def binary_detail(data: bytes) -> str | None:
    """Why ``data`` looks binary, or None. UTF-16 with a BOM, or without one, is text."""
    head = data[:_SNIFF]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or utf16_without_bom(data):
        return None
    nul = head.find(b"\x00")
    if nul >= 0:
        return f"NUL byte at offset {nul}"
    ctrl = sum(1 for b in head if b < 32 and b not in _CONTROL_OK)
    if head and ctrl / len(head) > 0.05:
        return f"{ctrl} control bytes in the first {len(head)} bytes"
    return None


def _first_bad_byte(data: bytes) -> str:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return f"byte 0x{data[exc.start]:02x} at offset {exc.start}"
    return "undecodable"


def _sensible(text: str) -> bool:
    """Text decoded with a guessed codec should not be full of C1 controls."""
    if not text:
        return False
    sample = text[:_SNIFF]
    bad = sum(1 for c in sample if 0x80 <= ord(c) < 0xA0 or c == "\ufffd")
    return bad / len(sample) < 0.01


def _detected(data: bytes) -> str | None:
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - a trafilatura dependency
        return None
    best = from_bytes(data[:65536]).best()
    return best.encoding if best is not None else None


def _candidates(data: bytes) -> list[str]:
    """cp1252 first unless most letters are high bytes (a Cyrillic, Greek, ... page)."""
    head = data[:_SNIFF]
    high = sum(b >= 0x80 for b in head)
    ascii_letters = sum(65 <= b <= 90 or 97 <= b <= 122 for b in head)
    detected = list(filter(None, [_detected(data)]))
    order = [*detected, "cp1252"] if high > ascii_letters else ["cp1252", *detected]
    return list(dict.fromkeys([*order, "latin-1"]))


def decode_bytes(data: bytes) -> Decoded:
    """Decode with UTF-8, else a fallback; say which one was used."""
    if not data.strip():
        return Decoded(None, None, "empty", "no content" if not data else "whitespace only")
    why = binary_detail(data)
    if why:
        return Decoded(None, None, "binary", why)
    if data.startswith(codecs.BOM_UTF8):
        return Decoded(data[3:].decode("utf-8", errors="replace"), "utf-8-sig")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return Decoded(data.decode("utf-16", errors="replace"), "utf-16")
    bomless = utf16_without_bom(data)
    if bomless:
        return Decoded(data.decode(bomless, errors="replace"), bomless)
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    # cp1252 first: for English news it is by far the likeliest legacy encoding, and
    # detection on short samples tends to pick a wrong neighbour (cp1250 for "crème")
    for enc in _candidates(data):
        try:
            text = data.decode(enc)
        except (UnicodeDecodeError, LookupError):
            continue
        if _sensible(text):
            return Decoded(text, enc)
    return Decoded(None, None, "not_utf8", _first_bad_byte(data) + "; no fallback decoding fit")
