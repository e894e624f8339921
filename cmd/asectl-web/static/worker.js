// asectl's engine worker: runs the WebAssembly module off the page's main
// thread, so that a long input never freezes the page. The page sends
// {type: "init", core} once (a URL to fetch, or the module in base64 of its
// gzip for the single-file page), then {id, fn, args} calls; it gets
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

// compile fetches the module (before anything else happens) or decodes it
// inline (base64 of its gzip) and compiles it.
async function compile(src) {
  if (src.url) {
    return WebAssembly.compileStreaming(fetch(src.url, { credentials: "omit" }));
  }
  // Compiled as it is unzipped, as a fetched module compiles as it arrives.
  const gz = new Blob([fromBase64(src.base64)]).stream().pipeThrough(new DecompressionStream("gzip"));
  return WebAssembly.compileStreaming(new Response(gz, { headers: { "Content-Type": "application/wasm" } }));
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

// init fetches and compiles the module (so that nothing is fetched once the
// page is ready), starts it and reports ready.
async function init(msg) {
  const t0 = performance.now();
  const core = await compile(msg.core);
  const compiled = performance.now();
  await run(core, "asectlEngine");
  engines = { core: self.asectlEngine };
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
  const f = engines.core[fn];
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
  let out;
  try {
    out = engines ? call(msg.fn, msg.args) : { error: "the engine is not ready" };
  } catch (err) {
    out = { error: String(err && err.message || err) };
  }
  self.postMessage({ id: msg.id, result: out.result, error: out.error, ms: out.ms });
};
