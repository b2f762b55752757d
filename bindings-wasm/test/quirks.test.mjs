// JS-specific behaviour of the binding: plain objects out, invalid input as a
// result, misuse as a RegplanError with a stable code, values JSON cannot hold
// refused (never a panic: the module keeps working), the clock.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";

const api = createRequire(import.meta.url)("../pkg-node/regplan_wasm.js");
const { operations, validate, validateField, plan, schema } = api;

const OP = "gcore.registries.create";
const GOOD = { project_id: 1, region_id: 76, name: "reg-home1" };
const KEY = { credentials: { type: "api_key", api_key: "s3cr3t-key" } };
const NCLOUD = "ncloud.registries.create";
const NCLOUD_INPUT = { registry: "r", bucket: "my-bucket" };
const AKSK = { credentials: { type: "access_key", access_key: "AK", secret_key: "SK" } };

function throwsCode(fn, code, messagePart) {
  let thrown;
  try {
    fn();
  } catch (error) {
    thrown = error;
  }
  assert.ok(thrown, `expected a throw with code ${code}`);
  assert.ok(thrown instanceof Error, "an Error");
  assert.equal(thrown.name, "RegplanError");
  assert.notEqual(thrown.constructor, Error, "a subclass of Error");
  assert.equal(thrown.code, code, thrown.message);
  if (messagePart) assert.match(thrown.message, messagePart);
  return thrown;
}

function isPlain(value) {
  if (Array.isArray(value)) return value.every(isPlain);
  if (value === undefined || (typeof value === "number" && !Number.isFinite(value))) return false;
  if (value !== null && typeof value === "object") {
    return Object.getPrototypeOf(value) === Object.prototype && Object.values(value).every(isPlain);
  }
  return true;
}

test("results are plain objects, arrays and null (JSON-compatible)", () => {
  const ops = operations();
  assert.ok(isPlain(ops));
  assert.equal(ops.length, 20);
  assert.equal(ops[0].fields[0].type.max, null);
  assert.deepEqual(JSON.parse(JSON.stringify(ops)), ops);
  const planned = plan(OP, GOOD, KEY);
  assert.ok(isPlain(planned));
  assert.deepEqual(Object.keys(planned), ["ok", "request", "curl"]);
  assert.deepEqual(Object.keys(planned.request.headers), ["Accept", "Authorization", "Content-Type"]);
  assert.equal(planned.request.body, '{"name":"reg-home1","storage_limit":5}');
  assert.deepEqual(planned.request.defaults_applied, ["/storage_limit"]);
  assert.ok(isPlain(schema(OP)));
  assert.equal(schema(OP).$schema, "https://json-schema.org/draft/2020-12/schema");
  assert.ok(isPlain(validate(OP, { name: 1 })));
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
  assert.equal(validate(OP, null).valid, false);
  assert.deepEqual(validateField(OP, "name", "Bad").errors.map((e) => e.code), ["pattern", "pattern"]);
});

test("misuse throws a RegplanError with the core's code", () => {
  throwsCode(() => validate("gcore.registries.crate", {}), "unknown_operation", /did you mean `gcore.registries.create`/);
  throwsCode(() => plan("nope", GOOD, KEY), "unknown_operation");
  throwsCode(() => schema("nope"), "unknown_operation");
  throwsCode(() => validate(42, {}), "unknown_operation");
  throwsCode(() => validate(undefined, {}), "unknown_operation");
  throwsCode(() => validateField(OP, "nmae", "x"), "unknown_field_name");
  throwsCode(() => validateField(OP, 7, "x"), "unknown_field_name");
  throwsCode(() => plan(OP, GOOD), "missing_credentials");
  throwsCode(() => plan(OP, GOOD, null), "missing_credentials");
  throwsCode(() => plan(OP, GOOD, { credentials: { type: "token", token: "t" } }), "wrong_credentials");
  throwsCode(() => plan(OP, GOOD, { credentials: { type: "api_key", api_key: "a b" } }), "invalid_credentials");
  throwsCode(() => plan(OP, GOOD, { ...KEY, colour: 1 }), "invalid_option");
  throwsCode(() => plan(OP, GOOD, "options"), "invalid_option");
  throwsCode(() => plan(OP, GOOD, [KEY]), "invalid_option");
  throwsCode(() => plan(NCLOUD, NCLOUD_INPUT, { ...AKSK, timestamp: "yesterday" }), "invalid_option");
  throwsCode(() => plan(NCLOUD, NCLOUD_INPUT, { ...AKSK, timestamp: null }), "missing_timestamp");
});

test("secrets are masked unless reveal_secrets", () => {
  const masked = plan(OP, GOOD, KEY);
  assert.equal(masked.request.headers.Authorization, "APIKey ***");
  assert.ok(!JSON.stringify(masked).includes("s3cr3t-key"));
  const shown = plan(OP, GOOD, { ...KEY, reveal_secrets: true });
  assert.equal(shown.request.headers.Authorization, "APIKey s3cr3t-key");
  assert.ok(shown.curl.includes("APIKey s3cr3t-key"));
});

