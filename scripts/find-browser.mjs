// pretest: finds a Chromium for Playwright. Debian's /usr/bin/chromium first (CI
// installs it with apt), then Playwright's own download if one is installed.
// Prints the path; exits 1 with what to do when there is none.
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

export function findChromium() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome']
  for (const path of candidates) {
    if (path && existsSync(path))
      return path
  }
  return undefined
}

async function playwrightsOwn() {
  try {
    const { chromium } = await import('playwright-core')
    const path = chromium.executablePath()
    return existsSync(path) ? path : undefined
  }
  catch {
    return undefined
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const path = findChromium() ?? await playwrightsOwn()
  if (!path) {
    console.error('No Chromium found for the browser tests. On Debian/Ubuntu: apt-get install -y chromium; '
      + 'elsewhere: npx playwright install chromium (or set CHROMIUM_PATH).')
    process.exit(1)
  }
  console.log(`browser tests use ${path}`)
}
