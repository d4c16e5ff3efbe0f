"""Document-level links between mentions: appositions, coreference and pronouns.

All of these only copy what an earlier, fuller mention already resolved.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path

from ..records import Actor, Mention
from .lexicon import fold, tokenize
from .tokens import Tok


def link_appositions(mentions: list[Mention], toks: list[Tok]) -> None:
    """ "Michael McFaul, the former US ambassador to Russia": the title phrase describes him."""
    by_head = {m.head: m for m in mentions}
    for m in mentions:
        t = toks[m.head]
        if t.dep != "appos":
            continue
        person = by_head.get(t.head)
        if person is None or person.actor.kind != "person" or m.actor.kind == "person":
            continue
        a, ctx = person.actor, m.actor
        if a.country or a.code or not (ctx.country or ctx.sector):
            continue
        a.country, a.sector, a.role = ctx.country, ctx.sector, a.role or ctx.role
        a.code = (ctx.country or "") + (ctx.sector or "") or None
        a.resolved_by, a.entry = "appositive", a.entry or "appositive"


def link_of_country(mentions: list[Mention], toks: list[Tok]) -> None:
    """ "President Hassan of Tanzania": the state the text names wins over a dictionary row
    for the name (an old row for another Hassan)."""
    by_start = {m.token_start: m for m in mentions}
    for m in mentions:
        a = m.actor
        state = by_start.get(m.token_end + 1)
        if a.kind != "person" or state is None or m.token_end >= len(toks):
            continue
        if toks[m.token_end].norm != "of" or state.actor.kind != "state":
            continue
        if state.actor.country and state.actor.country != a.country:
            a.country, a.code = state.actor.country, state.actor.country + (a.sector or "")
            a.resolved_by = "appositive"


def corefer(mentions: list[Mention], toks: list[Tok]) -> list[Mention]:
    """Short mentions of a person take the fullest mention of that surname in the document.

    "Kirby" -> "John Kirby" (also a headline "Pence" before "Mike Pence"); "the envoy" ->
    the last person whose role ends in "envoy".
    """
    fullest: dict[str, Actor] = {}
    for m in mentions:
        a = m.actor
        words = _name_words(a)
        if words and _richer(a, fullest.get(words[-1])):
            fullest[words[-1]] = a
    people: list[Actor] = []
    for m in mentions:
        a = m.actor
        if a.kind == "group" and a.country is None and a.role and m.token_start > 0:
            prior = _described(a, people, toks[m.token_start - 1].norm)
            if prior is not None:
                m.actor = _copy(prior, a, "coreference")
            continue
        words = _name_words(a)
        if not words:
            continue
        best = fullest[words[-1]]
        short = m.token_end - m.token_start <= 2 or len(words) == 1
        if best is not a and short and set(words) <= set(_name_words(best)):
            m.actor = _copy(best, a, "coreference")
        people.append(m.actor)
    return mentions


def _name_words(a: Actor) -> list[str]:
    if a.kind != "person" or not a.name:
        return []
    return [fold(w) for w in tokenize(a.name) if w.isalpha()]


def _richer(a: Actor, b: Actor | None) -> bool:
    """Is ``a`` a better representative of the person than ``b`` (first wins ties)?"""
    if b is None:
        return True

    def score(x: Actor) -> tuple[int, int, int]:
        return (len(_name_words(x)), x.resolved_by != "ner", bool(x.country or x.code))

    return score(a) > score(b)


def _described(a: Actor, people: list[Actor], before: str) -> Actor | None:
    """'the spokesman' after "... spokesman John Kirby", 'the Prime Minister' after "Prime
    Minister Rishi Sunak": the same person."""
    role = fold(a.role or "").split()
    if before != "the" or not role or role[-1].endswith("s"):
        return None
    for p in reversed(people):
        if p.role and fold(p.role).split()[-len(role) :] == role:
            return p
    return None


def _copy(prior: Actor, here: Actor, how: str) -> Actor:
    return prior.model_copy(
        update={"text": here.text, "start": here.start, "end": here.end, "resolved_by": how}
    )


@lru_cache(maxsize=1)
def first_names() -> dict[str, str]:
    """First name -> 'f' / 'm' from data/actors/first_names.tsv (a hint, never decisive)."""
    path = Path(str(resources.files("dyadwatch").joinpath("data/actors/first_names.tsv")))
    out: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) >= 2 and not line.startswith("#") and parts[1].strip() in ("f", "m"):
            out[fold(parts[0].strip())] = parts[1].strip()
    return out


def gender(a: Actor) -> str | None:
    words = [w for w in tokenize(a.name or "") if w.isalpha()]
    return first_names().get(fold(words[0])) if len(words) > 1 else None
