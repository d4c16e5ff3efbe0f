"""Actors stage: mentions on parsed sentences, dated people, user dictionary, CLI."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from dyadwatch.actors import ActorDictionaryError, make_resolver
from dyadwatch.records import Document, Mention
from dyadwatch.settings import Settings

SEED_SENTENCES = (
    "Russia and Iran are collaborating more closely than ever in the areas of fighter jets and "
    "lethal drones, according to US intelligence. Moscow has rebuked Washington's assessment.\n\n"
    "Citing intelligence assessments, White House National Security Council spokesman John Kirby "
    'described "an unprecedented level of military and technical support."\n\n'
    "Kirby said Iranian pilots are being trained to fly Russian Sukhoi Su-35 fighter jets, which "
    "are expected to be delivered next year. This would \"significantly strengthen Iran's air "
    'force relative to its regional neighbors," he said.\n\n'
    "The claims were backed by British Foreign Secretary James Cleverly, who described the arms "
    'transfers as "sordid deals."\n\n'
    "Moscow's UN envoy Vassily Nebenzia denounced the US intelligence assessment later on Friday. "
    '"Russia does not need anyone\'s assistance," Nebenzia told the UN Security Council.\n\n'
    'He also claimed the allegations about Iranian drones were "already refuted" multiple times.'
)


@pytest.fixture(scope="module")
def resolver(settings: Settings) -> Any:
    return make_resolver(settings)


def run(resolver: Any, nlp: Any, text: str, published: str | None = "2022-12-10") -> list[Mention]:
    doc = Document(doc_id="t", text=text, published=published)
    return resolver.mentions(doc, nlp(text))


def find(mentions: list[Mention], text: str, nth: int = 0) -> Mention:
    hits = [m for m in mentions if m.actor.text == text]
    assert len(hits) > nth, f"{text!r} not among {[m.actor.text for m in mentions]}"
    return hits[nth]


@pytest.fixture(scope="module")
def seed(resolver: Any, nlp: Any) -> list[Mention]:
    return run(resolver, nlp, SEED_SENTENCES)


def test_offsets_and_sentences_point_into_text(seed: list[Mention]) -> None:
    for m in seed:
        assert SEED_SENTENCES[m.start : m.end] == m.actor.text
        assert m.token_start <= m.head < m.token_end
        assert m.actor.start == m.start and m.actor.end == m.end
    assert [m.sentence for m in seed] == sorted(m.sentence for m in seed)


def test_coordinated_countries_are_two_mentions(seed: list[Mention]) -> None:
    assert find(seed, "Russia").actor.code == "RUS"
    assert find(seed, "Iran").actor.country == "IRN"
    assert find(seed, "Russia").sentence == find(seed, "Iran").sentence == 0


def test_role_nouns_and_capitals(seed: list[Mention]) -> None:
    assert find(seed, "US intelligence").actor.code == "USASPY"
    assert find(seed, "Moscow").actor.code == "RUSGOV"
    assert find(seed, "Washington").actor.country == "USA"  # possessor: "Washington's"
    pilots = find(seed, "Iranian pilots").actor
    assert (pilots.country, pilots.sector, pilots.code) == ("IRN", "MIL", "IRNMIL")
    assert find(seed, "Iran's air force").actor.code == "IRNMIL"


def test_weapons_are_not_actors(seed: list[Mention]) -> None:
    texts = " | ".join(m.actor.text for m in seed)
    assert "Sukhoi" not in texts and "Su-35" not in texts and "jets" not in texts
    assert not any(m.actor.text == "Russian" for m in seed)


def test_people_with_titles(seed: list[Mention]) -> None:
    kirby = find(seed, "White House National Security Council spokesman John Kirby").actor
    assert (kirby.name, kirby.code, kirby.role, kirby.kind) == (
        "John Kirby",
        "USAGOV",
        "spokesman",
        "person",
    )
    cleverly = find(seed, "British Foreign Secretary James Cleverly").actor
    assert (cleverly.code, cleverly.role, cleverly.name) == (
        "GBRGOV",
        "Foreign Secretary",
        "James Cleverly",
    )
    neb = find(seed, "Moscow's UN envoy Vassily Nebenzia").actor
    assert (neb.country, neb.sector, neb.role) == ("RUS", "GOV", "UN envoy")
    assert neb.entry and neb.entry.startswith("supplement:")


def test_igo(seed: list[Mention]) -> None:
    unsc = find(seed, "UN Security Council").actor
    assert (unsc.country, unsc.code, unsc.kind, unsc.name) == (
        None,
        "UNO",
        "igo",
        "UN Security Council",
    )


def test_bare_surnames_and_pronouns(seed: list[Mention]) -> None:
    assert find(seed, "Kirby").actor.name == "John Kirby"
    assert find(seed, "Nebenzia").actor.code == "RUSGOV"
    he = find(seed, "he").actor
    assert (he.name, he.resolved_by, he.code) == ("John Kirby", "pronoun", "USAGOV")
    he2 = find(seed, "He").actor
    assert (he2.name, he2.resolved_by) == ("Vassily Nebenzia", "pronoun")


def test_unknown_person_takes_title_context(resolver: Any, nlp: Any) -> None:
    ms = run(
        resolver,
        nlp,
        "Iran's foreign minister, Hossein Zandavi, said on Monday that talks "
        "would resume. Ruritanian envoy Jorin Valkaster disagreed.",
    )
    zand = next(m.actor for m in ms if m.actor.name and "Zandavi" in m.actor.name)
    assert (zand.country, zand.sector, zand.kind) == ("IRN", "GOV", "person")
    assert zand.entry == "appositive"


def test_dated_dictionary_same_name_two_sectors(resolver: Any, nlp: Any) -> None:
    text = "John Kirby said the talks went well."
    early = find(run(resolver, nlp, text, "2014-06-01"), "John Kirby").actor
    late = find(run(resolver, nlp, text, "2022-12-10"), "John Kirby").actor
    assert (early.code, late.code) == ("USAMIL", "USAGOV")
    old = resolver.resolve_phrase("Putin", "1995-03-01")  # before any supplement row
    assert old.entry.startswith("phoenix:") and old.country == "RUS"


def test_context_title_beats_stale_dictionary(resolver: Any, nlp: Any) -> None:
    ms = run(resolver, nlp, "Pentagon spokesman John Kirby spoke.", "2014-06-01")
    assert find(ms, "Pentagon spokesman John Kirby").actor.country == "USA"
    ms = run(resolver, nlp, "US State Department spokesman John Kirby spoke.", "2014-06-01")
    assert find(ms, "US State Department spokesman John Kirby").actor.code == "USAGOV"


def test_user_dictionary_overrides(tmp_path: Path, settings: Settings, nlp: Any) -> None:
    user = tmp_path / "people.tsv"
    user.write_text(
        "name\taliases\tcountry\tsector\trole\tstart\tend\tsource\n"
        "John Kirby\tKirby\tUSA\tMIL\tadmiral\t2022-01-01\t2022-12-31\tmy notes\n"
        "Jorin Valkaster\tValkaster\tNOR\tGOV\tenvoy\t\t\tmy notes\n",
        encoding="utf-8",
    )
    r = make_resolver(settings.with_overrides(user_dictionary=str(user)))
    kirby = r.resolve_phrase("John Kirby", "2022-12-10")
    assert (kirby.code, kirby.entry) == ("USAMIL", "user:JOHN_KIRBY")
    assert r.resolve_phrase("John Kirby", "2023-06-01").code == "USAGOV"
    val = find(run(r, nlp, "Valkaster met the minister."), "Valkaster").actor
    assert (val.code, val.name) == ("NORGOV", "Jorin Valkaster")


def test_bad_user_dictionary_is_a_clear_error(tmp_path: Path, settings: Settings) -> None:
    bad = tmp_path / "bad.tsv"
    bad.write_text("name\taliases\tcountry\n X\t\tUSA\n", encoding="utf-8")
    with pytest.raises(ActorDictionaryError, match="bad.tsv:2"):
        make_resolver(settings.with_overrides(user_dictionary=str(bad))).resolve_phrase("X")
    with pytest.raises(ActorDictionaryError, match="not found"):
        missing = settings.with_overrides(user_dictionary=str(tmp_path / "no.tsv"))
        assert make_resolver(missing).lexicon is None


@pytest.mark.parametrize(
    ("phrase", "code"),
    [
        ("American warplanes", "USAMIL"),
        ("the Kremlin", "RUSGOV"),
        ("the Pentagon", "USAMIL"),
        ("Foggy Bottom", "USAGOV"),
        ("Downing Street", "GBRGOV"),
        ("NATO", "NAT"),
        ("EU", "EUR"),
        ("Britain", "GBR"),
        ("South Korea", "KOR"),
        ("Ivory Coast", "CIV"),
        ("Kiev", "UKRGOV"),
        ("Chinese police", "CHNCOP"),
    ],
)
def test_resolve_phrase(resolver: Any, phrase: str, code: str) -> None:
    assert resolver.resolve_phrase(phrase, "2022-12-10").code == code


def test_resolve_phrase_nothing(resolver: Any) -> None:
    assert resolver.resolve_phrase("Su-35") is None
    assert resolver.resolve_phrase("") is None
    assert resolver.resolve_phrase("us") is None  # the pronoun, not the country


def test_actor_cli(tmp_path: Path) -> None:
    from dyadwatch.cli import app

    runner = CliRunner()
    res = runner.invoke(app, ["actor", "American warplanes", "--date", "2022-12-10"])
    assert res.exit_code == 0, res.output
    row = json.loads(res.output.strip().splitlines()[-1])
    assert (row["country"], row["sector"], row["code"]) == ("USA", "MIL", "USAMIL")
    f = tmp_path / "phrases.txt"
    f.write_text("the Kremlin\nJohn Kirby\n\n", encoding="utf-8")
    res = runner.invoke(app, ["actor", "--file", str(f), "--date", "2014-01-01"])
    rows = [json.loads(x) for x in res.output.strip().splitlines()]
    assert [r["code"] for r in rows] == ["RUSGOV", "USAMIL"]
    assert rows[1]["entry"] == "supplement:JOHN_KIRBY"
    res = runner.invoke(app, ["actor", "x", "--date", "10/12/2022"])
    assert res.exit_code != 0


def test_iso_inverted_country_names_match_as_written_in_text(settings: Settings) -> None:
    from dyadwatch.actors.lexicon import uninvert

    assert uninvert("Korea, Republic of") == "Republic of Korea"
    assert uninvert("Congo, The Democratic Republic of the").startswith("The Democratic")
    assert uninvert("Bonaire, Sint Eustatius and Saba") == "Bonaire, Sint Eustatius and Saba"
    resolver = make_resolver(settings)
    for phrase, iso in (("the Islamic Republic of Iran", "IRN"), ("Republic of Moldova", "MDA")):
        actor = resolver.resolve_phrase(phrase, "2023-01-01")
        assert actor is not None and actor.country == iso, phrase
