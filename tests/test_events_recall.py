"""Event recall: trigger coverage per PLOVER type (verbs.tsv / nouns.tsv recall sections).

Every sentence here was written for these tests (invented news lines). Each trigger group has
positive cases (the type is coded) and negative ones (another sense of the same word is not).
"""

from __future__ import annotations

from typing import Any

import pytest

from dyadwatch.pipeline import Pipeline
from dyadwatch.records import Document, Event

PUBLISHED = "2023-03-01"


def run(text: str, pipe: Pipeline, nlp: Any) -> list[Event]:
    doc = Document(doc_id="t", text=text, published=PUBLISHED)
    return pipe.analyse(doc, nlp(text)).events


def types(text: str, pipe: Pipeline, nlp: Any) -> set[str]:
    return {e.plover.type for e in run(text, pipe, nlp)}


POSITIVE = [
    # COERCE: nominal arrests and detentions, light verbs, custody, emergency rule, coups
    ("COERCE", "The arrest of the opposition leader by Kenyan police drew wide criticism."),
    ("COERCE", "Ugandan police carried out mass arrests of opposition supporters in Kampala."),
    ("COERCE", "The State Department condemned the wrongful detention of the reporter by Iran."),
    ("COERCE", "Belarusian security forces rounded up dozens of protesters in Minsk."),
    ("COERCE", "Police in Lagos took three activists into custody on Friday."),
    ("COERCE", "Ecuador declared a nationwide state of emergency on Monday."),
    ("COERCE", "Turkey imposed a curfew on several villages near Diyarbakir."),
    ("COERCE", "The army seized power in Gabon on Wednesday."),
    ("COERCE", "Hackers linked to Iran launched a cyberattack on Albanian government websites."),
    ("COERCE", "Hungary expelled dozens of migrants to Serbia on Sunday."),
    # SANCTION: accountability, cuts in relations, funding, assets, expelled diplomats
    ("SANCTION", "The United States is holding Russia accountable for the attack."),
    ("SANCTION", "Lithuania downgraded diplomatic relations with China on Monday."),
    ("SANCTION", "The European Union froze the assets of two Syrian ministers."),
    ("SANCTION", "Germany expelled four Russian diplomats on Monday."),
    ("SANCTION", "The World Bank suspended funding to Uganda over the new law."),
    # PROTEST: strikes and street protests
    ("PROTEST", "Thousands of French rail workers went on strike on Tuesday."),
    ("PROTEST", "Kenyan doctors began a nationwide strike over unpaid wages."),
    ("PROTEST", "Opposition supporters in Dhaka took to the streets on Saturday."),
    # THREATEN
    ("THREATEN", "Iran warned Israel of severe consequences on Sunday."),
    ("THREATEN", "North Korea issued fresh threats against South Korea on Friday."),
    # ACCUSE
    ("ACCUSE", "Senator Brown hit out at the Chinese government over the trade rules."),
    # ASSAULT: light verbs, executions, killings as nouns
    ("ASSAULT", "Russian forces carried out strikes on Kharkiv overnight."),
    ("ASSAULT", "Syrian troops opened fire on protesters in Daraa."),
    ("ASSAULT", "Iran executed two protesters on Thursday, rights groups said."),
    ("ASSAULT", "The killing of the Haitian president by gunmen shocked the region."),
    # AID
    ("AID", "Japan sent humanitarian relief to Turkey after the earthquake."),
    ("AID", "China forgave Zambia's debt in March."),
    # RETREAT
    ("RETREAT", "Israel released thirty Palestinian prisoners on Friday."),
    ("RETREAT", "Russia pulled out its troops from the Kherson region."),
    ("RETREAT", "The European Union lifted sanctions on Belarus last year."),
    # round 2: gatherings of protesters, boycotts by staying away, arson, loans
    ("PROTEST", "Protesters gathered outside the French embassy in Niamey on Sunday."),
    ("PROTEST", "Saudi Arabia and Qatar shunned the summit in Tehran."),
    ("COERCE", "Jewish settlers set fire to a Palestinian school near Nablus."),
    ("AID", "The IMF provided loans to Sri Lanka in March."),
    ("COERCE", "The detention of the journalist by Iranian authorities drew protests."),
    ("COERCE", "Security forces raided the homes of opposition figures in Caracas."),
    ("COERCE", "The Nicaraguan government stripped its opponents of their citizenship."),
    ("ASSAULT", "Kenyan police used tear gas against protesters in Nairobi."),
    # round 4: designations, visa restrictions, solidarity, nominal repression, annexation
    ("SANCTION", "The Treasury Department designated 20 Iranian entities on Friday."),
    ("SANCTION", "Washington imposed visa restrictions on Ugandan officials."),
    ("SUPPORT", "Canada stands with the people of Morocco after the earthquake."),
    ("COERCE", "Amnesty condemned the harassment of journalists by Serbian police."),
    ("COERCE", "Ukraine condemned the brutal occupation of its eastern regions by Russia."),
    # round 5: refusals, hosting visitors, seizing control
    ("REJECT", "Germany turned down Ukraine's request for fighter jets."),
    ("CONSULT", "The Egyptian president received the Sudanese foreign minister in Cairo."),
    ("COERCE", "Houthi rebels took control of the port of Hodeidah on Sunday."),
    ("SANCTION", "Niger broke off diplomatic relations with France on Thursday."),
    ("RETREAT", "The Sudanese army pulled its forces out of the contested region."),
    ("REJECT", "The Kremlin ruled out talks with Kyiv this year."),
    ("COOPERATE", "Jordan has been sharing intelligence with Egypt on smuggling routes."),
    ("THREATEN", "Hezbollah vowed revenge against Israel for the killing of its commander."),
    ("AID", "Norway provided Moldova with emergency generators last winter."),
]


