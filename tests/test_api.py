"""REST API over the synthetic database: filters, paging, documents, dyads, export, errors."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api_fixtures import DENIED_SENTENCE, build_db
from dyadwatch.api import ApiConfig, create_app


@pytest.fixture(scope="module")
def db_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_db(tmp_path_factory.mktemp("api") / "api.duckdb")


@pytest.fixture(scope="module")
def client(db_path: Path) -> Iterator[TestClient]:
    with TestClient(create_app(ApiConfig(db=str(db_path)))) as c:
        yield c


def get(client: TestClient, url: str, status: int = 200) -> dict:
    r = client.get(url)
    assert r.status_code == status, r.text
    return r.json()


def all_events(client: TestClient, query: str = "") -> list[dict]:
    return get(client, f"/api/events?limit=500&{query}")["items"]


# --- events ------------------------------------------------------------------------------------


def test_events_are_records_with_provenance(client: TestClient) -> None:
    body = get(client, "/api/events?limit=5")
    assert body["total"] == 63 and len(body["items"]) == 5
    ev = body["items"][0]
    assert ev["kind"] == "event" and {"source", "target", "plover", "evidence", "status"} <= set(ev)
    doc = get(client, f"/api/documents/{ev['doc_id']}")["document"]
    e = ev["evidence"]
    assert doc["text"][e["start"] : e["end"]] == e["text"]


def test_dyad_filter_both_directions_and_directed(client: TestClient) -> None:
    both = all_events(client, "dyad=IRN-RUS")
    pairs = {(e["source"]["country"], e["target"]["country"]) for e in both}
    assert pairs == {("IRN", "RUS"), ("RUS", "IRN")}
    directed = all_events(client, "dyad=irn-rus&directed=true")
    assert directed and all(e["source"]["country"] == "IRN" for e in directed)
    assert len(directed) < len(both)
    assert get(client, "/api/events?dyad=RUS-IRN")["total"] == len(both)


@pytest.mark.parametrize(
    ("query", "check"),
    [
        ("type=AID", lambda e: e["plover"]["type"] == "AID"),
        ("type=aid,accuse", lambda e: e["plover"]["type"] in ("AID", "ACCUSE")),
        ("status=denied", lambda e: e["status"] == "denied"),
        ("weapon=su-35", lambda e: "Su-35" in e["weapons"]),
        ("q=power%20grid", lambda e: "power grid" in e["evidence"]["text"]),
        ("country=UKR", lambda e: "UKR" in (e["source"]["country"], e["target"]["country"])),
        ("actor=united%20nations", lambda e: e["target"]["code"] == "UNO"),
        ("mode=military", lambda e: e["plover"]["mode"] == "military"),
        ("date_from=2022-03-01&date_to=2022-03-31", lambda e: e["date"].startswith("2022-03")),
        ("date_from=2022-11&date_to=2022-11", lambda e: e["date"].startswith("2022-11")),
    ],
)
def test_event_filters(client: TestClient, query: str, check) -> None:  # type: ignore[no-untyped-def]
    items = all_events(client, query)
    assert items, query
    assert all(check(e) for e in items), query
    assert len(items) < 63


def test_filters_combine(client: TestClient) -> None:
    items = all_events(client, "dyad=IRN-RUS&status=denied&weapon=Shahed-136")
    assert [e["evidence"]["text"] for e in items] == [DENIED_SENTENCE]
    assert get(client, "/api/events?dyad=IRN-RUS&type=ASSAULT")["total"] == 0


def test_pagination_limit_offset_and_pages(client: TestClient) -> None:
    full = [e["event_id"] for e in all_events(client)]
    assert len(full) == len(set(full)) == 63
    a = get(client, "/api/events?limit=10&offset=20")
    b = get(client, "/api/events?page=3&page_size=10")
    assert [e["event_id"] for e in a["items"]] == full[20:30]
    assert [e["event_id"] for e in b["items"]] == full[20:30]
    assert (b["limit"], b["offset"], b["total"]) == (10, 20, 63)
    last = get(client, "/api/events?limit=10&offset=60")
    assert len(last["items"]) == 3
    assert get(client, "/api/events?offset=1000")["items"] == []


@pytest.mark.parametrize(
    ("query", "param"),
    [
        ("limit=501", "limit"),
        ("page_size=1000&page=1", "page_size"),
        ("limit=0", "limit"),
        ("offset=-1", "offset"),
        ("page=2&offset=5", None),
        ("date_from=2022-13-01", "date_from"),
        ("date_to=yesterday", "date_to"),
        ("date_from=2022-05-01&date_to=2022-04-01", "date_from"),
        ("type=FIGHT", "type"),
        ("status=rumoured", "status"),
        ("dyad=IRNRUS", "dyad"),
        ("dyad=IRN-NARNIA", "dyad"),
        ("country=Narnia", "country"),
        ("since=2022-13-45", "since"),
        ("sinse=2022-01-01", "sinse"),
    ],
)
def test_bad_parameters_get_json_422(client: TestClient, query: str, param: str | None) -> None:
    err = get(client, f"/api/events?{query}", 422)["error"]
    assert err["status"] == 422 and err["code"] == "invalid_parameter"
    if param:
        assert param in err["message"]


def test_unknown_parameter_names_the_known_ones(client: TestClient) -> None:
    msg = get(client, "/api/events?sinse=2022-01-01", 422)["error"]["message"]
    assert msg.startswith("sinse: unknown parameter") and "since" in msg and "status" in msg
    assert "stance" not in msg  # events take no stance
    assert "stance" in get(client, "/api/claims?nope=1", 422)["error"]["message"]


def test_since_until_and_old_aliases_agree(client: TestClient) -> None:
    new = get(client, "/api/events?since=2022-03-01&until=2022-03&limit=500")
    old = get(client, "/api/events?date_from=2022-03-01&date_to=2022-03&limit=500")
    assert new["total"] == old["total"] > 0
    assert all(e["date"].startswith("2022-03") for e in new["items"])
    everything = get(client, "/api/events?limit=1")["total"]
    assert new["total"] < everything  # since/until are not ignored


def test_country_names_resolve_and_say_so(client: TestClient) -> None:
    by_code = get(client, "/api/events?country=RUS&limit=1")
    for name in ("Russia", "Russian"):
        body = get(client, f"/api/events?country={name}&limit=1")
        assert body["total"] == by_code["total"] > 0
        assert body["resolved"] == {"country": f"{name!r} -> RUS"}
    assert "resolved" not in by_code


def test_same_message_in_cli_and_api(client: TestClient, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from dyadwatch.cli import app

    api = get(client, "/api/events?status=foo", 422)["error"]["message"]
    db = client.app.state.config.db  # type: ignore[attr-defined]
    res = CliRunner().invoke(app, ["events", "--db", db, "--status", "foo"])
    assert res.exit_code == 2
    assert api.startswith("status: unknown value 'foo'; valid values: ")
    assert api in " ".join(res.output.split())


def test_unknown_plover_type_lists_valid_ones(client: TestClient) -> None:
    msg = get(client, "/api/events?type=FIGHT", 422)["error"]["message"]
    assert "FIGHT" in msg and "ASSAULT" in msg


# --- claims ------------------------------------------------------------------------------------


def test_claims_stance_contested_and_event_filters(client: TestClient) -> None:
    assert get(client, "/api/claims")["total"] == 2
    denies = get(client, "/api/claims?stance=deny")["items"]
    assert [c["speaker"]["name"] for c in denies] == ["Vassily Nebenzia"]
    contested = get(client, "/api/claims?contested=true")["items"]
    assert {c["stance"] for c in contested} == {"assert", "deny"}
    assert get(client, "/api/claims?contested=false")["total"] == 0
    # event filters apply to the claims' linked events
    assert get(client, "/api/claims?dyad=IRN-RUS&weapon=Shahed-136")["total"] == 2
    assert get(client, "/api/claims?dyad=UKR-RUS")["total"] == 0
    assert get(client, "/api/claims?country=USA")["items"][0]["speaker"]["name"] == "John Kirby"
    assert get(client, "/api/claims?stance=lie", 422)["error"]["code"] == "invalid_parameter"


def test_ledger_groups_positions_by_event(client: TestClient) -> None:
    body = get(client, "/api/ledger")
    assert body["total"] == 1
    group = body["items"][0]
    assert group["contested"] and group["dyads"] == ["RUS-IRN"]
    assert [e["status"] for e in group["events"]] == ["denied"]
    assert sorted(p["stance"] for p in group["positions"]) == ["assert", "deny"]
    assert group["asserted_by"] == ["John Kirby"] and group["denied_by"] == ["Vassily Nebenzia"]
    assert get(client, "/api/ledger?dyad=IRN-RUS")["total"] == 1
    assert get(client, "/api/ledger?dyad=UKR-RUS")["total"] == 0
    assert get(client, "/api/ledger?date_from=2023-01-01")["total"] == 0
    assert get(client, "/api/ledger?dyad=bad", 422)["error"]["code"] == "invalid_parameter"
    events = get(client, "/api/events?contested=true")["items"]
    assert [e["status"] for e in events] == ["denied"]


# --- documents ---------------------------------------------------------------------------------


def test_document_with_events_claims_and_removed(client: TestClient) -> None:
    claim = get(client, "/api/claims?stance=deny")["items"][0]
    body = get(client, f"/api/documents/{claim['doc_id']}")
    doc = body["document"]
    assert doc["kind"] == "document" and doc["published"] == "2022-12-10"
    assert {r["reason"] for r in doc["removed"]} == {"navigation", "credit"}
    assert len(body["events"]) == 2 and len(body["claims"]) == 2
    for rec in body["events"] + body["claims"]:
        e = rec["evidence"]
        assert doc["text"][e["start"] : e["end"]] == e["text"]
    for c in body["claims"]:
        assert doc["text"][c["content"]["start"] : c["content"]["end"]] == c["content"]["text"]


def test_missing_document_is_json_404(client: TestClient) -> None:
    err = get(client, "/api/documents/nope", 404)["error"]
    assert err["code"] == "not_found" and "nope" in err["message"]
    assert get(client, "/api/nothing-here", 404)["error"]["status"] == 404


def test_documents_list(client: TestClient) -> None:
    body = get(client, "/api/documents?limit=100")
    assert body["total"] == 17
    assert sum(d["n_events"] for d in body["items"]) == 63


# --- dyads, actors -----------------------------------------------------------------------------


def test_dyads_ranked_by_trend_and_volume(client: TestClient) -> None:
    trend = get(client, "/api/dyads")["items"]
    top = trend[0]
    assert top["dyad"] == "IRN-RUS" and top["trend"]["alarm"] and top["trend"]["slope"] > 0
    assert len(top["series"]["net"]) == 12
    assert not any(d["trend"]["alarm"] for d in trend[1:])
    volume = get(client, "/api/dyads?sort=volume")["items"]
    counts = [d["events"] for d in volume]
    assert counts == sorted(counts, reverse=True)
    assert {d["dyad"] for d in volume} == {"IRN-RUS", "RUS-USA", "RUS-UKR", "UKR-UNO"}
    assert get(client, "/api/dyads?sort=loudest", 422)["error"]["code"] == "invalid_parameter"


def test_timeline_both_directions_counts_and_scores(client: TestClient) -> None:
    t = get(client, "/api/dyads/IRN/RUS/timeline?freq=month")
    assert t["periods"][0] == "2022-01-01" and len(t["periods"]) == 12
    d_ir, d_ri = t["directions"]["IRN->RUS"], t["directions"]["RUS->IRN"]
    directed = len(all_events(client, "dyad=IRN-RUS&directed=true"))
    assert d_ir["total"] == directed
    assert d_ir["total"] + d_ri["total"] == len(all_events(client, "dyad=IRN-RUS"))
    assert d_ir["counts"]["ACCUSE"][3] == 1  # April
    for d in (d_ir, d_ri):
        for c, k, n in zip(d["cooperation"], d["conflict"], d["net"], strict=True):
            assert n == pytest.approx(c - k)
    assert d_ri["cooperation"][-1] > d_ri["cooperation"][0]
    week = get(client, "/api/dyads/RUS/IRN/timeline?freq=week")
    assert len(week["periods"]) > 40
    assert week["dyad"] == ["RUS", "IRN"]


def test_timeline_bad_input(client: TestClient) -> None:
    bad = get(client, "/api/dyads/NARNIA/RUS/timeline", 422)
    assert bad["error"]["code"] == "invalid_parameter"
    assert get(client, "/api/dyads/Iran/Russia/timeline")["dyad"] == ["IRN", "RUS"]
    assert get(client, "/api/dyads/IRN/RUS/timeline?freq=day", 422)["error"]["status"] == 422
    empty = get(client, "/api/dyads/FRA/DEU/timeline")
    assert empty["periods"] == [] and empty["directions"]["FRA->DEU"]["total"] == 0


def test_actors(client: TestClient) -> None:
    body = get(client, "/api/actors")
    names = [a["name"] for a in body["items"]]
    assert names[0] == "Russia" and "Vassily Nebenzia" in names
    assert get(client, "/api/actors?q=kirby")["items"][0]["code"] == "USAGOV"
    assert get(client, "/api/actors?country=usa")["total"] == 2


# --- export ------------------------------------------------------------------------------------


def test_export_jsonl_csv_parquet_match_filters(client: TestClient, tmp_path: Path) -> None:
    expected = len(all_events(client, "dyad=IRN-RUS"))
    r = client.get("/api/export?format=jsonl&dyad=IRN-RUS")
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/x-ndjson")
    lines = [json.loads(x) for x in r.text.splitlines()]
    assert len(lines) == expected and all(x["kind"] == "event" for x in lines)

    r = client.get("/api/export?format=csv&dyad=IRN-RUS&weapon=Su-35")
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert rows and all(row["weapons"] == "Su-35" for row in rows)
    assert "record" not in rows[0]

    import pyarrow.parquet as pq

    r = client.get("/api/export?format=parquet&kind=claims&stance=deny")
    path = tmp_path / "x.parquet"
    path.write_bytes(r.content)
    table = pq.read_table(path)
    assert table.num_rows == 1 and table.column("speaker_name")[0].as_py() == "Vassily Nebenzia"

    assert get(client, "/api/export?format=xml", 422)["error"]["code"] == "invalid_parameter"
    assert get(client, "/api/export?stance=deny", 422)["error"]["status"] == 422


# --- dashboard pages respond (rendering is checked in a browser by test_browser_*) -------------


@pytest.mark.parametrize("url", ["/", "/dyads/IRN/RUS", "/claims", "/network", "/docs"])
def test_pages_render(client: TestClient, url: str) -> None:
    r = client.get(url)
    assert r.status_code == 200 and "text/html" in r.headers["content-type"]
    assert "cdn." not in r.text.lower()


def test_plotly_served_locally(client: TestClient) -> None:
    r = client.get("/vendor/plotly.min.js")
    assert r.status_code == 200 and len(r.content) > 1_000_000
    assert b"plotly" in r.content[:2000].lower()


def test_html_404_page(client: TestClient) -> None:
    r = client.get("/documents/nope", headers={"accept": "text/html"})
    assert r.status_code == 404 and "no document" in r.text and "<html" in r.text


def test_chart_point_evidence_redirects_to_sentence(client: TestClient) -> None:
    url = "/evidence?src=RUS&tgt=IRN&freq=month&period=2022-12-01&type=AID"
    r = client.get(url, follow_redirects=False)
    assert r.status_code == 303
    doc_url, _, anchor = r.headers["location"].partition("#ev-")
    doc = get(client, "/api" + doc_url)
    ev = next(e for e in doc["events"] if e["event_id"] == anchor)
    assert ev["plover"]["type"] == "AID" and ev["date"].startswith("2022-12")
    assert (ev["source"]["country"], ev["target"]["country"]) == ("RUS", "IRN")
    # a net-score point has no type: any event of the period
    r = client.get("/evidence?src=IRN&tgt=RUS&period=2022-04-01", follow_redirects=False)
    assert r.status_code == 303
    missing = client.get("/evidence?src=IRN&tgt=RUS&period=2030-01-01")
    assert missing.status_code == 404
    assert client.get("/evidence?src=IRN&tgt=RUS&period=April").status_code == 422


def test_text_search_is_literal(client: TestClient) -> None:
    assert get(client, "/api/events?q=%25")["total"] == 0  # '%' is not a wildcard
    assert get(client, "/api/events?q=_")["total"] == 0
    assert get(client, "/api/events?q=SU-35%20JETS")["total"] == 22  # case-insensitive
    assert get(client, "/api/claims?q=any%20drones")["total"] == 1


def test_highlight_marks_overlapping_spans_and_escapes_html() -> None:
    from dyadwatch.api.highlight import render_text

    text = "A <b>said</b> that X attacked Y. Other."
    ev = {
        "event_id": "e1",
        "status": "claimed",
        "plover": {"type": "ASSAULT"},
        "evidence": {"start": 0, "end": 32, "text": text[:32]},
        "trigger_span": {"start": 21, "end": 29, "text": "attacked"},
    }
    cl = {
        "claim_id": "c1",
        "stance": "assert",
        "cue": "said",
        "speaker": {"name": "A"},
        "evidence": {"start": 0, "end": 32, "text": text[:32]},
        "content": {"start": 19, "end": 31, "text": "X attacked Y"},
    }
    html = str(render_text(text, [ev], [cl]))
    assert "<b>" not in html and "&lt;b&gt;" in html
    assert 'id="ev-e1"' in html and 'id="cl-c1"' in html
    m = re.search(r'class="hl ([^"]+)" data-ids="([^"]+)" title="[^"]*">attacked</span>', html)
    assert m is not None
    assert set(m.group(1).split()) == {"ev", "cl", "trig", "content"}
    assert set(m.group(2).split()) == {"ev-e1", "tr-e1", "cl-c1", "cc-c1"}
    assert html.endswith(" Other.")  # text outside every span stays plain
    bad = dict(ev, evidence={"start": 5, "end": 500, "text": ""})  # offsets beyond the text
    assert "ev-e1" not in str(render_text(text, [bad], []))


@pytest.mark.parametrize("freq", ["month", "week"])
def test_timeline_scores_match_the_analytics_package(
    client: TestClient, db_path: Path, tmp_path: Path, freq: str
) -> None:
    """The API's SQL aggregates and analytics.timeline (Python) agree period by period."""
    import shutil

    from dyadwatch import analytics
    from dyadwatch.store.db import Store

    ours = get(client, f"/api/dyads/IRN/RUS/timeline?freq={freq}")
    with Store(shutil.copy(db_path, tmp_path / "copy.duckdb")) as store:
        theirs = analytics.timeline(store, "IRN", "RUS", freq=freq)  # type: ignore[arg-type]
    assert theirs
    index = {p: i for i, p in enumerate(ours["periods"])}
    for p in theirs:
        d = ours["directions"][f"{p.source}->{p.target}"]
        i = index[p.start.isoformat()]
        assert d["cooperation"][i] == pytest.approx(p.cooperation, abs=1e-3)
        assert d["conflict"][i] == pytest.approx(p.conflict, abs=1e-3)
        assert {t: c[i] for t, c in d["counts"].items() if c[i]} == p.counts


def test_api_root_lists_endpoints(client: TestClient) -> None:
    body = get(client, "/api")
    paths = {e["path"] for e in body["endpoints"]}
    assert {"/api/events", "/api/claims", "/api/export"} <= paths and body["docs"] == "/docs"


def test_new_name_wins_over_its_alias(client: TestClient) -> None:
    both = get(client, "/api/events?since=2022-11-01&date_from=2022-01-01&limit=1")["total"]
    assert both == get(client, "/api/events?since=2022-11-01&limit=1")["total"]
