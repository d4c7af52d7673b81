//! Web archives (WARC 1.0/1.1 files, plain or gzip-compressed) read record
//! by record: HTML `response` records become [`WebDocument`]s, every other
//! record is skipped with a counted reason, and damage (a truncated file, a
//! wrong `Content-Length`) is reported with the file name, record number
//! and byte offset, without losing the records around it.
//!
//! # Crates
//!
//! - `warc` 0.4 parses the records. It is the WARC reader of the Rust
//!   ecosystem (header names, the record framing of the standard), and its
//!   raw-record iterator ([`warc::WarcReader::iter_raw_records`]) is used
//!   rather than the validating one, so that a record missing, say, its
//!   `WARC-Record-ID` is still read: a missing id does not make a page less
//!   worth coding. Its default `gzip` feature is turned off: it uses
//!   `libflate` and opens compressed input only from a path, while this
//!   module takes any reader.
//! - `flate2`'s [`GzDecoder`] decompresses, one gzip member at a time
//!   (WARC files are compressed one member per record). A member that
//!   fails to decompress (bad header, bad data, bad CRC, cut) is reported
//!   naming its compressed byte offset, and reading goes on at the next
//!   `1f 8b 08` after that member's start (the member's compressed bytes
//!   are kept up to 4 MiB for this; past that, the search starts where
//!   decoding failed). flate2 (rust-lang organisation, pure-Rust
//!   `miniz_oxide` backend) is also what the HTTP layer needs for
//!   `Content-Encoding: gzip`. Compression is detected by the magic bytes
//!   `1f 8b`, never by the file name.
//!
//! # Damage and resynchronisation
//!
//! A record starts at a version line: `WARC/1.0` or `WARC/1.1` followed by
//! the line end (`\r\n`, or a bare `\n`). Resynchronisation looks for one
//! anywhere, not only at a line start, so that garbage without a newline
//! (`junkWARC/1.0\r\n...`) or a record cut mid-line does not hide the
//! record after it. It never searches a good record's content:
//!
//! - The `warc` crate reads a body line by line and expects the closing
//!   `\r\n\r\n` exactly at `Content-Length`. When the length is wrong it
//!   fails after having consumed an unknown number of bytes, possibly the
//!   start of the next record. This module therefore hands it a reader it
//!   owns (a `Tape`) that logs every byte consumed since the start of the
//!   current record. After a failure the log is searched, after its first
//!   byte, for a version line; if one is found, the bytes from there on are
//!   pushed back and reading resumes at that record, else the input is
//!   scanned forward (in bounded pieces) for one.
//! - A record the crate reads whole is accepted only if (a) its header
//!   block holds no version line after its first byte (else the record was
//!   cut in its header and the next one's header taken for the rest), and
//!   (b) what follows it, after blank lines, is the end of the input or a
//!   `WARC/` line, or else no version line begins inside its content. When
//!   (a) or (b) fails the record was cut and its Content-Length swallowed
//!   the next record: it is reported and reading resumes at that version
//!   line.
//!
//! A damaged or cut record is one problem; the records around it are read.
//!
//! Limitations:
//! - resynchronisation recognises `WARC/1.0` and `WARC/1.1` records only,
//!   and a damaged record whose content itself holds a version line (an
//!   archived WARC file) resumes there, reporting further problems until
//!   the next real record; so does a good record holding one when garbage
//!   follows it;
//! - in a `.warc.gz`, when a member's check fails right after a record's
//!   bytes, that record is reported rather than coded (its data is
//!   suspect); a failure of the input itself (not of the gzip data) ends
//!   reading;
//! - files with bare `\n` line ends are not WARC and are reported as a
//!   header that never ends;
//! - each record is held in memory twice while it is read (the crate's
//!   buffer and the log), which is fine for pages and crawler-truncated
//!   records, less so for multi-gigabyte video records.

use crate::http::{decode_text, is_html_media_type, looks_like_html, parse_response};
use crate::limits;
use crate::meta::parse_timestamp_date;
use crate::{extract_html, SourceError, WebDocument};
use flate2::bufread::GzDecoder;
use std::collections::BTreeMap;
use std::io::{self, BufRead, Read};
use std::path::Path;
use warc::{RawRecordHeader, WarcHeader, WarcReader};

