//! Phrasings the lexicon missed on a sixth pass, through the real binary,
//! on sentences written for these tests: mediation and talks opposed,
//! restrictions cancelled, repealed or struck down, withdrawals sped up,
//! a rival's election victory recognised or defeat conceded, relief let
//! through to a place, and goods given back to those they were taken
//! from. Each row fails without the entry it names; the last test guards
//! the frames against the neighbours they must not take over.

mod common;

// rows: (sentence, source, target, code, pattern of the evidence, modality)
use common::check_pattern_rows as check;
use common::code_rows;

#[test]
fn mediation_and_talks_opposed_are_rejected() {
    check(&[
        // the stative "is opposed to" (110 through `oppose to +` before)
        (
            "Ghana is opposed to Nigerian mediation in the border row.",
            "GHA",
            "NGA",
            "126",
            "oppose to + mediation",
            "asserted",
        ),
        (
            "Senegal opposed Moroccan mediation between the two factions.",
            "SEN",
            "MAR",
            "126",
            "oppose + mediation",
            "asserted",
        ),
        (
            "Uruguay objected to Brazilian mediation in the trade quarrel.",
            "URY",
            "BRA",
            "126",
            "object to + mediation",
            "asserted",
        ),
        (
            "Ghana is opposed to talks with Togo.",
            "GHA",
            "TGO",
            "125",
            "oppose to talk with +",
            "asserted",
        ),
    ]);
}

#[test]
fn restrictions_undone_by_decision_are_eased() {
    check(&[
        (
            "The Bolivian Supreme Court cancelled restrictions on Peruvian radio stations.",
            "BOLJUD",
            "PERMED",
            "081",
            "cancel restriction on +",
            "asserted",
        ),
        (
            "The Ecuadorian parliament repealed the ban on imports from Colombia.",
            "ECULEG",
            "COL",
            "085",
            "repeal ban on +",
            "asserted",
        ),
        (
            "Peru's top court struck down the travel ban on Chileans.",
            "PERJUD",
            "CHL",
            "081",
            "strike down travel ban on +",
            "asserted",
        ),
        (
            "Kenya revoked the curfew in Mombasa.",
            "KENGOV",
            "KEN",
            "0813",
            "revoke curfew in +",
            "asserted",
        ),
    ]);
}

#[test]
fn withdrawals_hurried_on_are_withdrawals() {
    check(&[
        (
            "Chile sped up the pullout of its forces from Bolivia.",
            "CHL",
            "BOL",
            "0874",
            "speed up pullout from +",
            "asserted",
        ),
        (
            "Chile accelerated the withdrawal of its marines from Peru on Friday.",
            "CHL",
            "PER",
            "0874",
            "accelerate withdrawal from +",
            "asserted",
        ),
    ]);
}

#[test]
fn forces_cut_back_and_claims_given_up() {
    check(&[
        (
            "Ghana scaled back its military presence in Togo.",
            "GHA",
            "TGO",
            "087",
            "scale back military presence in +",
            "asserted",
        ),
        (
            "Ghana reduced its troop numbers in Togo after the accord.",
            "GHA",
            "TGO",
            "087",
            "reduce troop number in +",
            "asserted",
        ),
        (
            "Ghana gave up its claim to the disputed island of Togo.",
            "GHA",
            "TGO",
            "080",
            "give up claim to +",
            "asserted",
        ),
    ]);
}

#[test]
fn a_rivals_victory_recognised_is_a_concession() {
    check(&[
        // `recognize +` alone is diplomatic recognition (054)
        (
            "Chile's parliament recognized the election victory of Bolivia's opposition alliance.",
            "CHLLEG",
            "BOLOPP",
            "080",
            "recognize victory of +",
            "asserted",
        ),
        (
            "The Malawian government recognised the opposition's victory in the vote.",
            "MWIGOV",
            "MWIOPP",
            "080",
            "recognise + victory",
            "asserted",
        ),
        (
            "The ruling party in Benin acknowledged the opposition's win.",
            "BENGOV",
            "BENOPP",
            "080",
            "acknowledge + win",
            "asserted",
        ),
        (
            "The Kenyan president conceded the opposition leader's victory in the vote.",
            "KENGOV",
            "KENOPP",
            "080",
            "concede + victory",
            "asserted",
        ),
        (
            "Zambia's ruling party accepted the victory of the opposition in the capital.",
            "ZMBGOV",
            "ZMBOPP",
            "080",
            "accept victory of +",
            "asserted",
        ),
    ]);
}

#[test]
fn relief_let_through_and_goods_given_back() {
    check(&[
        (
            "Jordan allowed the delivery of medical supplies to Syria.",
            "JOR",
            "SYR",
            "0863",
            "allow delivery of supplies to +",
            "asserted",
        ),
        (
            "Egypt permitted the passage of fuel into Gaza on Monday.",
            "EGY",
            "PSE",
            "0863",
            "permit passage of fuel into +",
            "asserted",
        ),
        // "tons of" may stand in a pattern gap (quantifiers.txt)
        (
            "Kyrgyzstan reopened a mountain road to allow the delivery of 800 tons of grain to Tajikistan.",
            "KGZ",
            "TJK",
            "0863",
            "allow delivery of grain to +",
            "asserted",
        ),
        // the reduced relative "seized from" was a seizure by the subject (171)
        (
            "Iran handed back the tanker seized from Greece last year.",
            "IRN",
            "GRC",
            "0842",
            "hand back _ seize from +",
            "asserted",
        ),
        (
            "Iraq returned archives taken from Kuwait in 1990.",
            "IRQ",
            "KWT",
            "0842",
            "return _ take from +",
            "asserted",
        ),
    ]);
}

#[test]
fn papers_and_stations_ordered_to_stop_are_censored() {
    // `order + to` alone is a demand (100)
    check(&[
        (
            "The Venezuelan government ordered the opposition daily El Faro to suspend publication for a month.",
            "VENGOV",
            "VENOPP",
            "1721",
            "order + to suspend publication",
            "asserted",
        ),
        (
            "Zambia's information ministry ordered the opposition radio station to stop broadcasting.",
            "ZMBGOV",
            "ZMBOPP",
            "1721",
            "order + to stop broadcasting",
            "asserted",
        ),
        (
            "Kenyan authorities ordered three private television channels off air.",
            "KENGOV",
            "KENMED",
            "1721",
            "order + off air",
            "asserted",
        ),
        (
            "The Bolivian government suspended publication of the opposition newspaper.",
            "BOLGOV",
            "BOLOPP",
            "1721",
            "suspend publication of +",
            "asserted",
        ),
    ]);
}

#[test]
fn the_new_frames_keep_to_their_own_words() {
    // weapons let through are no relief; a plan opposed is disapproval
    let sentences = [
        "Germany allowed the delivery of tanks to Ukraine.",
        "Ghana opposed the plan of Togo.",
    ];
    let rows = code_rows(&sentences, &[]);
    assert!(
        rows[0].iter().all(|e| e["code"] != "0863"),
        "{:#?}",
        rows[0]
    );
    assert!(
        rows[1]
            .iter()
            .any(|e| e["code"] == "110" && e["target"] == "TGO"),
        "{:#?}",
        rows[1]
    );
}
