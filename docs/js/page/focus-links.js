// Links that move the focus within the page (a[data-moves-focus]): "Skip to the check"
// (added by the build beside "Skip to content") and "Go to the result". Following a fragment
// link does not reliably move the focus (Material's instant navigation takes it and only
// scrolls), so the target, focusable with tabindex="-1", takes the focus here; the next Tab
// goes on from it.

export function moveFocusWithLinks() {
  document.addEventListener(
    "click",
    (event) => {
      const origin = /** @type {Element | null} */ (event.target);
      const link = /** @type {HTMLAnchorElement | null} */ (origin?.closest?.("a[data-moves-focus]") ?? null);
      if (!link) return;
      const target = document.getElementById(new URL(link.href).hash.slice(1));
      if (!target) return;
      event.preventDefault();
      event.stopPropagation();
      target.focus({ preventScroll: true });
      target.scrollIntoView({ block: "start" });
    },
    true, // before Material's own handler
  );
}
