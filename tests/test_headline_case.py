"""Title-case headlines are parsed in a sentence-case copy (nlp/headline.py), so that their
verbs are verbs; the events keep offsets into the original title."""

from __future__ import annotations

import pytest

from dyadwatch.actors.coref import first_names
from dyadwatch.events.lexicon import event_words
from dyadwatch.nlp.headline import sentence_case, title_case
from dyadwatch.pipeline import Pipeline, Result
from dyadwatch.records import RawInput

WORDS = (event_words(), frozenset(first_names()))


@pytest.mark.parametrize(
    ("title", "want"),
    [
        (
            "Kenya Threatens to Close Border With Somalia",
            "Kenya threatens to close Border with Somalia",
        ),
        ("Samantha Power Visits Nairobi", "Samantha Power visits Nairobi"),
        ("Kenya threatens to close border", "Kenya threatens to close border"),  # not title case
    ],
)
def test_sentence_case_keeps_length_and_names(title: str, want: str) -> None:
    got = sentence_case(title, *WORDS)
    assert got == want and len(got) == len(title)


def test_title_case_needs_most_words_capitalised() -> None:
    assert title_case("Poland Expels Three Belarusian Diplomats")
    assert not title_case("Poland expels three Belarusian diplomats")


@pytest.mark.parametrize(
    ("title", "want"),
    [
        ("Japan Condemns Chinese Drone Sale to Myanmar", ("JPN", "CHN", "ACCUSE")),
        ("Poland Expels Three Belarusian Diplomats", ("POL", "BLR", "SANCTION")),
        ("Ghana Police Threaten Togolese Traders With Arrest", ("GHA", "TGO", "THREATEN")),
        (
            "Readout of President Ruto\u2019s Meeting with President Museveni",
            ("KEN", "UGA", "CONSULT"),
        ),
        (
            "Statement on Russia\u2019s Attempted Annexation of Ukrainian Land",
            ("RUS", "UKR", "COERCE"),
        ),
    ],
)
def test_title_case_headlines_code_their_verb(
    pipe: Pipeline, title: str, want: tuple[str, str, str]
) -> None:
    raw = RawInput(
        input="t", content="Officials spoke on Monday.", title=title, published="2023-03-14"
    )
    res = [r for r in pipe.run([raw]) if isinstance(r, Result)][0]
    heads = [e for e in res.events if e.headline]
    got = {
        (
            e.source.country if e.source else None,
            e.target.country if e.target else None,
            e.plover.type,
        )
        for e in heads
    }
    assert want in got, got
    for e in heads:  # offsets point into the original title
        assert title[e.evidence.start : e.evidence.end] == e.evidence.text == title
        assert e.trigger in title
