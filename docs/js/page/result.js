// The result: Python's HTML (every text escaped there) put in the section's result region,
// announced once, marked out of date when the answers change under it, and printed as a
// record.
//
// Read from the page (rendered by checkers/web/form.py and result.py):
//   [data-checker-result]   the region; gets data-outcome, data-tone (and data-stale)
//   [data-checker-live]     the live region the headline is read out from
//   [data-stale-note]       its own status region: "your answers have changed" (data-msg-stale)
//   [data-go-to-result]     the "Go to the result" link, shown with a result
//   in a result: [data-print-plan] buttons, [data-plan-organisation], [data-plan-date],
//   [data-plan-site] slots, and details.checker-answers (printed open)

import { ROOT, partOf } from "./site.js";
import { kept, keepFor } from "./keeping.js";

/**
 * @typedef {{ html: string, tone: string, said: string, result: { outcome: string } }} ResultReply
 */

/**
 * A result stands beside the answers it was made from, or is marked out of date at once:
 * the line above it (a status region of its own, outside the result's) says so, once.
 * @param {HTMLFormElement} form
 */
export function markStale(form) {
  const result = partOf(form, "[data-checker-result]");
  if (result.hidden || result.dataset.stale) return;
  result.dataset.stale = "true";
  partOf(form, "[data-stale-note]").textContent = form.dataset.msgStale || "";
}

/** @param {HTMLFormElement} form */
function unmarkStale(form) {
  delete partOf(form, "[data-checker-result]").dataset.stale;
  partOf(form, "[data-stale-note]").textContent = "";
}

/**
 * @param {HTMLFormElement} form
 * @param {ResultReply} reply
 * @param {{ focus?: boolean }} [options]  focus false: brought back, shown and not announced
 */
export function showResult(form, reply, { focus = true } = {}) {
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
  /** @type {HTMLElement} */ (form.querySelector("[data-go-to-result]")).hidden = false;
  if (!focus) return;
  // The live region reads out the headline and one line (Python chose them); the headline
  // is brought into view below the sticky header, and the focus stays on the button.
  partOf(form, "[data-checker-live]").textContent = reply.said;
  result.querySelector(".checker-outcome")?.scrollIntoView({ block: "start" });
}

/** @param {HTMLFormElement} form */
export function clearResult(form) {
  const result = partOf(form, "[data-checker-result]");
  unmarkStale(form);
  result.hidden = true;
  result.replaceChildren();
  /** @type {HTMLElement} */ (form.querySelector("[data-go-to-result]")).hidden = true;
  partOf(form, "[data-checker-live]").textContent = "";
  delete result.dataset.outcome;
  delete result.dataset.tone;
  const entry = kept.get(form.dataset.checker || "");
  if (entry) delete entry.reply; // a result no longer shown is not brought back either
}

/**
 * Print the result as a record: the organisation typed in, today's date and the site's
 * address filled into its slots, "Your answers" open for the print.
 * @param {HTMLFormElement} form
 * @param {HTMLElement} result
 */
function printPlan(form, result) {
  const name = /** @type {HTMLInputElement | null} */ (form.querySelector("[data-organisation]"));
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
  const answers = /** @type {HTMLDetailsElement | null} */ (result.querySelector("details.checker-answers"));
  const wasOpen = answers ? answers.open : true;
  if (answers) answers.open = true;
  document.body.classList.add("printing-plan");
  window.addEventListener("afterprint", () => {
    document.body.classList.remove("printing-plan");
    if (answers) answers.open = wasOpen;
  }, { once: true });
  window.print();
}
