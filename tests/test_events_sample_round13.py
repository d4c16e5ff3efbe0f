"""Classes from judging the session-14 draw of sample events (seed 17), on written sentences:
holding a dialogue or forum is a meeting, never a detention of the parties named in its
name; learning from something, mitigating an effect and being involved are no acts;
contributing is aid only when money, aid or forces are given; a party named inside the
name of the thing a source acts on ('the Japan-Germany dialogue') is the source's own, not
its target."""

from __future__ import annotations

from typing import Any

import pytest

from coder_helpers import code, tuples


@pytest.mark.parametrize(
    "text",
    [
        "Peru and Chile plan to hold their fourth Chile-Peru Economic Dialogue in June.",
        "Ghana and Togo will hold the next Ghana-Togo Border Forum in Lome.",
    ],
)
def test_holding_a_dialogue_is_a_meeting_between_the_hosts(
    nlp: Any, stages: Any, text: str
) -> None:
    got = tuples(code(text, nlp, stages))
    assert got and all(t[2] == "CONSULT" for t in got), got
    assert all(t[0] != t[1] for t in got), got  # no party meets itself
    assert not any(t[2] in ("COERCE", "THREATEN") for t in got), got


def test_holding_an_election_is_no_act(nlp: Any, stages: Any) -> None:
    assert tuples(code("Kenya and Uganda will hold elections in August.", nlp, stages)) == set()


@pytest.mark.parametrize(
    "text",
    [
        "Learning from the drought, Mali and Niger plan to share their water data.",
        "Canada will work to mitigate the effects of India's rice export ban.",
        "The new port will contribute to greater regional trade with Tanzania.",
    ],
)
def test_learning_mitigating_and_contributing_to_an_outcome_are_no_acts(
    nlp: Any, stages: Any, text: str
) -> None:
    evs = code(text, nlp, stages)
    cues = ("learning", "mitigate", "contribute")
    assert not any(e.trigger.lower() in cues for e in evs), evs


def test_contributing_money_is_aid(nlp: Any, stages: Any) -> None:
    got = tuples(code("Norway contributed $20 million to Somalia's drought response.", nlp, stages))
    assert ("NOR", "SOM", "AID") in got, got


def test_coerced_people_take_the_coercing_state_over_the_documents_country(
    nlp: Any, stages: Any
) -> None:
    # in a text about the US, people a foreign government coerces are that country's
    text = (
        "Across America, women run businesses and serve in Congress. "
        "The Nicaraguan government barred women from running for office."
    )
    held = [e for e in code(text, nlp, stages) if e.plover.type == "COERCE"]
    assert held and held[0].target is not None, held
    assert held[0].target.country == "NIC", held


def test_coerced_foreigners_keep_their_own_country(nlp: Any, stages: Any) -> None:
    got = tuples(code("Cuban police detained three Spanish tourists in Havana.", nlp, stages))
    assert ("CUB", "ESP", "COERCE") in got, got


def test_being_confident_that_a_party_attacked_accuses_it(nlp: Any, stages: Any) -> None:
    evs = code("Kenya's army is confident that al-Shabaab carried out the raid.", nlp, stages)
    accuse = [e for e in evs if e.plover.type == "ACCUSE"]
    assert accuse and accuse[0].source is not None and accuse[0].source.country == "KEN", evs
    assert accuse[0].target is not None and accuse[0].target.country == "SOM", evs
    assert not any(e.plover.type == "ACCUSE" and e.source is accuse[0].target for e in evs)


def test_confidence_in_a_good_outcome_accuses_no_one(nlp: Any, stages: Any) -> None:
    evs = code("Kenya is confident that the Somali talks will succeed.", nlp, stages)
    assert not any(e.plover.type == "ACCUSE" for e in evs), evs


def test_conducting_an_attack_is_the_attack(nlp: Any, stages: Any) -> None:
    got = tuples(
        code("Ethiopian troops conducted an attack on an Eritrean border post.", nlp, stages)
    )
    assert any(t[0] == "ETH" and t[2] == "ASSAULT" for t in got), got
    assert not any(t[0] == "ETH" and t[2] == "ACCUSE" for t in got), got


def test_a_list_item_the_tagger_reads_as_past_stays_in_the_needed_list(
    nlp: Any, stages: Any
) -> None:
    text = (
        "In the call, the envoy stressed the need for Serbia and Kosovo to take urgent steps "
        "to improve border coordination, condemn all acts of violence, and keep the talks alive."
    )
    evs = code(text, nlp, stages)
    assert any(e.plover.type == "REQUEST" for e in evs), evs
    assert not any(e.plover.type == "ACCUSE" for e in evs), evs


@pytest.mark.parametrize(
    "text",
    [
        "Ghana and Togo are close to reaching a deal on the border.",
        "Ghana and Togo are on the verge of signing a border agreement.",
    ],
)
def test_an_act_nearly_done_is_expected(nlp: Any, stages: Any, text: str) -> None:
    evs = [e for e in code(text, nlp, stages) if e.plover.type in ("AGREE", "SUPPORT")]
    assert evs and all(e.status == "expected" for e in evs), evs


def test_a_closed_border_stays_reported(nlp: Any, stages: Any) -> None:
    evs = code("Ghana closed the border after meeting Togolese officials.", nlp, stages)
    assert evs and all(e.status == "reported" for e in evs), evs