test("numbers: 5.0 is the integer 5, -0 is 0, whole numbers beyond 2^53 are out of range", () => {
  const planned = plan(OP, { ...GOOD, storage_limit: 5.0 }, KEY);
  assert.equal(planned.request.body, '{"name":"reg-home1","storage_limit":5}');
  assert.equal(validate(OP, { ...GOOD, project_id: -0 }).errors[0].code, "out_of_range");
  assert.equal(validate(OP, { ...GOOD, storage_limit: 5.5 }).errors[0].code, "type");
  // Beyond 2^53 - 1 JavaScript cannot hold integers exactly; the core refuses them everywhere.
  assert.equal(plan(OP, { ...GOOD, project_id: 2 ** 53 - 1 }, KEY).request.url,
    "https://api.gcore.com/cloud/v1/registries/9007199254740991/76");
  assert.equal(validate(OP, { ...GOOD, project_id: 2 ** 60 }).errors[0].code, "out_of_range");
  assert.equal(validate(OP, { ...GOOD, project_id: "1" }).errors[0].code, "type");
  assert.equal(validate(OP, { ...GOOD, project_id: true }).errors[0].code, "type");
});

test("values JSON cannot hold are unsupported_value, with where they are", () => {
  const deep = (n, leaf, wrap) => {
    let v = leaf;
    for (let i = 0; i < n; i++) v = wrap(v);
    return v;
  };
  const cyclic = { ...GOOD };
  cyclic.self = cyclic;
  const cyclicArray = [];
  cyclicArray.push(cyclicArray);
  class Thing {
    constructor() {
      this.a = 1;
    }
  }
  const cases = [
    [{ ...GOOD, project_id: NaN }, /input\/project_id: NaN/],
    [{ ...GOOD, project_id: Infinity }, /input\/project_id: an infinite number/],
    [{ ...GOOD, project_id: -Infinity }, /infinite/],
    [{ ...GOOD, name: undefined }, /input\/name: undefined/],
    [{ ...GOOD, tags: [1, undefined] }, /input\/tags\/1: undefined/],
    [{ ...GOOD, tags: [1, , 3] }, /input\/tags\/1: undefined/], // eslint-disable-line no-sparse-arrays
    [{ ...GOOD, project_id: 1n }, /BigInt/],
    [{ ...GOOD, name: () => "reg" }, /function/],
    [{ ...GOOD, name: Symbol("reg") }, /symbol/],
    [{ ...GOOD, name: "reg\uD800" }, /input\/name: a string with a lone surrogate/],
    [{ ...GOOD, name: "\uDC00reg" }, /lone surrogate/],
    [{ ...GOOD, ["k\uD800"]: 1 }, /lone surrogate/],
    [{ ...GOOD, "a/b~c": { x: NaN } }, /input\/a~1b~0c\/x: NaN/],
    [cyclic, /128 levels deep \(or a cycle\)/],
    [{ ...GOOD, list: cyclicArray }, /cycle/],
    [deep(10_000, {}, (v) => ({ a: v })), /128 levels deep/],
    [deep(10_000, [], (v) => [v]), /128 levels deep/],
    [{ ...GOOD, when: new Date(0) }, /not a plain object/],
    [{ ...GOOD, map: new Map() }, /not a plain object/],
    [new Thing(), /not a plain object/],
    [undefined, /^input: undefined/],
  ];
  for (const [input, message] of cases) {
    throwsCode(() => validate(OP, input), "unsupported_value", message);
    throwsCode(() => plan(OP, input, KEY), "unsupported_value", message);
  }
  throwsCode(() => validateField(OP, "name", NaN), "unsupported_value", /^value: NaN/);
  throwsCode(() => validateField(OP, "name", undefined), "unsupported_value");
  throwsCode(() => plan(OP, GOOD, { ...KEY, timestamp: undefined }), "unsupported_value", /options\/timestamp: undefined/);
  throwsCode(() => plan(OP, GOOD, { ...KEY, timestamp: 10n }), "unsupported_value");
  // Nesting up to the limit is fine.
  assert.equal(validate(OP, { ...GOOD, extra: deep(100, 1, (v) => [v]) }).errors[0].code, "unknown_field");
  assert.equal(validate(OP, deep(127, {}, (v) => ({ a: v }))).valid, false);
  // Null-prototype objects and valid surrogate pairs are plain data.
  const bare = Object.assign(Object.create(null), GOOD);
  assert.equal(validate(OP, bare).valid, true);
  assert.equal(validate(OP, { ...GOOD, name: "reg-🚀" }).errors[0].code, "pattern");
});

test("a throwing getter or proxy trap is rethrown as is, and the module keeps working", () => {
  const boom = new Error("getter says no");
  const input = { ...GOOD };
  Object.defineProperty(input, "name", { enumerable: true, get() { throw boom; } });
  assert.throws(() => validate(OP, input), (e) => e === boom);
  const proxy = new Proxy({}, { ownKeys() { throw boom; } });
  assert.throws(() => validate(OP, proxy), (e) => e === boom);
  const { proxy: revoked, revoke } = Proxy.revocable({}, {});
  revoke();
  assert.throws(() => validate(OP, revoked), TypeError);
  // Thousands of failures later the instance is intact (no leaked stack, no trap).
  for (let i = 0; i < 5000; i++) {
    try { validate(OP, i % 2 ? input : { a: NaN }); } catch { /* expected */ }
  }
  assert.equal(plan(OP, GOOD, KEY).ok, true);
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
