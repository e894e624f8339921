// asectl's browser page: the UI, and the JS API (window.asectl) over the
// engine worker. Every text that comes from an input is put into the page
// with textContent, never as HTML.
"use strict";

const texts = {
  en: {
    skip: "Skip to the results",
    tagline: "Checks the public project descriptions of EU structural-fund projects (EURA 2014) with the same rules as the asectl command. Everything stays in your browser: nothing is sent anywhere.",
    language: "Language",
    inputHeading: "Descriptions to check",
    dropHint: "Drop text or HTML files here, or choose them:",
    chooseFiles: "Choose files",
    pasteLabel: "…or paste a description",
    pasteHint: "Ctrl+Enter checks the pasted text.",
    checkPasted: "Check the pasted text",
    clear: "Clear all",
    today: "Reference date of the date rules",
    downloads: "Downloads",
    downloadsHint: "The same files the asectl command writes, for every description above.",
    dlParse: "Descriptions (JSON)",
    dlFindings: "Findings (JSON)",
    dlCSV: "Descriptions (CSV)",
    dlSARIF: "Findings (SARIF)",
    dlReport: "Report (HTML)",
    results: "Results",
    footer: "asectl in the browser: the command's own parser and rules, compiled to WebAssembly.",
    loading: "Loading the checker…",
    ready: "Ready. Choose or drop files, or paste a description.",
    failed: "The checker could not start: ",
    checking: "Checking {n}…",
    checked: "Descriptions checked: {files}. Errors: {errors}, warnings: {warnings}, notes: {infos}.",
    checkedUnreadable: " Could not be read: {unreadable}.",
    pasted: "pasted text",
    emptyPaste: "Paste a description first.",
    facts: "Key facts",
    code: "Project code",
    name: "Name",
    fund: "Fund",
    applicant: "Applicant",
    businessId: "Business ID",
    period: "Period",
    status: "Status",
    granted: "EU and state funding granted",
    planned: "Public funding planned",
    realisedEU: "EU and state funding paid",
    realisedPublic: "Public funding realised",
    findings: "Findings",
    noFindings: "No findings.",
    explain: "About the rule {rule}",
    text: "Text",
    textHint: "Lines with findings are marked; a finding's button moves here.",
    line: "line {line}, column {col}",
    unreadable: "Could not be read: ",
    error: "error", warning: "warning", info: "note",
    remove: "Remove",
    removed: "{name} removed.",
    encoding: "Read as {enc}.",
    shortened: "The text is long: only the first {n} lines are shown.",
    downloaded: "{file} ready.",
    more: "{shown} of {total} findings shown: show {n} more",
    largePaste: "A long text ({mb} million characters) was pasted: it is checked as it is, without showing it in the box.",
  },
  fi: {
    skip: "Siirry tuloksiin",
    tagline: "Tarkistaa EU:n rakennerahastohankkeiden julkiset hankekuvaukset (EURA 2014) samoilla säännöillä kuin asectl-komento. Kaikki pysyy selaimessasi: mitään ei lähetetä minnekään.",
    language: "Kieli",
    inputHeading: "Tarkistettavat kuvaukset",
    dropHint: "Pudota teksti- tai HTML-tiedostoja tähän tai valitse ne:",
    chooseFiles: "Valitse tiedostot",
    pasteLabel: "…tai liitä kuvaus",
    pasteHint: "Ctrl+Enter tarkistaa liitetyn tekstin.",
    checkPasted: "Tarkista liitetty teksti",
    clear: "Tyhjennä",
    today: "Päivämääräsääntöjen vertailupäivä",
    downloads: "Lataukset",
    downloadsHint: "Samat tiedostot, jotka asectl-komento kirjoittaa, kaikista yllä olevista kuvauksista.",
    dlParse: "Kuvaukset (JSON)",
    dlFindings: "Havainnot (JSON)",
    dlCSV: "Kuvaukset (CSV)",
    dlSARIF: "Havainnot (SARIF)",
    dlReport: "Raportti (HTML)",
    results: "Tulokset",
    footer: "asectl selaimessa: komennon oma jäsennin ja säännöt WebAssemblyksi käännettyinä.",
    loading: "Tarkistinta ladataan…",
    ready: "Valmis. Valitse tai pudota tiedostoja tai liitä kuvaus.",
    failed: "Tarkistin ei käynnistynyt: ",
    checking: "Tarkistetaan {n}…",
    checked: "Kuvauksia tarkistettu: {files}. Virheitä: {errors}, varoituksia: {warnings}, huomautuksia: {infos}.",
    checkedUnreadable: " Lukukelvottomia: {unreadable}.",
    pasted: "liitetty teksti",
    emptyPaste: "Liitä ensin kuvaus.",
    facts: "Perustiedot",
    code: "Hankekoodi",
    name: "Nimi",
    fund: "Rahasto",
    applicant: "Hakija",
    businessId: "Y-tunnus",
    period: "Toteutusaika",
    status: "Tila",
    granted: "EU- ja valtion rahoitus myönnetty",
    planned: "Julkinen rahoitus suunniteltu",
    realisedEU: "EU- ja valtion rahoitus maksettu",
    realisedPublic: "Julkinen rahoitus toteutunut",
    findings: "Havainnot",
    noFindings: "Ei havaintoja.",
    explain: "Sääntö {rule}",
    text: "Teksti",
    textHint: "Rivit, joilla on havaintoja, on merkitty; havainnon painike siirtää tänne.",
    line: "rivi {line}, sarake {col}",
    unreadable: "Ei voitu lukea: ",
    error: "virhe", warning: "varoitus", info: "huomautus",
    remove: "Poista",
    removed: "{name} poistettu.",
    encoding: "Luettu merkistönä {enc}.",
    shortened: "Teksti on pitkä: vain ensimmäiset {n} riviä näytetään.",
    downloaded: "{file} valmis.",
    more: "{shown}/{total} havaintoa näytetty: näytä {n} lisää",
    largePaste: "Liitettiin pitkä teksti ({mb} miljoonaa merkkiä): se tarkistetaan sellaisenaan näyttämättä sitä kentässä.",
  },
};

