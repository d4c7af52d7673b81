//! The HTTP API on arbitrary requests: every request gets a response (no
//! panic, no hang), server errors never echo internals, and the server
//! still answers /api/health afterwards.
//!
//! Input layout: byte 0 picks the method; then the path up to the first
//! newline; then header lines `name: value` up to an empty line; the rest
//! is the body.
#![no_main]
use axum::body::Body;
use axum::http::{Method, Request, StatusCode};
use casus_core::Pipeline;
use casus_server::{router, AppState};
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;
use tower::ServiceExt;

const METHODS: &[Method] = &[
    Method::GET,
    Method::POST,
    Method::PUT,
    Method::DELETE,
    Method::OPTIONS,
    Method::HEAD,
    Method::PATCH,
];

struct World {
    runtime: tokio::runtime::Runtime,
    app: axum::Router,
}

fn world() -> &'static World {
    static WORLD: OnceLock<World> = OnceLock::new();
    WORLD.get_or_init(|| {
        let pipeline: &'static Pipeline = Box::leak(Box::new(
            Pipeline::builtin().expect("built-in dictionaries load"),
        ));
        // As `casus serve` runs it on loopback: Host checking on.
        let state = AppState::in_memory(pipeline)
            .expect("in-memory store")
            .with_loopback_port(8080);
        World {
            runtime: tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .expect("runtime"),
            app: router(state),
        }
    })
}

fn request(data: &[u8]) -> Option<Request<Body>> {
    let (&pick, rest) = data.split_first()?;
    let method = METHODS[pick as usize % METHODS.len()].clone();
    let text = String::from_utf8_lossy(rest);
    let (path, rest) = text.split_once('\n').unwrap_or((&text, ""));
    let (head, body) = rest.split_once("\n\n").unwrap_or((rest, ""));
    let mut builder = Request::builder().method(method).uri(path);
    let mut has_host = false;
    for line in head.lines() {
        if let Some((name, value)) = line.split_once(':') {
            has_host |= name.trim().eq_ignore_ascii_case("host");
            builder = builder.header(name.trim(), value.trim());
        }
    }
    if !has_host {
        builder = builder.header("host", "127.0.0.1:8080");
    }
    builder.body(Body::from(body.to_string())).ok()
}

fuzz_target!(|data: &[u8]| {
    let Some(req) = request(data) else {
        return;
    };
    let world = world();
    world.runtime.block_on(async {
        let response = world.app.clone().oneshot(req).await.expect("infallible");
        if response.status() == StatusCode::INTERNAL_SERVER_ERROR {
            let body = axum::body::to_bytes(response.into_body(), 1 << 20)
                .await
                .unwrap_or_default();
            let body = String::from_utf8_lossy(&body);
            assert!(!body.contains("panicked"), "a 500 echoes internals: {body}");
        }
        let health = Request::builder()
            .uri("/api/health")
            .header("host", "127.0.0.1:8080")
            .body(Body::empty())
            .unwrap();
        let response = world.app.clone().oneshot(health).await.expect("infallible");
        assert_eq!(
            response.status(),
            StatusCode::OK,
            "health after a fuzzed request"
        );
    });
});
