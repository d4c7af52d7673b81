//! Groups of actors in their places (issue 11 items 3 and 4), through the
//! real binary, on sentences written for these tests: a plural pronoun
//! after a coordination stands for all its members, the members described
//! after a body's noun ("the X bloc of ...") are not the subject, a place
//! in a locative phrase is no member of the next clause's subject, a
//! speaker among a group's members makes its modal statement its own, and
//! "the two countries" is the nearest pair.

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

/// "the ECOWAS bloc of West African states": the states after "of" describe
/// the body a name before the noun names; the name is the subject (with
/// the compound it ends), not the members. A quantity ("hundreds of") is no
/// such noun.
#[test]
fn members_described_after_a_body_are_not_the_subject() {
    check_triples(&[
        (
            "The African Union and the ECOWAS bloc of West African states signed an agreement.",
            &[
                ("IGOAFRAFU", "IGOWAFWAS", "057"),
                ("IGOWAFWAS", "IGOAFRAFU", "057"),
            ],
        ),
        (
            "The Arab League and the GCC bloc of Gulf states have resumed talks.",
            &[
                ("IGOMEAARL", "IGOPGSGCC", "046"),
                ("IGOPGSGCC", "IGOMEAARL", "046"),
            ],
        ),
        (
            "Police and hundreds of protesters marched through Lima.",
            &[("PEROPP", "PERGOV", "141")],
        ),
    ]);
}

/// "met in Amman and they signed": the place is no member of the
/// pronoun's compound; people "from" places still are.
#[test]
fn a_place_is_no_member_of_the_next_subject() {
    check_triples(&[
        (
            "Egypt and Jordan met in Amman and they signed an agreement.",
            &[
                ("EGY", "JOR", "040"),
                ("JOR", "EGY", "040"),
                ("EGY", "JOR", "057"),
                ("JOR", "EGY", "057"),
            ],
        ),
        (
            "Officials from Seoul and Washington held a meeting on Monday.",
            &[("KORGOV", "USAGOV", "040"), ("USAGOV", "KORGOV", "040")],
        ),
    ]);
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
