// Per-call time of regplan-wasm in Node: validate on the workloads of
// bench/ (gcore create and Qovery ECR create, valid and invalid), the same
// 10,000 inputs through validateMany and a loop of validate, and plan.
// Median of interleaved rounds, ns per call.
//
//   node bindings-wasm/bench.mjs [MODULE]
//
// MODULE is what to import: by default the package as installed by test.sh
// (target/wasm-smoke/node_modules/regplan-wasm), else ./js/node.js.
import { existsSync } from "node:fs";
import { pathToFileURL } from "node:url";

const installed = new URL("../target/wasm-smoke/node_modules/regplan-wasm/js/node.js", import.meta.url);
const target = process.argv[2]
  ? pathToFileURL(process.argv[2]).href
  : existsSync(installed) ? installed.href : new URL("./js/node.js", import.meta.url).href;
const api = await import(target);

const GCORE = "gcore.registries.create";
const QOVERY = "qovery.container_registries.create";
const gcoreValid = { project_id: 1, region_id: 76, name: "my-registry-01", storage_limit: 5 };
const gcoreInvalid = { project_id: 0, region_id: 76, name: "1-Bad-", storage_limit: 0 };
const qoveryValid = {
  organizationId: "3fa85f64-5717-4562-b3fc-2c963f66afa6", name: "production-ecr", kind: "ECR",
  description: "images of the production cluster", url: "https://123456789012.dkr.ecr.eu-west-3.amazonaws.com",
  config: { region: "eu-west-3", access_key_id: "AKIAIOSFODNN7EXAMPLE", secret_access_key: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY" },
};
const qoveryInvalid = {
  organizationId: "3fa85f64-5717-4562-b3fc-2c963f66afa", name: "", kind: "ECR",
  url: "http://123456789012.dkr.ecr.eu-west-3.amazonaws.com",
  config: { region: "eu-west-3", access_key_id: "AKIAIOSFODNN7EXAMPLE", username: "me" },
};
const mixed = [];
for (let i = 0; i < 10000; i++) {
  mixed.push(i % 4 === 0 ? { ...gcoreInvalid, project_id: -i } : { ...gcoreValid, project_id: 1 + i, name: `reg-${i % 977}` });
}
const key = { credentials: { type: "api_key", api_key: "k3y" } };

const cases = [
  ["validate gcore create, valid", 1, () => api.validate(GCORE, gcoreValid)],
  ["validate gcore create, invalid (5 errors)", 1, () => api.validate(GCORE, gcoreInvalid)],
  ["validate qovery ECR create, valid", 1, () => api.validate(QOVERY, qoveryValid)],
  ["validate qovery ECR create, invalid", 1, () => api.validate(QOVERY, qoveryInvalid)],
  ["validateMany, 10,000 gcore inputs (per input)", mixed.length, () => api.validateMany(GCORE, mixed)],
  ["loop of validate, same inputs (per input)", mixed.length, () => mixed.map((x) => api.validate(GCORE, x))],
  ["plan gcore create", 1, () => api.plan(GCORE, gcoreValid, key)],
];

const samples = cases.map(() => []);
for (let round = 0; round < 15; round++) {
  cases.forEach(([, per, f], i) => {
    const n = Math.max(1, Math.round(20000 / per));
    for (let k = 0; k < Math.min(n, 2000); k++) f();
    const started = process.hrtime.bigint();
    for (let k = 0; k < n; k++) f();
    samples[i].push(Number(process.hrtime.bigint() - started) / (n * per));
  });
}
const median = (xs) => xs.sort((a, b) => a - b)[xs.length >> 1];
console.log(`regplan-wasm (${target}), node ${process.version}`);
cases.forEach(([name], i) => console.log(`${name.padEnd(48)} ${median(samples[i]).toFixed(0).padStart(7)} ns`));
