//! The CAMEO event table: name, Goldstein score, QuadClass and PLOVER type
//! of every event code, read from `dict/cameo_event_codes.tsv` (built from
//! the CAMEO/GDELT lookups and the CAMEO-to-PLOVER mapping).

use crate::dict::{DictError, Source};
use rustc_hash::FxHashMap as HashMap;

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
}

impl CameoTable {
    pub fn parse(source: &Source) -> Result<CameoTable, DictError> {
        let mut codes = HashMap::default();
        for (index, line) in source.text.lines().enumerate() {
            let line_no = index + 1;
            if line_no == 1 || line.trim().is_empty() {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            let err = |msg: &str| source.error(line_no, msg.to_string());
            if cols.len() < 7 {
                return Err(err("expected at least 7 tab-separated columns"));
            }
            let goldstein = cols[2]
                .parse::<f32>()
                .map_err(|_| err("Goldstein score is not a number"))?;
            let quad_class = cols[3]
                .parse::<u8>()
                .ok()
                .filter(|q| (1..=4).contains(q))
                .ok_or_else(|| err("QuadClass must be 1 to 4"))?;
            let plover = cols
                .get(6)
                .map(|p| p.trim())
                .filter(|p| !p.is_empty() && !p.starts_with('('))
                .map(str::to_string);
            let code = cols[0].trim().to_string();
            codes.insert(
                code.clone(),
                CameoCode {
                    code,
                    name: cols[1].trim().to_string(),
                    goldstein,
                    quad_class,
                    root: cols[5].trim().to_string(),
                    plover,
                },
            );
        }
        Ok(CameoTable { codes })
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
