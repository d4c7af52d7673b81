//! Verbs whose code does not hang on what they act on (issue 11 item 2):
//! an object element in a pattern (`_`, or `%` when an amount must say the
//! thing is material) takes a noun phrase of any words up to the pattern's
//! preposition ("returned *a set of bronze plaques from a royal palace* to",
//! "extradited *a former port official wanted for fraud* to"). Sentences
//! written for these tests; each row fails without the object element or
//! the entry it names. The last tests guard uses that are not events.

mod common;

// rows: (sentence, source, target, code, pattern of the evidence, modality)
use common::check_pattern_rows as check;
use common::code_rows;

#[test]
fn things_given_back_whatever_they_are() {
    check(&[
        (
            "Portugal returned a set of carved ivory panels from a royal palace to Angola.",
            "PRT",
            "AGO",
            "084",
            "return _ to +",
            "asserted",
        ),
        // commas and a time phrase inside the object
        (
            "Belgium returned a ceremonial mask, taken in 1908, to the Congolese government.",
            "BEL",
            "CODGOV",
            "084",
            "return _ to +",
            "asserted",
        ),
        (
            "Austria handed back three feathered headdresses held in Vienna to Mexico.",
            "AUT",
            "MEX",
            "084",
            "hand back _ to +",
            "asserted",
        ),
        (
            "Denmark gave the manuscripts of a medieval saga back to Iceland.",
            "DNK",
            "ISL",
            "084",
            "give _ back to +",
            "asserted",
        ),
        // a passive: the thing is the subject, the by-agent the source and
        // the slot after "to" the target
        (
            "A carved stone altar was returned to Guatemala by French customs officers.",
            "FRACOP",
            "GTM",
            "084",
            "return _ to +",
            "asserted",
        ),
    ]);
}

#[test]
fn gifts_and_extraditions_with_long_objects() {
    check(&[
        (
            "Kuwait donated 15,000 tonnes of dates and flour to Yemen.",
            "KWT",
            "YEM",
            "070",
            "donate _ to +",
            "asserted",
        ),
        (
            "Sweden contributed 40 prefabricated classrooms and a water tower to Mozambique.",
            "SWE",
            "MOZ",
            "070",
            "contribute _ to +",
            "asserted",
        ),
        (
            "Turkey airlifted blankets, heaters and field kitchens to Pakistan.",
            "TUR",
            "PAK",
            "070",
            "airlift _ to +",
            "asserted",
        ),
        // a verb inside the object ("wanted") is part of the match
        (
            "Colombia extradited a former port official wanted for fraud to Panama.",
            "COL",
            "PAN",
            "063",
            "extradite _ to +",
            "asserted",
        ),
    ]);
}

#[test]
fn giving_verbs_give_aid_when_an_amount_says_so() {
    check(&[
        (
            "South Korea provided two mobile clinics and 30 ambulances to Laos.",
            "KOR",
            "LAO",
            "070",
            "provide % to +",
            "asserted",
        ),
        // money or goods "for" people in a place: the place's people
        // (victims are civilians that take the country of their own
        // phrase, section 44)
        (
            "Canada provided $12 million for flood victims in Malawi.",
            "CAN",
            "MWICVL",
            "070",
            "provide % for +",
            "asserted",
        ),
        (
            "China lent another $2 billion in balance-of-payments support to Pakistan.",
            "CHN",
            "PAK",
            "071",
            "lend % to +",
            "asserted",
        ),
        // the object last, after the recipient
        (
            "Denmark provided Jordan with 120 prefabricated classrooms and school buses.",
            "DNK",
            "JOR",
            "070",
            "provide + with %",
            "asserted",
        ),
        // a currency sign before a number written with a letter
        (
            "The EU provided €45m for cocoa farmers in Ghana.",
            "IGOEUREEC",
            "GHAAGR",
            "070",
            "provide % for +",
            "asserted",
        ),
        (
            "Finland gave 4,000 solar lamps to Malawi.",
            "FIN",
            "MWI",
            "070",
            "give % to +",
            "asserted",
        ),
        (
            "Spain delivered 120 refrigerated trucks to Cuba.",
            "ESP",
            "CUB",
            "070",
            "deliver % to +",
            "asserted",
        ),
    ]);
}

#[test]
fn uses_that_are_no_event_stay_uncoded() {
    // no object, an adverb for an object, an object that ends in people,
    // a new clause, words given with no amount
    let sentences = [
        "The Zambian president returned home to Lusaka on Sunday.",
        "The Nepalese minister returned to Kathmandu after talks in Delhi.",
        "Nepal's foreign minister returned early to Kathmandu.",
        "The Lebanese premier will be returning tomorrow to Beirut.",
        "Ecuador provided an update on the case to Peruvian reporters.",
        "The Polish minister gave an interview to German television.",
        "Romania delivered a stern speech to Moldovan lawmakers.",
        "The Kenyan minister gave three reasons for the delay to Kenyan reporters.",
        "Chile returned the favour, because Peru had sent experts to Bolivia.",
    ];
    for (sentence, events) in sentences.iter().zip(code_rows(&sentences, &[])) {
        assert!(events.is_empty(), "`{sentence}`: {events:#?}");
    }
}
