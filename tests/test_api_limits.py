"""Write access, body size limit, read-only opening and the query time limit."""

from __future__ import annotations

import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest
from fastapi.testclient import TestClient

from api_fixtures import build_db
from dyadwatch.api import ApiConfig, create_app
from dyadwatch.api.db import Database, DatabaseUnavailable, QueryTimeout

TOKEN = "s3cret-token"
ARTICLE = (
    "Russia and Iran are ramping up their military cooperation, the White House said on "
    "Friday. National Security Council spokesman John Kirby told reporters that Iranian pilots "
    "were being trained to fly Russian fighter jets, and that Moscow had promised to deliver "
    "the aircraft to Tehran next year."
)


@pytest.fixture(scope="module")
def template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_db(tmp_path_factory.mktemp("limits") / "template.duckdb")


@pytest.fixture
def db_path(template_db: Path, tmp_path: Path) -> Path:
    """A fresh copy per test: some tests write."""
    return Path(shutil.copy(template_db, tmp_path / "w.duckdb"))


@pytest.fixture
def writer(db_path: Path) -> Iterator[TestClient]:
    cfg = ApiConfig(db=str(db_path), token=TOKEN, max_body_bytes=4096)
    with TestClient(create_app(cfg)) as c:
        yield c


@pytest.fixture
def reader(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[TestClient]:
    monkeypatch.delenv("DYADWATCH_API_TOKEN", raising=False)
    with TestClient(create_app(ApiConfig(db=str(db_path)))) as c:
        yield c


def test_writes_off_without_token_and_db_read_only(reader: TestClient, db_path: Path) -> None:
    r = reader.post("/api/documents", json={"text": ARTICLE})
    assert r.status_code == 404
    assert r.json()["error"]["code"] == "not_found" and "token" in r.json()["error"]["message"]
    assert reader.get("/api/health").json()["writable"] is False
    with pytest.raises(duckdb.Error):  # a read-only server holds the file read-only
        reader.app.state.db.con.execute("DELETE FROM events")  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("headers", "status", "code"),
    [
        ({}, 401, "unauthorized"),
        ({"Authorization": "Basic abc"}, 401, "unauthorized"),
        ({"Authorization": "Bearer "}, 401, "unauthorized"),
        ({"Authorization": "Bearer wrong"}, 403, "forbidden"),
    ],
)
def test_auth_rules(writer: TestClient, headers: dict, status: int, code: str) -> None:
    r = writer.post("/api/documents", json={"text": ARTICLE}, headers=headers)
    assert r.status_code == status
    assert r.json()["error"]["code"] == code
    if status == 401:
        assert r.headers["www-authenticate"] == "Bearer"
    assert writer.get("/api/documents").json()["total"] == 17  # nothing written


