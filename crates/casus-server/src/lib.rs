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
use axum::extract::{DefaultBodyLimit, Query, Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode, Uri};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use casus_core::{CodeOptions, Date, Document, Pipeline};
use casus_store::query::{Bucket, Filter, PlaceFilter};
use casus_store::{Incoming, Store};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

pub mod net;

/// Largest request body accepted (an article, or an HTML page).
pub const MAX_BODY: usize = 2 << 20;
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);
/// Read connections: at most this many reads run at once, each on a
/// connection kept open for reuse. Further reads wait for a turn rather
/// than open connections of their own: opening one costs more than a
/// typical query, and more reads at once than this only share the cores.
const READ_CONNECTIONS: usize = 8;

const INDEX_HTML: &str = include_str!("../assets/index.html");
const APP_JS: &str = include_str!("../assets/app.js");
const APP_CSS: &str = include_str!("../assets/app.css");
/// Country outlines for the map: world-atlas 2.0.2 (Natural Earth, ISC),
/// converted by tools/gazetteer/convert.py.
const WORLD_JSON: &str = include_str!("../assets/world.json");

/// Where reads come from. A file database gets its own read-only
/// connections (WAL lets them read while a write is in flight); an
/// in-memory database exists only in its one connection, so reads share
/// the writer.
enum Readers {
    Pool {
        path: PathBuf,
        idle: Mutex<Vec<Store>>,
        turns: Arc<tokio::sync::Semaphore>,
    },
    Writer,
}

#[derive(Clone)]
pub struct AppState {
    pipeline: &'static Pipeline,
    /// `None` in read-only mode.
    writer: Option<Arc<Mutex<Store>>>,
    readers: Arc<Readers>,
    token: Option<Arc<str>>,
    /// Set for loopback binds: only `localhost`, `127.0.0.1` and `[::1]`
    /// with this port are accepted as Host (against DNS rebinding).
    loopback_port: Option<u16>,
}

/// Takes the lock even after a panic elsewhere held it: the store itself is
/// consistent then, because SQLite rolled back the unfinished transaction
/// when the panicking thread dropped it.
fn lock(store: &Mutex<Store>) -> MutexGuard<'_, Store> {
    store
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

impl AppState {
    /// Serves an existing database for reading and writing.
    pub fn new(
        pipeline: &'static Pipeline,
        db: PathBuf,
    ) -> Result<AppState, casus_store::StoreError> {
        let writer = Store::open_existing(&db)?;
        AppState::on_file(pipeline, Some(writer), db)
    }

    /// Serves an existing database for reading only: state-changing
    /// endpoints answer 403.
    pub fn read_only(
        pipeline: &'static Pipeline,
        db: PathBuf,
    ) -> Result<AppState, casus_store::StoreError> {
        AppState::on_file(pipeline, None, db)
    }

    /// A state over a database file: the writer, if any, and a read pool.
    fn on_file(
        pipeline: &'static Pipeline,
        writer: Option<Store>,
        db: PathBuf,
    ) -> Result<AppState, casus_store::StoreError> {
        // the first reader proves the database can be read before serving
        let first = Store::open_read_only(&db)?;
        Ok(AppState {
            pipeline,
            writer: writer.map(|w| Arc::new(Mutex::new(w))),
            readers: Arc::new(Readers::Pool {
                path: db,
                idle: Mutex::new(vec![first]),
                turns: Arc::new(tokio::sync::Semaphore::new(READ_CONNECTIONS)),
            }),
            token: None,
            loopback_port: None,
        })
    }

    pub fn in_memory(pipeline: &'static Pipeline) -> Result<AppState, casus_store::StoreError> {
        Ok(AppState {
            pipeline,
            writer: Some(Arc::new(Mutex::new(Store::open_in_memory()?))),
            readers: Arc::new(Readers::Writer),
            token: None,
            loopback_port: None,
        })
    }

    /// Requires this token on every API request (header
    /// `Authorization: Bearer <token>`).
    pub fn with_token(mut self, token: Option<String>) -> AppState {
        self.token = token.filter(|t| !t.is_empty()).map(Into::into);
        self
    }

