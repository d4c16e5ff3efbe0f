"""Word lists shared by the actor modules (kept here so each module stays small)."""

from __future__ import annotations

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
