//! The text layer: Unicode normalisation, tokens with byte offsets into the
//! original text, and sentence segmentation that survives abbreviations,
//! decimals, quotations and headlines without final punctuation.
//!
//! Normalised token text lives in one buffer owned by [`TextLayer`]; tokens
//! hold ranges into it, so tokenising allocates per document, not per token.

use crate::builtin::lang_set;
use std::ops::Range;

/// The word number of tokens no dictionary knows.
pub const NO_WORD: u32 = u32::MAX;

/// One token. `span` indexes the original text, `norm` the normalised buffer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub span: Range<usize>,
    pub norm: Range<usize>,
    pub shape: Shape,
    /// A line break stands between this token and the previous one.
    pub after_newline: bool,
    /// A blank line (paragraph break) stands before this token.
    pub after_blank_line: bool,
    /// Part of a time expression ("on Monday", "last week", "overnight"):
    /// pattern and cue matching look through these words.
    pub temporal: bool,
    /// The word's number in the pipeline's vocabulary, once annotated.
    pub word: u32,
    /// The word's class bits ([`crate::vocab::class`]), once annotated.
    pub classes: u32,
}

/// What the original spelling of a token looked like; the dictionaries use
/// it to keep "Turkey" apart from "turkey" and "US" apart from "us".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    Lower,
    Capitalized,
    Upper,
    Number,
    Punct,
    Other,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// Token indices of the sentence (after any dateline).
    pub tokens: Range<usize>,
    /// Byte span in the original text.
    pub span: Range<usize>,
    /// A headline: a line without final punctuation standing alone.
    pub headline: bool,
    /// A dateline that opened the sentence ("MOSCOW, July 6 (Reuters) -").
    pub dateline: Option<Range<usize>>,
}

#[derive(Debug, Default)]
pub struct TextLayer {
    /// The original text, kept so that case-sensitive lookups can see it.
    pub original: String,
    pub norm: String,
    pub tokens: Vec<Token>,
    pub sentences: Vec<Sentence>,
    /// Tokens carry word numbers and classes from a vocabulary.
    pub annotated: bool,
}

impl TextLayer {
    pub fn new(text: &str) -> TextLayer {
        let mut layer = TextLayer {
            original: String::new(),
            norm: String::with_capacity(text.len()),
            tokens: Vec::with_capacity(text.len() / 5),
            sentences: Vec::new(),
            annotated: false,
        };
        tokenize(text, &mut layer);
        layer.original = text.to_string();
        mark_temporal(&mut layer);
        layer.sentences = segment(&layer);
        mark_headlines_and_datelines(&mut layer);
        layer
    }

    /// Tokens only, without sentences or time expressions: for splitting
    /// dictionary phrases the way text is split.
    pub fn tokens_only(text: &str) -> TextLayer {
        let mut layer = TextLayer {
            original: String::new(),
            norm: String::with_capacity(text.len()),
            tokens: Vec::new(),
            sentences: Vec::new(),
            annotated: false,
        };
        tokenize(text, &mut layer);
        layer
    }

    pub fn original(&self, token: usize) -> &str {
        &self.original[self.tokens[token].span.clone()]
    }

    /// The original spelling of a token, if the layer keeps the text (a
    /// layer of bare tokens does not).
    pub fn spelling(&self, token: usize) -> Option<&str> {
        self.original.get(self.tokens[token].span.clone())
    }

    /// Whether token `i` has any of the class bits (an annotated layer).
    pub fn is(&self, i: usize, bits: u32) -> bool {
        self.tokens[i].classes & bits != 0
    }

    pub fn norm(&self, token: usize) -> &str {
        &self.norm[self.tokens[token].norm.clone()]
    }
}

/// Maps typographic variants to the plain ASCII form the dictionaries use.
fn normalize_char(c: char) -> char {
    // ASCII, nearly every character, is itself but for the backtick: one
    // test instead of the whole match
    if c.is_ascii() && c != '`' {
        return c;
    }
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '`' | '\u{00B4}' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{00AB}' | '\u{00BB}' => '"',
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}'
        | '\u{2212}' => '-',
        _ => c,
    }
}

fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{00A0}' || c == '\u{200B}' || c == '\u{FEFF}'
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// The character at byte `pos` of `text` and its length in bytes. ASCII,
/// almost all of news text, is read without decoding.
#[inline]
fn char_at(text: &str, pos: usize) -> Option<(char, usize)> {
    let b = *text.as_bytes().get(pos)?;
    if b.is_ascii() {
        return Some((char::from(b), 1));
    }
    text[pos..].chars().next().map(|c| (c, c.len_utf8()))
}

fn tokenize(text: &str, layer: &mut TextLayer) {
    let bytes = text.as_bytes();
    let mut pos = 0;
    let mut newlines_since_token = 0usize;
    while let Some((c, c_len)) = char_at(text, pos) {
        let start = pos;
        if is_space(c) {
            if c == '\n' {
                newlines_since_token += 1;
            }
            pos += c_len;
            continue;
        }
        let c_norm = normalize_char(c);
        let end;
        if is_word_char(c) {
            // A word: letters and digits with inner hyphens, periods,
            // apostrophes, and commas between digits.
            pos = start + c_len;
            let mut last = pos;
            loop {
                // the common case first: a run of ASCII letters and digits
                while pos < bytes.len()
                    && (bytes[pos].is_ascii_alphanumeric() || bytes[pos] == b'_')
                {
                    pos += 1;
                    last = pos;
                }
                let Some((d, d_len)) = char_at(text, pos) else {
                    break;
                };
                let i = pos;
                if is_word_char(d) {
                    pos += d_len;
                    last = pos;
                    continue;
                }
                let dn = normalize_char(d);
                let next = char_at(text, i + d_len).map(|(n, _)| n);
                let joins = match dn {
                    '-' | '&' => next.is_some_and(is_word_char),
                    '.' => next.is_some_and(|n| n.is_alphanumeric()),
                    ',' => {
                        text[start..i]
                            .chars()
                            .last()
                            .is_some_and(|p| p.is_ascii_digit())
                            && next.is_some_and(|n| n.is_ascii_digit())
                            && text[i + 1..]
                                .chars()
                                .take_while(|c| c.is_ascii_digit())
                                .count()
                                == 3
                    }
                    '\'' => {
                        // Keep O'Brien and d'Ivoire; split off 's and n't.
                        let rest = &text[i + d_len..];
                        let splits = rest.starts_with(['s', 'S'])
                            && !rest[1..].starts_with(|c: char| c.is_alphanumeric());
                        next.is_some_and(|n| n.is_alphabetic()) && !splits
                    }
                    _ => false,
                };
                if !joins {
                    break;
                }
                pos += d_len;
                last = pos;
            }
            let mut word_end = last;
            // "didn't" -> "did" + "n't"
            let word = &text[start..word_end];
            if let Some(cut) = final_clitic(word) {
                push_token(layer, text, start..word_end - cut, newlines_since_token);
                newlines_since_token = 0;
                push_token(layer, text, word_end - cut..word_end, 0);
                continue;
            }
            // A trailing period belongs to abbreviations: "U.S.", "Gen.", "W."
            if bytes.get(word_end) == Some(&b'.') {
                let lower = word.to_lowercase();
                let inner_period = word.contains('.');
                let single_initial =
                    word.chars().count() == 1 && word.chars().all(char::is_uppercase);
                // "No." abbreviates only before a number ("No. 10").
                let numero_ok = !lang_set!("number_abbreviations").contains(&lower)
                    || text[word_end + 1..]
                        .trim_start()
                        .starts_with(|c: char| c.is_ascii_digit());
                if inner_period
                    || single_initial
                    || (numero_ok && lang_set!("title_abbreviations").contains(&lower))
                {
                    word_end += 1;
                    pos += 1;
                }
            }
            end = word_end;
        } else if c_norm == '\''
            && text[start + c_len..].starts_with(['s', 'S'])
            && !text[start + c_len + 1..].starts_with(|c: char| c.is_alphanumeric())
            && layer.tokens.last().is_some_and(|t| t.span.end == start)
        {
            // The possessive clitic "'s" after a word.
            end = start + c_len + 1;
            pos = end;
        } else {
            end = start + c_len;
            pos = end;
        }
        push_token(layer, text, start..end, newlines_since_token);
        newlines_since_token = 0;
    }
}

