"""Clean stage: the seed page, plain-text boilerplate, HTML, language and ids."""

from __future__ import annotations

from pathlib import Path

import pytest

from dyadwatch.clean import Cleaner, normalize_body
from dyadwatch.records import Document, RawInput, Rejection
from dyadwatch.registry import registry
from dyadwatch.settings import Settings
from dyadwatch.sources import read_inputs

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEED = SHARED / "seed" / "dw-2022-12-10-us-alarmed-iran-russia-ties.txt"

PARAS = [
    "Officials in Kyiv said on Monday that the talks with Moscow had stalled again after a week "
    "of intense shelling near the eastern front line.",
    "The foreign minister told reporters that the government would continue to seek support "
    "from its partners in Europe and the United States.",
    "Analysts expect the negotiations to resume next month, although neither side has agreed "
    "to a date or a venue for the meeting.",
]


def _doc(text: str, **kw: object) -> Document | Rejection:
    return Cleaner(Settings())(RawInput(input="t", content=text, **kw))  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def seed() -> Document:
    if not SEED.is_file():
        pytest.skip(f"seed article not found at {SEED}")
    raw = next(iter(read_inputs([str(SEED)], Settings())))
    doc = registry.get("dyadwatch.clean.v1")(Settings())(raw)
    assert isinstance(doc, Document), doc
    return doc


def test_seed_metadata(seed: Document) -> None:
    assert seed.title == "US alarmed by growing Iran, Russia ties amid Ukraine assault"
    assert seed.published == "2022-12-10"
    assert seed.outlet == "DW"
    assert seed.byline == ["zc", "wd"]
    assert seed.agencies == ["AFP", "AP"]
    assert seed.language == "en"


def test_seed_boilerplate_removed_with_reasons(seed: Document) -> None:
    removed = {(r.text, r.reason) for r in seed.removed}
    expected = {
        ("Skip to content", "navigation"),
        ("Skip to main menu", "navigation"),
        ("Skip to more DW sites", "navigation"),
        ("Drones being tested in Iran", "caption"),
        ("Iranian drones have been used during Russia's invasion of Ukraine", "caption"),
        ("Image: SalamPix/abaca/picture alliance", "credit"),
        ("zc/wd (AFP, AP)", "trailer"),
        ("US alarmed by growing Iran, Russia ties amid Ukraine assault", "title"),
        ("December 10, 2022", "dateline"),
        ("Skip next section More stories from DW", "related"),
    }
    assert expected <= removed
    for text, _ in expected:
        assert text not in seed.text
    for r in seed.removed:
        assert r.line is not None and r.line >= 1
    assert "Skip next section" not in seed.text and "Top Story" not in seed.text
    assert seed.text.startswith("Russia and Iran are collaborating")
    assert seed.text.endswith("since the invasion of Ukraine.")


def test_seed_crosshead_is_its_own_paragraph(seed: Document) -> None:
    assert "\n\nMoscow denies defense partnership\n\nMoscow's UN envoy" in seed.text
    assert "\xa0" not in seed.text


def test_doc_id_stable_under_whitespace(seed: Document) -> None:
    again = _doc("\n\n".join(p.replace(" ", "  ") for p in PARAS))
    once = _doc("\n".join(PARAS))
    assert isinstance(again, Document) and isinstance(once, Document)
    assert again.doc_id == once.doc_id
    assert normalize_body(" A\n b ") == normalize_body("a b")
    assert seed.doc_id != once.doc_id


def test_trailer_variants_and_byline() -> None:
    doc = _doc("\n\n".join(PARAS) + "\n\nab/cd (Reuters, dpa)\n")
    assert isinstance(doc, Document)
    assert (doc.byline, doc.agencies) == (["ab", "cd"], ["Reuters", "dpa"])
    assert "ab/cd" not in doc.text
    by = _doc("Talks stall in Kyiv\n\nBy Jane Doe and John Roe\n\n" + "\n\n".join(PARAS))
    assert isinstance(by, Document) and by.byline == ["Jane Doe", "John Roe"]
    assert by.title == "Talks stall in Kyiv" and not by.text.startswith("By ")


