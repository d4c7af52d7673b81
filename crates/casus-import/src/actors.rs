//! Actor and agent files (the same format in TABARI and PETRARCH-2).
//!
//! An actor entry is a name line, `+` synonym lines and codes in brackets,
//! on the name line or indented below it; a code may carry dates. Each code
//! becomes a casus organisation block whose `valid:` range is the code's
//! dates; an undated code beside dated ones holds outside them, so it gets
//! the gaps between the dated ranges. Undated single country codes become
//! country entries, so that "Afghan troops" still takes the role suffix.

use crate::names::{self, actor_name, dated_code, range, strip_comment, CodeError, DatedCode};
use crate::{FileCounts, Known, Reason, Skip};
use casus_core::Date;
use std::collections::BTreeMap;

pub struct ActorOutput {
    pub orgs: String,
    pub countries: String,
}

struct Entry {
    line: usize,
    raw: String,
    names: Vec<(String, usize)>,
    codes: Vec<(String, usize)>,
}

fn brackets(s: &str) -> (String, Vec<String>) {
    let head = s.split('[').next().unwrap_or("").trim().to_string();
    let codes = s
        .split('[')
        .skip(1)
        .filter_map(|p| p.split_once(']').map(|(c, _)| c.to_string()))
        .collect();
    (head, codes)
}

#[derive(Default)]
struct Countries {
    by_code: BTreeMap<String, (Vec<String>, Vec<String>)>,
}

pub fn convert_actors(
    text: &str,
    known: &Known,
    skips: &mut Vec<Skip>,
    counts: &mut FileCounts,
) -> ActorOutput {
    let mut orgs = String::new();
    let mut countries = Countries::default();
    let mut current: Option<Entry> = None;
    for (i, raw) in text.lines().enumerate() {
        let line_no = i + 1;
        let line = strip_comment(raw);
        let t = line.trim();
        if t.is_empty() || t.starts_with('<') {
            continue;
        }
        let (head, codes) = brackets(t);
        let codes: Vec<(String, usize)> = codes.into_iter().map(|c| (c, line_no)).collect();
        if t.starts_with('[') {
            match current.as_mut() {
                Some(e) => e.codes.extend(codes),
                None => {
                    counts.read += 1;
                    skips.push(skip(line_no, Reason::NoCode, raw));
                }
            }
        } else if let Some(syn) = head.strip_prefix('+') {
            match current.as_mut() {
                Some(e) => {
                    e.names.push((syn.to_string(), line_no));
                    e.codes.extend(codes);
                }
                None => {
                    counts.read += 1;
                    skips.push(skip(line_no, Reason::Unreadable, raw));
                }
            }
        } else if current.as_ref().is_some_and(|e| e.codes.is_empty()) {
            // Name lines stacked above one code line share it (PETRARCH
            // reads them as one entry).
            if let Some(e) = current.as_mut() {
                e.names.push((head, line_no));
                e.codes.extend(codes);
            }
        } else {
            if let Some(e) = current.take() {
                flush(e, known, skips, counts, &mut orgs, &mut countries);
            }
            current = Some(Entry {
                line: line_no,
                raw: raw.trim().to_string(),
                names: vec![(head, line_no)],
                codes,
            });
        }
    }
    if let Some(e) = current.take() {
        flush(e, known, skips, counts, &mut orgs, &mut countries);
    }
    let mut ctext = String::new();
    for (code, (names, adjs)) in &countries.by_code {
        ctext.push_str(&format!("[{code}]\n"));
        for chunk in names.chunks(8) {
            ctext.push_str(&format!("name: {}\n", chunk.join("; ")));
        }
        for chunk in adjs.chunks(8) {
            ctext.push_str(&format!("adj: {}\n", chunk.join("; ")));
        }
        ctext.push('\n');
    }
    ActorOutput {
        orgs,
        countries: ctext,
    }
}

fn skip(line: usize, reason: Reason, entry: &str) -> Skip {
    Skip {
        file: String::new(),
        line,
        reason,
        entry: entry.trim().to_string(),
    }
}

