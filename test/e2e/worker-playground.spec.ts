// The Worker playground on the slide: edit the real Worker file, run it in the page.
import type { Page } from '@playwright/test'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { deckSlides, slideTitled } from '../../tooling/lib/deck-slides'
import { root, runNodeWasi } from '../helpers/node-wasi'
import { expect, openSlide, test } from './fixtures'

const slides = await deckSlides()
const no = slideTitled(slides, 'The Worker, running in this page')
const workerCode = readFileSync(join(root, 'demos/cloudflare-worker/src/index.js'), 'utf8')

async function open(page: Page) {
  const slide = await openSlide(page, no)
  const pg = slide.locator('.worker-playground')
  // Opened cold on a busy machine, the editor can take several seconds to appear.
  await expect(pg.locator('.view-lines')).toContainText(workerCode.split('\n')[0], { timeout: 60_000 })
  const run = pg.locator('.worker-playground-run')
  const finished = pg.locator('.worker-playground-finished')
  async function setCode(code: string) {
    await pg.locator('.monaco-editor .view-lines').click()
    await page.keyboard.press('ControlOrMeta+a')
    await page.keyboard.press('Delete')
    await page.keyboard.insertText(code)
  }
  return {
    pg,
    run,
    body: pg.locator('.worker-playground-body'),
    finished,
    setCode,
    /** Runs `code` from the editor: the run ends with the error `title`, its message saying `says`. */
    async failsWith(code: string, title: string, says: string) {
      await setCode(code)
      await run.click()
      await expect(finished.locator('.worker-playground-error')).toHaveText(title)
      await expect(finished).toContainText(says)
    },
  }
}

test('the editor holds the Worker file itself, and Run shows the response', async ({ page, problems }) => {
  const p = await open(page)
  // Monaco renders the visible lines only: they are the file's first lines, verbatim.
  // (innerText drops empty lines.)
  // eslint-disable-next-line unicorn/prefer-dom-node-text-content -- the rendered lines, as the reader sees them
  const shown = (await p.pg.locator('.view-lines').innerText()).replace(/\u00A0/g, ' ').split('\n')
  expect(shown.slice(0, 20)).toEqual(workerCode.split('\n').filter(l => l !== '').slice(0, 20))
  await p.body.fill('Edge and browser')
  await p.run.click()
  const expected = (await runNodeWasi('demo', { stdin: 'Edge and browser' })).stdout.toString('utf8')
  await expect(p.finished.locator('.worker-playground-status')).toHaveText('HTTP 200')
  await expect(p.finished.locator('.worker-playground-headers')).toContainText('x-exit-code: 0')
  await expect(p.finished.locator('.worker-playground-response')).toHaveText(expected)
  expect(problems.consoleErrors).toEqual([])
  expect(problems.foreignRequests).toEqual([])
})

test('edit a response header, run, see it; Reset brings the file back', async ({ page }) => {
  const p = await open(page)
  await p.setCode(workerCode.replace(/const headers = \{ (['"])x-exit-code\1: String\(code\) \}/, 'const headers = { "x-exit-code": String(code), "x-runtime": "your browser" }'))
  await p.run.click()
  await expect(p.finished.locator('.worker-playground-headers')).toContainText('x-runtime: your browser')
  await p.pg.locator('.worker-playground-reset').click()
  await p.run.click()
  await expect(p.finished.locator('.worker-playground-headers')).not.toContainText('x-runtime')
})

test('break the code: the error is shown with its line and marked in the editor', async ({ page }) => {
  const p = await open(page)
  await p.failsWith(workerCode.replace('const stdout = new TransformStream()', 'const stdout = new TransformStream('), 'Syntax error', '(line 7)')
  await expect(p.pg.locator('.monaco-editor .squiggly-error').first()).toBeVisible()
})

test('an exception thrown in fetch, and a non-Response, are explained', async ({ page }) => {
  const p = await open(page)
  await p.failsWith(workerCode.replace('const stdout = new TransformStream()', 'const stdout = new TransformStream(); throw new TypeError("nope")'), 'Uncaught exception', 'TypeError: nope (in fetch()) (line 6)')
  await p.failsWith('export default { async fetch() { return 42 } }', 'Not a Response', 'fetch() returned number 42, not a Response')
})

test('an import of another module is refused', async ({ page }) => {
  const p = await open(page)
  await p.failsWith(`import { connect } from "cloudflare:sockets"\n${workerCode}`, 'Import not available', 'Cannot import "cloudflare:sockets"')
})

test('while(true){} times out, and the deck still navigates', async ({ page }) => {
  const p = await open(page)
  await p.setCode(workerCode.replace('const stdout = new TransformStream()', 'while (true) {}'))
  await p.run.click()
  await expect(p.run).toHaveText('Running…')
  await expect(p.finished.locator('.worker-playground-error')).toHaveText('Timed out', { timeout: 10_000 })
  await page.keyboard.press('ArrowRight')
  await expect(page).toHaveURL(new RegExp(`/${no + 1}$`))
})

test('a huge request body gets a clear message', async ({ page }) => {
  const p = await open(page)
  await p.body.evaluate((el: HTMLTextAreaElement) => {
    el.value = 'x'.repeat(17 * 1024 * 1024)
    el.dispatchEvent(new Event('input'))
  })
  await p.run.click()
  await expect(p.finished.locator('.worker-playground-error')).toHaveText('Request body too large')
})
