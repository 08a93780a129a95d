// Python, in one module worker for the whole visit (js/checker-worker.js). Material's instant
// navigation swaps pages without reloading this script, so the worker started on the first
// checker page is reused on the next. Pages without a checker never start it, so they never
// download Pyodide.
//
// Read from each form (rendered by checkers/web/form.py; the first three and the digests also
// from the head's <meta name="python-runtime">, see build_scripts/postpass/preload.py):
//   data-pyodide, data-python, data-snapshot  the files the worker starts from, from the root
//   data-runtime-sha256                       JSON {address: SHA-256} of every runtime file
//   data-download-bytes                       what a first start downloads, for the progress
//   data-msg-preparing, data-msg-progress     the progress line's words ("{percent}")

import { ROOT, checkerForms, partOf, status } from "./site.js";

/**
 * @typedef {{ files: Record<string, string>, digests: Record<string, string> }} RuntimeFiles
 * @typedef {{ failure?: string, [key: string]: any }} Reply  what Python answered (JSON)
 * @typedef {{ how: string, bytes: number, used: string[], bad: string[] }} Ready
 */

export const runtime = {
  /** @type {Worker | null} */ worker: null,
  /** @type {Promise<Ready> | null} */ ready: null,
  started: false,
  /** @type {Map<number, (reply: Reply) => void>} */ pending: new Map(),
  seq: 0,
  /** @type {Record<string, string> | null} */ files: null,
  /** @type {string[] | null} */ used: null,
  retrying: false,
};

// The files the worker starts Python from, as the build recorded them on the form.
const RUNTIME_FILES = ["pyodide", "python", "snapshot"];
// The worker gives up on a download that delivers no byte for 45 s, and otherwise says
// something every second while it can. It cannot while Python starts and the checkers are
// imported (Python runs without a pause: a minute or more on a slow phone), so silence is
// allowed longer then. Past these limits the worker is taken as lost.
const SILENCE_LIMIT_MS = 60_000;
const BUSY_LIMIT_MS = 300_000;
const BUSY_PHASES = new Set(["starting", "importing"]);
// Once Python runs, an answer takes well under a second: this long means the worker is lost.
const CALL_LIMIT_MS = 20_000;

/** Addresses whose copy failed its check (the worker threw it away): they are fetched from
 * the network past every cache on the next start, and stored again when the runtime is kept.
 * @type {Set<string>} */
export const refetch = new Set();

/**
 * Forget the worker, answering whatever waits on it; the next press starts a new one.
 * @param {string} reason
 */
function dropRuntime(reason) {
  if (runtime.worker) runtime.worker.terminate();
  for (const done of runtime.pending.values()) done({ failure: reason });
  Object.assign(runtime, {
    worker: null, ready: null, started: false, pending: new Map(), files: null, used: null,
  });
}

/**
 * The runtime files and their digests a form names (or the head's copy of its attributes,
 * <meta name="python-runtime">), as full addresses.
 * @param {HTMLElement} form
 * @returns {RuntimeFiles}
 */
export function runtimeFiles(form) {
  /** @type {Record<string, string>} */
  const files = {};
  for (const name of RUNTIME_FILES) files[name] = new URL(form.dataset[name] || "", ROOT).href;
  /** @type {Record<string, string>} */
  const digests = {};
  for (const [address, digest] of Object.entries(JSON.parse(form.dataset.runtimeSha256 || "{}"))) {
    digests[new URL(address, ROOT).href] = String(digest);
  }
  return { files, digests };
}

/**
 * Python, started (or being started) from the files `form` names (see runtimeFiles).
 * @param {HTMLElement} form
 * @returns {Promise<Ready>}
 */
export function startRuntime(form) {
  const { files, digests } = runtimeFiles(form);
  // A page from a newer build, reached by instant navigation, gets the checkers it was
  // built with, never the ones already running.
  if (runtime.ready && JSON.stringify(runtime.files) !== JSON.stringify(files)) {
    dropRuntime("replaced");
  }
  if (runtime.ready) return runtime.ready;
  // A start that failed on a bad copy of a file is tried once more at once, with that file
  // fetched afresh, so a reader meets a damaged cache at most once.
  const ready = launch(files, digests).catch((error) => {
    const fresh = (error.bad || []).filter((/** @type {string} */ url) => !error.reloaded.includes(url));
    if (!fresh.length) throw error;
    runtime.retrying = true; // until this start settles, a press says so too
    for (const other of checkerForms()) status(other, "retrying", "loading");
    return launch(files, digests).finally(() => {
      runtime.retrying = false;
    });
  });
  runtime.ready = ready;
  runtime.files = files;
  // A start that failed is not kept: the next press tries again from the beginning.
  ready.catch((error) => {
    console.warn("The checker could not start:", String(error)); // for whoever supports the reader
    if (runtime.ready === ready) dropRuntime("failed");
    showProgress(null);
  });
  return ready;
}

/**
 * A User Timing mark for each step of Python's start ("python:worker" as the worker is made,
 * "python:downloading" once it runs, "python:starting" once the WebAssembly has compiled,
 * "python:importing", "python:ready"): they show in a browser's performance panel, and
 * `make bench` reads them.
 * @param {string} step
 */
