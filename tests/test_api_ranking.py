"""Issue 9: the home ranking tests real trends ("+0.00 (p 1.000)" on every dyad was a date
far in the future emptying every window, and conflict dyads' negative net totals read as
"too few events"); background references do not stretch the time axis."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from dyadwatch.api.app import ApiConfig, create_app
from dyadwatch.store import Store
from dyadwatch.store.synth import DocBuilder, actor


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    path: Path = tmp_path_factory.mktemp("rank") / "r.duckdb"
    results = []
    for m in range(12):
        d = DocBuilder(published=f"2022-{m + 1:02d}-15")
        for _ in range(m + 1):  # RUS->UKR conflict rises
            d.event(actor("RUS"), actor("UKR"), "ASSAULT", "reported")
        for _ in range(12 - m):  # CHN->PHL conflict falls, same volume overall
            d.event(actor("CHN"), actor("PHL"), "ASSAULT", "reported")
        if m < 2:  # talks early in the year, silence since: a quiet dyad, no alarm
            d.event(actor("BRA"), actor("ARG"), "CONSULT", "reported")
        for _ in range(20):  # the busiest dyad, and flat
            d.event(actor("FRA"), actor("DEU"), "CONSULT", "reported")
        if m == 11:  # background references: a treaty of 1951, a target for 2030
            d.event(actor("RUS"), actor("UKR"), "AGREE", "reported", date="1951")
            d.event(actor("IRN"), actor("RUS"), "AID", "expected", date="2030")
        results.append(d.build(f"d{m}.txt"))
    with Store(path) as s:
        s.write_batch(results)
    with TestClient(create_app(ApiConfig(db=str(path)), warm=False)) as c:
        yield c


def test_ranking_follows_trends_not_counts(client: TestClient) -> None:
    items = client.get("/api/dyads?sort=trend").json()["items"]
    order = [d["dyad"] for d in items]
    assert order[:2] == ["RUS-UKR", "CHN-PHL"], order  # worsening first, then improving
    rus, chn = items[0]["trend"], items[1]["trend"]
    assert rus["alarm"] and rus["slope"] < 0 and rus["p_value"] < 0.05
    assert chn["alarm"] and chn["slope"] > 0
    flat = next(d for d in items if d["dyad"] == "DEU-FRA")
    assert not flat["trend"]["alarm"] and order.index("DEU-FRA") == 2
    quiet = next(d for d in items if d["dyad"] == "ARG-BRA")["trend"]
    assert quiet["significant"] and quiet["slope"] == 0 and not quiet["alarm"]


def test_home_page_shows_real_slopes(client: TestClient) -> None:
    html = client.get("/", headers={"accept": "text/html"}).text
    assert html.index("RUS – UKR") < html.index("CHN – PHL") < html.index("DEU – FRA")
    assert html.count("(p 1.000)") <= 1  # only the flat dyad


def test_background_dates_do_not_stretch_the_axis(client: TestClient) -> None:
    tl = client.get("/api/dyads/RUS/UKR/timeline").json()
    assert tl["periods"][0] == "2022-01-01" and tl["periods"][-1] == "2022-12-01"
    items = client.get("/api/dyads?sort=volume").json()["items"]
    assert all(d["first_period"] >= "2022-01-01" for d in items)
    assert all(d["last_period"] <= "2022-12-01" for d in items)
