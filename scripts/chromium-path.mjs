import { existsSync } from 'node:fs'

/**
 * The system Chromium that Playwright drives: CHROMIUM_PATH if set, else Debian's /usr/bin/chromium.
 * Never a downloaded browser (none can be fetched on these machines).
 */
export function resolveChromium() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean)
  const found = candidates.find((candidate) => existsSync(candidate))
  if (!found) {
    throw new Error("No Chromium found: install Debian's package with `sudo apt-get install -y chromium`, or set CHROMIUM_PATH to a Chromium/Chrome binary.")
  }
  return found
}

/** Flags for headless Chromium on a machine with a closed network (see DESIGN.md). */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]
