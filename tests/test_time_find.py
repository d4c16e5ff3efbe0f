"""Rule-based time expressions: detection, resolution against the reference date, no false hits."""

from __future__ import annotations

from pathlib import Path

import pytest

from dyadwatch.records import TimeExpr
from dyadwatch.registry import registry
from dyadwatch.settings import Settings
from dyadwatch.time import RuleTimer

DCT = "2022-12-10"  # a Saturday


@pytest.fixture(scope="module")
def timer() -> RuleTimer:
    return RuleTimer(Settings())


def one(timer: RuleTimer, text: str, dct: str | None = DCT) -> TimeExpr:
    found = timer.find(text, dct)
    assert len(found) == 1, [f.text for f in found]
    f = found[0]
    assert text[f.start : f.end] == f.text
    return f


@pytest.mark.parametrize(
    ("text", "span", "value", "precision", "basis"),
    [
        ("The United States warned on Friday that", "Friday", "2022-12-09", "day", "relative"),
        (
            "Nebenzia denounced the assessment later on Friday.",
            "Friday",
            "2022-12-09",
            "day",
            "relative",
        ),
        ("They will meet next Friday in Geneva.", "next Friday", "2022-12-16", "day", "relative"),
        (
            "The jets are expected to be delivered next year.",
            "next year",
            "2023",
            "year",
            "relative",
        ),
        ("Prices rose last month, officials said.", "last month", "2022-11", "month", "relative"),
        ("Earlier this year, talks collapsed.", "Earlier this year", "2022", "year", "relative"),
        ("The deal was signed in March.", "March", "2022-03", "month", "relative"),
        ("The deal was signed on March 3.", "March 3", "2022-03-03", "day", "relative"),
        ("The deal was signed on 3 March 2022.", "3 March 2022", "2022-03-03", "day", "explicit"),
        ("It happened on December 10, 2022.", "December 10, 2022", "2022-12-10", "day", "explicit"),
        ("Filed on 2021-06-30 in court.", "2021-06-30", "2021-06-30", "day", "explicit"),
        ("Elections were held in 2021.", "2021", "2021", "year", "explicit"),
        ("Two days ago the strike hit.", "Two days ago", "2022-12-08", "day", "relative"),
        ("He arrived yesterday.", "yesterday", "2022-12-09", "day", "relative"),
        ("She leaves tomorrow.", "tomorrow", "2022-12-11", "day", "relative"),
        ("He spoke tonight.", "tonight", "2022-12-10", "day", "relative"),
        ("Troops crossed last week.", "last week", "2022-12", "month", "relative"),
        ("Troops crossed three weeks ago.", "three weeks ago", "2022-11", "month", "relative"),
        ("It was built in May 1998.", "May 1998", "1998-05", "month", "explicit"),
    ],
)
def test_resolves_against_reference_date(
    timer: RuleTimer, text: str, span: str, value: str, precision: str, basis: str
) -> None:
    f = one(timer, text)
    assert (f.text, f.value, f.precision, f.basis) == (span, value, precision, basis)


@pytest.mark.parametrize(
    "text",
    [
        "Russia may attack the city, officials fear.",
        "Thousands joined a march on the capital.",
        "They march to the square every day.",
        "The Sunday Times reported the claims.",
        "Britain's former prime minister Theresa May spoke.",
        "Some 2000 troops were moved to the border.",
        "The rate rose to 1998 points.",
        "The strike came at 1800 GMT.",
        "Casualties rose in the past 24 hours.",
    ],
)
def test_false_positives_are_not_dates(timer: RuleTimer, text: str) -> None:
    assert [f.text for f in timer.find(text, DCT)] == []


def test_future_context_moves_weekday_forward(timer: RuleTimer) -> None:
    assert one(timer, "The envoy will arrive on Tuesday.").value == "2022-12-13"
    assert one(timer, "The envoy arrived on Tuesday.").value == "2022-12-06"
    assert one(timer, "He said he would travel to Kyiv on Sunday.").value == "2022-12-11"


def test_without_reference_date_only_explicit_dates_resolve(timer: RuleTimer) -> None:
    found = {
        f.text: f.value for f in timer.find("On Friday, and on 3 March 2022, and next year.", None)
    }
    assert found == {"Friday": None, "3 March 2022": "2022-03-03", "next year": None}


def test_bad_reference_date_is_a_clear_error(timer: RuleTimer) -> None:
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        timer.find("on Friday", "10/12/2022")


def test_anchor_needs_the_named_event_in_the_document(timer: RuleTimer) -> None:
    bare = one(timer, "Iran denies any arms transfers since the invasion.")
    assert bare.text == "since the invasion" and bare.value is None
    text = (
        "Russia's invasion of Ukraine goes on. Iran denies any arms transfers since the invasion."
    )
    found = [f for f in timer.find(text, DCT) if f.text.startswith("since")]
    assert [(f.value, f.precision) for f in found] == [("2022-02-24", "day")]
    # outside the anchor's validity window the same words stay unresolved
    assert [f.value for f in timer.find(text, "2021-05-01") if f.text.startswith("since")] == [None]


def test_registered_under_versioned_name() -> None:
    timer = registry.get("dyadwatch.time.v1")(Settings())
    assert timer.find("on Friday", DCT)[0].value == "2022-12-09"


def test_anchor_hook_adds_a_named_event() -> None:
    import re
    from datetime import date

    from dyadwatch.time.anchors import Anchor

    timer = RuleTimer(Settings())
    timer.anchors.add(
        Anchor(
            "coup in Niger",
            date(2023, 7, 26),
            date(2023, 7, 26),
            date(2030, 1, 1),
            ("coup",),
            re.compile("coup in Niger", re.I),
        )
    )
    text = "The coup in Niger shocked Paris. Aid stopped after the coup."
    found = [f for f in timer.find(text, "2023-09-01") if f.text.startswith("after")]
    assert [(f.text, f.value) for f in found] == [("after the coup", "2023-07-26")]


def test_user_anchor_file_from_settings(tmp_path: Path) -> None:
    f = tmp_path / "anchors.tsv"
    f.write_text(
        "# mine\nquake\t2023-02-06\t2023-02-06\t2030-01-01\tearthquake\tearthquake in Turkey\n",
        encoding="utf-8",
    )
    timer = RuleTimer(Settings(extra={"time_anchors": str(f)}))
    text = "The earthquake in Turkey killed thousands. Aid rose since the earthquake."
    assert [f.value for f in timer.find(text, "2023-03-01") if f.text.startswith("since")] == [
        "2023-02-06"
    ]
    bad = tmp_path / "bad.tsv"
    bad.write_text("quake\tnot-a-date\n", encoding="utf-8")
    with pytest.raises(ValueError, match="bad.tsv:1"):
        RuleTimer(Settings(extra={"time_anchors": str(bad)}))
    with pytest.raises(FileNotFoundError):
        RuleTimer(Settings(extra={"time_anchors": str(tmp_path / "missing.tsv")}))


def test_anaphoric_days_follow_the_story(timer: RuleTimer) -> None:
    text = "Russia attacked on Monday. The following day, Ukraine hit back. Two days later talks."
    found = {f.text: f.value for f in timer.find(text, DCT)}
    assert found == {
        "Monday": "2022-12-05",
        "The following day": "2022-12-06",
        "Two days later": "2022-12-08",
    }
    # with nothing to follow, "that day" is not a date
    assert timer.find("Nobody knew what happened that day.", DCT) == []
