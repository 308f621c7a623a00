// npm run export [-- extra slidev export flags]
// Writes the deck as a PDF (zig-wasi-everywhere.pdf) with Slidev's exporter, using
// Debian's Chromium where present and Playwright's own browser elsewhere.
import { spawnSync } from 'node:child_process'
import { findChromium, requireFonts } from './lib/find-browser.mjs'
import process from 'node:process'

requireFonts('export', 'The PDF would be blank pages.')

const chromium = findChromium()
const args = [
  'slidev', 'export',
  '--timeout', '60000',
  ...(chromium ? ['--executable-path', chromium] : []),
  ...process.argv.slice(2),
]
const { status } = spawnSync('npx', args, { stdio: 'inherit' })
process.exit(status ?? 1)
