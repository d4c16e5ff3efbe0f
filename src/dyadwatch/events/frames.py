"""Parse-only cues for argument roles: support verbs, object control, attribution phrases,
participles and stray "by" phrases (no actor lookups here; ``args`` uses them)."""

from __future__ import annotations

from typing import Any

AGENT_NOUNS = frozenset(
    [
        "official",
        "leader",
        "government",
        "force",
        "troop",
        "soldier",
        "member",
        "president",
        "minister",
        "representative",
        "delegation",
        "army",
        "police",
        "authority",
        "people",
        "citizen",
        "spokesman",
        "spokeswoman",
        "envoy",
        "head",
        "chief",
        "ambassador",
        "diplomat",
        "militant",
        "rebel",
        "fighter",
        "group",
        "unit",
    ]
)


AGENT_NOUNS = AGENT_NOUNS | frozenset({"government", "parliament", "department", "movement"})


def word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


# subject is the actor ("Iran denies any arms transfers", "Al-Shabaab claimed the bombing")
SELF_REPORT = frozenset({"deny", "admit", "acknowledge", "confirm", "claim"})
# verbs whose subject performs the act their object names ("launched an attack")
SUPPORT_VERBS = word_set(
    """launch carry conduct stage mount hold make continue step ramp intensify escalate expand
    deepen strengthen boost broaden enhance upgrade accelerate resume begin start wage commit
    undertake pursue sign conclude reach seal finalize finalise complete negotiate strike
    deliver provide offer extend grant give send impose levy slap announce unveil issue order
    deploy engage participate join take enter establish forge form build maintain keep renew
    perform execute organize organise host lead spearhead orchestrate coordinate broker
    mediate initiate restart reinstate introduce adopt implement enforce tighten declare
    unleash inflict intend plan prepare propose pledge promise vow threaten seek agree do
    approve authorize authorise greenlight
    halt suspend end stop cease wind scale open lodge file register voice express raise
    submit place put apply run"""
)


# verbs whose object is what is talked about, never the other party ("the leaders discussed
# North Korea", "reviewed the sanctions on Iran"): the party is the "with" phrase
# a person held in a state is held by that state ("Americans detained in Iran", "the detention
# of X in Moscow"); their bare participles name the people held
DETAINING = word_set(
    """detention imprisonment incarceration jailing detain detained jail jailed imprison imprisoned
    arrest arrested hold held"""
)
TOPIC_VERBS = word_set("discuss debate review explore examine consider")
# a state's coercion of people within it: the place of its victims names the state that acts
# ("a crackdown on protesters in Tehran"); a coup "in X" is X's own forces' act against X's
# government
COUPS = word_set("coup putsch takeover")
REPRESSING = word_set("crackdown persecution repression torture execution hanging") | COUPS


# nouns naming a bond between parties: "A and B restored ties" is each with the other
RELATIONAL = word_set(
    """tie relation relationship partnership alliance treaty pact accord truce ceasefire
    armistice cooperation dialogue"""
)


# weapons: as an object, the nationality on them names their maker, not a party ("used
# Iranian drones against X", "seized American weapons"); as a subject it names the attacker
ARMS = word_set(
    """weapon arm drone missile rocket shell munition ammunition tank jet warplane bomb
    artillery howitzer"""
)


def to_clause(c: Any) -> bool:
    """A to-clause ("to return", "to get boosted": any verb form after its 'to'); the parser
    may hang it as an adverbial clause ("gave X 48 hours to leave")."""
    clause = c.dep_ in ("xcomp", "ccomp", "advcl") and c.pos_ in ("VERB", "AUX")
    return clause and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)


# heads that count what follows: "thousands of protesters", "a contingent of troops"
QUANTITY = word_set("thousand hundred dozen score million number contingent battalion group")


