// Runs Lighthouse (npm `lighthouse`, pinned in package-lock.json) in Debian's Chromium against
// pages of the built site, mobile and desktop, for the categories that do not depend on the
// machine's speed: accessibility, best practices and SEO (the tests); or, with
// LIGHTHOUSE_CATEGORIES=performance and LIGHTHOUSE_FORM_FACTORS=mobile, the performance
// score and its metrics (`make bench`).
// Usage: node lighthouse_run.mjs CHROMIUM URL [URL ...]
// Prints a JSON array: one {url, formFactor, scores: {category: 0..100}, failing: [audit ids],
// metrics: {audit id: milliseconds}} per page and form factor. One Chromium serves every run.
import lighthouse from "lighthouse";
import desktopConfig from "lighthouse/core/config/desktop-config.js";
import * as chromeLauncher from "chrome-launcher";

const [chromePath, ...urls] = process.argv.slice(2);
const categories = (process.env.LIGHTHOUSE_CATEGORIES || "accessibility,best-practices,seo").split(",");
const formFactors = (process.env.LIGHTHOUSE_FORM_FACTORS || "mobile,desktop").split(",");
const METRICS = ["first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "speed-index"];
const chrome = await chromeLauncher.launch({
  chromePath,
  chromeFlags: [
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
  ],
});
const reports = [];
try {
  for (const url of urls) {
    for (const [formFactor, config] of [["mobile", undefined], ["desktop", desktopConfig]]) {
      if (!formFactors.includes(formFactor)) continue;
      const run = await lighthouse(
        url, {
          port: chrome.port, onlyCategories: categories, logLevel: "error",
          disableFullPageScreenshot: true,
        }, config,
      );
      const { categories: got, audits } = run.lhr;
      const scores = {};
      const failing = [];
      for (const id of categories) {
        scores[id] = Math.round(got[id].score * 100);
        for (const ref of got[id].auditRefs) {
          const audit = audits[ref.id];
          if (ref.weight > 0 && audit.score !== null && audit.score < 1) failing.push(ref.id);
        }
      }
      const metrics = {};
      for (const id of METRICS) if (audits[id]) metrics[id] = Math.round(audits[id].numericValue);
      // What Lighthouse took as the largest contentful paint, as an HTML snippet.
      const lcp = audits["largest-contentful-paint-element"]?.details?.items?.[0]?.items?.[0];
      reports.push({ url, formFactor, scores, failing, metrics, lcpElement: lcp?.node && `${lcp.node.selector} ${lcp.node.nodeLabel}`.slice(0, 160) });
    }
  }
} finally {
  await chrome.kill();
}
process.stdout.write(JSON.stringify(reports, null, 1) + "\n");
