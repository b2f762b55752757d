// Secrets: the planned request carries the real values (it is what gets
// sent); every rendering meant for people masks them, and no error message
// of any kind repeats them. Every secret here is a sentinel string.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { inspect } from "node:util";
import * as api from "../js/node.js";

const { plan, validate, validateField, validateMany } = api;
const S = "SENTINEL-9f3a";
const ORG = "3fa85f64-5717-4562-b3fc-2c963f66afa6";
const QOVERY = "qovery.container_registries.create";
const qovery = (kind, config, url) => ({ organizationId: ORG, name: "my-registry", kind, config, ...(url ? { url } : {}) });
const TOKEN = { credentials: { type: "token", token: `${S}-token` } };

/** Every plan with secrets in its credentials, its input or both. */
const PLANS = [
  ["gcore.registries.create", { project_id: 1, region_id: 76, name: "my-registry-01" }, { credentials: { type: "api_key", api_key: `${S}-key` } }],
  ["gcore.users.create", { project_id: 1, region_id: 76, registry_id: 607, name: "bob", duration: 30, secret: `${S}-user` },
    { credentials: { type: "api_key", api_key: `${S}-key` } }],
  ["gcore.users.create_multiple", { project_id: 1, region_id: 76, registry_id: 607, users: [{ name: "bob", duration: 30, secret: `${S}-u1` }] },
    { credentials: { type: "api_key", api_key: `${S}-key` } }],
  [QOVERY, qovery("ECR", { region: "eu-west-3", access_key_id: "AKIAEXAMPLE", secret_access_key: `${S}-aws` }, "https://123456789012.dkr.ecr.eu-west-3.amazonaws.com"), TOKEN],
  [QOVERY, qovery("DOCKER_HUB", { username: "me", password: `${S}-pw` }), TOKEN],
  [QOVERY, qovery("GCP_ARTIFACT_REGISTRY", { region: "europe-west1", json_credentials: `{"type":"service_account","k":"${S}-gcp"}` },
    "https://europe-west1-docker.pkg.dev"), TOKEN],
  ["ncloud.registries.create", { region: "KR", registry: "reg", bucket: "my-bucket" },
    { credentials: { type: "access_key", access_key: "AK", secret_key: `${S}-ncp` }, timestamp: 0 }],
  ["huawei_swr.namespaces.create", { region: "cn-north-4", namespace: "my-team" },
    { credentials: { type: "access_key", access_key: "AK", secret_key: `${S}-hw` }, timestamp: 0 }],
];

const hits = (text) => text.split(S).length - 1;

test("the request has the real values; JSON.stringify, util.inspect and curl mask them", () => {
  for (const [op, input, options] of PLANS) {
    const result = plan(op, input, options);
    assert.equal(result.ok, true, `${op}: ${JSON.stringify(result)}`);
    const { request } = result;
    const real = JSON.stringify({ headers: request.headers, body: request.body });
    const signed = op.startsWith("ncloud") || op.startsWith("huawei");
    // Signed requests send a signature, never the secret key itself.
    if (!signed) assert.ok(hits(real) > 0, `${op}: the real values are in the request`);
    for (const [rendering, text] of [
      ["JSON.stringify(result)", JSON.stringify(result)],
      ["JSON.stringify(request)", JSON.stringify(request)],
      ["util.inspect(result)", inspect(result, { depth: null })],
      ["util.inspect(request)", inspect(request)],
      ["String(request)", String(request)],
      ["curl", result.curl],
    ]) {
      assert.equal(hits(text), 0, `${op}: a secret in ${rendering}:\n${text}`);
    }
    assert.ok(JSON.stringify(result).includes("***") || signed, op);
    // Spreading or reading members gives the data itself (what fetch needs).
    assert.deepEqual({ ...request }.headers, request.headers);
    assert.equal(Object.keys(request).includes("toJSON"), false);
    const revealed = plan(op, input, { ...options, reveal_secrets: true });
    assert.deepEqual({ ...revealed.request }, { ...request });
    if (!signed) assert.ok(hits(revealed.curl) > 0, `${op}: reveal_secrets shows them in curl`);
  }
});

test("the masked JSON is the core's masked view", () => {
  const [op, input, options] = PLANS[1];
  const shown = JSON.parse(JSON.stringify(plan(op, input, options)));
  assert.deepEqual(shown.request.headers, { Accept: "application/json", Authorization: "APIKey ***", "Content-Type": "application/json" });
  assert.equal(shown.request.body, '{"duration":30,"name":"bob","secret":"***"}');
  const real = plan(op, input, options).request;
  assert.equal(real.headers.Authorization, `APIKey ${S}-key`);
  assert.equal(real.body, `{"duration":30,"name":"bob","secret":"${S}-user"}`);
});

