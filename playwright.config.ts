import { defineConfig } from '@playwright/test'
import { chromiumArgs, resolveChromium } from './scripts/chromium-path.mjs'

const port = Number(process.env.E2E_PORT ?? 3100)

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  // Two cores here: two workers keep the server responsive while tests run.
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  reporter: [['list'], ['json', { outputFile: '.reports/playwright.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: { executablePath: resolveChromium(), args: chromiumArgs },
    trace: 'off',
  },
  projects: [
    { name: 'chromium', testMatch: /\.spec\.ts$/ },
    // Timing-sensitive checks: after everything else, one at a time.
    { name: 'timing', testMatch: /\.timing\.ts$/, dependencies: ['chromium'], fullyParallel: false },
  ],
  webServer: {
    // The production build, served the way `npm start` serves it.
    command: `node dist/server.mjs`,
    env: { PORT: String(port), HOSTNAME: '127.0.0.1' },
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
})
