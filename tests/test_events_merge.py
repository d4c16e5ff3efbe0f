"""One event, several mentions (issue 7, part 5): the merge step and its place in the pipeline."""

from __future__ import annotations

from typing import Any

import pytest

from dyadwatch.events.merge import merge_mentions
from dyadwatch.pipeline import Pipeline, Result
from dyadwatch.records import Actor, Claim, Event, Evidence, Plover, RawInput, Span, stable_id
from dyadwatch.settings import Settings

TEXT = (
    "Russian forces shelled Kharkiv on Tuesday. "
    "The mayor said schools were closed. "
    "Russia shelled the city again on Tuesday night with rockets."
)


def _actor(country: str, sector: str | None = None) -> Actor:
    return Actor(text=country, country=country, sector=sector, code=country + (sector or ""))


def _sentence(i: int) -> tuple[int, int]:
    starts = [0]
    for s in TEXT.split(". ")[:-1]:
        starts.append(starts[-1] + len(s) + 2)
    end = TEXT.find(".", starts[i]) + 1
    return starts[i], end


def _event(
    sentence: int,
    source: Actor | None = None,
    target: Actor | None = None,
    ptype: str = "ASSAULT",
    date: str | None = "2023-03-14",
    status: str = "reported",
    confidence: float = 0.7,
    **kw: Any,
) -> Event:
    start, end = _sentence(sentence)
    trig = TEXT.index("shelled", start)
    return Event(
        event_id=stable_id("d", sentence, ptype, status, date, confidence),
        doc_id="d",
        source=source if source is not None else _actor("RUS", "MIL"),
        target=target if target is not None else _actor("UKR"),
        plover=Plover(type=ptype),  # type: ignore[arg-type]
        date=date,
        status=status,  # type: ignore[arg-type]
        trigger="shelled",
        trigger_span=Span(start=trig, end=trig + 7, text="shelled"),
        evidence=Evidence(sentence=sentence, start=start, end=end, text=TEXT[start:end]),
        confidence=confidence,
        **kw,
    )


def _claim(events: list[str]) -> Claim:
    return Claim(
        claim_id="c1",
        doc_id="d",
        speaker=None,
        cue="said",
        stance="assert",
        content=Span(start=0, end=5, text="x"),
        evidence=Evidence(sentence=0, start=0, end=5, text="x"),
        events=events,
    )


def test_same_act_in_two_sentences_is_one_event_with_two_mentions() -> None:
    a = _event(0, confidence=0.6, attributed_to=["c1"])
    b = _event(2, _actor("RUS"), confidence=0.8, weapons=["rockets"], attributed_to=["c2"])
    (ev,), (cl,) = merge_mentions([a, b], [_claim([a.event_id, b.event_id])])
    assert ev.event_id == b.event_id, "the primary (most confident) mention keeps its id"
    assert [m.sentence for m in ev.mentions] == [2, 0]
    assert ev.mentions[0].start == ev.evidence.start and ev.evidence.sentence == 2
    assert ev.confidence == 0.8 and ev.weapons == ["rockets"]
    assert ev.attributed_to == ["c2", "c1"]
    assert cl.events == [ev.event_id], "claim links follow the surviving event, once"


def test_dates_types_directions_and_unknown_dates_stay_apart() -> None:
    evs = [
        _event(0),
        _event(2, date="2023-03-13"),
        _event(2, ptype="THREATEN"),
        _event(2, _actor("UKR"), _actor("RUS")),
        _event(0, date=None),
        _event(2, date=None),
    ]
    merged, _ = merge_mentions(evs, [])
    assert len(merged) == 6
    assert all(len(e.mentions) == 1 for e in merged)


@pytest.mark.parametrize(
    "a,b,merged",
    [
        ("reported", "denied", False),  # the act and its denial: a contest to show
        ("alleged", "acknowledged", False),
        ("alleged", "denied", False),
        ("expected", "reported", False),
        ("negated", "reported", False),
        ("reported", "claimed", True),
        ("expected", "expected", True),
        ("denied", "denied", True),
    ],
)
def test_status_families(a: str, b: str, merged: bool) -> None:
    out, _ = merge_mentions([_event(0, status=a), _event(2, status=b)], [])
    assert len(out) == (1 if merged else 2)