fn push_token(layer: &mut TextLayer, text: &str, span: Range<usize>, newlines: usize) {
    let original = &text[span.clone()];
    let norm_start = layer.norm.len();
    let shape = match ascii_norm_and_shape(original, &mut layer.norm) {
        Some(shape) => shape,
        None => general_norm_and_shape(original, &mut layer.norm),
    };
    layer.tokens.push(Token {
        span,
        norm: norm_start..layer.norm.len(),
        shape,
        after_newline: newlines >= 1,
        after_blank_line: newlines >= 2,
        temporal: false,
        word: NO_WORD,
        classes: 0,
    });
}

/// Any token: appends its normalised, lower-cased form to `norm` and
/// returns its shape. Kept out of line: few tokens need it, and inlined it
/// made every token pay for its registers.
#[cold]
#[inline(never)]
fn general_norm_and_shape(original: &str, norm: &mut String) -> Shape {
    for c in original.chars() {
        let n = normalize_char(c);
        if n.is_uppercase() {
            norm.extend(n.to_lowercase());
        } else {
            norm.push(n);
        }
    }
    shape_of(original)
}

/// Byte classes of the one-pass ASCII path of [`push_token`].
const UPPER: u8 = 1;
const LOWER: u8 = 2;
const DIGIT: u8 = 4;
/// Bytes that need the general path: non-ASCII, and the backtick, which
/// normalises to an apostrophe.
const GENERAL: u8 = 8;
static BYTE_CLASS: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = match b as u8 {
            b'A'..=b'Z' => UPPER,
            b'a'..=b'z' => LOWER,
            b'0'..=b'9' => DIGIT,
            b'`' | 0x80..=0xFF => GENERAL,
            _ => 0,
        };
        b += 1;
    }
    table
};

/// The common case of a token, plain ASCII without a backtick: appends its
/// lower-cased form to `norm` and returns its [`shape_of`], reading its
/// bytes once for the shape (ASCII has no letter that is neither upper nor
/// lower case, and no digit but 0-9). `None`, with `norm` untouched, for
/// any other token.
#[inline]
fn ascii_norm_and_shape(word: &str, norm: &mut String) -> Option<Shape> {
    // the first letter's class, and the classes of every other byte
    let mut first = 0u8;
    let mut rest = 0u8;
    for &b in word.as_bytes() {
        let class = BYTE_CLASS[usize::from(b)];
        if class == GENERAL {
            return None;
        }
        if first == 0 && class & (UPPER | LOWER) != 0 {
            first = class;
        } else {
            rest |= class;
        }
    }
    let start = norm.len();
    norm.push_str(word);
    // most tokens have no capital to lower
    if (first | rest) & UPPER != 0 {
        norm[start..].make_ascii_lowercase();
    }
    Some(match first {
        0 if rest & DIGIT != 0 => Shape::Number,
        0 => Shape::Punct,
        UPPER if rest & UPPER != 0 && rest & LOWER == 0 => Shape::Upper,
        UPPER => Shape::Capitalized,
        _ if rest & UPPER == 0 => Shape::Lower,
        _ => Shape::Other,
    })
}

fn shape_of(word: &str) -> Shape {
    let mut letters = word.chars().filter(|c| c.is_alphabetic());
    let Some(first_letter) = letters.next() else {
        return if word.chars().any(|c| c.is_ascii_digit()) {
            Shape::Number
        } else if word.chars().all(|c| !c.is_alphanumeric()) {
            Shape::Punct
        } else {
            Shape::Other
        };
    };
    let first_char = word.chars().next().unwrap_or(first_letter);
    let rest_upper = letters.clone().all(|c| c.is_uppercase());
    let rest_lower = letters.all(|c| c.is_lowercase());
    if first_letter.is_uppercase()
        && rest_upper
        && word.chars().filter(|c| c.is_alphabetic()).count() > 1
    {
        Shape::Upper
    } else if first_letter.is_uppercase() && (first_char.is_alphabetic() || first_char == '\'') {
        Shape::Capitalized
    } else if first_letter.is_uppercase() {
        // "F-16" style: starts with a capital letter after digits or symbols.
        Shape::Capitalized
    } else if first_letter.is_lowercase() && rest_lower {
        Shape::Lower
    } else {
        Shape::Other
    }
}

