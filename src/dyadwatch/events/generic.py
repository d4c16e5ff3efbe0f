"""Triggers that sit in prose which asserts no act: purposes, goals and descriptions.

Policy prose names acts without saying they happened: "funding to help detect fentanyl",
"explored ways to strengthen security cooperation", "Russia's actions to employ energy as a
weapon", "a right to defend itself". The trigger (or the verb whose object it is) is then an
infinitive that states a purpose (an adverbial "to ..." / "in order to ...") or describes a
noun ("ways to ...", "funding to ..."). Such a trigger is dropped, unless the noun it describes
is itself an act or a commitment ("an agreement to supply", "efforts to provide aid", "the
decision to send"), where the status rules read it as expected or agreed. A cooperation noun
that is a topic ("discussed our ongoing cooperation", "a history of cooperation") names a
standing relation, not an act. A capitalised trigger inside running text is a word of a title
or a name ("a memorandum on Promoting United States Leadership"), not an act.

The checks read only the dependency parse; the word lists live in ``data/events/generic.tsv``.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from ..data import data_path

CLIMB_DEPS = frozenset({"dobj", "pobj", "prep", "conj", "compound", "amod", "appos", "dative"})
MAX_CLIMB = 6
RELATION_CODES = ("06",)  # cooperation nouns: a standing relation as often as an act
FINITE = frozenset({"VBD", "VBZ", "VBP", "VBN"})


class GenericFileError(ValueError):
    """generic.tsv has a row the checker cannot use."""


@lru_cache(maxsize=1)
def load_generic() -> dict[str, frozenset[str]]:
    """Word lists by name ('act_noun', 'dispatch_verb'), from ``generic.tsv``."""
    out: dict[str, set[str]] = {}
    path = data_path("events", "generic.tsv")
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#") or line.startswith("list\t"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        if len(cells) < 2 or not cells[0] or not cells[1]:
            raise GenericFileError(f"generic.tsv line {n}: need 'list<TAB>word', got {line!r}")
        out.setdefault(cells[0], set()).add(cells[1].lower())
    return {k: frozenset(v) for k, v in out.items()}


def _words(name: str) -> frozenset[str]:
    return load_generic().get(name, frozenset())


def infinitive(verb: Any) -> bool:
    """'to strengthen', 'in order to strengthen' (the 'to' is the verb's aux or mark)."""
    return verb.tag_ == "VB" and any(
        c.dep_ in ("aux", "mark") and c.lower_ == "to" for c in verb.children
    )


def _first_conjunct(tok: Any) -> Any:
    """'to expand X, increase Y and strengthen Z': the clause role sits on 'expand'. Only
    bare infinitives share it ('... to join X and discussed Y': 'discussed' is finite)."""
    cur = tok
    for _ in range(MAX_CLIMB):
        if cur.dep_ != "conj" or cur.head == cur or not _bare_form(cur):
            break
        head = cur.head
        if head.tag_ in FINITE and not any(c.dep_ == "aux" for c in cur.children):
            # the parser hangs list items on the main verb: "reviewed plans to expand X,
            # boost Y": a bare 'boost' after the infinitive is the infinitive's conjunct
            inf = [t for t in cur.doc[head.i + 1 : cur.i] if infinitive(t)]
            return inf[-1] if inf else cur
        cur = head
    return cur


def _bare_form(verb: Any) -> bool:
    """An uninflected verb: tagged VB, or a bare form the tagger read as finite ("..., condemn
    all acts of violence, and keep ..." in a list of infinitives)."""
    return verb.tag_ == "VB" or (verb.tag_ in ("VBD", "VBP") and verb.lower_ == verb.lemma_)


def _governing_verb(tok: Any) -> Any | None:
    """The verb a (noun) trigger is an argument of, climbing objects and prepositions."""
    cur = tok
    for _ in range(MAX_CLIMB):
        if cur.pos_ in ("VERB", "AUX") and cur != tok:
            return cur
        if cur.dep_ not in CLIMB_DEPS or cur.head == cur:
            return None
        cur = cur.head
    return None


def purpose_clause(verb: Any) -> bool:
    """The verb is an infinitive stating a purpose or describing a noun, not an act."""
    head_clause = _first_conjunct(verb)
    if not infinitive(head_clause) and not infinitive(verb):
        return False
    if verb.lemma_.lower() in _words("kept_purpose"):
        return False  # "met the mayors to discuss X": the talk is the meeting's content
    gov = head_clause.head
    if head_clause.dep_ == "advcl":
        # "sent experts to investigate": the coder codes the dispatched act (coder.py)
        # "set up a panel to investigate": the parser hangs the body's purpose on the verb
        bodies = [o for o in gov.children if o.dep_ == "dobj" and inquiry(verb, o)]
        return gov.lemma_.lower() not in _words("dispatch_verb") and not bodies
    if head_clause.dep_ in ("acl", "relcl") and gov.pos_ == "NOUN":
        return gov.lemma_.lower() not in _words("act_noun") and not inquiry(verb, gov)
    return False


def inquiry(verb: Any, body: Any) -> bool:
    """'a commission to investigate abuses': a body set up to inquire exists to do so, so
    the inquiry is the act (PLOVER codes forming an inquiry as ACCUSE, investigate)."""
    return verb.lemma_.lower() in _words("inquiry_verb") and body.lemma_.lower() in _words(
        "inquiry_body"
    )


def topic_relation(noun: Any) -> bool:
    """A standing relation named as a topic, not an act: 'discussed our ongoing cooperation',
    'a long history of cooperation', 'areas for partnership'."""
    verb = _governing_verb(noun)
    if verb is not None and verb.lemma_.lower() in _words("topic_verb"):
        return True
    head = noun.head
    return bool(
        noun.dep_ == "pobj"
        and head.dep_ == "prep"
        and head.head.pos_ == "NOUN"
        and head.head.lemma_.lower() in _words("abstract_head")
    )


def in_title(tok: Any) -> bool:
    """The trigger is a word of a title or name inside running text: a capitalised verb
    mid-sentence ('a memorandum on Promoting United States Leadership'), or a capitalised
    noun modifying a capitalised head ('the Minerals Cooperation Initiative'). A headline,
    with no lower-case word before the trigger, keeps it ('Sullivan's Visit to Kyiv')."""
    sent = tok.sent
    if not tok.is_title or tok.i == sent.start or tok.doc[tok.i - 1].is_punct:
        return False
    before = [t for t in tok.doc[sent.start : tok.i] if t.is_alpha and not t.is_stop]
    if not any(t.is_lower for t in before):
        return False  # a headline or title line: no lower-case word before the trigger
    if tok.pos_ in ("VERB", "AUX"):
        return True
    return tok.dep_ == "compound" and tok.head.is_title and tok.head.i > tok.i


def asserted(tok: Any, noun: bool, cameo: str = "") -> bool:
    """False when the trigger only names a purpose or describes a noun, (a cooperation
    noun) is a topic, or is a word of a title (module docstring)."""
    if in_title(tok):
        return False
    if not noun and tok.pos_ in ("VERB", "AUX") and (purpose_clause(tok) or warned_against(tok)):
        return False
    if not noun and predecessor_note(tok):
        return False
    if noun and cameo.startswith(RELATION_CODES) and topic_relation(tok):
        return False
    if not noun and tok.pos_ in ("VERB", "AUX") and generic_relative(tok):
        return False
    verb = _governing_verb(tok) if noun else None
    if verb is not None and topic_frame(verb):
        return False
    return not (verb is not None and (purpose_clause(verb) or generic_relative(verb)))


def topic_frame(verb: Any) -> bool:
    """'As it relates to the IAEA investigations, ...', 'when it comes to sanctions': the
    speaker names a topic; the noun in it asserts no act."""
    lemma = verb.lemma_.lower()
    empty = any(c.dep_ == "nsubj" and c.lower_ in ("it", "this") for c in verb.children)
    return empty and (lemma == "relate" or (lemma == "come" and _has_prep(verb, "to")))


def _has_prep(verb: Any, word: str) -> bool:
    return any(c.dep_ == "prep" and c.lower_ == word for c in verb.children)


# heads whose relative clause describes whoever would act, not an act ("any country that
# supplies arms", "those who help Russia evade sanctions")
ANYONE = frozenset({"anyone", "anybody", "whoever", "those", "everyone", "anything"})
ANY = frozenset({"any", "every", "no"})


def generic_relative(verb: Any) -> bool:
    """The verb (or the verb whose subject it shares) is a relative clause on a
    quantified head: a rule about possible actors, not a report of an act."""
    head_clause = verb
    for _ in range(MAX_CLIMB):  # "any bank that helps X and finances Y": a shared subject
        subjectless = not any(c.dep_ in ("nsubj", "nsubjpass") for c in head_clause.children)
        if head_clause.dep_ != "conj" or not subjectless:
            break
        head_clause = head_clause.head
    if head_clause.dep_ != "relcl":
        return False
    noun = head_clause.head
    return noun.lower_ in ANYONE or any(c.dep_ == "det" and c.lower_ in ANY for c in noun.children)


# verbs whose "against"-phrase names an act someone is urged not to do
WARN_AGAINST = frozenset({"warn", "caution", "advise", "counsel"})


# verbs whose "from"-phrase names an act that is kept from happening
KEEP_FROM = frozenset(
    {"prevent", "stop", "deter", "keep", "bar", "block", "prohibit", "ban", "dissuade"}
    | {"discourage", "restrain", "preclude"}
)


def warned_against(tok: Any) -> bool:
    """'warned Washington against supplying missiles': the supplying is not asserted (the
    warning is the event; the warned party is its target); nor is the acquiring in
    'preventing Iran from acquiring a weapon', which is kept from happening."""
    prep = tok.head
    if tok.dep_ != "pcomp":
        return False
    verb = prep.head.lemma_.lower()
    return (prep.lower_ == "against" and verb in WARN_AGAINST) or (
        prep.lower_ == "from" and verb in KEEP_FROM
    )


def predecessor_note(tok: Any) -> bool:
    """'to be Commissioner ..., vice Dana Brown, resigned': a nomination's note on whom the
    nominee replaces is no news of a resignation."""
    if tok.lemma_.lower() not in NOTED or tok.i == 0 or tok.doc[tok.i - 1].text != ",":
        return False
    # the formula's "vice" is lower case: "Vice President X, resigned" is news
    return any(t.text == "vice" for t in tok.doc[max(tok.sent.start, tok.i - 8) : tok.i])


NOTED = frozenset({"resign", "retire", "elevate", "decease", "die", "expire", "term"})
