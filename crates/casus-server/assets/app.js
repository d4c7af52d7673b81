// casus web page: the article view (code a text, see what the coder saw),
// the relations view (actor network, dyad timeline, events behind a point)
// and the map (where events happened). Plain JavaScript and SVG: no
// framework, nothing from a CDN.
"use strict";

const $ = (sel) => document.querySelector(sel);
const SVG = "http://www.w3.org/2000/svg";

function status(text) { $("#status").textContent = text; }

// A server started with a token is opened as /#token=TOKEN: the token is
// kept for this tab only and removed from the address bar.
const TOKEN = (() => {
  const m = /(?:^#|&)token=([^&]+)/.exec(location.hash);
  if (m) {
    sessionStorage.setItem("casus-token", decodeURIComponent(m[1]));
    history.replaceState(null, "", location.pathname + location.search);
  }
  return sessionStorage.getItem("casus-token");
})();

async function api(path, options = {}) {
  const headers = Object.assign({}, options.headers || {});
  if (TOKEN) headers.authorization = "Bearer " + TOKEN;
  const res = await fetch(path, Object.assign({}, options, { headers }));
  const body = await res.json().catch(() => ({ error: "the server sent no JSON" }));
  if (!res.ok) throw new Error(body.error || res.statusText);
  return body;
}

// Stored URLs come from whoever ingested the document: only http(s) links
// are made, so a `javascript:` URL is never clickable.
function safeUrl(url) {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === "http:" || u.protocol === "https:" ? u.href : null;
  } catch (_) { return null; }
}

function el(tag, attrs = {}, text) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

function svgEl(tag, attrs = {}, text) {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

// ---- views --------------------------------------------------------------

function show(view) {
  for (const tab of document.querySelectorAll(".tab")) tab.classList.toggle("active", tab.dataset.view === view);
  $("#view-article").classList.toggle("hidden", view !== "article");
  $("#view-relations").classList.toggle("hidden", view !== "relations");
  $("#view-map").classList.toggle("hidden", view !== "map");
}

// ---- article view ---------------------------------------------------------

// Byte offsets from the server -> string indices in JavaScript (UTF-16).
function byteToIndex(text) {
  const map = new Map();
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    map.set(bytes, i);
    const c = text.codePointAt(i);
    bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
    if (c >= 0x10000) i++;
  }
  map.set(bytes, text.length);
  return (b) => (map.has(b) ? map.get(b) : text.length);
}

let coded = null;

function renderArticle(result) {
  coded = result;
  const text = result.text;
  const idx = byteToIndex(text);
  // every highlighted span, tagged with its kind and the events it belongs to
  const marks = [];
  result.events.forEach((e, n) => {
    const ev = e.evidence;
    marks.push({ span: ev.source, kind: "actor", event: n });
    if (ev.target) marks.push({ span: ev.target, kind: "actor", event: n }); // null: single-actor event
    marks.push({ span: ev.trigger, kind: "trigger", event: n });
    for (const c of ev.cue_spans || []) marks.push({ span: c, kind: "cue", event: n });
    if (ev.attribution) marks.push({ span: ev.attribution, kind: "attribution", event: n });
  });
  // character-level layers, then runs of equal layers become spans
  const kinds = new Array(text.length).fill(null).map(() => ({ kinds: new Set(), events: new Set() }));
  for (const m of marks) {
    const [a, b] = [idx(m.span[0]), idx(m.span[1])];
    if (a === b) continue;
    for (let i = a; i < b; i++) { kinds[i].kinds.add(m.kind); kinds[i].events.add(m.event); }
  }
  const view = $("#article-view");
  view.textContent = "";
  const key = (k) => [...k.kinds].sort().join(" ") + "|" + [...k.events].sort().join(",");
  let start = 0;
  for (let i = 1; i <= text.length; i++) {
    if (i < text.length && key(kinds[i]) === key(kinds[start])) continue;
    const piece = text.slice(start, i);
    const k = kinds[start];
    if (k.kinds.size === 0) {
      view.append(document.createTextNode(piece));
    } else {
      const order = ["trigger", "cue", "attribution", "actor"];
      const main = order.find((o) => k.kinds.has(o));
      const span = el("span", { class: "hl-" + main, "data-events": [...k.events].join(" ") }, piece);
      view.append(span);
    }
    start = i;
  }
  const tbody = $("#events tbody");
  tbody.textContent = "";
  result.events.forEach((e, n) => {
    const tr = el("tr", { class: "modality-" + e.modality, "data-event": n });
    tr.append(el("td", {}, e.source), el("td", {}, e.target), el("td", {}, e.code), el("td", {}, e.code_name),
      el("td", {}, e.goldstein.toFixed(1)));
    const m = el("td");
    m.append(el("span", { class: "badge " + e.modality }, e.modality));
    const place = el("td", {}, e.place ? e.place.name : "");
    if (e.place) place.title = `${e.place.country}, ${e.place.feature}, ${e.place.lat.toFixed(2)}, ${e.place.lon.toFixed(2)} (${e.place.rule})`;
    tr.append(m, place, el("td", {}, e.attribution || ""));
    tr.addEventListener("click", () => focusEvent(n));
    tbody.append(tr);
  });
  if (result.events.length === 0) {
    const tr = el("tr"); tr.append(el("td", { colspan: 8 }, "No events: casus codes only what the text asserts, negates, plans or imagines between named actors."));
    tbody.append(tr);
  }
  status(`${result.events.length} events in ${result.sentences.length} sentences`);
}

