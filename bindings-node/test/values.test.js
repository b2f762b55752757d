'use strict'
// Host values that JSON text cannot carry, read in place by the addon: each
// gets the core's code and message, the same bytes as every other runtime
// (tests/hostile/ checks the shared catalogue; these pin the messages here).

const { describe, it } = require('node:test')
const assert = require('node:assert/strict')
const vm = require('node:vm')
const regplan = require('..')
const { RegplanError } = regplan

const OP = 'gcore.registries.create'
const USERS = 'gcore.users.create_multiple'
const QOVERY = 'qovery.container_registries.create'
const GOOD = { project_id: 1, region_id: 76, name: 'my-registry-01', storage_limit: 5 }
const TEAM = { project_id: 1, region_id: 76, registry_id: 607 }
const ECR = {
  organizationId: '3fa85f64-5717-4562-b3fc-2c963f66afa6',
  name: 'my-registry',
  kind: 'ECR',
  url: 'https://123456789012.dkr.ecr.eu-west-3.amazonaws.com',
  config: { region: 'eu-west-3', access_key_id: 'AKIAEXAMPLE', secret_access_key: 's3cr3t' },
}

/** Asserts a RegplanError with exactly this code and message. */
function throwsExactly(fn, code, message) {
  assert.throws(fn, (error) => {
    assert.ok(error instanceof RegplanError, `expected a RegplanError, got ${error}`)
    assert.equal(error.code, code)
    assert.equal(error.message, message)
    return true
  })
}

const unsupported = (where, what) =>
  where === '' ? `unsupported value: ${what}` : `unsupported value at ${where}: ${what}`
const NOT_FINITE = 'NaN and infinity are not JSON numbers'
const LONE = 'a string with a lone surrogate (such as \\ud800) has no UTF-8 form'
const UNDEFINED = 'undefined is not JSON (only an object member may be undefined, meaning absent)'
const issues = (report) => report.errors.map(({ code, path }) => `${code} ${path}`)

describe('numbers', () => {
  it('NaN, Infinity and -Infinity are refused where they are read', () => {
    for (const [field, value] of [
      ['project_id', NaN],
      ['storage_limit', Infinity],
      ['region_id', -Infinity],
      ['name', NaN],
    ]) {
      throwsExactly(() => regplan.validate(OP, { ...GOOD, [field]: value }), 'unsupported_value', unsupported(`/${field}`, NOT_FINITE))
    }
  })

  it('NaN is never read where the rules do not look', () => {
    assert.deepEqual(issues(regplan.validate(OP, { ...GOOD, extra: NaN })), ['unknown_field /extra'])
    assert.deepEqual(issues(regplan.validate(OP, { ...GOOD, name: [NaN] })), ['type /name'])
  })

  it('-0 is 0 and 5.0 is 5', () => {
    const zero = regplan.validate(OP, { ...GOOD, storage_limit: -0 })
    assert.deepEqual(zero.errors, [
      { code: 'out_of_range', path: '/storage_limit', message: 'must be between 1 and 1000', params: { min: 1, max: 1000 } },
    ])
    assert.equal(regplan.validate(OP, { ...GOOD, storage_limit: 5.0 }).valid, true)
    const planned = regplan.plan(OP, { ...GOOD, storage_limit: 5.0, region_id: 76.0 }, {
      credentials: { type: 'api_key', api_key: 'k' },
    })
    assert.equal(planned.request.body, '{"name":"my-registry-01","storage_limit":5}')
  })

  it('integers beyond 2^53 - 1 are out of range, however large', () => {
    const message = 'must be between -9007199254740991 and 9007199254740991: larger integers lose precision in JavaScript'
    for (const big of [2 ** 53, 2 ** 64, 1e300]) {
      const report = regplan.validate(OP, { ...GOOD, project_id: big })
      assert.deepEqual(report.errors, [
        { code: 'out_of_range', path: '/project_id', message, params: { min: -9007199254740991, max: 9007199254740991 } },
      ])
    }
    assert.equal(regplan.validate(OP, { ...GOOD, project_id: 2 ** 53 - 1 }).valid, true)
    assert.equal(regplan.validate(OP, { ...GOOD, project_id: -(2 ** 70) }).errors[0].message, 'must be at least 1')
  })

  it('a boolean is never a number', () => {
    const report = regplan.validate(OP, { ...GOOD, project_id: true, storage_limit: false })
    assert.deepEqual(
      report.errors.map((e) => [e.path, e.message]),
      [
        ['/project_id', 'must be an integer, not a boolean'],
        ['/storage_limit', 'must be an integer, not a boolean'],
      ],
    )
  })

  it('a fraction is not an integer', () => {
    assert.equal(regplan.validate(OP, { ...GOOD, storage_limit: 5.5 }).errors[0].message, 'must be an integer, not a fractional number')
  })
})

