//! API tests: every endpoint, good and bad requests, on an empty and on a
//! filled database, through the router without a network.

use axum::body::Body;
use axum::http::{Request, StatusCode};
use casus_core::Pipeline;
use casus_server::{router, AppState, MAX_BODY};
use http_body_util::BodyExt;
use serde_json::{json, Value};
use std::sync::OnceLock;
use tower::ServiceExt;

fn pipeline() -> &'static Pipeline {
    static P: OnceLock<Pipeline> = OnceLock::new();
    P.get_or_init(|| Pipeline::builtin().unwrap())
}

async fn call(
    state: &AppState,
    method: &str,
    uri: &str,
    body: Option<Vec<u8>>,
) -> (StatusCode, Value, String) {
    let req = Request::builder()
        .method(method)
        .uri(uri)
        .header("content-type", "application/json")
        .body(body.map(Body::from).unwrap_or_else(Body::empty))
        .unwrap();
    let res = router(state.clone()).oneshot(req).await.unwrap();
    let status = res.status();
    let content_type = res
        .headers()
        .get("content-type")
        .map(|v| v.to_str().unwrap().to_string())
        .unwrap_or_default();
    let bytes = res.into_body().collect().await.unwrap().to_bytes();
    let json = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
    (status, json, content_type)
}

fn post(v: Value) -> Option<Vec<u8>> {
    Some(v.to_string().into_bytes())
}

const ARTICLE: &str = "Kenya condemned Uganda on Monday. Kenya could impose sanctions on Rwanda if talks fail, analysts said.";

#[tokio::test]
async fn the_page_and_its_assets_are_served_and_nothing_else() {
    let state = AppState::in_memory(pipeline()).unwrap();
    for (path, kind) in [
        ("/", "text/html"),
        ("/assets/app.js", "text/javascript"),
        ("/assets/app.css", "text/css"),
    ] {
        let (status, _, ct) = call(&state, "GET", path, None).await;
        assert_eq!(status, StatusCode::OK, "{path}");
        assert!(ct.starts_with(kind), "{path}: {ct}");
    }
    for path in [
        "/etc/passwd",
        "/assets/../Cargo.toml",
        "/assets/app.js.map",
        "/api/nothing",
    ] {
        let (status, body, ct) = call(&state, "GET", path, None).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{path}");
        assert!(ct.starts_with("application/json"));
        assert!(body["error"].as_str().unwrap().contains("no such resource"));
    }
}

#[tokio::test]
async fn code_returns_events_with_evidence_and_modality() {
    let state = AppState::in_memory(pipeline()).unwrap();
    let (status, body, _) = call(
        &state,
        "POST",
        "/api/code",
        post(json!({"text": ARTICLE, "date": "2024-06-14"})),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let events = body["events"].as_array().unwrap();
    let find = |code: &str| events.iter().find(|e| e["code"] == code).unwrap();
    assert_eq!(find("111")["modality"], "asserted");
    assert_eq!(find("111")["date"], "2024-06-10");
    let sanction = find("163");
    assert_eq!(sanction["modality"], "hypothetical");
    assert_eq!(sanction["attribution"], "anonymous: analysts");
    let span = sanction["evidence"]["target"].as_array().unwrap();
    assert_eq!(
        &ARTICLE[span[0].as_u64().unwrap() as usize..span[1].as_u64().unwrap() as usize],
        "Rwanda"
    );
    assert!(!sanction["evidence"]["cue_spans"]
        .as_array()
        .unwrap()
        .is_empty());
    assert_eq!(body["sentences"].as_array().unwrap().len(), 2);
    // an HTML page is coded from its main text and its own date
    let html = "<html><head><meta name=\"date\" content=\"2024-03-12\"></head><body><nav>Menu</nav><article><p>Peru accused Chile of spying on Tuesday.</p></article></body></html>";
    let (status, body, _) = call(&state, "POST", "/api/code", post(json!({ "html": html }))).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["text"], "Peru accused Chile of spying on Tuesday.");
    assert_eq!(body["events"][0]["code"], "1125");
    assert_eq!(body["events"][0]["date"], "2024-03-12");
}

