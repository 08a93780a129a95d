// Makes the two Python files the browser starts from, from Pyodide and the checkers wheel:
//
// - ARCHIVE: what Python imports, in place of Pyodide's standard library archive: the part of
//   the standard library that Pyodide's own start and the checkers import, and the checkers
//   package from the wheel, compiled to bytecode under this Pyodide (so the browser compiles
//   nothing at start), stored uncompressed so that the host's Brotli compresses the whole
//   archive at once. The standard library's bytecode has no docstrings and no column
//   positions (line numbers are kept); the checkers' keeps everything, asserts included.
//   Pyodide's own archive is 2.5 MB of sources, most of which the checkers never import.
// - SNAPSHOT: a Pyodide memory snapshot with the checkers already imported and warmed, made
//   on that same archive, for a visit that has it stored (the snapshot API is private to
//   Pyodide, pinned in package-lock.json: the browser falls back to a normal start whenever
//   loading it fails).
//
// Usage: node make_runtime.mjs PYODIDE_DIR WHEEL ARCHIVE SNAPSHOT
// Prints the names of the standard library modules kept to stderr.
import nodeCrypto from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";

const [pyodideDir, wheelPath, archiveOut, snapshotOut] = process.argv.slice(2);

// The same commit must give the same files, byte for byte (they are served as immutable
// under a content address, and their digests are checked in the browser). Python's hash
// seed and the entropy it reads are fixed while they are made. The checkers use neither
// randomness nor hashing of untrusted keys, so a fixed seed costs them nothing.
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

// Emscripten takes the program's name from this script's path, and Python keeps it (sys.argv,
// sys.executable): the name a browser gives it instead keeps the checkout's folder out of the
// snapshot, so checkouts in two folders make the same bytes.
process.argv[1] = "./this.program";

const { loadPyodide } = await import(pyodideDir + "/pyodide.mjs");
const wheel = new Uint8Array(readFileSync(wheelPath));
// PYTHONNODEBUGRANGES: bytecode without column positions, a quarter of its size after Brotli.
const env = { PYTHONHASHSEED: "0", PYTHONNODEBUGRANGES: "1" };

// Every call the page makes, on an empty form and on a full one, and the command line's call
// with bad input, so that nothing the checkers import lazily is missed. (The Pyodide parity
// tests then run every combination of answers on the archive this makes.)
const EXERCISE = `
import json
from checkers import api, CHECKERS
for checker in CHECKERS.values():
    full = {q.id: ("yes" if q.kind == "bool" else q.choices[0].value if q.kind == "choice"
                   else "2015-04-02") for q in checker.questions}
    for values in ({}, full, {**full, checker.questions[0].id: "<b>"}):
        api.handle_form(json.dumps({"checker": checker.id, "values": values, "base": "/"}))
    link = json.loads(api.link_for_form(json.dumps({"checker": checker.id, "values": full})))
    api.read_fragment(json.dumps({"checker": checker.id, "fragment": link["fragment"]}))
    api.read_fragment(json.dumps({"checker": checker.id, "fragment": "#checker=x&y=%ZZ"}))
api.assess_json(json.dumps({"checker": "nope", "answers": {}}))
api.assess_json("[")
`;

// 1. The archive: start from Pyodide's own, run the checkers, keep what was imported.
const full = await loadPyodide({ indexURL: pyodideDir + "/", env });
full.FS.writeFile("/tmp/checkers.whl", wheel);
full.unpackArchive(wheel, "wheel");
full.runPython(EXERCISE);
const archive = full.runPython(`
import importlib.util, io, marshal, sys, zipfile

ZIP = f"/lib/python{sys.version_info[0]}{sys.version_info[1]}.zip"
used = sorted({
    m.__file__.removeprefix(ZIP + "/")
    for m in list(sys.modules.values())
    if (getattr(m, "__file__", None) or "").startswith(ZIP + "/")
})  # a set: a module can be in sys.modules under two names (os.path is posixpath)

def compiled(source, name, optimize):
    # The header is a timestamp header with no time, which zipimport accepts for a module
    # that has no source beside it.
    code = compile(source, f"{ZIP}/{name}", "exec", dont_inherit=True, optimize=optimize)
    return importlib.util.MAGIC_NUMBER + bytes(12) + marshal.dumps(code)

out = io.BytesIO()
with (
    zipfile.ZipFile(ZIP) as stdlib,
    zipfile.ZipFile("/tmp/checkers.whl") as wheel,
    zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as target,
):
    sources = [(stdlib, name, 2) for name in used]  # optimize=2: no docstrings, no asserts
    sources += [(wheel, name, 0) for name in sorted(wheel.namelist()) if name.endswith(".py")]
    for source, name, optimize in sources:
        data = compiled(source.read(name), name, optimize)
        target.writestr(zipfile.ZipInfo(name.removesuffix(".py") + ".pyc"), data)
sys.stderr.write(" ".join(used) + "\\n")
out.getvalue()
`).toJs();
writeFileSync(archiveOut, archive);
console.error(`archive: ${(archive.length / 1e6).toFixed(2)} MB`);

// 2. The snapshot, made on that archive as the browser will load it.
const py = await loadPyodide({
  indexURL: pyodideDir + "/",
  stdLibURL: archiveOut,
  _makeSnapshot: true,
  env,
});
py.runPython(EXERCISE);
const snapshot = py.makeMemorySnapshot();
writeFileSync(snapshotOut, snapshot);
console.error(`snapshot: ${(snapshot.length / 1e6).toFixed(1)} MB`);
