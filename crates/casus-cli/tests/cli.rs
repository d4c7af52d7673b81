//! Integration tests: run the real `casus` binary on fixtures.

use serde_json::Value;
use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

fn casus() -> Command {
    Command::new(env!("CARGO_BIN_EXE_casus"))
}

fn fixture(name: &str) -> String {
    let p: PathBuf = [env!("CARGO_MANIFEST_DIR"), "tests", "fixtures", name]
        .iter()
        .collect();
    p.to_string_lossy().into_owned()
}

fn run(args: &[&str]) -> Output {
    casus().args(args).output().expect("casus runs")
}

fn run_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = casus()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("casus runs");
    // casus may exit before reading its input (a usage error): a closed
    // pipe then is not a failure of the test.
    if let Err(e) = child.stdin.take().unwrap().write_all(input) {
        assert_eq!(e.kind(), std::io::ErrorKind::BrokenPipe, "{e}");
    }
    child.wait_with_output().unwrap()
}

fn events(out: &Output) -> Vec<Value> {
    String::from_utf8(out.stdout.clone())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON: {l}: {e}")))
        .collect()
}

fn has(events: &[Value], source: &str, target: &str, code: &str, modality: &str) -> bool {
    events.iter().any(|e| {
        e["source"] == source
            && e["target"] == target
            && e["code"] == code
            && e["modality"] == modality
    })
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn codes_a_text_article_into_well_formed_records() {
    let out = run(&["code", &fixture("article.txt"), "--date", "2024-06-14"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let evs = events(&out);
    assert!(has(&evs, "DEU", "UKR", "0332", "asserted"), "{evs:?}");
    assert!(has(&evs, "RUSGOV", "DEUGOV", "111", "asserted"), "{evs:?}");
    assert!(
        has(&evs, "CHNMIL", "RUSMIL", "062", "asserted")
            || has(&evs, "CHNMIL", "RUSMIL", "0622", "asserted")
            || evs.iter().any(|e| e["source"] == "CHNMIL"),
        "{evs:?}"
    );
    assert!(has(&evs, "CHNGOV", "LTU", "163", "hypothetical"), "{evs:?}");
    let text = std::fs::read_to_string(fixture("article.txt")).unwrap();
    for e in &evs {
        for field in [
            "doc_id",
            "sentence_index",
            "date",
            "source",
            "target",
            "source_text",
            "target_text",
            "code",
            "root",
            "quad_class",
            "goldstein",
            "plover_type",
            "modality",
            "attribution",
            "evidence",
        ] {
            assert!(e.get(field).is_some(), "missing {field} in {e}");
        }
        assert_eq!(e["doc_id"], "article");
        assert_eq!(e["document_date"], "2024-06-14");
        // evidence spans point at the text they claim
        let span = |k: &str| -> String {
            let s = &e["evidence"][k];
            text[s[0].as_u64().unwrap() as usize..s[1].as_u64().unwrap() as usize].to_string()
        };
        assert_eq!(span("source"), e["source_text"].as_str().unwrap());
        assert_eq!(span("target"), e["target_text"].as_str().unwrap());
        assert!(e["evidence"]["entry"]
            .as_str()
            .unwrap()
            .starts_with("verbs/"));
    }
    // "on Thursday" in a Friday article anchors the event the day before
    let pledge = evs.iter().find(|e| e["code"] == "0332").unwrap();
    assert_eq!(pledge["date"], "2024-06-13");
    // the headline and the dateline carry no event of their own
    assert!(evs.iter().all(|e| e["sentence_index"] != 0), "{evs:?}");
}

#[test]
fn reads_text_and_jsonl_from_standard_input() {
    let out = run_stdin(
        &["code", "-", "--date", "2022-02-24"],
        b"Russian troops attacked Ukraine on Thursday.",
    );
    assert!(out.status.success());
    assert!(has(&events(&out), "RUSMIL", "UKR", "190", "asserted"));
    let out = run_stdin(&["code"], b"{\"id\": \"x\", \"date\": \"2022-02-24\", \"text\": \"Russian troops attacked Ukraine.\"}\n");
    assert!(out.status.success());
    let evs = events(&out);
    assert_eq!(evs[0]["doc_id"], "x");
}

#[test]
fn tsv_output_has_a_header_and_fixed_columns() {
    let out = run(&["code", &fixture("article.txt"), "--format", "tsv"]);
    let text = String::from_utf8(out.stdout).unwrap();
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap().split('\t').collect();
    assert_eq!(
        header[..6],
        [
            "doc_id",
            "sentence_index",
            "date",
            "document_date",
            "source",
            "target"
        ]
    );
    let rows: Vec<&str> = lines.collect();
    assert!(!rows.is_empty());
    assert!(rows.iter().all(|r| r.split('\t').count() == header.len()));
}

#[test]
fn explain_shows_actors_patterns_and_decisions() {
    let out = run(&["code", &fixture("article.txt"), "--explain"]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("mention  Germany => DEU"), "{text}");
    assert!(text.contains("predicate `"), "{text}");
    assert!(text.contains("EVENT    DEU -> UKR 0332"), "{text}");
    assert!(text.contains("hypothetical"), "{text}");
}

#[test]
fn explain_shows_tags_arcs_and_the_stage_of_each_decision() {
    let text = "Kenya condemned Uganda on Monday. Ferries crossed the lake at dawn.\n\n\
                Kenya attacked Uganda in the tournament semifinal.";
    let out = run_stdin(
        &["code", "--explain", "--date", "2021-03-02"],
        text.as_bytes(),
    );
    let text = String::from_utf8(out.stdout).unwrap();
    // the first sentence has an actor and an event word: tagged and parsed
    assert!(text.contains("sentence 0 [0..33] (parsed)"), "{text}");
    let verb = text
        .lines()
        .find(|l| l.split_whitespace().take(3).eq(["token", "2", "condemned"]))
        .unwrap_or_else(|| panic!("no token line for the verb: {text}"));
    assert!(verb.contains("VERB") && verb.contains("root"), "{verb}");
    let subject = text
        .lines()
        .find(|l| l.split_whitespace().take(3).eq(["token", "1", "Kenya"]))
        .unwrap();
    assert!(
        subject.contains("nsubj") && subject.contains("<- 2 condemned"),
        "{subject}"
    );
    // no actor: not sent to the parser, so no token lines
    assert!(!text.contains("Ferries          "), "{text}");
    assert!(text.contains("predicate `condemn"), "{text}");
    assert!(text.contains("EVENT    KEN -> UGA 111"), "{text}");
    // a decision names its stage
    assert!(
        text.contains("[screen] not coded: sports cue `tournament`"),
        "{text}"
    );
    assert!(!text.contains("KEN -> UGA 190"), "{text}");
}

#[test]
fn bad_jsonl_lines_are_reported_and_the_rest_is_coded() {
    let out = run(&["code", &fixture("docs.jsonl")]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "problems make the exit status 1"
    );
    let err = stderr(&out);
    assert!(err.contains("docs.jsonl:2: not a JSON object"), "{err}");
    assert!(
        err.contains("docs.jsonl:3: record has no `text` field"),
        "{err}"
    );
    let evs = events(&out);
    assert!(has(&evs, "RUSGOV", "CHNGOV", "043", "asserted"), "{evs:?}");
    assert!(has(&evs, "RUSMIL", "UKR", "190", "asserted"), "{evs:?}");
}

#[test]
fn invalid_utf8_empty_and_binary_files_are_named_and_skipped() {
    let out = run(&[
        "code",
        &fixture("invalid_utf8.txt"),
        &fixture("empty.txt"),
        &fixture("binary.txt"),
        &fixture("article.txt"),
        "--date",
        "2024-06-14",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("invalid_utf8.txt:1: not valid UTF-8"), "{err}");
    assert!(err.contains("empty.txt: empty input"), "{err}");
    assert!(err.contains("binary.txt: binary data"), "{err}");
    assert!(err.contains("missing.txt").eq(&false));
    assert!(has(&events(&out), "DEU", "UKR", "0332", "asserted"));
    let out = run(&["code", "no/such/file.txt"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("no/such/file.txt: cannot open"));
}

#[test]
fn a_ten_megabyte_line_is_handled_and_the_next_line_is_coded() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.jsonl");
    let mut f = std::fs::File::create(&path).unwrap();
    let filler = "Talks went on and on without end ".repeat(10 * 1024 * 1024 / 33);
    writeln!(f, "{}", serde_json::json!({"id": "huge", "text": filler})).unwrap();
    writeln!(f, "{}", serde_json::json!({"id": "small", "date": "2022-02-24", "text": "Russian troops attacked Ukraine."})).unwrap();
    drop(f);
    assert!(std::fs::metadata(&path).unwrap().len() > 10_000_000);
    let out = run(&["code", path.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let evs = events(&out);
    assert!(evs
        .iter()
        .any(|e| e["doc_id"] == "small" && e["code"] == "190"));
}

#[test]
fn bad_dates_are_clear_errors() {
    let out = run(&["code", &fixture("article.txt"), "--date", "next tuesday"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("--date `next tuesday`"), "{err}");
}

#[test]
fn dict_check_reports_every_error_with_file_and_line() {
    let out = run(&["dict", "check", &fixture("dict_broken")]);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("extra.txt:3: `999` is not a CAMEO event code"),
        "{text}"
    );
    assert!(
        text.contains("extra.txt:4: `Visit` is not a lower-case pattern word"),
        "{text}"
    );
    assert!(text.contains("notes.txt: not a dictionary file"), "{text}");
    // the built-in dictionaries are valid
    let out = run(&["dict", "check"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    // coding with a broken dictionary fails in one line naming the place
    let out = run_stdin(&["code", "--dict", &fixture("dict_broken")], b"x");
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("3 dictionary errors") && stderr(&out).contains("dict_broken"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_user_actor_code_table_is_refused_in_one_line_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("actors")).unwrap();
    std::fs::write(
        dir.path().join("actors/codes.txt"),
        "[transnational]\nprefix: IGO\n",
    )
    .unwrap();
    let out = run_stdin(
        &["code", "--dict", dir.path().to_str().unwrap()],
        b"Chad protested to Niger.",
    );
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("actors/codes.txt: the actor-code table is built in"),
        "{err}"
    );
}

#[test]
fn user_dictionaries_add_patterns_and_replace_files() {
    let input = b"France beseeched Germany for peacekeepers. Russia attacked Ukraine.";
    let out = run_stdin(
        &[
            "code",
            "--dict",
            &fixture("dict_extra"),
            "--date",
            "2020-01-01",
        ],
        input,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let evs = events(&out);
    assert!(has(&evs, "FRA", "DEU", "0234", "asserted"), "{evs:?}");
    assert!(
        evs.iter().all(|e| e["source"] != "RUS"),
        "the replaced country list no longer knows Russia: {evs:?}"
    );
}

#[test]
fn dict_stats_meets_the_coverage_floor() {
    let out = run(&["dict", "stats", "--json"]);
    assert!(out.status.success());
    let s: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(s["states"].as_u64().unwrap() >= 190);
    assert!(s["organizations"].as_u64().unwrap() >= 60);
    assert!(s["groups"].as_u64().unwrap() >= 40);
    assert!(s["persons"].as_u64().unwrap() >= 200);
    assert!(s["verb_patterns"].as_u64().unwrap() >= 800);
    let roots: Vec<String> = s["patterns_by_root"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r[0].as_str().unwrap().to_string())
        .collect();
    for r in 1..=20 {
        assert!(
            roots.contains(&format!("{r:02}")),
            "root {r:02} has no pattern"
        );
    }
}

#[test]
fn eval_scores_a_suite_strictly() {
    let out = run(&["eval", &fixture("suite.jsonl"), "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let s: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(s["overall"]["items"], 3);
    assert_eq!(s["overall"]["true_positives"], 2);
    assert_eq!(s["overall"]["false_positives"], 0);
    assert_eq!(s["overall"]["modality_accuracy"], 1.0);
    assert_eq!(s["by_phenomenon"]["negation"]["true_positives"], 1);
    assert_eq!(s["no_event_items_with_events"].as_array().unwrap().len(), 0);
    let out = run(&["eval", &fixture("suite.jsonl"), "--errors"]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("F1 1.000"), "{text}");
}

#[test]
fn output_is_identical_for_one_and_several_threads() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("many.jsonl");
    let mut f = std::fs::File::create(&path).unwrap();
    // more documents than one batch, with a bad line in the middle
    for i in 0..2500 {
        if i == 1234 {
            writeln!(f, "not json").unwrap();
        }
        let text = format!("Kenya condemned Uganda on day {i}. Russian troops attacked Ukraine. Peru and Chile held talks.");
        writeln!(
            f,
            "{}",
            serde_json::json!({"id": format!("d{i}"), "date": "2022-03-01", "text": text})
        )
        .unwrap();
    }
    drop(f);
    let p = path.to_str().unwrap();
    let one = run(&["code", p, "--threads", "1"]);
    let four = run(&["code", p, "--threads", "4"]);
    assert_eq!(one.status.code(), Some(1));
    assert_eq!(one.stdout, four.stdout);
    assert_eq!(stderr(&one), stderr(&four));
    assert!(stderr(&one).contains("many.jsonl:1235: not a JSON object"));
    let evs = events(&one);
    assert_eq!(evs.len(), 2500 * 4);
    assert_eq!(evs[0]["doc_id"], "d0");
    assert_eq!(evs.last().unwrap()["doc_id"], "d2499");
}

#[test]
fn bench_reports_throughput_and_checks_determinism() {
    // run where no shared corpus exists: the bench generates its own
    let dir = tempfile::tempdir().unwrap();
    let out = casus()
        .args(["bench", "--runs", "1", "--json"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let r: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(r["corpus"].as_str().unwrap().starts_with("generated"));
    assert_eq!(r["documents"], 5000);
    assert_eq!(r["identical_output"], true);
    assert!(r["events"].as_u64().unwrap() > 5000);
    assert!(r["dictionary_load_ms"].as_f64().unwrap() > 0.0);
    let runs = r["runs"].as_array().unwrap();
    assert!(runs[0]["threads"] == 1 && runs[0]["text_mb_per_second"].as_f64().unwrap() > 0.0);
}

#[test]
fn a_json_string_line_with_non_ascii_text_is_one_problem_not_a_crash() {
    let bad = format!("\"a{}\"\n", "é".repeat(60));
    let good = r#"{"id": "g", "text": "The police arrested a protester in Paris.", "date": "2024-06-14T10:00:00Z"}"#;
    let input = format!("{bad}{good}\n");
    let out = run_stdin(&["code", "--input-format", "jsonl"], input.as_bytes());
    let err = stderr(&out);
    assert!(!err.contains("panicked"), "{err}");
    assert!(err.contains("<stdin>:1: not a JSON object"), "{err}");
    assert!(err.contains("1 documents"), "{err}");
    assert!(
        !err.contains("<stdin>:2"),
        "the timestamp date is accepted: {err}"
    );
}

#[test]
fn thread_counts_out_of_range_are_usage_errors() {
    for n in ["0", "5000"] {
        let out = run_stdin(&["code", "--threads", n], b"x");
        assert_eq!(out.status.code(), Some(2), "--threads {n}");
        assert!(stderr(&out).contains("1..=256"), "{}", stderr(&out));
    }
}

#[test]
fn html_on_standard_input_is_extracted_not_coded_as_text() {
    let page = b"<!DOCTYPE html><html><head><title>Port news</title>\
        <script>var police = 'arrested';</script></head><body>\
        <nav>Sidebar: Police arrested everyone in Berlin</nav>\
        <article><p>The talks in Geneva ended on Monday, officials said.</p></article>\
        </body></html>";
    let out = run_stdin(&["code", "--explain"], page);
    let all = format!("{}{}", String::from_utf8_lossy(&out.stdout), stderr(&out));
    assert!(!all.contains("var police"), "{all}");
    assert!(!all.contains("<article>"), "{all}");
}

#[test]
fn export_into_a_closed_pipe_ends_quietly_with_success() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let db = db.to_str().unwrap();
    let lines: String = (0..1500)
        .map(|i| {
            let date = format!("20{:02}-{:02}-{:02}", 10 + i % 15, 1 + i % 12, 1 + i % 28);
            let text = format!("Russian troops attacked Ukraine near village {i}.");
            format!(
                "{}\n",
                serde_json::json!({"id": format!("d{i}"), "date": date, "text": text})
            )
        })
        .collect();
    let out = run_stdin(
        &["ingest", "--db", db, "--input-format", "jsonl"],
        lines.as_bytes(),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    for format in ["jsonl", "csv", "gdelt"] {
        let mut child = casus()
            .args(["export", "--db", db, "--format", format])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut stdout = child.stdout.take().unwrap();
        let mut first = [0u8; 16];
        std::io::Read::read_exact(&mut stdout, &mut first).unwrap();
        drop(stdout);
        let out = child.wait_with_output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{format}: {}", stderr(&out));
        assert!(!stderr(&out).contains("Broken pipe"), "{format}");
    }
}
