#!/usr/bin/env node
'use strict'
// The Node side of the differential test (tests/differential/): answers each
// line {"op", "input", "options"} of IN through the public API and writes one
// canonical JSON line per input to OUT:
//   {"plan": <result or {"error": {code, message}}>, "validate": <...>}
// Canonical = keys sorted recursively (by code point), compact, raw UTF-8:
// Python's json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False).
//
//   node bindings-node/test/differential.js IN OUT

const fs = require('node:fs')
const readline = require('node:readline')
const regplan = require('..')

/** Code point order, as Python's `sort_keys` compares str (JS `<` compares UTF-16 units). */
function compareKeys(a, b) {
  const x = [...a]
  const y = [...b]
  for (let i = 0; i < Math.min(x.length, y.length); i += 1) {
    const d = x[i].codePointAt(0) - y[i].codePointAt(0)
    if (d !== 0) return d
  }
  return x.length - y.length
}

function canonical(value) {
  if (Array.isArray(value)) return value.map(canonical)
  if (value !== null && typeof value === 'object') {
    const sorted = {}
    for (const key of Object.keys(value).sort(compareKeys)) sorted[key] = canonical(value[key])
    return sorted
  }
  return value
}

/** A result, or the thrown RegplanError as {"error": {code, message}}; anything else is a bug. */
function answer(call) {
  try {
    return call()
  } catch (error) {
    if (error instanceof regplan.RegplanError) return { error: { code: error.code, message: error.message } }
    throw error
  }
}

/**
 * Options go to `plan` unchanged, except that a missing timestamp becomes
 * `null`: the core reads no clock, so "absent" means "none" there, while
 * the binding would sign with Date.now().
 */
function coreOptions(options) {
  if (options === undefined || options === null) return { timestamp: null }
  if (typeof options === 'object' && !Array.isArray(options) && !('timestamp' in options)) {
    return { ...options, timestamp: null }
  }
  return options
}

async function main() {
  const [input, output] = process.argv.slice(2)
  if (!input || !output) {
    console.error('usage: node differential.js IN OUT')
    process.exit(2)
  }
  const lines = readline.createInterface({ input: fs.createReadStream(input, 'utf8'), crlfDelay: Infinity })
  const out = fs.createWriteStream(output, 'utf8')
  let count = 0
  for await (const text of lines) {
    const line = JSON.parse(text)
    const result = {
      validate: answer(() => regplan.validate(line.op, line.input)),
      plan: answer(() => regplan.plan(line.op, line.input, coreOptions(line.options))),
    }
    if (!out.write(JSON.stringify(canonical(result)) + '\n')) {
      await new Promise((resolve) => out.once('drain', resolve))
    }
    count += 1
  }
  await new Promise((resolve, reject) => out.end((error) => (error ? reject(error) : resolve())))
  console.log(`node: ${count} lines -> ${output}`)
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
