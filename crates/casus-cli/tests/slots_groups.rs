//! Groups of actors in their places (issue 11 items 3 and 4), through the
//! real binary, on sentences written for these tests: a plural pronoun
//! after a coordination stands for all its members, a speaker among a
//! group's members makes its modal statement its own, and "the two
//! countries" is the nearest pair.

mod common;

use common::check_triples;

/// "X and Y said they ...": the pronoun is both, so a symmetric act pairs
/// them (one member alone paired nothing); a list of three pairs all.
#[test]
fn a_plural_pronoun_stands_for_the_whole_coordination() {
    check_triples(&[
        (
            "Chile and Peru said they had agreed to share intelligence.",
            &[("CHL", "PER", "0314"), ("PER", "CHL", "0314")],
        ),
        (
            "Ghana, Togo and Benin said on Friday that they would cooperate against piracy.",
            &[
                ("BEN", "GHA", "031"),
                ("BEN", "TGO", "031"),
                ("GHA", "BEN", "031"),
                ("GHA", "TGO", "031"),
                ("TGO", "BEN", "031"),
                ("TGO", "GHA", "031"),
            ],
        ),
        // across a sentence: the first subject and its coordination
        (
            "Chile and Peru held talks in Lima. They signed a trade agreement.",
            &[
                ("CHL", "PER", "046"),
                ("PER", "CHL", "046"),
                ("CHL", "PER", "057"),
                ("PER", "CHL", "057"),
            ],
        ),
    ]);
}

/// "Chile and Peru said they would resume talks": said by one of the
/// members, the modal statement is the group's own intent (036), as one
/// country's own statement is.
#[test]
fn a_member_speaking_for_its_group_states_an_intent() {
    check_triples(&[(
        "Chile and Peru said they would resume talks.",
        &[("CHL", "PER", "036"), ("PER", "CHL", "036")],
    )]);
}

/// "the two countries" is the pair nearest to it: a pair named in the
/// sentence before wins over a group resolved further back.
#[test]
fn the_two_countries_are_the_nearest_pair() {
    check_triples(&[(
        "Chile and Peru said they would resume talks. Mediators said relations between \
         Bolivia and Paraguay had worsened. The two countries expelled each other's envoys.",
        &[
            ("CHL", "PER", "036"),
            ("PER", "CHL", "036"),
            ("BOL", "PRY", "166"),
            ("PRY", "BOL", "166"),
        ],
    )]);
}
