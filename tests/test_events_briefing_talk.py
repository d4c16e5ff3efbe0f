"""Briefing talk that asserts no act, and the speaker's hedges (session 10). Sentences written
for these tests."""

from __future__ import annotations

from typing import Any

from coder_helpers import code, tuples


def test_asking_a_question_is_no_request(nlp: Any, stages: Any) -> None:
    text = "I want to ask whether the decision to visit Seoul first was about repairing ties."
    assert tuples(code(text, nlp, stages)) == set()


def test_asking_someone_whether_is_no_request(nlp: Any, stages: Any) -> None:
    got = tuples(
        code("Journalists asked the envoy whether Egypt would open the border.", nlp, stages)
    )
    assert not any(k == "REQUEST" for _, _, k in got), got


def test_asking_for_help_is_a_request(nlp: Any, stages: Any) -> None:
    assert ("MDA", "ROU", "REQUEST") in tuples(code("Moldova asked Romania for fuel.", nlp, stages))


def test_welcoming_a_step_supports_it(nlp: Any, stages: Any) -> None:
    text = "To that end, Macron welcomed Egypt's readiness to host new talks."
    got = tuples(code(text, nlp, stages))
    assert ("FRA", "EGY", "SUPPORT") in got, got
    assert not any(k == "CONSULT" for _, _, k in got), got


def test_a_speakers_would_say_is_no_future(nlp: Any, stages: Any) -> None:
    sents = code("I would say that the Chancellor spoke with King Abdullah last week.", nlp, stages)
    evs = [e for e in sents if e.plover.type == "CONSULT"]
    assert evs and all(e.status == "reported" for e in evs), [
        (e.plover.type, e.status) for e in evs
    ]


def test_a_measure_foretold_is_no_threat(nlp: Any, stages: Any) -> None:
    got = tuples(code("The new export rules will bar Iranian banks from trading.", nlp, stages))
    assert not any(k == "THREATEN" for _, _, k in got), got


def test_a_thing_that_benefits_people_is_no_cooperation(nlp: Any, stages: Any) -> None:
    got = tuples(code("The new corridor benefits the people of Kenya.", nlp, stages))
    assert not any(k == "COOPERATE" for _, _, k in got), got


def test_plural_heads_of_state_take_no_single_story_country(nlp: Any, stages: Any) -> None:
    text = "The Presidents voiced concern about Venezuela's elections and pledged to cooperate."
    got = tuples(code(text, nlp, stages))
    assert not any(s == "VEN" for s, _, _ in got), got


def test_an_act_denied_as_a_gerund_is_denied(nlp: Any, stages: Any) -> None:
    evs = code("Belarus denied sending weapons to Russia.", nlp, stages)
    aid = [e for e in evs if e.plover.type == "AID"]
    assert aid and all(e.status == "denied" for e in aid), [(e.plover.type, e.status) for e in evs]


def test_emphasis_on_threats_is_no_accusation(nlp: Any, stages: Any) -> None:
    text = (
        "Ruto and Modi met in Delhi. They underscored the value of open sea lanes in the face "
        "of threats from piracy and resolved to work together on maritime security."
    )
    got = tuples(code(text, nlp, stages))
    assert not any(k in ("ACCUSE", "CONCEDE") for _, _, k in got), got


def test_remarks_delivered_are_no_aid(nlp: Any, stages: Any) -> None:
    got = tuples(code("Macron will deliver remarks on Russia's war against Ukraine.", nlp, stages))
    assert not any(k == "AID" for _, _, k in got), got


def test_stepping_up_efforts_is_no_show_of_force(nlp: Any, stages: Any) -> None:
    got = tuples(
        code("Japan and Australia will step up efforts to fund clean energy.", nlp, stages)
    )
    assert not any(k in ("THREATEN", "MOBILIZE") for _, _, k in got), got


def test_stepping_up_attacks_is_attacking(nlp: Any, stages: Any) -> None:
    got = tuples(code("Sudan's army stepped up its strikes on Omdurman.", nlp, stages))
    assert any(s == "SDN" and k == "ASSAULT" for s, _, k in got), got


def test_a_lack_of_cooperation_is_no_cooperation(nlp: Any, stages: Any) -> None:
    evs = code("France deplored Mali's lack of cooperation with the UN mission.", nlp, stages)
    coop = [e for e in evs if e.plover.type == "COOPERATE"]
    assert all(e.status == "negated" for e in coop), [(e.plover.type, e.status) for e in evs]


def test_talking_about_a_party_is_no_talk_with_it(nlp: Any, stages: Any) -> None:
    assert tuples(code("We are talking about Hezbollah here.", nlp, stages)) == set()
    got = tuples(code("Scholz talked with Sunak about Iran.", nlp, stages))
    assert ("DEU", "GBR", "CONSULT") in got, got


def test_shared_interests_and_rejected_ideologies_are_no_acts(nlp: Any, stages: Any) -> None:
    text = "Chile and Peru share an interest in clean mining and reject violence in politics."
    assert tuples(code(text, nlp, stages)) == set()


def test_welcoming_a_leader_named_past_the_alias_hosts_him(nlp: Any, stages: Any) -> None:
    text = (
        "President Biden will welcome President Ivan Duque Marquez of Colombia to the White House."
    )
    got = tuples(code(text, nlp, stages))
    assert ("USA", "COL", "CONSULT") in got, got


def test_a_question_run_into_the_next_speakers_label_is_a_question(nlp: Any, stages: Any) -> None:
    text = "But will Tokyo impose more sanctions on Moscow?  MS. TANAKA"
    assert tuples(code(text, nlp, stages)) == set()
