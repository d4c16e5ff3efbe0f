"""Role and alias classes of issue 8, on phrases and sentences written for these tests: "deputy"
before a role, envoys "for" several countries, ruling-party leaders, capitals the NER model
tags PERSON, and full names that share a surname alias with another person."""

from __future__ import annotations

from typing import Any

import pytest

from dyadwatch.actors import make_resolver
from dyadwatch.records import Actor, Document
from dyadwatch.settings import Settings


@pytest.fixture(scope="module")
def resolver(settings: Settings) -> Any:
    return make_resolver(settings)


def phrase(resolver: Any, text: str, date: str) -> Actor | None:
    return resolver.resolve_phrase(text, date)


def code(resolver: Any, text: str, date: str = "2023-01-10") -> str | None:
    a = phrase(resolver, text, date)
    return a.code if a else None


def mentions(resolver: Any, nlp: Any, text: str, date: str = "2024-05-01") -> dict[str, Actor]:
    doc = Document(doc_id="t", text=text, published=date)
    return {m.actor.text: m.actor for m in resolver.mentions(doc, nlp(text))}


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # "deputy <role>" takes the role's sector, never the bare "deputy" (COP in NGEC)
        ("Sovereignty Council deputy chairman Mohamed Hamdan Dagalo", "SDNGOV"),  # his row
        ("Russia's deputy foreign minister", "RUSGOV"),
        ("the Ukrainian deputy prime minister", "UKRGOV"),
        ("Iran's deputy defence minister", "IRNGOV"),
        ("Kenya's deputy police chief", "KENCOP"),
        # a bare deputy is a legislator; a sheriff's deputy stays police
        ("Duma deputies", "RUSLEG"),
        ("Georgian opposition deputies", "GEOLEG"),
        ("a Russian deputy", "RUSLEG"),
        ("American sheriff's deputies", "USACOP"),
        # before an office or body, the office decides
        ("Deputy Secretary of State Wendy Sherman", "USAGOV"),
        ("Russia's deputy UN envoy Dmitry Polyanskiy", "RUSGOV"),
        ("a deputy of the Duma", "RUSLEG"),
    ],
)
def test_deputy_takes_the_role_sector(resolver: Any, text: str, want: str) -> None:
    assert code(resolver, text) == want


def test_deputy_head_has_no_police_sector(resolver: Any) -> None:
    a = phrase(resolver, "Ukraine's deputy head of the presidential office", "2023-01-10")
    assert a is None or a.sector != "COP"
    a = phrase(resolver, "deputy chairman Mohamed Hamdan Dagalo", "2023-01-10")
    assert a is not None and a.role == "deputy chairman" and a.sector == "GOV"


def test_deputies_in_sentences(resolver: Any, nlp: Any) -> None:
    got = mentions(resolver, nlp, "Duma deputies voted on Tuesday to ratify the border treaty.")
    assert got["Duma deputies"].code == "RUSLEG"
    got = mentions(resolver, nlp, "A sheriff's deputy arrested the suspect in Ohio.")
    assert got["sheriff's deputy"].sector == "COP"
    text = "Sovereignty Council deputy chairman Mohamed Hamdan Dagalo met Egyptian officials."
    hemedti = next(a for a in mentions(resolver, nlp, text, "2022-06-01").values() if a.name)
    assert hemedti.code == "SDNGOV" and hemedti.role == "deputy chairman"


@pytest.mark.parametrize(
    ("text", "date", "want"),
    [
        # "for A and B" is where the envoy is sent; the holder's row gives his country
        (
            "Special Representative for Afghanistan and Pakistan Richard Holbrooke",
            "2010-05-01",
            "USAGOV",
        ),
        ("the envoy for Sudan and South Sudan", "2023-01-10", "GOV"),
        ("the UN envoy for Syria", "2023-01-10", "UNOGOV"),
        ("Russia's envoy for the Middle East", "2023-01-10", "RUSGOV"),
        ("the US ambassador to Russia and Belarus", "2023-01-10", "USAGOV"),
    ],
)
def test_destination_is_not_the_sender(resolver: Any, text: str, date: str, want: str) -> None:
    assert code(resolver, text, date) == want


def test_envoy_for_two_countries_in_a_sentence(resolver: Any, nlp: Any) -> None:
    text = (
        "Special Representative for Afghanistan and Pakistan Richard Holbrooke met Pakistani "
        "officials in Islamabad."
    )
    got = mentions(resolver, nlp, text, "2010-05-01")
    holbrooke = next(a for a in got.values() if a.name == "Richard Holbrooke")
    assert holbrooke.code == "USAGOV"


@pytest.mark.parametrize(
    ("text", "date", "want"),
    [
        # PLOVER: GOV covers governing parties; a ruling party's leader is the government
        ("Communist Party General Secretary To Lam", "2024-09-01", "VNMGOV"),
        ("General Secretary Nguyen Phu Trong", "2022-03-01", "VNMGOV"),
        ("Chinese Communist Party General Secretary Xi Jinping", "2023-01-10", "CHNGOV"),
        ("Communist Party General Secretary Hu Jintao", "2005-01-10", "CHNGOV"),
        # still ELI once out of office, and PTY without a state row
        ("former General Secretary Nguyen Phu Trong", "2024-09-01", "VNMELI"),
        ("former General Secretary Nguyen Phu Trong", "2022-03-01", "VNMELI"),
        ("Communist Party General Secretary Tran Van Minh", "2022-03-01", "PTY"),
    ],
)
def test_ruling_party_leader_is_gov(resolver: Any, text: str, date: str, want: str) -> None:
    assert code(resolver, text, date) == want


