//! Reading CoNLL-U text into sentences of scored tokens (multi-word token
//! lines `1-2` and empty nodes `8.1` are skipped).

use thiserror::Error;

#[derive(Debug, Error, PartialEq, Eq)]
#[error("line {line}: {message}")]
pub struct ConlluError {
    pub line: usize,
    pub message: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GoldSentence {
    pub comments: Vec<String>,
    pub forms: Vec<String>,
    pub upos: Vec<String>,
    /// Heads (0 = root); 0 too when the input has `_`.
    pub heads: Vec<usize>,
    pub deprels: Vec<String>,
}

pub fn read_conllu(text: &str) -> Result<Vec<GoldSentence>, ConlluError> {
    let mut out = Vec::new();
    let mut cur = GoldSentence::default();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            if !cur.forms.is_empty() {
                out.push(std::mem::take(&mut cur));
            } else {
                cur.comments.clear();
            }
            continue;
        }
        if line.starts_with('#') {
            cur.comments.push(line.to_string());
            continue;
        }
        let err = |m: &str| ConlluError {
            line: n + 1,
            message: m.to_string(),
        };
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() != 10 {
            return Err(err(&format!(
                "expected 10 tab-separated columns, found {}",
                cols.len()
            )));
        }
        if cols[0].contains('-') || cols[0].contains('.') {
            continue;
        }
        let id: usize = cols[0].parse().map_err(|_| err("ID is not a number"))?;
        if id != cur.forms.len() + 1 {
            return Err(err(&format!("ID {id} out of sequence")));
        }
        let head = if cols[6] == "_" {
            0
        } else {
            cols[6].parse().map_err(|_| err("HEAD is not a number"))?
        };
        cur.forms.push(cols[1].to_string());
        cur.upos.push(cols[3].to_string());
        cur.heads.push(head);
        cur.deprels.push(cols[7].to_string());
    }
    if !cur.forms.is_empty() {
        out.push(cur);
    }
    for s in &out {
        if s.heads.iter().any(|&h| h > s.forms.len()) {
            return Err(ConlluError {
                line: 0,
                message: "HEAD out of range".into(),
            });
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn skips_multiword_and_empty_nodes() {
        let t = "# text = I can't\n1-2\tcan't\t_\t_\t_\t_\t_\t_\t_\t_\n1\tca\tcan\tAUX\t_\t_\t0\troot\t_\t_\n2\tn't\tnot\tPART\t_\t_\t1\tadvmod\t_\t_\n2.1\tx\t_\t_\t_\t_\t_\t_\t_\t_\n\n";
        let s = read_conllu(t).unwrap();
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].forms, vec!["ca", "n't"]);
        assert_eq!(s[0].heads, vec![0, 1]);
        assert!(read_conllu("1\ta\n").unwrap_err().line == 1);
    }
}
