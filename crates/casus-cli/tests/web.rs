//! End-to-end test of the web page: `casus serve` on a temporary database,
//! driven in headless Chromium through chromedriver (W3C WebDriver, spoken
//! over plain HTTP by the small client below).
//!
//! Runs when chromedriver is installed (CI installs Debian's chromium and
//! chromium-driver); with CASUS_E2E=1 a missing browser is a failure, not a
//! skip. With CASUS_SCREENSHOTS=DIR the test saves a picture of each view.

use serde_json::{json, Value};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// One HTTP/1.1 request with `Connection: close`; returns (status, body).
fn http(port: u16, method: &str, path: &str, body: Option<&Value>) -> (u16, Value) {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(60)))
        .unwrap();
    let payload = body.map(|b| b.to_string()).unwrap_or_default();
    write!(
        stream,
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{payload}",
        payload.len()
    )
    .unwrap();
    // read the head, then exactly the body: servers may keep the
    // connection open whatever the request asked
    let mut reader = BufReader::new(stream);
    let mut head = String::new();
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).unwrap() == 0 || line == "\r\n" {
            break;
        }
        head.push_str(&line);
    }
    let status: u16 = head
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let lower = head.to_ascii_lowercase();
    let length = lower
        .lines()
        .find_map(|l| l.strip_prefix("content-length:"))
        .and_then(|v| v.trim().parse::<usize>().ok());
    let body = if let Some(n) = length {
        let mut buf = vec![0; n];
        reader.read_exact(&mut buf).unwrap();
        String::from_utf8_lossy(&buf).to_string()
    } else if lower.contains("transfer-encoding: chunked") {
        let mut out = Vec::new();
        loop {
            let mut size = String::new();
            reader.read_line(&mut size).unwrap();
            let n = usize::from_str_radix(size.trim(), 16).unwrap_or(0);
            if n == 0 {
                break;
            }
            let mut buf = vec![0; n + 2];
            reader.read_exact(&mut buf).unwrap();
            out.extend_from_slice(&buf[..n]);
        }
        String::from_utf8_lossy(&out).to_string()
    } else {
        let mut rest = String::new();
        let _ = reader.read_to_string(&mut rest);
        rest
    };
    (status, serde_json::from_str(&body).unwrap_or(Value::Null))
}

struct Driver {
    port: u16,
    session: String,
    process: Child,
}

impl Driver {
    fn start(chromedriver: &str) -> Driver {
        let port = free_port();
        let process = Command::new(chromedriver)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let start = Instant::now();
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                start.elapsed() < Duration::from_secs(20),
                "chromedriver did not start"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
        let binary = ["/usr/bin/chromium", "/usr/bin/chromium-browser"]
            .into_iter()
            .find(|p| std::path::Path::new(p).exists())
            .unwrap_or("/usr/bin/chromium");
        let caps = json!({"capabilities": {"alwaysMatch": {"browserName": "chrome", "goog:chromeOptions": {
            "binary": binary,
            "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
                     "--disable-background-networking", "--disable-component-update", "--disable-sync", "--window-size=1400,1000"]}}}});
        let (status, v) = http(port, "POST", "/session", Some(&caps));
        assert_eq!(status, 200, "no browser session: {v}");
        let session = v["value"]["sessionId"].as_str().unwrap().to_string();
        Driver {
            port,
            session,
            process,
        }
    }

    fn cmd(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        let (status, v) = http(
            self.port,
            method,
            &format!("/session/{}{path}", self.session),
            body.as_ref(),
        );
        assert_eq!(status, 200, "{method} {path}: {v}");
        v["value"].clone()
    }

    fn goto(&self, url: &str) {
        self.cmd("POST", "/url", Some(json!({ "url": url })));
    }

    fn find(&self, css: &str) -> String {
        let v = self.cmd(
            "POST",
            "/element",
            Some(json!({"using": "css selector", "value": css})),
        );
        v[ELEMENT].as_str().unwrap().to_string()
    }

    fn click(&self, css: &str) {
        let id = self.find(css);
        self.cmd("POST", &format!("/element/{id}/click"), Some(json!({})));
    }

    fn type_into(&self, css: &str, text: &str) {
        let id = self.find(css);
        self.cmd("POST", &format!("/element/{id}/clear"), Some(json!({})));
        self.cmd(
            "POST",
            &format!("/element/{id}/value"),
            Some(json!({ "text": text })),
        );
    }

    fn js(&self, script: &str) -> Value {
        self.cmd(
            "POST",
            "/execute/sync",
            Some(json!({"script": script, "args": []})),
        )
    }

    /// Polls a script until it returns something truthy.
    fn wait(&self, what: &str, script: &str) -> Value {
        let start = Instant::now();
        loop {
            let v = self.js(script);
            if v.as_bool() == Some(true) || v.as_u64().is_some_and(|n| n > 0) {
                return v;
            }
            assert!(
                start.elapsed() < Duration::from_secs(20),
                "timed out waiting for {what}; status: {}",
                self.js("return document.querySelector('#status').textContent")
            );
            std::thread::sleep(Duration::from_millis(150));
        }
    }

    fn screenshot(&self, name: &str) {
        if let Ok(dir) = std::env::var("CASUS_SCREENSHOTS") {
            let b64 = self.cmd("GET", "/screenshot", None);
            let bytes = base64_decode(b64.as_str().unwrap());
            std::fs::write(PathBuf::from(dir).join(name), bytes).unwrap();
        }
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = http(
            self.port,
            "DELETE",
            &format!("/session/{}", self.session),
            None,
        );
        let _ = self.process.kill();
        let _ = self.process.wait();
    }
}

