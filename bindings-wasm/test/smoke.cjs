// Run inside target/wasm-smoke/ after installing the packed tarball: the
// package resolves through `exports` and plans a request (CommonJS).
const assert = require("node:assert/strict");
const { plan, operations } = require("regplan-wasm");

const result = plan("gcore.registries.create", { project_id: 1, region_id: 76, name: "reg-home1" },
  { credentials: { type: "api_key", api_key: "k3y" } });
assert.equal(result.ok, true);
assert.equal(result.request.body, '{"name":"reg-home1","storage_limit":5}');
assert.equal(operations().length, 20);
console.log("smoke (require):", result.request.method, result.request.url);
