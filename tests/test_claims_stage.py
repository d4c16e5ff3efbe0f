"""Claims stage on sentences written for these tests (mentions from spaCy NER)."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

import pytest

from dyadwatch.claims import RuleAttributor
from dyadwatch.claims.lexicon import LexiconError, load_lexicon
from dyadwatch.records import Actor, Claim, Document, Event, Evidence, Mention, Plover, Span
from dyadwatch.settings import Settings

COUNTRY = {"Iran": "IRN", "Russia": "RUS", "US": "USA", "Moscow": "RUS", "Britain": "GBR"}


def ner_mentions(sdoc: Any) -> list[Mention]:
    """Stand-in for the actors stage: spaCy entities, people and places."""
    out = []
    for e in sdoc.ents:
        if e.label_ not in ("PERSON", "GPE", "ORG", "NORP"):
            continue
        kind: Literal["person", "state"] = "person" if e.label_ == "PERSON" else "state"
        actor = Actor(text=e.text, name=e.text, country=COUNTRY.get(e.text), kind=kind)
        out.append(
            Mention(
                start=e.start_char,
                end=e.end_char,
                token_start=e.start,
                token_end=e.end,
                head=e.root.i,
                sentence=0,
                actor=actor,
            )
        )
    return out


@pytest.fixture(scope="module")
def attributor(settings: Settings) -> RuleAttributor:
    return RuleAttributor(settings)


def run(
    nlp: Any, attributor: RuleAttributor, text: str, events: list[Event] | None = None
) -> tuple[list[Claim], list[Event]]:
    sdoc = nlp(text)
    doc = Document(doc_id="t", text=text)
    claims, evs = attributor(doc, sdoc, ner_mentions(sdoc), events or [])
    for c in claims:  # provenance holds for every claim
        assert text[c.content.start : c.content.end] == c.content.text
        assert text[c.evidence.start : c.evidence.end] == c.evidence.text
        assert c.cue_span is not None and text[c.cue_span.start : c.cue_span.end] == c.cue_span.text
    return claims, evs


def by_cue(claims: list[Claim], cue: str) -> Claim:
    hits = [c for c in claims if c.cue == cue]
    assert hits, f"no claim with cue {cue!r} in {[c.cue for c in claims]}"
    return hits[0]


def event(text: str, trigger: str, status: str = "reported") -> Event:
    at = text.index(trigger)
    return Event(
        event_id=f"e-{trigger}",
        doc_id="t",
        source=None,
        target=None,
        plover=Plover(type="COOPERATE"),
        trigger=trigger,
        status=status,  # type: ignore[arg-type]
        trigger_span=Span(start=at, end=at + len(trigger), text=trigger),
        evidence=Evidence(sentence=0, start=0, end=len(text), text=text),
    )


def test_indirect_speech(nlp: Any, attributor: RuleAttributor) -> None:
    text = "Kirby said Iranian pilots are being trained to fly Russian jets."
    claims, _ = run(nlp, attributor, text)
    c = by_cue(claims, "said")
    assert c.stance == "assert" and not c.quoted
    assert c.speaker is not None and c.speaker.name == "Kirby"
    assert c.content.text == "Iranian pilots are being trained to fly Russian jets"


def test_direct_quote_after_cue_clause(nlp: Any, attributor: RuleAttributor) -> None:
    text = (
        '"The industry in Russia can work perfectly fine and does not need help," '
        "Nebenzia told the Security Council."
    )
    claims, _ = run(nlp, attributor, text)
    c = by_cue(claims, "told")
    assert c.quoted
    assert c.content.text.startswith('"The industry') and c.content.text.endswith('help,"')
    assert c.speaker is not None and c.speaker.text == "Nebenzia"


def test_according_to_gives_source(nlp: Any, attributor: RuleAttributor) -> None:
    text = "Russia and Iran are collaborating more closely than ever, according to US intelligence."
    claims, _ = run(nlp, attributor, text)
    c = by_cue(claims, "according to")
    assert c.speaker is not None and c.speaker.text == "US intelligence"
    assert c.stance == "assert"
    assert c.content.text == "Russia and Iran are collaborating more closely than ever"


def test_acknowledge_and_deny_share_subject(nlp: Any, attributor: RuleAttributor) -> None:
    text = (
        "Iran has acknowledged that it sold drones to Russia in the past but denies any "
        "arms transfers since the invasion of Ukraine."
    )
    sale, transfer = event(text, "sold"), event(text, "arms transfers")
    claims, evs = run(nlp, attributor, text, [sale, transfer])
    ack, deny = by_cue(claims, "has acknowledged"), by_cue(claims, "denies")
    assert ack.stance == "acknowledge" and deny.stance == "deny"
    assert ack.content.text == "that it sold drones to Russia in the past"
    assert "arms transfers" in deny.content.text and "sold" not in deny.content.text
    assert deny.speaker is not None and deny.speaker.name == "Iran"
    status = {e.event_id: e.status for e in evs}
    assert status == {"e-sold": "acknowledged", "e-arms transfers": "denied"}
    assert ack.events == ["e-sold"] and deny.events == ["e-arms transfers"]
    assert {e.event_id: e.attributed_to for e in evs}["e-sold"] == [ack.claim_id]


def test_status_keeps_stronger_modality(nlp: Any, attributor: RuleAttributor) -> None:
    text = "Kirby said the jets are expected to be delivered next year and pilots are trained."
    claims, evs = run(
        nlp, attributor, text, [event(text, "delivered", "expected"), event(text, "trained")]
    )
    status = {e.event_id: e.status for e in evs}
    assert status == {"e-delivered": "expected", "e-trained": "claimed"}


def test_unnamed_source_makes_events_alleged(nlp: Any, attributor: RuleAttributor) -> None:
    text = "Iran has previously been accused of supplying Russia with lethal drones."
    claims, evs = run(nlp, attributor, text, [event(text, "supplying")])
    c = claims[0]
    assert c.speaker is None and c.stance == "accuse"
    assert evs[0].status == "alleged" and evs[0].attributed_to == [c.claim_id]


def test_support_by_agent_points_to_earlier_claims(nlp: Any, attributor: RuleAttributor) -> None:
    text = (
        "John Kirby said Iranian pilots are being trained in Russia. "
        "The claims were backed by British Foreign Secretary James Cleverly."
    )
    claims, _ = run(nlp, attributor, text)
    kirby, backed = by_cue(claims, "said"), by_cue(claims, "were backed")
    assert backed.stance == "support"
    assert backed.speaker is not None and backed.speaker.name == "James Cleverly"
    assert backed.about_claims == [kirby.claim_id]


def test_claimed_refuted_is_a_denial_by_the_pronoun_referent(
    nlp: Any, attributor: RuleAttributor
) -> None:
    text = (
        "Officials said Iran supplied drones to Russia. Then John Smith spoke in New York. "
        'He also claimed the allegations about Iranian drones were "already refuted" before.'
    )
    claims, _ = run(nlp, attributor, text)
    officials, claimed = by_cue(claims, "said"), by_cue(claims, "also claimed")
    assert claimed.stance == "deny"
    assert claimed.speaker is not None and claimed.speaker.name == "John Smith"
    assert claimed.speaker.resolved_by == "pronoun"
    assert claimed.about_claims == [officials.claim_id]
    # a non-actor source is kept, with no country
    assert officials.speaker is not None and officials.speaker.country is None


def test_reject_names_the_party(nlp: Any, attributor: RuleAttributor) -> None:
    text = (
        "The US said Russia and Iran cooperate. Iran said nothing happened. "
        "Nebenzia denounced the US intelligence assessment."
    )
    claims, _ = run(nlp, attributor, text)
    us = [c for c in claims if c.speaker is not None and c.speaker.country == "USA"]
    rej = by_cue(claims, "denounced")
    assert rej.stance == "reject"
    assert us and rej.about_claims == [c.claim_id for c in us]


def test_ids_are_stable(nlp: Any, attributor: RuleAttributor) -> None:
    text = "Kirby said Iranian pilots are being trained."
    a, _ = run(nlp, attributor, text)
    b, _ = run(nlp, attributor, text)
    assert [c.claim_id for c in a] == [c.claim_id for c in b] and a


def test_lexicon_errors_and_user_file(tmp_path: Path, settings: Settings, nlp: Any) -> None:
    bad = tmp_path / "bad.tsv"
    bad.write_text("mumble\tshout\tverb\n")
    with pytest.raises(LexiconError, match="bad.tsv:1"):
        load_lexicon(bad)
    good = tmp_path / "cues.tsv"
    good.write_text("# mine\ngrumble\tassert\tverb\tccomp\n")
    att = RuleAttributor(settings.with_overrides(extra={"claims_lexicon": str(good)}))
    claims, _ = run(nlp, att, "Smith grumbled that the talks had failed.")
    assert by_cue(claims, "grumbled").content.text == "that the talks had failed"


def test_parse_must_match_document(nlp: Any, attributor: RuleAttributor) -> None:
    with pytest.raises(ValueError, match="parse"):
        attributor(Document(doc_id="t", text="other"), nlp("Kirby said so."), [], [])


def test_quote_continues_in_next_paragraph(nlp: Any, attributor: RuleAttributor) -> None:
    text = '"We will not pay," Calderon told CNBC.\n\n"Not a single cent."\n\nTrump replied later.'
    claims, _ = run(nlp, attributor, text)
    c = by_cue(claims, "told")
    assert [p.text for p in c.content_parts] == ['"We will not pay,"', '"Not a single cent."']


def test_interjected_cue_splits_content(nlp: Any, attributor: RuleAttributor) -> None:
    text = "The new plan, Christie said, will send offenders to treatment."
    claims, _ = run(nlp, attributor, text)
    c = by_cue(claims, "said")
    assert c.content.text == "The new plan"
    assert [p.text for p in c.content_parts] == ["The new plan", "will send offenders to treatment"]


def test_headline_colon_names_the_speaker(nlp: Any, attributor: RuleAttributor) -> None:
    text = "Paul Ryan: FBI Decision Defies Explanation.\n\nThe speaker spoke on Tuesday."
    claims, _ = run(nlp, attributor, text)
    c = by_cue(claims, ":")
    assert c.speaker is not None and c.speaker.text == "Paul Ryan"
    assert c.content.text == "FBI Decision Defies Explanation"


def test_no_claim_across_paragraphs_or_in_markup(nlp: Any, attributor: RuleAttributor) -> None:
    text = 'Officials met.\n\n<tweet author="x">Praying for the victims.</tweet>'
    claims, _ = run(nlp, attributor, text)
    assert claims == []


def test_events_in_a_later_content_piece_are_linked(nlp: Any, attributor: RuleAttributor) -> None:
    text = "The new plan, Christie said, will send offenders to treatment."
    claims, evs = run(nlp, attributor, text, [event(text, "send")])
    assert evs[0].status == "claimed" and evs[0].attributed_to == [claims[0].claim_id]


@pytest.mark.parametrize(
    ("text", "quotes"),
    [
        ("''A,'' he said. ''B.''", ["''A,''", "''B.''"]),
        ("He can beat her,'' he told advisers.", ["He can beat her,''"]),
        ('He said "x" and then "y', ['"x"', '"y']),
        ("\u201cOne,\u201d she said.\n\u201cTwo", ["\u201cOne,\u201d", "\u201cTwo"]),
    ],
)
def test_quote_pairing(text: str, quotes: list[str]) -> None:
    from dyadwatch.claims.quotes import quote_spans

    assert [text[a:b] for a, b in quote_spans(text)] == quotes


@pytest.mark.parametrize(
    "text",
    [
        "MR. SMITH: Thanks.\nQ: Two\n\nquestions:  the first\nTHE PRESIDENT:\nYes.",
        "Ryan: Decision defies logic",
        "Ryan:\n\nfoo bar\n",
        "Paul Ryan :  FBI Decision Defies Explanation.\n\n Next line: here",
    ],
)
def test_line_end_is_the_token_walk(nlp: Any, text: str) -> None:
    """``_line_end`` (offsets) agrees with walking the tokens to the line's end."""
    from dyadwatch.claims.direct import _line_end

    sdoc = nlp(text)
    starts = [t.idx for t in sdoc]
    for i in range(len(sdoc) + 1):
        end = i
        while end < len(sdoc) and "\n" not in sdoc[end].text:
            end += 1
            if "\n" in sdoc[end - 1].whitespace_:
                break
        assert _line_end(sdoc, i, starts) == end, (text, i)
