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
        // the ingest time (GDELT's DATEADDED) is when a run stored the
        // document, so it differs between runs by design
        let keep: Vec<bool> = (0..n)
            .map(|i| stmt.column_name(i).unwrap() != "added")
            .collect();
        let rows = stmt
            .query_map([], |r| {
                let mut cells = Vec::new();
                for i in (0..n).filter(|&i| keep[i]) {
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
        .starts_with("doc_id,sentence_index,date,document_date,source"));
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

fn warc_record(kind: &str, uri: &str, payload: &[u8], declared_len: Option<usize>) -> Vec<u8> {
    let len = declared_len.unwrap_or(payload.len());
    let mut r = format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:{:08x}-0000-0000-0000-000000000000>\r\nWARC-Date: 2024-06-14T10:00:00Z\r\nWARC-Target-URI: {uri}\r\nContent-Type: application/http; msgtype={kind}\r\nContent-Length: {len}\r\n\r\n",
        uri.len() * 7919 + payload.len()
    )
    .into_bytes();
    r.extend_from_slice(payload);
    r.extend_from_slice(b"\r\n\r\n");
    r
}

fn http_page(body: &str) -> Vec<u8> {
    format!("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\n\r\n{body}", body.len()).into_bytes()
}

fn article(headline: &str, text: &str) -> String {
    format!("<html><head><title>{headline}</title></head><body><nav>Home | World | Sport</nav><article><h1>{headline}</h1><p>{text}</p></article><footer>Copyright</footer></body></html>")
}

#[test]
fn damaged_web_inputs_are_counted_or_reported_and_the_rest_is_stored() {
    let dir = tempfile::tempdir().unwrap();
    let p = |name: &str| dir.path().join(name);
    // HTML pages: a good one, a malformed one, a Spanish one
    std::fs::write(p("good.html"), article("Kenya condemns Uganda", "Kenya condemned Uganda on Thursday over the border clashes, officials in Nairobi said. The two governments have traded accusations for weeks.")).unwrap();
    std::fs::write(p("broken.html"), "<html><body><div><p>Peru accused Chile of spying on Monday, the foreign ministry said in a statement<p>Talks were suspended <b>indefinitely<div><span>").unwrap();
    std::fs::write(p("spanish.html"), article("España y Francia", "El gobierno de España anunció el lunes que firmará un acuerdo con Francia sobre la energía, según informó el ministerio de asuntos exteriores en Madrid.")).unwrap();
    // a WARC file: info, a page, an image, a record with a wrong length, a page after it
    let page1 = http_page(&article("Japan protests", "Japan lodged a formal protest with China on Tuesday over the incident near the islands, the foreign ministry in Tokyo said."));
    let page2 = http_page(&article("Talks in Geneva", "Iran and Switzerland held talks in Geneva on Wednesday about the prisoner exchange, diplomats from both countries said."));
    let image = b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG....".to_vec();
    let mut warc = warc_record("warcinfo", "urn:casus:test", b"software: test\r\n", None);
    warc.extend(warc_record(
        "response",
        "https://news.example/japan",
        &page1,
        None,
    ));
    warc.extend(warc_record(
        "response",
        "https://news.example/logo.png",
        &image,
        None,
    ));
    warc.extend(warc_record(
        "response",
        "https://news.example/broken",
        &http_page(&article(
            "Cut",
            "A page whose record declares the wrong length.",
        )),
        Some(40),
    ));
    warc.extend(warc_record(
        "response",
        "https://news.example/geneva",
        &page2,
        None,
    ));
    std::fs::write(p("crawl.warc"), &warc).unwrap();
    // a truncated gzip WARC: the page in it is cut off mid-way
    let mut gz = flate2_like_gzip(&warc_record(
        "response",
        "https://news.example/cut",
        &page1,
        None,
    ));
    gz.truncate(gz.len() / 2);
    std::fs::write(p("cut.warc.gz"), &gz).unwrap();
    let db = p("web.db");
    let out = casus()
        .args(["ingest"])
        .args(
            [
                "good.html",
                "broken.html",
                "spanish.html",
                "crawl.warc",
                "cut.warc.gz",
            ]
            .map(|f| p(f).to_string_lossy().into_owned()),
        )
        .args(["--db", db.to_str().unwrap(), "--date", "2024-06-14"])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr).to_string();
    assert_eq!(
        out.status.code(),
        Some(1),
        "damage is reported in the exit status: {err}"
    );
    assert!(
        err.contains("cut.warc.gz"),
        "the truncated archive is named: {err}"
    );
    assert!(
        err.contains("crawl.warc"),
        "the record with a wrong length is named: {err}"
    );
    assert!(
        err.contains("non-English documents"),
        "the Spanish page is skipped and counted: {err}"
    );
    assert!(
        err.contains("WARC records"),
        "non-HTML records are skipped and counted: {err}"
    );
    let conn = rusqlite::Connection::open(&db).unwrap();
    let ids: Vec<String> = {
        let mut s = conn
            .prepare("SELECT COALESCE(url, ext_id) FROM documents ORDER BY id")
            .unwrap();
        let r = s.query_map([], |r| r.get(0)).unwrap();
        r.map(|x| x.unwrap()).collect()
    };
    assert!(ids.contains(&"good".to_string()), "{ids:?}");
    assert!(
        ids.contains(&"broken".to_string()),
        "malformed HTML still gives its text: {ids:?}"
    );
    assert!(!ids.iter().any(|i| i.contains("spanish")), "{ids:?}");
    assert!(
        ids.contains(&"https://news.example/japan".to_string()),
        "{ids:?}"
    );
    assert!(
        ids.contains(&"https://news.example/geneva".to_string()),
        "the record after the damaged one is still read: {ids:?}"
    );
    let events: i64 = conn
        .query_row("SELECT COUNT(*) FROM events", [], |r| r.get(0))
        .unwrap();
    assert!(events >= 3, "the stored pages were coded");
}

