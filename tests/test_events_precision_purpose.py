"""Precision, policy prose: a purpose or a description names an act without asserting it.

Every sentence here was written for these tests (invented briefing and fact-sheet lines).
"""

from __future__ import annotations

from typing import Any

import pytest

from dyadwatch.events.generic import GenericFileError, asserted, load_generic, purpose_clause
from dyadwatch.pipeline import Pipeline
from dyadwatch.records import Document, Event


def run(text: str, pipe: Pipeline, nlp: Any) -> list[Event]:
    doc = Document(doc_id="t", text=text, published="2023-03-01")
    return pipe.analyse(doc, nlp(text)).events


def triggers(events: list[Event]) -> set[tuple[str, str]]:
    return {(e.plover.type, e.trigger.lower()) for e in events}


@pytest.mark.parametrize(
    ("text", "unwanted"),
    [
        # a purpose infinitive under a funding / programme verb
        ("The Treasury announced new funding to help Moldova diversify its energy supplies.",
         "AID"),
        # a noun's describing infinitive, and the nominal object inside it
        ("Japanese and Australian officials explored ways to deepen their security cooperation.",
         "COOPERATE"),
        ("Japanese and Australian officials explored ways to deepen their security cooperation.",
         "SUPPORT"),
        ("The report describes Russia's actions to use gas as a weapon against Europe.", "ASSAULT"),
        ("Canada has a right to defend itself against Chinese pressure.", "AID"),
        # coordinated infinitives share the purpose role
        ("Officials reviewed plans to expand trade, boost investment and strengthen "
         "defence cooperation with Vietnam.", "COOPERATE"),
    ],
)  # fmt: skip
def test_purpose_and_description_are_no_events(
    text: str, unwanted: str, pipe: Pipeline, nlp: Any
) -> None:
    assert unwanted not in {t for t, _ in triggers(run(text, pipe, nlp))}


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        # the infinitive of an act noun is the act ("agreement to supply")
        ("Norway signed an agreement to supply air defence systems to Ukraine.", ("AID", "supply")),
        # the talk a meeting was held for is the meeting's content
        ("The Kenyan foreign minister met his Somali counterpart in Nairobi to discuss border "
         "security.", ("CONSULT", "met")),
        ("The European Union made efforts to provide food aid to Sudan.", ("AID", "provide")),
        # a finite conjunct after an infinitive is its own assertion
        ("The minister welcomed Chile becoming the first country to join the pact and discussed "
         "trade with the Prime Minister of Peru.", ("CONSULT", "discussed")),
    ],
)  # fmt: skip
def test_acts_stay(text: str, wanted: tuple[str, str], pipe: Pipeline, nlp: Any) -> None:
    assert wanted in triggers(run(text, pipe, nlp))


def test_purpose_clause_reads_the_parse(nlp: Any) -> None:
    doc = nlp("Officials unveiled a plan to send tanks to Poland.")
    send = next(t for t in doc if t.lemma_ == "send")
    assert purpose_clause(send)
    assert not asserted(send, noun=False)
    doc = nlp("Officials sent tanks to Poland.")
    sent = next(t for t in doc if t.lemma_ == "send")
    assert not purpose_clause(sent) and asserted(sent, noun=False)


def test_generic_file_lists() -> None:
    lists = load_generic()
    assert "agreement" in lists["act_noun"] and "send" in lists["dispatch_verb"]
    assert "discuss" in lists["kept_purpose"]


def test_generic_file_rejects_bad_rows(tmp_path: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    import dyadwatch.events.generic as generic

    bad = tmp_path / "generic.tsv"
    bad.write_text("list\tword\nact_noun\n", encoding="utf-8")
    monkeypatch.setattr(generic, "data_path", lambda *parts: bad)
    generic.load_generic.cache_clear()
    try:
        with pytest.raises(GenericFileError):
            generic.load_generic()
    finally:
        generic.load_generic.cache_clear()


@pytest.mark.parametrize(
    "text",
    [
        "The leaders discussed our ongoing cooperation in the Arctic with Norway.",
        "Chile and Peru have a long history of cooperation with Bolivia.",
        "The ministers reviewed security cooperation between Kenya and Ethiopia.",
    ],
)
def test_cooperation_as_topic_is_no_event(text: str, pipe: Pipeline, nlp: Any) -> None:
    assert "COOPERATE" not in {t for t, _ in triggers(run(text, pipe, nlp))}


def test_cooperation_as_act_stays(pipe: Pipeline, nlp: Any) -> None:
    text = "France and Egypt expanded military cooperation last year."
    assert ("COOPERATE", "military cooperation") in triggers(run(text, pipe, nlp))


def test_imposing_costs_is_a_sanction(pipe: Pipeline, nlp: Any) -> None:
    evs = run("The allies imposed severe costs on Russia.", pipe, nlp)
    assert {e.plover.type for e in evs if e.trigger == "imposed"} == {"SANCTION"}


def test_title_words_are_no_events(pipe: Pipeline, nlp: Any) -> None:
    text = "The Premier issued a memorandum on Promoting Canadian Leadership in Arctic Research."
    assert ("SUPPORT", "promoting") not in triggers(run(text, pipe, nlp))


def test_headline_keeps_its_trigger(pipe: Pipeline, nlp: Any) -> None:
    text = "Statement by the Foreign Minister on the Chancellor's Visit to Warsaw, Poland"
    assert ("CONSULT", "visit") in triggers(run(text, pipe, nlp))