def test_numeric_dates_and_url_outlet() -> None:
    doc = _doc(
        "Talks stall in Kyiv\n10.12.2022\n\n" + "\n\n".join(PARAS),
        url="https://www.reuters.com/world/x",
    )
    assert isinstance(doc, Document)
    assert (doc.published, doc.outlet, doc.published_basis) == ("2022-12-10", "Reuters", "text")
    iso = _doc("Talks stall in Kyiv\n\nUpdated 2022-12-09 14:05 UTC\n\n" + "\n\n".join(PARAS))
    assert isinstance(iso, Document) and iso.published == "2022-12-09"
    bbc = _doc("\n\n".join(PARAS), url="https://news.bbc.co.uk/2/hi/europe/1.stm")
    assert isinstance(bbc, Document) and bbc.outlet == "BBC"


def test_given_metadata_wins() -> None:
    doc = _doc(
        "Headline here for you\n\nDecember 10, 2022\n\n" + "\n\n".join(PARAS),
        published="2023-01-05",
        outlet="Mine",
        notes=["published:given"],
    )
    assert isinstance(doc, Document)
    assert (doc.published, doc.outlet, doc.published_basis) == ("2023-01-05", "Mine", "given")
    assert "December 10, 2022" not in doc.text


def test_reuters_dateline_outlet_and_agency() -> None:
    body = "KYIV, Dec 10 (Reuters) - " + PARAS[0] + "\n\n" + "\n\n".join(PARAS[1:])
    doc = _doc(body)
    assert isinstance(doc, Document) and doc.outlet == "Reuters" and doc.agencies == ["Reuters"]


def test_share_related_and_credit_lines() -> None:
    text = "\n".join(
        [
            "Home > World > Europe",
            "Talks stall in Kyiv",
            "Share on Facebook",
            PARAS[0],
            "",
            "A soldier near Bakhmut (Photo by Jane Roe/AFP via Getty Images)",
            "",
            PARAS[1],
            "Advertisement",
            PARAS[2],
            "",
            "Related stories",
            "Another headline about something else",
        ]
    )
    doc = _doc(text)
    assert isinstance(doc, Document)
    reasons = {r.text: r.reason for r in doc.removed}
    assert reasons["Home > World > Europe"] == "navigation"
    assert reasons["Share on Facebook"] == "share"
    assert reasons["Advertisement"] == "ad"
    assert reasons["Related stories"] == "related"
    assert reasons["Another headline about something else"] == "related"
    assert "Getty" not in doc.text and "Bakhmut" not in doc.text
    assert doc.text.split("\n\n") == PARAS


def test_hard_wrapped_lines_are_joined() -> None:
    wrapped = "\n".join(
        ["Officials in Kyiv said on Monday that the talks with Moscow had", "stalled again."]
    )
    doc = _doc(wrapped + "\n\n" + "\n\n".join(PARAS))
    assert isinstance(doc, Document)
    assert doc.text.startswith(
        "Officials in Kyiv said on Monday that the talks with Moscow had stalled"
    )


def test_lone_line_is_body() -> None:
    doc = _doc("Kyiv talks stall.")
    assert isinstance(doc, Document) and doc.text == "Kyiv talks stall."


def test_not_english_and_empty() -> None:
    german = (
        "Die Bundesregierung hat am Montag neue Hilfen für die Ukraine angekündigt. Der Kanzler "
        "sagte, man werde die Unterstützung fortsetzen, solange es nötig sei. Die Opposition "
        "kritisierte die Entscheidung als zu spät und forderte weitere Lieferungen von Waffen."
    )
    rej = _doc(german)
    assert (
        isinstance(rej, Rejection) and rej.reason == "not_english" and rej.detail.startswith("de")
    )
    empty = _doc("   \n ")
    assert isinstance(empty, Rejection) and empty.reason == "empty"


