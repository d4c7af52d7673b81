//! The publication date of a page, from the metadata publishers put there
//! for search engines and social networks: `<meta>` tags (Open Graph,
//! Dublin Core, Parse.ly, plain `date`/`pubdate`), schema.org microdata
//! (`itemprop="datePublished"`) and JSON-LD (`"datePublished"`, also inside
//! `@graph` arrays).
//!
//! Only the calendar date is kept: `2024-06-14T23:30:00-05:00` is the 14th,
//! the publisher's own day, even though it is already the 15th in UTC. The
//! coder anchors "on Monday" and "yesterday" on this date, and those words
//! were written in the publisher's time zone.

use casus_core::Date;
use scraper::{Html, Selector};
use serde_json::Value;
use std::sync::LazyLock;

/// Meta names that carry the publication date, most trusted first. The
/// specific ones (`article:published_time`) come before the generic `date`,
/// which some sites use for the last modification. Compared lowercased,
/// against `property`, `name` and `itemprop` alike, because sites mix them
/// up (`<meta name="og:published_time">` is common).
const PRIMARY_KEYS: &[&str] = &[
    "article:published_time",
    "og:published_time",
    "og:article:published_time",
    "datepublished",
];

/// Consulted after JSON-LD: generic or less reliable names.
const SECONDARY_KEYS: &[&str] = &[
    "parsely-pub-date",
    "date",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "dc.date",
    "dc.date.issued",
    "dcterms.date",
    "dcterms.issued",
    "dcterms.created",
    "sailthru.date",
];

