//! The record contract (docs/OUTPUT.md, docs/event.schema.json) across
//! every output, run as the real binary: `code`, `query events` and every
//! `export` format, the GDELT columns, Parquet types, and the CLI
//! conventions (`--out`, completions, man page, `--version`, closed pipes).
//! With CASUS_PY_TESTS=1 (set by .ci/run) the exports are also read back by
//! pandas, pyarrow and DuckDB (tests/python/read_exports.py).

use serde_json::Value;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn casus() -> Command {
    Command::new(env!("CARGO_BIN_EXE_casus"))
}

fn here(path: &str) -> String {
    let p: PathBuf = [env!("CARGO_MANIFEST_DIR"), path].iter().collect();
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

fn schema() -> Value {
    let text = std::fs::read_to_string(here("../../docs/event.schema.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

/// Checks `v` against the JSON Schema keywords docs/event.schema.json uses
/// (type, required, properties, additionalProperties, enum, items,
/// minItems, maxItems, minimum, maximum, $ref); `pattern` is checked by the
/// Python test with the `jsonschema` package. Returns the violations.
fn violations(root: &Value, schema: &Value, v: &Value, at: &str) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(r) = schema.get("$ref").and_then(Value::as_str) {
        let name = r.trim_start_matches("#/$defs/");
        return violations(root, &root["$defs"][name], v, at);
    }
    if let Some(t) = schema.get("type") {
        let types: Vec<&str> = match t {
            Value::String(s) => vec![s.as_str()],
            Value::Array(a) => a.iter().filter_map(Value::as_str).collect(),
            _ => vec![],
        };
        let fits = types.iter().any(|t| match *t {
            "string" => v.is_string(),
            "integer" => v.is_i64() || v.is_u64(),
            "number" => v.is_number(),
            "object" => v.is_object(),
            "array" => v.is_array(),
            "null" => v.is_null(),
            "boolean" => v.is_boolean(),
            _ => false,
        });
        if !fits {
            out.push(format!("{at}: {v} is not {types:?}"));
            return out;
        }
    }
    if let Some(e) = schema.get("enum").and_then(Value::as_array) {
        if !e.contains(v) {
            out.push(format!("{at}: {v} not in {e:?}"));
        }
    }
    if let (Some(n), Some(min)) = (v.as_f64(), schema.get("minimum").and_then(Value::as_f64)) {
        if n < min {
            out.push(format!("{at}: {n} < {min}"));
        }
    }
    if let (Some(n), Some(max)) = (v.as_f64(), schema.get("maximum").and_then(Value::as_f64)) {
        if n > max {
            out.push(format!("{at}: {n} > {max}"));
        }
    }
    if let Some(obj) = v.as_object() {
        let props = schema.get("properties").and_then(Value::as_object);
        for req in schema
            .get("required")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            let req = req.as_str().unwrap();
            if !obj.contains_key(req) {
                out.push(format!("{at}: missing `{req}`"));
            }
        }
        for (k, x) in obj {
            match props.and_then(|p| p.get(k)) {
                Some(s) => out.extend(violations(root, s, x, &format!("{at}.{k}"))),
                None if schema.get("additionalProperties") == Some(&Value::Bool(false)) => {
                    out.push(format!("{at}: unknown field `{k}`"))
                }
                None => {}
            }
        }
    }
    if let Some(items) = v.as_array() {
        if let Some(min) = schema.get("minItems").and_then(Value::as_u64) {
            if (items.len() as u64) < min {
                out.push(format!("{at}: fewer than {min} items"));
            }
        }
        if let Some(max) = schema.get("maxItems").and_then(Value::as_u64) {
            if (items.len() as u64) > max {
                out.push(format!("{at}: more than {max} items"));
            }
        }
        if let Some(s) = schema.get("items") {
            for (i, x) in items.iter().enumerate() {
                out.extend(violations(root, s, x, &format!("{at}[{i}]")));
            }
        }
    }
    out
}

fn assert_valid(lines: &str, what: &str) -> Vec<Value> {
    let schema = schema();
    let records: Vec<Value> = lines
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(!records.is_empty(), "{what}: no records");
    for (i, r) in records.iter().enumerate() {
        let bad = violations(&schema, &schema, r, &format!("{what} line {}", i + 1));
        assert!(bad.is_empty(), "{bad:#?}");
    }
    records
}

#[test]
fn the_validator_catches_what_the_schema_forbids() {
    let schema = schema();
    let good: Value = serde_json::from_str(
        ok(&run(&["code", &here("tests/fixtures/records.jsonl")]))
            .lines()
            .next()
            .unwrap(),
    )
    .unwrap();
    assert!(violations(&schema, &schema, &good, "r").is_empty());
    let mut bad = good.clone();
    bad["modality"] = "maybe".into();
    bad["quad_class"] = 7.into();
    bad["evidence"]["trigger"] = serde_json::json!([1]);
    bad.as_object_mut().unwrap().remove("source_name");
    bad["surprise"] = true.into();
    let found = violations(&schema, &schema, &bad, "r");
    assert_eq!(found.len(), 5, "{found:#?}");
}

/// Ingests the fixture into a fresh database and returns its path.
fn store(dir: &Path) -> String {
    let db = dir.join("casus.db").to_string_lossy().into_owned();
    ok(&run(&[
        "ingest",
        "--db",
        &db,
        &here("tests/fixtures/records.jsonl"),
    ]));
    db
}

#[test]
fn code_query_and_export_write_records_that_fit_the_schema() {
    let dir = tempfile::tempdir().unwrap();
    let coded = ok(&run(&["code", &here("tests/fixtures/records.jsonl")]));
    let coded = assert_valid(&coded, "code");
    // names come from the dictionaries, never from the sentence's words
    let nato = coded.iter().find(|r| r["source"] == "IGOWSTNAT").unwrap();
    assert_eq!(nato["source_name"], "NATO");
    assert_eq!(nato["target_name"], "Russia");
    let kengov = coded.iter().find(|r| r["source"] == "KENGOV").unwrap();
    assert_eq!(kengov["source_name"], "Kenya - government");
    assert_ne!(kengov["source_name"], kengov["source_text"]);

    let db = store(dir.path());
    let exported = ok(&run(&[
        "export",
        "--db",
        &db,
        "--format",
        "jsonl",
        "--all-modalities",
    ]));
    let exported = assert_valid(&exported, "export jsonl");
    // every field of the record, plus the cluster's
    for e in &exported {
        let twin = coded
            .iter()
            .find(|c| {
                c["doc_id"] == e["doc_id"]
                    && c["sentence_index"] == e["sentence_index"]
                    && c["source"] == e["source"]
                    && c["code"] == e["code"]
            })
            .unwrap_or_else(|| panic!("no coded twin of {e}"));
        for (k, v) in twin.as_object().unwrap() {
            assert_eq!(&e[k], v, "field {k}");
        }
        assert!(e["date_added"].as_str().unwrap().ends_with('Z'));
        assert!(e["cluster"].as_i64().unwrap() >= 1);
    }
    assert!(exported.iter().any(|e| e["modality"] == "negated"));
    let queried = ok(&run(&[
        "query",
        "events",
        "--db",
        &db,
        "--all-modalities",
        "--format",
        "json",
    ]));
    let queried = assert_valid(&queried, "query events");
    assert_eq!(queried.len(), coded.len());
    assert!(queried.iter().all(|q| q["sentence"].is_string()));
}

#[test]
fn csv_and_tsv_carry_the_record_columns() {
    let dir = tempfile::tempdir().unwrap();
    let db = store(dir.path());
    let csv_text = ok(&run(&["export", "--db", &db, "--format", "csv"]));
    let mut rd = csv::Reader::from_reader(csv_text.as_bytes());
    let header: Vec<String> = rd.headers().unwrap().iter().map(String::from).collect();
    for col in [
        "attribution",
        "code_name",
        "trigger_text",
        "source_name",
        "target_name",
        "evidence_trigger_start",
        "evidence_trigger_end",
        "evidence_entry",
        "location",
        "place_lat",
        "date_added",
    ] {
        assert!(header.iter().any(|h| h == col), "no {col} in {header:?}");
    }
    let rows: Vec<csv::StringRecord> = rd.records().map(|r| r.unwrap()).collect();
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let attributed = rows.iter().find(|r| &r[col("source")] == "PSEREB").unwrap();
    assert_eq!(&attributed[col("attribution")], "ISRMIL");
    assert_eq!(&attributed[col("source_name")], "Hamas");
    assert_eq!(&attributed[col("trigger_text")], "fired rockets at");
    // code --format tsv has the same record columns (without the cluster's)
    let tsv = ok(&run(&[
        "code",
        "--format",
        "tsv",
        &here("tests/fixtures/records.jsonl"),
    ]));
    let tsv_header: Vec<&str> = tsv.lines().next().unwrap().split('\t').collect();
    assert_eq!(tsv_header[..], header[..tsv_header.len()]);
    assert_eq!(header[tsv_header.len()], "cluster");
}

#[test]
fn gdelt_export_names_actors_from_the_dictionaries() {
    let dir = tempfile::tempdir().unwrap();
    let db = store(dir.path());
    let text = ok(&run(&[
        "export", "--db", &db, "--format", "gdelt", "--header",
    ]));
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap().split('\t').collect();
    assert_eq!(header.len(), 61);
    let col = |name: &str| header.iter().position(|h| *h == name).unwrap();
    let rows: Vec<Vec<&str>> = lines.map(|l| l.split('\t').collect()).collect();
    assert!(rows.iter().all(|r| r.len() == 61));
    for r in &rows {
        let name = r[col("Actor1Name")];
        assert!(!name.is_empty(), "{r:?}");
        assert_eq!(name, name.to_uppercase());
        assert_eq!(r[col("DATEADDED")].len(), 14, "{r:?}");
        assert!(r[col("DATEADDED")].bytes().all(|b| b.is_ascii_digit()));
    }
    let kenya = rows
        .iter()
        .find(|r| r[col("Actor1Code")] == "KENGOV")
        .unwrap();
    assert_eq!(kenya[col("Actor1Name")], "KENYA - GOVERNMENT");
    assert_eq!(kenya[col("Actor2Name")], "UGANDA - GOVERNMENT");
    // IsRootEvent: the lead sentences (0..=2) only
    let poland = rows.iter().find(|r| r[col("Actor1Code")] == "POL").unwrap();
    assert_eq!(poland[col("IsRootEvent")], "0", "sentence 4");
    let chile = rows.iter().find(|r| r[col("Actor1Code")] == "CHL").unwrap();
    assert_eq!(chile[col("IsRootEvent")], "1", "sentence 0");
}

#[test]
fn parquet_has_the_csv_columns_with_real_types_and_nulls() {
    use parquet::basic::LogicalType;
    use parquet::file::reader::{FileReader, SerializedFileReader};
    let dir = tempfile::tempdir().unwrap();
    let db = store(dir.path());
    let path = dir.path().join("e.parquet");
    let p = path.to_str().unwrap();
    ok(&run(&[
        "export", "--db", &db, "--format", "parquet", "--out", p,
    ]));
    let csv_text = ok(&run(&["export", "--db", &db, "--format", "csv"]));
    let csv_header: Vec<String> = csv_text
        .lines()
        .next()
        .unwrap()
        .split(',')
        .map(String::from)
        .collect();
    let reader = SerializedFileReader::new(std::fs::File::open(&path).unwrap()).unwrap();
    let schema = reader.metadata().file_metadata().schema_descr_ptr();
    let names: Vec<String> = schema
        .columns()
        .iter()
        .map(|c| c.name().to_string())
        .collect();
    assert_eq!(names, csv_header);
    let logical = |n: &str| schema.column(names.iter().position(|x| x == n).unwrap());
    assert_eq!(logical("date").logical_type(), Some(LogicalType::Date));
    assert_eq!(
        logical("quad_class").physical_type(),
        parquet::basic::Type::INT64
    );
    assert!(logical("attribution").self_type().is_optional());
    let rows: Vec<String> = reader
        .get_row_iter(None)
        .unwrap()
        .map(|r| r.unwrap().to_string())
        .collect();
    assert!(rows.iter().any(|r| r.contains("attribution: null")));
    assert!(!rows.iter().any(|r| r.contains("attribution: \"\"")));
}

#[test]
fn out_writes_the_same_bytes_as_standard_output() {
    let dir = tempfile::tempdir().unwrap();
    let input = here("tests/fixtures/records.jsonl");
    let file = dir.path().join("events.jsonl");
    let stdout = ok(&run(&["code", &input]));
    ok(&run(&["code", &input, "--out", file.to_str().unwrap()]));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), stdout);
    let db = store(dir.path());
    let q = dir.path().join("q.txt");
    let stdout = ok(&run(&["query", "top-actors", "--db", &db]));
    ok(&run(&[
        "query",
        "top-actors",
        "--db",
        &db,
        "--out",
        q.to_str().unwrap(),
    ]));
    assert_eq!(std::fs::read_to_string(&q).unwrap(), stdout);
}

