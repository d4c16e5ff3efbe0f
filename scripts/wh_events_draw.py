"""Draw candidate sentences for the wh-events set from the White House corpus (CC0).

Documents that the realnews dev set draws from are excluded; only the dev file's `source_file`
field is read, never its sentences. Fixed seed: rerunning gives the same 480 candidates.

    python scripts/wh_events_draw.py ../shared wh-events-work
"""

from __future__ import annotations

import json
import random
import re
import sys
from pathlib import Path

SEED = 20261130
N = 480
INTL = re.compile(
    r"\b(Russia|Ukrain|China|Chinese|Iran|Israel|Japan|Korea|India|Mexic|Canad|German|France|"
    r"French|British|Kingdom|Saudi|Turk|Syria|Afghan|Taiwan|Venezuel|Cuba|NATO|United Nations|"
    r"European Union|Brazil|Africa|Philippin|Pakistan|Iraq|Yemen|Houthi|Hamas|Hezbollah|Taliban|"
    r"Poland|Polish|Italy|Egypt|Jordan|Qatar|Emirates|Vietnam|Indonesia|Australia|Haiti|"
    r"Guatemala|Honduras|Colombia|Ethiopia|Sudan|Somalia|Niger|Belarus|Moldova|Georgia|Armenia|"
    r"Azerbaijan|Kosovo|Serbia)",
    re.I,
)


def sentences(text: str) -> list[tuple[str, str]]:
    """(previous sentence, sentence) pairs of a briefing's body, markdown stripped."""
    body = text.split("---", 2)[-1]
    out = []
    for raw in re.split(r"\n\s*\n", body):
        para = re.sub(r"\s+", " ", raw.replace("**", "").replace("\\_", "_")).strip()
        para = re.sub(r"^[-*] ", "", para)
        if len(para) < 40:
            continue
        prev = ""
        for s in re.split(r"(?<=[.!?])\s+(?=[A-Z“\"])", para):
            out.append((prev, s))
            prev = s
    return out


def main(shared: Path, out_dir: Path) -> None:
    corpus = shared / "corpus/wh-briefings"
    dev = shared / "eval/realnews-events/dev.jsonl"
    dev_names = {Path(json.loads(x)["source_file"]).name for x in dev.open() if x.strip()}
    rows = [json.loads(x) for x in (corpus / "INDEX.jsonl").open()]
    rows = [r for r in rows if Path(r["path"]).name not in dev_names]
    rng = random.Random(SEED)
    rng.shuffle(rows)
    cands: list[dict] = []
    for r in rows:
        if not (r["russia"] or r["ukraine"] or r["iran"] or rng.random() < 0.35):
            continue
        pairs = [x for x in sentences((corpus / r["path"]).read_text()) if 60 <= len(x[1]) <= 400]
        if not pairs:
            continue
        hits = [x for x in pairs if INTL.search(x[1])]
        seen = set()
        for ctx, s in rng.sample(hits, min(2, len(hits))) + rng.sample(pairs, 1):
            if s not in seen:
                seen.add(s)
                cands.append({"id": f"wt-{len(cands) + 1:04d}",
                              "source_file": "corpus/wh-briefings/" + r["path"],
                              "published": r["date"], "context": ctx if len(ctx) < 400 else "",
                              "sentence": s})  # fmt: skip
        if len(cands) >= N:
            break
    out_dir.mkdir(parents=True, exist_ok=True)
    for i in range(4):
        lines = "".join(json.dumps(c, ensure_ascii=False) + "\n" for c in cands[i::4])
        (out_dir / f"cand-{i + 1}.jsonl").write_text(lines, encoding="utf-8")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
