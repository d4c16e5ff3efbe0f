"""Legal coercion, restricted movement, coups, and appeals made with an infinitive (session 10).
Sentences written for these tests."""

from __future__ import annotations

from typing import Any

import pytest

from coder_helpers import code, tuples


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # charging someone is a legal accusation (PLOVER ACCUSE 'allege': "sue, indict, or
        # charge; bring to trial"); arresting them stays COERCE
        (
            "Belarusian prosecutors charged the Polish activist with treason.",
            ("BLR", "POL", "ACCUSE"),
        ),
        ("Tehran charged three French tourists under its espionage law.", ("IRN", "FRA", "ACCUSE")),
        # imprisoning prisoners is arrest, not hostage-taking
        ("Eritrea has imprisoned hundreds of Ethiopian prisoners.", ("ERI", "ETH", "COERCE")),
        # stopping boats from moving restricts movement
        (
            "The Greek coast guard stopped Turkish boats from entering the bay.",
            ("GRC", "TUR", "COERCE"),
        ),
        # toppling a government is a coup
        ("Rebel officers overthrew the government of Guinea.", ("GIN", "GIN", "COERCE")),
        # encouraging a party to act appeals to it
        ("Japan encouraged Vietnam to join the regional trade pact.", ("JPN", "VNM", "REQUEST")),
        ("Macron told Netanyahu to let fuel into the enclave.", ("FRA", "ISR", "REQUEST")),
        # seeking a meeting asks for one
        ("Armenia sought an urgent meeting of the OSCE.", ("ARM", "IGO", "REQUEST")),
    ],
)
def test_legal_and_request_forms(
    text: str, expected: tuple[str, str | None, str], nlp: Any, stages: Any
) -> None:
    got = tuples(code(text, nlp, stages))
    assert expected in got or any(
        s == expected[0] and t == expected[1] and k == expected[2] for s, t, k in got
    ), got


def test_charged_that_stays_an_accusation(nlp: Any, stages: Any) -> None:
    got = tuples(code("Moscow charged that Warsaw had armed the saboteurs.", nlp, stages))
    assert any(k == "ACCUSE" for _, _, k in got), got
    assert not any(k == "COERCE" for _, _, k in got), got


def test_a_task_is_no_charge(nlp: Any, stages: Any) -> None:
    got = tuples(code("The diplomat was charged with organising the summit.", nlp, stages))
    assert not any(k == "COERCE" for _, _, k in got), got


def test_encouraged_by_news_is_no_appeal(nlp: Any, stages: Any) -> None:
    got = tuples(code("Kenya was encouraged by the progress of the talks.", nlp, stages))
    assert not any(k == "REQUEST" for _, _, k in got), got


def test_subjunctive_demand_names_its_target(nlp: Any, stages: Any) -> None:
    # the small model reads 'halt' as a compound of 'construction'; the mend makes it the verb
    got = tuples(
        code("The council demands that Serbia halt construction of the wall.", nlp, stages)
    )
    assert any(t == "SRB" and k == "REQUEST" for _, t, k in got), got


def test_a_visitor_guessed_from_the_story_is_not_the_host(nlp: Any, stages: Any) -> None:
    got = tuples(code("The minister landed in Nairobi on Monday for talks.", nlp, stages))
    assert not any(s == "KEN" and t == "KEN" for s, t, _ in got), got


def test_a_known_surname_opening_a_sentence_acts(nlp: Any, stages: Any) -> None:
    got = tuples(
        code("Guterres urged the generals in Myanmar to free detained politicians.", nlp, stages)
    )
    assert any(s == "UNO" and k == "REQUEST" for s, _, k in got), got
