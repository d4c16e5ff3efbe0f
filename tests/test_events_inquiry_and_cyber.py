"""Session 14 classes, on written sentences: a body set up to inquire ("a commission to
investigate") makes the inquiry an act of its creator (ACCUSE, investigate); breaking into
networks is a cyber operation (COERCE, cyber), not the breach of an agreement; an act
"blamed on" or "attributed to" a party is that party's (alleged) act; "ran a campaign" is a
light verb whose subject runs the campaign."""

from __future__ import annotations

from typing import Any

import pytest

from coder_helpers import code, tuples


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        (
            "Chile has set up a commission to investigate abuses by Bolivian police.",
            ("CHL", "BOL", "ACCUSE"),
        ),
        (
            "Ghana appointed a panel to probe alleged abuses by Togolese soldiers.",
            ("GHA", "TGO", "ACCUSE"),
        ),
    ],
)
def test_an_inquiry_body_inquires_for_its_creator(
    nlp: Any, stages: Any, text: str, wanted: tuple
) -> None:
    assert wanted in tuples(code(text, nlp, stages))


def test_a_purpose_with_no_inquiry_body_stays_a_purpose(nlp: Any, stages: Any) -> None:
    # the exception is for bodies that exist to inquire, not for any noun with a to-clause
    got = tuples(
        code("Chile announced new funding to investigate abuses by Bolivian police.", nlp, stages)
    )
    assert not any(t[2] == "ACCUSE" for t in got), got


@pytest.mark.parametrize(
    "text",
    [
        "Vietnamese state hackers breached the networks of Cambodian ministries.",
        "Hackers from Belarus infiltrated the servers of the Lithuanian parliament.",
    ],
)
def test_breaking_into_networks_is_cyber_coercion(nlp: Any, stages: Any, text: str) -> None:
    evs = code(text, nlp, stages)
    assert any(e.plover.type == "COERCE" and e.plover.mode == "cyber" for e in evs), evs
    assert not any(e.plover.type == "REJECT" for e in evs), evs


def test_breaching_an_accord_stays_a_rejection(nlp: Any, stages: Any) -> None:
    evs = code("Serbia breached the accord with Kosovo.", nlp, stages)
    assert not any(e.plover.mode == "cyber" for e in evs), evs


@pytest.mark.parametrize(
    ("text", "agent"),
    [
        ("A ransomware attack blamed on North Korea crippled hospitals in Seoul.", "PRK"),
        ("The bombing, attributed to Sudanese militants, killed nine people in Chad.", "SDN"),
    ],
)
def test_an_act_blamed_on_a_party_is_its_act(nlp: Any, stages: Any, text: str, agent: str) -> None:
    evs = code(text, nlp, stages)
    acts = [e for e in evs if e.plover.type in ("COERCE", "ASSAULT") and e.source is not None]
    assert any(e.source.country == agent for e in acts), evs
    assert not any(e.target is not None and e.target.country == agent for e in acts), evs


def test_running_a_campaign_is_the_runners_act(nlp: Any, stages: Any) -> None:
    got = tuples(code("Russia ran a disinformation campaign aimed at Polish voters.", nlp, stages))
    assert any(t[0] == "RUS" and t[2] == "COERCE" for t in got), got


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        ("Kurdish rebels vowed to resume their shelling of Turkish positions.", "TUR"),
        ("The Somali militants pledged to continue their attacks on Kenyan troops.", "KEN"),
        ("Hungary raised the possibility of blocking sanctions on Serbia.", None),
        ("Lithuania floated the prospect of expelling Belarusian diplomats.", "BLR"),
    ],
)
def test_a_promised_or_floated_harm_is_a_threat(
    nlp: Any, stages: Any, text: str, wanted: str | None
) -> None:
    evs = code(text, nlp, stages)
    threats = [e for e in evs if e.plover.type == "THREATEN"]
    assert threats, evs
    if wanted:
        assert any(e.target is not None and e.target.country == wanted for e in threats), evs
    # the act held out has not happened: it is the threat's mode, not an event of its own
    assert not any(
        e.plover.type in ("ASSAULT", "COERCE", "SANCTION") and e.status == "reported" for e in evs
    ), evs


def test_a_promise_not_to_harm_is_no_threat(nlp: Any, stages: Any) -> None:
    evs = code("The rebels vowed not to attack Chadian villages again.", nlp, stages)
    assert not any(e.plover.type == "THREATEN" for e in evs), evs


def test_threatening_with_arrest_is_one_threat(nlp: Any, stages: Any) -> None:
    evs = code("Georgian police threatened Armenian truckers with arrest.", nlp, stages)
    assert [e.plover.type for e in evs] == ["THREATEN"], evs


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        (
            "A Swiss court fined two Russian banks for evading sanctions.",
            ("CHE", "RUS", "SANCTION"),
        ),
        ("Sudan has waged a brutal war against South Sudanese rebels.", ("SDN", "SSD", "ASSAULT")),
    ],
)
def test_verbs_the_lemmatizer_cuts_short(nlp: Any, stages: Any, text: str, wanted: tuple) -> None:
    # the small model's rule lemmatizer reads "fined" as "fin" and "waged" as "wag"
    assert wanted in tuples(code(text, nlp, stages))


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        ("Ankara's restrictions on Kurdish newspapers are tightening.", ("TUR", "COERCE")),
        ("Armenia's siege of the Azerbaijani town lasted a month.", ("ARM", "COERCE")),
    ],
)
def test_owned_restrictions_and_sieges_are_coercion(
    nlp: Any, stages: Any, text: str, wanted: tuple
) -> None:
    got = tuples(code(text, nlp, stages))
    assert any(t[0] == wanted[0] and t[2] == wanted[1] for t in got), got


def test_one_who_remains_held_is_the_held(nlp: Any, stages: Any) -> None:
    evs = code("The Canadian teacher remains unjustly held in Iran.", nlp, stages)
    held = [e for e in evs if e.plover.type == "COERCE"]
    assert held and held[0].target is not None and held[0].target.country == "CAN", evs


@pytest.mark.parametrize(
    ("text", "place", "people"),
    [
        ("Jailed reporters in Azerbaijan began a hunger strike.", "AZE", "AZE"),
        ("Detained students in Nicaragua were denied lawyers.", "NIC", "NIC"),
    ],
)
def test_the_place_of_people_held_holds_them(
    nlp: Any, stages: Any, text: str, place: str, people: str
) -> None:
    held = [e for e in code(text, nlp, stages) if e.plover.type == "COERCE"]
    assert held, held
    e = held[0]
    assert e.source is not None and e.source.country == place, held
    assert e.target is not None and e.target.country == people, held
    assert e.source.text != e.target.text, held  # the place holds; the people are held


def test_a_release_request_addresses_where_they_are_held(nlp: Any, stages: Any) -> None:
    got = tuples(
        code(
            "Reporters Without Borders called for the release of jailed bloggers in Laos.",
            nlp,
            stages,
        )
    )
    assert any(t[1] == "LAO" and t[2] == "REQUEST" for t in got), got
