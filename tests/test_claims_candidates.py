"""Claims stage: ``find_all`` visits only the tokens ``_candidates`` reads from the doc's
columns; every token it leaves out must fail all of the loop's tests (checked on Tokens)."""

from __future__ import annotations

from typing import Any

from dyadwatch.claims import RuleAttributor
from dyadwatch.claims.lexicon import Lexicon
from dyadwatch.claims.nouns import light_noun
from dyadwatch.claims.rules import _candidates, verb_cue
from dyadwatch.settings import Settings

TEXTS = [
    "The minister said on Tuesday that talks would resume, according to two officials.",
    "Seoul was critical of the drills and expressed concern that tensions could rise.",
    "Reportedly, the envoy denied the claim; analysts believe sanctions are likely.",
    "Critics are worried about the deal. Its support for the plan is apparently firm.",
    "<tweet author=x> The spokesman warned Tehran, calling the strike a provocation.",
]


def could_hit(tok: Any, lex: Lexicon) -> bool:
    """The tests of ``find_all``'s loop, on the Token, as the loop reads them."""
    low, lemma = tok.lower_, tok.lemma_.lower()
    return (
        verb_cue(tok, lex) is not None
        or (bool(lex.nouns) and light_noun(tok, lex) is not None)
        or (tok.pos_ == "AUX" and tok.lemma_ == "be" and bool(lex.nouns))
        or (tok.pos_ == "ADJ" and low in lex.adjs)
        or lemma in lex.hedges
        or lemma in lex.nouns
        or (low in lex.adverbs and tok.pos_ == "ADV")
        or any(w[0] == low for w in lex.preps)
    )


def test_candidates_keep_every_token_that_can_hit(nlp: Any, settings: Settings) -> None:
    lex = RuleAttributor(settings).lexicon
    hits = 0
    for text in TEXTS:
        sdoc = nlp(text)
        kept = set(_candidates(sdoc, lex))
        assert kept <= {t.i for t in sdoc}
        for tok in sdoc:
            if could_hit(tok, lex):
                hits += 1
                assert tok.i in kept, (text, tok.text)
    assert hits >= 10  # the texts exercise the tests (cues, nouns, adjectives, preps)


def test_candidates_skip_plain_tokens(nlp: Any, settings: Settings) -> None:
    lex = RuleAttributor(settings).lexicon
    sdoc = nlp("The red car stopped near the old bridge.")
    kept = {sdoc[i].text for i in _candidates(sdoc, lex)}
    assert "red" not in kept and "bridge" not in kept and "The" not in kept
