// Bundles server/index.ts (and the lib/latency it imports) into dist/server.mjs.
// Packages (next, zod) stay external and load from node_modules at run time.
import { build } from 'esbuild'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

await build({
  entryPoints: [path.join(projectRoot, 'server/index.ts')],
  outfile: path.join(projectRoot, 'dist/server.mjs'),
  platform: 'node',
  format: 'esm',
  target: 'node20',
  bundle: true,
  packages: 'external',
  sourcemap: true,
  logLevel: 'info',
})
