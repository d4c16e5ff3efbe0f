"""Clause-level dating of events and claims on real spaCy parses."""

from __future__ import annotations

from typing import Any

import pytest

from dyadwatch.records import Claim, Document, Event, Evidence, Plover, Span
from dyadwatch.settings import Settings
from dyadwatch.time import RuleTimer

DCT = "2022-12-10"


@pytest.fixture(scope="module")
def timer() -> RuleTimer:
    return RuleTimer(Settings())


def _evidence(text: str, start: int) -> Evidence:
    s0 = text.rfind(". ", 0, start)
    s0 = 0 if s0 < 0 else s0 + 2
    s1 = text.find(".", start)
    s1 = len(text) if s1 < 0 else s1 + 1
    return Evidence(sentence=0, start=s0, end=s1, text=text[s0:s1])


def span(text: str, words: str, nth: int = 0) -> Span:
    i = -1
    for _ in range(nth + 1):
        i = text.index(words, i + 1)
    return Span(start=i, end=i + len(words), text=words)


def event(text: str, trigger: str, with_span: bool = True) -> Event:
    sp = span(text, trigger)
    return Event(
        event_id=f"e-{trigger}",
        doc_id="d",
        source=None,
        target=None,
        plover=Plover(type="COOPERATE"),
        trigger=trigger,
        evidence=_evidence(text, sp.start),
        trigger_span=sp if with_span else None,
    )


def claim(text: str, cue: str, content: str, nth: int = 0) -> Claim:
    cs = span(text, cue, nth)
    return Claim(
        claim_id=f"c-{cue}-{nth}",
        doc_id="d",
        speaker=None,
        cue=cue,
        stance="assert",
        content=span(text, content),
        evidence=_evidence(text, cs.start),
        cue_span=cs,
    )


def run(
    timer: RuleTimer,
    nlp: Any,
    text: str,
    events: list[Event],
    claims: list[Claim],
    published: str | None = DCT,
) -> tuple[dict[str, Event], dict[str, Claim]]:
    doc = Document(doc_id="d", text=text, published=published)
    evs, cls = timer(doc, nlp(text), events, claims)
    return {e.trigger: e for e in evs}, {c.claim_id: c for c in cls}


TEXT = (
    "The United States warned on Friday that Russia is arming Iran. "
    "Kirby said Iranian pilots are being trained to fly jets, "
    "which are expected to be delivered next year."
)


def test_own_clause_wins_and_reports_carry_their_date(timer: RuleTimer, nlp: Any) -> None:
    claims = [
        claim(TEXT, "warned", "Russia is arming Iran"),
        claim(
            TEXT,
            "said",
            "Iranian pilots are being trained to fly jets, "
            "which are expected to be delivered next year",
        ),
    ]
    events = [event(TEXT, "delivered"), event(TEXT, "trained"), event(TEXT, "arming")]
    evs, cls = run(timer, nlp, TEXT, events, claims)
    warned, said = cls["c-warned-0"], cls["c-said-0"]
    assert (warned.date, warned.date_basis, warned.date_precision, warned.date_text) == (
        "2022-12-09",
        "relative",
        "day",
        "Friday",
    )
    # no time in Kirby's clause: same reporting episode as "warned on Friday"
    assert (said.date, said.date_basis) == ("2022-12-09", "relative")
    # "next year" sits in the delivery's own clause, not in the training's
    assert (
        evs["delivered"].date,
        evs["delivered"].date_precision,
        evs["delivered"].date_basis,
    ) == ("2023", "year", "relative")
    assert (evs["trained"].date, evs["trained"].date_basis) == ("2022-12-09", "relative")
    assert evs["arming"].date == "2022-12-09"


def test_event_without_time_or_claim_gets_publication_date(timer: RuleTimer, nlp: Any) -> None:
    text = "Iran has supplied drones to Russia, officials say."
    evs, _ = run(timer, nlp, text, [event(text, "supplied")], [])
    e = evs["supplied"]
    assert (e.date, e.date_basis, e.date_precision, e.date_text) == (
        "2022-12-10",
        "publication",
        "day",
        None,
    )


def test_no_publication_date_keeps_only_explicit_dates(timer: RuleTimer, nlp: Any) -> None:
    text = "Iran supplied drones on 3 March 2022. Russia bought jets on Friday."
    evs, _ = run(
        timer, nlp, text, [event(text, "supplied"), event(text, "bought")], [], published=None
    )
    assert (evs["supplied"].date, evs["supplied"].date_basis) == ("2022-03-03", "explicit")
    assert (evs["bought"].date, evs["bought"].date_basis) == (None, None)


