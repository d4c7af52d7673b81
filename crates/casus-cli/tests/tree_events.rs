//! Events read off the dependency tree (stage `tree_events`) through the
//! real binary, on sentences written for these tests: where the surface
//! patterns find nothing, the tree's subject, object and oblique give the
//! event, with the modality of the clause, the dictionary line that matched
//! and, under `--explain`, the decision named by its stage.

mod common;

/// Codes `text` as one document; returns (source, target, code, modality,
/// evidence entry) of each event.
fn code(text: &str) -> Vec<(String, String, String, String, String)> {
    common::event_summaries(&["--tree"], text)
}

#[test]
fn the_tree_codes_what_the_surface_patterns_miss() {
    // a progressive with adverbs between the auxiliary and the verb: an
    // oblique by the frame's preposition gives the target
    let found = code("Canada is once more sending aid to Haiti.");
    assert_eq!(found.len(), 1, "{found:?}");
    let (src, tgt, c, modality, entry) = &found[0];
    assert_eq!(
        (src.as_str(), tgt.as_str(), c.as_str()),
        ("CAN", "HTI", "070")
    );
    assert_eq!(modality, "asserted");
    assert!(entry.starts_with("verbs/07_aid.txt:"), "{entry}");
    // the same clause negated
    let found = code("Canada is not once more sending aid to Haiti.");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].3, "negated");
    // a long apposition between the subject and its verb
    let found = code(
        "Chile's foreign minister, a veteran of many summits, in a rare public rebuke accused Peru of lying.",
    );
    assert_eq!(
        found
            .iter()
            .map(|e| (e.0.as_str(), e.1.as_str(), e.2.as_str()))
            .collect::<Vec<_>>(),
        vec![("CHLGOV", "PER", "112")]
    );
    // two actors of one code and no verb of the lexicon: nothing
    assert!(code("The weather in Peru was mild in Peru all week.").is_empty());
    // without --tree the surface alone codes: nothing here
    let out = common::casus_with_stdin(&["code"], b"Canada is once more sending aid to Haiti.");
    assert!(out.status.success());
    assert!(
        out.stdout.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

#[test]
fn explain_names_the_stage_that_read_the_tree() {
    let out = common::casus_with_stdin(
        &["code", "--explain", "--tree"],
        b"Canada is once more sending aid to Haiti.",
    );
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.lines()
            .any(|l| l.contains("[tree_events]") && l.contains("send aid to +")),
        "{text}"
    );
    assert!(text.contains("(parsed)"), "{text}");
}
