// The package's API in Node: plain objects out, invalid input as a result,
// misuse as a RegplanError with the core's code, codes(), validateMany,
// the web build's init, the clock.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import * as api from "../js/node.js";
import init, { RegplanError } from "../js/node.js";
import { throwsCode } from "./helpers.mjs";

const { operations, codes, validate, validateField, validateMany, plan, schema } = api;

const OP = "gcore.registries.create";
const GOOD = { project_id: 1, region_id: 76, name: "reg-home1" };
const KEY = { credentials: { type: "api_key", api_key: "s3cr3t-key" } };
const NCLOUD = "ncloud.registries.create";
const NCLOUD_INPUT = { registry: "r", bucket: "my-bucket" };
const AKSK = { credentials: { type: "access_key", access_key: "AK", secret_key: "SK" } };

function isPlain(value) {
  if (Array.isArray(value)) return value.every(isPlain);
  if (value === undefined || (typeof value === "number" && !Number.isFinite(value))) return false;
  if (value !== null && typeof value === "object") {
    return Object.getPrototypeOf(value) === Object.prototype && Object.values(value).every(isPlain);
  }
  return true;
}

test("results are plain objects, arrays and null, in the core's key order", () => {
  const ops = operations();
  assert.ok(isPlain(ops));
  assert.equal(ops.length, 20);
  assert.equal(ops[0].fields[0].type.max, null);
  assert.deepEqual(JSON.parse(JSON.stringify(ops)), ops);
  const planned = plan(OP, GOOD, KEY);
  assert.ok(isPlain(planned));
  assert.deepEqual(Object.keys(planned), ["ok", "request", "curl"]);
  assert.deepEqual(Object.keys(planned.request), ["method", "url", "headers", "body", "defaults_applied", "warnings", "preview"]);
  assert.deepEqual(Object.keys(planned.request.headers), ["Accept", "Authorization", "Content-Type"]);
  assert.equal(planned.request.body, '{"name":"reg-home1","storage_limit":5}');
  assert.deepEqual(planned.request.defaults_applied, ["/storage_limit"]);
  assert.ok(isPlain(schema(OP)));
  assert.equal(schema(OP).$schema, "https://json-schema.org/draft/2020-12/schema");
  const report = validate(OP, { name: 1 });
  assert.ok(isPlain(report));
  assert.deepEqual(Object.keys(report), ["valid", "errors", "warnings"]);
  assert.deepEqual(Object.keys(report.errors[0]), ["code", "path", "message", "params"]);
  // Each call gives new objects: mutating one result changes no other.
  const a = validate(OP, {});
  a.errors[0].params.field = "changed";
  assert.equal(validate(OP, {}).errors[0].params.field, "project_id");
});

test("an invalid input is a result, not an exception", () => {
  const report = validate(OP, { project_id: 0, region_id: 76, name: "1-Bad_" });
  assert.equal(report.valid, false);
  assert.deepEqual(report.errors[0], { code: "out_of_range", path: "/project_id", message: "must be at least 1", params: { min: 1 } });
  assert.ok(report.errors.slice(1).every((e) => e.code === "pattern" && e.path === "/name"));
  const planned = plan(OP, { name: 1 }, KEY);
  assert.deepEqual(Object.keys(planned), ["ok", "errors", "warnings"]);
  assert.equal(planned.ok, false);
  assert.equal(planned.errors[0].code, "required");
  assert.equal(validate(OP, 42).errors[0].code, "type");
  assert.deepEqual(validate(OP, null).errors[0], {
    code: "type", path: "", message: "must be an object, not null", params: { expected: "object" },
  });
  assert.deepEqual(validateField(OP, "name", "Bad").errors.map((e) => e.code), ["pattern", "pattern"]);
  // A report of the same input is the same every time (recurring strings are cached).
  const first = JSON.stringify(validate(OP, { project_id: 0, region_id: 76, name: "1-Bad_", x: 1 }));
  for (let i = 0; i < 3; i++) assert.equal(JSON.stringify(validate(OP, { project_id: 0, region_id: 76, name: "1-Bad_", x: 1 })), first);
});

