'use strict'
// Runs every shared vector in ../../tests/vectors/*.json through the public
// API, with the semantics of core/tests/vectors.rs (format:
// tests/vectors/README.md).

const { describe, it } = require('node:test')
const assert = require('node:assert/strict')
const fs = require('node:fs')
const path = require('node:path')
const regplan = require('..')

const DIR = path.join(__dirname, '..', '..', 'tests', 'vectors')
const files = fs
  .readdirSync(DIR)
  .filter((name) => name.endsWith('.json'))
  .sort()

/** `code` and `path` always; `message` and `params` when the vector gives them. */
function issueMatches(actual, expected) {
  return ['code', 'path', 'message', 'params'].every(
    (key) => !(key in expected) || isDeepStrictEqual(actual[key], expected[key]),
  )
}

function isDeepStrictEqual(a, b) {
  return require('node:util').isDeepStrictEqual(a, b)
}

function checkIssues(what, actual, expected = []) {
  const same = actual.length === expected.length && actual.every((issue, i) => issueMatches(issue, expected[i]))
  if (!same) {
    const shown = actual.map(({ code, path, message }) => ({ code, path, message }))
    assert.fail(`${what}:\n  expected ${JSON.stringify(expected)}\n  actual   ${JSON.stringify(shown)}`)
  }
}

/**
 * The core reads no clock, so a vector without a timestamp means "no
 * timestamp": `null` opts out of the binding's `Date.now()` default.
 */
function coreOptions(options, extra) {
  return { ...options, timestamp: options.timestamp ?? null, ...extra }
}

function runCase(testCase, defaults) {
  const { op, input, expect } = testCase
  const options = testCase.options ?? defaults

  if (expect.error) {
    assert.throws(
      () => regplan.plan(op, input, coreOptions(options)),
      (error) => error instanceof regplan.RegplanError && error.code === expect.error.code,
      `expected a RegplanError with code ${expect.error.code}`,
    )
    return
  }

  const report = regplan.validate(op, input)
  if (expect.request) {
    const want = expect.request
    checkIssues('validate.errors', report.errors, [])
    checkIssues('validate.warnings', report.warnings, want.warnings)
    assert.equal(report.valid, true)
    const planned = regplan.plan(op, input, coreOptions(options, { reveal_secrets: true }))
    assert.equal(planned.ok, true, `expected a request, got ${JSON.stringify(planned)}`)
    const request = planned.request
    assert.equal(request.method, want.method, 'request.method')
    assert.equal(request.url, want.url, 'request.url')
    assert.deepEqual(Object.entries(request.headers), want.headers, 'request.headers (in order)')
    assert.equal(request.body, want.body ?? null, 'request.body')
    assert.deepEqual(request.defaults_applied, want.defaults_applied ?? [], 'request.defaults_applied')
    checkIssues('request.warnings', request.warnings, want.warnings)
    // The request holds the real values whether or not secrets are revealed.
    const plain = (result) => ({ ...result.request, headers: { ...result.request.headers } })
    const unrevealed = regplan.plan(op, input, coreOptions(options))
    assert.equal(unrevealed.ok, true)
    assert.deepEqual(plain(unrevealed), plain(planned), 'the request depends on reveal_secrets')
    if (expect.masked) {
      // The renderings for people: toJSON / util.inspect of the request, and curl.
      const view = JSON.parse(JSON.stringify(unrevealed.request))
      const m = expect.masked
      if ('headers' in m) assert.deepEqual(Object.entries(view.headers), m.headers, 'masked.headers')
      if ('body' in m) assert.equal(view.body, m.body, 'masked.body')
      if ('curl' in m) assert.equal(unrevealed.curl, m.curl, 'masked.curl')
      for (const secret of m.secrets_absent ?? []) {
        for (const [rendering, text] of [
          ['json', JSON.stringify(unrevealed.request)],
          ['inspect', require('node:util').inspect(unrevealed, { depth: null })],
          ['curl', unrevealed.curl],
          ['result', JSON.stringify(unrevealed)],
        ]) {
          assert.ok(!text.includes(secret), `secret ${JSON.stringify(secret)} leaked into the ${rendering} rendering`)
        }
      }
    }
    return
  }

  checkIssues('validate.errors', report.errors, expect.errors)
  checkIssues('validate.warnings', report.warnings, expect.warnings)
  assert.equal(report.valid, report.errors.length === 0)
  const planned = regplan.plan(op, input, coreOptions(options))
  if (report.valid) {
    // `"errors": []` states a valid input whose request is not spelled out.
    assert.equal(planned.ok, true, `expected a request, got ${JSON.stringify(planned)}`)
  } else {
    assert.deepEqual(
      planned,
      { ok: false, errors: report.errors, warnings: report.warnings },
      'plan should fail with the validate report',
    )
  }
  // Field-level validation agrees with whole-input validation.
  if (input !== null && typeof input === 'object' && !Array.isArray(input)) {
    for (const [name, value] of Object.entries(input)) {
      let fieldReport
      try {
        fieldReport = regplan.validateField(op, name, value)
      } catch (error) {
        assert.equal(error.code, 'unknown_field_name')
        continue
      }
      for (const issue of fieldReport.errors) {
        assert.ok(
          report.errors.some((e) => isDeepStrictEqual(e, issue)),
          `validateField(${name}) reported ${JSON.stringify(issue)}, missing from validate`,
        )
      }
    }
  }
}

let count = 0
for (const file of files) {
  const doc = JSON.parse(fs.readFileSync(path.join(DIR, file), 'utf8'))
  const defaults = doc.options ?? {}
  describe(file, () => {
    for (const testCase of doc.cases) {
      count += 1
      it(testCase.name, () => runCase(testCase, defaults))
    }
  })
}

describe('vector files', () => {
  it('hold at least 100 cases', () => {
    assert.ok(files.length > 0, `no vector files in ${DIR}`)
    assert.ok(count >= 100, `only ${count} vectors`)
  })
})
