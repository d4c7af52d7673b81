//! casus-store: the event database. Documents, their sentences and coded
//! events live in one SQLite file; reports of the same real event are
//! grouped into one *event cluster* with its mention count; queries and
//! exports read the clusters.
//!
//! Guarantees:
//! - Idempotent: a document is keyed by a hash of its text and URL; storing
//!   it again changes nothing.
//! - Crash-safe: each batch is one transaction (SQLite WAL); a killed
//!   process loses only the batch in flight, and rerunning the same input
//!   completes the job with the same result, because documents are stored
//!   and clustered in input order.
//! - Versioned: every document and event records the dictionary version
//!   that coded it; [`Store::recode`] recodes after a dictionary change.
//!
//! The clustering rule (one event, many reports): two coded events are
//! the same real event when they have the same source, target, CAMEO code,
//! modality and dictionary pattern (the trigger), and dates at most
//! [`CLUSTER_WINDOW_DAYS`] apart. Each cluster counts its mentions (events)
//! and distinct documents.

pub mod export;
pub mod query;
pub mod record;

use casus_core::{fnv64, CodeOptions, Coded, Date, Document, Event, Pipeline};
use rusqlite::{params, Connection, OptionalExtension, Transaction};
use std::path::Path;
use thiserror::Error;

/// Reports dated this many days apart or less can be the same event.
pub const CLUSTER_WINDOW_DAYS: i64 = 1;

const SCHEMA_VERSION: &str = "1";

/// How long a writer waits for another writer's batch before giving up.
pub const BUSY_TIMEOUT_SECS: u64 = 120;

/// Turns SQLite's "database is locked" after the wait into a clear error.
fn busy(e: rusqlite::Error) -> StoreError {
    match e.sqlite_error_code() {
        Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked) => {
            StoreError::Busy(BUSY_TIMEOUT_SECS)
        }
        _ => StoreError::Sqlite(e),
    }
}

#[derive(Debug, Error)]
pub enum StoreError {
    #[error("database: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("{0}")]
    Io(#[from] std::io::Error),
    #[error("{0}")]
    Export(String),
    #[error("the database was made by a newer casus (schema {found}, this casus knows {SCHEMA_VERSION})")]
    Schema { found: String },
    #[error("the database is busy: another casus kept it locked for over {0} s; try again when it has finished")]
    Busy(u64),
    #[error("no database at {0} (create one with `casus ingest`)")]
    NotFound(std::path::PathBuf),
}

pub type Result<T> = std::result::Result<T, StoreError>;

/// A stored document as recode reads it: id, text, date, url, title, ext id.
type StoredDoc = (
    i64,
    String,
    Option<String>,
    Option<String>,
    Option<String>,
    String,
);

/// A document with where it came from, ready to be stored.
#[derive(Debug, Clone)]
pub struct Incoming {
    pub doc: Document,
    /// The input it was read from (file name, WARC record, ...).
    pub input: String,
}

impl Incoming {
    /// The content key: a hash of the text and the URL.
    pub fn key(&self) -> String {
        document_key(&self.doc)
    }
}

pub fn document_key(doc: &Document) -> String {
    let url = doc.url.as_deref().unwrap_or("");
    let a = fnv64(&[doc.text.as_bytes(), url.as_bytes()]);
    let b = fnv64(&[url.as_bytes(), doc.text.as_bytes(), b"casus"]);
    format!("{a:016x}{b:016x}")
}

/// What one call of [`Store::insert_coded`] did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct InsertReport {
    pub documents: usize,
    pub already_stored: usize,
    pub events: usize,
    pub new_clusters: usize,
}

pub struct Store {
    conn: Connection,
}

impl Store {
    pub fn open(path: &Path) -> Result<Store> {
        let conn = Connection::open(path)?;
        // WAL: readers never block the writer, and a killed writer leaves
        // the last committed batch intact.
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        conn.busy_timeout(std::time::Duration::from_secs(BUSY_TIMEOUT_SECS))?;
        let store = Store { conn };
        store.create_schema()?;
        Ok(store)
    }