def test_ruling_party_leader_in_a_sentence(resolver: Any, nlp: Any) -> None:
    text = "Communist Party General Secretary To Lam met the Japanese prime minister in Hanoi."
    got = mentions(resolver, nlp, text, "2024-09-01")
    assert got["Communist Party General Secretary To Lam"].code == "VNMGOV"


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Niamey revoked its defence agreement with Paris.", "NERGOV"),
        ("Bamako expelled the French ambassador on Monday.", "MLIGOV"),
        ("Ouagadougou suspended two French broadcasters.", "BFAGOV"),
        ("Dushanbe accused its neighbour of shelling border villages.", "TJKGOV"),
        ("Bishkek rejected the accusation on Wednesday.", "KGZGOV"),
        ("Ashgabat signed a gas deal with Beijing.", "TKMGOV"),
        ("Nouakchott recalled its ambassador from Mali.", "MRTGOV"),
        ("Lilongwe rejected the report.", "MWIGOV"),
    ],
)
def test_capital_subject_tagged_person(resolver: Any, nlp: Any, text: str, want: str) -> None:
    subject = text.split()[0]
    assert mentions(resolver, nlp, text)[subject].code == want


def test_names_that_are_places_stay_people(resolver: Any, nlp: Any) -> None:
    got = mentions(resolver, nlp, "George Washington said nothing about it.")
    assert got["George Washington"].kind == "person"
    got = mentions(resolver, nlp, "Victoria Nuland said the talks would resume.", "2022-05-01")
    assert got["Victoria Nuland"].code == "USAGOV"
    got = mentions(resolver, nlp, "Jackson said the senator would vote against the bill.")
    assert got["Jackson"].kind == "person" and got["Jackson"].country is None


@pytest.mark.parametrize("date", ["2005-01-01", "2015-01-01", "2025-01-01"])
def test_full_name_beats_another_persons_surname_alias(resolver: Any, date: str) -> None:
    a = phrase(resolver, "Riyad al-Maliki", date)
    assert a is not None and a.name == "Riyad al-Maliki" and a.country == "PSE"
    a = phrase(resolver, "Nouri al-Maliki", date)
    assert a is not None and a.country == "IRQ"


@pytest.mark.parametrize("date", ["2023-03-01", "2025-03-01"])
def test_full_name_is_not_another_persons_name_inside_it(resolver: Any, date: str) -> None:
    # Syria's defence minister 2022-2024 and the Palestinian president: the longer full
    # name never pools the rows of the person whose whole name ends it
    a = phrase(resolver, "Ali Mahmoud Abbas", date)
    assert a is not None and a.name == "Ali Mahmoud Abbas" and a.country == "SYR"
    a = phrase(resolver, "Mahmoud Abbas", date)
    assert a is not None and a.country == "PSE"


def test_titled_alias_still_pools_the_bare_name_rows(resolver: Any) -> None:
    a = phrase(resolver, "Palestinian Foreign Minister Riyad al-Maliki", "2025-01-01")
    assert a is not None and a.name == "Riyad al-Maliki"


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Ahmed al-Maliki", None),  # another al-Maliki than Nouri
        ("Michelle Obama", None),  # not Barack
        ("Mary Lavrov", None),
        ("Sergei Lavrov", "RUSGOV"),  # a spelling of the row's own first name
        ("Nouri al-Maliki", "IRQPTY"),
    ],
)
def test_other_first_name_is_another_person(resolver: Any, text: str, want: str | None) -> None:
    assert code(resolver, text, "2024-05-01") == want


def test_other_first_name_in_a_sentence(resolver: Any, nlp: Any) -> None:
    got = mentions(resolver, nlp, "Iraqi lawmaker Ahmed al-Maliki said the vote was rigged.")
    mp = got["Iraqi lawmaker Ahmed al-Maliki"]
    assert mp.code == "IRQLEG" and mp.name == "Ahmed al-Maliki"
    got = mentions(resolver, nlp, "Michelle Obama said the vote was fair.")
    assert got["Michelle Obama"].name == "Michelle Obama"


# -- first names are not surnames ------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Mark was freed in 2019 after two years in captivity.",  # Ron Mark: NZ minister 2017-20
        "Officials said Mark Tomlin, a teacher, was freed in 2019.",
    ],
)
def test_a_first_name_is_not_taken_for_a_ministers_surname(
    resolver: Any, nlp: Any, text: str
) -> None:
    found = mentions(resolver, nlp, text, "2019-06-01")
    assert all(a.country != "NZL" for a in found.values())


# -- aliases that write a word in lower case -------------------------------------------------
def test_an_alias_word_written_in_lower_case_matches_in_lower_case(resolver: Any, nlp: Any) -> None:
    found = mentions(resolver, nlp, "The Congress party walked out of parliament in Delhi.")
    party = next(a for t, a in found.items() if "Congress" in t)
    assert (party.country, party.sector) == ("IND", "PTY")
