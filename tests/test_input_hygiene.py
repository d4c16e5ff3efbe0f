"""Inputs that used to slip through or be misread (issue 10, items 6, 7, 8 and 10a):
punctuation-only text, NFD copies, JSONL fields of the wrong type, UTF-16 without a BOM."""

from __future__ import annotations

import json
import random
import unicodedata
from pathlib import Path

import pytest

from dyadwatch.clean import Cleaner, count_words
from dyadwatch.pipeline import Pipeline, Result
from dyadwatch.records import REJECTION_REASONS, Document, RawInput, Rejection
from dyadwatch.settings import Settings
from dyadwatch.sources import read_inputs
from dyadwatch.sources.decode import decode_bytes

TEXT = (
    "Köln and Zürich signed a twinning accord on Friday, the mayors' offices said, "
    "pledging joint cultural festivals and student exchanges from next year."
)


def _clean(content: str, **kw: object) -> Document | Rejection:
    return Cleaner(Settings())(RawInput(input="t", content=content, **kw))  # type: ignore[arg-type]


# -- 6. punctuation-only text ---------------------------------------------------------------
@pytest.mark.parametrize(
    "content",
    [
        "!!!",
        "... --- ...",
        "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!",
        "?? ** ## ++ ==\n\n-- ;;",
        "12 345 6789",
    ],
)
def test_text_without_words_is_rejected(content: str) -> None:
    got = _clean(content)
    assert isinstance(got, Rejection) and got.reason == "no_words", got
    assert "no_words" in REJECTION_REASONS


def test_html_without_words_is_rejected() -> None:
    got = _clean(
        "<html><body><article><p>" + "!? " * 200 + "</p></article></body></html>", format="html"
    )
    assert isinstance(got, Rejection) and got.reason in ("no_words", "no_body")


def test_words_are_counted_as_words() -> None:
    assert count_words("Kyiv — 12 ... «Київ» !!!") == 2
    assert count_words("— ... 2022") == 0
    doc = _clean("Ceasefire!")
    assert isinstance(doc, Document)


# -- 7. an NFD copy is the same document ------------------------------------------------------
def test_nfd_copy_has_the_same_doc_id_and_text() -> None:
    nfc, nfd = unicodedata.normalize("NFC", TEXT), unicodedata.normalize("NFD", TEXT)
    assert nfc != nfd
    a, b = _clean(nfc), _clean(nfd)
    assert isinstance(a, Document) and isinstance(b, Document)
    assert (a.doc_id, a.text) == (b.doc_id, b.text)


def test_nfd_copy_is_stored_once(tmp_path: Path, settings: Settings) -> None:
    (tmp_path / "a.txt").write_text(unicodedata.normalize("NFC", TEXT), encoding="utf-8")
    (tmp_path / "b.txt").write_text(unicodedata.normalize("NFD", TEXT), encoding="utf-8")
    out = list(
        Pipeline(settings).run_skipping(read_inputs([str(tmp_path)], settings), lambda d: False)
    )
    assert sum(isinstance(r, Result) for r in out) == 1
    assert sum(isinstance(r, Document) for r in out) == 1  # the copy, passed bare


# -- 8. JSONL fields of the wrong type ----------------------------------------------------------
def test_jsonl_wrong_types_name_the_field(tmp_path: Path) -> None:
    f = tmp_path / "a.jsonl"
    lines = [
        {"text": 12345},
        {"text": TEXT, "url": {"href": "https://example.org/a"}},
        {"text": TEXT, "published": 20220101},
        {"html": ["<p>x</p>"]},
        {"text": TEXT, "title": True},
        {"text": TEXT, "id": 42},  # a numeric id is fine
        {"text": TEXT, "url": None},  # null is absent
    ]
    f.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    items = list(read_inputs([str(f)], Settings()))
    reasons = [getattr(i, "reason", "ok") for i in items]
    assert reasons == ["wrong_type"] * 5 + ["ok", "ok"]
    details = [i.detail for i in items if isinstance(i, Rejection)]
    for detail, field in zip(details, ["text", "url", "published", "html", "title"], strict=True):
        assert detail.startswith(f"{field}: ")
    assert "12345" in details[0] and "20220101" in details[2]
    assert isinstance(items[5], RawInput) and items[5].source_id == "42"


def test_jsonl_index_lines_stay_missing_field(tmp_path: Path) -> None:
    f = tmp_path / "index.jsonl"
    f.write_text(json.dumps({"title": 5, "n": 1}) + "\n", encoding="utf-8")
    [item] = list(read_inputs([str(f)], Settings()))
    assert isinstance(item, Rejection) and item.reason == "missing_field"


# -- 10a. UTF-16 without a BOM ---------------------------------------------------------------
@pytest.mark.parametrize("enc", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_text(tmp_path: Path, enc: str) -> None:
    f = tmp_path / "a.txt"
    f.write_bytes(TEXT.encode(enc))
    [raw] = list(read_inputs([str(f)], Settings()))
    assert isinstance(raw, RawInput), raw
    assert (raw.content, raw.encoding) == (TEXT, enc)
    assert isinstance(Cleaner(Settings())(raw), Document)


def test_binary_with_nuls_stays_binary() -> None:
    assert decode_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00").reason == "binary"
    assert decode_bytes(bytes(range(256)) * 8).reason == "binary"
    assert decode_bytes(random.Random(7).randbytes(2048) + b"\x00\x00").reason == "binary"
