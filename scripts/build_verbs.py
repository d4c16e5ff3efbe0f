"""Derive lemma-level verb patterns from the Phoenix CAMEO verb dictionary.

Reads ``CAMEO.2.0.txt`` (PETRARCH format, MIT licence) and writes three TSV files into
``src/dyadwatch/data/events/``:

* ``cameo_verbs.tsv``     verb lemma, particle, block, default CAMEO code
* ``cameo_patterns.tsv``  block, words before the verb, words after it, prepositions, CAMEO code
* ``cameo_synsets.tsv``   synonym-set name (``&WEAPON``) and member word

Patterns belong to a verb block and apply to every verb in it, as in PETRARCH.
Usage: ``python scripts/build_verbs.py [/path/to/CAMEO.2.0.txt]``.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SRC = ROOT.parent / "shared" / "reference" / "phoenix" / "CAMEO.2.0.txt"
OUT = ROOT / "src" / "dyadwatch" / "data" / "events"

BLOCK = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]\s+---")
CODE = re.compile(r"\[([^\]]*)\]")
HEADER = (
    "# Derived by scripts/build_verbs.py from Phoenix CAMEO.2.0.txt "
    "(MIT, Open Event Data Alliance)\n"
)


def _code(raw: str) -> str:
    """'062:062' -> '062'; '---' -> '' (no event)."""
    code = raw.split(":")[0].strip()
    return "" if code.startswith("-") else code


def _word(w: str) -> str:
    return w.strip().strip("_").replace("_", " ").lower()


def parse_pattern(body: str) -> tuple[str, str, str]:
    """'pre * OBJ (TO X)' -> (pre words, post words, preps); words space-separated."""
    body = body.replace("$", " ").replace("+", " ").replace("%", " ")
    pre, _, post = body.partition("*")
    preps: list[str] = []
    for m in re.finditer(r"\(([^)]*)\)", post):
        parts = m.group(1).replace("{", " ").replace("}", " ").split()
        if parts:
            preps.append(parts[0].lower())
    flat = re.sub(r"[(){}]", " ", post)
    post_words = [_word(w) for w in flat.split() if w.lower() not in preps or w.startswith("&")]
    pre_words = [_word(w) for w in re.sub(r"[(){}]", " ", pre).split()]
    return " ".join(pre_words), " ".join(w for w in post_words if w), " ".join(preps)


def build(src: Path) -> tuple[list[str], list[str], list[str]]:
    verbs: list[str] = []
    patterns: list[str] = []
    synsets: list[str] = []
    block = ""
    block_code = ""
    synset = ""
    in_verbs = False
    for raw in src.read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if raw.startswith("####### VERB PATTERNS"):
            in_verbs = True
            continue
        if raw.startswith("######## TRANSFORMATIONS"):
            break
        if not line.strip():
            continue
        if not in_verbs:
            if line.startswith("&"):
                synset = line.strip().rstrip("_").lower()
            elif line.startswith("+") and synset:
                synsets.append(f"{synset}\t{_word(line[1:])}")
            continue
        m = BLOCK.match(line)
        if m:
            block, block_code = m.group(1).lower(), _code(m.group(2))
            continue
        if line.startswith("-"):
            cm = CODE.search(line)
            if not cm or not block:
                continue
            pre, post, preps = parse_pattern(line[1 : cm.start()])
            patterns.append(f"{block}\t{pre}\t{post}\t{preps}\t{_code(cm.group(1))}")
            continue
        head = re.sub(r"\{[^}]*\}", " ", line).strip()
        cm = CODE.search(head)
        own = _code(cm.group(1)) if cm else block_code
        head = CODE.sub(" ", head).strip()
        if not head or not block:
            continue
        parts = head.lstrip("+").lower().split("_")
        lemma, particle = parts[0], " ".join(p for p in parts[1:] if p)
        if lemma.isalpha():
            verbs.append(f"{lemma}\t{particle}\t{block}\t{own}")
    return verbs, patterns, synsets


def main() -> None:
    src = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SRC
    verbs, patterns, synsets = build(src)
    OUT.mkdir(parents=True, exist_ok=True)
    files = {
        "cameo_verbs.tsv": ("lemma\tparticle\tblock\tcameo", verbs),
        "cameo_patterns.tsv": ("block\tpre\tpost\tpreps\tcameo", patterns),
        "cameo_synsets.tsv": ("synset\tword", synsets),
    }
    for name, (cols, rows) in files.items():
        uniq = list(dict.fromkeys(rows))
        (OUT / name).write_text(HEADER + cols + "\n" + "\n".join(uniq) + "\n", encoding="utf-8")
        print(f"{name}: {len(uniq)} rows")


if __name__ == "__main__":
    main()
