// The account console's unit tests, run by Maven in the test phase (themes/pom.xml): compiles
// what they test with the project's TypeScript into target/unit, then runs Node's own test runner
// (no test framework to install). Skipped like every unit test: -DskipTests or -Dmaven.test.skip.
import { execFileSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const [skipTests, skipAll] = process.argv.slice(2);
if (skipTests === "true" || skipAll === "true") {
  console.log("account console unit tests skipped");
  process.exit(0);
}
const here = dirname(fileURLToPath(import.meta.url));
const run = (command, args) => execFileSync(command, args, { cwd: here, stdio: "inherit" });
run(process.execPath, [join(here, "node_modules", "typescript", "bin", "tsc"), "--target", "ES2022", "--module", "ES2022",
  "--moduleResolution", "bundler", "--strict", "--skipLibCheck", "--lib", "ES2022,DOM", "--outDir", "target/unit",
  "src/trailCheck.ts"]);
run(process.execPath, ["--test", "test/"]);
