"""Build the `actors` eval gold (data/actors/test/gold.tsv) from the curated knowledge base.

Each phrase is written from one KB row, the way news text names the actor: full name, title +
name, country's title + name, a former official after the row's end, a party or group by name
or abbreviation, a body or unit. Context-only phrases (a demonym and a role, no name) come from
the hand-written list below. Deterministic: rerun after editing the KB files.

    python scripts/build_actor_tests.py
"""

from __future__ import annotations

import csv
import random
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "src/dyadwatch/data/actors"
OUT = DATA / "test/gold.tsv"
NAMES = {  # ISO3 -> name used in possessive titles
    "PAK": "Pakistan",
    "JPN": "Japan",
    "FRA": "France",
    "DEU": "Germany",
    "ITA": "Italy",
    "IND": "India",
    "BRA": "Brazil",
    "ARG": "Argentina",
    "MEX": "Mexico",
    "CAN": "Canada",
    "AUS": "Australia",
    "TUR": "Turkey",
    "SAU": "Saudi Arabia",
    "IDN": "Indonesia",
    "ZAF": "South Africa",
    "GBR": "Britain",
    "USA": "the United States",
    "RUS": "Russia",
    "CHN": "China",
    "ISR": "Israel",
    "IRN": "Iran",
    "IRQ": "Iraq",
    "EGY": "Egypt",
    "NGA": "Nigeria",
    "KEN": "Kenya",
    "POL": "Poland",
    "ESP": "Spain",
    "SWE": "Sweden",
    "FIN": "Finland",
    "NOR": "Norway",
    "GRC": "Greece",
    "HUN": "Hungary",
    "KOR": "South Korea",
    "LBN": "Lebanon",
    "JOR": "Jordan",
    "SYR": "Syria",
    "QAT": "Qatar",
    "OMN": "Oman",
    "DZA": "Algeria",
    "MAR": "Morocco",
    "SGP": "Singapore",
    "PHL": "the Philippines",
    "THA": "Thailand",
    "VNM": "Vietnam",
    "MYS": "Malaysia",
    "CHL": "Chile",
    "COL": "Colombia",
}
# Context-only phrases: no name, the country from a demonym or possessive, the sector from the
# role (written for this test set).
CONTEXT = [
    ("the Angolan fisheries minister", "AGO", "GOV"),
    ("Kenyan police", "KEN", "COP"),
    ("Ukrainian intelligence officers", "UKR", "SPY"),
    ("Nigeria's defence minister", "NGA", "GOV"),
    ("Peruvian riot police", "PER", "COP"),
    ("a former Brazilian minister", "BRA", "ELI"),
    ("Colombian army troops", "COL", "MIL"),
    ("the Philippine coast guard", "PHL", "MIL"),
    ("Pakistani judges", "PAK", "JUD"),
    ("Thai protesters", "THA", "CVL"),
    ("Malian soldiers", "MLI", "MIL"),
    ("the Ethiopian foreign ministry", "ETH", "GOV"),
    ("Turkish intelligence officials", "TUR", "SPY"),
    ("Mexican drug cartels", "MEX", "CRM"),
    ("Sudanese refugees", "SDN", "REF"),
    ("Venezuelan opposition leaders", "VEN", "OPP"),
    ("Iranian lawmakers", "IRN", "LEG"),
    ("Israeli settlers", "ISR", "CVL"),
    ("Chinese state media", "CHN", "MED"),
    ("South Korean prosecutors", "KOR", "JUD"),
]

# Composition classes of issue 8 (written for this test set): the phrase, not a KB row, decides.
CLASSES = [
    ("former Brazilian President Jose Sarney", "BRA", "ELI", "former+nationality"),
    ("former Nigerian military ruler Ibrahim Babangida", "NGA", "ELI", "former+nationality"),
    ("ex-Peruvian president Pedro Castillo", "PER", "ELI", "former+nationality"),
    ("a former Israeli defence minister", "ISR", "ELI", "former+nationality"),
    ("retired Egyptian generals", "EGY", "ELI", "former+nationality"),
    ("former South Korean President Moon Jae-in", "KOR", "ELI", "former+nationality"),
    ("former Kenyan police officers", "KEN", "ELI", "former+nationality"),
    ("Russia's UN ambassador", "RUS", "GOV", "un ambassador"),
    ("the UN ambassador of Brazil", "BRA", "GOV", "un ambassador"),
    ("US Ambassador to the UN", "USA", "GOV", "un ambassador"),
    ("France's envoy to the United Nations", "FRA", "GOV", "un ambassador"),
    ("the Iranian ambassador to the UN", "IRN", "GOV", "un ambassador"),
    ("Japan's UN envoy", "JPN", "GOV", "un ambassador"),
    ("the Chinese ambassador to Australia", "CHN", "GOV", "un ambassador"),
    ("the UN envoy for Yemen", "UNO", "GOV", "un ambassador"),
    ("the taliban", "AFG", "GOV", "lower-case group"),
    ("hezbollah", "LBN", "REB", "lower-case group"),
    ("houthi rebels", "YEM", "REB", "lower-case group"),
    ("al-shabaab militants", "SOM", "REB", "lower-case group"),
    ("boko haram fighters", "NGA", "REB", "lower-case group"),
    ("hamas gunmen", "PSE", "REB", "lower-case group"),
    ("presidential candidate Ana Ruiz", "", "PTY", "candidate"),
    ("the opposition candidate", "", "PTY", "candidate"),
    ("Colombian presidential candidates", "COL", "PTY", "candidate"),
    ("a Senegalese opposition candidate", "SEN", "PTY", "candidate"),
    ("Pakistani intelligence officers", "PAK", "SPY", "intelligence"),
    ("an Iranian intelligence agent", "IRN", "SPY", "intelligence"),
    ("Russian spies", "RUS", "SPY", "intelligence"),
    ("Indian police officers", "IND", "COP", "police"),
    ("the Brazilian riot police", "BRA", "COP", "police"),
    ("a Kenyan policeman", "KEN", "COP", "police"),
    ("the coast guard", "", "MIL", "service"),
    ("the national guard", "", "MIL", "service"),
    ("the border police", "", "COP", "service"),
    ("the Japanese coast guard", "JPN", "MIL", "service"),
    ("Sergio Mota, Brazil's agriculture minister", "BRA", "GOV", "apposition"),
    ("Amina Diallo, a Malian army colonel", "MLI", "MIL", "apposition"),
    ("John Okafor, Nigeria's police chief", "NGA", "COP", "apposition"),
    ("the Defense Minister", "", "GOV", "bare title"),
    ("the interior minister", "", "GOV", "bare title"),
]