def counted(tok: Any) -> Any:
    """What a count counts ("hundreds of people": people); else the token itself."""
    if tok.lemma_.lower() in QUANTITY or tok.tag_ == "CD":
        for p in (c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"):
            for t in p.children:
                if t.dep_ == "pobj":
                    return t
    return tok


def relational_object(verb: Any) -> bool:
    """Is the verb's direct object a bond between parties ("restored diplomatic ties")?"""
    return any(c.dep_ == "dobj" and c.lemma_.lower() in RELATIONAL for c in verb.children)


# PLOVER's CONSULT: "A met B", "A spoke with B", "A hosted B" is one event, A to B (the
# GSR codes a host as the actor, mode "host"). Only a joint subject ("A and B met") acts each
# way. A cooperative act done "with" the target ("agreed with Japan", "partner with Kenya")
# is one event per actor (the annotation guide's joint act).
JOINT_TYPES = frozenset({"COOPERATE", "AGREE"})


def joint_act(verb: Any, ptype: str, args: Any, doc: Any) -> bool:
    """Is the act mutual between its one source and its targets: a cooperative act done
    "with" the target ("agreed with Japan", "partner with Kenya")?"""
    if ptype not in JOINT_TYPES or len(args.sources) != 1 or not args.targets or args.located:
        return False
    heads = [_noun_head(doc[m.head]) for m in args.targets]
    return all(h.dep_ == "pobj" and h.head.lower_ == "with" for h in heads)


def content_party(tok: Any) -> bool:
    """A party named inside what is agreed, not a partner in agreeing: the one acted
    against ("cooperation against Kurdish militants"), or the broker of the frame
    ("under an EU-brokered deal")."""
    if tok.dep_ == "npadvmod" and tok.head.tag_ == "VBN":
        return True  # "EU-brokered", "UN-mediated"
    head = _noun_head(tok)
    return head.dep_ == "pobj" and head.head.lower_ in ("against", "under")


def _noun_head(tok: Any) -> Any:
    """The noun a modifier belongs to ("NATO" in "our NATO allies": allies)."""
    while tok.dep_ in ("compound", "amod", "nmod") and tok.head.i > tok.i:
        tok = tok.head
    return tok


OBJECT_CONTROL = word_set(
    """urge ask call press push force order persuade encourage help allow invite pressure
    compel permit enable advise tell instruct request beg implore authorize prompt assist
    empower oblige require"""
)
ACTOR_ENTS = frozenset({"GPE", "NORP", "ORG", "PERSON"})


THANKS = word_set("thank praise commend applaud congratulate credit laud")
# verbs judging a party for what it did: "castigated the West for arming Kyiv" (the West
# arms Kyiv even when it is no actor we know, never the judge)
JUDGING = THANKS | word_set(
    """accuse blame criticize criticise condemn denounce castigate lambast lambaste rebuke fault
    slam blast chastise berate scold reproach censure punish sanction fine reward"""
)


def object_controller(cur: Any) -> Any | None:
    """The object that is the understood subject of an embedded act: 'accused X of
    shelling', 'blamed X for attacking', 'urged X to halt' (only actor-like objects:
    'sent drones to attack' keeps the sender)."""
    if cur.dep_ == "pcomp" and cur.head.lower_ in ("of", "for"):
        gov = cur.head.head
        if gov.dep_ == "dobj" and gov.head.lemma_.lower() in JUDGING:
            return gov  # "accused Azerbaijani troops of opening fire": 'of' hung on the object
    elif cur.dep_ == "pcomp" and cur.head.lower_ == "in" and cur.head.head.lemma_ in THANKS:
        gov = cur.head.head  # "thanked X for its partnership in providing aid" (attached high)
    elif cur.dep_ == "xcomp" and cur.head.lemma_.lower() in OBJECT_CONTROL:
        gov = cur.head
    else:
        return None
    if gov.pos_ not in ("VERB", "AUX"):
        return None
    # "took aim at Sweden for allowing ...", "lashed out at X for ..."; else the object
    at = (p for c in gov.children if c.lower_ == "at" for p in c.children if p.dep_ == "pobj")
    obj = next(at, None) or next((c for c in gov.children if c.dep_ == "dobj"), None)
    judged = cur.dep_ == "pcomp" and gov.lemma_.lower() in JUDGING
    return obj if obj is not None and (judged or actorish(obj)) else None


def noun_owner(cur: Any) -> Any | None:
    """The possessor (or by-agent) of a noun whose infinitive or gerund names an act: "Iran's
    plan to build", "the decision by Riyadh to resume", "Canada's role in providing aid"."""
    noun = cur.head
    gerund = (
        cur.dep_ == "pcomp"
        and cur.tag_ == "VBG"
        and noun.dep_ == "prep"
        and noun.lower_ in ("in", "of", "for", "to")
    )
    if gerund:
        noun = noun.head
    elif cur.dep_ != "acl" or cur.tag_ != "VB":
        return None
    if noun.pos_ not in ("NOUN", "PROPN"):
        return None
    for c in noun.children:
        if c.dep_ == "poss" and c.i < noun.i:
            return c
        if c.dep_ == "prep" and c.lower_ == "by":
            return next((p for p in c.children if p.dep_ == "pobj"), None)
    return None


def actorish(tok: Any) -> bool:
    """Could the noun phrase name an actor (a named entity, or a role noun)?"""
    if tok.lemma_.lower() in AGENT_NOUNS or tok.tag_ in ("PRP",):
        return True
    return any(t.ent_type_ in ACTOR_ENTS for t in tok.subtree if t.i <= tok.i)


def attribution(prep: Any) -> bool:
    """'according to X', 'on behalf of X', 'as X said': X speaks or is represented; it is
    never the target of the act."""
    low = prep.lower_
    if low in ("according", "per"):
        return True
    if low == "as" and any(c.pos_ == "VERB" for c in prep.children):
        return True
    return low in ("on", "in") and any(c.lower_ == "behalf" for c in prep.children)


def behalf_of(verb: Any) -> list[Any]:
    """'... on behalf of X': X, whom the act represents (a source when none is named)."""
    out = []
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ in ("on", "in"):
            for b in c.children:
                if b.lower_ == "behalf":
                    out += [p for q in b.children if q.lower_ == "of" for p in q.children]
    return [p for p in out if p.dep_ == "pobj"]


def performs(gov: Any) -> bool:
    """Does the verb's subject perform the act its object names (a support verb)?"""
    low = gov.lower_
    if gov.lemma_.lower() in SELF_REPORT:  # "Iran denies any arms transfers": its own
        return True
    if {gov.lemma_.lower(), low, low[:-1], low[:-2]} & SUPPORT_VERBS:  # "staged": lemma "stag"
        return True
    # "were ramping up cooperation", "stepped up": the particle marks a support use
    return any(c.dep_ == "prt" and c.lower_ in ("up", "out") for c in gov.children)


def participles(noun: Any) -> list[Any]:
    """Participles describing the noun: 'the strike launched ...', 'attacks targeting ...'."""
    out = [c for c in noun.children if c.dep_ == "acl" and c.tag_ in ("VBN", "VBG")]
    head = noun.head
    if (
        noun.dep_ == "nsubj"
        and head.tag_ == "VBN"
        and head.dep_ != "ROOT"
        and not any(c.dep_ in ("aux", "auxpass") for c in head.children)
    ):
        out.append(head)  # "condemns the strike launched against X" misparsed as a clause
    return out


def stray_by(noun: Any) -> list[Any]:
    """'condemn the attacks across Israel by Hamas': a 'by' phrase the parser hung on the
    active verb belongs to its object, the event noun."""
    verb = noun.head
    if noun.dep_ != "dobj" or any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        return []
    preps = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "by" and c.i > noun.i]
    return [p for c in preps for p in c.children if p.dep_ == "pobj"]


