// credentialsFromEnv (the core's table of variables) and the fetch form of
// a planned request, in the wasm package; the same code and messages as
// the Node addon (bindings-node/test/send.test.js also sends with undici).
import { test } from "node:test";
import assert from "node:assert/strict";
import http from "node:http";
import util from "node:util";
import { credentialsFromEnv, plan, toFetch, RegplanError } from "../js/node.js";

test("credentialsFromEnv reads the CLI's variables from the env given, or process.env", () => {
  assert.deepEqual(credentialsFromEnv("gcore.registries.create", { GCORE_API_KEY: "k3y" }), { type: "api_key", api_key: "k3y" });
  assert.deepEqual(
    credentialsFromEnv("huawei_swr", { HUAWEICLOUD_SDK_AK: "AK", HUAWEICLOUD_SDK_SK: "SK", HUAWEICLOUD_SDK_PROJECT_ID: "p1" }),
    { type: "access_key", access_key: "AK", secret_key: "SK", project_id: "p1" },
  );
  assert.equal(credentialsFromEnv("ncloud", { NCLOUD_ACCESS_KEY: "AK" }), null);
  process.env.GCORE_API_KEY = "from-process-env";
  try {
    assert.deepEqual(credentialsFromEnv("gcore"), { type: "api_key", api_key: "from-process-env" });
  } finally {
    delete process.env.GCORE_API_KEY;
  }
  assert.equal(credentialsFromEnv("gcore"), null);
});

test("credentialsFromEnv masks secrets when shown and refuses an unknown id", () => {
  const credentials = credentialsFromEnv("qovery", { QOVERY_API_TOKEN: "t0k-secret" });
  assert.equal(JSON.stringify(credentials), '{"type":"token","token":"***"}');
  assert.equal(util.inspect(credentials), "{ type: 'token', token: '***' }");
  assert.equal(credentials.token, "t0k-secret");
  assert.throws(
    () => credentialsFromEnv("gcor", {}),
    (e) => e instanceof RegplanError && e.code === "unknown_operation" &&
      e.message === "unknown operation `gcor`; did you mean `gcore`?",
  );
});

test("fetch(...toFetch(request)) delivers the planned request to 127.0.0.1", async () => {
  const arrived = [];
  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => {
      arrived.push({ method: req.method, target: req.url, headers: req.headers, body: Buffer.concat(chunks).toString() });
      res.end("{}");
    });
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base_url = `http://127.0.0.1:${server.address().port}`;
  try {
    const credentials = credentialsFromEnv("gcore", { GCORE_API_KEY: "k3y" });
    const { request } = plan("gcore.registries.create", { project_id: 1, region_id: 76, name: "reg-home1" }, { credentials, base_url });
    const response = await fetch(...toFetch(request));
    assert.equal(response.status, 200);
    await response.text();
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
  assert.equal(arrived.length, 1);
  assert.equal(arrived[0].method, "POST");
  assert.equal(arrived[0].target, "/cloud/v1/registries/1/76");
  assert.equal(arrived[0].headers.authorization, "APIKey k3y");
  assert.equal(arrived[0].headers["content-type"], "application/json");
  assert.equal(arrived[0].body, '{"name":"reg-home1","storage_limit":5}');
});

test("a preview has the placeholders, is marked, and toFetch refuses it", () => {
  const result = plan("gcore.registries.create", { project_id: 1, region_id: 76, name: "reg-home1" }, { preview: true });
  assert.equal(result.ok, true);
  assert.equal(result.request.preview, true);
  assert.equal(result.request.headers.Authorization, "APIKey <api_key>");
  assert.deepEqual(result.request.warnings.map((w) => [w.code, w.path, w.params]), [["preview", "", { credentials: "api_key" }]]);
  assert.throws(() => toFetch(result.request), {
    name: "RegplanError",
    code: "preview_request",
    message: "toFetch: this request is a preview (placeholders stand in for the credentials) and cannot be sent; plan it again with credentials",
  });
  const real = plan("gcore.registries.create", { project_id: 1, region_id: 76, name: "reg-home1" }, { preview: true, credentials: { type: "api_key", api_key: "k3y" } });
  assert.equal(real.request.preview, false);
  assert.equal(toFetch(real.request)[1].headers.Authorization, "APIKey k3y");
});
