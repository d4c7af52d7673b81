//! One JSONL line or one text file's bytes turned into a [`Document`], or a
//! message saying what is wrong with it. This is the byte-level half of the
//! command line's input reading, kept here so that it can be fuzzed and
//! reused: no input can make it panic.

use crate::{cut, limits};
use casus_core::{Date, Document};
use serde_json::Value;

/// Parses one JSONL line (raw bytes, newline included or not). `line_no`
/// names records without an `id`; `default_date` applies when the record
/// has no date. The error says what is wrong and that the line is skipped.
pub fn parse_line(
    bytes: &[u8],
    line_no: usize,
    default_date: Option<Date>,
) -> Result<Document, String> {
    if bytes.len() > limits::MAX_JSONL_LINE_BYTES {
        return Err(format!(
            "line of {} bytes is over the {} byte limit; line skipped",
            bytes.len(),
            limits::MAX_JSONL_LINE_BYTES
        ));
    }
    if bytes.contains(&0) {
        return Err("binary data (NUL bytes) in a JSONL line; line skipped".into());
    }
    let line = std::str::from_utf8(bytes).map_err(|e| {
        format!(
            "not valid UTF-8 (byte {} of the line); line skipped",
            e.valid_up_to()
        )
    })?;
    parse_record(line, line_no, default_date)
}

/// Parses one JSONL record; the error message says what is wrong with it.
pub fn parse_record(
    line: &str,
    line_no: usize,
    default_date: Option<Date>,
) -> Result<Document, String> {
    let value: Value = serde_json::from_str(line).map_err(|e| {
        let msg = e.to_string();
        format!("not a JSON object: {}; line skipped", cut(&msg, 120))
    })?;
    let Value::Object(mut record) = value else {
        return Err("not a JSON object (a JSON value of another kind); line skipped".into());
    };
    let text = match record.remove("text") {
        Some(Value::String(t)) if t.len() > limits::MAX_DOCUMENT_BYTES => {
            return Err(format!(
                "`text` of {} bytes is over the {} byte document limit; line skipped",
                t.len(),
                limits::MAX_DOCUMENT_BYTES
            ))
        }
        Some(Value::String(t)) => t,
        Some(_) => return Err("`text` is not a string; line skipped".into()),
        None => return Err("record has no `text` field; line skipped".into()),
    };
    let id = match record.remove("id") {
        Some(Value::String(s)) => s,
        Some(Value::Number(n)) => n.to_string(),
        _ => format!("line-{line_no}"),
    };
    let date = match record.remove("date") {
        None | Some(Value::Null) => default_date,
        Some(Value::String(d)) => Some(parse_date(&d).ok_or_else(|| {
            format!(
                "date `{}` is not YYYY-MM-DD, YYYYMMDD or an RFC 3339 timestamp; line skipped",
                cut(&d, 60)
            )
        })?),
        Some(Value::Number(n)) => Some(
            Date::parse(&n.to_string())
                .ok_or_else(|| format!("date `{n}` is not YYYYMMDD; line skipped"))?,
        ),
        Some(_) => return Err("`date` is not a string; line skipped".into()),
    };
    let string = |v: Option<Value>| match v {
        Some(Value::String(s)) => Some(s),
        _ => None,
    };
    Ok(Document {
        id,
        text,
        date,
        title: string(record.remove("title")),
        url: string(record.remove("url")),
    })
}

/// A date as news feeds write it: `YYYY-MM-DD`, `YYYYMMDD`, or a timestamp
/// (`2024-06-14T10:00:00Z`, `2024-06-14 10:00`) whose date part is taken as
/// written, i.e. the publisher's day.
pub fn parse_date(text: &str) -> Option<Date> {
    Date::parse(text.trim()).or_else(|| crate::parse_timestamp_date(text))
}

/// A whole text file (or standard input read as text) as one document. The
/// error gives the line at fault when there is one, and a message.
pub fn parse_text(
    bytes: Vec<u8>,
    id: &str,
    date: Option<Date>,
) -> Result<Document, (Option<usize>, String)> {
    if bytes.len() > limits::MAX_DOCUMENT_BYTES {
        let message = format!(
            "{} bytes is over the {} byte document limit; skipped",
            bytes.len(),
            limits::MAX_DOCUMENT_BYTES
        );
        return Err((None, message));
    }
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err((None, "empty input, nothing to code".into()));
    }
    if bytes.iter().take(8192).any(|&b| b == 0) {
        return Err((None, "binary data (NUL bytes), not text; skipped".into()));
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok(Document {
            id: id.to_string(),
            text,
            date,
            title: None,
            url: None,
        }),
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            let line = e.as_bytes()[..at].iter().filter(|&&b| b == b'\n').count() + 1;
            Err((
                Some(line),
                format!("not valid UTF-8 (byte {at}); file skipped"),
            ))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_accept_both_date_forms_and_numeric_ids() {
        let d = parse_record(r#"{"id": 7, "text": "x", "date": "20151124"}"#, 1, None).unwrap();
        assert_eq!((d.id.as_str(), d.date), ("7", Date::parse("2015-11-24")));
        let d = parse_record(r#"{"text": "x", "date": "2015-11-24"}"#, 3, None).unwrap();
        assert_eq!(d.id, "line-3");
    }

    #[test]
    fn timestamps_give_their_date() {
        let want = Date::parse("2024-06-14");
        for d in [
            "2024-06-14T10:00:00Z",
            "2024-06-14 10:00",
            "20240614",
            "2024-06-14T23:30:00-05:00",
        ] {
            let line = format!(r#"{{"text": "x", "date": "{d}"}}"#);
            assert_eq!(parse_record(&line, 1, None).unwrap().date, want, "{d}");
        }
    }

    #[test]
    fn bad_records_say_what_is_wrong() {
        assert!(parse_record("not json", 1, None)
            .unwrap_err()
            .starts_with("not a JSON object"));
        assert!(parse_record(r#"{"id": "a"}"#, 1, None)
            .unwrap_err()
            .contains("no `text`"));
        assert!(parse_record(r#"{"text": 5}"#, 1, None)
            .unwrap_err()
            .contains("not a string"));
        assert!(parse_record(r#"{"text": "x", "date": "soon"}"#, 1, None)
            .unwrap_err()
            .contains("YYYY-MM-DD"));
    }

    #[test]
    fn non_ascii_json_strings_give_an_error_not_a_panic() {
        // serde's message quotes the string; cutting it at byte 120 used to
        // land inside a two-byte character and panic.
        for pad in 0..4 {
            let line = format!("\"{}{}\"", "a".repeat(pad), "é".repeat(60));
            let err = parse_line(line.as_bytes(), 1, None).unwrap_err();
            assert!(err.starts_with("not a JSON object"), "{err}");
        }
        let err = parse_record(
            &format!(r#"{{"text": "x", "date": "{}"}}"#, "é".repeat(80)),
            1,
            None,
        )
        .unwrap_err();
        assert!(err.contains("is not YYYY-MM-DD"));
    }
}
