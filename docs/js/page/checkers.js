// The page script: binds the checker forms and the paragraph links. It carries messages and
// inserts results; it holds no rule, no wording and no encoding of its own: questions are
// rendered into the page at build time, messages come from data-msg-* attributes, and
// results (escaped HTML), links to answers and the reading of a link's fragment come from
// Python (checkers/web/). Each module says which data-* attributes it reads.
//
// The build bundles these modules into one classic script, <root>/js/checkers.js
// (build_scripts/postpass/page_script.py): one request, and it still runs from file://, where
// it says why the checkers cannot.

import { cannotStart, checkerForms } from "./site.js";
import { startRuntime } from "./runtime.js";
import { bind, followFragment } from "./check.js";
import { keepPage } from "./offline.js";
import { bindParagraphLinks } from "./paragraph-links.js";
import { moveFocusWithLinks } from "./focus-links.js";

moveFocusWithLinks();

function bindPage() {
  checkerForms().forEach(bind);
  bindParagraphLinks();
  keepPage();
}

window.addEventListener("hashchange", () => checkerForms().forEach(followFragment));

// Start Python now, while the rest of the page loads, rather than when Material hands the
// page over: on a checker page, the download begins about half a second earlier. (The form
// is bound, and told how the start went, below.)
const [firstForm] = checkerForms();
if (firstForm && !cannotStart()) startRuntime(firstForm).catch(() => {});

// Opened from file://, Material's document$ never emits: bind the page directly, so that it
// can at least say why the checker cannot run.
/** @type {{ subscribe(next: () => void): void } | undefined} Material's page observable */
const material = /** @type {any} */ (window).document$;
if (material && location.protocol !== "file:") material.subscribe(bindPage);
else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", bindPage);
else bindPage();
