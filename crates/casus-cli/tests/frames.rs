//! Verb frames through the real binary, on sentences written for these
//! tests: event nouns carried by light verbs (dict/verbs/nouns.txt), frames
//! whose verb changes the noun's code, the root fallbacks for an action the
//! lexicon does not know ("threatened to *move* against"), and pattern
//! words that are also amount words ("optimism *about*"). Each row fails
//! without the mechanism it names.

use std::process::Output;

mod common;

fn casus(args: &[&str], stdin: &str) -> Output {
    common::casus_with_stdin(args, stdin.as_bytes())
}

/// (sentence, source, target, code, dictionary file of the evidence,
/// pattern of the evidence)
type Row = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
);

fn check(table: &[Row]) {
    let sentences: Vec<&str> = table.iter().map(|r| r.0).collect();
    let rows = common::code_rows(&sentences, &[]);
    for ((sentence, source, target, code, file, pattern), events) in table.iter().zip(rows) {
        let found = events.iter().find(|e| e["code"] == *code);
        let Some(e) = found else {
            panic!("`{sentence}`: no {code} event in {events:#?}");
        };
        assert_eq!(
            (e["source"].as_str(), e["target"].as_str()),
            (Some(*source), Some(*target)),
            "`{sentence}`"
        );
        let entry = e["evidence"]["entry"].as_str().unwrap();
        assert!(
            entry.starts_with(&format!("{file}:")),
            "`{sentence}`: evidence {entry}, expected {file}"
        );
        assert_eq!(e["evidence"]["pattern"], *pattern, "`{sentence}`");
        assert_eq!(e["modality"], "asserted", "`{sentence}`");
    }
}

#[test]
fn light_verbs_carry_event_nouns_and_name_the_noun_line() {
    check(&[
        (
            "Norway renewed its plea to Russia.",
            "NOR",
            "RUS",
            "020",
            "verbs/nouns.txt",
            "renew plea to +",
        ),
        (
            "Morocco gave a warm welcome to the Spanish king.",
            "MAR",
            "ESPGOV",
            "043",
            "verbs/nouns.txt",
            "give welcome to +",
        ),
    ]);
}

#[test]
fn a_verb_that_changes_the_nouns_code_is_its_own_frame() {
    check(&[
        // offering talks is an intent (036), not talks (046)
        (
            "Oman pledged fresh talks with Yemen.",
            "OMN",
            "YEM",
            "036",
            "verbs/nouns.txt",
            "pledge talk with +",
        ),
        // withholding aid reduces it (162)
        (
            "Canada withheld assistance to Haiti.",
            "CAN",
            "HTI",
            "162",
            "verbs/nouns.txt",
            "withhold assistance to +",
        ),
        // rebuffing a proposal rejects it, and its maker is the target
        (
            "Chile rebuffed the proposal by Peru.",
            "CHL",
            "PER",
            "120",
            "verbs/nouns.txt",
            "rebuff proposal by +",
        ),
    ]);
}

#[test]
fn an_unknown_action_falls_back_to_its_roots_general_code() {
    check(&[
        (
            "Ghana agreed to synchronise with Togo.",
            "GHA",
            "TGO",
            "030",
            "verbs/03_intent.txt",
            "agree to * with +",
        ),
        (
            "Chile refused to deal with Peru.",
            "CHL",
            "PER",
            "120",
            "verbs/12_reject.txt",
            "refuse to * with +",
        ),
        // the inner verb is tested once, without its own fallbacks: a chain
        // of them codes the innermost one
        (
            "Ghana agreed to offer to synchronise with Togo.",
            "GHA",
            "TGO",
            "030",
            "verbs/03_intent.txt",
            "offer to * with +",
        ),
        (
            "Kenya threatened to move against Somalia.",
            "KEN",
            "SOM",
            "130",
            "verbs/13_threaten.txt",
            "threaten to * against +",
        ),
    ]);
}

#[test]
fn a_known_action_keeps_its_own_pattern_and_a_fallback_needs_a_target() {
    let rows = common::code_rows(
        &[
            "Iran threatened to attack Israel.",
            "Qatar offered to intercede with Iran.",
            "Ghana agreed to synchronise.",
        ],
        &[],
    );
    let codes = |k: usize| -> Vec<String> {
        rows[k]
            .iter()
            .map(|e| e["code"].as_str().unwrap().to_string())
            .collect()
    };
    // the attack's own threat code (138), not the general 130
    assert_eq!(codes(0), ["138"]);
    // mediation offered: the intent of mediating (039), not 030
    assert_eq!(codes(1), ["039"]);
    assert!(rows[2].is_empty(), "{:#?}", rows[2]);
}

#[test]
fn a_long_chain_of_embedded_actions_is_read_once() {
    // each fallback tests its inner verb without the inner verb's own
    // fallbacks: a chain is linear, not exponential, and codes the last link
    let sentence = format!(
        "Ghana {}promised to synchronise with Togo.",
        "agreed to offer to ".repeat(15)
    );
    let rows = common::code_rows(&[sentence.as_str()], &[]);
    let found: Vec<(&str, &str, &str)> = rows[0]
        .iter()
        .map(|e| {
            (
                e["source"].as_str().unwrap(),
                e["target"].as_str().unwrap(),
                e["code"].as_str().unwrap(),
            )
        })
        .collect();
    assert!(found.contains(&("GHA", "TGO", "030")), "{found:?}");
}

#[test]
fn a_pattern_word_that_is_also_an_amount_word_matches() {
    // "about" and "over" may stand free in a gap ("about 200 people"), but
    // are first the words of "optimism about" and "concern over"
    check(&[
        (
            "Japan expressed optimism about China.",
            "JPN",
            "CHN",
            "013",
            "verbs/01_statement.txt",
            "express optimism about +",
        ),
        (
            "Peru voiced concern over Chile.",
            "PER",
            "CHL",
            "012",
            "verbs/01_statement.txt",
            "voice concern over +",
        ),
    ]);
}

#[test]
fn a_users_event_noun_file_adds_nouns_and_bad_lines_name_their_place() {
    let dir = std::env::temp_dir().join(format!("casus-frames-{}", std::process::id()));
    let verbs = dir.join("verbs");
    std::fs::create_dir_all(&verbs).unwrap();
    std::fs::write(
        verbs.join("nouns_extra.txt"),
        "# a noun of our own, carried by a group of our own\n\
         group stage: stage\n\
         1712  sabotage | against | stage\n",
    )
    .unwrap();
    let d = dir.to_string_lossy().into_owned();
    let rows = common::code_rows(
        &["Libya staged a sabotage against Chad."],
        &["--dict", d.as_str()],
    );
    let e = rows[0]
        .iter()
        .find(|e| e["code"] == "1712")
        .unwrap_or_else(|| panic!("{:#?}", rows[0]));
    assert_eq!(e["target"], "TCD");
    let entry = e["evidence"]["entry"].as_str().unwrap();
    assert!(entry.ends_with("verbs/nouns_extra.txt:3"), "{entry}");

    std::fs::write(
        verbs.join("nouns_extra.txt"),
        "group stage: stage\n1712 sabotage | against | nosuch\n",
    )
    .unwrap();
    let out = casus(&["dict", "check", d.as_str()], "");
    let err =
        String::from_utf8_lossy(&out.stderr).into_owned() + &String::from_utf8_lossy(&out.stdout);
    assert!(!out.status.success());
    assert!(
        err.contains("verbs/nouns_extra.txt:2: unknown verb group `nosuch`"),
        "{err}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}
