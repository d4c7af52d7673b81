//! Verb dictionaries: PETRARCH-2's CAMEO verb file (synsets `&NAME`, blocks
//! `--- NAME [CODE] ---` of synonymous verbs, pattern lines) and TABARI's
//! `.verbs` (one verb a block, `<SYNSETS>`, `{ A | B }` alternatives).
//!
//! A pattern `- * WORDS [CODE]` applies to every verb of its block and
//! becomes one casus pattern per verb: the verb in base form, then the
//! words; `+` and `$` keep their meaning, synsets are expanded, `{A B}` noun
//! phrases and `(PREP X)` prepositional phrases become plain words.
//! `[A:B]` codes A from source to target and B back, which is casus's
//! `also B reverse` (or `sym` when A = B). What casus patterns cannot say
//! (words before the verb, skips, compound actors, target-only codes) is
//! reported.

use crate::names::words;
use crate::{FileCounts, Format, Known, Reason, Skip};
use std::collections::{BTreeMap, HashMap, HashSet};

/// Synset expansion of one pattern line beyond this many casus patterns is
/// reported rather than written: such lines are catch-alls whose expansion
/// would dwarf the rest of the dictionary.
pub const MAX_EXPANSIONS: usize = 150;

struct VerbLine {
    line: usize,
    raw: String,
    words: Vec<String>,
    /// `Some(empty)`: written `{}`, i.e. already inflected.
    forms: Option<Vec<String>>,
    code: Option<String>,
    stem_written: bool,
}

struct PatLine {
    line: usize,
    raw: String,
    body: String,
    code: String,
}

struct Block {
    name: String,
    line: usize,
    default: Option<String>,
    verbs: Vec<VerbLine>,
    patterns: Vec<PatLine>,
}

struct Parsed {
    name: String,
    stem: String,
    blocks: Vec<Block>,
    synsets: HashMap<String, Vec<String>>,
    counts: FileCounts,
    skips: Vec<Skip>,
}

#[derive(Default)]
pub struct VerbFiles {
    files: Vec<(String, String, String, Format)>,
}

pub struct OutFile {
    pub source: String,
    pub text: String,
    pub lines: usize,
}

#[derive(Default)]
pub struct Converted {
    pub files: BTreeMap<String, OutFile>,
    pub irregular: String,
    pub counts: Vec<(String, FileCounts)>,
    pub skipped: Vec<Skip>,
}

fn skip(file: &str, line: usize, reason: Reason, entry: &str) -> Skip {
    Skip {
        file: file.to_string(),
        line,
        reason,
        entry: entry.trim().to_string(),
    }
}

fn bracket(s: &str) -> (String, Option<String>) {
    match (s.rfind('['), s.rfind(']')) {
        (Some(a), Some(b)) if a < b => (s[..a].to_string(), Some(s[a + 1..b].trim().to_string())),
        _ => (s.to_string(), None),
    }
}

fn parse_verb_line(line: usize, raw: &str, t: &str, format: Format) -> VerbLine {
    let (body, code) = bracket(t);
    let (head, forms) = match (body.find('{'), body.find('}')) {
        (Some(a), Some(b)) if a < b => {
            let forms = body[a + 1..b]
                .split_whitespace()
                .filter_map(|f| words(f.trim_start_matches('+')).into_iter().next())
                .collect();
            (body[..a].to_string(), Some(forms))
        }
        _ => (body, None),
    };
    let head = head.trim().trim_start_matches('+');
    let first = head.split(['_', ' ']).next().unwrap_or("");
    VerbLine {
        line,
        raw: raw.trim().to_string(),
        words: words(head),
        forms,
        code: code.filter(|c| !c.starts_with("---")),
        stem_written: format == Format::Tabari
            && !first.is_empty()
            && !head.contains('_')
            && !head.ends_with('_'),
    }
}

