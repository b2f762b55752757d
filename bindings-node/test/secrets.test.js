'use strict'
// Secrets: a planned request carries the real values (it is what gets sent);
// every rendering for people masks them, and no error of any kind repeats
// them. Every secret below is a sentinel string, searched for in every
// rendering and every error.

const { describe, it } = require('node:test')
const assert = require('node:assert/strict')
const util = require('node:util')
const regplan = require('..')
const { RegplanError } = regplan

const SENTINEL = 'SENTINEL-9f3a'
const QUOTED = 'SENT"IN\\EL-9f3a'

/** Every rendering of `value` a person may read. */
function renderings(value) {
  return [
    ['JSON.stringify', JSON.stringify(value)],
    ['JSON.stringify indented', JSON.stringify(value, null, 2)],
    ['util.inspect', util.inspect(value)],
    ['util.inspect depth null', util.inspect(value, { depth: null, showHidden: false })],
    ['util.inspect colors', util.inspect(value, { depth: null, colors: true })],
    ['util.format %j %o %O %s', util.format('%j %o %O %s', value, value, value, value)],
    ['String', String(value)],
  ]
}

function assertAbsent(what, value, secrets = [SENTINEL]) {
  for (const [how, text] of renderings(value)) {
    for (const secret of secrets) {
      assert.ok(!text.includes(secret), `${what}: ${JSON.stringify(secret)} leaked into ${how}:\n${text}`)
    }
  }
}

const SCENARIOS = [
  {
    name: 'Gcore API key',
    op: 'gcore.registries.create',
    input: { project_id: 1, region_id: 76, name: 'my-registry-01' },
    options: { credentials: { type: 'api_key', api_key: SENTINEL } },
    header: ['Authorization', `APIKey ${SENTINEL}`, 'APIKey ***'],
  },
  {
    name: 'Gcore user secret (body) and API key',
    op: 'gcore.users.create',
    input: { project_id: 1, region_id: 76, registry_id: 607, name: 'myuser', duration: 30, secret: SENTINEL },
    options: { credentials: { type: 'api_key', api_key: `${SENTINEL}-key` } },
    body: `"secret":"${SENTINEL}"`,
  },
  {
    name: 'Gcore users secrets (body, in an array), quotes escaped',
    op: 'gcore.users.create_multiple',
    input: {
      project_id: 1,
      region_id: 76,
      registry_id: 607,
      users: [
        { name: 'alice', duration: 1, secret: SENTINEL },
        { name: 'bob', duration: 1, secret: QUOTED },
      ],
    },
    options: { credentials: { type: 'api_key', api_key: SENTINEL } },
    body: `"secret":"${SENTINEL}"`,
    secrets: [SENTINEL, 'SENT\\"IN\\\\EL-9f3a', QUOTED],
  },
  {
    name: 'Qovery ECR secret access key and token',
    op: 'qovery.container_registries.create',
    input: {
      organizationId: '3fa85f64-5717-4562-b3fc-2c963f66afa6',
      name: 'my-registry',
      kind: 'ECR',
      url: 'https://123456789012.dkr.ecr.eu-west-3.amazonaws.com',
      config: { region: 'eu-west-3', access_key_id: `${SENTINEL}-id`, secret_access_key: SENTINEL },
    },
    options: { credentials: { type: 'token', token: `${SENTINEL}-token` } },
    header: ['Authorization', `Token ${SENTINEL}-token`, 'Token ***'],
    body: `"secret_access_key":"${SENTINEL}"`,
  },
  {
    name: 'Qovery Docker Hub password',
    op: 'qovery.container_registries.create',
    input: {
      organizationId: '3fa85f64-5717-4562-b3fc-2c963f66afa6',
      name: 'my-registry',
      kind: 'DOCKER_HUB',
      config: { username: 'me', password: SENTINEL },
    },
    options: { credentials: { type: 'bearer', token: SENTINEL } },
    body: `"password":"${SENTINEL}"`,
  },
  {
    name: 'Qovery GCP JSON credentials',
    op: 'qovery.container_registries.create',
    input: {
      organizationId: '3fa85f64-5717-4562-b3fc-2c963f66afa6',
      name: 'my-registry',
      kind: 'GCP_ARTIFACT_REGISTRY',
      url: 'https://europe-west1-docker.pkg.dev',
      config: { region: 'europe-west1', json_credentials: `{"type":"service_account","private_key":"${SENTINEL}"}` },
    },
    options: { credentials: { type: 'token', token: 'tok' } },
    body: SENTINEL,
  },
  {
    name: 'Huawei AK/SK (signed)',
    op: 'huawei_swr.namespaces.create',
    input: { region: 'cn-north-4', namespace: 'group1' },
    options: {
      credentials: { type: 'access_key', access_key: 'AK', secret_key: SENTINEL },
      timestamp: '2026-11-22T10:15:00Z',
    },
  },
  {
    name: 'NAVER access key (signed)',
    op: 'ncloud.registries.create',
    input: { region: 'KR', registry: 'reg', bucket: 'my-bucket' },
    options: { credentials: { type: 'access_key', access_key: 'AK', secret_key: SENTINEL }, timestamp: 0 },
  },
]