#[tokio::test]
async fn bad_requests_get_json_errors_with_status_codes() {
    let state = AppState::in_memory(pipeline()).unwrap();
    // (method, uri, body, expected status, words of the error message)
    type Case<'a> = (&'a str, &'a str, Option<Vec<u8>>, StatusCode, &'a str);
    let cases: Vec<Case> = vec![
        (
            "POST",
            "/api/code",
            Some(b"{not json".to_vec()),
            StatusCode::BAD_REQUEST,
            "malformed JSON",
        ),
        (
            "POST",
            "/api/code",
            post(json!({"date": "2024-01-01"})),
            StatusCode::BAD_REQUEST,
            "exactly one of `text` or `html`",
        ),
        (
            "POST",
            "/api/code",
            post(json!({"text": "   "})),
            StatusCode::BAD_REQUEST,
            "empty",
        ),
        (
            "POST",
            "/api/code",
            post(json!({"text": "Kenya met Uganda.", "date": "yesterday"})),
            StatusCode::BAD_REQUEST,
            "not a date",
        ),
        (
            "POST",
            "/api/code",
            Some(vec![b'a'; MAX_BODY + 1]),
            StatusCode::PAYLOAD_TOO_LARGE,
            "larger than",
        ),
        (
            "POST",
            "/api/ingest",
            post(json!({"text": "a", "html": "<p>b</p>"})),
            StatusCode::BAD_REQUEST,
            "exactly one",
        ),
        (
            "POST",
            "/api/ingest",
            post(json!({"html": "<html><body><nav>menu</nav></body></html>"})),
            StatusCode::UNPROCESSABLE_ENTITY,
            "no text",
        ),
        (
            "POST",
            "/api/ingest",
            post(
                json!({"text": "El gobierno de España anunció el lunes nuevas medidas económicas para reducir la inflación en todo el país."}),
            ),
            StatusCode::UNPROCESSABLE_ENTITY,
            "not English",
        ),
        (
            "GET",
            "/api/dyad?source=RUS",
            None,
            StatusCode::BAD_REQUEST,
            "needs `source` and `target`",
        ),
        (
            "GET",
            "/api/dyad?source=RUS&target=UKR&by=year",
            None,
            StatusCode::BAD_REQUEST,
            "day, week or month",
        ),
        (
            "GET",
            "/api/events?since=not-a-date",
            None,
            StatusCode::BAD_REQUEST,
            "not a date",
        ),
        (
            "GET",
            "/api/events?source=R%25S'--",
            None,
            StatusCode::BAD_REQUEST,
            "not a CAMEO actor code",
        ),
        (
            "GET",
            "/api/events?limit=lots",
            None,
            StatusCode::BAD_REQUEST,
            "bad query string",
        ),
        (
            "GET",
            "/api/network?quad_class=9",
            None,
            StatusCode::BAD_REQUEST,
            "1 to 4",
        ),
        (
            "DELETE",
            "/api/events",
            None,
            StatusCode::METHOD_NOT_ALLOWED,
            "",
        ),
    ];
    for (method, uri, body, expected, message) in cases {
        let (status, json, _) = call(&state, method, uri, body).await;
        assert_eq!(status, expected, "{method} {uri}: {json}");
        if !message.is_empty() {
            assert!(
                json["error"].as_str().unwrap_or("").contains(message),
                "{method} {uri}: {json}"
            );
        }
    }
}

