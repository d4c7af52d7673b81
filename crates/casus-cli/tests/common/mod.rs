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
