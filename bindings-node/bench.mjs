// Per-call cost of the installed addon next to ajv (allErrors) and zod 4, one
// process, contenders interleaved round-robin, median CPU ns per call (this
// process's user + system time, so other work on a shared machine counts
// less than in wall time; bench/run.sh gives the wall-time table):
//
//   node bindings-node/bench.mjs [DIR]
//
// DIR holds `node_modules` with `regplan` (the packed package, installed),
// `ajv` and `zod` (default: the current directory). test.sh does not run
// this; README.md gives the command that installs everything and runs it.
// Every peer must agree with regplan on validity before it is timed.
import { createRequire } from 'node:module'
import path from 'node:path'

const dir = path.resolve(process.argv[2] ?? '.')
const require = createRequire(path.join(dir, 'package.json'))
const regplan = require('regplan')
const optional = (name) => {
  try {
    return require(name)
  } catch {
    return null
  }
}
const Ajv = optional('ajv')
const zod = optional('zod')

const GCORE = 'gcore.registries.create'
const QOVERY = 'qovery.container_registries.create'
const gcoreValid = { project_id: 1, region_id: 76, name: 'my-registry-01', storage_limit: 5 }
// bench/workloads.py uses storage_limit 20; the cost is the same.
const gcoreInvalid = { project_id: 0, region_id: 76, name: '1-Bad-', storage_limit: 0 }
const qoveryValid = {
  organizationId: '3fa85f64-5717-4562-b3fc-2c963f66afa6',
  name: 'production-ecr',
  kind: 'ECR',
  description: 'images of the production cluster',
  url: 'https://123456789012.dkr.ecr.eu-west-3.amazonaws.com',
  config: {
    region: 'eu-west-3',
    access_key_id: 'AKIAIOSFODNN7EXAMPLE',
    secret_access_key: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  },
}
const qoveryInvalid = {
  organizationId: '3fa85f64-5717-4562-b3fc-2c963f66afa',
  name: '',
  kind: 'ECR',
  url: 'http://123456789012.dkr.ecr.eu-west-3.amazonaws.com',
  config: { region: 'eu-west-3', access_key_id: 'AKIAIOSFODNN7EXAMPLE', username: 'me' },
}
// 10,000 gcore inputs, one in ten invalid.
const many = Array.from({ length: 10_000 }, (_, i) =>
  i % 10 === 9 ? { ...gcoreInvalid, region_id: i } : { ...gcoreValid, storage_limit: (i % 1000) + 1 },
)

// Peers: the same gcore rules, hand-written for each.
const NAME = '^[a-z][-a-z0-9]{0,22}[a-z0-9]$'
const peers = {}
if (Ajv) {
  const ajv = new (Ajv.default ?? Ajv)({ allErrors: true })
  const check = ajv.compile({
    type: 'object',
    properties: {
      project_id: { type: 'integer', minimum: 1 },
      region_id: { type: 'integer', minimum: 1 },
      name: { type: 'string', minLength: 3, maxLength: 24, pattern: NAME },
      storage_limit: { type: 'integer', minimum: 1, maximum: 1000 },
    },
    required: ['project_id', 'region_id', 'name'],
    additionalProperties: false,
  })
  peers.ajv = (input) => {
    const ok = check(input)
    return { valid: ok, errors: check.errors ?? [] }
  }
}
if (zod) {
  const z = zod.z ?? zod
  const schema = z.strictObject({
    project_id: z.number().int().min(1),
    region_id: z.number().int().min(1),
    name: z.string().min(3).max(24).regex(new RegExp(NAME)),
    storage_limit: z.number().int().min(1).max(1000).optional(),
  })
  peers.zod = (input) => schema.safeParse(input)
}

function agree(name, call, input, valid) {
  const got = call(input)
  const ok = got.valid ?? got.success
  if (ok !== valid) throw new Error(`${name} disagrees on validity (${ok}, regplan ${valid})`)
}

/** Median ns per call of each contender, batches interleaved round-robin. */
function race(contenders, { rounds = 31, batch = 2000 } = {}) {
  const names = Object.keys(contenders)
  const times = Object.fromEntries(names.map((n) => [n, []]))
  let sink = 0
  for (let round = -3; round < rounds; round += 1) {
    for (const name of names) {
      const fn = contenders[name]
      const start = process.cpuUsage()
      for (let i = 0; i < batch; i += 1) sink ^= fn() ? 1 : 0
      const used = process.cpuUsage(start)
      const ns = ((used.user + used.system) * 1000) / batch
      if (round >= 0) times[name].push(ns)
    }
  }
  if (sink === 2) console.log('')
  return Object.fromEntries(
    names.map((n) => {
      const sorted = times[n].sort((a, b) => a - b)
      return [n, sorted[Math.floor(sorted.length / 2)]]
    }),
  )
}

const rows = []
function row(workload, result) {
  const cells = Object.entries(result).map(([n, ns]) => `${n} ${Math.round(ns).toLocaleString('en')}`)
  rows.push(`| ${workload} | ${cells.join(' · ')} |`)
  console.log(rows.at(-1))
}

for (const [label, input, valid] of [
  ['gcore create valid', gcoreValid, true],
  ['gcore create invalid', gcoreInvalid, false],
]) {
  const contenders = { regplan: () => regplan.validate(GCORE, input) }
  if (contenders.regplan().valid !== valid) throw new Error(`regplan: ${label} is not ${valid}`)
  for (const [name, peer] of Object.entries(peers)) {
    agree(name, peer, input, valid)
    contenders[name] = () => peer(input)
  }
  row(label, race(contenders))
}
for (const [label, input, valid] of [
  ['qovery ECR valid', qoveryValid, true],
  ['qovery ECR invalid', qoveryInvalid, false],
]) {
  if (regplan.validate(QOVERY, input).valid !== valid) throw new Error(`regplan: ${label} is not ${valid}`)
  const contenders = { regplan: () => regplan.validate(QOVERY, input) }
  if (zod) {
    const z = zod.z ?? zod
    const schema = z.object({
      organizationId: z.string().uuid(),
      name: z.string().min(1).max(255),
      kind: z.enum(['ECR', 'DOCKER_HUB']),
      description: z.string().optional(),
      url: z.string().url().startsWith('https://'),
      config: z.strictObject({
        region: z.string().min(1),
        access_key_id: z.string().min(1),
        secret_access_key: z.string().min(1),
      }),
    }).strict()
    agree('zod', (x) => schema.safeParse(x), input, valid)
    contenders.zod = () => schema.safeParse(input)
  }
  row(label, race(contenders))
}
{
  const contenders = {
    'regplan validateMany': () => regplan.validateMany?.(GCORE, many),
    'regplan validate loop': () => many.map((input) => regplan.validate(GCORE, input)),
  }
  for (const [name, peer] of Object.entries(peers)) contenders[name] = () => many.map(peer)
  const result = race(contenders, { rounds: 11, batch: 3 })
  row('10,000 gcore inputs, per input', Object.fromEntries(Object.entries(result).map(([n, ns]) => [n, ns / many.length])))
}
{
  const options = { credentials: { type: 'api_key', api_key: 'k3y' } }
  row('plan gcore create', race({ regplan: () => regplan.plan(GCORE, gcoreValid, options) }))
}
