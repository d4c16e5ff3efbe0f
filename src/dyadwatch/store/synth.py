"""Synthetic records for tests and demos (no spaCy): build a small store in milliseconds.

Each sentence is placed into the document text so evidence offsets are real:
``doc.text[ev.evidence.start:ev.evidence.end] == ev.evidence.text``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..actors.lexicon import INTL_CODES
from ..events.merge import merge_mentions
from ..pipeline import Result
from ..records import Actor, Claim, Document, Event, Evidence, Plover, Span, stable_id


def actor(key: str, name: str | None = None, sector: str | None = None) -> Actor:
    """A state actor (key = ISO3) or, for IGO codes like UNO, an international body."""
    igo = key in INTL_CODES
    return Actor(
        text=name or key,
        name=name or key,
        country=None if igo else key,
        sector=sector,
        code=key + (sector or ""),
        kind="person" if name else ("igo" if igo else "state"),
    )


@dataclass
class DocBuilder:
    """Accumulates sentences, events and claims for one synthetic document.

    ``event()`` and ``claim()`` return handles (indices) used to link claims to events and to
    other claims; ``build()`` turns everything into records with stable, content-derived ids.
    """

    published: str
    outlet: str = "Synthetic"
    url: str | None = None
    sentences: list[str] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    claims: list[dict[str, Any]] = field(default_factory=list)
    _offset: int = 0

    def _evidence(self, sentence: str) -> Evidence:
        start = self._offset
        self.sentences.append(sentence)
        self._offset += len(sentence) + 1
        n = len(self.sentences) - 1
        return Evidence(sentence=n, start=start, end=start + len(sentence), text=sentence)

    def event(
        self,
        source: Actor | None,
        target: Actor | None,
        ptype: str,
        status: str = "reported",
        date: str | None = None,
        goldstein: float | None = None,
        weapons: list[str] | None = None,
        mode: str | None = None,
        cameo: str | None = None,
        sentence: str | None = None,
        confidence: float = 0.8,
    ) -> int:
        who = source.text if source else "Someone"
        whom = target.text if target else "someone"
        s = sentence or f"{who} {ptype.lower()} {whom} ({status}, #{len(self.sentences)})."
        self.events.append(
            {
                "source": source,
                "target": target,
                "plover": Plover(type=ptype, mode=mode, context=[mode] if mode else []),  # type: ignore[arg-type]
                "cameo": cameo,
                "goldstein": goldstein,
                "date": date or self.published,
                "date_basis": "explicit" if date else "publication",
                "status": status,
                "trigger": ptype.lower(),
                "evidence": self._evidence(s),
                "confidence": confidence,
                "weapons": list(weapons or []),
                "attributed_to": [],
            }
        )
        return len(self.events) - 1

    def claim(
        self,
        speaker: Actor | None,
        stance: str,
        events: list[int] | None = None,
        about: list[int] | None = None,
        date: str | None = None,
        sentence: str | None = None,
    ) -> int:
        who = speaker.text if speaker else "Someone"
        s = sentence or f"{who} said something ({stance}, #{len(self.sentences)})."
        ev = self._evidence(s)
        self.claims.append(
            {
                "speaker": speaker,
                "cue": "said",
                "stance": stance,
                "content": Span(start=ev.start, end=ev.end, text=ev.text),
                "date": date or self.published,
                "date_basis": "explicit" if date else "publication",
                "evidence": ev,
                "events": list(events or []),
                "about_claims": list(about or []),
            }
        )
        return len(self.claims) - 1

    def build(self, input_name: str | None = None, merge: bool = False) -> Result:
        """Freeze ids (content-derived, stable) and return the pipeline Result.

        Each ``event()`` is its own act unless ``merge``: then events of one act (same
        sides, type, date, status family) become one with several mentions, as the
        pipeline's last stage does (events.merge)."""
        text = " ".join(self.sentences)
        doc_id = stable_id("doc", self.published, self.outlet, text)
        eids = [stable_id(doc_id, "e", i) for i in range(len(self.events))]
        cids = [stable_id(doc_id, "c", i) for i in range(len(self.claims))]
        attributed: dict[int, list[str]] = {}
        claims = []
        for i, spec in enumerate(self.claims):
            for e in spec["events"]:
                attributed.setdefault(e, []).append(cids[i])
            fields = {
                **spec,
                "events": [eids[e] for e in spec["events"]],
                "about_claims": [cids[c] for c in spec["about_claims"]],
            }
            claims.append(Claim(claim_id=cids[i], doc_id=doc_id, **fields))
        events = [
            Event(
                event_id=eids[i], doc_id=doc_id, **{**spec, "attributed_to": attributed.get(i, [])}
            )
            for i, spec in enumerate(self.events)
        ]
        doc = Document(
            doc_id=doc_id,
            url=self.url,
            outlet=self.outlet,
            title=f"Synthetic {self.published}",
            published=self.published,
            language="en",
            text=text,
            input=input_name or f"synthetic/{doc_id}.txt",
        )
        if merge:
            events, claims = merge_mentions(events, claims)
        return Result(doc, events, claims)


def seed_like(published: str = "2022-12-10") -> Result:
    """A document shaped like the seed article: US claims, GBR support, RUS/IRN denials."""
    usa, rus, irn, gbr = (
        actor("USA", "John Kirby", "GOV"),
        actor("RUS"),
        actor("IRN"),
        actor("GBR", "James Cleverly", "GOV"),
    )
    d = DocBuilder(published=published, outlet="DW")
    train = d.event(rus, irn, "COOPERATE", "claimed", "2022-12-09", 6.0, mode="military")
    su35 = d.event(rus, irn, "AID", "expected", "2023", 7.0, weapons=["Su-35"], mode="military")
    drones = d.event(irn, rus, "AID", "alleged", "2022-12", 7.0, weapons=["Shahed-136"])
    denial = d.event(irn, rus, "AID", "denied", "2022-12-10", 7.0, weapons=["drones"])
    d.event(rus, irn, "COOPERATE", "considered", "2022-12", None, mode="military")
    kirby = d.claim(usa, "assert", [train, su35, drones], date="2022-12-09")
    d.claim(gbr, "support", [train], about=[kirby])
    d.claim(actor("RUS", "Vassily Nebenzia", "GOV"), "reject", about=[kirby])
    d.claim(actor("IRN", None, "GOV"), "deny", [denial])
    return d.build("synthetic/seed_like.txt")
