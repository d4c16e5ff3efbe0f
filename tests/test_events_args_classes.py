"""Argument classes of issue 7 (nominal agents, speakers, accuse-of frames, coordination,
coreference, unknown sides), on sentences written for these tests."""

from __future__ import annotations

from typing import Any

from coder_helpers import code, key, tuples
from dyadwatch.pipeline import Pipeline, Result
from dyadwatch.records import Document, Event, RawInput
from dyadwatch.settings import Settings


def pipeline_events(text: str, settings: Settings, **meta: Any) -> list[Event]:
    raw = RawInput(input="t", content=text, published="2023-05-02", **meta)
    out = [r for r in Pipeline(settings).run([raw]) if isinstance(r, Result)]
    return out[0].events if out else []


def of_type(events: list[Event], ptype: str) -> list[Event]:
    return [e for e in events if e.plover.type == ptype]


# -- 1. the agent of a nominal event is its own -----------------------------------------
def test_condemned_strike_keeps_its_attacker_unknown(nlp: Any, stages: Any) -> None:
    evs = code("Germany condemns the missile strike launched against Kyiv.", nlp, stages)
    assert ("DEU", None, "ACCUSE") in tuples(evs)
    assert (None, "UKR", "ASSAULT") in tuples(evs)
    assert not any(key(e.source) == "DEU" for e in of_type(evs, "ASSAULT"))


def test_condemned_attack_on_a_place_is_not_the_accused(nlp: Any, stages: Any) -> None:
    evs = code("Poland condemned the drone attack on Odesa.", nlp, stages)
    assert ("POL", None, "ACCUSE") in tuples(evs)
    assert not any(key(e.source) == "POL" for e in of_type(evs, "ASSAULT"))


def test_possessive_agent_and_own_target(nlp: Any, stages: Any) -> None:
    evs = code("Canada denounced Russia's invasion of Ukraine.", nlp, stages)
    assert ("CAN", "RUS", "ACCUSE") in tuples(evs)
    assert ("RUS", "UKR", "ASSAULT") in tuples(evs)


def test_by_phrase_agent(nlp: Any, stages: Any) -> None:
    evs = code("Britain condemned the attack launched by Russia against Odesa.", nlp, stages)
    assert ("GBR", "RUS", "ACCUSE") in tuples(evs)
    assert ("RUS", "UKR", "ASSAULT") in tuples(evs)


def test_passive_condemnation_of_a_nominal(nlp: Any, stages: Any) -> None:
    text = "The attack by Syrian forces on Idlib was condemned by Turkey."
    evs = code(text, nlp, stages)
    assert ("TUR", "SYR", "ACCUSE") in tuples(evs)
    assert not any(key(e.source) == "TUR" for e in of_type(evs, "ASSAULT"))


def test_support_verb_lends_its_subject(nlp: Any, stages: Any) -> None:
    evs = code("Azerbaijan launched an offensive against Armenia on Monday.", nlp, stages)
    assert ("AZE", "ARM", "ASSAULT") in tuples(evs)


def test_support_verb_with_particle(nlp: Any, stages: Any) -> None:
    evs = code("China and Pakistan are stepping up military cooperation.", nlp, stages)
    coop = of_type(evs, "COOPERATE")
    assert {(key(e.source), key(e.target)) for e in coop} >= {("CHN", "PAK"), ("PAK", "CHN")}


def test_gathering_for_talks(nlp: Any, stages: Any) -> None:
    text = "Serbian and Kosovar negotiators returned to Brussels for talks on Monday."
    evs = code(text, nlp, stages)
    assert any(e.plover.type == "CONSULT" and key(e.source) == "SRB" for e in evs)


# -- 4. coordination ----------------------------------------------------------------------
def test_two_accusers_two_events_no_mutual_accusation(nlp: Any, stages: Any) -> None:
    evs = code("Italy and Spain condemned the bombing of the hospital.", nlp, stages)
    acc = tuples(of_type(evs, "ACCUSE"))
    assert ("ITA", None, "ACCUSE") in acc and ("ESP", None, "ACCUSE") in acc
    assert ("ITA", "ESP", "ACCUSE") not in acc