#[test]
fn table_format_aligns_and_cuts_long_cells() {
    let text = ok(&run(&[
        "code",
        "--format",
        "table",
        &here("tests/fixtures/records.jsonl"),
    ]));
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].starts_with("doc_id"));
    // every row starts its `source` column where the header does
    let at = lines[0].find("source").unwrap();
    for l in &lines[1..] {
        assert_eq!(l.chars().nth(at - 1), Some(' '), "{l}");
        assert_ne!(l.chars().nth(at), Some(' '), "{l}");
    }
    assert!(text.contains('…'), "a long trigger is cut: {text}");
}

#[test]
fn completions_man_page_and_version_come_from_the_cli() {
    let bash = ok(&run(&["completions", "bash"]));
    assert!(bash.contains("casus") && bash.contains("export"));
    let man = ok(&run(&["man"]));
    assert!(man.contains(".TH casus"), "{man}");
    assert!(man.contains("completions"));
    let dir = tempfile::tempdir().unwrap();
    ok(&run(&["man", "--dir", dir.path().to_str().unwrap()]));
    assert!(dir.path().join("casus-export.1").exists());
    let version = ok(&run(&["--version"]));
    assert!(version.contains("dictionaries: built-in"), "{version}");
    assert!(version.contains("parser model"), "{version}");
    // the dictionary version is the one stored with coded events
    let stats = ok(&run(&["dict", "stats", "--json"]));
    assert!(!stats.is_empty());
}

