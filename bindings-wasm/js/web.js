// regplan-wasm for browsers and bundlers: the --target web build. Call
// `init()` once (a promise; no top-level await needed: `init().then(...)`),
// or `initSync(bytes)`. With no argument, init() fetches
// regplan_wasm_bg.wasm next to the glue and, when that URL does not answer
// with a wasm module (a bundler that left the file behind, like esbuild, or
// moved the glue, like Vite 5-7's dev pre-bundling, which then answers with
// HTML), instantiates the copy embedded in regplan_wasm_embedded.js instead,
// loaded only then. A function called before that throws a RegplanError
// `not_initialized`.
import glue, { initSync as glueSync } from "../pkg-web/regplan_wasm.js";
import * as raw from "../pkg-web/regplan_wasm.js";
import { bind } from "./api.js";
import { adapters } from "./adapters.js";

let ready = false;
let output;
let pending;

export const { operations, codes, validate, validateField, validateMany, plan, schema, credentialsFromEnv } = bind(raw, () => ready);
// Form-library adapters around this entry's validate (js/adapters.js).
export const { regplanResolver, regplanCustomValidate, regplanTransformErrors } = adapters({ validate });
export { errorsByPath } from "./adapters.js";
export { RegplanError } from "./error.js";
export { toFetch, toUndici } from "./masked.mjs";

/**
 * Instantiates the module (once; later calls share the first promise);
 * resolves to its exports. Takes what the wasm-bindgen glue takes (a URL,
 * a Response, bytes, a compiled module), bare or as `{module_or_path}`.
 */
export default function init(moduleOrPath) {
  if (ready) return Promise.resolve(output);
  pending ??= (moduleOrPath === undefined ? located() : Promise.resolve(wrapped(moduleOrPath, "module_or_path")))
    .then((module) => glue(module))
    .then((exports) => {
      output = exports;
      ready = true;
      return exports;
    })
    .finally(() => {
      // A failed init (a network error) may be retried.
      if (!ready) pending = undefined;
    });
  return pending;
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

// The first bytes of every wasm module: "\0asm".
const MAGIC = [0x00, 0x61, 0x73, 0x6d];

/** The module next to the glue when it is there, else the embedded copy. */
async function located() {
  // Written out here (not left to the glue) so that bundlers see the asset
  // in this file and emit it (Vite, webpack: `new URL(..., import.meta.url)`).
  const url = new URL("../pkg-web/regplan_wasm_bg.wasm", import.meta.url);
  try {
    const response = await fetch(url);
    if (response.ok) {
      // Streaming compilation needs the wasm MIME type; other servers get bytes.
      if (response.headers.get("content-type")?.split(";")[0].trim() === "application/wasm") {
        return { module_or_path: response };
      }
      const bytes = new Uint8Array(await response.arrayBuffer());
      if (MAGIC.every((b, i) => bytes[i] === b)) return { module_or_path: bytes };
    }
  } catch {
    // No network path to the file (file://, a blocked fetch): the embedded copy.
  }
  const { default: base64 } = await import("../pkg-web/regplan_wasm_embedded.js");
  return { module_or_path: decodeBase64(base64) };
}

function decodeBase64(text) {
  if (typeof Uint8Array.fromBase64 === "function") return Uint8Array.fromBase64(text);
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

// The glue takes `{module_or_path}` / `{module}`; the bare value is accepted here too.
function wrapped(value, name) {
  if (value === undefined) return undefined;
  if (value !== null && Object.getPrototypeOf(value) === Object.prototype) return value;
  return { [name]: value };
}
