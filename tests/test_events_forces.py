"""Troops, police and weapons moved, massed or put on alert are MOBILIZE (verbs.tsv
mobilization section); the forces moved or withdrawn are not the target, the owner of the
border or of the place left is. Releases, reopened borders and barring orders.

Every sentence here was written for these tests (invented news lines).
"""

from __future__ import annotations

from typing import Any

import pytest

from coder_helpers import run_countries
from dyadwatch.pipeline import Pipeline


def tuples(text: str, pipe: Pipeline, nlp: Any) -> set[tuple[str | None, ...]]:
    return run_countries(text, pipe, nlp)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Kazakhstan deployed its army to the border with Kyrgyzstan.", ("KAZ", "KGZ")),
        ("Turkey moved hundreds of tanks to the border with Syria.", ("TUR", "SYR")),
        ("Belarus massed troops near Lithuania's border on Friday.", ("BLR", "LTU")),
        ("Egypt stepped up its patrols along the border with Libya.", ("EGY", "LBY")),
        ("Japan put its forces on high alert after the launch.", ("JPN", None)),
        ("Colombia raised the combat readiness of its army on Monday.", ("COL", None)),
    ],
)
def test_moving_forces_is_mobilize_against_the_border_owner(
    sentence: str, expected: tuple[str, str | None], pipe: Pipeline, nlp: Any
) -> None:
    found = tuples(sentence, pipe, nlp)
    assert (*expected, "MOBILIZE") in found
    # the forces themselves are never the target, and no cooperation is read into a deployment
    src = expected[0]
    assert (src, src, "MOBILIZE") not in found
    assert not {t for _, _, t in found} & {"COOPERATE", "SUPPORT", "THREATEN"}


def test_relief_deployments_stay_aid(pipe: Pipeline, nlp: Any) -> None:
    found = tuples("Japan deployed aid to Turkey after the earthquake.", pipe, nlp)
    assert "MOBILIZE" not in {t for _, _, t in found}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Belarus withdrew its troops from the area around Vilnius.", ("BLR", "LTU", "RETREAT")),
        ("Vietnam returned the detained Chinese fishermen on Monday.", ("VNM", "CHN", "RETREAT")),
        ("Uzbekistan reopened its border with Tajikistan.", ("UZB", "TJK", "RETREAT")),
        ("Belarus barred Polish journalists from entering the country.", ("BLR", "POL", "COERCE")),
    ],
)
def test_withdrawals_releases_reopenings_and_bars(
    sentence: str, expected: tuple[str, str, str], pipe: Pipeline, nlp: Any
) -> None:
    found = tuples(sentence, pipe, nlp)
    assert expected in found
    assert (expected[0], expected[0], expected[2]) not in found


@pytest.mark.parametrize(
    "sentence",
    [
        "Thousands of Afghan girls can no longer attend school in Kabul.",
        "The election board barred the candidate from the ballot in Caracas.",
    ],
)
def test_school_is_no_visit_and_a_bar_is_no_boycott(
    sentence: str, pipe: Pipeline, nlp: Any
) -> None:
    assert not {t for _, _, t in tuples(sentence, pipe, nlp)} & {"CONSULT", "PROTEST"}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the noun's of-object says what is suspended, released or moved
        # the announcer of a measure takes it (session 10; was an unknown source)
        ("Kenya announced the suspension of flights to Somalia.", ("KEN", "SOM", "SANCTION")),
        ("The withdrawal of French troops from Mali ended in August.", ("FRA", "MLI", "RETREAT")),
        ("The deployment of Iranian ships near Yemen irked Riyadh.", ("IRN", "YEM", "MOBILIZE")),
        (
            "Moscow's withdrawal from the arms pact with Kyiv worried NATO.",
            ("RUS", "UKR", "SANCTION"),
        ),
    ],
)
def test_event_nouns_read_their_of_object(
    sentence: str, expected: tuple[str | None, str | None, str], pipe: Pipeline, nlp: Any
) -> None:
    assert expected in tuples(sentence, pipe, nlp)


def test_peacekeepers_deployed_are_no_mobilization(pipe: Pipeline, nlp: Any) -> None:
    found = tuples("The deployment of Kenyan peacekeeping troops to Haiti began.", pipe, nlp)
    assert "MOBILIZE" not in {t for _, _, t in found}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the forces a participle describes are the ones moved: their owner moves them
        (
            "French troops stationed in Chad are training Chadian soldiers.",
            ("FRA", "TCD", "MOBILIZE"),
        ),
        # support provided is material aid; support voiced stays SUPPORT
        ("Norway will provide financial support to Moldova.", ("NOR", "MDA", "AID")),
        ("Kenya reaffirmed its support for Somalia.", ("KEN", "SOM", "SUPPORT")),
        # the operations of an armed body are its own
        (
            "The offensive of the Ethiopian army against the TPLF in Mekelle continued.",
            ("ETH", "ETH", "ASSAULT"),
        ),
    ],
)
def test_participle_forces_support_provided_and_operations(
    sentence: str, expected: tuple[str, str, str], pipe: Pipeline, nlp: Any
) -> None:
    assert expected in tuples(sentence, pipe, nlp)