    /// Accepts only loopback Host headers with this port.
    pub fn with_loopback_port(mut self, port: u16) -> AppState {
        self.loopback_port = Some(port);
        self
    }

    pub fn is_read_only(&self) -> bool {
        self.writer.is_none()
    }

    pub fn has_token(&self) -> bool {
        self.token.is_some()
    }

    /// Runs a read off the async threads on a read connection. A panic in
    /// the job loses only that connection (it is not returned to the pool).
    async fn read<T: Send + 'static>(
        &self,
        job: impl FnOnce(&Store) -> Result<T, ApiError> + Send + 'static,
    ) -> Result<T, ApiError> {
        let turn = match &*self.readers {
            Readers::Pool { turns, .. } => Some(
                Arc::clone(turns)
                    .acquire_owned()
                    .await
                    .map_err(|_| ApiError::internal("the read pool is closed"))?,
            ),
            Readers::Writer => None,
        };
        let state = self.clone();
        blocking(move || match &*state.readers {
            Readers::Writer => {
                let writer = state
                    .writer
                    .as_ref()
                    .expect("in-memory stores have a writer");
                job(&lock(writer))
            }
            Readers::Pool { path, idle, .. } => {
                let _turn = turn;
                let taken = idle.lock().unwrap_or_else(|p| p.into_inner()).pop();
                let store = match taken {
                    Some(s) => s,
                    None => Store::open_read_only(path)?,
                };
                let result = job(&store);
                let mut idle = idle.lock().unwrap_or_else(|p| p.into_inner());
                if idle.len() < READ_CONNECTIONS {
                    idle.push(store);
                }
                result
            }
        })
        .await
    }

    /// Runs a write off the async threads, holding the write lock only
    /// for the job itself.
    async fn write<T: Send + 'static>(
        &self,
        job: impl FnOnce(&mut Store) -> Result<T, ApiError> + Send + 'static,
    ) -> Result<T, ApiError> {
        let Some(writer) = self.writer.clone() else {
            return Err(read_only_error());
        };
        blocking(move || job(&mut lock(&writer))).await
    }
}

fn read_only_error() -> ApiError {
    ApiError::new(
        StatusCode::FORBIDDEN,
        "the server is read-only (started with --read-only or on a read-only database)",
    )
}

/// Runs CPU or database work on the blocking pool so that the async
/// workers keep answering (health, other clients) meanwhile. A panic in
/// the job becomes a generic 500; its text goes to the log only.
async fn blocking<T: Send + 'static>(
    job: impl FnOnce() -> Result<T, ApiError> + Send + 'static,
) -> Result<T, ApiError> {
    tokio::task::spawn_blocking(job)
        .await
        .map_err(|e| ApiError::internal(format!("worker failed: {e}")))?
}

/// An error answered as `{"error": "..."}` with a status code.
#[derive(Debug)]
pub struct ApiError {
    status: StatusCode,
    message: String,
    retry_after: Option<u64>,
}

impl ApiError {
    fn new(status: StatusCode, message: impl Into<String>) -> ApiError {
        ApiError {
            status,
            message: message.into(),
            retry_after: None,
        }
    }

    fn bad_request(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::BAD_REQUEST, message)
    }

    /// Internal details go to the log (stderr), never to the client.
    fn internal(detail: impl Into<String>) -> ApiError {
        eprintln!("casus: internal error: {}", detail.into());
        ApiError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal error (details are in the server log)",
        )
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut res = (
            self.status,
            Json(serde_json::json!({ "error": self.message, "status": self.status.as_u16() })),
        )
            .into_response();
        if let Some(secs) = self.retry_after {
            res.headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(secs));
        }
        res
    }
}

