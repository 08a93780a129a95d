// What the reader has chosen, kept for the visit. Each checker's answers and result are held
// in this page's memory, never in storage, while the reader moves around the site: a guidance
// link, Back, or instant navigation to another page and back finds them as they were. "Start
// again" clears them; leaving the site or reloading (pagehide) clears them all, so the
// back-forward cache holds no answers either.

import { runtimeFiles } from "./runtime.js";
import { values } from "./answers.js";
import { checkerForms } from "./site.js";

/**
 * @typedef {object} Kept
 * @property {Record<string, string | true>} [controls]  input id → value (true: a radio chosen)
 * @property {any} [reply]     the result shown, as Python sent it
 * @property {string} [made]   what that result was made from (see madeFrom)
 * @property {string} [fragment]  the link fragment the answers were filled in from
 */

/** @type {Map<string, Kept>} by checker id */
export const kept = new Map();

/**
 * @param {HTMLFormElement} form
 * @returns {Kept}
 */
export function keepFor(form) {
  const id = form.dataset.checker || "";
  let entry = kept.get(id);
  if (!entry) kept.set(id, (entry = {}));
  return entry;
}

/** @param {HTMLFormElement} form */
export function keepAnswers(form) {
  /** @type {Record<string, string | true>} */
  const controls = {};
  for (const element of form.querySelectorAll("input:not([data-copy-field])")) {
    const input = /** @type {HTMLInputElement} */ (element);
    if (input.type === "radio" ? input.checked : input.value) {
      controls[input.id] = input.type === "radio" ? true : input.value;
    }
  }
  keepFor(form).controls = controls;
}

/**
 * What a result depends on besides Python's rules: the runtime files the page names (a new
 * build names new ones) and the answers in the form.
 * @param {HTMLFormElement} form
 * @returns {string}
 */
export function madeFrom(form) {
  return JSON.stringify([runtimeFiles(form), values(form)]);
}

window.addEventListener("pagehide", () => {
  kept.clear();
  for (const form of checkerForms()) form.reset();
});
