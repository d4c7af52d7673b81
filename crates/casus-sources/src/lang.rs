//! Whether a text is English: the coder's dictionaries are English, and a
//! Spanish or German article gives nothing but noise (a few place names
//! read as actors), so web inputs are checked before coding.
//!
//! Detection is `whatlang`: pure Rust, no model files to download (its
//! trigram tables are compiled in), maintained, and fast enough to run on
//! every document. It returns one language and a confidence in 0..1.
//!
//! The check leans towards accepting. A text is refused only when another
//! language is detected with at least the given confidence; texts under
//! [`MIN_LETTERS`] letters, texts whatlang cannot place, and unsure
//! detections are accepted, because coding a foreign text costs little (it
//! yields few events) while dropping an English one loses its events for
//! good. Short English texts full of names ("Scholz met Sánchez in
//! Madrid") are exactly what trigram statistics get wrong.

/// Below this many letters a text without English marker words is
/// [`Language::Undetermined`].
pub const MIN_LETTERS: usize = 40;

/// The confidence from which a detected non-English language refuses a
/// text, for [`check_english`] callers without an opinion. whatlang gives
/// clear paragraphs of Spanish or German a confidence near 1 and mixed or
/// name-heavy English texts far less.
pub const DEFAULT_MIN_CONFIDENCE: f64 = 0.5;

/// Only the start of a long text is examined: a few thousand characters
/// decide the language as well as a whole article does, at a fraction of
/// the cost.
const SAMPLE_BYTES: usize = 4096;

/// The language of a text, as far as it can be told.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Language {
    English,
    /// Another language: its ISO 639-3 code (`spa`, `deu`) and whatlang's
    /// confidence.
    Other {
        code: &'static str,
        confidence: f64,
    },
    /// Too short to tell, or no language recognised.
    Undetermined,
}

impl Language {
    /// `Ok` when a text in this language should be coded, else the reason
    /// it should not, for a report: "not English: detected German (deu)
    /// with confidence 0.98". An [`Other`](Language::Other) below
    /// `min_confidence` is accepted (see the module documentation).
    pub fn admits(&self, min_confidence: f64) -> Result<(), String> {
        match *self {
            Language::Other { code, confidence } if confidence >= min_confidence => {
                let name = whatlang::Lang::from_code(code).map_or(code, |l| l.eng_name());
                Err(format!(
                    "not English: detected {name} ({code}) with confidence {confidence:.2}"
                ))
            }
            _ => Ok(()),
        }
    }
}

/// Detects the language of a text; see the module documentation for what
/// counts as undetermined.
pub fn language(text: &str) -> Language {
    // The marker test first: it reads a few hundred bytes and settles
    // nearly every English text before the letters of the sample are
    // counted.
    if marked_english(text) {
        return Language::English;
    }
    let sample = sample(text);
    if sample.chars().filter(|c| c.is_alphabetic()).count() < MIN_LETTERS {
        return Language::Undetermined;
    }
    match whatlang::detect(sample) {
        Some(info) if info.lang() == whatlang::Lang::Eng => Language::English,
        Some(info) => Language::Other {
            code: info.lang().code(),
            confidence: info.confidence(),
        },
        None => Language::Undetermined,
    }
}

/// Whether English marker words (`dict/lang/en/english_markers.txt`) are
/// at least one word in [`MARKER_SHARE`] of a text's start. Trigram
/// statistics fail on single news sentences made mostly of names, which
/// is what one-sentence records are; the marker words do not, and they
/// are rare in the other languages written in the Latin alphabet. Words
/// are runs of letters, so "WASHINGTON--A number of" still shows "of".
fn marked_english(text: &str) -> bool {
    let markers = casus_core::builtin::lang_list("english_markers");
    let (mut words, mut marked) = (0usize, 0usize);
    for word in crate::cut(text, MARKER_SAMPLE_BYTES)
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
    {
        words += 1;
        if markers.iter().any(|m| m.eq_ignore_ascii_case(word)) {
            marked += 1;
        }
    }
    marked >= 1 && marked * MARKER_SHARE >= words
}

/// One marker word in this many words marks a text as English: English
/// news runs at about one in four ("the", "of", "to", "and" alone), and a
/// headline of names and verbs still has one in ten.
const MARKER_SHARE: usize = 12;

/// The marker test reads the first sentences only.
const MARKER_SAMPLE_BYTES: usize = 600;

/// Whether a text should be coded as English: its [`Language`] when it
/// should, else the reason it should not.
pub fn check_english(text: &str, min_confidence: f64) -> Result<Language, String> {
    let found = language(text);
    found.admits(min_confidence).map(|()| found)
}