fn parse(stem: &str, name: &str, text: &str, format: Format) -> Parsed {
    let mut p = Parsed {
        name: name.to_string(),
        stem: stem.to_string(),
        blocks: Vec::new(),
        synsets: HashMap::new(),
        counts: FileCounts {
            kind: Some(crate::Kind::Verbs),
            ..FileCounts::default()
        },
        skips: Vec::new(),
    };
    let comment = if format == Format::Tabari { ';' } else { '#' };
    let mut synset: Option<String> = None;
    let mut in_time = false;
    let mut in_transform = false;
    for (i, raw) in text.lines().enumerate() {
        let line = i + 1;
        let rt = raw.trim();
        if rt.starts_with('#') && rt.contains("TRANSFORMATIONS") {
            in_transform = true;
            continue;
        }
        let t = rt.split(comment).next().unwrap_or("").trim();
        if t.is_empty() {
            continue;
        }
        match t {
            "<TIME>" => {
                in_time = true;
                continue;
            }
            "</TIME>" => {
                in_time = false;
                continue;
            }
            _ if t.starts_with('<') => continue,
            _ => {}
        }
        if in_time {
            p.counts.read += 1;
            p.skips.push(skip(name, line, Reason::TimeShift, raw));
            continue;
        }
        if in_transform || t.starts_with('~') {
            p.counts.read += 1;
            p.skips.push(skip(name, line, Reason::Transformation, raw));
            continue;
        }
        if let Some(s) = t.strip_prefix('&') {
            let key = s.split_whitespace().next().unwrap_or("").to_string();
            p.synsets.entry(key.clone()).or_default();
            synset = Some(key);
            continue;
        }
        if let (Some(member), Some(s)) = (t.strip_prefix('+'), synset.as_ref()) {
            // A member casus cannot write is left out of the synset here,
            // once, rather than failing every pattern that uses the synset.
            p.counts.read += 1;
            let bad = member
                .split(['_', ' '])
                .find(|w| !w.is_empty() && !w.starts_with('&') && !valid_word(&w.to_lowercase()));
            match bad {
                Some(w) => p
                    .skips
                    .push(skip(name, line, Reason::BadWord(w.to_string()), raw)),
                None => {
                    p.counts.converted += 1;
                    p.synsets
                        .entry(s.clone())
                        .or_default()
                        .push(member.trim().to_string());
                }
            }
            continue;
        }
        synset = None;
        if t.starts_with("---") {
            let inner = t.trim_matches('-').trim();
            let (name_part, code) = bracket(inner);
            p.blocks.push(Block {
                name: name_part.trim().to_string(),
                line,
                default: code.filter(|c| !c.starts_with("---")),
                verbs: Vec::new(),
                patterns: Vec::new(),
            });
            continue;
        }
        if let Some(rest) = t.strip_prefix('-') {
            p.counts.read += 1;
            let (body, code) = bracket(rest);
            let pat = PatLine {
                line,
                raw: raw.trim().to_string(),
                body,
                code: code.unwrap_or_default(),
            };
            match p.blocks.last_mut() {
                Some(b) => b.patterns.push(pat),
                None => p
                    .skips
                    .push(skip(name, line, Reason::PatternOutsideBlock, raw)),
            }
            continue;
        }
        p.counts.read += 1;
        let v = parse_verb_line(line, raw, t, format);
        if format == Format::Tabari || p.blocks.is_empty() {
            // TABARI: each verb line opens its own block, its code the default.
            p.blocks.push(Block {
                name: v.words.join("_").to_uppercase(),
                line,
                default: v.code.clone(),
                verbs: vec![VerbLine { code: None, ..v }],
                patterns: Vec::new(),
            });
        } else if let Some(b) = p.blocks.last_mut() {
            b.verbs.push(v);
        }
    }
    p
}

impl VerbFiles {
    pub fn add(&mut self, stem: &str, name: &str, text: &str, format: Format) {
        self.files
            .push((stem.to_string(), name.to_string(), text.to_string(), format));
    }

