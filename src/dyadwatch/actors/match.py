"""Dictionary atoms: longest-match lookup of token sequences in the actor trie."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from .lexicon import FUNCTION_WORDS, KIND_ORDER, Entry, Lexicon, Payload, fold


@dataclass
class Atom:
    """A token span [start, end) matched to one dictionary meaning (or an unknown person)."""

    start: int
    end: int
    kind: str  # person | group | metonym | igo | capital | country | demonym | place | agent
    payload: Payload | None  # None for an unknown person found by NER or title context


# Lower-case "and" inside Portuguese and Spanish surnames ("Ulisses Correia e Silva"); only
# inside a multi-word alias, so never a match on its own.
NAME_CONNECTORS = frozenset({"e", "y"})
# generic words a party's alias writes in lower case ("Congress party", "Ennahda movement"); other
# lower-case alias words ("Houthi forces") still need a capital, so role nouns compose as before;
# news writes a group's kind word in lower case ("the Sinaloa cartel", "Tigrayan forces",
# "the Black Sea fleet", "Iran's Revolutionary guards")
LOWER_NAME_WORDS = frozenset(
    {"party", "movement", "cartel", "forces", "force", "gang", "militia", "brigades", "brigade"}
    | {"group", "front", "fleet", "guard", "guards", "army", "rebels", "militants"}
)
# a region's kind may be written in lower case after its name ("Borno state", "Anbar province")
REGION_WORDS = frozenset(
    {"state", "province", "region", "district", "governorate", "county", "oblast", "prefecture"}
)


def _case_ok(texts: Sequence[str], p: Payload) -> bool:
    """Proper names must look like names; role nouns may be any case."""
    if p.kind == "agent" or p.caseless:
        return True
    if p.acronym:
        t = texts[0]  # "AfD", "PiS": a mixed-case acronym as the dictionary writes it
        return t.isupper() or t == p.surface or (len(t.replace(".", "")) > 3 and t[:1].isupper())
    written = p.surface.split()
    lower = (
        {
            i
            for i, w in enumerate(written)
            if (i and w.lower() in LOWER_NAME_WORDS)
            or (i and p.kind == "place" and w.lower() in REGION_WORDS)
        }
        if len(written) == len(texts)
        else ()
    )
    for i, t in enumerate(texts):
        if not t[:1].isalpha() or i in lower:  # "Congress party": part of the party's name
            continue
        if i > 0 and (fold(t) in FUNCTION_WORDS or t in NAME_CONNECTORS or texts[i - 1] == "-"):
            continue
        if i == 0 and len(texts) > 2 and texts[1] == "-" and t in ("al", "el"):
            continue  # "al-Qaeda", "al-Shabaab"
        if not t[:1].isupper():
            return False
    return True


def _best(slot: dict[str, Payload], texts: Sequence[str]) -> Payload | None:
    for kind in KIND_ORDER:
        p = slot.get(kind)
        if p is not None and _case_ok(texts, p):
            return p
    return None


def find_atoms(lex: Lexicon, texts: Sequence[str], norms: Sequence[str]) -> list[Atom]:
    """Greedy left-to-right longest match over normalised tokens."""
    atoms: list[Atom] = []
    i, n = 0, len(norms)
    prefixes, phrases = lex.prefixes, lex.phrases
    while i < n:
        best: tuple[int, Payload] | None = None
        shorter: tuple[int, Payload] | None = None  # the longest non-person before it
        j = i
        key: tuple[str, ...] = ()
        while j < n:
            key = (*key, norms[j])
            if key not in prefixes:
                break
            j += 1
            slot = phrases.get(key)
            if slot:
                p = _best(slot, texts[i:j])
                if p is not None:
                    if best is not None and best[1].kind != "person":
                        shorter = best
                    best = (j, p)
        if best is not None and shorter is not None and _cut_name(best, texts, norms):
            best = shorter  # "Foreign Minister Abdullah| bin Zayed": the title, then the name
        if best is None:
            i += 1
            continue
        atoms.append(Atom(i, best[0], best[1].kind, best[1]))
        i = best[0]
    return atoms


NAME_PARTICLES = frozenset({"bin", "ibn", "bint", "al", "el", "dos", "da", "de", "van", "von"})


def _cut_name(best: tuple[int, Payload], texts: Sequence[str], norms: Sequence[str]) -> bool:
    """A titled person alias that stops inside a longer name ("... Abdullah bin Zayed")."""
    j, p = best
    if p.kind != "person" or j + 1 >= len(norms):
        return False
    return norms[j] in NAME_PARTICLES and texts[j + 1][:1].isupper()


# Sectors of state office: a curated holder whose every row ended before the article date is
# a former official, ELI in PLOVER ("former government officials who currently do not hold
# positions in the government or armed forces").
OFFICE_SECTORS = frozenset({"GOV", "MIL", "SPY", "COP", "JUD", "LEG"})
CURATED = frozenset({"user", "supplement"})


def pick_entry(entries: Sequence[Entry], date: str | None) -> Entry | None:
    """The row valid on ``date`` (user > supplement > phoenix; dated beats undated); a
    curated office holder out of office on ``date`` comes back as a former official (ELI)."""
    entry = pick_row(entries, date)
    if entry is None or date is None or entry.kind != "person":
        return entry
    if entry.source not in CURATED and entry.end and covers(entry, date):
        return entry  # a closed Phoenix row for that day (open ones are older than ours)
    d = _pad(date, False)
    curated = [e for e in entries if e.source in CURATED and _pad(e.start or "0", False) <= d]
    if not curated or any(covers(e, date) for e in curated):
        return entry
    last = max(curated, key=lambda e: _pad(e.end or "9999", True))
    if last.sector not in OFFICE_SECTORS or not last.end or _pad(last.end, True) >= date:
        return entry  # no office yet, or not a state office
    role = f"former {last.role}" if last.role else "former official"
    return replace(last, sector="ELI", role=role)


def covers(e: Entry, date: str) -> bool:
    """Whether the row's dates include ``date`` (open ends included)."""
    d = _pad(date, False)
    return (e.start is None or _pad(e.start, False) <= d) and (
        e.end is None or d <= _pad(e.end, True)
    )


def pick_row(entries: Sequence[Entry], date: str | None) -> Entry | None:
    """The row for ``date`` before the former-official rule (see ``pick_entry``)."""
    if not entries:
        return None
    rank = {"user": 0, "supplement": 1, "phoenix": 2}

    def valid(e: Entry) -> bool:
        return e.end is None if date is None else covers(e, date)

    dated = [e for e in entries if (e.start or e.end) and valid(e)]
    undated = [e for e in entries if not e.start and not e.end]
    for src in sorted({e.source for e in entries}, key=lambda s: rank.get(s, 9)):
        hit = [e for e in dated if e.source == src]
        if hit:
            return max(hit, key=lambda e: e.start or "")
        hit = [e for e in undated if e.source == src]
        if hit:
            return hit[0]
    # Nothing valid on the date: the most recent row that started before it, else the earliest.
    before = [e for e in entries if e.start and (date is None or e.start <= date)]
    if before:
        return max(before, key=lambda e: e.start or "")
    return min(entries, key=lambda e: e.start or "9999")


def _pad(d: str, high: bool) -> str:
    if len(d) == 4:
        return d + ("-12-31" if high else "-01-01")
    if len(d) == 7:
        return d + ("-31" if high else "-01")
    return d[:10]