function focusEvent(n) {
  for (const r of document.querySelectorAll("#events tbody tr")) r.classList.toggle("selected", r.dataset.event === String(n));
  let first = null;
  for (const s of document.querySelectorAll("#article-view span")) {
    const on = (s.dataset.events || "").split(" ").includes(String(n));
    s.classList.toggle("hl-focus", on);
    if (on && !first) first = s;
  }
  if (first) first.scrollIntoView({ block: "nearest" });
}

// An opened HTML page is sent as HTML (the server extracts its main text,
// title and date). The page's own date wins over the date field, which then
// shows it; storing the page sends the page itself, so its title, date and
// link are kept, unless the text was edited since.
let opened = null;

async function openFile(file) {
  const content = await file.text();
  if (/\.html?$/i.test(file.name) || /^\s*<(!doctype|html)/i.test(content)) {
    status("coding " + file.name + "...");
    try {
      const result = await api("/api/code", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ html: content }) });
      opened = { html: content, text: result.text, title: result.title || null, date: result.date || null };
      if (result.date) $("#article-date").value = result.date;
      $("#article-text").value = result.text;
      $("#article-title").textContent = result.title ? "Title: " + result.title : "";
      renderArticle(result);
    } catch (err) { status("error: " + err.message); }
  } else {
    opened = null;
    $("#article-title").textContent = "";
    $("#article-text").value = content;
    codeArticle(false);
  }
}

async function codeArticle(store) {
  const text = $("#article-text").value;
  if (!text.trim()) { status("paste an article first"); return; }
  const date = $("#article-date").value || null;
  const page = opened && opened.text === text ? opened : null;
  if (!page) { opened = null; $("#article-title").textContent = ""; }
  status(store ? "storing..." : "coding...");
  try {
    const result = await api("/api/code", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ text, date }) });
    renderArticle(result);
    if (store) {
      const body = page ? { html: page.html, date, title: page.title } : { text, date };
      const r = await api("/api/ingest", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
      status(r.stored ? `stored: ${r.events} events` : "already stored");
    }
  } catch (err) { status("error: " + err.message); }
}

// ---- relations view ---------------------------------------------------------

const QUAD_NAMES = ["", "verbal cooperation", "material cooperation", "verbal conflict", "material conflict"];

function relationParams(extra = {}) {
  const p = new URLSearchParams();
  const add = (k, v) => { if (v) p.set(k, v); };
  add("since", $("#rel-since").value); add("until", $("#rel-until").value);
  if ($("#rel-all").checked) p.set("all_modalities", "true");
  for (const [k, v] of Object.entries(extra)) add(k, v);
  return p;
}

