// Takes screenshots of pages in the system Chromium, for looking at the site as a reader would.
// Usage: node scripts/screenshot.mjs http://127.0.0.1:3000/learn/x out.png [width] [height] [light|dark] [fullPage]
import { chromium } from '@playwright/test'
import { chromiumArgs, resolveChromium } from './chromium-path.mjs'

const [url, out, width = '1280', height = '900', theme = 'light', full = ''] = process.argv.slice(2)
if (!url || !out) {
  console.error('usage: node scripts/screenshot.mjs URL OUT.png [width] [height] [light|dark] [full]')
  process.exit(2)
}
const browser = await chromium.launch({ executablePath: resolveChromium(), args: chromiumArgs })
const page = await browser.newPage({
  viewport: { width: Number(width), height: Number(height) },
  colorScheme: theme === 'dark' ? 'dark' : 'light',
})
page.on('console', (message) => {
  if (message.type() === 'error' || message.type() === 'warning') console.log(`[${message.type()}] ${message.text()}`)
})
page.on('response', (response) => {
  if (response.status() >= 400) console.log(`[${response.status()}] ${response.url()}`)
})
await page.goto(url, { waitUntil: 'load' })
await page.waitForTimeout(500)
await page.screenshot({ path: out, fullPage: full === 'full' })
await browser.close()
console.log(`saved ${out}`)