#[tokio::test]
async fn an_empty_database_answers_with_empty_results() {
    let state = AppState::in_memory(pipeline()).unwrap();
    let (s, health, _) = call(&state, "GET", "/api/health", None).await;
    assert_eq!((s, health["documents"].as_u64()), (StatusCode::OK, Some(0)));
    let (s, events, _) = call(&state, "GET", "/api/events", None).await;
    assert_eq!(
        (s, events["events"].as_array().unwrap().len()),
        (StatusCode::OK, 0)
    );
    let (s, series, _) = call(&state, "GET", "/api/dyad?source=RUS&target=UKR", None).await;
    assert_eq!(
        (s, series["series"].as_array().unwrap().len()),
        (StatusCode::OK, 0)
    );
    let (s, net, _) = call(&state, "GET", "/api/network", None).await;
    assert_eq!(s, StatusCode::OK);
    assert!(
        net["nodes"].as_array().unwrap().is_empty() && net["edges"].as_array().unwrap().is_empty()
    );
}

#[tokio::test]
async fn ingested_documents_feed_events_series_and_network() {
    let state = AppState::in_memory(pipeline()).unwrap();
    let (s, r, _) = call(
        &state,
        "POST",
        "/api/ingest",
        post(json!({"text": ARTICLE, "date": "2024-06-14", "url": "https://news.example/1"})),
    )
    .await;
    assert_eq!(s, StatusCode::OK, "{r}");
    assert_eq!(r["stored"], true);
    let html = "<html><head><meta property=\"article:published_time\" content=\"2024-06-15T08:00:00Z\"></head><body><article><p>Kenya condemned Uganda again on Saturday, officials in Nairobi said.</p></article></body></html>";
    let (s, r, _) = call(
        &state,
        "POST",
        "/api/ingest",
        post(json!({"html": html, "url": "https://news.example/2"})),
    )
    .await;
    assert_eq!(s, StatusCode::OK, "{r}");
    // storing the same document again changes nothing
    let (_, again, _) = call(
        &state,
        "POST",
        "/api/ingest",
        post(json!({"text": ARTICLE, "date": "2024-06-14", "url": "https://news.example/1"})),
    )
    .await;
    assert_eq!(
        (again["stored"].as_bool(), again["already_stored"].as_bool()),
        (Some(false), Some(true))
    );
    let (_, events, _) = call(
        &state,
        "GET",
        "/api/events?source=KEN&target=UGA&directed=true",
        None,
    )
    .await;
    let events = events["events"].as_array().unwrap();
    assert_eq!(events.len(), 2);
    assert!(events[0]["sentence"]
        .as_str()
        .unwrap()
        .contains("condemned"));
    let (_, series, _) = call(
        &state,
        "GET",
        "/api/dyad?source=KEN&target=UGA&by=day",
        None,
    )
    .await;
    let series = series["series"].as_array().unwrap();
    // 2024-06-10 and 2024-06-15, with the four days between as zeros
    assert_eq!(series.len(), 6, "{series:?}");
    assert_eq!(series[0]["verbal_conflict"], 1);
    assert_eq!(series[5]["verbal_conflict"], 1);
    assert!(series[1..5].iter().all(|d| d["events"] == 0), "{series:?}");
    assert_eq!(series[1]["period"], "2024-06-11");
    // the hypothetical sanction is left out unless asked for
    let (_, net, _) = call(&state, "GET", "/api/network", None).await;
    assert!(net["edges"]
        .as_array()
        .unwrap()
        .iter()
        .all(|e| e["target"] != "RWA"));
    let (_, net, _) = call(&state, "GET", "/api/network?all_modalities=true", None).await;
    let edge = net["edges"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["target"] == "RWA")
        .unwrap()
        .clone();
    assert_eq!(edge["quad_class"], 4);
    assert!(net["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .any(|n| n["id"] == "KEN"));
}

/// Sends a request with the given extra headers (no content type unless
/// given).
async fn call_with(
    state: &AppState,
    method: &str,
    uri: &str,
    headers: &[(&str, &str)],
    body: Option<Value>,
) -> (StatusCode, Value, axum::http::HeaderMap) {
    let mut req = Request::builder().method(method).uri(uri);
    for (k, v) in headers {
        req = req.header(*k, *v);
    }
    let req = req
        .body(
            body.map(|b| Body::from(b.to_string()))
                .unwrap_or_else(Body::empty),
        )
        .unwrap();
    let res = router(state.clone()).oneshot(req).await.unwrap();
    let status = res.status();
    let headers = res.headers().clone();
    let bytes = res.into_body().collect().await.unwrap().to_bytes();
    (
        status,
        serde_json::from_slice(&bytes).unwrap_or(Value::Null),
        headers,
    )
}

const JSON: (&str, &str) = ("content-type", "application/json");

#[tokio::test]
async fn foreign_origins_and_non_json_bodies_cannot_change_the_store() {
    let state = AppState::in_memory(pipeline()).unwrap();
    let doc = json!({"text": ARTICLE, "date": "2024-06-14"});
    // a page elsewhere posting a JSON body (after a preflight we never grant)
    let (s, body, _) = call_with(
        &state,
        "POST",
        "/api/ingest",
        &[
            JSON,
            ("host", "127.0.0.1:8080"),
            ("origin", "https://evil.example"),
        ],
        Some(doc.clone()),
    )
    .await;
    assert_eq!(s, StatusCode::FORBIDDEN, "{body}");
    // a form or `fetch(no-cors)` can send only text/plain and friends
    let (s, body, _) = call_with(
        &state,
        "POST",
        "/api/ingest",
        &[("content-type", "text/plain"), ("host", "127.0.0.1:8080")],
        Some(doc.clone()),
    )
    .await;
    assert_eq!(s, StatusCode::UNSUPPORTED_MEDIA_TYPE, "{body}");
    assert!(body["error"].as_str().unwrap().contains("application/json"));
    let (_, health, _) = call_with(&state, "GET", "/api/health", &[], None).await;
    assert_eq!(health["documents"], 0, "nothing was stored");
    // the page itself (same origin, JSON) may
    let (s, body, _) = call_with(
        &state,
        "POST",
        "/api/ingest",
        &[
            JSON,
            ("host", "127.0.0.1:8080"),
            ("origin", "http://127.0.0.1:8080"),
        ],
        Some(doc),
    )
    .await;
    assert_eq!(s, StatusCode::OK, "{body}");
    assert_eq!(body["stored"], true);
}

#[tokio::test]
async fn a_loopback_server_answers_only_to_loopback_host_names() {
    let state = AppState::in_memory(pipeline())
        .unwrap()
        .with_loopback_port(8080);
    for host in [
        "127.0.0.1:8080",
        "localhost:8080",
        "[::1]:8080",
        "LOCALHOST:8080",
    ] {
        let (s, _, _) = call_with(&state, "GET", "/api/health", &[("host", host)], None).await;
        assert_eq!(s, StatusCode::OK, "{host}");
    }
    // a rebinding attacker's own name, another port, no Host at all
    for host in [
        "evil.example:8080",
        "127.0.0.1:9999",
        "localhost",
        "127.0.0.1.evil.example:8080",
    ] {
        let (s, body, _) = call_with(&state, "GET", "/api/events", &[("host", host)], None).await;
        assert_eq!(s, StatusCode::FORBIDDEN, "{host}: {body}");
    }
    let (s, _, _) = call_with(&state, "GET", "/", &[], None).await;
    assert_eq!(s, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn a_token_is_required_on_the_api_when_set() {
    let state = AppState::in_memory(pipeline())
        .unwrap()
        .with_token(Some("s3cret-token".into()));
    let (s, body, _) = call_with(&state, "GET", "/api/health", &[], None).await;
    assert_eq!(s, StatusCode::UNAUTHORIZED, "{body}");
    assert!(body["error"].as_str().unwrap().contains("#token="));
    let (s, _, _) = call_with(
        &state,
        "GET",
        "/api/health",
        &[("authorization", "Bearer s3cret-tokem")],
        None,
    )
    .await;
    assert_eq!(s, StatusCode::UNAUTHORIZED);
    let (s, _, _) = call_with(
        &state,
        "GET",
        "/api/health",
        &[("authorization", "Bearer s3cret-token")],
        None,
    )
    .await;
    assert_eq!(s, StatusCode::OK);
    // the page and its assets hold no data and load without the token
    let (s, _, _) = call_with(&state, "GET", "/assets/app.js", &[], None).await;
    assert_eq!(s, StatusCode::OK);
}

#[tokio::test]
async fn every_response_carries_the_security_headers() {
    let state = AppState::in_memory(pipeline()).unwrap();
    for (method, uri) in [
        ("GET", "/"),
        ("GET", "/assets/app.js"),
        ("GET", "/api/health"),
        ("GET", "/nothing"),
        ("POST", "/api/code"),
    ] {
        let (_, _, h) = call_with(&state, method, uri, &[JSON], None).await;
        let get = |k: &str| h.get(k).map(|v| v.to_str().unwrap().to_string());
        let csp = get("content-security-policy").unwrap_or_default();
        assert!(csp.contains("frame-ancestors 'none'"), "{uri}: {csp}");
        assert!(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"));
        assert_eq!(get("x-content-type-options").as_deref(), Some("nosniff"));
        assert_eq!(get("x-frame-options").as_deref(), Some("DENY"));
        assert_eq!(get("referrer-policy").as_deref(), Some("no-referrer"));
    }
}

#[tokio::test]
async fn the_page_links_only_http_urls() {
    // the events table builds its links through safeUrl, which admits only
    // http(s): a stored `javascript:` URL stays plain text
    let state = AppState::in_memory(pipeline()).unwrap();
    let req = Request::builder()
        .uri("/assets/app.js")
        .body(Body::empty())
        .unwrap();
    let res = router(state).oneshot(req).await.unwrap();
    let js =
        String::from_utf8(res.into_body().collect().await.unwrap().to_bytes().to_vec()).unwrap();
    assert!(js.contains(r#"u.protocol === "http:" || u.protocol === "https:""#));
    assert!(
        !js.contains("href: e.url"),
        "a stored URL is linked unchecked"
    );
    assert!(
        !js.contains("innerHTML"),
        "stored text must go through textContent"
    );
}

#[tokio::test]
async fn a_read_only_database_is_served_and_refuses_writes() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("ro.db");
    {
        let state = AppState::in_memory(pipeline()).unwrap();
        drop(state);
        casus_store::Store::open(&db).unwrap();
    }
    let missing = AppState::new(pipeline(), dir.path().join("missing.db"));
    assert!(matches!(
        missing.err(),
        Some(casus_store::StoreError::NotFound(_))
    ));
    assert!(
        !dir.path().join("missing.db").exists(),
        "no database is created"
    );
    let state = AppState::read_only(pipeline(), db).unwrap();
    let (s, health, _) = call_with(&state, "GET", "/api/health", &[], None).await;
    assert_eq!(s, StatusCode::OK, "{health}");
    assert_eq!(health["read_only"], true);
    let (s, _, _) = call_with(&state, "GET", "/api/events", &[], None).await;
    assert_eq!(s, StatusCode::OK);
    let (s, body, _) = call_with(
        &state,
        "POST",
        "/api/ingest",
        &[JSON],
        Some(json!({"text": ARTICLE})),
    )
    .await;
    assert_eq!(s, StatusCode::FORBIDDEN, "{body}");
    assert!(body["error"].as_str().unwrap().contains("read-only"));
}

#[tokio::test]
async fn the_map_endpoints_answer_places_and_their_reports() {
    let state = AppState::in_memory(pipeline()).unwrap();
    for (id, date, text) in [
        (
            "a",
            "2024-05-01",
            "Russian forces shelled Kharkiv on Monday.",
        ),
        (
            "b",
            "2024-05-02",
            "Kenya and Uganda held talks in Nairobi on Tuesday.",
        ),
    ] {
        let (status, _, _) = call(
            &state,
            "POST",
            "/api/ingest",
            post(json!({"id": id, "date": date, "text": text})),
        )
        .await;
        assert_eq!(status, StatusCode::OK);
    }
    let (status, map, _) = call(&state, "GET", "/api/places", None).await;
    assert_eq!(status, StatusCode::OK);
    let countries: Vec<&str> = map["countries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["country"].as_str().unwrap())
        .collect();
    assert!(
        countries.contains(&"UKR") && countries.contains(&"KEN"),
        "{map}"
    );
    let kharkiv = map["points"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == "Kharkiv")
        .unwrap_or_else(|| panic!("{map}"));
    assert!((kharkiv["lat"].as_f64().unwrap() - 49.98).abs() < 0.1);
    assert!(kharkiv["goldstein_mean"].as_f64().unwrap() < 0.0);
    // filters: actor on either side, QuadClass
    let (_, map, _) = call(&state, "GET", "/api/places?actor=uga", None).await;
    assert_eq!(map["countries"].as_array().unwrap().len(), 1, "{map}");
    assert_eq!(map["countries"][0]["country"], "KEN");
    let (_, map, _) = call(&state, "GET", "/api/places?quad_class=4", None).await;
    assert!(map["countries"]
        .as_array()
        .unwrap()
        .iter()
        .all(|c| c["country"] == "UKR"));
    // the reports behind a point, with their sentences
    let (status, rows, _) = call(
        &state,
        "GET",
        "/api/place_events?country=UKR&place=Kharkiv",
        None,
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let rows = rows["events"].as_array().unwrap();
    assert_eq!(rows.len(), 1);
    assert!(rows[0]["sentence"].as_str().unwrap().contains("Kharkiv"));
    // bad filters are clear 400s
    for bad in [
        "/api/place_events",
        "/api/places?modality=maybe",
        "/api/places?actor=R%25S",
    ] {
        let (status, body, _) = call(&state, "GET", bad, None).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{bad}: {body}");
        assert!(body["error"].is_string());
    }
    // the map's outlines are served from the binary
    let (status, world, content_type) = call(&state, "GET", "/assets/world.json", None).await;
    assert_eq!(status, StatusCode::OK);
    assert!(content_type.starts_with("application/json"));
    assert!(world["countries"].as_array().unwrap().len() > 150);
}

/// `"monadic": true` on /api/code and /api/ingest also codes single-actor
/// events, with a null target; without it there are none, and a stored one
/// is listed with a null target but makes no edge of the network.
#[tokio::test]
async fn monadic_requests_code_single_actor_events() {
    let state = AppState::in_memory(pipeline()).unwrap();
    let text = "Russian forces attacked a village overnight. Kenya condemned Uganda.";
    let single = |body: &Value| -> Vec<String> {
        body["events"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| e["target"].is_null())
            .map(|e| format!("{} {}", e["source"], e["code"]))
            .collect()
    };
    let (s, plain, _) = call(&state, "POST", "/api/code", post(json!({ "text": text }))).await;
    assert_eq!(s, StatusCode::OK, "{plain}");
    assert!(single(&plain).is_empty(), "{plain}");
    let (s, mono, _) = call(
        &state,
        "POST",
        "/api/code",
        post(json!({ "text": text, "monadic": true })),
    )
    .await;
    assert_eq!(s, StatusCode::OK, "{mono}");
    assert_eq!(single(&mono), ["\"RUSMIL\" \"190\""]);
    let attack = &mono["events"][0];
    assert!(attack["evidence"]["target"].is_null(), "{attack}");
    let (s, r, _) = call(
        &state,
        "POST",
        "/api/ingest",
        post(json!({ "text": text, "date": "2024-06-14", "monadic": true })),
    )
    .await;
    assert_eq!(s, StatusCode::OK, "{r}");
    let (_, events, _) = call(&state, "GET", "/api/events?source=RUS", None).await;
    let events = events["events"].as_array().unwrap();
    assert_eq!(events.len(), 1, "{events:?}");
    assert!(events[0]["target"].is_null());
    let (_, net, _) = call(&state, "GET", "/api/network", None).await;
    let nodes: Vec<&str> = net["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["id"].as_str().unwrap())
        .collect();
    assert_eq!(nodes, ["KEN", "UGA"]);
}
