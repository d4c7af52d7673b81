//! Reading documents from the inputs named on the command line: `.txt`
//! files (one document), `.jsonl` files (one document per line) and `-`
//! (standard input, either form). Bad input is reported as a [`Problem`]
//! naming the file and line, and reading goes on with the next document.

use casus_core::{Date, Document};
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::Path;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum InputFormat {
    /// From the file extension (.jsonl, .html/.htm, .warc/.warc.gz, else
    /// text); for standard input, JSONL if it starts with `{`.
    Auto,
    Text,
    Jsonl,
    /// An HTML page: title, date and main text are extracted.
    Html,
    /// A WARC web archive, gzip-compressed or not.
    Warc,
}

/// Something wrong with one input or one line of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub place: String,
    pub message: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.place, self.message)
    }
}

pub enum Item {
    Doc(Document),
    Problem(Problem),
    /// A JSONL line not yet checked or parsed: parsing happens in the
    /// parallel part of the batch (see [`Item::resolve`]).
    Line(RawLine),
    /// An input deliberately not coded, with the reason ("non-English").
    Skipped(String),
}

pub struct RawLine {
    pub place: String,
    pub line: usize,
    pub bytes: Vec<u8>,
    pub default_date: Option<Date>,
}

impl Item {
    /// Turns a raw line into a document or a problem naming its place.
    pub fn resolve(self) -> Item {
        match self {
            Item::Line(raw) => Item::parse_line(raw).check_language(),
            Item::Doc(_) => self.check_language(),
            other => other,
        }
    }

    /// Non-English documents are skipped and counted, not coded into
    /// nonsense.
    fn check_language(self) -> Item {
        let Item::Doc(doc) = &self else { return self };
        // a few hundred bytes tell the language as well as the whole text
        let language = casus_sources::lang::language(casus_sources::cut(&doc.text, 400));
        match language.admits(casus_sources::lang::DEFAULT_MIN_CONFIDENCE) {
            Ok(()) => self,
            Err(_) => match language {
                casus_sources::lang::Language::Other { code, .. } => {
                    Item::Skipped(format!("non-English documents ({code})"))
                }
                _ => Item::Skipped("non-English documents".into()),
            },
        }
    }

    fn parse_line(raw: RawLine) -> Item {
        let fail = |message: String| {
            Item::Problem(Problem {
                place: format!("{}:{}", raw.place, raw.line),
                message,
            })
        };
        match casus_sources::records::parse_line(&raw.bytes, raw.line, raw.default_date) {
            Ok(doc) => Item::Doc(doc),
            Err(msg) => fail(msg),
        }
    }

    /// Bytes of input this item stands for (for batching and progress).
    pub fn weight(&self) -> usize {
        match self {
            Item::Doc(d) => d.text.len(),
            Item::Line(l) => l.bytes.len(),
            Item::Problem(_) | Item::Skipped(_) => 0,
        }
    }
}

/// Settings shared by every input.
#[derive(Debug, Clone)]
pub struct InputSettings {
    pub format: InputFormat,
    pub date: Option<Date>,
}

/// Reads every input and calls `each` with each document or problem, in
/// input order, streaming line by line.
pub fn read_inputs(inputs: &[String], settings: &InputSettings, each: &mut dyn FnMut(Item)) {
    for input in inputs {
        if input == "-" {
            let stdin = io::stdin();
            read_one(
                "<stdin>",
                "stdin",
                Box::new(stdin.lock()),
                settings,
                None,
                each,
            );
            continue;
        }
        let path = Path::new(input);
        let file = match File::open(path) {
            Ok(f) => f,
            Err(e) => {
                each(Item::Problem(Problem {
                    place: input.clone(),
                    message: format!("cannot open: {e}"),
                }));
                continue;
            }
        };
        if path.is_dir() {
            each(Item::Problem(Problem {
                place: input.clone(),
                message: "is a directory, not a file".into(),
            }));
            continue;
        }
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_lowercase);
        let stem = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or(input)
            .to_string();
        read_one(
            input,
            &stem,
            Box::new(BufReader::new(file)),
            settings,
            ext.as_deref(),
            each,
        );
    }
}

