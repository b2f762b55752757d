// Writes a JavaScript regplan API's answer to every shared vector: the addon
// or wasm in Node (`node tests/vectors/answer.mjs addon|wasm OUT.jsonl`; with
// REGPLAN_PACKAGE=DIR, an installed copy) and wasm in Chromium
// (bindings-wasm/browser/test.mjs calls `answerAll`). One JSON line per case
// in the format core/tests/support/vectors.rs describes; that one matcher
// judges them. Nothing is compared here. No Node-only imports above the
// command-line part, so a page can load it.

/** The vector's options with the clock off: the core reads no clock, and a
 * vector without `timestamp` means none (`null`; absent would be Date.now()). */
export function withoutClock(options) {
  if (options && typeof options === 'object' && !Array.isArray(options) && !('timestamp' in options)) {
    return { ...options, timestamp: null }
  }
  return options ?? { timestamp: null }
}

function failure(api, error) {
  if (error instanceof api.RegplanError) return { error: { code: error.code, message: error.message } }
  return { thrown: `${error?.name}: ${error?.message}` }
}

function requestOf(request) {
  return {
    method: request.method,
    url: request.url,
    headers: Object.entries(request.headers),
    body: request.body,
    defaults_applied: request.defaults_applied,
    warnings: request.warnings,
    preview: request.preview,
  }
}

/** A plan result ({ok, request, curl} / {ok: false, errors, warnings}) in the matcher's terms. */
function outcome(result) {
  if (!result.ok) return { invalid: { errors: result.errors, warnings: result.warnings } }
  return { request: requestOf(result.request) }
}

function attempt(api, call, shape) {
  try {
    return shape(call())
  } catch (error) {
    return failure(api, error)
  }
}

/** One case's answer; `renderings(result)` adds the runtime's own texts for people (util.inspect). */
export function answer(api, file, testCase, defaults, renderings = () => []) {
  const { op, input } = testCase
  const options = withoutClock('options' in testCase ? testCase.options : defaults)
  const revealed = options && typeof options === 'object' && !Array.isArray(options) ? { ...options, reveal_secrets: true } : options
  const masked = (result) => {
    if (!result.ok) return outcome(result)
    const shown = JSON.parse(JSON.stringify(result.request))
    return {
      ...outcome(result),
      masked: { headers: Object.entries(shown.headers), body: shown.body, curl: result.curl },
      renderings: [JSON.stringify(result), result.curl, ...renderings(result)],
    }
  }
  // A form case (`"form": true` in its options) reads every value as a form means it.
  const form = options?.form === true ? { form: true } : undefined
  const fields =
    input !== null && typeof input === 'object' && !Array.isArray(input)
      ? Object.entries(input).map(([field, value]) => ({
          field,
          ...attempt(api, () => api.validateField(op, field, value, form), (report) => ({ report })),
        }))
      : []
  const fieldChecks = (testCase.field_checks ?? []).map((check) =>
    attempt(
      api,
      () => api.validateField(op, check.field, check.value, { ...form, ...(check.with_input ? { input } : {}) }),
      (report) => ({ report }),
    ),
  )
  return {
    file,
    name: testCase.name,
    validate: attempt(api, () => api.validate(op, input, form), (report) => report),
    plan: attempt(api, () => api.plan(op, input, revealed), outcome),
    plan_masked: attempt(api, () => api.plan(op, input, options), masked),
    fields,
    field_checks: fieldChecks,
  }
}

/** Every case's answer line; `files` is [[file name, parsed JSON], ...]. */
export function answerAll(api, files, renderings) {
  const lines = []
  for (const [name, doc] of files) {
    const file = name.replace(/\.json$/, '')
    for (const testCase of doc.cases) {
      lines.push(JSON.stringify(answer(api, file, testCase, doc.options ?? {}, renderings)))
    }
  }
  return lines
}

// Command line: node tests/vectors/answer.mjs addon|wasm OUT.jsonl
if (typeof process !== 'undefined' && process.argv?.[1] && import.meta.url.endsWith(process.argv[1].split('/').pop())) {
  const { mkdirSync, readFileSync, readdirSync, writeFileSync } = await import('node:fs')
  const { createRequire } = await import('node:module')
  const { dirname, resolve } = await import('node:path')
  const { fileURLToPath, pathToFileURL } = await import('node:url')
  const { inspect } = await import('node:util')
  const here = dirname(fileURLToPath(import.meta.url))
  const packages = { addon: 'bindings-node', wasm: 'bindings-wasm' }
  const [which, out] = process.argv.slice(2)
  if (!packages[which] || !out) {
    console.error('usage: node tests/vectors/answer.mjs addon|wasm OUT.jsonl')
    process.exit(2)
  }
  const dir = resolve(process.env.REGPLAN_PACKAGE ?? resolve(here, '../..', packages[which]))
  const loaded = await import(pathToFileURL(createRequire(resolve(dir, 'package.json')).resolve(dir)).href)
  const api = loaded.validate ? loaded : loaded.default
  const files = readdirSync(here).filter((f) => f.endsWith('.json')).sort()
    .map((f) => [f, JSON.parse(readFileSync(resolve(here, f), 'utf8'))])
  const lines = answerAll(api, files, (result) => [inspect(result, { depth: null }), inspect(result.request, { depth: null })])
  mkdirSync(dirname(resolve(out)), { recursive: true })
  writeFileSync(out, lines.join('\n') + '\n')
  console.log(`${lines.length} vector answers (${which}) written to ${out}`)
}
