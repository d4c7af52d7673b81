//! casus-server: the HTTP API and the web page, with axum.
//!
//! The API codes posted text, lists stored events, gives dyad time series
//! and the actor network, and ingests posted documents. The page (HTML,
//! JavaScript and CSS embedded in the binary; charts drawn as SVG by our
//! own small code, no CDN) shows an article with its actors, triggers and
//! cues highlighted beside its events, and the relations between actors
//! over time.
//!
//! Safety: request bodies are limited ([`MAX_BODY`]), requests time out
//! ([`REQUEST_TIMEOUT`]), every error is JSON with a status code, malformed
//! requests never panic, and only the embedded assets are served.

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{DefaultBodyLimit, Query, State};
use axum::http::{header, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use casus_core::{Date, Document, Pipeline};
use casus_store::query::{Bucket, Filter};
use casus_store::{Incoming, Store};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// Largest request body accepted (an article, or an HTML page).
pub const MAX_BODY: usize = 2 << 20;
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);

const INDEX_HTML: &str = include_str!("../assets/index.html");
const APP_JS: &str = include_str!("../assets/app.js");
const APP_CSS: &str = include_str!("../assets/app.css");

#[derive(Clone)]
pub struct AppState {
    pipeline: &'static Pipeline,
    store: Arc<Mutex<Store>>,
}

impl AppState {
    pub fn new(
        pipeline: &'static Pipeline,
        db: PathBuf,
    ) -> Result<AppState, casus_store::StoreError> {
        Ok(AppState {
            pipeline,
            store: Arc::new(Mutex::new(Store::open(&db)?)),
        })
    }

    pub fn in_memory(pipeline: &'static Pipeline) -> Result<AppState, casus_store::StoreError> {
        Ok(AppState {
            pipeline,
            store: Arc::new(Mutex::new(Store::open_in_memory()?)),
        })
    }

    /// Runs a database or coding job off the async threads.
    async fn blocking<T: Send + 'static>(
        &self,
        job: impl FnOnce(&'static Pipeline, &mut Store) -> Result<T, ApiError> + Send + 'static,
    ) -> Result<T, ApiError> {
        let state = self.clone();
        tokio::task::spawn_blocking(move || {
            let mut store = state
                .store
                .lock()
                .map_err(|_| ApiError::internal("the database lock is poisoned"))?;
            job(state.pipeline, &mut store)
        })
        .await
        .map_err(|e| ApiError::internal(format!("worker failed: {e}")))?
    }
}

/// An error answered as `{"error": "..."}` with a status code.
#[derive(Debug)]
pub struct ApiError {
    status: StatusCode,
    message: String,
}

impl ApiError {
    fn new(status: StatusCode, message: impl Into<String>) -> ApiError {
        ApiError {
            status,
            message: message.into(),
        }
    }

    fn bad_request(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::BAD_REQUEST, message)
    }

    fn internal(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, message)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (
            self.status,
            Json(serde_json::json!({ "error": self.message, "status": self.status.as_u16() })),
        )
            .into_response()
    }
}

impl From<casus_store::StoreError> for ApiError {
    fn from(e: casus_store::StoreError) -> ApiError {
        ApiError::internal(e.to_string())
    }
}

/// Reads a JSON body, turning every failure into a clear JSON error.
fn json_body<T: for<'de> Deserialize<'de>>(
    body: Result<Bytes, BytesRejection>,
) -> Result<T, ApiError> {
    let bytes = body.map_err(|e| {
        if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
            ApiError::new(
                StatusCode::PAYLOAD_TOO_LARGE,
                format!("request body larger than {MAX_BODY} bytes"),
            )
        } else {
            ApiError::bad_request(format!("cannot read the request body: {e}"))
        }
    })?;
    serde_json::from_slice(&bytes)
        .map_err(|e| ApiError::bad_request(format!("malformed JSON: {e}")))
}

