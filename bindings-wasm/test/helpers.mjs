// Shared by the Node test files.
import assert from "node:assert/strict";
import { RegplanError } from "../js/node.js";

/** Asserts that `fn` throws the package's RegplanError with `code` (and `message`: exact text or a RegExp). */
export function throwsCode(fn, code, message) {
  let thrown;
  try {
    fn();
  } catch (error) {
    thrown = error;
  }
  assert.ok(thrown, `expected a throw with code ${code}`);
  assert.ok(thrown instanceof RegplanError, `a RegplanError, got ${thrown}`);
  assert.ok(thrown instanceof Error, "an Error");
  assert.equal(thrown.name, "RegplanError");
  assert.equal(thrown.code, code, thrown.message);
  if (typeof message === "string") assert.equal(thrown.message, message);
  else if (message) assert.match(thrown.message, message);
  return thrown;
}