    pub fn convert(&self, known: &Known) -> Converted {
        let parsed: Vec<Parsed> = self
            .files
            .iter()
            .map(|(s, n, t, f)| parse(s, n, t, *f))
            .collect();
        let mut verb_set: HashSet<String> = known.verbs.clone();
        let mut irregular_base = known.irregular_base.clone();
        let mut irregular_lines: BTreeMap<String, String> = BTreeMap::new();
        for p in &parsed {
            for b in &p.blocks {
                for v in &b.verbs {
                    let Some(first) = v.words.first() else {
                        continue;
                    };
                    if v.forms.as_ref().is_some_and(Vec::is_empty) {
                        continue;
                    }
                    verb_set.insert(first.clone());
                    if let Some(line) =
                        irregular_line(first, v.forms.as_deref().unwrap_or(&[]), known)
                    {
                        for f in line.split_whitespace().skip(1).flat_map(|p| p.split('/')) {
                            irregular_base
                                .entry(f.to_string())
                                .or_insert_with(|| first.clone());
                        }
                        irregular_lines.entry(first.clone()).or_insert(line);
                    }
                }
            }
        }
        let mut out = Converted::default();
        let mut seen: HashMap<String, String> = HashMap::new();
        for mut p in parsed {
            let mut text = String::new();
            let mut lines = 0;
            let name = p.name.clone();
            for b in &p.blocks {
                let mut block_text = String::new();
                // verbs of the block in base form
                let mut verbs: Vec<Vec<String>> = Vec::new();
                for v in &b.verbs {
                    let Some(first) = v.words.first() else {
                        p.skips
                            .push(skip(&name, v.line, Reason::Unreadable, &v.raw));
                        continue;
                    };
                    let explicit = v.forms.as_ref().is_some_and(Vec::is_empty);
                    let e_form = format!("{first}e");
                    let bare_stem = v.stem_written && !known.verbs.contains(first);
                    let base = if explicit || looks_inflected(first, &verb_set) {
                        match lemma(first, &verb_set, &irregular_base) {
                            Some(b) => b,
                            None => {
                                p.skips.push(skip(
                                    &name,
                                    v.line,
                                    Reason::InflectedVerb(first.clone()),
                                    &v.raw,
                                ));
                                continue;
                            }
                        }
                    } else if bare_stem && verb_set.contains(&e_form) {
                        e_form
                    } else if bare_stem && tabari_stem(first) {
                        // A root no English verb ends in (`ACCELERAT`,
                        // `AUTHORIZ`): the base is almost always the root
                        // and `e`; a guess, so it is reported.
                        p.skips
                            .push(skip(&name, v.line, Reason::VerbStem(first.clone()), &v.raw));
                        e_form
                    } else {
                        first.clone()
                    };
                    let mut ws = vec![base];
                    ws.extend(v.words.iter().skip(1).cloned());
                    if let Some(bad) = ws.iter().find(|w| !valid_word(w)) {
                        p.skips
                            .push(skip(&name, v.line, Reason::BadWord(bad.clone()), &v.raw));
                        continue;
                    }
                    p.counts.converted += 1;
                    let own = v.code.as_ref().or(b.default.as_ref());
                    if let Some(code) = own {
                        match code_spec(code, known) {
                            Ok((c, flags)) => {
                                let t = ws.join(" ");
                                if emit(&mut seen, &mut block_text, &c, &t, &flags) {
                                    lines += 1;
                                }
                            }
                            Err(r) => p.skips.push(skip(&name, v.line, r, &v.raw)),
                        }
                    }
                    verbs.push(ws);
                }
                for pat in &b.patterns {
                    if verbs.is_empty() {
                        p.skips
                            .push(skip(&name, pat.line, Reason::PatternOutsideBlock, &pat.raw));
                        continue;
                    }
                    let (code, flags) = match code_spec(&pat.code, known) {
                        Ok(x) => x,
                        Err(r) => {
                            p.skips.push(skip(&name, pat.line, r, &pat.raw));
                            continue;
                        }
                    };
                    let tails = match pattern_tails(&pat.body, &p.synsets) {
                        Ok(t) => t,
                        Err(r) => {
                            p.skips.push(skip(&name, pat.line, r, &pat.raw));
                            continue;
                        }
                    };
                    let mut wrote = false;
                    let mut conflict = None;
                    for verb in &verbs {
                        for tail in &tails {
                            let mut t = verb.join(" ");
                            if !tail.is_empty() {
                                t.push(' ');
                                t.push_str(tail);
                            }
                            let key = key(&t, &flags);
                            match seen.get(&key) {
                                Some(c) if *c == code => wrote = true,
                                Some(c) => conflict = Some(c.clone()),
                                None => {
                                    emit(&mut seen, &mut block_text, &code, &t, &flags);
                                    lines += 1;
                                    wrote = true;
                                }
                            }
                        }
                    }
                    if wrote {
                        p.counts.converted += 1;
                    } else if let Some(c) = conflict {
                        p.skips
                            .push(skip(&name, pat.line, Reason::DuplicatePattern(c), &pat.raw));
                    }
                }
                if !block_text.is_empty() {
                    text.push_str(&format!("# {} (line {})\n", b.name, b.line));
                    text.push_str(&block_text);
                    text.push('\n');
                }
            }
            out.skipped.append(&mut p.skips);
            out.counts.push((name.clone(), p.counts));
            if lines > 0 {
                out.files.insert(
                    p.stem.clone(),
                    OutFile {
                        source: name,
                        text,
                        lines,
                    },
                );
            }
        }
        for line in irregular_lines.values() {
            out.irregular.push_str(line);
            out.irregular.push('\n');
        }
        out
    }
}

