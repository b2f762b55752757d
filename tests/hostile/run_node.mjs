// The Node runner of the hostile-value catalogue (README.md here), for
// either JavaScript package: builds each case's value natively
// (construct.mjs), calls the package and writes one JSON line per case.
//
//   node tests/hostile/run_node.mjs addon|wasm [CASES [OUT]]
//
// `addon` loads bindings-node (runtime "node", default OUT
// target/hostile/node.jsonl); `wasm` loads bindings-wasm (runtime "wasm",
// target/hostile/wasm.jsonl). REGPLAN_PACKAGE=DIR loads the package from
// DIR instead (an installed copy, e.g. node_modules/regplan). Then:
//
//   python3 tests/hostile/compare.py target/hostile rust node wasm
//
// `--limits` fails the run when the whole catalogue takes more than 60 s
// (every case is refused in milliseconds; a minute means something expanded).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { runInNewContext } from 'node:vm'
import { runCatalogue } from './construct.mjs'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
const args = process.argv.slice(2)
const limits = args.includes('--limits')
const [which, cases = resolve(root, 'tests/hostile/cases.json'), out] = args.filter((a) => a !== '--limits')
const packages = {
  addon: { runtime: 'node', dir: resolve(root, 'bindings-node') },
  wasm: { runtime: 'wasm', dir: resolve(root, 'bindings-wasm') },
}
const chosen = packages[which]
if (!chosen) {
  console.error('usage: node tests/hostile/run_node.mjs addon|wasm [CASES [OUT]] [--limits]')
  process.exit(2)
}
const dir = resolve(process.env.REGPLAN_PACKAGE ?? chosen.dir)
// The package's own entry point (`main`), whether CommonJS or an ES module.
const entry = createRequire(resolve(dir, 'package.json')).resolve(dir)
const loaded = await import(pathToFileURL(entry).href)
const api = loaded.validate ? loaded : loaded.default

/** A plain object made in a fresh realm (its Object.prototype is not ours). */
function realm(members) {
  const object = runInNewContext('({})')
  for (const key of Object.keys(members)) object[key] = members[key]
  return object
}

const catalogue = JSON.parse(readFileSync(cases, 'utf8'))
const started = process.hrtime.bigint()
const lines = runCatalogue(api, catalogue, chosen.runtime, realm)
const seconds = Number(process.hrtime.bigint() - started) / 1e9
const target = resolve(out ?? resolve(root, `target/hostile/${chosen.runtime}.jsonl`))
mkdirSync(dirname(target), { recursive: true })
writeFileSync(target, lines.join('\n') + '\n')
console.error(`hostile (${which}): ${lines.length} cases in ${seconds.toFixed(1)} s -> ${target}`)
if (limits && seconds > 60) {
  console.error(`hostile (${which}): the catalogue took ${seconds.toFixed(1)} s (limit 60 s)`)
  process.exit(1)
}