// maxShownLines bounds the text view: the findings still point into it,
// and a 5 MB paste does not turn into a million-line layout.
const maxShownLines = 20000;

// findingsStep is how many findings are listed (and marked in the text) at
// first, and how many more each "show more" adds: an input with tens of
// thousands of findings would otherwise take seconds to lay out.
const findingsStep = 500;

// ---- the engine and the API -------------------------------------------

const engine = (() => {
  const single = document.getElementById("asectl-worker");
  let worker;
  if (single) {
    const url = URL.createObjectURL(new Blob([single.textContent], { type: "text/javascript" }));
    worker = new Worker(url);
  } else {
    worker = new Worker("worker.js");
  }
  const pending = new Map();
  let next = 1;
  let info = null;
  let resolveReady, rejectReady;
  const ready = new Promise((resolve, reject) => { resolveReady = resolve; rejectReady = reject; });
  worker.onmessage = (e) => {
    const m = e.data;
    if (m.type === "ready") {
      info = m;
      info.readyMs = performance.now();
      resolveReady(m);
      return;
    }
    if (m.type === "failed" || m.type === "exit") {
      const err = new Error(m.error || "the engine stopped");
      rejectReady(err);
      for (const p of pending.values()) p.reject(err);
      pending.clear();
      return;
    }
    const p = pending.get(m.id);
    if (!p) return;
    pending.delete(m.id);
    if (m.error !== undefined && m.error !== null) {
      p.reject(new Error(m.error));
    } else {
      p.resolve({ text: m.result, ms: m.ms });
    }
  };
  worker.onerror = (e) => { rejectReady(new Error(e.message || "the engine failed to load")); };
  const src = (id, file) => single
    ? { base64: document.getElementById(id).textContent.trim() }
    : { url: file };
  worker.postMessage({ type: "init", core: src("asectl-core", "asectl.wasm") });
  function call(fn, args) {
    return ready.then(() => new Promise((resolve, reject) => {
      const id = next++;
      pending.set(id, { resolve, reject });
      worker.postMessage({ id, fn, args });
    }));
  }
  return { ready, call, info: () => info };
})();

// input turns what the API is given into what the engine takes.
function input(data) {
  if (typeof data === "string" || data instanceof Uint8Array || data instanceof ArrayBuffer) return data;
  throw new TypeError("asectl: an input must be a string, a Uint8Array or an ArrayBuffer");
}