fn parse_date(date: Option<&str>) -> Result<Option<Date>, ApiError> {
    match date {
        None => Ok(None),
        Some(d) if d.trim().is_empty() => Ok(None),
        Some(d) => Date::parse(d)
            .map(Some)
            .ok_or_else(|| ApiError::bad_request(format!("`{d}` is not a date (YYYY-MM-DD)"))),
    }
}

/// The router: the API under `/api`, the page at `/`, and nothing else.
pub fn router(state: AppState) -> Router {
    Router::new()
        .route("/", get(index))
        .route(
            "/assets/app.js",
            get(|| async {
                (
                    [(header::CONTENT_TYPE, "text/javascript; charset=utf-8")],
                    APP_JS,
                )
            }),
        )
        .route(
            "/assets/app.css",
            get(|| async { ([(header::CONTENT_TYPE, "text/css; charset=utf-8")], APP_CSS) }),
        )
        .route("/api/health", get(health))
        .route("/api/code", post(code))
        .route("/api/ingest", post(ingest))
        .route("/api/events", get(events))
        .route("/api/dyad", get(dyad))
        .route("/api/network", get(network))
        .fallback(not_found)
        .layer(DefaultBodyLimit::max(MAX_BODY))
        .layer(tower_http::timeout::TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            REQUEST_TIMEOUT,
        ))
        .with_state(state)
}

async fn index() -> impl IntoResponse {
    (
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        INDEX_HTML,
    )
}

async fn not_found(uri: Uri) -> ApiError {
    ApiError::new(
        StatusCode::NOT_FOUND,
        format!("no such resource: {}", uri.path()),
    )
}

async fn health(State(state): State<AppState>) -> Result<Json<serde_json::Value>, ApiError> {
    let version = state.pipeline.version().to_string();
    let (documents, _, events, clusters) = state.blocking(|_, store| Ok(store.counts()?)).await?;
    Ok(Json(
        serde_json::json!({ "ok": true, "dictionary_version": version, "documents": documents, "events": events, "event_clusters": clusters }),
    ))
}

#[derive(Deserialize)]
struct CodeRequest {
    text: Option<String>,
    /// An HTML page instead of text: its main text is extracted first.
    html: Option<String>,
    date: Option<String>,
}

#[derive(Serialize)]
struct CodeResponse {
    text: String,
    date: Option<Date>,
    sentences: Vec<[usize; 2]>,
    events: Vec<casus_core::Event>,
}

async fn code(
    State(state): State<AppState>,
    body: Result<Bytes, BytesRejection>,
) -> Result<Json<CodeResponse>, ApiError> {
    let req: CodeRequest = json_body(body)?;
    let mut date = parse_date(req.date.as_deref())?;
    let text = match (req.text, req.html) {
        (Some(text), None) => text,
        (None, Some(html)) => {
            let web = casus_sources::extract_html(&html, None)
                .map_err(|e| ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, e.to_string()))?;
            date = date.or(web.date);
            web.text
        }
        _ => {
            return Err(ApiError::bad_request(
                "send exactly one of `text` or `html`",
            ))
        }
    };
    if text.trim().is_empty() {
        return Err(ApiError::bad_request("`text` is empty"));
    }
    let pipeline = state.pipeline;
    let response = tokio::task::spawn_blocking(move || {
        let doc = Document::new("posted", text.clone(), date);
        let coded = pipeline.code_full(&doc);
        CodeResponse {
            text,
            date,
            sentences: coded.sentences,
            events: coded.events,
        }
    })
    .await
    .map_err(|e| ApiError::internal(format!("worker failed: {e}")))?;
    Ok(Json(response))
}

#[derive(Deserialize)]
struct IngestRequest {
    text: Option<String>,
    html: Option<String>,
    date: Option<String>,
    title: Option<String>,
    url: Option<String>,
    id: Option<String>,
}

