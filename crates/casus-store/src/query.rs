//! Questions users ask of the store: how relations between two actors move
//! over time (a dyad series), who the top actors and pairs are in a
//! period, and which events and sentences stand behind any number.
//!
//! Actor arguments are CAMEO codes or prefixes ("RUS" matches RUS, RUSGOV,
//! RUSMIL); series count deduplicated events (clusters), asserted ones by
//! default.

use crate::{Result, Store};
use rusqlite::types::Value;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Bucket {
    Day,
    Week,
    Month,
}

impl Bucket {
    fn sql(self) -> &'static str {
        match self {
            Bucket::Day => "date",
            // ISO-like week label: the Monday that starts the week; a date
            // SQLite cannot reckon with (one stored by an older casus beyond
            // year 9999) is its own bucket rather than a failed query
            Bucket::Week => {
                "COALESCE(date(date, '-' || ((CAST(strftime('%w', date) AS INTEGER) + 6) % 7) || ' days'), date)"
            }
            Bucket::Month => "substr(date, 1, 7)",
        }
    }
}

/// Filters shared by the queries.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub source: Option<String>,
    pub target: Option<String>,
    /// Also count the pair the other way round (B -> A).
    pub both_directions: bool,
    pub since: Option<String>,
    pub until: Option<String>,
    /// Include negated, hypothetical and future events.
    pub all_modalities: bool,
    pub code: Option<String>,
    pub quad_class: Option<u8>,
}

