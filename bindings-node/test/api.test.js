'use strict'
// The JavaScript side of the binding: argument checks, values with no JSON
// form, the signing clock, validateMany, result shapes and the typings.

const { describe, it, mock } = require('node:test')
const assert = require('node:assert/strict')
const fs = require('node:fs')
const path = require('node:path')
const regplan = require('..')
const { RegplanError } = regplan

const OP = 'gcore.registries.create'
const GOOD = { project_id: 1, region_id: 76, name: 'reg-home1' }
const GCORE = { credentials: { type: 'api_key', api_key: 'k3y' } }
const HUAWEI_OP = 'huawei_swr.namespaces.create'
const HUAWEI_INPUT = { region: 'cn-north-4', namespace: 'group1' }
const HUAWEI = { credentials: { type: 'access_key', access_key: 'AK', secret_key: 'SK' } }

/** Asserts that `fn` throws a RegplanError with `code` (and a message matching `message`). */
function throwsCode(fn, code, message) {
  assert.throws(fn, (error) => {
    assert.ok(error instanceof RegplanError, `expected a RegplanError, got ${error}`)
    assert.ok(error instanceof Error)
    assert.equal(error.name, 'RegplanError')
    assert.equal(error.code, code, error.message)
    if (message) assert.match(error.message, message)
    return true
  })
}

describe('exports', () => {
  it('has the camelCase API and the error class', () => {
    for (const name of ['operations', 'validate', 'validateField', 'validateMany', 'plan', 'schema']) {
      assert.equal(typeof regplan[name], 'function', name)
    }
    assert.ok(new RegplanError('x', 'y') instanceof Error)
  })

  it('the package entry point is the typed wrapper', () => {
    const pkg = require('../package.json')
    assert.equal(pkg.main, 'regplan.js')
    assert.equal(pkg.types, 'regplan.d.ts')
    for (const file of ['regplan.js', 'regplan.d.ts', 'index.js', 'regplan.linux-x64-gnu.node']) {
      assert.ok(pkg.files.includes(file), `files lacks ${file}`)
    }
  })
})

describe('results', () => {
  it('validate returns a plain report with every error', () => {
    const report = regplan.validate(OP, { project_id: 0, region_id: 76, name: '1-Bad_' })
    assert.equal(Object.getPrototypeOf(report), Object.prototype)
    assert.equal(report.valid, false)
    assert.deepEqual(
      report.errors.map((e) => [e.code, e.path]),
      [['out_of_range', '/project_id'], ['pattern', '/name'], ['pattern', '/name'], ['pattern', '/name']],
    )
    assert.deepEqual(report.errors[0].params, { min: 1 })
    assert.deepEqual(report.warnings, [])
  })

  it('plan returns the request with headers in order and masks secrets by default', () => {
    const result = regplan.plan(OP, GOOD, GCORE)
    assert.equal(result.ok, true)
    assert.deepEqual(Object.entries(result.request.headers), [
      ['Accept', 'application/json'],
      ['Authorization', 'APIKey ***'],
      ['Content-Type', 'application/json'],
    ])
    assert.equal(result.request.body, '{"name":"reg-home1","storage_limit":5}')
    assert.deepEqual(result.request.defaults_applied, ['/storage_limit'])
    assert.ok(!result.curl.includes('k3y'))
    const revealed = regplan.plan(OP, GOOD, { ...GCORE, reveal_secrets: true })
    assert.equal(revealed.request.headers.Authorization, 'APIKey k3y')
  })

  it('an invalid input is a result, not an exception', () => {
    const result = regplan.plan(OP, { name: 1 }, GCORE)
    assert.equal(result.ok, false)
    assert.equal(result.errors[0].code, 'required')
    assert.deepEqual(Object.keys(result), ['ok', 'errors', 'warnings'])
    // Not an object at all: still a report.
    assert.equal(regplan.validate(OP, 5).errors[0].code, 'type')
    assert.equal(regplan.validate(OP, null).valid, false)
  })

  it('5.0 and -0 are integers, as everywhere else', () => {
    const five = regplan.plan(OP, { ...GOOD, storage_limit: 5.0 }, GCORE)
    assert.equal(five.request.body, '{"name":"reg-home1","storage_limit":5}')
    assert.equal(regplan.validate(OP, { ...GOOD, project_id: -0 }).errors[0].code, 'out_of_range')
    assert.equal(regplan.validate(OP, { ...GOOD, storage_limit: 5.5 }).errors[0].code, 'type')
  })

  it('objects without a prototype are plain objects', () => {
    const input = Object.assign(Object.create(null), GOOD)
    assert.equal(regplan.validate(OP, input).valid, true)
  })

  it('symbol keys are ignored, as JSON.stringify does', () => {
    assert.equal(regplan.validate(OP, { ...GOOD, [Symbol('x')]: 1 }).valid, true)
  })

  it('non-BMP characters and NUL survive the conversion', () => {
    const report = regplan.validate(OP, { ...GOOD, name: 'reg-🚀\u0000' })
    assert.equal(report.valid, false)
    assert.equal(report.errors[0].path, '/name')
    const key = regplan.validate(OP, { ...GOOD, 'ключ🚀': 1 })
    assert.equal(key.errors[0].path, '/ключ🚀')
  })

  it('schema and operations are plain JSON, numbers are numbers', () => {
    const ops = regplan.operations()
    assert.ok(ops.length >= 20)
    assert.equal(new Set(ops.map((o) => o.id)).size, ops.length)
    for (const op of ops) {
      const schema = regplan.schema(op.id)
      assert.equal(schema.title, op.id)
      assert.deepEqual(JSON.parse(JSON.stringify(schema)), schema)
    }
    const walk = (value) => {
      assert.notEqual(typeof value, 'bigint')
      if (value && typeof value === 'object') Object.values(value).forEach(walk)
    }
    walk(ops)
  })
})

