//! TABARI's spelling of phrases and dates, turned into casus's: `_` joins
//! words, a final `_` marks a whole word (casus always matches whole words),
//! dates are `YYMMDD` or `YYYYMMDD`.

use casus_core::Date;

/// Words kept in lower case inside names, so that a name that starts with
/// one also matches mid-sentence ("the United Nations").
const FUNCTION_WORDS: &[&str] = &[
    "the", "of", "and", "for", "in", "on", "at", "to", "de", "del", "la", "le", "al", "el", "bin",
    "ibn", "du", "van", "von", "da", "dos", "das", "des", "a", "an",
];

/// Strips a comment: `#` in PETRARCH files, `;` in TABARI files (neither
/// character appears inside an entry).
pub fn strip_comment(line: &str) -> &str {
    let cut = line.find(['#', ';']).unwrap_or(line.len());
    &line[..cut]
}

/// TABARI words (`THE_UNITED_NATIONS_`) as lower-case words.
pub fn words(phrase: &str) -> Vec<String> {
    phrase
        .split(['_', ' ', '\t'])
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// An actor name in casus's spelling: capitalised words so that the
/// capital-letter protection keeps `Turkey` from matching "turkey", function
/// words in lower case, abbreviations with dots kept in capitals. Err gives
/// the character casus cannot match.
pub fn actor_name(raw: &str) -> Result<Vec<String>, String> {
    let raw = raw.trim();
    // A parenthesised abbreviation is another name for the same actor:
    // `ISLAMIC_ARMY_OF_ADEN_(IAA)_`.
    let mut names = Vec::new();
    let mut main = raw.to_string();
    while let (Some(a), Some(b)) = (main.find('('), main.find(')')) {
        if b < a {
            break;
        }
        let inner = main[a + 1..b].to_string();
        main = format!("{} {}", &main[..a], &main[b + 1..]);
        if !inner.trim_matches('_').is_empty() {
            names.push(inner);
        }
    }
    names.insert(0, main);
    let mut out = Vec::new();
    for n in names {
        if let Some(c) = n.chars().find(|c| {
            !(c.is_alphanumeric() || matches!(c, '_' | ' ' | '-' | '.' | '\'' | '&' | '\t'))
        }) {
            return Err(c.to_string());
        }
        let ws = words(&n);
        if ws.is_empty() {
            continue;
        }
        let name: Vec<String> = ws
            .iter()
            .map(|w| {
                if FUNCTION_WORDS.contains(&w.as_str()) {
                    w.clone()
                } else if w.contains('.') {
                    w.to_uppercase()
                } else {
                    capitalise(w)
                }
            })
            .collect();
        out.push(name.join(" "));
    }
    if out.is_empty() {
        return Err("nothing".into());
    }
    Ok(out)
}

fn capitalise(w: &str) -> String {
    let mut c = w.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// A TABARI date: `YYMMDD` (years before 30 are 20xx, as in PETRARCH) or
/// `YYYYMMDD`.
pub fn date(s: &str) -> Option<Date> {
    let s = s.trim();
    if !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let (y, rest) = match s.len() {
        6 => {
            let yy: u16 = s[..2].parse().ok()?;
            (if yy < 30 { 2000 + yy } else { 1900 + yy }, &s[2..])
        }
        8 => (s[..4].parse().ok()?, &s[4..]),
        _ => return None,
    };
    Date::new(y, rest[..2].parse().ok()?, rest[2..].parse().ok()?)
}

/// A code with an optional date restriction: `[CODE]`, `[CODE >D]`,
/// `[CODE <D]`, `[CODE D1-D2]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DatedCode {
    pub code: String,
    pub from: Option<Date>,
    pub until: Option<Date>,
    pub dated: bool,
}

#[derive(Debug, PartialEq, Eq)]
pub enum CodeError {
    Null,
    BadCode(String),
    BadDate(String),
}

pub fn dated_code(inner: &str) -> Result<DatedCode, CodeError> {
    let inner = inner.trim();
    let (code, rest) = match inner.split_once(char::is_whitespace) {
        Some((c, r)) => (c, r.trim()),
        None => (inner, ""),
    };
    if code.starts_with("---") {
        return Err(CodeError::Null);
    }
    if !(3..=12).contains(&code.len()) || !code.bytes().all(|b| b.is_ascii_uppercase()) {
        return Err(CodeError::BadCode(code.to_string()));
    }
    let mut out = DatedCode {
        code: code.to_string(),
        from: None,
        until: None,
        dated: !rest.is_empty(),
    };
    let bad = || CodeError::BadDate(rest.to_string());
    if rest.is_empty() {
    } else if let Some(d) = rest.strip_prefix('>') {
        out.from = Some(date(d).ok_or_else(bad)?);
    } else if let Some(d) = rest.strip_prefix('<') {
        out.until = Some(date(d).ok_or_else(bad)?);
    } else if let Some((a, b)) = rest.split_once('-') {
        let (a, b) = (date(a).ok_or_else(bad)?, date(b).ok_or_else(bad)?);
        if a > b {
            return Err(bad());
        }
        out.from = Some(a);
        out.until = Some(b);
    } else {
        return Err(bad());
    }
    Ok(out)
}

/// `FROM..TO` as casus writes a range.
pub fn range(from: Option<Date>, until: Option<Date>) -> String {
    let f = from.map(|d| d.to_string()).unwrap_or_default();
    let u = until.map(|d| d.to_string()).unwrap_or_default();
    format!("{f}..{u}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_keep_capital_protection_and_split_abbreviations() {
        assert_eq!(
            actor_name("THE_UNITED_NATIONS_").unwrap(),
            ["the United Nations"]
        );
        assert_eq!(actor_name("U.N._").unwrap(), ["U.N."]);
        assert_eq!(
            actor_name("ISLAMIC_ARMY_OF_ADEN_(IAA)_").unwrap(),
            ["Islamic Army of Aden", "Iaa"]
        );
        assert_eq!(actor_name("AL-QAEDA_IN_X").unwrap(), ["Al-qaeda in X"]);
        assert_eq!(actor_name("BAD+NAME").unwrap_err(), "+");
    }

    #[test]
    fn dates_follow_tabari_two_digit_years() {
        assert_eq!(date("320101").unwrap().to_string(), "1932-01-01");
        assert_eq!(date("070723").unwrap().to_string(), "2007-07-23");
        assert_eq!(date("20140130").unwrap().to_string(), "2014-01-30");
        assert!(date("2004017").is_none());
        assert!(date("991341").is_none());
    }

    #[test]
    fn dated_codes_parse_every_form() {
        let c = dated_code("AFGGOV 331108-730717").unwrap();
        assert_eq!(range(c.from, c.until), "1933-11-08..1973-07-17");
        let c = dated_code("IGOUNO >20070101").unwrap();
        assert_eq!(range(c.from, c.until), "2007-01-01..");
        let c = dated_code("USAGOV > 090120").unwrap();
        assert_eq!(range(c.from, c.until), "2009-01-20..");
        let c = dated_code("RUSELI <991231").unwrap();
        assert_eq!(range(c.from, c.until), "..1999-12-31");
        assert!(!dated_code("AFG").unwrap().dated);
        assert_eq!(dated_code("---"), Err(CodeError::Null));
        assert_eq!(dated_code("s"), Err(CodeError::BadCode("s".into())));
        assert!(matches!(
            dated_code("KORGOV 2004017-20061201"),
            Err(CodeError::BadDate(_))
        ));
        assert!(matches!(
            dated_code("KORGOV 990101-980101"),
            Err(CodeError::BadDate(_))
        ));
    }
}
