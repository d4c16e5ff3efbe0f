"""Session 13 classes, on written sentences: legal accusation (indict, charge, prosecute, put
on trial) is ACCUSE 'allege' while arrest stays COERCE; a former office holder stands alone;
critics and opponents are OPP and never the person they oppose; a warning addressed to a
party with a that-clause of consequences is a threat; a request for someone's release
addresses their captor, never the freed."""

from __future__ import annotations

from typing import Any

import pytest

from coder_helpers import code, tuples


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        ("Chilean prosecutors indicted two Peruvian smugglers.", ("CHL", "PER", "ACCUSE")),
        ("A Turkish court put the Swedish reporter on trial.", ("TUR", "SWE", "ACCUSE")),
        (
            "Moldovan prosecutors brought charges against the Russian consul.",
            ("MDA", "RUS", "ACCUSE"),
        ),
        ("Kenya prosecuted three Somali pirates last year.", ("KEN", "SOM", "ACCUSE")),
    ],
)
def test_legal_accusation_is_accuse(nlp: Any, stages: Any, text: str, wanted: tuple) -> None:
    got = tuples(code(text, nlp, stages))
    assert wanted in got, got
    assert not any(t[2] == "COERCE" for t in got), got


def test_arrest_and_charge_are_two_acts(nlp: Any, stages: Any) -> None:
    got = tuples(code("Georgian police arrested and charged two Armenian drivers.", nlp, stages))
    assert {("GEO", "ARM", "COERCE"), ("GEO", "ARM", "ACCUSE")} <= got, got


@pytest.mark.parametrize(
    "text",
    [
        "Peruvian police arrested the former president on Tuesday.",
        "Peruvian prosecutors questioned and indicted the former minister.",
    ],
)
def test_a_former_office_holder_stands_alone(nlp: Any, stages: Any, text: str) -> None:
    evs = code(text, nlp, stages)
    targets = [e.target for e in evs if e.target is not None]
    assert targets and all(t.sector == "ELI" and t.country == "PER" for t in targets), evs


def test_a_critic_is_opposition_not_the_criticised(nlp: Any, stages: Any) -> None:
    evs = code("Prominent Kremlin critic Ivan Petrovsky was detained again.", nlp, stages)
    targets = [e.target for e in evs if e.target is not None]
    assert targets and targets[0].country == "RUS" and targets[0].sector == "OPP", evs


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        (
            "Seoul warned Pyongyang that any provocation would be met with force.",
            ("KOR", "PRK", "THREATEN"),
        ),
        (
            "Lithuania warned Minsk that new sanctions would follow any incursion.",
            ("LTU", "BLR", "THREATEN"),
        ),
        (
            "Ottawa warned Beijing that interference would bring severe costs.",
            ("CAN", "CHN", "THREATEN"),
        ),
    ],
)
def test_a_warning_to_a_party_with_consequences(
    nlp: Any, stages: Any, text: str, wanted: tuple
) -> None:
    assert wanted in tuples(code(text, nlp, stages))


@pytest.mark.parametrize(
    "text",
    [
        "Canadian economists warned that prices would rise in the spring.",
        "The Danish minister told reporters that the talks would resume with force of habit.",
    ],
)
def test_a_warning_without_an_addressed_party_is_no_threat(
    nlp: Any, stages: Any, text: str
) -> None:
    assert not any(t[2] == "THREATEN" for t in tuples(code(text, nlp, stages)))


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        (
            "Australia asked for the release of sailors detained by Iran.",
            ("AUS", "IRN", "REQUEST"),
        ),
        (
            "Norway demanded the release of engineers held in Mali.",
            ("NOR", "MLI", "REQUEST"),
        ),
    ],
)
def test_a_release_request_addresses_the_captor(
    nlp: Any, stages: Any, text: str, wanted: tuple
) -> None:
    got = tuples(code(text, nlp, stages))
    assert wanted in got, got
    assert not any(t[2] == "SANCTION" for t in got), got  # "aid workers held": no aid held


def test_a_release_request_never_addresses_the_freed(nlp: Any, stages: Any) -> None:
    got = tuples(code("Japan demanded the immediate release of two Japanese nurses.", nlp, stages))
    assert ("JPN", "JPN", "REQUEST") not in got, got


