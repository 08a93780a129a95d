// Makes the site's service worker with Workbox (npm `workbox-build`, pinned in
// package-lock.json): one file, no precache, two caching rules.
//
// - Files whose address changes with their content (IMMUTABLE, the same list the host's
//   Cache-Control uses: Pyodide, the Python files, Material's hashed bundles) are served from
//   the cache once stored, so a repeat visit starts the checkers with the network off.
// - Everything else of this site (pages, this site's scripts and styles, the search index)
//   comes from the network while there is one, and from the cache only when there is not. A
//   page and the script that binds it therefore always come from the same build online, and
//   a form never meets a checker it was not built with (the worker also checks every Python
//   file's digest).
//
// Only GET requests for this site's own files without a query are stored: no answer the
// reader gives is ever in a request, so none can be stored. Nothing is fetched when the
// worker installs; a page asks it to store files (Workbox's CACHE_URLS message): the page and
// what it loaded, and the checkers' runtime once a checker has answered.
//
// Usage: node make_service_worker.mjs OUT.js IMMUTABLE_PATTERNS.json
import { readFileSync } from "node:fs";
import { generateSW } from "workbox-build";

const [out, patternsFile] = process.argv.slice(2);
const immutable = JSON.parse(readFileSync(patternsFile, "utf8"));

// The rules are turned into source text by Workbox, so they cannot close over variables:
// the patterns are written into the function's text. They are written from the site's root,
// and matched against the path from this worker's scope, which is the site's root wherever
// it is published ("/wt2015/assets/py/…" is "/assets/py/…" under the scope "/wt2015/").
const isImmutable = new Function(
  "{ url, request, sameOrigin }",
  `const scope = new URL(self.registration.scope).pathname;
  const path = url.pathname.startsWith(scope) ? "/" + url.pathname.slice(scope.length) : "";
  return sameOrigin && request.method === "GET" && url.search === "" &&
    ${JSON.stringify(immutable)}.some((p) => new RegExp(p).test(path));`,
);
const isOwnFile = ({ url, request, sameOrigin }) =>
  sameOrigin && request.method === "GET" && url.search === "" && !url.pathname.endsWith("/sw.js");

const { warnings } = await generateSW({
  swDest: out,
  globDirectory: ".",
  globPatterns: [],
  mode: "production",
  sourcemap: false,
  inlineWorkboxRuntime: true,
  skipWaiting: true,
  clientsClaim: true,
  cacheId: "working-together-2015",
  runtimeCaching: [
    {
      urlPattern: isImmutable,
      handler: "CacheFirst",
      options: {
        cacheName: "runtime",
        cacheableResponse: { statuses: [200] },
        // About two builds' worth of files (a build's runtime and Material's bundles are
        // about ten); the least recently used go first, so an older build's 31 MB snapshot
        // does not stay for long.
        expiration: { maxEntries: 24 },
      },
    },
    {
      urlPattern: isOwnFile,
      handler: "NetworkFirst",
      options: {
        cacheName: "pages",
        cacheableResponse: { statuses: [200] },
        expiration: { maxEntries: 200 },
      },
    },
  ],
});
for (const warning of warnings) console.error(warning);
