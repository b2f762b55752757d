// Types of regplan-wasm (both entry points: `regplan-wasm` in Node and
// `regplan-wasm/web`). Every type and function shared with the Node addon is
// in `types.d.ts`, which `cargo run -p regplan-typegen` writes from the
// core's rule tables; only the web build's `init` is declared here.
export * from "./types.js";

/**
 * Instantiates the module: required once in the web build (it fetches
 * `regplan_wasm_bg.wasm` next to the glue, or takes its bytes, a `Response`
 * or a compiled module); resolves at once in Node.
 */
export default function init(moduleOrPath?: unknown): Promise<unknown>;
export { init };

/** The web build's synchronous `init`, from the bytes or a compiled `WebAssembly.Module`. */
export function initSync(module: unknown): unknown;
