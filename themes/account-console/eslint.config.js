// The account console's lint, run by its build (package.json's "build", so by Maven through
// build-if-changed.mjs; ./run.sh's quick build skips it with the type check). Any finding fails
// the build (--max-warnings=0): ESLint's and typescript-eslint's recommended rules, and React's
// rules of hooks (hooks called in the same order; effects list what they read).
import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import { defineConfig } from "eslint/config";
import tseslint from "typescript-eslint";

export default defineConfig(
  // src/generated/: the types of /mx that generate-types.mjs writes (not source to lint).
  { ignores: ["node_modules/", "dist/", "target/", "src/generated/"] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: ["src/**/*.{ts,tsx}"],
    extends: [reactHooks.configs.flat.recommended],
  },
  {
    // The build's and the unit tests' scripts run in Node.
    files: ["*.mjs", "test/**/*.mjs"],
    languageOptions: { globals: { process: "readonly", console: "readonly" } },
  },
);
