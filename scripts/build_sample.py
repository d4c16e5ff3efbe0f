#!/usr/bin/env python3
"""Rebuild corpus/sample/wh-2022-2023.jsonl from ../shared/corpus/wh-briefings.

The White House corpus is Markdown with YAML front matter. The sample is plain
text (one JSON object per line) so every JSONL reader can use it without a
Markdown step. Selection is deterministic (see ``select``) and documented in
corpus/sample/PROVENANCE.md, which this script rewrites with counts and sha256.

    python scripts/build_sample.py [--corpus ../shared/corpus/wh-briefings] [--budget 2500000]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "wh-briefings"
OUT_DIR = ROOT / "corpus" / "sample"
OUT_NAME = "wh-2022-2023.jsonl"
OUTLET = "White House"

# --- Markdown to plain text ------------------------------------------------------

_STRIKE = re.compile(r"<s>.*?</s>", re.S)  # WH transcripts strike words the speaker corrected
_CELL_END = re.compile(r"</t[dh]>", re.I)
_ROW_END = re.compile(r"</tr>", re.I)
_TAG = re.compile(r"</?[a-zA-Z][^<>]*>")
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_LINK = re.compile(r"(?<!\\)\[((?:[^\]\\]|\\.)*)\]\([^)\s]*(?:\s+\"[^\"]*\")?\)")
_BOLD = re.compile(r"\*\*(.+?)\*\*", re.S)
_ITALIC = re.compile(r"(?<![\\*\w])\*(?!\s)([^*\n]+?)\*(?!\*)")
_HEADER = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+", re.M)
_BULLET = re.compile(r"^[ \t]*[-+*][ \t]+", re.M)
_QUOTE = re.compile(r"^[ \t]*>[ \t]?", re.M)
_RULE = re.compile(r"^[ \t]*(?:[-*_][ \t]*){3,}$", re.M)
_STARS = re.compile(r"(?<!\\)\*{2,}")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!<>|~\"'$&:;=?@^ ])")
_SPACES = re.compile(r"[ \t\u00a0\u2009\u202f]+")
_END_MARK = re.compile(r"\n*(?:#[ \t]*){3}$")


def md_to_text(body: str) -> str:
    """Light Markdown/HTML removal that keeps the words and the paragraph breaks."""
    body = _STRIKE.sub("", body)
    body = _CELL_END.sub(" ", body)
    body = _ROW_END.sub("  \n", body)
    body = _TAG.sub("", body)
    body = _IMAGE.sub("", body)
    body = _LINK.sub(r"\1", body)
    body = _RULE.sub("", body)
    body = _BOLD.sub(r"\1", body)
    body = _ITALIC.sub(r"\1", body)
    body = _STARS.sub("", body)
    body = _HEADER.sub("", body)
    body = _QUOTE.sub("", body)
    body = _BULLET.sub("- ", body)
    text = _unwrap(body)
    text = _ESCAPE.sub(r"\1", text)
    text = _END_MARK.sub("", text.strip())
    return text.strip()


def _unwrap(body: str) -> str:
    """Join soft-wrapped lines; keep Markdown hard breaks (2+ trailing spaces) and paragraphs."""
    paras: list[str] = []
    lines: list[str] = []
    for raw in body.split("\n"):
        if not raw.strip():
            if lines:
                paras.append("".join(lines).strip())
                lines = []
            continue
        hard = raw.endswith("  ") or raw.endswith("\\")
        line = _SPACES.sub(" ", raw.rstrip("\\").strip())
        lines.append(line + ("\n" if hard else " "))
    if lines:
        paras.append("".join(lines).strip())
    out = "\n\n".join(p for p in paras if p)
    return re.sub(r" *\n *", "\n", out)


def clean_title(title: str) -> str:
    """YAML already turned ``\\_`` into a no-break space; handle raw strings the same way."""
    title = title.replace("\\_", " ")
    return _SPACES.sub(" ", _ESCAPE.sub(r"\1", title)).strip()


def split_front_matter(raw: str) -> tuple[dict[str, object], str]:
    if not raw.startswith("---"):
        return {}, raw
    end = raw.find("\n---", 3)
    if end < 0:
        return {}, raw
    meta = yaml.safe_load(raw[3:end]) or {}
    return (meta if isinstance(meta, dict) else {}), raw[end + 4 :]


# --- excerpts of long press briefings -------------------------------------------------

_SPEAKER = re.compile(r"^(?:Q\b|[A-Z][A-Z.,’'\- ]{1,60}:)")
IRAN = re.compile(r"\bIran(?:ian|ians|'s|’s)?\b")
RUSSIA = re.compile(r"\bRussia(?:n|ns|'s|’s)?\b")
UKRAINE = re.compile(r"\bUkrain(?:e|ian|ians|e's|e’s)\b")
GAP = "[...]"


def turns(text: str) -> list[list[str]]:
    """Group paragraphs into speaker turns ('Q', 'MR. KIRBY:' ... up to the next label)."""
    out: list[list[str]] = []
    for para in text.split("\n\n"):
        if _SPEAKER.match(para) or not out:
            out.append([para])
        else:
            out[-1].append(para)
    return out


def excerpt(text: str, pattern: re.Pattern[str]) -> str:
    """Keep the turns that match ``pattern`` and the question just before each, in order."""
    ts = turns(text)
    keep: set[int] = set()
    for i, t in enumerate(ts):
        if any(pattern.search(p) for p in t):
            keep.add(i)
            if i > 0 and ts[i - 1][0].startswith("Q"):
                keep.add(i - 1)
    parts: list[str] = []
    last = -1
    for i in sorted(keep):
        if parts and i != last + 1:
            parts.append(GAP)
        parts.append("\n\n".join(ts[i]))
        last = i
    return "\n\n".join(parts)


# --- selection ------------------------------------------------------------------


@dataclass
class Item:
    path: str
    date: str
    tags: str
    flags: tuple[bool, bool, bool]  # russia, ukraine, iran
    chars: int = 0

    @property
    def iran_russia(self) -> bool:
        return self.flags[0] and self.flags[2]

    @property
    def russia_ukraine(self) -> bool:
        return self.flags[0] and self.flags[1]


def read_index(corpus: Path) -> list[Item]:
    items = []
    with (corpus / "INDEX.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            flags = (bool(r["russia"]), bool(r["ukraine"]), bool(r["iran"]))
            items.append(Item(r["path"], r["date"], r["tags"], flags, int(r.get("chars") or 0)))
    return sorted(items, key=lambda it: (it.date, it.path))


def tiers(items: list[Item]) -> Iterator[tuple[str, Item]]:
    """Candidates in priority order; each is ('full' | 'excerpt', item).

    1. statements & releases flagged Iran and Russia, whole, by date;
    2. press briefings flagged Iran and Russia, as excerpts (see ``excerpt``), by date;
    3. statements & releases flagged Russia and Ukraine (not Iran), whole: one per month in
       turn (shortest first within a month) so every month of 2022-2023 is represented.
    """
    st = [i for i in items if i.tags == "statements-releases"]
    pb = [i for i in items if i.tags == "press-briefings"]
    yield from (("full", i) for i in st if i.iran_russia)
    yield from (("excerpt", i) for i in pb if i.iran_russia)
    rest = [i for i in st if i.russia_ukraine and not i.iran_russia]
    yield from (("full", i) for i in round_robin_by_month(rest))


def round_robin_by_month(items: list[Item]) -> Iterator[Item]:
    months: dict[str, list[Item]] = {}
    for it in sorted(items, key=lambda i: (i.chars, i.path)):
        months.setdefault(it.date[:7], []).append(it)
    queues = [months[m] for m in sorted(months)]
    for rank in range(max((len(q) for q in queues), default=0)):
        for q in queues:
            if rank < len(q):
                yield q[rank]


def load_record(corpus: Path, item: Item, mode: str) -> dict[str, str] | None:
    meta, body = split_front_matter((corpus / item.path).read_text(encoding="utf-8"))
    text = md_to_text(body)
    if mode == "excerpt":
        text = excerpt(text, IRAN)
    if len(text.split()) < 40:
        return None
    return {
        "id": item.path,
        "url": str(meta.get("source_url") or ""),
        "title": clean_title(str(meta.get("title") or "")),
        "published": str(meta.get("date") or item.date),
        "outlet": OUTLET,
        "text": text,
    }


def select(corpus: Path, budget: int, max_doc: int) -> Iterator[tuple[str, dict[str, str]]]:
    """Fill ``budget`` bytes in tier order, skipping items larger than ``max_doc`` bytes.

    The source holds a few items twice under two dates; a text already taken is skipped
    (compared whitespace-collapsed and casefolded, as dyadwatch derives its doc_id).
    """
    used = 0
    seen: set[str] = set()
    for mode, item in tiers(read_index(corpus)):
        rec = load_record(corpus, item, mode)
        if rec is None:
            continue
        key = hashlib.sha1(" ".join(rec["text"].split()).casefold().encode()).hexdigest()
        if key in seen:
            continue
        seen.add(key)
        size = len(_line(rec))
        if size > max_doc or used + size > budget:
            continue
        used += size
        yield mode, rec


def _line(rec: dict[str, str]) -> bytes:
    return (json.dumps(rec, ensure_ascii=False) + "\n").encode("utf-8")


# --- output -----------------------------------------------------------------------


def write(records: Iterable[tuple[str, dict[str, str]]], out: Path) -> dict[str, object]:
    """Write the chosen records in (published, id) order and count what the sample holds."""
    out.parent.mkdir(parents=True, exist_ok=True)
    records = sorted(records, key=lambda mr: (mr[1]["published"], mr[1]["id"]))
    stats: dict[str, int] = {
        "docs": 0,
        "full": 0,
        "excerpt": 0,
        "iran_russia": 0,
        "russia_ukraine": 0,
        "words": 0,
    }
    with out.open("wb") as fh:
        for mode, rec in records:
            fh.write(_line(rec))
            stats["docs"] += 1
            stats[mode] += 1
            t = rec["text"]
            stats["words"] += len(t.split())
            stats["iran_russia"] += bool(IRAN.search(t) and RUSSIA.search(t))
            stats["russia_ukraine"] += bool(RUSSIA.search(t) and UKRAINE.search(t))
    data = out.read_bytes()
    return {**stats, "bytes": len(data), "sha256": hashlib.sha256(data).hexdigest()}


PROVENANCE = """# Sample corpus: provenance

