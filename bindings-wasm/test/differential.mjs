// The wasm side of the differential test (tests/differential/): answers each
// JSON line {"op", "input", "options"} of IN through the nodejs build and
// writes one canonical JSON line to OUT, as core/examples/differential.rs does:
// {"validate": result | {"error": {code, message}}, "plan": ...}, keys sorted
// recursively, compact, raw UTF-8.
//
//   node bindings-wasm/test/differential.mjs IN OUT
//
// Options pass through unchanged, with one spelling: a line without
// `timestamp` means "no signing time" (the Rust runner has no clock), which
// the binding spells `timestamp: null`; left absent, plan would use Date.now().
import { createReadStream, createWriteStream } from "node:fs";
import { createInterface } from "node:readline";
import { canonical } from "./canonical.mjs";
import { withoutClock } from "../../tests/vectors/answer.mjs";
import * as api from "../js/node.js";

const [input, output] = process.argv.slice(2);
if (!input || !output) {
  console.error("usage: node differential.mjs IN OUT");
  process.exit(2);
}

function answer(fn) {
  try {
    return fn();
  } catch (error) {
    if (error?.name !== "RegplanError") throw error;
    return { error: { code: error.code, message: error.message } };
  }
}

const out = createWriteStream(output);
let buffer = [];
let count = 0;
for await (const text of createInterface({ input: createReadStream(input), crlfDelay: Infinity })) {
  const line = JSON.parse(text);
  const op = typeof line.op === "string" ? line.op : "";
  const value = line.input === undefined ? null : line.input;
  const options = withoutClock(line.options === undefined ? null : line.options);
  const result = {
    validate: answer(() => api.validate(op, value)),
    plan: answer(() => api.plan(op, value, options)),
  };
  buffer.push(JSON.stringify(canonical(result)));
  count++;
  if (buffer.length >= 1000) {
    if (!out.write(buffer.join("\n") + "\n")) await new Promise((ok) => out.once("drain", ok));
    buffer = [];
  }
}
if (buffer.length) out.write(buffer.join("\n") + "\n");
await new Promise((ok, fail) => out.end((e) => (e ? fail(e) : ok())));
console.error(`differential: ${count} lines written to ${output}`);
