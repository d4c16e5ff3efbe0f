"""Loads the packaged event data: verb/noun patterns, CAMEO->PLOVER crosswalk, Goldstein scores.

All tables are plain text files in ``dyadwatch/data/events`` so they can be edited or
extended with a user file (``[events] user_patterns``, same columns as verbs.tsv).
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..data import data_path

MILITARY_WORDS = frozenset(
    [
        "military",
        "defense",
        "defence",
        "army",
        "troops",
        "soldiers",
        "weapons",
        "weapon",
        "arms",
        "missile",
        "missiles",
        "drone",
        "drones",
        "jets",
        "fighter",
        "pilots",
        "navy",
        "naval",
        "warship",
        "air",
        "force",
    ]
)


class PatternFileError(ValueError):
    """A pattern or crosswalk file could not be read."""


@dataclass(frozen=True)
class PloverCode:
    type: str
    mode: str | None
    context: tuple[str, ...]


@dataclass(frozen=True)
class VerbPattern:
    """A verb pattern: lemma (+particle), words before/after the verb, prepositions -> CAMEO."""

    pre: tuple[str, ...]
    post: tuple[str, ...]
    preps: tuple[str, ...]
    cameo: str  # "" = not an event
    particle: str = ""
    rank: int = 0  # 0 hand-written (user / verbs.tsv), 1 derived from CAMEO.2.0
    block: str = ""  # CAMEO.2.0 verb block the pattern came from

    @property
    def specificity(self) -> int:
        return len(self.pre) + len(self.post) + len(self.preps) + (1 if self.particle else 0)

    def matches(self, parts: set[str], pre: set[str], post: set[str], preps: set[str]) -> bool:
        """Bags hold words plus the '&set' names their words belong to (Lexicon.expand)."""
        if self.particle and self.particle not in parts:
            return False
        return (
            post.issuperset(self.post) and preps.issuperset(self.preps) and pre.issuperset(self.pre)
        )


@dataclass(frozen=True)
class NounPattern:
    modifiers: tuple[frozenset[str], ...]
    cameo: str
    confidence: float
    excluded: frozenset[str] = frozenset()  # '!a|b': none may occur ("cardiac arrest")

    def matches(self, mods: set[str]) -> bool:
        """Every required group meets the noun's left modifiers and no excluded word does."""
        return self.excluded.isdisjoint(mods) and all(
            not g.isdisjoint(mods) for g in self.modifiers
        )


@dataclass
class Lexicon:
    crosswalk: dict[str, PloverCode] = field(default_factory=dict)
    goldstein: dict[str, float] = field(default_factory=dict)
    verbs: dict[str, list[VerbPattern]] = field(default_factory=lambda: defaultdict(list))
    nouns: dict[str, list[NounPattern]] = field(default_factory=lambda: defaultdict(list))
    synsets: dict[str, frozenset[str]] = field(default_factory=dict)
    weapons: dict[str, str] = field(default_factory=dict)
    word_sets: dict[str, frozenset[str]] = field(default_factory=dict)  # word -> '&set' names
    mode_cues: dict[str, list[tuple[str, frozenset[str]]]] = field(default_factory=dict)

    def plover(self, cameo: str) -> PloverCode | None:
        """Most specific crosswalk entry for a CAMEO code (falls back to parents)."""
        code = cameo
        while code:
            if code in self.crosswalk:
                return self.crosswalk[code]
            code = code[:-1] if len(code) > 2 else ""
        return None

    def goldstein_for(self, cameo: str) -> float | None:
        code = cameo
        while code:
            if code in self.goldstein:
                return self.goldstein[code]
            code = code[:-1]
        return None

    def expand(self, bag: set[str]) -> set[str]:
        """The bag plus the names of the synonym sets its words belong to."""
        out = set(bag)
        for w in bag:
            names = self.word_sets.get(w) or self.word_sets.get(w.rstrip("s"))
            if names:
                out |= names
        return out

    def in_set(self, word: str, name: str) -> bool:
        """Does ``word`` belong to synonym set ``name`` (e.g. '&weapon')?"""
        members = self.synsets.get(name)
        if members is None:
            return word == name.lstrip("&")
        return word in members or word.rstrip("s") in members


def _rows(path: Path) -> list[list[str]]:
    """Tab-separated rows without comments and header."""
    if not path.is_file():
        raise PatternFileError(f"event data file not found: {path}")
    out = []
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if not ln.startswith("#")]
    for i, row in enumerate(csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)):
        if i == 0 or not any(c.strip() for c in row):
            continue
        out.append([c.strip() for c in row])
    return out


CROSS_LINE = re.compile(r"^(\d+):\s*([A-Z]+)\s*,([^,#]*),?([^#]*)")