/// The reasons a record is skipped: the keys of [`WarcCounts::skipped`].
/// Short, stable, kebab-case, to be counted and tabulated.
pub mod reason {
    /// Record types other than `response`, by their WARC-Type.
    pub const WARCINFO: &str = "warcinfo";
    pub const REQUEST: &str = "request";
    pub const METADATA: &str = "metadata";
    pub const REVISIT: &str = "revisit";
    pub const RESOURCE: &str = "resource";
    pub const CONVERSION: &str = "conversion";
    pub const CONTINUATION: &str = "continuation";
    /// A WARC-Type this crate does not know, or none.
    pub const OTHER_TYPE: &str = "other-type";
    /// A response that is not an HTTP response (`dns:` records, garbage).
    pub const NOT_HTTP: &str = "not-http";
    /// An HTTP response whose payload is not HTML (images, JSON, PDF...).
    pub const NOT_HTML: &str = "not-html";
    /// HTTP status 400 and above.
    pub const HTTP_ERROR: &str = "http-error";
    /// HTTP status 300 to 399: the page itself is elsewhere.
    pub const HTTP_REDIRECT: &str = "http-redirect";
    /// Any other status outside 200 to 299.
    pub const HTTP_STATUS: &str = "http-status";
    /// A transfer or content encoding that could not be undone.
    pub const BAD_PAYLOAD: &str = "bad-payload";
    /// An HTML page with no text after boilerplate removal.
    pub const NO_TEXT: &str = "no-text";
}

/// What one WARC record gave. Records are numbered from 1 in file order.
///
/// Unlike the first sketch of this API, `Document` carries its record
/// number (so that later stages, such as a language check, can name the
/// record they refuse), `Skipped` a human-readable `detail` beside the
/// counted `reason` key (the status, media type or URL), and `Problem`
/// the byte offset as data as well as in the message.
#[derive(Debug, Clone, PartialEq)]
pub enum WarcItem {
    Document {
        record: usize,
        document: WebDocument,
    },
    Skipped {
        record: usize,
        /// One of the [`reason`] keys.
        reason: String,
        detail: String,
    },
    /// Damage: a truncated file, a wrong Content-Length, a malformed header,
    /// a read error. `offset` is where the record starts, in the
    /// uncompressed stream; `message` names the file, record and offset.
    Problem {
        record: usize,
        offset: u64,
        message: String,
    },
}

/// Totals for one file. Every record counted in `records` is exactly one of
/// a document, a skip or a problem:
/// `records == documents + skipped.values().sum() + problems`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WarcCounts {
    pub records: usize,
    pub documents: usize,
    pub skipped: BTreeMap<String, usize>,
    pub problems: usize,
}

/// Reads a WARC file from any reader, gzip-compressed or not, and calls
/// `each` for every record in file order. `name` is used in problem
/// messages only. Never fails: damage is reported through `each` as
/// [`WarcItem::Problem`] and counted, and everything readable is still read.
pub fn read_warc(mut reader: impl Read, name: &str, each: &mut dyn FnMut(WarcItem)) -> WarcCounts {
    // Peek at the first two bytes for the gzip magic; a reader may return
    // them one at a time.
    let mut magic = [0u8; 2];
    let mut got = 0;
    let mut first_error = None;
    while got < magic.len() {
        match reader.read(&mut magic[got..]) {
            Ok(0) => break,
            Ok(n) => got += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => {
                first_error = Some(e);
                break;
            }
        }
    }
    let head = io::Cursor::new(magic[..got].to_vec());
    let gzip = got == 2 && magic == [0x1f, 0x8b];
    if let Some(e) = first_error {
        let mut run = Run::new(Tape::new(io::empty()), name, false, each);
        run.counts.records = 1;
        run.problem(1, 0, format!("read error: {e}"));
        return run.counts;
    }
    if gzip {
        Run::new(
            Tape::new(Members::new(head.chain(reader))),
            name,
            true,
            each,
        )
        .run()
    } else {
        Run::new(Tape::new(head.chain(reader)), name, false, each).run()
    }
}

/// [`read_warc`] on a file, named by its path in messages. Only failing to
/// open the file is an error.
pub fn read_warc_path(
    path: impl AsRef<Path>,
    each: &mut dyn FnMut(WarcItem),
) -> Result<WarcCounts, SourceError> {
    let path = path.as_ref();
    let name = path.display().to_string();
    let file = std::fs::File::open(path).map_err(|source| SourceError::Io {
        path: name.clone(),
        source,
    })?;
    Ok(read_warc(file, &name, each))
}

/// One pass over one file.
struct Run<'a, R> {
    tape: Tape<R>,
    name: &'a str,
    gzip: bool,
    counts: WarcCounts,
    each: &'a mut dyn FnMut(WarcItem),
}

impl<'a, R: Read> Run<'a, R> {
    fn new(tape: Tape<R>, name: &'a str, gzip: bool, each: &'a mut dyn FnMut(WarcItem)) -> Self {
        Run {
            tape,
            name,
            gzip,
            counts: WarcCounts::default(),
            each,
        }
    }

