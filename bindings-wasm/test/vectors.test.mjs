// Every shared vector (../tests/vectors/*.json) against the nodejs build,
// with the semantics of core/tests/vectors.rs (see vector-check.mjs).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { runCase } from "./vector-check.mjs";
import * as api from "../js/node.js";

const dir = new URL("../../tests/vectors/", import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith(".json")).sort();

test("the vector directory holds at least 100 cases", () => {
  const count = files.reduce((n, f) => n + JSON.parse(readFileSync(new URL(f, dir), "utf8")).cases.length, 0);
  assert.ok(count >= 100, `only ${count} vectors`);
});

for (const file of files) {
  const doc = JSON.parse(readFileSync(new URL(file, dir), "utf8"));
  test(file, async (t) => {
    for (const testCase of doc.cases) {
      await t.test(testCase.name, () => {
        const failures = runCase(api, testCase, doc.options ?? {});
        assert.equal(failures.length, 0, failures.join("\n"));
      });
    }
  });
}
