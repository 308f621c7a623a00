// npm run build [-- --base /talk/] [-- --out dir]
// The static site, with the PDF inside it (download: true in slides.md): Slidev
// exports it with Debian's Chromium where present, Playwright's own elsewhere.
import { spawnSync } from 'node:child_process'
import { findChromium, requireFonts } from './find-browser.mjs'

requireFonts('build', "The site's PDF would be blank pages.")

const chromium = findChromium()
const args = ['slidev', 'build', ...(chromium ? ['--executable-path', chromium] : []), ...process.argv.slice(2)]
const { status } = spawnSync('npx', args, { stdio: 'inherit' })
process.exit(status ?? 1)