describe('misuse throws a RegplanError with the core code', () => {
  it('unknown operation, with a suggestion', () => {
    throwsCode(() => regplan.validate('gcore.registries.craete', {}), 'unknown_operation', /did you mean/)
    throwsCode(() => regplan.plan('nope', {}, GCORE), 'unknown_operation')
    throwsCode(() => regplan.schema('nope'), 'unknown_operation')
  })

  it('unknown field name', () => {
    throwsCode(() => regplan.validateField(OP, 'nmae', 'x'), 'unknown_field_name')
    assert.equal(regplan.validateField(OP, 'name', '1x').errors[0].code, 'pattern')
  })

  it('credentials and options', () => {
    throwsCode(() => regplan.plan(OP, GOOD), 'missing_credentials')
    throwsCode(() => regplan.plan(OP, GOOD, { credentials: { type: 'token', token: 't' } }), 'wrong_credentials')
    throwsCode(() => regplan.plan(OP, GOOD, { credentials: { type: 'api_key', api_key: 'a b' } }), 'invalid_credentials')
    throwsCode(() => regplan.plan(OP, GOOD, { ...GCORE, colour: 1 }), 'invalid_option')
    throwsCode(() => regplan.plan(OP, GOOD, 5), 'invalid_option')
    throwsCode(() => regplan.plan(HUAWEI_OP, HUAWEI_INPUT, { ...HUAWEI, timestamp: 'soon' }), 'invalid_option')
  })

  it('arguments of the wrong type', () => {
    throwsCode(() => regplan.validate(5, {}), 'invalid_argument', /op must be a string/)
    throwsCode(() => regplan.validate(undefined, {}), 'invalid_argument')
    throwsCode(() => regplan.validate(OP), 'invalid_argument', /input is missing/)
    throwsCode(() => regplan.validateField(OP, 5, 1), 'invalid_argument', /field must be a string/)
    throwsCode(() => regplan.validateField(OP, 'name'), 'invalid_argument')
    throwsCode(() => regplan.schema({}), 'invalid_argument')
    throwsCode(() => regplan.plan(Symbol('op'), {}), 'invalid_argument')
    throwsCode(() => regplan.validateMany(OP, { 0: GOOD }), 'invalid_argument', /inputs must be an array/)
  })
})

