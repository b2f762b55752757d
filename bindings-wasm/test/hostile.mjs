// The wasm runner of the hostile-value catalogue (tests/hostile/): builds
// each case's value natively (test/construct.mjs), calls the package (the
// nodejs build) and writes one JSON line per case to OUT.
//
//   node bindings-wasm/test/hostile.mjs [CASES [OUT]]
//   python3 tests/hostile/compare.py target/hostile rust wasm
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { runInNewContext } from "node:vm";
import * as api from "../js/node.js";
import { runCatalogue } from "./construct.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const [cases = resolve(root, "tests/hostile/cases.json"), out = resolve(root, "target/hostile/wasm.jsonl")] =
  process.argv.slice(2);

/** A plain object made in a fresh realm (its Object.prototype is not ours). */
function realm(members) {
  return runInNewContext(`(${JSON.stringify(Object.keys(members))}).reduce((o, k, i) => (o[k] = values[i], o), {})`, {
    values: Object.values(members),
  });
}

const catalogue = JSON.parse(readFileSync(cases, "utf8"));
const lines = runCatalogue(api, catalogue, "wasm", realm);
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, lines.join("\n") + "\n");
console.error(`hostile: ${lines.length} cases written to ${out}`);
