// npm run export [-- extra slidev export flags]
// Writes the deck as a PDF (zig-wasi-everywhere.pdf) with Slidev's exporter, using
// Debian's Chromium where present and Playwright's own browser elsewhere.
import { spawnSync } from 'node:child_process'
import { NO_FONTS_MESSAGE, findChromium, hasFonts } from './find-browser.mjs'

if (!hasFonts()) {
  console.error(`export: ${NO_FONTS_MESSAGE} The PDF would be blank pages.`)
  process.exit(1)
}

const chromium = findChromium()
const args = [
  'slidev', 'export',
  '--timeout', '60000',
  ...(chromium ? ['--executable-path', chromium] : []),
  ...process.argv.slice(2),
]
const { status } = spawnSync('npx', args, { stdio: 'inherit' })
process.exit(status ?? 1)