// options checks validate's second argument: nothing, or an object with no
// keys but name, today and lang, each a string. A misspelt key ({date: …})
// or a bare date string would otherwise be ignored without a word, and the
// findings be those of another day.
function options(opts) {
  if (opts === undefined || opts === null) return {};
  if (typeof opts !== "object" || Array.isArray(opts)) {
    throw new TypeError("asectl: validate's options must be an object {name, today, lang}");
  }
  for (const [k, v] of Object.entries(opts)) {
    if (k !== "name" && k !== "today" && k !== "lang") {
      throw new TypeError(`asectl: validate's options: unknown key "${k}" (known: name, today, lang)`);
    }
    if (v !== undefined && v !== null && typeof v !== "string") {
      throw new TypeError(`asectl: validate's options: ${k} must be a string`);
    }
  }
  return opts;
}

const asectl = Object.freeze({
  // ready resolves once the engine runs (with {version}).
  ready: engine.ready.then((m) => ({ version: m.version })),
  // parse(text, name) → Promise of asectl parse's JSON text.
  parse(text, name) {
    return Promise.resolve().then(() => engine.call("parse", [input(text), String(name || "-")])).then((r) => r.text);
  },
  // validate(text, {name, today, lang}) → Promise of asectl validate
  // --format json's JSON text.
  validate(text, opts) {
    return Promise.resolve()
      .then(() => {
        const o = options(opts);
        return engine.call("validate", [input(text), String(o.name || "-"), String(o.today || ""), String(o.lang || "en")]);
      })
      .then((r) => r.text);
  },
  // timings: how long loading took (ms), for the curious and the tests.
  timings() {
    const i = engine.info();
    return i && { ready: i.readyMs, compile: i.compileMs, start: i.startMs };
  },
  _call: engine.call,
});
window.asectl = asectl;

// ---- the page ----------------------------------------------------------

const $ = (id) => document.getElementById(id);
let lang = (navigator.language || "en").toLowerCase().startsWith("fi") ? "fi" : "en";
let rules = {};
const inputs = []; // {key, name, data, view, el}
let nextKey = 1;

function t(key, vars) {
  let s = (texts[lang] && texts[lang][key]) || texts.en[key] || key;
  if (vars) {
    for (const [k, v] of Object.entries(vars)) s = s.split("{" + k + "}").join(String(v));
  }
  return s;
}

// displayName gives a file name as the page shows it: control and format
// characters (bidirectional overrides, zero-width marks) as \uXXXX, as the
// command prints them, so that "evil\u202etxt.exe" cannot pass for
// "evilexe.txt". Downloads keep the name as it is.
function displayName(name) {
  return String(name).replace(/[\p{Cc}\p{Cf}\u2028\u2029]/gu, (c) => {
    const h = c.codePointAt(0).toString(16);
    return h.length <= 4 ? "\\u" + h.padStart(4, "0") : "\\U" + h.padStart(8, "0");
  });
}

// shortRuns shortens, for the page only, every unbroken run of more than
// maxRun characters (code points) to its first maxRun and "…". Chromium lays
// out a long unbroken word in a proportional font slowly (a 100,000-character
// applicant name in the facts: 12–18 s; 2,000,000: minutes, the page frozen);
// the text view (monospace) and the downloads keep the whole value.
const maxRun = 200;
const longRun = new RegExp(`\\S{${maxRun + 1},}`, "gu");

function shortRuns(s) {
  return String(s).replace(longRun, (w) => Array.from(w).slice(0, maxRun).join("") + "…");
}

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  if (attrs) {
    for (const [k, v] of Object.entries(attrs)) {
      if (k === "text") e.textContent = v;
      else if (k === "class") e.className = v;
      else e.setAttribute(k, v);
    }
  }
  for (const c of children) if (c !== null && c !== undefined) e.append(c);
  return e;
}

function status(msg) { $("status").textContent = msg; }

function applyLang() {
  document.documentElement.lang = lang;
  $("lang").value = lang;
  for (const e of document.querySelectorAll("[data-i18n]")) e.textContent = t(e.dataset.i18n);
  document.title = lang === "fi"
    ? "asectl — EURA 2014 -hankekuvausten tarkistus"
    : "asectl — check EURA 2014 project descriptions";
}

function today() { return $("today").value || ""; }

async function check(item) {
  const r = await engine.call("view", [item.data, item.name, today(), lang]);
  item.view = JSON.parse(r.text);
  item.ms = r.ms;
}

// cleared counts the presses of "Clear all": an input still being checked
// when it is pressed is dropped, not shown after the clearing.
let cleared = 0;