// The selectors are constants: parsing them cannot fail on any input.
static META: LazyLock<Selector> = LazyLock::new(|| selector("meta"));
static ITEMPROP: LazyLock<Selector> = LazyLock::new(|| selector("[itemprop]"));
static JSON_LD: LazyLock<Selector> =
    LazyLock::new(|| selector(r#"script[type="application/ld+json"]"#));

pub(crate) fn selector(css: &str) -> Selector {
    // Only called on the string constants of this crate, which the tests
    // exercise; never on input data.
    Selector::parse(css).unwrap_or_else(|e| panic!("bad built-in selector {css:?}: {e}"))
}

/// The publication date of a parsed page, if its metadata gives one.
pub fn published_date(page: &Html) -> Option<Date> {
    let tagged = tagged_dates(page);
    let from_keys = |keys: &[&str]| {
        keys.iter().find_map(|key| {
            tagged
                .iter()
                .filter(|(k, _)| k == key)
                .find_map(|(_, v)| parse_timestamp_date(v))
        })
    };
    from_keys(PRIMARY_KEYS)
        .or_else(|| json_ld_date(page))
        .or_else(|| from_keys(SECONDARY_KEYS))
}

/// Every (lowercased key, value) pair that might carry a date: meta tags by
/// `property`/`name`/`itemprop`, and microdata elements such as
/// `<time itemprop="datePublished" datetime="...">`.
fn tagged_dates(page: &Html) -> Vec<(String, String)> {
    let mut pairs = Vec::new();
    for meta in page.select(&META) {
        let Some(content) = meta.attr("content") else {
            continue;
        };
        for attr in ["property", "name", "itemprop"] {
            if let Some(key) = meta.attr(attr) {
                pairs.push((key.trim().to_ascii_lowercase(), content.to_string()));
            }
        }
    }
    for el in page.select(&ITEMPROP) {
        if el.value().name() == "meta" {
            continue;
        }
        if let Some(key) = el.attr("itemprop") {
            let value = el
                .attr("datetime")
                .or_else(|| el.attr("content"))
                .map(str::to_string)
                .unwrap_or_else(|| el.text().collect());
            pairs.push((key.trim().to_ascii_lowercase(), value));
        }
    }
    pairs
}

/// The first `datePublished` in the page's JSON-LD blocks. Blocks that are
/// not valid JSON (hand-written ones often are not) are ignored.
fn json_ld_date(page: &Html) -> Option<Date> {
    page.select(&JSON_LD).find_map(|script| {
        let source: String = script.text().collect();
        let value: Value = serde_json::from_str(source.trim()).ok()?;
        find_date_published(&value, 0)
    })
}

/// Looks through a JSON-LD value for `datePublished`: the object itself,
/// then its `@graph`, then the items of a top-level array. The depth bound
/// keeps a hostile, deeply nested block from costing much; JSON-LD puts the
/// article at most two levels down.
fn find_date_published(value: &Value, depth: usize) -> Option<Date> {
    if depth > 4 {
        return None;
    }
    match value {
        Value::Object(map) => map
            .get("datePublished")
            .and_then(date_of_value)
            .or_else(|| {
                map.get("@graph")
                    .and_then(|graph| find_date_published(graph, depth + 1))
            }),
        Value::Array(items) => items
            .iter()
            .find_map(|item| find_date_published(item, depth + 1)),
        _ => None,
    }
}

/// `"datePublished": "2024-06-14"` or, rarely, a list of such strings.
fn date_of_value(value: &Value) -> Option<Date> {
    match value {
        Value::String(s) => parse_timestamp_date(s),
        Value::Array(items) => items.iter().find_map(date_of_value),
        _ => None,
    }
}

/// The calendar date at the start of an ISO 8601 timestamp:
/// `2024-06-14`, `2024-06-14T08:30:00Z`, `2024-06-14 08:30`,
/// `2024-06-14T08:30:00+02:00`, and the compact `20240614`. Anything else
/// (`June 14, 2024`, `14/06/2024`) is `None`: those forms are ambiguous or
/// locale-bound, and a wrong date would silently mis-anchor every relative
/// time in the article.
pub fn parse_timestamp_date(text: &str) -> Option<Date> {
    let text = text.trim();
    let bytes = text.as_bytes();
    if bytes.len() >= 10 && bytes[4] == b'-' && bytes[7] == b'-' {
        // Whatever follows the date must start a time part.
        match bytes.get(10) {
            None | Some(b'T' | b't' | b' ') => Date::parse(text.get(..10)?),
            _ => None,
        }
    } else if bytes.len() == 8 {
        Date::parse(text)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(html: &str) -> Option<Date> {
        published_date(&Html::parse_document(html))
    }

    #[test]
    fn timestamps_give_their_date_part() {
        let d = Date::new(2024, 6, 14);
        assert_eq!(parse_timestamp_date("2024-06-14T08:30:00Z"), d);
        assert_eq!(parse_timestamp_date(" 2024-06-14 "), d);
        assert_eq!(parse_timestamp_date("2024-06-14 08:30"), d);
        // The publisher's day, not the UTC day.
        assert_eq!(parse_timestamp_date("2024-06-14T23:30:00-05:00"), d);
        assert_eq!(parse_timestamp_date("20240614"), d);
    }

    #[test]
    fn non_iso_and_impossible_dates_are_refused() {
        assert_eq!(parse_timestamp_date("June 14, 2024"), None);
        assert_eq!(parse_timestamp_date("14/06/2024"), None);
        assert_eq!(parse_timestamp_date("2024-02-30T00:00:00Z"), None);
        assert_eq!(parse_timestamp_date("2024-06-145"), None);
        assert_eq!(parse_timestamp_date("2024-06-1"), None);
        assert_eq!(parse_timestamp_date(""), None);
        // Multi-byte text where the ASCII positions would be checked.
        assert_eq!(parse_timestamp_date("ééééé-06-14"), None);
    }

    #[test]
    fn article_published_time_beats_generic_date() {
        let html = r#"<html><head>
            <meta name="date" content="2024-06-20">
            <meta property="article:published_time" content="2024-06-14T08:30:00Z">
            </head><body><p>x</p></body></html>"#;
        assert_eq!(date(html), Date::new(2024, 6, 14));
    }

    #[test]
    fn each_meta_name_is_read() {
        for key in [
            r#"property="og:published_time""#,
            r#"name="og:published_time""#,
            r#"name="pubdate""#,
            r#"name="date""#,
            r#"name="DC.date""#,
            r#"name="dc.date.issued""#,
            r#"name="parsely-pub-date""#,
            r#"itemprop="datePublished""#,
        ] {
            let html = format!(r#"<head><meta {key} content="2023-01-31T10:00:00Z"></head>"#);
            assert_eq!(date(&html), Date::new(2023, 1, 31), "{key}");
        }
    }

    #[test]
    fn a_bad_value_falls_through_to_the_next_source() {
        let html = r#"<head>
            <meta property="article:published_time" content="yesterday">
            <meta name="pubdate" content="2022-12-01">
            </head>"#;
        assert_eq!(date(html), Date::new(2022, 12, 1));
    }

    #[test]
    fn microdata_time_element() {
        let html = r#"<body><time itemprop="datePublished" datetime="2021-03-04T05:06:07Z">4 March</time></body>"#;
        assert_eq!(date(html), Date::new(2021, 3, 4));
    }

    #[test]
    fn json_ld_object_array_and_graph() {
        let object = r#"<script type="application/ld+json">
            {"@type":"NewsArticle","datePublished":"2024-05-01T12:00:00Z"}</script>"#;
        assert_eq!(date(object), Date::new(2024, 5, 1));
        let array = r#"<script type="application/ld+json">
            [{"@type":"Organization"},{"@type":"NewsArticle","datePublished":"2024-05-02"}]</script>"#;
        assert_eq!(date(array), Date::new(2024, 5, 2));
        let graph = r#"<script type="application/ld+json">
            {"@context":"https://schema.org","@graph":[{"@type":"WebSite"},
             {"@type":"NewsArticle","datePublished":"2024-05-03T01:00:00+09:00"}]}</script>"#;
        assert_eq!(date(graph), Date::new(2024, 5, 3));
    }

    #[test]
    fn broken_json_ld_is_ignored_and_the_next_source_used() {
        let html = r#"<head><script type="application/ld+json">{"datePublished": "2024-05-01",,}</script>
            <script type="application/ld+json">{"datePublished": "2024-05-09"}</script>
            <meta name="date" content="2020-01-01"></head>"#;
        assert_eq!(date(html), Date::new(2024, 5, 9));
    }

    #[test]
    fn json_ld_beats_the_generic_date_meta() {
        let html = r#"<head><meta name="date" content="2020-01-01">
            <script type="application/ld+json">{"datePublished": "2024-05-09"}</script></head>"#;
        assert_eq!(date(html), Date::new(2024, 5, 9));
    }

    #[test]
    fn no_metadata_no_date() {
        assert_eq!(date("<p>Published 14 June 2024</p>"), None);
    }
}
