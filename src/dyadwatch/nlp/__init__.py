"""NLP stage: spaCy parsing, batched with ``nlp.pipe``."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

import numpy as np

from ..data import data_path
from ..registry import registry
from ..settings import Settings


class ModelNotInstalled(RuntimeError):
    pass


def configure_ops(use_blis: bool) -> None:
    """Pick thinc's CPU ops. blis falls back to slow generic kernels on some CPUs."""
    from thinc.api import NumpyOps, set_current_ops

    if not use_blis:
        os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
        set_current_ops(NumpyOps(use_blis=False))


@lru_cache(maxsize=4)
def load_model(model: str, use_blis: bool = False) -> Any:
    import spacy

    configure_ops(use_blis)
    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise ModelNotInstalled(
            f"spaCy model {model!r} is not installed. Run `make install`, or set "
            f"[nlp] model in your settings file to an installed pipeline ({exc})"
        ) from exc
    split_dotted_pairs(nlp)
    if "parser" in nlp.pipe_names and MEND not in nlp.pipe_names:
        nlp.add_pipe(MEND, last=True)  # after the tags it reads; one parse for every user
    return nlp


# a hyphen after a dotted abbreviation and before a capital: "U.S.-China talks" names two
# parties (spaCy splits "China-Russia" but keeps "U.S.-China" as one token, losing both)
DOTTED_PAIR = r"(?<=[A-Z]\.)-(?=[A-Z])"


def split_dotted_pairs(nlp: Any) -> None:
    old = nlp.tokenizer.infix_finditer
    pattern = old.__self__.pattern if old is not None else ""
    if DOTTED_PAIR not in pattern:
        both = f"{pattern}|{DOTTED_PAIR}" if pattern else DOTTED_PAIR
        nlp.tokenizer.infix_finditer = re.compile(both).finditer


_TEXT_KEY = "dyadwatch.text"


def doc_text(sdoc: Any) -> str:
    """The text of a spaCy Doc, cached on it: spaCy rebuilds ``Doc.text`` from every
    token on each access, which made per-cue lookups quadratic in document length."""
    text = sdoc.user_data.get(_TEXT_KEY)
    if text is None:
        text = sdoc.user_data[_TEXT_KEY] = sdoc.text
    return str(text)


def stand_for(sdoc: Any, text: str) -> None:
    """Let the parse of a same-length copy (a headline mended by ``headline.sentence_case``)
    stand for the original text: offsets agree, and ``doc_text`` gives the original."""
    if len(text) != len(doc_text(sdoc)):
        raise ValueError("a parse can stand only for a text of the same length")
    sdoc.user_data[_TEXT_KEY] = text


# spaCy's memory follows the characters in one nlp.pipe batch (a 1M-character Doc peaked at
# ~3 GB): longer texts are parsed in parts, and batches are bounded in characters too.
PART_CHARS = 100_000
BATCH_CHARS = 200_000
_CUT = re.compile(r"\n\s*|[.!?][\"'\u201d\u2019)\]]*\s+")  # a paragraph or sentence end


def parts(text: str, size: int = PART_CHARS) -> list[tuple[int, int]]:
    """(start, end) of parse-sized parts, cut after a paragraph or sentence end (else after a
    space) in the second half of each part; every cut keeps its whitespace, so the parts'
    Docs join back into exactly ``text``."""
    out: list[tuple[int, int]] = []
    a, n = 0, len(text)
    while n - a > size:
        lo = a + size // 2
        window = text[lo : a + size]
        ends = [m.end() for m in _CUT.finditer(window)]
        cut = ends[-1] if ends else max(window.rfind(" "), window.rfind("\n")) + 1
        b = lo + cut if cut > 0 else a + size
        out.append((a, b))
        a = b
    out.append((a, n))
    return out


def _split(items: Iterable[tuple[str, Any]]) -> Iterator[tuple[str, tuple[Any, str, int, int]]]:
    for text, ctx in items:
        if len(text) <= PART_CHARS:
            yield text, (ctx, text, 0, 1)
            continue
        cuts = parts(text, PART_CHARS)
        for k, (a, b) in enumerate(cuts):
            yield text[a:b], (ctx, text, k, len(cuts))


