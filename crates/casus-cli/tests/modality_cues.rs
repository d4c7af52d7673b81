//! Modality read from the shape of a sentence, through the real binary, on
//! sentences written for these tests: conditions stated by inversion
//! ("Should X attack Y, ..."), plans denied ("had no plans to"), the host
//! of a visit that is only intended, and the code of a refusal whose action
//! has no refusal code of its own. Each row fails without the rule it
//! names; the neighbours the rule must leave alone are rows too.

mod common;

use common::{code_rows, event_from};

/// (sentence, source, target, code, modality)
type Row<'a> = (&'a str, &'a str, &'a str, &'a str, &'a str);

fn check(table: &[Row]) {
    let sentences: Vec<&str> = table.iter().map(|r| r.0).collect();
    let rows = code_rows(&sentences, &[]);
    for ((sentence, source, target, code, modality), events) in table.iter().zip(rows) {
        let e = event_from(sentence, &events, code, source);
        assert_eq!(e["target"], *target, "`{sentence}`");
        assert_eq!(e["modality"], *modality, "`{sentence}`");
    }
}

#[test]
fn an_inverted_condition_makes_the_sentence_hypothetical() {
    check(&[
        // the condition opens the sentence
        (
            "Should Chile attack Peru, Bolivia would respond at once.",
            "CHL",
            "PER",
            "190",
            "hypothetical",
        ),
        (
            "Had Kenya expelled the Ugandan ambassador, the talks would have collapsed.",
            "KEN",
            "UGAGOV",
            "166",
            "hypothetical",
        ),
        // after a comma, before its subject
        (
            "Bolivia would respond at once, should Chile attack Peru.",
            "CHL",
            "PER",
            "190",
            "hypothetical",
        ),
        (
            "Ecuador would cut ties, were Colombia to expel the Ecuadorian ambassador.",
            "COL",
            "ECUGOV",
            "166",
            "hypothetical",
        ),
        // the same words where they state no condition
        (
            "Chile had attacked Peru before the talks began.",
            "CHL",
            "PER",
            "190",
            "asserted",
        ),
        (
            "Kenya expelled the Ugandan ambassador, who had criticised the government.",
            "KEN",
            "UGAGOV",
            "166",
            "asserted",
        ),
    ]);
}

#[test]
fn a_plan_denied_is_negated() {
    check(&[
        (
            "Canada has no plans to send troops to Haiti.",
            "CAN",
            "HTI",
            "072",
            "negated",
        ),
        // an intent denied by its determiner
        (
            "Sweden has no intention to expel the Iranian ambassador.",
            "SWE",
            "IRNGOV",
            "1313",
            "negated",
        ),
        (
            "Sweden intends to expel the Iranian ambassador.",
            "SWE",
            "IRNGOV",
            "1313",
            "asserted",
        ),
        // a plan alone is still a future act
        (
            "Canada plans to send troops to Haiti.",
            "CAN",
            "HTI",
            "072",
            "future",
        ),
    ]);
}

#[test]
fn an_intended_visit_has_no_host_yet() {
    let rows = code_rows(
        &[
            "Peru is considering sending a delegation to Quito.",
            "Peru sent a delegation to Quito.",
        ],
        &[],
    );
    // the intent to visit, and nothing hosted
    event_from("intent", &rows[0], "036", "PER");
    assert!(
        !rows[0].iter().any(|e| e["code"] == "043"),
        "{:#?}",
        rows[0]
    );
    // the visit made is hosted by the receiver
    event_from("visit", &rows[1], "042", "PER");
    event_from("host", &rows[1], "043", "ECU");
}

#[test]
fn a_refusal_with_no_code_of_its_own_is_the_general_rejection() {
    // "refuse to" + an apology (055): CAMEO has no "refuse to apologise",
    // so the refusal is 120, a code, not the bare root 12
    check(&[(
        "Austria refused to apologise to Hungary for the remarks.",
        "AUT",
        "HUN",
        "120",
        "asserted",
    )]);
}

/// "can" says what an actor is able to do, not what it did.
#[test]
fn an_act_someone_can_do_is_hypothetical() {
    check(&[
        (
            "Analysts doubt that Greece can isolate Turkey.",
            "GRC",
            "TUR",
            "160",
            "hypothetical",
        ),
        (
            "Chile is seeking a deal so that it can open its markets to Peru.",
            "CHL",
            "PER",
            "061",
            "hypothetical",
        ),
        // the same acts reported as done
        ("Greece isolated Turkey.", "GRC", "TUR", "160", "asserted"),
    ]);
}