describe('undefined', () => {
  it('as an object member it is absent, as JSON.stringify drops it', () => {
    assert.deepEqual(regplan.validate(OP, { ...GOOD, name: undefined }).errors, [
      { code: 'required', path: '/name', message: 'is required', params: { field: 'name' } },
    ])
    assert.equal(regplan.validate(OP, { ...GOOD, storage_limit: undefined }).valid, true)
    assert.equal(regplan.validate(OP, { ...GOOD, extra: undefined }).valid, true)
    assert.equal(regplan.validateField(OP, 'storage_limit', undefined).valid, true)
  })

  it('anywhere else it is refused', () => {
    throwsExactly(() => regplan.validate(OP, undefined), 'unsupported_value', unsupported('', UNDEFINED))
    throwsExactly(() => regplan.validate(OP), 'unsupported_value', unsupported('', UNDEFINED))
    throwsExactly(() => regplan.validate(USERS, { ...TEAM, users: [undefined] }), 'unsupported_value', unsupported('/users/0', UNDEFINED))
    // A hole reads as undefined.
    throwsExactly(() => regplan.validate(USERS, { ...TEAM, users: [{ name: 'a' }, , { name: 'b' }] }), 'unsupported_value', unsupported('/users/1', UNDEFINED)) // eslint-disable-line no-sparse-arrays
  })
})

describe('strings', () => {
  it('a lone surrogate in a value, a key or the operation id', () => {
    throwsExactly(() => regplan.validate(OP, { ...GOOD, name: 'reg\ud800' }), 'unsupported_value', unsupported('/name', LONE))
    throwsExactly(() => regplan.validate(OP, { ...GOOD, name: '\udc00reg' }), 'unsupported_value', unsupported('/name', LONE))
    // A key has no path of its own: the error names the object holding it.
    throwsExactly(() => regplan.validate(OP, { ...GOOD, ['k\udc00']: 1 }), 'unsupported_value', unsupported('', LONE))
    throwsExactly(() => regplan.validate(QOVERY, { ...ECR, config: { ['k\ud800']: 1 } }), 'unsupported_value', unsupported('/config', LONE))
    throwsExactly(() => regplan.validate('gcore\ud800', GOOD), 'invalid_argument', '`op` must be a string, not a string with a lone surrogate')
    throwsExactly(() => regplan.validateField(OP, 'name\ud800', 'x'), 'invalid_argument', '`field` must be a string, not a string with a lone surrogate')
    throwsExactly(() => regplan.validateField(OP, 'name', 'x\ud800'), 'unsupported_value', unsupported('/name', LONE))
  })

  it('a surrogate pair, NUL and other characters arrive intact', () => {
    const report = regplan.validate(OP, { ...GOOD, name: 'reg-🚀\u0000', 'ключ🚀': 1 })
    assert.deepEqual(issues(report).slice(-1), ['unknown_field /ключ🚀'])
    assert.equal(report.errors[0].path, '/name')
    assert.equal(regplan.validate(OP, { ...GOOD, name: 'x'.repeat(200) }).errors[0].code, 'too_long')
  })

  it('the operation id and field name must be strings', () => {
    throwsExactly(() => regplan.validate(5, GOOD), 'invalid_argument', '`op` must be a string, not a number')
    throwsExactly(() => regplan.validate(null, GOOD), 'invalid_argument', '`op` must be a string, not null')
    throwsExactly(() => regplan.validate(['x'], GOOD), 'invalid_argument', '`op` must be a string, not an array')
    throwsExactly(() => regplan.validate(undefined, GOOD), 'invalid_argument', '`op` must be a string, not undefined')
    throwsExactly(() => regplan.validate(Symbol('op'), GOOD), 'invalid_argument', '`op` must be a string, not a value without JSON form')
    throwsExactly(() => regplan.validateField(OP, 5, 1), 'invalid_argument', '`field` must be a string, not a number')
    throwsExactly(() => regplan.schema({}), 'invalid_argument', '`op` must be a string, not an object')
  })
})

