//! casus-py: the casus coder as a Python extension module (`casus._casus`).
//!
//! The Python package `casus` (python/casus/__init__.py) wraps this module:
//! it turns Python inputs (dates, pandas frames, Arrow tables) into plain
//! columns and builds the Arrow table; this module builds the pipeline once,
//! codes with the GIL released (in parallel with rayon for batches) and
//! hands events back either as the CLI's JSON records (`code`) or as one
//! list per column (`code_columns`).

use casus_core::{builtin, CodeOptions, Date, DictError, Document, Event, Pipeline};
use pyo3::create_exception;
use pyo3::exceptions::{PyFileNotFoundError, PyRuntimeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};
use rayon::prelude::*;
use std::path::PathBuf;

create_exception!(
    _casus,
    DictionaryError,
    PyValueError,
    "A dictionary file is wrong; the message names each file and line."
);

/// How many dictionary errors the exception message lists before "...".
const ERRORS_SHOWN: usize = 20;

/// The compiled coder. Immutable once built (`frozen`), so any number of
/// Python threads may code with it at once.
#[pyclass(frozen, module = "casus._casus", name = "Pipeline")]
struct PyPipeline {
    inner: Pipeline,
    /// `monadic=True`: also single-actor events, with a null target.
    options: CodeOptions,
}

#[pymethods]
impl PyPipeline {
    #[new]
    #[pyo3(signature = (dict_dir=None, monadic=false))]
    fn new(py: Python<'_>, dict_dir: Option<PathBuf>, monadic: bool) -> PyResult<PyPipeline> {
        let built = py.detach(move || -> Result<Pipeline, BuildError> {
            let sources = match dict_dir {
                None => builtin::sources(),
                Some(dir) => builtin::merged(casus_sources::dict_dir::read(&dir)?),
            };
            Ok(Pipeline::from_sources(sources)?)
        });
        match built {
            Ok(inner) => Ok(PyPipeline {
                inner,
                options: CodeOptions {
                    monadic,
                    ..CodeOptions::default()
                },
            }),
            Err(BuildError::Dir(e @ casus_sources::dict_dir::DirError::Missing(_))) => {
                Err(PyFileNotFoundError::new_err(e.to_string()))
            }
            Err(BuildError::Dir(e)) => Err(DictionaryError::new_err(e.to_string())),
            Err(BuildError::Dict(e)) => Err(DictionaryError::new_err(dict_message(&e))),
        }
    }

    /// A hash of every dictionary file (the same as the CLI's for the same
    /// dictionaries).
    #[getter]
    fn version(&self) -> &str {
        self.inner.version()
    }

    /// Codes one document; each event is a dict shaped as a `casus code`
    /// JSON line.
    #[pyo3(signature = (text, date=None, doc_id=None, title=None, url=None))]
    fn code<'py>(
        &self,
        py: Python<'py>,
        text: String,
        date: Option<String>,
        doc_id: Option<String>,
        title: Option<String>,
        url: Option<String>,
    ) -> PyResult<Bound<'py, PyList>> {
        let date = match date {
            None => None,
            Some(d) => Some(parse_date(&d).map_err(PyValueError::new_err)?),
        };
        let doc = Document {
            id: doc_id.unwrap_or_default(),
            text,
            date,
            title,
            url,
        };
        let pipeline = &self.inner;
        // One JSON array parsed by Python's json module: the dicts keep the
        // CLI's field order, and `goldstein` reads as the CLI prints it
        // (5.2, not the f32's widened 5.199999809...).
        let json = py.detach(|| serde_json::to_string(&pipeline.code_with(&doc, self.options)));
        let json = json.map_err(|e| PyRuntimeError::new_err(format!("events to JSON: {e}")))?;
        let loads = py.import("json")?.getattr("loads")?;
        Ok(loads.call1((json,))?.cast_into::<PyList>()?)
    }

    /// Codes many documents given as columns of equal length, in parallel
    /// with the GIL released. Returns `(columns, problems)`: `columns` maps
    /// each column name of [`COLUMNS`] to a list (one item per event, in
    /// input order); `problems` lists `(record index, message)` for records
    /// that were not coded (a bad date), which the caller raises or warns.
    #[pyo3(signature = (ids, texts, dates, titles, urls, threads=None))]
    #[allow(clippy::too_many_arguments)]
    fn code_columns<'py>(
        &self,
        py: Python<'py>,
        ids: Vec<String>,
        texts: Vec<String>,
        dates: Vec<Option<String>>,
        titles: Vec<Option<String>>,
        urls: Vec<Option<String>>,
        threads: Option<usize>,
    ) -> PyResult<(Bound<'py, PyDict>, Problems)> {
        let n = texts.len();
        if [ids.len(), dates.len(), titles.len(), urls.len()]
            .iter()
            .any(|&len| len != n)
        {
            return Err(PyValueError::new_err(
                "ids, texts, dates, titles and urls must have the same length",
            ));
        }
        if threads == Some(0) {
            return Err(PyValueError::new_err("threads must be at least 1"));
        }
        let mut problems = Vec::new();
        let mut docs = Vec::with_capacity(n);
        let rows = ids.into_iter().zip(texts).zip(dates).zip(titles).zip(urls);
        for (i, ((((id, text), date), title), url)) in rows.enumerate() {
            let date = match date.as_deref().map(parse_date) {
                None => None,
                Some(Ok(d)) => Some(d),
                Some(Err(message)) => {
                    problems.push((i, format!("record {i} (id {id:?}): {message}")));
                    continue;
                }
            };
            docs.push(Document {
                id,
                text,
                date,
                title,
                url,
            });
        }
        let pipeline = &self.inner;
        let coded = py.detach(|| code_parallel(pipeline, &docs, threads, self.options));
        let events = coded.map_err(|e| PyRuntimeError::new_err(format!("thread pool: {e}")))?;
        Ok((columns(py, &events)?, problems))
    }
}