/// Marks time expressions so that matching can look through them:
/// "accused Russia *on Saturday* of shelling", "agreed *on Friday* to".
fn mark_temporal(layer: &mut TextLayer) {
    let n = layer.tokens.len();
    let words: Vec<&str> = (0..n).map(|i| layer.norm(i)).collect();
    let shape: Vec<Shape> = layer.tokens.iter().map(|t| t.shape).collect();
    let is_day_number = |i: usize| i < n && shape[i] == Shape::Number && words[i].len() <= 2;
    let is_year = |i: usize| i < n && shape[i] == Shape::Number && words[i].len() == 4;
    let mut mark = vec![false; n];
    let mut i = 0;
    while i < n {
        let w = words[i];
        let mut end = i;
        if shape[i] == Shape::Capitalized && lang_set!("weekdays").contains(w) {
            end = i + 1;
            if end < n && lang_set!("parts_of_day").contains(words[end]) {
                end += 1;
            }
        } else if shape[i] == Shape::Capitalized
            && (is_day_number(i + 1) || is_year(i + 1))
            && crate::date::month_number(w).is_some()
        {
            end = i + 2;
            if end < n && words[end] == "," && is_year(end + 1) {
                end += 2;
            } else if is_year(end) {
                end += 1;
            }
        } else if lang_set!("period_openers").contains(w)
            && i + 1 < n
            && lang_set!("periods").contains(words[i + 1])
        {
            end = i + 2;
        } else if lang_set!("time_words").contains(w) {
            end = i + 1;
        }
        // a year or a month alone after "in", "during", "since" ("donated $5
        // million *in 2019* to", "met *in March* with"): the preposition is
        // part of the expression, as "on" is of "on Monday"
        // (the shape first: it turns away nearly every token before the
        // word list is asked)
        let year_or_month = end == i
            && i > 0
            && (shape[i] == Shape::Number || shape[i] == Shape::Capitalized)
            && lang_set!("time_year_prepositions").contains(words[i - 1])
            && ((is_year(i) && w.parse::<u16>().is_ok_and(|y| (1900..=2099).contains(&y)))
                || (shape[i] == Shape::Capitalized && crate::date::month_number(w).is_some()));
        if year_or_month {
            end = i + 1;
        }
        if end > i {
            // take a leading "on", "early on", "late on" with the expression
            let mut start = i;
            if year_or_month {
                start -= 1;
            }
            if start > 0 && lang_set!("time_prepositions").contains(words[start - 1]) {
                start -= 1;
                if start > 0 && lang_set!("time_prefixes").contains(words[start - 1]) {
                    start -= 1;
                }
            }
            for m in &mut mark[start..end] {
                *m = true;
            }
            i = end;
        } else {
            i += 1;
        }
    }
    for (t, m) in layer.tokens.iter_mut().zip(mark) {
        t.temporal = m;
    }
}

fn is_terminal(norm: &str) -> bool {
    matches!(norm, "." | "!" | "?")
}

fn is_closer(norm: &str) -> bool {
    matches!(norm, "\"" | "'" | ")" | "]")
}

