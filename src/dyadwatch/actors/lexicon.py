"""Actor dictionaries loaded once per process into a token trie.

Every alias becomes a tuple of normalised tokens (lower case, accents stripped,
split like spaCy splits hyphens and possessives), so the same trie serves spaCy
documents and the bare phrases of ``resolve_phrase``.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path

# international bodies' codes: PLOVER's UNO/EUR/NAT/IGO and the Phoenix dictionary's own codes of
# bodies it names (African Union AFU, ASEAN ASN, Arab League ARL, OPEC OPC, G7 GOS, G8 GOE,
# International Criminal Court ICC), which the real-news annotation uses too
IGO_CODES = frozenset({"UNO", "EUR", "NAT", "IGO", "AFU", "ASN", "ARL", "OPC", "GOS", "GOE", "ICC"})
INTL_CODES = IGO_CODES | {"NGO", "MNC"}
CACHE_VERSION = 7
# Curated knowledge-base files (people format), all of source "supplement".
SUPPLEMENTS = (
    "people_2020s.tsv",
    "officials.tsv",
    "igos.tsv",
    "bodies.tsv",
    "parties.tsv",
    "armed_groups.tsv",
    "companies.tsv",
)
SOURCE_RANK = {"user": 0, "supplement": 1, "phoenix": 2}
FUNCTION_WORDS = frozenset(
    [
        "of",
        "the",
        "and",
        "for",
        "de",
        "al",
        "el",
        "bin",
        "ibn",
        "von",
        "van",
        "la",
        "le",
        "du",
        "d",
        "da",
        "di",
        "del",
        "der",
        "dos",
        "das",
        "della",
        "in",
        "on",
        "to",
        "at",
    ]
)
# Kinds of atom, strongest first: on an exact tie of span the first kind wins.
KIND_ORDER = (
    "metonym",
    "igo",
    "country",
    "capital",
    "person",
    "group",
    "demonym",
    "place",
    "agent",
)
NON_ACTOR_SECTORS = frozenset({"NON", "JNK", "UNK"})
# CAMEO/PLOVER sector codes kept from the dictionaries; other 3-letter codes (regions such as
# GZA, ethnic or religious sub-codes) are dropped rather than passed off as sectors.
SECTORS = frozenset(
    [
        "GOV",
        "MIL",
        "REB",
        "OPP",
        "PTY",
        "COP",
        "JUD",
        "SPY",
        "MED",
        "EDU",
        "BUS",
        "CRM",
        "CVL",
        "LAB",
        "LEG",
        "HLT",
        "REF",
        "ELI",
        "AGR",
        "ENV",
        "HRI",
        "DEV",
        "REL",
        "UAF",
        "NGO",
        "PRM",
    ]
)

_TOKEN_RE = re.compile(r"[^\W_]+(?:\.[^\W_]+)*\.?|'s|'|[^\w\s]", re.UNICODE)


class ActorDictionaryError(ValueError):
    """A dictionary file is malformed; the message names file and line."""


def uninvert(name: str) -> str:
    """ISO 3166's inverted names as written in text: "Korea, Republic of" -> "Republic of
    Korea", "Congo, The Democratic Republic of the" -> "The Democratic Republic of the Congo"."""
    head, sep, tail = name.partition(", ")
    inverted = sep and (tail.endswith(" of") or tail.endswith(" of the"))
    return f"{tail} {head}" if inverted else name


def fold(text: str) -> str:
    """Lower case without accents, curly apostrophes made straight."""
    if text.isascii():
        return text.lower()
    text = text.replace("\u2019", "'").replace("\u2018", "'").translate(_PLAIN_LETTERS)
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


# letters that carry no combining mark, so NFKD leaves them ("Støre", "Løkke", "Tayyıp")
_PLAIN_LETTERS = str.maketrans(
    {"ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ı": "i", "ð": "d"}
    | {"æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe", "ß": "ss", "þ": "th", "Þ": "Th"}
)


def tokenize(text: str) -> list[str]:
    """Split like spaCy does for names: hyphens between letters, "'s", brackets."""
    out: list[str] = []
    for raw in text.replace("\u2019", "'").split():
        parts = _TOKEN_RE.findall(raw)
        for i, p in enumerate(parts):
            # spaCy keeps a trailing period only on abbreviations ("U.S.", "V.").
            if p.endswith(".") and "." not in p[:-1] and len(p) > 3 and i == len(parts) - 1:
                out.extend([p[:-1], "."])
            else:
                out.append(p)
    return out