    fn run(mut self) -> WarcCounts {
        loop {
            let start = self.tape.offset;
            match self.tape.skip_blank_lines() {
                Ok(true) => {}
                Ok(false) => break,
                Err(e) => {
                    self.counts.records += 1;
                    let record = self.counts.records;
                    let what = self.read_error(&e);
                    self.problem(record, start, what);
                    // A bad gzip member: the reader has moved on to the
                    // next one, or ends.
                    if self.gzip {
                        continue;
                    }
                    break;
                }
            }
            self.tape.mark();
            let start = self.tape.offset;
            self.counts.records += 1;
            let record = self.counts.records;
            match self.oversized() {
                Ok(None) => {}
                Ok(Some(what)) => {
                    if !self.resync_after(record, start, what) {
                        break;
                    }
                    continue;
                }
                Err(e) => {
                    // The part of the record read before the error is
                    // dropped: the reader goes on at the next gzip member.
                    self.tape.mark();
                    let what = self.read_error(&e);
                    self.problem(record, start, what);
                    if self.gzip {
                        continue;
                    }
                    break;
                }
            }
            let next = WarcReader::new(&mut self.tape).iter_raw_records().next();
            match next {
                Some(Ok((header, body))) => match self.overrun() {
                    Ok(None) => self.record(record, &header, &body),
                    Ok(Some(at)) => {
                        let length = content_length(&self.tape.log)
                            .map_or("missing".to_string(), |l| l.to_string());
                        let offset = start + at as u64;
                        self.tape.unread_log_from(at);
                        let message = format!(
                            "the record is cut: a record starts inside it, before its \
                             Content-Length {length} ends; reading resumes at the next \
                             record, byte {offset}"
                        );
                        self.problem(record, start, message);
                    }
                    Err(e) => {
                        let what = self.read_error(&e);
                        let end = self.tape.offset;
                        // A gzip member that fails its check after giving
                        // (part of) this record: the record is suspect.
                        let member_start = e
                            .get_ref()
                            .and_then(|e| e.downcast_ref::<MemberError>())
                            .map(|m| m.output_start);
                        if member_start.is_some_and(|m| m < end) {
                            self.problem(record, start, what);
                        } else {
                            // The record is whole; the error is what follows.
                            self.record(record, &header, &body);
                            self.counts.records += 1;
                            self.problem(record + 1, end, what);
                        }
                        if !self.gzip {
                            break;
                        }
                    }
                },
                Some(Err(error)) => {
                    if !self.damaged(record, start, error) {
                        break;
                    }
                }
                None => {
                    // The crate ends the iteration when the input ends
                    // before the blank line closing a header block.
                    let log = &self.tape.log;
                    let what = if !log.starts_with(b"WARC/") {
                        if record == 1 {
                            NOT_WARC
                        } else {
                            "no WARC record here, and no record follows"
                        }
                    } else if log.windows(2).any(|w| w == b"\n\n") {
                        "the record's WARC header never ends: the file may use bare \\n \
                         line ends, which WARC does not allow"
                    } else {
                        "the file ends inside the record's WARC header (truncated file)"
                    };
                    self.problem(record, start, what.to_string());
                    break;
                }
            }
        }
        self.counts
    }

    /// Checks the header block ahead against the limits before the `warc`
    /// crate sees it: that crate does unchecked arithmetic on a huge
    /// Content-Length, and would hold a record of any size in memory.
    /// Leaves the input where it was; says what is wrong, if anything.
    fn oversized(&mut self) -> io::Result<Option<String>> {
        let mut line = Vec::new();
        let mut ended = false;
        loop {
            line.clear();
            let room = limits::MAX_WARC_HEADER_BYTES.saturating_sub(self.tape.log.len() as u64);
            match (&mut self.tape).take(room).read_until(b'\n', &mut line) {
                Ok(0) => break,
                Err(e) => return Err(e),
                Ok(_) if line == b"\r\n" || line == b"\n" => {
                    ended = true;
                    break;
                }
                Ok(_) => {}
            }
        }
        let header = self.tape.log.clone();
        self.tape.unread_log_from(0);
        if !ended && header.len() as u64 >= limits::MAX_WARC_HEADER_BYTES {
            return Ok(Some(format!(
                "WARC header block over the {} byte limit",
                limits::MAX_WARC_HEADER_BYTES
            )));
        }
        Ok(match content_length(&header) {
            Some(n) if n > limits::MAX_WARC_RECORD_BYTES => Some(format!(
                "Content-Length {n} is over the {} byte record limit",
                limits::MAX_WARC_RECORD_BYTES
            )),
            _ => None,
        })
    }