test("misuse throws a RegplanError with the core's code and message", () => {
  throwsCode(() => validate("gcore.registries.crate", {}), "unknown_operation",
    "unknown operation `gcore.registries.crate`; did you mean `gcore.registries.create`?");
  throwsCode(() => plan("nope", GOOD, KEY), "unknown_operation");
  throwsCode(() => schema("nope"), "unknown_operation");
  throwsCode(() => validate(42, {}), "invalid_argument", "`op` must be a string, not a number");
  throwsCode(() => validate(undefined, {}), "invalid_argument", "`op` must be a string, not undefined");
  throwsCode(() => validate(["gcore.registries.create"], {}), "invalid_argument", "`op` must be a string, not an array");
  throwsCode(() => validateField(OP, "nmae", "x"), "unknown_field_name", "operation `gcore.registries.create` has no field `nmae`");
  throwsCode(() => validateField(OP, 7, "x"), "invalid_argument", "`field` must be a string, not a number");
  throwsCode(() => validateMany(OP, {}), "invalid_argument", "`inputs` must be an array of inputs, not an object");
  throwsCode(() => plan(OP, GOOD), "missing_credentials");
  throwsCode(() => plan(OP, GOOD, null), "missing_credentials");
  throwsCode(() => plan(OP, GOOD, { credentials: { type: "token", token: "t" } }), "wrong_credentials");
  throwsCode(() => plan(OP, GOOD, { credentials: { type: "api_key", api_key: "a b" } }), "invalid_credentials");
  throwsCode(() => plan(OP, GOOD, { ...KEY, colour: 1 }), "invalid_option");
  throwsCode(() => plan(OP, GOOD, "options"), "invalid_option");
  throwsCode(() => plan(OP, GOOD, [KEY]), "invalid_option");
  throwsCode(() => plan(NCLOUD, NCLOUD_INPUT, { ...AKSK, timestamp: "yesterday" }), "invalid_option");
  throwsCode(() => plan(NCLOUD, NCLOUD_INPUT, { ...AKSK, timestamp: null }), "missing_timestamp");
  // The stack starts at the caller, not inside the package.
  const error = throwsCode(() => validate("nope", {}), "unknown_operation");
  assert.match(error.stack.split("\n")[1], /api\.test\.mjs/);
  // The class is the package's own, constructible like the addon's.
  const made = new RegplanError("invalid_option", "m");
  assert.equal(made.code, "invalid_option");
  assert.equal(made.message, "m");
});

test("codes() lists every issue code, then every API error code, as the core does", () => {
  const all = codes();
  assert.equal(all[0], "required");
  assert.ok(all.includes("unknown_region"));
  assert.deepEqual(all.slice(all.indexOf("unknown_operation")), [
    "unknown_operation", "unknown_field_name", "invalid_input", "missing_credentials", "wrong_credentials",
    "invalid_credentials", "missing_timestamp", "unsupported_value", "invalid_option", "invalid_argument",
  ]);
  assert.equal(new Set(all).size, all.length);
  // Every code a report can hold is listed.
  const seen = validate(OP, { project_id: "x", name: "1", zz: 1 }).errors.map((e) => e.code);
  assert.ok(seen.every((c) => all.includes(c)), seen.join());
});

test("validateMany gives validate's report for each input, and is no slower per input than a loop", () => {
  const inputs = [];
  for (let i = 0; i < 3000; i++) {
    inputs.push(i % 3 ? { project_id: 1 + i, region_id: 76, name: `reg-${i % 50}` } : { project_id: 0, region_id: 76, name: `Bad_${i}` });
  }
  const loop = inputs.map((input) => validate(OP, input));
  assert.deepEqual(validateMany(OP, inputs), loop);
  assert.deepEqual(validateMany(OP, []), []);
  throwsCode(() => validateMany(OP, [GOOD, { ...GOOD, project_id: NaN }]), "unsupported_value",
    "unsupported value at /1/project_id: NaN and infinity are not JSON numbers");
  throwsCode(() => validateMany("nope", [GOOD]), "unknown_operation");
  // Best of 15 rounds, the two interleaved, so that a busy machine slows both alike.
  let looped = Infinity;
  let many = Infinity;
  const time = (f) => {
    const t = performance.now();
    f();
    return performance.now() - t;
  };
  for (let k = 0; k < 15; k++) {
    looped = Math.min(looped, time(() => inputs.map((input) => validate(OP, input))));
    many = Math.min(many, time(() => validateMany(OP, inputs)));
  }
  // Since the patterns run on regex-lite (issue 12, size), matching is most of
  // a call and one crossing per input saves little: validateMany is about as
  // fast as the loop, and must not be slower (15% for the machine's noise).
  assert.ok(many < looped * 1.15, `validateMany ${many} ms vs a loop ${looped} ms`);
});

