"""Noun-phrase grouping: which atoms belong to one phrase, and contiguous runs in it.

"Polish and Lithuanian officials" is one phrase with two runs sharing the role noun;
"Trump critic Mark Cuban" is one phrase with two mentions.
"""

from __future__ import annotations

from .atoms import AtomFinder
from .match import Atom, pick_entry
from .tokens import Tok
from .vocab import (
    COUNTRYISH,
    GROUP_DEPS,
    MODIFIER_DEPS,
    NOUNISH,
    ROLE_PREPS,
    STANCE_PREFIXES,
    SUBJ_DEPS,
)

TITLE_KINDS = frozenset({"agent", "group", "igo", "metonym"})  # atoms that can be an office
OPPOSING = frozenset({"critic", "critics", "opponent", "opponents"})


class Grouper(AtomFinder):
    """Groups atoms by the head of the noun phrase they modify."""

    def _root(
        self,
        a: Atom,
        role_heads: frozenset[int] = frozenset(),
        title_preps: frozenset[int] = frozenset(),
    ) -> int:
        """The head of the noun phrase the atom modifies (compound/amod/poss/appos chain).

        Coordinated modifiers ("French and Belgian forces") and "of"-complements of a role
        noun ("the president of Kazakhstan") climb to the same head, and so does a name the
        parser hung from a title's own preposition ("Australia's Minister for Foreign Affairs
        Jane Doe": "Doe" as the object of "for").
        """
        toks = self.toks
        # the last token governed from outside: "UN" of "The UN", not the determiner
        head = next(
            (i for i in range(a.end - 1, a.start - 1, -1) if not a.start <= toks[i].head < a.end),
            a.end - 1,
        )
        if not self.syntax:
            return len(toks) - 1
        named = a.kind == "person" and a.payload is not None and head == a.start
        if named and toks[head].dep == "prep" and toks[head].head != head:
            head = toks[head].head  # "General Secretary To Lam": "To" read as a preposition
        seen = {head}
        while toks[head].head != head:
            t = toks[head]
            nxt = t.head
            role_pobj = toks[nxt].norm in ROLE_PREPS and toks[nxt].head in role_heads
            if t.dep == "pobj" and (role_pobj or nxt in title_preps):
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
        title_preps = frozenset(
            i
            for a in atoms
            if a.kind in TITLE_KINDS
            for i in range(a.start, a.end - 1)
            if self.toks[i].pos == "ADP"
        )
        for a in atoms:
            by_root.setdefault(self._root(a, role_heads, title_preps), []).append(a)
        return sorted(by_root.items(), key=lambda kv: kv[1][0].start)

    def runs(self, root: int, atoms: list[Atom]) -> list[tuple[list[Atom], list[Atom]]]:
        """Contiguous runs of one phrase, each with the role atoms it shares with the head run.

        Modifiers of non-actor heads are dropped first; "Polish and Lithuanian officials"
        gives two runs, and "Polish" shares "officials".
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
            # "Trump critic Mark Cuban": the critic opposes the person named, whose country
            # or office he does not share; the role word is left out of both mentions
            if (
                prev is not None
                and prev.kind == "person"
                and a.kind == "agent"
                and a.payload is not None
                and a.payload.surface in OPPOSING
            ):
                continue
            if prev is not None and not possessor and not second_person and self._joinable(prev, a):
                runs[-1].append(a)
            else:
                runs.append([a])
        out: list[list[Atom]] = []
        for run in runs:
            isos = {self._iso(a) for a in run if not self._destination(a, run)} - {None}
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
        """'Bosnian Serbs', 'Bosnian Croat farmers': one group whose first demonym is where
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

    def _destination(self, a: Atom, ctx: list[Atom]) -> bool:
        """'the ambassador to Russia', 'the UN envoy for Syria', 'Special Representative for
        Afghanistan and Pakistan': where the role is sent, not whose it is (the sender comes
        from the rest of the phrase or the holder's row, or stays unknown)."""
        if a.kind not in COUNTRYISH or a.start < 1:
            return False
        last = self.toks[a.end - 1]
        head = self.toks[last.head] if last.head is not None and last.head >= a.end else None
        found = [x for x in self.found if self.sents[x.start] == self.sents[a.start]]
        body = head is not None and any(
            x.kind == "agent" and x.start <= head.i < x.end for x in [*ctx, *found]
        )
        owner = head is not None and (head.pos == "NOUN" or head.text[:1].islower() or body)
        if last.dep in ("amod", "compound", "poss") and owner:
            return False  # "a spokesman for the Chinese government": whose, not where to
        ends = {x.end: x for x in [*ctx, *found] if x.kind in COUNTRYISH}
        i = a.start - 1
        while i > 0 and self.toks[i].norm in ("and", "or", ",") and i in ends:
            i = ends[i].start - 1  # a conjunct of a destination is one too
        if self.toks[i].norm == "the" and i > 0:
            i -= 1
        if self.toks[i].norm not in ("to", "for"):
            return False
        roles = ("agent", "igo")
        if any(x.kind in roles and x.end <= i for x in ctx):
            return True
        prep = self.toks[i]
        if self.syntax and prep.head is not None and prep.head != i:
            # "deployed soldiers to Mozambique": the preposition is the verb's, not the role's
            return any(x.kind in roles and x.start <= prep.head < x.end for x in found)
        return any(x.kind in roles and x.end == i for x in found)

    def _ethnic(self, a: Atom) -> bool:
        """'ethnic Albanians': an ethnic group, not the state; its country is where it lives."""
        return a.kind == "demonym" and a.start > 0 and self.toks[a.start - 1].norm == "ethnic"

    def _stance(self, a: Atom) -> bool:
        """'pro-Iranian Hizbollah', 'anti-Syria journalist': a stance, not a nationality; so is
        a span of many ('the Inter-American Development Bank', 'pan-African')."""
        if a.kind not in COUNTRYISH or a.start < 2 or self.toks[a.start - 1].text != "-":
            return False
        return self.toks[a.start - 2].norm in STANCE_PREFIXES

    def _joinable(self, a: Atom, b: Atom) -> bool:
        gap = self.toks[a.end : b.start]
        if self._title_holder(a, gap, b):
            return True
        if len(gap) > 4:
            return False
        return all(
            t.pos not in ("VERB", "AUX", "ADP", "CCONJ", "SCONJ", "PRON", "PUNCT", "NUM")
            or t.text in ("'s", "\u2019s", "-")
            or t.norm in ROLE_PREPS
            for t in gap
        ) or (len(gap) == 1 and gap[0].text == "," and self.toks[b.end - 1].dep == "appos")

    def _title_holder(self, a: Atom, gap: list[Tok], b: Atom) -> bool:
        """Words of the office between a title and its holder keep them one mention: the
        portfolio ("Secretary of State for Foreign Affairs Luca Beccari") or the rest of the
        title before an apposition ("the Joint Chiefs of Staff chairman, Kim Seung-kyum")."""
        if a.kind not in TITLE_KINDS or b.kind != "person" or not gap:
            return False
        words = gap[:-1] if gap[-1].text == "," else gap
        if len(words) == len(gap) - 1 and self.toks[b.end - 1].dep != "appos":
            return False
        if not words or len(words) > 6:
            return False
        if words[0].norm == "for":
            rest = words[1:]
            capital = all(t.text[:1].isupper() or t.norm in ("and", "&", "the") for t in rest)
            return bool(rest) and capital and rest[-1].text[:1].isupper()
        return len(words) < len(gap) and all(t.pos == "NOUN" for t in words)

    def _iso(self, a: Atom) -> str | None:
        p = a.payload
        if p is None:
            return None
        if p.entries:
            e = pick_entry(p.entries, self.date)
            return e.country if e and a.kind != "person" else None
        return p.iso if a.kind in COUNTRYISH else None