`{name}` — {docs} White House items (2022–2023) that mention Russia, Ukraine or Iran,
as plain-text JSONL (one article per line: `id`, `url`, `title`, `published`, `outlet`, `text`).
`make demo` ingests it. Rebuild with `python scripts/build_sample.py` (needs `../shared`).

## Source

- Repository: [brian14708/wh-briefings](https://github.com/brian14708/wh-briefings),
  commit `{commit}` (copied read-only in `../shared/corpus/wh-briefings`).
- Items are archived pages of <https://bidenwhitehouse.archives.gov/briefing-room/>;
  `url` gives each item's page and `id` its path in the source repository.
- License: the source repository is released under CC0 1.0 (copied here as `LICENSE`), and
  the texts are works of the US government, not subject to copyright in the US (17 U.S.C. § 105).

## Selection (deterministic, `select` / `tiers` in scripts/build_sample.py)

Candidates come from the source `INDEX.jsonl` topic flags, in this order, until {budget:,} bytes of
JSONL are filled (items over {max_doc:,} bytes or under 40 words, and texts already taken, are
skipped):

1. statements & releases flagged both Iran and Russia, whole, by date;
2. press briefings flagged both Iran and Russia, **as excerpts**: only the speaker turns that name
   Iran, each with the reporter's question just before it; omitted turns are marked `[...]`;
3. statements & releases flagged Russia and Ukraine (not Iran), whole, one per month in turn
   (shortest first within a month), so every month is represented.

Lines are written in (`published`, `id`) order.

## Normalisation (`md_to_text`)

YAML front matter gives `title` (escapes such as `\\_` resolved), `published` (`date`) and `url`
(`source_url`). The Markdown body becomes plain text: `<s>…</s>` (words a speaker corrected) is
dropped, other HTML tags removed (table cells become spaces), links keep their text, emphasis
and heading marks, horizontal rules and the closing `###` are removed, backslash escapes
(`\\_`, `\\[`, `\\#` …) are resolved, soft-wrapped lines are joined (Markdown hard breaks and
paragraph breaks are kept), and runs of spaces collapse to one.

## Counts

| | |
|---|---|
| items | {docs} ({full} whole, {excerpt} briefing excerpts) |
| items mentioning both Iran and Russia | {iran_russia} |
| items mentioning both Russia and Ukraine | {russia_ukraine} |
| words (whitespace-separated) | {words:,} |
| bytes | {bytes:,} |
| sha256 of `{name}` | `{sha256}` |
"""


def write_provenance(folder: Path, stats: dict[str, object], name: str) -> None:
    (folder / "PROVENANCE.md").write_text(PROVENANCE.format(name=name, **stats), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--out", type=Path, default=OUT_DIR / OUT_NAME)
    ap.add_argument("--budget", type=int, default=2_500_000, help="bytes of JSONL (at most 5 MB)")
    ap.add_argument("--max-doc", type=int, default=60_000, help="skip single items above this")
    args = ap.parse_args(argv)
    if not (args.corpus / "INDEX.jsonl").is_file():
        print(f"error: no INDEX.jsonl under {args.corpus}", file=sys.stderr)
        return 2
    commit = (
        (args.corpus / "COMMIT").read_text().strip() if (args.corpus / "COMMIT").is_file() else "?"
    )
    stats = write(select(args.corpus, args.budget, args.max_doc), args.out)
    stats.update(commit=commit, budget=args.budget, max_doc=args.max_doc)
    if args.out.parent == OUT_DIR:
        write_provenance(OUT_DIR, stats, args.out.name)
        lic = args.corpus / "LICENSE"
        if lic.is_file():
            (OUT_DIR / "LICENSE").write_text(lic.read_text(encoding="utf-8"), encoding="utf-8")
    print(json.dumps(stats, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
