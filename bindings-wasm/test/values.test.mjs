// Host values JSON cannot carry, read in place by the core (src/input.rs):
// exact codes and messages (the core's, the same in every runtime), budgets
// in milliseconds, exceptions re-thrown once, and no reference-table slot
// or memory kept after 10,000 failing calls.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { runInNewContext } from "node:vm";
import * as api from "../js/node.js";
import * as web from "../js/web.js";
import { throwsCode } from "./helpers.mjs";

const { validate, validateField, validateMany, plan } = api;
const OP = "gcore.registries.create";
const USERS = "gcore.users.create_multiple";
const GOOD = { project_id: 1, region_id: 76, name: "my-registry-01", storage_limit: 5 };
const KEY = { credentials: { type: "api_key", api_key: "k3y" } };
const VALID = { valid: true, errors: [], warnings: [] };
const unsupported = (at, what) => `unsupported value at ${at}: ${what}`;
const NOT_FINITE = "NaN and infinity are not JSON numbers";
const LONE = "a string with a lone surrogate (such as \\ud800) has no UTF-8 form";

function shared(depth, leaf) {
  let x = [leaf];
  for (let i = 0; i < depth; i++) x = [x, x];
  return x;
}

test("NaN and ±Infinity are refused where they are read", () => {
  for (const value of [NaN, Infinity, -Infinity]) {
    throwsCode(() => validate(OP, { ...GOOD, project_id: value }), "unsupported_value", unsupported("/project_id", NOT_FINITE));
    throwsCode(() => validate(OP, { ...GOOD, name: value }), "unsupported_value", unsupported("/name", NOT_FINITE));
    throwsCode(() => plan(OP, { ...GOOD, storage_limit: value }, KEY), "unsupported_value", unsupported("/storage_limit", NOT_FINITE));
    throwsCode(() => validateField(OP, "storage_limit", value), "unsupported_value", unsupported("/storage_limit", NOT_FINITE));
  }
  // Members the operation does not read are never looked into.
  assert.equal(validate(OP, { ...GOOD, extra: NaN }).errors[0].code, "unknown_field");
  assert.equal(validate(OP, { ...GOOD, name: [NaN] }).errors[0].message, "must be a string, not an array");
});

test("numbers: -0 is 0, 5.0 is 5, integers beyond 2^53 - 1 are out of range, a boolean is never a number", () => {
  assert.deepEqual(validate(OP, { ...GOOD, storage_limit: -0 }).errors[0],
    { code: "out_of_range", path: "/storage_limit", message: "must be between 1 and 1000", params: { min: 1, max: 1000 } });
  assert.equal(plan(OP, { ...GOOD, storage_limit: 5.0 }, KEY).request.body, '{"name":"my-registry-01","storage_limit":5}');
  assert.equal(plan(OP, { ...GOOD, project_id: 2 ** 53 - 1 }, KEY).request.url,
    "https://api.gcore.com/cloud/v1/registries/9007199254740991/76");
  const beyond = {
    code: "out_of_range",
    path: "/project_id",
    message: "must be between -9007199254740991 and 9007199254740991: larger integers lose precision in JavaScript",
    params: { min: -9007199254740991, max: 9007199254740991 },
  };
  for (const big of [2 ** 53, 2 ** 63, 2 ** 64, 2 ** 70, 1e300]) {
    assert.deepEqual(validate(OP, { ...GOOD, project_id: big }).errors, [beyond], String(big));
  }
  assert.equal(validate(OP, { ...GOOD, project_id: -(2 ** 70) }).errors[0].message, "must be at least 1");
  assert.deepEqual(validate(OP, { ...GOOD, project_id: 5.5 }).errors[0].message, "must be an integer, not a fractional number");
  for (const flag of [true, false]) {
    assert.deepEqual(validate(OP, { ...GOOD, project_id: flag }).errors[0],
      { code: "type", path: "/project_id", message: "must be an integer, not a boolean", params: { expected: "integer" } });
  }
  assert.equal(validate(OP, { ...GOOD, project_id: "1" }).errors[0].message, "must be an integer, not a string");
});