function drawNetwork(net) {
  const svg = $("#network");
  svg.textContent = "";
  if (net.nodes.length === 0) { svg.append(svgEl("text", { x: 20, y: 40, class: "empty" }, "No stored events in this period.")); return; }
  // one arrowhead per QuadClass colour
  const defs = svgEl("defs");
  for (let q = 1; q <= 4; q++) {
    const m = svgEl("marker", { id: "arrow-q" + q, viewBox: "0 0 10 10", refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: "auto-start-reverse", markerUnits: "userSpaceOnUse" });
    m.append(svgEl("path", { d: "M0,0 L10,5 L0,10 z", class: "arrow q" + q }));
    defs.append(m);
  }
  svg.append(defs);
  // a circle layout: deterministic, readable for the few dozen actors a period has
  const nodes = net.nodes.slice(0, 40);
  const pos = new Map();
  const [cx, cy, r] = [260, 210, 150];
  nodes.forEach((n, i) => {
    const a = (2 * Math.PI * i) / nodes.length - Math.PI / 2;
    pos.set(n.id, [cx + r * Math.cos(a), cy + r * Math.sin(a), a]);
  });
  const maxNode = Math.max(...nodes.map((n) => n.events), 1);
  const radius = new Map(nodes.map((n) => [n.id, 4 + 8 * Math.sqrt(n.events / maxNode)]));
  const maxEvents = Math.max(...net.edges.map((e) => e.events), 1);
  for (const e of net.edges) {
    if (!pos.has(e.source) || !pos.has(e.target) || e.source === e.target) continue;
    const [x1, y1] = pos.get(e.source), [x2, y2] = pos.get(e.target);
    // a curve bending to its left, so that A -> B and B -> A stay apart;
    // it starts and ends at the circles' rims so the arrowhead shows
    const dx = x2 - x1, dy = y2 - y1, len = Math.hypot(dx, dy) || 1;
    const [nx, ny] = [-dy / len, dx / len];
    const bend = Math.min(30, len / 5);
    const [qx, qy] = [(x1 + x2) / 2 + nx * bend, (y1 + y2) / 2 + ny * bend];
    const trim = (x, y, rr) => { const l = Math.hypot(qx - x, qy - y) || 1; return [x + (qx - x) * rr / l, y + (qy - y) * rr / l]; };
    const [sx, sy] = trim(x1, y1, radius.get(e.source) + 1), [tx, ty] = trim(x2, y2, radius.get(e.target) + 3);
    const path = svgEl("path", { d: `M${sx},${sy} Q${qx},${qy} ${tx},${ty}`, class: "edge q" + e.quad_class, "stroke-width": 1 + 4 * e.events / maxEvents, "stroke-opacity": 0.8, "marker-end": `url(#arrow-q${e.quad_class})`, "data-source": e.source, "data-target": e.target });
    path.append(svgEl("title", {}, `${e.source} → ${e.target}: ${e.events} events, mean Goldstein ${e.goldstein_mean.toFixed(1)} on −10…+10 (mostly ${QUAD_NAMES[e.quad_class]})`));
    path.addEventListener("click", () => choosePair(e.source, e.target));
    svg.append(path);
  }
  for (const n of nodes) {
    const [x, y, a] = pos.get(n.id);
    const g = svgEl("g", { class: "node" });
    g.append(svgEl("circle", { cx: x, cy: y, r: radius.get(n.id) }));
    // labels outside the circle, along the radius, so neighbours do not overlap
    const off = radius.get(n.id) + 4;
    const [lx, ly] = [x + off * Math.cos(a), y + off * Math.sin(a) + 4];
    const anchor = Math.abs(Math.cos(a)) < 0.3 ? "middle" : Math.cos(a) > 0 ? "start" : "end";
    g.append(svgEl("text", { x: lx, y: ly + (Math.sin(a) > 0.7 ? 6 : Math.sin(a) < -0.7 ? -4 : 0), "text-anchor": anchor }, n.id));
    g.append(svgEl("title", {}, `${n.id}: ${n.events} events`));
    svg.append(g);
  }
}