@pytest.mark.parametrize(("ptype", "sentence"), POSITIVE)
def test_trigger_codes_its_type(ptype: str, sentence: str, pipe: Pipeline, nlp: Any) -> None:
    assert ptype in types(sentence, pipe, nlp), sentence


NEGATIVE = [
    # another sense of the same word: no event of that type
    ("COERCE", "Libyan officials opened a new detention centre near Tripoli."),
    ("COERCE", "Italy funds Libyan detention centres, the report said."),
    ("COERCE", "The Nigerian minister's cardiac arrest was treated at an Abuja hospital."),
    ("SANCTION", "The Prime Minister of Canada will hold talks with Mexico on Friday."),
    ("SANCTION", "Brazil said it would hold its elections in October."),
    ("PROTEST", "The union said it will meet the French labour minister on Monday."),
    ("PROTEST", "Russian forces went to the border on Tuesday."),
    ("THREATEN", "Iran warned that prices would rise, the central bank said."),
    ("ASSAULT", "Senator Brown hit out at the Chinese government over the trade rules."),
    ("ASSAULT", "The Nigerian president fired the defence minister on Tuesday."),
    ("ASSAULT", "Kenya will execute its plan to build a new port in Lamu."),
    ("AID", "France said it felt relief after the talks with Italy ended."),
    ("RETREAT", "Germany issued a press release on its talks with Poland."),
    ("PROTEST", "Nigerian teachers called off their strike after talks with the government."),
    ("PROTEST", "The foreign ministers of Egypt and Jordan gathered in Cairo on Monday."),
    ("SANCTION", "Egypt designated a new ambassador to Qatar on Monday."),
    ("SUPPORT", "The Indian finance minister will stand for election in Kerala."),
    ("COERCE", "The Indian minister left his occupation as a lawyer in 2019."),
    ("COERCE", "The G7 leaders pledged to support Ukraine for as long as it takes."),
    ("COERCE", "Syria took part in the Arab League summit in Jeddah."),
    ("CONSULT", "The Kenyan president received an award from the African Union."),
    # senses the derived dictionary read as events
    ("CONSULT", "The Russian strike on Odesa left twelve civilians dead."),
    ("AGREE", "Japan unveiled a plan aimed at China's growing navy."),
    ("COOPERATE", "Hackers linked to North Korea stole millions from Japanese banks."),
    ("ASSAULT", "The Egyptian president broke his silence on the Gaza crisis."),
    ("CONSULT", "The Chilean government is facing a wave of strikes in the copper mines."),
    ("AID", "Kenya and Uganda vowed to protect their common interests in the region."),
    ("AGREE", "The Malian army's withdrawal from Menaka led to chaos."),
    ("COOPERATE", "The Kenyan High Court ruled that the Ugandan deal was void."),
]