describe('JavaScript objects', () => {
  const exotic = [
    ['Date', new Date(1), 'a Date is not JSON; pass date.toISOString() or the epoch milliseconds'],
    ['invalid Date', new Date(NaN), 'a Date is not JSON; pass date.toISOString() or the epoch milliseconds'],
    ['Map', new Map([['a', 1]]), 'a Map is not JSON; pass Object.fromEntries(map)'],
    ['WeakMap', new WeakMap(), 'a Map is not JSON; pass Object.fromEntries(map)'],
    ['Set', new Set([1]), 'a set is not JSON; pass an array (list)'],
    ['Uint8Array', new Uint8Array(2), 'binary data is not JSON; pass a string or an array'],
    ['Buffer', Buffer.from('ab'), 'binary data is not JSON; pass a string or an array'],
    ['ArrayBuffer', new ArrayBuffer(2), 'binary data is not JSON; pass a string or an array'],
    ['DataView', new DataView(new ArrayBuffer(2)), 'binary data is not JSON; pass a string or an array'],
    ['BigInt', 5n, 'a BigInt is not JSON; pass a number'],
    ['function', () => 1, 'a function is not JSON'],
    ['class', class {}, 'a function is not JSON'],
    ['Symbol', Symbol('s'), 'a Symbol is not JSON'],
    ['class instance', new (class Point {})(), 'a class instance is not JSON; pass a plain object'],
    ['RegExp', /x/, 'a `RegExp` is not JSON; pass a plain object, array, string, number, boolean or null'],
    ['boxed string', new String('x'), 'a `String` is not JSON; pass a plain object, array, string, number, boolean or null'],
    ['Error', new Error('x'), 'a `Error` is not JSON; pass a plain object, array, string, number, boolean or null'],
    ['Promise', Promise.resolve(1), 'a `Promise` is not JSON; pass a plain object, array, string, number, boolean or null'],
  ]
  for (const [what, value, message] of exotic) {
    it(`${what} is refused with the core's message`, () => {
      throwsExactly(() => regplan.validate(OP, { ...GOOD, project_id: value }), 'unsupported_value', unsupported('/project_id', message))
      throwsExactly(() => regplan.plan(OP, { ...GOOD, project_id: value }, {}), 'unsupported_value', unsupported('/project_id', message))
    })
  }

  it('a Date is no longer read as its epoch milliseconds', () => {
    throwsExactly(
      () => regplan.plan(OP, { ...GOOD, project_id: new Date(1) }, { credentials: { type: 'api_key', api_key: 'k' } }),
      'unsupported_value',
      unsupported('/project_id', exotic[0][2]),
    )
  })

  it('the whole input, an item and a nested object', () => {
    throwsExactly(() => regplan.validate(OP, new Map()), 'unsupported_value', unsupported('', 'a Map is not JSON; pass Object.fromEntries(map)'))
    throwsExactly(() => regplan.validate(USERS, { ...TEAM, users: [new (class User {})()] }), 'unsupported_value', unsupported('/users/0', 'a class instance is not JSON; pass a plain object'))
    throwsExactly(() => regplan.validate(QOVERY, { ...ECR, config: new Map() }), 'unsupported_value', unsupported('/config', 'a Map is not JSON; pass Object.fromEntries(map)'))
  })

  it('objects without a prototype, and from another realm, are plain', () => {
    assert.equal(regplan.validate(OP, Object.assign(Object.create(null), GOOD)).valid, true)
    assert.equal(regplan.validate(OP, vm.runInNewContext('({project_id: 1, region_id: 76, name: "my-registry-01"})')).valid, true)
    const users = vm.runInNewContext('[{name: "alice", duration: 1}]')
    assert.equal(regplan.validate(USERS, { ...TEAM, users }).valid, true)
    assert.deepEqual(issues(regplan.validate(OP, vm.runInNewContext('({project_id: 0, region_id: 76, name: "x"})'))), [
      'out_of_range /project_id',
      'too_short /name',
    ])
  })

  it('Proxies are read through their traps; a Proxy of an array is an array', () => {
    const reads = []
    const input = new Proxy({ ...GOOD }, {
      get(target, key) {
        reads.push(key)
        return target[key]
      },
    })
    assert.equal(regplan.validate(OP, input).valid, true)
    assert.deepEqual(reads, ['project_id', 'region_id', 'name', 'storage_limit'])
    const users = new Proxy([{ name: 'alice', duration: 1 }], {})
    assert.equal(regplan.validate(USERS, { ...TEAM, users }).valid, true)
    assert.deepEqual(issues(regplan.validate(OP, { ...GOOD, name: new Proxy([], {}) })), ['type /name'])
    assert.equal(regplan.validate(OP, { ...GOOD, name: new Proxy([], {}) }).errors[0].message, 'must be a string, not an array')
  })

  it('a Proxy array claiming 2^32 - 1 items is refused without reading them', () => {
    const users = new Proxy([], { get: (target, key) => (key === 'length' ? 2 ** 32 - 1 : undefined) })
    const started = process.hrtime.bigint()
    throwsExactly(() => regplan.validate(USERS, { ...TEAM, users }), 'unsupported_value', unsupported('/users/0', UNDEFINED))
    assert.ok(Number(process.hrtime.bigint() - started) < 100e6)
  })

  it('symbol keys and non-enumerable members are not JSON: ignored', () => {
    const input = { ...GOOD, [Symbol('x')]: NaN }
    Object.defineProperty(input, 'hidden', { value: NaN, enumerable: false })
    assert.equal(regplan.validate(OP, input).valid, true)
  })

  it('a getter is read like a value', () => {
    const input = { ...GOOD }
    Object.defineProperty(input, 'name', { get: () => 'my-registry-02', enumerable: true })
    assert.equal(regplan.validate(OP, input).valid, true)
  })

  it('an object whose prototype is not a realm’s Object.prototype is an instance', () => {
    const input = Object.assign(Object.create({ inherited: 1 }), GOOD)
    throwsExactly(() => regplan.validate(OP, input), 'unsupported_value', unsupported('', 'a class instance is not JSON; pass a plain object'))
  })

  it('a cycle the rules never enter is only an unknown field; one they enter is a type error', () => {
    const object = { ...GOOD }
    object.self = object
    assert.deepEqual(issues(regplan.validate(OP, object)), ['unknown_field /self'])
    const array = []
    array.push(array)
    assert.deepEqual(issues(regplan.validate(USERS, { ...TEAM, users: array })), ['type /users/0'])
  })
})