impl Filter {
    pub(crate) fn clause(&self, prefix: &str, params: &mut Vec<Value>) -> String {
        let mut parts: Vec<String> = Vec::new();
        let like = |v: &str| Value::Text(format!("{}%", v.replace('%', "")));
        match (&self.source, &self.target) {
            (Some(s), Some(t)) if self.both_directions => {
                params.extend([like(s), like(t), like(t), like(s)]);
                parts.push(format!(
                    "(({p}source LIKE ? AND {p}target LIKE ?) OR ({p}source LIKE ? AND {p}target LIKE ?))",
                    p = prefix
                ));
            }
            (s, t) => {
                if let Some(s) = s {
                    params.push(like(s));
                    parts.push(format!("{prefix}source LIKE ?"));
                }
                if let Some(t) = t {
                    params.push(like(t));
                    parts.push(format!("{prefix}target LIKE ?"));
                }
            }
        }
        if let Some(d) = &self.since {
            params.push(Value::Text(d.clone()));
            parts.push(format!("{prefix}date >= ?"));
        }
        if let Some(d) = &self.until {
            params.push(Value::Text(d.clone()));
            parts.push(format!("{prefix}date <= ?"));
        }
        if !self.all_modalities {
            parts.push(format!("{prefix}modality = 'asserted'"));
        }
        if let Some(c) = &self.code {
            params.push(like(c));
            parts.push(format!("{prefix}code LIKE ?"));
        }
        if let Some(q) = self.quad_class {
            params.push(Value::Integer(i64::from(q)));
            parts.push(format!("{prefix}quad_class = ?"));
        }
        if parts.is_empty() {
            "1 = 1".into()
        } else {
            parts.join(" AND ")
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SeriesRow {
    pub period: String,
    pub events: i64,
    pub verbal_cooperation: i64,
    pub material_cooperation: i64,
    pub verbal_conflict: i64,
    pub material_conflict: i64,
    pub goldstein_sum: f64,
    pub goldstein_mean: f64,
    pub mentions: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CountRow {
    pub actor: String,
    pub partner: Option<String>,
    pub events: i64,
    pub goldstein_mean: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EventRow {
    pub cluster: i64,
    pub date: Option<String>,
    pub source: String,
    pub target: String,
    pub code: String,
    pub modality: String,
    pub attribution: Option<String>,
    pub mentions: i64,
    pub document: String,
    pub url: Option<String>,
    pub sentence: String,
}

/// One directed edge of the actor network.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EdgeRow {
    pub source: String,
    pub target: String,
    pub events: i64,
    pub goldstein_sum: f64,
    /// The QuadClass with the most events on this edge.
    pub quad_class: i64,
}

impl Store {
    /// The actor network of the filter's period: directed edges weighted
    /// by events and Goldstein, the busiest first.
    pub fn network(&self, filter: &Filter, limit: usize) -> Result<Vec<EdgeRow>> {
        let mut params = Vec::new();
        let clause = filter.clause("", &mut params);
        let sql = format!(
            "SELECT source, target, COUNT(*), SUM(goldstein),
                    SUM(quad_class = 1), SUM(quad_class = 2), SUM(quad_class = 3), SUM(quad_class = 4)
             FROM clusters WHERE {clause} GROUP BY source, target ORDER BY 3 DESC, source, target LIMIT {limit}"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(rusqlite::params_from_iter(params), |r| {
            let quads: [i64; 4] = [r.get(4)?, r.get(5)?, r.get(6)?, r.get(7)?];
            // ties go to the lower class
            let top = (0..4)
                .max_by_key(|&i| (quads[i], std::cmp::Reverse(i)))
                .unwrap_or(0) as i64
                + 1;
            Ok(EdgeRow {
                source: r.get(0)?,
                target: r.get(1)?,
                events: r.get(2)?,
                goldstein_sum: r.get(3)?,
                quad_class: top,
            })
        })?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    /// Counts per period of the events between the filter's actors.
    pub fn dyad_series(&self, filter: &Filter, bucket: Bucket) -> Result<Vec<SeriesRow>> {
        let mut params = Vec::new();
        let clause = filter.clause("", &mut params);
        let sql = format!(
            "SELECT {b} AS period, COUNT(*), SUM(quad_class = 1), SUM(quad_class = 2), SUM(quad_class = 3), SUM(quad_class = 4),
                    SUM(goldstein), AVG(goldstein), SUM(mentions)
             FROM clusters WHERE date IS NOT NULL AND {clause} GROUP BY period ORDER BY period",
            b = bucket.sql()
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(rusqlite::params_from_iter(params), |r| {
            Ok(SeriesRow {
                period: r.get(0)?,
                events: r.get(1)?,
                verbal_cooperation: r.get(2)?,
                material_cooperation: r.get(3)?,
                verbal_conflict: r.get(4)?,
                material_conflict: r.get(5)?,
                goldstein_sum: r.get(6)?,
                goldstein_mean: r.get(7)?,
                mentions: r.get(8)?,
            })
        })?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    /// The most active actors (as source or target) in the filter's period.
    pub fn top_actors(&self, filter: &Filter, limit: usize) -> Result<Vec<CountRow>> {
        let mut params = Vec::new();
        let clause = filter.clause("", &mut params);
        let sql = format!(
            "SELECT actor, COUNT(*), AVG(goldstein) FROM (
                 SELECT source AS actor, goldstein FROM clusters WHERE {clause}
                 UNION ALL SELECT target AS actor, goldstein FROM clusters WHERE {clause})
             GROUP BY actor ORDER BY 2 DESC, actor LIMIT {limit}"
        );
        let doubled: Vec<Value> = params.iter().chain(params.iter()).cloned().collect();
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(rusqlite::params_from_iter(doubled), |r| {
            Ok(CountRow {
                actor: r.get(0)?,
                partner: None,
                events: r.get(1)?,
                goldstein_mean: r.get(2)?,
            })
        })?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    /// The most active directed pairs in the filter's period.
    pub fn top_pairs(&self, filter: &Filter, limit: usize) -> Result<Vec<CountRow>> {
        let mut params = Vec::new();
        let clause = filter.clause("", &mut params);
        let sql = format!(
            "SELECT source, target, COUNT(*), AVG(goldstein) FROM clusters WHERE {clause}
             GROUP BY source, target ORDER BY 3 DESC, source, target LIMIT {limit}"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(rusqlite::params_from_iter(params), |r| {
            Ok(CountRow {
                actor: r.get(0)?,
                partner: Some(r.get(1)?),
                events: r.get(2)?,
                goldstein_mean: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    /// The reports behind a number: every stored event matching the filter,
    /// with its sentence and document. Ordered by the `events_order` index
    /// (date, cluster, event) so that SQLite walks the index and stops at
    /// `limit` instead of sorting every event: the cost of a page stays
    /// flat as the store grows.
    pub fn events(&self, filter: &Filter, limit: usize) -> Result<Vec<EventRow>> {
        let mut params = Vec::new();
        let clause = filter.clause("c.", &mut params);
        let sql = format!(
            "SELECT c.id, e.date, e.source, e.target, e.code, e.modality, e.attribution, c.mentions, d.ext_id, d.url, s.text
             FROM events e JOIN clusters c ON c.id = e.cluster_id JOIN documents d ON d.id = e.doc_id
             LEFT JOIN sentences s ON s.doc_id = e.doc_id AND s.idx = e.sentence_idx
             WHERE {clause} ORDER BY e.date, e.cluster_id, e.id LIMIT {limit}"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(rusqlite::params_from_iter(params), |r| {
            Ok(EventRow {
                cluster: r.get(0)?,
                date: r.get(1)?,
                source: r.get(2)?,
                target: r.get(3)?,
                code: r.get(4)?,
                modality: r.get(5)?,
                attribution: r.get(6)?,
                mentions: r.get(7)?,
                document: r.get(8)?,
                url: r.get(9)?,
                sentence: r.get::<_, Option<String>>(10)?.unwrap_or_default(),
            })
        })?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }
}
