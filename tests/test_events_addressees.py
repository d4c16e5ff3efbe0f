"""Who an appeal or a warning addresses, and what it asks for (session 10). Sentences written
for these tests."""

from __future__ import annotations

from typing import Any

from coder_helpers import code, tuples


def test_warning_a_party_not_to_act_threatens_it(nlp: Any, stages: Any) -> None:
    got = tuples(code("Moscow warned Helsinki not to host American bases.", nlp, stages))
    assert ("RUS", "FIN", "THREATEN") in got, got
    assert not any(k in ("PROTEST", "MOBILIZE") for _, _, k in got), got


def test_a_bare_warning_is_no_threat(nlp: Any, stages: Any) -> None:
    got = tuples(code("The World Bank warned of a risk of war in the Sahel.", nlp, stages))
    assert not any(k == "THREATEN" for _, _, k in got), got


def test_an_issued_statement_speaks_for_its_issuer(nlp: Any, stages: Any) -> None:
    text = "Jordan's foreign ministry issued a statement urging Israel to reopen the crossing."
    assert ("JOR", "ISR", "REQUEST") in tuples(code(text, nlp, stages))


def test_an_owners_allies_are_not_the_owner(nlp: Any, stages: Any) -> None:
    got = tuples(code("Taiwan's president urged Taiwan's partners to buy more chips.", nlp, stages))
    assert ("TWN", None, "REQUEST") in got, got
    assert ("TWN", "TWN", "REQUEST") not in got, got


def test_national_partners_are_that_nation(nlp: Any, stages: Any) -> None:
    got = tuples(code("Scholz met his Polish partners in Berlin.", nlp, stages))
    assert ("DEU", "POL", "CONSULT") in got, got


def test_unnamed_addressees_leave_the_target_unknown(nlp: Any, stages: Any) -> None:
    text = "The Arab League called on member states to send food to Sudan."
    got = tuples(code(text, nlp, stages))
    assert got and all(t != "SDN" for _, t, k in got if k == "REQUEST"), got


def test_examples_name_the_addressees(nlp: Any, stages: Any) -> None:
    got = tuples(code("Poland is helping neighbours like Lithuania.", nlp, stages))
    assert ("POL", "LTU", "AID") in got, got


def test_a_truce_urged_has_not_happened(nlp: Any, stages: Any) -> None:
    got = tuples(code("Oman urged the warring parties to agree to a truce.", nlp, stages))
    assert ("OMN", None, "REQUEST") in got, got
    assert not any(k == "RETREAT" for _, _, k in got), got


def test_an_amount_in_aid_is_the_aid_given(nlp: Any, stages: Any) -> None:
    got = tuples(code("Norway gave 40 million kroner in aid to Sudan.", nlp, stages))
    assert ("NOR", "SDN", "AID") in got, got
    assert (None, "SDN", "AID") not in got, got


def test_an_amount_in_aid_pledged_is_a_promise(nlp: Any, stages: Any) -> None:
    got = tuples(code("Canada pledged 30 million dollars in aid to Haiti.", nlp, stages))
    assert ("CAN", "HTI", "AGREE") in got, got
    assert not any(k == "AID" for _, _, k in got), got


def test_the_announcer_of_aid_gives_it(nlp: Any, stages: Any) -> None:
    text = "Italy is announcing 20 million euros in humanitarian assistance to Lebanon."
    got = tuples(code(text, nlp, stages))
    assert any(s == "ITA" and k in ("AID", "AGREE") for s, _, k in got), got


def test_parties_named_by_their_place_are_that_place(nlp: Any, stages: Any) -> None:
    got = tuples(
        code("The African Union urged all sides in Sudan to return to talks.", nlp, stages)
    )
    assert any(t == "SDN" and k == "REQUEST" for _, t, k in got), got


def test_calling_for_a_party_to_act_addresses_it(nlp: Any, stages: Any) -> None:
    got = tuples(code("Ghana called for Mali to hold elections soon.", nlp, stages))
    assert ("GHA", "MLI", "REQUEST") in got, got


def test_the_need_for_a_party_to_act_names_it(nlp: Any, stages: Any) -> None:
    got = tuples(code("Macron stressed the need for Serbia to respect the deal.", nlp, stages))
    assert ("FRA", "SRB", "REQUEST") in got, got


def test_capitalised_allies_are_counterparts(nlp: Any, stages: Any) -> None:
    got = tuples(code("Japan's Allies condemned the missile launch by North Korea.", nlp, stages))
    assert not any(s == "JPN" and k == "ACCUSE" for s, _, k in got), got


def test_consultation_with_named_allies_is_one_event(nlp: Any, stages: Any) -> None:
    text = "Canada is in close consultation with its NATO Allies about the crisis."
    got = tuples(code(text, nlp, stages))
    assert ("CAN", "NAT", "CONSULT") in got and ("NAT", "CAN", "CONSULT") not in got, got
