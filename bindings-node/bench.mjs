// Per-call cost of the addon, measured with mitata:
//   node bindings-node/bench.mjs        (after `npm run build` in bindings-node/)
import { createRequire } from 'node:module'
import { bench, do_not_optimize, group, run } from 'mitata'

const require = createRequire(import.meta.url)
const regplan = require('./regplan.js')

const OP = 'gcore.registries.create'
const valid = { project_id: 1, region_id: 76, name: 'reg-home1', storage_limit: 20 }
const invalid = { project_id: 0, region_id: 76, name: '1-Bad_', colour: 'red' }
const options = { credentials: { type: 'api_key', api_key: 'k3y' } }
const batch = Array.from({ length: 100 }, (_, i) => ({ ...valid, storage_limit: i + 1 }))

group('validate gcore.registries.create', () => {
  bench('validate (valid input)', () => do_not_optimize(regplan.validate(OP, valid)))
  bench('validate (invalid input, 5 errors)', () => do_not_optimize(regplan.validate(OP, invalid)))
  bench('validateField (name)', () => do_not_optimize(regplan.validateField(OP, 'name', 'reg-home1')))
  bench('validateMany (100 inputs)', () => do_not_optimize(regplan.validateMany(OP, batch)))
})

group('plan gcore.registries.create', () => {
  bench('plan (valid input)', () => do_not_optimize(regplan.plan(OP, valid, options)))
})

await run()
