"""Build the packaged actor dictionaries from the Phoenix / NGEC reference files.

Usage: python scripts/build_actors.py [REFERENCE_DIR]   (default: ../shared/reference)

Writes into src/dyadwatch/data/actors/:
  countries.tsv  alias -> ISO3 (country names, NGEC nationality lists, pycountry names)
  places.tsv     Phoenix country-block aliases (cities, regions) unambiguous after filtering
  people.tsv     Phoenix persons and institutions with dated codes (the user-dictionary format)
  agents.tsv     role nouns -> PLOVER sector (Phoenix/NGEC agents file, plurals expanded)

Hand-curated files (aliases.tsv, metonyms.tsv, igos_extra.tsv, agents_extra.tsv,
people_2020s.tsv, stop.tsv) are never touched by this script.
"""

from __future__ import annotations

import csv
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
from dyadwatch.actors.lexicon import IGO_CODES, uninvert  # noqa: E402

OUT = ROOT / "src" / "dyadwatch" / "data" / "actors"
PEOPLE_COLS = ["name", "aliases", "country", "sector", "role", "start", "end", "source", "kind"]

CODE_RE = re.compile(r"\[([^\]]*)\]")


def words(key: str) -> str:
    """PHOENIX_KEY_ -> 'phoenix key' surface form (underscores are spaces)."""
    return " ".join(key.replace("_", " ").split())


def yymmdd(s: str) -> str | None:
    s = s.strip()
    if len(s) == 6 and s.isdigit():
        yy = int(s[:2])
        year = 2000 + yy if yy <= 30 else 1900 + yy
        return f"{year}-{s[2:4]}-{s[4:6]}"
    if len(s) == 8 and s.isdigit():
        return f"{s[:4]}-{s[4:6]}-{s[6:8]}"
    return None


def parse_code(raw: str) -> tuple[str, str | None, str | None] | None:
    """'RUSGOV 991231-080507' -> ('RUSGOV', '1999-12-31', '2008-05-07')."""
    parts = raw.split()
    if not parts or not re.fullmatch(r"~?[A-Z]{3,}", parts[0]):
        return None
    code, start, end = parts[0], None, None
    if len(parts) > 1:
        rng = parts[1]
        if rng.startswith(">"):
            start = yymmdd(rng[1:])
        elif rng.startswith("<"):
            end = yymmdd(rng[1:])
        elif "-" in rng:
            a, b = rng.split("-", 1)
            start, end = yymmdd(a), yymmdd(b)
        if start is None and end is None:
            return None  # malformed range: skip rather than treat as undated
    return code, start, end


def read_phoenix(path: Path) -> list[dict]:
    """Blocks: {key, aliases, codes[(code,start,end)], comment, header}."""
    blocks: list[dict] = []
    cur: dict | None = None
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        body, _, comment = line.partition("#")
        codes = [c for c in (parse_code(m) for m in CODE_RE.findall(body)) if c]
        text = CODE_RE.sub(" ", body).strip()
        if line[0] in " \t":
            if cur is not None:
                cur["codes"].extend(codes)
            continue
        if text.startswith("+"):
            if cur is not None:
                cur["aliases"].append(text[1:].strip())
                cur["codes"].extend(codes)
            continue
        cur = {"key": text.split("\t")[0].strip(), "aliases": [], "codes": codes}
        cur["comment"] = comment
        blocks.append(cur)
    return blocks


