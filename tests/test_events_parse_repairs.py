"""Misparses and argument frames of the small parser that cost whole events (session 8).
Sentences written for these tests."""

from __future__ import annotations

from typing import Any

import pytest

from coder_helpers import code, tuples


def test_preposition_off_is_not_the_particle_of_fire_off(nlp: Any, stages: Any) -> None:
    """'fire off a letter' is a rebuke; a missile fired off a coast is not."""
    text = "North Korea fired a cruise missile into the sea off its western coast on Sunday."
    types = {e.plover.type for e in code(text, nlp, stages)}
    assert "ACCUSE" not in types


def test_subject_hung_on_an_auxiliary_still_acts(nlp: Any, stages: Any) -> None:
    text = "Oman and Jordan have been mediating talks between Riyadh and Sanaa."
    got = tuples(code(text, nlp, stages))
    assert {("OMN", "SAU", "CONSULT"), ("JOR", "YEM", "CONSULT")} <= got
    assert not any(src is None and t == "CONSULT" for src, _, t in got if _ in ("SAU", "YEM"))


def test_mediating_talks_is_mediation_not_a_concession(nlp: Any, stages: Any) -> None:
    text = "Norway is mediating talks between Colombia and the ELN."
    types = {e.plover.type for e in code(text, nlp, stages)}
    assert "CONCEDE" not in types and "CONSULT" in types


def test_naming_something_in_a_relative_clause_is_no_appeal(nlp: Any, stages: Any) -> None:
    text = "Tokyo and Canberra held naval exercises that Beijing called a threat to peace."
    assert not any(e.plover.type == "REQUEST" for e in code(text, nlp, stages))


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("Macron called Putin on Friday.", ("FRA", "RUS")),
        ("Scholz called Erdogan late on Tuesday.", ("DEU", "TUR")),
    ],
)
def test_a_named_person_called_is_the_object(
    nlp: Any, stages: Any, text: str, pair: tuple[str, str]
) -> None:
    assert (*pair, "CONSULT") in tuples(code(text, nlp, stages))


def test_a_predicate_after_an_object_still_describes(nlp: Any, stages: Any) -> None:
    """The mend keeps real predicates: 'called the raid a crime' accuses, calls no one."""
    text = "Jordan called the raid a war crime."
    got = tuples(code(text, nlp, stages))
    assert not any(t == "CONSULT" for _, _, t in got)


def test_broker_of_a_deal_in_a_frame_is_not_the_partner(nlp: Any, stages: Any) -> None:
    text = "Ethiopia and Eritrea agreed to end hostilities in an accord brokered by Kenya."
    got = tuples(code(text, nlp, stages))
    assert ("ETH", "ERI", "AGREE") in got and ("ERI", "ETH", "AGREE") in got
    assert not any(tgt == "KEN" for src, tgt, _ in got if src in ("ETH", "ERI"))
    assert any(src == "KEN" and t == "CONSULT" for src, _, t in got)


def test_grievance_over_an_act_keeps_its_doer_as_target(nlp: Any, stages: Any) -> None:
    """The frame rule is for 'in/under/through X done by Y'; 'over a law passed by Y' still
    names whom the protest is against."""
    text = (
        "Thousands of Georgian students marched in Tbilisi over a media law signed by "
        "Georgian Prime Minister Irakli Kobakhidze."
    )
    got = {(s, t, ty) for s, t, ty in tuples(code(text, nlp, stages)) if ty == "PROTEST"}
    assert got and all(t == "GEO" for _, t, _ in got)


def test_closing_a_newspaper_is_censorship(nlp: Any, stages: Any) -> None:
    text = "Nicaraguan authorities shut down two independent newspapers on Friday."
    assert any(
        e.plover.type == "COERCE" and key_of(e.source) == "NIC" for e in code(text, nlp, stages)
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sweden's parliament ratified Ukraine's accession treaty.", ("SWE", "UKR", "SUPPORT")),
        ("China vetoed a draft resolution by France.", ("CHN", "FRA", "REJECT")),
    ],
)
def test_ratify_supports_and_veto_rejects(
    nlp: Any, stages: Any, text: str, expected: tuple[str, str, str]
) -> None:
    got = tuples(code(text, nlp, stages))
    assert expected in got
    assert not any(t == "CONCEDE" for _, _, t in got)


def test_an_act_announced_in_a_warning_threatens_the_warned(nlp: Any, stages: Any) -> None:
    text = "Lithuania warned Belarus that it would shut all border crossings."
    got = {(s, t) for s, t, ty in tuples(code(text, nlp, stages)) if ty == "THREATEN"}
    assert ("LTU", "BLR") in got


