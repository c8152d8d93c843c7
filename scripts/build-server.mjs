// After `next build`: bundles server/index.ts (the latency fast path in front of Next) twice.
//  · dist/server.mjs, for `npm start` in the project: packages load from node_modules.
//  · .next/standalone/server.mjs, inside Next's standalone output, which this script completes
//    with the static files and public/ so that the folder runs anywhere with plain `node`:
//    `node .next/standalone/server.mjs`. Only Next (traced into that folder's node_modules) stays
//    external there; zod and our lib/latency are bundled in.
import { build } from 'esbuild'
import { cpSync, existsSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const standalone = path.join(projectRoot, '.next/standalone')

const common = {
  entryPoints: [path.join(projectRoot, 'server/index.ts')],
  platform: 'node',
  format: 'esm',
  target: 'node20',
  bundle: true,
  sourcemap: true,
  logLevel: 'info',
}

await build({ ...common, outfile: path.join(projectRoot, 'dist/server.mjs'), packages: 'external' })

if (!existsSync(path.join(standalone, '.next/BUILD_ID'))) {
  console.error("No .next/standalone: is `output: 'standalone'` set in next.config.ts and did `next build` run?")
  process.exit(1)
}
await build({ ...common, outfile: path.join(standalone, 'server.mjs'), external: ['next', 'next/*'] })
// Next leaves these out of the standalone folder (a CDN usually serves them); this one serves them itself.
cpSync(path.join(projectRoot, '.next/static'), path.join(standalone, '.next/static'), { recursive: true })
cpSync(path.join(projectRoot, 'public'), path.join(standalone, 'public'), { recursive: true })
console.log('self-contained build: .next/standalone (start it with `node .next/standalone/server.mjs`)')
