// Makes a Pyodide memory snapshot with the checkers already imported and warmed, so the
// browser can start from it instead of booting Python and importing everything again.
// The snapshot API is private to Pyodide (pinned in package-lock.json): the browser falls
// back to a normal start whenever loading the snapshot fails.
//
// Usage: node make_snapshot.mjs PYODIDE_DIR WHEEL OUT
import { readFileSync, writeFileSync } from "node:fs";

const [pyodideDir, wheelPath, out] = process.argv.slice(2);
const { loadPyodide } = await import(pyodideDir + "/pyodide.mjs");
const py = await loadPyodide({ indexURL: pyodideDir + "/", _makeSnapshot: true });
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
