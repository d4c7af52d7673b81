//! Phrasings the lexicon missed on a fourth pass, through the real binary,
//! on sentences written for these tests: people sent to help (observers,
//! rescuers), goods and money given, property and animals handed back,
//! borders, crossings and airspace opened, assembly permitted, forces
//! trained, fugitives handed over, towns surrendered, energy supplies cut,
//! funding withdrawn, debts written off; and two rules: a compound subject
//! under an intent ("agreed to hold talks") pairs its members, and a
//! decision to meet or cooperate is its intent while a decision to act
//! against someone is the act. Each row fails without the entry it names.

mod common;

// rows: (sentence, source, target, code, pattern of the evidence, modality)
use common::check_pattern_rows as check;

#[test]
fn people_sent_to_help() {
    check(&[
        (
            "Norway has deployed election observers in Kenya.",
            "NOR",
            "KEN",
            "070",
            "deploy election observer in +",
            "asserted",
        ),
        // "a team of" is written out: its "of" would break the gap
        (
            "The African Union deployed a team of monitors to Burundi.",
            "IGOAFRAFU",
            "BDI",
            "070",
            "deploy team of monitor to +",
            "asserted",
        ),
        (
            "Canada dispatched a team of rescue workers to Nepal.",
            "CAN",
            "NPL",
            "073",
            "dispatch team of rescue worker to +",
            "asserted",
        ),
    ]);
}

#[test]
fn goods_money_and_property_given_or_handed_back() {
    check(&[
        (
            "China donated 20 ambulances to Zambia.",
            "CHN",
            "ZMB",
            "073",
            "donate ambulance to +",
            "asserted",
        ),
        (
            "The United States is providing satellite imagery to Ukraine.",
            "USA",
            "UKR",
            "064",
            "provide satellite imagery to +",
            "asserted",
        ),
        (
            "The World Bank gave Ethiopia a $300 million credit.",
            "IGOWBK",
            "ETH",
            "071",
            "give + credit",
            "asserted",
        ),
        (
            "Kuwait pledged $100 million for Yemen.",
            "KWT",
            "YEM",
            "0331",
            "pledge million for +",
            "asserted",
        ),
        (
            "China wrote off Cuba's debt.",
            "CHN",
            "CUB",
            "071",
            "write off + debt",
            "asserted",
        ),
        (
            "Sweden provided $80 million in official development assistance to Tanzania.",
            "SWE",
            "TZA",
            "071",
            "provide in official development assistance to +",
            "asserted",
        ),
        // agreeing to more peacekeeping, named by a noun, is its intent
        (
            "The African Union agreed to an expansion of its peacekeeping mission in Somalia.",
            "IGOAFRAFU",
            "SOM",
            "0334",
            "agree to expansion of peacekeeping mission in +",
            "asserted",
        ),
        (
            "Switzerland returned frozen assets to Uzbekistan.",
            "CHE",
            "UZB",
            "0842",
            "return frozen asset to +",
            "asserted",
        ),
        (
            "The US authorities returned two gorillas to Cameroon.",
            "USAGOV",
            "CMR",
            "0842",
            "return gorilla to +",
            "asserted",
        ),
    ]);
}

#[test]
fn borders_opened_and_permission_given() {
    check(&[
        (
            "Jordan opened its border to Syrian refugees.",
            "JOR",
            "SYRREF",
            "075",
            "open border to + refugee",
            "asserted",
        ),
        (
            "Egypt opened the Rafah crossing to Gaza.",
            "EGY",
            "PSE",
            "0863",
            "open crossing to +",
            "asserted",
        ),
        (
            "Turkey opened its airspace to Russian planes.",
            "TUR",
            "RUS",
            "085",
            "open airspace to +",
            "asserted",
        ),
        (
            "Israel permitted fuel deliveries to Gaza.",
            "ISR",
            "PSE",
            "0863",
            "permit fuel delivery to +",
            "asserted",
        ),
        (
            "Kenya allowed opposition parties to hold a rally in Nairobi.",
            "KEN",
            "KENOPP",
            "0811",
            "allow + to hold rally",
            "asserted",
        ),
        (
            "China relaxed visa rules for Russian tourists.",
            "CHN",
            "RUSCVL",
            "081",
            "relax visa rule for +",
            "asserted",
        ),
    ]);
}