    /// Checks that a record the `warc` crate read whole ends where the
    /// next one starts: what follows it (after blank lines) must be the
    /// end of the input or a `WARC/` line. If not, and a version line
    /// begins inside the record's content, the record was cut and its
    /// wrong Content-Length swallowed the start of the next record: where
    /// that record starts in the log. Leaves the input where it was.
    fn overrun(&mut self) -> io::Result<Option<usize>> {
        let log = &self.tape.log;
        let header_len = find(log, b"\r\n\r\n").map_or(log.len(), |i| i + 4);
        // A version line inside the header block: the record was cut in
        // its header and the next record's header was taken for the rest.
        if let Some(at) = next_record_start(&log[..header_len]) {
            return Ok(Some(at));
        }
        let from = self.tape.log.len();
        let mut ahead = Vec::new();
        // On a read error (a bad gzip member after this record), what was
        // read of it is dropped: the reader has moved on to the next member.
        (&mut self.tape).take(PEEK_BYTES).read_to_end(&mut ahead)?;
        self.tape.unread_log_from(from);
        let rest: &[u8] = {
            let blank = ahead
                .iter()
                .take_while(|&&b| b == b'\r' || b == b'\n')
                .count();
            &ahead[blank..]
        };
        if rest.is_empty() || rest.starts_with(b"WARC/") {
            return Ok(None);
        }
        Ok(next_record_start_after(&self.tape.log, header_len))
    }

    /// Reports a record that is not read, and moves on to the next line
    /// that starts a record. Returns whether reading goes on.
    fn resync_after(&mut self, record: usize, start: u64, what: String) -> bool {
        let mut first = Vec::new();
        let _ = (&mut self.tape)
            .take(limits::MAX_WARC_HEADER_BYTES)
            .read_until(b'\n', &mut first);
        self.skip_and_report(record, start, what)
    }

    /// Reports the damaged record and skips to the next record's version
    /// line; whether reading goes on.
    fn skip_and_report(&mut self, record: usize, start: u64, what: String) -> bool {
        match self.tape.skip_to_record() {
            Ok(Some(offset)) => {
                let message = format!("{what}; reading resumes at the next record, byte {offset}");
                self.problem(record, start, message);
                true
            }
            Ok(None) => {
                self.problem(record, start, format!("{what}; no record follows it"));
                false
            }
            Err(e) => {
                let message = format!("{what}; then {}", self.read_error(&e));
                self.problem(record, start, message);
                self.gzip
            }
        }
    }

    /// Turns one well-framed record into a document or a skip.
    fn record(&mut self, record: usize, header: &RawRecordHeader, body: &[u8]) {
        let get = |name: WarcHeader| {
            header
                .as_ref()
                .get(&name)
                .map(|v| String::from_utf8_lossy(v).trim().to_string())
        };
        let kind = get(WarcHeader::WarcType)
            .unwrap_or_default()
            .to_ascii_lowercase();
        if kind != "response" {
            let reason = match kind.as_str() {
                "warcinfo" => reason::WARCINFO,
                "request" => reason::REQUEST,
                "metadata" => reason::METADATA,
                "revisit" => reason::REVISIT,
                "resource" => reason::RESOURCE,
                "conversion" => reason::CONVERSION,
                "continuation" => reason::CONTINUATION,
                _ => reason::OTHER_TYPE,
            };
            let detail = if kind.is_empty() {
                "no WARC-Type".to_string()
            } else {
                format!("WARC-Type {kind}")
            };
            return self.skip(record, reason, detail);
        }
        // WARC 1.0 wrote the URI bare, some writers in angle brackets.
        let url = get(WarcHeader::TargetURI)
            .map(|u| u.trim_start_matches('<').trim_end_matches('>').to_string())
            .filter(|u| !u.is_empty());
        let at = url.as_deref().unwrap_or("a record without WARC-Target-URI");
        if let Some(content_type) = get(WarcHeader::ContentType) {
            if !content_type
                .to_ascii_lowercase()
                .starts_with("application/http")
            {
                return self.skip(
                    record,
                    reason::NOT_HTTP,
                    format!("record Content-Type {content_type} for {at}"),
                );
            }
        }
        let Some(response) = parse_response(body) else {
            return self.skip(
                record,
                reason::NOT_HTTP,
                format!("no HTTP status line for {at}"),
            );
        };
        let status = response.status;
        let status_reason = match status {
            200..=299 => None,
            300..=399 => Some(reason::HTTP_REDIRECT),
            400.. => Some(reason::HTTP_ERROR),
            _ => Some(reason::HTTP_STATUS),
        };
        if let Some(reason) = status_reason {
            return self.skip(record, reason, format!("status {status} for {at}"));
        }
        let media_type = response.media_type();
        if let Some(media) = &media_type {
            if !is_html_media_type(media) {
                return self.skip(record, reason::NOT_HTML, format!("{media} at {at}"));
            }
        }
        let payload = match response.decoded_payload() {
            Ok(payload) => payload,
            Err(e) => return self.skip(record, reason::BAD_PAYLOAD, format!("{e} at {at}")),
        };
        // Without a Content-Type, look at the payload itself.
        if media_type.is_none() && !looks_like_html(&payload) {
            return self.skip(
                record,
                reason::NOT_HTML,
                format!("no Content-Type and not HTML at {at}"),
            );
        }
        let html = decode_text(&payload, response.charset());
        match extract_html(&html, url.as_deref()) {
            Ok(mut document) => {
                if document.date.is_none() {
                    document.date = get(WarcHeader::Date).and_then(|d| parse_timestamp_date(&d));
                }
                self.counts.documents += 1;
                (self.each)(WarcItem::Document { record, document });
            }
            Err(_) => self.skip(record, reason::NO_TEXT, format!("no text at {at}")),
        }
    }