fn key(text: &str, flags: &str) -> String {
    // casus keys a pattern by its words and the `sym` flag
    if flags.contains("sym") {
        format!("{text} ;sym")
    } else {
        text.to_string()
    }
}

fn emit(
    seen: &mut HashMap<String, String>,
    out: &mut String,
    code: &str,
    text: &str,
    flags: &str,
) -> bool {
    let k = key(text, flags);
    if seen.contains_key(&k) {
        return false;
    }
    seen.insert(k, code.to_string());
    if flags.is_empty() {
        out.push_str(&format!("{code}\t{text}\n"));
    } else {
        out.push_str(&format!("{code}\t{text}\t; {flags}\n"));
    }
    true
}

fn valid_word(w: &str) -> bool {
    !w.is_empty()
        && w.chars()
            .all(|c| c.is_lowercase() || c.is_ascii_digit() || c == '-' || c == '\'' || c == '.')
}

/// A TABARI root cut before a final `e` (`ACCELERAT`, `AUTHORIZ`,
/// `BUDG`): it ends in letters an English verb's base rarely ends in.
fn tabari_stem(w: &str) -> bool {
    let b = w.as_bytes();
    let never = ["tz", "us", "es", "ug", "eat", "bat"];
    b.len() > 3 && !never.iter().any(|e| w.ends_with(e)) && {
        let (x, y) = (b[b.len() - 2], b[b.len() - 1]);
        let v = |c: u8| b"aeiou".contains(&c);
        (v(x) && matches!(y, b's' | b'v' | b'c' | b'g' | b'z') && !w.ends_with("ss"))
            || (!v(x) && !v(y) && matches!(y, b'c' | b'v' | b'z' | b'g') && x != b'n')
            || w.ends_with("at") && b.len() > 5
    }
}

fn looks_inflected(w: &str, verbs: &HashSet<String>) -> bool {
    !verbs.contains(w) && (w.ends_with("ed") || w.ends_with("ing"))
}

/// The base form of an inflected verb, if the dictionary or casus knows it.
fn lemma(w: &str, verbs: &HashSet<String>, irregular: &HashMap<String, String>) -> Option<String> {
    if let Some(b) = irregular.get(w) {
        return Some(b.clone());
    }
    let mut cands: Vec<String> = Vec::new();
    let undouble = |s: &str| -> Option<String> {
        let b = s.as_bytes();
        (b.len() > 2 && b[b.len() - 1] == b[b.len() - 2]).then(|| s[..s.len() - 1].to_string())
    };
    if let Some(s) = w.strip_suffix("ied") {
        cands.push(format!("{s}y"));
    }
    if let Some(s) = w.strip_suffix("ed") {
        cands.push(format!("{s}e"));
        cands.push(s.to_string());
        cands.extend(undouble(s));
    }
    if let Some(s) = w.strip_suffix("ing") {
        cands.push(s.to_string());
        cands.push(format!("{s}e"));
        cands.extend(undouble(s));
    }
    if let Some(s) = w.strip_suffix("ies") {
        cands.push(format!("{s}y"));
    }
    if let Some(s) = w.strip_suffix("es") {
        cands.push(s.to_string());
    }
    if let Some(s) = w.strip_suffix('s') {
        cands.push(s.to_string());
    }
    cands.into_iter().find(|c| verbs.contains(c))
}