describe('exceptions thrown by the caller’s code', () => {
  const boom = new TypeError('from the getter')
  const throwing = () => {
    const input = { ...GOOD }
    Object.defineProperty(input, 'name', {
      enumerable: true,
      get() {
        throw boom
      },
    })
    return input
  }

  it('surface unchanged: the same object, not wrapped', () => {
    assert.throws(() => regplan.validate(OP, throwing()), (error) => error === boom)
    assert.throws(() => regplan.validateMany(OP, [GOOD, throwing()]), (error) => error === boom)
    assert.throws(() => regplan.validateField(OP, 'name', new Proxy({}, { getPrototypeOf() { throw boom } })), (error) => error === boom)
    assert.throws(() => regplan.plan(OP, throwing(), { credentials: { type: 'api_key', api_key: 'k' } }), (error) => error === boom)
    const options = Object.defineProperty({}, 'credentials', { enumerable: true, get() { throw boom } })
    assert.throws(() => regplan.plan(OP, GOOD, options), (error) => error === boom)
  })

  it('an error with a snake_case code of its own is still not a RegplanError', () => {
    const coded = Object.assign(new Error('mine'), { code: 'unknown_operation' })
    const input = new Proxy({}, { ownKeys() { throw coded } })
    assert.throws(() => regplan.validate(OP, input), (error) => error === coded && !(error instanceof RegplanError))
  })

  it('a throwing ownKeys trap, and thrown non-Error values', () => {
    assert.throws(() => regplan.validate(OP, new Proxy({}, { ownKeys() { throw new Error('keys-boom') } })), { message: 'keys-boom' })
    assert.throws(() => regplan.validate(OP, new Proxy({}, { ownKeys() { throw 42 } })), (thrown) => thrown === 42) // eslint-disable-line no-throw-literal
  })

  it('are thrown once, and 10,000 of them leak nothing', () => {
    let calls = 0
    const input = { ...GOOD }
    Object.defineProperty(input, 'name', {
      enumerable: true,
      get() {
        calls += 1
        throw boom
      },
    })
    assert.throws(() => regplan.validate(OP, input))
    assert.equal(calls, 1)
    for (let i = 0; i < 1000; i += 1) assert.throws(() => regplan.validate(OP, input))
    global.gc?.()
    const before = process.memoryUsage().rss
    for (let i = 0; i < 10_000; i += 1) {
      try {
        regplan.validate(OP, input)
      } catch {
        // expected
      }
    }
    global.gc?.()
    const grown = process.memoryUsage().rss - before
    assert.ok(grown < 20e6, `rss grew by ${grown} bytes`)
    assert.equal(regplan.validate(OP, GOOD).valid, true)
  })
})

