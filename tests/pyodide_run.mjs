// Runs checker cases under real Pyodide in Node, from the npm package pinned in
// package-lock.json, with no network. Usage: node pyodide_run.mjs WHEEL CASES.json
// Prints one JSON reply per case (checkers.api.assess_json), as a JSON array.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { createRequire } from "node:module";

const [wheelPath, casesPath] = process.argv.slice(2);
const require = createRequire(import.meta.url);
const pyodideDir = dirname(require.resolve("pyodide/package.json"));
const { loadPyodide } = await import(join(pyodideDir, "pyodide.mjs"));

const py = await loadPyodide({ indexURL: pyodideDir + "/" });
py.unpackArchive(new Uint8Array(readFileSync(wheelPath)), "wheel");
const api = py.pyimport("checkers.api");
const cases = JSON.parse(readFileSync(casesPath, "utf8"));
const replies = cases.map((c) => JSON.parse(api.assess_json(JSON.stringify(c))));
process.stdout.write(JSON.stringify({ python: py.runPython("import sys; sys.version"), replies }));
