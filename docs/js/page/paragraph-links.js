// "Copy link" on each numbered paragraph (the buttons are added to the built pages by
// build_scripts/postpass/paragraph_links.py, hidden until this binds them).
//
// Read from the page:
//   button[data-copy-para]   its paragraph's id; its own text is what it says again after
//   [data-copy-said]         beside each button: what is said aloud (the button's name is its
//                            aria-label, which does not change)
//   [data-para-messages]     once per page: data-msg-copied, data-msg-copy-failed,
//                            data-msg-said-copied, data-msg-said-failed

import { copyText } from "./site.js";

const SHOWN_FOR_MS = 2000;

export function bindParagraphLinks() {
  const messages = /** @type {HTMLElement | null} */ (document.querySelector("[data-para-messages]"));
  const words = messages ? messages.dataset : {};
  for (const element of document.querySelectorAll("[data-copy-para]")) {
    const button = /** @type {HTMLButtonElement} */ (element);
    if (button.dataset.bound) continue;
    button.dataset.bound = "true";
    button.hidden = false;
    const idle = button.textContent;
    button.addEventListener("click", async () => {
      const link = location.origin + location.pathname + "#" + button.dataset.copyPara;
      const copied = await copyText(link);
      button.textContent = (copied ? words.msgCopied : words.msgCopyFailed) || idle;
      const said = button.parentElement?.querySelector("[data-copy-said]");
      if (said) said.textContent = (copied ? words.msgSaidCopied : words.msgSaidFailed) || "";
      setTimeout(() => {
        button.textContent = idle;
        if (said) said.textContent = "";
      }, SHOWN_FOR_MS);
    });
  }
}