test("no error message repeats a secret, nor does any rendering of what plans", () => {
  const GOOD = { project_id: 1, region_id: 76, name: "my-registry-01" };
  const OP = "gcore.registries.create";
  const misuse = [
    { credentials: S },
    { credentials: [S] },
    { credentials: { type: S } },
    { credentials: { type: "api_key", api_key: 913713 } },
    { credentials: { type: "api_key", api_key: [S] } },
    { credentials: { type: "api_key", api_key: { S } } },
    { credentials: { type: "api_key", api_key: `${S}\n` } },
    { credentials: { type: "api_key", api_key: "" } },
    { credentials: { type: "api_key", api_key: "k", [S]: 1 } },
    { credentials: { type: "token", token: S } },
    { credentials: { type: "access_key", access_key: S, secret_key: 913713 } },
    { credentials: { type: "api_key", api_key: NaN } },
    { credentials: { type: "api_key", api_key: new Date(913713) } },
    { credentials: { type: "api_key", api_key: 913713n } },
    { credentials: { type: "api_key", api_key: `${S}\uD800` } },
    { [S]: 1 },
    { [`${S}\uD800`]: 1 },
    { timestamp: S },
    { timestamp: [S] },
    { base_url: [S] },
    { base_url: `https://${S}.example/?q=1` },
    { reveal_secrets: S },
    S,
    [S],
  ];
  // Quotes are fine in a header value: this one plans, and only renderings show it, masked.
  const quoted = plan(OP, GOOD, { credentials: { type: "api_key", api_key: `a"${S}"b'` } });
  assert.equal(quoted.request.headers.Authorization, `APIKey a"${S}"b'`);
  for (const text of [JSON.stringify(quoted), inspect(quoted), quoted.curl]) assert.equal(hits(text), 0, text);
  for (const options of misuse) {
    let error;
    try {
      plan(OP, GOOD, options);
    } catch (e) {
      error = e;
    }
    assert.ok(error instanceof api.RegplanError, `a RegplanError for ${inspect(options)}`);
    for (const text of [error.message, String(error), inspect(error), JSON.stringify(error), error.stack]) {
      assert.equal(hits(text), 0, text);
      assert.ok(!text.includes("913713"), text);
    }
  }
});

test("reports of invalid secret fields never repeat the value", () => {
  const bad = [
    [QOVERY, qovery("ECR", { region: "eu-west-3", access_key_id: "AKIAEXAMPLE", secret_access_key: `${S}\n` }, "http://x")],
    [QOVERY, qovery("ECR", { region: "eu-west-3", access_key_id: "AKIAEXAMPLE", secret_access_key: 913713 }, "https://123456789012.dkr.ecr.eu-west-3.amazonaws.com")],
    [QOVERY, qovery("DOCKER_HUB", { password: `${S}` })],
    [QOVERY, qovery("GCP_ARTIFACT_REGISTRY", { region: "europe-west1", json_credentials: `{${S}` }, "https://europe-west1-docker.pkg.dev")],
    [QOVERY, qovery("GCP_ARTIFACT_REGISTRY", { region: "europe-west1", json_credentials: `["${S}"]` }, "https://europe-west1-docker.pkg.dev")],
    [QOVERY, qovery("GITHUB_CR", { username: "me", password: `${S}`, secret_access_key: `${S}` })],
    ["gcore.users.create", { project_id: 1, region_id: 76, registry_id: 607, name: "b\nb", duration: 30, secret: `${S}` }],
    ["gcore.users.create", { project_id: 1, region_id: 76, registry_id: 607, name: "bob", duration: 30, secret: 913713 }],
    ["gcore.users.create_multiple", { project_id: 1, region_id: 76, registry_id: 607, users: [{ name: "bob", duration: 0, secret: S }] }],
  ];
  for (const [op, input] of bad) {
    const report = validate(op, input);
    assert.equal(report.valid, false, `${op} ${JSON.stringify(input)}`);
    for (const text of [JSON.stringify(report), inspect(report, { depth: null }), JSON.stringify(plan(op, input, TOKEN))]) {
      assert.equal(hits(text), 0, text);
      assert.ok(!text.includes("913713"), text);
    }
    assert.equal(hits(JSON.stringify(validateMany(op, [input, input]))), 0);
  }
  const field = validateField(QOVERY, "config", { secret_access_key: `${S}\u0000` });
  assert.equal(hits(JSON.stringify(field)), 0);
});

test("JSON.stringify of a plan is the same in the Node addon and in wasm", { skip: !addon() && "the Node addon is not built" }, () => {
  const native = addon();
  for (const [op, input, options] of PLANS) {
    for (const extra of [{}, { reveal_secrets: true }]) {
      const ours = JSON.stringify(plan(op, input, { ...options, ...extra }));
      const theirs = JSON.stringify(native.plan(op, input, { ...options, ...extra }));
      assert.equal(ours, theirs, op);
    }
  }
  const [op, input, options] = PLANS[1];
  assert.equal(inspect(plan(op, input, options), { depth: null }), inspect(native.plan(op, input, options), { depth: null }));
});

function addon() {
  const entry = new URL("../../bindings-node/regplan.js", import.meta.url);
  const binary = new URL("../../bindings-node/regplan.linux-x64-gnu.node", import.meta.url);
  if (!existsSync(entry) || !existsSync(binary)) return null;
  try {
    return createRequire(import.meta.url)(entry.pathname);
  } catch {
    return null;
  }
}