test("Node needs no init(); init() and initSync() are there for code written for browsers", async () => {
  assert.equal(await init(), undefined);
  assert.equal(api.initSync(), undefined);
  assert.equal(validate(OP, GOOD).valid, true);
});

test("the web build throws not_initialized before init(), then works", async () => {
  const web = await import("../js/web.js");
  throwsCode(() => web.validate(OP, GOOD), "not_initialized",
    "regplan-wasm is not initialized: await init() (the default export of regplan-wasm/web) first");
  throwsCode(() => web.codes(), "not_initialized");
  assert.ok(!(web.RegplanError === undefined));
  const bytes = readFileSync(new URL("../pkg-web/regplan_wasm_bg.wasm", import.meta.url));
  const exports = await web.default(bytes);
  assert.ok(exports.memory instanceof WebAssembly.Memory);
  assert.equal(web.initSync(bytes), exports, "a second init is a no-op");
  assert.deepEqual(web.validate(OP, GOOD), validate(OP, GOOD));
  assert.deepEqual(web.codes(), codes());
});

test("signing time: absent is Date.now(), a value is used as given, null is no clock", (t) => {
  const fixed = Date.UTC(2026, 10, 22, 10, 15, 0);
  t.mock.method(Date, "now", () => fixed);
  const viaClock = plan(NCLOUD, NCLOUD_INPUT, AKSK);
  const viaOption = plan(NCLOUD, NCLOUD_INPUT, { ...AKSK, timestamp: fixed });
  const viaText = plan(NCLOUD, NCLOUD_INPUT, { ...AKSK, timestamp: "2026-11-22T10:15:00Z" });
  assert.equal(viaClock.ok, true);
  assert.equal(viaClock.request.headers["x-ncp-apigw-timestamp"], String(fixed));
  assert.deepEqual(viaClock, viaOption);
  assert.deepEqual(viaClock, viaText);
  const huawei = plan("huawei_swr.namespaces.create", { region: "cn-north-4", namespace: "my-team" },
    { credentials: { type: "access_key", access_key: "AK", secret_key: "SK" } });
  assert.equal(huawei.request.headers["X-Sdk-Date"], "20261122T101500Z");
  throwsCode(() => plan(NCLOUD, NCLOUD_INPUT, { ...AKSK, timestamp: null }), "missing_timestamp");
});

test("a getter may call regplan while regplan reads it", () => {
  const input = { project_id: 1, region_id: 76 };
  Object.defineProperty(input, "name", {
    enumerable: true,
    get() {
      // Re-entered: its own report is complete and the outer one unchanged.
      assert.deepEqual(validate(OP, { project_id: 0, region_id: 76, name: "1x" }).errors.map((e) => e.path), ["/project_id", "/name"]);
      return "reg-home1";
    },
  });
  assert.deepEqual(validate(OP, input), { valid: true, errors: [], warnings: [] });
  assert.equal(plan(OP, input, KEY).request.url, "https://api.gcore.com/cloud/v1/registries/1/76");
});

test("validateField takes a JSON Pointer to a nested field, and undefined as absent", () => {
  const qovery = "qovery.container_registries.create";
  const report = validateField(qovery, "/config/region", "");
  assert.deepEqual(report.errors.map((e) => [e.code, e.path]), [["too_short", "/config/region"]]);
  assert.equal(validateField(qovery, "/config/region", "eu-west-3").valid, true);
  assert.deepEqual(validateField(OP, "/name", undefined).errors.map((e) => [e.code, e.path]), [["required", "/name"]]);
  throwsCode(() => validateField(qovery, "/config/nope", "x"), "unknown_field_name");
  throwsCode(() => validateField(qovery, "/name/deeper", "x"), "unknown_field_name");
});
