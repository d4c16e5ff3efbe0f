"""PLOVER recoding rules: promises -> AGREE, threats -> THREATEN, refusals -> REJECT, demands.

The PLOVER manual codes future cooperative actions as AGREE and announced conflictual actions as
THREATEN; a refused cooperative act is REJECT, and "X said Y must do Z" is a REQUEST.
"""

from __future__ import annotations

from typing import Any

from ..records import Event, Plover
from .frames import TOPIC_VERBS, actorish
from .status import REPORTING

# PLOVER: cooperative actions promised for the future are AGREE (CAMEO 03x equivalents).
FUTURE_AGREE = {
    "CONSULT": {"*": "036"},
    "SUPPORT": {"*": "032"},
    "COOPERATE": {"061": "0311", "062": "0312", "063": "0313", "064": "0314", "*": "031"},
    "AID": {"071": "0331", "072": "0332", "073": "0333", "074": "0334", "*": "033"},
}
# PLOVER: conflictual actions announced for the future are THREATEN (CAMEO 13x).
FUTURE_THREAT = {"COERCE": "132", "SANCTION": "131", "ASSAULT": "138"}
# (a deployment announced keeps its type, expected: "will deploy Patriots to Poland" threatens
# no one named)
FUTURE_THREAT_CODES = {"163": "1312", "1721": "1321", "1722": "1322", "1723": "1323"}
FUTURE_THREAT_CODES |= {"1724": "1324", "161": "1313", "143": "1312", "191": "1381"}
# A refused cooperative action is REJECT (CAMEO 12x).
REFUSED = {"COOPERATE": "121", "AID": "122", "CONCEDE": "124", "RETREAT": "124"}
REFUSED |= {"CONSULT": "125", "AGREE": "120", "SUPPORT": "120"}
# An announced concession is an intent to yield (CAMEO 035x).
FUTURE_YIELD = {"081": "0351", "082": "0352", "084": "0353", "085": "0354", "086": "0355"}
FUTURE_YIELD |= {"087": "0356", "0871": "0356", "0872": "0356", "0873": "0356"}
PROMISE_AUX = frozenset({"will", "would", "shall", "'ll", "'d"})
NAME_ENTS = frozenset({"ORG", "GPE", "PERSON", "NORP", "FAC", "LOC", "WORK_OF_ART", "LAW"})
ATTITUDE = ("05", "11")  # praise/criticise something: the thing itself still happened
DEMAND_CODES = {"COOPERATE": "101", "AID": "103", "CONCEDE": "105", "RETREAT": "105"}
DEMAND_CODES |= {"CONSULT": "106", "AGREE": "107", "SUPPORT": "102"}
DEMAND_HEADS = frozenset({"declare", "reiterate", "announce", "conclude", "insist", "demand"})
SUBJUNCTIVE_HEADS = frozenset({"demand", "insist", "urge", "request"})
WILLING = frozenset({"willing", "ready", "prepared", "committed", "agree", "offer", "promise"})
COMMIT = frozenset(
    [
        "agree",
        "promise",
        "pledge",
        "offer",
        "vow",
        "ready",
        "prepared",
        "willing",
        "commit",
        "commitment",
        "readiness",
        "willingness",
        "decide",
    ]
)


def recode(cameo: str, ptype: str, status: str, tok: Any) -> str:
    """PLOVER's future/refusal rules: promise -> AGREE, threat -> THREATEN, refusal -> REJECT."""
    if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ in ("dobj", "nsubjpass"):
        if tok.head.lemma_.lower() in TOPIC_VERBS:
            return cameo  # "will discuss Russia's war": a topic, not a war to come
        tok = tok.head  # "will extend the curfew": the modal sits on the governing verb
    if any(c.dep_ == "mark" and c.lower_ == "whether" for c in tok.children):
        return cameo  # "has not decided whether to reopen": asked about, not promised or refused
    if status == "negated" and ptype in REFUSED and commitment(tok, modal=True):
        return REFUSED[ptype]
    if status == "negated" and force_kept_open(tok):
        return "138"  # "would not rule out the use of force": a threat of force
    if status == "negated" or (status == "hypothetical" and narrated_conditional(tok)):
        return cameo  # "Iran would attack if ...": a scenario, not an announced threat
    if ptype in FUTURE_AGREE and (
        commitment(tok, aux=first_person(tok)) or reported_promise(tok)
    ):  # "we will provide" promises; the narrator's "Biden will travel" is expected
        return FUTURE_AGREE[ptype].get(cameo[:3], FUTURE_AGREE[ptype]["*"])
    if ptype in ("CONCEDE", "RETREAT") and (
        commitment(tok, governors=WILLING, aux=False) or reported_promise(tok, narrated=True)
    ):  # "willing to withdraw", "said they would release": intent to yield
        return FUTURE_YIELD.get(cameo[:3], "035")
    conditional = any(c.dep_ == "advcl" and has_mark(c, "unless") for c in tok.children)
    threat_type = ptype in FUTURE_THREAT or cameo.startswith(("143", "1312"))
    announced = commitment(tok, modal=True) or hinted_force(tok)
    if (threat_type or conditional) and announced and _agent_subject(tok):
        if conditional and not threat_type:
            return "139"  # ultimatum
        return FUTURE_THREAT_CODES.get(cameo, FUTURE_THREAT.get(ptype, "130"))
    return cameo


