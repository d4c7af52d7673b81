//! Exports of the deduplicated events (clusters): the GDELT 2.0 events
//! table (61 tab-separated columns), JSON lines, CSV and Parquet, so that
//! GDELT tooling, pandas, R, DuckDB and Spark read casus output directly.

use crate::{Result, Store, StoreError};
use casus_core::Date;
use serde::Serialize;
use std::io::Write;
use std::sync::Arc;

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

/// One deduplicated event with what the exports need.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClusterRow {
    pub id: i64,
    pub date: Option<String>,
    pub source: String,
    pub target: String,
    pub source_name: String,
    pub target_name: String,
    pub code: String,
    pub root: String,
    pub quad_class: i64,
    pub goldstein: f64,
    pub plover_type: Option<String>,
    pub modality: String,
    pub location: Option<String>,
    pub mentions: i64,
    pub documents: i64,
    pub first_sentence_index: i64,
    pub url: Option<String>,
    pub document: String,
}

impl Store {
    /// Every cluster, in id order, with its first report's names and URL.
    pub fn cluster_rows(&self, all_modalities: bool) -> Result<Vec<ClusterRow>> {
        let filter = if all_modalities {
            ""
        } else {
            "WHERE c.modality = 'asserted'"
        };
        let sql = format!(
            "SELECT c.id, c.date, c.source, c.target, e.source_text, e.target_text, c.code, c.root, c.quad_class, c.goldstein,
                    c.plover, c.modality, c.location, c.mentions, c.documents, e.sentence_idx, d.url, d.ext_id
             FROM clusters c
             JOIN events e ON e.id = (SELECT MIN(id) FROM events WHERE cluster_id = c.id)
             JOIN documents d ON d.id = e.doc_id
             {filter} ORDER BY c.id"
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map([], |r| {
            Ok(ClusterRow {
                id: r.get(0)?,
                date: r.get(1)?,
                source: r.get(2)?,
                target: r.get(3)?,
                source_name: r.get(4)?,
                target_name: r.get(5)?,
                code: r.get(6)?,
                root: r.get(7)?,
                quad_class: r.get(8)?,
                goldstein: r.get(9)?,
                plover_type: r.get(10)?,
                modality: r.get(11)?,
                location: r.get(12)?,
                mentions: r.get(13)?,
                documents: r.get(14)?,
                first_sentence_index: r.get(15)?,
                url: r.get(16)?,
                document: r.get(17)?,
            })
        })?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }
}

/// Splits a CAMEO actor code into (country, known group, role) as GDELT
/// lays them out: "RUSGOV" -> (RUS, -, GOV); "IGOWSTNAT" -> (-, NAT, IGO).
fn actor_parts(code: &str) -> (String, String, String) {
    let is_org = code.starts_with("IGO") || code.starts_with("NGO") || code.starts_with("IMG");
    if is_org {
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

/// One row of the GDELT 2.0 events table for a cluster: 61 fields.
pub fn gdelt_row(r: &ClusterRow) -> Vec<String> {
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
    let (c2, g2, t2) = actor_parts(&r.target);
    let base = r.code.get(..3).unwrap_or(&r.code).to_string();
    let mut row = vec![
        r.id.to_string(),
        sqldate,
        month_year,
        year,
        fraction,
        r.source.clone(),
        clean(&r.source_name).to_uppercase(),
        c1,
        g1,
        String::new(),
        String::new(),
        String::new(),
        t1,
        String::new(),
        String::new(),
        r.target.clone(),
        clean(&r.target_name).to_uppercase(),
        c2,
        g2,
        String::new(),
        String::new(),
        String::new(),
        t2,
        String::new(),
        String::new(),
        // GDELT marks events from the lead of the article as root events
        u8::from(r.first_sentence_index <= 1).to_string(),
        r.code.clone(),
        base,
        r.root.clone(),
        r.quad_class.to_string(),
        format!("{:.1}", r.goldstein),
        r.mentions.to_string(),
        r.documents.to_string(),
        r.documents.to_string(),
        String::new(), // AvgTone: casus measures no tone
    ];
    // 24 geography fields: casus records a country only, in CAMEO (not
    // FIPS) codes, so GDELT's geography columns stay empty.
    row.extend(std::iter::repeat_n(String::new(), 24));
    row.push(String::new()); // DATEADDED: not known for stored news
    row.push(r.url.clone().map(|u| clean(&u)).unwrap_or_default());
    debug_assert_eq!(row.len(), GDELT_COLUMNS.len());
    row
}

pub fn write_gdelt(rows: &[ClusterRow], out: &mut dyn Write, header: bool) -> Result<()> {
    if header {
        writeln!(out, "{}", GDELT_COLUMNS.join("\t"))?;
    }
    for r in rows {
        writeln!(out, "{}", gdelt_row(r).join("\t"))?;
    }
    Ok(())
}

pub fn write_jsonl(rows: &[ClusterRow], out: &mut dyn Write) -> Result<()> {
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

pub fn write_csv(rows: &[ClusterRow], out: &mut dyn Write) -> Result<()> {
    let mut w = csv::Writer::from_writer(out);
    for r in rows {
        w.serialize(r).map_err(|e| match e.is_io_error() {
            true => match e.into_kind() {
                csv::ErrorKind::Io(io) => StoreError::Io(io),
                other => StoreError::Export(format!("{other:?}")),
            },
            false => StoreError::Export(e.to_string()),
        })?;
    }
    w.flush()?;
    Ok(())
}

/// Parquet with one column per field; text columns are UTF-8 strings
/// (empty where unknown), numbers are INT64 or DOUBLE.
pub fn write_parquet(rows: &[ClusterRow], out: std::fs::File) -> Result<()> {
    use parquet::data_type::{ByteArray, ByteArrayType, DoubleType, Int64Type};
    use parquet::file::properties::WriterProperties;
    use parquet::file::writer::SerializedFileWriter;
    use parquet::schema::parser::parse_message_type;
    let err = |e: parquet::errors::ParquetError| StoreError::Export(format!("parquet: {e}"));
    let schema = "message casus_event {
        REQUIRED INT64 id; REQUIRED BYTE_ARRAY date (UTF8); REQUIRED BYTE_ARRAY source (UTF8);
        REQUIRED BYTE_ARRAY target (UTF8); REQUIRED BYTE_ARRAY code (UTF8); REQUIRED BYTE_ARRAY root (UTF8);
        REQUIRED INT64 quad_class; REQUIRED DOUBLE goldstein; REQUIRED BYTE_ARRAY plover_type (UTF8);
        REQUIRED BYTE_ARRAY modality (UTF8); REQUIRED BYTE_ARRAY location (UTF8); REQUIRED INT64 mentions;
        REQUIRED INT64 documents; REQUIRED BYTE_ARRAY url (UTF8);
    }";
    let schema = Arc::new(parse_message_type(schema).map_err(err)?);
    let props = Arc::new(WriterProperties::builder().build());
    let mut writer = SerializedFileWriter::new(out, schema, props).map_err(err)?;
    let text = |f: &dyn Fn(&ClusterRow) -> String| -> Vec<ByteArray> {
        rows.iter()
            .map(|r| ByteArray::from(f(r).as_str()))
            .collect()
    };
    let int = |f: &dyn Fn(&ClusterRow) -> i64| -> Vec<i64> { rows.iter().map(f).collect() };
    enum Col {
        Text(Vec<ByteArray>),
        Int(Vec<i64>),
        Float(Vec<f64>),
    }
    let columns = vec![
        Col::Int(int(&|r| r.id)),
        Col::Text(text(&|r| r.date.clone().unwrap_or_default())),
        Col::Text(text(&|r| r.source.clone())),
        Col::Text(text(&|r| r.target.clone())),
        Col::Text(text(&|r| r.code.clone())),
        Col::Text(text(&|r| r.root.clone())),
        Col::Int(int(&|r| r.quad_class)),
        Col::Float(rows.iter().map(|r| r.goldstein).collect()),
        Col::Text(text(&|r| r.plover_type.clone().unwrap_or_default())),
        Col::Text(text(&|r| r.modality.clone())),
        Col::Text(text(&|r| r.location.clone().unwrap_or_default())),
        Col::Int(int(&|r| r.mentions)),
        Col::Int(int(&|r| r.documents)),
        Col::Text(text(&|r| r.url.clone().unwrap_or_default())),
    ];
    let mut group = writer.next_row_group().map_err(err)?;
    for col in columns {
        let mut w = group
            .next_column()
            .map_err(err)?
            .ok_or_else(|| StoreError::Export("parquet: schema has fewer columns".into()))?;
        match col {
            Col::Text(v) => {
                w.typed::<ByteArrayType>()
                    .write_batch(&v, None, None)
                    .map_err(err)?;
            }
            Col::Int(v) => {
                w.typed::<Int64Type>()
                    .write_batch(&v, None, None)
                    .map_err(err)?;
            }
            Col::Float(v) => {
                w.typed::<DoubleType>()
                    .write_batch(&v, None, None)
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

    fn row() -> ClusterRow {
        ClusterRow {
            id: 7,
            date: Some("2024-06-13".into()),
            source: "RUSGOV".into(),
            target: "IGOWSTNAT".into(),
            source_name: "the Kremlin".into(),
            target_name: "NATO".into(),
            code: "1121".into(),
            root: "11".into(),
            quad_class: 3,
            goldstein: -2.0,
            plover_type: Some("ACCUSE".into()),
            modality: "asserted".into(),
            location: Some("RUS".into()),
            mentions: 5,
            documents: 4,
            first_sentence_index: 0,
            url: Some("https://example.org/a".into()),
            document: "a".into(),
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
        assert_eq!(col("Actor1CountryCode"), "RUS");
        assert_eq!(col("Actor1Type1Code"), "GOV");
        assert_eq!(col("Actor2KnownGroupCode"), "NAT");
        assert_eq!(col("EventBaseCode"), "112");
        assert_eq!(col("EventRootCode"), "11");
        assert_eq!(col("NumMentions"), "5");
        assert_eq!(col("SOURCEURL"), "https://example.org/a");
    }
}