def load_crosswalk(path: Path, table: dict[str, PloverCode]) -> None:
    for line in path.read_text(encoding="utf-8").splitlines():
        m = CROSS_LINE.match(line.strip())
        if not m:
            continue
        code, typ, mode, ctx = m.groups()
        contexts = tuple(c.strip() for c in ctx.split(";") if c.strip())
        table[code] = PloverCode(typ, mode.strip() or None, contexts)


def _words(cell: str) -> tuple[str, ...]:
    return tuple(w for w in cell.lower().split() if w)


def load_verbs(lex: Lexicon, hand: list[Path], derived: Path, derived_patterns: Path) -> None:
    for path in hand:
        for row in _rows(path):
            row += [""] * (5 - len(row))
            lemma, particle, post, preps, cameo = row[:5]
            cells = _words(post)  # '<word': among the words just before the verb
            before = tuple(w[1:] for w in cells if w.startswith("<"))
            after = tuple(w for w in cells if not w.startswith("<"))
            pat = VerbPattern(before, after, _words(preps), cameo, particle.lower(), 0)
            for verb in lemma.lower().split("|"):  # 'call|describe|label': one row, several verbs
                lex.verbs[verb].append(pat)
    blocks: dict[str, list[tuple[str, str, str, str]]] = defaultdict(list)
    for row in _rows(derived_patterns):
        row += [""] * (5 - len(row))
        blocks[row[0]].append((row[1], row[2], row[3], row[4]))
    for row in _rows(derived):
        row += [""] * (4 - len(row))
        lemma, particle, block, cameo = row[:4]
        pats = lex.verbs[lemma]
        for pre, post, preps, code in blocks.get(block, []):
            pats.append(
                VerbPattern(_words(pre), _words(post), _words(preps), code, particle, 1, block)
            )
        pats.append(VerbPattern((), (), (), cameo, particle, 1, block))


def load_nouns(lex: Lexicon, path: Path) -> None:
    for row in _rows(path):
        row += [""] * (4 - len(row))
        head, mods, cameo, conf = row[:4]
        groups = tuple(frozenset(g.split("|")) for g in mods.split() if g and g[0] != "!")
        excluded = frozenset(w for g in mods.split() if g[0] == "!" for w in g[1:].split("|"))
        pat = NounPattern(groups, cameo, float(conf or 0.6), excluded)
        lex.nouns[head.lower()].append(pat)


def load_lexicon(user_patterns: str | None = None) -> Lexicon:
    """Read every table; a user pattern file (verbs.tsv columns) takes precedence."""
    return _load(user_patterns)


def event_words() -> frozenset[str]:
    """Lemmas of the verbs and nouns that code an event (the headline mend lower-cases them)."""
    lex = load_lexicon()
    verbs = (k for k, pats in lex.verbs.items() if any(p.cameo for p in pats))
    return frozenset([*verbs, *lex.nouns])


@lru_cache(maxsize=4)
def _load(user_patterns: str | None) -> Lexicon:
    base = data_path("events")
    lex = Lexicon()
    load_crosswalk(base / "cameo2plover.txt", lex.crosswalk)
    load_crosswalk(base / "crosswalk_extra.txt", lex.crosswalk)
    for row in _rows(base / "goldstein.tsv"):
        lex.goldstein[row[0]] = float(row[1])
    synsets: dict[str, set[str]] = defaultdict(set)
    for row in _rows(base / "cameo_synsets.tsv"):
        synsets[row[0]].add(row[1])
    for row in _rows(base / "weapons.tsv"):
        lex.weapons[row[0].lower()] = row[1] if len(row) > 1 else "generic"
        synsets["&weapon"].add(row[0].lower())
    lex.synsets = {k: frozenset(v) for k, v in synsets.items()}
    rev: dict[str, set[str]] = defaultdict(set)
    for name, words in synsets.items():
        for w in words:
            rev[w].add(name)
    lex.word_sets = {w: frozenset(n) for w, n in rev.items()}
    hand = [Path(user_patterns)] if user_patterns else []
    load_verbs(
        lex,
        [*hand, base / "verbs.tsv"],
        base / "cameo_verbs.tsv",
        base / "cameo_patterns.tsv",
    )
    load_nouns(lex, base / "nouns.tsv")
    for row in _rows(base / "modes.tsv"):
        lex.mode_cues.setdefault(row[0], []).append((row[1], frozenset(row[2].lower().split())))
    for lemma, pats in lex.verbs.items():  # best first: hand-written, specific, own block
        uniq = list(dict.fromkeys(pats))
        uniq.sort(key=lambda p: (p.rank, -p.specificity, p.block != lemma))
        lex.verbs[lemma] = uniq
    return lex