@dataclass(frozen=True)
class Entry:
    """One dated row of a people/group dictionary."""

    key: str  # entry id, e.g. "phoenix:VLADIMIR_PUTIN"
    name: str
    country: str | None  # ISO3, or None for international bodies
    intl: str | None  # UNO / EUR / NAT / IGO / NGO / MNC
    sector: str | None
    role: str | None
    start: str | None
    end: str | None
    source: str  # user | supplement | phoenix
    kind: str  # person | group


@dataclass
class Payload:
    """What one alias means; a phrase may carry several payloads of different kinds."""

    kind: str
    surface: str  # alias as written in the dictionary
    iso: str | None = None
    sector: str | None = None
    intl: str | None = None
    label: str = ""  # entry id for non-person payloads
    entries: list[Entry] = field(default_factory=list)
    acronym: bool = False
    caseless: bool = False  # written in lower case in a people-format file: any case matches


@dataclass
class Lexicon:
    phrases: dict[tuple[str, ...], dict[str, Payload]] = field(default_factory=dict)
    prefixes: set[tuple[str, ...]] = field(default_factory=set)
    weapons: set[str] = field(default_factory=set)
    demonyms: set[str] = field(default_factory=set)
    surnames: dict[str, list[Entry]] = field(default_factory=dict)  # unique person surnames
    family: set[str] = field(default_factory=set)  # every dictionary person's surname

    def add(self, alias: str, payload: Payload, override: bool = False) -> None:
        for toks in _alias_keys(alias):
            self._add_key(toks, alias, payload, override)

    def _add_key(self, toks: tuple[str, ...], alias: str, payload: Payload, override: bool) -> None:
        if not toks:
            return
        slot = self.phrases.get(toks)
        if slot is None:
            slot = self.phrases[toks] = {}
            for i in range(1, len(toks)):
                self.prefixes.add(toks[:i])
            self.prefixes.add(toks)
        if len(toks) == 1:
            letters = re.sub(r"[^A-Za-z]", "", alias)
            payload.acronym = len(letters) <= 3 or (
                alias.isupper() and payload.kind not in ("person", "agent")
            )
        payload.caseless = bool(payload.entries) and alias.islower()
        old = slot.get(payload.kind)
        if old is None or override:
            slot[payload.kind] = payload
        elif payload.entries:
            old.entries.extend(payload.entries)
            old.acronym = old.acronym and payload.acronym
            old.caseless = old.caseless or payload.caseless


@cache
def alias_key(alias: str) -> tuple[str, ...]:
    return tuple(fold(t) for t in tokenize(alias))


# words spaCy keeps whole: an inner apostrophe ("O'Neill"), a hyphenated number ("G-20"), "OPEC+"
_ONE_TOKEN = re.compile(r"^(?:[^\W_]+(?:['\u2019][^\W_]+)+|[A-Za-z]+-\d+|\w+\+)$")


@cache
def _alias_keys(alias: str) -> tuple[tuple[str, ...], ...]:
    """The alias key, plus the spaCy form of names with an inner apostrophe ("O'Neill",
    "Horta N'Tam", "Tu'i'onetoa") or a hyphenated number ("G-20"), which spaCy keeps as one
    token."""
    key = alias_key(alias)
    spelt = tuple(SPELLINGS.get(t, t) for t in key)
    keys = (key, spelt) if spelt != key else (key,)
    words = alias.split()
    if not any(_ONE_TOKEN.match(w) for w in words):
        return keys
    alt: list[str] = []
    for w in words:
        alt.extend([w] if _ONE_TOKEN.match(w) else tokenize(w))
    return (*keys, tuple(fold(t) for t in alt))


# British and American spellings of the words bodies are named with ("World Health
# Organisation", "UN Development Programme"); not Labour/Labor, which name different parties
_PAIRS = [("organization", "organisation"), ("organizations", "organisations")]
_PAIRS += [("program", "programme"), ("center", "centre"), ("defense", "defence")]
SPELLINGS = {a: b for a, b in _PAIRS} | {b: a for a, b in _PAIRS}


def _data_dir() -> Path:
    return Path(str(resources.files("dyadwatch").joinpath("data/actors")))


