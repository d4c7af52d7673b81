//! Integration tests of the event database: `casus ingest`, `recode`,
//! `query` and `export`, run as the real binary.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

fn casus() -> Command {
    Command::new(env!("CARGO_BIN_EXE_casus"))
}

fn repo(path: &str) -> String {
    let p: PathBuf = [env!("CARGO_MANIFEST_DIR"), "..", "..", path]
        .iter()
        .collect();
    p.to_string_lossy().into_owned()
}

fn run(args: &[&str]) -> Output {
    casus().args(args).output().expect("casus runs")
}

fn ok(out: &Output) -> String {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone()).unwrap()
}

/// Every row of every table, in a fixed order: two databases with equal
/// dumps hold the same data.
fn dump(db: &Path) -> Vec<String> {
    let conn = rusqlite::Connection::open(db).unwrap();
    let mut out = Vec::new();
    for table in ["meta", "documents", "sentences", "clusters", "events"] {
        let mut stmt = conn
            .prepare(&format!("SELECT * FROM {table} ORDER BY 1, 2"))
            .unwrap();
        let n = stmt.column_count();
        let rows = stmt
            .query_map([], |r| {
                let mut cells = Vec::new();
                for i in 0..n {
                    let v: rusqlite::types::Value = r.get(i)?;
                    cells.push(format!("{v:?}"));
                }
                Ok(format!("{table}: {}", cells.join(" | ")))
            })
            .unwrap();
        out.extend(rows.map(|r| r.unwrap()));
    }
    out
}

#[test]
fn ingest_the_examples_then_query_a_pair() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("casus.db");
    let db = db.to_str().unwrap();
    ok(&run(&[
        "ingest",
        &repo("examples/kyiv_air_defence.txt"),
        &repo("examples/articles.jsonl"),
        &repo("examples/border_pact.jsonl"),
        "--date",
        "2024-06-14",
        "--db",
        db,
    ]));
    let series = ok(&run(&[
        "query", "dyad", "--source", "ETH", "--target", "KEN", "--by", "day", "--db", db,
    ]));
    let lines: Vec<&str> = series.lines().collect();
    assert!(lines[0].starts_with("period"), "{series}");
    assert!(
        lines.iter().any(|l| l.starts_with("2024-03-12")),
        "{series}"
    );
    let json = ok(&run(&[
        "query", "dyad", "--source", "DEU", "--target", "UKR", "--format", "json", "--db", db,
    ]));
    let rows: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(rows[0]["period"], "2024-06");
    assert!(rows[0]["verbal_cooperation"].as_i64().unwrap() >= 1);
    // the events behind the number, with sentence and document
    let csv = ok(&run(&[
        "query",
        "events",
        "--source",
        "DEU",
        "--target",
        "UKR",
        "--directed",
        "--format",
        "csv",
        "--db",
        db,
    ]));
    assert!(csv
        .lines()
        .next()
        .unwrap()
        .starts_with("cluster,date,source"));
    assert!(csv.contains("Germany pledged three more Patriot"), "{csv}");
    let top = ok(&run(&["query", "top-actors", "--db", db]));
    assert!(top.contains("ETH"));
}

#[test]
fn ingesting_the_same_input_twice_changes_no_table() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("twice.db");
    let d = db.to_str().unwrap();
    ok(&run(&[
        "ingest",
        &repo("examples/border_pact.jsonl"),
        "--db",
        d,
    ]));
    let first = dump(&db);
    let out = run(&["ingest", &repo("examples/border_pact.jsonl"), "--db", d]);
    ok(&out);
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("stored 0 new documents (6 already stored)")
    );
    assert_eq!(first, dump(&db));
    assert!(first.iter().any(|r| r.starts_with("events:")));
}