def test_activists_held_at_home_are_of_the_detaining_state(nlp: Any, stages: Any) -> None:
    text = "Cuban police detained dozens of activists in Havana on Sunday."
    got = tuples(code(text, nlp, stages))
    assert ("CUB", "CUB", "COERCE") in got


def key_of(actor: Any) -> str | None:
    return (actor.country or actor.code) if actor is not None else None


def test_he_takes_the_office_holder_who_was_the_subject(nlp: Any, stages: Any) -> None:
    text = (
        "Poland's president arrived in Vilnius on Monday for talks with President Nauseda. "
        "He pledged more air defence systems to Lithuania."
    )
    got = tuples(code(text, nlp, stages))
    assert any(src == "POL" for src, tgt, t in got if t in ("AID", "AGREE") and tgt == "LTU")
    assert not any(src == "LTU" and tgt == "LTU" for src, tgt, _ in got)


def test_them_takes_the_group_met_in_the_sentence_before(nlp: Any, stages: Any) -> None:
    text = (
        "The Dutch foreign minister met Venezuelan officials in The Hague. "
        "She urged them to free the jailed opposition leaders."
    )
    assert ("NLD", "VEN", "REQUEST") in tuples(code(text, nlp, stages))


def test_by_agent_hung_on_the_of_object_acts(nlp: Any, stages: Any) -> None:
    text = "The detention of the editor by Algerian police drew condemnation."
    assert any(
        key_of(e.source) == "DZA" and e.plover.type == "COERCE" for e in code(text, nlp, stages)
    )


def test_a_states_own_ban_is_a_sanction_and_hurting_trade_no_assault(nlp: Any, stages: Any) -> None:
    text = "Moscow's ban on Moldovan wine hurt farmers across the country."
    got = tuples(code(text, nlp, stages))
    assert ("RUS", "MDA", "SANCTION") in got
    assert not any(t == "ASSAULT" for _, _, t in got)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The junta declared martial law across Niger.", ("NER", "COERCE")),
        ("The Chinese coast guard boarded a Vietnamese fishing boat.", ("CHN", "COERCE")),
    ],
)
def test_juntas_and_boardings(nlp: Any, stages: Any, text: str, expected: tuple[str, str]) -> None:
    assert any((s, t) == expected for s, _, t in tuples(code(text, nlp, stages)))