    /// Opens a database that must already exist, for reading and writing.
    /// Commands that only add to a store the user named (as opposed to
    /// `ingest`, which may start one) use this, so that a mistyped path is
    /// an error rather than a new empty database.
    pub fn open_existing(path: &Path) -> Result<Store> {
        if !path.exists() {
            return Err(StoreError::NotFound(path.to_path_buf()));
        }
        Store::open(path)
    }

    /// Opens an existing database for reading only: commands that only read
    /// (query, export, serving without ingest) use this, so that they work
    /// on a database in a read-only folder or file and never create one.
    pub fn open_read_only(path: &Path) -> Result<Store> {
        use rusqlite::OpenFlags;
        if !path.exists() {
            return Err(StoreError::NotFound(path.to_path_buf()));
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let first = Connection::open_with_flags(path, flags).and_then(|conn| {
            conn.busy_timeout(std::time::Duration::from_secs(BUSY_TIMEOUT_SECS))?;
            // reading is what fails when the -shm file cannot be made
            conn.query_row("SELECT COUNT(*) FROM sqlite_master", [], |_| Ok(()))?;
            Ok(Store { conn })
        });
        let store = match first {
            Ok(store) => store,
            // A WAL database needs its -shm file even to read; in a folder
            // the user cannot write, SQLite cannot create it. Opened as
            // immutable, SQLite reads the main file without any locking,
            // which is right for a database nobody can be writing to (the
            // folder is read-only) once the last writer closed cleanly (a
            // clean close checkpoints the WAL into the main file).
            Err(e) => {
                let uri = format!("file:{}?immutable=1", uri_path(path));
                let conn = Connection::open_with_flags(uri, flags | OpenFlags::SQLITE_OPEN_URI)
                    .map_err(|_| StoreError::Sqlite(e))?;
                Store { conn }
            }
        };
        store.check_schema()?;
        Ok(store)
    }

    pub fn open_in_memory() -> Result<Store> {
        let store = Store {
            conn: Connection::open_in_memory()?,
        };
        store.create_schema()?;
        Ok(store)
    }

    /// Starts a write transaction. `BEGIN IMMEDIATE` takes the write lock
    /// at once and so waits on the busy timeout when another writer holds
    /// it; a deferred transaction would instead fail with "database is
    /// locked" the moment it upgrades from reading to writing.
    fn begin(&mut self) -> Result<Transaction<'_>> {
        self.conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
            .map_err(busy)
    }

    pub fn connection(&self) -> &Connection {
        &self.conn
    }

    fn create_schema(&self) -> Result<()> {
        self.conn.execute_batch(
            "
            CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS documents (
                id INTEGER PRIMARY KEY,
                doc_key TEXT NOT NULL UNIQUE,
                ext_id TEXT NOT NULL,
                url TEXT,
                title TEXT,
                date TEXT,
                input TEXT NOT NULL,
                text TEXT NOT NULL,
                dict_version TEXT NOT NULL,
                added TEXT
            );
            CREATE TABLE IF NOT EXISTS sentences (
                doc_id INTEGER NOT NULL REFERENCES documents(id),
                idx INTEGER NOT NULL,
                start INTEGER NOT NULL,
                end INTEGER NOT NULL,
                text TEXT NOT NULL,
                PRIMARY KEY (doc_id, idx)
            );
            CREATE TABLE IF NOT EXISTS clusters (
                id INTEGER PRIMARY KEY,
                date TEXT,
                source TEXT NOT NULL,
                target TEXT NOT NULL,
                code TEXT NOT NULL,
                root TEXT NOT NULL,
                quad_class INTEGER NOT NULL,
                goldstein REAL NOT NULL,
                plover TEXT,
                modality TEXT NOT NULL,
                pattern TEXT NOT NULL,
                location TEXT,
                mentions INTEGER NOT NULL,
                documents INTEGER NOT NULL,
                first_doc INTEGER NOT NULL
            );
            CREATE INDEX IF NOT EXISTS clusters_lookup ON clusters (source, target, code, modality, pattern, date);
            CREATE INDEX IF NOT EXISTS clusters_date ON clusters (date);
            CREATE TABLE IF NOT EXISTS events (
                id INTEGER PRIMARY KEY,
                doc_id INTEGER NOT NULL REFERENCES documents(id),
                sentence_idx INTEGER NOT NULL,
                cluster_id INTEGER NOT NULL REFERENCES clusters(id),
                date TEXT,
                source TEXT NOT NULL,
                target TEXT NOT NULL,
                code TEXT NOT NULL,
                modality TEXT NOT NULL,
                attribution TEXT,
                location TEXT,
                source_text TEXT NOT NULL,
                target_text TEXT NOT NULL,
                trigger_text TEXT NOT NULL,
                pattern TEXT NOT NULL,
                entry TEXT NOT NULL,
                record TEXT NOT NULL,
                dict_version TEXT NOT NULL
            );
            CREATE INDEX IF NOT EXISTS events_cluster ON events (cluster_id);
            CREATE INDEX IF NOT EXISTS events_doc ON events (doc_id);
            CREATE INDEX IF NOT EXISTS events_order ON events (date, cluster_id, id);
            ",
        )?;
        // The ingest time (GDELT's DATEADDED) came after schema 1; a store
        // made before it gains the column, empty for the documents it holds.
        let has_added: i64 = self.conn.query_row(
            "SELECT COUNT(*) FROM pragma_table_info('documents') WHERE name = 'added'",
            [],
            |r| r.get(0),
        )?;
        if has_added == 0 {
            self.conn
                .execute_batch("ALTER TABLE documents ADD COLUMN added TEXT")?;
        }
        if self.schema_version()?.is_none() {
            self.conn.execute(
                "INSERT INTO meta (key, value) VALUES ('schema', ?1)",
                [SCHEMA_VERSION],
            )?;
        }
        self.check_schema()
    }

