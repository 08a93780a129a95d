// The answers in a form, read as Python reads them, and the questions shown for them.
//
// Read from the page (rendered by checkers/web/form.py from checkers/web/encoding.py):
//   [data-field]                        each question's group, named by its field
//   data-asked-if-field, data-asked-on  on a question asked only on another answer: that
//                                       answer's field, and the values (space-separated) on
//                                       which the question is shown
//   form's data-unreadable-date         what is sent for a half-typed or impossible date

/**
 * The fields of the form's questions, in order.
 * @param {HTMLFormElement} form
 * @returns {string[]}
 */
function fields(form) {
  return [...form.querySelectorAll("[data-field]")].map((el) => /** @type {HTMLElement} */ (el).dataset.field || "");
}

/**
 * The group (fieldset or date group) of a question.
 * @param {HTMLFormElement} form
 * @param {string} field
 * @returns {HTMLElement | undefined}
 */
export function groupFor(form, field) {
  return /** @type {HTMLElement[]} */ ([...form.querySelectorAll("[data-field]")]).find(
    (group) => group.dataset.field === field);
}

/**
 * A question asked only on another answer is hidden while that answer rules it out, keeps
 * what was chosen, and sends nothing.
 * @param {HTMLFormElement} form
 */
export function applyAskedIf(form) {
  for (const element of form.querySelectorAll("[data-asked-if-field]")) {
    const group = /** @type {HTMLElement} */ (element);
    const chosen = /** @type {HTMLInputElement | null} */ (form.querySelector(
      `input[name="${CSS.escape(group.dataset.askedIfField || "")}"]:checked`));
    const shownOn = (group.dataset.askedOn || "").split(" ");
    group.hidden = Boolean(chosen && !shownOn.includes(chosen.value));
  }
}

/**
 * The form's values by field, as Python's handle_form reads them: "" for a question not
 * answered or not asked.
 * @param {HTMLFormElement} form
 * @returns {Record<string, string>}
 */
export function values(form) {
  /** @type {Record<string, string>} */
  const out = {};
  for (const name of fields(form)) {
    const group = groupFor(form, name);
    if (group && group.hidden) {
      out[name] = "";
      continue;
    }
    const control = /** @type {HTMLInputElement | RadioNodeList | null} */ (form.elements.namedItem(name));
    // A half-typed or impossible date reads as "" in the browser: send something Python
    // will reject, so the reader is told rather than the date silently dropped.
    const unreadable = control instanceof HTMLInputElement && control.validity.badInput;
    out[name] = unreadable ? form.dataset.unreadableDate || "" : control ? control.value || "" : "";
  }
  return out;
}
