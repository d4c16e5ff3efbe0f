"""A minimal NER-based mention finder, for tests and evals while the actors stage is absent.

It maps spaCy GPE/NORP/ORG entities to countries through a names/nationalities table
(NGEC countries.csv columns: CCA2, Name, CCA3, Nationality) plus pycountry; it is not the
actors stage and knows nothing about people or sectors beyond a few cue words.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

from ..records import Actor, Mention

CAPITALS = {
    "moscow": "RUS", "kremlin": "RUS", "tehran": "IRN", "washington": "USA", "kyiv": "UKR",
    "kiev": "UKR", "beijing": "CHN", "london": "GBR", "paris": "FRA", "berlin": "DEU",
    "ankara": "TUR", "damascus": "SYR", "baghdad": "IRQ", "jerusalem": "ISR", "cairo": "EGY",
    "tokyo": "JPN", "pyongyang": "PRK", "seoul": "KOR", "kabul": "AFG", "islamabad": "PAK",
    "belgrade": "SRB", "beirut": "LBN", "riyadh": "SAU", "new delhi": "IND",
    "us": "USA", "u.s.": "USA", "america": "USA", "american": "USA", "americans": "USA",
    "uk": "GBR", "britain": "GBR", "palestinian": "PSE", "palestinians": "PSE", "gaza": "PSE",
}  # fmt: skip
IGOS = {"un": "UNO", "united nations": "UNO", "nato": "NAT", "eu": "EUR", "european union": "EUR"}
SECTORS = {
    "government": "GOV", "minister": "GOV", "president": "GOV", "officials": "GOV",
    "army": "MIL", "troops": "MIL", "forces": "MIL", "military": "MIL", "soldiers": "MIL",
    "police": "COP", "rebels": "REB", "parliament": "LEG", "court": "JUD",
}  # fmt: skip


def load_names(countries_csv: Path) -> dict[str, str]:
    names: dict[str, str] = dict(CAPITALS)
    try:
        import pycountry

        for c in pycountry.countries:
            names.setdefault(c.name.lower(), c.alpha_3)
            common = getattr(c, "common_name", None)
            if common:
                names.setdefault(common.lower(), c.alpha_3)
    except ImportError:  # pragma: no cover - pycountry is a dependency
        pass
    if countries_csv.is_file():
        with countries_csv.open(encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                names[row["Name"].lower()] = row["CCA3"]
                for nat in row.get("Nationality", "").split(","):
                    if nat.strip():
                        names[nat.strip().lower()] = row["CCA3"]
    return names


def ner_mentions(sdoc: Any, names: dict[str, str]) -> list[Mention]:
    sent_of = {}
    for s_i, sent in enumerate(sdoc.sents):
        for t in sent:
            sent_of[t.i] = s_i
    out = []
    for ent in sdoc.ents:
        if ent.label_ not in ("GPE", "NORP", "ORG", "LOC"):
            continue
        key = ent.text.lower().removeprefix("the ").strip()
        country = names.get(key)
        igo = IGOS.get(key)
        if country is None and igo is None:
            continue
        head = ent.root
        sector = SECTORS.get(head.head.lower_) if head.dep_ in ("amod", "compound") else None
        code = (country or igo or "") + (sector or "")
        actor = Actor(
            text=ent.text,
            name=ent.text,
            country=country,
            sector=sector,
            code=code,
            kind="state" if country else "igo",
            start=ent.start_char,
            end=ent.end_char,
        )
        out.append(
            Mention(
                start=ent.start_char,
                end=ent.end_char,
                token_start=ent.start,
                token_end=ent.end,
                head=head.i,
                sentence=sent_of.get(head.i, 0),
                actor=actor,
            )
        )
    return out