def test_two_targets(nlp: Any, stages: Any) -> None:
    evs = code("Japan imposed sanctions on Russia and Belarus.", nlp, stages)
    assert {("JPN", "RUS", "SANCTION"), ("JPN", "BLR", "SANCTION")} <= tuples(evs)


def test_mutual_meeting_stays_symmetric(nlp: Any, stages: Any) -> None:
    evs = code("Egypt and Jordan held talks in Cairo.", nlp, stages)
    assert {("EGY", "JOR", "CONSULT"), ("JOR", "EGY", "CONSULT")} <= tuples(evs)


# -- 2. speakers are not targets ----------------------------------------------------------
def test_according_to_is_not_a_target(nlp: Any, stages: Any) -> None:
    text = "Russia is collaborating closely with Iran on drones, according to US intelligence."
    evs = code(text, nlp, stages)
    coop = of_type(evs, "COOPERATE")
    assert coop and all(key(e.target) != "USA" and key(e.source) != "USA" for e in coop)
    assert any(key(e.source) == "RUS" and key(e.target) == "IRN" for e in coop)


def test_reported_source_is_not_the_recipient(nlp: Any, stages: Any) -> None:
    evs = code("Iran is supplying drones to Syria, according to Ukraine.", nlp, stages)
    assert evs and all(key(e.target) != "UKR" for e in evs)


def test_told_addressee_is_not_a_target(nlp: Any, stages: Any) -> None:
    evs = code("The Pentagon told Congress that Russia was recruiting fighters.", nlp, stages)
    assert not any(key(e.target) == "USA" and key(e.source) == "RUS" for e in evs)
    assert not any(e.trigger.lower().startswith("told") for e in evs)


def test_on_behalf_of_is_not_a_target(nlp: Any, stages: Any) -> None:
    evs = code("Oman hosted the talks on behalf of the United States.", nlp, stages)
    assert evs and all(key(e.target) != "USA" for e in evs)


# -- 3. accuse-of and condemn-for frames --------------------------------------------------
def test_accused_of_shelling(nlp: Any, stages: Any, settings: Settings) -> None:
    text = "Ukraine accused Russian forces on Tuesday of shelling the nuclear power plant."
    evs = code(text, nlp, stages)
    assert ("UKR", "RUS", "ACCUSE") in tuples(evs)
    assault = of_type(evs, "ASSAULT")
    assert assault and all(key(e.source) == "RUS" for e in assault)
    # the whole pipeline: the shelling is Ukraine's claim, not the outlet's narration
    full = [e for e in pipeline_events(text, settings) if e.plover.type == "ASSAULT"]
    assert full and all(e.status in ("claimed", "alleged") for e in full)


def test_blamed_for_a_nominal_attack(nlp: Any, stages: Any) -> None:
    evs = code("Washington blamed Iran for the attack on the tanker.", nlp, stages)
    assert ("USA", "IRN", "ACCUSE") in tuples(evs)
    assert any(key(e.source) == "IRN" for e in of_type(evs, "ASSAULT"))


def test_condemned_possessor_attack_on_third(nlp: Any, stages: Any) -> None:
    evs = code("Sweden condemned Belarus's attack on Lithuania.", nlp, stages)
    assert {("SWE", "BLR", "ACCUSE"), ("BLR", "LTU", "ASSAULT")} <= tuples(evs)


def test_urged_to_is_object_control(nlp: Any, stages: Any) -> None:
    evs = code("The United States urged Israel to halt its strikes on Gaza.", nlp, stages)
    assert ("USA", "ISR", "REQUEST") in tuples(evs)
    assert not any(key(e.source) == "USA" for e in of_type(evs, "ASSAULT"))


# -- 5. pronouns and descriptions ---------------------------------------------------------
def mentions(text: str, nlp: Any, stages: Any, **meta: Any) -> dict[str, Any]:
    resolver, _ = stages
    doc = Document(doc_id="t", text=text, published="2023-05-02", **meta)
    return {m.actor.text: m.actor for m in resolver.mentions(doc, nlp(text))}