async fn ingest(
    State(state): State<AppState>,
    body: Result<Bytes, BytesRejection>,
) -> Result<Json<serde_json::Value>, ApiError> {
    let req: IngestRequest = json_body(body)?;
    let date = parse_date(req.date.as_deref())?;
    let mut doc: Document = match (req.text, req.html) {
        (Some(text), None) => Document {
            id: String::new(),
            text,
            date,
            title: req.title,
            url: req.url.clone(),
        },
        (None, Some(html)) => {
            let web = casus_sources::extract_html(&html, req.url.as_deref())
                .map_err(|e| ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, e.to_string()))?;
            let mut d: Document = web.into();
            d.date = date.or(d.date);
            d.title = req.title.or(d.title);
            d
        }
        _ => {
            return Err(ApiError::bad_request(
                "send exactly one of `text` or `html`",
            ))
        }
    };
    if doc.text.trim().is_empty() {
        return Err(ApiError::bad_request("the document has no text"));
    }
    if let Err(reason) =
        casus_sources::lang::language(&doc.text).admits(casus_sources::lang::DEFAULT_MIN_CONFIDENCE)
    {
        return Err(ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, reason));
    }
    doc.id = req
        .id
        .or(req.url)
        .unwrap_or_else(|| format!("posted-{}", &casus_store::document_key(&doc)[..12]));
    let report = state
        .blocking(move |pipeline, store| {
            let coded = pipeline.code_full(&doc);
            let incoming = Incoming {
                doc,
                input: "api".into(),
            };
            Ok(store.insert_coded(&[(incoming, coded)], pipeline.version())?)
        })
        .await?;
    Ok(Json(serde_json::json!({
        "stored": report.documents == 1,
        "already_stored": report.already_stored == 1,
        "events": report.events,
        "new_event_clusters": report.new_clusters,
    })))
}

/// Query parameters shared by the read endpoints.
#[derive(Deserialize, Default)]
struct FilterParams {
    source: Option<String>,
    target: Option<String>,
    directed: Option<bool>,
    since: Option<String>,
    until: Option<String>,
    all_modalities: Option<bool>,
    code: Option<String>,
    quad_class: Option<u8>,
    by: Option<String>,
    limit: Option<usize>,
}

impl FilterParams {
    fn filter(&self) -> Result<Filter, ApiError> {
        let valid_code = |c: &Option<String>, what: &str| -> Result<Option<String>, ApiError> {
            match c {
                Some(c) if !c.chars().all(|ch| ch.is_ascii_alphanumeric()) || c.len() > 12 => {
                    Err(ApiError::bad_request(format!("`{c}` is not a {what}")))
                }
                Some(c) if c.is_empty() => Ok(None),
                other => Ok(other.as_ref().map(|c| c.to_uppercase())),
            }
        };
        if let Some(q) = self.quad_class {
            if !(1..=4).contains(&q) {
                return Err(ApiError::bad_request("quad_class must be 1 to 4"));
            }
        }
        Ok(Filter {
            source: valid_code(&self.source, "CAMEO actor code")?,
            target: valid_code(&self.target, "CAMEO actor code")?,
            both_directions: !self.directed.unwrap_or(false),
            since: parse_date(self.since.as_deref())?.map(|d| d.to_string()),
            until: parse_date(self.until.as_deref())?.map(|d| d.to_string()),
            all_modalities: self.all_modalities.unwrap_or(false),
            code: valid_code(&self.code, "CAMEO event code")?,
            quad_class: self.quad_class,
        })
    }

    fn limit(&self) -> usize {
        self.limit.unwrap_or(200).clamp(1, 5000)
    }
}

/// Query strings that do not parse are a 400 with a JSON message.
fn params(
    query: Result<Query<FilterParams>, axum::extract::rejection::QueryRejection>,
) -> Result<FilterParams, ApiError> {
    query
        .map(|Query(p)| p)
        .map_err(|e| ApiError::bad_request(format!("bad query string: {e}")))
}