/// A demonym rather than a name: a form casus lists as an adjective, or a
/// single word with a demonym ending. Adjectives let a following role noun
/// add its role ("Afghan troops" -> AFGMIL).
fn is_adjective(name: &str, known: &Known) -> bool {
    let lower = name.to_lowercase();
    known.country_adjectives.contains(&lower)
        || (!lower.contains(' ')
            && ["ian", "ean", "ese", "ish"]
                .iter()
                .any(|s| lower.ends_with(s)))
}

fn flush(
    e: Entry,
    known: &Known,
    skips: &mut Vec<Skip>,
    counts: &mut FileCounts,
    orgs: &mut String,
    countries: &mut Countries,
) {
    counts.read += 1;
    let mut codes: Vec<DatedCode> = Vec::new();
    let mut any_code = false;
    for (inner, line) in &e.codes {
        any_code = true;
        match dated_code(inner) {
            Ok(c) => codes.push(c),
            Err(CodeError::Null) => skips.push(skip(
                *line,
                Reason::NullCode,
                &format!("{} [{inner}]", e.raw),
            )),
            Err(CodeError::BadCode(c)) => skips.push(skip(
                *line,
                Reason::BadCode(c),
                &format!("{} [{inner}]", e.raw),
            )),
            Err(CodeError::BadDate(d)) => skips.push(skip(
                *line,
                Reason::BadDate(d),
                &format!("{} [{inner}]", e.raw),
            )),
        }
    }
    if !any_code {
        skips.push(skip(e.line, Reason::NoCode, &e.raw));
        return;
    }
    if codes.is_empty() {
        return;
    }
    let mut names_out: Vec<String> = Vec::new();
    for (raw, line) in &e.names {
        match actor_name(raw) {
            Ok(ns) => {
                for n in ns {
                    if !names_out.contains(&n) {
                        names_out.push(n);
                    }
                }
            }
            Err(c) => skips.push(skip(*line, Reason::UnmatchableName(c), raw)),
        }
    }
    if names_out.is_empty() {
        return;
    }
    let (dated, undated): (Vec<&DatedCode>, Vec<&DatedCode>) = codes.iter().partition(|c| c.dated);
    for extra in undated.iter().skip(1) {
        skips.push(skip(
            e.line,
            Reason::ExtraUndatedCode(extra.code.clone()),
            &e.raw,
        ));
    }
    let comment = format!("  # line {}", e.line);
    let block = |orgs: &mut String, code: &str, valid: Option<String>| {
        orgs.push_str(&format!("[{code}]{comment}\n"));
        for chunk in names_out.chunks(8) {
            orgs.push_str(&format!("name: {}\n", chunk.join("; ")));
        }
        if let Some(v) = valid {
            orgs.push_str(&format!("valid: {v}\n"));
        }
        orgs.push('\n');
    };
    for c in &dated {
        block(orgs, &c.code, Some(range(c.from, c.until)));
    }
    if let Some(default) = undated.first() {
        if dated.is_empty() {
            if default.code.len() == 3 && known.countries.contains(&default.code) {
                let (names, adjs) = countries.by_code.entry(default.code.clone()).or_default();
                for n in &names_out {
                    let list = if is_adjective(n, known) {
                        &mut *adjs
                    } else {
                        &mut *names
                    };
                    if !list.contains(n) {
                        list.push(n.clone());
                    }
                }
            } else {
                block(orgs, &default.code, None);
            }
        } else {
            for (from, until) in gaps(&dated) {
                block(orgs, &default.code, Some(range(from, until)));
            }
        }
    }
    counts.converted += 1;
}

/// The stretches of time that no dated code covers.
fn gaps(dated: &[&DatedCode]) -> Vec<(Option<Date>, Option<Date>)> {
    let mut spans: Vec<(Option<Date>, Option<Date>)> =
        dated.iter().map(|c| (c.from, c.until)).collect();
    // None as a start is the beginning of time; as an end, the end of time.
    spans.sort_by(|a, b| match (a.0, b.0) {
        (None, None) => std::cmp::Ordering::Equal,
        (None, _) => std::cmp::Ordering::Less,
        (_, None) => std::cmp::Ordering::Greater,
        (Some(x), Some(y)) => x.cmp(&y),
    });
    let mut out = Vec::new();
    let mut covered_until: Option<Option<Date>> = None; // None: nothing covered yet
    for (from, until) in spans {
        match covered_until {
            None => {
                if let Some(f) = from {
                    out.push((None, Some(f)));
                }
                covered_until = Some(until);
            }
            Some(None) => return out, // covered to the end of time
            Some(Some(end)) => {
                if let Some(f) = from {
                    if f > end {
                        out.push((Some(end), Some(f)));
                    }
                }
                covered_until = Some(until.map(|u| u.max(end)));
            }
        }
    }
    if let Some(Some(end)) = covered_until {
        out.push((Some(end), None));
    }
    out
}

