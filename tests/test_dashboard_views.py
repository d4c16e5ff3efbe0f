"""Issue 9 dashboard: filters with URL state and downloads on the dyad page, confidence shown,
background references listed apart, a paginated ledger, pronoun speakers grouped."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from dyadwatch.api.app import ApiConfig, create_app
from dyadwatch.records import Actor
from dyadwatch.store import Store
from dyadwatch.store.contested import UNRESOLVED, speaker_label
from dyadwatch.store.synth import DocBuilder, actor, seed_like

HTML = {"accept": "text/html"}


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    path: Path = tmp_path_factory.mktemp("dash") / "d.duckdb"
    results = [seed_like(f"2022-{m:02d}-10") for m in range(1, 13)]  # 12 contested groups
    d = DocBuilder(published="2022-06-01")
    d.event(actor("RUS"), actor("UKR"), "ASSAULT", "reported", confidence=0.9)
    d.event(actor("RUS"), actor("UKR"), "ASSAULT", "denied", confidence=0.3)
    treaty = "Under the 1997 treaty Russia agreed to respect Ukraine's borders."
    rus, ukr = actor("RUS"), actor("UKR")
    d.event(rus, ukr, "AGREE", "reported", date="1997", confidence=0.4, sentence=treaty)
    ev = d.event(actor("RUS"), actor("UKR"), "COERCE", "alleged")
    d.claim(Actor(text="his"), "assert", [ev])
    d.claim(actor("RUS", "Dmitry Peskov", "GOV"), "deny", [ev])
    results.append(d.build("rus-ukr.txt"))
    with Store(path) as s:
        s.write_batch(results)
    with TestClient(create_app(ApiConfig(db=str(path)), warm=False)) as c:
        yield c


def test_dyad_page_filters_keep_state_and_show_confidence(client: TestClient) -> None:
    html = client.get("/dyads/RUS/UKR?status=reported&min_confidence=0.5", headers=HTML).text
    assert "Events (1)" in html and "0.90" in html and "0.30" not in html
    assert "<option selected>reported</option>" in html and 'value="0.5"' in html
    assert (
        "/api/export?format=gdelt&amp;dyad=RUS-UKR&amp;status=reported&amp;min_confidence=0.5"
        in html
    )
    everything = client.get("/dyads/RUS/UKR", headers=HTML).text
    assert "Events (3)" in everything and "0.30" in everything  # the 1997 treaty: apart


def test_dyad_page_download_is_the_filtered_export(client: TestClient) -> None:
    body = client.get("/api/export?format=csv&dyad=RUS-UKR&status=reported&min_confidence=0.5")
    lines = body.text.strip().splitlines()
    assert len(lines) == 2 and ",reported," in lines[1]


def test_dyad_page_bad_filter_is_a_clear_error(client: TestClient) -> None:
    r = client.get("/dyads/RUS/UKR?status=rumoured", headers=HTML)
    assert r.status_code == 422 and "status: unknown value" in r.text and "reported" in r.text


def test_background_reference_listed_apart(client: TestClient) -> None:
    html = client.get("/dyads/RUS/UKR", headers=HTML).text
    assert 'id="background"' in html and "1997 treaty" in html.split('id="background"')[1]
    assert "1997 treaty" not in html.split('id="events"')[1].split("</table>")[0]
    tl = client.get("/api/dyads/RUS/UKR/timeline").json()
    assert tl["periods"] == ["2022-06-01"]


def test_ledger_is_paginated_and_keeps_filters(client: TestClient) -> None:
    first = client.get("/claims", headers=HTML).text
    assert first.count('class="ledger-entry"') == 10 and "page 1 of 2" in first
    second = client.get("/claims?page=2", headers=HTML).text
    assert second.count('class="ledger-entry"') == 3
    filtered = client.get("/claims?dyad=IRN-RUS", headers=HTML).text
    assert 'href="?dyad=IRN-RUS&amp;page=2"' in filtered


def test_pronoun_speakers_are_grouped_as_unresolved(client: TestClient) -> None:
    assert speaker_label(None, "his", None) == UNRESOLVED
    assert speaker_label("It", None, None) == UNRESOLVED
    assert speaker_label("Dmitry Peskov", "Peskov", "RUSGOV") == "Dmitry Peskov"
    groups = client.get("/api/ledger?dyad=RUS-UKR").json()["items"]
    names = {p["speaker"] for g in groups for p in g["positions"]}
    assert UNRESOLVED in names and "his" not in names


def test_actor_page_shows_store_and_dictionary(client: TestClient) -> None:
    html = client.get("/actors/RUS", headers=HTML).text
    assert 'id="as-source"' in html and 'id="as-target"' in html
    assert "As source (" in html and "As source (0)" not in html
    kirby = client.get("/actors/USAGOV?name=John%20Kirby", headers=HTML).text
    assert "Claims made (12)" in kirby and 'class="entry-dates"' in kirby
    assert client.get("/actors/NOPE", headers=HTML).status_code == 404
    dyad = client.get("/dyads/RUS/UKR", headers=HTML).text
    assert 'class="actor-link" href="/actors/RUS?name=RUS"' in dyad


def test_network_top_dyads_weighted_not_a_ring(client: TestClient) -> None:

    from dyadwatch.api.charts import force_layout

    net = client.get("/api/network?top=2").json()
    assert len(net["edges"]) == 2
    assert {n["id"] for n in net["nodes"]} == {k for e in net["edges"] for k in (e["a"], e["b"])}
    html = client.get("/network?top=2", headers=HTML).text
    assert html.count('class="edge"') == 2 and re.search(r'stroke-width="[\d.]+"', html)
    # a heavy edge pulls its pair closer than a light one; a star is not laid out as a ring
    pos = force_layout(["A", "B", "C", "D"], [("A", "B", 50.0), ("A", "C", 1.0)], 600)
    dist = {
        k: ((pos["A"][0] - pos[k][0]) ** 2 + (pos["A"][1] - pos[k][1]) ** 2) ** 0.5 for k in "BC"
    }
    assert dist["B"] < dist["C"]


def test_evidence_is_one_trimmed_sentence() -> None:
    from dyadwatch.api.pages import one_sentence

    sentence = "Russia launched a wave of drones at Kyiv overnight, officials said."
    assert one_sentence(f"Drones over Kyiv\n\n{sentence}") == sentence
    assert one_sentence(f"*\n\n<!-- -->\n\n- *{sentence}*\n\n") == sentence  # scraped Markdown
    long = "Russia said " + "very " * 100 + "much."
    out = one_sentence(long, 60)
    assert len(out) <= 62 and out.endswith(" …") and "\n" not in out


def test_outlet_filter_everywhere(client: TestClient, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from dyadwatch.cli import app

    dw = client.get("/api/events?outlet=dw&limit=1").json()["total"]
    synthetic = client.get("/api/events?outlet=Synth&limit=1").json()["total"]
    assert dw > 0 and synthetic == 4 and client.get("/api/events?limit=1").json()["total"] == dw + 4
    html = client.get("/dyads/RUS/UKR?outlet=nowhere", headers=HTML).text
    assert "Events (0)" in html and 'name="outlet" value="nowhere"' in html
    db = client.app.state.config.db  # type: ignore[attr-defined]
    res = CliRunner().invoke(app, ["events", "--db", db, "--outlet", "synth", "--json"])
    assert res.exit_code == 0 and len(res.stdout.splitlines()) == 4


def test_document_page_groups_pronoun_speakers_and_shows_confidence(client: TestClient) -> None:
    doc_id = client.get("/api/events?dyad=RUS-UKR&limit=1").json()["items"][0]["doc_id"]
    html = client.get(f"/documents/{doc_id}", headers=HTML).text
    claims = html.split("<h2>Claims (")[1]
    assert f">{UNRESOLVED}</a>" in claims and ">his</a>" not in claims
    assert 'title="his:' not in html and f'title="{UNRESOLVED}: assert' in html
    assert "conf. 0.90" in html and "conf. 0.30" in html


def test_document_highlight_never_runs_over_a_subheading() -> None:
    """The sentence splitter may glue a subheading to the next sentence: the highlight keeps
    the line holding the trigger, without Markdown bullets."""
    from dyadwatch.api.highlight import render_text

    head, sentence = "Sanctions update", "Russia launched drones at Kyiv overnight."
    text = f"Intro line.\n{head}\n\n- *{sentence}*\n\nNext paragraph."
    start = text.index(head)
    end = text.index("Next") - 2
    trig = text.index("launched")
    event = {
        "event_id": "e1",
        "evidence": {"start": start, "end": end},
        "trigger_span": {"start": trig, "end": trig + len("launched")},
        "plover": {"type": "ASSAULT"},
    }
    html = str(render_text(text, [event], []))
    marked = re.findall(r'<span class="hl ev[^"]*"[^>]*>(.*?)</span>', html)
    assert "".join(marked) == sentence and head not in "".join(marked)


def test_records_missing_fields_render_blank() -> None:
    """Absent = null (docs/RECORDS.md): an older store's event without confidence or claim
    without content renders a blank cell, never a 500."""
    from dyadwatch.api.pages import templates

    page = templates.env.from_string(
        "[{{ c.content.text | one_sentence }}|{{ e.confidence | confidence }}]"
    )
    assert page.render(c={}, e={}) == "[|]"
    assert page.render(c={"content": {"text": "A said B."}}, e={"confidence": 0.5}) == (
        "[A said B.|0.50]"
    )
