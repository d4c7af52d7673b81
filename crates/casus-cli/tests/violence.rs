//! Acts of force whose attacker or victims are not named actors (CONVENTIONS
//! rules 1, 4, 13 and 16), through the real binary, on sentences written for
//! these tests: a bare attacker or bare victims take the country of the scene
//! the verb's clause names; people counted without a role are the scene's
//! country; a participle after a comma keeps the clause's subject; nothing is
//! made up where the clause names no place.

mod common;

use common::check_prefix_rows as check;

#[test]
fn a_bare_attacker_takes_the_country_of_the_scene() {
    check(&[
        // an indefinite attacker, victims counted without a role
        (
            "A suicide bomber killed eleven people at a bus station in Maiduguri on Monday.",
            "NGAREB",
            "NGA",
            "19",
        ),
        // the scene in the victims' own phrase
        (
            "An unidentified gunman shot dead three policemen in the Pakistani city of Peshawar.",
            "PAKUAF",
            "PAKCOP",
            "19",
        ),
        (
            "A gunman killed a teacher in Marseille.",
            "FRAUAF",
            "FRAEDU",
            "19",
        ),
    ]);
}

#[test]
fn victims_take_the_country_of_the_scene() {
    check(&[
        // civilians hit abroad are not the attacker's own (coreference gave
        // them the nearest country, the attacker's)
        (
            "Russian missiles hit the city of Zaporizhzhia, killing two civilians.",
            "RUSMIL",
            "UKRCVL",
            "19",
        ),
        // people counted after a participle: the scene of its clause
        (
            "A suicide bomber blew himself up at a wedding in Kunduz, killing 30 people.",
            "AFGREB",
            "AFG",
            "19",
        ),
        // people counted inside the pattern's slot, the scene in the
        // source's own phrase
        (
            "Militants in Mosul held 150 families as human shields.",
            "IRQREB",
            "IRQ",
            "184",
        ),
        (
            "Police arrested 40 people in Lagos on Sunday.",
            "NGACOP",
            "NGA",
            "17",
        ),
    ]);
}

#[test]
fn a_participle_keeps_the_subject_of_its_clause() {
    // the police of the checkpoint are not who killed
    let sentence = "Islamic State gunmen opened fire near an Iraqi police checkpoint in Kirkuk, killing three people.";
    check(&[(sentence, "IMGMOSISI", "IRQ", "19")]);
    let rows = common::code_rows(&[sentence], &[]);
    assert!(
        rows[0].iter().all(|e| e["source"] != "IRQCOP"),
        "{:#?}",
        rows[0]
    );
}

#[test]
fn no_scene_no_victim_country() {
    // rule 4: no place and no named victim, no target; a weapon is not the
    // scene's forces
    let rows = common::code_rows(
        &[
            "Militants killed five people.",
            "A rocket attack in Syria killed a soldier.",
            "Unknown attackers killed a man on Tuesday.",
        ],
        &[],
    );
    for events in rows {
        assert!(events.is_empty(), "{events:#?}");
    }
}
