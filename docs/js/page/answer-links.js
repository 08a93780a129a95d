// Links to answers: the URL fragment only, categorical answers only. Python makes the
// fragment for a form and reads a fragment back; the page only compares what Python read
// with the form's own radios, never inserting it.
//
// Read from each form (rendered by checkers/web/form.py from checkers/web/encoding.py):
//   data-fragment-start  how any checker's fragment starts ("#checker=")
//   data-fragment-own    how this checker's fragment starts ("#checker=ID&")
//   [data-copy-output] with [data-copy-field]  where the copied link is shown
//   data-msg-copied, data-msg-copy-failed, data-msg-fragment-ignored, data-msg-fragment-other

import { copyText, status } from "./site.js";
import { ask, startRuntime } from "./runtime.js";
import { applyAskedIf, values } from "./answers.js";
import { keepAnswers, keepFor } from "./keeping.js";

/**
 * Whether the page's fragment is a filled-in link: to any checker, or (`own`) to this one.
 * @param {HTMLFormElement} form
 * @param {{ own?: boolean }} [options]
 */
export function isAnswersLink(form, { own = false } = {}) {
  const start = own ? form.dataset.fragmentOwn : form.dataset.fragmentStart;
  return Boolean(start) && location.hash.startsWith(/** @type {string} */ (start));
}

/** @param {HTMLFormElement} form */
async function answersLink(form) {
  await startRuntime(form);
  const reply = await ask("link_for_form", { checker: form.dataset.checker, values: values(form) });
  if (!reply.fragment) throw new Error("no link");
  return location.origin + location.pathname + reply.fragment;
}

/** "Copy link to these answers": shown in a field, and copied where the browser allows.
 * @param {HTMLFormElement} form */
export async function copyAnswers(form) {
  let link;
  try {
    link = await answersLink(form);
  } catch {
    status(form, "failed");
    return;
  }
  const output = /** @type {HTMLElement} */ (form.querySelector("[data-copy-output]"));
  const field = /** @type {HTMLInputElement} */ (form.querySelector("[data-copy-field]"));
  field.value = link;
  output.hidden = false;
  const copied = await copyText(link);
  status(form, copied ? "copied" : "copy-failed", "ready");
  if (!copied) field.select();
}

/**
 * Fill the form from the fragment, as Python reads it: either the values to choose (each
 * only ever matched against the form's own radios), or "ignored", which the page says,
 * filling in nothing. Resolves true when something was chosen.
 * @param {HTMLFormElement} form
 * @returns {Promise<boolean>}
 */
export async function fillFromFragment(form) {
  if (!isAnswersLink(form)) return false;
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
  if (!form.isConnected) return false; // the page was rendered again: its new form fills itself
  if (!reply.values) {
    status(form, "fragment-other", "ready");
    return false;
  }
  const radios = /** @type {HTMLInputElement[]} */ ([...form.querySelectorAll("input[type=radio]")]);
  const picks = Object.entries(/** @type {Record<string, string>} */ (reply.values)).map(
    ([name, value]) => radios.find((r) => r.name === name && r.value === value));
  if (picks.some((radio) => !radio)) {
    status(form, "fragment-ignored", "ready");
    return false;
  }
  for (const radio of picks) /** @type {HTMLInputElement} */ (radio).checked = true;
  applyAskedIf(form);
  keepAnswers(form);
  keepFor(form).fragment = fragment;
  return picks.length > 0;
}
