// The slide "Preview 1, preview 2 and components": the same input through demo.wasm and
// demo.component.wasm, side by side in the page, each giving node:wasi's bytes.
import type { Page } from '@playwright/test'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import puppeteer from 'puppeteer-core'
import { formatBytes } from '../../demos/shared/format'
import { deckSlides, slideTitled } from '../../tooling/lib/deck-slides'
import { findFirefox } from '../../tooling/lib/find-browser.mjs'
import { killWithParent } from '../../tooling/lib/kill-with-parent.mjs'
import { fileAt, siteFiles } from '../../tooling/lib/site-files'
import { manifestPath, root, runNodeWasi, WASM_URL_DIR } from '../helpers/node-wasi'
import { expect, openSlide, test } from './fixtures'

const slides = await deckSlides()
const TITLE = 'Preview 1, preview 2 and components'
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'))
const component = manifest.components.find((c: { name: string }) => c.name === 'demo')
const files = siteFiles(join(root, 'test-dist'))

function sides(page: Page, no: number) {
  const slide = page.locator(`.slidev-page-${no}`)
  const side = (name: string) => ({
    out: slide.locator(`.cc-col[data-side="${name}"] .cc-out`),
    finished: slide.locator(`.cc-col[data-side="${name}"] .cc-finished`),
    facts: slide.locator(`.cc-col[data-side="${name}"] .cc-facts`),
  })
  return { slide, input: slide.locator('.cc-input'), run: slide.locator('.cc-button'), module: side('module'), component: side('component') }
}

test('the module and the component print node:wasi\'s bytes for the same input, with sizes and imports', async ({ page, problems }) => {
  const no = slideTitled(slides, TITLE)
  await openSlide(page, no)
  const s = sides(page, no)
  // It ran on entering the slide.
  const first = (await runNodeWasi('demo', { stdin: 'Hello, Zig!' })).stdout.toString('utf8')
  await expect(s.module.out).toHaveText(first)
  await expect(s.component.out).toHaveText(first)

  const input = 'WASI 0.2 → 🚀 components'
  await s.input.fill(input)
  await s.run.click()
  const expected = (await runNodeWasi('demo', { stdin: input })).stdout.toString('utf8')
  await expect(s.module.out).toHaveText(expected)
  await expect(s.component.out).toHaveText(expected)
  for (const side of [s.module, s.component]) {
    await expect(side.finished).toContainText('exit code 0')
    await expect(side.finished).toContainText(/start [\d.]+ ms · run [\d.]+ ms/)
  }
  await expect(s.module.facts).toContainText('wasi_snapshot_preview1.fd_read')
  await expect(s.component.facts).toContainText(/wasi:cli\/stdin@0\.2\.\d+/)
  await expect(s.component.facts).toContainText(`${formatBytes(component.bytes)} = module + ${formatBytes(component.adapterBytes)} adapter`)
  await expect(s.component.facts).toContainText(`transpiled JS ${formatBytes(component.transpiled.find((t: { file: string }) => t.file.endsWith('.js')).bytes)}`)
  expect(problems.pageErrors).toEqual([])
  expect(problems.consoleErrors).toEqual([])
  expect(problems.foreignRequests).toEqual([])
})

test('the component files load when the slide comes near, not on slide 1', async ({ page, baseURL }) => {
  const fetched: string[] = []
  page.context().on('request', (request) => {
    const file = fileAt(files, request.url(), baseURL!)
    if (file?.path.includes('component'))
      fetched.push(file.path)
  })
  await openSlide(page, 1)
  await page.waitForTimeout(4500)
  expect(fetched).toEqual([])
  const no = slideTitled(slides, TITLE)
  await openSlide(page, no - 1)
  // The next slide is mounted ahead: its component's core modules, JS and worker are fetched.
  await expect.poll(() => fetched.filter(f => f.startsWith(`${WASM_URL_DIR}/components/demo/`)).length).toBeGreaterThanOrEqual(4)
  await page.keyboard.press('ArrowRight')
  await expect(sides(page, no).component.finished).toContainText('exit code 0')
  expect(fetched.includes(`${WASM_URL_DIR}/components/demo/demo.js`)).toBe(true)
})

// The same slide of the built site in Firefox ESR (SpiderMonkey), which Playwright cannot drive
// here: puppeteer-core drives it over WebDriver BiDi.
test('in Firefox too: the built slide runs the module and the component side by side, each with node:wasi\'s bytes', async ({ baseURL }) => {
  const executablePath = findFirefox()
  test.skip(!executablePath, 'Firefox ESR is not installed (apt-get install -y firefox-esr)')
  test.setTimeout(180_000)
  const no = slideTitled(slides, TITLE)
  const browser = await puppeteer.launch({ browser: 'firefox', executablePath: executablePath!, protocol: 'webDriverBiDi', headless: true, timeout: 60_000 })
  // Puppeteer starts Firefox in its own process group: nothing else ends it if this test dies.
  const watchdog = killWithParent(browser.process()?.pid, { group: true })
  try {
    const page = await browser.newPage()
    await page.setViewport({ width: 1280, height: 720 })
    await page.goto(`${baseURL}${no}`)
    const input = 'SpiderMonkey → 🦊 too'
    const expected = (await runNodeWasi('demo', { stdin: input })).stdout.toString('utf8')
    const cell = (side: string, part: string) => `.slidev-page-${no} .cc-col[data-side="${side}"] .${part}`
    // It ran on entering the slide; then our input, with Run both.
    await page.waitForSelector(cell('component', 'cc-finished'), { timeout: 90_000 })
    await page.locator(`.slidev-page-${no} .cc-input`).fill(input)
    await page.locator(`.slidev-page-${no} .cc-button`).click()
    const outputs = await page.waitForFunction((sel: { module: string, component: string }, want: string) => {
      const text = (s: string) => document.querySelector(s)?.textContent ?? ''
      return text(sel.module) === want && text(sel.component) === want ? [text(sel.module), text(sel.component)] : false
    }, { timeout: 90_000 }, { module: cell('module', 'cc-out'), component: cell('component', 'cc-out') }, expected)
    expect(await outputs.jsonValue()).toEqual([expected, expected])
    for (const side of ['module', 'component'])
      expect(await page.$eval(cell(side, 'cc-finished'), e => e.textContent)).toContain('exit code 0')
  }
  finally {
    await browser.close()
    watchdog?.kill()
  }
})
