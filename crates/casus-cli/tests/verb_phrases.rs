//! Phrasal verbs, reduced relatives and purpose infinitives, through the
//! real binary, on sentences written for these tests.
//!
//! A particle of `lang/en/phrasal_verbs.txt` right after its verb makes
//! another verb: the verb's patterns without the particle do not match
//! ("ruled out X against Y" is no ruling against Y), while patterns that
//! name the particle still do. People named by a plural noun right before
//! an "-ing" form are its subject, even as an earlier verb's object; a
//! participle after such an object is a passive with no agent. A
//! protest that is the purpose of an act ("summoned the envoy to protest")
//! is not a protest of its own aimed at the subject's government, and
//! what a claim, a fear or a plan holds is not an event, nor what an appeal
//! to an addressee that names no actor asks for.

mod common;

use common::Triple;

#[test]
fn a_phrasal_particle_blocks_the_verbs_other_patterns() {
    let table: &[(&str, &[Triple])] = &[
        // `rule against +`, `call ceasefire with +`, `take issue with +`
        // are not read across the particle
        (
            "Poland would not rule out military action against Belarus.",
            &[],
        ),
        ("Ukraine called off its ceasefire with the rebels.", &[]),
        ("Japan took up the issue with China.", &[]),
        // the verb without the particle keeps its patterns
        (
            "The Supreme Court of Kenya ruled against the government of Uganda.",
            &[("KENJUD", "UGAGOV", "116")],
        ),
        // patterns that name the particle match
        (
            "Germany ruled out talks with Iran.",
            &[("DEU", "IRN", "125")],
        ),
        (
            "Greece gave in to demands from Turkey.",
            &[("GRC", "TUR", "080")],
        ),
        // a particle not in the list leaves the verb as it is
        (
            "Malaysia broke off talks with Thailand.",
            &[("MYS", "THA", "164")],
        ),
    ];
    common::check_triples(table);
}

#[test]
fn people_before_an_ing_form_are_its_subject() {
    let table: &[(&str, &[Triple])] = &[
        (
            "Police fired tear gas at opposition supporters marching toward the parliament in Nairobi.",
            &[("KENCOP", "KENOPP", "175"), ("KENOPP", "KENGOV", "141")],
        ),
        (
            "Soldiers shot at students protesting against the new law in Dhaka.",
            &[("BGDMIL", "BGD", "193"), ("BGDEDU", "BGDGOV", "1412")],
        ),
        // a participle after an earlier verb's object, before a
        // preposition, is a passive with no agent
        ("Iran executed a man convicted of spying for Israel.", &[]),
        (
            "Iran convicted a man of spying for Israel.",
            &[("IRN", "IRNCVL", "116")],
        ),
        // a country or a unit before the "-ing" form after a comma is the
        // object, and the act stays the subject's
        (
            "Russian jets bombed Ukrainian positions, killing six soldiers.",
            &[("RUSMIL", "UKRMIL", "195")],
        ),
    ];
    common::check_triples(table);
}

#[test]
fn a_protest_that_is_an_acts_purpose_is_not_coded_again() {
    let table: &[(&str, &[Triple])] = &[
        (
            "Vietnam summoned China's ambassador to protest the seizure of its fishing boats.",
            &[("VNM", "CHNGOV", "114")],
        ),
        // a protest of its own still gets its implied target
        (
            "Thousands of Kenyans marched in Nairobi to protest the new tax.",
            &[("KEN", "KENGOV", "1412")],
        ),
    ];
    common::check_triples(table);
}

#[test]
fn what_a_claim_or_a_plan_holds_is_not_coded() {
    let table: &[(&str, &[Triple])] = &[
        (
            "Uganda rejected claims that it had sheltered rebels from Congo.",
            &[],
        ),
        ("Peru dismissed fears that Chile would attack Bolivia.", &[]),
        ("Ghana unveiled a plan to expel Nigerian traders.", &[]),
        // the same acts said as done
        (
            "Uganda sheltered rebels from Congo.",
            &[("UGA", "CODREB", "073")],
        ),
    ];
    common::check_triples(table);
}

#[test]
fn what_an_appeal_to_unnamed_addressees_asks_is_not_coded() {
    let table: &[(&str, &[Triple])] = &[
        (
            "The African Union called on member states to recognise Kosovo.",
            &[],
        ),
        (
            "Many Kenyans called on other nations to pressure Uganda to free the activists.",
            &[],
        ),
    ];
    common::check_triples(table);
}

#[test]
fn a_name_after_an_indefinite_article_modifies_the_noun_after_it() {
    let table: &[(&str, &[Triple])] = &[
        (
            "Syria's government condemned a US strike on a militia base in Homs.",
            &[("SYRGOV", "USA", "111")],
        ),
        // a role phrase after "a" is a subject
        (
            "A Kenyan delegation visited Uganda.",
            &[("KENGOV", "UGA", "042")],
        ),
    ];
    common::check_triples(table);
}
