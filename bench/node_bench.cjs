'use strict'
// Node side of bench/run.sh: the packed addon (`regplan`) and the packed wasm
// (`regplan-wasm`) side by side against ajv (allErrors), zod 4 and a
// hand-written check, interleaved round-robin in one process. Packages
// resolve from the node project given (target/bench/node), not the source tree.
//
//   node bench/node_bench.cjs NODE_PROJECT WORKLOADS.json OUT.json [--quick]
const fs = require('node:fs')
const path = require('node:path')
const { createRequire } = require('node:module')
const { spawn } = require('node:child_process')

const GCORE = 'gcore.registries.create'
const QOVERY = 'qovery.container_registries.create'
const MAX_SAFE = Number.MAX_SAFE_INTEGER

const [mode] = process.argv.slice(2)
const projectDir = mode === '--graph-child' ? process.argv[3] : process.argv[2]
const req = createRequire(path.join(path.resolve(projectDir), 'package.json'))
const addon = req('regplan')
const wasm = req('regplan-wasm')
const Ajv = req('ajv').default
const Ajv2020 = req('ajv/dist/2020').default
const { z } = req('zod')

// ---------------------------------------------------------------- peers ----
const NAME_RE = /^[a-z][-a-z0-9]{0,22}[a-z0-9]$/
const UUID_RE = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/
const URL_RE = /^https:\/\/[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?(?::[0-9]{1,5})?(?:[/?#][!-~]*)?$/
const KINDS = ['ECR', 'SCALEWAY_CR', 'DOCKER_HUB', 'GITHUB_CR', 'GITHUB_ENTERPRISE_CR', 'GITLAB_CR',
  'PUBLIC_ECR', 'GENERIC_CR', 'GCP_ARTIFACT_REGISTRY', 'AZURE_CR']
const CONFIG_STRINGS = ['access_key_id', 'secret_access_key', 'region', 'scaleway_access_key',
  'scaleway_secret_key', 'scaleway_project_id', 'json_credentials', 'username', 'password', 'role_arn',
  'azure_tenant_id', 'azure_subscription_id', 'project_id', 'service_account_email',
  'workload_identity_provider_resource']
const ECR_KEYS = new Set(['access_key_id', 'secret_access_key', 'region', 'role_arn'])
const CONFIG_KEYS = new Set([...CONFIG_STRINGS, 'gcp_credentials_type', 'token_lifetime_seconds'])
const KIND_SET = new Set(KINDS)
const GCORE_KEYS = new Set(['project_id', 'region_id', 'name', 'storage_limit'])
const QOVERY_KEYS = new Set(['organizationId', 'name', 'kind', 'description', 'url', 'config'])

const intIn = (v, lo, hi) => Number.isInteger(v) && v >= lo && v <= hi
const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v)
const has = (o, k) => Object.prototype.hasOwnProperty.call(o, k)

function handGcore(d) {
  if (!isObject(d)) return [['', 'type']]
  const errors = []
  for (const key of ['project_id', 'region_id']) {
    if (!has(d, key)) errors.push([key, 'required'])
    else if (!intIn(d[key], 1, MAX_SAFE)) errors.push([key, 'integer'])
  }
  const name = d.name
  if (name === undefined) errors.push(['name', 'required'])
  else if (typeof name !== 'string' || !NAME_RE.test(name)) errors.push(['name', 'pattern'])
  if (has(d, 'storage_limit') && !intIn(d.storage_limit, 1, 1000)) errors.push(['storage_limit', 'range'])
  for (const key in d) if (!GCORE_KEYS.has(key)) errors.push([key, 'unknown'])
  return errors
}

function handQovery(d) {
  if (!isObject(d)) return [['', 'type']]
  const errors = []
  if (typeof d.organizationId !== 'string' || !UUID_RE.test(d.organizationId)) errors.push(['organizationId', 'uuid'])
  if (typeof d.name !== 'string' || d.name === '') errors.push(['name', 'non_empty'])
  const kind = d.kind
  if (!KIND_SET.has(kind)) errors.push(['kind', 'enum'])
  if (has(d, 'description') && typeof d.description !== 'string') errors.push(['description', 'type'])
  const url = d.url
  if (url !== undefined && (typeof url !== 'string' || !URL_RE.test(url))) errors.push(['url', 'https_url'])
  for (const key in d) if (!QOVERY_KEYS.has(key)) errors.push([key, 'unknown'])
  const config = d.config
  if (!isObject(config)) {
    errors.push(['config', 'object'])
    return errors
  }
  for (const key in config) {
    const value = config[key]
    if (!CONFIG_KEYS.has(key)) errors.push(['config/' + key, 'unknown'])
    else if (key === 'token_lifetime_seconds') { if (!intIn(value, 1, 2147483647)) errors.push(['config/' + key, 'range']) }
    else if (key === 'gcp_credentials_type') { if (value !== 'workload_identity_federation') errors.push(['config/' + key, 'enum']) }
    else if (typeof value !== 'string' || value === '') errors.push(['config/' + key, 'non_empty'])
  }
  if (kind === 'ECR') {
    if (url === undefined) errors.push(['url', 'required'])
    if (!has(config, 'region')) errors.push(['config/region', 'required'])
    for (const key in config) if (CONFIG_KEYS.has(key) && !ECR_KEYS.has(key)) errors.push(['config/' + key, 'forbidden'])
    const pair = has(config, 'access_key_id') + has(config, 'secret_access_key')
    if (pair === 1) errors.push(['config', 'pair'])
    if ((pair > 0) === has(config, 'role_arn')) errors.push(['config', 'one_of'])
  }
  return errors
}

const nonEmpty = z.string().min(1).optional()
const zodGcore = z.strictObject({
  project_id: z.int().min(1).max(MAX_SAFE),
  region_id: z.int().min(1).max(MAX_SAFE),
  name: z.string().regex(NAME_RE),
  storage_limit: z.int().min(1).max(1000).optional(),
})
const zodConfig = z.strictObject({
  ...Object.fromEntries(CONFIG_STRINGS.map((k) => [k, nonEmpty])),
  gcp_credentials_type: z.literal('workload_identity_federation').optional(),
  token_lifetime_seconds: z.int().min(1).max(2147483647).optional(),
})
const zodQovery = z.strictObject({
  organizationId: z.string().regex(UUID_RE),
  name: z.string().min(1),
  kind: z.enum(KINDS),
  description: z.string().optional(),
  url: z.string().regex(URL_RE).optional(),
  config: zodConfig,
}).superRefine((d, ctx) => {
  if (d.kind !== 'ECR') return
  const c = d.config
  const issue = (message, p) => ctx.addIssue({ code: 'custom', message, path: p })
  if (d.url === undefined) issue('url is required for ECR', ['url'])
  if (!has(c, 'region')) issue('required for ECR', ['config', 'region'])
  for (const key in c) if (!ECR_KEYS.has(key)) issue('not used by ECR', ['config', key])
  const pair = has(c, 'access_key_id') + has(c, 'secret_access_key')
  if (pair === 1) issue('access_key_id and secret_access_key go together', ['config'])
  if ((pair > 0) === has(c, 'role_arn')) issue('set access keys or role_arn', ['config'])
})

// Contenders: column -> { op: [call, isValid] }.
function contenders() {
  const hand = JSON.parse(fs.readFileSync(path.join(__dirname, 'schemas.json'), 'utf8'))
  const ajv = new Ajv({ allErrors: true, strict: false })
  const ajv2020 = new Ajv2020({ allErrors: true, strict: false })
  const ajvCheck = (validate) => [(x) => (validate(x) ? null : validate.errors), (r) => r === null]
  const reportValid = (r) => r.valid === true
  const ops = [GCORE, QOVERY]
  const out = {}
  out['regplan addon'] = Object.fromEntries(ops.map((op) => [op, [(x) => addon.validate(op, x), reportValid]]))
  out['regplan wasm'] = Object.fromEntries(ops.map((op) => [op, [(x) => wasm.validate(op, x), reportValid]]))
  out['ajv (hand schema)'] = Object.fromEntries(ops.map((op) => [op, ajvCheck(ajv.compile(hand[op]))]))
  out['ajv (schema(op))'] = Object.fromEntries(ops.map((op) => [op, ajvCheck(ajv2020.compile(addon.schema(op)))]))
  out['zod 4'] = {
    [GCORE]: [(x) => zodGcore.safeParse(x), (r) => r.success],
    [QOVERY]: [(x) => zodQovery.safeParse(x), (r) => r.success],
  }
  out['hand-written'] = {
    [GCORE]: [handGcore, (r) => r.length === 0],
    [QOVERY]: [handQovery, (r) => r.length === 0],
  }
  return out
}

// --------------------------------------------------------------- timing ----
let sink = 0
const now = () => process.hrtime.bigint()

function repeat(call, x) {
  return (n) => {
    let s = 0
    for (let i = 0; i < n; i++) if (call(x) === undefined) s++
    sink += s
  }
}

function timeBatch(batch, n) {
  const t0 = now()
  batch(n)
  return Number(now() - t0)
}

function calibrate(batch, targetNs) {
  let n = 1
  for (;;) {
    const t = timeBatch(batch, n)
    if (t >= targetNs / 4 || n >= 1 << 24) return Math.max(1, Math.round((n * targetNs) / Math.max(t, 1)))
    n *= 4
  }
}

const median = (v) => {
  const s = [...v].sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2
}

function roundRobin(batches, rounds) {
  const names = Object.keys(batches)
  const samples = Object.fromEntries(names.map((n) => [n, []]))
  for (let r = 0; r < rounds; r++) {
    for (let i = 0; i < names.length; i++) {
      const name = names[(r + i) % names.length]
      const [batch, n, per] = batches[name]
      samples[name].push(timeBatch(batch, n) / (n * per))
    }
  }
  return Object.fromEntries(names.map((n) => [n, median(samples[n])]))
}

// ----------------------------------------------- shared-reference graph ----
const GRAPH_CASES = { project_id: GCORE, users: 'gcore.users.create_multiple' }

function graphChild(variant, kase, depth) {
  const lib = variant === 'addon' ? addon : wasm
  let x = [1]
  for (let i = 0; i < depth; i++) x = [x, x]
  const value = kase === 'project_id'
    ? { project_id: x, region_id: 76, name: 'my-registry' }
    : { project_id: 1, region_id: 76, registry_id: 1, users: x }
  if (global.gc) global.gc()
  const before = process.memoryUsage().rss
  const times = []
  let outcome = null
  for (let i = 0; i < 5; i++) {
    const t0 = now()
    try {
      const r = lib.validate(GRAPH_CASES[kase], value)
      outcome = r.valid ? 'accepted as valid' : `invalid: ${r.errors[0].code} ${r.errors[0].path}`
    } catch (e) {
      outcome = `${e && e.name}${e && e.code ? ` (${e.code})` : ''}: ${String(e && e.message).slice(0, 100)}`
    }
    times.push(Number(now() - t0))
    if (times[times.length - 1] > 1e9) break
  }
  const after = process.memoryUsage().rss
  process.stdout.write(JSON.stringify({
    ms: median(times) / 1e6, first_ms: times[0] / 1e6, rss_growth_mb: (after - before) / 2 ** 20,
    outcome, refused: !outcome.startsWith('accepted'),
  }) + '\n')
}

function rssMb(pid) {
  try {
    const m = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))
    return m ? Number(m[1]) / 1024 : 0
  } catch { return 0 }
}

