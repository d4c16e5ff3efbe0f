"""The curated knowledge base (issue 8): dated office holders, former officials, parties,
armed and criminal groups, international bodies and military units, on phrases and sentences
written for these tests."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from dyadwatch.actors import make_resolver
from dyadwatch.actors.lexicon import SUPPLEMENTS, _data_dir, read_people
from dyadwatch.actors.match import pick_entry
from dyadwatch.eval.actors import GOLD, load_gold
from dyadwatch.eval.actors import run as run_actors
from dyadwatch.records import Document, Mention
from dyadwatch.settings import Settings


@pytest.fixture(scope="module")
def resolver(settings: Settings) -> Any:
    return make_resolver(settings)


def side(resolver: Any, phrase: str, date: str | None = "2024-06-15") -> tuple[Any, ...]:
    a = resolver.resolve_phrase(phrase, date)
    assert a is not None, phrase
    return (a.country or (a.code or "")[:3], a.sector)


@pytest.mark.parametrize(
    ("phrase", "date", "want"),
    [
        ("Ishaq Dar", "2024-06-15", ("PAK", "GOV")),
        ("Foreign Minister Ayman Safadi", "2023-02-01", ("JOR", "GOV")),
        ("Nigeria's Foreign Minister Yusuf Tuggar", "2024-01-10", ("NGA", "GOV")),
        ("Zelenskiy", "2023-05-01", ("UKR", "GOV")),
        ("Esmail Qaani", "2024-04-02", ("IRN", "MIL")),
        ("David Barnea", "2024-01-01", ("ISR", "SPY")),
        ("Kash Patel", "2025-06-01", ("USA", "COP")),
    ],
)
def test_office_holders(resolver: Any, phrase: str, date: str, want: tuple[str, str]) -> None:
    assert side(resolver, phrase, date) == want


def test_role_follows_the_date(resolver: Any) -> None:
    assert side(resolver, "Bolsonaro", "2021-05-01") == ("BRA", "GOV")
    assert side(resolver, "Bolsonaro", "2024-05-01") == ("BRA", "ELI")  # out of office
    assert side(resolver, "Donald Trump", "2022-01-10") == ("USA", "ELI")
    assert side(resolver, "Donald Trump", "2024-03-01") == ("USA", "PTY")  # candidate
    assert side(resolver, "Donald Trump", "2025-03-01") == ("USA", "GOV")
    assert side(resolver, "Sebastien Lecornu", "2024-01-01") == ("FRA", "GOV")


def test_former_titles_are_eli(resolver: Any) -> None:
    assert side(resolver, "former Defence Minister Mariusz Blaszczak", "2024-03-01") == (
        "POL",
        "ELI",
    )
    assert side(resolver, "ex-president Jair Bolsonaro", "2024-03-01")[1] == "ELI"
    assert side(resolver, "presidential candidate Claudia Sheinbaum", "2024-03-01") == (
        "MEX",
        "PTY",
    )


def test_no_date_means_no_former_guess(resolver: Any) -> None:
    entries = resolver.lexicon.phrases[("bolsonaro",)]["person"].entries
    e = pick_entry(entries, None)
    assert e is not None and e.sector == "GOV"


@pytest.mark.parametrize(
    ("phrase", "date", "want"),
    [
        ("Likud", "2020-01-01", ("ISR", "GOV")),  # leading the government
        ("Likud", "2022-01-01", ("ISR", "PTY")),  # in opposition under Bennett-Lapid
        ("the ANC", "2024-06-15", ("ZAF", "GOV")),
        ("AKP", "2024-06-15", ("TUR", "GOV")),
        ("CHP", "2024-06-15", ("TUR", "PTY")),
        ("the BJP", "2010-01-01", ("IND", "PTY")),
        ("Morena", "2024-06-15", ("MEX", "GOV")),
        ("Pakistan Tehreek-e-Insaf", "2024-06-15", ("PAK", "PTY")),
    ],
)
def test_parties(resolver: Any, phrase: str, date: str, want: tuple[str, str]) -> None:
    assert side(resolver, phrase, date) == want


@pytest.mark.parametrize(
    ("phrase", "date", "want"),
    [
        ("M23", "2024-06-15", ("COD", "REB")),
        ("al-Shabaab", "2024-06-15", ("SOM", "REB")),
        ("the YPG", "2024-06-15", ("SYR", "REB")),
        ("Ansar Allah", "2024-06-15", ("YEM", "REB")),
        ("Wagner Group", "2023-03-01", ("RUS", "PRM")),
        ("the RSF", "2020-01-01", ("SDN", "PRM")),  # paramilitary of the state then
        ("the RSF", "2024-01-01", ("SDN", "REB")),  # at war with the army since April 2023
        ("the Taliban", "2019-01-01", ("AFG", "REB")),
        ("the Taliban", "2023-01-01", ("AFG", "GOV")),
        ("the Sinaloa Cartel", "2024-06-15", ("MEX", "CRM")),
        ("MS-13", "2024-06-15", ("SLV", "CRM")),
        ("Tren de Aragua", "2024-06-15", ("VEN", "CRM")),
    ],
)
def test_armed_and_criminal_groups(
    resolver: Any, phrase: str, date: str, want: tuple[str, str]
) -> None:
    assert side(resolver, phrase, date) == want


@pytest.mark.parametrize(
    ("phrase", "want"),
    [
        ("UN Human Rights Council", ("UNO", None)),
        ("the Shanghai Cooperation Organisation", ("IGO", None)),
        ("the African Union Commission", ("AFU", None)),
        ("OCHA", ("UNO", None)),
        ("the Palestinian Red Crescent", ("PSE", "NGO")),
        ("the Black Sea Fleet", ("RUS", "MIL")),
        ("the Quds Force", ("IRN", "MIL")),
        ("CENTCOM", ("USA", "MIL")),
        ("the China Coast Guard", ("CHN", "COP")),
        ("Shin Bet", ("ISR", "SPY")),
    ],
)
def test_bodies_and_units(resolver: Any, phrase: str, want: tuple[str, Any]) -> None:
    assert side(resolver, phrase) == want


def run_doc(resolver: Any, nlp: Any, text: str, published: str) -> list[Mention]:
    return resolver.mentions(Document(doc_id="kb", text=text, published=published), nlp(text))


def test_kb_actors_in_sentences(resolver: Any, nlp: Any) -> None:
    text = (
        "M23 rebels seized the town on Tuesday, the Congolese army said. "
        "Ayman Safadi met Badr Abdelatty in Cairo to discuss the ceasefire. "
        "The Black Sea Fleet moved two frigates out of Sevastopol."
    )
    got = {
        m.actor.text: (m.actor.country, m.actor.sector)
        for m in run_doc(resolver, nlp, text, "2025-02-03")
    }
    assert got["M23 rebels"] == ("COD", "REB")
    assert got["Ayman Safadi"] == ("JOR", "GOV")
    assert got["Badr Abdelatty"] == ("EGY", "GOV")
    assert got["Black Sea Fleet"] == ("RUS", "MIL")


def test_former_official_in_a_sentence(resolver: Any, nlp: Any) -> None:
    text = "Angela Merkel defended her Russia policy in an interview on Sunday."
    ms = run_doc(resolver, nlp, text, "2023-06-04")
    merkel = next(m for m in ms if m.actor.text == "Angela Merkel")
    assert (merkel.actor.country, merkel.actor.sector) == ("DEU", "ELI")


def test_kb_files_parse_and_alias_one_entry() -> None:
    for name in SUPPLEMENTS:
        rows = read_people(_data_dir() / name, "supplement")
        assert rows, name
    zel = [
        n
        for e, n in read_people(_data_dir() / "people_2020s.tsv", "supplement")
        if e.name.startswith("Volodymyr")
    ]
    assert {"Zelensky", "Zelenskyy", "Zelenskiy"} <= set(zel[0])


def test_actor_suite_scores_its_gold(settings: Settings, tmp_path: Path) -> None:
    gold = load_gold(GOLD)
    assert len(gold) >= 300
    few = tmp_path / "gold.tsv"
    few.write_text(
        "phrase\tdate\tcountry\tsector\tclass\n"
        "Ishaq Dar\t2024-06-15\tPAK\tGOV\tperson\n"
        "Ishaq Dar\t2024-06-15\tIND\tGOV\tperson\n",
        encoding="utf-8",
    )
    res = run_actors(few, settings)
    assert res.metrics["country_accuracy"] == 0.5 and res.metrics["sector_accuracy"] == 1.0
    bad = tmp_path / "bad.tsv"
    bad.write_text("phrase\tdate\tcountry\tsector\tclass\nonly\ttwo\n", encoding="utf-8")
    with pytest.raises(ValueError, match="columns"):
        load_gold(bad)
