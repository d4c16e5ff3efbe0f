"""Ending talks, ties, treaties, aid, arms and trade is SANCTION, whichever verb says it
(verbs.tsv termination section); trigger nouns that describe people are no acts.

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
        ("Beijing cut off defence talks with Washington last week.", ("CHN", "USA")),
        ("Ankara froze its dialogue with Athens on Monday.", ("TUR", "GRC")),
        ("Niger's junta revoked its defence agreement with France.", ("NER", "FRA")),
        ("Caracas terminated its trade agreement with Bogota.", ("VEN", "COL")),
        ("Moscow pulled out of the arms control treaty with Washington.", ("RUS", "USA")),
        ("Russia pulled out of the export deal with Ukraine in July.", ("RUS", "UKR")),
        ("Ottawa halted arms exports to Riyadh after the killing.", ("CAN", "SAU")),
        ("Bamako ordered the French ambassador to leave within three days.", ("MLI", "FRA")),
        ("Norway banned Russian fishing vessels from its ports.", ("NOR", "RUS")),
    ],
)
def test_ending_a_relation_is_a_sanction(
    sentence: str, expected: tuple[str, str], pipe: Pipeline, nlp: Any
) -> None:
    assert (*expected, "SANCTION") in tuples(sentence, pipe, nlp)


@pytest.mark.parametrize(
    ("sentence", "wrong"),
    [
        # the talks that were broken off did not take place as a meeting
        ("Beijing cut off defence talks with Washington last week.", "CONSULT"),
        # a revoked pact is no threat, a treaty left no coercion
        ("Niger's junta revoked its defence agreement with France.", "THREATEN"),
        ("Moscow pulled out of the arms control treaty with Washington.", "COERCE"),
        # an ordered departure is an expulsion, not a request
        ("Bamako ordered the French ambassador to leave within three days.", "REQUEST"),
    ],
)
def test_termination_is_not_coded_as_the_act_it_ends(
    sentence: str, wrong: str, pipe: Pipeline, nlp: Any
) -> None:
    assert wrong not in {t for _, _, t in tuples(sentence, pipe, nlp)}


def test_troops_pulling_out_of_a_town_retreat(pipe: Pipeline, nlp: Any) -> None:
    found = {t for _, _, t in tuples("The rebels pulled out of the town on Sunday.", pipe, nlp)}
    assert "SANCTION" not in found


@pytest.mark.parametrize(
    "sentence",
    [
        "A Tehran court jailed the Swedish aid worker for eight years.",
        "Two Danish aid groups said the border crossing was closed.",
        "The Japanese cooperation agency opened an office in Nairobi.",
    ],
)
def test_a_trigger_noun_describing_people_is_no_act(
    sentence: str, pipe: Pipeline, nlp: Any
) -> None:
    found = {t for _, _, t in tuples(sentence, pipe, nlp)}
    assert not found & {"AID", "COOPERATE"}


def test_aid_itself_is_still_aid(pipe: Pipeline, nlp: Any) -> None:
    found = tuples("Japan sent emergency aid to Turkey after the earthquake.", pipe, nlp)
    assert ("JPN", "TUR", "AID") in found


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The Commerce Department added nine Iranian firms to the Entity List.", ("USA", "IRN")),
        ("The United States is cutting off Belarus's access to dollar clearing.", ("USA", "BLR")),
        ("The new sanctions target Syria's oil exports.", (None, "SYR")),
    ],
)
def test_listing_and_cutting_access_are_sanctions(
    sentence: str, expected: tuple[str | None, str], pipe: Pipeline, nlp: Any
) -> None:
    assert (*expected, "SANCTION") in tuples(sentence, pipe, nlp)


def test_signing_an_order_is_no_agreement(pipe: Pipeline, nlp: Any) -> None:
    text = "The President signed an executive order on Venezuela on Monday."
    assert "SUPPORT" not in {t for _, _, t in tuples(text, pipe, nlp)}


def test_concessions_made_yield(pipe: Pipeline, nlp: Any) -> None:
    text = "Armenia made concessions to Azerbaijan on the border villages."
    assert ("ARM", "AZE", "CONCEDE") in tuples(text, pipe, nlp)
