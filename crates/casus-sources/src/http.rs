//! The HTTP response stored in a WARC `response` record, as the crawler
//! received it: status line, headers, and a payload that may still carry
//! its transfer encoding (chunked) and content encoding (gzip, deflate).
//!
//! A WARC record keeps the bytes of the wire, so a reader has to undo what
//! the server did before the HTML can be parsed. Crawlers differ here: some
//! store the decoded payload but keep the `Transfer-Encoding: chunked` or
//! `Content-Encoding: gzip` header. Decoding therefore falls back to the
//! raw bytes when they do not decode and already look like the payload.
//!
//! Decompression uses `flate2` (already needed for `.warc.gz` files).
//! Brotli and zstd payloads are rare in archives (crawlers seldom announce
//! them) and are reported as unsupported rather than pulling in two more
//! codecs. Text decoding uses `encoding_rs`, the WHATWG Encoding Standard
//! implementation of Firefox, so that `iso-8859-1`, `windows-1252`,
//! `shift_jis` and the other labels pages declare mean what browsers take
//! them to mean.

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};
use flate2::read::{DeflateDecoder, MultiGzDecoder, ZlibDecoder};
use std::borrow::Cow;
use std::io::Read;

/// Decompressed payloads are cut at this size: a news page is far smaller,
/// and a small gzip bomb must not take the machine's memory. It is the HTML
/// page limit, since the payload is parsed as a page next.
pub const MAX_PAYLOAD: u64 = crate::limits::MAX_HTML_BYTES as u64;

/// How many bytes at the start of a page are searched for a
/// `<meta charset>` declaration. The HTML standard says 1024; pages with
/// long comments before `<head>` are common enough to look a little further.
const CHARSET_SCAN: usize = 4096;

/// A parsed HTTP response: status, headers (names lowercased) and the raw
/// payload after the blank line.
#[derive(Debug, Clone, PartialEq)]
pub struct HttpResponse<'a> {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub payload: &'a [u8],
}

/// Why a payload could not be turned into bytes of text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PayloadError {
    /// A content encoding this crate does not decode (`br`, `zstd`...).
    Unsupported(String),
    /// The payload claims an encoding it is not in.
    Undecodable(String),
}

impl std::fmt::Display for PayloadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PayloadError::Unsupported(e) => write!(f, "content encoding {e} is not supported"),
            PayloadError::Undecodable(e) => write!(f, "payload does not decode as {e}"),
        }
    }
}

/// Parses the status line and headers of an HTTP response; `None` when the
/// bytes do not start with `HTTP/` and a three-digit status, or have no end
/// of headers. Accepts bare `\n` line ends, which some crawlers write.
pub fn parse_response(bytes: &[u8]) -> Option<HttpResponse<'_>> {
    if !bytes.starts_with(b"HTTP/") {
        return None;
    }
    let (head_len, sep_len) = header_end(bytes)?;
    let head = String::from_utf8_lossy(&bytes[..head_len]);
    let mut lines = head.lines();
    let status_line = lines.next()?;
    let code = status_line.split_whitespace().nth(1)?;
    if code.len() != 3 || !code.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let status = code.parse().ok()?;
    let headers = lines
        .filter_map(|line| {
            let (name, value) = line.split_once(':')?;
            Some((name.trim().to_ascii_lowercase(), value.trim().to_string()))
        })
        .collect();
    Some(HttpResponse {
        status,
        headers,
        payload: bytes.get(head_len + sep_len..).unwrap_or_default(),
    })
}

