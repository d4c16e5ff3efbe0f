"""Wire datelines: place, date and agency go into the Document, the dateline leaves the body,
and its place is never an actor (issue 7, part 2)."""

from __future__ import annotations

import pytest

from dyadwatch.clean import Cleaner
from dyadwatch.clean.datelines import parse_dateline
from dyadwatch.clean.patterns import load_patterns
from dyadwatch.pipeline import Pipeline, Result
from dyadwatch.records import Document, RawInput, Rejection
from dyadwatch.settings import Settings

BODY = (
    "Russian forces shelled the eastern city of Kharkiv overnight, damaging a power station "
    "and several apartment blocks, regional officials said."
)
MORE = (
    "The governor said repair crews were working to restore electricity to some 40,000 "
    "homes before temperatures fall again later this week."
)


def _clean(text: str, **kw: object) -> Document | Rejection:
    return Cleaner(Settings())(RawInput(input="t", content=text, **kw))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("line", "dateline", "place", "agencies"),
    [
        ("KYIV, March 14 (AP) — ", "KYIV, March 14 (AP)", "KYIV", ["AP"]),
        ("MANILA, Aug 5 (Reuters) - ", "MANILA, Aug 5 (Reuters)", "MANILA", ["Reuters"]),
        ("WASHINGTON (AP) — ", "WASHINGTON (AP)", "WASHINGTON", ["AP"]),
        ("LONDON, 3 May (Reuters) – ", "LONDON, 3 May (Reuters)", "LONDON", ["Reuters"]),
        ("BEIJING, Jan. 9 (Xinhua) -- ", "BEIJING, Jan. 9 (Xinhua)", "BEIJING", ["Xinhua"]),
        ("SEOUL, Oct. 2 (Yonhap) -- ", "SEOUL, Oct. 2 (Yonhap)", "SEOUL", ["Yonhap"]),
        ("Tokyo, June 1 (Kyodo) -- ", "Tokyo, June 1 (Kyodo)", "Tokyo", ["Kyodo"]),
        ("MOSCOW, Feb 2 (TASS) - ", "MOSCOW, Feb 2 (TASS)", "MOSCOW", ["TASS"]),
        ("BERLIN, 7 July (dpa) - ", "BERLIN, 7 July (dpa)", "BERLIN", ["dpa"]),
        ("PARIS (AFP) - ", "PARIS (AFP)", "PARIS", ["AFP"]),
        ("New Delhi, April 2 (PTI): ", "New Delhi, April 2 (PTI)", "New Delhi", ["PTI"]),
        (
            "KYIV, Ukraine (Associated Press) — ",
            "KYIV, Ukraine (Associated Press)",
            "KYIV, Ukraine",
            ["AP"],
        ),
        ("(Reuters) - ", "(Reuters)", None, ["Reuters"]),
        ("WASHINGTON — ", "WASHINGTON", "WASHINGTON", []),
    ],
)
def test_dateline_forms(line: str, dateline: str, place: str | None, agencies: list[str]) -> None:
    doc = _clean(line + BODY + "\n\n" + MORE)
    assert isinstance(doc, Document), doc
    assert (doc.dateline, doc.dateline_place, doc.agencies) == (dateline, place, agencies)
    assert doc.text.split("\n\n") == [BODY, MORE]
    assert any(r.reason == "dateline" and r.text == dateline for r in doc.removed)


@pytest.mark.parametrize(
    "text",
    [
        "BREAKING — " + BODY,
        "Russia and China signed a trade agreement on Monday.",
        "NATO leaders met in Vilnius (AP) — and agreed on nothing.",
        "The minister said (Reuters) - nothing more.",
        "U.S. — " + BODY,
    ],
)
def test_not_a_dateline(text: str) -> None:
    p = load_patterns()
    assert parse_dateline(text, p.agencies, p.non_places) is None


def test_dateline_date_takes_its_year_from_the_url() -> None:
    doc = _clean(
        "KYIV, March 14 (AP) — " + BODY, url="https://example.org/news/2023/03/15/kharkiv-shelling"
    )
    assert isinstance(doc, Document)
    # the URL date wins as publication date; the dateline still fills its own fields
    assert (doc.published, doc.published_basis) == ("2023-03-15", "url")
    assert doc.dateline == "KYIV, March 14 (AP)"


