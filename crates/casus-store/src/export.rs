//! Exports of the deduplicated events (clusters): the GDELT 2.0 events
//! table (61 tab-separated columns), JSON lines, CSV and Parquet, so that
//! GDELT tooling, pandas, R, DuckDB and Spark read casus output directly.
//! JSON lines, CSV and Parquet carry the whole record of the cluster's first
//! report (crate::record, docs/OUTPUT.md) and the cluster's counts.

use crate::record::{parse_instant, Cell, Column, Kind, Record, RECORD_COLUMNS};
use crate::{Result, Store, StoreError};
use casus_core::Date;
use serde::Serialize;
use std::collections::HashMap;
use std::io::Write;
use std::sync::{Arc, OnceLock};

/// The columns of GDELT 2.0's events export, in order.
pub const GDELT_COLUMNS: [&str; 61] = [
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1KnownGroupCode",
    "Actor1EthnicCode",
    "Actor1Religion1Code",
    "Actor1Religion2Code",
    "Actor1Type1Code",
    "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2KnownGroupCode",
    "Actor2EthnicCode",
    "Actor2Religion1Code",
    "Actor2Religion2Code",
    "Actor2Type1Code",
    "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    "Actor1Geo_Type",
    "Actor1Geo_FullName",
    "Actor1Geo_CountryCode",
    "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat",
    "Actor1Geo_Long",
    "Actor1Geo_FeatureID",
    "Actor2Geo_Type",
    "Actor2Geo_FullName",
    "Actor2Geo_CountryCode",
    "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat",
    "Actor2Geo_Long",
    "Actor2Geo_FeatureID",
    "ActionGeo_Type",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "ActionGeo_FeatureID",
    "DATEADDED",
    "SOURCEURL",
];

/// One exported event: the record of the cluster's first report (or, for
/// `query events`, of each report) with the cluster's counts.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ExportRow {
    #[serde(flatten)]
    pub record: Record,
    /// The event cluster (one real event, many reports).
    pub cluster: i64,
    pub mentions: i64,
    pub documents: i64,
    pub url: Option<String>,
    /// When the document was stored (UTC, `YYYY-MM-DDTHH:MM:SSZ`).
    pub date_added: Option<String>,
    /// The sentence's text (`query events` only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sentence: Option<String>,
}

/// The columns CSV and Parquet add after [`RECORD_COLUMNS`].
pub const CLUSTER_COLUMNS: &[Column] = &[
    Column {
        name: "cluster",
        kind: Kind::Int,
        nullable: false,
    },
    Column {
        name: "mentions",
        kind: Kind::Int,
        nullable: false,
    },
    Column {
        name: "documents",
        kind: Kind::Int,
        nullable: false,
    },
    Column {
        name: "url",
        kind: Kind::Text,
        nullable: true,
    },
    Column {
        name: "date_added",
        kind: Kind::Timestamp,
        nullable: true,
    },
];

/// Every column of CSV and Parquet exports, in order.
pub fn export_columns() -> Vec<Column> {
    RECORD_COLUMNS
        .iter()
        .chain(CLUSTER_COLUMNS)
        .copied()
        .collect()
}

impl ExportRow {
    /// The values of [`export_columns`], in order.
    pub fn cells(&self) -> Vec<Cell> {
        let mut cells = self.record.cells();
        cells.extend([
            Cell::Int(Some(self.cluster)),
            Cell::Int(Some(self.mentions)),
            Cell::Int(Some(self.documents)),
            Cell::Text(self.url.clone()),
            Cell::Timestamp(self.date_added.as_deref().and_then(parse_instant)),
        ]);
        cells
    }
}

/// Turns a stored record into a [`Record`], naming the cluster when the
/// stored JSON is damaged.
/// One exported row from the columns both export queries select (cluster,
/// mentions, documents, url, added, record; then the sentence if asked).
fn export_row(r: &rusqlite::Row, with_sentence: bool) -> rusqlite::Result<ExportRow> {
    let cluster = r.get(0)?;
    Ok(ExportRow {
        cluster,
        mentions: r.get(1)?,
        documents: r.get(2)?,
        url: r.get(3)?,
        date_added: r.get(4)?,
        record: parse_record(&r.get::<_, String>(5)?, cluster)?,
        sentence: if with_sentence { r.get(6)? } else { None },
    })
}