test("undefined: an absent member, refused anywhere else", () => {
  assert.deepEqual(validate(OP, { ...GOOD, storage_limit: undefined }), VALID);
  assert.deepEqual(validate(OP, { ...GOOD, junk: undefined }), VALID);
  assert.deepEqual(validate(OP, { ...GOOD, name: undefined }).errors[0],
    { code: "required", path: "/name", message: "is required", params: { field: "name" } });
  assert.deepEqual(validateField(OP, "name", undefined).errors[0].code, "required");
  assert.equal(plan(OP, GOOD, { ...KEY, base_url: undefined }).ok, true);
  const undefinedNotJson = "undefined is not JSON (only an object member may be undefined, meaning absent)";
  throwsCode(() => validate(OP, undefined), "unsupported_value", `unsupported value: ${undefinedNotJson}`);
  throwsCode(() => validate(USERS, { project_id: 1, region_id: 76, registry_id: 607, users: [{ name: "alice", duration: 1 }, undefined] }),
    "unsupported_value", unsupported("/users/1", undefinedNotJson));
  // A hole in a sparse array reads as undefined, as JSON.stringify reads it.
  throwsCode(() => validate(USERS, { project_id: 1, region_id: 76, registry_id: 607, users: [, { name: "alice", duration: 1 }] }), // eslint-disable-line no-sparse-arrays
    "unsupported_value", unsupported("/users/0", undefinedNotJson));
});

test("lone surrogates: in values, in keys, in the operation id", () => {
  throwsCode(() => validate(OP, { ...GOOD, name: "a\uD800b" }), "unsupported_value", unsupported("/name", LONE));
  throwsCode(() => validate(OP, { ...GOOD, name: "\uDC00" }), "unsupported_value", unsupported("/name", LONE));
  throwsCode(() => validate(OP, { ...GOOD, ["k\uD800"]: 1 }), "unsupported_value", `unsupported value: ${LONE}`);
  const qovery = {
    organizationId: "3fa85f64-5717-4562-b3fc-2c963f66afa6", name: "my-registry", kind: "ECR",
    url: "https://123456789012.dkr.ecr.eu-west-3.amazonaws.com", config: { region: "eu-west-3", ["\uDBFF"]: 1 },
  };
  throwsCode(() => validate("qovery.container_registries.create", qovery), "unsupported_value", unsupported("/config", LONE));
  throwsCode(() => validateField(OP, "name", "\uD800"), "unsupported_value", unsupported("/name", LONE));
  throwsCode(() => validate("g\uD800", GOOD), "invalid_argument", "`op` must be a string, not a string with a lone surrogate");
  // A surrogate pair is a character like any other.
  assert.equal(validate(OP, { ...GOOD, name: "a\uD83D\uDE00" }).errors[0].code, "pattern");
  // Keys and strings longer than the scratch area come through as well.
  const long = "k".repeat(5000);
  assert.equal(validate(OP, { ...GOOD, [long]: 1 }).errors[0].path, `/${long}`);
  assert.equal(validate(OP, { ...GOOD, name: `é${"a".repeat(5000)}` }).errors[0].code, "too_long");
  assert.equal(validate(OP, { ...GOOD, name: "é".repeat(2100) }).errors[0].code, "too_long");
});

test("exotic values: each its own message, never coerced", () => {
  class Point {}
  const cases = [
    [new Date(1), "a Date is not JSON; pass date.toISOString() or the epoch milliseconds"],
    [new Map([["a", 1]]), "a Map is not JSON; pass Object.fromEntries(map)"],
    [new Set([1]), "a set is not JSON; pass an array (list)"],
    [new Uint8Array([1]), "binary data is not JSON; pass a string or an array"],
    [new ArrayBuffer(2), "binary data is not JSON; pass a string or an array"],
    [5n, "a BigInt is not JSON; pass a number"],
    [() => 1, "a function is not JSON"],
    [Symbol("s"), "a Symbol is not JSON"],
    [new Point(), "a class instance is not JSON; pass a plain object"],
    [/re/, "a `RegExp` is not JSON; pass a plain object, array, string, number, boolean or null"],
    [Promise.resolve(1), "a `Promise` is not JSON; pass a plain object, array, string, number, boolean or null"],
    [new String("s"), "a `String` is not JSON; pass a plain object, array, string, number, boolean or null"],
  ];
  for (const [value, message] of cases) {
    throwsCode(() => validate(OP, { ...GOOD, project_id: value }), "unsupported_value", unsupported("/project_id", message));
    throwsCode(() => validate(USERS, { project_id: 1, region_id: 76, registry_id: 607, users: [value] }), "unsupported_value",
      unsupported("/users/0", message));
  }
  throwsCode(() => validate(OP, new Point()), "unsupported_value", "unsupported value: a class instance is not JSON; pass a plain object");
  // Plain: null prototype, and objects of another realm.
  assert.deepEqual(validate(OP, Object.assign(Object.create(null), GOOD)), VALID);
  const foreign = runInNewContext("({ project_id: 1, region_id: 76, name: 'my-registry-01', storage_limit: 5 })");
  assert.notEqual(Object.getPrototypeOf(foreign), Object.prototype);
  assert.deepEqual(validate(OP, foreign), VALID);
  assert.equal(validate(USERS, { project_id: 1, region_id: 76, registry_id: 607, users: runInNewContext("[{ name: 'alice', duration: 1 }]") }).valid, true);
  // A Proxy is read through its traps; a Proxy of an array is an array.
  assert.deepEqual(validate(OP, new Proxy({ ...GOOD }, {})), VALID);
  assert.equal(validate(USERS, { project_id: 1, region_id: 76, registry_id: 607, users: new Proxy([{ name: "alice", duration: 1 }], {}) }).valid, true);
  // A Symbol.toStringTag names the instance; the tag is read, never the value.
  const tagged = { [Symbol.toStringTag]: "Secret-9f3a" };
  Object.setPrototypeOf(tagged, new Point());
  throwsCode(() => validate(OP, { ...GOOD, name: tagged }), "unsupported_value",
    unsupported("/name", "a `Secret-9f3a` is not JSON; pass a plain object, array, string, number, boolean or null"));
});