describe('a planned request', () => {
  for (const scenario of SCENARIOS) {
    it(`${scenario.name}: real values in the request, masked in every rendering`, () => {
      const secrets = scenario.secrets ?? [SENTINEL]
      const result = regplan.plan(scenario.op, scenario.input, scenario.options)
      assert.equal(result.ok, true, JSON.stringify(result))
      const { request } = result
      if (scenario.header) {
        const [name, real, masked] = scenario.header
        assert.equal(request.headers[name], real)
        assert.equal(JSON.parse(JSON.stringify(request)).headers[name], masked)
      }
      if (scenario.body) assert.ok(request.body.includes(scenario.body), request.body)
      // What `fetch` and other clients read: own enumerable members, real values.
      assert.deepEqual(Object.keys(request), ['method', 'url', 'headers', 'body', 'defaults_applied', 'warnings', 'preview'])
      const headers = new Headers(request.headers)
      for (const [name, value] of Object.entries(request.headers)) assert.equal(headers.get(name), value)
      const init = new Request(request.url, { method: request.method, headers: request.headers, body: request.body })
      assert.equal(init.headers.get(Object.keys(request.headers)[0]), Object.values(request.headers)[0])
      assert.ok(!Object.keys(request.headers).includes('toJSON'))
      // Renderings for people: the result, the request, its headers, curl.
      assertAbsent(scenario.name, result, secrets)
      assertAbsent(scenario.name, request, secrets)
      for (const secret of secrets) assert.ok(!result.curl.includes(secret), result.curl)
      // A structured clone keeps the real values and nothing else.
      assert.deepEqual(structuredClone(request).headers, { ...request.headers })
    })
  }

  it('reveal_secrets reveals curl only', () => {
    const [scenario] = SCENARIOS
    const result = regplan.plan(scenario.op, scenario.input, { ...scenario.options, reveal_secrets: true })
    assert.ok(result.curl.includes(`APIKey ${SENTINEL}`))
    assert.ok(!JSON.stringify(result.request).includes(SENTINEL))
    assert.ok(!util.inspect(result.request).includes(SENTINEL))
    assert.equal(result.request.headers.Authorization, `APIKey ${SENTINEL}`)
    const masked = regplan.plan(scenario.op, scenario.input, scenario.options)
    assert.deepEqual({ ...masked.request, headers: { ...masked.request.headers } }, { ...result.request, headers: { ...result.request.headers } })
  })

  it('the masked view follows the request as it is now', () => {
    const [scenario] = SCENARIOS
    const { request } = regplan.plan(scenario.op, scenario.input, scenario.options)
    request.url = 'https://proxy.example/registries'
    request.headers['X-Trace'] = 'abc'
    const view = JSON.parse(JSON.stringify(request))
    assert.equal(view.url, 'https://proxy.example/registries')
    assert.equal(view.headers['X-Trace'], 'abc')
    assert.equal(view.headers.Authorization, 'APIKey ***')
  })
})

