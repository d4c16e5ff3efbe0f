"""The seed article (issue #2 acceptance case) as a scored checklist.

Each check reads only the public records, so it holds any implementation to the
contract, not to internals. Score = share of checks passed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..pipeline import Pipeline, Result
from ..records import Actor, Claim, Event, Rejection
from ..settings import Settings
from ..sources import read_inputs
from .base import SuiteResult, hash_files

BOILERPLATE = ("Skip to", "Skip next section", "Image:", "picture alliance", "Top Story", "zc/wd")
DYAD = {"RUS", "IRN"}


def _name(actor: Actor | None, part: str) -> bool:
    return bool(actor and part.lower() in f"{actor.name or ''} {actor.text}".lower())


def _dyad(e: Event) -> bool:
    return {getattr(e.source, "country", None), getattr(e.target, "country", None)} == DYAD


def _military(e: Event) -> bool:
    return e.plover.mode == "military" or "military" in e.plover.context or bool(e.weapons)


def _has(e: Event, *words: str) -> bool:
    """Some mention of the event (trigger or sentence) has one of the words."""
    said = [e.trigger, e.evidence.text]
    said += [f"{m.trigger_span.text if m.trigger_span else ''} {m.text}" for m in e.mentions]
    text = " ".join(said).lower()
    return any(w in text for w in words)


@dataclass
class Seed:
    result: Result

    @property
    def events(self) -> list[Event]:
        return self.result.events

    @property
    def claims(self) -> list[Claim]:
        return self.result.claims

    def claims_by(self, name: str, *stances: str) -> list[Claim]:
        return [c for c in self.claims if _name(c.speaker, name) and c.stance in stances]

    def dyad_events(self, *words: str) -> list[Event]:
        return [e for e in self.events if _dyad(e) and _military(e) and _has(e, *words)]


def _checks() -> dict[str, Callable[[Seed], bool]]:
    doc = lambda s: s.result.document  # noqa: E731
    return {
        "published_2022-12-10": lambda s: doc(s).published == "2022-12-10",
        "outlet_DW": lambda s: doc(s).outlet == "DW",
        "agencies_AFP_AP": lambda s: {"AFP", "AP"} <= set(doc(s).agencies),
        "boilerplate_removed": lambda s: not any(b in doc(s).text for b in BOILERPLATE),
        "boilerplate_recorded": lambda s: all(
            any(b in r.text for r in doc(s).removed) for b in BOILERPLATE
        ),
        "kirby_usa_gov_asserts": lambda s: any(
            c.speaker and c.speaker.country == "USA" and c.speaker.sector == "GOV"
            for c in s.claims_by("Kirby", "assert")
        ),
        "kirby_claims_dated_2022-12-09": lambda s: any(
            c.date == "2022-12-09" for c in s.claims_by("Kirby", "assert")
        ),
        "kirby_claims_linked_to_rus_irn_events": lambda s: any(
            any(e.event_id in c.events and _dyad(e) for e in s.events)
            for c in s.claims_by("Kirby", "assert")
        ),
        "pilot_training_claimed": lambda s: any(
            e.status == "claimed" for e in s.dyad_events("train", "pilot")
        ),
        "su35_expected_2023": lambda s: any(
            e.status == "expected" and e.date == "2023" and "Su-35" in e.weapons
            for e in s.dyad_events("deliver", "su-35")
        ),
        "drone_line_considered": lambda s: any(
            e.status == "considered" for e in s.dyad_events("production", "drone")
        ),
        "drone_supply_alleged": lambda s: any(
            e.status == "alleged" for e in s.dyad_events("supply", "supplying")
        ),
        "drone_sale_acknowledged": lambda s: any(
            e.status == "acknowledged" for e in s.dyad_events("sold", "sell")
        ),
        "cleverly_gbr_supports": lambda s: any(
            c.speaker and c.speaker.country == "GBR" for c in s.claims_by("Cleverly", "support")
        ),
        "nebenzia_rus_rejects": lambda s: any(
            c.speaker and c.speaker.country == "RUS" for c in s.claims_by("Nebenzia", "reject")
        ),
        "nebenzia_denies_drones": lambda s: any(
            "drone" in c.content.text.lower() or "allegation" in c.content.text.lower()
            for c in s.claims_by("Nebenzia", "deny")
        ),
        "iran_denies_arms_transfers": lambda s: any(
            c.speaker and c.speaker.country == "IRN" and "transfer" in c.content.text.lower()
            for c in s.claims
            if c.stance == "deny"
        ),
        "arms_transfers_event_denied": lambda s: (
            any(e.status == "denied" for e in s.dyad_events("transfer"))
            or any(
                e.status == "denied"
                and _has(e, "transfer")
                and getattr(e.source, "country", None) == "IRN"
                for e in s.events
            )
        ),
    }


CHECKS = _checks()


def score(result: Result) -> dict[str, bool]:
    seed = Seed(result)
    out = {}
    for name, fn in CHECKS.items():
        try:
            out[name] = bool(fn(seed))
        except Exception:  # a malformed record fails its check, not the suite
            out[name] = False
    return out


def extract(path: Path, settings: Settings) -> Result:
    for item in Pipeline(settings).run(read_inputs([str(path)], settings)):
        if isinstance(item, Rejection):
            raise ValueError(f"seed rejected: {item.reason}: {item.detail}")
        return item
    raise ValueError("seed produced no document")


def run(path: Path, settings: Settings, sample: int | None = None) -> SuiteResult:
    checks = score(extract(path, settings))
    passed = sum(checks.values())
    return SuiteResult(
        suite="seed",
        metrics={"checklist": passed / len(checks)},
        n=len(checks),
        gold_hash=hash_files([path]),
        details={"checks": checks},
        notes=[f"{passed}/{len(checks)} acceptance checks pass"],
    )
