//! What an act is about is not its party, through the real binary, on
//! sentences written for these tests: an actor after "over" or "about"
//! ("clashed over X", "battles concerns over X") is the topic, while the
//! same words before an amount ("killed over 100 soldiers") still let the
//! slot reach its actor.

mod common;

use common::{code_rows, Triple};

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
    let sentences: Vec<&str> = table.iter().map(|r| r.0).collect();
    let rows = code_rows(&sentences, &[]);
    for ((sentence, want), events) in table.iter().zip(rows) {
        let mut got: Vec<(String, String, String)> = events
            .iter()
            .map(|e| {
                let s = |k: &str| e[k].as_str().unwrap_or_default().to_string();
                (s("source"), s("target"), s("code"))
            })
            .collect();
        got.sort();
        let mut want: Vec<(String, String, String)> = want
            .iter()
            .map(|(s, t, c)| (s.to_string(), t.to_string(), c.to_string()))
            .collect();
        want.sort();
        assert_eq!(got, want, "{sentence}");
    }
}