    /// Reports a record the `warc` crate could not read and finds the next
    /// record. Returns whether reading goes on.
    fn damaged(&mut self, record: usize, start: u64, error: warc::Error) -> bool {
        let log = &self.tape.log;
        let header_len = find(log, b"\r\n\r\n").map_or(log.len(), |i| i + 4);
        let declared = content_length(&log[..header_len]);
        let length = declared.map_or("missing".to_string(), |l| l.to_string());
        let resume = next_record_start(log);
        let what = match &error {
            warc::Error::ReadData(e) => {
                let what = self.read_error(e);
                self.problem(record, start, what);
                // A bad gzip member: the reader has moved on to the next.
                return self.gzip;
            }
            warc::Error::ParseHeaders(_) if record == 1 && !log.starts_with(b"WARC/") => {
                NOT_WARC.to_string()
            }
            warc::Error::ParseHeaders(_) => "malformed WARC header block".to_string(),
            warc::Error::ReadOverflow => format!(
                "wrong Content-Length {length}: the record's closing blank lines \
                 are not where that length puts them"
            ),
            warc::Error::UnexpectedEOB if resume.is_some() => {
                format!("wrong Content-Length {length}: it runs past the start of the next record")
            }
            warc::Error::UnexpectedEOB => {
                let present = log.len().saturating_sub(header_len);
                let e = format!(
                    "the file ends inside the record (truncated file): Content-Length \
                     {length}, {present} bytes of it present"
                );
                self.problem(record, start, e);
                return false;
            }
            other => other.to_string(),
        };
        match resume {
            Some(at) => {
                let offset = start + at as u64;
                self.tape.unread_log_from(at);
                let message = format!("{what}; reading resumes at the next record, byte {offset}");
                self.problem(record, start, message);
                true
            }
            None => self.skip_and_report(record, start, what),
        }
    }

    /// A read error of the input itself, with the likely cause for gzip.
    fn read_error(&self, e: &io::Error) -> String {
        if self.gzip {
            format!("read error (the gzip stream is cut or corrupt): {e}")
        } else {
            format!("read error: {e}")
        }
    }

    fn skip(&mut self, record: usize, reason: &str, detail: String) {
        *self.counts.skipped.entry(reason.to_string()).or_insert(0) += 1;
        (self.each)(WarcItem::Skipped {
            record,
            reason: reason.to_string(),
            detail,
        });
    }

    fn problem(&mut self, record: usize, offset: u64, what: String) {
        self.counts.problems += 1;
        let stream = if self.gzip { " (uncompressed)" } else { "" };
        let message = format!(
            "{}: record {record} at byte {offset}{stream}: {what}",
            self.name
        );
        (self.each)(WarcItem::Problem {
            record,
            offset,
            message,
        });
    }
}

/// How far [`Run::overrun`] looks past a record.
const PEEK_BYTES: u64 = 64;

const NOT_WARC: &str = "not a WARC file: it does not start with a WARC/ version line";

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// The version lines that start a record: `WARC/1.0` or `WARC/1.1`, then
/// the line end. They are looked for anywhere, not only at a line start,
/// so that garbage without a newline before a record (or a record cut
/// mid-line) does not hide it.
const VERSION_LINES: [&[u8]; 4] = [
    b"WARC/1.0\r\n",
    b"WARC/1.1\r\n",
    b"WARC/1.0\n",
    b"WARC/1.1\n",
];

/// Whether `bytes` starts with a version line.
fn is_version_line(bytes: &[u8]) -> bool {
    VERSION_LINES.iter().any(|v| bytes.starts_with(v))
}

/// The length of the version line that `line` ends with, if any.
fn ends_with_version_line(line: &[u8]) -> Option<usize> {
    VERSION_LINES
        .iter()
        .find(|v| line.ends_with(v))
        .map(|v| v.len())
}

