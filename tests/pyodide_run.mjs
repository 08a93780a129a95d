// Runs checker cases under real Pyodide in Node, from the npm package pinned in
// package-lock.json, with no network, on the archive the site ships (the standard library
// the checkers use, and the checkers, compiled), as the browser starts it.
// Usage: node pyodide_run.mjs ARCHIVE CASES.json [SNAPSHOT.bin]
// Each case is {call, message}: `call` names an entry point of checkers.api (handle_form,
// link_for_form, read_fragment, assess_json) and `message` is its JSON argument.
// Prints one JSON reply per case, as a JSON array.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { createRequire } from "node:module";

const [stdLibURL, casesPath, snapshotPath] = process.argv.slice(2);
const require = createRequire(import.meta.url);
const pyodideDir = dirname(require.resolve("pyodide/package.json"));
const { loadPyodide } = await import(join(pyodideDir, "pyodide.mjs"));

let py;
if (snapshotPath) {
  const snapshot = new Uint8Array(readFileSync(snapshotPath));
  py = await loadPyodide({ indexURL: pyodideDir + "/", stdLibURL, _loadSnapshot: snapshot });
} else {
  py = await loadPyodide({ indexURL: pyodideDir + "/", stdLibURL });
}
const api = py.pyimport("checkers.api");
const cases = JSON.parse(readFileSync(casesPath, "utf8"));
const CALLS = new Set(["handle_form", "link_for_form", "read_fragment", "assess_json"]);
const replies = cases.map((c) => {
  if (!CALLS.has(c.call)) throw new Error(`no call ${c.call}`);
  return JSON.parse(api[c.call](JSON.stringify(c.message)));
});
const python = py.runPython("import sys; sys.version");
// How many files the archive Python started on holds, to show it was the one given.
const archived = py.runPython(
  "import sys, zipfile; len(zipfile.ZipFile(f'/lib/python{sys.version_info[0]}{sys.version_info[1]}.zip').namelist())",
);
const checkersFrom = py.runPython("import checkers; checkers.__file__");
process.stdout.write(JSON.stringify({ python, archived, checkers_from: checkersFrom, replies }));
