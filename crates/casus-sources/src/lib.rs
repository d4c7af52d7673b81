//! Raw web inputs turned into plain-text documents for the casus coder.
//!
//! The coder (`casus-core`) wants a [`casus_core::Document`]: an id, plain
//! text with paragraph breaks, and a date that anchors dated offices and
//! relative time ("on Monday"). News arrives instead as HTML pages and as
//! web archives (WARC files, usually gzip-compressed). This crate is the
//! layer in between; it does no coding and knows nothing of actors or verbs.
//!
//! | module | what it decides |
//! |---|---|
//! | [`html`] | which part of a page is the article, which elements are boilerplate, how paragraphs are separated, the title |
//! | [`meta`] | the publication date from meta tags and JSON-LD |
//! | [`http`] | the HTTP response inside a WARC record: status, media type, transfer and content encodings, character set |
//! | [`warc`] | which WARC records become documents, why the others are skipped, how damaged files are reported and resynchronised |
//! | [`lang`] | whether a text is English enough to be worth coding |
//! | [`dict_dir`] | a user's dictionary folder read into dictionary sources (for every front end) |
//!
//! Everything here takes bytes or text that may be broken in any way: no
//! input can make it panic, and every failure is a value that names what
//! failed (the file, the record, the byte offset).

pub mod dict_dir;
pub mod html;
pub mod http;
pub mod lang;
pub mod limits;
pub mod meta;
pub mod records;
pub mod warc;

pub use html::extract_html;
pub use lang::{check_english, language, Language, DEFAULT_MIN_CONFIDENCE};
pub use meta::parse_timestamp_date;
pub use warc::{read_warc, read_warc_path, WarcCounts, WarcItem};

use casus_core::{Date, Document};

/// The longest prefix of `text` of at most `max_bytes` bytes that ends on a
/// character boundary: the one way to shorten user text for a message or a
/// sample, since a plain byte slice panics inside a multi-byte character.
pub fn cut(text: &str, max_bytes: usize) -> &str {
    if text.len() <= max_bytes {
        return text;
    }
    let mut end = max_bytes;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// One page's text, ready for the coder.
///
/// `text` holds the article's paragraphs joined by a blank line; the title is
/// kept apart in `title` and is never part of `text`, so that the coder does
/// not read the headline twice when the page repeats it in an `<h1>`-less
/// layout and so that callers can choose whether to code headlines at all.
#[derive(Debug, Clone, PartialEq)]
pub struct WebDocument {
    /// The URL when there is one, else `html-` and a hash of the text (see
    /// [`html::content_id`]), stable across runs and machines.
    pub id: String,
    pub url: Option<String>,
    pub title: Option<String>,
    /// The publication date: from the page's metadata, or for a page read
    /// from a WARC file without such metadata, the capture date.
    pub date: Option<Date>,
    pub text: String,
}

impl From<WebDocument> for Document {
    fn from(web: WebDocument) -> Document {
        Document {
            id: web.id,
            text: web.text,
            date: web.date,
            title: web.title,
            url: web.url,
        }
    }
}

/// Why an input gave no document.
#[derive(Debug, thiserror::Error)]
pub enum SourceError {
    /// The page parsed (every page does) but no text survived boilerplate
    /// removal: an empty page, a pure navigation page, an image viewer.
    #[error("{what}: the HTML page has no text")]
    NoText { what: String },
    /// A file could not be opened.
    #[error("{path}: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn web_document_becomes_a_core_document_field_for_field() {
        let web = WebDocument {
            id: "https://example.org/a".into(),
            url: Some("https://example.org/a".into()),
            title: Some("Title".into()),
            date: Date::new(2024, 6, 14),
            text: "One.\n\nTwo.".into(),
        };
        let doc: Document = web.clone().into();
        assert_eq!(doc.id, web.id);
        assert_eq!(doc.url, web.url);
        assert_eq!(doc.title, web.title);
        assert_eq!(doc.date, web.date);
        assert_eq!(doc.text, web.text);
    }

    #[test]
    fn errors_name_what_failed() {
        let e = SourceError::NoText {
            what: "https://example.org/empty".into(),
        };
        assert_eq!(
            e.to_string(),
            "https://example.org/empty: the HTML page has no text"
        );
    }
}