/// An irregular-verb line (`speed sped sped`) when the forms a verb line
/// lists include some that casus's regular inflection would not make.
fn irregular_line(base: &str, forms: &[String], known: &Known) -> Option<String> {
    // A base that is itself a form of another verb (`is`) is no base.
    if known.irregular.contains_key(base)
        || known.irregular_base.contains_key(base)
        || base.len() < 2
    {
        return None;
    }
    let mut chars = base.chars();
    chars.next_back();
    let stem = chars.as_str();
    let extra: Vec<&String> = forms
        .iter()
        .filter(|f| {
            !(f.as_str() == base
                || f.ends_with("ing")
                || (f.ends_with('s') && f.starts_with(stem))
                || (f.ends_with('d') && f.starts_with(stem)))
                && valid_word(f)
        })
        .collect();
    if extra.is_empty() {
        return None;
    }
    let part: Vec<&str> = extra
        .iter()
        .filter(|f| f.ends_with('n'))
        .map(|f| f.as_str())
        .collect();
    let past: Vec<&str> = extra
        .iter()
        .filter(|f| !f.ends_with('n'))
        .map(|f| f.as_str())
        .collect();
    let (past, part) = match (past.is_empty(), part.is_empty()) {
        (true, _) => (part.clone(), part),
        (_, true) => (past.clone(), past),
        _ => (past, part),
    };
    Some(format!("{base} {} {}", past.join("/"), part.join("/")))
}

/// `[CODE]`, `[A:B]`: the casus code and flags.
fn code_spec(inner: &str, known: &Known) -> Result<(String, String), Reason> {
    let inner = inner.trim();
    if inner.starts_with("---") {
        return Err(Reason::NullCode);
    }
    let check = |c: &str| -> Result<String, Reason> {
        if known.cameo.contains(c) {
            Ok(c.to_string())
        } else {
            Err(Reason::UnknownEventCode(c.to_string()))
        }
    };
    match inner.split_once(':') {
        Some((a, b)) => {
            let (a, b) = (a.trim(), b.trim());
            if a.is_empty() {
                return Err(Reason::ReverseOnlyCode(inner.to_string()));
            }
            let a = check(a)?;
            let b = check(b)?;
            if a == b {
                Ok((a, "sym".into()))
            } else {
                Ok((a, format!("also {b} reverse")))
            }
        }
        None => Ok((check(inner)?, String::new())),
    }
}

/// Expands `{ A | B }` alternatives (TABARI) into whole pattern variants.
fn alternatives(body: &str) -> Vec<String> {
    let mut out = vec![body.to_string()];
    loop {
        let mut next = Vec::new();
        let mut changed = false;
        for s in &out {
            let found = s
                .find('{')
                .and_then(|a| s[a..].find('}').map(|b| (a, a + b)));
            match found {
                Some((a, b)) if s[a..b].contains('|') => {
                    changed = true;
                    for alt in s[a + 1..b].split('|') {
                        next.push(format!("{} {} {}", &s[..a], alt, &s[b + 1..]));
                    }
                }
                _ => next.push(s.clone()),
            }
        }
        out = next;
        if !changed || out.len() > MAX_EXPANSIONS * 4 {
            return out;
        }
    }
}

