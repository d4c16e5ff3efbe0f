"""Actor mentions from a parsed document: dictionary atoms grouped by noun phrase.

A mention is built from the atoms of one noun phrase: a country (name, demonym,
capital or metonym) gives the country, a role noun gives the sector and role, a
person gives the name and a dated dictionary code. Context in the sentence beats
the dictionary: "Moscow's UN envoy X" is RUS GOV whatever X's dictionary row says.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from ..records import Actor, Document, Mention
from .context import place_in_context
from .lexicon import Lexicon, Payload, fold, tokenize
from .match import Atom, find_atoms, pick_entry
from .names import country_name

ISO_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?")
GROUP_DEPS = frozenset({"compound", "amod", "poss", "nmod", "appos", "flat", "nn"})
GENERIC_ROLES = frozenset(
    [
        "official",
        "officials",
        "authorities",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "spokesmen",
        "spokeswomen",
        "spokespersons",
        "chief",
        "chiefs",
        "head",
        "heads",
        "member",
        "members",
        "personnel",
        "staff",
        "source",
        "sources",
    ]
)
ROLE_PREPS = frozenset({"of", "in", "from", "throughout"})
MODIFIER_DEPS = frozenset({"amod", "compound", "nmod", "poss"})
SUBJ_DEPS = frozenset({"nsubj", "nsubjpass"})
LOC_PREPS = frozenset({"in", "at", "near", "from", "to", "into", "across", "around", "inside"})
COUNTRYISH = frozenset({"country", "demonym", "capital", "metonym", "place"})
NOUNISH = frozenset({"country", "capital", "metonym", "place", "igo", "group", "person"})
PRONOUNS = frozenset({"he", "she"})
BARE_EXCLUDE = frozenset(
    {
        "people",
        "nationals",
        "resident",
        "residents",
        "inhabitant",
        "inhabitants",
        "leader",
        "leaders",
        "force",
        "forces",
        "king",
    }
)
QUOTES = frozenset({'"', "'", "\u201c", "\u2018", "``", "(", "-", "\u2014"})
PARTICLES = frozenset({"al", "el", "bin", "ibn", "abu", "de", "van", "von", "da", "di", "le", "la"})


class Tok:
    """Token view shared by spaCy docs and bare phrases (no syntax)."""

    __slots__ = ("i", "text", "norm", "dep", "head", "pos", "lemma", "ent", "idx")

    def __init__(
        self,
        i: int,
        text: str,
        norm: str | None = None,
        dep: str = "",
        head: int | None = None,
        pos: str = "",
        lemma: str | None = None,
        ent: str = "",
        idx: int = 0,
    ) -> None:
        self.i, self.text = i, text
        self.norm = fold(text) if norm is None else norm
        self.dep, self.pos, self.ent, self.idx = dep, pos, ent, idx
        self.head = i if head is None else head
        self.lemma = self.norm if lemma is None else lemma


_STR_CACHE: dict[int, tuple[str, str]] = {}


def spacy_toks(sdoc: Any) -> list[Tok]:
    """Tokens from one ``to_array`` call: several times cheaper than Token attributes."""
    from spacy.attrs import DEP, ENT_TYPE, HEAD, IDX, LEMMA, ORTH, POS

    if len(sdoc) == 0:
        return []
    arr = sdoc.to_array([ORTH, DEP, HEAD, POS, LEMMA, ENT_TYPE, IDX]).tolist()
    strings = sdoc.vocab.strings
    cache = _STR_CACHE
    if len(cache) > 500_000:
        cache.clear()

    def get(h: int) -> tuple[str, str]:
        hit = cache.get(h)
        if hit is None:
            text = strings[h] if h else ""
            hit = cache[h] = (text, fold(text))
        return hit

    out = []
    for i, (orth, dep, head, pos, lemma, ent, idx) in enumerate(arr):
        text, norm = get(orth)
        if head >= 1 << 63:  # relative head offsets come back as wrapped uint64
            head -= 1 << 64
        out.append(
            Tok(i, text, norm, get(dep)[0], i + head, get(pos)[0], get(lemma)[1], get(ent)[0], idx)
        )
    return out


class Analysis:
    """Atoms of one token sequence turned into mentions."""

    def __init__(
        self, lex: Lexicon, toks: list[Tok], sents: list[int], date: str | None, syntax: bool
    ) -> None:
        self.lex, self.toks, self.sents, self.date, self.syntax = lex, toks, sents, date, syntax
        self.named: set[str] = set()

    # --- atoms -------------------------------------------------------------------

    def atoms(self, ents: Sequence[tuple[int, int, str]]) -> list[Atom]:
        toks = self.toks
        self.named = {toks[e - 1].norm for s, e, label in ents if label == "PERSON" and e - s > 1}
        atoms = find_atoms(self.lex, [t.text for t in toks], [t.norm for t in toks])
        atoms = [a for a in atoms if self.sents[a.start] == self.sents[a.end - 1]]
        atoms = [a for a in atoms if not self._name_fragment(a) and not self._capitalised_word(a)]
        atoms = [self._with_suffix_entries(a) for a in atoms]
        for s, e, label in ents:
            if label == "PERSON":
                atoms = self._person_ent(atoms, s, e)
        atoms.sort(key=lambda a: a.start)
        atoms += self._titled_names(atoms)
        atoms += self._surnames(atoms)
        atoms.sort(key=lambda a: a.start)
        return atoms

    def _with_suffix_entries(self, a: Atom) -> Atom:
        """Pool the rows of a titled alias with those of the bare name inside it, so that
        "UN Secretary-General Ban Ki-moon" (Phoenix) also sees the newer "Ban Ki-moon" rows."""
        if a.kind != "person" or a.payload is None or a.end - a.start < 3:
            return a
        entries = list(a.payload.entries)
        for k in range(a.start + 1, a.end - 1):
            slot = self.lex.phrases.get(tuple(t.norm for t in self.toks[k : a.end]))
            if slot and "person" in slot:
                entries += [e for e in slot["person"].entries if e not in entries]
        if len(entries) == len(a.payload.entries):
            return a
        return Atom(a.start, a.end, "person", Payload("person", a.payload.surface, entries=entries))

    def _capitalised_word(self, a: Atom) -> bool:
        """A sentence-initial common noun matching a one-word name ("Youth groups said")."""
        if a.end - a.start != 1 or a.kind not in ("person", "group", "place") or not self.syntax:
            return False
        i = a.start
        first = i == 0 or self.sents[i - 1] != self.sents[i] or self.toks[i - 1].text in QUOTES
        return first and self.toks[i].pos not in ("PROPN", "")

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

    def _guess(self, s: int, e: int) -> Payload | None:
        """A unique dictionary surname, if the first name agrees (or none was given)."""
        words = [t for t in self.toks[s:e] if t.text.isalpha()]
        if not words or (len(words) == 1 and words[0].norm in self.named):
            return None  # "King" after "Larry King": the document's own person, not a guess
        entries = self.lex.surnames.get(words[-1].norm)
        if not entries:
            return None
        first = fold(entries[0].name.split()[0])
        if len(words) > 1 and words[0].norm != first:
            return None
        return Payload("person", " ".join(t.text for t in self.toks[s:e]), entries=entries)

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
            if j > a.end:
                out.append(Atom(a.end, j, "person", self._guess(a.end, j)))
                covered.update(range(a.end, j))
        return out

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
        """Sector of a role noun ending an IGO/group alias ("UN envoy" -> GOV)."""
        slot = self.lex.phrases.get((self.toks[a.end - 1].norm,))
        agent = slot.get("agent") if slot else None
        return agent.sector if agent else None

    # --- grouping ------------------------------------------------------------------

    def _root(self, a: Atom, role_heads: frozenset[int] = frozenset()) -> int:
        """The head of the noun phrase the atom modifies (compound/amod/poss/appos chain).

        Coordinated modifiers ("US and British forces") and "of"-complements of a role
        noun ("the president of Armenia") climb to the same head.
        """
        toks = self.toks
        head = next(
            (i for i in range(a.start, a.end) if not a.start <= toks[i].head < a.end), a.end - 1
        )
        if not self.syntax:
            return len(toks) - 1
        seen = {head}
        while toks[head].head != head:
            t = toks[head]
            nxt = t.head
            if t.dep == "pobj" and toks[nxt].norm in ROLE_PREPS and toks[nxt].head in role_heads:
                nxt = toks[nxt].head
            elif not (t.dep in GROUP_DEPS or (t.dep == "conj" and toks[nxt].dep in MODIFIER_DEPS)):
                break
            if nxt in seen or self.sents[nxt] != self.sents[head]:
                break
            seen.add(nxt)
            head = nxt
        return head

    def groups(self, atoms: list[Atom]) -> list[tuple[int, list[Atom]]]:
        by_root: dict[int, list[Atom]] = {}
        owned = {a.end for a in atoms if a.kind in COUNTRYISH}  # a country right before
        role_heads = frozenset(
            a.end - 1
            for a in atoms
            if a.kind == "agent"
            and a.start not in owned
            and a.start > 0
            and self.toks[a.start - 1].text != "'s"
        )
        for a in atoms:
            by_root.setdefault(self._root(a, role_heads), []).append(a)
        return sorted(by_root.items(), key=lambda kv: kv[1][0].start)

    def runs(self, root: int, atoms: list[Atom]) -> list[tuple[list[Atom], list[Atom]]]:
        """Contiguous runs of one phrase, each with the role atoms it shares with the head run.

        Modifiers of non-actor heads are dropped first; "Hungarian and Romanian officials"
        gives two runs, and "Hungarian" shares "officials".
        """
        toks = self.toks
        has_head = any(a.start <= root < a.end for a in atoms)
        weapon = toks[root].norm in self.lex.weapons or toks[root].lemma in self.lex.weapons
        if not has_head and self.syntax:
            if weapon and toks[root].dep in SUBJ_DEPS:
                atoms = atoms + [Atom(root, root + 1, "agent", None)]
            else:
                if weapon:  # "Russian Sukhoi Su-35 fighter jets": equipment, not an actor
                    atoms = [a for a in atoms if a.kind not in ("agent", "demonym")]
                if not any(a.kind in NOUNISH or a.kind == "demonym" for a in atoms):
                    return []  # role nouns modifying a thing: "military cooperation"
        runs: list[list[Atom]] = []
        for a in atoms:
            prev = runs[-1][-1] if runs else None
            possessor = (
                prev is not None
                and prev.kind == "person"
                and any(t.text in ("'s", "\u2019s") for t in toks[prev.end : a.start])
            )  # "Putin's Russia": the person owns the next phrase, it does not describe him
            # one person per run: "Trump critic Mark Cuban" is two mentions
            second_person = (
                a.kind == "person" and bool(runs) and any(x.kind == "person" for x in runs[-1])
            )
            if prev is not None and not possessor and not second_person and self._joinable(prev, a):
                runs[-1].append(a)
            else:
                runs.append([a])
        out: list[list[Atom]] = []
        for run in runs:
            isos = {self._iso(a) for a in run} - {None}
            if len(isos) > 1 and not self._stacked_demonyms(run):
                out.extend([a] for a in run)
            elif not self.syntax or any(a.kind != "agent" for a in run) or has_head:
                out.append(run)
        head_run = next((r for r in out if any(a.start <= root < a.end for a in r)), None)
        shared = [a for a in head_run or [] if a.kind == "agent"]
        return [
            (r, shared if r is not head_run and all(a.kind in COUNTRYISH for a in r) else [])
            for r in out
        ]

    def _stacked_demonyms(self, run: list[Atom]) -> bool:
        """'Bosnian Serbs', 'Croatian Serb refugees': one group whose first demonym is where
        it lives (CAMEO codes ethnic groups by country of residence). Hyphens, slashes and
        conjunctions ('US-Russian talks') still make separate actors."""
        first = run[0]
        if first.kind != "demonym" or not self.syntax or self._stance(first):
            return False
        if len(run) == 2 and run[1].kind == "group" and run[1].start == first.end:
            return True  # "Palestinian Islamic Jihad": the demonym places the group
        countryish = [a for a in run if a.kind in COUNTRYISH]
        if len(countryish) != 2:
            return False
        a, b = countryish
        plural = b.kind == "country" and self.toks[b.end - 1].norm.endswith("s")  # "Serbs"
        if b.kind != "demonym" and not (plural and b.end == run[-1].end):
            return False
        return b.start == a.end and (b.end == run[-1].end or run[-1].kind == "agent")

    def _ethnic(self, a: Atom) -> bool:
        """'ethnic Albanians': an ethnic group, not the state; its country is where it lives."""
        return a.kind == "demonym" and a.start > 0 and self.toks[a.start - 1].norm == "ethnic"

    def _stance(self, a: Atom) -> bool:
        """'pro-Iranian Hizbollah', 'anti-Syria journalist': a stance, not a nationality."""
        if a.kind not in COUNTRYISH or a.start < 2 or self.toks[a.start - 1].text != "-":
            return False
        return self.toks[a.start - 2].norm in ("pro", "anti")

    def _joinable(self, a: Atom, b: Atom) -> bool:
        gap = self.toks[a.end : b.start]
        if len(gap) > 4:
            return False
        return all(
            t.pos not in ("VERB", "AUX", "ADP", "CCONJ", "SCONJ", "PRON", "PUNCT", "NUM")
            or t.text in ("'s", "\u2019s", "-")
            or t.norm in ROLE_PREPS
            for t in gap
        ) or (len(gap) == 1 and gap[0].text == "," and self.toks[b.end - 1].dep == "appos")

    def _iso(self, a: Atom) -> str | None:
        p = a.payload
        if p is None:
            return None
        if p.entries:
            e = pick_entry(p.entries, self.date)
            return e.country if e and a.kind != "person" else None
        return p.iso if a.kind in COUNTRYISH else None

    # --- composing -------------------------------------------------------------------

    def compose(self, root: int, run: list[Atom], shared: list[Atom] | None = None) -> Actor | None:
        person = next((a for a in reversed(run) if a.kind == "person"), None)
        entry = pick_entry(person.payload.entries, self.date) if person and person.payload else None
        ctx = [a for a in run if a is not person]
        country = intl = sector = role = None
        label = resolved = None
        for a in ctx:
            p = a.payload
            if self._ethnic(a) or self._stance(a):
                continue
            if a.kind in COUNTRYISH and p is not None:
                country = country or p.iso
                intl = intl or p.intl
                if a.kind == "metonym" and p.sector:
                    sector = sector or p.sector
                if a.kind == "capital" and p.sector and not self._locative(a):
                    sector = sector or p.sector
                label = label or p.label
            elif a.kind in ("group", "igo") and p is not None:
                e = pick_entry(p.entries, self.date)
                if e is not None:
                    country, intl = country or e.country, intl or e.intl
                    sector = sector or e.sector
                    label = label or e.key
        agents = [a for a in ctx if a.kind == "agent" or (a.kind == "igo" and self._agent_tail(a))]
        agents = agents or list(shared or [])
        if not agents and person is not None and person.payload is not None:
            inner = self._inner_title(person)
            if inner is not None:
                agents = [inner]
        if agents:
            last = agents[-1]
            tail = (
                self._agent_tail(last)
                if last.kind == "igo"
                else last.payload.sector
                if last.payload
                else "MIL"
            )
            if last.payload is not None and last.payload.surface in GENERIC_ROLES:
                # "intelligence officials" -> SPY, "Pentagon spokesman" -> MIL: the generic
                # role takes the sector of what it belongs to
                owners = [x.payload.sector for x in agents[:-1] if x.payload and x.payload.sector]
                tail = (owners[-1] if owners else None) or sector or tail
            sector = tail or sector
            first = agents[0]
            k = run.index(first) if first in run else -1
            if k > 0 and run[k - 1].kind == "igo" and run[k - 1].end == first.start:
                first = run[k - 1]
            if last.payload is not None:
                role = self._text(first.start, last.end)
            if country and any(a.kind == "igo" for a in agents):
                intl = None
        if not agents and person is None and len(run) == 1 and self._people_noun(run[0], root):
            sector = "CVL"  # "Palestinians", "thousands of Nigerians": the people, not the state
        elif (
            not agents
            and person is None
            and run[-1].kind != "group"
            and self._stacked_demonyms(run)
        ):
            sector = "CVL"  # "Bosnian Serbs"
        name = None
        kind = "state" if country else "unknown"
        if person is not None:
            kind = "person"
            name = entry.name if entry else self._text(person.start, person.end)
            if entry is not None:
                if country is None and intl is None:
                    country, intl = entry.country, entry.intl
                resolved = "dictionary"
                if sector is None:
                    sector = entry.sector
                elif entry.sector and entry.sector != sector:
                    resolved = "title"
                role = role or entry.role
                label = entry.key
            else:
                resolved = "appositive" if (country or intl or sector) else "ner"
                label = "appositive" if resolved == "appositive" else None
        else:
            head = next((a for a in reversed(run) if a.kind in NOUNISH), None)
            if head is not None and head.kind in ("igo", "group") and head.payload:
                e = pick_entry(head.payload.entries, self.date)
                name = self._text(head.start, head.end)
                kind = (
                    "igo"
                    if e and e.intl in ("UNO", "EUR", "NAT", "IGO") and not country
                    else ("state" if country else "group")
                )
                resolved = "dictionary"
            elif country:
                name = country_name(country)
                resolved = "alias"
            elif intl:
                kind, name, resolved = "igo", self._text(run[0].start, run[-1].end), "alias"
            elif any(self._ethnic(a) for a in run):
                kind, resolved = "group", "ethnic"
                name, sector = self._text(run[0].start - 1, run[-1].end), sector or "CVL"
            else:
                bare = agents[-1].payload if agents else None
                # a specific plural role phrase stands alone ("islamic fundamentalists"), a
                # singular one may be a thing ("military intelligence")
                multiword = bare is not None and " " in bare.surface and self._plural(agents[-1])
                if (
                    bare is None
                    or not (bare.label.startswith("agents+:") or multiword)
                    or bare.surface in BARE_EXCLUDE
                ):
                    return None  # a bare generic noun ("people", "business") is no actor
                kind, resolved = "group", "title"
                label = label or bare.label
        if country:
            intl = None
        if not (country or intl or sector or name):
            return None
        base = country or intl
        return Actor(
            text=self._text(run[0].start, run[-1].end),
            name=name,
            country=country,
            sector=sector,
            code=(base or "") + (sector or "") or None,
            role=role,
            kind=kind,  # type: ignore[arg-type]
            entry=label,
            resolved_by=resolved,
        )

    def _plural(self, a: Atom) -> bool:
        t = self.toks[a.end - 1]
        return t.norm.endswith("s") and (not self.syntax or t.pos in ("NOUN", "PROPN"))

    def _people_noun(self, a: Atom, root: int) -> bool:
        t = self.toks[a.end - 1]
        return (
            a.kind == "demonym"
            and t.norm.endswith("s")
            and (a.start <= root < a.end or not self.syntax)
            and t.pos in ("NOUN", "PROPN", "")
        )

    def _inner_title(self, person: Atom) -> Atom | None:
        """The title inside a dictionary alias: "President Obama" -> the "President" part."""
        best = None
        for i in range(person.start, person.end - 1):
            key: tuple[str, ...] = ()
            for j in range(i, person.end - 1):
                key = (*key, self.toks[j].norm)
                if key not in self.lex.prefixes:
                    break
                slot = self.lex.phrases.get(key)
                if slot and "agent" in slot:
                    best = Atom(i, j + 1, "agent", slot["agent"])
        return best

    def _locative(self, a: Atom) -> bool:
        t = self.toks[a.end - 1]
        if not self.syntax or t.dep != "pobj":
            return False
        return self.toks[t.head].norm in LOC_PREPS

    def _text(self, s: int, e: int) -> str:
        toks = self.toks
        out = ""
        for t in toks[s:e]:
            if out and t.i > s:
                prev = toks[t.i - 1]
                gap = t.idx - (prev.idx + len(prev.text))
                out += " " * gap if self.syntax else " "
            out += t.text
        if not self.syntax:
            out = " ".join(t.text for t in toks[s:e])
        return out


def iso_date(value: str | None) -> str | None:
    """'2022-12-10T08:00Z' -> '2022-12-10'; anything that is not an ISO date -> None."""
    m = ISO_DATE.match(str(value or "").strip())
    return m.group(0) if m else None


def analyse_phrase(lex: Lexicon, text: str, date: str | None) -> Actor | None:
    """Resolve a bare phrase (no parse): all atoms form one noun phrase."""
    toks = [Tok(i, w) for i, w in enumerate(tokenize(text or ""))]
    if not toks:
        return None
    date = iso_date(date)
    an = Analysis(lex, toks, [0] * len(toks), date, syntax=False)
    atoms = an.atoms(())
    weapon = toks[-1].norm in lex.weapons
    if weapon and not any(a.end == len(toks) for a in atoms):
        atoms.append(Atom(len(toks) - 1, len(toks), "agent", None))
    if not atoms and all(t.text[:1].isupper() or t.text == "-" for t in toks):
        guess = an._guess(0, len(toks))  # a bare name: "Carlos Menem"
        atoms = [Atom(0, len(toks), "person", guess)] if guess else []
    if not atoms:
        return None
    actor = an.compose(len(toks) - 1, atoms)
    if actor is not None:
        actor.text = text.strip()
    return actor


def span_head(toks: list[Tok], s: int, e: int) -> int:
    for i in range(e - 1, s - 1, -1):
        if not s <= toks[i].head < e or toks[i].head == i:
            return i
    return e - 1


def make_mention(toks: list[Tok], sents: list[int], s: int, e: int, actor: Actor) -> Mention:
    start, end = toks[s].idx, toks[e - 1].idx + len(toks[e - 1].text)
    actor.start, actor.end = start, end
    return Mention(
        start=start,
        end=end,
        token_start=s,
        token_end=e,
        head=span_head(toks, s, e),
        sentence=sents[s],
        actor=actor,
    )


def document_mentions(lex: Lexicon, doc: Document, sdoc: Any) -> list[Mention]:
    toks = spacy_toks(sdoc)
    sents = [0] * len(toks)
    for k, sent in enumerate(sdoc.sents):
        for i in range(sent.start, sent.end):
            sents[i] = k
    date = iso_date(doc.published)
    an = Analysis(lex, toks, sents, date, syntax=True)
    ents = [(e.start, e.end, e.label_) for e in sdoc.ents]
    atoms = an.atoms(ents)
    out: list[Mention] = []
    for root, group in an.groups(atoms):
        for run, shared in an.runs(root, group):
            actor = an.compose(root, run, shared)
            if actor is not None:
                out.append(make_mention(toks, sents, run[0].start, run[-1].end, actor))
    out.sort(key=lambda m: m.start)
    link_appositions(out, toks)
    out = corefer(out, toks)
    out += pronouns(out, toks, sents)
    out.sort(key=lambda m: (m.start, m.end))
    place_in_context(out)
    for m in out:  # the parse is of doc.text, but never trust it blindly
        m.actor.text = doc.text[m.start : m.end] if m.end <= len(doc.text) else m.actor.text
    return out


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
    """'the spokesman' after "... spokesman John Kirby": the same person."""
    role = fold(a.role or "").split()
    if before != "the" or len(role) != 1 or role[0].endswith("s"):
        return None
    for p in reversed(people):
        if p.role and fold(p.role).split()[-1:] == role:
            return p
    return None


def _copy(prior: Actor, here: Actor, how: str) -> Actor:
    return prior.model_copy(
        update={"text": here.text, "start": here.start, "end": here.end, "resolved_by": how}
    )


@lru_cache(maxsize=1)
def _first_names() -> dict[str, str]:
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
    return _first_names().get(fold(words[0])) if len(words) > 1 else None


def pronouns(mentions: list[Mention], toks: list[Tok], sents: list[int]) -> list[Mention]:
    """'he said' -> the person last named as a subject (or by-agent) before it."""
    people = [m for m in mentions if m.actor.kind == "person"]
    out = []
    for t in toks:
        if t.norm not in PRONOUNS or t.dep not in SUBJ_DEPS:
            continue
        prior = [m for m in people if m.end <= t.idx and sents[t.i] - m.sentence <= 3]
        if not prior:
            continue
        subj = [
            m
            for m in prior
            if toks[m.head].dep in SUBJ_DEPS
            or (toks[m.head].dep == "pobj" and toks[toks[m.head].head].dep == "agent")
        ]
        wanted = "f" if t.norm == "she" else "m"
        fits = [m for m in (subj or prior) if gender(m.actor) in (wanted, None)]
        if not fits:
            continue
        src = fits[-1].actor
        actor = src.model_copy(update={"text": t.text, "resolved_by": "pronoun"})
        out.append(make_mention(toks, sents, t.i, t.i + 1, actor))
    return out