# what a party may "not rule out" and so threatens
FORCE_WORDS = frozenset(
    {"force", "military", "strike", "strikes", "attack", "attacks", "war", "invasion"}
    | {"retaliation", "action", "options", "option", "escalation"}
)


def force_kept_open(tok: Any) -> bool:
    """'did not rule out military action', 'refused to exclude a strike'."""
    if tok.lemma_.lower() not in ("rule", "exclude"):
        return False
    objs = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    return any(t.lower_ in FORCE_WORDS for o in objs for t in o.subtree)


def _agent_subject(tok: Any) -> bool:
    """Only an actor threatens: "these listings will prohibit purchases" foretells a measure's
    effect (the act keeps its type, expected)."""
    subs = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
    return not subs or subs[0].pos_ in ("PRON", "PROPN") or actorish(subs[0])


def reported_promise(tok: Any, narrated: bool = False) -> bool:
    """'X said it would allow / will release ...': an announced act is a promise (AGREE in
    the GSR), unlike a bare future in the narrative ("Biden will travel": expected). With
    ``narrated`` a main-clause future counts too (a concession: "X will release the prisoners")."""
    if not any(c.dep_ == "aux" and c.lower_ in PROMISE_AUX for c in tok.children):
        return False
    if tok.dep_ == "ROOT":  # "We will ...", "X will ..., Y said": announced, not narrated
        return (
            narrated
            or first_person(tok)
            or any(
                c.dep_ in ("parataxis", "advcl", "ccomp", "conj")
                and c.lemma_.lower() in REPORTING
                and not has_mark(c, "as")  # "as you all know": an aside, not the announcer
                for c in tok.children
            )
        )
    return tok.dep_ == "ccomp" and tok.head.lemma_.lower() in REPORTING | DEMAND_HEADS


def narrated_conditional(tok: Any) -> bool:
    """'would/could/might' in the narrator's voice (not under 'said', not 'we would')."""
    if not any(
        c.dep_ == "aux" and c.lower_ in ("would", "could", "might", "'d") for c in tok.children
    ):
        return False
    heads = REPORTING | HINTING
    reported = tok.dep_ == "ccomp" and tok.head.lemma_.lower() in heads
    return not reported and not first_person(tok)


# "Putin hinted that Russia could use nuclear weapons": force held out as possible by the one
# who would use it is a threat, as "said it would" is
HINTING = frozenset({"hint", "signal", "suggest", "indicate", "say", "warn", "declare"})


def hinted_force(tok: Any) -> bool:
    """'could' on an act under a saying or hinting verb."""
    could = any(c.dep_ == "aux" and c.lower_ == "could" for c in tok.children)
    if not (could and tok.dep_ == "ccomp" and tok.head.lemma_.lower() in HINTING):
        return False
    # the one who says it is a named party ("Erdogan hinted", "Tehran said it could"), not
    # an onlooker ("analysts say Turkey could strike")
    sayer = [c for c in tok.head.children if c.dep_ == "nsubj"]
    return bool(sayer) and sayer[0].pos_ in ("PROPN", "PRON")


def first_person(tok: Any) -> bool:
    """'We/I will ...': the speaker commits; a third-person future is only expected."""
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("we", "i") for c in tok.children)


# subjects that name no party to oblige ("it is", "there should", "you have to", "we must")
EMPTY = frozenset({"it", "this", "that", "there", "you", "we", "i"})


def demanded(tok: Any) -> bool:
    """'Y must/should do Z' under a reporting verb, or any 'demanded/urged that Y do Z'; or
    in the narrator's own voice (``obliged``)."""
    if reported_obligation(tok):
        return True  # "told reporters Iran had to release him"
    if tok.dep_ != "ccomp":
        return obliged(tok)
    if tok.head.lemma_.lower() in SUBJUNCTIVE_HEADS and has_mark(tok, "that"):
        return True
    if has_mark(tok, "that") and necessity(tok.head):
        return True  # "it is essential that Hamas release the hostages"
    if not any(c.lower_ in ("must", "should") for c in tok.children) or hindsight(tok):
        return False
    return bool(tok.head.lemma_.lower() in REPORTING or tok.head.lemma_.lower() in DEMAND_HEADS)


