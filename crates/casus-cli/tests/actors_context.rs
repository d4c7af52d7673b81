//! Bare role nouns that take their country from the sentence, and persons
//! the coder knows by name: each row is a sentence of our own and the
//! event it must give (source, target, code).

mod common;

use common::code_rows;

/// (sentence, source, target, code)
type Row<'a> = (&'a str, &'a str, &'a str, &'a str);

fn check(table: &[Row]) {
    let sentences: Vec<&str> = table.iter().map(|r| r.0).collect();
    let rows = code_rows(&sentences, &[]);
    for ((sentence, source, target, code), events) in table.iter().zip(rows) {
        let e = common::event_from(sentence, &events, code, source);
        assert_eq!(e["target"], *target, "`{sentence}`");
    }
}

#[test]
fn a_time_word_after_a_role_makes_it_no_modifier() {
    // "police yesterday" was read as "police station": a noun modifier
    // that names no actor, so the role took no country.
    check(&[
        (
            "Officials in Nairobi said the police yesterday detained twelve students.",
            "KENCOP",
            "KENEDU",
            "173",
        ),
        (
            "Bolivia said the Supreme Court today rejected an appeal by Chile.",
            "BOLJUD",
            "CHL",
            "120",
        ),
    ]);
}

#[test]
fn a_role_after_from_is_an_agent_not_a_place() {
    // "from" marks a mention as a place ("from Moscow"); a role after it is
    // where the pressure comes from and takes the sentence's country.
    check(&[
        (
            "Ghana's president faces pressure from lawmakers over the debt deal.",
            "GHALEG",
            "GHAGOV",
            "100",
        ),
        (
            "Nepal's prime minister came under pressure from the army to resign.",
            "NPLMIL",
            "NPLGOV",
            "1041",
        ),
    ]);
}
