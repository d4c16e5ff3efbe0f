"""The seed article through the real pipeline: the claims stage's part of the checklist."""

from __future__ import annotations

from pathlib import Path

import pytest

from dyadwatch.eval import seed
from dyadwatch.pipeline import Result
from dyadwatch.records import Claim
from dyadwatch.settings import Settings


@pytest.fixture(scope="module")
def result(shared_dir: Path, settings: Settings) -> Result:
    return seed.extract(
        shared_dir / "seed" / "dw-2022-12-10-us-alarmed-iran-russia-ties.txt", settings
    )


def _by(result: Result, name: str, stance: str) -> list[Claim]:
    return [
        c
        for c in result.claims
        if c.speaker and name in (c.speaker.name or "") and c.stance == stance
    ]


def test_provenance(result: Result) -> None:
    text = result.document.text
    assert result.claims
    for c in result.claims:
        assert text[c.content.start : c.content.end] == c.content.text
        assert text[c.evidence.start : c.evidence.end] == c.evidence.text
        assert c.date is None or c.date_basis is not None


def test_kirby_quote_and_pronoun(result: Result) -> None:
    kirby = _by(result, "Kirby", "assert")
    assert any(c.quoted for c in kirby), "the 'he said' quote belongs to Kirby"
    assert any(c.speaker and c.speaker.resolved_by == "pronoun" for c in kirby)
    assert all(c.speaker and c.speaker.code == "USAGOV" for c in kirby)


def test_cleverly_supports_the_us_claims(result: Result) -> None:
    (backed,) = _by(result, "Cleverly", "support")
    refs = [c for c in result.claims if c.claim_id in backed.about_claims]
    assert refs and all(c.speaker and c.speaker.country == "USA" for c in refs)


def test_nebenzia_rejects_assessment_and_denies_drones(result: Result) -> None:
    (rej,) = _by(result, "Nebenzia", "reject")
    refs = [c for c in result.claims if c.claim_id in rej.about_claims]
    assert refs and all(c.speaker and c.speaker.country == "USA" for c in refs)
    (deny,) = _by(result, "Nebenzia", "deny")
    assert deny.speaker is not None and deny.speaker.resolved_by == "pronoun"
    supply = [e for e in result.events if "suppl" in e.trigger]
    assert supply and all(deny.claim_id in e.attributed_to for e in supply)
    assert all(e.status == "alleged" for e in supply), "a later denial must not rewrite it"


def test_iran_acknowledges_sale_denies_transfers(result: Result) -> None:
    (ack,) = _by(result, "Iran", "acknowledge")
    denies = _by(result, "Iran", "deny")
    status = {e.event_id: e.status for e in result.events}
    assert ack.events and all(status[e] == "acknowledged" for e in ack.events)
    transfers = [d for d in denies if "transfer" in d.content.text]
    assert transfers and "invasion" not in transfers[0].content.text