impl From<casus_store::StoreError> for ApiError {
    fn from(e: casus_store::StoreError) -> ApiError {
        use rusqlite::ErrorCode;
        if let casus_store::StoreError::Sqlite(rusqlite::Error::SqliteFailure(f, _)) = &e {
            if matches!(f.code, ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) {
                // another writer (a CLI ingest) held the database for the
                // whole busy timeout: the client may simply try again
                eprintln!("casus: database busy: {e}");
                let mut err = ApiError::new(
                    StatusCode::SERVICE_UNAVAILABLE,
                    "the database is busy with another writer; try again shortly",
                );
                err.retry_after = Some(2);
                return err;
            }
            if f.code == ErrorCode::ReadOnly {
                return read_only_error();
            }
        }
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
        .route(
            "/assets/world.json",
            get(|| async { ([(header::CONTENT_TYPE, "application/json")], WORLD_JSON) }),
        )
        .route("/api/health", get(health))
        .route("/api/code", post(code))
        .route("/api/ingest", post(ingest))
        .route("/api/events", get(events))
        .route("/api/dyad", get(dyad))
        .route("/api/network", get(network))
        .route("/api/places", get(places))
        .route("/api/place_events", get(place_events))
        .fallback(not_found)
        .layer(DefaultBodyLimit::max(MAX_BODY))
        .layer(tower_http::timeout::TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            REQUEST_TIMEOUT,
        ))
        .layer(axum::middleware::from_fn_with_state(state.clone(), guard))
        .layer(axum::middleware::from_fn(security_headers))
        .with_state(state)
}

/// The page uses only its own script and style files, so the policy needs
/// no `unsafe-inline`; `connect-src 'self'` keeps a stray script from
/// sending the store elsewhere.
const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'none'; base-uri 'none'; frame-ancestors 'none'";

async fn security_headers(req: Request, next: Next) -> Response {
    let mut res = next.run(req).await;
    let h = res.headers_mut();
    for (name, value) in [
        (header::CONTENT_SECURITY_POLICY, CSP),
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::X_FRAME_OPTIONS, "DENY"),
        (header::REFERRER_POLICY, "no-referrer"),
        (header::CACHE_CONTROL, "no-store"),
    ] {
        h.insert(name, HeaderValue::from_static(value));
    }
    res
}

/// The host part of a Host header or of an Origin's authority, lowercased,
/// with its port.
fn host_and_port(authority: &str) -> (String, Option<u16>) {
    let a = authority.trim().to_ascii_lowercase();
    let (host, port) = if let Some(rest) = a.strip_prefix('[') {
        match rest.split_once(']') {
            Some((h, p)) => (format!("[{h}]"), p.strip_prefix(':')),
            None => (a.clone(), None),
        }
    } else {
        match a.rsplit_once(':') {
            Some((h, p)) => (h.to_string(), Some(p)),
            None => (a.clone(), None),
        }
    };
    (host, port.and_then(|p| p.parse().ok()))
}

fn forbidden(message: &str) -> Response {
    ApiError::new(StatusCode::FORBIDDEN, message).into_response()
}

/// Request checks before any handler runs:
/// - Host: on a loopback bind only loopback names with our port (a page on
///   another site that rebinds its DNS name to 127.0.0.1 sends its own name).
/// - Token: when set, every API request carries it.
/// - State-changing requests (anything but GET/HEAD): an Origin, if sent,
///   must be this server, and the body must be `application/json`, which a
///   page elsewhere cannot send without a CORS preflight we never grant.
async fn guard(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let headers = req.headers();
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .or_else(|| req.uri().authority().map(|a| a.as_str()))
        .map(str::to_string);
    if let Some(port) = state.loopback_port {
        let ok = host.as_deref().is_some_and(|h| {
            let (name, p) = host_and_port(h);
            matches!(name.as_str(), "localhost" | "127.0.0.1" | "[::1]") && p == Some(port)
        });
        if !ok {
            return forbidden("this server answers only to localhost, 127.0.0.1 or [::1] with its port in the Host header");
        }
    }
    let path = req.uri().path();
    if let Some(token) = &state.token {
        if path.starts_with("/api/") && !token_ok(headers, token) {
            return ApiError::new(
                StatusCode::UNAUTHORIZED,
                "this server needs its token: open the page as http://HOST:PORT/#token=TOKEN, or send `Authorization: Bearer TOKEN`",
            )
            .into_response();
        }
    }
    if req.method() != Method::GET && req.method() != Method::HEAD {
        if let Some(origin) = headers.get(header::ORIGIN) {
            let same = match (origin.to_str().ok(), host.as_deref()) {
                (Some(o), Some(h)) => {
                    let authority = o
                        .strip_prefix("http://")
                        .or_else(|| o.strip_prefix("https://"));
                    authority.is_some_and(|a| host_and_port(a) == host_and_port(h))
                }
                _ => false,
            };
            if !same {
                return forbidden("cross-origin requests are refused");
            }
        }
        let json = headers
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.split(';').next())
            .is_some_and(|v| v.trim().eq_ignore_ascii_case("application/json"));
        if !json && path.starts_with("/api/") {
            return ApiError::new(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "send the body as Content-Type: application/json",
            )
            .into_response();
        }
    }
    next.run(req).await
}

