// For the next visit. The service worker (sw.js, made at build time with Workbox) fetches
// nothing by itself. This page asks it to keep the page and the files it loaded, and, once a
// checker has answered, the files Python started from, the snapshot a next visit starts from
// and every page of the site: a repeat visit is then quick, and works with the network off.
// None of them holds anything the reader typed. Not under Save-Data, which asks sites to send
// less.
//
// Sets on <html>, for the tests: data-runtime-kept="true" once the runtime is stored.

import { ROOT } from "./site.js";
import { refetch, runtime, runtimeFiles } from "./runtime.js";

const serviceWorker = "serviceWorker" in navigator && location.protocol !== "file:"
  ? navigator.serviceWorker.register(new URL("sw.js", ROOT).href)
    .then(() => navigator.serviceWorker.ready, () => null)
  : Promise.resolve(null);
const savingData = Boolean(/** @type {any} */ (navigator).connection?.saveData);
let runtimeKept = false;

/**
 * Ask the service worker to store `addresses` (each a URL, or [URL, fetch options]).
 * Resolves true once it has stored every one.
 * @param {(string | [string, RequestInit])[]} addresses
 * @returns {Promise<boolean>}
 */
function keep(addresses) {
  return serviceWorker.then((registration) => {
    const active = registration && registration.active;
    if (!active) return false;
    return new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve(true);
      active.postMessage({ type: "CACHE_URLS", payload: { urlsToCache: addresses } }, [channel.port2]);
    });
  });
}

/**
 * The address without its fragment, if it is this site's own and has no query; else null.
 * @param {string} address
 * @returns {string | null}
 */
function ownFile(address) {
  const url = new URL(address, location.href);
  return url.origin === location.origin && !url.search ? url.origin + url.pathname : null;
}

/** @param {(string | null)[]} addresses */
function known(addresses) {
  return /** @type {string[]} */ (addresses.filter(Boolean));
}

/** A page shown before the service worker controlled it: keep it and what it loaded. (Once
 * it controls the pages, it keeps each one as it is fetched.) */
export function keepPage() {
  if (!("serviceWorker" in navigator) || navigator.serviceWorker.controller) return;
  serviceWorker.then(() => {
    const loaded = performance.getEntriesByType("resource").map((entry) => ownFile(entry.name));
    keep(known([ownFile(location.href), ...loaded]));
  });
}

/** Every page of the site, from the sitemap the generator writes.
 * @returns {Promise<string[]>} */
async function sitePages() {
  try {
    const text = await (await fetch(new URL("sitemap.xml", ROOT))).text();
    const xml = new DOMParser().parseFromString(text, "application/xml");
    return [...xml.querySelectorAll("loc")].map((loc) => new URL(loc.textContent || "").pathname);
  } catch {
    return []; // the runtime is kept all the same
  }
}

/**
 * Once a checker has answered: keep the runtime, the worker, the snapshot and every page.
 * @param {HTMLFormElement} form
 */
export async function keepForNextVisit(form) {
  if (runtimeKept || savingData || !runtime.used) return;
  runtimeKept = true;
  const worker = new URL("js/checker-worker.js", ROOT).href;
  const { python, snapshot: address } = runtimeFiles(form).files;
  const copy = address + ".gz"; // (the form's runtime addresses have no query)
  if (self.caches && ((await caches.match(address)) || (await caches.match(copy)))) return; // kept on an earlier visit
  // The snapshot ships compressed only: it is kept as the archive came, under its own address
  // where the host sent a compressed copy in the archive's place, else as its .gz copy (see
  // packedFetch in the worker).
  const snapshot = runtime.used.includes(python) ? address : copy;
  const files = known([...runtime.used, worker, snapshot, ...(await sitePages())].map(ownFile));
  // A copy thrown away as bad is stored again from the network, past the HTTP cache.
  /** @type {(string | [string, RequestInit])[]} */
  const entries = files.map((url) => (refetch.has(url) ? [url, { cache: "reload" }] : url));
  if (await keep(entries)) {
    for (const url of files) refetch.delete(url);
    document.documentElement.dataset.runtimeKept = "true";
  }
}
