//! The CAMEO event table: name, Goldstein score, QuadClass and PLOVER type
//! of every event code, read from `dict/cameo_event_codes.tsv` (built from
//! the CAMEO/GDELT lookups and the CAMEO-to-PLOVER mapping).

use crate::dict::{DictError, Source};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

#[derive(Debug, Clone, PartialEq)]
pub struct CameoCode {
    pub code: String,
    pub name: String,
    pub goldstein: f32,
    pub quad_class: u8,
    pub root: String,
    /// PLOVER event type, or `None` where the mapping drops the code
    /// (PLOVER has no type for CAMEO roots 01 and 02).
    pub plover: Option<String>,
}

#[derive(Debug, Clone, Default)]
pub struct CameoTable {
    codes: HashMap<String, CameoCode>,
    /// Codes named on lines that failed to load: entries elsewhere that use
    /// them are not reported again, since the table's own error says it.
    failed: HashSet<String>,
}

impl CameoTable {
    /// Parses the table; every bad line is one error naming FILE:LINE.
    pub fn parse(source: &Source) -> Result<CameoTable, DictError> {
        let (table, errors) = CameoTable::parse_lenient(source);
        DictError::collect(errors)?;
        Ok(table)
    }

    /// Parses the table, keeping the good lines and returning one error per
    /// bad line. A code is 2 to 4 ASCII digits, its root is its first two,
    /// and a longer code's parent (the code minus its last digit) must be in
    /// the table too, because coding and statistics slice codes by root.
    pub fn parse_lenient(source: &Source) -> (CameoTable, Vec<DictError>) {
        CameoTable::parse_all(&[source])
    }

    /// Parses several tables into one: a later table's line for a code
    /// replaces an earlier one's (a user table adds to the built-in one);
    /// parents are checked on the merged table.
    pub fn parse_all(sources: &[&Source]) -> (CameoTable, Vec<DictError>) {
        let mut table = CameoTable::default();
        let mut errors = Vec::new();
        // code -> (source index, line) of the line that defined it
        let mut origin: HashMap<String, (usize, usize)> = HashMap::default();
        for (file, source) in sources.iter().enumerate() {
            for (index, line) in source.text.lines().enumerate() {
                let line_no = index + 1;
                if line_no == 1 || line.trim().is_empty() {
                    continue;
                }
                let code = line.split('\t').next().unwrap_or("").trim();
                match parse_line(line) {
                    Ok(entry) => {
                        if origin.get(&entry.code).is_some_and(|(f, _)| *f == file) {
                            errors.push(
                                source
                                    .error(line_no, format!("code {} is listed twice", entry.code)),
                            );
                            continue;
                        }
                        table.failed.remove(&entry.code);
                        origin.insert(entry.code.clone(), (file, line_no));
                        table.codes.insert(entry.code.clone(), entry);
                    }
                    Err(msg) => {
                        if !code.is_empty() {
                            table.failed.insert(code.to_string());
                        }
                        errors.push(source.error(line_no, msg));
                    }
                }
            }
        }
        let mut lines: Vec<(usize, usize, String)> = origin
            .into_iter()
            .map(|(code, (file, line))| (file, line, code))
            .collect();
        lines.sort();
        // Parents: each missing parent is one error, on the line of its
        // first child, naming the children; none if the parent itself
        // failed to load (its line's error says it).
        let mut orphans: Vec<String> = Vec::new();
        let mut missing: Vec<(usize, usize, String, Vec<String>)> = Vec::new();
        for (file, line_no, code) in &lines {
            let parent = &code[..code.len() - 1];
            if code.len() > 2 && !table.codes.contains_key(parent) {
                orphans.push(code.clone());
                if table.failed.contains(parent) {
                    continue;
                }
                match missing.iter_mut().find(|(_, _, p, _)| p == parent) {
                    Some((_, _, _, children)) => children.push(code.clone()),
                    None => missing.push((*file, *line_no, parent.to_string(), vec![code.clone()])),
                }
            }
        }
        for (file, line_no, parent, children) in missing {
            errors.push(sources[file].error(
                line_no,
                format!(
                    "code {parent} is not in the table but {} {} under it",
                    children.join(", "),
                    if children.len() == 1 { "is" } else { "are" }
                ),
            ));
        }
        for code in orphans {
            table.codes.remove(&code);
            table.failed.insert(code);
        }
        // in file order, then line order
        errors.sort_by_key(|e| match e {
            DictError::Line { file, line, .. } => {
                (sources.iter().position(|s| &s.name == file), *line)
            }
            _ => (None, 0),
        });
        (table, errors)
    }

    /// Whether `code` is in the table or was named on a line that failed to
    /// load; for checks that would otherwise repeat the table's error.
    pub fn known(&self, code: &str) -> bool {
        self.codes.contains_key(code) || self.failed.contains(code)
    }

    pub fn get(&self, code: &str) -> Option<&CameoCode> {
        self.codes.get(code)
    }

