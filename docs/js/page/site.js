// What every part of the page script shares: where the site's root is, the checker section an
// element belongs to, and the status line under a form.

/** The site's root: this script is served as <root>/js/checkers.js (the bundle of these
 * modules, a classic script, so that `document.currentScript` names it). */
export const ROOT = new URL("..", /** @type {HTMLScriptElement} */ (document.currentScript).src);

/**
 * The element matching `selector` in the checker section (`[data-checker-section]`) that
 * holds `element`.
 * @param {Element} element
 * @param {string} selector
 * @returns {HTMLElement}
 */
export function partOf(element, selector) {
  const section = /** @type {HTMLElement} */ (element.closest("[data-checker-section]"));
  return /** @type {HTMLElement} */ (section.querySelector(selector));
}

/**
 * Every checker form on the page (`form[data-checker]`).
 * @returns {HTMLFormElement[]}
 */
export function checkerForms() {
  return [...document.querySelectorAll("form[data-checker]")].map(
    (form) => /** @type {HTMLFormElement} */ (form));
}

/**
 * Say `key`'s message on the form's status line (`[data-checker-status]`). The words are the
 * form's: `data-msg-KEY` (rendered by checkers/web/form.py); a key with no message empties
 * the line. `state` (default: the key) goes on the line's `data-state`: "loading",
 * "working", "ready" or "failed".
 * @param {HTMLFormElement} form
 * @param {string} key
 * @param {string} [state]
 */
export function status(form, key, state) {
  const line = partOf(form, "[data-checker-status]");
  const text = form.dataset["msg" + key.replace(/(^|-)(\w)/g, (_, __, c) => c.toUpperCase())];
  line.textContent = text || "";
  line.hidden = !text;
  line.dataset.state = state || key;
}

/**
 * What the status line under `form` last said, as its `data-state`.
 * @param {HTMLFormElement} form
 * @returns {string | undefined}
 */
export function statusState(form) {
  return partOf(form, "[data-checker-status]").dataset.state;
}

/**
 * Why Python cannot start on this page at all, as a message's key, or null: opened from files
 * on disk, or served over plain HTTP (no service worker, no digests to check with).
 * @returns {"file" | "insecure" | null}
 */
export function cannotStart() {
  if (location.protocol === "file:") return "file";
  return window.isSecureContext ? null : "insecure";
}

/**
 * Put `text` on the clipboard; resolves false where the browser refuses.
 * @param {string} text
 * @returns {Promise<boolean>}
 */
export async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
