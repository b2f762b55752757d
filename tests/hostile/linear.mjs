// The linear-time workloads (linear.json) for a JavaScript regplan API: the
// addon or wasm in Node (`node tests/hostile/linear.mjs addon|wasm`) and
// wasm in Chromium (bindings-wasm/test/browser.mjs imports `measure`).
// No Node-only imports above the command-line part, so a page can load it.

/** `input` with "$fill" / "$users" expanded to about `bytes` bytes of `piece`. */
function expand(value, piece, bytes) {
  if (value === '$fill') return piece.repeat(Math.floor(bytes / new TextEncoder().encode(piece).length))
  if (value === '$users') {
    return Array.from({ length: Math.floor(bytes / 40) }, (_, i) => ({ name: `user${i}`, duration: 1 }))
  }
  if (Array.isArray(value)) return value.map((item) => expand(item, piece, bytes))
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, expand(item, piece, bytes)]))
  }
  return value
}

/** The best of `runs` timings of `run`, in milliseconds. */
function best(runs, run, now) {
  let fastest = Infinity
  for (let i = 0; i < runs; i += 1) {
    const started = now()
    run()
    fastest = Math.min(fastest, now() - started)
  }
  return fastest
}

/**
 * Every workload's 10 MiB / 1 MiB time ratio; `failures` names the bounds
 * broken. A workload that throws is a failure too (bad input must be a
 * report or a RegplanError, and these are all plain JSON-like values).
 */
export function measure(api, config, now = () => performance.now()) {
  const lines = []
  const ratios = []
  for (const workload of config.workloads) {
    for (const piece of workload.pieces ?? config.pieces) {
      const call = (input) =>
        workload.call === 'plan' ? api.plan(workload.op, input, workload.options) : api.validate(workload.op, input)
      const small = expand(workload.input, piece, config.small)
      const large = expand(workload.input, piece, config.large)
      const ratio = best(config.runs, () => call(large), now) / Math.max(best(config.runs, () => call(small), now), 1e-3)
      ratios.push(ratio)
      lines.push(`${workload.name} ${JSON.stringify(piece)}: ${ratio.toFixed(1)}`)
    }
  }
  ratios.sort((a, b) => a - b)
  const median = ratios[Math.floor(ratios.length / 2)]
  const worst = ratios[ratios.length - 1]
  const failures = []
  if (!(median < config.bounds.median)) failures.push(`median 10 MiB / 1 MiB ratio ${median.toFixed(1)} (bound ${config.bounds.median})`)
  if (!(worst < config.bounds.worst)) failures.push(`worst 10 MiB / 1 MiB ratio ${worst.toFixed(1)} (bound ${config.bounds.worst})`)
  return { lines, median, worst, failures }
}

/** Prints a measurement; true when it kept its bounds. */
export function report(runtime, result, log = console.log) {
  for (const line of result.lines) log(`  ${line}`)
  log(`linear time (${runtime}): 10 MiB / 1 MiB median ${result.median.toFixed(1)}, worst ${result.worst.toFixed(1)}`)
  for (const failure of result.failures) log(`linear time (${runtime}): FAILED ${failure}`)
  return result.failures.length === 0
}

// Command line: node tests/hostile/linear.mjs addon|wasm (REGPLAN_PACKAGE=DIR loads an installed copy).
if (typeof process !== 'undefined' && process.argv?.[1] && import.meta.url.endsWith(process.argv[1].split('/').pop())) {
  const { readFileSync } = await import('node:fs')
  const { createRequire } = await import('node:module')
  const { dirname, resolve } = await import('node:path')
  const { fileURLToPath, pathToFileURL } = await import('node:url')
  const here = dirname(fileURLToPath(import.meta.url))
  const packages = { addon: 'bindings-node', wasm: 'bindings-wasm' }
  const which = process.argv[2]
  if (!packages[which]) {
    console.error('usage: node tests/hostile/linear.mjs addon|wasm')
    process.exit(2)
  }
  const dir = resolve(process.env.REGPLAN_PACKAGE ?? resolve(here, '../..', packages[which]))
  const loaded = await import(pathToFileURL(createRequire(resolve(dir, 'package.json')).resolve(dir)).href)
  const api = loaded.validate ? loaded : loaded.default
  const config = JSON.parse(readFileSync(resolve(here, 'linear.json'), 'utf8'))
  process.exit(report(which, measure(api, config)) ? 0 : 1)
}
