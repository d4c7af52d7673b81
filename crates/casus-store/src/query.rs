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

/// Most periods a series is padded to: a day series over centuries is
/// left with its gaps rather than grown without bound.
const MAX_FILLED_PERIODS: usize = 20_000;

/// Days since 1970-01-01 of a proleptic Gregorian date (Hinnant's algorithm).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

/// A period label as a number that counts periods: days for day and week
/// labels (a week is labelled by its Monday), months for month labels.
fn period_number(label: &str, bucket: Bucket) -> Option<i64> {
    let parts: Vec<&str> = label.split('-').collect();
    let num = |s: &str| s.parse::<i64>().ok();
    match (bucket, parts.as_slice()) {
        (Bucket::Month, [y, m]) if y.len() == 4 && m.len() == 2 => {
            let (y, m) = (num(y)?, num(m)?);
            (1..=12).contains(&m).then_some(y * 12 + m - 1)
        }
        (Bucket::Day | Bucket::Week, [y, m, d]) if y.len() == 4 && m.len() == 2 && d.len() == 2 => {
            let (y, m, d) = (num(y)?, num(m)?, num(d)?);
            ((1..=12).contains(&m) && (1..=31).contains(&d)).then(|| days_from_civil(y, m, d))
        }
        _ => None,
    }
}

fn period_label(n: i64, bucket: Bucket) -> String {
    match bucket {
        Bucket::Month => format!("{:04}-{:02}", n.div_euclid(12), n.rem_euclid(12) + 1),
        Bucket::Day | Bucket::Week => {
            let (y, m, d) = civil_from_days(n);
            format!("{y:04}-{m:02}-{d:02}")
        }
    }
}

/// Periods without events between the first and the last are rows of
/// zeros, so a timeline does not draw 2023-03 and 2024-06 as neighbours.
fn fill_gaps(rows: Vec<SeriesRow>, bucket: Bucket) -> Vec<SeriesRow> {
    let step = if bucket == Bucket::Week { 7 } else { 1 };
    let numbers: Option<Vec<i64>> = rows
        .iter()
        .map(|r| period_number(&r.period, bucket))
        .collect();
    let Some(numbers) = numbers else {
        return rows; // a label we cannot reckon with: leave the series as stored
    };
    let (Some(&first), Some(&last)) = (numbers.first(), numbers.last()) else {
        return rows;
    };
    if (last - first) / step >= MAX_FILLED_PERIODS as i64
        || numbers.windows(2).any(|w| (w[1] - w[0]) % step != 0)
    {
        return rows;
    }
    let mut out = Vec::with_capacity(((last - first) / step + 1) as usize);
    let mut stored = rows.into_iter().zip(numbers).peekable();
    let mut n = first;
    while n <= last {
        match stored.peek() {
            Some((_, m)) if *m == n => out.push(stored.next().unwrap().0),
            _ => out.push(SeriesRow {
                period: period_label(n, bucket),
                events: 0,
                verbal_cooperation: 0,
                material_cooperation: 0,
                verbal_conflict: 0,
                material_conflict: 0,
                goldstein_sum: 0.0,
                goldstein_mean: 0.0,
                mentions: 0,
            }),
        }
        n += step;
    }
    out
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
    /// Null for a single-actor event (`--monadic`).
    pub target: Option<String>,
    pub code: String,
    pub modality: String,
    pub attribution: Option<String>,
    pub mentions: i64,
    pub document: String,
    pub url: Option<String>,
    pub sentence: String,
}