/// Where, after the start of `log[from..]`, a version line begins.
fn next_record_start_after(log: &[u8], from: usize) -> Option<usize> {
    (from.max(1)..log.len()).find(|&i| is_version_line(&log[i..]))
}

/// Where, after the first byte, a version line begins.
fn next_record_start(log: &[u8]) -> Option<usize> {
    next_record_start_after(log, 1)
}

/// The Content-Length of a header block, for messages.
fn content_length(header: &[u8]) -> Option<u64> {
    String::from_utf8_lossy(header).lines().find_map(|line| {
        let (name, value) = line.split_once(':')?;
        name.trim()
            .eq_ignore_ascii_case("content-length")
            .then(|| value.trim().parse().ok())?
    })
}

/// A buffered reader that logs what it hands out and can take bytes back.
///
/// The `warc` crate reads through it; the log (everything consumed since
/// [`Tape::mark`]) is what resynchronisation searches after a failure, and
/// `offset` counts consumed bytes for messages.
struct Tape<R> {
    inner: R,
    /// `buf[pos..filled]` is unread; the buffer keeps its length between
    /// refills so that it is zeroed once, not at every read.
    buf: Vec<u8>,
    pos: usize,
    filled: usize,
    log: Vec<u8>,
    offset: u64,
    /// The log stops growing past this many bytes (for compressed input,
    /// where it only helps to find the next gzip member); `log_full` then
    /// says it is incomplete.
    log_limit: usize,
    log_full: bool,
}

const CHUNK: usize = 64 * 1024;

impl<R: Read> Tape<R> {
    fn new(inner: R) -> Self {
        Tape {
            inner,
            buf: vec![0; CHUNK],
            pos: 0,
            filled: 0,
            log: Vec::new(),
            offset: 0,
            log_limit: usize::MAX,
            log_full: false,
        }
    }

    /// Starts the log of a new record.
    fn mark(&mut self) {
        self.log.clear();
        self.log_full = false;
    }

    /// Puts the log's bytes from `from` back in front of the input.
    fn unread_log_from(&mut self, from: usize) {
        let Some(tail) = self.log.get(from..) else {
            return;
        };
        let unread = &self.buf[self.pos..self.filled];
        let mut buf = Vec::with_capacity((tail.len() + unread.len()).max(CHUNK));
        buf.extend_from_slice(tail);
        buf.extend_from_slice(unread);
        self.offset -= tail.len() as u64;
        self.filled = buf.len();
        buf.resize(buf.len().max(CHUNK), 0);
        self.log.truncate(from);
        self.buf = buf;
        self.pos = 0;
    }

    /// Skips the blank lines that some writers put between records (the
    /// `warc` crate would take them for an empty header block). `false` at
    /// the end of the input.
    fn skip_blank_lines(&mut self) -> io::Result<bool> {
        loop {
            let available = self.fill_buf()?;
            if available.is_empty() {
                return Ok(false);
            }
            let blank = available
                .iter()
                .take_while(|&&b| b == b'\r' || b == b'\n')
                .count();
            let all = blank == available.len();
            self.consume(blank);
            if !all {
                return Ok(true);
            }
        }
    }

    /// Reads lines until one ends with a version line (at a line start or
    /// after garbage) and leaves that version line unread; its offset, or
    /// `None` at the end of the input.
    fn skip_to_record(&mut self) -> io::Result<Option<u64>> {
        let mut line = Vec::new();
        loop {
            // What is skipped is never searched again: keep the log small.
            self.log.clear();
            line.clear();
            // Lines are read in bounded pieces: a gigabyte without a line
            // end must not be held in memory.
            let n = (&mut *self)
                .take(CHUNK as u64)
                .read_until(b'\n', &mut line)?;
            if n == 0 {
                return Ok(None);
            }
            if let Some(len) = ends_with_version_line(&line) {
                self.unread_log_from(self.log.len() - len);
                return Ok(Some(self.offset));
            }
            if n == CHUNK && !line.ends_with(b"\n") {
                // A full piece: its last bytes may be the start of a
                // version line that the next piece ends.
                self.unread_log_from(self.log.len() - VERSION_LINES[0].len());
            }
        }
    }

    /// Skips to the next `1f 8b 08` (a gzip member start) and leaves it
    /// unread; its offset, or `None` at the end of the input.
    fn skip_to_gzip_member(&mut self) -> io::Result<Option<u64>> {
        loop {
            self.mark();
            let available = self.fill_buf()?;
            if available.is_empty() {
                return Ok(None);
            }
            let len = available.len();
            let hit =
                (0..len).find(|&i| available[i..].iter().zip(GZIP_MAGIC).all(|(a, b)| *a == b));
            match hit {
                Some(i) if len - i >= GZIP_MAGIC.len() => {
                    self.consume(i);
                    return Ok(Some(self.offset));
                }
                Some(i) => {
                    // A partial match at the end: join it with more input.
                    self.consume(i);
                    self.mark();
                    self.consume(len - i);
                    if self.fill_buf()?.is_empty() {
                        return Ok(None);
                    }
                    self.unread_log_from(0);
                }
                None => self.consume(len),
            }
        }
    }
}