fn segment(layer: &TextLayer) -> Vec<Sentence> {
    let tokens = &layer.tokens;
    let mut sentences = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < tokens.len() {
        let norm = layer.norm(i);
        let next = i + 1;
        let mut boundary_after = None;
        if is_terminal(norm) {
            // Take closing quotes and brackets with the sentence.
            let mut j = next;
            while j < tokens.len() && is_closer(layer.norm(j)) && !tokens[j].after_newline {
                j += 1;
            }
            if j >= tokens.len() || opens_sentence(layer, j) || tokens[j].after_newline {
                boundary_after = Some(j);
            }
        } else if norm.ends_with('.') && norm.len() > 1 && next < tokens.len() {
            // An abbreviation at the end of a sentence: "... sanctions on the U.S. The ..."
            let abbreviation = norm.trim_end_matches('.');
            let is_title = lang_set!("title_abbreviations").contains(abbreviation);
            if !is_title
                && tokens[next].shape == Shape::Capitalized
                && lang_set!("sentence_openers").contains(layer.norm(next))
            {
                boundary_after = Some(next);
            }
        }
        if boundary_after.is_none() && next < tokens.len() && tokens[next].after_newline {
            // A line break ends a sentence after a paragraph break, or when the
            // line looks like a headline or dateline: it has no final
            // punctuation and the next line opens with a capital.
            let line_unfinished = !lang_set!("line_continuations").contains(norm);
            let next_opens = matches!(
                tokens[next].shape,
                Shape::Capitalized | Shape::Upper | Shape::Number
            ) || is_closer(layer.norm(next))
                || layer.norm(next) == "\"";
            if tokens[next].after_blank_line || (line_unfinished && next_opens) {
                boundary_after = Some(next);
            }
        }
        if let Some(end) = boundary_after {
            push_sentence(&mut sentences, tokens, start, end);
            start = end;
            i = end;
        } else {
            i += 1;
        }
    }
    if start < tokens.len() {
        push_sentence(&mut sentences, tokens, start, tokens.len());
    }
    sentences
}

/// Headlines (a line with no final punctuation, followed by a line break)
/// and datelines ("MOSCOW, July 6 (Reuters) -", "KYIV -") at the start of a
/// paragraph. Headlines are not coded; datelines are cut off the sentence.
fn mark_headlines_and_datelines(layer: &mut TextLayer) {
    let n_sent = layer.sentences.len();
    for k in 0..n_sent {
        let s = layer.sentences[k].clone();
        let last = s.tokens.end - 1;
        let mut end_tok = last;
        while end_tok > s.tokens.start && is_closer(layer.norm(end_tok)) {
            end_tok -= 1;
        }
        let unpunctuated = !is_terminal(layer.norm(end_tok));
        let line_ends =
            s.tokens.end >= layer.tokens.len() || layer.tokens[s.tokens.end].after_newline;
        let starts_line = s.tokens.start == 0 || layer.tokens[s.tokens.start].after_newline;
        if unpunctuated && line_ends && starts_line && n_sent > 1 && s.tokens.len() <= 25 {
            layer.sentences[k].headline = true;
            continue;
        }
        if !starts_line && k > 0 {
            continue;
        }
        if let Some(cut) = dateline_end(layer, s.tokens.clone()) {
            let sent = &mut layer.sentences[k];
            sent.dateline = Some(s.tokens.start..cut);
            sent.tokens.start = cut;
            sent.span.start = layer.tokens[cut].span.start;
        }
    }
}

/// The byte length of the clitic that the tokenizer splits off the end of
/// `word` (`tokenizer_clitics.txt`: "n't" of "didn't", also with a curly
/// apostrophe), if one does and something is left before it.
fn final_clitic(word: &str) -> Option<usize> {
    static CLITICS: std::sync::OnceLock<Vec<(usize, String)>> = std::sync::OnceLock::new();
    let clitics = CLITICS.get_or_init(|| {
        crate::builtin::lang_list("tokenizer_clitics")
            .iter()
            .flat_map(|c| [(c.len(), c.to_string()), (c.len(), c.replace('\'', "’"))])
            .collect()
    });
    clitics
        .iter()
        // the last byte first: few words end as a clitic does
        .find(|(plain, c)| {
            word.len() > *plain
                && word.as_bytes().last() == c.as_bytes().last()
                && word.ends_with(c.as_str())
        })
        .map(|(_, c)| c.len())
}

