"""Dictionary atoms of a token sequence, merged with NER persons and titled names.

Each atom is one dictionary hit (country, role noun, IGO, person...). Person handling lives
here: NER PERSON spans absorb the name atoms inside them, titles stay apart, and bare
surnames of people named elsewhere in the document become person atoms.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .coref import first_names
from .gazetteer import place_atoms
from .lexicon import Lexicon, Payload, alias_key, fold
from .match import Atom, find_atoms
from .tokens import Tok
from .vocab import COUNTRYISH, MODIFIED_HEADS, PARTICLES, QUOTES, ROLE_MODIFIERS

RECENT_YEARS = 4  # how long after a role ends a bare surname may still name its holder


def _recent(e: Any, date: str | None) -> bool:
    """Could a bare surname on ``date`` name this dictionary person: a curated row, an
    undated one, or a role that had begun by then and ended at most a few years before?"""
    if date is None or e.source in ("user", "supplement") or not (e.start or e.end):
        return True
    year = int(date[:4])
    if e.start and int(e.start[:4]) > year:
        return False
    end = int(e.end[:4]) if e.end else int((e.start or date)[:4]) + 8  # open Phoenix rows
    return year - end <= RECENT_YEARS


def _skeleton(word: str) -> str:
    """Consonants of a first name, so that spellings agree: Sergei/Sergey, Mohammed/Muhammad."""
    out = ""
    for c in fold(word).replace("x", "ks"):
        if c.isalpha() and c not in "aeiouyw" and not out.endswith(c):
            out += c
    return out


WATERS = frozenset({"Sea", "Ocean", "Gulf", "Strait", "Straits", "Bay", "Channel"})


# last words of body names that are no role ("community" reads CVL, "settlements" CVL)
BODY_NAME_HEADS = frozenset({"community", "settlements"})


class AtomFinder:
    """Atoms of one token sequence; the base of :class:`~.compose.Analysis`."""

    def __init__(
        self, lex: Lexicon, toks: list[Tok], sents: list[int], date: str | None, syntax: bool
    ) -> None:
        self.lex, self.toks, self.sents, self.date, self.syntax = lex, toks, sents, date, syntax
        self.named: set[str] = set()
        self.found: list[Atom] = []  # every atom of the sequence, once found

    def atoms(self, ents: Sequence[tuple[int, int, str]]) -> list[Atom]:
        toks = self.toks
        self.named = {toks[e - 1].norm for s, e, label in ents if label == "PERSON" and e - s > 1}
        atoms = find_atoms(self.lex, [t.text for t in toks], [t.norm for t in toks])
        atoms = [a for a in atoms if self.sents[a.start] == self.sents[a.end - 1]]
        atoms = [a for a in atoms if not self._name_fragment(a) and not self._capitalised_word(a)]
        atoms = [a for a in atoms if not self._in_waters_name(a)]
        atoms = [self._with_suffix_entries(a) for a in atoms]
        atoms = self._given_names(atoms)
        atoms = self._modified_roles(atoms)
        if self.syntax:  # towns the dictionaries lack, where the text marks a name
            atoms += place_atoms(
                toks, list(ents), {i for a in atoms for i in range(a.start, a.end)}
            )
        for s, e, label in ents:
            if label == "PERSON":
                atoms = self._person_ent(atoms, s, e)
        atoms.sort(key=lambda a: a.start)
        atoms += self._titled_names(atoms)
        atoms += self._surnames(atoms)
        atoms.sort(key=lambda a: a.start)
        self.found = atoms
        return atoms

    def _given_names(self, atoms: list[Atom]) -> list[Atom]:
        """'Michelle Obama', 'Ahmed al-Maliki': a known first name right before a surname alias
        keeps only the rows of people with that first name (none: an unknown person)."""
        covered = {i for a in atoms for i in range(a.start, a.end)}
        out: list[Atom] = []
        for a in atoms:
            i = a.start - 1
            p = a.payload
            if a.kind != "person" or p is None or i < 0 or i in covered:
                out.append(a)
                continue
            t = self.toks[i]
            given = t.text[:1].isupper() and t.text.isalpha() and t.norm in first_names()
            if not given or self.sents[i] != self.sents[a.start]:
                out.append(a)
                continue
            fits = [e for e in p.entries if _skeleton(e.name.split()[0]) == _skeleton(t.norm)]
            pay = Payload("person", p.surface, entries=fits) if fits else None
            out.append(Atom(i, a.end, "person", pay))
        return out

    def _modified_roles(self, atoms: list[Atom]) -> list[Atom]:
        """'deputy foreign minister', 'deputy chairman': "deputy" joins the role after it and
        takes its sector (none for a head such as "chairman", whose sector comes from what it
        belongs to or from the holder's row; before an office such as "Secretary of State", the
        office's); a bare "deputy" stays a role of its own."""
        by_start = {a.start: a for a in atoms}
        out: list[Atom] = []
        taken: set[int] = set()
        for a in atoms:
            if a.start in taken:
                continue
            p = a.payload
            if a.kind != "agent" or p is None or p.surface not in ROLE_MODIFIERS:
                out.append(a)
                continue
            same = a.end < len(self.toks) and self.sents[a.end] == self.sents[a.start]
            nxt = by_start.get(a.end) if same else None
            t = self.toks[a.end] if same else None
            if nxt is not None and nxt.kind == "agent" and nxt.payload is not None:
                out.append(Atom(a.start, nxt.end, "agent", nxt.payload))
                taken.add(nxt.start)
            elif nxt is not None and nxt.kind in ("group", "igo", "metonym"):
                # "Deputy Secretary of State", "deputy UN envoy": the office after it decides
                bare = Payload("agent", p.surface, label=p.label)  # no sector of its own
                out.append(Atom(a.start, a.end, "agent", bare))
            elif nxt is None and t is not None and t.norm in MODIFIED_HEADS:
                head = Payload("agent", t.norm, label=f"agents:{p.surface} {t.norm}")
                out.append(Atom(a.start, a.end + 1, "agent", head))
            else:
                out.append(a)
        return out

    def _with_suffix_entries(self, a: Atom) -> Atom:
        """Pool the rows of a titled alias with those of the bare name inside it, so that
        "UN Secretary-General Ban Ki-moon" (Phoenix) also sees the newer "Ban Ki-moon" rows."""
        if a.kind != "person" or a.payload is None or a.end - a.start < 3:
            return a
        entries = list(a.payload.entries)
        own = {alias_key(e.name) for e in entries}
        if tuple(t.norm for t in self.toks[a.start : a.end]) in own:
            return a  # a person's own full name: "Ali Mahmoud Abbas" is not "Mahmoud Abbas"
        for k in range(a.start + 1, a.end - 1):
            key = tuple(t.norm for t in self.toks[k : a.end])
            slot = self.lex.phrases.get(key)
            if slot and "person" in slot:
                # the same person's rows only: "Riyad al-Maliki" is not Nouri "al-Maliki"
                same = [e for e in slot["person"].entries if alias_key(e.name) in (own | {key})]
                entries += [e for e in same if e not in entries]
        if len(entries) == len(a.payload.entries):
            return a
        return Atom(a.start, a.end, "person", Payload("person", a.payload.surface, entries=entries))

    def _capitalised_word(self, a: Atom) -> bool:
        """A sentence-initial common noun matching a one-word name ("Youth groups said")."""
        if a.end - a.start != 1 or a.kind not in ("person", "group", "place") or not self.syntax:
            return False
        i = a.start
        first = i == 0 or self.sents[i - 1] != self.sents[i] or self.toks[i - 1].text in QUOTES
        tok = self.toks[i]
        if a.kind == "person" and tok.dep in ("nsubj", "nsubjpass"):
            return False  # "Guterres appealed ...": a tagger's plural noun acting is the name
        return first and tok.pos not in ("PROPN", "")

    def _in_waters_name(self, a: Atom) -> bool:
        """'the South China Sea', 'the Sea of Japan', 'the Persian Gulf', 'the Taiwan Strait':
        a country named in a body of water's name is not the country."""
        if a.kind not in ("country", "demonym", "place", "capital"):
            return False
        toks = self.toks
        after = toks[a.end].text if a.end < len(toks) else ""
        before = [t.text for t in toks[max(0, a.start - 2) : a.start]]
        return after in WATERS or (len(before) == 2 and before[0] in WATERS and before[1] == "of")

    def _name_fragment(self, a: Atom) -> bool:
        """A one-word dictionary person followed by more name ("Hassan" in "Omar Hassan X")."""
        if a.kind != "person" or a.end - a.start != 1 or a.end >= len(self.toks):
            return False
        nxt = self.toks[a.end]
        if nxt.norm in PARTICLES and a.end + 1 < len(self.toks):
            after = self.toks[a.end + 1].text
            return after == "-" or after[:1].isupper()
        return nxt.text[:1].isupper() and nxt.text.isalpha() and nxt.pos in ("PROPN", "")

    def _person_ent(self, atoms: list[Atom], s: int, e: int) -> list[Atom]:
        """Merge a NER PERSON span with the atoms: titles stay apart, the name becomes a person."""
        while e > s and not self.toks[e - 1].text[:1].isalnum():
            e -= 1  # NER keeps the possessive: "Vladimir Putin's"
        moved = True
        while moved:  # leading titles/countries inside the entity: "Secretary James Cleverly"
            moved = False
            for a in atoms:
                if a.start == s and a.end < e and a.kind not in ("person", "place"):
                    s, moved = a.end, True
        overlap = [a for a in atoms if a.start < e and s < a.end]
        if any(a.start < s or a.end > e for a in overlap) or s >= e:
            return atoms
        if any(a.kind in COUNTRYISH and a.kind != "place" and a.start == s for a in overlap):
            return atoms  # NER calls "Sri Lanka" a PERSON now and then; "Mark Cuban" is a name
        whole_place = any(a.kind == "place" and (a.start, a.end) == (s, e) for a in overlap)
        if whole_place and not self._person_name(s, e):
            return atoms  # "Niamey revoked ...": a place that is nobody's name
        if not self.toks[s].text[:1].isupper():
            return atoms
        persons = [a for a in overlap if a.kind == "person"]
        if len(persons) > 1 or any(
            a.kind in ("igo", "metonym", "group") or (a.kind == "agent" and a.end < e)
            for a in overlap
        ):
            return atoms
        payload = persons[0].payload if persons else self._guess(s, e)
        rest = [a for a in atoms if a not in overlap]
        return [*rest, Atom(s, e, "person", payload)]

    def _person_name(self, s: int, e: int) -> bool:
        """Whether the words could name a person: a first name, a dictionary person's alias or
        a dictionary surname ("Victoria", "Jackson")."""
        norms = tuple(t.norm for t in self.toks[s:e])
        slot = self.lex.phrases.get(norms) or {}
        return "person" in slot or norms[0] in first_names() or norms[-1] in self.lex.family

    def _guess(self, s: int, e: int) -> Payload | None:
        """A unique dictionary surname, if the first name agrees (or none was given)."""
        words = [t for t in self.toks[s:e] if t.text.isalpha()]
        if not words or (len(words) == 1 and words[0].norm in self.named):
            return None  # "King" after "Larry King": the document's own person, not a guess
        entries = self.lex.surnames.get(words[-1].norm)
        if not entries:
            return None
        if len(words) == 1 and (words[0].norm in first_names() or self._name_follows(e)):
            return None  # "Mark was freed", "Frédéric Bernard": a first name, not a surname
        if len(words) == 1 and not any(_recent(x, self.date) for x in entries):
            return None  # a lone "Bradley" is not a minister of 2003 in a 2023 text
        first = fold(entries[0].name.split()[0])
        if len(words) > 1 and words[0].norm != first:
            return None
        return Payload("person", " ".join(t.text for t in self.toks[s:e]), entries=entries)

    def _name_follows(self, e: int) -> bool:
        nxt = self.toks[e] if e < len(self.toks) else None
        if nxt is None or nxt.pos != "PROPN":
            return False
        return nxt.text[:1].isupper() and nxt.text.isalpha()

    def _propn_run(self, i: int, covered: set[int]) -> int:
        toks, j = self.toks, i
        while j < len(toks) and j not in covered and self.sents[j] == self.sents[i]:
            t = toks[j]
            if t.text == "-" and j > i and j + 1 < len(toks) and toks[j + 1].text[:1].isupper():
                j += 1
                continue
            if not (t.text[:1].isupper() and t.text.isalpha() and (t.pos in ("PROPN", ""))):
                break
            j += 1
        return j

    def _titled_names(self, atoms: list[Atom]) -> list[Atom]:
        """Capitalised names right after a singular role noun: "envoy Vassily Nebenzia"."""
        covered = {i for a in atoms for i in range(a.start, a.end)}
        out = []
        for a in atoms:
            if a.kind not in ("agent", "igo") or a.payload is None:
                continue
            if a.kind == "igo" and not self._agent_tail(a):
                continue
            if self.toks[a.end - 1].norm.endswith("s"):
                continue
            j = self._propn_run(a.end, covered)
            if j > a.end and not self._title_object(a, j):
                out.append(Atom(a.end, j, "person", self._guess(a.end, j)))
                covered.update(range(a.end, j))
        return out

    def _title_object(self, a: Atom, j: int) -> bool:
        """'Minister for Foreign Affairs Penny Wong': "Affairs" ends the title's own
        prepositional phrase (the portfolio), it is no name."""
        last = self.toks[j - 1]
        return self.syntax and last.dep == "pobj" and a.start <= last.head < a.end

    def _surnames(self, atoms: list[Atom]) -> list[Atom]:
        """Bare surnames of people named elsewhere in the document ("Kirby", "King").

        A capitalised one-word role noun mid-sentence that is such a surname is the person
        (Larry King's "King"), so it replaces the role atom in place.
        """
        names = {
            self.toks[a.end - 1].norm for a in atoms if a.kind == "person" and a.end - a.start > 1
        }
        out = []
        for a in list(atoms):
            t = self.toks[a.start]
            if (
                a.kind in ("agent", "demonym", "place")
                and a.end - a.start == 1
                and t.norm in names
                and t.text[:1].isupper()
                and a.start > 0
                and self.sents[a.start - 1] == self.sents[a.start]
            ):
                atoms.remove(a)
                out.append(Atom(a.start, a.end, "person", None))
        covered = {i for a in atoms for i in range(a.start, a.end)}
        out += [
            Atom(t.i, t.i + 1, "person", None)
            for t in self.toks
            if t.i not in covered and t.norm in names and t.text[:1].isupper()
        ]
        return out

    def _agent_tail(self, a: Atom) -> str | None:
        """Sector of a role noun ending an IGO/group alias ("UN envoy" -> GOV); a body named
        for what it is ("East African Community", "Financial Action Task Force") has none."""
        last = self.toks[a.end - 1].norm
        if last in BODY_NAME_HEADS or (last == "force" and self.toks[a.end - 2].norm == "task"):
            return None
        slot = self.lex.phrases.get((last,))
        agent = slot.get("agent") if slot else None
        return agent.sector if agent else None
