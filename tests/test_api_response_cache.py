"""GET /api answers are kept per store version (api/response_cache.py): a repeat runs no
query, a write makes them stale, exports and errors are never kept, memory stays bounded."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from dyadwatch.api import ApiConfig, create_app
from dyadwatch.api import queries as Q
from dyadwatch.store import Store
from dyadwatch.store.synth import seed_like


@pytest.fixture
def path(tmp_path: Path) -> Path:
    p = tmp_path / "c.duckdb"
    with Store(p) as s:
        s.write_batch([seed_like("2022-01-10"), seed_like("2022-02-10")])
    return p


def _counting(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    calls: list[Any] = []
    real = Q.events_page

    def spy(*args: Any, **kw: Any) -> Any:
        calls.append(args[2:])
        return real(*args, **kw)

    monkeypatch.setattr(Q, "events_page", spy)
    return calls


def test_repeat_is_served_from_the_cache_until_the_store_changes(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = _counting(monkeypatch)
    app = create_app(ApiConfig(db=str(path)), warm=False)
    with TestClient(app) as c:
        first = c.get("/api/events?limit=5")
        again = c.get("/api/events?limit=5")
        assert first.status_code == again.status_code == 200
        assert first.content == again.content and len(calls) == 1
        assert again.headers["x-content-type-options"] == "nosniff"  # headers still added
        c.get("/api/events?limit=6")  # another query string is another answer
        assert len(calls) == 2
        app.state.db.generation += 1  # as an API write does
        assert c.get("/api/events?limit=5").content == first.content
        assert len(calls) == 3
        assert c.get("/api/events?limit=bad").status_code == 422
        assert c.get("/api/events?limit=bad").status_code == 422
        c.get("/api/export?format=jsonl")
        c.get("/api/export?format=jsonl")
        assert len(calls) == 3


def test_cache_off_and_bounded(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls = _counting(monkeypatch)
    with TestClient(create_app(ApiConfig(db=str(path), response_cache_mb=0), warm=False)) as c:
        c.get("/api/events?limit=5")
        c.get("/api/events?limit=5")
        assert len(calls) == 2
    from dyadwatch.api.response_cache import ResponseCache

    cache = ResponseCache(app=None, db=create_app(ApiConfig(db=str(path)), warm=False).state.db,
                          max_bytes=100)  # type: ignore[arg-type]  # fmt: skip
    version = cache._key({"type": "http", "method": "GET", "path": "/api/x"})
    assert version is not None
    for i in range(5):
        cache._store((version[0], f"/api/{i}", b""), {"type": "http.response.start"}, b"x" * 40)
    assert cache.size <= 100 and len(cache.items) == 2
    assert (version[0], "/api/4", b"") in cache.items  # newest kept, oldest dropped
