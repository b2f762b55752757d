// Builds the JavaScript value a hostile-case description stands for
// (README.md in this directory) and runs one case against a regplan API:
// the Node addon and the wasm package (run_node.mjs) and the browser page
// use this same file. No Node or browser API is used here; each caller
// passes `realm(members)`, which makes a plain object in another realm
// (Node: `vm.runInNewContext`, a browser: an iframe).

/** Sets a data member the way an object literal does (`__proto__` included). */
function define(object, key, value) {
  Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true })
}

/** The value `desc` describes. */
export function construct(desc, realm) {
  const build = (d) => construct(d, realm)
  if (Array.isArray(desc)) return desc.map(build)
  if (desc === null || typeof desc !== 'object') return desc
  const names = Object.keys(desc)
  const members = (m) => {
    const out = {}
    for (const key of Object.keys(m ?? {})) define(out, key, build(m[key]))
    return out
  }
  if (names.length !== 1 || !names[0].startsWith('$')) return members(desc)
  const [name] = names
  const arg = desc[name]
  switch (name) {
    case '$nan':
      return NaN
    case '$inf':
      return arg < 0 ? -Infinity : Infinity
    case '$neg_zero':
      return -0
    case '$undefined':
      return undefined
    case '$units': {
      let s = ''
      for (const unit of arg) s += String.fromCharCode(unit)
      return s
    }
    case '$shared': {
      let x = [build(arg.leaf)]
      for (let i = 0; i < arg.depth; i += 1) x = [x, x]
      return x
    }
    case '$repeat':
      return new Array(arg.count).fill(build(arg.item))
    case '$string':
      return arg.repeat.repeat(arg.count)
    case '$nest': {
      let x = 1
      for (let i = 0; i < arg; i += 1) x = [x]
      return x
    }
    case '$date':
      return new Date(arg)
    case '$map':
      return new Map(arg.map(([k, v]) => [build(k), build(v)]))
    case '$set':
      return new Set(arg.map(build))
    case '$bytes':
      return new Uint8Array(arg)
    case '$bigint':
      return BigInt(arg)
    case '$function':
      return () => 1
    case '$symbol':
      return Symbol(arg)
    case '$instance': {
      class Point {}
      return Object.assign(new Point(), members(arg))
    }
    case '$proxy_array': {
      const { length } = arg
      return new Proxy([], { get: (target, key) => (key === 'length' ? length : undefined) })
    }
    case '$proxy_object':
      return new Proxy(members(arg), {})
    case '$throwing_getter': {
      const out = members(arg.members)
      Object.defineProperty(out, arg.key, {
        enumerable: true,
        configurable: true,
        get() {
          throw new Error(arg.message)
        },
      })
      return out
    }
    case '$throwing_proxy':
      return new Proxy(
        {},
        {
          ownKeys() {
            throw new Error(arg.message)
          },
        },
      )
    case '$other_realm':
      return realm(members(arg))
    default:
      throw new Error(`no JavaScript constructor for ${name}`)
  }
}

/**
 * A result as plain data: own enumerable members only, so a planned
 * request shows its real values (its non-enumerable `toJSON` and
 * `util.inspect` renderings mask them).
 */
export function plain(value) {
  if (Array.isArray(value)) return value.map(plain)
  if (value === null || typeof value !== 'object') return value
  const out = {}
  for (const key of Object.keys(value)) define(out, key, plain(value[key]))
  return out
}

/**
 * Runs one case against `api` (a package's exports) and returns its outcome
 * as the README describes: report, reports, plan (real values), error
 * (`RegplanError`) or thrown (any other exception, by its message).
 */
export function outcome(api, testCase, realm) {
  try {
    const op = construct(testCase.op, realm)
    const input = construct(testCase.input, realm)
    switch (testCase.call) {
      case 'validate':
        return { report: plain(api.validate(op, input)) }
      case 'validate_field':
        return { report: plain(api.validateField(op, testCase.field, input)) }
      case 'validate_many':
        return { reports: plain(api.validateMany(op, input)) }
      case 'plan':
        return { plan: plain(api.plan(op, input, construct(testCase.options, realm))) }
      default:
        throw new Error(`unknown call ${testCase.call}`)
    }
  } catch (error) {
    if (error instanceof api.RegplanError) return { error: { code: error.code, message: error.message } }
    return { thrown: error instanceof Error ? error.message : String(error) }
  }
}

/** The cases of `catalogue` meant for `runtime`, each as its JSON line. */
export function runCatalogue(api, catalogue, runtime, realm) {
  const lines = []
  for (const testCase of catalogue.cases) {
    if (!testCase.runtimes.includes(runtime)) continue
    lines.push(JSON.stringify({ name: testCase.name, result: outcome(api, testCase, realm) }))
  }
  return lines
}