fn base64_decode(s: &str) -> Vec<u8> {
    let value = |c: u8| -> u32 {
        match c {
            b'A'..=b'Z' => u32::from(c - b'A'),
            b'a'..=b'z' => u32::from(c - b'a') + 26,
            b'0'..=b'9' => u32::from(c - b'0') + 52,
            b'+' => 62,
            _ => 63,
        }
    };
    let clean: Vec<u8> = s
        .bytes()
        .filter(|c| c.is_ascii_alphanumeric() || *c == b'+' || *c == b'/')
        .collect();
    let mut out = Vec::new();
    for chunk in clean.chunks(4) {
        let mut n = 0u32;
        for (i, &c) in chunk.iter().enumerate() {
            n |= value(c) << (18 - 6 * i);
        }
        let bytes = [(n >> 16) as u8, (n >> 8) as u8, n as u8];
        out.extend_from_slice(&bytes[..chunk.len().saturating_sub(1)]);
    }
    out
}

struct Server {
    port: u16,
    process: Child,
}

impl Server {
    fn start(db: &str) -> Server {
        let mut process = Command::new(env!("CARGO_BIN_EXE_casus"))
            .args(["serve", "--db", db, "--addr", "127.0.0.1:0"])
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // the server prints the address it bound
        let mut line = String::new();
        BufReader::new(process.stderr.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let port = line
            .rsplit(':')
            .next()
            .and_then(|p| p.split('/').next())
            .and_then(|p| p.parse().ok())
            .unwrap_or_else(|| panic!("no address in {line:?}"));
        Server { port, process }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.process.kill();
        let _ = self.process.wait();
    }
}

fn chromedriver() -> Option<String> {
    let found = ["/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver"]
        .into_iter()
        .find(|p| std::path::Path::new(p).exists())
        .map(str::to_string);
    if found.is_none() && std::env::var("CASUS_E2E").is_ok_and(|v| v == "1") {
        panic!("CASUS_E2E=1 but chromedriver is not installed (apt-get install chromium chromium-driver)");
    }
    found
}

const ARTICLE: &str =
    "Kenya and Uganda held talks in Nairobi on Monday and signed a trade agreement. \
Kenya could impose sanctions on Rwanda if the border stays closed, analysts said. \
Uganda has not condemned Rwanda. Kenya's foreign minister is expected to visit Tanzania next week.";

/// One browser at a time: two Chromium instances on a small CI machine
/// only slow each other down.
static BROWSER: std::sync::Mutex<()> = std::sync::Mutex::new(());

fn browser_turn() -> std::sync::MutexGuard<'static, ()> {
    BROWSER.lock().unwrap_or_else(|p| p.into_inner())
}

