"""Rebuild src/dyadwatch/data/nlp/lemma_exceptions.tsv.

spaCy's English rule lemmatizer strips "-ed"/"-ing" and keeps the first candidate its index
knows, so verbs whose lemma ends in "e" lose it when a shorter verb exists: "fined" -> "fin",
"waged" -> "wag", "staged" -> "stag", "hoped" -> "hop". For every verb lemma ending in "e" in
the event lexicons (verbs.tsv, cameo_verbs.tsv, cameo_patterns.tsv) this lists each past and
-ing form whose rule lemma is that verb without its "e".

    python scripts/build_lemma_exceptions.py
"""

from __future__ import annotations

from pathlib import Path

import spacy
from spacy.tokens import Doc

from dyadwatch.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
EVENTS = ROOT / "src" / "dyadwatch" / "data" / "events"
OUT = ROOT / "src" / "dyadwatch" / "data" / "nlp" / "lemma_exceptions.tsv"
HEADER = """# dyadwatch verb lemma exceptions (own work, CC BY-SA 4.0), built by
# scripts/build_lemma_exceptions.py: forms that spaCy's rule lemmatizer cuts to a wrong verb
# ("fined" -> "fin"); read by dyadwatch.nlp into the lemmatizer's exception table.
form\tlemma
"""


def lexicon_verbs() -> set[str]:
    out: set[str] = set()
    for name in ("verbs.tsv", "cameo_verbs.tsv", "cameo_patterns.tsv"):
        for line in (EVENTS / name).read_text(encoding="utf-8").splitlines():
            if line.startswith("#") or not line.strip():
                continue
            out.update(w.lower() for w in line.split("\t")[0].split("|") if w.isalpha())
    return out


def main() -> None:
    nlp = spacy.load(Settings().model)  # bare: without the exceptions this file adds
    lemmatizer = nlp.get_pipe("lemmatizer")
    rows = []
    for verb in sorted(v for v in lexicon_verbs() if v.endswith("e") and len(v) > 3):
        for form, tag in ((verb + "d", "VBD"), (verb[:-1] + "ing", "VBG")):
            doc = Doc(nlp.vocab, words=[form])
            doc[0].pos_, doc[0].tag_ = "VERB", tag
            if lemmatizer.rule_lemmatize(doc[0])[0] == verb[:-1]:
                rows.append(f"{form}\t{verb}\n")
    OUT.write_text(HEADER + "".join(rows), encoding="utf-8")
    print(f"wrote {len(rows)} rows to {OUT}")


if __name__ == "__main__":
    main()
