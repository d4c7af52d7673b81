//! UD-style adaptation of casus's tokens: a language's clitics (for
//! English "n't", "'s", "'re", ... as `dict/lang/en/clitics.txt` lists
//! them) become tokens of their own, as in UD EWT; hyphenated compounds
//! stay whole.

/// Splits one token (byte range into `text`) into UD tokens: the first of
/// `clitics` (lowercase, with a straight apostrophe; a curly one in the
/// text matches it) that ends the token is cut off.
pub fn split_clitics(
    text: &str,
    span: std::ops::Range<usize>,
    clitics: &[&str],
) -> Vec<std::ops::Range<usize>> {
    let w = &text[span.clone()];
    let lower = w.to_lowercase().replace('’', "'");
    if lower.len() != w.len() && !w.contains('’') {
        return vec![span];
    }
    let lower_bytes = lower.len();
    // Byte lengths match between w and lower for ASCII clitics; with the
    // curly apostrophe the clitic is 2 bytes longer in w.
    for &c in clitics {
        if lower.ends_with(c) && lower_bytes > c.len() {
            let extra = if w.ends_with(&c.replace('\'', "’")) && c.contains('\'') {
                2
            } else {
                0
            };
            let clen = c.len() + extra;
            if !w.is_char_boundary(w.len() - clen) {
                continue;
            }
            let cut = span.end - clen;
            // "can't" -> "ca" + "n't"; "won't" -> "wo" + "n't" as in EWT.
            return vec![span.start..cut, cut..span.end];
        }
    }
    vec![span]
}

#[cfg(test)]
mod tests {
    use super::*;
    const ENGLISH: &[&str] = &["n't", "'s", "'re", "'ve", "'ll", "'d", "'m"];

    fn words(t: &str) -> Vec<&str> {
        split_clitics(t, 0..t.len(), ENGLISH)
            .into_iter()
            .map(|r| &t[r])
            .collect()
    }
    #[test]
    fn clitics() {
        assert_eq!(words("don't"), vec!["do", "n't"]);
        assert_eq!(words("Iran's"), vec!["Iran", "'s"]);
        assert_eq!(words("they're"), vec!["they", "'re"]);
        assert_eq!(words("Iran’s"), vec!["Iran", "’s"]);
        assert_eq!(words("cease-fire"), vec!["cease-fire"]);
        assert_eq!(words("'s"), vec!["'s"]);
        // the list is the language's: without "'re" the word stays whole
        assert_eq!(split_clitics("they're", 0..7, &["n't", "'s"]), vec![0..7]);
    }
}
