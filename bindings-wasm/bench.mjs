// Per-call time of `validate` on gcore.registries.create, nodejs build.
//
//   bash bindings-wasm/test.sh   # builds pkg-node/ (or any earlier build)
//   node bindings-wasm/bench.mjs
import { createRequire } from "node:module";
import { bench, group, run, do_not_optimize } from "mitata";

const { validate } = createRequire(import.meta.url)("./pkg-node/regplan_wasm.js");
const OP = "gcore.registries.create";
const valid = { project_id: 1, region_id: 76, name: "reg-home1", storage_limit: 5 };
const invalid = { project_id: 0, region_id: 76, name: "1-Bad_", colour: "red" };

group("validate gcore.registries.create", () => {
  bench("valid input", () => do_not_optimize(validate(OP, valid)));
  bench("invalid input (4 errors)", () => do_not_optimize(validate(OP, invalid)));
});

await run();
