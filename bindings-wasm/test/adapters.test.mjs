// The form-library adapters (js/adapters.js) route the core's issues by
// JSON Pointer, as react-hook-form and rjsf expect them.
import { test } from "node:test";
import assert from "node:assert/strict";
import { errorsByPath, regplanCustomValidate, regplanResolver, regplanTransformErrors, validate } from "../js/node.js";

const QOVERY = "qovery.container_registries.create";
const ECR = {
  organizationId: "3fa85f64-5717-4562-b3fc-2c963f66afa6", name: "r", kind: "ECR", url: "https://x.example",
  config: { region: "", access_key_id: "AKIA", secret_access_key: "s" },
};

test("errorsByPath groups the report's errors by JSON Pointer", () => {
  const byPath = errorsByPath(validate("gcore.registries.create", { project_id: 0, region_id: 76, name: "1-Bad_" }));
  assert.deepEqual(Object.keys(byPath), ["/project_id", "/name"]);
  assert.deepEqual(byPath["/name"].map((e) => e.code), ["pattern", "pattern", "pattern"]);
  assert.deepEqual(byPath["/project_id"][0].params, { min: 1 });
});

test("regplanResolver answers as react-hook-form's resolvers do, errors nested like the values", async () => {
  const resolver = regplanResolver(QOVERY);
  const bad = await resolver(ECR);
  assert.deepEqual(bad.values, {});
  assert.deepEqual(bad.errors.config.region, { type: "too_short", message: validate(QOVERY, ECR).errors[0].message });
  const good = { ...ECR, config: { ...ECR.config, region: "eu-west-3" } };
  assert.deepEqual(await resolver(good), { values: good, errors: {} });
});

test("regplanCustomValidate adds each message to its field's rjsf error node", () => {
  const node = () => ({ __errors: [], addError(m) { this.__errors.push(m); } });
  const errors = Object.assign(node(), { config: Object.assign(node(), { region: node() }), name: node() });
  const out = regplanCustomValidate(QOVERY)({ ...ECR, name: "" }, errors);
  assert.equal(out, errors);
  assert.deepEqual(errors.config.region.__errors, [validate(QOVERY, ECR).errors[0].message]);
  assert.equal(errors.name.__errors.length, 1);
  // A path rjsf has no node for lands on the root.
  const bare = node();
  regplanCustomValidate(QOVERY)({ ...ECR, name: "" }, bare);
  assert.equal(bare.__errors.length, 2);
  // ajv's errors repeat the core's (or say "must NOT be valid"): all dropped.
  assert.deepEqual(regplanTransformErrors([{ name: "if" }, { name: "pattern" }, { name: "then" }, { name: "not" }]), []);
});