def test_aid_workers_held_are_no_aid_withheld(nlp: Any, stages: Any) -> None:
    got = tuples(code("Ireland urged the release of aid workers held in Sudan.", nlp, stages))
    assert not any(t[2] == "SANCTION" for t in got), got


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        ("Georgian riot police broke up a march in Tbilisi.", ("GEO", None, "COERCE")),
        ("Hanoi vowed to retaliate against Chinese vessels.", ("VNM", "CHN", "THREATEN")),
        ("Tehran vowed to punish Baku for the embassy attack.", ("IRN", "AZE", "THREATEN")),
    ],
)
def test_breaking_up_gatherings_and_vowed_reprisals(
    nlp: Any, stages: Any, text: str, wanted: tuple
) -> None:
    got = tuples(code(text, nlp, stages))
    assert any(t[0] == wanted[0] and t[2] == wanted[2] for t in got), got
    if wanted[1]:
        assert wanted in got, got


def test_a_vow_to_answer_a_letter_is_no_threat(nlp: Any, stages: Any) -> None:
    got = tuples(code("The Chilean minister vowed to reply to the letter soon.", nlp, stages))
    assert not any(t[2] == "THREATEN" for t in got), got


@pytest.mark.parametrize(
    "text",
    [
        "Dozens of students were detained when Sudanese soldiers stormed the campus.",
        "Marchers were beaten and arrested as Sudanese police broke up the sit-in.",
    ],
)
def test_a_passive_harm_takes_the_force_acting_in_the_same_breath(
    nlp: Any, stages: Any, text: str
) -> None:
    evs = [e for e in code(text, nlp, stages) if e.plover.type in ("COERCE", "ASSAULT")]
    assert evs and all(e.source is not None and e.source.country == "SDN" for e in evs), evs


def test_a_passive_harm_beside_a_civilian_act_keeps_no_agent(nlp: Any, stages: Any) -> None:
    text = "Two Chadian reporters were injured as the minister spoke in N'Djamena."
    evs = [e for e in code(text, nlp, stages) if e.plover.type == "ASSAULT"]
    assert all(e.source is None for e in evs), evs


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        ("Erdogan hinted that Turkey could launch a ground operation in Syria.", ("TUR", "SYR")),
        ("Tehran said it could strike Israeli bases in response.", ("IRN", "ISR")),
    ],
)
def test_force_held_out_as_possible_by_its_user_is_a_threat(
    nlp: Any, stages: Any, text: str, wanted: tuple
) -> None:
    got = tuples(code(text, nlp, stages))
    assert (*wanted, "THREATEN") in got, got
    assert not any(t[2] == "REQUEST" for t in got), got


def test_a_narrated_could_is_no_threat(nlp: Any, stages: Any) -> None:
    got = tuples(code("Analysts believe Turkey could strike Syria soon.", nlp, stages))
    assert not any(t[2] == "THREATEN" for t in got), got


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        ("Venezuela is seeking new negotiations with Guyana.", ("VEN", "GUY", "REQUEST")),
        ("Moldova is seeking more radar systems from Romania.", ("MDA", "ROU", "REQUEST")),
    ],
)
def test_seeking_talks_or_goods_asks_for_them(
    nlp: Any, stages: Any, text: str, wanted: tuple
) -> None:
    got = tuples(code(text, nlp, stages))
    assert wanted in got, got
    assert not any(t[2] == "AGREE" for t in got), got


def test_a_charge_at_people_is_force_not_a_legal_charge(nlp: Any, stages: Any) -> None:
    got = tuples(code("Police in Nairobi charged at protesters on Tuesday.", nlp, stages))
    assert any(t[1] == "KEN" and t[2] == "ASSAULT" for t in got), got
    assert not any(t[2] == "ACCUSE" for t in got), got


def test_not_interfering_is_no_refused_aid(nlp: Any, stages: Any) -> None:
    got = tuples(code("Ankara said it would not interfere in Bulgarian politics.", nlp, stages))
    assert not any(t[2] in ("REJECT", "AID") for t in got), got