// add checks and shows the inputs in list; generation is the value of cleared
// when they were given (files are read first).
async function add(list, generation = cleared) {
  if (list.length === 0 || generation !== cleared) return;
  status(t("checking", { n: list.map((x) => displayName(x.name)).join(", ") }));
  for (const x of list) {
    const item = { key: nextKey++, name: x.name, data: x.data, pasted: !!x.pasted };
    try {
      await check(item);
    } catch (err) {
      item.view = { source: x.name, error: String(err.message || err), findings: [], text: "", doc: null,
        summary: { files: 1, errors: 0, warnings: 0, infos: 0 } };
    }
    if (generation !== cleared) return;
    inputs.push(item);
    render(item);
  }
  summarise();
}

// summarise puts the totals in the status line. An input that could not be
// read (an error instead of a description: over 16 MiB, or an encoding the
// parser refuses) is counted apart, as the command's "unreadable".
function summarise() {
  const s = { files: inputs.length, errors: 0, warnings: 0, infos: 0, unreadable: 0 };
  for (const i of inputs) {
    s.errors += i.view.summary.errors;
    s.warnings += i.view.summary.warnings;
    s.infos += i.view.summary.infos;
    if (i.view.error) s.unreadable++;
  }
  $("downloads").hidden = inputs.length === 0;
  status(inputs.length ? t("checked", s) + (s.unreadable ? t("checkedUnreadable", s) : "") : t("ready"));
}

// ---- one description's results -----------------------------------------

function fmtMoney(v) {
  if (typeof v !== "number") return null;
  return new Intl.NumberFormat(lang === "fi" ? "fi-FI" : "en-GB", { style: "currency", currency: "EUR", maximumFractionDigits: 0 }).format(v);
}

function fmtDate(d) {
  if (typeof d !== "string") return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(d);
  if (!m) return d;
  return lang === "fi" ? `${+m[3]}.${+m[2]}.${m[1]}` : d;
}

function facts(doc) {
  if (!doc || doc.error) return null;
  const p = doc.project || {}, a = doc.applicant || {}, f = doc.funding || {};
  const period = p.period && (p.period.start || p.period.end)
    ? `${fmtDate(p.period.start) || "?"} – ${fmtDate(p.period.end) || "?"}` : null;
  const rows = [
    ["code", p.code], ["name", p.name], ["fund", doc.fund], ["applicant", a.name], ["businessId", a.business_id],
    ["period", period], ["status", p.status],
    ["granted", fmtMoney(f.eu_state_granted)], ["planned", fmtMoney(f.public_planned)],
    ["realisedEU", fmtMoney(f.eu_state_realised)], ["realisedPublic", fmtMoney(f.public_realised)],
  ];
  const dl = el("dl", { class: "facts" });
  for (const [k, v] of rows) {
    if (v === null || v === undefined || v === "") continue;
    dl.append(el("dt", { text: t(k) }), el("dd", { text: shortRuns(v) }));
  }
  return dl;
}

function severityLabel(s) { return t(s === "info" ? "info" : s); }