/// A reader that goes away after one line must not make casus fail.
fn quiet_on_closed_pipe(args: &[&str], input: Option<&str>) {
    let mut child = casus()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    if let Some(text) = input {
        // written from a thread: casus may stop reading once its output is gone
        let text = text.to_string();
        std::thread::spawn(move || {
            let _ = stdin.write_all(text.as_bytes());
        });
    } else {
        drop(stdin);
    }
    let mut out = BufReader::new(child.stdout.take().unwrap());
    let mut first = String::new();
    out.read_line(&mut first).unwrap();
    assert!(!first.is_empty(), "{args:?} wrote nothing");
    drop(out);
    let result = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&result.stderr);
    assert!(result.status.success(), "{args:?}: {err}");
    assert!(
        !err.contains("error") && !err.contains("panick"),
        "{args:?}: {err}"
    );
}

#[test]
fn every_output_stops_quietly_when_the_reader_goes_away() {
    let dir = tempfile::tempdir().unwrap();
    let mut big = String::new();
    for i in 0..3000 {
        big.push_str(&format!(
            "{{\"id\":\"d{i}\",\"date\":\"2024-01-01\",\"text\":\"Kenya condemned Uganda. Peru met Chile. Item {i}.\"}}\n"
        ));
    }
    let input = dir.path().join("big.jsonl");
    std::fs::write(&input, &big).unwrap();
    let input = input.to_str().unwrap();
    let db = dir.path().join("big.db");
    let db = db.to_str().unwrap();
    ok(&run(&["ingest", "--db", db, input]));
    quiet_on_closed_pipe(&["code", "-"], Some(&big));
    quiet_on_closed_pipe(&["code", "--format", "table", input], None);
    for format in ["table", "json", "csv"] {
        quiet_on_closed_pipe(
            &[
                "query", "events", "--db", db, "--limit", "100000", "--format", format,
            ],
            None,
        );
    }
    for format in ["gdelt", "jsonl", "csv"] {
        quiet_on_closed_pipe(&["export", "--db", db, "--format", format], None);
    }
    quiet_on_closed_pipe(&["man"], None);
    quiet_on_closed_pipe(&["completions", "zsh"], None);
}

