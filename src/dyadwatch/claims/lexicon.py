"""The cue lexicon: which words introduce attributed content, and with what stance.

The lexicon lives in an editable TSV (data/claims/cues.tsv) so users can add cues
or change stances without touching code; a user file in the same format can
replace or extend it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..data import data_path
from ..records import STANCES

KINDS = ("verb", "belief", "noun", "adj", "hedge", "prep", "adverb", "refute", "nocue")
DEFAULT_FRAME: tuple[str, ...] = ("ccomp", "xcomp", "dobj")


class LexiconError(ValueError):
    """A malformed cue lexicon line; the message names file and line."""


@dataclass(frozen=True)
class Cue:
    lemma: str
    stance: str
    kind: str
    frame: tuple[str, ...] = DEFAULT_FRAME


@dataclass
class Lexicon:
    verbs: dict[str, Cue] = field(default_factory=dict)  # single-word verbal cues
    phrasal: dict[tuple[str, str], Cue] = field(default_factory=dict)  # (verb, particle)
    preps: dict[tuple[str, ...], Cue] = field(default_factory=dict)  # ("according", "to")
    adverbs: dict[str, Cue] = field(default_factory=dict)
    nouns: dict[str, Cue] = field(default_factory=dict)  # "support for", "criticism of"
    adjs: dict[str, Cue] = field(default_factory=dict)  # "was critical of", "is concerned that"
    hedges: dict[str, Cue] = field(default_factory=dict)  # "X appears to ...": no source
    refute: dict[str, Cue] = field(default_factory=dict)
    nocue: set[str] = field(default_factory=set)  # never cues, even with a clause object

    def add(self, cue: Cue) -> None:
        words = tuple(cue.lemma.split())
        if cue.kind in ("verb", "belief"):
            if len(words) == 2:
                self.phrasal[(words[0], words[1])] = cue
            else:
                self.verbs[cue.lemma] = cue
        elif cue.kind == "prep":
            self.preps[words] = cue
        elif cue.kind == "adj":
            self.adjs[cue.lemma] = cue
        elif cue.kind == "hedge":
            self.hedges[cue.lemma] = cue
        elif cue.kind == "noun":
            self.nouns[cue.lemma] = cue
        elif cue.kind == "adverb":
            self.adverbs[cue.lemma] = cue
        elif cue.kind == "nocue":
            self.nocue.add(cue.lemma)
        else:
            self.refute[cue.lemma] = cue


def _parse_line(line: str, where: str) -> Cue | None:
    line = line.rstrip("\n")
    if not line.strip() or line.lstrip().startswith("#"):
        return None
    parts = line.split("\t")
    if len(parts) < 3:
        raise LexiconError(f"{where}: expected 'cue<TAB>stance<TAB>kind[<TAB>frame]'")
    lemma, stance, kind = (p.strip().lower() for p in parts[:3])
    if stance not in STANCES:
        raise LexiconError(f"{where}: unknown stance {stance!r}; use one of {', '.join(STANCES)}")
    if kind not in KINDS:
        raise LexiconError(f"{where}: unknown kind {kind!r}; use one of {', '.join(KINDS)}")
    frame = DEFAULT_FRAME
    if len(parts) > 3 and parts[3].strip():
        frame = tuple(x.strip().lower() for x in parts[3].split(",") if x.strip())
    return Cue(lemma, stance, kind, frame)


def load_lexicon(*paths: str | Path) -> Lexicon:
    """Packaged lexicon, then each extra file in order (later lines override)."""
    lex = Lexicon()
    files = [data_path("claims", "cues.tsv"), *(Path(p) for p in paths)]
    for path in files:
        if not path.is_file():
            raise FileNotFoundError(f"cue lexicon not found: {path}")
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            cue = _parse_line(line, f"{path}:{n}")
            if cue is not None:
                lex.add(cue)
    return lex
