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
// page's progress line, gives up on a download that delivers no byte for STALL_MS, and fails
// at once on an HTTP error or a file of the wrong type. Pyodide itself only logs such failures
// and never settles, so a failure of one of its files also rejects `broken`, which every
// start races against.
const STALL_MS = 45_000; // no byte for this long: this download has stalled (README says so too)
const PROGRESS_EVERY_MS = 250;
const HEARTBEAT_MS = 1_000; // while this worker's event loop is free, the page hears from it
let received = 0;
let lastProgress = 0;
const fetched = new Set(); // every address a start used, for the page to keep for next time
let essential = () => false; // a failed download of one of these ends the start
const expected = new Map(); // address -> the SHA-256 the build recorded
let reload = new Set(); // addresses to fetch from the network, past every cache
const bad = new Set(); // addresses whose copy failed a check and was thrown away
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

// A copy of a file that must not be used: an HTTP error (which a cache may hold), the wrong
// type, or bytes that fail their digest. (A stalled or cut connection is not one: nothing
// wrong was stored.)
class BadCopy extends Error {}

// What the worker is doing, for the page: "downloading" (and compiling as it streams in),
// then "starting" Python and "importing" the checkers, during which Python runs without a
// pause and no message can be sent: the page allows those phases longer.
function phase(name) {
  self.postMessage({ type: "phase", phase: name });
}

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
  if (early && url === early.url) return early.standIn(); // being compiled already (below)
  try {
    // A copy that failed its check is fetched past the service worker's cache (it was
    // evicted) and the browser's HTTP cache (which may hold it as immutable for a year).
    const options = reload.has(url) ? { ...init, cache: "reload" } : init;
    const response = packed.has(url) ? await packedFetch(url, options) : await watchedFetch(input, options, url);
    if (!packed.has(url)) fetched.add(url);
    return expected.has(url) ? await checked(response, url) : response;
  } catch (error) {
    await failed(url, error);
    throw error;
  }
};

// The archive and the snapshot ship compressed only (build_scripts/postpass/pack.py): a host
// that sends a compressed copy in a file's place answers for the file itself, and the browser
// unpacks it; any other answers 404 (or, offline, nothing is kept under that address), and
// then the .gz copy is fetched as a file and unpacked here. Either way the bytes are the
// file's own, and checked as such.
let packed = new Set();
class Missing extends Error {}

/** @param {string} url */
function gzipCopy(url) {
  const copy = new URL(url);
  copy.pathname += ".gz";
  return copy.href;
}

async function packedFetch(url, init) {
  try {
    const response = await watchedFetch(url, init, url);
    fetched.add(url);
    return response;
  } catch (error) {
    if (!(error instanceof Missing) && !(error instanceof TypeError)) throw error;
  }
  const copy = gzipCopy(url);
  const response = await watchedFetch(copy, init, copy);
  fetched.add(copy);
  const bytes = new Uint8Array(await response.arrayBuffer());
  const unpacked = await unpack(bytes);
  counted(unpacked.byteLength - bytes.byteLength); // the progress line counts unpacked bytes
  return new Response(unpacked, { status: 200, headers: { "Content-Type": "application/octet-stream" } });
}