test("a Proxy array claiming 2^32 - 1 items is refused at once, with no allocation and no trap", () => {
  const huge = new Proxy([], { get: (target, key) => (key === "length" ? 2 ** 32 - 1 : undefined) });
  const before = process.memoryUsage().rss;
  const started = performance.now();
  throwsCode(() => validate(USERS, { project_id: 1, region_id: 76, registry_id: 607, users: huge }), "unsupported_value",
    unsupported("/users/0", "undefined is not JSON (only an object member may be undefined, meaning absent)"));
  assert.equal(validate(OP, { ...GOOD, name: huge }).errors[0].message, "must be a string, not an array");
  const full = new Proxy([], { get: (target, key) => (key === "length" ? 2 ** 32 - 1 : 1) });
  throwsCode(() => plan(OP, GOOD, { credentials: full }), "invalid_option");
  assert.ok(performance.now() - started < 1000, `${performance.now() - started} ms`);
  assert.ok(process.memoryUsage().rss - before < 50e6);
  // The module still works (no `RuntimeError: unreachable`).
  assert.deepEqual(validate(OP, GOOD), VALID);
});

test("a 30-level shared-reference graph is refused in under 10 ms, memory growth under 50 MB", () => {
  const graph = shared(30, 1);
  const many = "more than 1000000 values (a shared reference counts each time it is reached, a string one per 16 bytes)";
  const calls = [
    () => assert.equal(validate(OP, { ...GOOD, project_id: graph }).errors[0].message, "must be an integer, not an array"),
    () => assert.equal(validate(USERS, { project_id: 1, region_id: 76, registry_id: 607, users: graph }).errors[0].code, "type"),
    () => throwsCode(() => plan(OP, GOOD, { credentials: { type: "api_key", api_key: graph } }), "invalid_option",
      "invalid option `options`: holds more than 1000 values (a shared reference counts each time it is reached)"),
    () => assert.equal(validateField(OP, "name", graph).errors[0].code, "type"),
    () => assert.equal(validateMany(OP, [GOOD, graph])[1].errors[0].code, "type"),
  ];
  for (const call of calls) call(); // warm
  const before = process.memoryUsage().rss;
  // CPU time of this process, best of three: the machine may be busy with other work.
  const cpu = (call) => {
    let best = Infinity;
    for (let k = 0; k < 3; k++) {
      const started = process.cpuUsage();
      call();
      const used = process.cpuUsage(started);
      best = Math.min(best, (used.user + used.system) / 1000);
    }
    return best;
  };
  for (const call of calls) {
    const took = cpu(call);
    assert.ok(took < 10, `${took.toFixed(1)} ms: ${call}`);
  }
  assert.ok(process.memoryUsage().rss - before < 50e6, `${(process.memoryUsage().rss - before) / 1e6} MB`);
});

test("10^6-item arrays: time linear in size, refused by the budget", () => {
  const input = (n) => ({ project_id: 1, region_id: 76, registry_id: 607, users: new Array(n).fill({ name: "alice", duration: 1 }) });
  const small = input(1e5);
  const large = input(1e6);
  const time = (f) => {
    const started = performance.now();
    f();
    return performance.now() - started;
  };
  validate(USERS, input(1e4)); // warm
  const t5 = time(() => assert.equal(validate(USERS, small).valid, true));
  // 3 values per user: the budget stops after about 333,000 users.
  const t6 = time(() => throwsCode(() => validate(USERS, large), "unsupported_value",
    unsupported("/users/333331/name", "more than 1000000 values (a shared reference counts each time it is reached, a string one per 16 bytes)")));
  assert.ok(t6 < 10 * t5, `10^5: ${t5.toFixed(0)} ms, 10^6: ${t6.toFixed(0)} ms`);
  const scalars = { project_id: 1, region_id: 76, registry_id: 607, users: new Array(1e5).fill(1) };
  assert.equal(validate(USERS, scalars).errors.length, 1e5);
});