#[test]
fn cooperation_and_its_reverse() {
    check(&[
        (
            "The United States is training Afghan police officers.",
            "USA",
            "AFGCOP",
            "062",
            "train + officer",
            "asserted",
        ),
        (
            "Egypt and Saudi Arabia staged joint war games.",
            "SAU",
            "EGY",
            "062",
            "stage joint war game ;sym",
            "asserted",
        ),
        (
            "France will train 2,000 soldiers for Ukraine.",
            "FRA",
            "UKR",
            "062",
            "train soldier for +",
            "future",
        ),
        (
            "The US approved the sale of F-16 jets to Turkey.",
            "USA",
            "TUR",
            "062",
            "approve sale of jet to +",
            "asserted",
        ),
        (
            "Germany approved the delivery of tanks to Ukraine.",
            "DEU",
            "UKR",
            "072",
            "approve delivery of tank to +",
            "asserted",
        ),
        (
            "Russia expressed support to Serbia.",
            "RUS",
            "SRB",
            "051",
            "express support to +",
            "asserted",
        ),
        (
            "Japan expressed concern to China over its naval exercises.",
            "JPN",
            "CHN",
            "012",
            "express concern to +",
            "asserted",
        ),
        (
            "Argentina handed the suspect over to Chile.",
            "ARG",
            "CHL",
            "063",
            "hand suspect over to +",
            "asserted",
        ),
        // a fugitive surrendered is extradited, not a military surrender
        (
            "Peru surrendered the fugitive to Bolivian authorities.",
            "PER",
            "BOLGOV",
            "063",
            "surrender fugitive to +",
            "asserted",
        ),
        (
            "Eritrean rebels surrendered the town to Ethiopian troops.",
            "ERIREB",
            "ETHMIL",
            "0874",
            "surrender town to +",
            "asserted",
        ),
        (
            "Russia halted gas deliveries to Bulgaria.",
            "RUS",
            "BGR",
            "163",
            "halt gas delivery to +",
            "asserted",
        ),
        // not a retreat (0874, "withdraw from")
        (
            "The United States withdrew funding from the WHO.",
            "USA",
            "IGOUNO",
            "1621",
            "withdraw funding from +",
            "asserted",
        ),
        (
            "The Chinese premier is on a three-day visit to Pakistan.",
            "CHNGOV",
            "PAK",
            "042",
            "be on visit to +",
            "asserted",
        ),
    ]);
}

#[test]
fn intents_and_decisions_of_a_pair() {
    check(&[
        // the intent is the subject's alone, but with no other party named
        // the members of the compound subject are each other's
        (
            "Chile and Bolivia agreed to hold talks.",
            "BOL",
            "CHL",
            "036",
            "hold talk ;sym",
            "asserted",
        ),
        (
            "Pakistan and India decided to resume the dialogue.",
            "PAK",
            "IND",
            "036",
            "resume dialogue ;sym",
            "asserted",
        ),
        (
            "Ghana and Togo reached an agreement to share intelligence.",
            "TGO",
            "GHA",
            "0314",
            "share intelligence ;sym",
            "asserted",
        ),
        // a decision to act against someone is the act, not a threat
        (
            "Algeria decided to expel the French ambassador.",
            "DZA",
            "FRAGOV",
            "166",
            "expel + ambassador",
            "asserted",
        ),
    ]);
}

#[test]
fn an_act_said_not_to_be_done_is_a_refusal() {
    check(&[
        // "will not" before a cooperative act: the refusal conversion (12)
        (
            "Hungary will not accept Syrian refugees.",
            "HUN",
            "SYRREF",
            "122",
            "accept + refugee",
            "asserted",
        ),
        (
            "Brazil will not extradite the banker to Italy.",
            "BRA",
            "ITA",
            "121",
            "extradite to +",
            "asserted",
        ),
        (
            "Ghana said it would not lift the ban on Togolese imports.",
            "GHA",
            "TGO",
            "1244",
            "lift ban on +",
            "asserted",
        ),
        // a past act not done stays a negated act
        (
            "Turkey did not send aid to Syria.",
            "TUR",
            "SYR",
            "070",
            "send aid to +",
            "negated",
        ),
        // taking refugees in, stated plainly
        (
            "Germany accepted 500 Afghan refugees.",
            "DEU",
            "AFGREF",
            "075",
            "accept + refugee",
            "asserted",
        ),
    ]);
}
