// Starts the production server (dist/server.mjs) on a free loopback port for a bench script.
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createServer } from 'node:net'

export async function startProductionServer() {
  if (!existsSync('dist/server.mjs') || !existsSync('.next/BUILD_ID')) {
    throw new Error('No production build: run `npm run build` first.')
  }
  // BENCH_PORT: a port agreed with others sharing the machine; else any free one.
  const port = process.env.BENCH_PORT
    ? Number(process.env.BENCH_PORT)
    : await new Promise((resolve) => {
        const probe = createServer().listen(0, '127.0.0.1', () => {
          const { port: free } = probe.address()
          probe.close(() => resolve(free))
        })
      })
  const child = spawn(process.execPath, ['dist/server.mjs'], { env: { ...process.env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'inherit'] })
  await new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk) => String(chunk).includes('ready') && resolve())
    child.on('exit', (code) => reject(new Error(`server exited with ${code}`)))
  })
  return { origin: `http://localhost:${port}`, stop: () => child.kill() }
}
