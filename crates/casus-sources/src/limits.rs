//! The documented limits on inputs (docs/RELIABILITY.md, `## Inputs`), in
//! one place. Each bounds memory: past it the input is reported by name and
//! skipped, and reading goes on with the next one.

/// Largest document coded (its text, in bytes): the core keeps about 115
/// bytes per token, so 16 MiB of text costs about 250 MB while coded.
pub const MAX_DOCUMENT_BYTES: usize = 16 * 1024 * 1024;

/// Largest JSONL line: room for a maximal text written with JSON escapes.
pub const MAX_JSONL_LINE_BYTES: usize = 2 * MAX_DOCUMENT_BYTES;

/// Largest HTML page extracted (before extraction; the text is smaller).
pub const MAX_HTML_BYTES: usize = 8 * 1024 * 1024;

/// Largest WARC record (its Content-Length); a record is held in memory
/// whole while it is read.
pub const MAX_WARC_RECORD_BYTES: u64 = 64 * 1024 * 1024;

/// Largest WARC header block (the lines before the record's content).
pub const MAX_WARC_HEADER_BYTES: u64 = 64 * 1024;