/// The first [`SAMPLE_BYTES`] of a text, cut at a character boundary.
fn sample(text: &str) -> &str {
    crate::cut(text, SAMPLE_BYTES)
}

#[cfg(test)]
mod tests {
    use super::*;

    const ENGLISH: &str = "The foreign ministers of both countries met on Tuesday \
        to discuss the ceasefire, and they agreed that the talks would resume next week \
        in the capital after the holiday.";
    // Written for this test.
    const SPANISH: &str = "Los ministros de ambos países se reunieron el martes para \
        hablar del alto el fuego, y acordaron que las conversaciones continuarán la \
        semana próxima en la capital después de las fiestas.";
    const GERMAN: &str = "Die Außenminister beider Länder trafen sich am Dienstag, um \
        über die Waffenruhe zu sprechen, und sie vereinbarten, dass die Gespräche in der \
        nächsten Woche in der Hauptstadt weitergehen sollen.";

    #[test]
    fn english_is_english_and_admitted() {
        assert_eq!(language(ENGLISH), Language::English);
        assert_eq!(
            check_english(ENGLISH, DEFAULT_MIN_CONFIDENCE),
            Ok(Language::English)
        );
    }

    #[test]
    fn spanish_and_german_are_refused_with_a_reason() {
        match language(SPANISH) {
            Language::Other { code, confidence } => {
                assert_eq!(code, "spa");
                assert!(confidence >= DEFAULT_MIN_CONFIDENCE, "{confidence}");
            }
            other => panic!("{other:?}"),
        }
        let reason = check_english(GERMAN, DEFAULT_MIN_CONFIDENCE).expect_err("German");
        assert!(reason.contains("German (deu)"), "{reason}");
        assert!(reason.contains("confidence"), "{reason}");
    }

    #[test]
    fn one_name_heavy_english_sentence_is_english() {
        // Written for this test: mostly names, one marker word. Trigrams
        // alone read such sentences as Spanish or French.
        for text in [
            "Peru extradited alleged Bolivian arms dealer Carlos Ruiz Mendoza to Bolivia.",
            "MANAGUA--A number of Nicaraguan opposition figures were released on Sunday.",
        ] {
            assert_eq!(language(text), Language::English, "{text}");
        }
        // No marker word: the statistics still decide, and refuse Spanish.
        let spanish = "El gobierno de Perú anunció ayer que enviará tropas a Bolivia.";
        assert!(!marked_english(spanish));
        assert!(matches!(language(spanish), Language::Other { .. }));
        // The marker words of a Spanish paragraph are too few.
        assert!(!marked_english(SPANISH));
        assert!(marked_english(ENGLISH));
    }

    #[test]
    fn the_threshold_decides_unsure_detections() {
        let found = language(SPANISH);
        // No confidence reaches above 1: with that threshold everything passes.
        assert!(found.admits(1.01).is_ok());
        assert!(found.admits(0.0).is_err());
    }

    #[test]
    fn short_texts_are_undetermined_and_admitted() {
        let short = "Die Minister trafen sich am Dienstag zum";
        assert_eq!(short.chars().filter(|c| c.is_alphabetic()).count(), 34);
        assert_eq!(language(short), Language::Undetermined);
        assert_eq!(check_english(short, 0.0), Ok(Language::Undetermined));
        assert_eq!(language(""), Language::Undetermined);
        // Digits and punctuation are not letters.
        assert_eq!(
            language(&"2024-06-14 12:00, 1.5%; ".repeat(20)),
            Language::Undetermined
        );
    }

    #[test]
    fn long_texts_are_sampled_from_the_start_at_a_char_boundary() {
        let long = "é".repeat(SAMPLE_BYTES); // two bytes each
        assert_eq!(sample(&long).len(), SAMPLE_BYTES);
        let odd = format!("a{long}"); // the cut falls mid-character
        assert_eq!(sample(&odd).len(), SAMPLE_BYTES - 1);
        // Only the start counts: English first, then Spanish past the sample.
        let english_first = format!("{} {}", ENGLISH.repeat(30), SPANISH.repeat(30));
        assert!(english_first.len() > 2 * SAMPLE_BYTES);
        assert_eq!(language(&english_first), Language::English);
        let spanish_first = format!("{} {}", SPANISH.repeat(30), ENGLISH.repeat(30));
        assert!(matches!(
            language(&spanish_first),
            Language::Other { code: "spa", .. }
        ));
    }
}