def mend_possessives(sdoc: Any) -> Any:
    """'the United States’ commitment': the small model reads a curly apostrophe after a
    final s as punctuation and the name as a mere modifier (nmod) or even a second object
    ("hailed the United States’ pledge"); with a straight one it parses a possessive. Make
    the curly one the same (poss + case), in place."""
    from spacy.attrs import ORTH

    curly = sdoc.vocab.strings.add("\u2019")
    for i in np.flatnonzero(sdoc.to_array(ORTH) == curly):  # C-level scan, no token loop
        t = sdoc[int(i)]
        if t.dep_ != "punct" or t.i == 0 or t.whitespace_ == "":
            continue
        owner = sdoc[t.i - 1]
        if owner.whitespace_ or not owner.lower_.endswith("s") or owner.dep_ not in MISREAD:
            continue
        noun = owner.head if owner.dep_ == "nmod" else t.head
        if not (t.i < noun.i <= t.i + 3 and noun.pos_ in ("NOUN", "PROPN")):
            continue
        if t.head.i in (noun.i, owner.i) and all(c.i < t.i for c in owner.children if c != t):
            owner.head, t.head = noun, owner
            owner.dep_, t.dep_ = "poss", "case"
    return sdoc


def mend_parse(sdoc: Any) -> Any:
    """The small model's systematic misreadings, mended in place once for every user:
    possessives before a curly apostrophe, lone named objects read as predicates, and
    dependents hung on an auxiliary."""
    from spacy.attrs import DEP

    mend_possessives(sdoc)
    deps = sdoc.to_array(DEP)  # the two mends below change different tokens' labels/heads
    _mend_named_objects(sdoc, deps)
    _mend_auxiliary_heads(sdoc, deps)
    _mend_perfect_participles(sdoc, deps)
    _mend_subjunctives(sdoc, deps)
    _mend_participle_adjectives(sdoc)
    _mend_noun_roots(sdoc)
    _mend_with_clauses(sdoc)
    _mend_lemmas(sdoc)
    return sdoc


@lru_cache(maxsize=1)
def lemma_exceptions() -> dict[str, str]:
    """Verb forms the rule lemmatizer cuts to a wrong verb ("fined" -> "fin", "waged" ->
    "wag"; data/nlp/lemma_exceptions.tsv, built by scripts/build_lemma_exceptions.py). The
    lemmatizer's own exception table cannot fix them: it ranks its rule forms first."""
    text = data_path("nlp", "lemma_exceptions.tsv").read_text(encoding="utf-8")
    rows = (ln.split("\t") for ln in text.splitlines() if ln and not ln.startswith("#"))
    return {r[0]: r[1] for r in rows if len(r) == 2 and r[0] != "form"}


@lru_cache(maxsize=1)
def _lemma_keys() -> Any:
    """The table's forms as the string hashes ``Doc.to_array(LOWER)`` holds."""
    from spacy.strings import get_string_id

    return np.array([get_string_id(form) for form in lemma_exceptions()], dtype="uint64")


def _mend_lemmas(sdoc: Any) -> None:
    from spacy.attrs import LOWER

    table = lemma_exceptions()
    for i in np.flatnonzero(np.isin(sdoc.to_array(LOWER), _lemma_keys())):  # rare: skip the rest
        tok = sdoc[int(i)]
        if tok.tag_.startswith("VB"):
            tok.lemma_ = table[tok.lower_]


def _mend_with_clauses(sdoc: Any) -> None:
    """'spoke with Prime Minister Kishida to discuss ...': the small model reads the partner as
    the subject of a to-clause hung on 'with' (pcomp). The partner is the preposition's object;
    the to-clause is the purpose of the verb that 'with' belongs to."""
    for prep in sdoc:
        if prep.lower_ != "with" or prep.dep_ != "prep" or prep.head.i == prep.i:
            continue
        if any(c.dep_ == "pobj" for c in prep.children):
            continue
        for verb in [c for c in prep.children if c.dep_ == "pcomp" and c.pos_ == "VERB"]:
            to = any(a.dep_ == "aux" and a.lower_ == "to" for a in verb.children)
            subj = [c for c in verb.children if c.dep_ == "nsubj" and prep.i < c.i < verb.i]
            if not to or len(subj) != 1:
                continue
            subj[0].head, subj[0].dep_ = prep, "pobj"
            verb.head, verb.dep_ = prep.head, "advcl"