    fn schema_version(&self) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row("SELECT value FROM meta WHERE key = 'schema'", [], |r| {
                r.get(0)
            })
            .optional()?)
    }

    /// Refuses a database written by a newer casus.
    fn check_schema(&self) -> Result<()> {
        match self.schema_version()? {
            Some(v) if v != SCHEMA_VERSION => Err(StoreError::Schema { found: v }),
            _ => Ok(()),
        }
    }

    /// Whether a document with this key is stored.
    pub fn contains(&self, key: &str) -> Result<bool> {
        Ok(self
            .conn
            .query_row("SELECT 1 FROM documents WHERE doc_key = ?1", [key], |_| {
                Ok(())
            })
            .optional()?
            .is_some())
    }

    /// Stores a batch of coded documents in one transaction. Documents
    /// already stored (same key) are left as they are.
    pub fn insert_coded(
        &mut self,
        batch: &[(Incoming, Coded)],
        dict_version: &str,
    ) -> Result<InsertReport> {
        let tx = self.begin()?;
        let mut report = InsertReport::default();
        let added = record::now_instant();
        for (incoming, coded) in batch {
            let key = incoming.key();
            let exists = tx
                .query_row("SELECT 1 FROM documents WHERE doc_key = ?1", [&key], |_| {
                    Ok(())
                })
                .optional()?
                .is_some();
            if exists {
                report.already_stored += 1;
                continue;
            }
            let doc = &incoming.doc;
            tx.execute(
                "INSERT INTO documents (doc_key, ext_id, url, title, date, input, text, dict_version, added)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                params![key, doc.id, doc.url, doc.title, doc.date.map(|d| d.to_string()), incoming.input, doc.text, dict_version, added],
            )?;
            let doc_id = tx.last_insert_rowid();
            insert_sentences(&tx, doc_id, &doc.text, coded)?;
            let (events, clusters) = insert_events(&tx, doc_id, &coded.events, dict_version)?;
            report.documents += 1;
            report.events += events;
            report.new_clusters += clusters;
        }
        tx.commit().map_err(busy)?;
        Ok(report)
    }

    /// Recodes every stored document with `pipeline` and `options`,
    /// replacing all events and clusters, in one transaction. Returns
    /// (documents, events).
    pub fn recode(&mut self, pipeline: &Pipeline, options: CodeOptions) -> Result<(usize, usize)> {
        let tx = self.begin()?;
        tx.execute_batch("DELETE FROM events; DELETE FROM clusters; DELETE FROM sentences;")?;
        let docs: Vec<StoredDoc> = {
            let mut stmt =
                tx.prepare("SELECT id, text, date, url, title, ext_id FROM documents ORDER BY id")?;
            let rows = stmt.query_map([], |r| {
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get(4)?,
                    r.get(5)?,
                ))
            })?;
            rows.collect::<std::result::Result<_, _>>()?
        };
        let version = pipeline.version().to_string();
        let mut events = 0;
        for (id, text, date, url, title, ext_id) in &docs {
            let doc = Document {
                id: ext_id.clone(),
                text: text.clone(),
                date: date.as_deref().and_then(Date::parse),
                title: title.clone(),
                url: url.clone(),
            };
            let coded = pipeline.code_full_with(&doc, options);
            insert_sentences(&tx, *id, text, &coded)?;
            events += insert_events(&tx, *id, &coded.events, &version)?.0;
            tx.execute(
                "UPDATE documents SET dict_version = ?1 WHERE id = ?2",
                params![version, id],
            )?;
        }
        tx.commit()?;
        Ok((docs.len(), events))
    }

    /// Dictionary versions of the stored documents, with counts.
    pub fn dict_versions(&self) -> Result<Vec<(String, usize)>> {
        let mut stmt = self.conn.prepare(
            "SELECT dict_version, COUNT(*) FROM documents GROUP BY dict_version ORDER BY 2 DESC",
        )?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get::<_, i64>(1)? as usize)))?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    /// Row counts of the tables, for reports and tests.
    pub fn counts(&self) -> Result<(usize, usize, usize, usize)> {
        let c = |t: &str| -> Result<usize> {
            Ok(self
                .conn
                .query_row(&format!("SELECT COUNT(*) FROM {t}"), [], |r| {
                    r.get::<_, i64>(0)
                })? as usize)
        };
        Ok((
            c("documents")?,
            c("sentences")?,
            c("events")?,
            c("clusters")?,
        ))
    }
}

