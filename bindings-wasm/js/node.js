// regplan-wasm for Node: the nodejs build, instantiated when first imported
// (synchronously), so no init() is needed; `init` is here too, resolving at
// once, so code written for browsers runs unchanged.
import { createRequire } from "node:module";
import { bind } from "./api.js";
import { adapters } from "./adapters.js";

const raw = createRequire(import.meta.url)("../pkg-node/regplan_wasm.js");

export const { operations, codes, validate, validateField, validateMany, plan, schema, credentialsFromEnv } = bind(raw, () => true);
// Form-library adapters around this entry's validate (js/adapters.js).
export const { regplanResolver, regplanCustomValidate, regplanTransformErrors } = adapters({ validate });
export { errorsByPath } from "./adapters.js";
export { RegplanError } from "./error.js";
export { toFetch, toUndici } from "./masked.mjs";

/** Nothing to wait for in Node; kept so browser code runs unchanged. */
export default async function init() {}
export { init };

/** Nothing to do in Node; kept so browser code runs unchanged. */
export function initSync() {}
