//! WARC reading on files built here, record by record: every record kind,
//! plain and gzip (one member per record, as crawlers write, and one member
//! for the whole file), and damaged files: truncated, wrong Content-Length,
//! garbage between records, not a WARC at all.

use casus_core::Date;
use casus_sources::warc::{reason, WarcCounts, WarcItem};
use casus_sources::{read_warc, read_warc_path, SourceError};
use flate2::write::GzEncoder;
use flate2::Compression;
use std::io::{Read, Write};

// ---------------------------------------------------------------- building

fn fixture(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// A WARC record whose Content-Length is `length` (the block's true length
/// unless a test wants it wrong).
fn record_with_length(
    kind: &str,
    headers: &[(&str, &str)],
    block: &[u8],
    length: usize,
) -> Vec<u8> {
    let mut out =
        format!("WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:{kind}-test>\r\n")
            .into_bytes();
    for (name, value) in headers {
        out.extend_from_slice(format!("{name}: {value}\r\n").as_bytes());
    }
    out.extend_from_slice(format!("Content-Length: {length}\r\n\r\n").as_bytes());
    out.extend_from_slice(block);
    out.extend_from_slice(b"\r\n\r\n");
    out
}

fn record(kind: &str, headers: &[(&str, &str)], block: &[u8]) -> Vec<u8> {
    record_with_length(kind, headers, block, block.len())
}

fn http(status: &str, headers: &[(&str, &str)], payload: &[u8]) -> Vec<u8> {
    let mut out = format!("HTTP/1.1 {status}\r\n").into_bytes();
    for (name, value) in headers {
        out.extend_from_slice(format!("{name}: {value}\r\n").as_bytes());
    }
    out.extend_from_slice(b"\r\n");
    out.extend_from_slice(payload);
    out
}

fn response(uri: &str, http: &[u8]) -> Vec<u8> {
    record(
        "response",
        &[
            ("WARC-Target-URI", uri),
            ("WARC-Date", "2024-07-01T12:00:00Z"),
            ("Content-Type", "application/http; msgtype=response"),
        ],
        http,
    )
}

fn html_response(uri: &str, html: &[u8]) -> Vec<u8> {
    response(
        uri,
        &http(
            "200 OK",
            &[("Content-Type", "text/html; charset=utf-8")],
            html,
        ),
    )
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut enc = GzEncoder::new(Vec::new(), Compression::default());
    enc.write_all(bytes).expect("in memory");
    enc.finish().expect("in memory")
}

/// One gzip member per record, as `.warc.gz` files are written.
fn gzip_per_record(records: &[Vec<u8>]) -> Vec<u8> {
    records.iter().flat_map(|r| gzip(r)).collect()
}

const STORY: &str = "https://meridian.example/2024/06/fisheries";
const LATIN: &str = "https://latin.example/cafe";
const ZIPPED: &str = "https://zipped.example/chunks";

/// Twelve records of every kind. Documents: 3, 7, 10.
fn every_kind() -> Vec<Vec<u8>> {
    let latin_page = b"<html><body><p>The caf\xe9 near the ministry reopened after the \
        protest, the mayor said.</p></body></html>";
    let zipped = gzip(
        b"<html><body><article><p>Compressed and chunked page text.</p></article></body></html>",
    );
    let (first, second) = zipped.split_at(zipped.len() / 2);
    let mut chunked = format!("{:x}\r\n", first.len()).into_bytes();
    chunked.extend_from_slice(first);
    chunked.extend_from_slice(format!("\r\n{:x}\r\n", second.len()).as_bytes());
    chunked.extend_from_slice(second);
    chunked.extend_from_slice(b"\r\n0\r\n\r\n");
    vec![
        record(
            "warcinfo",
            &[("Content-Type", "application/warc-fields")],
            b"software: test\r\n",
        ),
        record(
            "request",
            &[
                ("WARC-Target-URI", STORY),
                ("Content-Type", "application/http; msgtype=request"),
            ],
            b"GET /2024/06/fisheries HTTP/1.1\r\nHost: meridian.example\r\n\r\n",
        ),
        html_response(STORY, &fixture("news_page.html")),
        response(
            "https://meridian.example/logo.png",
            &http(
                "200 OK",
                &[("Content-Type", "image/png")],
                b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR",
            ),
        ),
        response(
            "https://meridian.example/api/weather",
            &http(
                "200 OK",
                &[("Content-Type", "application/json")],
                b"{\"html\": \"<p>no</p>\"}",
            ),
        ),
        response(
            "https://meridian.example/missing",
            &http(
                "404 Not Found",
                &[("Content-Type", "text/html")],
                b"<p>Page not found, sorry about that.</p>",
            ),
        ),
        response(
            LATIN,
            &http(
                "200 OK",
                &[("Content-Type", "text/html; charset=windows-1252")],
                latin_page,
            ),
        ),
        record(
            "metadata",
            &[("WARC-Target-URI", STORY)],
            b"outlink: https://meridian.example/\r\n",
        ),
        response(
            "http://meridian.example/old",
            &http(
                "301 Moved Permanently",
                &[("Location", STORY), ("Content-Type", "text/html")],
                b"<p>Moved here.</p>",
            ),
        ),
        response(
            ZIPPED,
            &http(
                "200 OK",
                &[
                    ("Content-Type", "text/html"),
                    ("Content-Encoding", "gzip"),
                    ("Transfer-Encoding", "chunked"),
                ],
                &chunked,
            ),
        ),
        html_response(
            "https://meridian.example/gallery",
            b"<html><body><nav><p>Home</p></nav><img src=x></body></html>",
        ),
        record("revisit", &[("WARC-Target-URI", STORY)], b""),
    ]
}

// ---------------------------------------------------------------- reading

fn read(bytes: &[u8], name: &str) -> (Vec<WarcItem>, WarcCounts) {
    read_from(bytes, name)
}

fn read_from(reader: impl Read, name: &str) -> (Vec<WarcItem>, WarcCounts) {
    let mut items = Vec::new();
    let counts = read_warc(reader, name, &mut |item| items.push(item));
    check_counts(&items, &counts);
    (items, counts)
}

/// Every record is one item, numbered in order, and the counts add up.
fn check_counts(items: &[WarcItem], counts: &WarcCounts) {
    let skipped: usize = counts.skipped.values().sum();
    assert_eq!(
        counts.records,
        counts.documents + skipped + counts.problems,
        "{counts:?}"
    );
    assert_eq!(items.len(), counts.records, "one item per record");
    let numbers: Vec<usize> = items.iter().map(record_of).collect();
    let expected: Vec<usize> = (1..=items.len()).collect();
    assert_eq!(numbers, expected, "records numbered 1, 2, 3... in order");
}

fn record_of(item: &WarcItem) -> usize {
    match item {
        WarcItem::Document { record, .. }
        | WarcItem::Skipped { record, .. }
        | WarcItem::Problem { record, .. } => *record,
    }
}

/// One line per item, to compare whole runs at a glance.
fn summary(items: &[WarcItem]) -> Vec<String> {
    items
        .iter()
        .map(|item| match item {
            WarcItem::Document { record, document } => format!("{record} document {}", document.id),
            WarcItem::Skipped { record, reason, .. } => format!("{record} skipped {reason}"),
            WarcItem::Problem { record, .. } => format!("{record} problem"),
        })
        .collect()
}

fn documents(items: &[WarcItem]) -> Vec<&casus_sources::WebDocument> {
    items
        .iter()
        .filter_map(|i| match i {
            WarcItem::Document { document, .. } => Some(document),
            _ => None,
        })
        .collect()
}

fn problems(items: &[WarcItem]) -> Vec<(usize, u64, &str)> {
    items
        .iter()
        .filter_map(|i| match i {
            WarcItem::Problem {
                record,
                offset,
                message,
            } => Some((*record, *offset, message.as_str())),
            _ => None,
        })
        .collect()
}

// ---------------------------------------------------------------- tests

#[test]
fn every_record_kind_is_read_skipped_or_extracted() {
    let file: Vec<u8> = every_kind().concat();
    let (items, counts) = read(&file, "crawl.warc");
    assert_eq!(
        summary(&items),
        [
            "1 skipped warcinfo".to_string(),
            "2 skipped request".into(),
            format!("3 document {STORY}"),
            "4 skipped not-html".into(),
            "5 skipped not-html".into(),
            "6 skipped http-error".into(),
            format!("7 document {LATIN}"),
            "8 skipped metadata".into(),
            "9 skipped http-redirect".into(),
            format!("10 document {ZIPPED}"),
            "11 skipped no-text".into(),
            "12 skipped revisit".into(),
        ]
    );
    assert_eq!(counts.records, 12);
    assert_eq!(counts.documents, 3);
    assert_eq!(counts.problems, 0);
    let skipped: Vec<(&str, usize)> = counts
        .skipped
        .iter()
        .map(|(k, v)| (k.as_str(), *v))
        .collect();
    assert_eq!(
        skipped,
        [
            (reason::HTTP_ERROR, 1),
            (reason::HTTP_REDIRECT, 1),
            (reason::METADATA, 1),
            (reason::NO_TEXT, 1),
            (reason::NOT_HTML, 2),
            (reason::REQUEST, 1),
            (reason::REVISIT, 1),
            (reason::WARCINFO, 1),
        ]
    );
}

#[test]
fn documents_carry_url_title_date_and_clean_text() {
    let (items, _) = read(&every_kind().concat(), "crawl.warc");
    let docs = documents(&items);
    let story = docs[0];
    assert_eq!(story.url.as_deref(), Some(STORY));
    assert_eq!(
        story.title.as_deref(),
        Some("Norway and Chile sign fisheries pact")
    );
    // The page's own date (JSON-LD), not the capture date 2024-07-01.
    assert_eq!(story.date, Date::new(2024, 6, 14));
    assert!(story
        .text
        .starts_with("OSLO \u{2014} The foreign ministers"));
    assert!(!story.text.contains("cookies"));
    // No date in the page: the WARC-Date. Charset from the HTTP header.
    let latin = docs[1];
    assert_eq!(latin.date, Date::new(2024, 7, 1));
    assert_eq!(
        latin.text,
        "The café near the ministry reopened after the protest, the mayor said."
    );
    // Chunked transfer and gzip content encoding undone.
    assert_eq!(docs[2].text, "Compressed and chunked page text.");
}

#[test]
fn skipped_records_say_why_in_detail() {
    let (items, _) = read(&every_kind().concat(), "crawl.warc");
    let details: Vec<&str> = items
        .iter()
        .filter_map(|i| match i {
            WarcItem::Skipped { detail, .. } => Some(detail.as_str()),
            _ => None,
        })
        .collect();
    assert!(
        details.contains(&"image/png at https://meridian.example/logo.png"),
        "{details:?}"
    );
    assert!(
        details.contains(&"status 404 for https://meridian.example/missing"),
        "{details:?}"
    );
    assert!(details.contains(&"WARC-Type warcinfo"), "{details:?}");
}

#[test]
fn gzip_is_detected_by_magic_bytes_for_both_member_layouts() {
    let records = every_kind();
    let plain = read(&records.concat(), "crawl.warc");
    // One member per record: a single-member decoder would stop after record 1.
    let per_record = read(&gzip_per_record(&records), "crawl.warc");
    assert_eq!(summary(&per_record.0), summary(&plain.0));
    assert_eq!(per_record.1, plain.1);
    assert_eq!(documents(&per_record.0), documents(&plain.0));
    // One member for the whole file, under a name that says nothing of gzip.
    let whole = read(&gzip(&records.concat()), "crawl.dat");
    assert_eq!(summary(&whole.0), summary(&plain.0));
}

#[test]
fn a_reader_giving_one_byte_at_a_time_reads_the_same() {
    struct Trickle(Vec<u8>, usize);
    impl Read for Trickle {
        fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
            match (self.0.get(self.1), out.first_mut()) {
                (Some(&b), Some(slot)) => {
                    *slot = b;
                    self.1 += 1;
                    Ok(1)
                }
                _ => Ok(0),
            }
        }
    }
    let records = every_kind();
    let expected = read(&records.concat(), "x");
    // The gzip magic arrives in two reads.
    let gz = read_from(Trickle(gzip_per_record(&records), 0), "x");
    assert_eq!(summary(&gz.0), summary(&expected.0));
    let plain = read_from(Trickle(records.concat(), 0), "x");
    assert_eq!(plain.1, expected.1);
}