describe('errors never repeat a secret', () => {
  const OP = 'gcore.registries.create'
  const INPUT = { project_id: 1, region_id: 76, name: 'my-registry-01' }
  const bad = [
    ['credentials as a bare string', { credentials: SENTINEL }],
    ['credentials as a list', { credentials: [SENTINEL] }],
    ['an API key as a number', { credentials: { type: 'api_key', api_key: 90_013_731 } }, ['90013731']],
    ['an API key as a list', { credentials: { type: 'api_key', api_key: [SENTINEL] } }],
    ['an API key with quotes and a stray member', { credentials: { type: 'api_key', api_key: QUOTED, [SENTINEL]: 1 } }, [SENTINEL, QUOTED]],
    ['a credential type that is a secret', { credentials: { type: SENTINEL } }],
    ['an unknown option named like a secret', { [SENTINEL]: 1 }],
    ['a timestamp that is a secret', { credentials: { type: 'api_key', api_key: 'k' }, timestamp: SENTINEL }],
    ['a base_url that is a list', { credentials: { type: 'api_key', api_key: 'k' }, base_url: [SENTINEL] }],
    ['reveal_secrets as a string', { credentials: { type: 'api_key', api_key: 'k' }, reveal_secrets: SENTINEL }],
    ['an API key with a control character', { credentials: { type: 'api_key', api_key: `${SENTINEL}\r\nX: 1` } }],
    ['an API key that is NaN next to a secret', { credentials: { type: 'access_key', access_key: SENTINEL, secret_key: NaN } }],
    ['an API key that is a Date', { credentials: { type: 'api_key', api_key: new Date(0) }, [SENTINEL]: SENTINEL }],
    ['wrong credentials for the provider', { credentials: { type: 'token', token: SENTINEL } }],
    ['a base_url holding a secret', { credentials: { type: 'api_key', api_key: SENTINEL }, base_url: `ftp://${SENTINEL}@x` }],
  ]
  for (const [what, options, secrets = [SENTINEL]] of bad) {
    it(what, () => {
      let caught
      try {
        regplan.plan(OP, INPUT, options)
      } catch (error) {
        caught = error
      }
      assert.ok(caught instanceof RegplanError, `expected a RegplanError, got ${caught}`)
      assertAbsent(what, caught, secrets)
      assertAbsent(what, { message: caught.message, code: caught.code, stack: caught.stack }, secrets)
    })
  }

  it('invalid inputs holding secrets: reports and plan results', () => {
    const cases = [
      ['gcore.users.create', { project_id: 1, region_id: 76, registry_id: 607, name: 'u', duration: 0, secret: `${SENTINEL}\n` }],
      ['gcore.users.create', { project_id: 1, region_id: 76, registry_id: 607, name: 'U', duration: 1, secret: SENTINEL, extra: SENTINEL }],
      [
        'qovery.container_registries.create',
        { organizationId: 'x', name: '', kind: 'DOCKER_HUB', config: { username: 'me', password: 5, secret_access_key: SENTINEL } },
      ],
      [
        'qovery.container_registries.create',
        {
          organizationId: '3fa85f64-5717-4562-b3fc-2c963f66afa6',
          name: 'r',
          kind: 'GCP_ARTIFACT_REGISTRY',
          url: 'https://europe-west1-docker.pkg.dev',
          config: { region: 'europe-west1', json_credentials: `not json ${SENTINEL}` },
        },
      ],
    ]
    for (const [op, input] of cases) {
      const report = regplan.validate(op, input)
      assert.equal(report.valid, false)
      assertAbsent(op, report)
      const result = regplan.plan(op, input, { credentials: { type: 'api_key', api_key: SENTINEL } })
      assert.equal(result.ok, false)
      assertAbsent(op, result)
    }
  })

  it('a value without JSON form next to a secret', () => {
    for (const input of [
      { project_id: NaN, name: SENTINEL },
      { project_id: 1, region_id: 76, name: new Date(0), [SENTINEL]: 1 },
    ]) {
      assert.throws(
        () => regplan.plan('gcore.registries.create', input, { credentials: { type: 'api_key', api_key: SENTINEL } }),
        (error) => {
          assert.equal(error.code, 'unsupported_value')
          assertAbsent('unsupported', error)
          return true
        },
      )
    }
  })
})