function mark(step) {
  performance.mark(`python:${step}`);
}

/**
 * One start of a worker, resolved when Python is ready; rejected with an Error carrying
 * `bad` (addresses whose copy failed its check) and `reloaded` (those fetched afresh).
 * @param {Record<string, string>} files
 * @param {Record<string, string>} digests
 * @returns {Promise<Ready>}
 */
function launch(files, digests) {
  const reloaded = [...refetch];
  return new Promise((resolve, reject) => {
    /** @type {Worker} */
    let worker;
    try {
      mark("worker");
      worker = new Worker(new URL("js/checker-worker.js", ROOT), { type: "module" });
    } catch (error) {
      reject(error);
      return;
    }
    runtime.worker = worker;
    /** @type {ReturnType<typeof setTimeout> | undefined} */
    let silence;
    let limit = SILENCE_LIMIT_MS;
    let phase = "";
    const fail = (/** @type {Error} */ error, /** @type {string[]} */ bad = []) => {
      clearTimeout(silence);
      for (const url of bad) refetch.add(url);
      worker.terminate();
      reject(Object.assign(error, { bad, reloaded }));
    };
    const watch = () => {
      clearTimeout(silence);
      silence = setTimeout(() => fail(new Error("the worker stopped answering")), limit);
    };
    watch();
    worker.onmessage = ({ data }) => {
      if (data.type !== "reply") watch();
      if (data.type === "phase") {
        phase = data.phase;
        mark(phase);
        limit = BUSY_PHASES.has(phase) ? BUSY_LIMIT_MS : SILENCE_LIMIT_MS;
        watch();
        if (BUSY_PHASES.has(phase)) showProgress("preparing");
      } else if (data.type === "progress" && !BUSY_PHASES.has(phase)) {
        showProgress(data.bytes); // (the last bytes can be reported after Python has begun)
      } else if (data.type === "ready") {
        mark("ready");
        clearTimeout(silence);
        showProgress(null);
        for (const url of reloaded) refetch.delete(url);
        for (const url of data.bad) refetch.add(url); // a snapshot thrown away: store it again
        runtime.started = true;
        runtime.used = data.used;
        // For the tests: how Python started, and how many bytes it downloaded.
        Object.assign(document.documentElement.dataset, { pythonStart: data.how, pythonBytes: data.bytes });
        resolve(data);
      } else if (data.type === "failed") {
        fail(new Error(data.error), data.bad);
      } else if (data.type === "reply") {
        // How long Python itself took ("python:handle_form", …), beside the page's own time.
        const now = performance.now();
        performance.measure(`python:${data.call}`, { start: now - data.ms, end: now });
        const done = runtime.pending.get(data.id);
        runtime.pending.delete(data.id);
        if (done) done(JSON.parse(data.reply));
      }
    };
    worker.onerror = (event) => {
      fail(new Error(event.message || "worker failed"));
      if (runtime.worker === worker) dropRuntime("lost"); // lost after it started: nothing is left waiting
    };
    // With the digests the build recorded: the worker refuses bytes that do not match.
    worker.postMessage({ type: "init", files, digests, reloading: reloaded });
  });
}

/**
 * One call to Python: `call` is one of the entry points of checkers.api the worker allows.
 * A call that gets no answer in time means the worker is lost: it is dropped, so that the
 * next press starts a new one, and the caller is told ({failure: "lost"}).
 * @param {string} call
 * @param {object} message
 * @returns {Promise<Reply>}
 */
export function ask(call, message) {
  return new Promise((resolve) => {
    const worker = runtime.worker;
    if (!worker) {
      resolve({ failure: "lost" });
      return;
    }
    const id = ++runtime.seq;
    const timer = setTimeout(() => {
      runtime.pending.delete(id);
      dropRuntime("lost");
      resolve({ failure: "lost" });
    }, CALL_LIMIT_MS);
    runtime.pending.set(id, (reply) => {
      clearTimeout(timer);
      resolve(reply);
    });
    worker.postMessage({ type: "call", id, call, message: JSON.stringify(message) });
  });
}

/**
 * How much has arrived, beside the status line while Python starts, then that Python is
 * being prepared ("preparing"; shown, not announced: the status line has said once that it
 * is starting). `null` hides it.
 * @param {number | "preparing" | null} progress
 */
function showProgress(progress) {
  for (const slot of document.querySelectorAll("[data-checker-progress]")) {
    const line = /** @type {HTMLElement} */ (slot);
    const form = /** @type {HTMLFormElement | null} */ (partOf(line, "form[data-checker]"));
    const data = form ? form.dataset : {};
    const total = Number(data.downloadBytes);
    const percent = Math.min(99, Math.floor((100 * Number(progress)) / total)); // 100 is "ready"
    const text = progress === "preparing" ? data.msgPreparing
      : progress !== null && total ? (data.msgProgress || "").replace("{percent}", String(percent))
      : "";
    line.hidden = !text;
    if (text) line.textContent = text;
  }
}