/// A gzip member, written by hand so the test needs no extra crate: the
/// DEFLATE "stored" block format wraps the bytes uncompressed.
fn flate2_like_gzip(data: &[u8]) -> Vec<u8> {
    let mut out = vec![0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 255];
    let mut chunks = data.chunks(65_535).peekable();
    if chunks.peek().is_none() {
        out.extend_from_slice(&[1, 0, 0, 0xff, 0xff]);
    }
    while let Some(chunk) = chunks.next() {
        let last = u8::from(chunks.peek().is_none());
        let len = chunk.len() as u16;
        out.push(last);
        out.extend_from_slice(&len.to_le_bytes());
        out.extend_from_slice(&(!len).to_le_bytes());
        out.extend_from_slice(chunk);
    }
    let crc = crc32(data);
    out.extend_from_slice(&crc.to_le_bytes());
    out.extend_from_slice(&(data.len() as u32).to_le_bytes());
    out
}

fn crc32(data: &[u8]) -> u32 {
    let mut crc = 0xffff_ffffu32;
    for &b in data {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 != 0 {
                (crc >> 1) ^ 0xedb8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// The data of a database without its row ids: documents by key, clusters
/// by their content, events by document key and content with their
/// cluster's content in place of its id. Two databases filled in different
/// orders compare equal when they hold the same data.
fn canonical(db: &Path) -> Vec<String> {
    let conn = rusqlite::Connection::open(db).unwrap();
    let mut out = Vec::new();
    let queries = [
        "SELECT 'doc', doc_key, ext_id, url, title, date, input, text, dict_version FROM documents",
        "SELECT 'sentence', d.doc_key, s.idx, s.start, s.end, s.text FROM sentences s JOIN documents d ON d.id = s.doc_id",
        "SELECT 'cluster', date, source, target, code, root, quad_class, goldstein, plover, modality, pattern, location, mentions, documents FROM clusters",
        "SELECT 'event', d.doc_key, e.sentence_idx, e.date, e.source, e.target, e.code, e.modality, e.pattern, e.record, c.date, c.mentions, c.documents
         FROM events e JOIN documents d ON d.id = e.doc_id JOIN clusters c ON c.id = e.cluster_id",
    ];
    for q in queries {
        let mut stmt = conn.prepare(q).unwrap();
        let n = stmt.column_count();
        let rows = stmt
            .query_map([], |r| {
                let cells: Vec<String> = (0..n)
                    .map(|i| format!("{:?}", r.get::<_, rusqlite::types::Value>(i).unwrap()))
                    .collect();
                Ok(cells.join(" | "))
            })
            .unwrap();
        out.extend(rows.map(|r| r.unwrap()));
    }
    out.sort();
    out
}

#[test]
fn two_ingests_at_once_both_finish_and_equal_a_sequential_run() {
    let dir = tempfile::tempdir().unwrap();
    // Two inputs whose reports are weeks apart: clustering joins reports in
    // input order, so only inputs that share no cluster window give the
    // same clusters in any interleaving (see docs/RELIABILITY.md).
    let a = dir.path().join("a.jsonl");
    let b = dir.path().join("b.jsonl");
    corpus(&a, 1500);
    let july = std::fs::read_to_string(&a)
        .unwrap()
        .replace("2023-05-", "2023-07-")
        .replace("doc-", "july-")
        .replace("Document number", "Report number");
    std::fs::write(&b, july).unwrap();
    let shared = dir.path().join("shared.db");
    let seq = dir.path().join("seq.db");
    for input in [&a, &b] {
        ok(&run(&[
            "ingest",
            "--db",
            seq.to_str().unwrap(),
            input.to_str().unwrap(),
        ]));
    }
    let spawn = |input: &Path| {
        casus()
            .args([
                "ingest",
                "--threads",
                "1",
                "--db",
                shared.to_str().unwrap(),
                input.to_str().unwrap(),
            ])
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap()
    };
    let (first, second) = (spawn(&a), spawn(&b));
    for child in [first, second] {
        let out = child.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "a concurrent ingest failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let (x, y) = (canonical(&shared), canonical(&seq));
    assert_eq!(
        x.iter().filter(|r| r.starts_with("Text(\"doc\")")).count(),
        3000
    );
    assert_eq!(x.len(), y.len());
    assert!(x.iter().any(|r| r.starts_with("Text(\"cluster\")")));
    assert!(
        x == y,
        "the concurrent database differs from the sequential one"
    );
}

#[test]
fn reading_commands_refuse_a_missing_database_and_create_none() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("typo.db");
    let d = db.to_str().unwrap();
    for args in [
        vec!["query", "top-pairs", "--db", d],
        vec!["export", "--db", d, "--format", "jsonl"],
        vec!["recode", "--db", d],
    ] {
        let out = run(&args);
        assert!(!out.status.success(), "{args:?} succeeded");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("no database at"), "{args:?}: {err}");
        assert_eq!(err.trim().lines().count(), 1, "{err}");
        assert!(!db.exists(), "{args:?} created the database");
    }
}

#[test]
fn query_and_export_read_a_database_that_cannot_be_written() {
    // Tests run as root, whom file modes do not stop, so this drops to the
    // `nobody` user with setpriv (util-linux) where it can; elsewhere it
    // checks only that reading commands leave a read-only file unchanged.
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("ro");
    std::fs::create_dir(&folder).unwrap();
    let db = folder.join("casus.db");
    let input = dir.path().join("in.jsonl");
    std::fs::write(
        &input,
        "{\"id\":\"a\",\"date\":\"2024-06-14\",\"text\":\"Kenya condemned Uganda on Thursday.\"}\n",
    )
    .unwrap();
    ok(&run(&[
        "ingest",
        "--db",
        db.to_str().unwrap(),
        input.to_str().unwrap(),
    ]));
    let before = std::fs::read(&db).unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o444)).unwrap();
    std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o555)).unwrap();
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    let as_nobody = Command::new("setpriv")
        .args(["--reuid=65534", "--regid=65534", "--clear-groups", "true"])
        .status()
        .is_ok_and(|s| s.success());
    for args in [
        vec!["query", "top-pairs", "--db", db.to_str().unwrap()],
        vec!["export", "--db", db.to_str().unwrap(), "--format", "jsonl"],
    ] {
        let out = if as_nobody {
            Command::new("setpriv")
                .args(["--reuid=65534", "--regid=65534", "--clear-groups"])
                .arg(env!("CARGO_BIN_EXE_casus"))
                .args(&args)
                .output()
                .unwrap()
        } else {
            run(&args)
        };
        let text = ok(&out);
        assert!(
            text.contains("KEN") || text.contains("UGA"),
            "{args:?}: {text}"
        );
    }
    assert_eq!(
        std::fs::read(&db).unwrap(),
        before,
        "a reading command wrote"
    );
    let names: Vec<_> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names.len(), 1, "reading left files behind: {names:?}");
    std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o755)).unwrap();
}