# "called the launch a violation of UN resolutions": the norm or the right broken is no party
# the act is aimed at
BREACHES = word_set("violation breach contravention defiance disregard flouting infringement")


def amount_of(noun: Any) -> Any | None:
    """'pledged 50 billion euros in aid': the amount the noun is counted in, standing for the
    noun as the verb's object (None if the noun is no such 'in' phrase). The 'in' phrase may
    hang on the amount or on the verb."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "in" or prep.dep_ != "prep":
        return None
    host = prep.head
    amounts = [host] if _amount(host) else []
    if host.pos_ in ("VERB", "AUX"):
        amounts = [c for c in host.children if c.i < prep.i and _amount(c)]
    return amounts[0] if amounts else None


def _amount(tok: Any) -> bool:
    """A sum as the object: "$5 billion", "50 million euros" (not "four farmers")."""
    currency = tok.lemma_.lower() in CURRENCIES and any(c.tag_ == "CD" for c in tok.children)
    money = tok.ent_type_ in ("MONEY", "QUANTITY") or tok.tag_ == "CD" or currency
    return money and tok.dep_ == "dobj"


CURRENCIES = word_set(
    "dollar euro pound yen yuan renminbi rupee ruble rouble franc krone kroner krona kronor"
    " riyal dirham lira shekel won peso real rand naira shilling"
)


WH_WORDS = frozenset(
    ["what", "why", "how", "when", "where", "who", "whom", "whose", "which", "whether"]
)
QUESTION_WORDS = WH_WORDS | {"if"}


def asks_question(verb: Any) -> bool:
    """The verb's complement is a question, or what is asked is 'about' something."""
    if any(c.dep_ == "prep" and c.lower_ == "about" for c in verb.children):
        return True
    start = verb.i + 1
    for c in verb.children:  # "asked the minister whether": a person asked, then the question
        if c.dep_ in ("dobj", "dative") and c.i > verb.i:
            start = max(start, c.right_edge.i + 1)
    after = [t for t in verb.doc[start : start + 2] if t.dep_ != "punct"]
    return bool(after) and after[0].lower_ in QUESTION_WORDS


# feelings expressed about an act ("expressed outrage over the sentencing of X"): the act's
# agent is the one judged, as with "condemned the sentencing of X"
ATTITUDE_NOUNS = word_set(
    """concern concerns worry outrage alarm dismay anger regret disappointment indignation
    displeasure dissatisfaction frustration shock horror"""
)
TOPIC_OF = frozenset({"over", "about", "at", "regarding", "concerning", "on"})


def attitude_topic(verb: Any, objs: list[Any], nominal: set[int]) -> Any | None:
    """The act a feeling object is about, when a trigger names it (the parser may hang the
    "over/at" phrase on the verb: "voiced alarm at the arrest")."""
    if not objs or objs[0].lemma_.lower() not in ATTITUDE_NOUNS:
        return None
    for c in [*objs[0].children, *verb.children]:
        if c.dep_ == "prep" and c.lower_ in TOPIC_OF:
            for p in c.children:
                if p.dep_ == "pobj" and p.i in nominal:
                    return p
    return None