/// Records not coded, as (record index, message).
type Problems = Vec<(usize, String)>;

enum BuildError {
    Dir(casus_sources::dict_dir::DirError),
    Dict(DictError),
}

impl From<casus_sources::dict_dir::DirError> for BuildError {
    fn from(e: casus_sources::dict_dir::DirError) -> Self {
        BuildError::Dir(e)
    }
}

impl From<DictError> for BuildError {
    fn from(e: DictError) -> Self {
        BuildError::Dict(e)
    }
}

/// Every dictionary error on its own line (as `casus dict check` prints
/// them), so a user fixes them all at once.
fn dict_message(e: &DictError) -> String {
    let all = e.all();
    let mut lines: Vec<String> = all
        .iter()
        .take(ERRORS_SHOWN)
        .map(|e| e.to_string())
        .collect();
    if all.len() > ERRORS_SHOWN {
        lines.push(format!("... and {} more", all.len() - ERRORS_SHOWN));
    }
    let head = match all.len() {
        1 => "dictionary error".to_string(),
        n => format!("{n} dictionary errors"),
    };
    format!("{head}:\n{}", lines.join("\n"))
}

/// A date as the CLI takes it in JSONL: `YYYY-MM-DD`, `YYYYMMDD`, or a
/// timestamp whose date part is taken as written (the publisher's day).
fn parse_date(text: &str) -> Result<Date, String> {
    let t = text.trim();
    let b = t.as_bytes();
    let date = if b.len() > 10 && b[4] == b'-' && b[7] == b'-' {
        match b[10] {
            b'T' | b't' | b' ' => t.get(..10).and_then(Date::parse),
            _ => None,
        }
    } else {
        Date::parse(t)
    };
    date.ok_or_else(|| {
        let shown: String = text.chars().take(60).collect();
        format!("date {shown:?} is not YYYY-MM-DD, YYYYMMDD or an RFC 3339 timestamp")
    })
}

fn code_parallel(
    pipeline: &Pipeline,
    docs: &[Document],
    threads: Option<usize>,
    options: CodeOptions,
) -> Result<Vec<Vec<Event>>, rayon::ThreadPoolBuildError> {
    let run = || {
        docs.par_iter()
            .map(|d| pipeline.code_with(d, options))
            .collect()
    };
    match threads {
        // rayon's global pool: one thread per core
        None => Ok(run()),
        Some(1) => Ok(docs
            .iter()
            .map(|d| pipeline.code_with(d, options))
            .collect()),
        Some(t) => Ok(rayon::ThreadPoolBuilder::new()
            .num_threads(t)
            .build()?
            .install(run)),
    }
}

/// The batch table's columns, in order: the record's fields with evidence
/// and place flattened (spans as start/end byte offsets into the text).
/// python/casus/__init__.py gives each its Arrow type.
const COLUMNS: &[&str] = &[
    "doc_id",
    "sentence_index",
    "date",
    "document_date",
    "source",
    "target",
    "source_text",
    "target_text",
    "source_name",
    "target_name",
    "code",
    "code_name",
    "root",
    "quad_class",
    "goldstein",
    "plover_type",
    "modality",
    "attribution",
    "location",
    "place_name",
    "place_feature",
    "place_country",
    "place_adm1",
    "place_lat",
    "place_lon",
    "place_feature_id",
    "place_rule",
    "trigger_text",
    "also_in_sentences",
    "source_start",
    "source_end",
    "target_start",
    "target_end",
    "trigger_start",
    "trigger_end",
    "sentence_start",
    "sentence_end",
    "attribution_start",
    "attribution_end",
    "entry",
    "pattern",
    "cues",
];