fn read_one(
    place: &str,
    stem: &str,
    reader: Box<dyn BufRead + '_>,
    settings: &InputSettings,
    ext: Option<&str>,
    each: &mut dyn FnMut(Item),
) {
    let mut reader = reader;
    let problem = |message: String| {
        Item::Problem(Problem {
            place: place.to_string(),
            message,
        })
    };
    let format = match settings.format {
        InputFormat::Auto => match ext {
            Some("jsonl") | Some("ndjson") => InputFormat::Jsonl,
            Some("html") | Some("htm") | Some("xhtml") => InputFormat::Html,
            Some("warc") => InputFormat::Warc,
            Some("gz") if place.to_lowercase().ends_with(".warc.gz") => InputFormat::Warc,
            Some(_) => InputFormat::Text,
            None => {
                // Standard input: peek at the first non-blank byte.
                let buf = match reader.fill_buf() {
                    Ok(b) => b,
                    Err(e) => return each(problem(format!("cannot read: {e}"))),
                };
                let start = buf.iter().position(|b| !b.is_ascii_whitespace());
                let head = &buf[start.unwrap_or(buf.len())..];
                if head.first() == Some(&b'{') {
                    InputFormat::Jsonl
                } else if looks_like_html(head) {
                    InputFormat::Html
                } else {
                    InputFormat::Text
                }
            }
        },
        f => f,
    };
    match format {
        InputFormat::Jsonl => read_jsonl(place, reader, settings, each),
        InputFormat::Warc => read_warc(place, reader, settings, each),
        InputFormat::Html => {
            let mut bytes = Vec::new();
            let cap = casus_sources::limits::MAX_HTML_BYTES as u64;
            if let Err(e) = reader.by_ref().take(cap + 1).read_to_end(&mut bytes) {
                return each(problem(format!("cannot read: {e}")));
            }
            if bytes.len() as u64 > cap {
                return each(problem(format!(
                    "HTML page over the {cap} byte limit; page skipped"
                )));
            }
            let html = casus_sources::http::decode_text(&bytes, None);
            match casus_sources::extract_html(&html, None) {
                Ok(web) => {
                    let mut doc: Document = web.into();
                    doc.id = stem.to_string();
                    doc.date = doc.date.or(settings.date);
                    each(Item::Doc(doc))
                }
                Err(e) => each(problem(format!("{e}; page skipped"))),
            }
        }
        _ => {
            let mut bytes = Vec::new();
            if let Err(e) = reader.read_to_end(&mut bytes) {
                return each(problem(format!("cannot read: {e}")));
            }
            match casus_sources::records::parse_text(bytes, stem, settings.date) {
                Ok(doc) => each(Item::Doc(doc)),
                Err((line, message)) => each(Item::Problem(Problem {
                    place: match line {
                        Some(line) => format!("{place}:{line}"),
                        None => place.to_string(),
                    },
                    message,
                })),
            }
        }
    }
}

/// Whether text starting with `head` (its first non-blank byte on) is an
/// HTML page: a doctype, or a tag that only pages open with.
fn looks_like_html(head: &[u8]) -> bool {
    let lower: Vec<u8> = head.iter().take(64).map(u8::to_ascii_lowercase).collect();
    [
        &b"<!doctype html"[..],
        b"<html",
        b"<head",
        b"<body",
        b"<!--",
        b"<?xml",
        b"<meta",
    ]
    .iter()
    .any(|p| lower.starts_with(p))
}

/// Web archives: HTML responses become documents; other records are
/// skipped and counted; damage is reported and reading goes on.
fn read_warc(
    place: &str,
    reader: Box<dyn BufRead + '_>,
    settings: &InputSettings,
    each: &mut dyn FnMut(Item),
) {
    use casus_sources::warc::WarcItem;
    casus_sources::warc::read_warc(reader, place, &mut |item| match item {
        WarcItem::Document { document, .. } => {
            let mut doc: Document = document.into();
            doc.date = doc.date.or(settings.date);
            each(Item::Doc(doc))
        }
        WarcItem::Skipped { reason, .. } => each(Item::Skipped(format!("WARC records ({reason})"))),
        WarcItem::Problem { message, .. } => {
            // the message names the file already, and says whether reading resumes
            let message = message
                .strip_prefix(&format!("{place}: "))
                .map(str::to_string)
                .unwrap_or(message);
            each(Item::Problem(Problem {
                place: place.to_string(),
                message,
            }))
        }
    });
}

fn read_jsonl(
    place: &str,
    mut reader: Box<dyn BufRead + '_>,
    settings: &InputSettings,
    each: &mut dyn FnMut(Item),
) {
    let mut line_no = 0usize;
    let mut buf = Vec::new();
    let mut any = false;
    loop {
        buf.clear();
        match reader.read_until(b'\n', &mut buf) {
            Ok(0) => break,
            Ok(_) => {}
            Err(e) => {
                each(Item::Problem(Problem {
                    place: format!("{place}:{}", line_no + 1),
                    message: format!("cannot read: {e}"),
                }));
                break;
            }
        }
        line_no += 1;
        if buf.iter().all(|b| b.is_ascii_whitespace()) {
            continue;
        }
        any = true;
        // Checking and parsing the line is left to the parallel batch.
        each(Item::Line(RawLine {
            place: place.to_string(),
            line: line_no,
            bytes: std::mem::take(&mut buf),
            default_date: settings.date,
        }));
    }
    if !any {
        each(Item::Problem(Problem {
            place: place.to_string(),
            message: "empty input, nothing to code".into(),
        }));
    }
}