def test_present_perfect_claim_does_not_inherit(timer: RuleTimer, nlp: Any) -> None:
    text = "Nebenzia denounced the assessment on Friday. Iran has acknowledged that it sold drones."
    _, cls = run(timer, nlp, text, [], [claim(text, "acknowledged", "that it sold drones")])
    assert cls["c-acknowledged-0"].date_basis == "publication"


def test_heading_ends_the_reporting_episode(timer: RuleTimer, nlp: Any) -> None:
    text = (
        "The minister spoke on Monday.\n\nOpposition reacts\n\n"
        "The opposition leader said the plan would fail."
    )
    _, cls = run(timer, nlp, text, [], [claim(text, "said", "the plan would fail")])
    assert cls["c-said-0"].date_basis == "publication"
    joined = text.replace("\n\nOpposition reacts", "")
    _, cls = run(timer, nlp, joined, [], [claim(joined, "said", "the plan would fail")])
    assert (cls["c-said-0"].date, cls["c-said-0"].date_basis) == ("2022-12-05", "relative")


def test_trigger_span_missing_falls_back_to_sentence(timer: RuleTimer, nlp: Any) -> None:
    text = "Officials met in Geneva. Russia shipped drones to Iran last month."
    evs, _ = run(timer, nlp, text, [event(text, "shipped", with_span=False)], [])
    assert (evs["shipped"].date, evs["shipped"].date_precision) == ("2022-11", "month")


def test_since_the_invasion_dates_the_denied_transfers_not_the_denial(
    timer: RuleTimer, nlp: Any
) -> None:
    text = (
        "Russia's invasion of Ukraine continues. Iran denies any arms transfers since the invasion."
    )
    evs, cls = run(
        timer,
        nlp,
        text,
        [event(text, "arms transfers")],
        [claim(text, "denies", "any arms transfers")],
    )
    assert (evs["arms transfers"].date, evs["arms transfers"].date_text) == (
        "2022-02-24",
        "since the invasion",
    )
    assert cls["c-denies-0"].date_basis == "publication"


def test_named_anchor_event_and_deictic_now(timer: RuleTimer, nlp: Any) -> None:
    text = (
        "Iran supplied drones for Russia's invasion of Ukraine. "
        "Kirby said on Friday that Iran is now considering a drone plant."
    )
    events = [event(text, "invasion"), event(text, "supplied"), event(text, "considering")]
    evs, _ = run(timer, nlp, text, events, [claim(text, "said", "Iran is now considering")])
    assert (evs["invasion"].date, evs["invasion"].date_precision) == ("2022-02-24", "day")
    assert evs["supplied"].date_basis == "publication"  # the invasion date is not the supply date
    # "now" does not make the considering publication-dated: it takes Kirby's Friday
    assert (evs["considering"].date, evs["considering"].date_basis) == ("2022-12-09", "relative")


def test_time_phrase_inside_noun_content_still_dates_the_claim(timer: RuleTimer, nlp: Any) -> None:
    text = "The envoy denounced the US assessment later on Friday. He said it was false."
    claims = [
        claim(text, "denounced", "the US assessment later on Friday"),
        claim(text, "said", "it was false"),
    ]
    _, cls = run(timer, nlp, text, [], claims)
    assert cls["c-denounced-0"].date == "2022-12-09"
    assert (cls["c-said-0"].date, cls["c-said-0"].date_basis) == ("2022-12-09", "relative")


def test_background_dates_do_not_start_a_reporting_episode(timer: RuleTimer, nlp: Any) -> None:
    text = "In 2014, Russia annexed Crimea. Putin said the peninsula would stay Russian."
    _, cls = run(timer, nlp, text, [], [claim(text, "said", "the peninsula would stay Russian")])
    assert cls["c-said-0"].date_basis == "publication"


def test_month_only_publication_date_is_not_a_crash(timer: RuleTimer, nlp: Any) -> None:
    text = "Russia shipped drones on 3 March 2022. Iran bought jets on Friday."
    evs, _ = run(timer, nlp, text, [event(text, "shipped"), event(text, "bought")], [], "2022-12")
    assert evs["shipped"].date == "2022-03-03"
    assert (evs["bought"].date, evs["bought"].date_basis) == (None, None)
