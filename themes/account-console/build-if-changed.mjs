// The account console's build, run by Maven (themes/pom.xml), doing only what changed:
//  - `npm ci` only when node_modules was not installed from this package-lock.json (and this
//    Node version): its hash is kept in node_modules/.mx-installed-from;
//  - `npm run build` (the types of /mx from docs/openapi.json by generate-types.mjs, type check,
//    lint: eslint.config.js, and Vite) only when an input changed since the last build into the
//    same output (MX_THEME_RESOURCES) or that output is gone: the hash of every file here outside
//    node_modules, dist, src/generated and the unit tests (test/, unit-tests.mjs, their target/),
//    of docs/openapi.json, and of node_modules' install hash, is kept in MX_BUILD_STAMP
//    (under target/, so `mvn clean` forces a build).
// Each of the two takes 20-40 s; skipping them is most of a quick second ./run.sh.
import { createHash } from "node:crypto";
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync, writeFileSync, mkdirSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { description } from "./generate-types.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const output = process.env.MX_THEME_RESOURCES;
const stamp = process.env.MX_BUILD_STAMP;
if (!output || !stamp) {
  throw new Error("MX_THEME_RESOURCES and MX_BUILD_STAMP must be set (themes/pom.xml sets them)");
}
const npm = process.platform === "win32" ? "npm.cmd" : "npm";
const run = (...args) => execFileSync(npm, args, { cwd: here, stdio: "inherit", shell: process.platform === "win32" });
const sha256 = (...parts) => {
  const hash = createHash("sha256");
  parts.forEach((part) => hash.update(part).update("\0"));
  return hash.digest("hex");
};
const read = (file) => (existsSync(file) ? readFileSync(file, "utf8").trim() : null);

// 1. The packages.
const installedFrom = join(here, "node_modules", ".mx-installed-from");
const lock = sha256(readFileSync(join(here, "package-lock.json")), process.version);
if (read(installedFrom) === lock) {
  console.log("account console: node_modules matches package-lock.json, npm ci skipped");
} else {
  run("ci", "--prefer-offline", "--no-audit", "--no-fund");
  writeFileSync(installedFrom, lock + "\n");
}

// 2. The bundle.
function files(dir) {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => !["node_modules", "dist", "generated", "target", "test", "unit-tests.mjs"].includes(entry.name))
    .flatMap((entry) => (entry.isDirectory() ? files(join(dir, entry.name)) : [join(dir, entry.name)]))
    .sort();
}
// ./run.sh sets MX_ACCOUNT_CONSOLE_TYPECHECK=false: Vite alone (it strips the types without checking
// them, and lints nothing), some 20 s less on a first start. The mode is part of the stamp, so the
// next build with the checks (mvn verify, ./test.sh, the image) builds again, type-checked and linted.
const typecheck = process.env.MX_ACCOUNT_CONSOLE_TYPECHECK !== "false";
const inputs = sha256(
  lock,
  output,
  typecheck ? "type-checked and linted" : "not type-checked",
  readFileSync(description),
  ...files(here).flatMap((file) => [relative(here, file), readFileSync(file)]),
);
if (read(stamp) === inputs && existsSync(join(output, ".vite", "manifest.json"))) {
  console.log("account console: sources unchanged since the last build, vite build skipped");
} else {
  if (typecheck) {
    run("run", "build");
  } else {
    run("exec", "--", "vite", "build");
  }
  mkdirSync(dirname(stamp), { recursive: true });
  writeFileSync(stamp, inputs + "\n");
}