def test_html_through_trafilatura() -> None:
    html = (
        "<html><head><title>Talks stall in Kyiv | Example News</title>"
        '<meta property="og:site_name" content="Example News">'
        '<meta property="article:published_time" content="2022-12-10T08:00:00Z"></head><body>'
        '<nav><a href="/">Home</a> <a href="/world">World</a></nav>'
        "<article><h1>Talks stall in Kyiv</h1>"
        + "".join(f"<p>{p}</p>" for p in PARAS)
        + "</article>"
        "<footer>Copyright Example News. All rights reserved.</footer></body></html>"
    )
    doc = _doc(html, format="html", url="https://www.dw.com/en/talks/a-1")
    assert isinstance(doc, Document), doc
    assert doc.title == "Talks stall in Kyiv"
    assert doc.published == "2022-12-10" and doc.outlet == "DW"
    assert doc.text.split("\n\n") == PARAS
    assert any(r.reason == "boilerplate" for r in doc.removed)
    nobody = _doc("<html><body><nav><a href='/'>Home</a></nav></body></html>", format="html")
    assert isinstance(nobody, Rejection) and nobody.reason == "no_body"


def test_white_house_markdown(tmp_path: Path) -> None:
    f = tmp_path / "b.md"
    f.write_text(
        "---\ndate: '2022-01-04'\nsource_url: https://bidenwhitehouse.archives.gov/briefing-room/x/\n"
        'title: "Statement by Press Secretary Jen\\_Psaki"\n---\n\n' + "\n\n".join(PARAS),
        encoding="utf-8",
    )
    raw = next(iter(read_inputs([str(f)], Settings())))
    doc = Cleaner(Settings())(raw)  # type: ignore[arg-type]
    assert isinstance(doc, Document)
    assert (doc.outlet, doc.published, doc.title) == (
        "White House",
        "2022-01-04",
        "Statement by Press Secretary Jen Psaki",
    )
    assert doc.published_basis == "metadata"


def test_patterns_dir_override(tmp_path: Path) -> None:
    (tmp_path / "lines.tsv").write_text("ad\tany\tbuy now.*\n", encoding="utf-8")
    cleaner = Cleaner(Settings(extra={"clean_patterns_dir": str(tmp_path)}))
    doc = cleaner(RawInput(input="t", content="Buy now and save\n\n" + "\n\n".join(PARAS)))
    assert isinstance(doc, Document)
    assert [r.reason for r in doc.removed if r.text.startswith("Buy")] == ["ad"]


def test_headline_and_date_without_blank_lines() -> None:
    text = (
        "Kyiv and Moscow talks stall again as shelling intensifies in the east\n"
        "December 10, 2022\n" + "\n".join(PARAS) + "\nSanctions widen\n" + PARAS[0]
    )
    doc = _doc(text)
    assert isinstance(doc, Document)
    assert doc.title == "Kyiv and Moscow talks stall again as shelling intensifies in the east"
    assert doc.published == "2022-12-10"
    assert doc.text.split("\n\n") == [*PARAS, "Sanctions widen", PARAS[0]]


def test_fixed_width_wrapped_block_is_joined() -> None:
    wrapped = (
        "Officials in Kyiv said on Monday that the talks with Moscow had\n"
        "stalled again after a week of intense shelling near the eastern\n"
        "Front line, which analysts said made a quick deal unlikely.\n"
    )
    doc = _doc(wrapped + "\n" + "\n\n".join(PARAS))
    assert isinstance(doc, Document)
    assert doc.text.split("\n\n")[0] == " ".join(wrapped.split())


def test_related_list_inside_article() -> None:
    text = "\n\n".join(
        [
            PARAS[0],
            "Related stories\nUkraine war: what we know\nEU weighs new sanctions",
            *PARAS[1:],
        ]
    )
    doc = _doc(text)
    assert isinstance(doc, Document)
    assert doc.text.split("\n\n") == PARAS
    assert {r.text for r in doc.removed if r.reason == "related"} == {
        "Related stories",
        "Ukraine war: what we know",
        "EU weighs new sanctions",
    }


