// regplan-wasm for browsers and bundlers: the --target web build. Call
// `await init()` once (it fetches regplan_wasm_bg.wasm next to the glue, or
// takes the bytes, a Response or a compiled module), or `initSync(bytes)`.
// A function called before that throws a RegplanError `not_initialized`.
import glue, { initSync as glueSync } from "../pkg-web/regplan_wasm.js";
import * as raw from "../pkg-web/regplan_wasm.js";
import { bind } from "./api.js";

let ready = false;
let output;

export const { operations, codes, validate, validateField, validateMany, plan, schema, credentialsFromEnv } = bind(raw, () => ready);
export { RegplanError } from "./error.js";
export { toFetch, toUndici } from "./masked.mjs";

/** Instantiates the module (once; later calls resolve at once); resolves to its exports. */
export default async function init(moduleOrPath) {
  if (!ready) {
    output = await glue(wrapped(moduleOrPath, "module_or_path"));
    ready = true;
  }
  return output;
}

/** Instantiates the module synchronously from its bytes or a compiled `WebAssembly.Module`. */
export function initSync(module) {
  if (!ready) {
    output = glueSync(wrapped(module, "module"));
    ready = true;
  }
  return output;
}
export { init };

// The glue takes `{module_or_path}` / `{module}`; the bare value is accepted here too.
function wrapped(value, name) {
  if (value === undefined) return undefined;
  if (value !== null && Object.getPrototypeOf(value) === Object.prototype) return value;
  return { [name]: value };
}