@pytest.mark.parametrize(("ptype", "sentence"), NEGATIVE)
def test_other_sense_is_not_that_type(ptype: str, sentence: str, pipe: Pipeline, nlp: Any) -> None:
    assert ptype not in types(sentence, pipe, nlp), sentence


def test_expelled_diplomats_are_sanction_not_deportation(pipe: Pipeline, nlp: Any) -> None:
    evs = run("Poland expelled three Russian diplomats on Friday.", pipe, nlp)
    assert {e.cameo for e in evs} == {"166"}


def test_expelled_monitors_are_sanction(pipe: Pipeline, nlp: Any) -> None:
    evs = run("Mali expelled the United Nations observers from Bamako.", pipe, nlp)
    assert {e.plover.type for e in evs} == {"SANCTION"}


def test_break_out_is_no_assassination(pipe: Pipeline, nlp: Any) -> None:
    evs = run("Riots broke out in Dakar after Senegalese police arrested the mayor.", pipe, nlp)
    assert evs and not any(e.cameo and e.cameo.startswith("18") for e in evs)


def test_hold_to_account_targets_the_object(pipe: Pipeline, nlp: Any) -> None:
    evs = run("The European Union is holding Moscow accountable for the attack.", pipe, nlp)
    sanctions = [e for e in evs if e.cameo == "160"]
    assert sanctions and all(e.target and e.target.country == "RUS" for e in sanctions)


def test_coerce_modes_from_cues(pipe: Pipeline, nlp: Any) -> None:
    evs = run("Russian hackers launched a cyberattack on Estonian banks.", pipe, nlp)
    assert any(e.plover.type == "COERCE" and e.plover.mode == "cyber" for e in evs)


def _sides(e: Event) -> tuple[str | None, str | None, str]:
    src = e.source.country if e.source else None
    tgt = e.target.country if e.target else None
    return (src, tgt, e.plover.type)


@pytest.mark.parametrize(
    "sentence",
    [
        "The war in Sudan has emptied the markets of Khartoum.",
        "A trade war would raise prices for farmers in Iowa.",
        "Violence in the capital of Haiti rose again.",
    ],
)
def test_war_and_violence_without_an_agent_are_background(
    sentence: str, pipe: Pipeline, nlp: Any
) -> None:
    assert types(sentence, pipe, nlp) & {"ASSAULT", "THREATEN"} == set()


def test_a_named_agents_act_keeps_its_own_status_under_a_future_verb(
    pipe: Pipeline, nlp: Any
) -> None:
    evs = run("The ministers will discuss the damage of Serbia's attack on Kosovo.", pipe, nlp)
    assault = [e for e in evs if e.plover.type == "ASSAULT"]
    assert assault and assault[0].status == "reported"


def test_a_hosted_visit_is_the_hosts_meeting_and_an_aside_is_no_announcer(
    pipe: Pipeline, nlp: Any
) -> None:
    text = "On Friday, as you know, President Ruto will welcome President Tinubu to Nairobi."
    evs = run(text, pipe, nlp)
    got = {_sides(e) for e in evs}
    assert ("KEN", "NGA", "CONSULT") in got and ("NGA", "KEN", "CONSULT") not in got
    assert all(e.plover.type != "AGREE" for e in evs)  # expected talks, not a promise
    assert {e.status for e in evs if e.plover.type == "CONSULT"} == {"expected"}


@pytest.mark.parametrize(
    ("sentence", "wanted"),
    [
        ("Japan praised the Japan-India relationship.", ("JPN", "IND", "SUPPORT")),
        ("Chile welcomed the Argentina-Chile border accord.", ("CHL", "ARG", "SUPPORT")),
    ],
)
def test_a_hyphenated_dyad_names_the_other_member_as_target(
    sentence: str, wanted: tuple[str, str, str], pipe: Pipeline, nlp: Any
) -> None:
    got = {_sides(e) for e in run(sentence, pipe, nlp)}
    assert wanted in got
    assert (wanted[0], wanted[0], wanted[2]) not in got


