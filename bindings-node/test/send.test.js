'use strict'
// Credentials from the environment on request (credentialsFromEnv), and
// sending planned requests with fetch (toFetch) and undici (toUndici),
// checked against what arrives at a server on 127.0.0.1.

const { describe, it } = require('node:test')
const assert = require('node:assert/strict')
const crypto = require('node:crypto')
const http = require('node:http')
const util = require('node:util')
const undici = require('undici')
const regplan = require('..')

const GCORE = 'gcore.registries.create'
const GCORE_INPUT = { project_id: 1, region_id: 76, name: 'reg-home1' }
const NCLOUD = 'ncloud.registries.create'
const NCLOUD_INPUT = { registry: 'my-registry', bucket: 'my-ncr-bucket' }
const NCLOUD_ENV = { NCLOUD_ACCESS_KEY: 'AK-id', NCLOUD_SECRET_KEY: 'SK-secret' }

/** Runs `send(baseUrl)` against a fresh server and returns what arrived: method, target, raw headers, body bytes. */
async function arrivals(send) {
  const arrived = []
  const server = http.createServer((req, res) => {
    const chunks = []
    req.on('data', (c) => chunks.push(c))
    req.on('end', () => {
      arrived.push({ method: req.method, target: req.url, rawHeaders: req.rawHeaders, body: Buffer.concat(chunks) })
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}')
    })
  })
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
  try {
    await send(`http://127.0.0.1:${server.address().port}`)
  } finally {
    await new Promise((resolve) => server.close(resolve))
  }
  return arrived
}

/** The one value of header `name` as it arrived. */
function header(arrived, name) {
  const values = []
  for (let i = 0; i < arrived.rawHeaders.length; i += 2) {
    if (arrived.rawHeaders[i].toLowerCase() === name.toLowerCase()) values.push(arrived.rawHeaders[i + 1])
  }
  assert.equal(values.length, 1, name)
  return values[0]
}

function assertIsPlanned(arrived, request, baseUrl) {
  assert.equal(baseUrl + arrived.target, request.url)
  assert.equal(arrived.method, request.method)
  for (const [name, value] of Object.entries(request.headers)) assert.equal(header(arrived, name), value, name)
  assert.equal(arrived.body.toString('latin1'), Buffer.from(request.body ?? '', 'utf8').toString('latin1'))
}

describe('credentialsFromEnv', () => {
  it('reads the variables the CLI reads, from the env given', () => {
    assert.deepEqual(regplan.credentialsFromEnv('gcore', { GCORE_API_KEY: 'k3y' }), { type: 'api_key', api_key: 'k3y' })
    assert.deepEqual(regplan.credentialsFromEnv(NCLOUD, NCLOUD_ENV), {
      type: 'access_key',
      access_key: 'AK-id',
      secret_key: 'SK-secret',
    })
    assert.deepEqual(regplan.credentialsFromEnv('huawei_swr', { HUAWEICLOUD_SDK_IAM_TOKEN: 'tok' }), {
      type: 'iam_token',
      token: 'tok',
    })
    assert.equal(regplan.credentialsFromEnv('gcore', {}), null)
    assert.equal(regplan.credentialsFromEnv('gcore', { GCORE_API_KEY: '' }), null)
  })

  it('defaults to process.env', () => {
    process.env.QOVERY_API_TOKEN = 'from-process-env'
    try {
      assert.deepEqual(regplan.credentialsFromEnv('qovery'), { type: 'token', token: 'from-process-env' })
    } finally {
      delete process.env.QOVERY_API_TOKEN
    }
    assert.equal(regplan.credentialsFromEnv('qovery'), null)
  })

  it('masks secrets in JSON.stringify and util.inspect, and plan takes the object', () => {
    const credentials = regplan.credentialsFromEnv(NCLOUD, NCLOUD_ENV)
    assert.equal(JSON.stringify(credentials), '{"type":"access_key","access_key":"AK-id","secret_key":"***"}')
    assert.equal(util.inspect(credentials), "{ type: 'access_key', access_key: 'AK-id', secret_key: '***' }")
    const result = regplan.plan(NCLOUD, NCLOUD_INPUT, { credentials, timestamp: 1763806500000 })
    assert.equal(result.ok, true)
    assert.equal(result.request.headers['x-ncp-iam-access-key'], 'AK-id')
  })

  it('refuses an unknown id with the core code and message', () => {
    assert.throws(
      () => regplan.credentialsFromEnv('gcor', {}),
      (e) => e instanceof regplan.RegplanError && e.code === 'unknown_operation' &&
        e.message === 'unknown operation `gcor`; did you mean `gcore`?',
    )
    assert.throws(
      () => regplan.credentialsFromEnv(7, {}),
      (e) => e instanceof regplan.RegplanError && e.code === 'invalid_argument' &&
        e.message === '`op_or_provider` must be a string, not a number',
    )
  })
})