#[test]
fn truncated_file_keeps_earlier_records_and_names_file_record_and_offset() {
    let records = every_kind();
    let mut file = records[..3].concat();
    let offset = file.len();
    // The windows-1252 page, cut 30 bytes before its end: inside the body.
    let cut = &records[6][..records[6].len() - 30];
    file.extend_from_slice(cut);
    let (items, counts) = read(&file, "cut.warc");
    assert_eq!(
        summary(&items),
        [
            "1 skipped warcinfo".to_string(),
            "2 skipped request".into(),
            format!("3 document {STORY}"),
            "4 problem".into()
        ]
    );
    let (record, at, message) = problems(&items)[0];
    assert_eq!((record, at), (4, offset as u64));
    assert!(
        message.starts_with(&format!(
            "cut.warc: record 4 at byte {offset}: the file ends inside the record (truncated file)"
        )),
        "{message}"
    );
    assert!(message.contains("Content-Length"), "{message}");
    assert_eq!(counts.problems, 1);
}

#[test]
fn truncated_inside_a_warc_header() {
    let records = every_kind();
    let mut file = records[..2].concat();
    let offset = file.len();
    file.extend_from_slice(b"WARC/1.0\r\nWARC-Type: respo");
    let (items, _) = read(&file, "cut.warc");
    assert_eq!(
        summary(&items)[..2],
        ["1 skipped warcinfo", "2 skipped request"]
    );
    let (record, at, message) = problems(&items)[0];
    assert_eq!((record, at), (3, offset as u64));
    assert_eq!(
        message,
        format!("cut.warc: record 3 at byte {offset}: the file ends inside the record's WARC header (truncated file)")
    );
}

