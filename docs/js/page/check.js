// A checker's form, bound: a press asks Python for a result (or the errors), the answers are
// kept as they change, "Start again" clears them, and a filled-in link is read and checked.
//
// Read from each form (rendered by checkers/web/form.py): data-checker (its id), the
// questions, button[type=submit], [data-copy-answers], [data-organisation] and the data-msg-*
// words the status line says (see site.js).

import { ROOT, cannotStart, checkerForms, partOf, status, statusState } from "./site.js";
import { ask, runtime, startRuntime } from "./runtime.js";
import { applyAskedIf, values } from "./answers.js";
import { kept, keepAnswers, keepFor, madeFrom } from "./keeping.js";
import { clearErrors, showErrors, showToFinish } from "./errors.js";
import { clearResult, markStale, showResult } from "./result.js";
import { copyAnswers, fillFromFragment, isAnswersLink } from "./answer-links.js";
import { keepForNextVisit } from "./offline.js";

/**
 * The form of `form`'s checker now on the page. Material's instant navigation can render the
 * page again while a check is under way (it does on the first link within the page that a
 * freshly loaded page follows): the form bound in its place was given the kept answers
 * (restore), and a result for them belongs there. Null when those answers differ from `made`
 * (the reader has changed them meanwhile): no result is shown beside other answers.
 * @param {HTMLFormElement} form
 * @param {string} made  what the check was made from (madeFrom)
 * @returns {HTMLFormElement | null}
 */
function nowShown(form, made) {
  if (form.isConnected) return form;
  const successor = checkerForms().find((f) => f.dataset.checker === form.dataset.checker);
  return successor && madeFrom(successor) === made ? successor : null;
}

/**
 * @param {HTMLFormElement} form
 * @param {{ fromLink?: boolean, restoring?: boolean }} [options]
 *   fromLink: questions a link leaves blank are asked for, not errors;
 *   restoring: a result brought back is shown, not announced
 */
async function check(form, { fromLink = false, restoring = false } = {}) {
  clearErrors(form);
  const cannot = cannotStart();
  if (cannot) {
    status(form, cannot, "failed");
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
    from_link: fromLink,
  });
  const shown = nowShown(form, made);
  if (!shown) return;
  form = shown;
  if (reply.errors) {
    status(form, "", "ready");
    clearResult(form);
    if (fromLink && reply.errors.every((/** @type {{missing?: boolean}} */ e) => e.missing)) {
      showToFinish(form, reply.errors);
    } else showErrors(form, reply.errors);
  } else if (reply.result) {
    status(form, "", "ready");
    showResult(form, /** @type {any} */ (reply), { focus: !restoring });
    keepFor(form).made = made;
    keepForNextVisit(form);
  } else {
    clearResult(form);
    status(form, reply.failure === "lost" ? "lost" : "error", "failed");
  }
}

/**
 * One check at a time: a second press while one is under way does nothing.
 * @param {HTMLFormElement} form
 * @param {{ fromLink?: boolean }} [options]
 */
async function submit(form, options = {}) {
  if (form.dataset.busy) return;
  const button = /** @type {HTMLButtonElement} */ (form.querySelector("button[type=submit]"));
  form.dataset.busy = "true";
  button.setAttribute("aria-disabled", "true");
  try {
    await check(form, options);
  } finally {
    delete form.dataset.busy;
    button.removeAttribute("aria-disabled");
  }
}

/** A form filled from a link is checked at once, and says where its answers came from.
 * @param {HTMLFormElement} form */
async function submitFromLink(form) {
  const made = madeFrom(form);
  await submit(form, { fromLink: true });
  const shown = nowShown(form, made);
  if (shown && !partOf(shown, "[data-checker-result]").hidden) status(shown, "from-link", "ready");
}

/** Fill the form from the page's fragment, if it is a link to these answers, and check them.
 * @param {HTMLFormElement} form */
async function fillFromLink(form) {
  if (await fillFromFragment(form)) await submitFromLink(form);
}

/**
 * The answers (and result) kept for this checker on this visit, put back; false if none.
 * @param {HTMLFormElement} form
 */
function restore(form) {
  const entry = kept.get(form.dataset.checker || "");
  if (!entry || !entry.controls) return false;
  for (const [id, value] of Object.entries(entry.controls)) {
    const input = /** @type {HTMLInputElement | null} */ (form.querySelector(`input[id="${CSS.escape(id)}"]`));
    if (!input) continue;
    if (input.type === "radio") input.checked = true;
    else input.value = String(value);
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

/** @param {HTMLFormElement} form */
export function bind(form) {
  if (form.dataset.bound) return;
  form.dataset.bound = "true";
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    submit(form);
  });
  const changed = (/** @type {Event} */ event) => {
    const target = /** @type {Element} */ (event.target);
    keepAnswers(form);
    if (!target.matches("[data-organisation], [data-copy-field]")) markStale(form);
  };
  form.addEventListener("change", (event) => {
    applyAskedIf(form);
    changed(event);
  });
  form.addEventListener("input", changed);
  form.addEventListener("reset", () => {
    kept.delete(form.dataset.checker || "");
    setTimeout(() => applyAskedIf(form));
    clearErrors(form);
    clearResult(form);
    /** @type {HTMLElement} */ (form.querySelector("[data-copy-output]")).hidden = true;
    // What the status line said of these answers (filled in from a link, copied, ignored)
    // goes with them; what it says of the checker (starting, failed) stays.
    if (statusState(form) === "ready") status(form, "", "ready");
  });
  const copy = /** @type {HTMLButtonElement} */ (form.querySelector("[data-copy-answers]"));
  copy.hidden = false;
  copy.addEventListener("click", () => copyAnswers(form));

  const cannot = cannotStart();
  if (cannot) {
    status(form, cannot, "failed");
    return;
  }
  // Python starts as soon as a checker page is shown (see checkers.js), so it is ready by the
  // time the reader has answered.
  if (!runtime.started) status(form, "loading");
  startRuntime(form).then(
    () => {
      if (statusState(form) === "loading") status(form, "", "ready");
    },
    () => status(form, "failed"),
  );
  // Answers the reader gave on this visit come first; a link's answers are filled in only
  // when the reader has followed it, not when they come back to it.
  if (!restore(form)) {
    // A filled-in link (a handout's QR code) is about the check: show it, and its status
    // line, at once, before Python has started.
    if (isAnswersLink(form, { own: true })) {
      // The whole check where it fits; where it does not (a phone), the status line at the
      // foot of the screen, with as many of the filled-in answers above it as fit.
      form.closest("[data-checker-section]")?.scrollIntoView({ block: "start" });
      const line = partOf(form, "[data-checker-status]");
      if (line.getBoundingClientRect().bottom > innerHeight) line.scrollIntoView({ block: "end" });
    }
    fillFromLink(form);
  }
}

/** A filled-in link followed on the page it points at changes only the fragment. Any other
 * fragment (a guidance link, a paragraph, the table of contents) leaves the answers alone,
 * and so does coming back to the checker fragment that was already filled in.
 * @param {HTMLFormElement} form */
export function followFragment(form) {
  if (!isAnswersLink(form) || keepFor(form).fragment === location.hash) return;
  form.reset();
  fillFromLink(form);
}
