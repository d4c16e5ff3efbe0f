"""A small synthetic dyadwatch database for API and browser tests (no spaCy needed).

Records are built with records.py and written through the store's ``write_batch``, so the
tables look exactly as `dyadwatch ingest` leaves them. Contents (deterministic):
- IRN–RUS: events every month Jan–Dec 2022 in both directions (cooperation rising), military
  mode, weapons (Su-35, Shahed-136), one denied drone-supply event with a denial claim
  (Nebenzia) and an asserting claim (Kirby) on it;
- USA–RUS and UKR–RUS conflict events, a UNO actor;
- every document has removed boilerplate lines.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from dyadwatch.pipeline import Result
from dyadwatch.records import (
    Actor,
    Claim,
    Document,
    Event,
    Evidence,
    Plover,
    Removed,
    Span,
    stable_id,
)
from dyadwatch.store.db import Store

ACTORS = {
    "RUS": Actor(text="Russia", name="Russia", country="RUS", code="RUS", kind="state"),
    "IRN": Actor(text="Iran", name="Iran", country="IRN", code="IRN", kind="state"),
    "USA": Actor(
        text="the United States", name="United States", country="USA", code="USA", kind="state"
    ),
    "UKR": Actor(text="Ukraine", name="Ukraine", country="UKR", code="UKR", kind="state"),
    "UNO": Actor(text="the UN", name="United Nations", code="UNO", kind="igo"),
}
KIRBY = Actor(
    text="John Kirby",
    name="John Kirby",
    country="USA",
    sector="GOV",
    code="USAGOV",
    role="spokesman",
    kind="person",
)
NEBENZIA = Actor(
    text="Vassily Nebenzia",
    name="Vassily Nebenzia",
    country="RUS",
    sector="GOV",
    code="RUSGOV",
    role="UN envoy",
    kind="person",
)

DENIED_SENTENCE = "Russia supplied Shahed-136 drones to Iran's partners, officials alleged."
KIRBY_SENTENCE = "Kirby said Russia supplied drones and that Iranian pilots train on the Su-35."
NEBENZIA_SENTENCE = "Nebenzia denied that Russia supplied any drones."


@dataclass
class Sent:
    """One sentence with the event it carries (src, tgt, type, status, weapons)."""

    text: str
    src: str | None = None
    tgt: str | None = None
    type: str = "CONSULT"
    status: str = "reported"
    weapons: tuple[str, ...] = ()
    goldstein: float | None = None
    trigger: str = ""
    mode: str | None = "military"


def _doc(key: str, published: str, title: str, sents: list[Sent]) -> tuple[Document, list[int]]:
    text = " ".join(s.text for s in sents)
    offsets, pos = [], 0
    for s in sents:
        offsets.append(pos)
        pos += len(s.text) + 1
    doc = Document(
        doc_id=stable_id("doc", key, text),
        url=f"https://example.org/{key}",
        outlet="Example News",
        title=title,
        published=published,
        agencies=["AFP"],
        language="en",
        text=text,
        removed=[
            Removed(text="Skip to content", reason="navigation", line=0),
            Removed(text="Image: Example/picture alliance", reason="credit", line=3),
        ],
        input=f"{key}.txt",
    )
    return doc, offsets


def _event(doc: Document, i: int, start: int, s: Sent, date: str) -> Event:
    assert s.src and s.tgt
    trig = s.trigger or s.text.split()[1]
    t0 = s.text.find(trig)
    return Event(
        event_id=stable_id("ev", doc.doc_id, i, s.src, s.tgt),
        doc_id=doc.doc_id,
        source=ACTORS[s.src],
        target=ACTORS[s.tgt],
        plover=Plover(type=s.type, mode=s.mode, context=[s.mode] if s.mode else []),  # type: ignore[arg-type]
        goldstein=s.goldstein,
        date=date,
        date_basis="publication",
        status=s.status,  # type: ignore[arg-type]
        trigger=trig,
        evidence=Evidence(sentence=i, start=start, end=start + len(s.text), text=s.text),
        weapons=list(s.weapons),
        date_precision="day",
        trigger_span=Span(start=start + t0, end=start + t0 + len(trig), text=trig)
        if t0 >= 0
        else None,
    )


def _monthly(month: int) -> Result:
    """One IRN–RUS article per month of 2022; cooperation grows through the year."""
    date = f"2022-{month:02d}-15"
    sents = [
        Sent(
            "Russia and Iran held talks on defence ties in Tehran.",
            "RUS",
            "IRN",
            "CONSULT",
            trigger="talks",
        ),
        Sent(
            "Iran agreed to expand military cooperation with Russia.",
            "IRN",
            "RUS",
            "AGREE",
            trigger="agreed",
        ),
    ]
    sents += [
        Sent(
            f"Russia delivered batch {k} of Su-35 jets to Iran.",
            "RUS",
            "IRN",
            "AID",
            weapons=("Su-35",),
            trigger="delivered",
        )
        for k in range(1, month // 3 + 1)
    ]
    if month % 4 == 0:
        sents.append(
            Sent(
                "Iran accused Russia of delaying payments.",
                "IRN",
                "RUS",
                "ACCUSE",
                trigger="accused",
            )
        )
    doc, offsets = _doc(f"irn-rus-{month}", date, f"Iran and Russia, month {month}", sents)
    events = [_event(doc, i, offsets[i], s, date) for i, s in enumerate(sents)]
    return Result(doc, events, [])


def _contested() -> Result:
    """The contested drone supply: Kirby asserts it, Nebenzia denies it."""
    date = "2022-12-10"
    sents = [
        Sent(
            "The United States is alarmed by growing ties between Russia and Iran.",
            "USA",
            "RUS",
            "ACCUSE",
            trigger="alarmed",
        ),
        Sent(
            DENIED_SENTENCE,
            "RUS",
            "IRN",
            "AID",
            status="denied",
            weapons=("Shahed-136",),
            trigger="supplied",
        ),
        Sent(KIRBY_SENTENCE),
        Sent(NEBENZIA_SENTENCE),
    ]
    doc, off = _doc("contested", date, "US alarmed at Iran-Russia ties", sents)
    events = [_event(doc, i, off[i], s, "2022-12-09") for i, s in enumerate(sents[:2])]
    denied = events[1]
    claims = []
    for i, (who, cue, stance, content) in enumerate(
        [
            (KIRBY, "said", "assert", "Russia supplied drones"),
            (NEBENZIA, "denied", "deny", "Russia supplied any drones"),
        ],
        start=2,
    ):
        c0 = doc.text.index(content, off[i])
        claims.append(
            Claim(
                claim_id=stable_id("cl", doc.doc_id, i),
                doc_id=doc.doc_id,
                speaker=who,
                cue=cue,
                stance=stance,  # type: ignore[arg-type]
                content=Span(start=c0, end=c0 + len(content), text=content),
                date="2022-12-09",
                date_basis="relative",
                events=[denied.event_id],
                evidence=Evidence(
                    sentence=i, start=off[i], end=off[i] + len(sents[i].text), text=sents[i].text
                ),
            )
        )
    denied = denied.model_copy(update={"attributed_to": [c.claim_id for c in claims]})
    return Result(doc, [events[0], denied], claims)


def _others() -> list[Result]:
    out = []
    for month in (3, 6, 9, 11):
        date = f"2022-{month:02d}-02"
        sents = [
            Sent(
                "Russia attacked Ukraine's power grid with missiles.",
                "RUS",
                "UKR",
                "ASSAULT",
                goldstein=-10.0,
                trigger="attacked",
            ),
            Sent(
                "Ukraine asked the UN for more aid.",
                "UKR",
                "UNO",
                "REQUEST",
                trigger="asked",
                mode=None,
            ),
            Sent(
                "The United States imposed new sanctions on Russia.",
                "USA",
                "RUS",
                "SANCTION",
                trigger="imposed",
                mode="economic",
            ),
        ]
        doc, off = _doc(f"ukr-{month}", date, f"War update {month}", sents)
        out.append(Result(doc, [_event(doc, i, off[i], s, date) for i, s in enumerate(sents)], []))
    return out


def build_results() -> list[Result]:
    return [*(_monthly(m) for m in range(1, 13)), _contested(), *_others()]


def build_db(path: Path) -> Path:
    """Write the synthetic corpus into a fresh DuckDB file through the store."""
    with Store(path) as store:
        store.write_batch(build_results())
    return path


def contested_result() -> Result:
    return _contested()
