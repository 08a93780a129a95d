// The page script: binds the checker forms and the paragraph links. It carries messages and
// inserts results; it holds no rule, no wording and no encoding of its own: questions are
// rendered into the page at build time, messages come from data-msg-* attributes, and
// results (escaped HTML), links to answers and the reading of a link's fragment come from
// Python (checkers/web/). Each module says which data-* attributes it reads.
//
// The build bundles these modules into one classic script, <root>/js/checkers.js
// (build_scripts/postpass/page_script.py): one request, and it still runs from file://, where
// it says why the checkers cannot. Every page loads it from its head, `async`: it may run
// before the page's body has been read, and before Material's own script.

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

// Start Python now, while the rest of the page arrives: a page with a check names the files
// Python starts from in its head (<meta name="python-runtime">, the form's own data-*, written
// by build_scripts/postpass/preload.py), where they can be read before the form has been.
// (The form is bound, and told how the start went, below.)
const named = /** @type {HTMLElement | null} */ (document.querySelector("meta[name=python-runtime]"));
const [source] = named ? [named] : checkerForms();
if (source && !cannotStart()) startRuntime(source).catch(() => {});

// Bind the page once it has been read. Material's document$ (from its script, at the end of
// the body) emits each page it shows, the first included; opened from file://, it never
// emits: the page is bound directly, so that it can at least say why the checker cannot run.
function whenRead() {
  /** @type {{ subscribe(next: () => void): void } | undefined} Material's page observable */
  const material = /** @type {any} */ (window).document$;
  if (material && location.protocol !== "file:") material.subscribe(bindPage);
  else bindPage();
}
if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", whenRead, { once: true });
else whenRead();