#[test]
fn the_page_shows_coded_articles_and_relations_in_a_browser() {
    let _turn = browser_turn();
    let Some(chromedriver) = chromedriver() else {
        eprintln!("skipped: chromedriver is not installed");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("web.db");
    // stored events for the relations view
    let out = Command::new(env!("CARGO_BIN_EXE_casus"))
        .args([
            "ingest",
            concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/../../examples/border_pact.jsonl"
            ),
            "--db",
            db.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    let server = Server::start(db.to_str().unwrap());
    let base = format!("http://127.0.0.1:{}/", server.port);
    let driver = Driver::start(&chromedriver);

    // article view: paste, code, see the events with their modality
    driver.goto(&base);
    driver.type_into("#article-text", ARTICLE);
    driver.type_into("#article-date", "06/10/2024");
    driver.click("#code-button");
    driver.wait(
        "event rows",
        "return document.querySelectorAll('#events tbody tr[data-event]').length",
    );
    let rows = driver.js("return [...document.querySelectorAll('#events tbody tr[data-event]')].map(r => [r.className, r.cells[0].textContent, r.cells[1].textContent, r.cells[2].textContent])");
    let rows: Vec<Vec<String>> = serde_json::from_value(rows).unwrap();
    let has = |class: &str, s: &str, t: &str, code: &str| {
        rows.iter()
            .any(|r| r[0] == format!("modality-{class}") && r[1] == s && r[2] == t && r[3] == code)
    };
    assert!(has("asserted", "KEN", "UGA", "046"), "{rows:?}");
    assert!(has("hypothetical", "KEN", "RWA", "163"), "{rows:?}");
    assert!(has("negated", "UGA", "RWA", "111"), "{rows:?}");
    assert!(has("future", "KENGOV", "TZA", "042"), "{rows:?}");
    // modalities look different
    let styles = driver.js("const s = c => getComputedStyle(document.querySelector('#events tr.' + c + ' td')).fontStyle + '/' + getComputedStyle(document.querySelector('#events tr.' + c + ' td')).textDecorationLine; return [s('modality-asserted'), s('modality-hypothetical'), s('modality-negated')]");
    let styles: Vec<String> = serde_json::from_value(styles).unwrap();
    assert_ne!(styles[0], styles[1]);
    assert_ne!(styles[0], styles[2]);
    // highlights, and clicking an event highlights its evidence
    assert!(
        driver
            .js("return document.querySelectorAll('#article-view .hl-actor').length")
            .as_u64()
            .unwrap()
            >= 4
    );
    assert!(
        driver
            .js("return document.querySelectorAll('#article-view .hl-cue').length")
            .as_u64()
            .unwrap()
            >= 2
    );
    assert!(
        driver
            .js("return document.querySelectorAll('#article-view .hl-attribution').length")
            .as_u64()
            .unwrap()
            >= 1
    );
    driver.click("#events tbody tr.modality-hypothetical");
    let focused = driver.js("return [...document.querySelectorAll('#article-view .hl-focus')].map(s => s.textContent).join('|')");
    let focused = focused.as_str().unwrap();
    assert!(
        focused.contains("Kenya") && focused.contains("Rwanda") && focused.contains("sanctions"),
        "{focused}"
    );
    driver.screenshot("article-view.png");

    // opening an HTML file codes its main text
    let page = dir.path().join("page.html");
    std::fs::write(&page, "<html><head><meta name=\"date\" content=\"2024-03-12\"></head><body><nav>Home</nav><article><p>Peru accused Chile of spying on Tuesday.</p></article><footer>(c)</footer></body></html>").unwrap();
    let input = driver.find("#article-file");
    driver.cmd(
        "POST",
        &format!("/element/{input}/value"),
        Some(json!({ "text": page.to_str().unwrap() })),
    );
    driver.wait("the opened page's events", "return [...document.querySelectorAll('#events tbody tr[data-event]')].some(r => r.cells[2].textContent === '1125')");
    let text = driver.js("return document.querySelector('#article-text').value");
    assert_eq!(text, "Peru accused Chile of spying on Tuesday.");

    // a stored `javascript:` URL (anyone who can ingest chooses it) must
    // never become a link
    let (status, _) = http(
        server.port,
        "POST",
        "/api/ingest",
        Some(
            &json!({"id": "xss-doc", "url": "javascript:alert(document.domain)", "date": "2024-03-12",
            "text": "Ethiopia and Kenya signed a water sharing agreement on Tuesday in Addis Ababa."}),
        ),
    );
    assert_eq!(status, 200);
    let checked = driver.js("return [safeUrl('javascript:alert(1)'), safeUrl(' JavaScript:alert(1)'), safeUrl('data:text/html,x'), safeUrl('https://news.example/a')]");
    assert_eq!(checked, json!([null, null, null, "https://news.example/a"]));

    // relations view: network and timeline with data; a point opens its events
    driver.click("#tab-relations");
    driver.wait(
        "network nodes",
        "return document.querySelectorAll('#network .node').length",
    );
    assert!(
        driver
            .js("return document.querySelectorAll('#network path.edge').length")
            .as_u64()
            .unwrap()
            >= 2
    );
    assert!(
        driver
            .js("return document.querySelectorAll('#network path.edge.q1').length")
            .as_u64()
            .unwrap()
            >= 1
    );
    assert!(
        driver
            .js("return document.querySelectorAll('#network path.edge.q4').length")
            .as_u64()
            .unwrap()
            >= 1
    );
    driver.type_into("#rel-source", "ETH");
    driver.type_into("#rel-target", "KEN");
    driver.js("document.querySelector('#rel-by').value = 'day'");
    driver.click("#relations-button");
    driver.wait(
        "chart bars",
        "return document.querySelectorAll('#chart rect.bar').length",
    );
    assert!(
        driver
            .js("return document.querySelectorAll('#chart polyline.goldstein-line').length")
            .as_u64()
            .unwrap()
            == 1
    );
    driver.click("#chart rect.bar");
    driver.wait(
        "events behind the point",
        "return document.querySelectorAll('#point-events tbody tr').length",
    );
    let sentences = driver.js("return [...document.querySelectorAll('#point-events tbody tr')].map(r => r.cells[6].textContent).join('|')");
    assert!(
        sentences
            .as_str()
            .unwrap()
            .contains("border security agreement"),
        "{sentences}"
    );
    let links = driver.js("return [...document.querySelectorAll('#point-events tbody tr')].map(r => [r.cells[7].textContent, r.cells[7].querySelector('a') ? r.cells[7].querySelector('a').getAttribute('href') : null])");
    let links: Vec<(String, Option<String>)> = serde_json::from_value(links).unwrap();
    assert!(
        links
            .iter()
            .any(|(doc, href)| doc == "xss-doc" && href.is_none()),
        "{links:?}"
    );
    assert!(
        links
            .iter()
            .filter_map(|(_, href)| href.as_deref())
            .all(|h| h.starts_with("http")),
        "{links:?}"
    );
    driver.screenshot("relations-view.png");
}

/// Stored events for the map and the relations fixes: places in two
/// countries, a Kenya-Uganda pair with two empty months between reports,
/// and a second pair to switch to.
const MAP_DOCS: &str = r#"{"id": "m1", "date": "2024-01-10", "text": "Russian forces shelled Kharkiv on Monday."}
{"id": "m2", "date": "2024-01-11", "text": "Russian missiles struck Odesa on Tuesday."}
{"id": "m3", "date": "2024-01-15", "text": "Kenya and Uganda held talks in Nairobi on Monday."}
{"id": "m4", "date": "2024-04-05", "text": "Kenya praised Uganda for its help in Kampala on Friday."}
{"id": "m5", "date": "2024-02-20", "text": "Peru accused Chile of spying on Tuesday."}
"#;

#[test]
fn the_map_and_the_fixed_relations_view_work_in_a_browser() {
    let _turn = browser_turn();
    let Some(chromedriver) = chromedriver() else {
        eprintln!("skipped: chromedriver is not installed");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("map.db");
    let docs = dir.path().join("map.jsonl");
    std::fs::write(&docs, MAP_DOCS).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_casus"))
        .args([
            "ingest",
            docs.to_str().unwrap(),
            "--db",
            db.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let server = Server::start(db.to_str().unwrap());
    let base = format!("http://127.0.0.1:{}/", server.port);
    let driver = Driver::start(&chromedriver);
    driver.goto(&base);

    // the map renders the countries, shades those with events, and draws
    // the places as points
    driver.click("#tab-map");
    driver.wait(
        "map points",
        "return document.querySelectorAll('#map circle.point').length",
    );
    assert!(
        driver
            .js("return document.querySelectorAll('#map path.country').length")
            .as_u64()
            .unwrap()
            > 150
    );
    let shading = driver.js("const f = id => document.querySelector(`#map path.country[data-country='${id}']`); return [f('UKR').dataset.events, f('UKR').getAttribute('fill'), f('FRA').dataset.events, f('FRA').getAttribute('fill')]");
    let shading: Vec<String> = serde_json::from_value(shading).unwrap();
    assert_eq!(shading[0], "2", "{shading:?}");
    assert_eq!(shading[2], "0", "{shading:?}");
    assert_ne!(shading[1], shading[3], "a country with events is shaded");
    let places = driver.js("return [...document.querySelectorAll('#map circle.point')].map(c => c.dataset.place).sort().join('|')");
    assert!(
        places.as_str().unwrap().contains("Kharkiv")
            && places.as_str().unwrap().contains("Nairobi"),
        "{places}"
    );
    driver.screenshot("map-view.png");
    // clicking a point lists its reports with their sentences
    driver.click("#map circle.point[data-place='Nairobi']");
    driver.wait("reports of the point", "return [...document.querySelectorAll('#map-events tbody tr')].some(r => r.cells[6].textContent.includes('Nairobi'))");
    // talks are two events (each side meets the other), both in Nairobi
    assert_eq!(
        driver.js("return [...document.querySelectorAll('#map-events tbody tr')].every(r => r.cells[1].textContent === 'Nairobi')"),
        json!(true)
    );
    // clicking a country lists the reports located in it
    // (its middle is covered by its points, so the click is sent to the shape)
    driver.js("document.querySelector(`#map path.country[data-country='UKR']`).dispatchEvent(new MouseEvent('click', { bubbles: true }))");
    driver.wait(
        "reports of the country",
        "return document.querySelector('#map-events-caption').textContent === '2 reports in Ukraine'",
    );
    let sentences = driver.js("return [...document.querySelectorAll('#map-events tbody tr')].map(r => r.cells[6].textContent).join('|')");
    assert!(
        sentences.as_str().unwrap().contains("Kharkiv"),
        "{sentences}"
    );
    // a filter changes the shading: only material conflict leaves Kenya blank
    driver.js("document.querySelector('#map-quad').value = '4'");
    driver.click("#map-button");
    driver.wait("filtered map", "return document.querySelector(`#map path.country[data-country='KEN']`).dataset.events === '0'");
    assert_eq!(
        driver.js(
            "return document.querySelector(`#map path.country[data-country='UKR']`).dataset.events"
        ),
        json!("2")
    );

    // relations: directed edges with arrowheads and a mean Goldstein
    driver.click("#tab-relations");
    driver.wait(
        "network edges",
        "return document.querySelectorAll('#network path.edge').length",
    );
    let edge = driver.js("const e = document.querySelector(`#network path.edge[data-source='KEN']`); return [e.getAttribute('marker-end'), e.querySelector('title').textContent]");
    let edge: Vec<String> = serde_json::from_value(edge).unwrap();
    assert!(edge[0].starts_with("url(#arrow-q"), "{edge:?}");
    assert!(
        driver
            .js("return document.querySelectorAll('#network marker path').length")
            .as_u64()
            .unwrap()
            == 4
    );
    let mean: f64 = edge[1]
        .split("mean Goldstein ")
        .nth(1)
        .and_then(|r| r.split_whitespace().next())
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| panic!("no mean in {edge:?}"));
    assert!((-10.0..=10.0).contains(&mean), "{edge:?}");
    // node labels do not overlap one another
    let overlaps = driver.js("const b = [...document.querySelectorAll('#network .node text')].map(t => t.getBBox()); let n = 0; for (let i = 0; i < b.length; i++) for (let j = i + 1; j < b.length; j++) { const [p, q] = [b[i], b[j]]; if (p.x < q.x + q.width && q.x < p.x + p.width && p.y < q.y + q.height && q.y < p.y + p.height) n++; } return n");
    assert_eq!(overlaps, json!(0));
    // the timeline shows the empty months as zero
    driver.type_into("#rel-source", "KEN");
    driver.type_into("#rel-target", "UGA");
    driver.click("#relations-button");
    driver.wait("the pair's reports", "return [...document.querySelectorAll('#point-events tbody tr')].some(r => r.cells[1].textContent.startsWith('KEN'))");
    let bars = driver.js("return [...document.querySelectorAll('#chart rect.bar')].map(b => b.dataset.period + '=' + b.dataset.events).join(' ')");
    assert_eq!(
        bars,
        json!("2024-01=2 2024-02=0 2024-03=0 2024-04=1"),
        "empty months are zero bars"
    );
    // choosing another pair replaces the reports table
    // (a curve's middle is off its stroke, so the click is sent to it)
    driver.js("document.querySelector(`#network path.edge[data-source='PER']`).dispatchEvent(new MouseEvent('click', { bubbles: true }))");
    driver.wait("the new pair's reports", "const r = [...document.querySelectorAll('#point-events tbody tr')]; return r.length > 0 && r.every(x => x.cells[1].textContent.startsWith('PER'))");
    assert!(driver
        .js("return document.querySelector('#point-caption').textContent")
        .as_str()
        .unwrap()
        .contains("PER"));
    driver.screenshot("relations-fixed.png");

    // an opened HTML page keeps its own date and title, shown and stored
    driver.click("#tab-article");
    driver.type_into("#article-date", "01/01/2020");
    let page = dir.path().join("page.html");
    std::fs::write(&page, "<html><head><title>Lima protests to Santiago</title><meta name=\"date\" content=\"2024-03-12\"></head><body><article><p>Peru accused Chile of spying in Lima on Tuesday.</p></article></body></html>").unwrap();
    let input = driver.find("#article-file");
    driver.cmd(
        "POST",
        &format!("/element/{input}/value"),
        Some(json!({ "text": page.to_str().unwrap() })),
    );
    driver.wait(
        "the opened page's title",
        "return document.querySelector('#article-title').textContent.includes('Lima protests')",
    );
    assert_eq!(
        driver.js("return document.querySelector('#article-date').value"),
        json!("2024-03-12")
    );
    driver.click("#store-button");
    driver.wait(
        "stored",
        "return /^stored/.test(document.querySelector('#status').textContent)",
    );
    drop(driver);
    drop(server);
    let conn = rusqlite::Connection::open(&db).unwrap();
    let (title, date): (Option<String>, Option<String>) = conn
        .query_row(
            "SELECT title, date FROM documents WHERE text LIKE 'Peru accused Chile of spying in Lima%'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(title.as_deref(), Some("Lima protests to Santiago"));
    assert_eq!(date.as_deref(), Some("2024-03-12"));
}

#[test]
fn every_view_fits_a_420_pixel_wide_window() {
    let _turn = browser_turn();
    let Some(chromedriver) = chromedriver() else {
        eprintln!("skipped: chromedriver is not installed");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("narrow.db");
    let docs = dir.path().join("narrow.jsonl");
    std::fs::write(&docs, MAP_DOCS).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_casus"))
        .args([
            "ingest",
            docs.to_str().unwrap(),
            "--db",
            db.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    let server = Server::start(db.to_str().unwrap());
    let driver = Driver::start(&chromedriver);
    driver.cmd(
        "POST",
        "/window/rect",
        Some(json!({"width": 420, "height": 900})),
    );
    driver.goto(&format!("http://127.0.0.1:{}/", server.port));
    let width = driver.js("return window.innerWidth").as_u64().unwrap();
    assert!(width <= 420, "window is {width} px");
    driver.type_into(
        "#article-text",
        "Kenya and Uganda held talks in Nairobi on Monday.",
    );
    driver.click("#code-button");
    driver.wait(
        "event rows",
        "return document.querySelectorAll('#events tbody tr[data-event]').length",
    );
    for (tab, ready) in [
        ("#tab-article", "return true"),
        (
            "#tab-relations",
            "return document.querySelectorAll('#network .node').length",
        ),
        (
            "#tab-map",
            "return document.querySelectorAll('#map circle.point').length",
        ),
    ] {
        driver.click(tab);
        driver.wait(tab, ready);
        let overflow = driver.js("return document.documentElement.scrollWidth - window.innerWidth");
        assert!(
            overflow.as_i64().unwrap() <= 0,
            "{tab} overflows by {overflow} px"
        );
    }
}
