//! `casus serve` as the real binary: which databases it opens, when it
//! refuses to start, and that a started server checks Host headers.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};

fn casus() -> Command {
    Command::new(env!("CARGO_BIN_EXE_casus"))
}

#[test]
fn serve_refuses_a_missing_database_unless_asked_to_create_one() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("typo.db");
    let out = casus()
        .args([
            "serve",
            "--db",
            db.to_str().unwrap(),
            "--addr",
            "127.0.0.1:0",
        ])
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("no database at") && err.contains("--create"),
        "{err}"
    );
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    assert!(!db.exists(), "serve must not create the database");
}

#[test]
fn serve_beyond_loopback_needs_a_token() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("new.db");
    let out = casus()
        .args([
            "serve",
            "--create",
            "--db",
            db.to_str().unwrap(),
            "--addr",
            "0.0.0.0:0",
        ])
        .env_remove("CASUS_TOKEN")
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("--token"), "{err}");
    assert!(db.exists(), "--create made the database");
}

struct Server(Child, u16);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn start(args: &[&str]) -> Server {
    let mut child = casus()
        .args(args)
        .args(["--addr", "127.0.0.1:0"])
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stderr.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let port = line
        .split("http://127.0.0.1:")
        .nth(1)
        .and_then(|r| r.split('/').next())
        .and_then(|p| p.parse().ok())
        .unwrap_or_else(|| panic!("no address in {line:?}"));
    Server(child, port)
}

/// One HTTP/1.1 request with the given Host; returns the status line.
fn get(port: u16, path: &str, host: &str) -> String {
    let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut out = String::new();
    s.read_to_string(&mut out).unwrap();
    out.lines().next().unwrap_or("").to_string() + "\n" + &out
}

#[test]
fn a_read_only_server_reads_and_checks_the_host() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("ro.db");
    let db = db.to_str().unwrap();
    let out = casus()
        .args(["serve", "--create", "--db", db, "--addr", "0.0.0.0:0"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    let server = start(&["serve", "--read-only", "--db", db]);
    let port = server.1;
    let ok = get(port, "/api/health", &format!("127.0.0.1:{port}"));
    assert!(ok.starts_with("HTTP/1.1 200"), "{ok}");
    assert!(ok.contains("\"read_only\":true"), "{ok}");
    let rebound = get(port, "/api/health", &format!("attacker.example:{port}"));
    assert!(rebound.starts_with("HTTP/1.1 403"), "{rebound}");
}