// A .gz copy's bytes, unpacked; unless a host sent it with Content-Encoding: gzip (Apache may)
// and the browser unpacked it already (neither file starts as gzip does: the build checks).
async function unpack(bytes) {
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes;
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

// A download that failed: a bad copy leaves the caches, and a file Python cannot start
// without ends the start.
async function failed(url, error) {
  if (error instanceof BadCopy && expected.has(url)) await throwAway(url);
  if (essential(url)) breakStart(error);
}

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

// An HTTP error, or a file of a type it cannot be used as: WebAssembly that would not compile
// as it streams in, a script the browser would refuse to run (an error page served as 200).
const TYPES = { ".wasm": "application/wasm", ".mjs": "javascript" };
function refuseUnusable(response, url) {
  if (response.status === 404 && packed.has(url)) throw new Missing(`${url}: HTTP 404`);
  if (!response.ok) throw new BadCopy(`${url}: HTTP ${response.status}`);
  const type = response.headers.get("content-type") || "";
  const wanted = Object.entries(TYPES).find(([end]) => new URL(url).pathname.endsWith(end));
  if (wanted && !type.includes(wanted[1])) throw new BadCopy(`${url}: served as "${type}", not ${wanted[1]}`);
}

// Pyodide's WebAssembly, fetched and compiled from the moment this worker starts, beside the
// checks of Pyodide's scripts and the reading of a stored snapshot (Pyodide itself asks for it
// only once its scripts have run). Pyodide's own request for it then gets a stand-in, and
// its instantiation uses the module compiled here. The fetch is the one below: counted,
// watched and checked against its digest like every other.
/** @type {{ url: string, module: Promise<WebAssembly.Module>, standIn: () => Response } | null} */
let early = null;
const standIns = new WeakSet();

function compileEarly(url) {
  const module = WebAssembly.compileStreaming(self.fetch(url));
  module.catch(() => {}); // a failure ends the start (below); awaited by the instantiation
  early = {
    url,
    module,
    standIn() {
      const response = new Response(null, { headers: { "Content-Type": "application/wasm" } });
      standIns.add(response);
      return response;
    },
  };
}

const plainInstantiate = WebAssembly.instantiate;
async function instantiateEarly(plain, [source, imports]) {
  const response = await source;
  if (!early || !standIns.has(response)) return plain.call(WebAssembly, response, imports);
  const module = await early.module;
  return { module, instance: await plainInstantiate.call(WebAssembly, module, imports) };
}

// A WebAssembly file that arrives but will not compile (corrupt, cut short) also ends the
// start at once: Pyodide logs "wasm instantiation failed!" and would wait for ever. (Its type
// was checked above, so streaming compilation has no other reason to fail.) Once Pyodide's
// module is instantiated, Python starts: a long stretch with no pause. (Pyodide also
// instantiates a tiny module of its own, from bytes, as it loads: that is not the start.)
for (const name of ["instantiate", "instantiateStreaming", "compile", "compileStreaming"]) {
  const plain = WebAssembly[name];
  if (!plain) continue;
  WebAssembly[name] = (...args) => (
    name === "instantiateStreaming" ? instantiateEarly(plain, args) : plain.apply(WebAssembly, args)
  ).then(
    (made) => {
      if (name === "instantiateStreaming") phase("starting");
      return made;
    },
    (error) => {
      breakStart(brokenBy || error); // the digest check's reason, when it was that
      throw error;
    },
  );
}

// Every runtime file is checked against the SHA-256 recorded at build time, so bytes changed
// on the host, on the way or in a cache (a half-uploaded archive, an error page, one bank
// holiday moved inside the snapshot) are never run. The body streams on as it arrives (so the
// WebAssembly still compiles while it downloads) and ends in an error, before its reader can
// use it, if the bytes do not match; the copy is then thrown away, and the page starts again
// with it fetched afresh.
function checked(response, url) {
  if (!response.body) return verified(new Uint8Array(0), url).then(() => response);
  const chunks = [];
  const body = response.body.pipeThrough(new TransformStream({
    transform(chunk, stream) {
      chunks.push(chunk);
      stream.enqueue(chunk);
    },
    async flush() {
      const bytes = new Uint8Array(chunks.reduce((n, c) => n + c.byteLength, 0));
      let at = 0;
      for (const chunk of chunks) {
        bytes.set(chunk, at);
        at += chunk.byteLength;
      }
      chunks.length = 0; // one copy at a time: a phone's memory is tight while Python starts
      try {
        await verified(bytes, url);
      } catch (error) {
        await failed(url, error);
        throw error;
      }
    },
  }));
  return new Response(body, { status: response.status, headers: response.headers });
}

async function verified(bytes, url) {
  if (!crypto.subtle) throw new Error(`${url}: cannot be checked (the page is not served securely)`);
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  const hex = Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("");
  if (hex !== expected.get(url)) throw new BadCopy(`${url}: not the file this site was built with`);
  return bytes;
}

// A copy that failed a check leaves every cache of this site's, so that no later start meets
// it again; the page fetches it afresh.
async function throwAway(url) {
  bad.add(url);
  if (!self.caches) return;
  try {
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      await cache.delete(url);
      if (packed.has(url)) await cache.delete(gzipCopy(url));
    }
  } catch {
    // storage may be unavailable (private mode): the fetch past the HTTP cache still helps
  }
}

// The snapshot, only if a visit before this one stored it (see the top of this file).
async function storedSnapshot(url) {
  const response = self.caches ? (await caches.match(url)) || (await caches.match(gzipCopy(url))) : undefined;
  if (!response) return null;
  try {
    return await verified(await unpack(new Uint8Array(await response.arrayBuffer())), url);
  } catch (error) {
    await throwAway(url); // replaced when the page keeps the runtime again
    throw error;
  }
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
  phase("importing");
  const candidate = py.pyimport("checkers.api");
  if (!works(candidate)) throw new Error("snapshot did not answer");
  return candidate;
}

async function fromScratch(loadPyodide, files) {
  const py = await loadPyodide(options(files));
  phase("importing");
  return py.pyimport("checkers.api");
}

// Pyodide's two scripts are imported, and an import cannot be checked: each is fetched and
// checked first (the import then reads the same copy from the cache).
async function checkedScripts(files) {
  const scripts = ["pyodide.mjs", "pyodide.asm.mjs"].map((name) => files.pyodide + name);
  await orBroken(Promise.all(scripts.map(async (url) => (await self.fetch(url)).arrayBuffer())));
}

async function start({ files, digests, reloading }) {
  for (const [url, digest] of Object.entries(digests)) expected.set(url, digest);
  for (const name of ["python", "snapshot"]) {
    if (!expected.has(files[name])) throw new Error(`${files[name]}: no digest to check it against`);
  }
  reload = new Set(reloading);
  packed = new Set([files.python, files.snapshot]);
  essential = (url) => url.startsWith(files.pyodide) || url === files.python;
  phase("downloading");
  // What does not need Pyodide's scripts starts now, beside their checks.
  compileEarly(files.pyodide + "pyodide.asm.wasm");
  const stored = storedSnapshot(files.snapshot);
  stored.catch(() => {}); // awaited below
  await checkedScripts(files);
  const { loadPyodide } = await orBroken(import(files.pyodide + "pyodide.mjs"));
  try {
    const snapshot = await orBroken(stored);
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
    const heartbeat = setInterval(() => self.postMessage({ type: "alive" }), HEARTBEAT_MS);
    try {
      const how = await start(data);
      const ms = performance.now() - started;
      self.postMessage({ type: "ready", how, ms, used: [...fetched], bytes: received, bad: [...bad] });
    } catch (error) {
      self.postMessage({ type: "failed", error: String(error), bad: [...bad] });
    } finally {
      clearInterval(heartbeat);
    }
  } else if (data.type === "call") {
    let reply;
    const called = performance.now();
    try {
      if (!CALLS.has(data.call)) throw new Error(`no call ${data.call}`);
      reply = api[data.call](data.message);
    } catch (error) {
      // A Python exception here is a bug, not bad input: say so rather than guess.
      reply = JSON.stringify({ failure: String(error) });
    }
    // With the time Python took, which the page records as a performance measure.
    self.postMessage({ type: "reply", id: data.id, reply, ms: performance.now() - called, call: data.call });
  }
};