fn insert_sentences(tx: &Transaction, doc_id: i64, text: &str, coded: &Coded) -> Result<()> {
    let mut stmt = tx.prepare_cached(
        "INSERT INTO sentences (doc_id, idx, start, end, text) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    for (i, span) in coded.sentences.iter().enumerate() {
        let sentence = text.get(span[0]..span[1]).unwrap_or("");
        stmt.execute(params![
            doc_id,
            i as i64,
            span[0] as i64,
            span[1] as i64,
            sentence
        ])?;
    }
    Ok(())
}

/// Inserts the events of one document, attaching each to a cluster.
/// Returns (events, new clusters).
fn insert_events(
    tx: &Transaction,
    doc_id: i64,
    events: &[Event],
    dict_version: &str,
) -> Result<(usize, usize)> {
    let mut new_clusters = 0;
    for e in events {
        let date = e.date.map(|d| d.to_string());
        let cluster = find_cluster(tx, e)?;
        let cluster_id = match cluster {
            Some(id) => {
                // a new document adds to the document count once
                let seen: bool = tx
                    .query_row(
                        "SELECT 1 FROM events WHERE cluster_id = ?1 AND doc_id = ?2",
                        params![id, doc_id],
                        |_| Ok(()),
                    )
                    .optional()?
                    .is_some();
                tx.execute(
                    "UPDATE clusters SET mentions = mentions + 1, documents = documents + ?2 WHERE id = ?1",
                    params![id, i64::from(!seen)],
                )?;
                id
            }
            None => {
                tx.execute(
                    "INSERT INTO clusters (date, source, target, code, root, quad_class, goldstein, plover, modality, pattern, location, mentions, documents, first_doc)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, 1, 1, ?12)",
                    params![date, e.source, target_column(e), e.code, e.root, e.quad_class, goldstein(e.goldstein), e.plover_type, e.modality.as_str(), e.evidence.pattern, e.location, doc_id],
                )?;
                new_clusters += 1;
                tx.last_insert_rowid()
            }
        };
        let record = serde_json::to_string(e).map_err(|err| StoreError::Export(err.to_string()))?;
        tx.execute(
            "INSERT INTO events (doc_id, sentence_idx, cluster_id, date, source, target, code, modality, attribution, location,
                                 source_text, target_text, trigger_text, pattern, entry, record, dict_version)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)",
            params![
                doc_id, e.sentence_index as i64, cluster_id, date, e.source, target_column(e), e.code, e.modality.as_str(), e.attribution, e.location,
                e.source_text, e.target_text.as_deref().unwrap_or_default(), e.trigger_text, e.evidence.pattern, e.evidence.entry, record, dict_version
            ],
        )?;
    }
    Ok((events.len(), new_clusters))
}

