"""`actor` explanations (issue 8): the row or rule that decided, the row's dates and the
alternatives rejected, built in the actors library; the CLI only prints them."""

from __future__ import annotations

import json
from typing import Any

import pytest
from typer.testing import CliRunner

from dyadwatch.actors import make_resolver
from dyadwatch.actors.lexicon import Entry
from dyadwatch.actors.phrase import why_not
from dyadwatch.settings import Settings


@pytest.fixture(scope="module")
def resolver(settings: Settings) -> Any:
    return make_resolver(settings)


def _entry(start: str | None, end: str | None, source: str = "supplement") -> Entry:
    return Entry("supplement:X", "X", "RUS", None, "GOV", "Minister", start, end, source, "person")


def test_dated_row_and_the_rows_it_beat(resolver: Any) -> None:
    why = resolver.explain_phrase("Dmitry Medvedev", "2024-05-01")
    assert why.rule == "dictionary"
    assert why.entry is not None and why.entry["start"] == "2020-01-16"
    reasons = [r["reason"] for r in why.rejected]
    assert any(r.startswith("ended 2020-01-16") for r in reasons)
    assert any(r.startswith("ended 2012-05-07") for r in reasons)


def test_former_official_by_date_names_the_rule(resolver: Any) -> None:
    why = resolver.explain_phrase("Abdallah Bou Habib", "2026-03-01")
    assert (why.rule, why.actor.sector if why.actor else None) == ("former", "ELI")
    assert why.entry is not None and why.entry["end"] == "2025-02-08"
    assert "ended by 2025-02-08" in why.because


def test_title_and_metonym_rules(resolver: Any) -> None:
    why = resolver.explain_phrase("former Brazilian President Fernando Collor", "2024-05-01")
    assert why.rule == "former" and why.actor is not None and why.actor.code == "BRAELI"
    why = resolver.explain_phrase("the Kremlin", "2024-05-01")
    assert why.rule == "alias"
    assert any(r["what"].startswith("group ") for r in why.rejected)  # Phoenix's KREMLIN group
    assert resolver.explain_phrase("qwerty zxcv", None).rule == "none"


def test_why_not_reasons() -> None:
    chosen = _entry("2020-01-01", None)
    assert why_not(_entry("2010-01-01", "2012-01-01"), chosen, "2024-01-01").startswith("ended")
    assert why_not(_entry("2025-01-01", None), chosen, "2024-01-01").startswith("starts")
    assert "phoenix" in why_not(_entry(None, None, "phoenix"), chosen, "2024-01-01")
    assert why_not(_entry(None, None), chosen, "2024-01-01").startswith("undated")


def test_cli_prints_rule_dates_and_rejected() -> None:
    from dyadwatch.cli import app

    res = CliRunner().invoke(app, ["actor", "Taliban", "--date", "2024-05-01", "--explain"])
    assert res.exit_code == 0, res.output
    row = json.loads(res.output.strip().splitlines()[-1])
    assert (row["code"], row["rule"], row["role_start"]) == ("AFGGOV", "dictionary", "2021-08-15")
    assert any("ended 2021-08-14" in r["reason"] for r in row["rejected"])
    assert row["atoms"][0]["kind"] == "group"
