"""Issue 9 dashboard: one filter form on every page (home, dyad, ledger, network, actor); the
charts re-query under it (ranking, timeline, network), its state lives in the URL, and each
page offers the current filter as a download. Time axes default to the publication span."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from fastapi.testclient import TestClient

from dyadwatch.api.app import ApiConfig, create_app
from dyadwatch.store import Store
from dyadwatch.store.synth import DocBuilder, actor, seed_like

HTML = {"accept": "text/html"}


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    path: Path = tmp_path_factory.mktemp("filters") / "f.duckdb"
    results = [seed_like(f"2022-{m:02d}-10") for m in (3, 9)]  # IRN-RUS contested groups
    for m in range(1, 13):
        d = DocBuilder(published=f"2022-{m:02d}-05", outlet="Wire" if m % 2 else "Daily")
        d.event(actor("RUS"), actor("UKR"), "ASSAULT", "reported", confidence=0.9)
        denied = d.event(actor("RUS"), actor("UKR"), "ASSAULT", "denied", confidence=0.2)
        if m == 9:  # a contested RUS-UKR group
            d.claim(actor("UKR", "Ukrainian official", "GOV"), "assert", [denied])
            d.claim(actor("RUS", "Dmitry Peskov", "GOV"), "deny", [denied])
        d.event(actor("FRA"), actor("DEU"), "CONSULT", "reported", confidence=0.7)
        if m == 6:  # background references: they must not stretch the axis
            d.event(actor("RUS"), actor("UKR"), "AGREE", "reported", date="1951")
            d.event(actor("RUS"), actor("UKR"), "AID", "expected", date="2030")
        results.append(d.build(f"m{m}.txt"))
    with Store(path) as s:
        s.write_batch(results)
    with TestClient(create_app(ApiConfig(db=str(path)), warm=False)) as c:
        yield c


def _figures(html: str) -> dict[str, dict]:
    found = re.findall(r'<script type="application/json" id="([^"]+)">(.*?)</script>', html, re.S)
    return {k: json.loads(v) for k, v in found}


def _downloads(html: str) -> dict[str, dict[str, list[str]]]:
    links = re.findall(r'class="download" download href="([^"]+)">(\w+)<', html)
    return {fmt: parse_qs(urlsplit(url.replace("&amp;", "&")).query) for url, fmt in links}


def test_timeline_follows_the_filters(client: TestClient) -> None:
    base = "/api/dyads/RUS/UKR/timeline"
    total = client.get(base).json()["directions"]["RUS->UKR"]["total"]
    denied = client.get(base + "?status=denied").json()["directions"]["RUS->UKR"]["total"]
    spring = client.get(base + "?since=2022-03&until=2022-05").json()
    assert (total, denied) == (24, 12)
    assert spring["periods"] == ["2022-03-01", "2022-04-01", "2022-05-01"]
    assert (
        client.get(base + "?min_confidence=0.5&outlet=wire").json()["directions"]["RUS->UKR"][
            "total"
        ]
        == 6
    )
    bad = client.get(base + "?status=rumoured")
    assert bad.status_code == 422 and "valid values" in bad.json()["error"]["message"]


def test_dyad_page_charts_and_lists_follow_the_form(client: TestClient) -> None:
    html = client.get("/dyads/RUS/UKR?status=denied&type=ASSAULT", headers=HTML).text
    fig = _figures(html)["timeline-RUS-UKR-data"]
    assert {t["name"] for t in fig["data"]} == {"ASSAULT", "net score"}
    assert "RUS → UKR (12 events)" in html and "Events (12)" in html
    status = html.split('id="status"')[1].split("</table>")[0]
    assert "denied" in status and "reported" not in status
    # a click on a point opens an event under the same filters
    url = next(u for u in fig["data"][0]["customdata"] if u)
    assert "status=denied" in url and "type=ASSAULT" in url
    r = client.get(url, follow_redirects=False)
    assert r.status_code == 303
    doc = client.get("/api" + r.headers["location"].split("#")[0]).json()
    event_id = r.headers["location"].split("#ev-")[1]
    assert next(e for e in doc["events"] if e["event_id"] == event_id)["status"] == "denied"


def test_form_state_round_trips_through_the_url(client: TestClient) -> None:
    url = "/dyads/RUS/UKR?since=2022-02&until=2022-10&type=ASSAULT&type=AID&status=reported,denied"
    html = client.get(url + "&min_confidence=0.5&outlet=Wire&freq=week", headers=HTML).text
    form = html.split('id="filters"')[1].split("</form>")[0]
    assert 'name="since" value="2022-02"' in form and 'name="until" value="2022-10"' in form
    assert "<option selected>ASSAULT</option>" in form and "<option selected>AID</option>" in form
    assert "<option selected>reported</option>" in form and "<option selected>denied</option>"
    assert 'value="0.5"' in form and 'name="outlet" value="Wire"' in form
    assert '<input type="hidden" name="freq" value="week">' in form
    active = " ".join(html.split('id="active-filters"')[1].split("</p>")[0].split())
    assert "from 2022-02 · to 2022-10 · types ASSAULT, AID · status reported, denied" in active
    assert 'id="active-filters"' not in client.get("/dyads/RUS/UKR", headers=HTML).text
    q = _downloads(html)
    assert set(q) == {"CSV", "PARQUET", "GDELT", "POLECAT"}
    assert q["CSV"] == {
        "format": ["csv"],
        "dyad": ["RUS-UKR"],
        "since": ["2022-02"],
        "until": ["2022-10"],
        "type": ["ASSAULT,AID"],
        "status": ["reported,denied"],
        "min_confidence": ["0.5"],
        "outlet": ["Wire"],
    }


def test_home_ranking_and_claims_follow_the_form(client: TestClient) -> None:
    html = client.get("/", headers=HTML).text
    assert "RUS – UKR" in html and "DEU – FRA" in html
    consult = client.get("/?type=CONSULT", headers=HTML).text
    table = consult.split('id="dyads"')[1].split("</table>")[0]
    assert "DEU – FRA" in table and "RUS – UKR" not in table
    assert "<option selected>CONSULT</option>" in consult
    assert _downloads(consult)["GDELT"] == {"format": ["gdelt"], "type": ["CONSULT"]}
    # the contested list keeps groups with a matching event only
    assert 'id="contested"' in html
    assert 'id="contested"' not in consult and "No contested claims." in consult
    ranked = client.get("/api/dyads?type=ASSAULT").json()["items"]
    assert [d["dyad"] for d in ranked] == ["RUS-UKR"]


def test_ledger_filters_keep_matching_groups(client: TestClient) -> None:
    assert "conf. 0.20" in client.get("/claims?type=ASSAULT", headers=HTML).text

    def groups(query: str) -> int:
        return client.get("/claims" + query, headers=HTML).text.count('class="ledger-entry"')

    assert groups("") == 3 and groups("?status=denied") == 3
    assert groups("?type=ASSAULT") == 1 and groups("?since=2022-09&until=2022-09") == 1
    assert groups("?type=ASSAULT&outlet=Daily") == 0 and groups("?type=ASSAULT&outlet=wire") == 1
    assert groups("?min_confidence=0.95&type=ASSAULT") == 0
    api = "/api/ledger"
    assert client.get(api).json()["total"] == 3
    assert client.get(api + "?type=ASSAULT&outlet=wire").json()["total"] == 1
    assert client.get(api + "?type=ASSAULT&min_confidence=0.95").json()["total"] == 0
    assert client.get(api + "?status=rumoured").status_code == 422
    for dates in ("?since=2022-09&until=2022-09", "?since=2030-01"):  # the page's date rule
        assert client.get(api + dates).json()["total"] == groups(dates)
    none = client.get("/claims?type=ASSAULT&outlet=Daily", headers=HTML).text
    assert "matching these filters" in none
    q = _downloads(client.get("/claims?dyad=IRN-RUS&status=denied", headers=HTML).text)
    assert q["POLECAT"]["contested"] == ["true"] and q["POLECAT"]["dyad"] == ["IRN-RUS"]
    csv = client.get("/api/export?" + "&".join(f"{k}={v[0]}" for k, v in q["CSV"].items()))
    lines = csv.text.strip().splitlines()
    assert len(lines) == 1 + 2 and all(",denied," in x for x in lines[1:])


def test_network_and_actor_pages_follow_the_form(client: TestClient) -> None:
    net = client.get("/api/network?type=CONSULT").json()
    assert [(e["a"], e["b"]) for e in net["edges"]] == [("DEU", "FRA")]
    html = client.get("/network?type=ASSAULT&top=15", headers=HTML).text
    assert html.count('class="edge"') == 1 and "RUS – UKR" in html
    assert '<input type="hidden" name="top" value="15">' in html
    rus = client.get("/actors/RUS?status=denied&type=ASSAULT", headers=HTML).text
    assert "As source (12)" in rus and "As target (0)" in rus
    assert _downloads(rus)["CSV"]["actor"] == ["RUS"]


def test_axis_defaults_to_the_publication_span(client: TestClient) -> None:
    html = client.get("/dyads/RUS/UKR", headers=HTML).text
    layout = _figures(html)["timeline-RUS-UKR-data"]["layout"]
    lo, hi = layout["xaxis"]["range"]
    assert "2021-12-15" <= lo <= "2022-01-05" and "2022-12-05" <= hi <= "2022-12-31"
    periods = _figures(html)["timeline-RUS-UKR-data"]["data"][0]["x"]
    assert periods[0] >= "2022-01-01" and periods[-1] <= "2022-12-01"
    background = html.split('id="background"')[1]
    assert "1951" in background and "2030" in background
    api = client.get("/api/dyads/RUS/UKR").json()["background"]
    assert sorted(e["date"][:4] for e in api) == ["1951", "2030"]


def test_bad_filter_values_are_a_clear_error_on_every_page(client: TestClient) -> None:
    for page in ("/", "/claims", "/network", "/actors/RUS", "/dyads/RUS/UKR"):
        r = client.get(page + "?min_confidence=7", headers=HTML)
        assert r.status_code == 422, page
        assert "min_confidence: expected a number between 0 and 1" in r.text