def test_the_defender_is_the_target_of_the_aggression_it_resists(pipe: Pipeline, nlp: Any) -> None:
    got = {
        _sides(e)
        for e in run("Guyana will defend itself against Venezuelan aggression.", pipe, nlp)
    }
    assert ("VEN", "GUY", "ASSAULT") in got


@pytest.mark.parametrize(
    ("sentence", "wanted"),
    [
        (
            "Norway protested the detention of its citizen by Egyptian police.",
            ("NOR", "EGY", "ACCUSE"),
        ),
        ("Korea tightened export controls on steel to Vietnam.", ("KOR", "VNM", "SANCTION")),
        ("The Treasury Department sanctioned two Syrian banks.", ("USA", "SYR", "SANCTION")),
        ("The EU adopted a new package of sanctions against Belarus.", ("EUR", "BLR", "SANCTION")),
    ],
)
def test_protests_export_controls_agencies_and_packages(
    sentence: str, wanted: tuple[str, str, str], pipe: Pipeline, nlp: Any
) -> None:
    got = {
        (
            e.source and (e.source.country or e.source.code),
            e.target and (e.target.country or e.target.code),
            e.plover.type,
        )
        for e in run(sentence, pipe, nlp)
    }
    assert wanted in got


@pytest.mark.parametrize(
    ("sentence", "wanted"),
    [
        ("Mexico slapped tariffs on Brazilian pork.", ("MEX", "BRA", "SANCTION")),
        ("Ottawa targeted Iranian banks with new sanctions.", ("CAN", "IRN", "SANCTION")),
        ("Poland banned grain imports from Ukraine.", ("POL", "UKR", "SANCTION")),
        ("Norway put travel bans on six Belarusian officials.", ("NOR", "BLR", "SANCTION")),
    ],
)
def test_economic_measures_are_sanctions_not_force(
    sentence: str, wanted: tuple[str, str, str], pipe: Pipeline, nlp: Any
) -> None:
    got = {_sides(e) for e in run(sentence, pipe, nlp)}
    assert wanted in got
    assert not any(t in ("ASSAULT", "COERCE") for _, _, t in got)


@pytest.mark.parametrize(
    ("sentence", "wanted"),
    [
        (
            "Lithuania called Belarus's actions at the border a provocation.",
            ("LTU", "BLR", "ACCUSE"),
        ),
        ("Chile voiced concern over Bolivia's new tariffs.", ("CHL", "BOL", "ACCUSE")),
        ("Ankara dismissed the allegations by Athens as baseless.", ("TUR", None, "REJECT")),
        ("Iran warned Azerbaijan of a harsh response.", ("IRN", "AZE", "THREATEN")),
    ],
)
def test_denouncing_concern_dismissal_and_warning_frames(
    sentence: str, wanted: tuple[str, str | None, str], pipe: Pipeline, nlp: Any
) -> None:
    got = {_sides(e) for e in run(sentence, pipe, nlp)}
    assert any(
        g[0] == wanted[0] and g[2] == wanted[2] and (wanted[1] is None or g[1] == wanted[1])
        for g in got
    ), got


def test_calling_a_meeting_productive_is_no_event(pipe: Pipeline, nlp: Any) -> None:
    assert types("The minister of Peru called the talks productive.", pipe, nlp) == set()


@pytest.mark.parametrize(
    ("sentence", "wanted"),
    [
        ("Drones struck in Odesa overnight.", (None, "UKR", "ASSAULT")),
        ("Two drones exploded in Moldova overnight.", (None, "MDA", "ASSAULT")),
    ],
)
def test_the_place_of_an_attack_by_no_one_named_is_its_target(
    sentence: str, wanted: tuple[str | None, str, str], pipe: Pipeline, nlp: Any
) -> None:
    got = {_sides(e) for e in run(sentence, pipe, nlp)}
    assert wanted in got
    assert not any(s == wanted[1] and t == "ASSAULT" for s, _, t in got)


def test_protesters_still_take_the_place_of_their_protest(pipe: Pipeline, nlp: Any) -> None:
    got = {_sides(e) for e in run("Angry farmers blocked roads in Lima.", pipe, nlp)}
    assert any(s == "PER" for s, _, _ in got)


