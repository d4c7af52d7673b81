//! Main-text extraction on whole pages written for these tests
//! (`tests/fixtures/*.html`): what must be kept, what must be dropped, and
//! which date and title are found.

use casus_core::Date;
use casus_sources::{check_english, extract_html, language, Language, SourceError};
use casus_sources::{WebDocument, DEFAULT_MIN_CONFIDENCE};

fn fixture(name: &str) -> String {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn extract(name: &str) -> WebDocument {
    extract_html(&fixture(name), Some("https://news.example/story"))
        .unwrap_or_else(|e| panic!("{name}: {e}"))
}

#[test]
fn news_page_keeps_the_story_and_drops_the_furniture() {
    let doc = extract("news_page.html");
    let expected = [
        "OSLO \u{2014} The foreign ministers of Norway and Chile signed a fisheries agreement \
         in Oslo on Thursday, ending two years of talks over quotas in the southern Pacific.",
        "The two ministers shake hands after the signing ceremony.",
        "The Norwegian minister said the deal would protect fish stocks and promised \
         technical help to Chilean coastal communities.",
        "Criticism from fishermen",
        "Fishermen's unions in Valparaíso criticised the agreement and threatened to block \
         the port if the quotas were not revised.",
        "Quotas will be reviewed every three years.",
        "A joint commission will meet in Santiago in October.",
    ];
    assert_eq!(doc.text, expected.join("\n\n"));
    for furniture in [
        "cookies",
        "World",
        "Subscribe",
        "Share",
        "Advertisement",
        "delegate",
        "Topics",
        "recalls ambassador",
        "First!",
        "briefing",
        "rights reserved",
        "injected",
        "staff reporter",
    ] {
        assert!(
            !doc.text.contains(furniture),
            "{furniture:?} leaked into the text"
        );
    }
}

#[test]
fn news_page_title_and_json_ld_date() {
    let doc = extract("news_page.html");
    // og:title, without the " | The Daily Meridian" of <title>.
    assert_eq!(
        doc.title.as_deref(),
        Some("Norway and Chile sign fisheries pact")
    );
    // The headline sits in the article's <header>: it is not in the text.
    assert!(!doc.text.contains("sign fisheries pact"));
    // JSON-LD datePublished inside @graph, not the generic "date" meta
    // (the modification date) nor dateModified.
    assert_eq!(doc.date, Date::new(2024, 6, 14));
    assert_eq!(doc.id, "https://news.example/story");
    assert_eq!(doc.url.as_deref(), Some("https://news.example/story"));
    assert_eq!(language(&doc.text), Language::English);
}

#[test]
fn page_with_only_a_meta_date_and_a_role_main_container() {
    let doc = extract("meta_date.html");
    // 21:45 at UTC-5 is already the 3rd in UTC: the publisher's day counts.
    assert_eq!(doc.date, Date::new(2023, 11, 2));
    assert_eq!(
        doc.title.as_deref(),
        Some("Parliament in Lima approves budget")
    );
    assert_eq!(
        doc.text,
        "Peru's Congress approved the national budget late on Thursday after a session \
         that lasted eleven hours.\n\nOpposition deputies walked out before the vote and \
         accused the government of hiding military spending in the transport ministry."
    );
}

#[test]
fn malformed_page_gives_what_is_there() {
    let doc = extract("malformed.html");
    let paragraphs: Vec<&str> = doc.text.split("\n\n").collect();
    assert_eq!(
        paragraphs,
        [
            "Protesters gathered outside the embassy on Monday morning.",
            "Police fired water cannon at the crowd near the gate.",
            "Talks were expected to resume on Friday",
            "stray list item",
            "Text in an unclosed table cell",
            "Text after the end of the document.",
        ]
    );
    // The unterminated comment hides what follows it, as in a browser.
    assert!(!doc.text.contains("inside the comment"));
    assert_eq!(doc.title.as_deref(), Some("Broken page"));
    assert_eq!(doc.date, None);
}

#[test]
fn garbage_never_panics() {
    let inputs = [
        "\0\u{1}\u{2}<<<<",
        "<",
        "</",
        "<!--",
        "<script>",
        "<p",
        "<html><body><p>ok</p><![CDATA[ x",
        "<meta property=\"article:published_time\" content=\"9999-99-99T\"><p>ok</p>",
        "<script type=\"application/ld+json\">{\"@graph\": [[[[[[{\"datePublished\": 1}]]]]]]}</script><p>ok</p>",
        "<a href='unterminated><p>text</p>",
        "\u{feff}\u{200b}",
    ];
    for input in inputs {
        match extract_html(input, None) {
            Ok(doc) => assert!(!doc.text.is_empty()),
            Err(SourceError::NoText { what }) => assert_eq!(what, "HTML page"),
            Err(other) => panic!("{input:?}: {other}"),
        }
    }
    // Random bytes, decoded lossily as a WARC reader would.
    // Mostly markup characters, to reach the parser's odd paths.
    let alphabet = b"<>/=\"' pdivscript!-ab\n&;#\xc3";
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    for _ in 0..50 {
        let bytes: Vec<u8> = (0..2000)
            .map(|_| {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                alphabet[(seed % alphabet.len() as u64) as usize]
            })
            .collect();
        let _ = extract_html(&String::from_utf8_lossy(&bytes), None);
    }
}

#[test]
fn a_page_without_text_is_an_error_not_a_panic() {
    let html = "<html><head><title>Gallery</title><script>x()</script></head>\
                <body><nav><p>Home</p></nav><img src=a.jpg><footer><p>(c)</p></footer></body></html>";
    match extract_html(html, Some("https://news.example/gallery")) {
        Err(SourceError::NoText { what }) => assert_eq!(what, "https://news.example/gallery"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn spanish_page_is_extracted_then_refused_by_the_language_check() {
    let doc = extract("spanish.html");
    assert!(doc.text.starts_with("Los ministros de Exteriores"));
    assert_eq!(doc.date, Date::new(2024, 3, 5), "compact pubdate 20240305");
    assert_eq!(
        doc.title.as_deref(),
        Some("Los ministros acuerdan reanudar las negociaciones")
    );
    let reason = check_english(&doc.text, DEFAULT_MIN_CONFIDENCE).expect_err("Spanish");
    assert!(
        reason.starts_with("not English: detected Spanish (spa)"),
        "{reason}"
    );
    // Its title alone is under the letter threshold: undetermined, admitted.
    assert_eq!(language("Los ministros acuerdan"), Language::Undetermined);
}