def test_the_kingdom_and_it_resolve_to_the_state(nlp: Any, stages: Any) -> None:
    text = "Saudi Arabia hosted the summit. The kingdom said it would invest in Egypt."
    ms = mentions(text, nlp, stages)
    assert ms["The kingdom"].country == "SAU" and ms["The kingdom"].resolved_by == "coreference"
    assert ms["it"].country == "SAU"
    evs = code(text, nlp, stages)
    assert any(key(e.source) == "SAU" and key(e.target) == "EGY" for e in evs)


def test_they_needs_a_plural_antecedent(nlp: Any, stages: Any) -> None:
    text = "Houthi rebels fired missiles at ships. They also seized a tanker off Yemen."
    ms = mentions(text, nlp, stages)
    assert ms["They"].code == "YEMREB" and ms["They"].resolved_by == "coreference"
    text = "President Biden met the Kenyan leader. They discussed trade."
    assert "They" not in mentions(text, nlp, stages)  # one person and one person: no plural


def test_it_after_a_thing_stays_unresolved(nlp: Any, stages: Any) -> None:
    text = "The agreement was signed by Iran last year. It bans missile tests."
    assert "It" not in mentions(text, nlp, stages)


def test_its_own_country_is_not_a_second_party(nlp: Any, stages: Any) -> None:
    evs = code("Ethiopia agreed to reopen its borders to UN peacekeepers.", nlp, stages)
    assert evs and all(key(e.target) != "ETH" for e in evs)


# -- sides --------------------------------------------------------------------------------
def test_a_bare_country_acting_is_its_government(nlp: Any, stages: Any) -> None:
    evs = code("Norway condemned the execution of protesters in Iran.", nlp, stages)
    acc = of_type(evs, "ACCUSE")
    assert acc and acc[0].source is not None and acc[0].source.code == "NORGOV"


# -- the outlet's own voice ---------------------------------------------------------------
def test_white_house_we_is_the_us_government(nlp: Any, stages: Any) -> None:
    text = "We condemn the Houthi attacks on commercial shipping in the Red Sea."
    evs = code(text, nlp, stages, outlet="White House")
    acc = of_type(evs, "ACCUSE")
    assert acc and acc[0].source is not None and acc[0].source.code == "USAGOV"
    assert acc[0].source.resolved_by == "outlet"
    assert not any(e.source for e in of_type(code(text, nlp, stages), "ACCUSE"))  # elsewhere


def test_white_house_unnamed_president(nlp: Any, stages: Any) -> None:
    text = "The President spoke with Prime Minister Kishida of Japan about North Korea."
    ms = mentions(text, nlp, stages, url="https://www.whitehouse.gov/briefing-room/x/")
    assert ms["President"].country == "USA"
    assert ms["Prime Minister Kishida"].country == "JPN"


def test_reporter_question_is_no_government_voice(nlp: Any, stages: Any) -> None:
    text = "Q Do we know whether Iran sent drones to Russia?"
    assert "we" not in mentions(text, nlp, stages, outlet="White House")


# -- 6. unknown sides stay unknown; the document focus is marked ---------------------------
def test_focus_fill_is_marked_and_cheaper(nlp: Any, stages: Any) -> None:
    text = (
        "Kenya and Ethiopia signed a trade agreement. Kenya and Ethiopia agreed to cooperate "
        "on energy. Kenya later pledged further aid."
    )
    evs = code(text, nlp, stages)
    assert {("KEN", "ETH", "AGREE"), ("ETH", "KEN", "AGREE")} <= tuples(evs)
    filled = [e for e in evs if e.target and e.target.resolved_by == "document"]
    assert filled and all(e.confidence <= 0.95 * 0.7 for e in filled)
    assert not any(a.resolved_by == "context" for e in evs for a in (e.source, e.target) if a)


def test_enemy_is_no_focus_partner(nlp: Any, stages: Any) -> None:
    text = (
        "Russia attacked Ukraine. Russia shelled Ukraine again. "
        "New funds will support the reconstruction of Ukraine."
    )
    evs = code(text, nlp, stages)
    assert (None, "UKR", "AGREE") in tuples(evs) or (None, "UKR", "SUPPORT") in tuples(evs)
    assert not any(key(e.source) == "RUS" for e in evs if e.plover.type != "ASSAULT")


