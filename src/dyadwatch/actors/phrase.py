"""Bare phrases (no parse): one noun phrase, resolved and explained.

``analyse_phrase`` is what the events stage and the ``actor`` command use; ``explain_phrase``
says which dictionary row or rule decided, the row's dates and what was passed over.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..records import Actor
from .compose import Analysis
from .lexicon import KIND_ORDER, Entry, Lexicon, tokenize
from .match import Atom, covers, pick_entry, pick_row
from .tokens import Tok, iso_date

SOURCE_RANK = {"user": 0, "supplement": 1, "phoenix": 2}


def _analysis(lex: Lexicon, text: str, date: str | None) -> tuple[Analysis, list[Atom]] | None:
    toks = [Tok(i, w) for i, w in enumerate(tokenize(text or ""))]
    if not toks:
        return None
    an = Analysis(lex, toks, [0] * len(toks), iso_date(date), syntax=False)
    atoms = an.atoms(())
    weapon = toks[-1].norm in lex.weapons
    if weapon and not any(a.end == len(toks) for a in atoms):
        atoms.append(Atom(len(toks) - 1, len(toks), "agent", None))
    if not atoms and all(t.text[:1].isupper() or t.text == "-" for t in toks):
        guess = an._guess(0, len(toks))  # a bare name: "Carlos Menem"
        atoms = [Atom(0, len(toks), "person", guess)] if guess else []
    if not atoms:
        return None
    return an, atoms


def _apposition(lex: Lexicon, text: str, date: str | None) -> Actor | None:
    """'Maria Lopes, Angola's fisheries minister': a name, then what she is."""
    name, sep, desc = text.partition(",")
    words = name.split()
    if not sep or not desc.strip() or not 1 < len(words) <= 4:
        return None
    if not all(w[:1].isupper() for w in words):
        return None
    own = analyse_phrase(lex, name, date)
    if own is not None and own.kind == "person" and own.resolved_by == "dictionary":
        return None  # a known person: the dictionary row, then the title below may refine it
    what = analyse_phrase(lex, desc, date)
    if what is None or what.kind == "person" or not (what.country or what.sector):
        return None
    return what.model_copy(
        update={
            "text": text.strip(),
            "name": name.strip(),
            "kind": "person",
            "entry": "appositive",
            "resolved_by": "appositive",
        }
    )


def analyse_phrase(lex: Lexicon, text: str, date: str | None) -> Actor | None:
    """Resolve a bare phrase: all atoms form one noun phrase."""
    if "," in (text or ""):
        actor = _apposition(lex, text, date)
        if actor is not None:
            return actor
    found = _analysis(lex, text, date)
    if found is None:
        return None
    an, atoms = found
    actor = an.compose(len(an.toks) - 1, atoms)
    if actor is not None:
        actor.text = text.strip()
    return actor


@dataclass
class Explanation:
    """Why a phrase resolved as it did."""

    actor: Actor | None
    rule: str  # dictionary | former | title | alias | appositive | ner | ... | none
    because: str
    entry: dict[str, Any] | None = None  # the dictionary row used, with its dates
    atoms: list[dict[str, Any]] = field(default_factory=list)
    rejected: list[dict[str, Any]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "because": self.because,
            "entry_row": self.entry,
            "atoms": self.atoms,
            "rejected": self.rejected,
        }


def _row(e: Entry) -> dict[str, Any]:
    return {
        "id": e.key,
        "name": e.name,
        "country": e.country or e.intl,
        "sector": e.sector,
        "role": e.role,
        "start": e.start,
        "end": e.end,
        "source": e.source,
    }


def why_not(e: Entry, chosen: Entry, date: str | None) -> str:
    """Why ``e`` lost to ``chosen`` for an article dated ``date``."""
    if date is None:
        if e.end:
            return f"closed row (ended {e.end}) and no date given"
    elif not covers(e, date):
        if e.start and e.start > date:
            return f"starts {e.start}, after {date}"
        return f"ended {e.end}, before {date}"
    if SOURCE_RANK.get(e.source, 9) > SOURCE_RANK.get(chosen.source, 9):
        return f"{e.source} row; a {chosen.source} row wins"
    if not (e.start or e.end) and (chosen.start or chosen.end):
        return "undated row; a dated row covers the date"
    if e.start and chosen.start and e.start < chosen.start:
        return f"older row (from {e.start}); the latest valid row wins"
    return "an earlier row of the same source wins"


def _atom_info(an: Analysis, a: Atom) -> dict[str, Any]:
    p = a.payload
    info: dict[str, Any] = {"text": an._text(a.start, a.end), "kind": a.kind}
    if p is not None:
        info["meaning"] = p.label or (p.entries[0].key if p.entries else p.surface)
        if p.iso or p.intl:
            info["country"] = p.iso or p.intl
        if p.sector:
            info["sector"] = p.sector
    return info


