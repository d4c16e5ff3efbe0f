"""PLOVER event coder: verb and noun patterns over the spaCy parse, actors from mentions."""

from __future__ import annotations

import re
from typing import Any

from ..actors.voice import document_voice
from ..records import Document, Event, Evidence, Mention, Plover, Span
from ..settings import Settings
from .args import (
    first_with_actor,
)
from .frames import (
    word_set,
)
from .generic import asserted
from .hits import (
    Hit,
    asked_for,
    attack_damage,
    brokered,
    drop_overlaps,
    named_noun,
    names_agent,
    object_core,
    object_first,
    post_bag,
    promised_harm,
    refused_measures,
)
from .index import MentionIndex
from .lexicon import Lexicon, NounPattern, VerbPattern, load_lexicon
from .nationality import NationalityWords
from .nominal import governor
from .pairs import (
    acting,
    actor_code,
    aided_victims,
    directed_pairs,
    drop_subsumed,
    fill_from_focus,
    guessed_speakers,
    with_id,
)
from .parties import RECIPIENT_TYPES, names_recipient
from .questions import interrogative
from .roles import MUTUAL_TYPES, event_args
from .rules import (
    DEMAND_CODES,
    FUTURE_THREAT,
    FUTURE_THREAT_CODES,
    NAME_ENTS,
    also_arrested,
    demanded,
    imprisons,
    recode,
)
from .senses import IsActor, sense_ok
from .speech import (
    WRONG_TYPES,
    copula_head,
    foretold,
    found_clause,
    idiom_top,
    judged_clause,
    speaking_verb,
    swallowed,
    verdict_clause,
    warned_addressees,
)
from .status import REPORTING, clause_status, in_condition
from .syntax import (
    content_tokens,
    is_military,
    misread_verb,
    of_object,
    phrasal,
    right_theme,
    temporal_adjunct,
    tok_end,
    weapon_type,
)
from .verbal import FEELINGS, with_partners
from .weapons import find_weapons, weapon_scope

MAX_SENT_TOKENS = 150
PLANS = frozenset({"plan", "intention", "proposal", "decision"})
PLANNED_HARM = frozenset({"ASSAULT", "COERCE", "SANCTION"})  # not MOBILIZE: "deepen ties"
# participles that name people held when they modify a noun ("jailed reporters")
CAPTIVITY = {
    **dict.fromkeys(("detained", "jailed", "imprisoned", "arrested", "incarcerated"), "173"),
    **dict.fromkeys(("abducted", "kidnapped", "kidnaped"), "181"),
}
# nouns.tsv '^between', '^with'; '^on', '^against': "strikes on Kyiv" (not "a strike on Monday");
# '^for': "a call for restraint"
PARTY_PREPS = frozenset({"between", "among", "with", "on", "against", "for"})
# people and bodies a trigger noun can describe ("aid workers", "the sanctions office")
BODY_HEADS = word_set(
    """worker group agency organization organisation official charity volunteer staff office
    officer coordinator envoy commissioner committee council minister ministry chief community
    activist expert advocate"""
)
# the warning rows of verbs.tsv ("will pay a price", "will take all necessary measures")
WARNING = frozenset({"pay", "face", "be", "remain", "stand", "go", "take"})
# words that may stand for actors named before: pronouns, "the two", "both", "the leaders"
PRONOUNS = re.compile(
    r"\b(?:it|its|they|their|them|two|both|leaders|sides|parties|delegations|countries|nations)\b",
    re.IGNORECASE,
)