/// A gzip member start: the magic bytes and the deflate method.
const GZIP_MAGIC: [u8; 3] = [0x1f, 0x8b, 0x08];

/// How much of one gzip member's compressed bytes is kept, so that after a
/// failure the next member is looked for from just after the failed
/// member's start (a corrupt member may be decoded past its own end).
const MEMBER_LOG_BYTES: usize = 4 * 1024 * 1024;

/// Notes whether the underlying input failed, as opposed to the gzip data
/// in it: after the former nothing more can be read.
struct Watch<R> {
    inner: R,
    failed: bool,
}

impl<R: Read> Read for Watch<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        let result = self.inner.read(out);
        if matches!(&result, Err(e) if e.kind() != io::ErrorKind::Interrupted) {
            self.failed = true;
        }
        result
    }
}

/// Decompresses a `.warc.gz` one gzip member at a time. When a member
/// fails to decompress, one read returns an error naming the member's
/// compressed offset, and reading then goes on at the next member start
/// (`1f 8b 08`), so one bad member loses only its own records. After a
/// failure of the input itself, reads end.
struct Members<R> {
    member: Option<GzDecoder<Tape<Watch<R>>>>,
    between: Option<Tape<Watch<R>>>,
    /// Compressed offset of the current member.
    start: u64,
    /// Bytes decompressed so far, and when the current member began.
    output: u64,
    output_start: u64,
}

/// A gzip member that failed, as the source of an [`io::Error`]: where its
/// output began in the uncompressed stream tells whether the record just
/// read came from it.
#[derive(Debug)]
struct MemberError {
    message: String,
    output_start: u64,
}

impl std::fmt::Display for MemberError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for MemberError {}

impl<R: Read> Members<R> {
    fn new(inner: R) -> Self {
        let mut tape = Tape::new(Watch {
            inner,
            failed: false,
        });
        tape.log_limit = MEMBER_LOG_BYTES;
        Members {
            member: None,
            between: Some(tape),
            start: 0,
            output: 0,
            output_start: 0,
        }
    }

    /// Finds the next member after a failed one; the error to report.
    fn fail(&mut self, mut tape: Tape<Watch<R>>, error: io::Error) -> io::Error {
        let start = self.start;
        if tape.inner.failed {
            return error;
        }
        let found = if tape.log_full {
            None
        } else {
            (1..tape.log.len()).find(|&i| tape.log[i..].starts_with(&GZIP_MAGIC))
        };
        let next = match found {
            Some(i) => {
                tape.unread_log_from(i);
                Ok(Some(tape.offset))
            }
            None => tape.skip_to_gzip_member(),
        };
        let what = format!("gzip member at compressed byte {start}: {error}");
        let (kind, message) = match next {
            Ok(Some(at)) => {
                self.between = Some(tape);
                (
                    io::ErrorKind::InvalidData,
                    format!("{what}; reading resumes at the next member, compressed byte {at}"),
                )
            }
            Ok(None) => (
                io::ErrorKind::InvalidData,
                format!("{what}; no gzip member follows it"),
            ),
            Err(e) => (e.kind(), format!("{what}; then {e}")),
        };
        io::Error::new(
            kind,
            MemberError {
                message,
                output_start: self.output_start,
            },
        )
    }
}

impl<R: Read> Read for Members<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        if out.is_empty() {
            return Ok(0);
        }
        loop {
            if let Some(member) = &mut self.member {
                match member.read(out) {
                    Ok(0) => {
                        self.between = self.member.take().map(GzDecoder::into_inner);
                    }
                    Ok(n) => {
                        self.output += n as u64;
                        return Ok(n);
                    }
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => return Err(e),
                    Err(e) => {
                        let Some(member) = self.member.take() else {
                            return Err(e);
                        };
                        return Err(self.fail(member.into_inner(), e));
                    }
                }
            } else if let Some(tape) = &mut self.between {
                match tape.fill_buf() {
                    Ok([]) => return Ok(0),
                    Ok(_) => {}
                    Err(e) => {
                        self.between = None;
                        return Err(e);
                    }
                }
                tape.mark();
                self.start = tape.offset;
                self.output_start = self.output;
                self.member = self.between.take().map(GzDecoder::new);
            } else {
                return Ok(0);
            }
        }
    }
}

