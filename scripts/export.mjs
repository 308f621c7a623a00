// npm run export [-- --output file.pdf]
// The deck as a PDF: builds the site into a temporary directory, then prints it in
// Chromium (tooling/lib/export-pdf.mjs): every demo runs and its output is in the PDF.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import process from 'node:process'
import { ExportError, exportPdf, pdfName } from '../tooling/lib/export-pdf.mjs'
import { findAnyChromium, NO_CHROMIUM_ADVICE, requireFonts } from '../tooling/lib/find-browser.mjs'

requireFonts('export', 'The PDF would be blank pages.')
const chromium = await findAnyChromium()
if (!chromium) {
  console.error(`export: no Chromium to print with (${NO_CHROMIUM_ADVICE}).`)
  process.exit(1)
}
const i = process.argv.indexOf('--output')
const output = i > 0 ? process.argv[i + 1] : pdfName()

const site = mkdtempSync(join(tmpdir(), 'deck-export-'))
try {
  const t0 = performance.now()
  const build = spawnSync('npx', ['slidev', 'build', '--out', site, '--base', '/'], { encoding: 'utf8' })
  if (build.status !== 0) {
    console.error(`${build.stdout}${build.stderr}`)
    throw new ExportError('building the site failed (above).')
  }
  const built = performance.now() - t0
  const { pages, ms } = await exportPdf({ dir: site, base: '/', output, executablePath: chromium })
  console.log(`export: ${output}, ${pages} pages (site built in ${(built / 1000).toFixed(1)} s, printed in ${(ms / 1000).toFixed(1)} s)`)
}
catch (e) {
  if (!(e instanceof ExportError))
    throw e
  console.error(`export: ${e.message}`)
  process.exitCode = 1
}
finally {
  rmSync(site, { recursive: true, force: true })
}