    pub fn contains(&self, code: &str) -> bool {
        self.codes.contains_key(code)
    }

    pub fn len(&self) -> usize {
        self.codes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.codes.is_empty()
    }
}

fn parse_line(line: &str) -> Result<CameoCode, String> {
    let cols: Vec<&str> = line.split('\t').collect();
    if cols.len() < 7 {
        return Err("expected at least 7 tab-separated columns".into());
    }
    let code = cols[0].trim();
    if !(2..=4).contains(&code.len()) || !code.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!(
            "`{code}` is not a CAMEO code (2 to 4 ASCII digits)"
        ));
    }
    let goldstein = cols[2]
        .trim()
        .parse::<f32>()
        .ok()
        .filter(|g| g.is_finite() && (-10.0..=10.0).contains(g))
        .ok_or_else(|| {
            format!(
                "Goldstein score `{}` is not a number from -10 to 10",
                cols[2].trim()
            )
        })?;
    let quad_class = cols[3]
        .trim()
        .parse::<u8>()
        .ok()
        .filter(|q| (1..=4).contains(q))
        .ok_or("QuadClass must be 1 to 4")?;
    let root = cols[5].trim();
    if root != &code[..2] {
        return Err(format!(
            "root `{root}` is not the first two digits of code {code}"
        ));
    }
    let plover = cols
        .get(6)
        .map(|p| p.trim())
        .filter(|p| !p.is_empty() && !p.starts_with('('))
        .map(str::to_string);
    Ok(CameoCode {
        code: code.to_string(),
        name: cols[1].trim().to_string(),
        goldstein,
        quad_class,
        root: root.to_string(),
        plover,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEAD: &str = "code\tname\tgoldstein\tquadclass\tlevel\troot\tplover_event\n";

    fn table(body: &str) -> (CameoTable, Vec<String>) {
        let (t, e) = CameoTable::parse_lenient(&Source::new("c.tsv", format!("{HEAD}{body}")));
        (t, e.iter().map(|e| e.to_string()).collect())
    }

    #[test]
    fn bad_codes_scores_and_classes_are_one_error_per_line() {
        let (t, errs) = table(concat!(
            "01\tSTATEMENT\t0.0\t1\t1\t01\t(dropped)\n",
            "1\tshort\t0.0\t1\t1\t1\tx\n",
            "0é\taccent\t0.0\t1\t1\t0é\tx\n",
            "011\tdecline\tNaN\t1\t2\t01\tx\n",
            "012\tfar\t11\t1\t2\t01\tx\n",
            "013\tclass\t0.0\t5\t2\t01\tx\n",
            "014\troot\t0.0\t1\t2\t02\tx\n",
            "0111\tchild of a failed code\t0.0\t1\t3\t01\tx\n",
            "0151\torphan\t0.0\t1\t3\t01\tx\n",
            "010\tfine\t-0.5\t1\t2\t01\tx\n",
        ));
        assert_eq!(errs.len(), 7, "{errs:?}");
        for (e, line) in errs.iter().zip([3, 4, 5, 6, 7, 8, 10]) {
            assert!(e.starts_with(&format!("c.tsv:{line}: ")), "{e}");
        }
        assert!(
            errs[6].contains("code 015 is not in the table but 0151 is"),
            "{}",
            errs[6]
        );
        assert!(t.contains("01") && t.contains("010"));
        assert!(!t.contains("011") && t.known("011") && t.known("0111"));
        assert!(!t.known("099"));
    }

    #[test]
    fn one_bad_line_in_the_builtin_table_is_one_pipeline_error() {
        // issue 9: one bad line emptied the table and every verb pattern
        // then reported its code as unknown (4,064 errors)
        let mut sources = crate::builtin::sources();
        for bad in [
            "0\tMAKE PUBLIC STATEMENT",
            "04\tCONSULT\tNaN",
            "04\tCONSULT\t1.0\t9",
        ] {
            let table = sources
                .iter_mut()
                .find(|s| s.name == "cameo_event_codes.tsv")
                .unwrap();
            let original = table.text.clone();
            let line = original.lines().find(|l| l.starts_with("04\t")).unwrap();
            let cols = bad.split('\t').count();
            let rest: Vec<&str> = line.split('\t').skip(cols).collect();
            table.text = original
                .replace(line, &format!("{bad}\t{}", rest.join("\t")))
                .into();
            let err = crate::Pipeline::from_sources(sources.clone()).unwrap_err();
            let all = err.all();
            // a code that is not a code cannot be recognised as the parent
            // its children need, so that is said once more, in one line
            let expected = if bad.starts_with("0\t") { 2 } else { 1 };
            assert_eq!(all.len(), expected, "{bad}: {all:?}");
            assert!(
                all[0].to_string().starts_with("cameo_event_codes.tsv:"),
                "{}",
                all[0]
            );
            sources
                .iter_mut()
                .find(|s| s.name == "cameo_event_codes.tsv")
                .unwrap()
                .text = original;
        }
    }
}
