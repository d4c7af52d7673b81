//! `casus dict import`: the real binary converts small TABARI and PETRARCH-2
//! files written for these tests, the folder it writes loads with `--dict`,
//! and the report names every entry left out by file and line.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn casus(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_casus"))
        .args(args)
        .output()
        .expect("casus runs")
}

fn fixture(rel: &str) -> String {
    let p: PathBuf = [
        env!("CARGO_MANIFEST_DIR"),
        "tests",
        "fixtures",
        "import",
        rel,
    ]
    .iter()
    .collect();
    p.to_string_lossy().into_owned()
}

fn text(out: &[u8]) -> String {
    String::from_utf8_lossy(out).into_owned()
}

fn import(args: &[&str], dir: &Path) -> Output {
    let mut all = vec!["dict", "import"];
    all.extend_from_slice(args);
    let d = dir.to_str().unwrap();
    all.extend_from_slice(&["-o", d]);
    casus(&all)
}

fn code(dir: &Path, sentence: &str, date: &str) -> Vec<Value> {
    let input = dir.parent().unwrap().join("input.txt");
    std::fs::write(&input, sentence).unwrap();
    let out = casus(&[
        "code",
        input.to_str().unwrap(),
        "--date",
        date,
        "--dict",
        dir.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    text(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn petrarch_files_import_into_a_folder_that_codes_alone() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("dict");
    let files = [
        "petrarch/Fixture.actors.txt",
        "petrarch/Fixture.agents.txt",
        "petrarch/Fixture.verbs.txt",
        "petrarch/Fixture.discards.txt",
    ]
    .map(fixture);
    let mut args: Vec<&str> = files.iter().map(String::as_str).collect();
    args.push("--replace-builtin");
    let out = import(&args, &dir);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let summary = text(&out.stdout);
    assert!(summary.contains("entries read"), "{summary}");

    let check = casus(&["dict", "check", dir.to_str().unwrap()]);
    assert!(
        check.status.success(),
        "{}{}",
        text(&check.stdout),
        text(&check.stderr)
    );

    // The imported pattern, synset expanded, codes the imported actors; the
    // built-in verbs are replaced, so the entry is the imported file's.
    let events = code(&dir, "Freedonia accused Sylvania of spying.", "2020-05-01");
    let e = events
        .iter()
        .find(|e| e["code"] == "1125")
        .unwrap_or_else(|| panic!("{events:?}"));
    assert_eq!(e["source"], "FRD");
    assert_eq!(e["target"], "SYL");
    assert!(
        e["evidence"]["entry"]
            .as_str()
            .unwrap()
            .contains("verbs/imported_"),
        "{e}"
    );

    // A dated code holds in its range; the undated one outside it.
    let in_office = code(
        &dir,
        "Firefly denounced Sylvania of espionage.",
        "1935-03-01",
    );
    assert!(
        in_office.iter().any(|e| e["source"] == "FRDGOV"),
        "{in_office:?}"
    );
    let before = code(
        &dir,
        "Firefly denounced Sylvania of espionage.",
        "1920-03-01",
    );
    assert!(before.iter().any(|e| e["source"] == "FRDELI"), "{before:?}");

    // An imported discard keeps a sentence from being coded.
    let discarded = code(
        &dir,
        "Freedonia accused Sylvania of spying at the croquet tournament.",
        "2020-05-01",
    );
    assert!(discarded.is_empty(), "{discarded:?}");

    let report = std::fs::read_to_string(dir.join("import-report.txt")).unwrap();
    for want in [
        "Fixture.actors.txt:10: `330101-331399` is not a date range",
        "Fixture.agents.txt:5: agent code `~IGOGOV` has two roles",
        "Fixture.verbs.txt:12: words before the verb",
        "Fixture.verbs.txt:13: code `:173` codes only target-to-source",
        "Fixture.discards.txt:3: story-level discard",
    ] {
        assert!(report.contains(want), "missing {want:?} in\n{report}");
    }
}

#[test]
fn tabari_files_import_with_stems_synsets_and_options_reported() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("dict");
    let files = [
        "tabari/fixture.verbs",
        "tabari/fixture.actors",
        "tabari/fixture.options",
    ]
    .map(fixture);
    let mut args: Vec<&str> = vec!["--from", "tabari"];
    args.extend(files.iter().map(String::as_str));
    let out = import(&args, &dir);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let verbs = std::fs::read_to_string(dir.join("verbs/imported_fixture.txt")).unwrap();
    // the root ACCUS is written in base form, the synset expanded
    assert!(verbs.contains("1125\taccuse + of espionage"), "{verbs}");
    let check = casus(&["dict", "check", dir.to_str().unwrap()]);
    assert!(check.status.success(), "{}", text(&check.stdout));
    let report = std::fs::read_to_string(dir.join("import-report.txt")).unwrap();
    assert!(
        report.contains("fixture.verbs:7: words before the verb"),
        "{report}"
    );
    assert!(
        report.contains("fixture.options:2: coder option"),
        "{report}"
    );
    // a label for a code casus knows is not a loss
    assert!(!report.contains("fixture.options:3"), "{report}");
}

#[test]
fn bad_arguments_are_one_clear_error() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("dict");
    let out = import(&["--from", "kedsx", &fixture("tabari/fixture.verbs")], &dir);
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("--from `kedsx`"),
        "{}",
        text(&out.stderr)
    );

    // an occupied folder is refused unless --force
    let out = import(&[&fixture("tabari/fixture.verbs")], &dir);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let out = import(&[&fixture("tabari/fixture.verbs")], &dir);
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("is not empty"),
        "{}",
        text(&out.stderr)
    );
    let out = import(&["--force", &fixture("tabari/fixture.verbs")], &dir);
    assert!(out.status.success(), "{}", text(&out.stderr));

    let dir = tmp.path().join("dict2");
    let notes = tmp.path().join("notes.txt");
    std::fs::write(&notes, "just some prose\n").unwrap();
    let out = import(&[notes.to_str().unwrap()], &dir);
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("notes.txt: cannot tell what kind"),
        "{}",
        text(&out.stderr)
    );
}
