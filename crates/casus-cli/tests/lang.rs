//! Integration tests: the language folder (`dict/lang/en/`) is data that a
//! user's `--dict` copy extends, and its errors name file and line.

use serde_json::Value;
use std::process::{Command, Output};

fn code(dir: Option<&std::path::Path>, text: &str) -> Output {
    let input = tempfile::NamedTempFile::with_suffix(".txt").unwrap();
    std::fs::write(input.path(), text).unwrap();
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_casus"));
    cmd.arg("code");
    if let Some(d) = dir {
        cmd.arg("--dict").arg(d);
    }
    cmd.args(["--date", "2024-06-14"])
        .arg(input.path())
        .output()
        .expect("casus runs")
}

fn dates(out: &Output) -> Vec<String> {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| {
            let e: Value = serde_json::from_str(l).unwrap();
            e["date"].as_str().unwrap_or_default().to_string()
        })
        .collect()
}

#[test]
fn a_user_relative_date_dates_events_and_a_bad_line_is_named() {
    let text = "Kenya condemned Uganda last weekend.";
    // built in, "last weekend" is a time expression with no date of its own
    assert_eq!(dates(&code(None, text)), ["2024-06-14"]);
    let dir = tempfile::tempdir().unwrap();
    let lang = dir.path().join("lang").join("en");
    std::fs::create_dir_all(&lang).unwrap();
    let file = lang.join("relative_dates.txt");
    std::fs::write(&file, "# mine\nlast weekend  -1 week\n").unwrap();
    assert_eq!(dates(&code(Some(dir.path()), text)), ["2024-06-07"]);
    // the built-in phrases are kept
    assert_eq!(
        dates(&code(Some(dir.path()), "Kenya condemned Uganda yesterday.")),
        ["2024-06-13"]
    );
    std::fs::write(&file, "last weekend  -1 fortnight\n").unwrap();
    let out = code(Some(dir.path()), text);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("relative_dates.txt:1:"), "{err}");
    assert!(err.contains("the unit is one of"), "{err}");
}