def rows(name: str) -> list[dict[str, str]]:
    lines = [
        ln
        for ln in (DATA / name).read_text(encoding="utf-8").splitlines()
        if ln.strip() and not ln.startswith("#")
    ]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def mid(start: str, end: str) -> str:
    """A date inside [start, end] (open end: 2025-12-01)."""
    s = int(start[:4]) if start else 2016
    e = int(end[:4]) if end else 2026
    year = max(min((s + e) // 2, 2025), s)
    date = f"{year}-06-15"
    if start and date < start:
        date = start if len(start) == 10 else start[:7] + "-28" if len(start) == 7 else date
    if end and date > end:
        date = end if len(end) == 10 else end[:7] + "-01" if len(end) == 7 else date
    return date


def after(end: str) -> str:
    return f"{int(end[:4]) + 1}-03-01"


def officials(rng: random.Random) -> list[tuple[str, str, str, str, str]]:
    out = []
    elsewhere = {r["name"] for r in rows("people_2020s.tsv")}  # later roles kept there
    people: dict[str, list[dict[str, str]]] = {}
    for r in rows("officials.tsv"):
        people.setdefault(r["name"], []).append(r)
    for name, rs in sorted(people.items()):
        r = rng.choice(rs)
        date = mid(r["start"], r["end"])
        # the row the KB picks on that day: the valid dated row that started last
        valid = [x for x in rs if covers(x, date) and x["start"] >= r["start"]]
        r = max(valid, key=lambda x: x["start"]) if valid else r
        code, sector, role = r["country"], r["sector"], r["role"]
        if len(code) != 3 or code in ("UNO", "EUR", "NAT", "IGO") or not role:
            continue
        form = rng.random()
        if form < 0.4:
            out.append((name, date, code, sector, "person"))
        elif form < 0.7 and sector == "GOV":
            out.append((f"{role} {name}", date, code, sector, "person+title"))
        elif code in NAMES and sector == "GOV":
            out.append((f"{NAMES[code]}'s {role} {name}", date, code, sector, "person+country"))
        else:
            out.append((name, date, code, sector, "person"))
        last = max(rs, key=lambda x: x["end"] or "9999")
        later = name in elsewhere
        if (
            last["end"]
            and last["sector"] in ("GOV", "MIL", "SPY")
            and not later
            and rng.random() < 0.35
        ):
            out.append((name, after(last["end"]), code, "ELI", "former (by date)"))
            out.append((f"former {last['role']} {name}", after(last["end"]), code, "ELI", "former"))
    return out


def covers(r: dict[str, str], date: str) -> bool:
    return bool(r["start"] or r["end"]) and (r["start"] or "0") <= date <= (r["end"] or "9")


def groups(name: str, klass: str) -> list[tuple[str, str, str, str, str]]:
    out = []
    table = rows(name)
    for r in table:
        date = mid(r["start"], r["end"]) if (r["start"] or r["end"]) else "2024-06-15"
        if not (r["start"] or r["end"]):  # an undated row yields to a dated one on that day
            dated = [x for x in table if x["name"] == r["name"] and covers(x, date)]
            r = dated[0] if dated else r
        out.append((r["name"], date, r["country"], r["sector"], klass))
        aliases = [a for a in r["aliases"].split("|") if a]
        if aliases:
            out.append((aliases[0], date, r["country"], r["sector"], klass + " alias"))
    return out


def main() -> None:
    rng = random.Random(8)
    gold = officials(rng)
    gold += groups("parties.tsv", "party")
    gold += groups("armed_groups.tsv", "group")
    gold += groups("bodies.tsv", "body")
    gold += [(p, "2024-06-15", c, s, "context") for p, c, s in CONTEXT]
    gold += [(p, "2024-06-15", c, s, k) for p, c, s, k in CLASSES]
    seen: set[tuple[str, str]] = set()
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with open(OUT, "w", encoding="utf-8") as f:
        f.write("# GENERATED by scripts/build_actor_tests.py from the curated KB; see README.md\n")
        f.write("phrase\tdate\tcountry\tsector\tclass\n")
        for phrase, date, code, sector, klass in gold:
            if (phrase, date) in seen:
                continue
            seen.add((phrase, date))
            f.write(f"{phrase}\t{date}\t{code}\t{sector}\t{klass}\n")
    print(f"{OUT}: {len(seen)} phrases")


if __name__ == "__main__":
    main()
