// casus web page: the article view (code a text, see what the coder saw)
// and the relations view (actor network, dyad timeline, events behind a
// point). Plain JavaScript and SVG: no framework, nothing from a CDN.
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
    marks.push({ span: ev.target, kind: "actor", event: n });
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
    tr.append(m, el("td", {}, e.attribution || ""));
    tr.addEventListener("click", () => focusEvent(n));
    tbody.append(tr);
  });
  if (result.events.length === 0) {
    const tr = el("tr"); tr.append(el("td", { colspan: 7 }, "No events: casus codes only what the text asserts, negates, plans or imagines between named actors."));
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

// An opened HTML page is sent as HTML (the server extracts its main text);
// a text file goes to the text box.
let openedHtml = null;

async function openFile(file) {
  const content = await file.text();
  if (/\.html?$/i.test(file.name) || /^\s*<(!doctype|html)/i.test(content)) {
    openedHtml = content;
    status("coding " + file.name + "...");
    try {
      const result = await api("/api/code", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ html: content, date: $("#article-date").value || null }) });
      $("#article-text").value = result.text;
      renderArticle(result);
    } catch (err) { status("error: " + err.message); }
  } else {
    openedHtml = null;
    $("#article-text").value = content;
    codeArticle(false);
  }
}

async function codeArticle(store) {
  const text = $("#article-text").value;
  if (!text.trim()) { status("paste an article first"); return; }
  const date = $("#article-date").value || null;
  status(store ? "storing..." : "coding...");
  try {
    const result = await api("/api/code", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ text, date }) });
    renderArticle(result);
    if (store) {
      const r = await api("/api/ingest", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ text, date }) });
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
  // a circle layout: deterministic, readable for the few dozen actors a period has
  const nodes = net.nodes.slice(0, 40);
  const pos = new Map();
  const [cx, cy, r] = [260, 210, 165];
  nodes.forEach((n, i) => {
    const a = (2 * Math.PI * i) / nodes.length - Math.PI / 2;
    pos.set(n.id, [cx + r * Math.cos(a), cy + r * Math.sin(a)]);
  });
  const maxEvents = Math.max(...net.edges.map((e) => e.events), 1);
  for (const e of net.edges) {
    if (!pos.has(e.source) || !pos.has(e.target)) continue;
    const [x1, y1] = pos.get(e.source), [x2, y2] = pos.get(e.target);
    const line = svgEl("line", { x1, y1, x2, y2, class: "edge q" + e.quad_class, "stroke-width": 1 + 5 * e.events / maxEvents, "stroke-opacity": 0.75 });
    line.append(svgEl("title", {}, `${e.source} → ${e.target}: ${e.events} events, Goldstein ${e.goldstein.toFixed(1)} (mostly ${QUAD_NAMES[e.quad_class]})`));
    line.addEventListener("click", () => { $("#rel-source").value = e.source; $("#rel-target").value = e.target; drawDyad(); });
    svg.append(line);
  }
  const maxNode = Math.max(...nodes.map((n) => n.events), 1);
  for (const n of nodes) {
    const [x, y] = pos.get(n.id);
    const g = svgEl("g", { class: "node" });
    g.append(svgEl("circle", { cx: x, cy: y, r: 4 + 8 * Math.sqrt(n.events / maxNode) }));
    g.append(svgEl("text", { x: x + (x >= cx ? 12 : -12), y: y + 4, "text-anchor": x >= cx ? "start" : "end" }, n.id));
    g.append(svgEl("title", {}, `${n.id}: ${n.events} events`));
    svg.append(g);
  }
}

async function drawDyad() {
  const source = $("#rel-source").value.trim(), target = $("#rel-target").value.trim();
  const svg = $("#chart");
  svg.textContent = "";
  if (!source || !target) { svg.append(svgEl("text", { x: 20, y: 40, class: "empty" }, "Choose a source and a target, or click an edge.")); return; }
  const p = relationParams({ source, target, by: $("#rel-by").value });
  const { series } = await api("/api/dyad?" + p);
  $("#chart-caption").textContent = `${source} ↔ ${target}: events (bars) and mean Goldstein (line), by ${$("#rel-by").value}`;
  if (series.length === 0) { svg.append(svgEl("text", { x: 20, y: 40, class: "empty" }, "No events between these actors.")); return; }
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
    const bar = svgEl("rect", { x, y: y(s.events), width, height: H - B - y(s.events), class: "bar", "data-period": s.period });
    bar.append(svgEl("title", {}, `${s.period}: ${s.events} events (${s.verbal_cooperation}/${s.material_cooperation}/${s.verbal_conflict}/${s.material_conflict} by QuadClass), Goldstein mean ${s.goldstein_mean.toFixed(2)}`));
    bar.addEventListener("click", () => pointEvents(s.period, bar));
    svg.append(bar);
    if (i % Math.ceil(series.length / 8) === 0) svg.append(svgEl("text", { x, y: H - B + 14, class: "axis-label" }, s.period));
    points.push([x + width / 2, gy(s.goldstein_mean), s]);
  });
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

async function pointEvents(period, bar) {
  for (const b of document.querySelectorAll(".bar")) b.classList.toggle("selected", b === bar);
  const [since, until] = periodRange(period);
  const p = new URLSearchParams({ source: $("#rel-source").value.trim(), target: $("#rel-target").value.trim(), since, until, limit: "200" });
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
  status(`${events.length} reports behind ${period}`);
}

async function showRelations() {
  status("loading...");
  try {
    drawNetwork(await api("/api/network?" + relationParams({ limit: "120" })));
    await drawDyad();
    status("");
  } catch (err) { status("error: " + err.message); }
}

// ---- wiring ----------------------------------------------------------------

for (const tab of document.querySelectorAll(".tab")) tab.addEventListener("click", () => {
  show(tab.dataset.view);
  if (tab.dataset.view === "relations") showRelations();
});
$("#code-button").addEventListener("click", () => codeArticle(false));
$("#article-file").addEventListener("change", (e) => { if (e.target.files.length) openFile(e.target.files[0]); });
$("#store-button").addEventListener("click", () => codeArticle(true));
$("#relations-button").addEventListener("click", showRelations);
api("/api/health").then((h) => status(`${h.documents} documents, ${h.event_clusters} events stored`)).catch(() => {});
