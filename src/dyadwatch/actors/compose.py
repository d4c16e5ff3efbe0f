"""Composing one Actor from a run of atoms: country, sector, role, person and name.

Context in the phrase beats the dictionary: "Moscow's UN envoy X" is RUS GOV whatever
X's dictionary row says; an office or body name alone ("Joint Chiefs of Staff Chairman X")
does not, since many countries have one: X's own dated row keeps X's country.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..records import Actor
from .grouping import Grouper
from .lexicon import FUNCTION_WORDS, IGO_CODES, Entry
from .match import CURATED, Atom, covers, pick_entry
from .names import country_name
from .vocab import (
    BARE_EXCLUDE,
    COUNTRYISH,
    ENVOY_WORDS,
    FORMER_WORDS,
    GENERIC_ROLES,
    INSTITUTIONS,
    LOC_PREPS,
    NOUNISH,
    OFFICE_SECTORS,
    ROLE_STOP,
)


@dataclass
class _Draft:
    """The fields of an Actor while a run is being read."""

    country: str | None = None
    intl: str | None = None
    sector: str | None = None
    role: str | None = None
    label: str | None = None
    resolved: str | None = None
    name: str | None = None
    kind: str = "unknown"
    prefix: str = ""  # the words of the run before the person
    office: bool = False  # the country came from an office or body name, not a country word


class Analysis(Grouper):
    """Atoms of one token sequence turned into mentions."""

    def compose(self, root: int, run: list[Atom], shared: list[Atom] | None = None) -> Actor | None:
        person = next((a for a in reversed(run) if a.kind == "person"), None)
        entry = pick_entry(person.payload.entries, self.date) if person and person.payload else None
        ctx = [a for a in run if a is not person]
        d = _Draft()
        self._read_context(d, ctx, held=entry is not None and entry.sector is not None)
        agents = self._agents(ctx, shared, person)
        if agents:
            self._apply_agents(d, agents, run)
        if not agents and person is None and self._civilians(run, root):
            d.sector = "CVL"
        d.kind = "state" if d.country else "unknown"
        if person is not None:
            if person.start > run[0].start:
                d.prefix = self._text(run[0].start, person.start)
            self._as_person(d, person, entry)
        elif not self._as_thing(d, run, agents):
            return None  # a bare generic noun ("people", "business") is no actor
        self._former(d, run, agents, person, entry)
        return self._actor(d, run)

    def _former(
        self,
        d: _Draft,
        run: list[Atom],
        agents: list[Atom],
        person: Atom | None,
        entry: Entry | None = None,
    ) -> None:
        """'former Brazilian President X', 'retired Kenyan generals': ELI (PLOVER: former
        officials who hold no position now), whatever the dictionary's row says; so is a
        'former General Secretary' whose rows are state offices."""
        state_row = entry is not None and entry.sector in (*OFFICE_SECTORS, "ELI")
        office = d.sector in OFFICE_SECTORS or (d.sector == "PTY" and state_row)
        if not office or not (person or agents):
            return
        last = agents[-1] if agents else None
        if last is not None and last.payload and last.payload.surface in INSTITUTIONS:
            return  # "the former Soviet army" is an institution, not a person out of office
        first, end = run[0].start, run[-1].end
        before = [t.norm for t in self.toks[max(first - 2, 0) : first]]
        covered = {i for a in run for i in range(a.start, a.end)}
        loose = {t.norm for t in self.toks[first:end] if t.i not in covered}
        # "former Chairman of the Joint Chiefs": the "former chairman" atom says so
        inner = any(a.kind == "agent" and a.payload and a.payload.sector == "ELI" for a in run)
        said = FORMER_WORDS & set(before[-1:]) or before == ["ex", "-"] or FORMER_WORDS & loose
        if not (said or inner or self._former_title(first, end)):
            return
        d.sector = "ELI"
        role = d.role or "official"
        d.role = role if role.split()[0].lower() in FORMER_WORDS else f"former {role}"

    def _read_context(self, d: _Draft, ctx: list[Atom], held: bool = False) -> None:
        """Country, IGO, sector and label from the non-person atoms, first one wins. A capital
        names a country, not an office: before a person whose row has a sector ("Seoul's JCS
        chairman X", ``held``) it gives no GOV of its own."""
        for a in ctx:
            p = a.payload
            if self._ethnic(a) or self._stance(a) or self._destination(a, ctx):
                continue
            if a.kind in COUNTRYISH and p is not None:
                if d.country is None and p.iso:
                    d.office = a.kind == "metonym"  # "National Security Council", "Kremlin"
                d.country = d.country or p.iso
                d.intl = d.intl or p.intl
                if a.kind == "metonym" and p.sector:
                    d.sector = d.sector or p.sector
                if a.kind == "capital" and p.sector and not (held or self._locative(a)):
                    d.sector = d.sector or p.sector
                d.label = d.label or p.label
            elif a.kind in ("group", "igo") and p is not None:
                e = pick_entry(p.entries, self.date)
                if e is not None and self._other_states_party(e, a, ctx):
                    d.sector = d.sector or "PTY"  # "the Labour Party of Norway": not Britain's
                elif e is not None:
                    if d.country is None and e.country:
                        d.office = e.sector in OFFICE_SECTORS  # "Joint Chiefs of Staff"
                    d.country, d.intl = d.country or e.country, d.intl or e.intl
                    d.sector = d.sector or e.sector
                    d.label = d.label or e.key

    def _agents(
        self, ctx: list[Atom], shared: list[Atom] | None, person: Atom | None
    ) -> list[Atom]:
        """Role atoms of the run, else those shared with the head run, else a title inside
        the person's own dictionary alias."""
        agents = [a for a in ctx if a.kind == "agent" or (a.kind == "igo" and self._agent_tail(a))]
        agents = agents or list(shared or [])
        if not agents and person is not None and person.payload is not None:
            inner = self._inner_title(person)
            if inner is not None and not self._own_name(person, inner):
                agents = [inner]
        return agents

    def _apply_agents(self, d: _Draft, agents: list[Atom], run: list[Atom]) -> None:
        """The last role noun gives the sector; the role text spans first to last."""
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
            tail = (owners[-1] if owners else None) or d.sector or tail
        d.sector = tail or d.sector
        first = agents[0]
        k = run.index(first) if first in run else -1
        if k > 0 and run[k - 1].kind == "igo" and run[k - 1].end == first.start:
            first = run[k - 1]
        if last.payload is not None:
            start = self._role_start(first.start)
            d.role = self._text(start, last.end)
        if d.country and any(a.kind == "igo" for a in agents):
            d.intl = None

    def _former_title(self, first: int, end: int) -> bool:
        """'former Chairman of the Joint Chiefs of Staff Michael Mullen': "former" heads a
        title that leads to the run (a bare phrase: anywhere before it)."""
        for t in self.toks[max(first - 8, 0) : first]:
            if t.norm not in FORMER_WORDS:
                continue
            if not self.syntax:
                return True
            k, seen = t.head, 0
            while seen < 4 and not first <= k < end and self.toks[k].head != k:
                k, seen = self.toks[k].head, seen + 1
            if first <= k < end:
                return True
        return False

    def _role_start(self, i: int) -> int:
        """Lower-case nouns right before the role noun belong to it ('fisheries minister');
        a determiner does not ('the UN ambassador')."""
        while i > 0:
            t = self.toks[i - 1]
            lower = t.text.isalpha() and t.text.islower() and t.norm not in FUNCTION_WORDS
            if not lower or t.norm in FORMER_WORDS or t.norm in ROLE_STOP:
                break
            if self.syntax and (t.dep != "compound" or t.pos != "NOUN"):
                break
            i -= 1
        while i < len(self.toks) - 1 and self.toks[i].norm in ("the", "a", "an"):
            i += 1
        return i

    def _civilians(self, run: list[Atom], root: int) -> bool:
        """'Palestinians', 'thousands of Nigerians', 'Bosnian Serbs': people, not the state."""
        if len(run) == 1 and self._people_noun(run[0], root):
            return True
        return run[-1].kind != "group" and self._stacked_demonyms(run)

    def _as_person(self, d: _Draft, person: Atom, entry: Entry | None) -> None:
        """A dated dictionary row fills what the context left open; context wins on sector."""
        d.kind = "person"
        d.name = entry.name if entry else self._text(person.start, person.end)
        if entry is None:
            d.resolved = "appositive" if (d.country or d.intl or d.sector) else "ner"
            d.label = "appositive" if d.resolved == "appositive" else None
            return
        if d.country is None and (d.intl is None or self._national_envoy(d, entry)):
            d.country, d.intl = entry.country or d.country, entry.intl
        elif d.office and self._holds_office(entry) and entry.country != d.country:
            d.country, d.intl = entry.country, entry.intl
        elif d.country is None and d.intl and entry.source in CURATED and self._holds_office(entry):
            # "... General Assembly President Joseph R. Biden": a body's title run into the
            # name of a national office holder (the parse ran two phrases together)
            d.country, d.intl = entry.country, entry.intl
        d.resolved = "dictionary"
        if d.sector is None or self._ruling_party_leader(d, entry):
            d.sector = entry.sector
        elif entry.sector and entry.sector != d.sector:
            d.resolved = "title"
        d.role = d.role or entry.role
        d.label = entry.key

    def _holds_office(self, entry: Entry) -> bool:
        """A dated row of the person's own, valid on the article date: it places the person
        better than an office name that several countries use ("Secretary of State for
        Foreign Affairs Luca Beccari" is San Marino's, not the US office)."""
        dated = bool(entry.country) and bool(entry.start or entry.end)
        return dated and self.date is not None and covers(entry, self.date)

    def _ruling_party_leader(self, d: _Draft, entry: Entry) -> bool:
        """'Communist Party General Secretary To Lam': a party title held by someone whose dated
        row has them in government that day keeps GOV. PLOVER's GOV covers "governing parties"
        (manual, sector codes), and NGEC's PLOVER_agents.txt codes POLITBURO, RULING_COALITION and
        MPS_OF_THE_RULING_PARTY as GOV (Phoenix: SOLE_POLITICAL_PARTY ~GOV): the leader of the
        ruling party of a one-party state is the government, not PTY."""
        if d.sector != "PTY" or entry.sector != "GOV" or not (entry.start or entry.end):
            return False
        return self.date is not None and covers(entry, self.date)

    @staticmethod
    def _national_envoy(d: _Draft, entry: Entry) -> bool:
        """'UN envoy Fu Cong', 'UN ambassador John Bolton': a country's envoy to the body;
        'Security Council secretary Sergei Shoigu': the person's own national title."""
        role = (d.role or d.prefix).lower().strip()
        own = bool(role) and role in (entry.role or "").lower()  # the person's own title
        return bool(entry.country) and (own or any(w in role for w in ENVOY_WORDS))

    def _other_states_party(self, e: Entry, a: Atom, ctx: list[Atom]) -> bool:
        """A party name another country's party shares, said to be of this country ("the
        Labour Party of Norway", "the Republican Party of Armenia")."""
        if "party" not in (e.role or "").lower():
            return False
        return any(
            x.kind == "country" and x.start > a.start and x.payload is not None
            and x.payload.iso not in (None, e.country) and self.toks[x.start - 1].norm == "of"
            for x in ctx
        )  # fmt: skip

    def _as_thing(self, d: _Draft, run: list[Atom], agents: list[Atom]) -> bool:
        """Name and kind of a non-person actor; False when the run is no actor at all."""
        head = next((a for a in reversed(run) if a.kind in NOUNISH), None)
        if head is not None and head.kind in ("igo", "group") and head.payload:
            e = pick_entry(head.payload.entries, self.date)
            d.name = self._text(head.start, head.end)
            d.kind = (
                "igo"
                if e and e.intl in IGO_CODES and not d.country
                else ("state" if d.country else "group")
            )
            d.resolved = "dictionary"
        elif d.country:
            d.name = country_name(d.country)
            d.resolved = "alias"
        elif d.intl:
            d.kind, d.name, d.resolved = "igo", self._text(run[0].start, run[-1].end), "alias"
        elif any(self._ethnic(a) for a in run):
            d.kind, d.resolved = "group", "ethnic"
            d.name, d.sector = self._text(run[0].start - 1, run[-1].end), d.sector or "CVL"
        else:
            return self._bare_role(d, agents)
        return True

    def _bare_role(self, d: _Draft, agents: list[Atom]) -> bool:
        """A specific plural role phrase stands alone ("islamic fundamentalists"), a
        singular one may be a thing ("military intelligence")."""
        bare = agents[-1].payload if agents else None
        multiword = bare is not None and " " in bare.surface and self._plural(agents[-1])
        if (
            bare is None
            or not (bare.label.startswith("agents+:") or multiword)
            or bare.surface in BARE_EXCLUDE
        ):
            return False
        d.kind, d.resolved = "group", "title"
        d.label = d.label or bare.label
        return True

    def _actor(self, d: _Draft, run: list[Atom]) -> Actor | None:
        if d.country:
            d.intl = None
        if not (d.country or d.intl or d.sector or d.name):
            return None
        base = d.country or d.intl
        return Actor(
            text=self._text(run[0].start, run[-1].end),
            name=d.name,
            country=d.country,
            sector=d.sector,
            code=(base or "") + (d.sector or "") or None,
            role=d.role,
            kind=d.kind,  # type: ignore[arg-type]
            entry=d.label,
            resolved_by=d.resolved,
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

    def _own_name(self, person: Atom, inner: Atom) -> bool:
        """'Marine Le Pen', 'Christian Stocker', 'Mohammed Shia al-Sudani': the role-like word is
        part of the person's own name, not a title."""
        words = self._text(inner.start, inner.end).lower()
        names = {e.name.lower() for e in (person.payload.entries if person.payload else [])}
        return any(f" {words} " in f" {n} " for n in names)

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