def _other_kinds(an: Analysis, a: Atom) -> list[dict[str, Any]]:
    """Other meanings of the same words that the kind order or case rules passed over."""
    slot = an.lex.phrases.get(tuple(t.norm for t in an.toks[a.start : a.end])) or {}
    out = []
    for kind in KIND_ORDER:
        if kind == a.kind or kind not in slot:
            continue
        p = slot[kind]
        reason = (
            f"{a.kind} beats {kind} on the same words"
            if KIND_ORDER.index(kind) > KIND_ORDER.index(a.kind)
            else f"{kind} reading needs capitals/abbreviation case"
        )
        label = p.label or (p.entries[0].key if p.entries else p.surface)
        out.append({"what": f"{kind} {label}", "reason": reason})
    return out


def _deciding_atom(atoms: list[Atom]) -> Atom | None:
    person = next((a for a in reversed(atoms) if a.kind == "person"), None)
    if person is not None:
        return person
    return next((a for a in reversed(atoms) if a.kind in ("group", "igo")), None)


def explain_phrase(lex: Lexicon, text: str, date: str | None) -> Explanation:
    """The phrase's actor with the row or rule that decided and the alternatives rejected."""
    actor = analyse_phrase(lex, text, date)
    date = iso_date(date)
    if actor is None:
        return Explanation(None, "none", "no dictionary entry, country or role noun matched")
    if actor.resolved_by == "appositive" and "," in text:
        why = "apposition: the description after the comma says who the named person is"
        return Explanation(actor, "appositive", why)
    found = _analysis(lex, text, date)
    assert found is not None
    an, atoms = found
    infos = [_atom_info(an, a) for a in atoms]
    rejected = [r for a in atoms for r in _other_kinds(an, a)]
    head = _deciding_atom(atoms)
    entries = head.payload.entries if head is not None and head.payload else []
    raw = pick_row(entries, date)
    used = pick_entry(entries, date) if entries else None
    for e in entries:
        if raw is not None and e is not raw:
            rejected.append({"what": f"row {e.key} ({_span(e)})", "reason": why_not(e, raw, date)})
    rule = actor.resolved_by or "dictionary"
    entry = _row(used) if used is not None else None
    by_date = used is not None and raw is not None and used.sector != raw.sector
    if by_date and used is not None and actor.sector == "ELI" == used.sector:
        rule = "former"
        why = f"every office row of {used.name} ended by {used.end}: a former official is ELI"
    elif (actor.role or "").lower().startswith(("former", "ex-", "retired")):
        rule = "former"
        why = f"'{actor.role}': former and retired office holders are ELI"
    elif rule == "title" and used is not None:
        why = f"role noun '{actor.role}' sets sector {actor.sector} over the row's {used.sector}"
        rejected.append({"what": f"sector {used.sector} of {used.key}", "reason": "title wins"})
    elif used is not None:
        why = f"{used.source} row {used.key} ({_span(used)}) valid on {date or 'any date'}"
        if actor.country and used.country and actor.country != used.country:
            why += f"; country {actor.country} from the phrase over the row's {used.country}"
            rejected.append({"what": f"country {used.country} of {used.key}", "reason": "phrase"})
    else:
        why = _rule_text(actor)
    if actor.kind == "person" and used is not None:
        rejected += _offices_passed_over(an, atoms, actor, date)
    return Explanation(actor, rule, why, entry, infos, rejected)


def _offices_passed_over(
    an: Analysis, atoms: list[Atom], actor: Actor, date: str | None
) -> list[dict[str, Any]]:
    """Office or body names whose country the phrase did not take (the person's row or a
    country word placed them)."""
    out = []
    for a in atoms:
        p = a.payload
        if p is None or a.kind not in ("group", "metonym"):
            continue
        e = pick_entry(p.entries, date) if p.entries else None
        iso = p.iso or (e.country if e else None)
        if iso and actor.country and iso != actor.country:
            what = f"country {iso} of '{an._text(a.start, a.end)}'"
            out.append(
                {"what": what, "reason": "an office or body name does not place a known person"}
            )
    return out


def _span(e: Entry) -> str:
    if not (e.start or e.end):
        return "undated"
    return f"{e.start or '?'} to {e.end or 'open'}"


def _rule_text(actor: Actor) -> str:
    by = actor.resolved_by
    if by == "alias":
        return "country/capital/metonym table; role noun gives the sector"
    if by == "title":
        return f"role noun '{actor.role}' gives sector {actor.sector}"
    if by == "appositive":
        return "an unknown name after a title or country takes their country and sector"
    if by == "ner":
        return "a name with no dictionary row and no title"
    if by == "ethnic":
        return "an ethnic group: placed by where it lives, not a state"
    return f"resolved by {by}"
