"""Dashboard in a real browser: Debian chromium driven through Playwright's sync API.

A uvicorn server runs in a thread on a free loopback port over the synthetic test database.
Screenshots go to tests/artifacts/ (git-ignored); their paths are printed.
"""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from api_fixtures import DENIED_SENTENCE, build_db

pytestmark = pytest.mark.browser

CHROMIUM = next(
    (p for p in ("/usr/bin/chromium", shutil.which("chromium") or "") if p and Path(p).exists()),
    None,
)
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

if CHROMIUM is None:
    pytest.skip("chromium is not installed (apt-get install chromium)", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    import uvicorn

    from dyadwatch.api import ApiConfig, contested, create_app

    db = build_db(tmp_path_factory.mktemp("browser") / "dash.duckdb")
    port = _free_port()
    app = create_app(ApiConfig(db=str(db)))
    contested.ensure(app.state.db)  # the home page does not wait for the start-up warm-up
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not srv.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("uvicorn did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    external: list[str] = []
    pg.on(
        "request",
        lambda req: (
            external.append(req.url)
            if not req.url.startswith(("http://127.0.0.1", "data:", "about:"))
            else None
        ),
    )
    yield pg
    context.close()
    assert not errors, f"JavaScript errors: {errors}"
    assert not external, f"requests left the machine (no CDN allowed): {external}"


def _shot(pg: Any, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    pg.screenshot(path=str(path), full_page=True)
    print(f"screenshot: {path}")
    return path


def test_home_lists_dyads_with_sparklines(server: str, page: Any) -> None:
    page.goto(server + "/")
    rows = page.locator("#dyads tr.dyad-row")
    assert rows.count() >= 3
    assert "IRN – RUS" in rows.first.inner_text()  # rising cooperation: the trend alarm
    page.wait_for_selector(".sparkline[data-drawn] .scatterlayer path", state="attached")
    assert page.locator("#contested li").count() >= 1
    _shot(page, "home")


def test_dyad_chart_has_points_and_opens_evidence(server: str, page: Any) -> None:
    page.goto(server + "/dyads/IRN/RUS")
    page.wait_for_selector("#timeline-RUS-IRN[data-drawn] .point", state="attached")
    bars = page.locator("#timeline-RUS-IRN .barlayer .point")
    assert bars.count() >= 12  # a bar per month at least
    assert page.locator("#timeline-IRN-RUS .point").count() > 0
    assert "Su-35" in page.locator("#weapons").inner_text()
    assert "denied" in page.locator("#status").inner_text()
    _shot(page, "dyad-IRN-RUS")

    # clicking a chart bar opens a sample event's evidence
    bars.first.click(force=True)
    page.wait_for_url("**/documents/**#ev-*")
    page.wait_for_selector(".hl.focus")
    page.go_back()

    # clicking an event in the list opens the document scrolled to its highlighted sentence
    page.wait_for_selector("#events .evidence-link")
    link = page.locator("#events .evidence-link", has_text="Shahed-136").first
    link.click()
    page.wait_for_url("**/documents/**#ev-*")
    focus = page.locator(".hl.focus")
    focus.first.wait_for()
    assert DENIED_SENTENCE in "".join(focus.all_inner_texts())
    assert focus.first.is_visible()
    box = focus.first.bounding_box()
    assert box is not None and 0 <= box["y"] <= 900  # scrolled into view
    assert page.locator("details#removed summary").is_visible()
    assert not page.locator("details#removed li").first.is_visible()  # collapsed
    _shot(page, "document-evidence")


def test_claims_ledger_shows_denied_claim(server: str, page: Any) -> None:
    page.goto(server + "/claims")
    deny = page.locator(".ledger-entry tr.stance-deny")
    assert deny.count() >= 1
    assert "Vassily Nebenzia" in deny.first.inner_text()
    assert page.locator(".ledger-entry tr.stance-assert", has_text="John Kirby").count() == 1
    event = page.locator(".group-event", has_text="Shahed-136")
    assert "denied" in event.inner_text()
    stances = event.locator(".stances").inner_text()
    assert "deny: Vassily Nebenzia" in stances and "assert: John Kirby" in stances
    _shot(page, "claims-ledger")
    deny.first.locator("a").click()
    page.wait_for_url("**/documents/**#cl-*")
    assert "Nebenzia denied" in page.locator(".hl.focus").first.inner_text()


def test_network_draws_edges(server: str, page: Any) -> None:
    page.goto(server + "/network")
    assert page.locator("#network line.edge").count() >= 3
    assert page.locator("#network g.node").count() >= 4
    _shot(page, "network")


def test_dyad_filters_live_in_the_url_and_download(server: str, page: Any) -> None:
    page.goto(server + "/dyads/IRN/RUS")
    total = page.locator("#events tr.event-row").count()
    page.select_option("#event-filters select[name=status]", "denied")
    page.fill("#event-filters input[name=min_confidence]", "0.1")
    page.click("#event-filters button")
    page.wait_for_url("**status=denied**")
    assert "min_confidence=0.1" in page.url
    rows = page.locator("#events tr.event-row")
    assert 0 < rows.count() < total
    assert all("denied" in t for t in rows.all_inner_texts())
    assert page.locator("#events td.confidence").first.inner_text().strip()
    # the shared URL restores the view
    again = page.context.new_page()
    again.goto(page.url)
    assert again.locator("#event-filters select[name=status]").input_value() == "denied"
    assert again.locator("#events tr.event-row").count() == rows.count()
    again.close()
    with page.expect_download() as info:
        page.locator("a.download", has_text="CSV").click()
    path = info.value.path()
    lines = Path(path).read_text(encoding="utf-8").strip().splitlines()
    assert lines[0].startswith("event_id,") and len(lines) == 1 + rows.count()
    assert all(",denied," in line for line in lines[1:])
    _shot(page, "dyad-filtered")


def test_actor_page_from_an_event(server: str, page: Any) -> None:
    page.goto(server + "/dyads/IRN/RUS")
    page.locator("#events a.actor-link", has_text="RUS").first.click()
    page.wait_for_url("**/actors/RUS**")
    assert page.locator("#as-source tr.event-row").count() > 0
    assert page.locator("#as-target tr.event-row").count() > 0
    assert "Dictionary entry" in page.locator("#dictionary").inner_text()
    _shot(page, "actor-RUS")
