// The Python side of the checkers: a module worker that starts Pyodide from this site and
// answers the page. It holds no rules and no wording: everything comes from `checkers.api`
// in Python, through the three calls below.
//
// It starts from a memory snapshot made at build time with the checkers already imported
// (build_scripts/make_snapshot.mjs), which is several times faster than booting Python. The
// snapshot API is private to Pyodide, so any failure falls back to a normal start.

let api = null;
const CALLS = new Set(["handle_form", "link_for_form", "read_fragment"]);

// -- downloads ------------------------------------------------------------------------------
// Every download, Pyodide's own included, goes through `fetch` below: it counts bytes for the
// page's progress line, gives up on a download that stalls, and fails at once on an HTTP
// error or on WebAssembly served with the wrong type. Pyodide itself only logs such failures
// and never settles, so a failure of one of its files also rejects `broken`, which every
// start races against.
const STALL_MS = 20_000; // no byte for this long: this download has stalled
const PROGRESS_EVERY_MS = 250;
let received = 0;
let lastProgress = 0;
let pyodideBase = null; // files under here are Pyodide's: their failure ends the start
let brokenBy = null;
let breakStart;
const broken = new Promise((_, reject) => {
  breakStart = (error) => {
    brokenBy ??= error;
    reject(error);
  };
});
broken.catch(() => {}); // raced, never awaited alone
const orBroken = (promise) => Promise.race([promise, broken]);

function counted(bytes) {
  received += bytes;
  const now = performance.now();
  if (now - lastProgress < PROGRESS_EVERY_MS) return;
  lastProgress = now;
  self.postMessage({ type: "progress", bytes: received });
}

const plainFetch = self.fetch.bind(self);
self.fetch = async (input, init = {}) => {
  const url = String(input instanceof Request ? input.url : input); // a string or a URL
  const essential = pyodideBase !== null && url.startsWith(pyodideBase);
  try {
    return await watchedFetch(input, init, url);
  } catch (error) {
    if (essential) breakStart(error);
    throw error;
  }
};

async function watchedFetch(input, init, url) {
  const controller = new AbortController();
  let timer;
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(() => controller.abort(new Error(`${url}: no data for ${STALL_MS / 1000} s`)), STALL_MS);
  };
  arm();
  let response;
  try {
    response = await plainFetch(input, { ...init, signal: controller.signal });
    refuseUnusable(response, url);
  } catch (error) {
    clearTimeout(timer);
    throw controller.signal.aborted ? controller.signal.reason : error;
  }
  if (!response.body) {
    clearTimeout(timer);
    return response;
  }
  const body = response.body.pipeThrough(new TransformStream({
    transform(chunk, stream) {
      arm();
      counted(chunk.byteLength);
      stream.enqueue(chunk);
    },
    flush() {
      clearTimeout(timer);
    },
  }));
  return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
}

// An HTTP error, or WebAssembly of another type (which would not compile as it streams in).
function refuseUnusable(response, url) {
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  const type = response.headers.get("content-type") || "";
  if (url.endsWith(".wasm") && !type.startsWith("application/wasm")) {
    throw new Error(`${url}: served as "${type}", not application/wasm`);
  }
}

// A WebAssembly file that arrives but will not compile (corrupt, cut short) also ends the
// start at once: Pyodide logs "wasm instantiation failed!" and would wait for ever. (Its type
// was checked above, so streaming compilation has no other reason to fail.)
for (const name of ["instantiate", "instantiateStreaming", "compile", "compileStreaming"]) {
  const plain = WebAssembly[name];
  if (!plain) continue;
  WebAssembly[name] = (...args) => plain.apply(WebAssembly, args).catch((error) => {
    breakStart(error);
    throw error;
  });
}

async function fetchBytes(url) {
  const response = await fetch(url);
  if (!url.endsWith(".gz")) return new Uint8Array(await response.arrayBuffer());
  const plain = response.body.pipeThrough(new DecompressionStream("gzip"));
  return new Uint8Array(await new Response(plain).arrayBuffer());
}

// The wheel and the snapshot are checked against the SHA-256 digests recorded at build time,
// so bytes changed on the host or on the way (one bank holiday moved inside the snapshot)
// are never run. A snapshot that fails the check falls back to a normal start; a wheel that
// fails it stops the start with a clear message.
async function verified(bytes, expected, url) {
  if (!expected) throw new Error(`${url}: no digest to check it against`);
  if (!crypto.subtle) throw new Error(`${url}: cannot be checked (the page is not served securely)`);
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  const hex = Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("");
  if (hex !== expected) throw new Error(`${url}: not the file this site was built with`);
  return bytes;
}

// A cheap call that proves the checkers answer (an empty form gives "errors").
function works(candidate) {
  const reply = JSON.parse(
    candidate.handle_form(JSON.stringify({ checker: "whistleblowing", values: {}, base: "/" })),
  );
  return Array.isArray(reply.errors);
}

async function fromSnapshot(loadPyodide, { pyodide, snapshot, snapshotSha256 }) {
  const bytes = await verified(await fetchBytes(snapshot), snapshotSha256, snapshot);
  const py = await loadPyodide({ indexURL: pyodide, packageBaseUrl: pyodide, _loadSnapshot: bytes });
  const candidate = py.pyimport("checkers.api");
  if (!works(candidate)) throw new Error("snapshot did not answer");
  return candidate;
}

async function fromScratch(loadPyodide, { pyodide, wheel, wheelSha256 }) {
  const [py, wheelBytes] = await Promise.all([
    loadPyodide({ indexURL: pyodide, packageBaseUrl: pyodide }), // never the default CDN
    fetchBytes(wheel).then((bytes) => verified(bytes, wheelSha256, wheel)),
  ]);
  py.unpackArchive(wheelBytes, "wheel");
  return py.pyimport("checkers.api");
}

async function start(config) {
  pyodideBase = config.pyodide;
  const { loadPyodide } = await orBroken(import(config.pyodide + "pyodide.mjs"));
  if (config.snapshot) {
    try {
      api = await orBroken(fromSnapshot(loadPyodide, config));
      return "snapshot";
    } catch (error) {
      if (brokenBy) throw brokenBy;
      console.warn("Starting from the snapshot failed; starting Python normally.", error);
    }
  }
  api = await orBroken(fromScratch(loadPyodide, config));
  return "normal";
}

self.onmessage = async ({ data }) => {
  if (data.type === "init") {
    const started = performance.now();
    try {
      const how = await start(data);
      self.postMessage({ type: "ready", how, ms: performance.now() - started });
    } catch (error) {
      self.postMessage({ type: "failed", error: String(error) });
    }
  } else if (data.type === "call") {
    let reply;
    try {
      if (!CALLS.has(data.call)) throw new Error(`no call ${data.call}`);
      reply = api[data.call](data.message);
    } catch (error) {
      // A Python exception here is a bug, not bad input: say so rather than guess.
      reply = JSON.stringify({ failure: String(error) });
    }
    self.postMessage({ type: "reply", id: data.id, reply });
  }
};