#[test]
fn truncated_gzip_file_keeps_earlier_records() {
    let records = every_kind();
    let gz = gzip_per_record(&records[..4]);
    let last_member = gzip(&records[3]).len();
    let cut = &gz[..gz.len() - last_member / 2];
    let (items, counts) = read(cut, "cut.warc.gz");
    assert_eq!(
        summary(&items),
        [
            "1 skipped warcinfo".to_string(),
            "2 skipped request".into(),
            format!("3 document {STORY}"),
            "4 problem".into()
        ]
    );
    let (_, at, message) = problems(&items)[0];
    assert_eq!(
        at,
        records[..3].concat().len() as u64,
        "offset in the uncompressed stream"
    );
    assert!(
        message.starts_with(&format!(
            "cut.warc.gz: record 4 at byte {at} (uncompressed): read error (the gzip stream is cut or corrupt): "
        )),
        "{message}"
    );
    assert_eq!(counts.documents, 1);
}

#[test]
fn too_short_content_length_is_reported_and_the_next_record_read() {
    let good = html_response(LATIN, b"<p>The next record is intact and readable.</p>");
    let html = fixture("news_page.html");
    let block = http("200 OK", &[("Content-Type", "text/html")], &html);
    let bad = record_with_length(
        "response",
        &[
            ("WARC-Target-URI", STORY),
            ("Content-Type", "application/http; msgtype=response"),
        ],
        &block,
        block.len() - 300,
    );
    let info = record("warcinfo", &[], b"x: y\r\n");
    let file = [info.clone(), bad.clone(), good.clone()].concat();
    let (items, counts) = read(&file, "bad.warc");
    assert_eq!(
        summary(&items),
        [
            "1 skipped warcinfo".to_string(),
            "2 problem".into(),
            format!("3 document {LATIN}")
        ]
    );
    let (record, at, message) = problems(&items)[0];
    assert_eq!((record, at), (2, info.len() as u64));
    let next = info.len() + bad.len();
    assert_eq!(
        message,
        format!(
            "bad.warc: record 2 at byte {at}: wrong Content-Length {}: the record's closing blank lines \
             are not where that length puts them; reading resumes at the next record, byte {next}",
            block.len() - 300
        )
    );
    assert_eq!(
        documents(&items)[0].text,
        "The next record is intact and readable."
    );
    assert_eq!((counts.documents, counts.problems), (1, 1));
}