def test_token_from_environment(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DYADWATCH_API_TOKEN", "from-env")
    with TestClient(create_app(ApiConfig(db=str(db_path)))) as c:
        r = c.post("/api/documents", json=[], headers={"Authorization": "Bearer from-env"})
        assert r.status_code == 422  # authenticated; the empty list is the problem
        assert c.get("/api/health").json()["writable"] is True


def test_body_too_large_is_413_json(writer: TestClient) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    r = writer.post("/api/documents", json={"text": "x " * 5000}, headers=auth)
    assert r.status_code == 413
    assert r.json()["error"]["code"] == "body_too_large"

    def chunks() -> Iterator[bytes]:  # no Content-Length: chunked upload
        yield b'{"text": "'
        for _ in range(10):
            yield b"y" * 1000
        yield b'"}'

    r = writer.post("/api/documents", content=chunks(), headers=auth)
    assert r.status_code == 413 and r.json()["error"]["status"] == 413


@pytest.mark.parametrize(
    ("body", "fragment"),
    [
        (b"{not json", "not valid JSON"),
        (b"{}", "'text' or 'html'"),
        (b'{"text": "a", "html": "<p>a</p>"}', "not both"),
        (b'{"text": "a", "colour": "red"}', "colour"),
        (b"[1]", "expected a JSON object"),
        (b"[]", "no articles"),
    ],
)
def test_bad_bodies_are_422(writer: TestClient, body: bytes, fragment: str) -> None:
    r = writer.post(
        "/api/documents",
        content=body,
        headers={"Authorization": f"Bearer {TOKEN}", "content-type": "application/json"},
    )
    assert r.status_code == 422, r.text
    assert fragment.lower() in r.json()["error"]["message"].lower()


def test_ingest_writes_through_the_store(writer: TestClient, nlp: object) -> None:
    """Runs the real pipeline on one short article (the spaCy model is the session's)."""
    auth = {"Authorization": f"Bearer {TOKEN}"}
    item = {"text": ARTICLE, "published": "2022-12-10", "outlet": "DW", "id": "kirby-1"}
    before = sum(d["events"] for d in writer.get("/api/dyads?limit=500").json()["items"])
    r = writer.post("/api/documents", json=item, headers=auth)
    assert r.status_code == 201, r.text
    out = r.json()
    assert out["stored"] == 1 and out["skipped"] == 0
    doc_id = out["documents"][0]["doc_id"]
    body = writer.get(f"/api/documents/{doc_id}").json()
    assert body["document"]["outlet"] == "DW" and body["document"]["published"] == "2022-12-10"
    assert len(body["events"]) == out["events"]

    def key(actor: dict | None) -> str | None:
        if not actor:
            return None
        return actor.get("country") or (actor.get("code") or "")[:3] or actor.get("name")

    dyadic = [
        e
        for e in body["events"]
        if key(e["source"]) and key(e["target"]) and key(e["source"]) != key(e["target"])
    ]
    after = sum(d["events"] for d in writer.get("/api/dyads?limit=500").json()["items"])
    assert after - before == len(dyadic)  # aggregates rebuilt after the write
    assert writer.get("/api/documents").json()["total"] == 18
    again = writer.post("/api/documents", json=[item], headers=auth).json()
    assert again["stored"] == 0 and again["skipped"] == 1  # idempotent re-ingest


def test_query_time_limit_interrupts(db_path: Path) -> None:
    db = Database(db_path, timeout_s=0.2)
    t0 = time.monotonic()
    with pytest.raises(QueryTimeout):
        db.scalar("SELECT sum(hash(i)) FROM range(20000000000) t(i)")
    assert time.monotonic() - t0 < 5
    assert db.scalar("SELECT count(*) FROM events") == 63  # connection still usable
    db.close()


def test_query_timeout_maps_to_503(db_path: Path) -> None:
    app = create_app(ApiConfig(db=str(db_path), query_timeout_s=0.2))

    @app.get("/api/_slow")  # exercises the real handler with a genuinely slow query
    def slow() -> dict:
        db = app.state.db
        return {"n": db.scalar("SELECT sum(hash(i)) FROM range(20000000000) t(i)")}

    with TestClient(app) as c:
        r = c.get("/api/_slow")
    assert r.status_code == 503
    assert r.json()["error"]["code"] == "query_timeout"


def test_missing_or_foreign_database(tmp_path: Path) -> None:
    with pytest.raises(DatabaseUnavailable, match="not found"):
        create_app(ApiConfig(db=str(tmp_path / "absent.duckdb")))
    other = tmp_path / "other.duckdb"
    duckdb.connect(str(other)).close()
    with pytest.raises(DatabaseUnavailable, match="not a dyadwatch database"):
        create_app(ApiConfig(db=str(other)))


def test_nested_body_is_422(writer: TestClient) -> None:
    r = writer.post(
        "/api/documents",
        content=b"[" * 2000 + b"]" * 2000,
        headers={"Authorization": f"Bearer {TOKEN}", "content-type": "application/json"},
    )
    assert r.status_code == 422 and "nested" in r.json()["error"]["message"]


@pytest.mark.parametrize(
    "query",
    ["offset=99999999999999999999", "limit=99999999999999999999", "page=99999999999999999999"],
)
def test_out_of_range_integers_are_422_json(reader: TestClient, query: str) -> None:
    r = reader.get(f"/api/events?{query}")
    assert r.status_code == 422 and r.json()["error"]["code"] == "invalid_parameter"


def test_host_allow_list_and_security_headers(db_path: Path) -> None:
    cfg = ApiConfig(db=str(db_path), allowed_hosts=("localhost", "127.0.0.1"))
    with TestClient(create_app(cfg, warm=False), base_url="http://127.0.0.1:8000") as c:
        ok = c.get("/api/events?limit=1")
        assert ok.status_code == 200
        assert ok.headers["x-content-type-options"] == "nosniff"
        assert ok.headers["x-frame-options"] == "DENY"
        assert "frame-ancestors 'none'" in ok.headers["content-security-policy"]
        bad = c.get("/api/events", headers={"host": "evil.example:8000"})
        assert bad.status_code == 400 and bad.json()["error"]["code"] == "host_not_allowed"
