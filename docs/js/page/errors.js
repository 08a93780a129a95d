// Errors (the GOV.UK error summary pattern), and the questions a link from another check
// left for the reader to answer. The messages are Python's; the words around them the form's.
//
// Read from the page (rendered by checkers/web/form.py):
//   [data-error-summary] with [data-error-list]    the summary, focused when shown
//   [data-error-for]                                each question's own message slot
//   [data-to-finish] with [data-to-finish-text], [data-to-finish-list]
//   form's data-msg-finish-one, data-msg-finish-many ("{count}")

import { groupFor } from "./answers.js";

/** @typedef {{ field: string, message: string, missing?: boolean }} FieldError */

/** @param {HTMLFormElement} form */
export function clearErrors(form) {
  const summary = /** @type {HTMLElement} */ (form.querySelector("[data-error-summary]"));
  summary.hidden = true;
  summary.querySelector("[data-error-list]")?.replaceChildren();
  for (const element of form.querySelectorAll("[data-error-for]")) {
    const slot = /** @type {HTMLElement} */ (element);
    slot.hidden = true;
    slot.textContent = "";
    slot.closest("[data-field]")?.classList.remove("checker-question--error");
  }
  const finish = /** @type {HTMLElement} */ (form.querySelector("[data-to-finish]"));
  finish.hidden = true;
  finish.querySelector("[data-to-finish-list]")?.replaceChildren();
  for (const group of form.querySelectorAll(".checker-question--to-answer")) {
    group.classList.remove("checker-question--to-answer");
  }
}

/**
 * The question's words, as its legend or label shows them.
 * @param {HTMLElement} group
 */
function legendOf(group) {
  return (group.querySelector(".checker-legend")?.textContent || "").trim();
}

/**
 * A link into the form that stays on the page: Material's instant navigation leaves a link
 * with a target alone (it would fetch the page again and wipe what is shown).
 * @param {HTMLElement} group
 * @param {string} text
 */
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

/**
 * A form filled from another check's link that still needs answers: ask for them, without
 * the red of an error the reader did not make.
 * @param {HTMLFormElement} form
 * @param {FieldError[]} errors
 */
export function showToFinish(form, errors) {
  const box = /** @type {HTMLElement} */ (form.querySelector("[data-to-finish]"));
  const template = (errors.length === 1 ? form.dataset.msgFinishOne : form.dataset.msgFinishMany) || "";
  const text = /** @type {HTMLElement} */ (box.querySelector("[data-to-finish-text]"));
  text.textContent = template.replace("{count}", String(errors.length));
  const list = /** @type {HTMLElement} */ (box.querySelector("[data-to-finish-list]"));
  for (const { field } of errors) {
    const group = groupFor(form, field);
    if (!group) continue;
    group.classList.add("checker-question--to-answer");
    const item = document.createElement("li");
    item.append(linkTo(group, legendOf(group)));
    list.append(item);
  }
  box.hidden = false;
}

/**
 * @param {HTMLFormElement} form
 * @param {FieldError[]} errors
 */
export function showErrors(form, errors) {
  const summary = /** @type {HTMLElement} */ (form.querySelector("[data-error-summary]"));
  const list = /** @type {HTMLElement} */ (summary.querySelector("[data-error-list]"));
  for (const { field, message } of errors) {
    const group = groupFor(form, field);
    const item = document.createElement("li");
    if (group) {
      const slot = /** @type {HTMLElement} */ (group.querySelector("[data-error-for]"));
      slot.textContent = message;
      slot.hidden = false;
      group.classList.add("checker-question--error");
      // A message that does not name its question ("This cannot be yes…") is followed by it.
      const legend = legendOf(group);
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