#[test]
fn too_long_content_length_loses_only_its_own_record() {
    let block = http(
        "200 OK",
        &[("Content-Type", "text/html")],
        b"<p>Bad length.</p>",
    );
    let bad = record_with_length(
        "response",
        &[
            ("WARC-Target-URI", "https://x.example/bad"),
            ("Content-Type", "application/http; msgtype=response"),
        ],
        &block,
        block.len() + 120,
    );
    let good = |n: usize| {
        html_response(
            &format!("https://x.example/{n}"),
            format!("<p>Good page {n}.</p>").as_bytes(),
        )
    };
    // One record after the bad one: the crate hits the end of the file.
    let (items, _) = read(&[bad.clone(), good(1)].concat(), "long.warc");
    assert_eq!(
        summary(&items),
        ["1 problem", "2 document https://x.example/1"]
    );
    let message = problems(&items)[0].2;
    assert!(message.contains("wrong Content-Length"), "{message}");
    assert!(
        message.contains(&format!(
            "reading resumes at the next record, byte {}",
            bad.len()
        )),
        "{message}"
    );
    // Many records after it: the crate overruns into them, and all are
    // still read from the log.
    let file = [bad.clone(), good(1), good(2), good(3), good(4)].concat();
    let (items, counts) = read(&file, "long.warc");
    assert_eq!(
        summary(&items),
        [
            "1 problem",
            "2 document https://x.example/1",
            "3 document https://x.example/2",
            "4 document https://x.example/3",
            "5 document https://x.example/4",
        ]
    );
    assert_eq!(counts.documents, 4);
}