fn columns<'py>(py: Python<'py>, docs: &[Vec<Event>]) -> PyResult<Bound<'py, PyDict>> {
    let events: Vec<&Event> = docs.iter().flatten().collect();
    let out = PyDict::new(py);
    for &name in COLUMNS {
        let col = column(py, name, &events)?;
        out.set_item(name, col)?;
    }
    Ok(out)
}

fn column<'py>(py: Python<'py>, name: &str, events: &[&Event]) -> PyResult<Bound<'py, PyList>> {
    fn list<'py, T: IntoPyObject<'py>>(
        py: Python<'py>,
        events: &[&Event],
        f: impl Fn(&Event) -> T,
    ) -> PyResult<Bound<'py, PyList>> {
        PyList::new(py, events.iter().map(|e| f(e)))
    }
    let date = |d: Option<Date>| d.map(|d| d.to_string());
    let cue = |e: &Event| e.evidence.attribution;
    match name {
        "doc_id" => list(py, events, |e| e.doc_id.clone()),
        "sentence_index" => list(py, events, |e| e.sentence_index),
        "date" => list(py, events, |e| date(e.date)),
        "document_date" => list(py, events, |e| date(e.document_date)),
        "source" => list(py, events, |e| e.source.clone()),
        "target" => list(py, events, |e| e.target.clone()),
        "source_text" => list(py, events, |e| e.source_text.clone()),
        "target_text" => list(py, events, |e| e.target_text.clone()),
        "source_name" => list(py, events, |e| e.source_name.clone()),
        "target_name" => list(py, events, |e| e.target_name.clone()),
        "code" => list(py, events, |e| e.code.clone()),
        "code_name" => list(py, events, |e| e.code_name.clone()),
        "root" => list(py, events, |e| e.root.clone()),
        "quad_class" => list(py, events, |e| e.quad_class),
        // as the CLI prints the f32, not its widened f64 value
        "goldstein" => list(py, events, |e| {
            e.goldstein.to_string().parse::<f64>().unwrap_or(f64::NAN)
        }),
        "plover_type" => list(py, events, |e| e.plover_type.clone()),
        "modality" => list(py, events, |e| e.modality.as_str()),
        "attribution" => list(py, events, |e| e.attribution.clone()),
        "location" => list(py, events, |e| e.location.clone()),
        "place_name" => list(py, events, |e| e.place.as_ref().map(|p| p.name.clone())),
        "place_feature" => list(py, events, |e| e.place.as_ref().map(|p| p.feature.clone())),
        "place_country" => list(py, events, |e| e.place.as_ref().map(|p| p.country.clone())),
        "place_adm1" => list(py, events, |e| {
            e.place.as_ref().and_then(|p| p.adm1.clone())
        }),
        "place_lat" => list(py, events, |e| e.place.as_ref().map(|p| p.lat)),
        "place_lon" => list(py, events, |e| e.place.as_ref().map(|p| p.lon)),
        "place_feature_id" => list(py, events, |e| e.place.as_ref().and_then(|p| p.feature_id)),
        "place_rule" => list(py, events, |e| e.place.as_ref().map(|p| p.rule.clone())),
        "trigger_text" => list(py, events, |e| e.trigger_text.clone()),
        "also_in_sentences" => list(py, events, |e| e.also_in_sentences.clone()),
        "source_start" => list(py, events, |e| e.evidence.source[0]),
        "source_end" => list(py, events, |e| e.evidence.source[1]),
        "target_start" => list(py, events, |e| e.evidence.target.map(|s| s[0])),
        "target_end" => list(py, events, |e| e.evidence.target.map(|s| s[1])),
        "trigger_start" => list(py, events, |e| e.evidence.trigger[0]),
        "trigger_end" => list(py, events, |e| e.evidence.trigger[1]),
        "sentence_start" => list(py, events, |e| e.evidence.sentence[0]),
        "sentence_end" => list(py, events, |e| e.evidence.sentence[1]),
        "attribution_start" => list(py, events, |e| cue(e).map(|s| s[0])),
        "attribution_end" => list(py, events, |e| cue(e).map(|s| s[1])),
        "entry" => list(py, events, |e| e.evidence.entry.clone()),
        "pattern" => list(py, events, |e| e.evidence.pattern.clone()),
        "cues" => list(py, events, |e| e.evidence.cues.clone()),
        other => Err(PyRuntimeError::new_err(format!("unknown column {other}"))),
    }
}

#[pymodule]
fn _casus(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyPipeline>()?;
    m.add("DictionaryError", m.py().get_type::<DictionaryError>())?;
    m.add("COLUMNS", COLUMNS.to_vec())?;
    Ok(())
}
