"""Towns and cities the actor dictionaries lack (GeoNames, ``places_geonames.tsv``), read only
where the text already marks a name: a named entity, or a proper noun after a preposition of
place ("shelled Kherson", "a raid in Jenin"). Matching all 65,000 names everywhere as phrases
would cost a second of start-up and every "Batman" or "Florence" in a text."""

from __future__ import annotations

from functools import cache

from ..data import data_path
from .lexicon import Payload, _rows, fold
from .match import Atom
from .tokens import Tok
from .vocab import LOC_PREPS

# the small model calls a town GPE, PERSON, ORG or even PRODUCT; a subject is left alone
# (more likely a person); numbers and dates are no names
NOT_NAMES = frozenset(
    {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY", "LAW", "LANGUAGE"}
)
OBJECT_DEPS = frozenset({"pobj", "dobj", "conj", "appos", "compound"})
# prepositions of place before a lone proper noun (vocab's, plus those a town takes in news)
PLACE_PREPS = LOC_PREPS | {"on", "outside", "of", "toward", "towards", "over"}


def _lone_place(t: Tok, toks: list[Tok]) -> bool:
    """A proper noun outside any entity: an object, or after a preposition of place."""
    if t.pos != "PROPN":
        return False
    return t.dep == "dobj" or (t.dep == "pobj" and toks[t.head].norm in PLACE_PREPS)


@cache
def gazetteer() -> dict[str, str]:
    """Folded name -> ISO3."""
    return {fold(c[0]): c[1] for _, c in _rows(data_path("actors", "places_geonames.tsv"))}


def place_atoms(toks: list[Tok], ents: list[tuple[int, int, str]], covered: set[int]) -> list[Atom]:
    """Place atoms for uncovered entity spans (and lone proper nouns after a preposition of
    place) whose whole text is a gazetteer name."""
    names = gazetteer()
    spans = [(s, e) for s, e, label in ents if label not in NOT_NAMES]
    in_ent = {i for s, e, _ in ents for i in range(s, e)}
    spans += [(t.i, t.i + 1) for t in toks if t.i not in in_ent and _lone_place(t, toks)]
    out = []
    for s, e in spans:
        if any(i in covered for i in range(s, e)) or not toks[s].text[:1].isupper():
            continue
        if any(toks[i].dep in ("nsubj", "nsubjpass") for i in range(s, e)):
            continue  # "Florence said": a person
        if not any(toks[i].dep in OBJECT_DEPS for i in range(s, e)):
            continue
        key = " ".join(toks[i].norm for i in range(s, e))
        iso = names.get(key)
        if iso:
            label = f"geonames:{toks[s].text}"
            out.append(Atom(s, e, "place", Payload("place", key, iso=iso, label=label)))
    return out
