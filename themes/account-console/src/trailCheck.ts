/**
 * The offline check of a trail export (providers' trail/TrailCheckCommand, ChainCheck,
 * TrailExport, AccountExport, TrailEntry.hashOf) done in the browser with WebCrypto: the same
 * hash rule, the same walk, the same problem sentences. Both formats: a realm-wide export
 * (mx-trail-v1) and an account's export (mx-trail-account-v1).
 *
 * Exact for every file the server writes. Where the Java check would read a field differently
 * from JavaScript (a number where text belongs, a sequence number that is not a whole number a
 * double holds exactly, entries that are not a list of objects), this check does not guess: it
 * answers "unsupported" and the page points to TrailCheckCommand (docs/workspace.md).
 */

export const ACCOUNT_FORMAT = "mx-trail-account-v1";
export const FULL_FORMAT = "mx-trail-v1";
const GENESIS = "0".repeat(64);

export type TrailCheckResult =
  | { kind: "intact"; ofAccount: boolean; entries: number; lastHash: string }
  | { kind: "broken"; ofAccount: boolean; firstBadSeq: number; problem: string }
  /** The file is not an export, or holds something the Java check reads in a way this one cannot repeat. */
  | { kind: "unsupported"; reason: string };

class Unsupported extends Error {}

type Json = Record<string, unknown>;

/** Jackson's {@code path(name).asText()} for a field that must be text: missing is "", null is "null". */
function text(node: Json, name: string): string {
  const value = node[name];
  if (value === undefined) return "";
  if (value === null) return "null";
  if (typeof value === "string") return value;
  throw new Unsupported(`the field ${name} is not text`);
}

/** subjectId: null and missing both mean no subject (TrailExport.entry). */
function subject(node: Json): string {
  const value = node.subjectId;
  if (value === undefined || value === null) return "";
  if (typeof value === "string") return value;
  throw new Unsupported("the field subjectId is not text");
}

/** Jackson's {@code path(name).asLong()} for whole numbers; missing is 0. */
function long(node: Json, name: string): number {
  const value = node[name];
  if (value === undefined || value === null) return 0;
  if (typeof value === "number" && Number.isSafeInteger(value)) return value;
  throw new Unsupported(`the field ${name} is not a whole number this check can read exactly`);
}

function object(value: unknown, what: string): Json {
  if (value === undefined) return {};
  if (value === null || typeof value !== "object" || Array.isArray(value)) throw new Unsupported(`${what} is not an object`);
  return value as Json;
}

/**
 * Java's String.getBytes(UTF_8): an unpaired surrogate becomes "?" (TextEncoder would write
 * U+FFFD), so the bytes hashed are the server's bytes.
 */
function utf8(value: string): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(value.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "?"));
}

async function sha256(value: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", utf8(value));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
}

/** TrailEntry.hashOf: SHA-256 of the fields joined by newlines after "mx-trail-v1". */
function hashOf(e: Json): Promise<string> {
  return sha256(
    ["mx-trail-v1", String(long(e, "seq")), text(e, "id"), text(e, "kind"), subject(e), String(long(e, "atMillis")),
      text(e, "previousHash"), text(e, "body")].join("\n"),
  );
}

function entriesOf(root: Json): Json[] {
  const entries = root.entries;
  if (entries === undefined) return [];
  if (!Array.isArray(entries)) throw new Unsupported("entries is not a list");
  return entries.map((entry, index) => object(entry, `entry ${index + 1} of the list`));
}

function head(root: Json): { seq: number; hash: string } {
  const h = object(root.head, "head");
  return { seq: long(h, "seq"), hash: text(h, "hash") };
}

/** TrailExport.verify: ChainCheck over every entry, then the end must be the head. */
async function checkFull(root: Json): Promise<TrailCheckResult> {
  let expected = 1;
  let previous = GENESIS;
  let count = 0;
  for (const e of entriesOf(root)) {
    count++;
    const seq = long(e, "seq");
    if (seq !== expected) {
      return broken(false, expected, seq > expected
        ? `entry ${expected} is missing (the next entry found is ${seq})`
        : `entry ${seq} appears out of order where entry ${expected} belongs`);
    }
    if (text(e, "previousHash") !== previous) {
      return broken(false, seq, `entry ${seq} does not link to the entry before it (an entry was removed or the entries were reordered)`);
    }
    if ((await hashOf(e)) !== text(e, "hash")) {
      return broken(false, seq, `entry ${seq} was altered: its content does not match its hash`);
    }
    previous = text(e, "hash");
    expected++;
  }
  const last = count;
  const { seq: headSeq, hash: headHash } = head(root);
  if (headSeq !== last || headHash !== previous) {
    return broken(false, last + 1, `the export ends at entry ${last} but its head names entry ${headSeq} (entries at the end were removed or changed)`);
  }
  return { kind: "intact", ofAccount: false, entries: count, lastHash: previous };
}

/** AccountExport.verify: shown entries hashed, withheld runs linked, no gaps, the end is the head. */
async function checkAccount(root: Json): Promise<TrailCheckResult> {
  let expected = 1;
  let previous = GENESIS;
  let shown = 0;
  for (const n of entriesOf(root)) {
    const seq = long(n, "seq");
    const isWithheld = "withheld" in n;
    const last = isWithheld ? long(n, "toSeq") : seq;
    const where = isWithheld ? `the withheld run of entries ${seq} to ${last}` : `entry ${seq}`;
    if (seq !== expected || last < seq) {
      return broken(true, expected, seq > expected
        ? `entry ${expected} is missing (the next entry found is ${seq})`
        : `${where} is out of order where entry ${expected} belongs`);
    }
    if (text(n, "previousHash") !== previous) {
      return broken(true, seq, `${where} does not link to the entry before it (an entry was removed or the entries were reordered)`);
    }
    if (!isWithheld) {
      if ((await hashOf(n)) !== text(n, "hash")) {
        return broken(true, seq, `entry ${seq} was altered: its content does not match its hash`);
      }
      shown++;
    }
    previous = text(n, "hash");
    expected = last + 1;
  }
  const { seq: headSeq, hash: headHash } = head(root);
  if (headSeq !== expected - 1 || headHash !== previous) {
    return broken(true, expected, `the export ends at entry ${expected - 1} but its head names entry ${headSeq} (entries at the end were removed or changed)`);
  }
  return { kind: "intact", ofAccount: true, entries: shown, lastHash: previous };
}

function broken(ofAccount: boolean, firstBadSeq: number, problem: string): TrailCheckResult {
  return { kind: "broken", ofAccount, firstBadSeq, problem };
}

/** The file's text checked as TrailCheckCommand checks it (from the genesis; a pruned chain needs the command). */
export async function checkTrail(fileText: string): Promise<TrailCheckResult> {
  if (!globalThis.crypto?.subtle) {
    return { kind: "unsupported", reason: "this browser offers no WebCrypto on this page (it needs https or localhost)" };
  }
  try {
    const root = object(JSON.parse(fileText), "the file");
    const format = text(root, "format");
    if (format === ACCOUNT_FORMAT) return await checkAccount(root);
    if (format === FULL_FORMAT) return await checkFull(root);
    return { kind: "unsupported", reason: `not a trail export (format ${format || "missing"})` };
  } catch (failure) {
    return { kind: "unsupported", reason: failure instanceof Error ? failure.message : String(failure) };
  }
}
