'use strict'
/**
 * regplan for Node.js: validate container-registry API inputs and plan the
 * exact HTTP requests, with the same answers as the Rust core, the CLI and
 * the Python and WebAssembly bindings. Types: regplan.d.ts.
 *
 * This file only adapts the native addon (loaded by napi's generated
 * `index.js`) to JavaScript: it supplies the signing clock and turns the
 * addon's coded errors into `RegplanError`s. Every rule lives in the core.
 */

const native = require('./index.js')

/** A misuse of the API: `code` is a stable snake_case string. */
class RegplanError extends Error {
  constructor(code, message) {
    super(message)
    this.name = 'RegplanError'
    this.code = code
  }
}

// The addon's own errors carry a snake_case code (the core's, or
// `invalid_argument` / `unsupported_value`); napi's internal statuses are
// PascalCase, and an exception thrown by the caller's own code (a getter, a
// Proxy trap) passes through as it is.
const CODE = /^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$/

function rethrow(error, caller) {
  if (error instanceof Error && typeof error.code === 'string' && CODE.test(error.code)) {
    const coded = new RegplanError(error.code, error.message)
    Error.captureStackTrace(coded, caller)
    throw coded
  }
  throw error
}

function operations() {
  try {
    return JSON.parse(native.operations())
  } catch (error) {
    rethrow(error, operations)
  }
}

function validate(op, input) {
  try {
    return JSON.parse(native.validate(op, input))
  } catch (error) {
    rethrow(error, validate)
  }
}

function validateField(op, field, value) {
  try {
    return JSON.parse(native.validateField(op, field, value))
  } catch (error) {
    rethrow(error, validateField)
  }
}

function validateMany(op, inputs) {
  try {
    return JSON.parse(native.validateMany(op, inputs))
  } catch (error) {
    rethrow(error, validateMany)
  }
}

function plan(op, input, options) {
  try {
    // The core reads no clock: signed requests without options.timestamp
    // are signed at this instant.
    return JSON.parse(native.plan(op, input, options, Date.now()))
  } catch (error) {
    rethrow(error, plan)
  }
}

function schema(op) {
  try {
    return JSON.parse(native.schema(op))
  } catch (error) {
    rethrow(error, schema)
  }
}

module.exports = { operations, validate, validateField, validateMany, plan, schema, RegplanError }