def reported_obligation(tok: Any) -> bool:
    """'said X has/had to do Y': an obligation put on X in reported speech."""
    have = tok.head
    if tok.dep_ != "xcomp" or have.lemma_ != "have" or not _infinitive(tok):
        return False
    if have.dep_ != "ccomp" or any(c.lower_ == "yet" for c in have.children):
        return False
    subj = [c for c in have.children if c.dep_ == "nsubj"]
    heads = REPORTING | DEMAND_HEADS
    return bool(subj) and subj[0].lower_ not in EMPTY and have.head.lemma_.lower() in heads


def hindsight(tok: Any) -> bool:
    """'There should have been a plan', 'X should have acted': a reproach about the past or
    about no one, which asks no party to do anything."""
    perfect = any(c.dep_ == "aux" and c.lemma_ == "have" for c in tok.children)
    empty = any(c.dep_ == "expl" or c.lower_ == "there" for c in tok.children if "subj" in c.dep_)
    return perfect or empty or any(c.dep_ == "expl" for c in tok.children)


# "it is essential/imperative that X do Y": the speaker demands it
NECESSARY = frozenset(
    {"essential", "imperative", "vital", "crucial", "critical", "necessary", "urgent", "important"}
)


def necessity(cop: Any) -> bool:
    """A copula with an empty 'it' subject and a predicate of necessity."""
    if cop.lemma_ != "be" or not any(c.dep_ == "nsubj" and c.lower_ == "it" for c in cop.children):
        return False
    return any(c.dep_ == "acomp" and c.lower_ in NECESSARY for c in cop.children)


def obliged(tok: Any) -> bool:
    """'Congress must provide aid', 'Iran just has to agree': the main clause puts a third
    party under an obligation: a demand by the text's own voice, not a report of the act."""
    main = tok
    while main.dep_ == "conj":  # "must act on the request and provide aid"
        main = main.head
    if main.dep_ == "xcomp" and main.head.lemma_ == "have" and _infinitive(main):
        main = main.head  # "has to agree" (not "has yet to sign": not done)
        if any(c.lower_ == "yet" for c in main.children):
            return False
    elif not any(c.dep_ == "aux" and c.lower_ in ("must", "should") for c in main.children):
        return False
    if hindsight(main):
        return False
    subj = [c for c in main.children if c.dep_ in ("nsubj", "nsubjpass")]
    if main.dep_ != "ROOT" or not subj or first_person(main):
        return False
    if any(c.dep_ == "neg" for c in main.children):
        return False  # "X should not have access to ...": a restriction stated, not asked
    return subj[0].lower_ not in EMPTY


def _infinitive(tok: Any) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def has_mark(tok: Any, word: str) -> bool:
    return any(c.dep_ == "mark" and c.lower_ == word for c in tok.children)


def commitment(
    tok: Any, modal: bool = False, governors: frozenset[str] = COMMIT, aux: bool = True
) -> bool:
    """Will/shall on the trigger (also would/may with ``modal``), or an 'agree to' governor."""
    auxes = (
        ("will", "shall", "'ll", "would", "may", "might", "ca", "can")
        if modal
        else ("will", "shall", "'ll")
    )
    if aux and any(c.dep_ == "aux" and c.lower_ in auxes for c in tok.children):
        return True
    cur = tok
    for _ in range(3):
        infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in cur.children)
        purpose = cur.dep_ in ("advcl", "acl") and infinitive  # "commitment to continue"
        if cur.dep_ == "pcomp" and cur.head.lower_ == "to":  # "committed to sending"
            cur = cur.head
        elif (cur.dep_ not in ("xcomp", "ccomp") and not purpose) or cur.head == cur:
            return False
        cur = cur.head
        if cur.lemma_.lower() in governors or cur.lower_ in governors:
            return True
    return False


# PLOVER manual: "Convictions that result in imprisonment should also be coded as COERCE
# 'arrest'" (CAMEO 173), beside SANCTION 'convict'
CONVICTING = frozenset({"sentence", "convict", "jail", "imprison"})
PRISON_WORDS = frozenset({"prison", "jail", "imprisonment", "custody", "colony", "detention"})
ARREST = "173"


def imprisons(tok: Any) -> bool:
    """'sentenced X to ten years in prison', 'convicted and jailed X'."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in CONVICTING:
        return False
    return any(t.lemma_.lower() in PRISON_WORDS for t in tok.subtree)


def also_arrested(events: list[Event], lex: Any) -> list[Event]:
    """The COERCE 'arrest' twin of each conviction event (same sides, trigger, evidence)."""
    arrest = lex.plover(ARREST)
    out = []
    for e in events:
        kind = Plover(type=arrest.type, mode=arrest.mode, context=e.plover.context)
        upd = {"plover": kind, "cameo": ARREST, "goldstein": lex.goldstein_for(ARREST)}
        out.append(e.model_copy(update=upd))
    return out
