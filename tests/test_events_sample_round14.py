"""Classes from judging the session-15 draw of sample events (seed 18), on written sentences:
a danger to a thing is no threat made; taking in a people or refugees is asylum, not a visit
or praise; establishing something is cooperation only with a partner named; a body named as
where parties act is no partner; the provision of arms or aid is aid. From sentences written
in news style for the types real news misses most: pressing a party to act asks it (the act
asked is no threat or arrest made), troops pushing into a town ask nothing, and an execution
in a state is that state's act."""

from __future__ import annotations

from typing import Any

import pytest

from coder_helpers import code, tuples


@pytest.mark.parametrize(
    "text",
    [
        "The drought is threatening food security across Somalia.",
        "Russia's war in Ukraine is threatening the harvests of Kenyan farmers.",
        "Rising seas threaten the homes of thousands of Fijians.",
    ],
)
def test_a_danger_to_a_thing_is_no_threat(nlp: Any, stages: Any, text: str) -> None:
    got = tuples(code(text, nlp, stages))
    assert not any(t[2] == "THREATEN" for t in got), got


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("China threatened Taiwan with a blockade.", ("CHN", "TWN", "THREATEN")),
        ("Turkey threatened sanctions against Sweden.", ("TUR", "SWE", "THREATEN")),
        ("Serbia threatened to expel Croatian diplomats.", ("SRB", "HRV", "THREATEN")),
    ],
)
def test_threats_made_to_parties_stay(
    nlp: Any, stages: Any, text: str, want: tuple[str, str, str]
) -> None:
    assert want in tuples(code(text, nlp, stages))


@pytest.mark.parametrize(
    "text",
    [
        "Canada has welcomed more than 40,000 Afghans since 2021.",
        "Chile welcomed thousands of Haitians last year.",
        "Kenya hosts hundreds of thousands of Somalis in its camps.",
    ],
)
def test_taking_in_a_people_is_no_visit_and_no_praise(nlp: Any, stages: Any, text: str) -> None:
    got = tuples(code(text, nlp, stages))
    assert not any(t[2] in ("CONSULT", "SUPPORT") for t in got), got


def test_taking_in_refugees_is_asylum(nlp: Any, stages: Any) -> None:
    got = tuples(code("Germany welcomed 300 refugees from Syria last month.", nlp, stages))
    assert ("DEU", "SYR", "AID") in got, got


def test_welcoming_a_leader_is_still_a_visit(nlp: Any, stages: Any) -> None:
    got = tuples(code("Macron welcomed Chancellor Scholz to Paris on Monday.", nlp, stages))
    assert ("FRA", "DEU", "CONSULT") in got, got


def test_protesters_still_demonstrate(nlp: Any, stages: Any) -> None:
    got = tuples(code("Students demonstrated against Israel outside the embassy.", nlp, stages))
    assert any(t[1] == "ISR" and t[2] == "PROTEST" for t in got), got


@pytest.mark.parametrize(
    "text",
    [
        "The founders of the republic established a government built on equality.",
        "In 1991 the reformers established a parliament in Tallinn.",
    ],
)
def test_establishing_without_a_partner_is_no_cooperation(nlp: Any, stages: Any, text: str) -> None:
    got = tuples(code(text, nlp, stages))
    assert not any(t[2] == "COOPERATE" for t in got), got


def test_establishing_with_a_partner_is_cooperation(nlp: Any, stages: Any) -> None:
    got = tuples(code("Ghana established a joint trade committee with Nigeria.", nlp, stages))
    assert ("GHA", "NGA", "COOPERATE") in got, got


def test_a_forum_is_no_partner(nlp: Any, stages: Any) -> None:
    text = "Ghana and Togo cooperate in regional discussions in fora such as ECOWAS and the AU."
    got = tuples(code(text, nlp, stages))
    assert ("GHA", "TGO", "COOPERATE") in got, got
    assert all(t[1] in ("GHA", "TGO") for t in got), got


def test_a_body_as_partner_stays(nlp: Any, stages: Any) -> None:
    got = tuples(code("Japan will cooperate with ASEAN on maritime security.", nlp, stages))
    assert ("JPN", "ASN", "COOPERATE") in got, got


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Kenya criticized Egypt's provision of missiles to Sudan.", ("EGY", "SDN", "AID")),
        ("Norway's provision of humanitarian aid to Yemen continued.", ("NOR", "YEM", "AID")),
    ],
)
def test_the_provision_of_arms_or_aid_is_aid(
    nlp: Any, stages: Any, text: str, want: tuple[str, str, str]
) -> None:
    assert want in tuples(code(text, nlp, stages))


def test_a_body_acting_in_its_own_organ_stays_a_party(nlp: Any, stages: Any) -> None:
    text = "Kenya praised last week's vote in the UN Security Council on Haiti."
    got = tuples(code(text, nlp, stages))
    assert any(t[0] == "KEN" and t[1] and t[1].startswith("UNO") for t in got), got


def test_cooperating_within_a_body_is_with_the_partner_only(nlp: Any, stages: Any) -> None:
    got = tuples(code("Estonia cooperates closely with Latvia within NATO.", nlp, stages))
    assert ("EST", "LVA", "COOPERATE") in got, got
    assert not any(t[1] == "NAT" for t in got), got


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Finland pressed the EU to impose new sanctions on Belarus.", ("FIN", "EUR", "REQUEST")),
        ("Moldova pressed its allies to arrest Russian oligarchs.", ("MDA", None, "REQUEST")),
    ],
)
def test_pressing_a_party_to_act_is_a_request_not_the_act(
    nlp: Any, stages: Any, text: str, want: tuple[str, str | None, str]
) -> None:
    got = tuples(code(text, nlp, stages))
    assert any(t[0] == want[0] and t[2] == "REQUEST" for t in got), got
    assert not any(t[0] == want[0] and t[2] in ("THREATEN", "ASSAULT", "COERCE") for t in got)
    if want[1]:
        assert want in got, got


def test_troops_pushing_into_a_town_ask_nothing(nlp: Any, stages: Any) -> None:
    got = tuples(code("Sudanese troops pushed into the town of Geneina.", nlp, stages))
    assert not any(t[2] == "REQUEST" for t in got), got


def test_an_execution_in_a_state_is_that_states_act(nlp: Any, stages: Any) -> None:
    text = "Canada condemned the execution of two journalists in Belarus."
    got = tuples(code(text, nlp, stages))
    assert ("CAN", "BLR", "ACCUSE") in got, got
    assert any(t[0] == "BLR" and t[2] == "ASSAULT" for t in got), got
