// Makes a Pyodide memory snapshot with the checkers already imported and warmed, so the
// browser can start from it instead of booting Python and importing everything again.
// The snapshot API is private to Pyodide (pinned in package-lock.json): the browser falls
// back to a normal start whenever loading the snapshot fails.
//
// Usage: node make_snapshot.mjs PYODIDE_DIR WHEEL OUT
import nodeCrypto from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";

const [pyodideDir, wheelPath, out] = process.argv.slice(2);

// The same commit must give the same snapshot, byte for byte (it is served as immutable under
// a content address, and its digest is checked in the browser). Python's hash seed and the
// entropy it reads are fixed while the snapshot is made. The checkers use neither randomness
// nor hashing of untrusted keys, so a fixed seed costs them nothing.
let state = 0x2015;
nodeCrypto.randomFillSync = (array) => {
  const bytes = new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
  for (let i = 0; i < bytes.length; i++) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    bytes[i] = state >>> 24;
  }
  return array;
};
// Clocks too: file times in Python's import caches would otherwise differ from run to run.
// They start at SOURCE_DATE_EPOCH, which the build sets (build_scripts/prepass/runtime.py).
const EPOCH_MS = Number(process.env.SOURCE_DATE_EPOCH) * 1000;
if (!Number.isFinite(EPOCH_MS)) throw new Error("SOURCE_DATE_EPOCH is not set");
let ticks = 0;
Date.now = () => EPOCH_MS + ticks++;
performance.now = () => ticks++;
const { loadPyodide } = await import(pyodideDir + "/pyodide.mjs");
const py = await loadPyodide({
  indexURL: pyodideDir + "/",
  _makeSnapshot: true,
  env: { PYTHONHASHSEED: "0" },
});
py.unpackArchive(new Uint8Array(readFileSync(wheelPath)), "wheel");
// Import and exercise every checker once, so that nothing is imported lazily later.
py.runPython(`
import json
from checkers import api, CHECKERS
for checker in CHECKERS.values():
    api.handle_form(json.dumps({"checker": checker.id, "values": {}, "base": "/"}))
    api.handle_form(json.dumps({"checker": checker.id, "base": "/", "values": {
        q.id: ("yes" if q.kind == "bool" else q.choices[0].value if q.kind == "choice"
               else "2015-04-02") for q in checker.questions}}))
`);
const snapshot = py.makeMemorySnapshot();
writeFileSync(out, snapshot);
console.error(`snapshot: ${(snapshot.length / 1e6).toFixed(1)} MB`);