def test_by_phrase_hung_on_the_verb(nlp: Any, stages: Any) -> None:
    text = "We condemn the rocket attacks across Israel by Hamas that began on Saturday."
    evs = code(text, nlp, stages, outlet="White House")
    assert ("USA", "PSE", "ACCUSE") in tuples(evs)
    assert any(key(e.source) == "PSE" for e in of_type(evs, "ASSAULT"))
    assert not any(key(e.source) == "ISR" for e in of_type(evs, "ASSAULT"))


def test_they_for_a_government_in_the_same_sentence(nlp: Any, stages: Any) -> None:
    text = "It is now up to Venezuela to decide whether they will release the prisoners."
    ms = mentions(text, nlp, stages)
    assert ms["they"].country == "VEN" and ms["they"].resolved_by == "coreference"


def test_white_house_the_president_after_a_foreign_president(nlp: Any, stages: Any) -> None:
    text = (
        "President Biden spoke with President Lula of Brazil. "
        "The President reaffirmed support for the Amazon Fund."
    )
    resolver, _ = stages
    doc = Document(doc_id="t", text=text, published="2023-05-02", outlet="White House")
    the_president = [m for m in resolver.mentions(doc, nlp(text)) if m.start > 50]
    assert the_president and the_president[0].actor.country == "USA"


def test_reflexive_binds_in_its_sentence(nlp: Any, stages: Any) -> None:
    text = (
        "Congress passed the bill. We must do more to assure Ukraine is in the best position "
        "to defend itself."
    )
    assert mentions(text, nlp, stages, outlet="White House")["itself"].country == "UKR"


def test_the_two_leaders_are_both_sources(nlp: Any, stages: Any) -> None:
    text = (
        "President Biden met Chancellor Scholz of Germany on Friday. "
        "The two leaders condemned Russia's continued attacks on Ukraine."
    )
    acc = tuples(of_type(code(text, nlp, stages), "ACCUSE"))
    assert {("USA", "RUS", "ACCUSE"), ("DEU", "RUS", "ACCUSE")} <= acc


def test_both_countries(nlp: Any, stages: Any) -> None:
    text = "Japan and South Korea signed a deal. Both countries pledged aid to Australia."
    evs = code(text, nlp, stages)
    assert {("JPN", "AUS"), ("KOR", "AUS")} <= {(key(e.source), key(e.target)) for e in evs}


def test_host_of_talks_between_two_parties(nlp: Any, stages: Any) -> None:
    evs = code("Oman brokered a deal between Iran and Saudi Arabia.", nlp, stages)
    pairs = {(key(e.source), key(e.target)) for e in evs}
    assert {("OMN", "IRN"), ("OMN", "SAU")} <= pairs


def test_possessor_of_a_plan_does_the_planned_act(nlp: Any, stages: Any) -> None:
    text = "The United States welcomed Saudi Arabia's decision to resume talks with Iran."
    evs = code(text, nlp, stages)
    assert ("USA", "SAU", "SUPPORT") in tuples(evs)
    assert ("SAU", "IRN", "CONSULT") in tuples(evs)


def test_our_own_work_is_no_target(nlp: Any, stages: Any) -> None:
    text = "We will continue to coordinate our work with Canada to tackle sanctions evasion."
    evs = code(text, nlp, stages, outlet="White House")
    assert evs and not any(key(e.source) == key(e.target) for e in evs)


def test_the_outlets_our_beside_its_own_actor_is_no_second_party(nlp: Any, stages: Any) -> None:
    text = "American forces reassured our allies in Estonia."
    evs = code(text, nlp, stages, outlet="White House")
    assert evs and all(not (key(e.source) == "USA" and key(e.target) == "USA") for e in evs)
    plain = code("American troops trained Lithuanian soldiers last week.", nlp, stages)
    assert ("USA", "LTU") in {(key(e.source), key(e.target)) for e in plain}


def test_the_outlets_our_owning_a_counterpart_is_not_the_target(nlp: Any, stages: Any) -> None:
    evs = code(
        "Russian missiles struck our allies in the region.", nlp, stages, outlet="White House"
    )
    assert of_type(evs, "ASSAULT") and all(key(e.target) != "USA" for e in evs)
    own = code(
        "Russian missiles struck our troops in the region.", nlp, stages, outlet="White House"
    )
    assert ("RUS", "USA", "ASSAULT") in tuples(own)