// render shows one input's results, in place of old if given.
function render(item, old) {
  const v = item.view;
  const id = "d" + item.key;
  const art = el("article", { class: "result", "aria-labelledby": id + "-h" });
  const head = el("div", { class: "result-head" },
    el("h2", { id: id + "-h", text: v.doc && v.doc.project && v.doc.project.code ? `${v.doc.project.code} — ${displayName(item.name)}` : displayName(item.name) }));
  const rm = el("button", { type: "button", class: "remove", text: t("remove"), "aria-label": `${t("remove")}: ${displayName(item.name)}` });
  rm.addEventListener("click", () => {
    const i = inputs.indexOf(item);
    if (i >= 0) inputs.splice(i, 1);
    art.remove();
    summarise();
    status(t("removed", { name: displayName(item.name) }));
    $("results").focus();
  });
  head.append(rm);
  art.append(head);
  if (v.error) {
    art.append(el("p", { class: "unreadable", text: t("unreadable") + shortRuns(v.error) }));
  }
  const f = facts(v.doc);
  if (f) art.append(el("h3", { text: t("facts") }), f);

  art.append(el("h3", { id: id + "-fh", text: `${t("findings")} (${v.findings.length})` }));
  const pre = el("pre", { class: "text", id: id + "-text", tabindex: "0", "aria-labelledby": id + "-th" });
  const limit = item.limit || findingsStep;
  const shown = v.findings.length > limit ? v.findings.slice(0, limit) : v.findings;
  const targets = renderText(pre, v.text || "", shown, id);
  if (v.findings.length === 0) {
    art.append(el("p", { class: "none", text: t("noFindings") }));
  } else {
    const ul = el("ul", { class: "findings", "aria-labelledby": id + "-fh" });
    for (const x of shown) {
      const pos = `${x.line}:${x.column}`;
      const btn = el("button", { type: "button", class: "finding " + x.severity, "aria-label": `${severityLabel(x.severity)}, ${t("line", { line: x.line, col: x.column })}: ${shortRuns(x.message)} (${x.rule})` },
        el("span", { class: "pos", text: pos }), " ",
        el("span", { class: "sev", text: severityLabel(x.severity) }), " ",
        el("span", { class: "msg", text: shortRuns(x.message) }), " ",
        el("code", { class: "rule", text: x.rule }));
      btn.addEventListener("click", () => jump(targets, x));
      const li = el("li", null, btn);
      const r = rules[x.rule];
      if (r) {
        const det = el("details", { class: "explain" },
          el("summary", { text: t("explain", { rule: x.rule }) }),
          el("p", { text: r.doc.charAt(0).toUpperCase() + r.doc.slice(1) + "." }),
          el("pre", { text: r.explain }));
        li.append(det);
      }
      ul.append(li);
    }
    art.append(ul);
    if (shown.length < v.findings.length) {
      const more = el("button", { type: "button", class: "more",
        text: t("more", { shown: shown.length, total: v.findings.length, n: Math.min(findingsStep, v.findings.length - shown.length) }) });
      more.addEventListener("click", () => {
        item.limit = limit + findingsStep;
        const old = item.el;
        render(item, old);
        const next = item.el.querySelectorAll(".finding")[limit];
        if (next) next.focus();
      });
      art.append(more);
    }
  }
  if (v.text) {
    art.append(el("h3", { id: id + "-th", text: t("text") }));
    const hints = [t("textHint")];
    if (v.encoding && v.encoding !== "utf-8") hints.push(t("encoding", { enc: v.encoding }));
    if (pre.dataset.shortened) hints.push(t("shortened", { n: maxShownLines }));
    art.append(el("p", { class: "hint", text: hints.join(" ") }), pre);
  }
  item.el = art;
  if (old) old.replaceWith(art);
  else $("results").append(art);
}

// renderText fills pre with the text, each line that has a finding in a
// <mark>, and each finding's column in a focusable <span>. It returns the
// spans by "line:col". Lines go in blocks of chunkLines, which the browser
// lays out only when they scroll into view (content-visibility), so a long
// text costs little until it is read.
const chunkLines = 200;

function renderText(pre, text, findings, id) {
  const targets = new Map();
  if (!text) return targets;
  let lines = text.split(/\r\n|\r|\n/);
  if (lines.length > maxShownLines) {
    lines = lines.slice(0, maxShownLines);
    pre.dataset.shortened = "1";
  }
  const byLine = new Map();
  for (const f of findings) {
    if (f.line >= 1 && f.line <= lines.length) {
      if (!byLine.has(f.line)) byLine.set(f.line, new Set());
      byLine.get(f.line).add(f.column);
    }
  }
  for (let start = 0; start < lines.length; start += chunkLines) {
    const end = Math.min(start + chunkLines, lines.length);
    const chunk = el("span", { class: "chunk" });
    let from = start; // the first line of the chunk not yet written
    for (let i = start; i < end; i++) {
      const cols = byLine.get(i + 1);
      if (!cols) continue;
      if (i > from) chunk.append(lines.slice(from, i).join("\n") + "\n");
      chunk.append(markLine(lines[i], i + 1, [...cols].sort((a, b) => a - b), id, targets), "\n");
      from = i + 1;
    }
    if (from < end) chunk.append(lines.slice(from, end).join("\n") + (end < lines.length ? "\n" : ""));
    pre.append(chunk);
  }
  return targets;
}

function markLine(line, ln, cols, id, targets) {
  const chars = Array.from(line);
  const mark = el("mark", { "data-line": String(ln) });
  let at = 0;
  for (const c of cols) {
    const i = Math.max(0, Math.min(c - 1, chars.length));
    if (i > at) mark.append(chars.slice(at, i).join(""));
    const span = el("span", { class: "col", tabindex: "-1", id: `${id}-${ln}-${c}`, text: i < chars.length ? chars[i] : " " });
    span.setAttribute("aria-label", t("line", { line: ln, col: c }));
    mark.append(span);
    at = i < chars.length ? i + 1 : i;
    targets.set(`${ln}:${c}`, span);
  }
  if (at < chars.length) mark.append(chars.slice(at).join(""));
  return mark;
}