/// The `target` column as the records write it: a single-actor event's
/// empty column is a null target.
fn target_of(column: String) -> Option<String> {
    Some(column).filter(|t| !t.is_empty())
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
    /// by events and Goldstein, the busiest first. Single-actor events (an
    /// empty `target` column) make no edge, nor pair, nor target actor.
    pub fn network(&self, filter: &Filter, limit: usize) -> Result<Vec<EdgeRow>> {
        let mut params = Vec::new();
        let clause = filter.clause("", &mut params);
        let sql = format!(
            "SELECT source, target, COUNT(*), SUM(goldstein),
                    SUM(quad_class = 1), SUM(quad_class = 2), SUM(quad_class = 3), SUM(quad_class = 4)
             FROM clusters WHERE target <> '' AND {clause} GROUP BY source, target ORDER BY 3 DESC, source, target LIMIT {limit}"
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

    /// Counts per period of the events between the filter's actors, every
    /// period from the first to the last (empty ones as zeros).
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
        let rows: Vec<SeriesRow> = rows.collect::<std::result::Result<_, _>>()?;
        Ok(fill_gaps(rows, bucket))
    }

    /// The most active actors (as source or target) in the filter's period.
    pub fn top_actors(&self, filter: &Filter, limit: usize) -> Result<Vec<CountRow>> {
        let mut params = Vec::new();
        let clause = filter.clause("", &mut params);
        let sql = format!(
            "SELECT actor, COUNT(*), AVG(goldstein) FROM (
                 SELECT source AS actor, goldstein FROM clusters WHERE {clause}
                 UNION ALL SELECT target AS actor, goldstein FROM clusters WHERE target <> '' AND {clause})
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
            "SELECT source, target, COUNT(*), AVG(goldstein) FROM clusters WHERE target <> '' AND {clause}
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
                target: target_of(r.get(3)?),
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

    /// Where the filter's events happened, per country of their place:
    /// deduplicated events and mean Goldstein, for the map.
    pub fn place_countries(&self, pf: &PlaceFilter) -> Result<Vec<PlaceCountryRow>> {
        let mut params = Vec::new();
        let clause = pf.clause(&mut params);
        let sql = format!(
            "SELECT country, COUNT(*), AVG(goldstein) FROM (
                 SELECT DISTINCT c.id, json_extract(e.record, '$.place.country') AS country, c.goldstein
                 FROM events e JOIN clusters c ON c.id = e.cluster_id WHERE {clause})
             WHERE country IS NOT NULL GROUP BY country ORDER BY 2 DESC, country"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(rusqlite::params_from_iter(params), |r| {
            Ok(PlaceCountryRow {
                country: r.get(0)?,
                events: r.get(1)?,
                goldstein_mean: r.get(2)?,
            })
        })?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    /// The places below country level the filter's events happened at, the
    /// busiest first.
    pub fn place_points(&self, pf: &PlaceFilter, limit: usize) -> Result<Vec<PlacePointRow>> {
        let mut params = Vec::new();
        let clause = pf.clause(&mut params);
        let sql = format!(
            "SELECT name, feature, country, lat, lon, COUNT(*), AVG(goldstein) FROM (
                 SELECT DISTINCT c.id, json_extract(e.record, '$.place.name') AS name,
                        json_extract(e.record, '$.place.feature') AS feature,
                        json_extract(e.record, '$.place.country') AS country,
                        json_extract(e.record, '$.place.lat') AS lat,
                        json_extract(e.record, '$.place.lon') AS lon, c.goldstein
                 FROM events e JOIN clusters c ON c.id = e.cluster_id WHERE {clause})
             WHERE name IS NOT NULL AND feature != 'country' AND lat IS NOT NULL AND lon IS NOT NULL
             GROUP BY name, country, lat, lon ORDER BY 6 DESC, name LIMIT {limit}"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(rusqlite::params_from_iter(params), |r| {
            Ok(PlacePointRow {
                name: r.get(0)?,
                feature: r.get(1)?,
                country: r.get(2)?,
                lat: r.get(3)?,
                lon: r.get(4)?,
                events: r.get(5)?,
                goldstein_mean: r.get(6)?,
            })
        })?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    /// The reports behind a country or point of the map, with their
    /// sentences and places.
    pub fn place_events(&self, pf: &PlaceFilter, limit: usize) -> Result<Vec<PlaceEventRow>> {
        let mut params = Vec::new();
        let clause = pf.clause(&mut params);
        let sql = format!(
            "SELECT c.id, e.date, e.source, e.target, e.code, e.modality, e.attribution, c.mentions, d.ext_id, d.url, s.text,
                    json_extract(e.record, '$.place.name'), json_extract(e.record, '$.place.country'),
                    json_extract(e.record, '$.place.rule'), c.goldstein
             FROM events e JOIN clusters c ON c.id = e.cluster_id JOIN documents d ON d.id = e.doc_id
             LEFT JOIN sentences s ON s.doc_id = e.doc_id AND s.idx = e.sentence_idx
             WHERE {clause} AND json_extract(e.record, '$.place') IS NOT NULL
             ORDER BY e.date, e.cluster_id, e.id LIMIT {limit}"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(rusqlite::params_from_iter(params), |r| {
            Ok(PlaceEventRow {
                event: EventRow {
                    cluster: r.get(0)?,
                    date: r.get(1)?,
                    source: r.get(2)?,
                    target: target_of(r.get(3)?),
                    code: r.get(4)?,
                    modality: r.get(5)?,
                    attribution: r.get(6)?,
                    mentions: r.get(7)?,
                    document: r.get(8)?,
                    url: r.get(9)?,
                    sentence: r.get::<_, Option<String>>(10)?.unwrap_or_default(),
                },
                place: r.get(11)?,
                country: r.get(12)?,
                rule: r.get(13)?,
                goldstein: r.get(14)?,
            })
        })?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }
}