// A new pair: its timeline, and its reports in the table (never the
// previous pair's).
function choosePair(source, target) {
  $("#rel-source").value = source; $("#rel-target").value = target;
  drawDyad().catch((err) => status("error: " + err.message));
}

async function drawDyad() {
  const source = $("#rel-source").value.trim(), target = $("#rel-target").value.trim();
  const svg = $("#chart");
  svg.textContent = "";
  $("#point-events tbody").textContent = "";
  $("#point-caption").textContent = "";
  if (!source || !target) { svg.append(svgEl("text", { x: 20, y: 40, class: "empty" }, "Choose a source and a target, or click an edge.")); return; }
  const p = relationParams({ source, target, by: $("#rel-by").value });
  const { series } = await api("/api/dyad?" + p);
  $("#chart-caption").textContent = `${source} ↔ ${target}: events (bars) and mean Goldstein (line), by ${$("#rel-by").value}`;
  if (series.length === 0) { svg.append(svgEl("text", { x: 20, y: 40, class: "empty" }, "No events between these actors.")); return; }
  pointEvents(null, null);
  const [W, H, L, B, T] = [560, 300, 40, 40, 15];
  const maxCount = Math.max(...series.map((s) => s.events), 1);
  const step = (W - L - 10) / series.length;
  const y = (v) => H - B - (H - B - T) * v / maxCount;
  const gy = (g) => T + (H - B - T) * (10 - g) / 20;
  svg.append(svgEl("line", { x1: L, y1: H - B, x2: W - 5, y2: H - B, class: "axis" }));
  svg.append(svgEl("line", { x1: L, y1: T, x2: L, y2: H - B, class: "axis" }));
  svg.append(svgEl("text", { x: 2, y: T + 8, class: "axis-label" }, String(maxCount)));
  svg.append(svgEl("text", { x: W - 8, y: T + 8, class: "axis-label", "text-anchor": "end" }, "line: Goldstein −10…+10"));
  const points = [];
  series.forEach((s, i) => {
    const width = Math.min(step * 0.7, 40);
    const x = L + i * step + (step - width) / 2;
    const bar = svgEl("rect", { x, y: y(s.events), width, height: H - B - y(s.events), class: s.events ? "bar" : "bar zero", "data-period": s.period, "data-events": s.events });
    bar.append(svgEl("title", {}, `${s.period}: ${s.events} events (${s.verbal_cooperation}/${s.material_cooperation}/${s.verbal_conflict}/${s.material_conflict} by QuadClass), Goldstein mean ${s.goldstein_mean.toFixed(2)}`));
    bar.addEventListener("click", () => pointEvents(s.period, bar));
    svg.append(bar);
    if (i % Math.ceil(series.length / 8) === 0) svg.append(svgEl("text", { x, y: H - B + 14, class: "axis-label" }, s.period));
    if (s.events) points.push([x + width / 2, gy(s.goldstein_mean), s]);
  });
  // an empty period has no mean: the line passes over it
  svg.append(svgEl("polyline", { points: points.map(([x, yy]) => `${x},${yy}`).join(" "), class: "goldstein-line" }));
  for (const [x, yy, s] of points) {
    const dot = svgEl("circle", { cx: x, cy: yy, r: 3.5, class: "goldstein-dot", "data-period": s.period });
    dot.addEventListener("click", () => pointEvents(s.period, null));
    svg.append(dot);
  }
}

// the period label of a point -> its first and last day
function periodRange(period) {
  if (/^\d{4}-\d{2}$/.test(period)) {
    const [y, m] = period.split("-").map(Number);
    const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
    return [`${period}-01`, `${period}-${String(last).padStart(2, "0")}`];
  }
  if ($("#rel-by").value === "week") {
    const d = new Date(period + "T00:00:00Z"); d.setUTCDate(d.getUTCDate() + 6);
    return [period, d.toISOString().slice(0, 10)];
  }
  return [period, period];
}

