"""Per-type event recall on the NGEC synthetic stories (training data, ../shared/train).

Each story is coded as its filled headline plus its first two sentences; a story counts as
recalled when the coder produces an event of the story's labelled PLOVER type. The split is
by headline template (zlib.crc32 of the template % 5 == 0 is held out): stories from one
template share wording, so a row split would leak the held-out phrasing into the mined part.

    python scripts/ngec_recall.py parse            # parse once, cache under /tmp/ngec_cache
    python scripts/ngec_recall.py score heldout    # per-type recall (mine | heldout | all)
    python scripts/ngec_recall.py misses mine ASSAULT  # lemma counts of missed stories

The labels are per-story pseudo-labels from prompting: noisy. This is a development aid for
the lexicon, never a quality figure for real news.
"""

from __future__ import annotations

import csv
import pickle
import re
import sys
import zlib
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
STORIES = ROOT.parent / "shared" / "train" / "ngec-synthetic" / "stories.csv"
CACHE = Path("/tmp/ngec_cache")
SENT = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'])")


def stories() -> list[dict[str, str]]:
    with STORIES.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def held_out(row: dict[str, str]) -> bool:
    return zlib.crc32(row["title"].encode("utf-8")) % 5 == 0


def text_of(row: dict[str, str]) -> str:
    title = row["prompt"].strip().splitlines()[0].strip().rstrip(".")
    body = " ".join(row["text"].split())
    return f"{title}.\n\n{' '.join(SENT.split(body)[:2])}"


def parse() -> None:
    from spacy.tokens import DocBin

    from dyadwatch.pipeline import Pipeline
    from dyadwatch.records import RawInput
    from dyadwatch.settings import Settings

    pipe = Pipeline(Settings(min_words=1))
    rows = stories()
    docs, metas = DocBin(store_user_data=True), []
    for i, row in enumerate(rows):
        raw = RawInput(input=f"ngec:{i}", content=text_of(row), published="2023-06-01")
        doc = next(iter(pipe.clean([raw])))
        if not hasattr(doc, "text"):
            metas.append(None)
            continue
        sdoc = pipe.parser(doc.text)
        mentions = pipe.actors.mentions(doc, sdoc)
        docs.add(sdoc)
        metas.append((doc, mentions))
    CACHE.mkdir(exist_ok=True)
    docs.to_disk(CACHE / "docs.spacy")
    (CACHE / "meta.pkl").write_bytes(pickle.dumps(metas))


def cached() -> list[tuple[int, Any, Any, Any]]:
    from spacy.tokens import DocBin

    from dyadwatch.nlp import load_model
    from dyadwatch.settings import Settings

    nlp = load_model(Settings().model)
    sdocs = iter(DocBin().from_disk(CACHE / "docs.spacy").get_docs(nlp.vocab))
    out = []
    for i, meta in enumerate(pickle.loads((CACHE / "meta.pkl").read_bytes())):
        if meta is not None:
            out.append((i, meta[0], next(sdocs), meta[1]))
    return out


def coded(split: str) -> list[tuple[dict[str, str], set[str], Any]]:
    from dyadwatch.events.coder import PloverCoder
    from dyadwatch.settings import Settings

    rows = stories()
    coder = PloverCoder(Settings())
    out = []
    for i, doc, sdoc, mentions in cached():
        row = rows[i]
        if split != "all" and held_out(row) != (split == "heldout"):
            continue
        types = {e.plover.type for e in coder(doc, sdoc, mentions)}
        out.append((row, types, sdoc))
    return out


def score(split: str) -> None:
    rows = coded("all")
    for part in ("mine", "heldout") if split == "both" else (split,):
        print(f"== {part}")
        _score([(r, t) for r, t, _ in rows if part == "all" or held_out(r) == (part == "heldout")])


def _score(rows: list[tuple[dict[str, str], set[str]]]) -> None:
    hit: Counter[str] = Counter()
    n: Counter[str] = Counter()
    pred: Counter[str] = Counter()
    for row, types in rows:
        n[row["label"]] += 1
        hit[row["label"]] += int(row["label"] in types)
        for t in types:
            pred[t] += 1
    for t in sorted(n):
        print(f"{t:10s} {hit[t]:4d}/{n[t]:4d} {hit[t] / n[t]:.3f}  (stories with {t}: {pred[t]})")
    print(f"{'ALL':10s} {sum(hit.values()):4d}/{sum(n.values()):4d} "
          f"{sum(hit.values()) / sum(n.values()):.3f}")  # fmt: skip


def misses(split: str, labels: list[str]) -> None:
    rows = coded(split)
    for label in labels:
        _misses(rows, label)


def _misses(rows: list[tuple[dict[str, str], set[str], Any]], label: str) -> None:
    """Lemma counts (verbs, nouns, adjectives) in missed stories of a type vs. all others."""
    inside: Counter[str] = Counter()
    other: Counter[str] = Counter()
    n_in = n_out = 0
    for row, types, sdoc in rows:
        lemmas = {
            f"{t.lemma_.lower()}/{t.pos_[0]}" for t in sdoc if t.pos_ in ("VERB", "NOUN", "ADJ")
        }
        if row["label"] == label and label not in types:
            inside.update(lemmas)
            n_in += 1
        elif row["label"] != label:
            other.update(lemmas)
            n_out += 1
    print(f"{n_in} missed {label} stories; {n_out} others")
    rank = sorted(inside, key=lambda w: -(inside[w] / n_in - other[w] / n_out))
    for w in rank[:60]:
        print(f"{w:24s} {inside[w]:4d} {inside[w] / n_in:.2f}  others {other[w] / n_out:.3f}")


if __name__ == "__main__":
    cmd = sys.argv[1] if len(sys.argv) > 1 else "score"
    if cmd == "parse":
        parse()
    elif cmd == "score":
        score(sys.argv[2] if len(sys.argv) > 2 else "heldout")
    elif cmd == "misses":
        misses(sys.argv[2], sys.argv[3:])
    else:
        sys.exit(f"unknown command {cmd!r}")