/// The token after a dateline's dash, if the range opens with a dateline.
fn dateline_end(layer: &TextLayer, range: Range<usize>) -> Option<usize> {
    let mut i = range.start;
    let limit = (range.start + 14).min(range.end);
    // the place: words in capitals ("NEW YORK", "KYIV")
    while i < limit && layer.tokens[i].shape == Shape::Upper {
        i += 1;
    }
    if i == range.start {
        return None;
    }
    while i < limit && layer.norm(i) != "-" && layer.norm(i) != ":" {
        // a date, an agency in brackets, commas
        let t = &layer.tokens[i];
        let ok = t.temporal
            || matches!(layer.norm(i), "," | "(" | ")")
            || t.shape == Shape::Number
            || t.shape == Shape::Capitalized
            || t.shape == Shape::Upper
            || crate::date::month_number(layer.norm(i)).is_some();
        if !ok {
            return None;
        }
        i += 1;
    }
    (i < limit && i + 1 < range.end && layer.norm(i) == "-").then_some(i + 1)
}

fn opens_sentence(layer: &TextLayer, j: usize) -> bool {
    let t = &layer.tokens[j];
    matches!(t.shape, Shape::Capitalized | Shape::Upper | Shape::Number)
        || matches!(layer.norm(j), "\"" | "(" | "'" | "-")
}

/// Longest sentence the coder looks at. Real sentences are far shorter; the
/// cap keeps run-on input (a 10 MB line without punctuation) linear.
pub const MAX_SENTENCE_TOKENS: usize = 160;

