'use strict'
/**
 * regplan for Node.js: validate container-registry API inputs and plan the
 * exact HTTP requests, with the same answers as the Rust core, the CLI and
 * the Python and WebAssembly bindings. Types: regplan.d.ts.
 *
 * This file only adapts the native addon (loaded by napi's generated
 * `index.js`) to JavaScript: it registers the `RegplanError` class the addon
 * throws, supplies the signing clock, builds results from the addon's
 * compact answers (`js/decode.js`) and gives planned requests their masked
 * renderings (`js/masked.js`). Every rule and message lives in the core.
 */

const native = require('./index.js')
const { decodeReport, decodeReports, decodePlan, decodeValue } = require('./js/decode.js')
const { withMaskedRenderings } = require('./js/masked.js')

/**
 * A misuse of the API or a value without JSON form: `code` is one of the
 * core's stable snake_case API error codes (`codes()` lists them after the
 * issue codes). An exception thrown by the caller's own code while the
 * input was read (a getter, a Proxy trap) is not wrapped: it surfaces as is.
 */
class RegplanError extends Error {
  constructor(code, message) {
    super(message)
    this.name = 'RegplanError'
    this.code = code
  }
}

native.init(RegplanError)

/** Issue codes first (indexed by the addon's answers), then API error codes. */
const CODES = Object.freeze(native.codes())
/** Operation id -> its index in operations(): the addon then skips reading the id. */
const OPS = new Map(decodeValue(native.operations()).map((operation, index) => [operation.id, index]))

const clean = () => ({ valid: true, errors: [], warnings: [] })

function operations() {
  return decodeValue(native.operations())
}

function codes() {
  return CODES.slice()
}

function validate(op, input) {
  const answer = native.validate(op, input, OPS.get(op))
  return answer === null ? { valid: true, errors: [], warnings: [] } : decodeReport(answer, CODES)
}

function validateField(op, field, value) {
  const answer = native.validateField(op, field, value, OPS.get(op))
  return answer === null ? { valid: true, errors: [], warnings: [] } : decodeReport(answer, CODES)
}

function validateMany(op, inputs) {
  return decodeReports(native.validateMany(op, inputs, OPS.get(op)), CODES, clean)
}

function plan(op, input, options) {
  // The core reads no clock: signed requests without options.timestamp
  // are signed at this instant.
  const answer = decodePlan(native.plan(op, input, options, Date.now(), OPS.get(op)), CODES)
  if (answer.ok === false) return answer
  const { request, curl, secretHeaders, maskedBody } = answer
  return { ok: true, request: withMaskedRenderings(request, secretHeaders, maskedBody), curl }
}

function schema(op) {
  return decodeValue(native.schema(op))
}

module.exports = { operations, codes, validate, validateField, validateMany, plan, schema, RegplanError }