def _mend_participle_adjectives(sdoc: Any) -> None:
    """'in occupied Ukraine', 'from annexed Crimea': the small model reads the participle
    after an object-less preposition as a clause verb with the place as its object. It is an
    adjective of the place, which is the preposition's object."""
    from spacy.attrs import TAG

    past = [sdoc.vocab.strings.add("VBD"), sdoc.vocab.strings.add("VBN")]
    for i in np.flatnonzero(np.isin(sdoc.to_array(TAG), past)):
        t = sdoc[int(i)]
        if t.i == 0 or t.i + 1 >= len(sdoc):
            continue
        prep, noun = sdoc[t.i - 1], sdoc[t.i + 1]
        if prep.dep_ != "prep" or any(c.dep_ == "pobj" for c in prep.children):
            continue
        if noun.head.i != t.i or noun.dep_ != "dobj" or noun.pos_ != "PROPN":
            continue
        for c in t.children:
            if c.i != noun.i:
                c.head = prep.head if prep.head.i != prep.i else noun
        noun.head, noun.dep_ = prep, "pobj"
        t.head, t.dep_ = noun, "amod"


def _mend_subjunctives(sdoc: Any, deps: Any) -> None:
    """'demanded that Israel halt settlement activity': the small model reads a subjunctive
    verb after its subject as a compound of its object noun. The verb heads the clause; the
    name before it is its subject, the noun its object."""
    compound = sdoc.vocab.strings.add("compound")
    for i in np.flatnonzero(deps == compound):
        t = sdoc[int(i)]
        noun = t.head
        while noun.dep_ == "compound" and noun.head.i > noun.i:
            noun = noun.head  # the head of the whole noun phrase
        if t.tag_ != "VB" or noun.i <= t.i or noun.pos_ not in ("NOUN", "PROPN"):
            continue
        before = [c for c in noun.children if c.i < t.i]
        mine = [c for c in t.children if c.i < t.i]
        subject = next(
            (c for c in reversed(before + mine) if c.pos_ in ("PROPN", "NOUN", "PRON")), None
        )
        if subject is None or subject.right_edge.i != t.i - 1:
            continue
        root = noun.head.i == noun.i
        t.dep_, t.head = ("ROOT" if root else "ccomp"), (t if root else noun.head)
        for c in before:
            c.head = t
        subject.dep_ = "nsubj"
        noun.head, noun.dep_ = t, "dobj"


def _mend_noun_roots(sdoc: Any) -> None:
    """'Speaking in Brussels, the NATO chief called on allies to ...': the small model reads
    a finite past verb after its subject as a participle (acl) of a noun root. A past-tense
    verb there heads the sentence; the noun is its subject."""
    for sent in sdoc.sents:
        root = sent.root
        if root.pos_ not in ("NOUN", "PROPN"):
            continue
        verb = next((c for c in root.rights if c.dep_ == "acl" and c.tag_ == "VBD"), None)
        if verb is None or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            continue
        movers = [c for c in root.children if c.i > verb.i or c.dep_ in ("advcl", "punct")]
        verb.dep_ = "ROOT"
        verb.head = verb
        for c in movers:
            if c.i != verb.i:
                c.head = verb
        root.head, root.dep_ = verb, "nsubj"


PERFECT = frozenset({"had", "has", "have"})
# what moves from the old clause head to the participle (left of it) or stays with the noun
CLAUSE_DEPS = frozenset({"nsubj", "nsubjpass", "aux", "auxpass", "mark", "neg", "advmod", "expl"})


def _mend_perfect_participles(sdoc: Any, deps: Any) -> None:
    """'its forces had targeted civilians': the small model sometimes reads a perfect
    participle as an adjective of its object (amod), with 'had' as the main verb or the
    object as the clause's root. The participle heads the clause; 'had' is its auxiliary
    and the noun its object."""
    amod = sdoc.vocab.strings.add("amod")
    for i in np.flatnonzero(deps == amod):
        t = sdoc[int(i)]
        noun = t.head
        if t.tag_ not in ("VBN", "VBD") or noun.i <= t.i or noun.pos_ not in ("NOUN", "PROPN"):
            continue
        j = t.i - 1
        while j > t.sent.start and sdoc[j].pos_ == "ADV":
            j -= 1
        have = sdoc[j]
        if have.lower_ not in PERFECT or have.i < t.sent.start:
            continue
        top = have if noun.head.i == have.i and have.dep_ != "aux" else noun
        movers = [c for c in top.children if c.i < t.i and c.dep_ in CLAUSE_DEPS]
        later = [c for c in top.children if c.i > noun.i] if top.i == have.i else []
        t.dep_ = top.dep_
        t.head = t if top.head.i == top.i else top.head
        for c in [*movers, *later, have]:
            c.head = t
        have.dep_ = "aux"
        noun.head, noun.dep_ = t, "dobj"