/// Compares in constant time for equal lengths, so the token cannot be
/// guessed byte by byte from answer times.
fn token_ok(headers: &HeaderMap, token: &str) -> bool {
    let given = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .unwrap_or("");
    given.len() == token.len()
        && given
            .bytes()
            .zip(token.bytes())
            .fold(0u8, |acc, (a, b)| acc | (a ^ b))
            == 0
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
    let read_only = state.is_read_only();
    let (documents, _, events, clusters) = state.read(|store| Ok(store.counts()?)).await?;
    Ok(Json(
        serde_json::json!({ "ok": true, "dictionary_version": version, "documents": documents, "events": events, "event_clusters": clusters, "read_only": read_only }),
    ))
}

#[derive(Deserialize)]
struct CodeRequest {
    text: Option<String>,
    /// An HTML page instead of text: its main text is extracted first.
    html: Option<String>,
    date: Option<String>,
    /// Also code single-actor events, with a null target (`--monadic`).
    #[serde(default)]
    monadic: bool,
}

#[derive(Serialize)]
struct CodeResponse {
    text: String,
    date: Option<Date>,
    /// An HTML page's own title, when one was posted.
    title: Option<String>,
    sentences: Vec<[usize; 2]>,
    events: Vec<casus_core::Event>,
}

async fn code(
    State(state): State<AppState>,
    body: Result<Bytes, BytesRejection>,
) -> Result<Json<CodeResponse>, ApiError> {
    let req: CodeRequest = json_body(body)?;
    let date = parse_date(req.date.as_deref())?;
    let pipeline = state.pipeline;
    let response = blocking(move || {
        let mut date = date;
        let mut title = None;
        let text = match (req.text, req.html) {
            (Some(text), None) => text,
            (None, Some(html)) => {
                let web = casus_sources::extract_html(&html, None)
                    .map_err(|e| ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, e.to_string()))?;
                date = date.or(web.date);
                title = web.title.clone();
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
        let doc = Document::new("posted", text.clone(), date);
        let options = CodeOptions {
            monadic: req.monadic,
            ..CodeOptions::default()
        };
        let coded = pipeline.code_full_with(&doc, options);
        Ok(CodeResponse {
            text,
            date,
            title,
            sentences: coded.sentences,
            events: coded.events,
        })
    })
    .await?;
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
    /// Also code single-actor events, with a null target (`--monadic`).
    #[serde(default)]
    monadic: bool,
}

async fn ingest(
    State(state): State<AppState>,
    body: Result<Bytes, BytesRejection>,
) -> Result<Json<serde_json::Value>, ApiError> {
    if state.is_read_only() {
        return Err(read_only_error());
    }
    let req: IngestRequest = json_body(body)?;
    let date = parse_date(req.date.as_deref())?;
    let pipeline = state.pipeline;
    // extraction and coding run before the write lock is taken: other
    // writers wait only for the insert itself
    let (doc, coded) = blocking(move || {
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
        if let Err(reason) = casus_sources::lang::language(&doc.text)
            .admits(casus_sources::lang::DEFAULT_MIN_CONFIDENCE)
        {
            return Err(ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, reason));
        }
        doc.id = req
            .id
            .or(req.url)
            .unwrap_or_else(|| format!("posted-{}", &casus_store::document_key(&doc)[..12]));
        let options = CodeOptions {
            monadic: req.monadic,
            ..CodeOptions::default()
        };
        let coded = pipeline.code_full_with(&doc, options);
        Ok((doc, coded))
    })
    .await?;
    let report = state
        .write(move |store| {
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
    /// Map filters: an actor on either side, one modality, the place.
    actor: Option<String>,
    modality: Option<String>,
    country: Option<String>,
    place: Option<String>,
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

    fn place_filter(&self) -> Result<PlaceFilter, ApiError> {
        let filter = self.filter()?;
        let code = |c: &Option<String>, what: &str| -> Result<Option<String>, ApiError> {
            match c.as_deref().map(str::trim) {
                None | Some("") => Ok(None),
                Some(c) if c.len() <= 12 && c.chars().all(|ch| ch.is_ascii_alphanumeric()) => {
                    Ok(Some(c.to_uppercase()))
                }
                Some(c) => Err(ApiError::bad_request(format!("`{c}` is not a {what}"))),
            }
        };
        let modality = match self.modality.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(m) => Some(
                casus_core::Modality::parse(m)
                    .ok_or_else(|| {
                        ApiError::bad_request(format!(
                            "`{m}` is not a modality (asserted, negated, hypothetical, future)"
                        ))
                    })?
                    .as_str()
                    .to_string(),
            ),
        };
        let place = self
            .place
            .as_deref()
            .map(str::trim)
            .filter(|p| !p.is_empty());
        if place.is_some_and(|p| p.len() > 200) {
            return Err(ApiError::bad_request("`place` is longer than 200 bytes"));
        }
        Ok(PlaceFilter {
            filter,
            actor: code(&self.actor, "CAMEO actor code")?,
            modality,
            country: code(&self.country, "country code")?,
            place: place.map(str::to_string),
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
) -> Result<Response, ApiError> {
    let p = params(query)?;
    let (filter, limit) = (p.filter()?, p.limit());
    let rows = state
        .read(move |store| Ok(store.events(&filter, limit)?))
        .await?;
    // Serialised straight from the rows: a `json!` value in between would
    // copy every field of every row once more.
    #[derive(Serialize)]
    struct Events {
        events: Vec<casus_store::query::EventRow>,
    }
    Ok(Json(Events { events: rows }).into_response())
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
        .read(move |store| Ok(store.dyad_series(&filter, bucket)?))
        .await?;
    Ok(Json(serde_json::json!({ "series": rows })))
}

#[derive(Serialize)]
struct Edge {
    source: String,
    target: String,
    events: i64,
    /// Mean Goldstein of the edge's events, on the -10..+10 scale.
    goldstein_mean: f64,
    goldstein_sum: f64,
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
        .read(move |store| Ok(store.network(&filter, limit)?))
        .await?
        .into_iter()
        .map(|e| Edge {
            source: e.source,
            target: e.target,
            events: e.events,
            goldstein_mean: if e.events > 0 {
                e.goldstein_sum / e.events as f64
            } else {
                0.0
            },
            goldstein_sum: e.goldstein_sum,
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

/// The map: per country of the events' places, deduplicated events and mean
/// Goldstein, and the places below country level as points.
async fn places(
    State(state): State<AppState>,
    query: Result<Query<FilterParams>, axum::extract::rejection::QueryRejection>,
) -> Result<Json<serde_json::Value>, ApiError> {
    let p = params(query)?;
    let (pf, limit) = (p.place_filter()?, p.limit().min(2000));
    let (countries, points) = state
        .read(move |store| Ok((store.place_countries(&pf)?, store.place_points(&pf, limit)?)))
        .await?;
    Ok(Json(
        serde_json::json!({ "countries": countries, "points": points }),
    ))
}

/// The reports behind a country (`country`) or a point (`country` and
/// `place`) of the map.
async fn place_events(
    State(state): State<AppState>,
    query: Result<Query<FilterParams>, axum::extract::rejection::QueryRejection>,
) -> Result<Json<serde_json::Value>, ApiError> {
    let p = params(query)?;
    let (pf, limit) = (p.place_filter()?, p.limit());
    if pf.country.is_none() {
        return Err(ApiError::bad_request("give the `country` of the place"));
    }
    let rows = state
        .read(move |store| Ok(store.place_events(&pf, limit)?))
        .await?;
    Ok(Json(serde_json::json!({ "events": rows })))
}

/// After Ctrl-C, requests in flight get this long to finish.
pub const SHUTDOWN_GRACE: Duration = Duration::from_secs(5);

/// Serves until Ctrl-C. `addr` may use port 0; the bound address is
/// printed so that callers (and tests) can find the server. A bind beyond
/// loopback needs a token; a loopback bind checks the Host header.
pub async fn serve(state: AppState, addr: &str) -> std::io::Result<()> {
    let listener = tokio::net::TcpListener::bind(addr).await?;
    let bound = listener.local_addr()?;
    let state = if bound.ip().is_loopback() {
        state.with_loopback_port(bound.port())
    } else if state.has_token() {
        state
    } else {
        return Err(std::io::Error::new(
            std::io::ErrorKind::PermissionDenied,
            format!("{bound} is reachable from other machines: give a token with --token or CASUS_TOKEN, or bind 127.0.0.1"),
        ));
    };
    let mode = if state.is_read_only() {
        " read-only"
    } else {
        ""
    };
    let token_hint = if state.has_token() {
        " (open it as http://HOST:PORT/#token=TOKEN)"
    } else {
        ""
    };
    eprintln!("casus: serving{mode} on http://{bound}/{token_hint} (Ctrl-C to stop)");
    let listener = net::LimitedListener::new(listener, net::MAX_CONNECTIONS, net::IDLE_TIMEOUT);
    let (stop_tx, stop_rx) = tokio::sync::watch::channel(false);
    let server = axum::serve(listener, router(state)).with_graceful_shutdown({
        let mut rx = stop_rx.clone();
        async move {
            let _ = rx.wait_for(|s| *s).await;
        }
    });
    let signal = async move {
        let _ = tokio::signal::ctrl_c().await;
        eprintln!(
            "casus: stopping; requests in flight get {} s",
            SHUTDOWN_GRACE.as_secs()
        );
        let _ = stop_tx.send(true);
        tokio::time::sleep(SHUTDOWN_GRACE).await;
    };
    tokio::select! {
        r = server => r,
        () = signal => Ok(()),
    }
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

    #[test]
    fn a_panic_while_the_store_is_held_does_not_break_later_requests() {
        static P: std::sync::OnceLock<Pipeline> = std::sync::OnceLock::new();
        let pipeline = P.get_or_init(|| Pipeline::builtin().unwrap());
        let state = AppState::in_memory(pipeline).unwrap();
        let writer = state.writer.clone().unwrap();
        let _ = std::thread::spawn(move || {
            let _guard = writer.lock().unwrap();
            panic!("a handler bug while holding the store");
        })
        .join();
        assert!(state.writer.as_ref().unwrap().is_poisoned());
        let rt = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap();
        let counts = rt.block_on(state.read(|s| Ok(s.counts()?))).unwrap();
        assert_eq!(counts.0, 0);
        // a panic inside a job is a generic 500, and the next job works
        let err = rt
            .block_on(state.read(|_| -> Result<(), ApiError> { panic!("secret detail") }))
            .unwrap_err();
        assert_eq!(err.status, StatusCode::INTERNAL_SERVER_ERROR);
        assert!(!err.message.contains("secret"), "{}", err.message);
        assert!(rt.block_on(state.read(|s| Ok(s.counts()?))).is_ok());
    }

    #[test]
    fn a_busy_database_is_a_503_with_retry_after() {
        let busy = casus_store::StoreError::Sqlite(rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_BUSY),
            Some("database is locked".into()),
        ));
        let e = ApiError::from(busy);
        assert_eq!(e.status, StatusCode::SERVICE_UNAVAILABLE);
        let res = e.into_response();
        assert_eq!(res.headers()[header::RETRY_AFTER], "2");
        let other = ApiError::from(casus_store::StoreError::Export(
            "boom at /secret/path".into(),
        ));
        assert_eq!(other.status, StatusCode::INTERNAL_SERVER_ERROR);
        assert!(!other.message.contains("secret"));
    }

    #[test]
    fn hosts_and_origins_compare_by_name_and_port() {
        assert_eq!(
            host_and_port("LocalHost:80"),
            ("localhost".into(), Some(80))
        );
        assert_eq!(host_and_port("[::1]:8080"), ("[::1]".into(), Some(8080)));
        assert_eq!(host_and_port("example.org"), ("example.org".into(), None));
    }
}
