'use strict'
// The shared helper that gives planned requests their masked renderings
// (js/masked.js, copied by the wasm package): its exact behaviour.

const { describe, it } = require('node:test')
const assert = require('node:assert/strict')
const fs = require('node:fs')
const path = require('node:path')
const util = require('node:util')
const { withMaskedRenderings } = require('../js/masked.js')

const request = () => ({
  method: 'POST',
  url: 'https://api.example/x',
  headers: { Accept: 'application/json', Authorization: 'APIKey real-key', 'Content-Type': 'application/json' },
  body: '{"name":"u","secret":"real-secret"}',
  defaults_applied: [],
  warnings: [],
})

describe('withMaskedRenderings', () => {
  const masked = {
    method: 'POST',
    url: 'https://api.example/x',
    headers: { Accept: 'application/json', Authorization: 'APIKey ***', 'Content-Type': 'application/json' },
    body: '{"name":"u","secret":"***"}',
    defaults_applied: [],
    warnings: [],
  }

  it('keeps the real values as the request’s own enumerable members', () => {
    const r = withMaskedRenderings(request(), { Authorization: 'APIKey ***' }, '{"name":"u","secret":"***"}')
    assert.deepEqual({ ...r }, request())
    assert.deepEqual(Object.keys(r), Object.keys(request()))
    assert.deepEqual(Object.getOwnPropertySymbols(r.headers), [])
    assert.deepEqual(Object.getOwnPropertyNames(r.headers), ['Accept', 'Authorization', 'Content-Type'])
  })

  it('JSON.stringify and util.inspect render the masked view', () => {
    const r = withMaskedRenderings(request(), { Authorization: 'APIKey ***' }, '{"name":"u","secret":"***"}')
    assert.equal(JSON.stringify(r), JSON.stringify(masked))
    assert.equal(JSON.stringify({ ok: true, request: r }), JSON.stringify({ ok: true, request: masked }))
    assert.equal(util.inspect(r), util.inspect(masked))
    assert.equal(util.inspect({ request: r }, { depth: 0 }), util.inspect({ request: masked }, { depth: 0 }))
    assert.equal(util.inspect({ a: { request: r } }, { depth: null, colors: true }), util.inspect({ a: { request: masked } }, { depth: null, colors: true }))
  })

  it('a body without secrets is shown as it is', () => {
    const r = withMaskedRenderings({ ...request(), body: null }, {}, null)
    assert.equal(JSON.parse(JSON.stringify(r)).body, null)
    assert.equal(JSON.parse(JSON.stringify(r)).headers.Authorization, 'APIKey real-key')
  })

  it('the renderings are hidden, replaceable and cloneable', () => {
    const r = withMaskedRenderings(request(), { Authorization: 'APIKey ***' }, null)
    const descriptor = Object.getOwnPropertyDescriptor(r, 'toJSON')
    assert.equal(descriptor.enumerable, false)
    assert.equal(descriptor.writable, true)
    assert.equal(Object.getOwnPropertyDescriptor(r, Symbol.for('nodejs.util.inspect.custom')).enumerable, false)
    assert.deepEqual(structuredClone(r), request())
  })

  it('the CommonJS and ES module copies are the same code', () => {
    const cjs = fs.readFileSync(path.join(__dirname, '..', 'js', 'masked.js'), 'utf8').split('\n')
    const esm = fs.readFileSync(path.join(__dirname, '..', 'js', 'masked.mjs'), 'utf8').split('\n')
    assert.equal(cjs[0], "'use strict'")
    assert.match(esm[0], /^\/\/ ES module copy of masked\.js/)
    assert.deepEqual(cjs.slice(1, -2), esm.slice(1, -2))
    assert.equal(cjs.at(-2), 'module.exports = { withMaskedRenderings, withMaskedCredentials, envArrays, toFetch, toUndici }')
    assert.equal(esm.at(-2), 'export { withMaskedRenderings, withMaskedCredentials, envArrays, toFetch, toUndici }')
  })

  it('the ES module copy behaves the same', async () => {
    const esm = await import('../js/masked.mjs')
    const a = esm.withMaskedRenderings(request(), { Authorization: 'APIKey ***' }, null)
    const b = withMaskedRenderings(request(), { Authorization: 'APIKey ***' }, null)
    assert.equal(JSON.stringify(a), JSON.stringify(b))
    assert.equal(util.inspect(a), util.inspect(b))
  })
})
