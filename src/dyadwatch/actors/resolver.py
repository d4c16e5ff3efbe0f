"""Actor mentions from a parsed document: dictionary atoms grouped by noun phrase.

A mention is built from the atoms of one noun phrase: a country (name, demonym,
capital or metonym) gives the country, a role noun gives the sector and role, a
person gives the name and a dated dictionary code. Context in the sentence beats
the dictionary: "Moscow's UN envoy X" is RUS GOV whatever X's dictionary row says.
"""

from __future__ import annotations

from typing import Any

from ..records import Document, Mention
from .acronyms import drop_redefined
from .anaphora import entity_anaphora
from .compose import Analysis
from .context import place_in_context
from .coref import corefer, link_appositions, link_of_country
from .lexicon import Lexicon
from .personal import personal_pronouns
from .phrase import analyse_phrase
from .quoted import with_quoted_speakers
from .tokens import Tok, iso_date, make_mention, spacy_toks, span_head
from .voice import voice_mentions

__all__ = [
    "Analysis",
    "Tok",
    "analyse_phrase",
    "document_mentions",
    "iso_date",
    "make_mention",
    "span_head",
    "spacy_toks",
]


def document_mentions(lex: Lexicon, doc: Document, sdoc: Any) -> list[Mention]:
    toks = spacy_toks(sdoc)
    sents = [0] * len(toks)
    for k, sent in enumerate(sdoc.sents):
        for i in range(sent.start, sent.end):
            sents[i] = k
    date = iso_date(doc.published)
    an = Analysis(lex, toks, sents, date, syntax=True)
    ents = [(e.start, e.end, e.label_) for e in sdoc.ents]
    atoms = an.atoms(ents)
    out: list[Mention] = []
    for root, group in an.groups(atoms):
        for run, shared in an.runs(root, group):
            actor = an.compose(root, run, shared)
            if actor is not None:
                out.append(make_mention(toks, sents, run[0].start, run[-1].end, actor))
    out.sort(key=lambda m: m.start)
    out = drop_redefined(out, doc.text)  # "sustainable aviation fuel (SAF)" is no army
    link_appositions(out, toks)
    link_of_country(out, toks)  # "President Hassan of Tanzania"
    out = corefer(out, toks)
    out.sort(key=lambda m: (m.start, m.end))
    out += entity_anaphora(out, toks, sdoc)
    out.sort(key=lambda m: (m.start, m.end))
    place_in_context(out)
    out += voice_mentions(doc, out, toks, sdoc)
    out.sort(key=lambda m: (m.start, m.end))
    out = with_quoted_speakers(
        out, toks, sents, sdoc
    )  # a quote's "we" is its speaker's, not the outlet's
    out += personal_pronouns(out, toks, sents)
    out.sort(key=lambda m: (m.start, m.end))
    for m in out:  # the parse is of doc.text, but never trust it blindly
        m.actor.text = doc.text[m.start : m.end] if m.end <= len(doc.text) else m.actor.text
    return out