# what the parser sometimes hangs on an auxiliary ("Qatar and Egypt have been mediating",
# "If X ..., we can and should reach"): they belong to the verb the auxiliary serves
AUX_STRAYS = frozenset({"nsubj", "nsubjpass", "expl", "advcl", "neg", "mark"})


def _mend_auxiliary_heads(sdoc: Any, deps: Any) -> None:
    strings = sdoc.vocab.strings
    aux = {strings.add("aux"), strings.add("auxpass")}
    for i in np.flatnonzero(np.isin(deps, list(aux))):
        t = sdoc[int(i)]
        strays = [c for c in t.children if c.dep_ in AUX_STRAYS]
        verb = t.head
        while verb.dep_ in ("aux", "auxpass") and verb.head != verb:
            verb = verb.head
        if strays and verb != t and verb.pos_ in ("VERB", "AUX"):
            for c in strays:
                c.head = verb


def _mend_named_objects(sdoc: Any, deps: Any) -> None:
    """'Macron called Putin on Friday': the small model sometimes reads a lone named
    object as an object predicate (oprd), as if Putin were what he was called. A
    predicate needs an object to describe; with none, the name is the object."""
    oprd = sdoc.vocab.strings.add("oprd")
    for i in np.flatnonzero(deps == oprd):
        t = sdoc[int(i)]
        verb = t.head
        if t.pos_ != "PROPN" or verb.pos_ != "VERB" or t.i < verb.i:
            continue
        if not any(c.dep_ in ("dobj", "dative") for c in verb.children):
            t.dep_ = "dobj"


# how the parser reads a possessor before a curly apostrophe
MISREAD = frozenset({"nmod", "dative", "compound"})
MEND = "dyadwatch_mend_parse"


def _register_mend() -> None:
    from spacy.language import Language

    if not Language.has_factory(MEND):
        Language.component(MEND, func=mend_parse)


_register_mend()


def _rejoin(parsed: Iterable[tuple[Any, tuple[Any, str, int, int]]]) -> Iterator[tuple[Any, Any]]:
    from spacy.tokens import Doc

    held: list[Any] = []
    for sdoc, (ctx, text, k, n) in parsed:
        if n == 1:
            sdoc.user_data[_TEXT_KEY] = text  # spaCy keeps the text: no rebuild from tokens
            yield sdoc, ctx
            continue
        held.append(sdoc)
        if k == n - 1:
            whole = Doc.from_docs(held, ensure_whitespace=False, exclude=["tensor"])  # type: ignore[call-arg]  # stub lags
            held = []
            # offsets are true when the parts join back into the text; if they ever did not,
            # the claims stage refuses this one document (text mismatch), never the batch
            if whole.text == text:
                whole.user_data[_TEXT_KEY] = text
            yield whole, ctx


def _batches(items: Iterable[Any], size: int, chars: int) -> Iterator[list[Any]]:
    """Up to ``size`` items and about ``chars`` characters per batch (lazily)."""
    batch: list[Any] = []
    total = 0
    for item in items:
        batch.append(item)
        total += len(item[0])
        if len(batch) >= size or total >= chars:
            yield batch
            batch, total = [], 0
    if batch:
        yield batch


class SpacyParser:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.nlp = load_model(settings.model, settings.use_blis)
        # The pipeline refuses longer bodies itself (reason too_long), so spaCy never raises.
        self.nlp.max_length = max(self.nlp.max_length, settings.max_chars + 1)

    def pipe(self, items: Iterable[tuple[str, Any]]) -> Iterator[tuple[Any, Any]]:
        """Parses in input order; texts over PART_CHARS come back as one Doc of their parts."""
        size = self.settings.batch_size
        if self.settings.n_process > 1:  # one call keeps the worker processes for the run
            kw: dict[str, Any] = {"n_process": self.settings.n_process}
            yield from _rejoin(self.nlp.pipe(_split(items), batch_size=size, as_tuples=True, **kw))
            return
        parsed = (
            out
            for batch in _batches(_split(items), size, BATCH_CHARS)
            for out in self.nlp.pipe(batch, batch_size=len(batch), as_tuples=True)
        )
        yield from _rejoin(parsed)

    def __call__(self, text: str) -> Any:
        return self.nlp(text)


@registry.register("dyadwatch.nlp.spacy.v1")
def make_parser(settings: Settings) -> SpacyParser:
    return SpacyParser(settings)
