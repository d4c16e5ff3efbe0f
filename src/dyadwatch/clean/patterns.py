"""Loads the editable pattern files in data/clean/ (see the README there)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from urllib.parse import urlsplit

_BULLET = re.compile(r"^[-–•*·]\s+")


@dataclass(frozen=True)
class LineRule:
    reason: str
    where: str  # "any"; "head": before the first paragraph; "run": head, 2+ matching lines in a row
    rx: re.Pattern[str]


@dataclass(frozen=True)
class Patterns:
    lines: tuple[LineRule, ...]
    end_markers: tuple[LineRule, ...]
    credits: tuple[re.Pattern[str], ...]
    agencies: dict[str, str]  # lower-cased alias -> canonical agency
    outlets: dict[str, str]  # domain -> outlet
    outlet_cues: tuple[tuple[str, re.Pattern[str]], ...]
    non_places: frozenset[str] = frozenset()  # upper-case words that are not a dateline place

    def line_rule(self, line: str, head: bool) -> LineRule | None:
        """First rule matching the line, or the line without a list bullet ("- Print")."""
        unbulleted = _BULLET.sub("", line)
        for rule in self.lines:
            if (rule.where == "any" or head) and (
                rule.rx.fullmatch(line) or rule.rx.fullmatch(unbulleted)
            ):
                return rule
        return None

    def end_marker(self, line: str) -> bool:
        return any(rule.rx.fullmatch(line) for rule in self.end_markers)

    def outlet_for_url(self, url: str | None) -> str | None:
        if not url:
            return None
        host = (urlsplit(url if "//" in url else "//" + url).hostname or "").lower()
        parts = host.removeprefix("www.").split(".")
        for i in range(len(parts) - 1):
            outlet = self.outlets.get(".".join(parts[i:]))
            if outlet:
                return outlet
        return None

    def site_names(self, url: str | None, sitename: str | None = None) -> set[str]:
        """Names a page title may carry as a suffix: outlets, the site name, the host."""
        names = {o.casefold() for o in self.outlets.values()}
        host = (urlsplit(url if url and "//" in url else "//" + (url or "")).hostname or "").lower()
        if host:
            bare = host.removeprefix("www.")
            names.update({host, bare, bare.split(".")[0]})
        if sitename:
            names.add(sitename.casefold())
        return names

    def outlet_from_text(self, text: str) -> str | None:
        for outlet, rx in self.outlet_cues:
            m = rx.search(text)
            if m:
                return m.group("outlet").strip() if "outlet" in rx.groupindex else outlet
        return None


def _rows(text: str) -> list[list[str]]:
    rows = []
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        rows.append([f.strip() for f in line.split("\t")])
    return rows


def _read(folder: Path | None, name: str) -> str:
    if folder is not None and (folder / name).is_file():
        return (folder / name).read_text(encoding="utf-8")
    return resources.files("dyadwatch").joinpath(f"data/clean/{name}").read_text(encoding="utf-8")


def _compile(rx: str, name: str, flags: int) -> re.Pattern[str]:
    try:
        return re.compile(rx, flags)
    except re.error as exc:
        raise ValueError(f"bad regex in data/clean/{name}: {rx!r}: {exc}") from exc


@lru_cache(maxsize=4)
def load_patterns(folder: str | None = None) -> Patterns:
    """Packaged pattern files, each replaced by a same-named file in ``folder`` if present."""
    base = Path(folder) if folder else None
    ic = re.IGNORECASE

    def rules(name: str) -> tuple[LineRule, ...]:
        out = []
        for row in _rows(_read(base, name)):
            reason, where, rx = row if len(row) == 3 else (row[0], "any", row[-1])
            out.append(LineRule(reason, where, _compile(rx, name, ic)))
        return tuple(out)

    agencies: dict[str, str] = {}
    for row in _rows(_read(base, "agencies.tsv")):
        aliases = [row[0], *(a.strip() for a in ",".join(row[1:]).split(",") if a.strip())]
        agencies.update({a.lower(): row[0] for a in aliases})
    return Patterns(
        lines=rules("lines.tsv"),
        end_markers=rules("end_markers.tsv"),
        credits=tuple(_compile(r[0], "credits.tsv", 0) for r in _rows(_read(base, "credits.tsv"))),
        agencies=agencies,
        outlets={r[0].lower(): r[1] for r in _rows(_read(base, "outlets.tsv")) if len(r) > 1},
        outlet_cues=tuple(
            (r[0], _compile(r[1], "outlet_cues.tsv", re.MULTILINE))
            for r in _rows(_read(base, "outlet_cues.tsv"))
            if len(r) > 1
        ),
        non_places=frozenset(r[0].casefold() for r in _rows(_read(base, "dateline_words.txt"))),
    )
