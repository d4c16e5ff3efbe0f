"""The 'spoke with X to discuss' parse mend (session 11), on a parse built by hand the way the
small model misreads such sentences (the partner as the subject of a to-clause on 'with')."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

from dyadwatch.nlp import mend_parse

WORDS = ["Scholz", "spoke", "with", "Rutte", "to", "discuss", "trade", "."]
# the misreading: 'Rutte' nsubj of 'discuss', which hangs on 'with' as pcomp
HEADS = [1, 1, 1, 5, 5, 2, 5, 1]
DEPS = ["nsubj", "ROOT", "prep", "nsubj", "aux", "pcomp", "dobj", "punct"]
POS = ["PROPN", "VERB", "ADP", "PROPN", "PART", "VERB", "NOUN", "PUNCT"]


def _doc(nlp: Any, heads: list[int], deps: list[str]) -> Doc:
    return Doc(nlp.vocab, words=WORDS, heads=heads, deps=deps, pos=POS)


def test_the_partner_becomes_the_object_of_with(nlp: Any) -> None:
    doc = mend_parse(_doc(nlp, HEADS, DEPS))
    assert (doc[3].dep_, doc[3].head.i) == ("pobj", 2)
    assert (doc[5].dep_, doc[5].head.i) == ("advcl", 1)


def test_a_with_that_has_its_object_is_left_alone(nlp: Any) -> None:
    heads = [1, 1, 1, 2, 5, 1, 5, 1]
    deps = ["nsubj", "ROOT", "prep", "pobj", "aux", "advcl", "dobj", "punct"]
    doc = mend_parse(_doc(nlp, heads, deps))
    assert [t.head.i for t in doc] == heads
    assert [t.dep_ for t in doc] == deps
