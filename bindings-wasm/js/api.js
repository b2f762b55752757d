// The public functions of regplan-wasm, shared by the Node and web entry
// points: each calls one export of the wasm module and turns the tape it
// returns (src/output.rs) into plain objects, or throws the core's error as
// a RegplanError. An exception thrown by the caller's own getter or Proxy
// trap is re-thrown as it is.

import { RegplanError } from "./error.js";
// The Node addon's own helper (bindings-node/js/masked.mjs, copied by test.sh),
// so JSON.stringify and util.inspect show a plan the same in both packages.
import { withMaskedRenderings, withMaskedCredentials, envArrays } from "./masked.mjs";

// Tags, as src/output.rs writes them.
const NULL = 0, FALSE = 1, TRUE = 2, INT = 3, FLOAT = 4, STR = 5, STATIC = 6,
  ARRAY = 7, OBJECT = 8, REPORT = 9, REPORTS = 10, PLANNED = 11, NOT_PLANNED = 12,
  ERROR = 13, SHARED = 14, THROWN = 15;

const decoder = new TextDecoder("utf-8", { ignoreBOM: true });
const bits = new Int32Array(2);
const float = new Float64Array(bits.buffer);

/**
 * Binds the API to one instantiated module. `raw` is the wasm-bindgen
 * glue; `ready()` says whether it is instantiated (the web build needs
 * `init()` first).
 */