#[test]
fn garbage_between_records_is_skipped_to_the_next_record() {
    let first = html_response("https://x.example/1", b"<p>First page.</p>");
    let second = html_response("https://x.example/2", b"<p>Second page.</p>");
    let junk = b"this is not a record\r\n\r\nnor this\r\n".to_vec();
    let file = [first.clone(), junk, second].concat();
    let (items, _) = read(&file, "junk.warc");
    assert_eq!(
        summary(&items),
        [
            "1 document https://x.example/1",
            "2 problem",
            "3 document https://x.example/2"
        ]
    );
    let (_, at, message) = problems(&items)[0];
    assert_eq!(at, first.len() as u64);
    assert!(
        message.contains("malformed WARC header block; reading resumes"),
        "{message}"
    );
}

#[test]
fn blank_lines_between_records_are_tolerated() {
    let first = html_response("https://x.example/1", b"<p>First page.</p>");
    let second = html_response("https://x.example/2", b"<p>Second page.</p>");
    let file = [first, b"\r\n\r\n".to_vec(), second].concat();
    let (items, counts) = read(&file, "x.warc");
    assert_eq!(
        summary(&items),
        [
            "1 document https://x.example/1",
            "2 document https://x.example/2"
        ]
    );
    assert_eq!(counts.problems, 0);
}

#[test]
fn not_a_warc_file_is_one_clear_problem() {
    let (items, counts) = read(&fixture("news_page.html"), "page.html");
    assert_eq!(counts.records, 1);
    assert_eq!(counts.problems, 1);
    let message = problems(&items)[0].2;
    assert!(
        message.starts_with("page.html: record 1 at byte 0: not a WARC file: it does not start with a WARC/ version line"),
        "{message}"
    );
}

