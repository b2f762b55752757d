'use strict'
/**
 * regplan for Node.js: validate container-registry API inputs and plan the
 * exact HTTP requests, with the same answers as the Rust core, the CLI and
 * the Python and WebAssembly bindings. Types: regplan.d.ts.
 *
 * This file only adapts the native addon (loaded by napi's generated
 * `index.js`) to JavaScript: it registers the `RegplanError` class the addon
 * throws, supplies the signing clock, passes an input's top-level members
 * as arguments (`spread` below), builds results from the addon's compact
 * answers (`js/decode.js`) and gives planned requests their masked
 * renderings (`js/masked.js`). Every rule and message lives in the core.
 */

const { isProxy } = require('node:util').types
const native = require('./index.js')
const { decodeReport, decodeReports, decodePlan, decodeValue } = require('./js/decode.js')
const { withMaskedRenderings, withMaskedCredentials, envArrays, toFetch, toUndici } = require('./js/masked.js')

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
const addon = native.variadic()

/** Issue codes first (indexed by the addon's answers), then API error codes. */
const CODES = Object.freeze(native.codes())
/** Operation id -> its index in operations(): the addon then skips reading the id. */
const OPS = new Map(decodeValue(native.operations()).map((operation, index) => [operation.id, index]))

// The builtins, as they are now: replacing them later changes nothing here
// (the addon keeps the same ones).
const keysOf = Object.keys
const prototypeOf = Object.getPrototypeOf
const isArray = Array.isArray
const ObjectPrototype = Object.prototype

/** Objects with more keys pass their `Object.keys` instead of their members. */
const MANY_KEYS = 64
/** Arguments of one `validateMany` call, to keep the call's stack frame small. */
const CHUNK = 2048

/**
 * Appends `value` to `out` as the addon reads it (`src/spread.rs` gives the
 * format): a plain object as its members, read here in the order and with
 * the operations the addon would use (prototypes, `Object.keys`, each
 * member's `[[Get]]`), anything else as itself. An exception a getter or
 * trap throws is passed in its place; the addon re-throws it where its own
 * read would have, so the outcome is the same.
 */
function spread(value, out) {
  if (typeof value !== 'object' || value === null) {
    out.push(0, value)
    return
  }
  let keys
  try {
    const proto = prototypeOf(value)
    if (proto !== null && proto !== ObjectPrototype && prototypeOf(proto) !== null) {
      out.push(1, value)
      return
    }
    keys = keysOf(value)
  } catch (error) {
    out.push(2, error)
    return
  }
  const count = keys.length
  if (count > MANY_KEYS) {
    out.push(3, keys, value)
    return
  }
  const at = out.length
  out.push(0)
  for (let i = 0; i < count; i += 1) {
    const key = keys[i]
    let member
    try {
      member = value[key]
    } catch (error) {
      out[at] = -(i + 1)
      out.push(error)
      return
    }
    out.push(key, member)
  }
  out[at] = count + 4
}

const clean = () => ({ valid: true, errors: [], warnings: [] })

function operations() {
  return decodeValue(native.operations())
}

function codes() {
  return CODES.slice()
}

function validate(op, input, options) {
  const known = OPS.get(op)
  const args = [op, known, options]
  // An unknown operation is refused before the input is read.
  if (known === undefined) args.push(0, input)
  else spread(input, args)
  const answer = addon.validate(...args)
  return answer === null ? { valid: true, errors: [], warnings: [] } : decodeReport(answer, CODES)
}

function validateField(op, field, value, options) {
  const known = OPS.get(op)
  const args = [op, known, field, options]
  if (known === undefined || typeof field !== 'string') args.push(0, value)
  else spread(value, args)
  const answer = addon.validateField(...args)
  return answer === null ? { valid: true, errors: [], warnings: [] } : decodeReport(answer, CODES)
}

function validateMany(op, inputs, options) {
  const known = OPS.get(op)
  if (known === undefined || typeof inputs !== 'object' || inputs === null || isProxy(inputs) || !isArray(inputs)) {
    return decodeReports(addon.validateMany(op, known, options, 0, 0, inputs), CODES, clean)
  }
  const count = inputs.length
  let reports = []
  let args = [op, known, options, 0, 1]
  for (let i = 0; i < count; i += 1) {
    spread(inputs[i], args)
    if (args.length >= CHUNK || i === count - 1) {
      const chunk = decodeReports(addon.validateMany(...args), CODES, clean)
      reports = reports.length === 0 ? chunk : reports.concat(chunk)
      args = [op, known, options, i + 1, 1]
    }
  }
  return reports
}

function plan(op, input, options) {
  const known = OPS.get(op)
  // The core reads no clock: signed requests without options.timestamp
  // are signed at this instant.
  const args = [op, known, options, Date.now()]
  if (known === undefined) args.push(0, input)
  else spread(input, args)
  const answer = decodePlan(addon.plan(...args), CODES)
  if (answer.ok === false) return answer
  const { request, curl, secretHeaders, maskedBody } = answer
  return { ok: true, request: withMaskedRenderings(request, secretHeaders, maskedBody), curl }
}

function schema(op, options) {
  return decodeValue(native.schema(op, options))
}

/**
 * Credentials for an operation or provider id from `env` (default
 * `process.env`), the variables the CLI reads, named by the core's one
 * table; `null` when none is set. `plan` never reads the environment.
 */
function credentialsFromEnv(opOrProvider, env = process.env) {
  const [names, values] = envArrays(env)
  const found = decodeValue(native.credentialsFromEnv(opOrProvider, names, values))
  return found === null ? null : withMaskedCredentials(found[0], found[1])
}

module.exports = {
  operations,
  codes,
  validate,
  validateField,
  validateMany,
  plan,
  schema,
  credentialsFromEnv,
  toFetch,
  toUndici,
  RegplanError,
}
