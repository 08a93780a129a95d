// The Python side of the checkers: a module worker that starts Pyodide from this site,
// installs the checkers wheel and answers the page. It holds no rules and no wording:
// everything comes from `checkers.api.handle_form` in Python.

let api = null;

// Pyodide only logs when the WebAssembly file cannot be fetched, and then never settles; a
// small HEAD request for the same file turns a blocked download into a clear failure.
async function reachable(url) {
  const response = await fetch(url, { method: "HEAD", cache: "no-store" });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
}

async function start({ pyodide, wheel }) {
  const { loadPyodide } = await import(pyodide + "pyodide.mjs");
  const [py, wheelBytes] = await Promise.all([
    loadPyodide({ indexURL: pyodide, fullStdLib: false }),
    fetch(wheel).then((response) => {
      if (!response.ok) throw new Error(`wheel: HTTP ${response.status}`);
      return response.arrayBuffer();
    }),
    reachable(pyodide + "pyodide.asm.wasm"),
  ]);
  py.unpackArchive(wheelBytes, "wheel");
  api = py.pyimport("checkers.api");
}

self.onmessage = async ({ data }) => {
  if (data.type === "init") {
    const started = performance.now();
    try {
      await start(data);
      self.postMessage({ type: "ready", ms: performance.now() - started });
    } catch (error) {
      self.postMessage({ type: "failed", error: String(error) });
    }
  } else if (data.type === "assess") {
    let reply;
    try {
      reply = api.handle_form(data.message);
    } catch (error) {
      // A Python exception here is a bug, not bad input: say so rather than guess.
      reply = JSON.stringify({ failure: String(error) });
    }
    self.postMessage({ type: "reply", id: data.id, reply });
  }
};
