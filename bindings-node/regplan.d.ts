// regplan for Node.js. Every type and function is declared in `types.d.ts`,
// which `cargo run -p regplan-typegen` writes from the core's rule tables
// (the same text as regplan-wasm's `js/types.d.ts`).
export * from "./types";