test("deep nesting stops at 128 levels", () => {
  let deep = 1;
  for (let i = 0; i < 10000; i++) deep = [deep];
  throwsCode(() => plan(OP, GOOD, { credentials: deep }), "invalid_option",
    "invalid option `options`: holds a value without JSON form: nested deeper than 128 levels");
  let cyclic = { ...KEY.credentials };
  cyclic.self = cyclic;
  throwsCode(() => plan(OP, GOOD, { credentials: cyclic }), "invalid_option");
});

test("what a getter or Proxy trap throws is re-thrown as it is, once", () => {
  const boom = new Error("getter says no");
  let reads = 0;
  const input = { project_id: 1, region_id: 76 };
  Object.defineProperty(input, "name", { enumerable: true, get() { reads++; throw boom; } });
  assert.throws(() => validate(OP, input), (e) => e === boom);
  assert.equal(reads, 1);
  assert.throws(() => plan(OP, input, KEY), (e) => e === boom);
  assert.throws(() => validateMany(OP, [GOOD, input]), (e) => e === boom);
  assert.throws(() => plan(OP, GOOD, { get credentials() { throw boom; } }), (e) => e === boom);
  const keys = new Proxy({}, { ownKeys() { throw boom; } });
  assert.throws(() => validate(OP, keys), (e) => e === boom);
  const proto = new Proxy({}, { getPrototypeOf() { throw boom; } });
  assert.throws(() => validate(OP, { ...GOOD, name: proto }), (e) => e === boom);
  const length = new Proxy([], { get(t, k) { if (k === "length") throw boom; return undefined; } });
  assert.throws(() => validate(USERS, { project_id: 1, region_id: 76, registry_id: 607, users: length }), (e) => e === boom);
  const tag = { get [Symbol.toStringTag]() { throw boom; } };
  Object.setPrototypeOf(tag, Object.create(Object.prototype));
  assert.throws(() => validate(OP, { ...GOOD, name: tag }), (e) => e === boom);
  const { proxy: revoked, revoke } = Proxy.revocable({}, {});
  revoke();
  assert.throws(() => validate(OP, revoked), TypeError);
  // Anything may be thrown, not only Errors.
  const odd = { project_id: 1 };
  Object.defineProperty(odd, "name", { enumerable: true, get() { throw 42; } }); // eslint-disable-line no-throw-literal
  assert.throws(() => validate(OP, odd), (e) => e === 42);
  // A getter under a key the operation does not know is still read: it is a member.
  const junk = { ...GOOD };
  Object.defineProperty(junk, "junk", { enumerable: true, get() { throw boom; } });
  assert.throws(() => validate(OP, junk), (e) => e === boom);
});

test("10,000 failing calls leave no reference-table slot and no memory behind", () => {
  const exports = web.initSync(readFileSync(new URL("../pkg-web/regplan_wasm_bg.wasm", import.meta.url)));
  const table = exports.__wbindgen_externrefs;
  const memory = exports.memory;
  const boom = new Error("boom");
  const getter = { project_id: 1, region_id: 76 };
  Object.defineProperty(getter, "name", { enumerable: true, get() { throw boom; } });
  const trap = new Proxy({}, { ownKeys() { throw boom; } });
  const nested = { a: 1, b: [{ c: [getter] }] };
  const run = () => {
    let thrown = 0;
    for (let i = 0; i < 10000; i++) {
      for (const call of [
        () => web.validate(OP, getter),
        () => web.validate(OP, trap),
        () => web.plan(OP, GOOD, { credentials: nested }),
        () => web.validateMany(OP, [GOOD, getter]),
        () => web.validate(OP, { ...GOOD, project_id: NaN }),
        () => web.validate(OP, { ...GOOD, name: new Date(0) }),
      ]) {
        try {
          call();
        } catch (error) {
          if (error === boom || error instanceof web.RegplanError) thrown++;
        }
      }
    }
    return thrown;
  };
  run(); // warm: the table and the heap reach their working size
  const before = { slots: table.length, bytes: memory.buffer.byteLength };
  assert.equal(run(), 60000);
  assert.deepEqual({ slots: table.length, bytes: memory.buffer.byteLength }, before);
  assert.deepEqual(web.validate(OP, GOOD), VALID);
});
