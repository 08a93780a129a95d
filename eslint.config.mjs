// ESLint for the page script's modules and the worker (make test-fast runs it).
import js from "@eslint/js";
import globals from "globals";

export default [
  js.configs.recommended,
  {
    files: ["docs/js/page/**/*.js"],
    languageOptions: { ecmaVersion: 2022, sourceType: "module", globals: globals.browser },
  },
  {
    files: ["docs/js/checker-worker.js"],
    languageOptions: { ecmaVersion: 2022, sourceType: "module", globals: globals.worker },
  },
  {
    files: ["build_scripts/**/*.mjs"],
    languageOptions: { ecmaVersion: 2022, sourceType: "module", globals: globals.node },
  },
];
