"""Flatten records into table rows (column order = store/schema.sql)."""

from __future__ import annotations

import json
import re
from datetime import date, datetime
from functools import cache
from importlib import resources
from typing import Any

from ..actors.lexicon import INTL_CODES
from ..records import Actor, Claim, Document, Event

_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


def date_start(value: str | None) -> date | None:
    """First day of a record date ("2023" -> 2023-01-01); None when it is not a date."""
    if not value:
        return None
    m = _DATE.match(value)
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1))
    except ValueError:
        return None


# PLOVER codes of international bodies (RECORDS.md: country null, the code carries the body).
INTERNATIONAL = INTL_CODES


@cache
def _iso3() -> frozenset[str]:
    text = resources.files("dyadwatch").joinpath("data/store/iso3_cow.tsv").read_text()
    return frozenset(line.split("\t")[0] for line in text.splitlines() if line[:1].isalpha())


def actor_key(actor: Actor | None) -> str | None:
    """Dyad key: the ISO3 country, else an international body's code (UNO, EUR, IGO...).

    Actors known only by sector (code "GOV", "MIL"...) or name have no key: they cannot be
    placed in a country dyad, so dyad series leave them out.
    """
    if actor is None:
        return None
    if actor.country:
        return actor.country.upper()
    head = (actor.code or "")[:3].upper()
    if head in INTERNATIONAL or head in _iso3():
        return head
    return None


def _actor_cols(a: Actor | None) -> list[Any]:
    if a is None:
        return [None] * 6
    return [a.text, a.name, a.country, a.sector, a.code, actor_key(a)]


DOC_COLS = (
    "doc_id, input, url, outlet, title, published, published_date, byline, agencies, "
    "language, text, removed, ingested_at, record"
)


def document_row(doc: Document, now: datetime) -> tuple[Any, ...]:
    removed = json.dumps([r.to_json_dict() for r in doc.removed], ensure_ascii=False)
    return (
        doc.doc_id,
        doc.input,
        doc.url,
        doc.outlet,
        doc.title,
        doc.published,
        date_start(doc.published),
        list(doc.byline),
        list(doc.agencies),
        doc.language,
        doc.text,
        removed,
        now,
        json.dumps(doc.to_json_dict(), ensure_ascii=False),
    )


EVENT_COLS = (
    "event_id, doc_id, source_text, source_name, source_country, source_sector, source_code, "
    "target_text, target_name, target_country, target_sector, target_code, source_key, "
    "target_key, plover_type, plover_mode, plover_context, cameo, goldstein, date, date_start, "
    "date_precision, date_basis, status, attributed_to, trigger, weapons, sentence, start_char, "
    "end_char, evidence_text, confidence, n_mentions, record, headline"
)


def n_mentions(mentions: list[Any] | None) -> int:
    """Mentions of one event; records without the list (older files) were one mention."""
    return max(1, len(mentions or ()))


def event_row(ev: Event, published: date | None) -> tuple[Any, ...]:
    src, tgt = _actor_cols(ev.source), _actor_cols(ev.target)
    return (
        ev.event_id,
        ev.doc_id,
        *src[:5],
        *tgt[:5],
        src[5],
        tgt[5],
        ev.plover.type,
        ev.plover.mode,
        list(ev.plover.context),
        ev.cameo,
        ev.goldstein,
        ev.date,
        date_start(ev.date) or published,
        ev.date_precision,
        ev.date_basis,
        ev.status,
        list(ev.attributed_to),
        ev.trigger,
        list(ev.weapons),
        ev.evidence.sentence,
        ev.evidence.start,
        ev.evidence.end,
        ev.evidence.text,
        ev.confidence,
        n_mentions(ev.mentions),
        json.dumps(ev.to_json_dict(), ensure_ascii=False),
        ev.headline,
    )


CLAIM_COLS = (
    "claim_id, doc_id, speaker_text, speaker_name, speaker_country, speaker_sector, "
    "speaker_code, speaker_key, cue, stance, content_start, content_end, content_text, quoted, "
    "date, date_start, date_precision, date_basis, events, about_claims, sentence, start_char, "
    "end_char, evidence_text, record"
)


def claim_row(cl: Claim, published: date | None) -> tuple[Any, ...]:
    return (
        cl.claim_id,
        cl.doc_id,
        *_actor_cols(cl.speaker),
        cl.cue,
        cl.stance,
        cl.content.start,
        cl.content.end,
        cl.content.text,
        cl.quoted,
        cl.date,
        date_start(cl.date) or published,
        cl.date_precision,
        cl.date_basis,
        list(cl.events),
        list(cl.about_claims),
        cl.evidence.sentence,
        cl.evidence.start,
        cl.evidence.end,
        cl.evidence.text,
        json.dumps(cl.to_json_dict(), ensure_ascii=False),
    )


def placeholders(cols: str) -> str:
    return ", ".join("?" for _ in cols.split(","))