describe('values with no JSON form throw unsupported_value', () => {
  const cases = {
    NaN: { storage_limit: NaN },
    Infinity: { storage_limit: Infinity },
    '-Infinity': { storage_limit: -Infinity },
    'undefined member': { name: undefined },
    'undefined in an array': { users: [1, undefined] },
    'array hole': { users: [1, , 2] }, // eslint-disable-line no-sparse-arrays
    BigInt: { project_id: 1n },
    function: { name() {} },
    symbol: { name: Symbol('x') },
    Map: { config: new Map([['a', 1]]) },
    Set: { config: new Set([1]) },
    'class instance': { config: new (class Config {})() },
    'boxed string': { name: new String('x') },
    'typed array': { config: new Uint8Array(2) },
    'invalid Date': { name: new Date(NaN) },
    'lone high surrogate': { name: 'reg\ud800' },
    'lone low surrogate': { name: '\udc00reg' },
  }
  for (const [what, extra] of Object.entries(cases)) {
    it(what, () => {
      throwsCode(() => regplan.validate(OP, { ...GOOD, ...extra }), 'unsupported_value', /^input at \//)
      throwsCode(() => regplan.plan(OP, { ...GOOD, ...extra }, GCORE), 'unsupported_value')
    })
  }

  it('lone surrogates get a clear message', () => {
    throwsCode(() => regplan.validate(OP, { name: 'a\ud800' }), 'unsupported_value', /at \/name: .*lone surrogate/)
    throwsCode(() => regplan.validate(OP, { config: { ['k\ud800']: 1 } }), 'unsupported_value', /^input at \/config: a key holds a lone surrogate/)
    throwsCode(() => regplan.validate('gcore\ud800', {}), 'unsupported_value', /lone surrogate/)
  })

  it('cyclic objects and arrays', () => {
    const object = { ...GOOD }
    object.self = object
    throwsCode(() => regplan.validate(OP, object), 'unsupported_value', /at \/self: .*cyclic/)
    const array = []
    array.push(array)
    throwsCode(() => regplan.validate(OP, { users: array }), 'unsupported_value', /cyclic/)
    // The same object twice, not nested in itself, is fine.
    const shared = { a: 1 }
    assert.equal(regplan.validate(OP, { ...GOOD, x: shared, y: shared }).errors[0].code, 'unknown_field')
  })

  it('10,000-deep objects and arrays', () => {
    let object = {}
    let array = []
    for (let i = 0; i < 10_000; i += 1) {
      object = { o: object }
      array = [array]
    }
    throwsCode(() => regplan.validate(OP, object), 'unsupported_value', /nested more than 128 levels/)
    throwsCode(() => regplan.validate(OP, { users: array }), 'unsupported_value', /nested more than 128 levels/)
  })

  it('a shared-object DAG of 2^40 values stops at the size limit', () => {
    let dag = {}
    for (let i = 0; i < 40; i += 1) dag = { a: dag, b: dag }
    throwsCode(() => regplan.validate(OP, dag), 'unsupported_value', /more than 100000 values/)
  })

  it('options are checked the same way', () => {
    throwsCode(() => regplan.plan(OP, GOOD, { credentials: { type: 'api_key', api_key: 1n } }), 'unsupported_value', /^options at \/credentials\/api_key/)
  })

  it('an exception thrown by a getter passes through', () => {
    const input = {
      get name() {
        throw new TypeError('from the getter')
      },
    }
    assert.throws(() => regplan.validate(OP, input), { name: 'TypeError', message: 'from the getter' })
  })
})

describe('signing time', () => {
  const sdkDate = (result) => result.request.headers['X-Sdk-Date']

  it('defaults to Date.now() when options.timestamp is absent', () => {
    const fixed = Date.UTC(2026, 10, 22, 10, 15, 0)
    mock.method(Date, 'now', () => fixed)
    try {
      const implicit = regplan.plan(HUAWEI_OP, HUAWEI_INPUT, HUAWEI)
      assert.equal(implicit.ok, true)
      assert.equal(sdkDate(implicit), '20261122T101500Z')
      const explicit = regplan.plan(HUAWEI_OP, HUAWEI_INPUT, { ...HUAWEI, timestamp: '2026-11-22T10:15:00Z' })
      assert.deepEqual(implicit, explicit)
    } finally {
      mock.restoreAll()
    }
  })

  it('uses the real clock', () => {
    const result = regplan.plan(HUAWEI_OP, HUAWEI_INPUT, HUAWEI)
    const [, y, mo, d, h, mi, s] = sdkDate(result).match(/^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z$/)
    const signed = Date.UTC(+y, +mo - 1, +d, +h, +mi, +s)
    assert.ok(Math.abs(Date.now() - signed) < 60_000, sdkDate(result))
  })

  it('an explicit timestamp wins; a Date is its epoch milliseconds', () => {
    const ms = 1795342500000
    const number = regplan.plan(HUAWEI_OP, HUAWEI_INPUT, { ...HUAWEI, timestamp: ms })
    const date = regplan.plan(HUAWEI_OP, HUAWEI_INPUT, { ...HUAWEI, timestamp: new Date(ms) })
    assert.deepEqual(number, date)
    assert.equal(sdkDate(number), '20261122T101500Z')
  })

  it('timestamp: null opts out of the clock: missing_timestamp', () => {
    throwsCode(() => regplan.plan(HUAWEI_OP, HUAWEI_INPUT, { ...HUAWEI, timestamp: null }), 'missing_timestamp')
  })

  it('the caller’s options object is not modified', () => {
    const options = { ...HUAWEI }
    regplan.plan(HUAWEI_OP, HUAWEI_INPUT, options)
    assert.deepEqual(Object.keys(options), ['credentials'])
  })
})

describe('validateMany', () => {
  it('gives one report per input, in order, equal to validate', () => {
    const inputs = [GOOD, { ...GOOD, name: '1bad' }, {}, 5, null]
    const reports = regplan.validateMany(OP, inputs)
    assert.deepEqual(reports, inputs.map((input) => regplan.validate(OP, input)))
    assert.deepEqual(regplan.validateMany(OP, []), [])
  })

  it('checks the operation even with no inputs', () => {
    throwsCode(() => regplan.validateMany('nope', []), 'unknown_operation')
  })

  it('names the input that cannot be converted', () => {
    throwsCode(() => regplan.validateMany(OP, [GOOD, { name: NaN }]), 'unsupported_value', /^inputs at \/1\/name: /)
  })

  it('handles many inputs', () => {
    const inputs = Array.from({ length: 10_000 }, (_, i) => ({ ...GOOD, storage_limit: i }))
    const reports = regplan.validateMany(OP, inputs)
    assert.equal(reports.length, 10_000)
    assert.equal(reports.filter((r) => r.valid).length, 1000)
  })
})

describe('typings (regplan.d.ts)', () => {
  const dts = fs.readFileSync(path.join(__dirname, '..', 'regplan.d.ts'), 'utf8')
  const union = (name) => {
    const body = dts.match(new RegExp(`export type ${name} =([^]*?)\\n\\n`))
    assert.ok(body, `no union ${name}`)
    return [...body[1].matchAll(/'([^']+)'/g)].map((m) => m[1])
  }

  it('OperationId lists exactly the operations', () => {
    const ids = regplan.operations().map((o) => o.id)
    const replacement = `export type OperationId =\n${ids.map((id) => `  | '${id}'`).join('\n')}`
    assert.deepEqual(union('OperationId'), ids, `regplan.d.ts is out of date; use:\n${replacement}`)
  })

  it('IssueCode covers every code in the vectors and the operations', () => {
    const codes = new Set(union('IssueCode'))
    const seen = new Set()
    const dir = path.join(__dirname, '..', '..', 'tests', 'vectors')
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.json'))) {
      const text = fs.readFileSync(path.join(dir, file), 'utf8')
      for (const m of text.matchAll(/"code":\s*"([a-z_]+)"/g)) seen.add(m[1])
    }
    const walk = (value) => {
      if (Array.isArray(value)) value.forEach(walk)
      else if (value && typeof value === 'object') {
        if (Array.isArray(value.checks)) value.checks.forEach((c) => seen.add(c.code))
        Object.values(value).forEach(walk)
      }
    }
    walk(regplan.operations())
    const errorCodes = new Set(union('ErrorCode'))
    const missing = [...seen].filter((code) => !codes.has(code) && !errorCodes.has(code))
    assert.deepEqual(missing, [], 'codes missing from IssueCode / ErrorCode')
  })
})
