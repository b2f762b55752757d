// schema(op) is form-ready (issue 12): it compiles with strict ajv in both
// drafts without a warning, agrees with validate() on every shared vector,
// gives every property a title, marks secrets as password fields, declares
// each Qovery kind's config properties in its own `then` branch, has no
// oneOf/anyOf (form generators render them as pickers) and keeps provenance
// out of descriptions, in `x-source`.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import Ajv2020 from "ajv/dist/2020.js";
import Ajv from "ajv";
import { operations, schema, validate } from "../js/node.js";

const vectorsDir = new URL("../../tests/vectors/", import.meta.url);
const cases = readdirSync(vectorsDir)
  .filter((f) => f.endsWith(".json"))
  .flatMap((f) => JSON.parse(readFileSync(new URL(f, vectorsDir), "utf8")).cases);
// Rules JSON Schema cannot state (core/tests/schema_agreement.rs has the same list).
const NOT_EXPRESSIBLE = ["invalid_url", "invalid_json", "ip_address"];

/** A strict ajv of one draft that knows regplan's two annotations, and records every warning. */
function strictAjv(Class) {
  const warnings = [];
  const logger = { log() {}, warn: (...a) => warnings.push(a.join(" ")), error: (...a) => warnings.push(a.join(" ")) };
  const ajv = new Class({ strict: true, allErrors: true, logger, keywords: ["x-source"], formats: { password: true } });
  return { ajv, warnings };
}

const drafts = [
  ["2020-12", Ajv2020, (op) => schema(op), "https://json-schema.org/draft/2020-12/schema"],
  ["draft-07", Ajv, (op) => schema(op, { draft: "draft-07" }), "http://json-schema.org/draft-07/schema#"],
];

for (const [draft, Class, schemaOf, uri] of drafts) {
  test(`every schema compiles with strict ajv (${draft}) without a warning and agrees with validate()`, () => {
    const { ajv, warnings } = strictAjv(Class);
    const compiled = new Map();
    for (const { id } of operations()) {
      const s = schemaOf(id);
      assert.equal(s.$schema, uri);
      compiled.set(id, ajv.compile(s));
    }
    assert.deepEqual(warnings, []);
    let checked = 0;
    for (const c of cases) {
      const report = validate(c.op, c.input);
      const onlyInexpressible = !report.valid && report.errors.every((e) => NOT_EXPRESSIBLE.includes(e.code));
      const verdict = compiled.get(c.op)(c.input);
      // Where only such rules fail, the schema may still catch part of them
      // (`^https://[!-~]+$` rejects a space): either verdict is fine.
      if (!onlyInexpressible) assert.equal(verdict, report.valid, `${draft} ${c.name}: ajv and validate() disagree`);
      checked++;
    }
    assert.ok(checked > 200, `only ${checked} vectors`);
  });
}

/** Every schema object in `s`, with its JSON Pointer. */
function* walk(s, at = "") {
  if (Array.isArray(s)) {
    for (const [i, item] of s.entries()) yield* walk(item, `${at}/${i}`);
  } else if (s && typeof s === "object") {
    yield [at, s];
    for (const [k, v] of Object.entries(s)) yield* walk(v, `${at}/${k}`);
  }
}

test("no pickers, a title on every property, provenance only in x-source", () => {
  for (const { id } of operations()) {
    for (const draft of [undefined, { draft: "draft-07" }]) {
      const s = schema(id, draft);
      for (const [at, node] of walk(s)) {
        assert.ok(!("oneOf" in node) && !("anyOf" in node), `${id}${at}: oneOf/anyOf`);
        if (typeof node.description === "string") assert.doesNotMatch(node.description, /seeds\/|\.txt/, `${id}${at}`);
        for (const [name, property] of Object.entries(node.properties ?? {})) {
          if (at.includes("/if") || at.includes("/not")) continue; // conditions, not fields
          // A branch restating a top-level field's constraint (Qovery's url per kind): the field has the title.
          if (at.endsWith("/then") && s.properties[name]?.title && !property.properties) continue;
          assert.equal(typeof property.title, "string", `${id}${at}/properties/${name}: no title`);
          assert.match(property["x-source"] ?? "", /\S/, `${id}${at}/properties/${name}: no x-source`);
        }
      }
    }
  }
  const gcore = schema("gcore.registries.create");
  assert.equal(gcore.properties.project_id.title, "Project ID");
  assert.equal(gcore.properties.name.title, "Name");
});

/** The links of the root's `if`/`then`/`else` chain. */
function* chain(s) {
  for (let link = s; link?.if; link = link.else) yield link;
}

test("the per-kind rules are one if/then/else chain at the root, no allOf (JSONForms renders a root allOf blank)", () => {
  const s = schema("qovery.container_registries.create", { draft: "draft-07" });
  assert.equal(s.allOf, undefined);
  assert.deepEqual([...chain(s)].map((b) => b.if.properties.kind.const), [
    "ECR", "SCALEWAY_CR", "DOCKER_HUB", "GITHUB_CR", "GITHUB_ENTERPRISE_CR", "GITLAB_CR", "PUBLIC_ECR", "GENERIC_CR",
    "GCP_ARTIFACT_REGISTRY", "AZURE_CR",
  ]);
  assert.equal([...chain(s)].at(-1).else, undefined);
  for (const { id } of operations()) if (id !== "qovery.container_registries.create") assert.equal(schema(id).if, undefined, id);
});

test("secrets are password fields", () => {
  const user = schema("gcore.users.create");
  const qovery = schema("qovery.container_registries.create");
  const ecr = [...chain(qovery)].find((b) => b.if.properties.kind.const === "ECR").then.properties.config.properties;
  for (const secret of [ecr.access_key_id, ecr.secret_access_key, user.properties.secret]) {
    assert.equal(secret.format, "password");
    assert.equal(secret.writeOnly, true);
  }
  assert.equal(ecr.region.format, undefined);
  assert.equal(ecr.region.writeOnly, undefined);
  assert.ok(Object.values(user.properties).every((p) => (p.format === "password") === (p.writeOnly === true)));
});

test("each Qovery kind declares exactly its own config properties", () => {
  const s = schema("qovery.container_registries.create");
  const byKind = Object.fromEntries([...chain(s)].map((b) => [b.if.properties.kind.const, b.then.properties.config]));
  assert.deepEqual(Object.keys(byKind.ECR.properties), ["access_key_id", "secret_access_key", "region", "role_arn"]);
  assert.deepEqual(Object.keys(byKind.DOCKER_HUB.properties), ["username", "password"]);
  assert.equal(byKind.ECR.additionalProperties, false);
  assert.deepEqual(byKind.ECR.required, ["region"]);
  // The base schema names no config keys: a generator shows them only once a kind is chosen.
  assert.equal(s.properties.config.properties, undefined);
});

test("schema options: the draft by name, anything else is invalid_option", () => {
  assert.deepEqual(schema("gcore.registries.create", { draft: "2020-12" }), schema("gcore.registries.create"));
  assert.deepEqual(schema("gcore.registries.create", null), schema("gcore.registries.create"));
  for (const options of [{ draft: "draft-04" }, { draft: 7 }, { drafts: "draft-07" }, [], "draft-07"]) {
    assert.throws(() => schema("gcore.registries.create", options), (e) => e.code === "invalid_option");
  }
});