class PloverCoder:
    """The events stage (registry name ``dyadwatch.events.v1``)."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.lex: Lexicon = load_lexicon(settings.user_patterns)
        self._nationality = NationalityWords(settings)
        # "called X illegal / a provocation" (verbs.tsv): what a judged clause may call a thing
        self._wrongs = frozenset(
            w for p in self.lex.verbs.get("call", []) if p.cameo.startswith("11") for w in p.post
        )

    # -- public -------------------------------------------------------------------
    def __call__(self, doc: Document, sdoc: Any, mentions: list[Mention]) -> list[Event]:
        if sdoc is None or not doc.text:
            return []
        idx = MentionIndex([*mentions, *self._nationality(doc, sdoc, mentions)])
        idx.voice = document_voice(doc, mentions)
        events: list[Event] = []
        for s_i, sent in enumerate(sdoc.sents):
            if len(sent) > MAX_SENT_TOKENS:
                continue  # run-on text (lists, tables) parses badly
            if not any(i in idx.by_token for i in range(sent.start, sent.end)) and not (
                PRONOUNS.search(sent.text)
            ):
                continue  # no actor can be found here: skip the (costly) pattern matching
            if interrogative(sent):
                continue  # a question asserts nothing
            hits = self.triggers(sent, idx)
            idx.nominal = {h.token.i for h in hits if h.noun}
            idx.nominal_types = {h.token.i: self._type(h) for h in hits if h.noun}
            idx.sentence = s_i
            agents: list[tuple[str, str, list[Mention]]] = []
            found = [
                (e, hit.token)
                for hit in hits
                for e in self._events(doc, sent, s_i, hit, idx, agents)
            ]
            events.extend(drop_subsumed(aided_victims(found)))
            for ptype, lemma, sources in agents:
                idx.remember_agents(ptype, lemma, s_i, sources)
            self._remember_subjects(sent, idx, self._mutual(hits))
        events = fill_from_focus(events)
        return [e for e in events if e.target is not None or e.event_id not in idx.unaddressed]

    @staticmethod
    def _voiced(hit: Hit, sent: Any, idx: MentionIndex) -> Any:
        """The text's own voice speaks a demand or a verdict that no one is said to make
        ("Russia must release him", "X's crackdown is unconscionable" in a White House
        statement); a reporter's question ("Q") speaks for no one."""
        if not (hit.demand or hit.speech == "verdict") or sent[0].text in ("Q", "Q:"):
            return None
        return idx.voice

    # -- triggers -----------------------------------------------------------------
    def triggers(self, sent: Any, idx: MentionIndex | None = None) -> list[Hit]:
        is_actor = (lambda t: t.i in idx.by_token) if idx is not None else None
        hits: list[Hit] = []
        for tok in content_tokens(sent):
            hit: Hit | None
            if tok.dep_ == "amod" and tok.lower_ in CAPTIVITY:  # "detained journalists"
                hit = Hit(tok, CAPTIVITY[tok.lower_], 0.55, False, (tok.i, tok.i + 1))
            elif misread_verb(tok):  # "Myanmar's military seized power" (syntax.py)
                hit = self._verb_hit(tok, is_actor)
            elif tok.dep_ in ("amod", "compound"):
                hit = self._noun_hit(tok) if tok.pos_ in ("NOUN", "PROPN") else None
            elif tok.pos_ == "VERB" or (tok.pos_ == "AUX" and copula_head(tok)):
                hit = self._verb_hit(tok, is_actor)
            elif tok.pos_ in ("NOUN", "PROPN") and not _referring_body(tok, idx):
                hit = self._noun_hit(tok)
            elif tok.pos_ == "ADJ" and tok.dep_ == "acomp" and tok.lower_ in FEELINGS:
                hit = Hit(tok, "111", 0.6, False, (tok.i, tok.i + 1), feeling=True)
            else:
                hit = None
            if tok.pos_ in ("VERB", "AUX") and demanded(tok):
                hit = self._demand_hit(tok, hit)
            if hit is not None:
                hits.append(hit)
        hits = promised_harm(brokered(hits, self._type), self._type)
        hits = self._speech_acts(sent, drop_overlaps(_commanded(hits)))
        hits = attack_damage(hits, self._type)
        hits = self._requested(hits)
        # a purpose or a description names no act (generic.py); a demand is its own act
        return [h for h in hits if h.demand or h.speech or asserted(h.token, h.noun, h.cameo)]

    def _requested(self, hits: list[Hit]) -> list[Hit]:
        """'asked Poland for military aid', 'sought aid': the aid asked for is the request's
        content, not an act of aid; only the request is an event."""
        asking = {h.token.i for h in hits if not h.noun and self._type(h) == "REQUEST"}
        hits = refused_measures(hits, self._type)
        requests = {h.token.i for h in hits if h.noun and self._type(h) == "REQUEST"}
        # "a bid to join NATO", "a request to receive jets": what is asked is no act yet
        hits = [
            h for h in hits if h.noun or h.token.dep_ != "acl" or h.token.head.i not in requests
        ]
        if not asking:
            return hits
        return [h for h in hits if not (h.noun and _asked(h.token, asking))]

    def _speech_acts(self, sent: Any, hits: list[Hit]) -> list[Hit]:
        """Warnings keep the act they threaten as their mode, not as an event of its own
        ('all options are on the table, including sanctions'); a finding of a wrong accuses."""
        for h in hits:
            if not h.noun and self._type(h) == "THREATEN" and h.token.lemma_.lower() in WARNING:
                h.speech = "warning"
        hits = [h for h in hits if h.speech != "warning" or foretold(h.token)]
        inside, tops = swallowed([h.token for h in hits if h.speech])
        hits = [h for h in hits if not (h.noun and h.token.i in inside) and h.token.i not in tops]
        wrong = {h.token.i for h in hits if self._type(h) in WRONG_TYPES}
        out = {h.token.i: h for h in hits}
        for tok in sent:
            if tok.pos_ != "VERB" and not (tok.pos_ == "AUX" and tok.dep_ == "ROOT"):
                continue
            span = (tok.i, tok.i + 1)
            clause = found_clause(tok, wrong)
            if clause is not None:
                sure = [p.i for p in tok.children if p.dep_ == "acomp" and tok.lemma_ == "be"]
                said = (tok.i, max(sure, default=tok.i) + 1)  # "are confident"
                out[tok.i] = Hit(tok, "112", 0.65, False, said, speech="finding", clause=clause)
            verdict = verdict_clause(tok) if tok.i not in out else None
            if verdict is not None:
                pred = [p.i for p in tok.children if p.dep_ in ("acomp", "attr")]
                said = (tok.i, max(pred, default=tok.i) + 1)  # "are unacceptable"
                out[tok.i] = Hit(tok, "111", 0.55, False, said, speech="verdict", clause=verdict)
            judged = judged_clause(tok, self._wrongs, wrong)
            if judged is not None and tok.i not in out:
                clause, cameo = judged
                out[tok.i] = Hit(tok, cameo, 0.6, False, span, speech="finding", clause=clause)
        return sorted(out.values(), key=lambda h: h.token.i)

    def _demand_hit(self, tok: Any, hit: Hit | None) -> Hit:
        """'Washington said Beijing must drop barriers': REQUEST, mode from the demanded act."""
        code = self.lex.plover(hit.cameo) if hit else None
        cameo = DEMAND_CODES.get(code.type if code else "", "100")
        # "marched against X, saying he should step down": the march is the main event
        conf = 0.65 if tok.head.dep_ in ("ROOT", "ccomp") else 0.5
        return Hit(tok, cameo, conf, False, (tok.i, tok.i + 1), demand=True)

    def _verb_hit(self, tok: Any, is_actor: IsActor | None = None) -> Hit | None:
        pats = self.lex.verbs.get(tok.lemma_.lower())
        if not pats:
            return None
        particles, inner = phrasal(tok)
        post, preps = post_bag(tok)
        preps |= inner
        post = self.lex.expand(post)
        doc = tok.doc
        pre = self.lex.expand({doc[i].lower_ for i in range(max(tok.sent.start, tok.i - 4), tok.i)})
        # patterns are sorted best first (hand-written, most specific, the verb's own block)
        found = (
            p
            for p in pats
            if p.matches(particles, pre, post, preps)
            # senses.tsv; a phrasal verb ("call off") is a verb of its own
            and (not p.cameo or p.particle or sense_ok(tok, p.cameo, is_actor))
        )
        best: VerbPattern | None = next(found, None)
        if best is not None and best.post:
            best = object_first(tok, best, found, self.lex.expand(object_core(tok)))
        if best is None or not best.cameo or self.lex.plover(best.cameo) is None:
            return None
        conf = 0.55 + 0.05 * min(best.specificity, 3) + (0.1 if best.rank == 0 else 0.0)
        if tok.dep_ == "ROOT" or (tok.dep_ == "ccomp" and tok.head.lemma_ in REPORTING):
            conf += 0.05  # main-clause predicates carry the sentence's event
        elif tok.dep_ in ("acl", "relcl"):
            conf -= 0.1  # "a law recognizing ...": a description, not the reported act
        elif tok.dep_ in ("pcomp", "advcl") and tok.tag_ == "VBG":
            conf -= 0.05  # "went on strike, joining others in calling for ...": an adjunct's act
        end = tok.i + 1
        for c in tok.children:
            if c.dep_ == "prt" and c.i == end:
                end += 1
        own = tuple(w.lstrip("=") for w in best.post) if best.rank == 0 else ()  # hand-written
        cameo = self._planned_threat(tok, best.cameo) or best.cameo
        return Hit(tok, cameo, conf, False, (tok.i, end), post=own)

    def _planned_threat(self, tok: Any, cameo: str) -> str | None:
        """'announced a plan to invade X': an intent (03x) whose planned act is conflictual
        announces a threat (PLOVER: announced conflictual acts are THREATEN), not an AGREE."""
        if not cameo.startswith("03"):
            return None
        for obj in (c for c in tok.children if c.dep_ == "dobj" and c.lemma_.lower() in PLANS):
            for act in (c for c in obj.children if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB"):
                default = next((p for p in self.lex.verbs.get(act.lemma_.lower(), [])
                                if not p.post and not p.particle and p.cameo), None)  # fmt: skip
                code = self.lex.plover(default.cameo) if default else None
                if default and code and code.type in PLANNED_HARM:
                    return FUTURE_THREAT_CODES.get(default.cameo, FUTURE_THREAT[code.type])
        return None

    def _noun_hit(self, tok: Any) -> Hit | None:
        pats = self.lex.nouns.get(tok.lemma_.lower())
        if not pats or tok.ent_type_ in NAME_ENTS or named_noun(tok):
            return None  # "Asia-Pacific Economic Cooperation" is a name, not an event
        if tok.dep_ == "compound" and tok.head.lemma_.lower() in BODY_HEADS:
            return None  # "aid workers", "a security assistance official": who, not what
        left = [t for t in tok.subtree if t.i < tok.i] + of_object(tok)
        mods = self.lex.expand({t.lower_ for t in left} | {t.lemma_.lower() for t in left})
        mods |= right_theme(tok)  # nouns.tsv '+word': "applications for NATO membership"
        if tok.dep_ == "compound":
            mods.add("^compound")  # nouns.tsv '!^compound': not as a modifier ("detention centre")
        if any(names_agent(c) for c in tok.children if c.i < tok.i):
            mods.add("^agent")  # nouns.tsv '^agent': "Russia's war", "Russian aggression"
        preps = {c.lower_ for c in tok.children if c.dep_ == "prep" and not temporal_adjunct(c)}
        mods |= {"^" + p for p in preps & PARTY_PREPS}  # "a deal between A and B", "with Y"
        best: NounPattern | None = None
        for p in pats:
            if p.matches(mods) and (best is None or len(p.modifiers) > len(best.modifiers)):
                best = p
        if best is None:
            return None
        start = tok.i
        for t in sorted((c for c in tok.children if c.i < tok.i), key=lambda t: -t.i):
            if t.i != start - 1 or t.dep_ not in ("compound", "amod") or t.tag_ in ("VBG", "VBN"):
                break
            if t.pos_ == "PROPN" or t.ent_type_:
                break  # "Iran-Russia cooperation": actors are not part of the trigger
            start = t.left_edge.i if t.left_edge.i >= start - 3 else t.i
        return Hit(tok, best.cameo, best.confidence, True, (start, tok.i + 1))

    # -- events -------------------------------------------------------------------
    def _events(
        self,
        doc: Document,
        sent: Any,
        s_i: int,
        hit: Hit,
        idx: MentionIndex,
        agents: list[tuple[str, str, list[Mention]]] | None = None,
    ) -> list[Event]:
        """Events of one trigger; ``agents`` collects (type, sources) for later event nouns."""
        tok = hit.token
        ptype = self._type(hit)
        args = event_args(hit, ptype, sent, idx)
        if args is None:
            return []
        pairs = directed_pairs(args)
        if ptype in ADDRESSING_TYPES:
            pairs = guessed_speakers(pairs)
        if not pairs:
            return []
        code = self.lex.plover(hit.cameo)
        assert code is not None
        if agents is not None and (args.sources or args.participants):
            agents.append((code.type, tok.lemma_.lower(), args.sources or args.participants))
        # PLOVER codes these only with a recipient ("announced new sanctions" names none);
        # the document's focus may still give one (fill_from_focus), else the event is dropped
        unaddressed = code.type in RECIPIENT_TYPES and not (args.targets or args.participants)
        unaddressed = unaddressed and not names_recipient(tok)
        mode = code.mode or self._mode(code.type, tok, sent)
        scope = weapon_scope(tok, hit.noun)
        weapons = find_weapons(scope, self.lex)
        context = list(code.context)
        if "military" not in context and (weapons or is_military([tok, *scope])):
            context.append("military")
        status = clause_status(tok.head if hit.demand else tok)  # a demand: the saying's
        if hit.speech == "warning":  # "will pay if ...", "will not allow": a threat made
            said = speaking_verb(idiom_top(tok))
            status = clause_status(said) if said is not None else "reported"
        cameo = recode(hit.cameo, code.type, status, tok)
        if cameo != hit.cameo:
            code = self.lex.plover(cameo) or code
            if code.type == "THREATEN" and warned_addressees(idx, tok, args):
                pairs = directed_pairs(args)
            # the promise, threat or refusal itself is the event (unless only supposed)
            status = "hypothetical" if in_condition(tok) else "reported"
        trig = doc.text[sent.doc[hit.span[0]].idx : tok_end(sent.doc[hit.span[1] - 1])]
        t_start = sent.doc[hit.span[0]].idx
        evidence = Evidence(
            sentence=s_i,
            start=sent.start_char,
            end=sent.end_char,
            text=doc.text[sent.start_char : sent.end_char],
        )
        out = []
        voiced = self._voiced(hit, sent, idx)
        for src, tgt, symmetric in pairs:
            conf = hit.confidence * args.penalty * (1.0 if (src or voiced) and tgt else 0.6)
            out.append(
                Event(
                    event_id="",
                    doc_id=doc.doc_id,
                    source=acting(sent.doc, src) or voiced,
                    target=acting(sent.doc, tgt),
                    plover=Plover(type=code.type, mode=mode, context=context),  # type: ignore[arg-type]
                    cameo=cameo,
                    goldstein=self.lex.goldstein_for(cameo),
                    status=status,  # type: ignore[arg-type]
                    trigger=trig,
                    evidence=evidence,
                    confidence=round(min(conf, 0.95), 3),
                    weapons=weapons if weapon_type(code.type, hit.cameo) else [],
                    trigger_span=Span(start=t_start, end=t_start + len(trig), text=trig),
                    symmetric=symmetric,
                )
            )
        if code.type == "SANCTION" and imprisons(tok):
            out += also_arrested(out, self.lex)  # a prison sentence also detains
        out = [with_id(e) for e in out]
        if unaddressed:
            idx.unaddressed |= {e.event_id for e in out}
        return out

    def _mode(self, ptype: str, tok: Any, sent: Any) -> str | None:
        """Mode cues in the trigger's clause (ASSAULT weapons); THREATEN: the threatened act."""
        if ptype == "THREATEN":
            for c in tok.children:
                inner = self._verb_hit(c) if c.dep_ == "xcomp" else None
                if inner is not None:
                    code = self.lex.plover(inner.cameo)
                    if code is not None:
                        threat = FUTURE_THREAT_CODES.get(inner.cameo, FUTURE_THREAT.get(code.type))
                        found = self.lex.plover(threat) if threat else None
                        return found.mode if found else None
            return None
        cues = self.lex.mode_cues.get(ptype)
        if not cues:
            return None
        scope = list(tok.subtree)  # the trigger's own clause, not the whole sentence
        words = {t.lower_ for t in scope} | {t.lemma_.lower() for t in scope}
        return next((mode for mode, ws in cues if not ws.isdisjoint(words)), None)

    def _type(self, hit: Hit) -> str:
        code = self.lex.plover(hit.cameo)
        return code.type if code is not None else ""

    def _mutual(self, hits: list[Hit]) -> set[int]:
        """Verbal triggers of a mutual act (meet, talk, agree): their parties form a group."""
        out = set()
        for h in hits:
            code = self.lex.plover(h.cameo)
            if not h.noun and code is not None and code.type in MUTUAL_TYPES:
                out.add(h.token.i)
        return out

    def _remember_subjects(self, sent: Any, idx: MentionIndex, mutual: set[int]) -> None:
        """Subjects for later pronouns; "A met with B" also makes A and B a group ("They
        signed ...", "The leaders discussed ...")."""
        for tok in sent:
            if tok.dep_ in ("nsubj", "nsubjpass") and tok.pos_ != "PRON":
                found = idx.phrase(tok, pronouns=False)
                if found and tok.head.i in mutual and len(found) == 1:
                    # "A met with B", "A met B", "A met with B of X and C of Y": all parties
                    verb = tok.head
                    heads = [*with_partners(verb), *(c for c in verb.children if c.dep_ == "dobj")]
                    partners = first_with_actor(idx, heads, obj=True)
                    codes = {actor_code(found[0])}
                    for m in partners:
                        if actor_code(m) not in codes:
                            codes.add(actor_code(m))
                            found.append(m)
                if found:
                    idx.remember(found)


# acts of speech and visits or meetings: their actor addresses another party
ADDRESSING_TYPES = frozenset({"REQUEST", "ACCUSE", "SUPPORT", "REJECT", "THREATEN", "CONSULT"})


# verbs of command: what an authority orders done is its act ("ordered the expulsion of X",
# "ordered its troops to withdraw"), not a request to someone
COMMANDING = frozenset({"order"})


def _commanded(hits: list[Hit]) -> list[Hit]:
    """Drop an order whose content is itself a trigger; the content stays as the act."""
    commands = {h.token.i for h in hits if not h.noun and h.token.lemma_.lower() in COMMANDING}
    done = {
        h.token.head.i if not h.noun else asked_for(h.token)
        for h in hits
        if (h.noun and asked_for(h.token) in commands)
        or (not h.noun and h.token.dep_ == "xcomp" and h.token.head.i in commands)
    }
    return [h for h in hits if h.noun or h.token.i not in done]


def _referring_body(tok: Any, idx: MentionIndex | None) -> bool:
    """'The Western military alliance pledged ...': the noun names an actor read back to an
    earlier one (NATO), not an alliance formed."""
    m = idx.by_token.get(tok.i) if idx is not None else None
    return m is not None and m.head == tok.i and m.actor.resolved_by == "coreference"


def _asked(noun: Any, asking: set[int]) -> bool:
    """The noun is what a request asks for, or the object of a demanded verb ("Congress must
    act and provide aid": the aid is demanded, not given)."""
    verb = asked_for(noun)
    if verb in asking or (verb >= 0 and demanded(noun.doc[verb])):
        return True
    # "urged the sides to agree to a truce": the act inside what is urged is asked for too
    gov = governor(noun)
    return gov is not None and gov.dep_ == "xcomp" and gov.head.i in asking
