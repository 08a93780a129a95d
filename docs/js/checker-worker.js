// The Python side of the checkers: a module worker that starts Pyodide from this site and
// answers the page. It holds no rules and no wording: everything comes from `checkers.api`
// in Python, through the three calls below.
//
// A first visit starts Python normally, from the smallest download: Pyodide, and one archive
// with the part of the standard library the checkers use and the checkers themselves, all
// compiled at build time (build_scripts/prepass/make_runtime.mjs). Once a checker has
// answered, the page asks the service worker to keep those files and a memory snapshot made
// at build time with the checkers already imported; a later visit that has the snapshot
// starts from it, several times faster, and with the network off. The snapshot API is
// private to Pyodide, so any failure there falls back to a normal start.

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
const fetched = new Set(); // every address a start used, for the page to keep for next time
let essential = () => false; // a failed download of one of these ends the start
const expected = new Map(); // address -> the SHA-256 the build recorded
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
  try {
    const response = await watchedFetch(input, init, url);
    fetched.add(url);
    return expected.has(url) ? await checked(response, url) : response;
  } catch (error) {
    if (essential(url)) breakStart(error);
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

// The Python files are checked against the SHA-256 digests recorded at build time, so bytes
// changed on the host, on the way or in a cache (one bank holiday moved inside the snapshot)
// are never run. A snapshot that fails the check falls back to a normal start; the archive
// failing it stops the start with a clear message.
async function checked(response, url) {
  const bytes = await verified(new Uint8Array(await response.arrayBuffer()), url);
  return new Response(bytes, { status: response.status, headers: response.headers });
}

async function verified(bytes, url) {
  if (!crypto.subtle) throw new Error(`${url}: cannot be checked (the page is not served securely)`);
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  const hex = Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("");
  if (hex !== expected.get(url)) throw new Error(`${url}: not the file this site was built with`);
  return bytes;
}

// The snapshot, only if a visit before this one stored it (see the top of this file).
async function storedSnapshot(url) {
  const response = self.caches ? await caches.match(url) : undefined;
  return response ? verified(new Uint8Array(await response.arrayBuffer()), url) : null;
}

// A cheap call that proves the checkers answer (an empty form gives "errors").
function works(candidate) {
  const reply = JSON.parse(
    candidate.handle_form(JSON.stringify({ checker: "whistleblowing", values: {}, base: "/" })),
  );
  return Array.isArray(reply.errors);
}

function options(files) {
  return {
    indexURL: files.pyodide,
    stdLibURL: files.python, // in place of Pyodide's standard library
    packageBaseUrl: files.pyodide, // never the default CDN (the lock file lists no package)
  };
}

async function fromSnapshot(loadPyodide, files, snapshot) {
  const py = await loadPyodide({ ...options(files), _loadSnapshot: snapshot });
  const candidate = py.pyimport("checkers.api");
  if (!works(candidate)) throw new Error("snapshot did not answer");
  return candidate;
}

async function fromScratch(loadPyodide, files) {
  const py = await loadPyodide(options(files));
  return py.pyimport("checkers.api");
}

async function start({ files, digests }) {
  for (const name of ["python", "snapshot"]) {
    if (!digests[name]) throw new Error(`${files[name]}: no digest to check it against`);
    expected.set(files[name], digests[name]);
  }
  essential = (url) => url.startsWith(files.pyodide) || url === files.python;
  const { loadPyodide } = await orBroken(import(files.pyodide + "pyodide.mjs"));
  try {
    const snapshot = await storedSnapshot(files.snapshot);
    if (snapshot) {
      api = await orBroken(fromSnapshot(loadPyodide, files, snapshot));
      return "snapshot";
    }
  } catch (error) {
    if (brokenBy) throw brokenBy;
    console.warn("Starting from the stored snapshot failed; starting Python normally.", error);
  }
  api = await orBroken(fromScratch(loadPyodide, files));
  return "normal";
}

self.onmessage = async ({ data }) => {
  if (data.type === "init") {
    const started = performance.now();
    try {
      const how = await start(data);
      const used = [...fetched, data.files.pyodide + "pyodide.mjs"]; // imported, not fetched
      self.postMessage({ type: "ready", how, ms: performance.now() - started, used, bytes: received });
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
