//! Sentences with two actors where no predicate matched (issue 11 items 1
//! and 2, helper "nominal"), through the real binary, on sentences written
//! for these tests: an "-ing" verb after a document noun (a reduced
//! relative: "issued a statement urging"), an amount with what it is ("$40
//! million in loans to"), a year or month alone in a pattern's gap ("in
//! 2019"), the recipient before what is given ("provide X with loans"),
//! human shields, goods handed back, and sanctions left to lapse. Each row
//! fails without the rule or entry it names.

mod common;

// rows: (sentence, source, target, code, pattern of the evidence, modality)
use common::check_pattern_rows as check;

#[test]
fn an_ing_verb_after_a_document_noun_speaks_for_its_issuer() {
    check(&[
        // without the rule "urging" is a noun after "statement", and the
        // release is coded as done by Niger
        (
            "The Chadian opposition issued a statement urging Niger to free the detained activists.",
            "TCDOPP",
            "NER",
            "0253",
            "urge + to free",
            "asserted",
        ),
        (
            "Sweden published a letter demanding that Iran release the diplomat.",
            "SWE",
            "IRN",
            "1053",
            "demand +",
            "asserted",
        ),
        (
            "Human Rights Watch published a report accusing Egypt of torturing detainees.",
            "NGOHRW",
            "EGY",
            "112",
            "accuse +",
            "asserted",
        ),
    ]);
}

#[test]
fn an_amount_named_with_what_it_is() {
    check(&[
        // not "give in to", yielding
        (
            "Norway gave 8 million crowns in emergency funding to Sudan.",
            "NOR",
            "SDN",
            "071",
            "give in funding to +",
            "asserted",
        ),
        (
            "Kuwait provided $40 million in loans to Jordan.",
            "KWT",
            "JOR",
            "071",
            "provide in loan to +",
            "asserted",
        ),
    ]);
}

#[test]
fn a_year_or_a_month_alone_in_a_pattern_gap() {
    check(&[
        (
            "Norway donated $12 million in 2019 to Yemen.",
            "NOR",
            "YEM",
            "071",
            "donate million to +",
            "asserted",
        ),
        (
            "Oman donated $3 million during March to Somalia.",
            "OMN",
            "SOM",
            "071",
            "donate million to +",
            "asserted",
        ),
    ]);
}

#[test]
fn the_recipient_before_what_is_given() {
    check(&[
        (
            "Japan provided Vietnam with $2 billion in loans.",
            "JPN",
            "VNM",
            "071",
            "provide + with billion",
            "asserted",
        ),
        (
            "Japan will provide Laos with cheap loans.",
            "JPN",
            "LAO",
            "071",
            "provide + with loan",
            "future",
        ),
        (
            "Qatar supplied Lebanon with food and medicine.",
            "QAT",
            "LBN",
            "073",
            "supply + with food",
            "asserted",
        ),
    ]);
}

#[test]
fn human_shields_held_or_kept() {
    check(&[
        (
            "The Syrian army held dozens of Lebanese fishermen as human shields.",
            "SYRMIL",
            "LBNAGR",
            "184",
            "hold + as human shield",
            "asserted",
        ),
        (
            "Rebels kept Congolese villagers as human shields near Goma.",
            "CODREB",
            "CODCVL",
            "184",
            "keep + as human shield",
            "asserted",
        ),
    ]);
}

#[test]
fn goods_handed_back_to_their_owner() {
    check(&[
        (
            "Dutch customs returned the looted bronzes to Nigeria.",
            "NLD",
            "NGA",
            "0842",
            "return looted to +",
            "asserted",
        ),
        (
            "Thai police returned the smuggled tigers to Laos.",
            "THACOP",
            "LAO",
            "0842",
            "return smuggled to +",
            "asserted",
        ),
        (
            "French officials returned the ancient coins to Algeria.",
            "FRAGOV",
            "DZA",
            "0842",
            "return coin to +",
            "asserted",
        ),
        // the owner before the goods
        (
            "Spanish police returned to Mexico three colonial paintings.",
            "ESPCOP",
            "MEX",
            "0842",
            "return to + painting",
            "asserted",
        ),
    ]);
}

#[test]
fn a_restriction_left_to_lapse_is_eased() {
    check(&[
        (
            "The EU failed to renew sanctions against Belarus.",
            "IGOEUREEC",
            "BLR",
            "085",
            "fail to renew sanction against +",
            "asserted",
        ),
        (
            "The European Union failed to extend its sanctions against Belarus when they expired.",
            "IGOEUREEC",
            "BLR",
            "085",
            "fail to extend sanction against +",
            "asserted",
        ),
    ]);
}
