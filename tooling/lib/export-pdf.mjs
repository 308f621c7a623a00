// The deck as a PDF, printed from a built site (what `npm run build` wrote), the way a
// reader's browser shows it: one page per slide, every demo run and finished first.
//
// Why not `slidev export`: it prints from a Vite dev server that compiles every module on
// demand and waits for "network idle". On a loaded 2-core machine that took over 60 s,
// timed out, or printed pages whose text had not been drawn yet. A built site loads in a
// few seconds, and this script waits only for what the deck marks done itself
// (`[data-waitfor]`), for every slide to have loaded and for the fonts, then checks the
// PDF it wrote: one page per slide, and text in it. It fails loudly, never silently.
import { spawnSync } from 'node:child_process'
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { PDFDocument } from 'pdf-lib'
import { chromium } from 'playwright-core'
import { serveDist } from './serve-dist.mjs'

/** The PDF's file name: the `download:` line of slides.md (the deck's download button fetches it). */
export function pdfName(slides = 'slides.md') {
  const name = /^download:\s*(\S+\.pdf)\s*$/m.exec(readFileSync(slides, 'utf8'))?.[1]
  if (!name)
    throw new ExportError('slides.md has no `download: <name>.pdf` line to name the PDF')
  return name
}

/** How long one step of printing may take on a busy machine before the export gives up. */
const STEP_TIMEOUT_MS = 120_000

export class ExportError extends Error {}

/**
 * Prints the built site in `dir` (built for `base`) to `output`.
 * Resolves to { pages, ms }; throws ExportError with a one-line reason.
 * @param {{ dir: string, base?: string, output: string, executablePath?: string }} options the built site, its base path, the PDF to write, the Chromium to print with (Playwright's own if none)
 * @returns {Promise<{ pages: number, ms: number }>} the PDF's page count and how long it took
 */
export async function exportPdf({ dir, base = '/', output, executablePath }) {
  const t0 = performance.now()
  const site = await serveDist({ dir, base })
  let browser
  try {
    browser = await chromium.launch({ executablePath, args: ['--disable-background-networking', '--disable-component-update', '--no-first-run'] })
      .catch((e) => {
        throw new ExportError(`could not start Chromium (${executablePath ?? 'Playwright\'s own'}): ${String(e.message).split('\n')[0]}`)
      })
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } })
    const { count, width, height } = await openPrintView(page, `${site.url}print?print=true`)
    const bytes = await printPage(page, { width, height })
    const pdf = await PDFDocument.load(bytes)
    if (pdf.getPageCount() !== count)
      throw new ExportError(`the PDF has ${pdf.getPageCount()} pages for ${count} slides`)
    pdf.setTitle(await page.title())
    pdf.setCreator('npm run export (zig-wasi-everywhere)')
    writeFileSync(output, await pdf.save())
    checkText(output)
    return { pages: count, ms: performance.now() - t0 }
  }
  catch (e) {
    rmSync(output, { force: true })
    if (e instanceof ExportError)
      throw e
    throw new ExportError(String(e instanceof Error ? e.message : e).split('\n')[0])
  }
  finally {
    await browser?.close()
    await site.close()
  }
}

/**
 * Opens Slidev's print view (every slide, one under the other) and waits until it is what the
 * PDF should show: every slide loaded, every demo done, the fonts ready, no slide without text.
 * Resolves to the number of slides and one slide's size; throws ExportError saying what is wrong.
 * @param {import('playwright-core').Page} page a page of the browser that prints
 * @param {string} url the print view's URL
 * @returns {Promise<{ count: number, width: number, height: number }>} the slides' count, one slide's size in CSS px
 */
export async function openPrintView(page, url) {
  /** @type {string[]} */
  const errors = []
  page.on('pageerror', e => errors.push(e.message))
  await page.goto(url, { waitUntil: 'load', timeout: STEP_TIMEOUT_MS })
  const containers = page.locator('.print-slide-container')
  await containers.first().waitFor({ timeout: STEP_TIMEOUT_MS })
  const count = await containers.count()
  // A page is one slide's canvas; Slidev's exporter sizes the viewport to the whole print page.
  const { width, height } = await containers.first().evaluate(e => ({ width: /** @type {HTMLElement} */ (e).offsetWidth, height: /** @type {HTMLElement} */ (e).offsetHeight }))
  await page.setViewportSize({ width, height: height * count })
  await page.waitForFunction(() => document.querySelectorAll('.slidev-slide-loading').length === 0, undefined, { timeout: STEP_TIMEOUT_MS })
    .catch(() => {
      throw new ExportError('some slides were still loading after 2 minutes')
    })
  // Each demo marks itself done: wait for every one, and name the ones that never finish.
  for (const element of await page.locator('[data-waitfor]').all()) {
    const selector = await element.getAttribute('data-waitfor')
    if (!selector)
      continue
    await element.locator(selector).first().waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS }).catch(async () => {
      const where = await element.evaluate(e => e.closest('.print-slide-container')?.querySelector('h1')?.textContent ?? '?')
      throw new ExportError(`the demo on slide "${where.trim()}" did not finish (waited for ${selector})`)
    })
  }
  await page.evaluate(() => document.fonts.ready)
  const blank = await page.evaluate(() => [...document.querySelectorAll('.print-slide-container')]
    // innerText, not textContent: only what is rendered counts.
    // eslint-disable-next-line unicorn/prefer-dom-node-text-content
    .map((c, i) => (/** @type {HTMLElement} */ (c).innerText.trim() ? 0 : i + 1))
    .filter(Boolean))
  if (blank.length)
    throw new ExportError(`slides ${blank.join(', ')} rendered no text`)
  if (errors.length)
    throw new ExportError(`the page threw while printing: ${errors[0]}`)
  // Monaco's screen-reader helper would print as a stray line, and the page break after
  // the last slide as a blank last page.
  await page.addStyleTag({ content: '.monaco-aria-container { display: none !important; } .print-slide-container:last-child { break-after: auto !important; }' })
  await page.emulateMedia({ media: 'screen', colorScheme: 'light' })
  return { count, width, height }
}

/**
 * The print view, as PDF bytes: one page per slide, at the slide's own size.
 * @param {import('playwright-core').Page} page the print view, opened by openPrintView
 * @param {{ width: number, height: number }} size one slide's size in CSS px
 */
export function printPage(page, { width, height }) {
  return page.pdf({
    width: `${width}px`,
    height: `${height}px`,
    margin: { top: 0, right: 0, bottom: 0, left: 0 },
    printBackground: true,
    preferCSSPageSize: true,
  })
}

/**
 * A PDF whose glyphs were never drawn still has its pages: check that it carries text.
 * With pdftotext (poppler-utils) the text is read back; without it, the PDF must at least
 * embed a font.
 * @param {string} file the PDF
 */
function checkText(file) {
  const read = spawnSync('pdftotext', [file, '-'], { encoding: 'utf8' })
  if (!read.error) {
    if (read.status !== 0 || !read.stdout.trim())
      throw new ExportError('the PDF has no text (are fonts installed? Debian: apt-get install -y fonts-dejavu-core fonts-liberation)')
    return
  }
  if (!readFileSync(file).includes('/FontFile'))
    throw new ExportError('the PDF embeds no font, so it has no text (are fonts installed?)')
}
