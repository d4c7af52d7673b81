//! Phrasings the lexicon missed on an eighth pass, through the real
//! binary, on sentences written for these tests: agreements revoked,
//! cancelled or broken, and a bloc suspending or expelling a member. Each
//! row fails without the entry it names.

mod common;

// rows: (sentence, source, target, code, pattern of the evidence, modality)
use common::check_pattern_rows as check;

#[test]
fn agreements_revoked_or_broken_reduce_relations() {
    check(&[
        (
            "Mali revoked a defence pact with France.",
            "MLI",
            "FRA",
            "160",
            "revoke pact with +",
            "asserted",
        ),
        (
            "Peru rescinded its fishing agreement with Ecuador.",
            "PER",
            "ECU",
            "160",
            "rescind agreement with +",
            "asserted",
        ),
        (
            "Zambia broke its transit accord with Malawi.",
            "ZMB",
            "MWI",
            "160",
            "break accord with +",
            "asserted",
        ),
    ]);
}

#[test]
fn a_bloc_suspends_or_expels_a_member() {
    check(&[
        (
            "The African Union suspended Guinea from the bloc after the coup.",
            "IGOAFRAFU",
            "GIN",
            "160",
            "suspend + from",
            "asserted",
        ),
        (
            "ECOWAS suspended the membership of Niger.",
            "IGOWAFWAS",
            "NER",
            "160",
            "suspend membership of +",
            "asserted",
        ),
        (
            "The Arab League expelled Syria from the organisation.",
            "IGOMEAARL",
            "SYR",
            "160",
            "expel + from organisation",
            "asserted",
        ),
    ]);
}
