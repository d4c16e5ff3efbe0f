"""People held, jailed and struck named inside other phrases (session 9): reduced participles,
relative clauses whose object is their antecedent, strikes on a place, sentences passed.
Sentences written for these tests."""

from __future__ import annotations

from typing import Any

import pytest

from coder_helpers import code, tuples


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("Brussels urged the release of the detained reporters in Belarus.", (None, "BLR")),
        ("The jailed Turkish lawyers began a hunger strike.", (None, "TUR")),
        ("A campaign for Britons imprisoned in Egypt won support.", ("EGY", "GBR")),
        ("Two Australians were detained in Iran last spring.", ("IRN", "AUS")),
    ],
)
def test_people_held_are_the_target_of_a_detention(
    text: str, pair: tuple[str | None, str], nlp: Any, stages: Any
) -> None:
    got = tuples(code(text, nlp, stages))
    assert (*pair, "COERCE") in got, got


def test_a_participle_with_its_own_subject_is_no_description(nlp: Any, stages: Any) -> None:
    """'reports that its troops had shelled the plant': the reports are not shelled."""
    text = "Beijing dismissed claims that its navy had rammed the Philippine boat."
    got = tuples(code(text, nlp, stages))
    assert not any(t == "ASSAULT" and tgt is None for _, tgt, t in got if _ == "CHN"), got


def test_people_involved_are_not_victims(nlp: Any, stages: Any) -> None:
    text = "It was the first summit in years without Canadians involved in a ground war."
    assert not any(e.plover.type == "ASSAULT" for e in code(text, nlp, stages))


def test_measures_imposed_on_a_state_keep_the_state_as_target(nlp: Any, stages: Any) -> None:
    text = "The restrictions imposed on Belarus were extended by the European Union."
    got = tuples(code(text, nlp, stages))
    assert not any(tgt is None for _, tgt, t in got if t in ("COERCE", "SANCTION")), got


def test_relative_clause_object_is_its_antecedent(nlp: Any, stages: Any) -> None:
    text = "Ottawa pressed Beijing to free the three Canadians it has detained since May."
    got = tuples(code(text, nlp, stages))
    assert ("CHN", "CAN", "COERCE") in got, got
    assert ("CAN", "CHN", "REQUEST") in got, got


def test_relative_pronoun_object_is_its_antecedent(nlp: Any, stages: Any) -> None:
    text = "Fighting raged around Avdiivka, which Russian troops have shelled for weeks."
    assert ("RUS", "UKR", "ASSAULT") in tuples(code(text, nlp, stages))


def test_where_clause_gives_no_object(nlp: Any, stages: Any) -> None:
    text = "Kenya hosted the talks in Nairobi, where Ethiopia signed the accord."
    got = tuples(code(text, nlp, stages))
    assert ("ETH", "KEN", "AGREE") not in got, got


@pytest.mark.parametrize(
    "text",
    ["Poland condemned the Russian strikes on Lviv.", "Russian strikes on Odesa left six dead."],
)
def test_strikes_on_a_place_are_attacks(text: str, nlp: Any, stages: Any) -> None:
    assert ("RUS", "UKR", "ASSAULT") in tuples(code(text, nlp, stages))


@pytest.mark.parametrize(
    "text",
    [
        "Dockworkers began a strike on Tuesday over wages in France.",
        "The unions called a strike against the pension reform in France.",
    ],
)
def test_labour_strikes_are_no_attacks(text: str, nlp: Any, stages: Any) -> None:
    assert not any(e.plover.type == "ASSAULT" for e in code(text, nlp, stages))


def test_a_sentencing_is_a_sanction(nlp: Any, stages: Any) -> None:
    text = "Canada deplored the sentencing of a Canadian citizen by a Chinese court."
    got = tuples(code(text, nlp, stages))
    assert ("CHN", "CAN", "SANCTION") in got, got
    assert ("CAN", "CHN", "ACCUSE") in got, got


@pytest.mark.parametrize(
    "text",
    [
        "Minsk denied that its police had beaten detainees.",
        "Its fighters had targeted civilians near the border.",
    ],
)
def test_perfect_participle_read_as_adjective_still_acts(text: str, nlp: Any) -> None:
    """The small model reads 'had targeted civilians' as 'had' + an adjective; the parse
    mend makes the participle the verb and the noun its object."""
    doc = nlp(text)
    verb = next(t for t in doc if t.lower_ in ("beaten", "targeted"))
    assert verb.dep_ in ("ROOT", "ccomp"), [(t.text, t.dep_) for t in doc]
    assert any(c.dep_ == "dobj" for c in verb.children)
    assert any(c.lower_ == "had" and c.dep_ == "aux" for c in verb.children)


def test_targeting_civilians_is_an_attack(nlp: Any, stages: Any) -> None:
    got = tuples(code("Syrian government forces targeted civilians in Idlib.", nlp, stages))
    assert any(src == "SYR" and t == "ASSAULT" for src, _, t in got), got
    got = tuples(code("The new programme targets small farmers in Kenya.", nlp, stages))
    assert not any(t == "ASSAULT" for _, _, t in got), got


def test_meaning_what_one_says_is_no_agreement(nlp: Any, stages: Any) -> None:
    text = "I mean it when I say that Canada stands with Ukraine."
    assert not any(e.plover.type == "AGREE" for e in code(text, nlp, stages))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Tokyo protested the arrest of two Japanese nationals in China.",
            ("CHN", "JPN", "COERCE"),
        ),
        (
            "Ottawa condemned the detention of Canadian citizens in Beijing.",
            ("CHN", "CAN", "COERCE"),
        ),
        (
            "The EU condemned the execution of a protester by Iranian authorities.",
            ("IRN", None, "ASSAULT"),
        ),
        ("Britain condemned the seizure of the tanker by Iran.", ("IRN", None, "COERCE")),
    ],
)
def test_the_act_a_protest_names_happened(
    text: str, expected: tuple[str, str | None, str], nlp: Any, stages: Any
) -> None:
    got = tuples(code(text, nlp, stages))
    src, tgt, kind = expected
    assert any(s == src and t == kind and (tgt is None or g == tgt) for s, g, t in got), got
