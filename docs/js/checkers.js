// Binds the checker forms. This file carries messages and inserts results; it holds no rule,
// no wording and no encoding of its own: questions are rendered into the page at build time,
// messages come from the form's data-msg-* attributes, and results (escaped HTML), links to
// answers and the reading of a link's fragment come from Python (checkers/web/).
//
// One module worker runs Python for the whole visit: Material's instant navigation swaps
// pages without reloading this script, so forms are bound through `document$` and the
// worker started on the first checker page is reused on the next. Pages without a checker
// never start it, so they never download Pyodide.
(() => {
  "use strict";

  const ROOT = new URL("..", document.currentScript.src); // this file is <root>/js/checkers.js
  const runtime = {
    worker: null, ready: null, started: false, pending: new Map(), seq: 0, files: null,
    used: null, retrying: false,
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
  // Addresses whose copy failed its check (the worker threw it away): they are fetched from
  // the network past every cache on the next start, and stored again when the runtime is kept.
  const refetch = new Set();
  // Once Python runs, an answer takes well under a second: this long means the worker is lost.
  const CALL_LIMIT_MS = 20_000;

  // Forget the worker, answering whatever waits on it; the next press starts a new one.
  function dropRuntime(reason) {
    if (runtime.worker) runtime.worker.terminate();
    for (const done of runtime.pending.values()) done({ failure: reason });
    Object.assign(runtime, {
      worker: null, ready: null, started: false, pending: new Map(), files: null, used: null,
    });
  }

  function runtimeFiles(form) {
    const files = {};
    for (const name of RUNTIME_FILES) files[name] = new URL(form.dataset[name], ROOT).href;
    const digests = {};
    for (const [address, digest] of Object.entries(JSON.parse(form.dataset.runtimeSha256 || "{}"))) {
      digests[new URL(address, ROOT).href] = digest;
    }
    return { files, digests };
  }

  function startRuntime(form) {
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
      const fresh = (error.bad || []).filter((url) => !error.reloaded.includes(url));
      if (!fresh.length) throw error;
      runtime.retrying = true; // until this start settles, a press says so too
      for (const form of document.querySelectorAll("form[data-checker]")) status(form, "retrying", "loading");
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

  // One start of a worker, resolved when Python is ready.
  function launch(files, digests) {
    const reloaded = [...refetch];
    return new Promise((resolve, reject) => {
      let worker;
      try {
        worker = new Worker(new URL("js/checker-worker.js", ROOT), { type: "module" });
      } catch (error) {
        reject(error);
        return;
      }
      runtime.worker = worker;
      let silence;
      let limit = SILENCE_LIMIT_MS;
      let phase = "";
      const fail = (error, bad = []) => {
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
          limit = BUSY_PHASES.has(phase) ? BUSY_LIMIT_MS : SILENCE_LIMIT_MS;
          watch();
          if (BUSY_PHASES.has(phase)) showProgress("preparing");
        } else if (data.type === "progress" && !BUSY_PHASES.has(phase)) {
          showProgress(data.bytes); // (the last bytes can be reported after Python has begun)
        } else if (data.type === "ready") {
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

  // One call to Python: `call` is one of the entry points of checkers.api the worker allows.
  // A call that gets no answer in time means the worker is lost: it is dropped, so that the
  // next press starts a new one, and the caller is told.
  function ask(call, message) {
    return new Promise((resolve) => {
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
      runtime.worker.postMessage({ type: "call", id, call, message: JSON.stringify(message) });
    });
  }

  // How much has arrived, beside the status line while Python starts, then that Python is
  // being prepared ("preparing"; shown, not announced: the status line has said once that it
  // is starting). `null` hides it.
  function showProgress(progress) {
    for (const slot of document.querySelectorAll("[data-checker-progress]")) {
      const form = partOf(slot, "form[data-checker]");
      const data = form ? form.dataset : {};
      const total = Number(data.downloadBytes);
      const percent = Math.min(99, Math.floor((100 * progress) / total)); // 100 is "ready"
      const text = progress === "preparing" ? data.msgPreparing
        : progress !== null && total ? (data.msgProgress || "").replace("{percent}", String(percent))
        : "";
      slot.hidden = !text;
      if (text) slot.textContent = text;
    }
  }

  // The element matching `selector` in the checker section that holds `element`.
  function partOf(element, selector) {
    return element.closest("[data-checker-section]").querySelector(selector);
  }

  // -- status line ------------------------------------------------------------------------

  function status(form, key, state) {
    const line = partOf(form, "[data-checker-status]");
    const text = form.dataset["msg" + key.replace(/(^|-)(\w)/g, (_, __, c) => c.toUpperCase())];
    line.textContent = text || "";
    line.hidden = !text;
    line.dataset.state = state || key;
  }

  // -- answers ----------------------------------------------------------------------------

  function fields(form) {
    return [...form.querySelectorAll("[data-field]")].map((el) => el.dataset.field);
  }

  // A question asked only on another answer (data-asked-if-*, rendered from the checker's
  // data) is hidden while that answer rules it out, keeps what was chosen, and sends nothing.
  function applyAskedIf(form) {
    for (const group of form.querySelectorAll("[data-asked-if-field]")) {
      const chosen = form.querySelector(
        `input[name="${group.dataset.askedIfField}"]:checked`);
      group.hidden = Boolean(chosen && chosen.value !== group.dataset.askedIfValue
        && chosen.value !== "unsure");
    }
  }

  function values(form) {
    const out = {};
    for (const name of fields(form)) {
      const group = groupFor(form, name);
      if (group && group.hidden) {
        out[name] = "";
        continue;
      }
      const control = form.elements.namedItem(name);
      // A half-typed or impossible date reads as "" in the browser: send something Python
      // will reject, so the reader is told rather than the date silently dropped.
      const unreadable = control && control.validity && control.validity.badInput;
      out[name] = unreadable ? "unreadable date" : control ? control.value || "" : "";
    }
    return out;
  }

  // -- what the reader has chosen, kept for the visit ---------------------------------------
  // Each checker's answers and result are held in this page's memory, never in storage, while
  // the reader moves around the site: a guidance link, Back, or instant navigation to another
  // page and back finds them as they were. "Start again" clears them; leaving the site or
  // reloading (pagehide) clears them all, so the back-forward cache holds no answers either.
  const kept = new Map();

  function keepFor(form) {
    if (!kept.has(form.dataset.checker)) kept.set(form.dataset.checker, {});
    return kept.get(form.dataset.checker);
  }

  function keepAnswers(form) {
    const controls = {};
    for (const input of form.querySelectorAll("input:not([data-copy-field])")) {
      if (input.type === "radio" ? input.checked : input.value) {
        controls[input.id] = input.type === "radio" ? true : input.value;
      }
    }
    keepFor(form).controls = controls;
  }

  function restore(form) {
    const entry = kept.get(form.dataset.checker);
    if (!entry || !entry.controls) return false;
    for (const [id, value] of Object.entries(entry.controls)) {
      const input = form.querySelector(`input[id="${CSS.escape(id)}"]`);
      if (!input) continue;
      if (input.type === "radio") input.checked = true;
      else input.value = value;
    }
    applyAskedIf(form);
    if (!entry.reply) return true;
    // A kept result is shown again only if this page is of the build that made it and its
    // form reads as the answers it was made from; otherwise it is made again (or, if it can
    // no longer be, not shown): never a result from other rules or for other answers.
    if (entry.made === madeFrom(form)) showResult(form, entry.reply, { focus: false });
    else {
      delete entry.reply;
      check(form, { restoring: true });
    }
    return true;
  }

  // What a result depends on besides Python's rules: the runtime files the page names (a new
  // build names new ones) and the answers in the form.
  function madeFrom(form) {
    return JSON.stringify([runtimeFiles(form), values(form)]);
  }

  window.addEventListener("pagehide", () => {
    kept.clear();
    for (const form of document.querySelectorAll("form[data-checker]")) form.reset();
  });

  // -- errors (the GOV.UK error summary pattern) -------------------------------------------

  function clearErrors(form) {
    const summary = form.querySelector("[data-error-summary]");
    summary.hidden = true;
    summary.querySelector("[data-error-list]").replaceChildren();
    for (const el of form.querySelectorAll("[data-error-for]")) {
      el.hidden = true;
      el.textContent = "";
      el.closest("[data-field]").classList.remove("checker-question--error");
    }
    const finish = form.querySelector("[data-to-finish]");
    finish.hidden = true;
    finish.querySelector("[data-to-finish-list]").replaceChildren();
    for (const group of form.querySelectorAll(".checker-question--to-answer")) {
      group.classList.remove("checker-question--to-answer");
    }
  }

  function groupFor(form, field) {
    return [...form.querySelectorAll("[data-field]")].find((g) => g.dataset.field === field);
  }

  // A link into the form that stays on the page: Material's instant navigation leaves a link
  // with a target alone (it would fetch the page again and wipe what is shown).
  function linkTo(group, text) {
    const link = document.createElement("a");
    link.href = "#" + (group.querySelector("input") || group).id;
    link.target = "_self";
    link.textContent = text;
    link.addEventListener("click", (event) => {
      event.preventDefault();
      const input = group.querySelector("input");
      // The question's scroll-margin-top keeps it below the sticky header.
      group.scrollIntoView({ block: "start" });
      (input || group).focus({ preventScroll: true });
    });
    return link;
  }

  // A form filled from another check's link that still needs answers: ask for them, without
  // the red of an error the reader did not make.
  function showToFinish(form, errors) {
    const box = form.querySelector("[data-to-finish]");
    const template = errors.length === 1 ? form.dataset.msgFinishOne : form.dataset.msgFinishMany;
    box.querySelector("[data-to-finish-text]").textContent =
      template.replace("{count}", String(errors.length));
    const list = box.querySelector("[data-to-finish-list]");
    for (const { field } of errors) {
      const group = groupFor(form, field);
      if (!group) continue;
      group.classList.add("checker-question--to-answer");
      const item = document.createElement("li");
      item.append(linkTo(group, group.querySelector(".checker-legend").textContent.trim()));
      list.append(item);
    }
    box.hidden = false;
  }

  function showErrors(form, errors) {
    const summary = form.querySelector("[data-error-summary]");
    const list = summary.querySelector("[data-error-list]");
    for (const { field, message } of errors) {
      const group = groupFor(form, field);
      const item = document.createElement("li");
      if (group) {
        const slot = group.querySelector("[data-error-for]");
        slot.textContent = message;
        slot.hidden = false;
        group.classList.add("checker-question--error");
        // A message that does not name its question ("This cannot be yes…") is followed by it.
        const legend = group.querySelector(".checker-legend").textContent.trim();
        const text = message.toLowerCase().includes(legend.toLowerCase())
          ? message : message + ": " + legend;
        item.append(linkTo(group, text));
      } else {
        item.textContent = message;
      }
      list.append(item);
    }
    summary.hidden = false;
    summary.focus();
  }

  // -- results ----------------------------------------------------------------------------

  // A result stands beside the answers it was made from, or is marked out of date at once:
  // the line above it (a status region of its own, outside the result's) says so, once.
  function markStale(form) {
    const result = partOf(form, "[data-checker-result]");
    if (result.hidden || result.dataset.stale) return;
    result.dataset.stale = "true";
    partOf(form, "[data-stale-note]").textContent = form.dataset.msgStale;
  }

  function unmarkStale(form) {
    delete partOf(form, "[data-checker-result]").dataset.stale;
    partOf(form, "[data-stale-note]").textContent = "";
  }

  function showResult(form, reply, { focus = true } = {}) {
    const result = partOf(form, "[data-checker-result]");
    unmarkStale(form);
    result.innerHTML = reply.html; // made by Python, every text escaped there
    result.dataset.outcome = reply.result.outcome;
    result.dataset.tone = reply.tone;
    result.hidden = false;
    for (const button of result.querySelectorAll("[data-print-plan]")) {
      button.addEventListener("click", () => printPlan(form, result));
    }
    keepFor(form).reply = reply;
    form.querySelector("[data-go-to-result]").hidden = false;
    if (!focus) return; // brought back after navigation: shown, not announced again
    // The live region reads out the headline and one line (Python chose them); the headline
    // is brought into view below the sticky header, and the focus stays on the button.
    partOf(form, "[data-checker-live]").textContent = reply.said;
    result.querySelector(".checker-outcome").scrollIntoView({ block: "start" });
  }

  function clearResult(form) {
    const result = partOf(form, "[data-checker-result]");
    unmarkStale(form);
    result.hidden = true;
    result.replaceChildren();
    form.querySelector("[data-go-to-result]").hidden = true;
    partOf(form, "[data-checker-live]").textContent = "";
    delete result.dataset.outcome;
    delete result.dataset.tone;
    const entry = kept.get(form.dataset.checker);
    if (entry) delete entry.reply; // a result no longer shown is not brought back either
  }

  function printPlan(form, result) {
    const name = form.querySelector("[data-organisation]");
    for (const slot of result.querySelectorAll("[data-plan-organisation]")) {
      slot.textContent = name && name.value.trim() ? name.value.trim() : "";
    }
    for (const slot of result.querySelectorAll("[data-plan-date]")) {
      slot.textContent = new Date().toLocaleDateString("en-GB", {
        day: "numeric", month: "long", year: "numeric",
      });
    }
    for (const slot of result.querySelectorAll("[data-plan-site]")) slot.textContent = ROOT.href;
    // "Your answers" prints open; it is closed again afterwards if it was.
    const answers = result.querySelector("details.checker-answers");
    const wasOpen = answers ? answers.open : true;
    if (answers) answers.open = true;
    document.body.classList.add("printing-plan");
    window.addEventListener("afterprint", () => {
      document.body.classList.remove("printing-plan");
      if (answers) answers.open = wasOpen;
    }, { once: true });
    window.print();
  }

  // A form filled from a link is checked at once, and says where its answers came from.
  async function submitFromLink(form) {
    await submit(form, { fromLink: true });
    if (!partOf(form, "[data-checker-result]").hidden) status(form, "from-link", "ready");
  }

  // One check at a time: a second press while one is under way does nothing.
  async function submit(form, options = {}) {
    if (form.dataset.busy) return;
    const button = form.querySelector("button[type=submit]");
    form.dataset.busy = "true";
    button.setAttribute("aria-disabled", "true");
    try {
      await check(form, options);
    } finally {
      delete form.dataset.busy;
      button.removeAttribute("aria-disabled");
    }
  }

  // Why Python cannot start on this page at all, as a message's key, or null: opened from
  // files on disk, or served over plain HTTP (no service worker, no digests to check with).
  function cannotStart() {
    if (location.protocol === "file:") return "file";
    return window.isSecureContext ? null : "insecure";
  }

  async function check(form, { fromLink = false, restoring = false } = {}) {
    clearErrors(form);
    if (cannotStart()) {
      status(form, cannotStart(), "failed");
      return;
    }
    // While Python is still starting, say so (with how long it may take), not "checking".
    status(form, runtime.started ? "working" : runtime.retrying ? "retrying" : "loading", "working");
    try {
      await startRuntime(form);
      status(form, "working");
    } catch {
      status(form, "failed");
      return;
    }
    const made = madeFrom(form);
    const reply = await ask("handle_form", {
      checker: form.dataset.checker,
      values: values(form),
      base: ROOT.href, // full addresses, so that a printed record carries them
      from_link: fromLink, // questions a link leaves blank are asked for, not errors
    });
    if (reply.errors) {
      status(form, "", "ready");
      clearResult(form);
      if (fromLink && reply.errors.every((e) => e.missing)) showToFinish(form, reply.errors);
      else showErrors(form, reply.errors);
    } else if (reply.result) {
      status(form, "", "ready");
      showResult(form, reply, { focus: !restoring });
      keepFor(form).made = made;
      keepForNextVisit(form);
    } else {
      clearResult(form);
      status(form, reply.failure === "lost" ? "lost" : "error", "failed");
    }
  }

  // -- links to answers (URL fragment only; categorical answers only) ----------------------

  async function answersLink(form) {
    await startRuntime(form);
    const reply = await ask("link_for_form", { checker: form.dataset.checker, values: values(form) });
    if (!reply.fragment) throw new Error("no link");
    return location.origin + location.pathname + reply.fragment;
  }

  async function copyText(text) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      return false;
    }
  }

  async function copyAnswers(form) {
    let link;
    try {
      link = await answersLink(form);
    } catch {
      status(form, "failed");
      return;
    }
    const output = form.querySelector("[data-copy-output]");
    const field = form.querySelector("[data-copy-field]");
    field.value = link;
    output.hidden = false;
    const copied = await copyText(link);
    status(form, copied ? "copied" : "copy-failed", "ready");
    if (!copied) field.select();
  }

  // Fill the form from "#checker=ID&field=value…", as Python reads it: either the values to
  // choose (each only ever matched against the form's own radios), or "ignored", which the
  // page says, filling in nothing. Resolves true when something was chosen.
  async function fillFromFragment(form) {
    if (!location.hash.startsWith("#checker=")) return false;
    try {
      await startRuntime(form);
    } catch {
      return false;
    }
    const fragment = location.hash;
    const reply = await ask("read_fragment", { checker: form.dataset.checker, fragment });
    if (reply.failure) { // Python stopped answering (or failed): say so, as a press would
      status(form, reply.failure === "lost" ? "lost" : "error", "failed");
      return false;
    }
    if (reply.ignored) {
      status(form, "fragment-ignored", "ready");
      return false;
    }
    if (location.hash !== fragment) return false; // the reader has moved on meanwhile
    if (!reply.values) {
      status(form, "fragment-other", "ready");
      return false;
    }
    const radios = [...form.querySelectorAll("input[type=radio]")];
    const picks = Object.entries(reply.values).map(
      ([name, value]) => radios.find((r) => r.name === name && r.value === value));
    if (picks.some((radio) => !radio)) {
      status(form, "fragment-ignored", "ready");
      return false;
    }
    for (const radio of picks) radio.checked = true;
    applyAskedIf(form);
    keepAnswers(form);
    keepFor(form).fragment = fragment;
    return picks.length > 0;
  }

  // -- for the next visit -------------------------------------------------------------------
  // The service worker (sw.js, made at build time with Workbox) fetches nothing by itself.
  // This page asks it to keep the page and the files it loaded, and, once a checker has
  // answered, the files Python started from, the snapshot a next visit starts from and every
  // page of the site: a repeat visit is then quick, and works with the network off. None of
  // them holds anything the reader typed. Not under Save-Data, which asks sites to send less.
  const serviceWorker = "serviceWorker" in navigator && location.protocol !== "file:"
    ? navigator.serviceWorker.register(new URL("sw.js", ROOT).href)
      .then(() => navigator.serviceWorker.ready, () => null)
    : Promise.resolve(null);
  const savingData = Boolean(navigator.connection && navigator.connection.saveData);
  let runtimeKept = false;

  // Resolves true once the service worker has stored every address.
  function keep(addresses) {
    return serviceWorker.then((registration) => {
      if (!registration || !registration.active) return false;
      return new Promise((resolve) => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve(true);
        registration.active.postMessage(
          { type: "CACHE_URLS", payload: { urlsToCache: addresses } }, [channel.port2]);
      });
    });
  }

  function ownFile(address) {
    const url = new URL(address, location.href);
    return url.origin === location.origin && !url.search ? url.origin + url.pathname : null;
  }

  // A page shown before the service worker controlled it: keep it and what it loaded.
  // (Once it controls the pages, it keeps each one as it is fetched.)
  function keepPage() {
    if (!("serviceWorker" in navigator) || navigator.serviceWorker.controller) return;
    serviceWorker.then(() => {
      const loaded = performance.getEntriesByType("resource").map((entry) => ownFile(entry.name));
      keep([ownFile(location.href), ...loaded].filter(Boolean));
    });
  }

  // Every page of the site, from the sitemap the generator writes.
  async function sitePages() {
    try {
      const text = await (await fetch(new URL("sitemap.xml", ROOT))).text();
      const xml = new DOMParser().parseFromString(text, "application/xml");
      return [...xml.querySelectorAll("loc")].map((loc) => new URL(loc.textContent).pathname);
    } catch {
      return []; // the runtime is kept all the same
    }
  }

  async function keepForNextVisit(form) {
    if (runtimeKept || savingData || !runtime.used) return;
    runtimeKept = true;
    const worker = new URL("js/checker-worker.js", ROOT).href;
    const snapshot = runtimeFiles(form).files.snapshot;
    if (self.caches && (await caches.match(snapshot))) return; // kept on an earlier visit
    const files = [...runtime.used, worker, snapshot, ...(await sitePages())].map(ownFile);
    // A copy thrown away as bad is stored again from the network, past the HTTP cache.
    const entries = files.filter(Boolean).map((url) => (refetch.has(url) ? [url, { cache: "reload" }] : url));
    if (await keep(entries)) {
      for (const url of files) refetch.delete(url);
      document.documentElement.dataset.runtimeKept = "true"; // for the tests
    }
  }

  // -- binding ----------------------------------------------------------------------------

  function bind(form) {
    if (form.dataset.bound) return;
    form.dataset.bound = "true";
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      submit(form);
    });
    form.addEventListener("change", (event) => {
      applyAskedIf(form);
      keepAnswers(form);
      if (!event.target.matches("[data-organisation], [data-copy-field]")) markStale(form);
    });
    form.addEventListener("input", (event) => {
      keepAnswers(form);
      if (!event.target.matches("[data-organisation], [data-copy-field]")) markStale(form);
    });
    form.addEventListener("reset", () => {
      kept.delete(form.dataset.checker);
      setTimeout(() => applyAskedIf(form));
      clearErrors(form);
      clearResult(form);
      form.querySelector("[data-copy-output]").hidden = true;
      // What the status line said of these answers (filled in from a link, copied, ignored)
      // goes with them; what it says of the checker (starting, failed) stays.
      if (partOf(form, "[data-checker-status]").dataset.state === "ready") status(form, "", "ready");
    });
    const copy = form.querySelector("[data-copy-answers]");
    copy.hidden = false;
    copy.addEventListener("click", () => copyAnswers(form));

    if (cannotStart()) {
      status(form, cannotStart(), "failed");
      return;
    }
    // Python starts as soon as a checker page is shown (see the end of this file), so it is
    // ready by the time the reader has answered.
    if (!runtime.started) status(form, "loading");
    startRuntime(form).then(
      () => {
        if (partOf(form, "[data-checker-status]").dataset.state === "loading") {
          status(form, "", "ready");
        }
      },
      () => status(form, "failed"),
    );
    // Answers the reader gave on this visit come first; a link's answers are filled in only
    // when the reader has followed it, not when they come back to it.
    if (!restore(form)) {
      // A filled-in link (a handout's QR code) is about the check: show it, and its status
      // line, at once, before Python has started.
      if (location.hash.startsWith("#checker=" + form.dataset.checker + "&")) {
        // The whole check where it fits; where it does not (a phone), the status line at the
        // foot of the screen, with as many of the filled-in answers above it as fit.
        form.closest("[data-checker-section]").scrollIntoView({ block: "start" });
        const line = partOf(form, "[data-checker-status]");
        if (line.getBoundingClientRect().bottom > innerHeight) line.scrollIntoView({ block: "end" });
      }
      fillFromFragment(form).then((filled) => filled && submitFromLink(form));
    }
  }

  function bindParagraphLinks() {
    for (const button of document.querySelectorAll("[data-copy-para]")) {
      if (button.dataset.bound) continue;
      button.dataset.bound = "true";
      button.hidden = false;
      button.addEventListener("click", async () => {
        const link = location.origin + location.pathname + "#" + button.dataset.copyPara;
        const copied = await copyText(link);
        button.textContent = copied ? "Copied" : "Copy failed";
        // Said aloud: the button's own name is its aria-label, which does not change.
        const said = button.parentElement.querySelector("[data-copy-said]");
        if (said) said.textContent = copied ? "Link copied" : "Could not copy the link";
        setTimeout(() => {
          button.textContent = "Copy link";
          if (said) said.textContent = "";
        }, 2000);
      });
    }
  }

  // Links that move the focus within the page: "Skip to the check" (added by the build beside
  // "Skip to content") and "Go to the result". Following a fragment link does not reliably
  // move the focus (Material's instant navigation takes it and only scrolls), so the target,
  // focusable with tabindex="-1", takes the focus here; the next Tab goes on from it.
  document.addEventListener(
    "click",
    (event) => {
      const link = event.target.closest && event.target.closest("a[data-moves-focus]");
      if (!link) return;
      const target = document.getElementById(new URL(link.href).hash.slice(1));
      if (!target) return;
      event.preventDefault();
      event.stopPropagation();
      target.focus({ preventScroll: true });
      target.scrollIntoView({ block: "start" });
    },
    true, // before Material's own handler
  );

  function bindPage() {
    document.querySelectorAll("form[data-checker]").forEach(bind);
    bindParagraphLinks();
    keepPage();
  }

  // A filled-in link followed on the page it points at changes only the fragment. Any other
  // fragment (a guidance link, a paragraph, the table of contents) leaves the answers alone,
  // and so does coming back to the checker fragment that was already filled in.
  window.addEventListener("hashchange", () => {
    if (!location.hash.startsWith("#checker=")) return;
    for (const form of document.querySelectorAll("form[data-checker]")) {
      if (keepFor(form).fragment === location.hash) continue;
      form.reset();
      fillFromFragment(form).then((filled) => filled && submitFromLink(form));
    }
  });

  // Start Python now, while the rest of the page loads, rather than when Material hands the
  // page over: on a checker page, the download begins about half a second earlier. (The
  // form is bound, and told how the start went, below.)
  const firstForm = document.querySelector("form[data-checker]");
  if (firstForm && !cannotStart()) startRuntime(firstForm).catch(() => {});

  // Opened from file://, Material's document$ never emits: bind the page directly, so that
  // it can at least say why the checker cannot run.
  if (typeof document$ !== "undefined" && location.protocol !== "file:") {
    document$.subscribe(bindPage);
  }
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", bindPage);
  else bindPage();
})();