def test_a_hyphenated_infinitive_is_no_object_predicate(pipe: Pipeline, nlp: Any) -> None:
    got = {_sides(e) for e in run("The AU called on Sudan and Chad to de-escalate.", pipe, nlp)}
    assert {(s, t, ty) for s, t, ty in got if ty == "REQUEST" and t in ("SDN", "TCD")}


def test_the_leaders_of_a_readout_reach_back_past_other_sentences(pipe: Pipeline, nlp: Any) -> None:
    text = (
        "President Lula spoke today with President Petro of Colombia. They discussed the "
        "Amazon. Brazil condemned illegal mining. Peru is also affected. Mining continues in "
        "the region. The leaders also agreed to deepen cooperation on rivers."
    )
    got = {_sides(e) for e in run(text, pipe, nlp) if e.trigger.startswith("agreed")}
    assert {("BRA", "COL", "AGREE"), ("COL", "BRA", "AGREE")} <= got


def test_supposed_to_is_expected_but_i_suppose_is_not(pipe: Pipeline, nlp: Any) -> None:
    arranged = run("Minister Joly is supposed to meet her Indian counterpart tomorrow.", pipe, nlp)
    assert {e.status for e in arranged if e.plover.type == "CONSULT"} == {"expected"}
    guess = run("I suppose Serbia attacked Kosovo.", pipe, nlp)
    assert all(e.status != "expected" for e in guess)


# session 4 classes whose check is one (source, target, type) tuple
NAMED_SIDES = [
    # war and aggression with a named agent
    ("Azerbaijan's war against Armenia displaced thousands.", ("AZE", "ARM", "ASSAULT")),
    ("Ethiopian aggression against Eritrea was condemned.", ("ETH", "ERI", "ASSAULT")),
    (
        "Seoul shrugged off North Korea's latest threat against Japan.",
        ("PRK", "JPN", "THREATEN"),
    ),
    # talks named as nouns
    (
        "Kenya is having direct discussions with Somalia on the border.",
        ("KEN", "SOM", "CONSULT"),
    ),
    ("Peru is in close consultation with Chile about the fires.", ("PER", "CHL", "CONSULT")),
    ("Ghana held a long conversation with Togo on trade.", ("GHA", "TGO", "CONSULT")),
    # the agent of a gerund is the owner of its noun or the thanked
    ("Japan's role in supplying fuel to Moldova drew praise.", ("JPN", "MDA", "AID")),
    (
        "President Ruto thanked President Hichilema for Zambia's partnership in providing "
        "food aid to Malawi.",
        ("ZMB", "MWI", "AID"),
    ),
    # armed operations and countermeasures
    ("Ankara vowed to launch a new ground operation in Iraq.", ("TUR", "IRQ", "THREATEN")),
    (
        "Beijing said it would take countermeasures against Lithuania.",
        ("CHN", "LTU", "THREATEN"),
    ),
    (
        "Russia's special military operation in Georgia lasted five days.",
        ("RUS", "GEO", "ASSAULT"),
    ),
]


@pytest.mark.parametrize(("sentence", "wanted"), NAMED_SIDES)
def test_named_sides_of_new_trigger_classes(
    sentence: str, wanted: tuple[str, str, str], pipe: Pipeline, nlp: Any
) -> None:
    assert wanted in {_sides(e) for e in run(sentence, pipe, nlp)}


@pytest.mark.parametrize(
    ("sentence", "wanted"),
    [
        ("Hundreds rallied outside the Chinese embassy in Hanoi.", ("VNM", "CHN", "PROTEST")),
        ("Activists held a vigil in Manila.", ("PHL", None, "PROTEST")),
        ("Students staged a sit-in in Dhaka.", ("BGD", None, "PROTEST")),
    ],
)
def test_protests_take_their_place_and_an_embassy_is_the_target(
    sentence: str, wanted: tuple[str, str | None, str], pipe: Pipeline, nlp: Any
) -> None:
    got = {_sides(e) for e in run(sentence, pipe, nlp)}
    assert any(s == wanted[0] and t == wanted[2] and wanted[1] in (None, g) for s, g, t in got)