/// The map's filter: the shared one, plus an actor on either side, one
/// modality, and a country or place of the event.
#[derive(Debug, Clone, Default)]
pub struct PlaceFilter {
    pub filter: Filter,
    /// An actor code or prefix as source or target.
    pub actor: Option<String>,
    /// Only this modality (overrides `filter.all_modalities`).
    pub modality: Option<String>,
    /// The place's country (ISO alpha-3).
    pub country: Option<String>,
    /// The place's name (with `country`, one point of the map).
    pub place: Option<String>,
}

impl PlaceFilter {
    fn clause(&self, params: &mut Vec<Value>) -> String {
        let mut base = self.filter.clone();
        if self.modality.is_some() {
            base.all_modalities = true;
        }
        let mut parts = vec![base.clause("c.", params)];
        if let Some(a) = &self.actor {
            let like = Value::Text(format!("{}%", a.replace('%', "")));
            params.extend([like.clone(), like]);
            parts.push("(c.source LIKE ? OR c.target LIKE ?)".into());
        }
        if let Some(m) = &self.modality {
            params.push(Value::Text(m.clone()));
            parts.push("c.modality = ?".into());
        }
        if let Some(c) = &self.country {
            params.push(Value::Text(c.clone()));
            parts.push("json_extract(e.record, '$.place.country') = ?".into());
        }
        if let Some(p) = &self.place {
            params.push(Value::Text(p.clone()));
            parts.push("json_extract(e.record, '$.place.name') = ?".into());
        }
        parts.join(" AND ")
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlaceCountryRow {
    pub country: String,
    pub events: i64,
    pub goldstein_mean: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlacePointRow {
    pub name: String,
    pub feature: String,
    pub country: String,
    pub lat: f64,
    pub lon: f64,
    pub events: i64,
    pub goldstein_mean: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlaceEventRow {
    #[serde(flatten)]
    pub event: EventRow,
    pub place: Option<String>,
    pub country: Option<String>,
    pub rule: Option<String>,
    pub goldstein: f64,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Incoming;
    use casus_core::{Date, Document, Pipeline};
    use std::sync::OnceLock;

    fn store_with(docs: &[(&str, &str, &str)]) -> Store {
        static P: OnceLock<Pipeline> = OnceLock::new();
        let p = P.get_or_init(|| Pipeline::builtin().unwrap());
        let mut s = Store::open_in_memory().unwrap();
        let batch: Vec<_> = docs
            .iter()
            .map(|(id, date, text)| {
                let doc = Document::new(*id, *text, Date::parse(date));
                let coded = p.code_full(&doc);
                (
                    Incoming {
                        doc,
                        input: "test".into(),
                    },
                    coded,
                )
            })
            .collect();
        s.insert_coded(&batch, p.version()).unwrap();
        s
    }

    #[test]
    fn empty_periods_are_zero_rows_in_order() {
        let s = store_with(&[
            ("a", "2023-03-02", "Kenya condemned Uganda."),
            ("b", "2023-06-20", "Kenya condemned Uganda again."),
        ]);
        let f = Filter {
            source: Some("KEN".into()),
            target: Some("UGA".into()),
            both_directions: true,
            ..Default::default()
        };
        let months = s.dyad_series(&f, Bucket::Month).unwrap();
        let labels: Vec<&str> = months.iter().map(|r| r.period.as_str()).collect();
        assert_eq!(labels, ["2023-03", "2023-04", "2023-05", "2023-06"]);
        assert_eq!(months[1].events, 0);
        assert_eq!(months[0].events + months[3].events, 2);
        let weeks = s.dyad_series(&f, Bucket::Week).unwrap();
        // Monday 2023-02-27 to Monday 2023-06-19: 17 weeks
        assert_eq!(weeks.len(), 17, "{weeks:?}");
        assert_eq!(weeks[1].period, "2023-03-06");
        let days = s.dyad_series(&f, Bucket::Day).unwrap();
        assert_eq!(days.len(), 111);
        assert_eq!(days[days.len() - 1].period, "2023-06-20");
    }

    #[test]
    fn calendar_arithmetic_round_trips_across_years() {
        for (y, m, d) in [
            (1970, 1, 1),
            (2000, 2, 29),
            (2023, 12, 31),
            (2024, 3, 1),
            (1899, 12, 31),
        ] {
            assert_eq!(civil_from_days(days_from_civil(y, m, d)), (y, m, d));
        }
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(period_label(2023 * 12 + 11, Bucket::Month), "2023-12");
        assert_eq!(period_number("2024-13", Bucket::Month), None);
    }

    #[test]
    fn the_map_counts_places_and_lists_their_reports() {
        let s = store_with(&[
            (
                "a",
                "2024-05-01",
                "Russian forces shelled Kharkiv on Monday.",
            ),
            (
                "b",
                "2024-05-02",
                "Russian missiles struck Odesa on Tuesday.",
            ),
            ("c", "2024-05-03", "Kenya and Uganda held talks in Nairobi."),
        ]);
        let pf = PlaceFilter::default();
        let countries = s.place_countries(&pf).unwrap();
        let ukr = countries.iter().find(|c| c.country == "UKR").unwrap();
        assert_eq!(ukr.events, 2, "{countries:?}");
        assert!(ukr.goldstein_mean < 0.0);
        assert!(countries.iter().any(|c| c.country == "KEN"));
        let points = s.place_points(&pf, 100).unwrap();
        let names: Vec<&str> = points.iter().map(|p| p.name.as_str()).collect();
        assert!(
            names.contains(&"Kharkiv") && names.contains(&"Nairobi"),
            "{names:?}"
        );
        // filters: an actor on either side, the QuadClass, a point
        let actor = PlaceFilter {
            actor: Some("UGA".into()),
            ..Default::default()
        };
        let only: Vec<String> = s
            .place_countries(&actor)
            .unwrap()
            .into_iter()
            .map(|c| c.country)
            .collect();
        assert_eq!(only, ["KEN"]);
        let conflict = PlaceFilter {
            filter: Filter {
                quad_class: Some(4),
                ..Default::default()
            },
            ..Default::default()
        };
        assert!(s
            .place_countries(&conflict)
            .unwrap()
            .iter()
            .all(|c| c.country == "UKR"));
        let point = PlaceFilter {
            country: Some("UKR".into()),
            place: Some("Kharkiv".into()),
            ..Default::default()
        };
        let events = s.place_events(&point, 50).unwrap();
        assert_eq!(events.len(), 1);
        assert!(events[0].event.sentence.contains("Kharkiv"));
        assert_eq!(events[0].place.as_deref(), Some("Kharkiv"));
    }
}