fn parse_record(json: &str, cluster: i64) -> rusqlite::Result<Record> {
    serde_json::from_str(json).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(
            0,
            rusqlite::types::Type::Text,
            format!("stored record of event cluster {cluster}: {e}").into(),
        )
    })
}

impl Store {
    /// The ingest-time column, or NULL for a database stored by a casus
    /// that did not record it (opened read-only, it cannot be added).
    fn added_column(&self) -> Result<&'static str> {
        let has: i64 = self.conn.query_row(
            "SELECT COUNT(*) FROM pragma_table_info('documents') WHERE name = 'added'",
            [],
            |r| r.get(0),
        )?;
        Ok(if has > 0 { "d.added" } else { "NULL" })
    }

    /// Every cluster, in id order, with the record of its first report.
    pub fn export_rows(&self, all_modalities: bool) -> Result<Vec<ExportRow>> {
        let filter = if all_modalities {
            ""
        } else {
            "WHERE c.modality = 'asserted'"
        };
        let added = self.added_column()?;
        let sql = format!(
            "SELECT c.id, c.mentions, c.documents, d.url, {added}, e.record
             FROM clusters c
             JOIN events e ON e.id = (SELECT MIN(id) FROM events WHERE cluster_id = c.id)
             JOIN documents d ON d.id = e.doc_id
             {filter} ORDER BY c.id"
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map([], |r| export_row(r, false))?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    /// The stored reports behind a number as full records, with their
    /// sentence: what `casus query events` prints. Same filter and order
    /// as [`Store::events`].
    pub fn event_records(
        &self,
        filter: &crate::query::Filter,
        limit: usize,
    ) -> Result<Vec<ExportRow>> {
        let mut params = Vec::new();
        let clause = filter.clause("c.", &mut params);
        let added = self.added_column()?;
        let sql = format!(
            "SELECT c.id, c.mentions, c.documents, d.url, {added}, e.record, s.text
             FROM events e JOIN clusters c ON c.id = e.cluster_id JOIN documents d ON d.id = e.doc_id
             LEFT JOIN sentences s ON s.doc_id = e.doc_id AND s.idx = e.sentence_idx
             WHERE {clause} ORDER BY e.date, e.cluster_id, e.id LIMIT {limit}"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(rusqlite::params_from_iter(params), |r| export_row(r, true))?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }
}

/// Splits a CAMEO actor code into (country, known group, role) as GDELT
/// lays them out: "RUSGOV" -> (RUS, -, GOV); "IGOWSTNAT" -> (-, NAT, IGO).
fn actor_parts(code: &str) -> (String, String, String) {
    if casus_core::codes::ActorCode(code).is_transnational() {
        let group = if code.len() >= 6 {
            code[code.len() - 3..].to_string()
        } else {
            String::new()
        };
        (String::new(), group, code[..3].to_string())
    } else {
        let country = code.get(..3).unwrap_or("").to_string();
        let role = code.get(3..6).unwrap_or("").to_string();
        (country, String::new(), role)
    }
}

fn clean(s: &str) -> String {
    s.replace(['\t', '\n', '\r'], " ")
}

/// ISO 3166 alpha-3 (casus) to FIPS 10-4 (GDELT), from data/fips10-4.tsv.
pub fn fips_country(iso3: &str) -> Option<&'static str> {
    static TABLE: OnceLock<HashMap<&'static str, &'static str>> = OnceLock::new();
    TABLE
        .get_or_init(|| {
            include_str!("../data/fips10-4.tsv")
                .lines()
                .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
                .filter_map(|l| l.split_once('\t'))
                .map(|(iso, fips)| (iso.trim(), fips.trim()))
                .collect()
        })
        .get(iso3)
        .copied()
}

/// Events in these first sentences of a document are GDELT "root events":
/// GDELT marks events from an article's lead paragraph, and a lead
/// paragraph of news runs to about three sentences.
pub const ROOT_EVENT_SENTENCES: u64 = 3;

/// GDELT's 8 Geo fields (Type, FullName, CountryCode, ADM1Code, ADM2Code,
/// Lat, Long, FeatureID) for the record's place; empty when there is none.
fn gdelt_geo(r: &Record) -> [String; 8] {
    let Some(p) = &r.place else {
        return Default::default();
    };
    let fips = fips_country(&p.country).unwrap_or("");
    let us = p.country == "USA";
    // 1=COUNTRY 2=USSTATE 3=USCITY 4=WORLDCITY 5=WORLDSTATE
    let kind = match p.feature.as_str() {
        "country" => "1",
        "adm1" if us => "2",
        "adm1" => "5",
        _ if us => "3",
        _ => "4",
    };
    let adm1 = match (&p.adm1, p.feature.as_str()) {
        (Some(a), _) => a.clone(),
        (None, "country") => fips.to_string(),
        (None, _) => String::new(),
    };
    [
        kind.to_string(),
        clean(&p.name),
        fips.to_string(),
        adm1,
        String::new(),
        format!("{:.4}", p.lat),
        format!("{:.4}", p.lon),
        p.feature_id.map(|f| f.to_string()).unwrap_or_default(),
    ]
}

/// One row of the GDELT 2.0 events table for a cluster: 61 fields.
pub fn gdelt_row(row: &ExportRow) -> Vec<String> {
    let r = &row.record;
    let date = r.date.as_deref().and_then(Date::parse);
    let (sqldate, month_year, year, fraction) = match date {
        Some(d) => {
            let day_of_year = d.days() - Date::new(d.year, 1, 1).map_or(0, |j| j.days());
            (
                format!("{:04}{:02}{:02}", d.year, d.month, d.day),
                format!("{:04}{:02}", d.year, d.month),
                d.year.to_string(),
                format!("{:.4}", f64::from(d.year) + day_of_year as f64 / 365.0),
            )
        }
        None => Default::default(),
    };
    let (c1, g1, t1) = actor_parts(&r.source);
    // a single-actor event leaves every Actor2 column empty, as GDELT does
    let (c2, g2, t2) = actor_parts(r.target.as_deref().unwrap_or_default());
    // GDELT's names are the dictionary's, upper-cased; never the sentence's words
    let name = |n: &Option<String>| clean(n.as_deref().unwrap_or("")).to_uppercase();
    let base = r.code.get(..3).unwrap_or(&r.code).to_string();
    let mut row_out = vec![
        row.cluster.to_string(),
        sqldate,
        month_year,
        year,
        fraction,
        r.source.clone(),
        name(&r.source_name),
        c1,
        g1,
        String::new(),
        String::new(),
        String::new(),
        t1,
        String::new(),
        String::new(),
        r.target.clone().unwrap_or_default(),
        name(&r.target_name),
        c2,
        g2,
        String::new(),
        String::new(),
        String::new(),
        t2,
        String::new(),
        String::new(),
        u8::from(r.sentence_index < ROOT_EVENT_SENTENCES).to_string(),
        r.code.clone(),
        base,
        r.root.clone(),
        r.quad_class.to_string(),
        format!("{:.1}", r.goldstein),
        row.mentions.to_string(),
        row.documents.to_string(),
        row.documents.to_string(),
        String::new(), // AvgTone: casus measures no tone
    ];
    // Actor1Geo and Actor2Geo: casus places the action, not each actor
    row_out.extend(std::iter::repeat_n(String::new(), 16));
    row_out.extend(gdelt_geo(r));
    row_out.push(
        row.date_added
            .as_deref()
            .and_then(parse_instant)
            .map(|t| {
                crate::record::format_instant(t)
                    .chars()
                    .filter(char::is_ascii_digit)
                    .collect()
            })
            .unwrap_or_default(),
    );
    row_out.push(row.url.clone().map(|u| clean(&u)).unwrap_or_default());
    debug_assert_eq!(row_out.len(), GDELT_COLUMNS.len());
    row_out
}

pub fn write_gdelt(rows: &[ExportRow], out: &mut dyn Write, header: bool) -> Result<()> {
    if header {
        writeln!(out, "{}", GDELT_COLUMNS.join("\t"))?;
    }
    for r in rows {
        writeln!(out, "{}", gdelt_row(r).join("\t"))?;
    }
    Ok(())
}

/// One JSON object per line: the record, then the cluster's fields.
pub fn write_jsonl(rows: &[ExportRow], out: &mut dyn Write) -> Result<()> {
    for r in rows {
        // An output error stays an io::Error, so a closed pipe is seen as one.
        serde_json::to_writer(&mut *out, r).map_err(|e| match e.is_io() {
            true => StoreError::Io(e.into()),
            false => StoreError::Export(e.to_string()),
        })?;
        writeln!(out)?;
    }
    Ok(())
}

fn csv_error(e: csv::Error) -> StoreError {
    match e.into_kind() {
        csv::ErrorKind::Io(io) => StoreError::Io(io),
        other => StoreError::Export(format!("{other:?}")),
    }
}

/// CSV with a header: [`export_columns`], nulls as empty fields; rows
/// from [`Store::event_records`] add a last `sentence` column.
pub fn write_csv(rows: &[ExportRow], out: &mut dyn Write) -> Result<()> {
    let with_sentence = rows.iter().any(|r| r.sentence.is_some());
    let mut w = csv::Writer::from_writer(out);
    let mut header: Vec<&str> = export_columns().iter().map(|c| c.name).collect();
    if with_sentence {
        header.push("sentence");
    }
    w.write_record(&header).map_err(csv_error)?;
    for r in rows {
        let mut cells: Vec<String> = r.cells().iter().map(Cell::text).collect();
        if with_sentence {
            cells.push(r.sentence.clone().unwrap_or_default());
        }
        w.write_record(&cells).map_err(csv_error)?;
    }
    w.flush()?;
    Ok(())
}

/// The Parquet schema of [`export_columns`]: text as UTF-8 strings,
/// integers as INT64, dates as DATE, the ingest time as a UTC TIMESTAMP
/// in milliseconds; nullable columns are OPTIONAL and hold nulls.
pub fn parquet_schema() -> String {
    let mut s = String::from("message casus_event {\n");
    for c in export_columns() {
        let rep = if c.nullable { "OPTIONAL" } else { "REQUIRED" };
        let ty = match c.kind {
            Kind::Text => "BYTE_ARRAY",
            Kind::Int => "INT64",
            Kind::Float => "DOUBLE",
            Kind::Date => "INT32",
            Kind::Timestamp => "INT64",
        };
        let logical = match c.kind {
            Kind::Text => " (UTF8)",
            Kind::Date => " (DATE)",
            Kind::Timestamp => " (TIMESTAMP(MILLIS,true))",
            _ => "",
        };
        s.push_str(&format!("  {rep} {ty} {}{logical};\n", c.name));
    }
    s.push('}');
    s
}

/// Parquet with the same columns as CSV (see [`parquet_schema`]).
pub fn write_parquet(rows: &[ExportRow], out: std::fs::File) -> Result<()> {
    use parquet::data_type::{ByteArray, ByteArrayType, DoubleType, Int32Type, Int64Type};
    use parquet::file::properties::WriterProperties;
    use parquet::file::writer::SerializedFileWriter;
    use parquet::schema::parser::parse_message_type;
    let err = |e: parquet::errors::ParquetError| StoreError::Export(format!("parquet: {e}"));
    let columns = export_columns();
    let schema = Arc::new(parse_message_type(&parquet_schema()).map_err(err)?);
    let props = Arc::new(WriterProperties::builder().build());
    let mut writer = SerializedFileWriter::new(out, schema, props).map_err(err)?;
    let cells: Vec<Vec<Cell>> = rows.iter().map(ExportRow::cells).collect();
    let mut group = writer.next_row_group().map_err(err)?;
    for (k, column) in columns.iter().enumerate() {
        let mut w = group
            .next_column()
            .map_err(err)?
            .ok_or_else(|| StoreError::Export("parquet: schema has fewer columns".into()))?;
        // definition level 1 = present, 0 = null (only for OPTIONAL columns)
        let levels: Vec<i16> = cells
            .iter()
            .map(|row| i16::from(!row[k].is_null()))
            .collect();
        let def = column.nullable.then_some(levels.as_slice());
        let values = cells.iter().map(|row| &row[k]);
        match column.kind {
            Kind::Text => {
                let v: Vec<ByteArray> = values
                    .filter_map(|c| match c {
                        Cell::Text(t) => t.as_deref().map(ByteArray::from),
                        _ => None,
                    })
                    .collect();
                w.typed::<ByteArrayType>()
                    .write_batch(&v, def, None)
                    .map_err(err)?;
            }
            Kind::Int | Kind::Timestamp => {
                let v: Vec<i64> = values
                    .filter_map(|c| match c {
                        Cell::Int(v) => *v,
                        Cell::Timestamp(v) => v.map(|s| s * 1000),
                        _ => None,
                    })
                    .collect();
                w.typed::<Int64Type>()
                    .write_batch(&v, def, None)
                    .map_err(err)?;
            }
            Kind::Float => {
                let v: Vec<f64> = values
                    .filter_map(|c| match c {
                        Cell::Float(v) => *v,
                        _ => None,
                    })
                    .collect();
                w.typed::<DoubleType>()
                    .write_batch(&v, def, None)
                    .map_err(err)?;
            }
            Kind::Date => {
                let v: Vec<i32> = values
                    .filter_map(|c| match c {
                        Cell::Date(v) => v.map(|d| d.days() as i32),
                        _ => None,
                    })
                    .collect();
                w.typed::<Int32Type>()
                    .write_batch(&v, def, None)
                    .map_err(err)?;
            }
        }
        w.close().map_err(err)?;
    }
    group.close().map_err(err)?;
    writer.close().map_err(err)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::RecordPlace;

    fn row() -> ExportRow {
        ExportRow {
            record: Record {
                doc_id: "a".into(),
                sentence_index: 4,
                date: Some("2024-06-13".into()),
                source: "RUSGOV".into(),
                target: Some("IGOWSTNAT".into()),
                source_text: "the Kremlin".into(),
                target_text: Some("the alliance".into()),
                source_name: Some("Russia - government".into()),
                target_name: Some("NATO".into()),
                code: "1121".into(),
                root: "11".into(),
                quad_class: 3,
                goldstein: -2.0,
                plover_type: Some("ACCUSE".into()),
                modality: "asserted".into(),
                location: Some("UKR".into()),
                place: Some(RecordPlace {
                    name: "Kharkiv".into(),
                    feature: "city".into(),
                    country: "UKR".into(),
                    adm1: Some("UP07".into()),
                    lat: 49.9935,
                    lon: 36.2304,
                    feature_id: Some(706483),
                    rule: "in X".into(),
                }),
                ..Default::default()
            },
            cluster: 7,
            mentions: 5,
            documents: 4,
            url: Some("https://example.org/a".into()),
            date_added: Some("2024-06-14T08:09:10Z".into()),
            sentence: None,
        }
    }

    #[test]
    fn gdelt_rows_have_61_columns_in_gdelt_layout() {
        let r = gdelt_row(&row());
        assert_eq!(r.len(), 61);
        let col = |name: &str| r[GDELT_COLUMNS.iter().position(|c| *c == name).unwrap()].as_str();
        assert_eq!(col("SQLDATE"), "20240613");
        assert_eq!(col("MonthYear"), "202406");
        assert_eq!(col("Actor1Code"), "RUSGOV");
        assert_eq!(col("Actor1Name"), "RUSSIA - GOVERNMENT");
        assert_eq!(col("Actor2Name"), "NATO");
        assert_eq!(col("Actor1CountryCode"), "RUS");
        assert_eq!(col("Actor1Type1Code"), "GOV");
        assert_eq!(col("Actor2KnownGroupCode"), "NAT");
        assert_eq!(col("EventBaseCode"), "112");
        assert_eq!(col("EventRootCode"), "11");
        assert_eq!(col("NumMentions"), "5");
        assert_eq!(col("IsRootEvent"), "0", "sentence 4 is past the lead");
        assert_eq!(col("DATEADDED"), "20240614080910");
        assert_eq!(col("ActionGeo_Type"), "4");
        assert_eq!(col("ActionGeo_CountryCode"), "UP");
        assert_eq!(col("ActionGeo_ADM1Code"), "UP07");
        assert_eq!(col("ActionGeo_FeatureID"), "706483");
        assert_eq!(col("Actor1Geo_Type"), "");
        assert_eq!(col("SOURCEURL"), "https://example.org/a");
    }

    #[test]
    fn gdelt_names_are_never_the_sentence_words() {
        let mut r = row();
        r.record.source_name = None;
        r.record.place = None;
        r.record.sentence_index = 0;
        let g = gdelt_row(&r);
        let col = |name: &str| g[GDELT_COLUMNS.iter().position(|c| *c == name).unwrap()].as_str();
        assert_eq!(col("Actor1Name"), "");
        assert_eq!(col("IsRootEvent"), "1");
        assert_eq!(col("ActionGeo_CountryCode"), "");
    }

    #[test]
    fn fips_table_reads_and_differs_from_iso() {
        assert_eq!(fips_country("DEU"), Some("GM"));
        assert_eq!(fips_country("RUS"), Some("RS"));
        assert_eq!(fips_country("GBR"), Some("UK"));
        assert_eq!(fips_country("XYZ"), None);
    }

    #[test]
    fn csv_has_the_record_columns_and_nulls_as_empty_fields() {
        let mut out = Vec::new();
        write_csv(&[row()], &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        let mut rd = csv::Reader::from_reader(text.as_bytes());
        let header: Vec<String> = rd.headers().unwrap().iter().map(String::from).collect();
        assert_eq!(header.len(), export_columns().len());
        let rec = rd.records().next().unwrap().unwrap();
        let get = |n: &str| rec[header.iter().position(|h| h == n).unwrap()].to_string();
        assert_eq!(get("source_name"), "Russia - government");
        assert_eq!(get("place_adm1"), "UP07");
        assert_eq!(get("attribution"), "");
        assert_eq!(get("date_added"), "2024-06-14T08:09:10Z");
    }

    #[test]
    fn parquet_writes_typed_nullable_columns() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("e.parquet");
        let mut other = row();
        other.record.place = None;
        other.record.date = None;
        write_parquet(&[row(), other], std::fs::File::create(&path).unwrap()).unwrap();
        use parquet::file::reader::{FileReader, SerializedFileReader};
        let reader = SerializedFileReader::new(std::fs::File::open(&path).unwrap()).unwrap();
        let meta = reader.metadata();
        assert_eq!(meta.file_metadata().num_rows(), 2);
        let schema = meta.file_metadata().schema_descr();
        assert_eq!(schema.num_columns(), export_columns().len());
        let date = schema.column(2);
        assert_eq!(date.name(), "date");
        assert_eq!(date.physical_type(), parquet::basic::Type::INT32);
        assert_eq!(date.logical_type(), Some(parquet::basic::LogicalType::Date));
        let rows: Vec<_> = reader
            .get_row_iter(None)
            .unwrap()
            .map(|r| r.unwrap())
            .collect();
        let second = rows[1].to_string();
        assert!(second.contains("date: null"), "{second}");
        assert!(second.contains("place_lat: null"), "{second}");
    }
}