describe('limits', () => {
  const TOO_MANY = 'more than 1000000 values (a shared reference counts each time it is reached, a string one per 16 bytes)'

  it('a 30-level shared-reference graph: refused in milliseconds, never expanded', () => {
    let arrays = [1]
    for (let i = 0; i < 30; i += 1) arrays = [arrays, arrays]
    let objects = { leaf: 1 }
    for (let i = 0; i < 30; i += 1) objects = [objects, objects]
    global.gc?.()
    const before = process.memoryUsage().rss
    const within10ms = (fn) => {
      const started = process.hrtime.bigint()
      fn()
      const ms = Number(process.hrtime.bigint() - started) / 1e6
      assert.ok(ms <= 10, `took ${ms} ms`)
    }
    // Validation reads only what the rules ask: the items are not objects.
    within10ms(() => assert.deepEqual(issues(regplan.validate(USERS, { ...TEAM, users: arrays })), ['type /users/0', 'type /users/1']))
    within10ms(() => assert.deepEqual(issues(regplan.validate(OP, { ...GOOD, project_id: arrays })), ['type /project_id']))
    within10ms(() => assert.equal(regplan.validateMany(OP, [GOOD, { ...GOOD, extra: objects }])[1].errors[0].code, 'unknown_field'))
    // Plan options are read whole: the budget stops the walk.
    within10ms(() =>
      throwsExactly(
        () => regplan.plan(OP, GOOD, { credentials: { type: 'api_key', api_key: arrays } }),
        'invalid_option',
        `invalid option \`options\`: holds more than 1000 values (a shared reference counts each time it is reached)`,
      ),
    )
    const grown = process.memoryUsage().rss - before
    assert.ok(grown < 50e6, `rss grew by ${grown} bytes`)
  })

  it('10^6 items: refused by the budget, in time linear in the size', () => {
    const time = (count) => {
      const users = new Array(count).fill(1)
      const started = process.hrtime.bigint()
      try {
        regplan.validate(USERS, { ...TEAM, users })
      } catch (error) {
        assert.equal(error.code, 'unsupported_value')
      }
      return Number(process.hrtime.bigint() - started)
    }
    time(1000)
    const small = time(100_000)
    const large = time(1_000_000)
    assert.ok(large < small * 25, `10^5 items: ${small / 1e6} ms, 10^6 items: ${large / 1e6} ms`)
    const valid = new Array(1_000_000).fill({ name: 'alice', duration: 1 })
    throwsExactly(() => regplan.validate(USERS, { ...TEAM, users: valid }), 'unsupported_value', `unsupported value at /users/333331/name: ${TOO_MANY}`)
  })

  it('nesting deeper than 128 levels', () => {
    let object = { leaf: 1 }
    for (let i = 0; i < 10_000; i += 1) object = { o: object }
    assert.deepEqual(issues(regplan.validate(OP, { ...GOOD, extra: object })), ['unknown_field /extra'])
    throwsExactly(
      () => regplan.plan(OP, GOOD, { credentials: object }),
      'invalid_option',
      'invalid option `options`: holds a value without JSON form: nested deeper than 128 levels',
    )
  })
})