/// Agents: `NOUN [~ROLE]` lines, with `!SET! = A, B` substitution sets.
pub fn convert_agents(text: &str, skips: &mut Vec<Skip>, counts: &mut FileCounts) -> String {
    let mut subst: Vec<(String, Vec<String>)> = Vec::new();
    let mut roles: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (i, raw) in text.lines().enumerate() {
        let line_no = i + 1;
        let t = strip_comment(raw).trim();
        if t.is_empty() || t.starts_with('<') {
            continue;
        }
        if t.starts_with('!') {
            if let Some((name, alts)) = t.split_once('=') {
                let alts = alts
                    .split(',')
                    .map(|a| a.trim().to_string())
                    .filter(|a| !a.is_empty())
                    .collect();
                subst.push((name.trim().to_string(), alts));
                continue;
            }
        }
        counts.read += 1;
        let (noun, codes) = brackets(t);
        let Some(code) = codes.first() else {
            skips.push(skip(line_no, Reason::NoCode, raw));
            continue;
        };
        let code = code.trim();
        let role = if let Some(r) = code.strip_prefix('~') {
            if r.len() == 3 && r.bytes().all(|b| b.is_ascii_uppercase()) {
                r.to_string()
            } else if r.len() > 3 && r.len() % 3 == 0 && r.bytes().all(|b| b.is_ascii_uppercase()) {
                skips.push(skip(line_no, Reason::CompoundRole(code.to_string()), raw));
                continue;
            } else {
                skips.push(skip(line_no, Reason::BadCode(code.to_string()), raw));
                continue;
            }
        } else if code.ends_with('~') {
            skips.push(skip(line_no, Reason::PrefixRole(code.to_string()), raw));
            continue;
        } else if code.starts_with("---") {
            skips.push(skip(line_no, Reason::NullCode, raw));
            continue;
        } else {
            skips.push(skip(line_no, Reason::BadCode(code.to_string()), raw));
            continue;
        };
        // `NOUN {PLURAL}`: an irregular plural, or `{}` for none; casus
        // makes plurals itself, but a listed one is kept as another noun.
        let (noun, listed) = match (noun.find('{'), noun.find('}')) {
            (Some(a), Some(b)) if a < b => (
                noun[..a].trim().to_string(),
                noun[a + 1..b]
                    .split_whitespace()
                    .map(str::to_string)
                    .collect(),
            ),
            _ => (noun.clone(), Vec::new()),
        };
        let mut forms = vec![noun];
        forms.extend(listed);
        for (name, alts) in &subst {
            forms = forms
                .into_iter()
                .flat_map(|f| {
                    if f.contains(name.as_str()) {
                        alts.iter()
                            .map(|a| f.replace(name.as_str(), a))
                            .collect::<Vec<_>>()
                    } else {
                        vec![f]
                    }
                })
                .collect();
        }
        let mut ok = false;
        for f in forms {
            let n = names::words(&f).join(" ");
            if let Some(c) = n
                .chars()
                .find(|c| !(c.is_alphanumeric() || matches!(c, ' ' | '-' | '.' | '\'')))
            {
                skips.push(skip(line_no, Reason::UnmatchableName(c.to_string()), raw));
                continue;
            }
            if n.is_empty() {
                continue;
            }
            let list = roles.entry(role.clone()).or_default();
            if !list.contains(&n) {
                list.push(n);
            }
            ok = true;
        }
        if ok {
            counts.converted += 1;
        }
    }
    let mut out = String::new();
    for (role, nouns) in roles {
        out.push_str(&format!("[{role}]\n"));
        for chunk in nouns.chunks(8) {
            out.push_str(&format!("noun: {}\n", chunk.join("; ")));
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str) -> (ActorOutput, Vec<Skip>, FileCounts) {
        let mut skips = Vec::new();
        let mut counts = FileCounts::default();
        let out = convert_actors(text, &Known::builtin(), &mut skips, &mut counts);
        (out, skips, counts)
    }

    const ACTORS: &str = "\
# invented actors for the test
FREEDONIA_PARTY_ [FRDPTY] # comment
+FREEDONIAN_PARTY_
ZED_QUARTERMAIN_
\t[USAGOV 950101-990101]
\t[USAELI]
STACKED_NAME_
OTHER_CLUB_ [ABC 2004017-20061201]
NULLED_ [---]
BAD+NAME_ [GRPX]
SYLVANIAN_ [SYL]
KAZAKHSTAN_ [KAZ]
+KAZAKH_
+ASTANA_
SHARED_ONE_
SHARED_TWO_
\t[ABCGOV]
ORPHAN_AT_THE_END
";

    #[test]
    fn entries_become_blocks_with_dates_and_gaps() {
        let (out, skips, counts) = run(ACTORS);
        assert!(
            out.orgs
                .contains("[FRDPTY]  # line 2\nname: Freedonia Party; Freedonian Party\n"),
            "{}",
            out.orgs
        );
        assert!(out.orgs.contains(
            "[USAGOV]  # line 4\nname: Zed Quartermain\nvalid: 1995-01-01..1999-01-01\n"
        ));
        // the undated code holds before and after the dated one
        assert!(out
            .orgs
            .contains("[USAELI]  # line 4\nname: Zed Quartermain\nvalid: ..1995-01-01\n"));
        assert!(out
            .orgs
            .contains("[USAELI]  # line 4\nname: Zed Quartermain\nvalid: 1999-01-01..\n"));
        // an undated country code becomes a country entry, demonyms as adj
        assert!(
            out.countries
                .contains("[KAZ]\nname: Kazakhstan; Astana\nadj: Kazakh\n"),
            "{}",
            out.countries
        );
        let lines: Vec<(usize, &str)> = skips.iter().map(|s| (s.line, s.reason.key())).collect();
        // stacked name lines share the code below them
        assert!(
            out.orgs
                .contains("[ABCGOV]  # line 15\nname: Shared One; Shared Two\n"),
            "{}",
            out.orgs
        );
        assert!(lines.contains(&(8, "malformed date")), "{lines:?}");
        assert!(lines.contains(&(9, "null code [---]")), "{lines:?}");
        assert!(
            lines.contains(&(10, "name with characters casus cannot match")),
            "{lines:?}"
        );
        assert!(lines.contains(&(18, "name without a code")), "{lines:?}");
        assert_eq!(counts.read, 9);
        assert_eq!(counts.converted, 5);
    }

    #[test]
    fn gaps_merge_overlapping_ranges() {
        let c = |s: &str| dated_code(s).unwrap();
        let a = c("AFGGOV 780430-790916");
        let b = c("AFGGOV 780501-790327");
        let d = c("AFGGOV >800101");
        let g = gaps(&[&a, &b, &d]);
        let shown: Vec<String> = g.iter().map(|(f, u)| range(*f, *u)).collect();
        assert_eq!(shown, ["..1978-04-30", "1979-09-16..1980-01-01"]);
    }

    #[test]
    fn agents_expand_substitutions_and_report_other_codes() {
        let text = "!HAND! = HAND, HANDS\nFARM!HAND! [~AGR]\nSHEEP_MAN {SHEEP_MEN} [~AGR]\nPOLICE_CHIEF [~COPGOV]\nEX_ [ELI~]\nNO_CODE_HERE\n";
        let mut skips = Vec::new();
        let mut counts = FileCounts::default();
        let out = convert_agents(text, &mut skips, &mut counts);
        assert_eq!(
            out,
            "[AGR]\nnoun: farmhand; farmhands; sheep man; sheep men\n\n"
        );
        let got: Vec<(usize, &str)> = skips.iter().map(|s| (s.line, s.reason.key())).collect();
        assert_eq!(
            got,
            [
                (4, "two-part agent code"),
                (5, "prefix agent code"),
                (6, "name without a code")
            ]
        );
        assert_eq!((counts.read, counts.converted), (5, 2));
    }
}