function jump(targets, f) {
  const span = targets.get(`${f.line}:${f.column}`);
  if (!span) return;
  span.scrollIntoView({ block: "center", inline: "nearest" });
  span.focus({ preventScroll: true });
  span.classList.remove("flash");
  void span.offsetWidth;
  span.classList.add("flash");
}

// ---- inputs --------------------------------------------------------------

async function readFiles(fileList) {
  const generation = cleared;
  const list = [];
  for (const file of fileList) {
    list.push({ name: file.name, data: new Uint8Array(await file.arrayBuffer()) });
  }
  await add(list, generation);
}

async function checkPasted() {
  const text = $("paste").value;
  if (!text.trim()) {
    status(t("emptyPaste"));
    return;
  }
  await addPasted(text);
}

// largePaste is the size (in UTF-16 units) from which a paste goes straight
// to the checker instead of into the text area: laying out megabytes in a
// text area blocks the page for seconds.
const largePaste = 256 * 1024;

async function addPasted(text) {
  let n = 1;
  for (const i of inputs) if (i.pasted) n++;
  const name = n === 1 ? t("pasted") : `${t("pasted")} ${n}`;
  await add([{ name, data: text, pasted: true }]);
}

async function recheckAll() {
  for (const item of inputs) {
    await check(item);
    render(item, item.el);
  }
  summarise();
}

// ---- downloads ------------------------------------------------------------

const downloads = {
  parse: { file: "asectl.json", type: "application/json" },
  json: { file: "asectl-findings.json", type: "application/json" },
  csv: { file: "asectl.csv", type: "text/csv" },
  sarif: { file: "asectl.sarif", type: "application/sarif+json" },
  report: { file: "asectl-report.html", type: "text/html" },
};

async function download(format) {
  const list = inputs.map((i) => ({ name: i.name, data: i.data }));
  const r = format === "report"
    ? await engine.call("report", [list, today(), lang])
    : await engine.call("batch", [format, list, today(), lang]);
  const d = downloads[format];
  const url = URL.createObjectURL(new Blob([r.text], { type: d.type }));
  const a = el("a", { href: url, download: d.file });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
  status(t("downloaded", { file: d.file }));
}

// ---- wiring ---------------------------------------------------------------

function wire() {
  applyLang();
  status(t("loading"));
  $("lang").addEventListener("change", () => {
    lang = $("lang").value === "fi" ? "fi" : "en";
    applyLang();
    recheckAll();
  });
  $("files").addEventListener("change", (e) => {
    readFiles([...e.target.files]).finally(() => { e.target.value = ""; });
  });
  $("check").addEventListener("click", checkPasted);
  $("clear").addEventListener("click", () => {
    cleared++;
    inputs.length = 0;
    for (const a of document.querySelectorAll("#results article")) a.remove();
    $("paste").value = "";
    summarise();
  });
  $("paste").addEventListener("paste", (e) => {
    const text = e.clipboardData ? e.clipboardData.getData("text/plain") : "";
    if (text.length >= largePaste) {
      e.preventDefault();
      status(t("largePaste", { mb: (text.length / 1048576).toFixed(1) }));
      addPasted(text);
    }
  });
  $("paste").addEventListener("keydown", (e) => {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      checkPasted();
    }
  });
  $("today").addEventListener("change", () => recheckAll());
  for (const b of document.querySelectorAll("[data-download]")) {
    b.addEventListener("click", () => download(b.dataset.download).catch((err) => status(String(err.message || err))));
  }
  // Files may be dropped anywhere on the page.
  const drop = $("drop");
  document.addEventListener("dragover", (e) => { e.preventDefault(); drop.classList.add("over"); });
  document.addEventListener("dragleave", (e) => { if (!e.relatedTarget) drop.classList.remove("over"); });
  document.addEventListener("drop", (e) => {
    e.preventDefault();
    drop.classList.remove("over");
    if (e.dataTransfer && e.dataTransfer.files.length) readFiles([...e.dataTransfer.files]);
  });
  engine.ready.then((m) => {
    for (const r of m.rules) rules[r.id] = r;
    $("version").textContent = "asectl " + m.version;
    status(t("ready"));
  }, (err) => status(t("failed") + err.message));
}

wire();