#[test]
fn empty_input_has_no_records() {
    let (items, counts) = read(b"", "empty.warc");
    assert!(items.is_empty());
    assert_eq!(counts, WarcCounts::default());
}

#[test]
fn response_details_without_uri_and_non_http_records() {
    let no_uri = record(
        "response",
        &[("Content-Type", "application/http; msgtype=response")],
        &http(
            "200 OK",
            &[("Content-Type", "text/html")],
            b"<p>A page without a target URI.</p>",
        ),
    );
    let dns = record(
        "response",
        &[
            ("WARC-Target-URI", "dns:meridian.example"),
            ("Content-Type", "text/dns"),
        ],
        b"20240701120000\nmeridian.example. 300 IN A 192.0.2.1\n",
    );
    // No Content-Type in the HTTP headers: the payload is sniffed.
    let sniffed = response(
        "https://x.example/sniffed",
        &http("200 OK", &[], b"<!DOCTYPE html><p>Sniffed as HTML.</p>"),
    );
    let unknown = response(
        "https://x.example/blob",
        &http("200 OK", &[], b"\x00\x01binary"),
    );
    let (items, counts) = read(&[no_uri, dns, sniffed, unknown].concat(), "x.warc");
    let docs = documents(&items);
    assert_eq!(docs[0].url, None);
    assert!(docs[0].id.starts_with("html-"), "{}", docs[0].id);
    assert_eq!(docs[1].text, "Sniffed as HTML.");
    assert_eq!(counts.skipped.get(reason::NOT_HTTP), Some(&1));
    assert_eq!(counts.skipped.get(reason::NOT_HTML), Some(&1));
}

