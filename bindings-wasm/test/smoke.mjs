// Run inside target/wasm-smoke/: ES module import of the node entry, and the
// web build (its `init` given the .wasm bytes, as a bundler-less page would fetch them).
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { validate } from "regplan-wasm";
import init, { plan as webPlan } from "regplan-wasm/web";

const report = validate("gcore.registries.create", { project_id: 0, region_id: 76, name: "reg" });
assert.equal(report.errors[0].code, "out_of_range");

const wasmPath = createRequire(import.meta.url).resolve("regplan-wasm/regplan_wasm_bg.wasm");
await init({ module_or_path: await readFile(wasmPath) });
const result = webPlan("gcore.registries.create", { project_id: 1, region_id: 76, name: "reg-home1" },
  { credentials: { type: "api_key", api_key: "k3y" } });
assert.equal(result.request.headers.Authorization, "APIKey ***");
console.log("smoke (import, node + web builds):", report.errors[0].path, result.request.url);
