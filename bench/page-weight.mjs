// Prints the first-load JavaScript and render-blocking CSS of pages (gzip), as a browser downloads
// them on a cold visit.
// Usage: npm run build, then `node bench/page-weight.mjs [paths…]` (it starts the server itself).
import { firstLoadBudgets, measureFirstLoadJs } from '../scripts/first-load-js.mjs'
import { measureRenderBlockingCss } from '../scripts/render-blocking-css.mjs'
import { startProductionServer } from './server-process.mjs'

const paths = process.argv.slice(2).length
  ? process.argv.slice(2)
  : ['/', '/learn/what-is-concurrency', '/learn/io-synchronous', '/learn/cpu-bound', '/learn/race-conditions', '/lab']
const server = await startProductionServer()
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`
try {
  console.log('page                                   scripts     raw JS    gzip JS  inline (gzip)   budget      CSS sheets   CSS gzip')
  for (const path of paths) {
    const result = await measureFirstLoadJs(server.origin, path)
    const budget = path === '/lab' ? firstLoadBudgets.lab : path === '/' ? firstLoadBudgets.home : firstLoadBudgets.chapter
    const css = await measureRenderBlockingCss(server.origin, path)
    console.log(
      `${path.padEnd(38)} ${String(result.files).padStart(7)} ${kb(result.raw).padStart(10)} ${kb(result.gzip).padStart(10)} ${kb(result.inlineGzip).padStart(12)}   ${result.gzip <= budget ? 'within' : 'OVER'} ${kb(budget)}` +
        `${String(css.files).padStart(12)} ${kb(css.gzip).padStart(10)}`,
    )
  }
} finally {
  server.stop()
}