def test_passing_a_law_is_no_concession(nlp: Any, stages: Any) -> None:
    text = "Georgia's parliament passed a law on foreign agents."
    assert not any(e.plover.type == "CONCEDE" for e in code(text, nlp, stages))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tehran said the Canadian sanctions were illegal.", ("IRN", "CAN", "ACCUSE")),
        ("Kyiv said Moscow's blockade of the ports was a war crime.", ("UKR", "RUS", "ACCUSE")),
        ("Caracas said Guyana's accusations were baseless.", ("VEN", "GUY", "REJECT")),
    ],
)
def test_a_saying_that_judges_a_partys_act(
    nlp: Any, stages: Any, text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in tuples(code(text, nlp, stages))


def test_a_neutral_or_negated_judgement_is_no_accusation(nlp: Any, stages: Any) -> None:
    for text in (
        "Seoul said the talks with Tokyo were productive.",
        "Ankara said the Greek drills were not illegal.",
    ):
        assert not any(e.plover.type == "ACCUSE" for e in code(text, nlp, stages))


def test_a_sea_named_after_a_country_is_not_the_country(nlp: Any, stages: Any) -> None:
    text = "Hanoi objected to survey ships that Beijing sent into the South China Sea."
    assert not any(
        key_of(e.target) == "CHN" and key_of(e.source) == "CHN" for e in code(text, nlp, stages)
    )
    resolver, _ = stages
    from dyadwatch.records import Document

    doc = Document(doc_id="t", text="Ships crossed the Sea of Japan.", published="2023-05-02")
    assert not resolver.mentions(doc, nlp(doc.text))


def test_taking_a_minute_to_talk_is_no_seizure(nlp: Any, pipe: Any) -> None:
    from dyadwatch.records import Document

    text = (
        "And I want to take a minute to talk through these controls because there has "
        "not been as much attention paid to them. "
        "Syrian rebels took control of the airbase."
    )
    doc = Document(doc_id="t", text=text, published="2023-05-02", outlet="The White House")
    got = pipe.analyse(doc, nlp(text)).events
    assert not any(e.trigger.startswith("take") for e in got)
    assert any(e.trigger.startswith("took") and e.plover.type == "COERCE" for e in got)


@pytest.mark.parametrize(
    "text",
    [
        "The two leaders pledged to keep arming Moldova against Russian aggression.",
        "Norway thanked Poland for sheltering Ukrainians who fled the Russian invasion.",
    ],
)
def test_an_attack_without_target_is_on_the_party_the_sentence_helps(
    nlp: Any, stages: Any, text: str
) -> None:
    got = tuples(code(text, nlp, stages))
    victim = "MDA" if "Moldova" in text else "UKR"
    assert ("RUS", victim, "ASSAULT") in got


def test_no_victim_when_the_helped_are_several(nlp: Any, stages: Any) -> None:
    text = "Canada sent aid to Ukraine and Moldova as Russian aggression continued."
    got = tuples(code(text, nlp, stages))
    assert ("RUS", None, "ASSAULT") in got


def test_the_praised_helper_is_not_the_victim(nlp: Any, stages: Any) -> None:
    text = "Blinken thanked Latvia for its solidarity in the face of Russian aggression."
    got = tuples(code(text, nlp, stages))
    assert not any(t == "ASSAULT" and tgt == "LVA" for _, tgt, t in got)


@pytest.mark.parametrize(
    "text",
    [
        "As the Serbian army repositions, Hungary pledged new funds.",
        "While Chinese warships patrolled nearby, Australia pledged patrol boats.",
    ],
)
def test_a_fronted_setting_is_not_the_target(nlp: Any, stages: Any, text: str) -> None:
    got = tuples(code(text, nlp, stages))
    assert not any(tgt in ("SRB", "CHN") for src, tgt, _ in got if src in ("HUN", "AUS"))


def test_a_prison_sentence_is_a_conviction_and_an_arrest(nlp: Any, stages: Any) -> None:
    """PLOVER manual: convictions that result in imprisonment are also COERCE 'arrest'."""
    text = "An Iranian court sentenced the French tourist to eight years in prison."
    got = tuples(code(text, nlp, stages))
    assert {("IRN", "FRA", "SANCTION"), ("IRN", "FRA", "COERCE")} <= got


def test_a_conviction_without_prison_is_only_a_conviction(nlp: Any, stages: Any) -> None:
    text = "A Turkish court convicted the Swedish journalist of insulting the president."
    types = {t for s, _, t in tuples(code(text, nlp, stages)) if s == "TUR"}
    assert "SANCTION" in types and "COERCE" not in types


def test_a_measure_vetoed_or_blocked_is_no_act(nlp: Any, stages: Any) -> None:
    got = tuples(code("Slovakia vetoed a NATO aid package for Georgia.", nlp, stages))
    assert not any(t == "AID" for _, _, t in got)
    got = tuples(code("Austria blocked new EU sanctions on Belarus.", nlp, stages))
    assert any(s == "AUT" and t == "REJECT" for s, _, t in got)
    assert not any(t in ("COERCE", "SANCTION") for s, _, t in got if s == "AUT")


def test_a_demand_refused_was_still_made(nlp: Any, stages: Any) -> None:
    text = "Serbia blocked Kosovo's bid to join the Council of Europe."
    assert any(s == "XKX" and t == "REQUEST" for s, _, t in tuples(code(text, nlp, stages)))


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        ("Guinea's military seized power in September.", ("GIN", "COERCE")),
        ("Niger's military seized power last July.", ("NER", "COERCE")),
    ],
)
def test_a_past_verb_read_as_a_modifier_still_acts(
    nlp: Any, stages: Any, text: str, wanted: tuple
) -> None:
    """The small parser reads "seized" as a modifier of "power" and "military" as an
    adjective, leaving the sentence with no verb."""
    got = tuples(code(text, nlp, stages))
    assert any(t[0] == wanted[0] and t[2] == wanted[1] for t in got), got


def test_a_name_left_as_an_adverbial_noun_is_the_subject(nlp: Any, stages: Any) -> None:
    got = tuples(code("Azerbaijan massed troops on the border with Armenia.", nlp, stages))
    assert ("AZE", "ARM", "MOBILIZE") in got, got


def test_a_date_before_the_verb_is_no_subject(nlp: Any, stages: Any) -> None:
    got = tuples(code("Monday, Russian drones hit Odesa.", nlp, stages))
    assert all(t[0] != "Monday" for t in got), got