#[test]
fn reports_of_one_event_are_one_stored_event() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("pact.db");
    ok(&run(&[
        "ingest",
        &repo("examples/border_pact.jsonl"),
        "--db",
        db.to_str().unwrap(),
    ]));
    let conn = rusqlite::Connection::open(&db).unwrap();
    let (mentions, documents): (i64, i64) = conn
        .query_row("SELECT mentions, documents FROM clusters WHERE source = 'ETH' AND target = 'KEN' AND code = '057'", [], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap();
    assert_eq!((mentions, documents), (5, 5), "five articles, one event");
    let n: i64 = conn
        .query_row(
            "SELECT COUNT(*) FROM clusters WHERE source = 'ETH' AND target = 'KEN'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(n, 1);
    // two different events on the same day between the same actors stay two
    let other: i64 = conn.query_row("SELECT COUNT(*) FROM clusters WHERE source = 'ETHMIL' AND target = 'ERI' AND date = '2024-03-12'", [], |r| r.get(0)).unwrap();
    assert_eq!(other, 2);
}

fn corpus(path: &Path, n: usize) {
    use std::io::Write;
    let mut f = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    let actors = [
        "Kenya", "Uganda", "Peru", "Chile", "France", "Italy", "Japan", "Vietnam",
    ];
    let verbs = [
        "condemned",
        "praised",
        "accused",
        "met",
        "criticised",
        "threatened",
    ];
    for i in 0..n {
        let a = actors[i % actors.len()];
        let b = actors[(i / 3 + 1) % actors.len()];
        let v = verbs[i % verbs.len()];
        let text = format!("{a} {v} {b} on Monday. Officials in {b} said talks with {a} would continue. Document number {i}.");
        let day = 1 + i % 28;
        writeln!(f, "{}", serde_json::json!({"id": format!("doc-{i}"), "date": format!("2023-05-{day:02}"), "text": text})).unwrap();
    }
}

#[test]
fn an_ingest_killed_midway_and_rerun_equals_an_uninterrupted_one() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("corpus.jsonl");
    corpus(&input, 40_000);
    let input = input.to_str().unwrap();
    // reference: one uninterrupted run
    let clean = dir.path().join("clean.db");
    ok(&run(&[
        "ingest",
        input,
        "--db",
        clean.to_str().unwrap(),
        "--threads",
        "1",
    ]));
    // interrupted: SIGKILL once some batches are committed, then rerun
    let killed = dir.path().join("killed.db");
    let mut child = casus()
        .args([
            "ingest",
            input,
            "--db",
            killed.to_str().unwrap(),
            "--threads",
            "1",
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let start = Instant::now();
    let mut seen = 0;
    while start.elapsed() < Duration::from_secs(60) {
        std::thread::sleep(Duration::from_millis(20));
        if let Ok(conn) = rusqlite::Connection::open(&killed) {
            seen = conn
                .query_row("SELECT COUNT(*) FROM documents", [], |r| r.get::<_, i64>(0))
                .unwrap_or(0);
        }
        if seen > 0 {
            break;
        }
    }
    child.kill().unwrap(); // SIGKILL on Unix
    let status = child.wait().unwrap();
    assert!(
        seen > 0,
        "the first run stored something before it was killed"
    );
    let partial: i64 = rusqlite::Connection::open(&killed)
        .unwrap()
        .query_row("SELECT COUNT(*) FROM documents", [], |r| r.get(0))
        .unwrap();
    assert!(
        !status.success() && partial < 40_000,
        "killed before the end ({partial} documents stored)"
    );
    ok(&run(&[
        "ingest",
        input,
        "--db",
        killed.to_str().unwrap(),
        "--threads",
        "2",
    ]));
    assert_eq!(dump(&clean), dump(&killed));
}

#[test]
fn gdelt_export_has_61_named_columns_and_parquet_reads_back() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("x.db");
    let d = db.to_str().unwrap();
    ok(&run(&[
        "ingest",
        &repo("examples/border_pact.jsonl"),
        &repo("examples/articles.jsonl"),
        "--db",
        d,
    ]));
    let tsv = ok(&run(&[
        "export", "--format", "gdelt", "--header", "--db", d,
    ]));
    let mut lines = tsv.lines();
    let header: Vec<&str> = lines.next().unwrap().split('\t').collect();
    assert_eq!(header.len(), 61);
    let col = |name: &str| header.iter().position(|h| *h == name).unwrap();
    let rows: Vec<Vec<&str>> = lines.map(|l| l.split('\t').collect()).collect();
    assert!(!rows.is_empty());
    assert!(rows.iter().all(|r| r.len() == 61));
    let pact = rows
        .iter()
        .find(|r| r[col("Actor1Code")] == "ETH" && r[col("EventCode")] == "057")
        .unwrap();
    assert_eq!(pact[col("SQLDATE")], "20240312");
    assert_eq!(pact[col("NumMentions")], "5");
    assert_eq!(pact[col("QuadClass")], "1");
    assert!(pact[col("SOURCEURL")].starts_with("https://news.example/"));
    // without --header the file is GDELT's own layout: rows only
    let plain = ok(&run(&["export", "--format", "gdelt", "--db", d]));
    assert_eq!(plain.lines().count(), rows.len());
    // Parquet: same number of rows
    let pq = dir.path().join("events.parquet");
    ok(&run(&[
        "export",
        "--format",
        "parquet",
        "--out",
        pq.to_str().unwrap(),
        "--db",
        d,
    ]));
    use parquet::file::reader::{FileReader, SerializedFileReader};
    let reader = SerializedFileReader::new(std::fs::File::open(&pq).unwrap()).unwrap();
    assert_eq!(
        reader.metadata().file_metadata().num_rows() as usize,
        rows.len()
    );
    let csv = ok(&run(&["export", "--format", "csv", "--db", d]));
    assert_eq!(csv.lines().count(), rows.len() + 1);
    let jsonl = ok(&run(&["export", "--format", "jsonl", "--db", d]));
    assert_eq!(jsonl.lines().count(), rows.len());
}

#[test]
fn recode_after_a_dictionary_change_records_the_new_version() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("r.db");
    let d = db.to_str().unwrap();
    ok(&run(&[
        "ingest",
        &repo("examples/border_pact.jsonl"),
        "--db",
        d,
    ]));
    let conn = rusqlite::Connection::open(&db).unwrap();
    let v1: String = conn
        .query_row("SELECT DISTINCT dict_version FROM events", [], |r| r.get(0))
        .unwrap();
    // a user dictionary that adds a pattern changes the version
    let extra = dir.path().join("dict/verbs");
    std::fs::create_dir_all(&extra).unwrap();
    std::fs::write(extra.join("more.txt"), "0234  beseech + for peacekeeper\n").unwrap();
    let out = run(&[
        "recode",
        "--db",
        d,
        "--dict",
        dir.path().join("dict").to_str().unwrap(),
    ]);
    ok(&out);
    assert!(String::from_utf8_lossy(&out.stderr).contains("recoded 6 documents"));
    let versions: Vec<String> = {
        let mut s = conn
            .prepare("SELECT DISTINCT dict_version FROM events")
            .unwrap();
        let r = s.query_map([], |r| r.get(0)).unwrap();
        r.map(|x| x.unwrap()).collect()
    };
    assert_eq!(versions.len(), 1);
    assert_ne!(versions[0], v1);
}
