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
        "general secretary",
        "general secretaries",
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
        "agent",
        "agents",
        # unidentified armed men take the sector of the group they belong to
        "fighter",
        "fighters",
        "gunman",
        "gunmen",
        "militiamen",
        "combatant",
        "combatants",
    ]
)
ROLE_PREPS = frozenset({"of", "in", "from", "throughout"})
MODIFIER_DEPS = frozenset({"amod", "compound", "nmod", "poss"})
SUBJ_DEPS = frozenset({"nsubj", "nsubjpass"})
LOC_PREPS = frozenset({"in", "at", "near", "from", "to", "into", "across", "around", "inside"})
COUNTRYISH = frozenset({"country", "demonym", "capital", "metonym", "place"})
NOUNISH = frozenset({"country", "capital", "metonym", "place", "igo", "group", "person"})
BARE_EXCLUDE = frozenset(
    {
        "peoples",
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
# "former"/"retired" before an office makes its holder ELI, not before an institution.
FORMER_WORDS = frozenset({"former", "retired", "onetime", "erstwhile", "ousted", "deposed"})
OFFICE_SECTORS = frozenset({"GOV", "MIL", "SPY", "COP", "JUD", "LEG"})
INSTITUTIONS = frozenset(
    {
        "government",
        "governments",
        "ministry",
        "ministries",
        "army",
        "armies",
        "military",
        "regime",
        "administration",
        "navy",
        "air force",
        "police",
        "parliament",
        "court",
        "cabinet",
        "junta",
        "intelligence",
    }
)
# Words before a role noun that are not part of the role ("a senior minister" keeps "senior").
ROLE_STOP = frozenset({"a", "an", "the", "this", "that", "its", "his", "her", "their", "our"})
# A country's envoy to a body ("UN envoy Fu Cong") belongs to the country, not the body.
ENVOY_WORDS = ("ambassador", "envoy", "permanent representative")
# "deputy" before a role is part of that role ("deputy foreign minister" is GOV, "deputy
# chairman" takes the sector of its council or holder); only a bare "deputy" is a role itself.
ROLE_MODIFIERS = frozenset({"deputy"})
# Role heads with no sector of their own that a "deputy" may modify: the sector comes from what
# they belong to, else the holder's dictionary row.
MODIFIED_HEADS = frozenset(
    {
        "chairman",
        "chairwoman",
        "chairperson",
        "chair",
        "head",
        "director",
        "secretary",
        "editor",
        "administrator",
        "commissioner",
        "coordinator",
        "manager",
        "chief",
    }
)
# "pro-Iranian", "anti-Syria", "Inter-American", "pan-African": a prefix makes no nationality
STANCE_PREFIXES = frozenset({"pro", "anti", "inter", "pan", "trans"})