def test_video_block_and_player_notes() -> None:
    text = "\n\n".join(
        [
            PARAS[0],
            "Iran's drones: How dangerous are they?\n02:34",
            "To view this video please enable JavaScript, and consider upgrading to a web "
            "browser that supports HTML5 video",
            *PARAS[1:],
        ]
    )
    doc = _doc(text)
    assert isinstance(doc, Document)
    assert doc.text.split("\n\n") == PARAS
    reasons = {r.text: r.reason for r in doc.removed}
    assert reasons["Iran's drones: How dangerous are they?"] == "media"
    assert reasons["02:34"] == "media"


def test_reuters_style_scrape() -> None:
    text = "\n".join(
        [
            "World",
            "Russia says it will keep up its strikes on Ukraine energy grid",
            "By Guy Faulconbridge and Mark Trevelyan",
            "3 minute read",
            "December 10, 20229:15 AM UTCUpdated ago",
            "LONDON, Dec 10 (Reuters) - " + PARAS[0],
            PARAS[1],
            "Reporting by Guy Faulconbridge; Editing by Alex Richardson",
            "Our Standards: The Thomson Reuters Trust Principles.",
        ]
    )
    doc = _doc(text)
    assert isinstance(doc, Document), doc
    assert doc.title == "Russia says it will keep up its strikes on Ukraine energy grid"
    assert (doc.published, doc.outlet, doc.agencies) == ("2022-12-10", "Reuters", ["Reuters"])
    assert doc.byline == ["Guy Faulconbridge", "Mark Trevelyan"]
    assert doc.text.split("\n\n") == [PARAS[0], PARAS[1]]
    assert (doc.dateline, doc.dateline_place) == ("LONDON, Dec 10 (Reuters)", "LONDON")


def test_ap_style_scrape() -> None:
    text = "\n\n".join(
        [
            "WASHINGTON (AP) — " + PARAS[0],
            *PARAS[1:],
            "___",
            "Associated Press writer Jane Roe in Kyiv contributed to this report.",
            "Copyright 2022 The Associated Press. All rights reserved.",
        ]
    )
    doc = _doc(text, url="https://apnews.com/article/abc")
    assert isinstance(doc, Document)
    assert (doc.outlet, doc.agencies) == ("AP", ["AP"])
    assert doc.text.split("\n\n") == PARAS
    assert (doc.dateline, doc.dateline_place) == ("WASHINGTON (AP)", "WASHINGTON")


def test_html_title_suffix_slash_date_and_trailer() -> None:
    html = (
        "<html><head><title>Talks stall in Kyiv – DW – 12/10/2022</title>"
        '<meta property="og:title" content="Talks stall in Kyiv – DW – 12/10/2022"></head><body>'
        "<article><h1>Talks stall in Kyiv</h1><p>12/10/2022</p>"
        + "".join(f"<p>{p}</p>" for p in PARAS)
        + "<p>zc/wd (AFP, AP)</p></article></body></html>"
    )
    doc = _doc(html, format="html", url="https://www.dw.com/en/talks/a-1")
    assert isinstance(doc, Document), doc
    assert (doc.title, doc.published, doc.outlet) == ("Talks stall in Kyiv", "2022-12-10", "DW")
    assert (doc.byline, doc.agencies) == (["zc", "wd"], ["AFP", "AP"])
    assert doc.text.split("\n\n") == PARAS


def test_a_short_english_sentence_of_names_is_english() -> None:
    from dyadwatch.clean.lang import detect_language

    lang = detect_language("Australia described China's trade measures as coercion.")
    assert lang.code == "en", lang
    german = detect_language(
        "Die Bundesregierung hat am Dienstag neue Sanktionen gegen Russland beschlossen."
    )
    assert german.code == "de", german
