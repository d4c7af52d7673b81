//! A bounded load test of a running `casus serve` on loopback: a fixed
//! number of clients, each on one keep-alive connection, send requests to
//! one endpoint for a fixed time; then latency percentiles, requests per
//! second, errors and (with --pid) the server's peak RSS are printed.
//!
//! cargo run --release -p casus-server --example loadtest -- \
//!     --port 8080 --clients 20 --seconds 20 --pid <server pid>
//!
//! Loopback only, and it stops by itself.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

const CODE_BODY: &str = r#"{"text":"Kenya condemned Uganda on Monday. Kenya could impose sanctions on Rwanda if talks fail, analysts said. Peru and Chile signed a trade agreement in Lima.","date":"2024-06-14"}"#;

struct Args {
    port: u16,
    clients: usize,
    seconds: u64,
    pid: Option<u32>,
}

fn args() -> Args {
    let mut a = Args {
        port: 8080,
        clients: 20,
        seconds: 20,
        pid: None,
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let value = it.next().unwrap_or_default();
        match flag.as_str() {
            "--port" => a.port = value.parse().expect("--port N"),
            "--clients" => a.clients = value.parse().expect("--clients N"),
            "--seconds" => a.seconds = value.parse().expect("--seconds N"),
            "--pid" => a.pid = Some(value.parse().expect("--pid N")),
            other => panic!("unknown flag {other}"),
        }
    }
    a.clients = a.clients.clamp(1, 100);
    a.seconds = a.seconds.clamp(1, 120);
    a
}

/// Sends one request on the connection; returns whether it got a 200.
fn request(
    reader: &mut BufReader<TcpStream>,
    port: u16,
    method: &str,
    path: &str,
    body: &str,
) -> std::io::Result<bool> {
    // one write per request: pieces written separately would meet Nagle's
    // algorithm and delayed ACKs and measure 40 ms of TCP, not the server
    let request = format!(
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    );
    reader.get_mut().write_all(request.as_bytes())?;
    let mut status = String::new();
    reader.read_line(&mut status)?;
    let mut length = 0usize;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line)? == 0 || line == "\r\n" {
            break;
        }
        if let Some(v) = line.to_ascii_lowercase().strip_prefix("content-length:") {
            length = v.trim().parse().unwrap_or(0);
        }
    }
    let mut buf = vec![0; length];
    reader.read_exact(&mut buf)?;
    Ok(status.starts_with("HTTP/1.1 200"))
}

fn peak_rss_kb(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
}

fn run(a: &Args, method: &'static str, path: &'static str, body: &'static str) {
    let until = Instant::now() + Duration::from_secs(a.seconds);
    let port = a.port;
    let workers: Vec<_> = (0..a.clients)
        .map(|_| {
            std::thread::spawn(move || {
                let (mut lat, mut errors) = (Vec::new(), 0usize);
                let mut conn: Option<BufReader<TcpStream>> = None;
                while Instant::now() < until {
                    if conn.is_none() {
                        conn = TcpStream::connect(("127.0.0.1", port)).ok().map(|s| {
                            let _ = s.set_nodelay(true);
                            BufReader::new(s)
                        });
                    }
                    let Some(c) = conn.as_mut() else {
                        errors += 1;
                        std::thread::sleep(Duration::from_millis(10));
                        continue;
                    };
                    let t = Instant::now();
                    match request(c, port, method, path, body) {
                        Ok(true) => lat.push(t.elapsed()),
                        Ok(false) => errors += 1,
                        Err(_) => {
                            errors += 1;
                            conn = None;
                        }
                    }
                }
                (lat, errors)
            })
        })
        .collect();
    let (mut lat, mut errors) = (Vec::new(), 0);
    for w in workers {
        let (l, e) = w.join().unwrap();
        lat.extend(l);
        errors += e;
    }
    lat.sort();
    let pct = |p: f64| {
        lat.get(((lat.len() as f64 * p) as usize).min(lat.len().saturating_sub(1)))
            .map_or(0.0, |d| d.as_secs_f64() * 1000.0)
    };
    let rss = a
        .pid
        .and_then(peak_rss_kb)
        .map_or("-".to_string(), |kb| format!("{} MB", kb / 1024));
    println!(
        "{method} {path}: {} ok, {errors} errors, {:.0} req/s, p50 {:.1} ms, p95 {:.1} ms, p99 {:.1} ms, server peak RSS {rss}",
        lat.len(),
        lat.len() as f64 / a.seconds as f64,
        pct(0.50),
        pct(0.95),
        pct(0.99),
    );
}

fn main() {
    let a = args();
    println!(
        "{} clients, {} s per endpoint, 127.0.0.1:{}",
        a.clients, a.seconds, a.port
    );
    run(&a, "GET", "/api/events?limit=200", "");
    run(&a, "POST", "/api/code", CODE_BODY);
}