export function bind(raw, ready) {
  let memory = null;
  let words = new Int32Array(0);
  let bytes = new Uint8Array(0);
  // Strings that live as long as the module, by address: decoded once.
  const fixed = new Map();
  // Strings of reports that recur, by the number src/output.rs gave them.
  const shared = [];
  // The reading position and the copied strings of the tape being read.
  let at = 0;
  let base = 0;

  function views() {
    if (memory === null) memory = raw.wasmMemory();
    // Growing the memory detaches the old buffer, leaving views of length 0.
    if (words.length === 0) {
      words = new Int32Array(memory.buffer);
      bytes = new Uint8Array(memory.buffer);
    }
  }

  function utf8(start, length) {
    if (length < 16) {
      let s = "";
      for (let i = start, end = start + length; i < end; i++) {
        const b = bytes[i];
        if (b > 0x7f) return decoder.decode(bytes.subarray(start, start + length));
        s += String.fromCharCode(b);
      }
      return s;
    }
    return decoder.decode(bytes.subarray(start, start + length));
  }

  function string() {
    const tag = words[at];
    if (tag === SHARED) {
      const id = words[at + 1];
      const known = shared[id];
      at += 4;
      return known !== undefined ? known : (shared[id] = utf8(base + (words[at - 2] >>> 0), words[at - 1] >>> 0));
    }
    const a = words[at + 1] >>> 0;
    const n = words[at + 2] >>> 0;
    at += 3;
    if (tag === STR) return utf8(base + a, n);
    let known = fixed.get(a);
    if (known === undefined || known.n !== n) {
      known = { n, s: utf8(a, n) };
      fixed.set(a, known);
    }
    return known.s;
  }

  function optionalString() {
    if (words[at] === NULL) {
      at += 1;
      return null;
    }
    return string();
  }

  function value() {
    const tag = words[at];
    switch (tag) {
      case NULL:
        at += 1;
        return null;
      case FALSE:
        at += 1;
        return false;
      case TRUE:
        at += 1;
        return true;
      case INT:
        at += 2;
        return words[at - 1];
      case FLOAT:
        bits[0] = words[at + 1];
        bits[1] = words[at + 2];
        at += 3;
        return float[0];
      case STR:
      case STATIC:
      case SHARED:
        return string();
      case ARRAY: {
        const n = words[at + 1];
        at += 2;
        const out = new Array(n);
        for (let i = 0; i < n; i++) out[i] = value();
        return out;
      }
      case OBJECT: {
        const n = words[at + 1];
        at += 2;
        const out = {};
        for (let i = 0; i < n; i++) set(out, string(), value());
        return out;
      }
      default:
        throw new RegplanError("internal", `regplan-wasm: unknown tag ${tag} in a result`);
    }
  }

  function issues() {
    const n = words[at++];
    const out = new Array(n);
    for (let i = 0; i < n; i++) {
      const code = string();
      const path = string();
      const message = string();
      const count = words[at++];
      const params = {};
      for (let j = 0; j < count; j++) set(params, string(), value());
      out[i] = { code, path, message, params };
    }
    return out;
  }

  function report() {
    at += 1; // REPORT
    const errors = issues();
    const warnings = issues();
    return { valid: errors.length === 0, errors, warnings };
  }

  function planned() {
    const method = string();
    const url = string();
    const count = words[at++];
    const headers = {};
    const maskedHeaders = Object.create(null);
    for (let i = 0; i < count; i++) {
      const name = string();
      set(headers, name, string());
      const masked = optionalString();
      if (masked !== null) maskedHeaders[name] = masked;
    }
    const body = optionalString();
    const maskedBody = optionalString();
    const n = words[at++];
    const defaults = new Array(n);
    for (let i = 0; i < n; i++) defaults[i] = string();
    const warnings = issues();
    const curl = string();
    const preview = words[at++] === 1;
    const request = { method, url, headers, body, defaults_applied: defaults, warnings, preview };
    withMaskedRenderings(request, maskedHeaders, maskedBody);
    return { ok: true, request, curl };
  }

  /** The result on the tape at `address`; a core error is thrown. */
  function read(address) {
    views();
    at = address >>> 2;
    base = words[at++] >>> 0;
    switch (words[at]) {
      case REPORT:
        return report();
      case REPORTS: {
        const n = words[at + 1];
        at += 2;
        const out = new Array(n);
        for (let i = 0; i < n; i++) out[i] = report();
        return out;
      }
      case PLANNED:
        at += 1;
        return planned();
      case NOT_PLANNED: {
        at += 1;
        const errors = issues();
        const warnings = issues();
        return { ok: false, errors, warnings };
      }
      case ERROR: {
        at += 1;
        const code = string();
        throw new RegplanError(code, string());
      }
      case THROWN:
        // The caller's own exception (a getter, a Proxy trap), as it is.
        throw raw.takeException();
      default:
        return value();
    }
  }

  function check(caller) {
    if (!ready()) {
      const error = new RegplanError(
        "not_initialized",
        "regplan-wasm is not initialized: await init() (the default export of regplan-wasm/web) first",
      );
      if (Error.captureStackTrace) Error.captureStackTrace(error, caller);
      throw error;
    }
  }

  // A core error is thrown from inside read(); its stack starts at the
  // public function the caller called.
  function run(caller, address) {
    try {
      return read(address);
    } catch (error) {
      if (error instanceof RegplanError && Error.captureStackTrace) Error.captureStackTrace(error, caller);
      throw error;
    }
  }

  function operations() {
    check(operations);
    return run(operations, raw.operations());
  }
  function codes() {
    check(codes);
    return run(codes, raw.codes());
  }
  function validate(op, input, options) {
    check(validate);
    return run(validate, raw.validate(op, input, options));
  }
  function validateField(op, field, value, options) {
    check(validateField);
    return run(validateField, raw.validateField(op, field, value, options));
  }
  function validateMany(op, inputs, options) {
    check(validateMany);
    return run(validateMany, raw.validateMany(op, inputs, options));
  }
  function plan(op, input, options) {
    check(plan);
    return run(plan, raw.plan(op, input, options, Date.now()));
  }
  function schema(op, options) {
    check(schema);
    return run(schema, raw.schema(op, options));
  }
  // `env` defaults to Node's `process.env`; a browser has none, so it passes its own.
  function credentialsFromEnv(opOrProvider, env = globalThis.process?.env) {
    check(credentialsFromEnv);
    const [names, values] = envArrays(env);
    const found = run(credentialsFromEnv, raw.credentialsFromEnv(opOrProvider, names, values));
    return found === null ? null : withMaskedCredentials(found[0], found[1]);
  }

  return { operations, codes, validate, validateField, validateMany, plan, schema, credentialsFromEnv };
}

/** `object[key] = value`, except that a key `__proto__` is an own member, not the prototype. */
function set(object, key, value) {
  if (key === "__proto__") {
    Object.defineProperty(object, key, { value, writable: true, enumerable: true, configurable: true });
  } else {
    object[key] = value;
  }
}
