// Writes each ```ts block of a README into its own module (readme-1.ts, ...)
// in a directory, so that tsc type-checks the README's examples against the
// installed package: `node readme-blocks.mjs README.md DIR`.
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const [readme, dir] = process.argv.slice(2)
const blocks = [...readFileSync(readme, 'utf8').matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1])
if (blocks.length === 0) throw new Error(`no ts block in ${readme}`)
blocks.forEach((block, i) => writeFileSync(join(dir, `readme-${i + 1}.ts`), `// ${readme}, block ${i + 1}\n${block}`))
console.log(`${blocks.length} README block(s) written to ${dir}`)
