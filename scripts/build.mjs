// npm run build [-- --base /talk/] [-- --out dir]
// The static site, then its PDF (the deck's download button serves it), printed from the
// site just built (tooling/lib/export-pdf.mjs). The site needs no browser: without a Chromium
// or without fonts the PDF is left out with a one-line note saying how to get it.
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import process from 'node:process'
import { ExportError, exportPdf, pdfName } from '../tooling/lib/export-pdf.mjs'
import { findAnyChromium, hasFonts, NO_CHROMIUM_ADVICE, NO_FONTS_MESSAGE } from '../tooling/lib/find-browser.mjs'
import { leaveOutUnfetchedModules } from '../tooling/lib/site-modules.mjs'

const args = process.argv.slice(2)
/** @param {string} name a flag, given as `--name value` or `--name=value` @param {string} fallback its value when it is not given */
function option(name, fallback) {
  const i = args.indexOf(name)
  return i >= 0 ? args[i + 1] : args.find(a => a.startsWith(`${name}=`))?.slice(name.length + 1) ?? fallback
}
const out = option('--out', 'dist')
const base = option('--base', '/')

const { status } = spawnSync('npx', ['slidev', 'build', ...args], { stdio: 'inherit' })
if (status !== 0)
  process.exit(status ?? 1)
leaveOutUnfetchedModules(out)

const pdf = join(out, pdfName())
const chromium = await findAnyChromium()
if (!chromium || !hasFonts()) {
  const why = chromium ? NO_FONTS_MESSAGE : `no Chromium was found (${NO_CHROMIUM_ADVICE}).`
  console.log(`build: the site is in ${out}/ without its PDF: ${why} Then run npm run build again.`)
  process.exit(0)
}
try {
  const { pages, ms } = await exportPdf({ dir: out, base, output: pdf, executablePath: chromium })
  console.log(`build: ${pdf}, ${pages} pages, printed in ${(ms / 1000).toFixed(1)} s`)
}
catch (e) {
  if (!(e instanceof ExportError))
    throw e
  console.error(`build: the site is in ${out}/, but its PDF failed: ${e.message}`)
  process.exit(1)
}
