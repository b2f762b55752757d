// Run inside target/wasm-smoke/: ES module import of the node entry, and the
// web build (its `init` given the .wasm bytes, as a bundler-less page would fetch them).
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import init0, { validate, RegplanError } from "regplan-wasm";
import init, { plan as webPlan, RegplanError as WebError } from "regplan-wasm/web";

await init0(); // a no-op in Node
const report = validate("gcore.registries.create", { project_id: 0, region_id: 76, name: "reg" });
assert.equal(report.errors[0].code, "out_of_range");

assert.throws(() => webPlan("gcore.registries.create", {}), (e) => e instanceof WebError && e.code === "not_initialized");
const wasmPath = createRequire(import.meta.url).resolve("regplan-wasm/regplan_wasm_bg.wasm");
await init(await readFile(wasmPath));
const result = webPlan("gcore.registries.create", { project_id: 1, region_id: 76, name: "reg-home1" },
  { credentials: { type: "api_key", api_key: "k3y" } });
assert.equal(result.request.headers.Authorization, "APIKey k3y");
assert.ok(!result.curl.includes("k3y"));
assert.equal(typeof RegplanError, "function");
// regplan-wasm/form resolves through `exports` and imports without a DOM (it defines <regplan-form> only where customElements exists).
const { RegplanFormElement } = await import("regplan-wasm/form");
assert.equal(typeof RegplanFormElement, "function");
assert.equal(typeof globalThis.customElements, "undefined");
console.log("smoke (import, node + web builds):", report.errors[0].path, result.request.url);