fn push_sentence(out: &mut Vec<Sentence>, tokens: &[Token], start: usize, end: usize) {
    let mut start = start;
    while start < end {
        let mut stop = end;
        if end - start > MAX_SENTENCE_TOKENS {
            // Split a run-on sentence at its last comma or semicolon inside
            // the cap, or hard at the cap.
            stop = start + MAX_SENTENCE_TOKENS;
            let window = &tokens[start + MAX_SENTENCE_TOKENS / 2..stop];
            if let Some(k) = window
                .iter()
                .rposition(|t| t.norm.len() == 1 && matches!(t.shape, Shape::Punct))
            {
                stop = start + MAX_SENTENCE_TOKENS / 2 + k + 1;
            }
        }
        out.push(Sentence {
            tokens: start..stop,
            span: tokens[start].span.start..tokens[stop - 1].span.end,
            headline: false,
            dateline: None,
        });
        start = stop;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        let layer = TextLayer::new(text);
        (0..layer.tokens.len())
            .map(|i| layer.norm(i).to_string())
            .collect()
    }

    fn sentences(text: &str) -> Vec<&str> {
        let layer = TextLayer::new(text);
        layer
            .sentences
            .iter()
            .map(|s| &text[s.span.clone()])
            .collect()
    }

    #[test]
    fn tokens_keep_byte_offsets_into_the_original_text() {
        let text = "Russia\u{2019}s \u{201C}talks\u{201D} \u{2014} in Kyiv.";
        let layer = TextLayer::new(text);
        for t in &layer.tokens {
            assert!(text.is_char_boundary(t.span.start) && text.is_char_boundary(t.span.end));
        }
        assert_eq!(
            words(text),
            ["russia", "'s", "\"", "talks", "\"", "-", "in", "kyiv", "."]
        );
        assert_eq!(&text[layer.tokens[1].span.clone()], "\u{2019}s");
    }

    #[test]
    fn abbreviations_decimals_numbers_and_hyphens_stay_whole() {
        assert_eq!(
            words("U.S. Gen. Smith paid 2.7 billion, 1,000 F-16 jets."),
            [
                "u.s.", "gen.", "smith", "paid", "2.7", "billion", ",", "1,000", "f-16", "jets",
                "."
            ]
        );
        assert_eq!(words("didn't"), ["did", "n't"]);
        assert_eq!(words("Cote d'Ivoire"), ["cote", "d'ivoire"]);
    }

    #[test]
    fn sentence_breaks_survive_abbreviations_and_quotes() {
        assert_eq!(
            sentences("Mr. Putin met Gen. Smith on Jan. 5. They talked."),
            ["Mr. Putin met Gen. Smith on Jan. 5.", "They talked."]
        );
        assert_eq!(
            sentences("He said \"no.\" Then he left."),
            ["He said \"no.\"", "Then he left."]
        );
        assert_eq!(
            sentences("Sanctions hit the U.S. The talks failed."),
            ["Sanctions hit the U.S.", "The talks failed."]
        );
        assert_eq!(
            sentences("Growth was 2.5 percent."),
            ["Growth was 2.5 percent."]
        );
    }

    #[test]
    fn headline_without_final_punctuation_is_its_own_sentence() {
        assert_eq!(
            sentences("Russia and China hold talks\nMOSCOW (Reuters) - Russia met China."),
            ["Russia and China hold talks", "Russia met China."]
        );
        assert_eq!(
            sentences("Russia and China held talks on\ntrade on Monday."),
            ["Russia and China held talks on\ntrade on Monday."]
        );
    }

    #[test]
    fn run_on_text_is_cut_into_bounded_sentences() {
        let text = "word ".repeat(1000);
        let layer = TextLayer::new(&text);
        assert!(layer
            .sentences
            .iter()
            .all(|s| s.tokens.len() <= MAX_SENTENCE_TOKENS));
        assert_eq!(
            layer
                .sentences
                .iter()
                .map(|s| s.tokens.len())
                .sum::<usize>(),
            1000
        );
    }

    #[test]
    fn headlines_are_marked_and_datelines_cut() {
        let text = "Russia and China hold talks\n\nMOSCOW, July 6 (Reuters) - Russia met China on Monday. KYIV - Talks ended.";
        let layer = TextLayer::new(text);
        let s = &layer.sentences;
        assert_eq!(s.len(), 3);
        assert!(s[0].headline && !s[1].headline);
        assert_eq!(&text[s[1].span.clone()], "Russia met China on Monday.");
        assert!(s[1].dateline.is_some());
        assert_eq!(&text[s[2].span.clone()], "KYIV - Talks ended.");
        let plain = TextLayer::new("The U.N. said so. NATO met.");
        assert!(plain
            .sentences
            .iter()
            .all(|s| !s.headline && s.dateline.is_none()));
    }

    #[test]
    fn time_expressions_are_marked() {
        let layer = TextLayer::new("Russia accused Ukraine early on Saturday of attacks last week, on March 3, 2024 and overnight.");
        let marked: Vec<&str> = (0..layer.tokens.len())
            .filter(|&i| layer.tokens[i].temporal)
            .map(|i| layer.norm(i))
            .collect();
        assert_eq!(
            marked,
            [
                "early",
                "on",
                "saturday",
                "last",
                "week",
                "on",
                "march",
                "3",
                ",",
                "2024",
                "overnight"
            ]
        );
    }

    #[test]
    fn the_one_pass_ascii_shape_agrees_with_the_general_one() {
        for w in [
            "Turkey", "turkey", "US", "us", "F-16", "iPhone", "McNeil", "NATO's", "2024", "1,000",
            "--", "'s", "A", "a", "x2", "X2", "_", "B52s", "eBay", "UK-based", "'Tis", "3D", "ok.",
            "U.N.",
        ] {
            let mut norm = String::new();
            assert_eq!(ascii_norm_and_shape(w, &mut norm), Some(shape_of(w)), "{w}");
            assert_eq!(norm, w.to_lowercase());
        }
        // the general path normalises these
        assert_eq!(
            ascii_norm_and_shape("Z\u{fc}rich", &mut String::new()),
            None
        );
        assert_eq!(ascii_norm_and_shape("`s", &mut String::new()), None);
        assert_eq!(words("Z\u{fc}RICH `twas"), ["z\u{fc}rich", "'", "twas"]);
    }

    #[test]
    fn shapes_distinguish_case() {
        let layer = TextLayer::new("Turkey turkey US us F-16");
        let shapes: Vec<Shape> = layer.tokens.iter().map(|t| t.shape).collect();
        assert_eq!(
            shapes,
            [
                Shape::Capitalized,
                Shape::Lower,
                Shape::Upper,
                Shape::Lower,
                Shape::Capitalized
            ]
        );
    }
}
