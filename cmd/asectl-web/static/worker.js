// asectl's engine worker: runs the two WebAssembly modules off the page's
// main thread, so that a long input never freezes the page. The page sends
// {type: "init", core, report} once (URLs to fetch, or the modules in
// base64 of their gzip for the single-file page), then {id, fn, args} calls; it gets
// {type: "ready", ...timings} and {id, result} or {id, error} back.
"use strict";
/* global Go, importScripts */
if (typeof Go === "undefined") {
  importScripts("wasm_exec.js");
}

const started = {};
self.asectlEngineReady = (name) => {
  if (started[name]) {
    started[name]();
  }
};

function fromBase64(s) {
  if (typeof Uint8Array.fromBase64 === "function") {
    return Uint8Array.fromBase64(s);
  }
  const bin = atob(s);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) {
    out[i] = bin.charCodeAt(i);
  }
  return out;
}

// compile fetches (both modules at once, before anything else happens) or
// decodes an inline module (base64 of its gzip) and compiles it.
async function compile(src) {
  if (src.url) {
    return WebAssembly.compileStreaming(fetch(src.url, { credentials: "omit" }));
  }
  const gz = new Blob([fromBase64(src.base64)]).stream().pipeThrough(new DecompressionStream("gzip"));
  return WebAssembly.compile(await new Response(gz).arrayBuffer());
}

// run starts a compiled module and resolves once it has set globalThis[name].
async function run(module, name) {
  const go = new Go();
  const instance = await WebAssembly.instantiate(module, go.importObject);
  const ready = new Promise((resolve) => { started[name] = resolve; });
  go.run(instance).then(() => {
    self.postMessage({ type: "exit", engine: name });
  });
  await ready;
}

let engines = null;
let reportReady = null;

// init fetches and compiles both modules (so that nothing is fetched once
// the page is ready), starts the main one and reports ready; the report
// module starts right after, and a report waits for it.
async function init(msg) {
  const t0 = performance.now();
  const [core, report] = await Promise.all([compile(msg.core), compile(msg.report)]);
  const compiled = performance.now();
  await run(core, "asectlEngine");
  engines = { core: self.asectlEngine };
  reportReady = run(report, "asectlReport").then(() => { engines.report = self.asectlReport; });
  self.postMessage({
    type: "ready",
    version: engines.core.version,
    compileMs: compiled - t0,
    startMs: performance.now() - compiled,
    rules: JSON.parse(engines.core.rules().result),
  });
}

function call(fn, args) {
  if (fn === "resources") {
    // What this worker has fetched (its Resource Timing entries): the
    // tests hold that nothing is added once the page is ready.
    return { result: JSON.stringify(performance.getEntriesByType("resource").map((e) => e.name)) };
  }
  const f = fn === "report" ? engines.report.report : engines.core[fn];
  if (typeof f !== "function") {
    return { error: "no such function: " + fn };
  }
  const t0 = performance.now();
  const out = f(...args);
  return { result: out.result, error: out.error, ms: performance.now() - t0 };
}

self.onmessage = (e) => {
  const msg = e.data;
  if (msg.type === "init") {
    init(msg).catch((err) => self.postMessage({ type: "failed", error: String(err && err.message || err) }));
    return;
  }
  const answer = () => {
    let out;
    try {
      out = engines ? call(msg.fn, msg.args) : { error: "the engine is not ready" };
    } catch (err) {
      out = { error: String(err && err.message || err) };
    }
    self.postMessage({ id: msg.id, result: out.result, error: out.error, ms: out.ms });
  };
  if (msg.fn === "report" && reportReady) {
    reportReady.then(answer, (err) => self.postMessage({ id: msg.id, error: String(err && err.message || err) }));
  } else {
    answer();
  }
};
