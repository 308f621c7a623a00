// npm run build [-- --base /talk/] [-- --out dir]
// The static site, with the PDF inside it (download: true in slides.md): Slidev
// exports it with Debian's Chromium where present, Playwright's own elsewhere.
import { spawnSync } from 'node:child_process'
import { createServer } from 'node:net'
import { findChromium, requireFonts } from './find-browser.mjs'

requireFonts('build', "The site's PDF would be blank pages.")

/**
 * Slidev serves the built site on this fixed port while it prints the PDF: a second
 * build (or an export) on the same machine at that moment fails with EADDRINUSE.
 */
const SLIDEV_BUILD_PORT = 12445
const PORT_WAIT_MS = 180_000

function portFree(port) {
  return new Promise((resolve) => {
    const probe = createServer()
    probe.once('error', () => resolve(false))
    probe.listen(port, () => probe.close(() => resolve(true)))
  })
}

async function waitForPort() {
  const started = Date.now()
  let told = false
  while (!(await portFree(SLIDEV_BUILD_PORT))) {
    if (Date.now() - started > PORT_WAIT_MS) {
      console.error(`build: port ${SLIDEV_BUILD_PORT} stayed busy for ${PORT_WAIT_MS / 1000} s (another Slidev build is printing its PDF); try again when it is done.`)
      process.exit(1)
    }
    if (!told)
      console.log(`build: waiting for port ${SLIDEV_BUILD_PORT}, which another Slidev build is using to print its PDF…`)
    told = true
    await new Promise(resolve => setTimeout(resolve, 500))
  }
}

const chromium = findChromium()
const args = ['slidev', 'build', ...(chromium ? ['--executable-path', chromium] : []), ...process.argv.slice(2)]
for (let attempt = 1; ; attempt++) {
  await waitForPort()
  const { status, stderr } = spawnSync('npx', args, { stdio: ['inherit', 'inherit', 'pipe'], encoding: 'utf8' })
  process.stderr.write(stderr ?? '')
  // The port was taken between the check and Slidev's listen: once more.
  if (status !== 0 && attempt < 3 && stderr?.includes(`EADDRINUSE`) && stderr.includes(String(SLIDEV_BUILD_PORT)))
    continue
  process.exit(status ?? 1)
}
