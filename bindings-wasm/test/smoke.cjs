// Run inside target/wasm-smoke/ after installing the packed tarball: the
// package resolves through `exports` and plans a request (CommonJS, through
// Node's require of the ES module entry).
const assert = require("node:assert/strict");
const { plan, operations, codes, validateMany, RegplanError } = require("regplan-wasm");

const result = plan("gcore.registries.create", { project_id: 1, region_id: 76, name: "reg-home1" },
  { credentials: { type: "api_key", api_key: "k3y" } });
assert.equal(result.ok, true);
assert.equal(result.request.body, '{"name":"reg-home1","storage_limit":5}');
assert.equal(result.request.headers.Authorization, "APIKey k3y");
assert.ok(JSON.stringify(result).includes("APIKey ***"));
assert.equal(operations().length, 20);
assert.ok(codes().includes("invalid_argument"));
assert.equal(validateMany("gcore.registries.create", [{}, {}]).length, 2);
assert.throws(() => plan("nope", {}), RegplanError);
console.log("smoke (require):", result.request.method, result.request.url);