def _rows(path: Path) -> list[tuple[int, list[str]]]:
    """TSV rows without comments and the header line, with their line numbers."""
    out: list[tuple[int, list[str]]] = []
    with open(path, encoding="utf-8", newline="") as f:
        header_seen = False
        for n, line in enumerate(f, 1):
            line = line.rstrip("\r\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            if not header_seen:
                header_seen = True
                continue
            out.append((n, line.split("\t")))
    return out


def _opt(v: str) -> str | None:
    v = v.strip()
    return v or None


DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def read_people(path: Path, source: str) -> list[tuple[Entry, list[str]]]:
    """Parse a people TSV (name, aliases, country, sector, role, start, end, source[, kind])."""
    out: list[tuple[Entry, list[str]]] = []
    for n, cols in _rows(path):
        if len(cols) < 7:
            raise ActorDictionaryError(f"{path}:{n}: expected at least 7 tab-separated columns")
        cols = cols + [""] * (9 - len(cols))
        name, aliases, country, sector, role, start, end, _, kind = (c.strip() for c in cols[:9])
        if not name:
            raise ActorDictionaryError(f"{path}:{n}: empty name")
        for d in (start, end):
            if d and not DATE_RE.match(d):
                raise ActorDictionaryError(f"{path}:{n}: bad date {d!r} (use YYYY[-MM[-DD]])")
        code = country.upper()
        if code and not re.fullmatch(r"[A-Z]{3}", code):
            raise ActorDictionaryError(f"{path}:{n}: country must be ISO3 or IGO code: {country!r}")
        sector = sector.upper()
        sector = sector if sector in SECTORS else ""
        entry = Entry(
            key=f"{source}:{'_'.join(name.upper().split())}",
            name=name if not name.isupper() else _display(name, kind or "person"),
            country=None if code in INTL_CODES else _opt(code),
            intl=code if code in INTL_CODES else None,
            sector=_opt(sector),
            role=_opt(role),
            start=_opt(start),
            end=_opt(end),
            source=source.split("-")[0],
            kind=kind or "person",
        )
        names = [name, *[a for a in aliases.split("|") if a.strip()]]
        out.append((entry, names))
    return out


@cache
def _display(name: str, kind: str) -> str:
    words: list[str] = []
    for w in name.split():
        if w.lower() in FUNCTION_WORDS and words:
            words.append(w.lower())
        elif kind != "person" and len(w) <= 4 and w.isalpha():
            words.append(w)
        else:
            words.append("-".join(p.capitalize() for p in w.split("-")))
    return " ".join(words)


def _plurals(phrase: str) -> list[str]:
    head, _, last = phrase.rpartition(" ")
    pre = head + " " if head else ""
    if last.endswith("man"):
        forms = [last[:-3] + "men"]
    elif last.endswith("y") and last[-2:-1] not in "aeiou":
        forms = [last[:-1] + "ies"]
    elif last.endswith(("s", "x", "ch", "sh")):
        forms = [last + "es"]
    else:
        forms = [last + "s"]
    return [phrase, *(pre + f for f in forms)]


SECTOR_MAP = {"JRN": "MED"}
# Former holders of a state office are ELI in PLOVER: "former defence minister", "ex-president".
OFFICE_SECTORS = frozenset({"GOV", "MIL", "SPY", "COP", "JUD", "LEG"})
FORMER = ("former ", "ex-", "ex ")


def _add_former(lex: Lexicon, form: str, label: str, curated: bool = False) -> None:
    """A former holder of a curated office stands alone like the office ("police arrested
    the former minister"); NGEC's own FORMER_* rows win over derived uncurated ones."""
    tag = "agents+" if curated else "agents"
    for pre in ("former ", "ex-"):
        phrase = pre + form
        if curated or alias_key(phrase) not in lex.phrases:
            pay = Payload("agent", phrase, sector="ELI", label=f"{tag}:former {label}")
            lex.add(phrase, pay, override=curated)


def load_lexicon(user_dictionary: str | None = None) -> Lexicon:
    """The lexicon for the packaged data plus an optional user TSV (cached per process)."""
    if user_dictionary and not Path(user_dictionary).is_file():
        raise ActorDictionaryError(f"user dictionary not found: {user_dictionary}")
    return _cached(str(Path(user_dictionary).resolve()) if user_dictionary else None)


@lru_cache(maxsize=8)
def _cached(user_dictionary: str | None) -> Lexicon:
    if user_dictionary is None:
        return _base()
    lex = _base(fresh=True)  # an own copy: user rows must not leak into the shared one
    stop = {fold(a) for _, c in _rows(_data_dir() / "stop.tsv") for a in c[:1]}
    for entry, names in read_people(Path(user_dictionary), "user"):
        _add_entry(lex, entry, names, stop)
        tail = alias_key(entry.name)[-1:] if entry.kind == "person" else ()
        if tail and tail[0].isalpha():
            lex.surnames[tail[0]] = [entry]
    return lex


def _cache_file() -> Path | None:
    """A pickle named by the dictionaries' sizes and mtimes, so edits rebuild it."""
    files = [*sorted(_data_dir().glob("*.tsv")), Path(__file__)]
    try:
        sig = "|".join(f"{f}:{f.stat().st_size}:{f.stat().st_mtime_ns}" for f in files)
    except OSError:
        return None
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "dyadwatch"
    digest = hashlib.sha1(f"{CACHE_VERSION}|{sig}".encode()).hexdigest()[:16]
    return base / f"actors-{digest}.pickle"


_BASE: Lexicon | None = None


def _base(fresh: bool = False) -> Lexicon:
    """The packaged dictionaries, from the pickle cache when it is current."""
    global _BASE
    if _BASE is not None and not fresh:
        return _BASE
    path = _cache_file()
    lex: Lexicon | None = None
    if path is not None and path.is_file():
        try:
            with open(path, "rb") as f:
                loaded = pickle.load(f)
            lex = loaded if isinstance(loaded, Lexicon) else None
        except Exception:  # a stale or broken cache is rebuilt, never fatal
            lex = None
    if lex is None:
        lex = _load(None)
        if path is not None:
            _write_cache(path, lex)
    if not fresh:
        _BASE = lex
    return lex


def _write_cache(path: Path, lex: Lexicon) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with open(tmp, "wb") as f:
            pickle.dump(lex, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        for old in path.parent.glob("actors-*.pickle"):  # superseded by edits
            if old != path:
                old.unlink(missing_ok=True)
    except OSError:
        pass


def _load(user_dictionary: str | None) -> Lexicon:
    d = _data_dir()
    lex = Lexicon()
    stop = {fold(a) for _, c in _rows(d / "stop.tsv") for a in c[:1]}
    for _, c in _rows(d / "places.tsv"):
        if fold(c[0]) not in stop:
            lex.add(c[0], Payload("place", c[0], iso=c[1], label=f"places:{c[0]}"))
    for fname in ("countries.tsv", "aliases.tsv"):
        for _, c in _rows(d / fname):
            kind = "demonym" if c[2].strip() == "demonym" else "country"
            name = uninvert(c[0])
            pay = Payload(kind, name, iso=c[1].strip(), label=f"countries:{c[0]}")
            lex.add(name, pay, override=fname == "aliases.tsv")
            if kind == "demonym":
                lex.demonyms.add(fold(c[0]))
    for _, c in _rows(d / "metonyms.tsv"):
        kind = "capital" if c[3].strip() == "capital" else "metonym"
        iso = c[1].strip()
        intl = iso if iso in INTL_CODES else None
        lex.add(
            c[0],
            Payload(
                kind,
                c[0],
                iso=None if intl else iso,
                intl=intl,
                sector=_opt(c[2]),
                label=f"metonyms:{c[0]}",
            ),
        )
    for _, c in _rows(d / "weapons.tsv"):
        for form in _plurals(c[0].strip().lower()):
            lex.weapons.add(fold(form))
    for fname, override in (("agents.tsv", False), ("agents_extra.tsv", True)):
        for _, c in _rows(d / fname):
            sector = SECTOR_MAP.get(c[1].strip(), c[1].strip()) or None
            last = fold(c[0].strip().split()[-1]) if c[0].strip() else ""
            if sector not in SECTORS or last in lex.weapons or last in FUNCTION_WORDS:
                continue
            for form in _plurals(c[0].strip().lower()):
                tag = "agents+" if override else "agents"  # agents+: curated, may stand alone
                pay = Payload("agent", form, sector=sector, label=f"{tag}:{c[0].strip()}")
                lex.add(form, pay, override=override)
                if sector in OFFICE_SECTORS and not form.startswith(FORMER):
                    _add_former(lex, form, c[0].strip(), curated=override)
    sources = [(d / "people.tsv", "phoenix")]
    sources += [(d / f, "supplement") for f in SUPPLEMENTS]
    if user_dictionary:
        p = Path(user_dictionary)
        if not p.is_file():
            raise ActorDictionaryError(f"user dictionary not found: {user_dictionary}")
        sources.append((p, "user"))
    surnames: dict[str, dict[str, list[Entry]]] = {}
    for path, source in sources:
        for entry, names in read_people(path, source):
            _add_entry(lex, entry, names, stop)
            tail = alias_key(entry.name)[-1:] if entry.kind == "person" else ()
            if tail and len(tail[0]) > 3 and tail[0].isalpha() and tail[0] not in stop:
                surnames.setdefault(tail[0], {}).setdefault(entry.name.lower(), []).append(entry)
    lex.family = set(surnames)
    # A surname names one person only if exactly one dictionary person carries it.
    lex.surnames = {k: next(iter(v.values())) for k, v in surnames.items() if len(v) == 1}
    return lex


def _add_entry(lex: Lexicon, entry: Entry, names: list[str], stop: set[str]) -> None:
    if entry.kind == "person":
        kind = "person"
    elif entry.country is None and entry.intl in IGO_CODES:
        kind = "igo"
    else:
        kind = "group"
    for alias in names:
        if fold(alias) in stop:
            continue
        lex.add(alias, Payload(kind, alias, entries=[entry]))