async fn events(
    State(state): State<AppState>,
    query: Result<Query<FilterParams>, axum::extract::rejection::QueryRejection>,
) -> Result<Json<serde_json::Value>, ApiError> {
    let p = params(query)?;
    let (filter, limit) = (p.filter()?, p.limit());
    let rows = state
        .blocking(move |_, store| Ok(store.events(&filter, limit)?))
        .await?;
    Ok(Json(serde_json::json!({ "events": rows })))
}

async fn dyad(
    State(state): State<AppState>,
    query: Result<Query<FilterParams>, axum::extract::rejection::QueryRejection>,
) -> Result<Json<serde_json::Value>, ApiError> {
    let p = params(query)?;
    let filter = p.filter()?;
    if filter.source.is_none() || filter.target.is_none() {
        return Err(ApiError::bad_request("a dyad needs `source` and `target`"));
    }
    let bucket = match p.by.as_deref().unwrap_or("month") {
        "day" => Bucket::Day,
        "week" => Bucket::Week,
        "month" => Bucket::Month,
        other => {
            return Err(ApiError::bad_request(format!(
                "`by` must be day, week or month, not `{other}`"
            )))
        }
    };
    let rows = state
        .blocking(move |_, store| Ok(store.dyad_series(&filter, bucket)?))
        .await?;
    Ok(Json(serde_json::json!({ "series": rows })))
}

#[derive(Serialize)]
struct Edge {
    source: String,
    target: String,
    events: i64,
    goldstein: f64,
    /// The QuadClass with the most events on this edge.
    quad_class: i64,
}

async fn network(
    State(state): State<AppState>,
    query: Result<Query<FilterParams>, axum::extract::rejection::QueryRejection>,
) -> Result<Json<serde_json::Value>, ApiError> {
    let p = params(query)?;
    let filter = p.filter()?;
    let limit = p.limit().min(300);
    let rows: Vec<Edge> = state
        .blocking(move |_, store| Ok(store.network(&filter, limit)?))
        .await?
        .into_iter()
        .map(|e| Edge {
            source: e.source,
            target: e.target,
            events: e.events,
            goldstein: e.goldstein_sum,
            quad_class: e.quad_class,
        })
        .collect();
    let mut nodes: BTreeMap<String, i64> = BTreeMap::new();
    for e in &rows {
        *nodes.entry(e.source.clone()).or_default() += e.events;
        *nodes.entry(e.target.clone()).or_default() += e.events;
    }
    let nodes: Vec<serde_json::Value> = nodes
        .into_iter()
        .map(|(id, events)| serde_json::json!({ "id": id, "events": events }))
        .collect();
    Ok(Json(serde_json::json!({ "nodes": nodes, "edges": rows })))
}

/// Serves until Ctrl-C. `addr` may use port 0; the bound address is
/// printed so that callers (and tests) can find the server.
pub async fn serve(state: AppState, addr: &str) -> std::io::Result<()> {
    let listener = tokio::net::TcpListener::bind(addr).await?;
    let bound = listener.local_addr()?;
    eprintln!("casus: serving on http://{bound}/ (Ctrl-C to stop)");
    axum::serve(listener, router(state))
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_codes_in_requests_are_checked() {
        assert_eq!(
            parse_date(Some("2024-06-14")).unwrap(),
            Date::parse("2024-06-14")
        );
        assert_eq!(parse_date(Some("  ")).unwrap(), None);
        assert!(parse_date(Some("14/06/2024")).is_err());
        let p = FilterParams {
            source: Some("rus".into()),
            target: Some("IGOWSTNAT".into()),
            ..Default::default()
        };
        let f = p.filter().unwrap();
        assert_eq!(f.source.as_deref(), Some("RUS"));
        assert!(f.both_directions && !f.all_modalities);
        let bad = FilterParams {
            code: Some("19%".into()),
            ..Default::default()
        };
        assert!(bad.filter().is_err());
        assert_eq!(
            FilterParams {
                limit: Some(1_000_000),
                ..Default::default()
            }
            .limit(),
            5000
        );
    }
}
