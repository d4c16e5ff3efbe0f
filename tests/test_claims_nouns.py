"""Claims stage: noun cues, light verbs, 'as X noted', marked clauses and opt-in hedges."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from dyadwatch.claims import RuleAttributor
from dyadwatch.claims.lexicon import load_lexicon
from dyadwatch.records import Claim, Document
from dyadwatch.settings import Settings


@pytest.fixture(scope="module")
def attributor(settings: Settings) -> RuleAttributor:
    return RuleAttributor(settings)


def claims_of(nlp: Any, att: RuleAttributor, text: str) -> list[Claim]:
    sdoc = nlp(text)
    claims, _ = att(Document(doc_id="t", text=text), sdoc, [], [])
    for c in claims:  # provenance holds for every claim
        assert text[c.content.start : c.content.end] == c.content.text
        assert c.cue_span is not None and text[c.cue_span.start : c.cue_span.end] == c.cue_span.text
    return claims


def one(claims: list[Claim], cue: str) -> Claim:
    hits = [c for c in claims if c.cue == cue]
    assert len(hits) == 1, f"want one claim with cue {cue!r}, got {[c.cue for c in claims]}"
    return hits[0]


def test_possessive_noun_cue(nlp: Any, attributor: RuleAttributor) -> None:
    text = "Moscow's support for the Syrian government has angered Washington."
    c = one(claims_of(nlp, attributor, text), "'s support for")
    assert c.stance == "support"
    assert c.content.text == "the Syrian government"
    assert c.speaker is not None and c.speaker.text == "Moscow"


def test_noun_without_source_is_no_claim(nlp: Any, attributor: RuleAttributor) -> None:
    text = "Support for the bill grew over the summer."
    assert claims_of(nlp, attributor, text) == []


def test_light_verb_carries_noun_cue(nlp: Any, attributor: RuleAttributor) -> None:
    text = "Kirby expressed concern that Iran was supplying drones to Russia."
    claims = claims_of(nlp, attributor, text)
    c = one(claims, "expressed concern")
    assert c.stance == "warn" and c.content.text == "that Iran was supplying drones to Russia"
    assert c.speaker is not None and c.speaker.text == "Kirby"
    assert not [x for x in claims if x.cue == "expressed"]


def test_light_verb_with_possessive_noun_keeps_verb_cue(
    nlp: Any, attributor: RuleAttributor
) -> None:
    text = "The attendees expressed their support for Trump."
    c = one(claims_of(nlp, attributor, text), "expressed")
    assert c.content.text == "their support for Trump"


def test_as_x_noted(nlp: Any, attributor: RuleAttributor) -> None:
    text = "But as Clyburn noted, those voters will give Sanders a second look."
    c = one(claims_of(nlp, attributor, text), "noted")
    assert c.content.text == "those voters will give Sanders a second look"
    assert c.speaker is not None and c.speaker.text == "Clyburn"


def test_calling_for_a_clause(nlp: Any, attributor: RuleAttributor) -> None:
    text = "Clinton is calling for the United States to step up military efforts."
    c = one(claims_of(nlp, attributor, text), "is calling for")
    assert c.content.text == "the United States to step up military efforts"


def test_fronted_adjunct_is_not_content(nlp: Any, attributor: RuleAttributor) -> None:
    text = "On Twitter, Bush called the statement \u201coffensive and outlandish.\u201d"
    c = one(claims_of(nlp, attributor, text), "called")
    assert "Twitter" not in c.content.text and c.content.text.startswith("the statement")


def test_asked_if(nlp: Any, attributor: RuleAttributor) -> None:
    text = "He asked if they planned to attend the caucuses."
    c = one(claims_of(nlp, attributor, text), "asked")
    assert c.content.text == "if they planned to attend the caucuses"


def test_hedges_are_opt_in(nlp: Any, settings: Settings, tmp_path: Path) -> None:
    text = "Trump's supporters seemed equally unperturbed."
    assert claims_of(nlp, RuleAttributor(settings), text) == []
    extra = tmp_path / "cues.tsv"
    extra.write_text("seem\tassert\thedge\n", encoding="utf-8")
    att = RuleAttributor(settings, load_lexicon(extra))
    c = one(claims_of(nlp, att, text), "seemed")
    assert c.speaker is None and c.content.text == "Trump's supporters seemed equally unperturbed"


def test_adjective_cue_after_copula(nlp: Any, attributor: RuleAttributor) -> None:
    claims = claims_of(nlp, attributor, "Cruz was also critical of Obama's stance on Iran.")
    c = one(claims, "was also critical of")
    assert c.stance == "reject" and c.content.text == "Obama's stance on Iran"
    assert c.speaker is not None and c.speaker.text == "Cruz"
    claims = claims_of(nlp, attributor, "Some Democrats are concerned that Sanders could lose.")
    assert one(claims, "are concerned").stance == "warn"
    # a bare evaluative adjective with no content slot is no claim
    assert claims_of(nlp, attributor, "Cruz was critical.") == []


def test_cue_noun_as_subject_of_be(nlp: Any, attributor: RuleAttributor) -> None:
    text = "One view is that the judge never intended to give him prison time."
    c = one(claims_of(nlp, attributor, text), "One view is")
    assert c.speaker is None
    assert c.content.text == "that the judge never intended to give him prison time"