#[test]
fn files_are_read_by_path_and_a_missing_file_is_an_error_naming_it() {
    let dir = std::env::temp_dir().join(format!("casus-sources-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    // Gzip content under a plain .warc name.
    let path = dir.join("crawl.warc");
    std::fs::write(&path, gzip_per_record(&every_kind())).expect("write");
    let mut items = Vec::new();
    let counts = read_warc_path(&path, &mut |i| items.push(i)).expect("opens");
    assert_eq!(counts.documents, 3);
    std::fs::remove_dir_all(&dir).expect("clean up");

    let missing = dir.join("missing.warc.gz");
    match read_warc_path(&missing, &mut |_| {}) {
        Err(e @ SourceError::Io { .. }) => {
            assert!(
                e.to_string().starts_with(&missing.display().to_string()),
                "{e}"
            )
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn bare_newline_warc_is_named_as_such() {
    let lf = String::from_utf8(html_response("https://x.example/1", b"<p>Text.</p>"))
        .expect("ascii")
        .replace("\r\n", "\n");
    let (items, _) = read(lf.as_bytes(), "lf.warc");
    let message = problems(&items)[0].2;
    assert!(message.contains("bare \\n line ends"), "{message}");
}

#[test]
fn a_huge_content_length_is_reported_and_the_next_record_is_read() {
    let page = b"<html><body><p>The mayor opened the new bridge, officials said.</p></body></html>";
    let bytes = [
        b"WARC/1.0\r\nWARC-Type: resource\r\nContent-Length: 18446744073709551614\r\n\r\nabc\r\n"
            .to_vec(),
        html_response(STORY, page),
    ]
    .concat();
    let (items, _) = read(&bytes, "huge.warc");
    let problem = items.iter().find_map(|i| match i {
        WarcItem::Problem { message, .. } => Some(message.clone()),
        _ => None,
    });
    let problem = problem.expect("the huge record is reported");
    assert!(problem.contains("over the"), "{problem}");
    assert!(
        items.iter().any(|i| matches!(i, WarcItem::Document { .. })),
        "the good record after it is read"
    );
}

#[test]
fn an_endless_header_block_is_reported_not_held() {
    let mut bytes = b"WARC/1.0\r\n".to_vec();
    for i in 0..20_000 {
        bytes.extend_from_slice(format!("X-Filler-{i}: value\r\n").as_bytes());
    }
    let (items, _) = read(&bytes, "long.warc");
    assert!(items.iter().any(|i| matches!(
        i,
        WarcItem::Problem { message, .. } if message.contains("header block over")
    )));
}

#[test]
fn resynchronising_over_a_long_line_finds_the_next_record() {
    let page = b"<html><body><p>The mayor opened the new bridge, officials said.</p></body></html>";
    let mut bytes =
        b"WARC/1.0\r\nWARC-Type: resource\r\nContent-Length: 99999999999\r\n\r\n".to_vec();
    // Longer than the reader's chunk, with `WARC/1.0` inside the line:
    // only a line start may begin a record.
    bytes.extend(std::iter::repeat_n(b'x', 150_000));
    bytes.extend_from_slice(b"WARC/1.0 not here");
    bytes.extend(std::iter::repeat_n(b'y', 150_000));
    bytes.extend_from_slice(b"\r\n\r\n");
    bytes.extend(html_response(STORY, page));
    let (items, _) = read(&bytes, "long-line.warc");
    let docs = items
        .iter()
        .filter(|i| matches!(i, WarcItem::Document { .. }))
        .count();
    assert_eq!(docs, 1);
}

#[test]
fn garbage_without_a_line_end_before_a_record_loses_no_record() {
    let first = html_response("https://x.example/1", b"<p>First page.</p>");
    let second = html_response("https://x.example/2", b"<p>Second page.</p>");
    for junk in [
        &b"stray bytes, no line end"[..],
        b"x",
        b"\r\n\r\nhalf a line",
    ] {
        let file = [first.clone(), junk.to_vec(), second.clone()].concat();
        let (items, counts) = read(&file, "junk.warc");
        assert_eq!(
            summary(&items),
            [
                "1 document https://x.example/1",
                "2 problem",
                "3 document https://x.example/2"
            ],
            "{:?}",
            String::from_utf8_lossy(junk)
        );
        assert_eq!(counts.documents, 2);
    }
}

#[test]
fn a_record_cut_mid_line_loses_only_itself() {
    let first = html_response("https://x.example/1", b"<p>First page.</p>");
    let cut = html_response(
        "https://x.example/cut",
        b"<p>This page was cut in the middle of a line by a crawler that died.</p>",
    );
    let second = html_response("https://x.example/2", b"<p>Second page.</p>");
    // Cuts inside the HTTP payload, the HTTP headers and the WARC header.
    for at in [cut.len() - 30, cut.len() / 2, 40] {
        let file = [first.clone(), cut[..at].to_vec(), second.clone()].concat();
        let (items, counts) = read(&file, "cut.warc");
        assert_eq!(
            summary(&items),
            [
                "1 document https://x.example/1",
                "2 problem",
                "3 document https://x.example/2"
            ],
            "cut at {at}"
        );
        assert_eq!(counts.problems, 1);
        let (_, offset, _) = problems(&items)[0];
        assert_eq!(offset, first.len() as u64, "cut at {at}");
    }
}

#[test]
fn a_cut_record_whose_length_ends_on_a_blank_line_of_the_next_is_caught() {
    // The cut record's Content-Length runs to just before the blank line
    // closing the next record's WARC header, so the framing alone looks
    // right; what follows is not a record, and a version line lies inside.
    let first = html_response("https://x.example/1", b"<p>First page.</p>");
    let second = html_response("https://x.example/2", b"<p>Second page.</p>");
    let header_end = second
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("header");
    let partial = b"HTTP/1.1 200 OK\r\nContent-Type: text/ht".to_vec();
    let mut cut = record_with_length(
        "response",
        &[
            ("WARC-Target-URI", "https://x.example/cut"),
            ("Content-Type", "application/http; msgtype=response"),
        ],
        &partial,
        partial.len() + header_end,
    );
    cut.truncate(cut.len() - 4);
    let third = html_response("https://x.example/3", b"<p>Third page.</p>");
    let file = [first.clone(), cut, second, third].concat();
    let (items, _) = read(&file, "cut.warc");
    assert_eq!(
        summary(&items),
        [
            "1 document https://x.example/1",
            "2 problem",
            "3 document https://x.example/2",
            "4 document https://x.example/3"
        ]
    );
    let (_, _, message) = problems(&items)[0];
    assert!(message.contains("a record starts inside it"), "{message}");
}

#[test]
fn a_corrupt_gzip_member_loses_only_its_own_record() {
    let first = html_response("https://x.example/1", b"<p>First page.</p>");
    let middle = html_response(
        "https://x.example/bad",
        "<p>A page whose compressed bytes were damaged on disk, long enough to matter.</p>"
            .repeat(20)
            .as_bytes(),
    );
    let second = html_response("https://x.example/2", b"<p>Second page.</p>");
    let good = gzip(&middle);
    let mut flipped = good.clone();
    let at = flipped.len() / 2;
    flipped[at] ^= 0x5a;
    let mut bad_header = good.clone();
    bad_header[2] = 0x09;
    let cut = good[..good.len() / 2].to_vec();
    let mut bad_crc = good.clone();
    let crc = bad_crc.len() - 8;
    bad_crc[crc] ^= 1;
    for (what, bad) in [
        ("flipped", flipped),
        ("bad header", bad_header),
        ("cut", cut),
        ("bad crc", bad_crc),
    ] {
        let first_gz = gzip(&first);
        let file = [first_gz.clone(), bad, gzip(&second)].concat();
        let (items, counts) = read(&file, "bad.warc.gz");
        let docs: Vec<&str> = documents(&items).iter().map(|d| d.id.as_str()).collect();
        assert_eq!(
            docs,
            ["https://x.example/1", "https://x.example/2"],
            "{what}: {:?}",
            summary(&items)
        );
        assert_eq!(counts.problems, 1, "{what}: {:?}", summary(&items));
        let (_, _, message) = problems(&items)[0];
        assert!(
            message.contains(&format!(
                "gzip member at compressed byte {}",
                first_gz.len()
            )),
            "{what}: {message}"
        );
    }
}

#[test]
fn a_record_cut_at_any_byte_never_loses_the_next_record() {
    let first = html_response("https://x.example/1", b"<p>First page.</p>");
    let cut = html_response(
        "https://x.example/cut",
        b"<p>A page cut short.</p>\r\n<p>Its second line.</p>",
    );
    let second = html_response("https://x.example/2", b"<p>Second page.</p>");
    for at in 1..cut.len() {
        let file = [first.clone(), cut[..at].to_vec(), second.clone()].concat();
        let (items, counts) = read(&file, "cut.warc");
        let docs: Vec<&str> = documents(&items).iter().map(|d| d.id.as_str()).collect();
        assert_eq!(
            docs,
            ["https://x.example/1", "https://x.example/2"],
            "cut at {at}: {:?}",
            summary(&items)
        );
        assert_eq!(counts.problems, 1, "cut at {at}: {:?}", summary(&items));
    }
}

#[test]
fn a_gzip_member_damaged_at_any_byte_never_loses_the_others() {
    let first = gzip(&html_response("https://x.example/1", b"<p>First page.</p>"));
    let middle = gzip(&html_response(
        "https://x.example/bad",
        b"<p>A page whose member gets one damaged byte.</p>",
    ));
    let second = gzip(&html_response(
        "https://x.example/2",
        b"<p>Second page.</p>",
    ));
    for at in 0..middle.len() {
        let mut bad = middle.clone();
        bad[at] ^= 0xa5;
        let file = [first.clone(), bad, second.clone()].concat();
        let (items, _) = read(&file, "bad.warc.gz");
        let docs: Vec<&str> = documents(&items)
            .iter()
            .map(|d| d.id.as_str())
            .filter(|id| !id.ends_with("/bad"))
            .collect();
        assert_eq!(
            docs,
            ["https://x.example/1", "https://x.example/2"],
            "byte {at}: {:?}",
            summary(&items)
        );
    }
}