#[test]
fn python_tools_read_the_exports() {
    if std::env::var("CASUS_PY_TESTS").as_deref() != Ok("1") {
        eprintln!("skipped: set CASUS_PY_TESTS=1 (as .ci/run does) to read the exports with pandas, pyarrow and DuckDB");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = store(dir.path());
    let d = |name: &str| dir.path().join(name).to_string_lossy().into_owned();
    for (format, file, extra) in [
        ("jsonl", "e.jsonl", None),
        ("csv", "e.csv", None),
        ("parquet", "e.parquet", None),
        ("gdelt", "e.gdelt.tsv", Some("--header")),
    ] {
        let out = d(file);
        let mut args = vec![
            "export",
            "--db",
            &db,
            "--all-modalities",
            "--format",
            format,
            "--out",
            &out,
        ];
        args.extend(extra);
        ok(&run(&args));
    }
    let coded = d("code.jsonl");
    ok(&run(&[
        "code",
        &here("tests/fixtures/records.jsonl"),
        "--out",
        &coded,
    ]));
    let python = std::env::var("PYTHON").unwrap_or_else(|_| "python3".into());
    let out = Command::new(python)
        .arg(here("tests/python/read_exports.py"))
        .arg(dir.path())
        .arg(here("../../docs/event.schema.json"))
        .output()
        .expect("python runs");
    assert!(
        out.status.success(),
        "{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// `--monadic`: single-actor events carry a null target through `code`,
/// `ingest` and every export, the dyadic events stay as they were, and the
/// default writes no single-actor event.
#[test]
fn monadic_events_have_a_null_target_in_every_output() {
    let dir = tempfile::tempdir().unwrap();
    let input = here("tests/fixtures/monadic.jsonl");
    let plain = assert_valid(&ok(&run(&["code", &input])), "code");
    assert!(plain.iter().all(|r| r["target"].is_string()), "{plain:?}");
    let mono = assert_valid(&ok(&run(&["code", "--monadic", &input])), "code --monadic");
    let mut single: Vec<String> = mono
        .iter()
        .filter(|r| r["target"].is_null())
        .map(|r| format!("{} {}", r["source"].as_str().unwrap(), r["code"]))
        .collect();
    single.sort();
    assert_eq!(
        single,
        ["NGOGRP \"141\"", "PERGOV \"1724\"", "RUSMIL \"190\""]
    );
    for r in mono.iter().filter(|r| r["target"].is_null()) {
        for field in ["target_text", "target_name"] {
            assert!(r[field].is_null(), "{field} of {r}");
        }
        assert!(r["evidence"]["target"].is_null(), "{r}");
    }
    let dyadic: Vec<&Value> = mono.iter().filter(|r| r["target"].is_string()).collect();
    assert_eq!(dyadic, plain.iter().collect::<Vec<_>>());

    let db = dir.path().join("m.db").to_string_lossy().into_owned();
    ok(&run(&["ingest", "--monadic", "--db", &db, &input]));
    let exported = assert_valid(
        &ok(&run(&["export", "--db", &db, "--format", "jsonl"])),
        "export jsonl",
    );
    assert_eq!(exported.len(), mono.len());
    assert_eq!(exported.iter().filter(|e| e["target"].is_null()).count(), 3);
    // CSV: an empty field; GDELT: every Actor2 column empty
    let csv_text = ok(&run(&["export", "--db", &db, "--format", "csv"]));
    let mut rd = csv::Reader::from_reader(csv_text.as_bytes());
    let header: Vec<String> = rd.headers().unwrap().iter().map(String::from).collect();
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let rows: Vec<csv::StringRecord> = rd.records().map(|r| r.unwrap()).collect();
    let attack = rows.iter().find(|r| &r[col("source")] == "RUSMIL").unwrap();
    for name in ["target", "target_text", "evidence_target_start"] {
        assert_eq!(&attack[col(name)], "", "{name}");
    }
    let gdelt = ok(&run(&[
        "export", "--db", &db, "--format", "gdelt", "--header",
    ]));
    let mut lines = gdelt.lines();
    let header: Vec<&str> = lines.next().unwrap().split('\t').collect();
    let rows: Vec<Vec<&str>> = lines.map(|l| l.split('\t').collect()).collect();
    let attack = rows.iter().find(|r| r[1..].contains(&"RUSMIL")).unwrap();
    assert_eq!(attack.len(), 61);
    for (name, value) in header.iter().zip(attack) {
        if name.starts_with("Actor2") {
            assert_eq!(*value, "", "{name}");
        }
    }
    let kenya = rows.iter().find(|r| r[1..].contains(&"KEN")).unwrap();
    assert_eq!(
        kenya[header.iter().position(|h| *h == "Actor2Code").unwrap()],
        "UGA"
    );
    // Parquet: a null, in a nullable column
    use parquet::file::reader::{FileReader, SerializedFileReader};
    let path = dir.path().join("m.parquet");
    ok(&run(&[
        "export",
        "--db",
        &db,
        "--format",
        "parquet",
        "--out",
        path.to_str().unwrap(),
    ]));
    let reader = SerializedFileReader::new(std::fs::File::open(&path).unwrap()).unwrap();
    let rows: Vec<String> = reader
        .get_row_iter(None)
        .unwrap()
        .map(|r| r.unwrap().to_string())
        .collect();
    assert_eq!(
        rows.iter().filter(|r| r.contains("target: null")).count(),
        3
    );
    // a single-actor event is no pair
    let pairs = ok(&run(&[
        "query",
        "top-pairs",
        "--db",
        &db,
        "--format",
        "json",
    ]));
    assert!(pairs.contains("UGA"), "{pairs}");
    assert!(!pairs.contains("RUSMIL"), "{pairs}");
    // recoding keeps single-actor events only when asked to
    let singles = || {
        let text = ok(&run(&["export", "--db", &db, "--format", "jsonl"]));
        assert_valid(&text, "export jsonl")
            .iter()
            .filter(|e| e["target"].is_null())
            .count()
    };
    ok(&run(&["recode", "--db", &db]));
    assert_eq!(singles(), 0);
    ok(&run(&["recode", "--monadic", "--db", &db]));
    assert_eq!(singles(), 3);
}
