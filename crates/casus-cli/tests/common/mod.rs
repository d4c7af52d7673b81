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
