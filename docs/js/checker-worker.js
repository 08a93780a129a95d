// The Python side of the checkers: a module worker that starts Pyodide from this site and
// answers the page. It holds no rules and no wording: everything comes from `checkers.api`
// in Python, through the three calls below.
//
// It starts from a memory snapshot made at build time with the checkers already imported
// (build_scripts/make_snapshot.mjs), which is several times faster than booting Python. The
// snapshot API is private to Pyodide, so any failure falls back to a normal start.

let api = null;
const CALLS = new Set(["handle_form", "link_for_form", "read_fragment"]);

// Pyodide only logs when the WebAssembly file cannot be fetched, and then never settles; a
// small HEAD request for the same file turns a blocked download into a clear failure.
async function reachable(url) {
  const response = await fetch(url, { method: "HEAD", cache: "no-store" });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
}

async function fetchBytes(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
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
  const py = await loadPyodide({ indexURL: pyodide, _loadSnapshot: bytes });
  const candidate = py.pyimport("checkers.api");
  if (!works(candidate)) throw new Error("snapshot did not answer");
  return candidate;
}

async function fromScratch(loadPyodide, { pyodide, wheel, wheelSha256 }) {
  const [py, wheelBytes] = await Promise.all([
    loadPyodide({ indexURL: pyodide }),
    fetchBytes(wheel).then((bytes) => verified(bytes, wheelSha256, wheel)),
  ]);
  py.unpackArchive(wheelBytes, "wheel");
  return py.pyimport("checkers.api");
}

async function start(config) {
  const [{ loadPyodide }] = await Promise.all([
    import(config.pyodide + "pyodide.mjs"),
    reachable(config.pyodide + "pyodide.asm.wasm"),
  ]);
  if (config.snapshot) {
    try {
      api = await fromSnapshot(loadPyodide, config);
      return "snapshot";
    } catch (error) {
      console.warn("Starting from the snapshot failed; starting Python normally.", error);
    }
  }
  api = await fromScratch(loadPyodide, config);
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
