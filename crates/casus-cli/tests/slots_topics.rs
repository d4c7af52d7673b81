//! What an act is about is not its party, through the real binary, on
//! sentences written for these tests: an actor after "over" or "about"
//! ("clashed over X", "battles concerns over X") is the topic, while the
//! same words before an amount ("killed over 100 soldiers") still let the
//! slot reach its actor.

mod common;

use common::Triple;

#[test]
fn an_actor_after_over_or_about_is_the_topic() {
    let table: &[(&str, &[Triple])] = &[
        // a symmetric verb pairs its compound subject
        (
            "Greece and Turkey clashed over Cyprus.",
            &[("GRC", "TUR", "190"), ("TUR", "GRC", "190")],
        ),
        (
            "Ethiopia and Eritrea clashed over Somalia.",
            &[("ERI", "ETH", "190"), ("ETH", "ERI", "190")],
        ),
        // an amount after the same words
        (
            "Kenya sent over 400 police officers to Haiti.",
            &[("KEN", "HTI", "074")],
        ),
        (
            "Rebels killed over 100 Malian soldiers.",
            &[("MLIREB", "MLIMIL", "190")],
        ),
    ];
    common::check_triples(table);
}
