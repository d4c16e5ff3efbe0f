"""Events stage: patterns, actors from the parse, status, weapons, ids (offline, fast)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from dyadwatch.events import PloverCoder
from dyadwatch.events.lexicon import load_lexicon
from dyadwatch.events.ner_mentions import load_names, ner_mentions
from dyadwatch.events.weapons import is_designator
from dyadwatch.records import Document, Event
from dyadwatch.registry import registry
from dyadwatch.settings import Settings

COUNTRIES = Path(__file__).resolve().parents[1].parent / "shared/reference/ngec/countries.csv"


@pytest.fixture(scope="module")
def coder(settings: Settings) -> PloverCoder:
    made = registry.get("dyadwatch.events.v1")(settings)
    assert isinstance(made, PloverCoder)
    return made


@pytest.fixture(scope="module")
def names() -> dict[str, str]:
    return load_names(COUNTRIES)  # pycountry alone suffices when ../shared is absent


def code(text: str, nlp: Any, coder: PloverCoder, names: dict[str, str]) -> list[Event]:
    doc = Document(doc_id="t", text=text, published="2022-12-10")
    sdoc = nlp(text)
    return coder(doc, sdoc, ner_mentions(sdoc, names))


def dyads(events: list[Event]) -> set[tuple[str | None, str | None, str]]:
    return {
        (
            e.source.country if e.source else None,
            e.target.country if e.target else None,
            e.plover.type,
        )
        for e in events
    }


def test_crosswalk_and_goldstein() -> None:
    lex = load_lexicon()
    assert lex.plover("0312") is not None and lex.plover("0312").type == "AGREE"  # type: ignore[union-attr]
    assert lex.plover("072").context == ("military",)  # type: ignore[union-attr]
    assert lex.plover("163").type == "SANCTION"  # type: ignore[union-attr]  # crosswalk_extra
    assert lex.plover("1723").type == "COERCE"  # type: ignore[union-attr]
    assert lex.plover("021").type == "REQUEST"  # type: ignore[union-attr]
    assert lex.plover("010") is None  # statements are dropped
    assert lex.goldstein_for("072") == pytest.approx(8.3)
    assert lex.goldstein_for("19") is not None


def test_designators() -> None:
    for w in ("Su-35", "MiG-29", "Shahed-136", "S-400", "F-16"):
        assert is_designator(w), w
    for w in ("COVID-19", "G-20", "Russia", "2022-12"):
        assert not is_designator(w), w


def test_coordinated_subject_gives_symmetric_pair(nlp: Any, coder: PloverCoder, names: Any) -> None:
    evs = code("Russia and Iran are ramping up military cooperation.", nlp, coder, names)
    coop = [e for e in evs if e.plover.type == "COOPERATE"]
    assert {(e.source.country, e.target.country) for e in coop if e.source and e.target} == {
        ("RUS", "IRN"),
        ("IRN", "RUS"),
    }
    assert all(e.symmetric and "military" in e.plover.context for e in coop)
    assert coop[0].event_id != coop[1].event_id


def test_supply_with_weapons_and_alleged(nlp: Any, coder: PloverCoder, names: Any) -> None:
    text = "Iran has previously been accused of supplying Russia with lethal drones."
    evs = code(text, nlp, coder, names)
    aid = [e for e in evs if e.plover.type == "AID"]
    assert aid, evs
    ev = aid[0]
    assert (ev.source.country, ev.target.country) == ("IRN", "RUS")  # type: ignore[union-attr]
    assert ev.status == "alleged"
    assert ev.weapons == ["drones"]
    assert "military" in ev.plover.context
    assert ev.cameo == "072" and ev.goldstein is not None


def test_passive_by_agent_is_source(nlp: Any, coder: PloverCoder, names: Any) -> None:
    evs = code("Syria was attacked by Turkey on Monday.", nlp, coder, names)
    assert ("TUR", "SYR", "ASSAULT") in dyads(evs)


def test_nominal_between(nlp: Any, coder: PloverCoder, names: Any) -> None:
    text = "Officials praised the growing defense cooperation between Moscow and Tehran."
    evs = code(text, nlp, coder, names)
    coop = {
        (e.source.country, e.target.country)
        for e in evs
        if e.plover.type == "COOPERATE" and e.source and e.target
    }
    assert coop == {("RUS", "IRN"), ("IRN", "RUS")}


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Iran is considering setting up a drone production line in Russia.", "considered"),
        # a narrated future keeps its type (issue 7: "will travel" -> expected); only a
        # commitment ("agreed to deliver", "we will deliver", "said it will") is AGREE
        ("Russia will deliver S-400 systems to Turkey next year.", None),
        ("Turkey did not attack Syria.", "negated"),
        ("If Turkey attacks Syria, the region will suffer.", "hypothetical"),
        ("Turkey reportedly attacked Syria.", "alleged"),
        ("Turkey attacked Syria.", "reported"),
    ],
)
def test_status_from_clause(
    text: str, status: str | None, nlp: Any, coder: PloverCoder, names: Any
) -> None:
    evs = [e for e in code(text, nlp, coder, names) if e.source or e.target]
    assert evs, text
    best = max(evs, key=lambda e: e.confidence)
    if status is None:
        assert best.plover.type == "AID" and best.weapons == ["S-400"]
        assert best.status == "expected"
    else:
        assert best.status == status, (text, best)


def test_reporting_verbs_are_not_events(nlp: Any, coder: PloverCoder, names: Any) -> None:
    evs = code("The United States said that France told Germany about it.", nlp, coder, names)
    assert evs == []


def test_provenance_offsets(nlp: Any, coder: PloverCoder, names: Any) -> None:
    text = "Intro line here.\n\nRussia and Iran are ramping up military cooperation, officials say."
    doc = Document(doc_id="p", text=text)
    sdoc = nlp(text)
    evs = coder(doc, sdoc, ner_mentions(sdoc, names))
    assert evs
    for e in evs:
        assert text[e.evidence.start : e.evidence.end] == e.evidence.text
        assert e.trigger_span is not None
        assert (
            text[e.trigger_span.start : e.trigger_span.end] == e.trigger == "military cooperation"
        )
        assert e.date is None
    again = coder(doc, sdoc, ner_mentions(sdoc, names))
    assert [e.event_id for e in again] == [e.event_id for e in evs]


def test_no_actor_no_event(nlp: Any, coder: PloverCoder) -> None:
    text = "The officials attacked the building."
    assert coder(Document(doc_id="n", text=text), nlp(text), []) == []


def test_user_patterns_override(tmp_path: Path, nlp: Any, names: Any, settings: Settings) -> None:
    pat = tmp_path / "mine.tsv"
    pat.write_text("lemma\tparticle\tpost\tpreps\tcameo\nembrace\t\t\t\t051\n", encoding="utf-8")
    coder = PloverCoder(settings.with_overrides(user_patterns=str(pat)))
    evs = code("France embraced Germany.", nlp, coder, names)
    assert ("FRA", "DEU", "SUPPORT") in dyads(evs)


def test_missing_user_patterns_is_clear_error(settings: Settings) -> None:
    from dyadwatch.events.lexicon import PatternFileError

    with pytest.raises(PatternFileError, match="not found"):
        PloverCoder(settings.with_overrides(user_patterns="/nonexistent/patterns.tsv"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Iran-Russia cooperation is growing.", {("IRN", "RUS", "COOPERATE")}),
        ("Ukraine received HIMARS from the United States.", {("USA", "UKR", "AID")}),
        ("Turkey sold Bayraktar drones to Ukraine.", {("TUR", "UKR", "AID")}),
        ("The EU condemned Russia's attack on Ukraine.", {("RUS", "UKR", "ASSAULT")}),
    ],
)
def test_dyads(text: str, expected: set[Any], nlp: Any, coder: PloverCoder, names: Any) -> None:
    assert expected <= dyads(code(text, nlp, coder, names))


def test_plover_recoding_rules(nlp: Any, coder: PloverCoder, names: Any) -> None:
    threat = code("Turkey threatened to attack Syria.", nlp, coder, names)
    assert ("TUR", "SYR", "THREATEN") in dyads(threat)
    assert any(e.plover.mode == "violence" for e in threat)
    future = code("Russia will impose sanctions on Georgia.", nlp, coder, names)
    assert ("RUS", "GEO", "THREATEN") in dyads(future)
    refusal = code("Syria will not accept talks with Turkey.", nlp, coder, names)
    assert any(e.plover.type == "REJECT" and e.source for e in refusal), refusal
    demand = code("France said Iran must release the prisoners.", nlp, coder, names)
    assert ("FRA", "IRN", "REQUEST") in dyads(demand)


def test_assault_mode_and_location_source(nlp: Any, coder: PloverCoder, names: Any) -> None:
    evs = code("Thousands of protesters in Iran blocked roads on Monday.", nlp, coder, names)
    ev = next(e for e in evs if e.plover.type == "PROTEST")
    assert ev.source is not None and ev.source.country == "IRN"
    assert ev.plover.mode == "obstruct"
    evs = code("Angry protesters blocked roads in Tehran on Monday.", nlp, coder, names)
    ev = next(e for e in evs if e.plover.type == "PROTEST")
    assert ev.source is not None and ev.source.country == "IRN"
    assert ev.source.resolved_by == "location"
    shelled = code("Russia shelled Kharkiv with artillery.", nlp, coder, names)
    assert any(e.plover.mode == "heavy-weapons" for e in shelled if e.plover.type == "ASSAULT")
