"""The mentions of one document, indexed for the coder: token -> mention, the actors that
earlier sentences named (for pronouns, "the country", "both sides"), and the subjects and
agents remembered sentence by sentence. Split from args.py, which reads arguments off the parse.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ..records import Actor, Mention
from .args import ISSUED_TEXTS, NP_MODS, SUBJ, _dedupe
from .frames import AGENT_NOUNS, ARMS, BREACHES, attribution, word_set
from .parties import counterpart
from .refs import member_states, the_two
from .syntax import extraposed

# event nouns whose of-phrase is no actor ("the invasion of Ukraine")
EVENTIVE = frozenset(
    {"war", "attack", "claim", "report", "deal", "talk", "plan", "allegation", "assessment"}
    | {"invasion", "visit", "aid", "support", "cooperation", "decision", "call", "demand"}
    | {"threat", "offer", "sale", "transfer", "use"}
)
OBJ_NP_PREPS = ("of", "from", "by", "against", "on", "to", "with", "for", "between", "among", "in")
PLURAL_PRON = frozenset({"they", "their", "them", "theirs", "both"})
SINGULAR_PRON = frozenset({"it", "its"})
DEFINITE = frozenset({"the", "this", "these", "that", "those"})


def _derived(noun: str, verb: str) -> bool:
    """Is the noun made from the verb (seize/seizure, invade/invasion, attack/attack)?"""
    n = 0
    while n < min(len(noun), len(verb)) and noun[n] == verb[n]:
        n += 1
    return n >= max(4, len(verb) - 2)


def _definite(noun: Any) -> bool:
    """'the seizure', 'these attacks' (not 'an attack', not 'Russia's attack')."""
    kids = [c for c in noun.children if c.i < noun.i]
    return any(c.dep_ == "det" and c.lower_ in DEFINITE for c in kids) and not any(
        c.dep_ == "poss" for c in kids
    )


def _eventive(tok: Any) -> bool:
    """'invasion of Ukraine', 'assessment of X': the of-phrase is not the actor."""
    lem = tok.lemma_.lower()
    if lem in AGENT_NOUNS:
        return False
    return lem in EVENTIVE or lem.endswith(("tion", "sion", "ment", "ance", "ence", "ure", "ing"))


# words that refer back to an act just named ("the strikes", "the move")
REFERRING = word_set(
    """strike attack shelling bombing move step decision action launch test exercise drill
    incursion seizure deployment announcement measure provocation"""
)


def _issued_text(h: Any) -> bool:
    """A definite issued text with no owner of its own, as the subject of a verb."""
    if h.lemma_.lower() not in ISSUED_TEXTS or h.dep_ not in ("nsubj", "nsubjpass"):
        return False
    own = [c for c in h.children if c.dep_ in ("poss", "compound", "prep")]
    det = [c.lower_ for c in h.children if c.dep_ == "det"]
    return det == ["the"] and not own


# first and second person: never the antecedent of "it" or "they"
SPEAKERS = frozenset({"i", "we", "you", "me", "us", "my", "our", "your"})


class MentionIndex:
    """Token -> mention lookup, plus a memory of recent subjects for pronouns."""

    def __init__(self, mentions: Iterable[Mention]) -> None:
        self.by_token: dict[int, Mention] = {}
        self.by_start: dict[int, Mention] = {}
        for m in mentions:
            if m.actor.country is None and m.actor.code is None:
                continue
            self.by_start.setdefault(m.start, m)
            for i in range(m.token_start, m.token_end):
                self.by_token.setdefault(i, m)
        self.ordered = sorted(self.by_start.values(), key=lambda m: m.start)
        self.recent_groups: list[list[Mention]] = []  # coordinated subjects, newest last
        self.recent_single: list[Mention] = []
        self.recent_any: list[list[Mention]] = []  # both, newest last
        self.nominal: set[int] = set()  # tokens of nominal triggers in the current sentence
        self.nominal_types: dict[int, str] = {}  # their PLOVER types
        self.sentence = 0  # index of the sentence being coded
        self.voice: Actor | None = None  # the text's own voice (actors/voice.py), if known
        self.unaddressed: set[str] = set()  # events of a type needing a recipient, with none
        # PLOVER type or trigger stem -> (sentence, sources) of the last such event
        self.agents: dict[str, tuple[int, list[Mention]]] = {}
        # attacker's country -> (sentence, targets) of its last attack with a target
        self.victims: dict[str, tuple[int, list[Mention]]] = {}

    def used(self, m: Mention, starts: set[int]) -> bool:
        """Is ``m`` one of the mentions at ``starts``, or a pronoun standing for one ("Iran
        offered to open its borders": 'its' is Iran, not a target)?"""
        if m.start in starts:
            return True
        if m.actor.resolved_by not in ("coreference", "pronoun", "outlet"):
            return False
        codes = {self.by_start[s].actor.code for s in starts if s in self.by_start}
        return m.actor.code in codes

    def remember_agents(self, ptype: str, lemma: str, sentence: int, found: list[Mention]) -> None:
        self.agents[ptype] = (sentence, found)
        self.agents["~" + lemma] = (sentence, found)
        self.agents["*"] = (sentence, found)  # the latest act, whatever its type

    def referred_agents(self, noun: Any, lodged: bool = False) -> list[Mention]:
        """'Russian forces shelled Kharkiv. Kyiv condemned the strikes.': a definite word for
        an act ("the strikes", "the move", "the drills") with no agent of its own, judged in
        the next sentence, refers to the last act named in the sentence before."""
        if noun is None:
            return []
        if not lodged and (not _definite(noun) or noun.lemma_.lower() not in REFERRING):
            return []  # (``lodged``: "lodged a protest" with no object names no act itself)
        if any(
            c.dep_ in ("poss", "compound", "amod") and c.i in self.by_token for c in noun.children
        ):
            return []
        found = self.agents.get("*")
        return list(found[1]) if found is not None and self.sentence - found[0] == 1 else []

    def earlier_agents(self, noun: Any) -> list[Mention]:
        """'The Houthis seized a ship. The US condemned the seizure.': a definite event noun
        with no agent of its own refers back to the last event of its type (or of its verb:
        seize, seizure; invade, invasion) in the two sentences before."""
        if not _definite(noun):
            return []
        low = noun.lemma_.lower()
        keys = [self.nominal_types.get(noun.i, "")]
        keys += [k for k in self.agents if k.startswith("~") and _derived(low, k[1:])]
        for k in keys:
            found = self.agents.get(k) if k else None
            if found is not None and 0 < self.sentence - found[0] <= 2:
                return list(found[1])
        return []

    def remember(self, group: list[Mention]) -> None:
        if group:
            self.recent_any.append(group)
        if len(group) >= 2:
            self.recent_groups.append(group)
        elif group:
            self.recent_single.append(group[0])

    def pronoun(self, tok: Any) -> list[Mention]:
        low = tok.lower_
        if low == "it" and extraposed(tok):
            return []  # "it is necessary to ...", "it is important that ...": no referent
        if low == "its":  # possessive: the nearest preceding actor in the sentence
            for i in range(tok.i - 1, tok.sent.start - 1, -1):
                m = self.by_token.get(i)
                if m is not None:
                    return [m]
        if low in SINGULAR_PRON or (low in PLURAL_PRON and tok.dep_ in ("nsubj", "nsubjpass")):
            local = self._governing_subject(tok)
            if local:
                return local
        if low == "their":  # "the dockworkers resumed their walkout": own clause only
            local = self._governing_subject(tok, steps=1, plural=True)
            if local:
                return local
        if low in ("their", "them"):
            # "A and B discussed X, including their efforts"; "met A of X and B of Y and
            # welcomed their ...": both
            group = self._governing_subject(tok, plural=True)
            if len(group) >= 2:
                return group
            group = self._coordination_before(tok)
            if group:
                return group
        if low in PLURAL_PRON and self.recent_groups:
            return list(self.recent_groups[-1])
        if low in SINGULAR_PRON and self.recent_single:
            return [self.recent_single[-1]]
        return []

    def _coordination_before(self, tok: Any) -> list[Mention]:
        """The actors of the nearest coordinated phrase before the pronoun in its sentence, if
        the nearest actor before it stands in one."""
        for i in range(tok.i - 1, tok.sent.start - 1, -1):
            if i not in self.by_token:
                continue
            cur = tok.doc[self.by_token[i].head]
            for _ in range(4):  # up to the conjunct: "Niinistö of Finland" -> "Niinistö"
                if cur.dep_ == "conj" or cur.dep_ not in ("pobj", "prep", "compound", "appos"):
                    break
                cur = cur.head
            while cur.dep_ == "conj":
                cur = cur.head
            group = self.phrase(cur, pronouns=False, obj=True) if cur.conjuncts else []
            return group if len(group) >= 2 else []
        return []

    def _governing_subject(self, tok: Any, steps: int = 4, plural: bool = False) -> list[Mention]:
        """'Iran has acknowledged that it sold ...': 'it' -> the subject of 'acknowledged'."""
        cur = tok.head
        for _ in range(steps):
            if cur.head == cur:
                break
            cur = cur.head
            for c in cur.children:
                if c.dep_ in SUBJ and c.i != tok.i and c.i < tok.i:
                    if c.lower_ in SPEAKERS and tok.lower_ not in SPEAKERS:
                        continue  # "we know that they're arming Russia": they are not we
                    found = self.phrase(c, pronouns=False)
                    if found:
                        return found if plural else found[:1]
        return []

    def phrase(
        self, tok: Any, pronouns: bool = True, depth: int = 0, obj: bool = False
    ) -> list[Mention]:
        """Actors of the noun phrase headed by ``tok`` (with its conjuncts).

        ``obj``: the phrase is an object, so an actor inside its prepositional phrases counts
        ("rejected an offer from Afghanistan", "restrictions against German goods").
        """
        out: list[Mention] = []
        coord = depth == 0 or tok.dep_ == "pobj"  # "sanctions on Russia and Belarus"
        heads = [tok, *(c for c in tok.conjuncts if c.i > tok.i)] if coord else [tok]
        for h in heads:
            out.extend(self._head_actor(h, pronouns, depth, obj))
        return _dedupe(out)

    def _head_actor(self, h: Any, pronouns: bool, depth: int, obj: bool = False) -> list[Mention]:
        m = self.by_token.get(h.i)
        if m is not None:  # "Serbian and Kosovar negotiators": both
            return [self._placed_by_modifier(m, h, pronouns), *self._coordinated_mods(h, m)]
        if h.pos_ == "PRON" or h.tag_ in ("PRP", "PRP$"):
            return self.pronoun(h) if pronouns else []
        two = the_two(h, self.ordered) if pronouns else []
        if two:  # "the two leaders condemned ..."
            return two
        if pronouns and _issued_text(h) and self.recent_any:
            return list(self.recent_any[-1])  # "The G7 met ... The statement called on X"
        group = member_states(h, self.sentence)
        if group:  # "the Baltic states": one side per member
            return group
        # "Ukraine's allies", "the partners of Japan": others, unnamed ("our Ukrainian
        # partners" are Ukraine)
        other = counterpart(h) and not self._members(h)
        mods: tuple[str, ...] = ("amod", "compound") if other else NP_MODS
        if obj and h.lemma_.lower() in ARMS:
            mods = ("poss",)  # "seized American weapons": the maker is no party
        found: list[Mention] = []
        for c in h.children:  # the first modifier with an actor ("Moscow's UN envoy": Moscow)
            if c.dep_ in mods and c.i < h.i and not found:
                found.extend(self._mods(c, pronouns))
        # objects keep looking past a modifier: "an offensive in its war with Iraq" (its = the
        # source, filtered later by the caller)
        if (obj and depth < 3) or (not found and depth < 2 and not _eventive(h)):
            preps = OBJ_NP_PREPS if obj and h.pos_ != "PROPN" else ("of", "from", "in")
            for c in sorted(
                (
                    c
                    for c in h.children
                    if c.dep_ == "prep"
                    and c.lower_ in preps
                    and not (other and c.lower_ == "of")
                    and not attribution(c)
                    and not self.broken_norm(c)
                ),
                key=lambda c: preps.index(c.lower_),
            ):  # "officials of Iraq", "forces from Russia"
                for p in c.children:
                    if p.dep_ == "pobj" and (obj or not found):
                        found.extend(self.phrase(p, pronouns, depth + 1, obj))
        if not found and depth < 2:  # "Sidhoum, Algeria's leading activist"
            for c in h.children:
                if c.dep_ == "appos" and not found:
                    found.extend(self.phrase(c, pronouns, depth + 1, obj))
        return found

    def _members(self, h: Any) -> bool:
        """'NATO's Allies', 'the alliance's members': an alliance's allies are its members,
        so the body is the party (an owner state's allies are others)."""
        if h.lemma_.lower() not in ("ally", "allies", "member"):
            return False
        owners = (self.by_token.get(c.i) for c in h.children if c.dep_ == "poss")
        return any(m is not None and m.actor.kind == "igo" for m in owners)

    def broken_norm(self, prep: Any) -> bool:
        """'a violation of UN resolutions': the norm a breach breaks is no party to the act;
        'the violations of the Assad regime' name who broke it."""
        if prep.head.lemma_.lower() not in BREACHES:
            return False
        return not any(p.dep_ == "pobj" and p.i in self.by_token for p in prep.children)

    def _coordinated_mods(self, h: Any, m: Mention) -> list[Mention]:
        """'Serbian and Kosovar negotiators'; 'the ministers of Japan and South Korea' (one
        mention spans the role and its first country; the other countries come after)."""
        out = []
        for c in h.children:
            if c.dep_ == "prep" and c.lower_ == "of" and c.i < m.token_end:
                for p in c.children:
                    if p.dep_ == "pobj" and p.i < m.token_end:
                        out += [self.by_token[x.i] for x in p.conjuncts if x.i in self.by_token]
        for c in h.children:
            if c.dep_ in ("amod", "compound", "nmod") and c.i < h.i:
                for x in (c, *c.conjuncts):
                    other = self.by_token.get(x.i)
                    if other is not None and other is not m and c.conjuncts:
                        out.append(other)
        return out

    def _placed_by_modifier(self, m: Mention, h: Any, pronouns: bool) -> Mention:
        """'its troops' (MIL, no country) + 'its' -> Syria: SYRMIL; 'the Kurds of northern
        Syria' (a people, CVL) live in Syria."""
        people = m.actor.sector == "CVL" and m.actor.kind == "state" and m.token_end - 1 == h.i
        if m.actor.kind == "igo" or (m.actor.code or "")[:3] in ("NGO", "MNC", "IGO"):
            return m  # "Oxfam staff working in Yemen" are not Yemeni
        if m.actor.country and m.actor.resolved_by != "context" and not people:
            return m
        if people and any(
            c.dep_ in ("amod", "compound") and c.ent_type_ == "NORP" for c in h.children
        ):
            return m  # "Japanese nationals in China": the demonym is their nationality
        for c in h.children:
            found: list[Mention] = []
            if people and m.actor.country and c.dep_ != "prep":
                continue
            if c.dep_ in ("poss", "amod", "compound") and c.i < h.i:
                found = [x for x in self._mods(c, pronouns) if x.actor.country]
            elif c.dep_ == "prep" and c.lower_ in ("in", "from", "of", "throughout", "across"):
                pobj = [p for p in c.children if p.dep_ == "pobj"]
                found = [x for p in pobj for x in [self.by_token.get(p.i)] if x and x.actor.country]
            elif c.dep_ == "prep" and c.lower_ == "for":  # "a spokesman for the Chinese
                pobj = [p for p in c.children if p.dep_ == "pobj"]  # ministry" (not "envoy
                found = [  # for Syria": a bare country is where a role is sent)
                    x
                    for p in pobj
                    for x in [self.by_token.get(p.i)]
                    if x and x.actor.country and x.actor.role
                ]
            if found and found[0] is not m:
                country = found[0].actor.country
                actor = m.actor.model_copy(
                    update={
                        "country": country,
                        "code": f"{country}{m.actor.sector or ''}",
                        "resolved_by": "modifier",
                    }
                )
                return m.model_copy(update={"actor": actor})
        return m

    def _mods(self, tok: Any, pronouns: bool) -> list[Mention]:
        m = self.by_token.get(tok.i)
        if m is not None:
            found = [m]
            for c in tok.children:  # "Iran-Russia cooperation", "US/UK forces"
                joined = tok.doc[c.i + 1 : tok.i]
                if c.i < tok.i and c.i in self.by_token and any(t.text in "-/" for t in joined):
                    found.insert(0, self.by_token[c.i])
        elif tok.tag_ == "PRP$" and pronouns:
            found = self.pronoun(tok)
        else:
            found = []
            for c in tok.children:
                if c.dep_ in (*NP_MODS, "conj", "cc", "punct") and c.i < tok.i:
                    found.extend(self._mods(c, pronouns))
        for c in tok.conjuncts:
            cm = self.by_token.get(c.i)
            if cm is not None:
                found.append(cm)
        return found