def iso3_set(ref: Path) -> set[str]:
    codes = set()
    with open(ref / "ngec" / "countries.csv", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if len(row["CCA3"]) == 3:
                codes.add(row["CCA3"])
    try:
        import pycountry

        codes.update(c.alpha_3 for c in pycountry.countries)
    except ImportError:
        pass
    return codes


# bodies with a code of their own (IGOSEAASN: ASEAN), as the lexicon lists them
OWN_BODY_CODES = tuple(sorted(IGO_CODES - {"UNO", "EUR", "NAT", "IGO"}))


def split_code(code: str, isos: set[str]) -> tuple[str, str, str]:
    """Phoenix code -> (country, sector, intl) where intl is UNO/EUR/NAT/IGO/NGO/MNC."""
    code = code.lstrip("~")
    if code[:3] in isos:
        return code[:3], code[3:6], ""
    if code.startswith("IGO"):
        rest = code[3:]
        body = "UNO" if rest.startswith("UNO") else "EUR" if rest.startswith("EUR") else ""
        if not body and rest[3:6] == "NAT":
            body = "NAT"
        own = next((c for c in OWN_BODY_CODES if rest.endswith(c)), "")
        return "", "", body or own or "IGO"
    if code[:3] in ("NGO", "MNC"):
        return "", "", code[:3]
    return "", code[:3], ""


def build_countries(ref: Path, isos: set[str]) -> list[tuple[str, str, str]]:
    rows: dict[str, tuple[str, str]] = {}
    with open(ref / "ngec" / "countries.csv", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            iso = row["CCA3"]
            if len(iso) != 3:
                continue
            rows.setdefault(row["Name"].strip(), (iso, "name"))
            for nat in row["Nationality"].split(","):
                nat = nat.strip()
                if nat and nat not in rows:
                    kind = (
                        "name"
                        if " " in nat or nat[:1].isupper() and nat.endswith("s")
                        else "demonym"
                    )
                    if nat.endswith(("ans", "ese", "ish", "ians", "is")) and " " not in nat:
                        kind = "demonym"
                    rows[nat] = (iso, kind)
    try:
        import pycountry

        for c in pycountry.countries:
            for attr in ("name", "official_name", "common_name"):
                val = getattr(c, attr, None)
                if val and ("," not in val or uninvert(val) != val):  # ISO's inverted form
                    # ("Korea, Republic of") is kept as written; the loader turns it
                    rows.setdefault(val, (c.alpha_3, "name"))
    except ImportError:
        pass
    # a name also listed in ISO's inverted form is kept once, inverted (the loader turns it)
    inverted = {uninvert(a) for a in rows if uninvert(a) != a}
    return sorted((a, iso, kind) for a, (iso, kind) in rows.items() if a not in inverted)


def build_places(blocks: list[dict], isos: set[str], known: set[str]) -> list[tuple[str, str]]:
    """Aliases of country header blocks; aliases claimed by two countries are dropped."""
    owners: dict[str, set[str]] = defaultdict(set)
    for b in blocks:
        iso = header_iso(b, isos)
        if iso:
            for a in [b["key"], *b["aliases"]]:
                surface = words(a)
                low = surface.lower()
                if surface and low not in known and low.removeprefix("the ") not in known:
                    owners[surface.title()].add(iso)
    return sorted((a, next(iter(c))) for a, c in owners.items() if len(c) == 1)


def header_iso(block: dict, isos: set[str]) -> str | None:
    """A country block carries a bare ISO3 code; the open-ended (current) one wins."""
    bare = [(c, s, e) for c, s, e in block["codes"] if c in isos]
    if not bare:
        return None
    return max(bare, key=lambda x: (x[2] is None, x[1] or ""))[0]


def historic(block: dict) -> bool:
    """Every dated row ended before 1985: too old for the news we code."""
    ends = [e for _, s, e in block["codes"] if s or e]
    return bool(ends) and all(e is not None and e < "1985" for e in ends)


def display_key(key: str, aliases: list[str]) -> str:
    """'SECRETARY-GENERAL BAN KI-MOON' -> 'BAN KI-MOON' when that bare name is an alias."""
    bare = [a for a in aliases if len(a.split()) >= 2 and key.endswith(" " + a)]
    return min(bare, key=len) if bare else key


def looks_person(block: dict) -> bool:
    if "CountryInfo" in block["comment"] or "rulers" in block["comment"]:
        return True
    return bool(any(s or e for _, s, e in block["codes"]))


def build_people(blocks: list[dict], isos: set[str], source: str) -> list[list[str]]:
    out: list[list[str]] = []
    for b in blocks:
        codes = b["codes"]
        if not codes or header_iso(b, isos) or historic(b):
            continue  # country header, or nobody a current article would name
        key = words(b["key"])
        name = display_key(key, [words(a) for a in b["aliases"]])
        aliases = sorted({words(a) for a in [b["key"], *b["aliases"]] if words(a)} - {name})
        kind = "person" if looks_person(b) else "group"
        for code, start, end in codes:
            country, sector, intl = split_code(code, isos)
            if not country and not intl:
                continue
            out.append(
                [
                    name,
                    "|".join(aliases),
                    country or intl,
                    sector,
                    "",
                    start or "",
                    end or "",
                    f"{source}:{code}",
                    kind,
                ]
            )
    return out


SUBST_RE = re.compile(r"!([A-Z]+)!")


def build_agents(path: Path) -> list[tuple[str, str]]:
    subst: dict[str, list[str]] = {}
    rows: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith("!") and "=" in line:
            k, v = line.split("=", 1)
            subst[k.strip().strip("!")] = [x.strip() for x in v.split(",")]
            continue
        m = re.match(r"^(.*?)\s*(\{[^}]*\})?\s*\[~([A-Z]+)\]", line)
        if not m:
            continue
        phrase, plural, code = m.group(1).strip(), m.group(2), m.group(3)
        if not phrase or not phrase.endswith(("_", "!")) and " " in phrase:
            pass
        forms = [phrase]
        sm = SUBST_RE.search(phrase)
        if sm and sm.group(1) in subst:
            forms = [
                phrase.replace(sm.group(0), "_" + s if not phrase.startswith("!") else s)
                for s in subst[sm.group(1)]
            ]
            forms += [phrase.replace(sm.group(0), s) for s in subst[sm.group(1)]]
        if plural:
            forms.append(plural.strip("{} "))
        for f in forms:
            surface = words(f).lower()
            if surface and not surface.endswith(" "):
                rows.setdefault(surface, code[:3])
    return sorted(rows.items())


def write_tsv(path: Path, header: list[str], rows: list, note: str) -> None:
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(f"# {note}\n")
        f.write("\t".join(header) + "\n")
        for r in rows:
            f.write("\t".join(str(x) for x in r) + "\n")
    print(f"wrote {path.relative_to(ROOT)}: {len(rows)} rows")


def main(ref: Path) -> None:
    phx = ref / "phoenix"
    isos = iso3_set(ref)
    countries = build_countries(ref, isos)
    known = {uninvert(a).lower() for a, _, _ in countries} | {a.lower() for a, _, _ in countries}
    blocks_c = read_phoenix(phx / "Phoenix.Countries.actors.txt")
    blocks_i = read_phoenix(phx / "Phoenix.International.actors.txt")
    note = "GENERATED by scripts/build_actors.py from /work/shared/reference (MIT, see README.md)"
    write_tsv(OUT / "countries.tsv", ["alias", "iso3", "kind"], countries, note)
    write_tsv(OUT / "places.tsv", ["alias", "iso3"], build_places(blocks_c, isos, known), note)
    blocks_m = read_phoenix(phx / "Phoenix.MilNonState.actors.txt")
    people = (
        build_people(blocks_c, isos, "phoenix")
        + build_people(blocks_i, isos, "phoenix-intl")
        + build_people(blocks_m, isos, "phoenix-nonstate")
    )
    write_tsv(OUT / "people.tsv", PEOPLE_COLS, people, note)
    agents = build_agents(ref / "ngec" / "PLOVER_agents.txt")
    write_tsv(OUT / "agents.tsv", ["phrase", "sector"], agents, note)


if __name__ == "__main__":
    default = ROOT.parent / "shared" / "reference"
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else default)