impl<R: Read> Read for Tape<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        let available = self.fill_buf()?;
        let n = available.len().min(out.len());
        out[..n].copy_from_slice(&available[..n]);
        self.consume(n);
        Ok(n)
    }
}

impl<R: Read> BufRead for Tape<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        if self.pos >= self.filled {
            self.pos = 0;
            self.filled = 0;
            self.filled = loop {
                match self.inner.read(&mut self.buf) {
                    Ok(n) => break n.min(self.buf.len()),
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                    Err(e) => return Err(e),
                }
            };
        }
        Ok(&self.buf[self.pos..self.filled])
    }

    fn consume(&mut self, amount: usize) {
        let amount = amount.min(self.filled - self.pos);
        if !self.log_full && self.log.len() + amount <= self.log_limit {
            self.log
                .extend_from_slice(&self.buf[self.pos..self.pos + amount]);
        } else {
            self.log_full = true;
        }
        self.pos += amount;
        self.offset += amount as u64;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A reader that hands out one byte per call, the worst case for any
    /// code that assumes a read fills its buffer.
    struct Trickle<'a>(&'a [u8]);

    impl Read for Trickle<'_> {
        fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
            match (self.0.split_first(), out.first_mut()) {
                (Some((&b, rest)), Some(slot)) => {
                    *slot = b;
                    self.0 = rest;
                    Ok(1)
                }
                _ => Ok(0),
            }
        }
    }

    #[test]
    fn tape_logs_consumed_bytes_and_takes_them_back() {
        let mut tape = Tape::new(Trickle(b"line one\nWARC/1.0 rest\n"));
        let mut line = Vec::new();
        tape.read_until(b'\n', &mut line).expect("memory");
        assert_eq!(tape.log, b"line one\n");
        assert_eq!(tape.offset, 9);
        tape.mark();
        line.clear();
        tape.read_until(b'\n', &mut line).expect("memory");
        tape.unread_log_from(5);
        assert_eq!(tape.offset, 14);
        let mut rest = String::new();
        tape.read_to_string(&mut rest).expect("memory");
        assert_eq!(rest, "1.0 rest\n");
    }

    #[test]
    fn skip_to_record_stops_before_the_version_line_even_after_garbage() {
        let mut tape = Tape::new(Trickle(
            b"garbage\nmore WARC/1.0 x\njunkWARC/1.1\r\nX: y\r\n",
        ));
        assert_eq!(tape.skip_to_record().expect("memory"), Some(28));
        let mut rest = String::new();
        tape.read_to_string(&mut rest).expect("memory");
        assert_eq!(rest, "WARC/1.1\r\nX: y\r\n");
        let mut none = Tape::new(Trickle(b"no record here WARC/1.0 \n"));
        assert_eq!(none.skip_to_record().expect("memory"), None);
    }

    #[test]
    fn skip_to_record_finds_a_version_line_across_piece_boundaries() {
        for pad in [CHUNK - 12, CHUNK - 5, CHUNK - 1, CHUNK, CHUNK + 3] {
            let mut input = vec![b'x'; pad];
            input.extend_from_slice(b"WARC/1.0\r\nrest");
            let mut tape = Tape::new(&input[..]);
            assert_eq!(tape.skip_to_record().expect("memory"), Some(pad as u64));
        }
    }

    #[test]
    fn next_record_start_finds_version_lines_after_the_first_byte() {
        assert_eq!(next_record_start(b"WARC/1.0\r\nbody WARC/1.0 x\r\n"), None);
        assert_eq!(
            next_record_start(b"WARC/1.0\r\nbody\r\nWARC/1.1\r\n"),
            Some(16)
        );
        assert_eq!(
            next_record_start(b"WARC/1.0\r\ncut boWARC/1.0\r\n"),
            Some(16)
        );
    }

    #[test]
    fn skip_to_gzip_member_joins_a_magic_split_across_reads() {
        let input = [b'a', 0x1f, 0x8b, 0x1f, 0x8b, 0x08, b'z'];
        let mut tape = Tape::new(Trickle(&input));
        assert_eq!(tape.skip_to_gzip_member().expect("memory"), Some(3));
        let mut rest = Vec::new();
        tape.read_to_end(&mut rest).expect("memory");
        assert_eq!(rest, [0x1f, 0x8b, 0x08, b'z']);
        let mut none = Tape::new(Trickle(&[0x1f, 0x8b]));
        assert_eq!(none.skip_to_gzip_member().expect("memory"), None);
    }

    #[test]
    fn content_length_for_messages() {
        assert_eq!(
            content_length(b"WARC/1.0\r\ncontent-length : 42\r\n\r\n"),
            Some(42)
        );
        assert_eq!(content_length(b"WARC/1.0\r\nContent-Length: x\r\n"), None);
    }
}
