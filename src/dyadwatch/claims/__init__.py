"""Claims stage: who says, supports, denies, rejects, acknowledges or accuses what.

Rules over the dependency parse find (source, cue, content) triples from a
packaged cue lexicon (data/claims/cues.tsv); speakers come from the actors
stage's mentions; events inside a claim's content are linked and take their
status from its stance. Extra lexicon file: [claims] user_lexicon
(a path or a list of paths).
"""

from __future__ import annotations

from typing import Any

from ..nlp import doc_text
from ..records import Actor, Claim, Document, Event, Evidence, Mention, Span, stable_id
from ..registry import registry
from ..settings import Settings
from .forms import content_form, pronoun_subjects
from .lexicon import Lexicon, load_lexicon
from .link import claim_noun, link_about, link_events, referents
from .quotes import quote_spans
from .rules import Found, find_all, shielded
from .speakers import SpeakerFinder

__all__ = ["RuleAttributor", "make_attributor"]


def _extra_paths(settings: Settings) -> list[str]:
    extra = settings.claims_lexicon or settings.extra.get("claims_lexicon")
    if not extra:
        return []
    return [extra] if isinstance(extra, str) else list(extra)


class RuleAttributor:
    """The default Attributor: dependency rules plus the cue lexicon."""

    def __init__(self, settings: Settings, lexicon: Lexicon | None = None) -> None:
        self.settings = settings
        self.lexicon = lexicon or load_lexicon(*_extra_paths(settings))
        self._resolver: Any = None

    def resolve_phrase(self, text: str) -> Actor | None:
        """Actor for a source phrase with no mention ("US intelligence")."""
        if self._resolver is None:
            try:
                self._resolver = registry.get(self.settings.actors_impl)(self.settings)
            except Exception:  # a broken actors plug-in must not lose the claims
                self._resolver = False
        if not self._resolver:
            return None
        try:
            actor = self._resolver.resolve_phrase(text)
        except Exception:
            return None
        return actor if isinstance(actor, Actor) else None

    def __call__(
        self, doc: Document, sdoc: Any, mentions: list[Mention], events: list[Event]
    ) -> tuple[list[Claim], list[Event]]:
        if doc_text(sdoc) != doc.text:
            raise ValueError("claims: the parse is not of this document's text")
        found = find_all(sdoc, self.lexicon, quote_spans(doc.text))
        speakers = SpeakerFinder(sdoc, mentions, self.resolve_phrase)
        sent_of = _sentence_index(sdoc)
        claims: list[Claim] = []
        shields: dict[str, list[tuple[int, int]]] = {}
        forms: dict[str, str] = {}
        seen: set[str] = set()
        for f in sorted(found, key=lambda x: x.cue_tokens[0]):
            claim = self._claim(doc, sdoc, f, speakers, sent_of)
            if claim is None or claim.claim_id in seen:
                continue
            seen.add(claim.claim_id)
            shields[claim.claim_id] = shielded(sdoc, f.content)
            forms[claim.claim_id] = content_form(sdoc, f)
            self._about(sdoc, f, claim, claims, mentions)
            claims.append(claim)
        pronouns = pronoun_subjects(sdoc, events)
        events = link_events(claims, events, doc.text, shields, forms, pronouns)
        events = link_about(claims, events)
        return claims, events

    def _claim(
        self,
        doc: Document,
        sdoc: Any,
        f: Found,
        speakers: SpeakerFinder,
        sent_of: dict[int, tuple[int, int, int]],
    ) -> Claim | None:
        text = doc.text
        first, last = sdoc[f.cue_tokens[0]], sdoc[f.cue_tokens[-1]]
        cs, ce = first.idx, last.idx + len(last.text)
        a, b = f.content
        if b <= a:
            return None
        speaker = None
        if f.source is not None and f.source_head is not None:
            speaker = speakers.speaker(*f.source, f.source_head, f.antecedent)
            speakers.note(f.source_head if f.antecedent is None else f.antecedent, speaker)
        sent, ss, se = sent_of[first.sent.start]
        cue_text = " ".join(sdoc[i].text for i in f.cue_tokens) if _gappy(f) else text[cs:ce]
        return Claim(
            claim_id=stable_id(doc.doc_id, cs, ce, a, b),
            doc_id=doc.doc_id,
            speaker=speaker,
            cue=cue_text,
            stance=f.stance,  # type: ignore[arg-type]
            content=Span(start=a, end=b, text=text[a:b]),
            quoted=f.quoted,
            evidence=Evidence(sentence=sent, start=ss, end=se, text=text[ss:se]),
            cue_span=Span(start=cs, end=ce, text=text[cs:ce]),
            content_parts=[Span(start=x, end=y, text=text[x:y]) for x, y in f.parts]
            if len(f.parts) > 1
            else [],
        )

    def _about(
        self, sdoc: Any, f: Found, claim: Claim, earlier: list[Claim], mentions: list[Mention]
    ) -> None:
        """Fill about_claims when the content is an earlier claim ('the claims were backed')."""
        noun = claim_noun(sdoc, f.content_root)
        if noun is None or not earlier or claim.stance in ("assert", "warn"):
            return
        a, b = noun.left_edge.i, noun.right_edge.i + 1
        keys: set[str] = set()
        for m in mentions:
            if a <= m.head < b:
                keys |= {k for k in (m.actor.country, m.actor.code, m.actor.name) if k}
        if not keys:
            mods = [c for c in noun.children if c.dep_ in ("compound", "amod", "poss", "nmod")]
            for mod in mods:
                actor = self.resolve_phrase(mod.text)
                if actor is not None:
                    keys |= {k for k in (actor.country, actor.code) if k}
        topic = {
            t.lemma_.lower()
            for t in sdoc[a:b]
            if t.pos_ in ("NOUN", "PROPN") and t.i > noun.i and t.lemma_.lower() != noun.lemma_
        }
        refs = referents(earlier, claim, keys, topic)
        claim.about_claims = [c.claim_id for c in refs]


def _gappy(f: Found) -> bool:
    toks = f.cue_tokens
    return toks[-1] - toks[0] + 1 != len(toks)


def _sentence_index(sdoc: Any) -> dict[int, tuple[int, int, int]]:
    out: dict[int, tuple[int, int, int]] = {}
    doc = doc_text(sdoc)  # a slice of the cached text: Span.text rebuilds it token by token
    for n, s in enumerate(sdoc.sents):
        start = s.start_char
        end = start + len(doc[start : s.end_char].rstrip())
        out[s.start] = (n, start, end)
    return out


@registry.register("dyadwatch.claims.v1")
def make_attributor(settings: Settings) -> RuleAttributor:
    return RuleAttributor(settings)
