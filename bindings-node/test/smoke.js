'use strict'
// Run by test.sh inside a fresh project that installed the packed tarball
// (`npm pack` + `npm install regplan-*.tgz`): the package as users get it.

const assert = require('node:assert/strict')
const regplan = require('regplan')

const result = regplan.plan(
  'gcore.registries.create',
  { project_id: 1, region_id: 76, name: 'reg-home1' },
  { credentials: { type: 'api_key', api_key: 'k3y' } },
)
assert.equal(result.ok, true)
assert.equal(result.request.url, 'https://api.gcore.com/cloud/v1/registries/1/76')
assert.equal(result.request.body, '{"name":"reg-home1","storage_limit":5}')
assert.equal(result.request.headers.Authorization, 'APIKey k3y')
assert.equal(JSON.parse(JSON.stringify(result)).request.headers.Authorization, 'APIKey ***')
assert.ok(!require('node:util').inspect(result).includes('k3y'))
assert.ok(regplan.codes().includes('unsupported_value'))
assert.equal(regplan.validate('gcore.registries.create', {}).valid, false)
assert.throws(() => regplan.schema('nope'), (e) => e instanceof regplan.RegplanError && e.code === 'unknown_operation')
// Only the typed API is exported; napi's raw loader stays private.
assert.throws(() => require('regplan/index.js'), { code: 'ERR_PACKAGE_PATH_NOT_EXPORTED' })
console.log(`smoke: ${require.resolve('regplan')} planned ${result.request.method} ${result.request.url}`)