/// The words of a pattern after the verb, one string per expansion.
fn pattern_tails(
    body: &str,
    synsets: &HashMap<String, Vec<String>>,
) -> Result<Vec<String>, Reason> {
    let mut tails = Vec::new();
    for variant in alternatives(body) {
        let cleaned: String = variant
            .chars()
            .map(|c| {
                if matches!(c, '{' | '}' | '(' | ')' | '_') {
                    ' '
                } else {
                    c
                }
            })
            .collect();
        let tokens: Vec<&str> = cleaned.split_whitespace().collect();
        let stars: Vec<usize> = tokens
            .iter()
            .enumerate()
            .filter(|(_, t)| **t == "*")
            .map(|(i, _)| i)
            .collect();
        let star = match stars.as_slice() {
            [s] => *s,
            [] => return Err(Reason::NoVerbPosition),
            _ => return Err(Reason::BadWord("*".into())),
        };
        let pre = &tokens[..star];
        let post = &tokens[star + 1..];
        match pre {
            [] | ["$"] => {}
            ["+"] if post.contains(&"$") => {}
            ["+"] => return Err(Reason::TargetBeforeVerb),
            _ => return Err(Reason::WordsBeforeVerb),
        }
        let mut alts: Vec<Vec<String>> = vec![Vec::new()];
        let mut slots = HashSet::new();
        for tok in post {
            let choices: Vec<String> = match *tok {
                "+" | "$" => {
                    if !slots.insert(*tok) {
                        return Err(Reason::BadWord((*tok).to_string()));
                    }
                    vec![(*tok).to_string()]
                }
                "^" => return Err(Reason::SkipToken("^".into())),
                "%" => return Err(Reason::CompoundActorToken),
                t if t.contains('~') => return Err(Reason::SkipToken(t.to_string())),
                t if t.starts_with('&') => expand_synset(&t[1..], synsets, 0)?,
                t => {
                    let w = t.to_lowercase();
                    if !valid_word(&w) {
                        return Err(Reason::BadWord(t.to_string()));
                    }
                    vec![w]
                }
            };
            let mut next = Vec::new();
            for a in &alts {
                for c in &choices {
                    let mut n = a.clone();
                    n.push(c.clone());
                    next.push(n);
                }
            }
            if next.len() > MAX_EXPANSIONS {
                return Err(Reason::TooManyExpansions(next.len()));
            }
            alts = next;
        }
        tails.extend(alts.into_iter().map(|a| a.join(" ")));
    }
    if tails.len() > MAX_EXPANSIONS {
        return Err(Reason::TooManyExpansions(tails.len()));
    }
    tails.dedup();
    Ok(tails)
}

