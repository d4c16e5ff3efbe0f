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
from contextlib import contextmanager
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


@contextmanager
def _serve(db: Path) -> Iterator[str]:
    """uvicorn over ``db`` in a thread on a free loopback port; yields the base URL."""
    import uvicorn

    from dyadwatch.api import ApiConfig, contested, create_app

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
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with _serve(build_db(tmp_path_factory.mktemp("browser") / "dash.duckdb")) as url:
        yield url


@pytest.fixture(scope="module")
def trends(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A store where RUS-UKR conflict rises, CHN-PHL conflict falls, FRA-DEU is busiest and
    flat, and two background references (1951, 2030) sit in the last month's article."""
    from dyadwatch.store import Store
    from dyadwatch.store.synth import DocBuilder, actor

    results = []
    for m in range(12):
        d = DocBuilder(published=f"2022-{m + 1:02d}-15")
        for _ in range(m + 1):
            d.event(actor("RUS"), actor("UKR"), "ASSAULT", "reported")
        for _ in range(12 - m):
            d.event(actor("CHN"), actor("PHL"), "ASSAULT", "reported")
        for _ in range(20):
            d.event(actor("FRA"), actor("DEU"), "CONSULT", "reported")
        if m == 11:
            d.event(actor("RUS"), actor("UKR"), "AGREE", "reported", date="1951")
            d.event(actor("RUS"), actor("UKR"), "AID", "expected", date="2030")
        results.append(d.build(f"d{m}.txt"))
    path = tmp_path_factory.mktemp("trends") / "trends.duckdb"
    with Store(path) as store:
        store.write_batch(results)
    with _serve(path) as url:
        yield url


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
    page.select_option("#filters select[name=status]", "denied")
    page.fill("#filters input[name=min_confidence]", "0.1")
    page.click("#filters button")
    page.wait_for_url("**status=denied**")
    assert "min_confidence=0.1" in page.url
    rows = page.locator("#events tr.event-row")
    assert 0 < rows.count() < total
    assert all("denied" in t for t in rows.all_inner_texts())
    assert page.locator("#events td.confidence").first.inner_text().strip()
    # the charts follow the form: only the denied drone supply is left on them
    assert "RUS → IRN (1 events)" in page.locator(".chart h2").all_inner_texts()
    # the shared URL restores the view
    again = page.context.new_page()
    again.goto(page.url)
    assert again.locator("#filters select[name=status]").input_value() == "denied"
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
    # the actor's lists follow the filter form too, and keep the actor's name in the URL
    page.select_option("#filters select[name=type]", ["AID"])
    page.click("#filters button")
    page.wait_for_url("**type=AID**")
    assert "name=" in page.url
    rows = page.locator("#as-source tr.event-row")
    assert rows.count() > 0 and all("AID" in t for t in rows.all_inner_texts())


def test_home_ranking_order(trends: str, page: Any) -> None:
    """Rising conflict first, falling conflict next, the busiest (flat) dyad after them."""
    page.goto(trends + "/")
    rows = page.locator("#dyads tr.dyad-row")
    names = [rows.nth(i).locator("a.dyad-link").inner_text() for i in range(3)]
    assert names == ["RUS – UKR", "CHN – PHL", "DEU – FRA"], names
    assert rows.nth(0).locator(".alarm").count() == 1 and rows.nth(1).locator(".alarm").count()
    assert rows.nth(2).locator(".alarm").count() == 0
    assert "+0.00" not in rows.nth(0).inner_text() and "(p 1.000)" not in rows.nth(0).inner_text()
    page.wait_for_selector(".sparkline[data-drawn] .scatterlayer path", state="attached")
    _shot(page, "home-ranking")


def test_home_filters_url_state_and_download(trends: str, page: Any) -> None:
    page.goto(trends + "/")
    page.select_option("#filters select[name=type]", ["CONSULT"])
    page.fill("#filters input[name=since]", "2022-03")
    page.click("#filters button")
    page.wait_for_url("**type=CONSULT**")
    assert "since=2022-03" in page.url
    rows = page.locator("#dyads tr.dyad-row")
    assert rows.count() == 1 and "DEU – FRA" in rows.first.inner_text()
    assert rows.first.locator("td.num").first.inner_text() == "200"  # 10 months x 20
    page.wait_for_selector(".sparkline[data-drawn] .scatterlayer path", state="attached")
    # the URL is the view: a fresh tab shows the same form and the same rows
    again = page.context.new_page()
    again.goto(page.url)
    assert again.locator("#filters select[name=type] option:checked").all_inner_texts() == [
        "CONSULT"
    ]
    assert again.locator("#filters input[name=since]").input_value() == "2022-03"
    assert again.locator("#dyads tr.dyad-row").count() == 1
    again.close()
    with page.expect_download() as info:
        page.locator("a.download", has_text="CSV").click()
    lines = Path(info.value.path()).read_text(encoding="utf-8").strip().splitlines()
    assert len(lines) == 1 + 200 and all(",CONSULT," in line for line in lines[1:])
    page.click("#filters a.clear")
    page.wait_for_url(trends + "/?")
    assert page.locator("#dyads tr.dyad-row").count() == 3
    _shot(page, "home-filtered")


def test_date_outlier_does_not_stretch_the_axis(trends: str, page: Any) -> None:
    """A 1951 treaty and a 2030 target are listed apart; the axis spans 2022 only."""
    import re

    page.goto(trends + "/dyads/RUS/UKR")
    page.wait_for_selector("#timeline-RUS-UKR[data-drawn] .point", state="attached")
    lo, hi = page.evaluate("document.getElementById('timeline-RUS-UKR')._fullLayout.xaxis.range")
    assert lo[:7] >= "2021-12" and hi[:7] <= "2023-01", (lo, hi)
    ticks = " ".join(page.locator("#timeline-RUS-UKR .xtick text").all_text_contents())
    assert "2022" in ticks and not re.search(r"\b(19\d\d|20[3-9]\d|2010)\b", ticks), ticks
    background = page.locator("#background").inner_text()
    assert "1951" in background and "2030" in background
    _shot(page, "dyad-outlier")


def test_ledger_filters_live_in_the_url_and_download(server: str, page: Any) -> None:
    page.goto(server + "/claims")
    assert page.locator(".ledger-entry").count() >= 1
    page.select_option("#filters select[name=status]", ["denied"])
    page.click("#filters button")
    page.wait_for_url("**status=denied**")
    entries = page.locator(".ledger-entry")
    assert entries.count() >= 1
    assert all("denied" in t for t in entries.all_inner_texts())
    with page.expect_download() as info:
        page.locator("a.download", has_text="CSV").click()
    lines = Path(info.value.path()).read_text(encoding="utf-8").strip().splitlines()
    assert len(lines) >= 2 and all(",denied," in line for line in lines[1:])
    page.goto(page.url + "&type=ASSAULT")
    assert page.locator(".ledger-entry").count() == 0
    assert "matching these filters" in page.locator("main").inner_text()
    assert page.locator("#filters select[name=type] option:checked").all_inner_texts() == [
        "ASSAULT"
    ]
    _shot(page, "ledger-filtered")
