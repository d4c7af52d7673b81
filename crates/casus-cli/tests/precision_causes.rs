//! Precision, tenth pass (EVALUATION section 58), through the real binary,
//! on sentences written for these tests: a base verb form after a singular
//! role noun that follows a determiner, a possessive or a preposition is the
//! noun the role modifies ("the terrorist attack", "Friday's militant
//! assault"), so a nominal attack named as background is no event (rule 14),
//! while a verb after its subject, a subjunctive and a bare plural keep
//! their verbs; the act an agentless passive accusation alleges is not
//! coded as done (rule 9).

mod common;

use common::check_triples;

/// A nominal attack in a condolence, a condemnation or a claim of
/// responsibility is background: only the verb that carries an event is
/// coded.
#[test]
fn an_attack_noun_after_a_singular_role_is_no_verb() {
    check_triples(&[
        (
            "The Spanish king sent a message of sympathy after Friday's terrorist attack in Nairobi.",
            &[],
        ),
        (
            "The Nigerian minister condemned the suicide bomber attack in Lagos.",
            &[("NGAGOV", "NGAREB", "111")],
        ),
        (
            "Somali militants claimed responsibility for a rocket and drone attack on Kenyan army bases.",
            &[("SOMREB", "SOMMIL", "015")],
        ),
        (
            "Somali militants claimed responsibility for rocket and drone attack on Kenyan army bases.",
            &[("SOMREB", "SOMMIL", "015")],
        ),
    ]);
}

/// The noun phrase as a subject: the verb after it is coded with the role's
/// owner as the attacker ("the drone strike killed"), and a verb with its
/// object after a plural-like role ("police arrest five", "the army fire
/// shells at") or in a subjunctive ("demanded that the army withdraw") stays
/// a verb.
#[test]
fn verbs_after_roles_stay_verbs() {
    check_triples(&[
        (
            "The Kenyan drone strike killed 12 militants in Somalia.",
            &[("KENMIL", "SOMREB", "195")],
        ),
        (
            "A Chadian army bomb killed 14 members of the gang on Monday.",
            &[("TCDMIL", "TCDCRM", "195")],
        ),
        (
            "Kenyan police arrest five protesters in Nairobi.",
            &[("KENCOP", "KENOPP", "173")],
        ),
        (
            "The Ugandan army fire shells at the rebels in Congo.",
            &[("UGAMIL", "CODREB", "194")],
        ),
        (
            "Protesters demanded that the Kenyan army withdraw from the border town.",
            &[("KENOPP", "KENMIL", "106")],
        ),
    ]);
}

/// "X was blamed for V-ing": an accusation in the agentless passive is no
/// event of its own, but the act it alleges is still only alleged.
#[test]
fn an_agentless_passive_accusation_still_alleges() {
    check_triples(&[
        ("Iran has been blamed for supplying drones to Russia.", &[]),
        (
            "Chad was accused by Sudan of arming the rebels.",
            &[("SDN", "TCD", "112")],
        ),
    ]);
}

/// "President Dr. X": an honorific between an office title and a person's
/// name does not cut the name off the title, so the bare title does not
/// stand for the phrase with a country guessed from the context.
#[test]
fn an_honorific_after_a_title_keeps_the_name() {
    check_triples(&[
        (
            "The Saudi king met President Dr. Ashraf Ghani in Kabul.",
            &[("AFGGOV", "SAUGOV", "040"), ("SAUGOV", "AFGGOV", "040")],
        ),
        (
            "The Tanzanian leader offered his condolences to President Dr. Ashraf Ghani on Friday.",
            &[("TZAGOV", "AFGGOV", "018")],
        ),
    ]);
}

/// "strikes on X targets in C": a name right after "on" or "against" is the
/// object of the act, so "targets" after it is a noun and the place the
/// targets stand in is no second target; with its own object the verb form
/// stays a verb.
#[test]
fn targets_after_a_named_object_are_a_noun() {
    check_triples(&[(
        "Kenyan jets carried out raids against Al-Shabaab targets in southern Somalia.",
        &[("KENMIL", "SOMREB", "195")],
    )]);
}