/// The event's target in the `target` columns of `events` and `clusters`:
/// empty for a single-actor event (the record JSON keeps it null), so that
/// stores made before such events keep their NOT NULL schema and dyad
/// filters never match one.
fn target_column(e: &Event) -> &str {
    e.target.as_deref().unwrap_or_default()
}

/// A path as the path part of an SQLite `file:` URI.
fn uri_path(path: &Path) -> String {
    let text = path.to_string_lossy();
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '%' | '?' | '#' => out.push_str(&format!("%{:02X}", c as u32)),
            c => out.push(c),
        }
    }
    out
}

/// Goldstein values are tenths; widening the f32 exactly keeps sums clean.
fn goldstein(g: f32) -> f64 {
    (f64::from(g) * 10.0).round() / 10.0
}

/// The cluster an event belongs to: same actors, code, modality and
/// pattern, dated within the window (the earliest such cluster). Dates are
/// stored as `YYYY-MM-DD` (years 1..=9999), so their text order is their
/// date order and the window is a range scan of the `clusters_lookup`
/// index: one lookup per event however many events the dyad has.
fn find_cluster(tx: &Transaction, e: &Event) -> Result<Option<i64>> {
    let key = params![
        e.source,
        target_column(e),
        e.code,
        e.modality.as_str(),
        e.evidence.pattern
    ];
    let Some(date) = e.date else {
        let mut stmt = tx.prepare_cached(
            "SELECT id FROM clusters WHERE source = ?1 AND target = ?2 AND code = ?3 AND modality = ?4 AND pattern = ?5
             AND date IS NULL ORDER BY id LIMIT 1",
        )?;
        return Ok(stmt.query_row(key, |r| r.get(0)).optional()?);
    };
    let edge = |n: i64| {
        date.add_days(n)
            .map_or_else(|| date.to_string(), |d| d.to_string())
    };
    let mut stmt = tx.prepare_cached(
        "SELECT id FROM clusters WHERE source = ?1 AND target = ?2 AND code = ?3 AND modality = ?4 AND pattern = ?5
         AND date >= ?6 AND date <= ?7 ORDER BY id LIMIT 1",
    )?;
    Ok(stmt
        .query_row(
            params![
                e.source,
                target_column(e),
                e.code,
                e.modality.as_str(),
                e.evidence.pattern,
                edge(-CLUSTER_WINDOW_DAYS),
                edge(CLUSTER_WINDOW_DAYS)
            ],
            |r| r.get(0),
        )
        .optional()?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::OnceLock;

    fn pipeline() -> &'static Pipeline {
        static P: OnceLock<Pipeline> = OnceLock::new();
        P.get_or_init(|| Pipeline::builtin().unwrap())
    }

    fn incoming(id: &str, date: &str, text: &str) -> (Incoming, Coded) {
        let doc = Document {
            id: id.into(),
            text: text.into(),
            date: Date::parse(date),
            title: None,
            url: Some(format!("https://example.org/{id}")),
        };
        let coded = pipeline().code_full(&doc);
        (
            Incoming {
                doc,
                input: "test".into(),
            },
            coded,
        )
    }

    #[test]
    fn storing_twice_changes_nothing() {
        let mut s = Store::open_in_memory().unwrap();
        let batch = vec![incoming(
            "a",
            "2024-06-14",
            "Kenya condemned Uganda on Thursday. Peru and Chile held talks.",
        )];
        let r1 = s.insert_coded(&batch, "v1").unwrap();
        let before = s.counts().unwrap();
        let r2 = s.insert_coded(&batch, "v1").unwrap();
        assert_eq!((r1.documents, r2.documents, r2.already_stored), (1, 0, 1));
        assert_eq!(s.counts().unwrap(), before);
        assert_eq!(before.0, 1);
        assert_eq!(before.1, 2, "both sentences are stored");
    }

    #[test]
    fn reports_of_one_event_form_one_cluster_but_distinct_events_stay_apart() {
        let mut s = Store::open_in_memory().unwrap();
        let batch = vec![
            incoming("a", "2024-06-14", "Kenya condemned Uganda on Thursday."),
            incoming(
                "b",
                "2024-06-14",
                "Kenya's government condemned Uganda, officials said.",
            ),
            incoming("c", "2024-06-13", "On Thursday Kenya condemned Uganda."),
            incoming("d", "2024-06-14", "Kenya praised Uganda on Thursday."),
            incoming("e", "2024-06-30", "Kenya condemned Uganda again on Sunday."),
        ];
        s.insert_coded(&batch, "v1").unwrap();
        let rows: Vec<(String, String, i64, i64)> = {
            let mut st = s
                .conn
                .prepare("SELECT source, code, mentions, documents FROM clusters ORDER BY id")
                .unwrap();
            let r = st
                .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
                .unwrap();
            r.map(|x| x.unwrap()).collect()
        };
        // a and c (KEN, dated the 13th) are one event; b is KENGOV, d is 051,
        // e is two weeks later
        assert_eq!(rows[0], ("KEN".to_string(), "111".to_string(), 2, 2));
        assert_eq!(rows.len(), 4, "{rows:?}");
    }

    #[test]
    fn recode_replaces_events_and_records_the_version() {
        let mut s = Store::open_in_memory().unwrap();
        s.insert_coded(
            &[incoming("a", "2024-06-14", "Kenya condemned Uganda.")],
            "old",
        )
        .unwrap();
        let (docs, events) = s.recode(pipeline(), CodeOptions::default()).unwrap();
        assert_eq!((docs, events), (1, 1));
        assert_eq!(
            s.dict_versions().unwrap(),
            vec![(pipeline().version().to_string(), 1)]
        );
        assert_eq!(s.counts().unwrap(), (1, 1, 1, 1));
    }

    #[test]
    fn clustering_by_window_matches_the_rule_at_its_edges() {
        let mut s = Store::open_in_memory().unwrap();
        let batch = vec![
            incoming("a", "2024-06-10", "Kenya condemned Uganda."),
            incoming("b", "2024-06-11", "Officials said Kenya condemned Uganda."),
            incoming("c", "2024-06-13", "Reports say Kenya condemned Uganda."),
            incoming("d", "2024-06-12", "Kenya condemned Uganda, it said."),
            incoming("e", "", "Kenya condemned Uganda, a paper said."),
            incoming("f", "", "Kenya condemned Uganda, a radio said."),
        ];
        s.insert_coded(&batch, "v1").unwrap();
        let rows: Vec<(Option<String>, i64)> = {
            let mut st = s
                .conn
                .prepare("SELECT date, mentions FROM clusters ORDER BY id")
                .unwrap();
            let r = st.query_map([], |r| Ok((r.get(0)?, r.get(1)?))).unwrap();
            r.map(|x| x.unwrap()).collect()
        };
        // b is a day after a and joins it; a cluster keeps its first date
        // (the 10th), so c (the 13th) starts its own, and d (the 12th) is
        // within a day of c's only; undated reports cluster together
        let d = |x: &str| Some(x.to_string());
        assert_eq!(
            rows,
            vec![(d("2024-06-10"), 2), (d("2024-06-13"), 2), (None, 2)]
        );
    }

    #[test]
    fn week_buckets_survive_a_date_beyond_the_calendar() {
        // issue 9: an older casus stored year 10000, after which weekly
        // series of that pair failed for good
        let mut s = Store::open_in_memory().unwrap();
        s.insert_coded(
            &[incoming("a", "2024-06-14", "Kenya condemned Uganda.")],
            "v1",
        )
        .unwrap();
        s.conn
            .execute("UPDATE clusters SET date = '10000-01-03'", [])
            .unwrap();
        let filter = query::Filter {
            source: Some("KEN".into()),
            target: Some("UGA".into()),
            ..Default::default()
        };
        for bucket in [
            query::Bucket::Day,
            query::Bucket::Week,
            query::Bucket::Month,
        ] {
            let rows = s.dyad_series(&filter, bucket).unwrap();
            assert_eq!(rows.len(), 1, "{bucket:?}");
        }
    }
}