describe('sending', () => {
  it('fetch(...toFetch(request)) sends the planned bytes', async () => {
    let request
    const [arrived, ...more] = await arrivals(async (baseUrl) => {
      const result = regplan.plan(GCORE, GCORE_INPUT, { credentials: { type: 'api_key', api_key: 'k3y' }, base_url: baseUrl })
      request = result.request
      const response = await fetch(...regplan.toFetch(request))
      assert.equal(response.status, 200)
      await response.text()
    })
    assert.equal(more.length, 0)
    assertIsPlanned(arrived, request, request.url.slice(0, request.url.indexOf('/cloud/')))
    assert.equal(arrived.target, '/cloud/v1/registries/1/76')
    assert.equal(header(arrived, 'authorization'), 'APIKey k3y')
    assert.equal(arrived.body.toString(), '{"name":"reg-home1","storage_limit":5}')
  })

  it('undici sends toUndici(request): a signed request, its signature right for the bytes received', async () => {
    let request
    let origin
    const [arrived] = await arrivals(async (baseUrl) => {
      origin = baseUrl
      const credentials = regplan.credentialsFromEnv(NCLOUD, NCLOUD_ENV)
      request = regplan.plan(NCLOUD, NCLOUD_INPUT, { credentials, base_url: baseUrl }).request
      const client = new undici.Client(origin)
      try {
        const { statusCode, body } = await client.request(regplan.toUndici(request))
        assert.equal(statusCode, 200)
        await body.text()
      } finally {
        await client.close()
      }
    })
    assertIsPlanned(arrived, request, origin)
    assert.equal(arrived.target, '/repositories/my-registry')
    assert.equal(arrived.body.toString(), '{"bucket":"my-ncr-bucket"}')
    const timestamp = header(arrived, 'x-ncp-apigw-timestamp')
    const signed = `${arrived.method} ${arrived.target}\n${timestamp}\nAK-id`
    const signature = crypto.createHmac('sha256', 'SK-secret').update(signed).digest('base64')
    assert.equal(header(arrived, 'x-ncp-apigw-signature-v2'), signature)
  })

  it('toUndici keeps the planned path and query as they are, and toFetch leaves out a missing body', () => {
    const request = { method: 'GET', url: 'https://h.example/a/%2E/b?x=1&y=%20', headers: { accept: '*/*' }, body: null }
    assert.deepEqual(regplan.toUndici(request), {
      origin: 'https://h.example',
      path: '/a/%2E/b?x=1&y=%20',
      method: 'GET',
      headers: { accept: '*/*' },
      body: null,
    })
    assert.deepEqual(regplan.toFetch(request), ['https://h.example/a/%2E/b?x=1&y=%20', { method: 'GET', headers: { accept: '*/*' } }])
  })
})

describe('a preview (plan with {preview: true} and no credentials)', () => {
  it('has the placeholders, is marked, and toFetch / toUndici refuse it', () => {
    const result = regplan.plan(GCORE, GCORE_INPUT, { preview: true })
    assert.equal(result.ok, true)
    const { request } = result
    assert.equal(request.preview, true)
    assert.deepEqual(request.headers, {
      Accept: 'application/json',
      Authorization: 'APIKey <api_key>',
      'Content-Type': 'application/json',
    })
    assert.deepEqual(
      request.warnings.map((w) => [w.code, w.path, w.params]),
      [['preview', '', { credentials: 'api_key' }]],
    )
    assert.equal(JSON.parse(JSON.stringify(request)).preview, true)
    const message =
      'this request is a preview (placeholders stand in for the credentials) and cannot be sent; plan it again with credentials'
    assert.throws(() => regplan.toFetch(request), { name: 'RegplanError', code: 'preview_request', message: `toFetch: ${message}` })
    assert.throws(() => regplan.toUndici(request), { name: 'RegplanError', code: 'preview_request', message: `toUndici: ${message}` })
  })

  it('changes nothing with credentials', () => {
    const { request } = regplan.plan(GCORE, GCORE_INPUT, { preview: true, credentials: { type: 'api_key', api_key: 'k3y' } })
    assert.equal(request.preview, false)
    assert.equal(request.headers.Authorization, 'APIKey k3y')
    assert.equal(regplan.toFetch(request)[1].headers.Authorization, 'APIKey k3y')
  })
})