def test_dateline_date_sets_published_with_year_from_the_text() -> None:
    text = (
        "KYIV, March 14 (AP) — "
        + BODY
        + "\n\nThe last such strike, on January 3, 2024, hit a school."
    )
    doc = _clean(text)
    assert isinstance(doc, Document)
    assert (doc.published, doc.published_basis) == ("2024-03-14", "dateline")


def test_dateline_completes_a_year_alone() -> None:
    doc = _clean("KYIV, Dec. 30 (AP) — " + BODY, published="2024")
    assert isinstance(doc, Document)
    assert (doc.published, doc.published_basis) == ("2024-12-30", "dateline")
    doc = _clean("KYIV, Dec. 30 (AP) — " + BODY, published="2024-11")
    assert isinstance(doc, Document)
    assert doc.published == "2024-11"  # the dateline disagrees with the month given


def test_dateline_year_written_out() -> None:
    doc = _clean("BEIJING, Jan. 9, 2023 (Xinhua) -- " + BODY)
    assert isinstance(doc, Document)
    assert (doc.published, doc.published_basis) == ("2023-01-09", "dateline")


def test_dateline_without_a_year_leaves_published_unknown() -> None:
    doc = _clean("KYIV, March 14 (AP) — " + BODY)
    assert isinstance(doc, Document)
    assert (doc.published, doc.published_basis) == (None, "none")
    assert doc.dateline == "KYIV, March 14 (AP)"


def test_a_given_date_is_not_overridden() -> None:
    doc = _clean("KYIV, March 14 (AP) — " + BODY, published="2022-03-15")
    assert isinstance(doc, Document)
    assert doc.published == "2022-03-15" and doc.published_basis != "dateline"


def test_dateline_on_its_own_line_under_a_headline() -> None:
    text = "Russia shells Kharkiv power station\n\nKYIV, March 14 (AP) —\n\n" + BODY + "\n\n" + MORE
    doc = _clean(text)
    assert isinstance(doc, Document)
    assert doc.title == "Russia shells Kharkiv power station"
    assert (doc.dateline, doc.text.split("\n\n")) == ("KYIV, March 14 (AP)", [BODY, MORE])


def test_dateline_after_a_standfirst() -> None:
    text = "\n\n".join([MORE, "KYIV, March 14 (AP) — " + BODY, MORE])
    doc = _clean(text)
    assert isinstance(doc, Document)
    assert doc.dateline == "KYIV, March 14 (AP)" and doc.text.split("\n\n") == [MORE, BODY, MORE]


def test_dateline_in_html() -> None:
    html = (
        "<html><head><title>Shelling in Kharkiv</title></head><body><article>"
        "<h1>Shelling in Kharkiv</h1>"
        f"<p>KYIV, March 14 (Reuters) - {BODY}</p><p>{MORE}</p><p>{MORE}</p>"
        "</article></body></html>"
    )
    doc = _clean(html, format="html")
    assert isinstance(doc, Document), doc
    assert doc.dateline_place == "KYIV" and doc.agencies == ["Reuters"]
    assert doc.text.startswith("Russian forces")


@pytest.mark.parametrize(
    "text",
    [
        "KYIV, March 14 (AP) — Russia shelled the city overnight.",
        "KYIV (Reuters) - Moscow accused the government of shelling its border villages.",
        "KYIV, Ukraine — The Kremlin said its forces had repelled an attack.",
    ],
)
def test_dateline_place_is_never_an_actor(text: str, settings: Settings) -> None:
    [res] = list(Pipeline(settings).run([RawInput(input="t", content=text)]))
    assert isinstance(res, Result)
    assert "KYIV" not in res.document.text
    for e in res.events:
        for side in (e.source, e.target):
            assert side is None or "KYIV" not in side.text
    for c in res.claims:
        assert c.speaker is None or "KYIV" not in c.speaker.text
    assert res.events, "the sentence after the dateline is still coded"