// The reports behind one period of the chosen pair, or (period null) behind
// the whole timeline.
async function pointEvents(period, bar) {
  for (const b of document.querySelectorAll(".bar")) b.classList.toggle("selected", b === bar);
  const source = $("#rel-source").value.trim(), target = $("#rel-target").value.trim();
  const [since, until] = period ? periodRange(period) : [$("#rel-since").value, $("#rel-until").value];
  const p = new URLSearchParams({ source, target, limit: "200" });
  if (since) p.set("since", since);
  if (until) p.set("until", until);
  if ($("#rel-all").checked) p.set("all_modalities", "true");
  const { events } = await api("/api/events?" + p);
  const tbody = $("#point-events tbody");
  tbody.textContent = "";
  for (const e of events) {
    const tr = el("tr", { class: "modality-" + e.modality });
    tr.append(el("td", {}, e.date || ""), el("td", {}, e.source), el("td", {}, e.target), el("td", {}, e.code),
      el("td", {}, e.modality), el("td", {}, String(e.mentions)), el("td", {}, e.sentence));
    const link = el("td");
    const href = safeUrl(e.url);
    if (href) { const a = el("a", { href, rel: "noreferrer noopener" }, e.document); link.append(a); } else link.textContent = e.document;
    tr.append(link);
    tbody.append(tr);
  }
  const what = `${source} ↔ ${target}` + (period ? ` in ${period}` : "");
  $("#point-caption").textContent = `${events.length} reports: ${what}`;
  status(`${events.length} reports behind ${what}`);
}

async function showRelations() {
  status("loading...");
  try {
    drawNetwork(await api("/api/network?" + relationParams({ limit: "120" })));
    await drawDyad();
    status("");
  } catch (err) { status("error: " + err.message); }
}

// ---- map view -----------------------------------------------------------------

let world = null;
let mapState = null;

function mapParams(extra = {}) {
  const p = new URLSearchParams();
  const add = (k, v) => { if (v) p.set(k, v); };
  add("since", $("#map-since").value); add("until", $("#map-until").value);
  add("quad_class", $("#map-quad").value); add("actor", $("#map-actor").value.trim());
  add("modality", $("#map-modality").value);
  for (const [k, v] of Object.entries(extra)) add(k, v);
  return p;
}

// equirectangular: 2 px per degree on a 720 x 360 canvas
const project = (lon, lat) => [(lon + 180) * 2, (90 - lat) * 2];

function ringPath(ring) {
  let d = "", prev = null;
  for (const [lon, lat] of ring) {
    const [x, y] = project(lon, lat);
    // a jump across the antimeridian starts a new piece instead of a streak
    d += (prev === null || Math.abs(lon - prev) > 180 ? "M" : "L") + x.toFixed(1) + "," + y.toFixed(1);
    prev = lon;
  }
  return d + "Z";
}

// light to dark red for counts; red (conflict) through grey to green
// (cooperation) for mean Goldstein
function shade(value, max, measure) {
  if (measure === "goldstein") {
    const t = Math.max(-1, Math.min(1, value / 10));
    const mix = (a, b, f) => Math.round(a + (b - a) * f);
    const [r, g, b] = t < 0 ? [mix(220, 212, -t), mix(220, 65, -t), mix(220, 44, -t)] : [mix(220, 28, t), mix(220, 154, t), mix(220, 74, t)];
    return `rgb(${r},${g},${b})`;
  }
  const f = Math.sqrt(value / Math.max(max, 1));
  return `rgb(${Math.round(253 - 120 * f)},${Math.round(224 - 200 * f)},${Math.round(204 - 190 * f)})`;
}