function runGraph(variant, kase, depth, timeoutS, capMb) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--expose-gc', __filename, '--graph-child', projectDir, variant, kase, String(depth)],
      { stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    let err = ''
    child.stdout.on('data', (d) => { out += d })
    child.stderr.on('data', (d) => { err += d })
    const start = Date.now()
    let peak = 0
    let status = null
    const timer = setInterval(() => {
      peak = Math.max(peak, rssMb(child.pid))
      const elapsed = (Date.now() - start) / 1000
      if (elapsed > timeoutS) status = `no answer within ${timeoutS} s (killed)`
      else if (peak > capMb) status = `RSS over ${capMb} MB after ${elapsed.toFixed(1)} s (killed)`
      if (status) child.kill('SIGKILL')
    }, 10)
    child.on('close', (code, signal) => {
      clearInterval(timer)
      const line = out.trim().split('\n').pop()
      if (!status && code === 0 && line) {
        const r = JSON.parse(line)
        r.status = r.refused ? 'refused' : 'accepted'
        resolve(r)
      } else {
        resolve({ status: status || `crashed (exit ${code}${signal ? `, ${signal}` : ''}): ${err.trim().slice(-200)}`,
          refused: false, ms: null, rss_growth_mb: peak, outcome: null })
      }
    })
  })
}

