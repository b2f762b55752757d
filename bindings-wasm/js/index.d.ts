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

import type { Issue, OperationId, Report } from "./types.js";

/** The report's errors grouped by JSON Pointer: `{"/name": [issue, …]}`. */
export function errorsByPath(report: Report): { [path: string]: Issue[] };

/** A react-hook-form resolver (like `zodResolver`): `useForm({ resolver: regplanResolver(op) })`. */
export function regplanResolver(
  op: OperationId,
): (values: Record<string, unknown>) => Promise<{ values: Record<string, unknown>; errors: Record<string, unknown> }>;

/** rjsf's `customValidate`: adds each issue's message to the field it is about. */
export function regplanCustomValidate<E extends { addError(message: string): void }>(
  op: OperationId,
): (formData: unknown, errors: E) => E;

/** rjsf's `transformErrors`, with regplanCustomValidate: drops ajv's errors (regplanCustomValidate reports each in the core's words). */
export function regplanTransformErrors<E extends { name?: string }>(errors: E[]): E[];