async function showMap() {
  status("loading map...");
  try {
    if (!world) world = await api("/assets/world.json");
    const data = await api("/api/places?" + mapParams({ limit: "1000" }));
    const measure = $("#map-measure").value;
    const byCountry = new Map(data.countries.map((c) => [c.country, c]));
    const max = Math.max(1, ...data.countries.map((c) => c.events));
    const svg = $("#map");
    svg.textContent = "";
    svg.append(svgEl("rect", { x: 0, y: 0, width: 720, height: 360, class: "sea" }));
    for (const c of world.countries) {
      const row = byCountry.get(c.id);
      const fill = row ? shade(measure === "goldstein" ? row.goldstein_mean : row.events, max, measure) : "#e3e6ec";
      const path = svgEl("path", { d: c.rings.map(ringPath).join(""), class: "country", fill, "data-country": c.id, "data-events": row ? row.events : 0 });
      path.append(svgEl("title", {}, row ? `${c.name}: ${row.events} events, mean Goldstein ${row.goldstein_mean.toFixed(1)}` : `${c.name}: no events`));
      path.addEventListener("click", () => mapEvents({ country: c.id }, `${c.name}`, path));
      svg.append(path);
    }
    const maxPoint = Math.max(1, ...data.points.map((p) => p.events));
    for (const pt of data.points) {
      const [x, y] = project(pt.lon, pt.lat);
      const dot = svgEl("circle", { cx: x, cy: y, r: 2.5 + 5 * Math.sqrt(pt.events / maxPoint), class: "point", "data-place": pt.name, "data-country": pt.country });
      dot.append(svgEl("title", {}, `${pt.name} (${pt.country}): ${pt.events} events, mean Goldstein ${pt.goldstein_mean.toFixed(1)}`));
      dot.addEventListener("click", (ev) => { ev.stopPropagation(); mapEvents({ country: pt.country, place: pt.name }, pt.name, dot); });
      svg.append(dot);
    }
    drawMapLegend(measure, max);
    mapState = data;
    const total = data.countries.reduce((a, c) => a + c.events, 0);
    status(`${total} located events in ${data.countries.length} countries, ${data.points.length} places`);
  } catch (err) { status("error: " + err.message); }
}

function drawMapLegend(measure, max) {
  const box = $("#map-legend");
  box.textContent = "";
  const steps = measure === "goldstein" ? [-10, -5, 0, 5, 10] : [1, Math.ceil(max / 4), Math.ceil(max / 2), max].filter((v, i, a) => a.indexOf(v) === i);
  for (const v of steps) {
    const item = el("span");
    const sw = svgEl("svg", { width: 18, height: 12, viewBox: "0 0 18 12", class: "swatch-svg" });
    sw.append(svgEl("rect", { width: 18, height: 12, fill: shade(v, max, measure) }));
    item.append(sw, document.createTextNode(" " + (measure === "goldstein" ? (v > 0 ? "+" : "") + v : v + " events")));
    box.append(item);
  }
}

async function mapEvents(where, label, shape) {
  for (const s of document.querySelectorAll("#map .selected")) s.classList.remove("selected");
  if (shape) shape.classList.add("selected");
  try {
    const { events } = await api("/api/place_events?" + mapParams(Object.assign({ limit: "200" }, where)));
    const tbody = $("#map-events tbody");
    tbody.textContent = "";
    for (const e of events) {
      const tr = el("tr", { class: "modality-" + e.modality });
      tr.append(el("td", {}, e.date || ""), el("td", {}, e.place || ""), el("td", {}, e.source), el("td", {}, e.target), el("td", {}, e.code),
        el("td", {}, e.goldstein.toFixed(1)), el("td", {}, e.sentence));
      const link = el("td");
      const href = safeUrl(e.url);
      if (href) { link.append(el("a", { href, rel: "noreferrer noopener" }, e.document)); } else link.textContent = e.document;
      tr.append(link);
      tbody.append(tr);
    }
    $("#map-events-caption").textContent = `${events.length} reports in ${label}`;
    status(`${events.length} reports in ${label}`);
  } catch (err) { status("error: " + err.message); }
}

// ---- wiring ----------------------------------------------------------------

for (const tab of document.querySelectorAll(".tab")) tab.addEventListener("click", () => {
  show(tab.dataset.view);
  if (tab.dataset.view === "relations") showRelations();
  if (tab.dataset.view === "map") showMap();
});
$("#map-button").addEventListener("click", showMap);
$("#map-measure").addEventListener("change", showMap);
$("#code-button").addEventListener("click", () => codeArticle(false));
$("#article-file").addEventListener("change", (e) => { if (e.target.files.length) openFile(e.target.files[0]); });
$("#store-button").addEventListener("click", () => codeArticle(true));
$("#relations-button").addEventListener("click", showRelations);
api("/api/health").then((h) => status(`${h.documents} documents, ${h.event_clusters} events stored`)).catch(() => {});