fn expand_synset(
    name: &str,
    synsets: &HashMap<String, Vec<String>>,
    depth: usize,
) -> Result<Vec<String>, Reason> {
    let members = synsets
        .get(name)
        .or_else(|| synsets.get(name.trim_end_matches('_')))
        .or_else(|| synsets.get(&format!("{name}_")))
        .ok_or_else(|| Reason::UnknownSynset(name.to_string()))?;
    let mut out = Vec::new();
    for m in members {
        let mut alts = vec![String::new()];
        for part in m.split(['_', ' ']).filter(|p| !p.is_empty()) {
            let choices = if let Some(inner) = part.strip_prefix('&') {
                if depth > 3 {
                    return Err(Reason::UnknownSynset(inner.to_string()));
                }
                expand_synset(inner, synsets, depth + 1)?
            } else {
                let w = part.to_lowercase();
                if !valid_word(&w) {
                    return Err(Reason::BadWord(part.to_string()));
                }
                vec![w]
            };
            alts = alts
                .iter()
                .flat_map(|a| {
                    choices.iter().map(move |c| {
                        if a.is_empty() {
                            c.clone()
                        } else {
                            format!("{a} {c}")
                        }
                    })
                })
                .collect();
        }
        out.extend(alts.into_iter().filter(|a| !a.is_empty()));
    }
    out.dedup();
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PETR: &str = "\
# invented verb file in PETRARCH-2's layout
&BEVERAGE
+TEA
+HOT_COCOA
+COFFEE/MILK

---  PARLEY   [040]  ---
PARLEY
CONFER {CONFERS CONFERRING CONFERRED }
+SIT_DOWN {+SITS_DOWN +SAT_DOWN +SITTING_DOWN } [043]
- * (OVER &BEVERAGE) (WITH +)                        [046]      # comment
- * BRIEFLY (IN $)                                   [042:043]
- * AGAIN                                             [046:046]
- &BEVERAGE * HASTILY                                [046]
- * (AT COURT)                                       [:173]
- * ^ NOTHING                                        [040]
- * UNKNOWNWORD                                      [9999]
- * NOTHING                                          [---]
- * &NOSUCHSET                                       [040]

---  HURL   [---]  ---
+SLUNG_AT {}
SMITE {SMITES SMITING SMOTE SMITTEN }
- * STONES                                           [145]

######## TRANSFORMATIONS ##########
~ a (a b ATTACK) SAY = a b 015
";

    fn run(text: &str, format: Format) -> Converted {
        let mut v = VerbFiles::default();
        v.add("t", "t.txt", text, format);
        v.convert(&Known::builtin())
    }

    #[test]
    fn petrarch_blocks_become_casus_patterns_for_every_verb() {
        let c = run(PETR, Format::Petrarch);
        let text = &c.files["t"].text;
        for want in [
            "040\tparley\n",
            "040\tconfer\n",
            "043\tsit down\n",
            "046\tconfer over tea with +\n",
            "046\tsit down over hot cocoa with +\n",
            "042\tparley briefly in $\t; also 043 reverse\n",
            "046\tparley again\t; sym\n",
            "145\tsmite stones\n",
            "145\tsling at stones\n",
        ] {
            assert!(text.contains(want), "missing {want:?} in\n{text}");
        }
        assert_eq!(c.irregular, "smite smote smitten\n");
        let got: Vec<(usize, &str)> = c.skipped.iter().map(|s| (s.line, s.reason.key())).collect();
        for want in [
            (5, "word casus cannot match"),
            (14, "words before the verb"),
            (15, "target-to-source only code"),
            (16, "skip or optional token"),
            (17, "event code not in casus's CAMEO table"),
            (18, "null code [---]"),
            (19, "unknown synset"),
            (27, "transformation"),
        ] {
            assert!(got.contains(&want), "{want:?} not in {got:?}");
        }
        let counts = &c.counts[0].1;
        assert_eq!(counts.read, 19);
        assert_eq!(counts.converted, 11);
    }

    #[test]
    fn tabari_alternatives_passives_and_stems() {
        let text = "<SYNSETS>\n&PLACE\n+HARBOUR\n</SYNSETS>\n<TIME>\nYESTERDAY [-1]\n</TIME>\n\
ABDUCT  [181] ;someone 1/1/99\n- + * BY_ $  [181]\n- * AT_ { DAWN | DUSK }  [181]\n- * IN_ &PLACE  [181]\n- SAID + MUST * POLICY  [100]\n- * + %  [181]\nACCUS  [---]\n- * + (OF ESPIONAGE)  [112]\nFROBNICAT  [010]\n";
        let c = run(text, Format::Tabari);
        let out = &c.files["t"].text;
        for want in [
            "181\tabduct\n",
            "181\tabduct by $\n",
            "181\tabduct at dawn\n",
            "181\tabduct at dusk\n",
            "181\tabduct in harbour\n",
            "112\taccuse + of espionage\n",
            "010\tfrobnicate\n",
        ] {
            assert!(out.contains(want), "missing {want:?} in\n{out}");
        }
        let got: Vec<(usize, &str)> = c.skipped.iter().map(|s| (s.line, s.reason.key())).collect();
        assert!(got.contains(&(6, "time-shift entry")), "{got:?}");
        assert!(got.contains(&(12, "words before the verb")), "{got:?}");
        assert!(got.contains(&(13, "compound actor token %")), "{got:?}");
        assert!(
            got.contains(&(16, "verb stem completed with -e")),
            "{got:?}"
        );
    }

    #[test]
    fn inflected_forms_find_their_base() {
        let verbs: HashSet<String> = ["stop", "hurry", "anger", "seize"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let irr: HashMap<String, String> = [("went".to_string(), "go".to_string())].into();
        assert_eq!(lemma("stopped", &verbs, &irr).as_deref(), Some("stop"));
        assert_eq!(lemma("hurried", &verbs, &irr).as_deref(), Some("hurry"));
        assert_eq!(lemma("angered", &verbs, &irr).as_deref(), Some("anger"));
        assert_eq!(lemma("seizing", &verbs, &irr).as_deref(), Some("seize"));
        assert_eq!(lemma("went", &verbs, &irr).as_deref(), Some("go"));
        assert_eq!(lemma("blorfed", &verbs, &irr), None);
    }
}
