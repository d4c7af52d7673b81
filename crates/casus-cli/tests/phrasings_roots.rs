//! The right CAMEO root for the right source, and arms laid down with no
//! one named who receives them (issue 11 item 2, helper "frames8"): a
//! protest verb is a protest only without an object (`; intransitive`), a
//! retort is no gunfire, aid money blocked by a vote is a cut in aid, an
//! agreement reached is not yet one signed, and a refusal to agree or to
//! promise is a rejection. Sentences written for these tests; each row
//! fails without the entry, flag or mapping it names, except the guards
//! (protests without an object, gunfire back at troops), which hold the
//! old readings.

mod common;

// rows: (sentence, source, target, code, pattern of the evidence, modality)
use common::check_pattern_rows as check;
use common::code_rows;

#[test]
fn protest_verbs_without_an_object_are_still_protests() {
    check(&[
        (
            "Thousands of Georgian students demonstrated in Tbilisi on Saturday.",
            "GEOEDU",
            "GEOGOV",
            "141",
            "demonstrate",
            "asserted",
        ),
        // a place preposition the preposition list does not know
        (
            "Hundreds of Chilean miners marched through Santiago on Monday.",
            "CHLLAB",
            "CHLGOV",
            "141",
            "march",
            "asserted",
        ),
    ]);
}

#[test]
fn showing_and_gathering_are_no_protest() {
    // an object after the verb: a possessive, a complementizer, a
    // quantity, an article
    let sentences = [
        "The Indian navy demonstrated its reach in the Arabian Sea.",
        "The Iranian launch demonstrated that Iran can hit targets far away.",
        "The Venezuelan president rallied thousands of supporters in Maracaibo.",
        "Kenyan engineers demonstrated a new irrigation pump to Ugandan officials.",
    ];
    for (sentence, events) in sentences.iter().zip(code_rows(&sentences, &[])) {
        assert!(
            events.iter().all(|e| e["code"] != "141"),
            "`{sentence}`: {events:#?}"
        );
    }
}

#[test]
fn what_an_actor_is_able_to_do_is_not_done() {
    let sentences = [
        "The Chinese navy showed its ability to strike Taiwan.",
        "Syrian rebels were under pressure to surrender to the Syrian army.",
    ];
    for (sentence, events) in sentences.iter().zip(code_rows(&sentences, &[])) {
        assert!(
            events
                .iter()
                .all(|e| !["190", "0874"].contains(&e["code"].as_str().unwrap())),
            "`{sentence}`: {events:#?}"
        );
    }
}

#[test]
fn arms_laid_down_and_ground_given_up() {
    check(&[
        (
            "Kurdish militants laid down their arms in northern Iraq on Sunday.",
            "IRQREB",
            "IRQ",
            "0873",
            "lay down arm in +",
            "asserted",
        ),
        (
            "Dozens of Congolese rebels surrendered in North Kivu on Monday.",
            "CODREB",
            "COD",
            "0874",
            "surrender in +",
            "asserted",
        ),
        // any phrase for what is given up
        (
            "Houthi fighters surrendered a stretch of farmland near the Marib dam to Yemeni troops.",
            "YEMREB",
            "YEMMIL",
            "0874",
            "surrender _ to +",
            "asserted",
        ),
        (
            "Malian rebels ceded two desert outposts near Kidal to Malian troops.",
            "MLIREB",
            "MLIMIL",
            "0874",
            "cede _ to +",
            "asserted",
        ),
    ]);
}

#[test]
fn retorts_are_criticism_and_gunfire_stays_force() {
    check(&[
        (
            "The Turkish foreign minister fired back at Greece over the island dispute.",
            "TURGOV",
            "GRC",
            "111",
            "fire back at + over",
            "asserted",
        ),
        (
            "In his farewell speech the Chilean senator took a parting shot at Bolivia's president.",
            "CHLLEG",
            "BOLGOV",
            "111",
            "take parting shot at +",
            "asserted",
        ),
        (
            "Pakistani troops fired back at Indian soldiers across the border.",
            "PAKMIL",
            "INDMIL",
            "193",
            "fire at +",
            "asserted",
        ),
    ]);
}

#[test]
fn aid_money_blocked_is_cut_and_aid_kept_out_is_a_blockade() {
    check(&[
        (
            "Slovakia blocked European Union aid to Moldova.",
            "SVK",
            "MDA",
            "162",
            "block aid to +",
            "asserted",
        ),
        (
            "Egypt blocked aid convoys to Sudan for a week.",
            "EGY",
            "SDN",
            "191",
            "block aid convoy to +",
            "asserted",
        ),
    ]);
}

#[test]
fn agreed_texts_and_refusals_to_agree() {
    check(&[
        (
            "Chile and Peru agreed on the final text of a new fisheries accord.",
            "CHL",
            "PER",
            "030",
            "agree on text ;sym",
            "asserted",
        ),
        // a refusal to agree is the general rejection, 120 (the bare
        // root 12 is a heading of the code table, not a code)
        (
            "Iran refused to agree on a deal with Oman.",
            "IRN",
            "OMN",
            "120",
            "agree on deal with + ;sym",
            "asserted",
        ),
        (
            "Norway refused to offer economic aid to Belarus.",
            "NOR",
            "BLR",
            "1221",
            "offer economic aid to +",
            "asserted",
        ),
    ]);
}

#[test]
fn an_amount_opened_by_up_to() {
    check(&[
        (
            "Japan will provide Laos with up to 3 billion yen in grants.",
            "JPN",
            "LAO",
            "071",
            "provide + with billion",
            "future",
        ),
        (
            "Kuwait gave up to 40,000 blankets to Syria.",
            "KWT",
            "SYR",
            "073",
            "give blanket to +",
            "asserted",
        ),
    ]);
}
