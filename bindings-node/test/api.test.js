'use strict'
// The JavaScript API: exports, result shapes, misuse, the signing clock,
// validateMany, codes() and the typings. Host values: values.test.js;
// secrets: secrets.test.js; the masking helper: masked.test.js.

const { describe, it, mock } = require('node:test')
const assert = require('node:assert/strict')
const fs = require('node:fs')
const path = require('node:path')
const regplan = require('..')
const { RegplanError } = regplan

const OP = 'gcore.registries.create'
const GOOD = { project_id: 1, region_id: 76, name: 'reg-home1' }
const CORE = path.join(__dirname, '..', '..', 'core', 'src')
/** The core's own lists, read from its source: `Code::ALL`, then `Error::CODES`. */
const CORE_CODES = [
  ...fs.readFileSync(path.join(CORE, 'report.rs'), 'utf8').matchAll(/^\s+\w+ => "([a-z_]+)",$/gm),
  ...fs.readFileSync(path.join(CORE, 'error.rs'), 'utf8').split('CODES')[1].split('];')[0].matchAll(/"([a-z_]+)"/g),
].map((m) => m[1])
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
    for (const name of ['operations', 'validate', 'validateField', 'validateMany', 'plan', 'schema', 'codes', 'credentialsFromEnv', 'toFetch', 'toUndici']) {
      assert.equal(typeof regplan[name], 'function', name)
    }
    assert.deepEqual(Object.keys(regplan).sort(), [
      'RegplanError', 'codes', 'credentialsFromEnv', 'operations', 'plan', 'schema', 'toFetch', 'toUndici', 'validate',
      'validateField', 'validateMany',
    ])
    const error = new RegplanError('unknown_operation', 'message')
    assert.ok(error instanceof Error)
    assert.equal(error.name, 'RegplanError')
    assert.equal(error.code, 'unknown_operation')
    assert.equal(error.message, 'message')
  })

  it('the package entry point is the typed wrapper', () => {
    const pkg = require('../package.json')
    assert.equal(pkg.main, 'regplan.js')
    assert.equal(pkg.types, 'regplan.d.ts')
    for (const file of ['regplan.js', 'regplan.d.ts', 'types.d.ts', 'index.js', 'js/decode.js', 'js/masked.js']) {
      assert.ok(pkg.files.includes(file), `files lacks ${file}`)
    }
  })

  it('is publishable in napi-rs layout: the addon in one package per platform', () => {
    const pkg = require('../package.json')
    assert.equal(pkg.private, undefined)
    assert.ok(!pkg.files.some((file) => file.endsWith('.node')), 'the addon ships in the platform packages')
    assert.deepEqual(pkg.napi.targets, ['x86_64-unknown-linux-gnu', 'x86_64-unknown-linux-musl', 'aarch64-unknown-linux-gnu'])
    const platforms = { 'linux-x64-gnu': ['x64', 'glibc'], 'linux-x64-musl': ['x64', 'musl'], 'linux-arm64-gnu': ['arm64', 'glibc'] }
    assert.deepEqual(fs.readdirSync(path.join(__dirname, '..', 'npm')).sort(), Object.keys(platforms).sort())
    for (const [platform, [cpu, libc]] of Object.entries(platforms)) {
      const sub = require(`../npm/${platform}/package.json`)
      assert.equal(sub.name, `regplan-${platform}`)
      assert.equal(sub.version, pkg.version)
      assert.deepEqual([sub.os, sub.cpu, sub.libc, sub.main, sub.files], [['linux'], [cpu], [libc], `regplan.${platform}.node`, [`regplan.${platform}.node`]])
    }
    // napi's generated loader knows the darwin and win32 packages too.
    const loader = fs.readFileSync(path.join(__dirname, '..', 'index.js'), 'utf8')
    for (const name of ['regplan-darwin-arm64', 'regplan-darwin-x64', 'regplan-win32-x64-msvc', 'regplan-linux-x64-musl']) {
      assert.ok(loader.includes(`require('${name}')`), `index.js does not load ${name}`)
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

  it('plan returns the real request; its renderings and curl mask secrets', () => {
    const result = regplan.plan(OP, GOOD, GCORE)
    assert.deepEqual(Object.keys(result), ['ok', 'request', 'curl'])
    assert.equal(result.ok, true)
    assert.deepEqual(Object.entries(result.request.headers), [
      ['Accept', 'application/json'],
      ['Authorization', 'APIKey k3y'],
      ['Content-Type', 'application/json'],
    ])
    assert.equal(result.request.body, '{"name":"reg-home1","storage_limit":5}')
    assert.deepEqual(result.request.defaults_applied, ['/storage_limit'])
    assert.deepEqual(result.request.warnings, [])
    assert.ok(!result.curl.includes('k3y'))
    assert.ok(result.curl.includes('APIKey ***'))
    assert.equal(JSON.parse(JSON.stringify(result)).request.headers.Authorization, 'APIKey ***')
    const revealed = regplan.plan(OP, GOOD, { ...GCORE, reveal_secrets: true })
    assert.ok(revealed.curl.includes('APIKey k3y'))
    assert.equal(revealed.request.headers.Authorization, 'APIKey k3y')
  })

  it('each call returns fresh objects', () => {
    const a = regplan.validate(OP, GOOD)
    a.errors.push('mine')
    assert.deepEqual(regplan.validate(OP, GOOD), { valid: true, errors: [], warnings: [] })
    const many = regplan.validateMany(OP, [GOOD, GOOD])
    assert.notEqual(many[0], many[1])
    assert.notEqual(many[0].errors, many[1].errors)
  })

  it('warnings come with a valid report', () => {
    const report = regplan.validate('qovery.container_registries.create', {
      organizationId: '3fa85f64-5717-4562-b3fc-2c963f66afa6',
      name: 'my-registry',
      kind: 'DOCKER_HUB',
      config: {},
    })
    assert.equal(report.valid, true)
    assert.deepEqual(report.warnings.map((w) => w.code), ['docker_hub_rate_limit'])
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

describe('validateField', () => {
  it('takes a JSON Pointer to a nested field', () => {
    const qovery = 'qovery.container_registries.create'
    const report = regplan.validateField(qovery, '/config/region', '')
    assert.deepEqual(report.errors.map((e) => [e.code, e.path]), [['too_short', '/config/region']])
    assert.equal(regplan.validateField(qovery, '/config/region', 'eu-west-3').valid, true)
    throwsCode(() => regplan.validateField(qovery, '/config/nope', 'x'), 'unknown_field_name')
  })
})

describe('schema', () => {
  it('is form-ready in both drafts, and refuses another draft', () => {
    const latest = regplan.schema('gcore.users.create')
    const old = regplan.schema('gcore.users.create', { draft: 'draft-07' })
    assert.equal(latest.$schema, 'https://json-schema.org/draft/2020-12/schema')
    assert.equal(old.$schema, 'http://json-schema.org/draft-07/schema#')
    assert.equal(latest.properties.project_id.title, 'Project ID')
    assert.deepEqual([latest.properties.secret.format, latest.properties.secret.writeOnly], ['password', true])
    assert.deepEqual(regplan.schema('gcore.users.create', undefined), latest)
    throwsCode(() => regplan.schema('gcore.users.create', { draft: 'draft-04' }), 'invalid_option')
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
    throwsCode(() => regplan.validate(5, {}), 'invalid_argument', /^`op` must be a string, not a number$/)
    throwsCode(() => regplan.validate(undefined, {}), 'invalid_argument')
    throwsCode(() => regplan.validateField(OP, 5, 1), 'invalid_argument', /^`field` must be a string, not a number$/)
    throwsCode(() => regplan.schema({}), 'invalid_argument')
    throwsCode(() => regplan.plan(Symbol('op'), {}), 'invalid_argument')
    throwsCode(() => regplan.validateMany(OP, { 0: GOOD }), 'invalid_argument', /^`inputs` must be an array of inputs, not an object$/)
    throwsCode(() => regplan.validateMany(OP, 'abc'), 'invalid_argument')
  })

  it('the operation id is checked before the input is read', () => {
    const input = new Proxy({}, { ownKeys: () => { throw new Error('read') } })
    throwsCode(() => regplan.validate('nope', input), 'unknown_operation')
    throwsCode(() => regplan.validate(5, input), 'invalid_argument')
    throwsCode(() => regplan.plan(OP, input, 5), 'invalid_option')
    assert.throws(() => regplan.validate(OP, input), { message: 'read' })
  })
})

describe('the encoding shared by src/output.rs and js/decode.js', () => {
  it('lists the same parameter names', () => {
    const rust = fs.readFileSync(path.join(__dirname, '..', 'src', 'output.rs'), 'utf8')
    const js = fs.readFileSync(path.join(__dirname, '..', 'js', 'decode.js'), 'utf8')
    const names = (text, start) => [...text.split(start)[1].split(']')[0].matchAll(/['"]([a-z_]+)['"]/g)].map((m) => m[1])
    assert.deepEqual(names(js, 'const PARAM_NAMES = ['), names(rust, 'pub(crate) const PARAM_NAMES: [&str; 13] = ['))
  })

  it('round-trips every shape: unknown parameter names, wide text, long strings, big numbers', () => {
    const long = 'é'.repeat(70_000)
    const report = regplan.validate(OP, { ...GOOD, [long]: 1, 'ключ🚀': 1, project_id: -(2 ** 60) })
    assert.equal(report.errors.length, 3)
    assert.deepEqual(report.errors[0].params, { min: 1 })
    assert.equal(report.errors[1].path, `/${long}`)
    assert.equal(report.errors[2].path, '/ключ🚀')
    const schema = regplan.schema('huawei_swr.namespaces.create')
    assert.deepEqual(JSON.parse(JSON.stringify(schema)), schema)
  })
})

describe('codes', () => {
  it('lists every issue code, then every API error code, as the core does', () => {
    const codes = regplan.codes()
    assert.deepEqual(codes, CORE_CODES)
    assert.equal(new Set(codes).size, codes.length)
    assert.deepEqual(codes.slice(0, 3), ['required', 'type', 'too_short'])
    assert.deepEqual(codes.slice(-10), [
      'unknown_operation', 'unknown_field_name', 'invalid_input', 'missing_credentials', 'wrong_credentials',
      'invalid_credentials', 'missing_timestamp', 'unsupported_value', 'invalid_option', 'invalid_argument',
    ])
    codes.push('mine')
    assert.ok(!regplan.codes().includes('mine'))
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

  it('an explicit timestamp wins; a Date is refused (pass its epoch milliseconds)', () => {
    const ms = 1795342500000
    const number = regplan.plan(HUAWEI_OP, HUAWEI_INPUT, { ...HUAWEI, timestamp: ms })
    const text = regplan.plan(HUAWEI_OP, HUAWEI_INPUT, { ...HUAWEI, timestamp: '2026-11-22T10:15:00Z' })
    assert.deepEqual(number, text)
    assert.equal(sdkDate(number), '20261122T101500Z')
    throwsCode(() => regplan.plan(HUAWEI_OP, HUAWEI_INPUT, { ...HUAWEI, timestamp: new Date(ms) }), 'invalid_option', /a Date is not JSON/)
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
    throwsCode(() => regplan.validateMany(OP, [GOOD, { name: NaN }]), 'unsupported_value', /^unsupported value at \/1\/name: NaN/)
  })

  it('handles many inputs', () => {
    const inputs = Array.from({ length: 10_000 }, (_, i) => ({ ...GOOD, storage_limit: i }))
    const reports = regplan.validateMany(OP, inputs)
    assert.equal(reports.length, 10_000)
    assert.equal(reports.filter((r) => r.valid).length, 1000)
    assert.deepEqual(reports, inputs.map((input) => regplan.validate(OP, input)))
  })
})

describe('typings (types.d.ts, written by `cargo run -p regplan-typegen`)', () => {
  const dts = fs.readFileSync(path.join(__dirname, '..', 'types.d.ts'), 'utf8')
  const union = (name) => {
    const body = dts.match(new RegExp(`export type ${name} =([^]*?)\\n\\n`))
    assert.ok(body, `no union ${name}`)
    return [...body[1].matchAll(/"([^"]+)"/g)].map((m) => m[1])
  }

  it('OperationId lists exactly the operations', () => {
    const ids = regplan.operations().map((o) => o.id)
    assert.deepEqual(union('OperationId'), ids, 'types.d.ts is out of date: run `cargo run -p regplan-typegen`')
  })

  it('IssueCode and ErrorCode are exactly codes()', () => {
    const codes = regplan.codes()
    const api = codes.slice(codes.indexOf('unknown_operation'))
    const issue = codes.slice(0, codes.indexOf('unknown_operation'))
    const stale = 'types.d.ts is out of date: run `cargo run -p regplan-typegen`'
    assert.deepEqual(union('IssueCode'), issue, stale)
    // Then the code only the wasm web build throws (the core's Error::BINDING_CODES).
    assert.deepEqual(union('ErrorCode'), [...api, 'not_initialized'], stale)
  })

  it('every code in the vectors and the operations is listed', () => {
    const codes = new Set(regplan.codes())
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
    assert.deepEqual([...seen].filter((code) => !codes.has(code)), [])
  })
})