// ----------------------------------------------------------------- main ----
async function main() {
  if (mode === '--graph-child') {
    graphChild(process.argv[4], process.argv[5], Number(process.argv[6]))
    return
  }
  const workloads = JSON.parse(fs.readFileSync(process.argv[3], 'utf8'))
  const outPath = process.argv[4]
  const quick = process.argv.includes('--quick')
  const rounds = quick ? 5 : 100
  const targetNs = quick ? 1e6 : 4e6
  const mixedRounds = quick ? 2 : 20
  for (const [name, lib] of [['regplan', addon], ['regplan-wasm', wasm]]) {
    const where = req.resolve(name)
    if (!where.includes(`${path.sep}node_modules${path.sep}`)) throw new Error(`${name} not from node_modules: ${where}`)
    void lib
  }

  const peers = contenders()
  const columns = Object.keys(peers)
  const mixed = workloads.mixed
  const expected = mixed.inputs.map((x) => addon.validate(mixed.op, x).valid)
  for (const [name, byOp] of Object.entries(peers)) {
    for (const w of workloads.single) {
      const [call, isValid] = byOp[w.op]
      const got = Boolean(isValid(call(w.input)))
      if (got !== w.valid) throw new Error(`${name} says valid=${got} for ${w.key}, expected ${w.valid}`)
    }
    const [call, isValid] = byOp[mixed.op]
    mixed.inputs.forEach((x, i) => {
      const got = Boolean(isValid(call(x)))
      if (got !== expected[i]) {
        throw new Error(`${name} disagrees with regplan on mixed input ${i}: ${JSON.stringify(x)} (regplan valid=${expected[i]})`)
      }
    })
  }
  console.log(`node: every peer agrees with regplan on ${workloads.single.length} inputs and ${mixed.inputs.length} mixed inputs`)

  const rows = []
  for (const w of workloads.single) {
    const batches = {}
    for (const [name, byOp] of Object.entries(peers)) {
      const b = repeat(byOp[w.op][0], w.input)
      batches[name] = [b, calibrate(b, targetNs), 1]
    }
    const ns = roundRobin(batches, rounds)
    rows.push({ key: w.key, label: w.label, ns })
    console.log(`  ${w.label}: ` + Object.entries(ns).map(([k, v]) => `${k} ${Math.round(v)}`).join(', '))
  }

  const inputs = mixed.inputs
  const count = inputs.length
  const batches = {}
  const hasWasmMany = typeof wasm.validateMany === 'function'
  batches['addon validateMany'] = [(n) => { for (let i = 0; i < n; i++) sink += addon.validateMany(mixed.op, inputs).length }, 1, count]
  if (hasWasmMany) {
    batches['wasm validateMany'] = [(n) => { for (let i = 0; i < n; i++) sink += wasm.validateMany(mixed.op, inputs).length }, 1, count]
  }
  for (const [name, byOp] of Object.entries(peers)) {
    const call = byOp[mixed.op][0]
    batches[name] = [(n) => {
      for (let i = 0; i < n; i++) for (let j = 0; j < count; j++) if (call(inputs[j]) === undefined) sink++
    }, 1, count]
  }
  const ns = roundRobin(batches, mixedRounds)
  const loopRow = Object.fromEntries(columns.map((c) => [c, ns[c]]))
  const manyRow = { ...loopRow, 'regplan addon': ns['addon validateMany'], 'regplan wasm': hasWasmMany ? ns['wasm validateMany'] : null }
  rows.push({ key: 'mixed_loop', label: `${count.toLocaleString('en-US')} mixed gcore, per input (loop of validate)`, ns: loopRow })
  rows.push({ key: 'mixed_many', label: `${count.toLocaleString('en-US')} mixed gcore, per input (validateMany)`, ns: manyRow })
  console.log(`  mixed: addon validateMany ${Math.round(ns['addon validateMany'])}, loop ${Math.round(ns['regplan addon'])}; wasm ${hasWasmMany ? 'validateMany ' + Math.round(ns['wasm validateMany']) + ', ' : '(no validateMany), '}loop ${Math.round(ns['regplan wasm'])}`)

  for (const p of workloads.plans) {
    const options = { credentials: p.credentials, timestamp: p.timestamp }
    const batches = {}
    for (const [name, lib] of [['regplan addon', addon], ['regplan wasm', wasm]]) {
      const r = lib.plan(p.op, p.input, options)
      const [header, value] = p.expect_header
      if (!r.ok || r.request.headers[header] !== value) {
        throw new Error(`${name} ${p.op}: ${header} is ${JSON.stringify(r.ok ? r.request.headers[header] : r)}, expected ${value}`)
      }
      const b = repeat((x) => lib.plan(p.op, x, options), p.input)
      batches[name] = [b, calibrate(b, targetNs), 1]
    }
    const ns = roundRobin(batches, rounds)
    const label = p.key === 'plan_ncloud' ? 'plan + sign NAVER (ncloud.registries.create)' : 'plan + sign Huawei (huawei_swr.namespaces.create)'
    rows.push({ key: p.key, label, ns })
    console.log(`  ${label}: ` + Object.entries(ns).map(([k, v]) => `${k} ${Math.round(v)}`).join(', '))
  }

  const graph = []
  for (const variant of ['addon', 'wasm']) {
    for (const kase of Object.keys(GRAPH_CASES)) {
      const r = await runGraph(variant, kase, workloads.graph.depth, 10, 2048)
      Object.assign(r, { variant: `regplan ${variant}`, case: kase })
      graph.push(r)
      console.log(`  graph ${variant} (${kase}): ${r.status} ${r.ms} ms, ${r.rss_growth_mb.toFixed(1)} MB: ${r.outcome}`)
    }
  }

  const version = (name) => JSON.parse(fs.readFileSync(req.resolve(`${name}/package.json`), 'utf8')).version
  fs.writeFileSync(outPath, JSON.stringify({
    language: 'Node',
    runtime: `Node ${process.version}`,
    columns,
    regplan_columns: ['regplan addon', 'regplan wasm'],
    rows,
    graph,
    notes: hasWasmMany ? [] : ['regplan-wasm exports no validateMany: its validateMany row is empty'],
    versions: { regplan: version('regplan'), 'regplan-wasm': version('regplan-wasm'), ajv: version('ajv'), zod: version('zod') },
    rounds,
    sink,
  }, null, 1))
}

main().catch((e) => { console.error(e); process.exit(1) })