def test_reported_outranks_claimed_as_primary() -> None:
    (ev,), _ = merge_mentions(
        [_event(0, status="claimed", confidence=0.9), _event(2, status="reported")], []
    )
    assert ev.status == "reported" and ev.evidence.sentence == 2
    assert [m.status for m in ev.mentions] == ["reported", "claimed"]
    assert ev.confidence == 0.9


def test_sectors() -> None:
    rus, rusmil, rusgov = _actor("RUS"), _actor("RUS", "MIL"), _actor("RUS", "GOV")
    # "Russia" joins "Russian forces" when they are the only sector named
    out, _ = merge_mentions([_event(0, rusmil), _event(2, rus)], [])
    assert len(out) == 1
    # protesters and the government are two actors; a bare "Russia" is then ambiguous
    out, _ = merge_mentions([_event(0, rusmil), _event(2, rusgov), _event(1, rus)], [])
    assert len(out) == 3
    # an unknown side merges only with an unknown side
    unknown = _event(2, rusmil).model_copy(update={"source": None})
    out, _ = merge_mentions([_event(0, rusmil), unknown], [])
    assert len(out) == 2


def test_merging_is_stable_and_idempotent() -> None:
    evs = [_event(0), _event(2, weapons=["rockets"]), _event(1, ptype="THREATEN")]
    claims = [_claim([e.event_id for e in evs])]
    once = merge_mentions(evs, claims)
    assert merge_mentions(evs, claims) == once
    assert merge_mentions(*once) == once
    (first, threat), (cl,) = once
    assert [len(first.mentions), len(threat.mentions)] == [2, 1]
    assert threat.mentions[0].text == threat.evidence.text
    assert cl.events == [first.event_id, threat.event_id]


def test_order_follows_first_mention() -> None:
    evs = [_event(0), _event(1, ptype="THREATEN"), _event(2)]
    merged, _ = merge_mentions(evs, [])
    assert [e.plover.type for e in merged] == ["ASSAULT", "THREATEN"]


# --- through the pipeline, on texts written for these tests ------------------------------


def _run(settings: Settings, text: str) -> Result:
    raw = RawInput(input="merge-test", content=text, published="2023-03-16")
    (res,) = list(Pipeline(settings).run([raw]))
    assert isinstance(res, Result)
    return res


def _assaults(res: Result) -> list[Event]:
    return [e for e in res.events if e.plover.type == "ASSAULT"]


def test_pipeline_merges_a_repeated_act(settings: Settings) -> None:
    res = _run(
        settings,
        "Russian forces shelled the Ukrainian city of Kharkiv on Tuesday, officials said. "
        "The mayor said schools were closed. "
        "Russia shelled Kharkiv again on Tuesday evening, the regional governor said.",
    )
    (ev,) = _assaults(res)
    assert ev.date == "2023-03-14"
    assert [m.sentence for m in ev.mentions] == [0, 2]
    for m in ev.mentions:
        assert res.document.text[m.start : m.end] == m.text
        assert m.trigger_span and m.trigger_span.text == "shelled"
    linked = [c for c in res.claims if c.events]
    assert linked and all(c.events == [ev.event_id] for c in linked)
    assert {c.claim_id for c in linked} <= set(ev.attributed_to)
    again = _run(settings, res.document.text)
    assert [e.event_id for e in again.events] == [e.event_id for e in res.events]


def test_pipeline_keeps_other_days_and_denials_apart(settings: Settings) -> None:
    days = _run(
        settings,
        "Russian forces shelled Kharkiv on Monday, the governor said. "
        "Schools stayed closed across the region. "
        "Russian forces shelled Kharkiv again on Tuesday, the governor said.",
    )
    assert sorted(e.date or "" for e in _assaults(days)) == ["2023-03-13", "2023-03-14"]
    denial = _run(
        settings,
        "Ukraine said Russian troops shelled Kharkiv on Tuesday. "
        "The mayor said schools were closed. "
        "Moscow denied that its troops shelled Kharkiv on Tuesday.",
    )
    assert sorted(e.status for e in _assaults(denial)) == ["claimed", "denied"]
