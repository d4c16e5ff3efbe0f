"""Property-based fuzzing of what users feed in: bytes, HTML, JSONL lines, mixed scripts, long
lines, API query parameters and POST bodies.

Properties: every input yields documents or rejections; no exception escapes; the batch goes
on (a good document after the bad one is still extracted); the API answers JSON, never 500.
`make test` runs a short profile; `make fuzz` runs 10,000 examples per property
(HYPOTHESIS_PROFILE=fuzz); figures in docs/reliability.md.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dyadwatch.pipeline import Pipeline, Result
from dyadwatch.records import Rejection
from dyadwatch.settings import Settings
from dyadwatch.sources import read_inputs

settings.register_profile(
    "short", max_examples=8, deadline=None, suppress_health_check=list(HealthCheck)
)
settings.register_profile(
    "fuzz", max_examples=10_000, deadline=None, suppress_health_check=list(HealthCheck)
)
settings.register_profile(
    "medium", max_examples=300, deadline=None, suppress_health_check=list(HealthCheck)
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "short"))

GOOD = (
    "Officials in Kyiv said on Monday that Russian forces had shelled the port of Odesa, and the "
    "foreign ministry summoned the Russian ambassador to protest against the attack."
)
SCRIPTS = st.sampled_from(
    ["Россия", "中国", "العراق", "ישראל", "Ελλάδα", "🇺🇦", "\u202e", "\x00", "\ufeff", "e\u0301"]
)
TEXTS = st.lists(st.one_of(st.text(max_size=40), SCRIPTS, st.just(GOOD[:60])), max_size=12).map(
    " ".join
)
LONG_LINES = st.integers(min_value=1, max_value=40).map(lambda n: "Talks stall " * n * 50)
HTML = TEXTS.map(lambda t: f"<html><body><article><p>{t}</p><p>{t}</p></article></body></html>")


@pytest.fixture(scope="module")
def pipe(settings: Settings) -> Pipeline:
    return Pipeline(settings)


def _run(pipe: Pipeline, paths: list[Path], settings: Settings) -> list[Result | Rejection]:
    return list(pipe.run(read_inputs([str(p) for p in paths], settings)))


def _good_survives(out: list[Result | Rejection]) -> bool:
    return any(isinstance(r, Result) and "Odesa" in r.document.text for r in out)


@given(data=st.one_of(st.binary(max_size=400), TEXTS.map(str.encode), LONG_LINES.map(str.encode)))
def test_any_bytes_give_documents_or_rejections(
    pipe: Pipeline, settings: Settings, tmp_path_factory: pytest.TempPathFactory, data: bytes
) -> None:
    folder = tmp_path_factory.mktemp("bytes")
    (folder / "a.txt").write_bytes(data)
    (folder / "b.txt").write_text(GOOD, encoding="utf-8")
    out = _run(pipe, [folder], settings)
    assert len(out) == 2 and all(isinstance(r, Result | Rejection) for r in out)
    assert _good_survives(out)


@given(html=HTML)
def test_html_gives_documents_or_rejections(
    pipe: Pipeline, settings: Settings, tmp_path_factory: pytest.TempPathFactory, html: str
) -> None:
    folder = tmp_path_factory.mktemp("html")
    (folder / "a.html").write_text(html, encoding="utf-8")
    (folder / "b.txt").write_text(GOOD, encoding="utf-8")
    out = _run(pipe, [folder], settings)
    assert len(out) == 2 and _good_survives(out)


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=8,
)
JSONL_LINE = st.one_of(
    st.text(max_size=60),
    st.dictionaries(
        st.sampled_from(["text", "html", "title", "url", "published", "outlet", "id", "x"]),
        JSON_VALUES | TEXTS,
        max_size=5,
    ).map(json.dumps),
)


@given(lines=st.lists(JSONL_LINE, min_size=1, max_size=4))
def test_jsonl_lines_each_give_a_record(
    pipe: Pipeline, settings: Settings, tmp_path_factory: pytest.TempPathFactory, lines: list[str]
) -> None:
    path = tmp_path_factory.mktemp("jsonl") / "in.jsonl"
    good = json.dumps({"text": GOOD})
    body = [ln.replace("\n", " ").replace("\r", " ") for ln in lines]
    path.write_text("\n".join([*body, good]) + "\n", encoding="utf-8")
    out = _run(pipe, [path], settings)
    nonblank = sum(1 for ln in body if ln.encode().strip())  # the reader skips ASCII blanks
    assert len(out) == nonblank + 1, [getattr(r, "reason", "doc") for r in out]
    assert _good_survives(out)


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    from api_fixtures import build_db
    from dyadwatch.api import ApiConfig, create_app

    db = build_db(tmp_path_factory.mktemp("fuzzapi") / "f.duckdb")
    with TestClient(create_app(ApiConfig(db=str(db)), warm=False)) as c:
        yield c


PARAMS = ["dyad", "country", "type", "status", "date_from", "date_to", "limit", "offset", "q"]
VALUES = st.one_of(
    st.text(max_size=30),
    st.integers().map(str),
    st.sampled_from(["-1", "1e309", "9" * 30, "IRN-RUS", "2022-13-45", "%00", "' OR 1=1 --"]),
)


@given(query=st.dictionaries(st.sampled_from(PARAMS), VALUES, max_size=4))
def test_api_query_parameters_never_500(client: TestClient, query: dict[str, Any]) -> None:
    for path in ("/api/events", "/api/claims"):
        r = client.get(path, params=query)
        assert r.status_code in (200, 422), (path, query, r.status_code)
        assert r.headers["content-type"].startswith("application/json")


@given(body=st.one_of(st.binary(max_size=200), JSON_VALUES.map(lambda v: json.dumps(v).encode())))
def test_api_post_bodies_never_500(client: TestClient, body: bytes) -> None:
    r = client.post("/api/documents", content=body, headers={"content-type": "application/json"})
    assert r.status_code in (401, 403, 404, 405, 413, 422), r.status_code
    assert r.headers["content-type"].startswith("application/json")