/// Where the header block ends and how long the blank-line separator is.
fn header_end(bytes: &[u8]) -> Option<(usize, usize)> {
    let crlf = find(bytes, b"\r\n\r\n").map(|i| (i, 4));
    let lf = find(bytes, b"\n\n").map(|i| (i, 2));
    match (crlf, lf) {
        (Some(a), Some(b)) => Some(if a.0 <= b.0 { a } else { b }),
        (a, b) => a.or(b),
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

impl<'a> HttpResponse<'a> {
    /// The first value of a header, by lowercase name.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// The media type, lowercased, without parameters: `text/html`.
    pub fn media_type(&self) -> Option<String> {
        let value = self.header("content-type")?;
        let media = value.split(';').next()?.trim().to_ascii_lowercase();
        (!media.is_empty()).then_some(media)
    }

    /// The `charset` parameter of the Content-Type header.
    pub fn charset(&self) -> Option<&str> {
        let value = self.header("content-type")?;
        value.split(';').skip(1).find_map(|param| {
            let (key, val) = param.split_once('=')?;
            key.trim()
                .eq_ignore_ascii_case("charset")
                .then(|| val.trim().trim_matches(['"', '\'']))
        })
    }

    /// The payload with transfer and content encodings undone.
    pub fn decoded_payload(&self) -> Result<Cow<'a, [u8]>, PayloadError> {
        let mut body: Cow<'a, [u8]> = Cow::Borrowed(self.payload);
        let chunked = self
            .header("transfer-encoding")
            .is_some_and(|te| te.to_ascii_lowercase().contains("chunked"));
        if chunked {
            // Not chunked after all: the crawler stored the decoded body.
            if let Some(joined) = dechunk(self.payload) {
                body = Cow::Owned(joined);
            }
        }
        let encodings: Vec<String> = self
            .header("content-encoding")
            .unwrap_or_default()
            .split(',')
            .map(|e| e.trim().to_ascii_lowercase())
            .filter(|e| !e.is_empty() && e != "identity")
            .collect();
        // Encodings are listed in the order they were applied.
        for encoding in encodings.iter().rev() {
            body = Cow::Owned(decode_content(&body, encoding)?);
        }
        Ok(body)
    }
}

fn decode_content(body: &[u8], encoding: &str) -> Result<Vec<u8>, PayloadError> {
    let attempt = |reader: &mut dyn Read| {
        let mut out = Vec::new();
        let result = Read::take(reader, MAX_PAYLOAD).read_to_end(&mut out);
        // A record cut by the crawler's size limit ends inside the
        // compressed stream: keep what decoded before the cut.
        (result.is_ok() || !out.is_empty()).then_some(out)
    };
    let decoded = match encoding {
        "gzip" | "x-gzip" => attempt(&mut MultiGzDecoder::new(body)),
        // "deflate" is zlib by the standard and raw deflate by some servers.
        "deflate" => {
            attempt(&mut ZlibDecoder::new(body)).or_else(|| attempt(&mut DeflateDecoder::new(body)))
        }
        other => return Err(PayloadError::Unsupported(other.to_string())),
    };
    match decoded {
        Some(out) => Ok(out),
        None if looks_like_html(body) => Ok(body.to_vec()),
        None => Err(PayloadError::Undecodable(encoding.to_string())),
    }
}

/// Undoes `Transfer-Encoding: chunked`. `None` when the bytes do not start
/// with a chunk size line. A body cut inside a chunk (a crawler's size
/// limit) keeps what is there.
pub fn dechunk(bytes: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(bytes.len());
    let mut rest = bytes;
    let mut first = true;
    loop {
        let Some(line_end) = rest.iter().position(|&b| b == b'\n') else {
            // No more size lines: a missing last chunk is tolerated.
            return (!first).then_some(out);
        };
        let line = String::from_utf8_lossy(&rest[..line_end]);
        let size_text = line.split(';').next().unwrap_or_default().trim();
        let size = match usize::from_str_radix(size_text, 16) {
            Ok(size) if !size_text.is_empty() => size,
            _ if first => return None,
            // Garbage after some chunks: keep what was joined.
            _ => return Some(out),
        };
        first = false;
        rest = &rest[line_end + 1..];
        if size == 0 {
            return Some(out);
        }
        let take = size.min(rest.len());
        out.extend_from_slice(&rest[..take]);
        rest = &rest[take..];
        if rest.is_empty() {
            return Some(out);
        }
        rest = rest
            .strip_prefix(b"\r\n")
            .or_else(|| rest.strip_prefix(b"\n"))
            .unwrap_or(rest);
    }
}

/// Whether a media type is HTML.
pub fn is_html_media_type(media_type: &str) -> bool {
    matches!(media_type, "text/html" | "application/xhtml+xml")
}

/// Whether bytes start like an HTML document (after a BOM and whitespace):
/// used for responses without a Content-Type, and to recognise payloads a
/// crawler already decoded.
pub fn looks_like_html(bytes: &[u8]) -> bool {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let start = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(bytes.len());
    let head: Vec<u8> = bytes[start..]
        .iter()
        .take(15)
        .map(u8::to_ascii_lowercase)
        .collect();
    head.starts_with(b"<!doctype html") || head.starts_with(b"<html") || head.starts_with(b"<head")
}

/// Decodes a page's bytes to text. The encoding is, in order: a byte-order
/// mark, the HTTP `charset`, a `<meta charset>` or `http-equiv`
/// declaration near the start, UTF-8 when the bytes are valid UTF-8, else
/// windows-1252 (what browsers assume for undeclared Western pages).
/// Undecodable bytes become U+FFFD; decoding never fails.
pub fn decode_text(bytes: &[u8], http_charset: Option<&str>) -> String {
    let declared = http_charset
        .and_then(|label| Encoding::for_label(label.trim().as_bytes()))
        .or_else(|| meta_charset(bytes));
    let encoding = declared.unwrap_or_else(|| {
        if std::str::from_utf8(bytes).is_ok() {
            UTF_8
        } else {
            WINDOWS_1252
        }
    });
    // `decode` lets a byte-order mark override the declaration, as browsers do.
    let (text, _, _) = encoding.decode(bytes);
    text.into_owned()
}

/// The encoding a page declares in its first bytes, by `charset=`. A
/// declared UTF-16 in a page that was read as ASCII bytes cannot be right
/// (the HTML standard says to take it as UTF-8).
fn meta_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head: Vec<u8> = bytes
        .iter()
        .take(CHARSET_SCAN)
        .map(u8::to_ascii_lowercase)
        .collect();
    let at = find(&head, b"charset")?;
    let rest = &head[at + b"charset".len()..];
    let rest = rest.strip_prefix(b" ").unwrap_or(rest);
    let rest = rest.strip_prefix(b"=")?;
    let rest: &[u8] = {
        let skip = rest
            .iter()
            .position(|b| !matches!(b, b' ' | b'"' | b'\''))
            .unwrap_or(rest.len());
        &rest[skip..]
    };
    let end = rest
        .iter()
        .position(|b| !(b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.')))
        .unwrap_or(rest.len());
    let encoding = Encoding::for_label(&rest[..end])?;
    Some(if encoding.output_encoding() == UTF_8 {
        UTF_8
    } else {
        encoding
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use flate2::write::GzEncoder;
    use flate2::Compression;
    use std::io::Write;

    fn gzip(bytes: &[u8]) -> Vec<u8> {
        let mut enc = GzEncoder::new(Vec::new(), Compression::default());
        enc.write_all(bytes).expect("in memory");
        enc.finish().expect("in memory")
    }

    #[test]
    fn status_headers_and_payload() {
        let raw = b"HTTP/1.1 404 Not Found\r\nContent-Type: text/html; charset=ISO-8859-1\r\nX-A: b:c\r\n\r\n<html>gone</html>";
        let r = parse_response(raw).expect("parses");
        assert_eq!(r.status, 404);
        assert_eq!(r.media_type().as_deref(), Some("text/html"));
        assert_eq!(r.charset(), Some("ISO-8859-1"));
        assert_eq!(r.header("x-a"), Some("b:c"));
        assert_eq!(r.payload, b"<html>gone</html>");
    }

    #[test]
    fn bare_newlines_are_accepted() {
        let r =
            parse_response(b"HTTP/1.0 200 OK\nContent-Type: text/html\n\nbody").expect("parses");
        assert_eq!(r.status, 200);
        assert_eq!(r.payload, b"body");
    }

    #[test]
    fn not_http_is_none() {
        assert_eq!(parse_response(b"GET / HTTP/1.1\r\n\r\n"), None);
        assert_eq!(parse_response(b"HTTP/1.1 2OO OK\r\n\r\n"), None);
        assert_eq!(
            parse_response(b"HTTP/1.1 200 OK\r\nno end of headers"),
            None
        );
        assert_eq!(parse_response(b""), None);
    }

    #[test]
    fn chunked_payload_is_joined_and_tolerates_truncation() {
        assert_eq!(
            dechunk(b"5\r\nHello\r\n7;ext=1\r\n, world\r\n0\r\n\r\n").as_deref(),
            Some(&b"Hello, world"[..])
        );
        assert_eq!(dechunk(b"5\r\nHel").as_deref(), Some(&b"Hel"[..]));
        assert_eq!(dechunk(b"<html>not chunked</html>\r\n"), None);
    }

    #[test]
    fn a_chunked_header_on_a_decoded_body_keeps_the_body() {
        let raw = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n<html><p>plain</p></html>";
        let r = parse_response(raw).expect("parses");
        assert_eq!(
            r.decoded_payload().expect("decodes").as_ref(),
            b"<html><p>plain</p></html>"
        );
    }

    #[test]
    fn gzip_inside_chunks_is_undone_in_order() {
        let zipped = gzip(b"<p>compressed page</p>");
        let (a, b) = zipped.split_at(10);
        let mut raw =
            b"HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n\r\n"
                .to_vec();
        raw.extend_from_slice(format!("{:x}\r\n", a.len()).as_bytes());
        raw.extend_from_slice(a);
        raw.extend_from_slice(format!("\r\n{:X}\r\n", b.len()).as_bytes());
        raw.extend_from_slice(b);
        raw.extend_from_slice(b"\r\n0\r\n\r\n");
        let r = parse_response(&raw).expect("parses");
        assert_eq!(
            r.decoded_payload().expect("decodes").as_ref(),
            b"<p>compressed page</p>"
        );
    }

    #[test]
    fn unsupported_and_undecodable_encodings_are_named() {
        let r = parse_response(b"HTTP/1.1 200 OK\r\nContent-Encoding: br\r\n\r\n\x1b\x00")
            .expect("parses");
        assert_eq!(
            r.decoded_payload(),
            Err(PayloadError::Unsupported("br".into()))
        );
        let r = parse_response(b"HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\nnot gzip at all")
            .expect("parses");
        assert_eq!(
            r.decoded_payload(),
            Err(PayloadError::Undecodable("gzip".into()))
        );
        // A crawler that stored the decoded page but kept the header.
        let r = parse_response(
            b"HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\n<!DOCTYPE html><p>x</p>",
        )
        .expect("parses");
        assert_eq!(
            r.decoded_payload().expect("falls back").as_ref(),
            b"<!DOCTYPE html><p>x</p>"
        );
    }

    #[test]
    fn charsets_from_header_meta_and_sniffing() {
        // "café" in windows-1252.
        let latin = b"<p>caf\xe9</p>";
        assert_eq!(decode_text(latin, Some("iso-8859-1")), "<p>café</p>");
        assert_eq!(
            decode_text(latin, None),
            "<p>café</p>",
            "invalid UTF-8 falls back to windows-1252"
        );
        let meta = b"<meta charset=\"windows-1252\"><p>\x93quoted\x94</p>";
        assert_eq!(
            decode_text(meta, None),
            "<meta charset=\"windows-1252\"><p>\u{201c}quoted\u{201d}</p>"
        );
        let equiv = b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\"><p>caf\xe9</p>";
        assert!(decode_text(equiv, None).ends_with("<p>café</p>"));
        assert_eq!(decode_text("<p>café</p>".as_bytes(), None), "<p>café</p>");
        // A BOM beats a wrong declaration.
        assert_eq!(
            decode_text(b"\xef\xbb\xbf<p>caf\xc3\xa9</p>", Some("iso-8859-1")),
            "<p>café</p>"
        );
        // A meta UTF-16 on single-byte text is taken as UTF-8.
        assert_eq!(
            decode_text(b"<meta charset=utf-16><p>ok</p>", None),
            "<meta charset=utf-16><p>ok</p>"
        );
    }

    #[test]
    fn html_media_types_and_sniffing() {
        assert!(is_html_media_type("text/html"));
        assert!(is_html_media_type("application/xhtml+xml"));
        assert!(!is_html_media_type("application/json"));
        assert!(looks_like_html(b"\xef\xbb\xbf  \n<!DOCTYPE HTML>"));
        assert!(looks_like_html(b"<html lang=en>"));
        assert!(!looks_like_html(b"{\"a\": 1}"));
        assert!(!looks_like_html(b"\x89PNG\r\n"));
    }
}
