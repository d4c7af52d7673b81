//! Helpers shared by the integration tests that run the real binary.

use std::io::Write;
use std::process::{Command, Output, Stdio};

/// Runs `casus` with `args`, writing `stdin` to its standard input.
pub fn casus_with_stdin(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_casus"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("casus runs");
    child
        .stdin
        .take()
        .expect("stdin is piped")
        .write_all(stdin)
        .expect("casus reads its input");
    child.wait_with_output().expect("casus finishes")
}

/// Codes each sentence as its own JSONL document (id = its index), with
/// `extra` arguments after `casus code`; returns the events of each row.
// Not every test binary that includes this module codes tables.
#[allow(dead_code)]
pub fn code_rows(sentences: &[&str], extra: &[&str]) -> Vec<Vec<serde_json::Value>> {
    let input: String = sentences
        .iter()
        .enumerate()
        .map(|(i, s)| serde_json::json!({"id": i.to_string(), "text": s}).to_string() + "\n")
        .collect();
    let mut args = vec!["code", "--input-format", "jsonl"];
    args.extend_from_slice(extra);
    let out = casus_with_stdin(&args, input.as_bytes());
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut rows = vec![Vec::new(); sentences.len()];
    for line in String::from_utf8(out.stdout).unwrap().lines() {
        let e: serde_json::Value = serde_json::from_str(line).unwrap();
        let id: usize = e["doc_id"].as_str().unwrap().parse().unwrap();
        rows[id].push(e);
    }
    rows
}

/// Codes `text` as one document with `extra` arguments after `casus code`;
/// returns (source, target, code, modality, evidence entry) of each event,
/// sorted.
// Not every test binary that includes this module reads events this way.
#[allow(dead_code)]
pub fn event_summaries(
    extra: &[&str],
    text: &str,
) -> Vec<(String, String, String, String, String)> {
    let mut args = vec!["code"];
    args.extend_from_slice(extra);
    let out = casus_with_stdin(&args, text.as_bytes());
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut v: Vec<_> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|line| {
            let e: serde_json::Value = serde_json::from_str(line).unwrap();
            let s = |v: &serde_json::Value| v.as_str().unwrap_or_default().to_string();
            (
                s(&e["source"]),
                s(&e["target"]),
                s(&e["code"]),
                s(&e["modality"]),
                s(&e["evidence"]["entry"]),
            )
        })
        .collect();
    v.sort();
    v
}

/// One row of a pattern table: (sentence, source, target, code, pattern
/// of the evidence, modality).
pub type PatternRow<'a> = (&'a str, &'a str, &'a str, &'a str, &'a str, &'a str);

/// Codes every row's sentence and checks that it gives an event with the
/// row's code from the row's source, aimed at the row's target, matched by
/// the row's pattern, with the row's modality.
// Not every test binary that includes this module codes pattern tables.
#[allow(dead_code)]
pub fn check_pattern_rows(table: &[PatternRow]) {
    let sentences: Vec<&str> = table.iter().map(|r| r.0).collect();
    let rows = code_rows(&sentences, &[]);
    for ((sentence, source, target, code, pattern, modality), events) in table.iter().zip(rows) {
        let e = event_from(sentence, &events, code, source);
        assert_eq!(e["target"], *target, "`{sentence}`");
        assert_eq!(e["evidence"]["pattern"], *pattern, "`{sentence}`");
        assert_eq!(e["modality"], *modality, "`{sentence}`");
    }
}

/// The event of `sentence` with `code` from `source`; a missing one fails
/// the test with every event the sentence gave.
#[allow(dead_code)]
pub fn event_from<'a>(
    sentence: &str,
    events: &'a [serde_json::Value],
    code: &str,
    source: &str,
) -> &'a serde_json::Value {
    events
        .iter()
        .find(|e| e["code"] == *code && e["source"] == *source)
        .unwrap_or_else(|| panic!("`{sentence}`: no {code} event from {source} in {events:#?}"))
}

/// (sentence, source, target, code)
pub type TargetRow<'a> = (&'a str, &'a str, &'a str, &'a str);

/// Each sentence gives an event of `code` from `source`, aimed at `target`.
#[allow(dead_code)]
pub fn check_target_rows(table: &[TargetRow]) {
    let sentences: Vec<&str> = table.iter().map(|r| r.0).collect();
    let rows = code_rows(&sentences, &[]);
    for ((sentence, source, target, code), events) in table.iter().zip(rows) {
        let e = event_from(sentence, &events, code, source);
        assert_eq!(e["target"], *target, "`{sentence}`");
    }
}

/// Each sentence (first field) gives an event from `source` (second) to
/// `target` (third) whose code starts with the prefix (fourth): a family
/// of codes, where the rule under test decides the parties, not the
/// subtype.
#[allow(dead_code)]
pub fn check_prefix_rows(table: &[TargetRow]) {
    let sentences: Vec<&str> = table.iter().map(|r| r.0).collect();
    let rows = code_rows(&sentences, &[]);
    for ((sentence, source, target, prefix), events) in table.iter().zip(rows) {
        let found = events.iter().any(|e| {
            e["source"] == *source
                && e["target"] == *target
                && e["code"].as_str().unwrap_or_default().starts_with(prefix)
        });
        assert!(
            found,
            "`{sentence}`: no {prefix}x event {source} -> {target} in {events:#?}"
        );
    }
}

/// (source, target, code) of an event.
#[allow(dead_code)]
pub type Triple<'a> = (&'a str, &'a str, &'a str);

/// Codes each text as one document and compares its sorted (source,
/// target, code) triples with the table's.
#[allow(dead_code)]
pub fn check_triples(table: &[(&str, &[Triple])]) {
    for (text, want) in table {
        let mut got: Vec<(String, String, String)> = event_summaries(&[], text)
            .into_iter()
            .map(|(s, t, c, _, _)| (s, t, c))
            .collect();
        got.sort();
        let mut want: Vec<(String, String, String)> = want
            .iter()
            .map(|(s, t, c)| (s.to_string(), t.to_string(), c.to_string()))
            .collect();
        want.sort();
        assert_eq!(got, want, "{text}");
    }
}
