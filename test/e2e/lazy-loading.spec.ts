// A reader opening the deck downloads the title slide, not the demos: Monaco, the runner
// and the wasm modules load when a slide that needs them comes near.
import type { Page } from '@playwright/test'
import type { HeavyKind } from '../../tooling/lib/site-files'
import { join } from 'node:path'
import { slideWith } from '../../tooling/lib/deck-slides'
import { fileAt, siteFiles } from '../../tooling/lib/site-files'
import { root } from '../helpers/node-wasi'
import { expect, openSlide, test } from './fixtures'

const files = siteFiles(join(root, 'test-dist'))

/** Records the kind of every heavy file the page (or one of its workers) requests. */
function heavyRequests(page: Page, baseURL: string) {
  const seen: Array<`${HeavyKind}: ${string}`> = []
  page.context().on('request', (request) => {
    const file = fileAt(files, request.url(), baseURL)
    if (file?.kind)
      seen.push(`${file.kind}: ${file.path}`)
  })
  return seen
}

test('the built site has Monaco, runner and wasm files to tell apart', () => {
  const kinds = new Set([...files.values()].map(f => f.kind))
  expect([...kinds].filter(Boolean).sort()).toEqual(['monaco', 'runner', 'wasm'])
})

test('the site holds Monaco\'s editor, not its language workers, TypeScript, or grammars no slide uses', () => {
  const paths = [...files.keys()]
  expect(paths.filter(p => /(?:^|\/)(?:ts|css|html|json)\.worker-[\w-]+\.js$/.test(p))).toEqual([])
  // TypeScript's compiler (3.5 MB) was the largest script of the site; Monaco's editor is now.
  const largest = [...files.values()].filter(f => f.path.endsWith('.js')).sort((a, b) => b.bytes - a.bytes)[0]
  expect(largest.kind, largest.path).toBe('monaco')
  // One of the ~250 Shiki grammars the deck does not use.
  expect(paths.filter(p => /^assets\/cpp-[\w-]+\.js$/.test(p))).toEqual([])
})

test('slide 1 fetches no Monaco, no runner and no wasm, even after Slidev\'s 3 s preload', async ({ page, baseURL, problems }) => {
  const heavy = heavyRequests(page, baseURL!)
  await openSlide(page, 1)
  await page.waitForTimeout(4500)
  expect(heavy).toEqual([])
  expect(problems.pageErrors).toEqual([])
})

test('the demo slide, and the one before it, fetch the runner and the module; the playground slide fetches Monaco', async ({ page, baseURL }) => {
  const heavy = heavyRequests(page, baseURL!)
  const demo = await slideWith(/<WasiRun program="demo"/)
  await openSlide(page, demo - 1)
  // The next slide is mounted ahead: its demo's code is there before the speaker moves on.
  await expect.poll(() => heavy.some(h => h.startsWith('runner:'))).toBe(true)
  await page.keyboard.press('ArrowRight')
  await expect(page.locator(`.slidev-page-${demo} .wasi-run[data-program="demo"] .wasi-run-finished`)).toBeVisible()
  expect(heavy.some(h => h.startsWith('wasm:'))).toBe(true)

  const playground = await slideWith(/<WorkerPlayground/)
  await openSlide(page, playground)
  await expect.poll(() => heavy.some(h => h.startsWith('monaco:'))).toBe(true)
})
