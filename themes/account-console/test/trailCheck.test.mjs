// trailCheck.ts (the browser's check of a trail export) against exports the server's code wrote,
// with the server's verdicts (providers' TrailFixturesTest writes and guards both): the browser
// must say what TrailCheckCommand says, in the same words, for every file.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { checkTrail } from "../target/unit/trailCheck.js";

const fixtures = join(dirname(fileURLToPath(import.meta.url)), "trail-fixtures");
const expected = JSON.parse(readFileSync(join(fixtures, "expected.json"), "utf8"));

for (const [file, verdict] of Object.entries(expected)) {
  test(`${file}: ${verdict.kind}, as the server's check says`, async () => {
    const result = await checkTrail(readFileSync(join(fixtures, file), "utf8"));
    assert.deepEqual(result, verdict);
  });
}

test("the same export with its text unescaped (as the server's UTF-8 answer carries it) is as intact", async () => {
  const text = readFileSync(join(fixtures, "full-intact.json"), "utf8");
  const unescaped = JSON.stringify(JSON.parse(text), null, 1);
  assert.ok(unescaped.includes("bestätigt") && !unescaped.includes("\\u00e4"), "umlauts as characters, not escapes");
  assert.deepEqual(await checkTrail(unescaped), expected["full-intact.json"]);
});

test("what is not an export is unsupported, not intact", async () => {
  assert.deepEqual(await checkTrail('{"format":"something-else"}'),
    { kind: "unsupported", reason: "not a trail export (format something-else)" });
  assert.equal((await checkTrail("not json")).kind, "unsupported");
  assert.equal((await checkTrail('{"format":"mx-trail-v1","entries":{}}')).kind, "unsupported");
});
