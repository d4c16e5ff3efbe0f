"""Sources stage: formats, folders, stdin and every rejection reason."""

from __future__ import annotations

import gzip
import io
import json
import os
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from dyadwatch.records import RawInput, Rejection
from dyadwatch.settings import Settings
from dyadwatch.sources import read_inputs

BODY = "Russia and Iran are expanding military cooperation, US officials said on Friday.\n"
HTML = "<html><head><title>T</title></head><body><p>" + BODY + "</p></body></html>"


def _one(path: Path | str, settings: Settings | None = None) -> RawInput | Rejection:
    items = list(read_inputs([str(path)], settings or Settings()))
    assert len(items) == 1, items
    return items[0]


def test_plain_text(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text(BODY, encoding="utf-8")
    raw = _one(f)
    assert isinstance(raw, RawInput)
    assert (raw.format, raw.encoding, raw.content) == ("text", "utf-8", BODY)
    assert raw.input == str(f)


@pytest.mark.parametrize("name", ["a.html", "a.htm", "a.txt"])
def test_html_by_extension_and_sniffing(tmp_path: Path, name: str) -> None:
    f = tmp_path / name
    f.write_text(HTML if name != "a.txt" else "<!DOCTYPE html>\n" + HTML, encoding="utf-8")
    raw = _one(f)
    assert isinstance(raw, RawInput) and raw.format == "html"


def test_html_gz(tmp_path: Path) -> None:
    f = tmp_path / "page.html.gz"
    f.write_bytes(gzip.compress(HTML.encode()))
    raw = _one(f)
    assert isinstance(raw, RawInput) and raw.format == "html" and "<p>" in raw.content


def test_jsonl_lines_and_errors(tmp_path: Path) -> None:
    f = tmp_path / "batch.jsonl"
    lines = [
        json.dumps({"text": BODY, "url": "https://www.dw.com/x", "title": "T", "id": "a1"}),
        "{not json",
        json.dumps({"body": "no text field"}),
        "",
        json.dumps({"html": HTML, "published": "2022-12-10", "outlet": "DW"}),
        json.dumps(["a", "list"]),
        json.dumps({"text": "   "}),
    ]
    f.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(read_inputs([str(f)], Settings()))
    got = [(i.input.rsplit(":", 1)[1], getattr(i, "reason", "ok")) for i in items]
    assert got == [
        ("1", "ok"),
        ("2", "malformed_jsonl"),
        ("3", "missing_field"),
        ("5", "ok"),
        ("6", "malformed_jsonl"),
        ("7", "empty"),
    ]
    first, html = items[0], items[3]
    assert isinstance(first, RawInput) and isinstance(html, RawInput)
    assert (first.url, first.title, first.source_id, first.format) == (
        "https://www.dw.com/x",
        "T",
        "a1",
        "text",
    )
    assert (html.format, html.published, html.outlet) == ("html", "2022-12-10", "DW")


def test_jsonl_long_line_is_skipped_not_loaded(tmp_path: Path) -> None:
    f = tmp_path / "big.jsonl"
    big = json.dumps({"text": "word " * 5000})
    f.write_text(big + "\n" + json.dumps({"text": BODY}) + "\n", encoding="utf-8")
    items = list(read_inputs([str(f)], Settings(max_bytes=1000)))
    assert [getattr(i, "reason", "ok") for i in items] == ["too_large", "ok"]
    assert items[0].input.endswith("big.jsonl:1")


def test_folder_recursive_sorted_skips_hidden(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / ".hidden").mkdir()
    (tmp_path / "b" / "z.txt").write_text(BODY)
    (tmp_path / "b" / "a.txt").write_text(BODY)
    (tmp_path / "c.txt").write_text(BODY)
    (tmp_path / ".secret.txt").write_text(BODY)
    (tmp_path / ".hidden" / "x.txt").write_text(BODY)
    got = [
        Path(i.input).relative_to(tmp_path).as_posix()
        for i in read_inputs([str(tmp_path)], Settings())
    ]
    assert got == ["b/a.txt", "b/z.txt", "c.txt"]


def test_read_inputs_is_lazy(tmp_path: Path) -> None:
    for i in range(3):
        (tmp_path / f"{i}.txt").write_text(BODY)
    it = read_inputs([str(tmp_path)], Settings())
    first = next(it)
    (tmp_path / "2.txt").unlink()  # read after the first item was yielded
    rest = list(it)
    assert isinstance(first, RawInput) and len(rest) == 2
    assert isinstance(rest[-1], Rejection) and rest[-1].reason == "not_found"


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", SimpleNamespace(buffer=io.BytesIO(data)))


def test_stdin_text_and_jsonl(monkeypatch: pytest.MonkeyPatch) -> None:
    _stdin(monkeypatch, BODY.encode())
    raw = _one("-")
    assert isinstance(raw, RawInput) and raw.input == "-" and raw.content == BODY
    _stdin(monkeypatch, (json.dumps({"text": BODY}) + "\n" + json.dumps({"text": BODY})).encode())
    items = list(read_inputs(["-"], Settings()))
    assert [i.input for i in items] == ["-:1", "-:2"]


def test_markdown_front_matter(tmp_path: Path) -> None:
    f = tmp_path / "brief.md"
    f.write_text(
        "---\ndate: '2022-01-04'\nsource_url: https://bidenwhitehouse.archives.gov/x/\n"
        'title: "Press Briefing by Jen\\_Psaki"\n---\n \nMS. PSAKI: We see the [talks](http://x.y)\n'
        "as a **step** forward.\n\n### Next steps\n\n-   **Item one:** more aid\n",
        encoding="utf-8",
    )
    raw = _one(f)
    assert isinstance(raw, RawInput)
    assert raw.title == "Press Briefing by Jen Psaki"
    assert (raw.published, raw.url) == ("2022-01-04", "https://bidenwhitehouse.archives.gov/x/")
    assert raw.content.split("\n\n") == [
        "MS. PSAKI: We see the talks as a step forward.",
        "Next steps",
        "Item one: more aid",
    ]


@pytest.mark.parametrize(
    ("data", "reason"),
    [(b"", "empty"), (b"  \n\t\n", "empty"), (b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR", "binary")],
)
def test_empty_and_binary(tmp_path: Path, data: bytes, reason: str) -> None:
    f = tmp_path / "x.txt"
    f.write_bytes(data)
    rej = _one(f)
    assert isinstance(rej, Rejection) and rej.reason == reason and rej.detail


def test_cp1252_fallback_is_recorded(tmp_path: Path) -> None:
    f = tmp_path / "w.txt"
    f.write_bytes("The minister’s “caf\u00e9” remarks – a long sentence here.".encode("cp1252"))
    raw = _one(f)
    assert isinstance(raw, RawInput)
    assert raw.encoding != "utf-8" and "’" in raw.content and "café" in raw.content
    assert any("decoded as" in n for n in raw.notes)


def test_too_large_checked_before_reading(tmp_path: Path) -> None:
    f = tmp_path / "big.txt"
    f.write_text("word " * 1000)
    rej = _one(f, Settings(max_bytes=100))
    assert isinstance(rej, Rejection) and rej.reason == "too_large"
    g = tmp_path / "bomb.txt.gz"
    g.write_bytes(gzip.compress(b"word " * 10000))
    rej = _one(g, Settings(max_bytes=1000))
    assert isinstance(rej, Rejection) and rej.reason == "too_large"


def test_not_found_and_unreadable(tmp_path: Path) -> None:
    rej = _one(tmp_path / "missing.txt")
    assert isinstance(rej, Rejection) and rej.reason == "not_found"
    f = tmp_path / "locked.txt"
    f.write_text(BODY)
    f.chmod(0)
    try:
        if os.access(f, os.R_OK):
            pytest.skip("running as root: permissions are not enforced")
        rej = _one(f)
        assert isinstance(rej, Rejection) and rej.reason == "unreadable"
    finally:
        f.chmod(0o644)


def test_settings_override_detected_metadata(tmp_path: Path) -> None:
    f = tmp_path / "a.jsonl"
    f.write_text(json.dumps({"text": BODY, "url": "https://a.b/", "published": "2020-01-01"}))
    s = Settings(published="2022-12-10", url="https://www.dw.com/y", outlet="DW")
    raw = _one(f, s)
    assert isinstance(raw, RawInput)
    assert (raw.published, raw.url, raw.outlet) == ("2022-12-10", "https://www.dw.com/y", "DW")


def test_unreadable_when_open_fails(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    f = tmp_path / "a.txt"
    f.write_text(BODY)

    def deny(self: Path, *a: object, **k: object) -> None:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "open", deny)
    rej = _one(f)
    assert isinstance(rej, Rejection) and rej.reason == "unreadable" and "denied" in rej.detail


def test_index_jsonl_gets_one_rejection(tmp_path: Path) -> None:
    f = tmp_path / "INDEX.jsonl"
    f.write_text("".join(json.dumps({"path": f"a{i}.md"}) + "\n" for i in range(60)))
    items = list(read_inputs([str(f)], Settings()))
    assert len(items) == 1 and isinstance(items[0], Rejection)
    assert (items[0].input, items[0].reason) == (str(f), "missing_field")


def test_folder_skips_housekeeping_files(tmp_path: Path) -> None:
    for name in ("LICENSE", "README.md", "COMMIT", "article.txt", "readme-notes.txt"):
        (tmp_path / name).write_text(BODY)
    got = [Path(i.input).name for i in read_inputs([str(tmp_path)], Settings())]
    assert got == ["article.txt", "readme-notes.txt"]
    assert isinstance(_one(tmp_path / "LICENSE"), RawInput)  # named explicitly: read


def test_json_object_and_list(tmp_path: Path) -> None:
    one = tmp_path / "one.json"
    one.write_text(json.dumps({"text": BODY, "title": "T"}))
    raw = _one(one)
    assert isinstance(raw, RawInput) and raw.title == "T" and raw.input == str(one)
    many = tmp_path / "many.json"
    many.write_text(json.dumps([{"html": HTML}, {"nope": 1}]))
    items = list(read_inputs([str(many)], Settings()))
    assert [
        (i.input.rsplit(":", 1)[1], i.reason if isinstance(i, Rejection) else i.format)
        for i in items
    ] == [
        ("1", "html"),
        ("2", "missing_field"),
    ]


def test_undecodable_is_not_utf8_and_cyrillic_is_detected(tmp_path: Path) -> None:
    junk = tmp_path / "junk.txt"
    junk.write_bytes(bytes(range(128, 256)) * 20)
    rej = _one(junk)
    assert isinstance(rej, Rejection) and rej.reason == "not_utf8" and "0x80" in rej.detail
    ru = tmp_path / "ru.txt"
    ru.write_bytes("Привет мир, это тест на кодировку текста".encode("cp1251"))
    raw = _one(ru)
    assert isinstance(raw, RawInput) and raw.encoding == "cp1251" and "Привет" in raw.content


def test_truncated_gzip_is_a_rejection(tmp_path: Path) -> None:

    (tmp_path / "a.txt").write_bytes(b"\x1f\x8b")
    (tmp_path / "b.jsonl.gz").write_bytes(b"\x1f\x8b\x08\x00garbage")
    out = list(read_inputs([str(tmp_path)], Settings()))
    assert [getattr(r, "reason", None) for r in out] == ["corrupt_compressed"] * 2


def test_symlink_loops_are_walked_once(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Russia and China signed a trade deal.", encoding="utf-8")
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "b.txt").write_text("Iran denied supplying drones.", encoding="utf-8")
    os.symlink(tmp_path, tmp_path / "loop1")
    os.symlink(tmp_path, sub / "loop2")
    out = list(read_inputs([str(tmp_path)], Settings()))
    docs = sorted(r.input for r in out if isinstance(r, RawInput))
    loops = [r for r in out if isinstance(r, Rejection) and r.reason == "symlink_loop"]
    assert [Path(d).name for d in docs] == ["a.txt", "b.txt"]
    assert len(loops) == 2


def test_a_body_over_the_parse_limit_is_refused_and_the_batch_goes_on(
    tmp_path: Path, settings: Settings
) -> None:
    from dyadwatch.pipeline import Pipeline, Result

    small = settings.with_overrides(max_chars=2_000)
    (tmp_path / "a.txt").write_text("Russia shelled Kharkiv. " * 200, encoding="utf-8")
    (tmp_path / "b.txt").write_text("Iran denied supplying drones to Russia.", encoding="utf-8")
    out = list(Pipeline(small).run(read_inputs([str(tmp_path)], small)))
    assert [type(r).__name__ for r in out] == ["Rejection", "Result"]
    assert out[0].reason == "too_long" and "max_chars 2000" in out[0].detail
    assert isinstance(out[1], Result) and out[1].events
