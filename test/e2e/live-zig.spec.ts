// Live Zig on the built site (no dev server): unedited code runs its prebuilt module;
// edited code is compiled in the page by zig.wasm, the Zig compiler built for
// wasm32-wasi, which loads once and then compiles without fetching anything again.
import type { Page } from '@playwright/test'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { deckSlides, slideTitled } from '../../scripts/lib/deck-slides'
import { root } from '../../scripts/lib/paths.mjs'
import { editAndRun, expect, openSlide, test } from './fixtures'

const slides = await deckSlides()
const no = slideTitled(slides, 'Live Zig: edit, compile, run')
const source = readFileSync(join(root, 'zig/src/greet.zig'), 'utf8')

test.setTimeout(180_000)

const edit = (page: Page, code: string) => editAndRun(page, no, code)

test('unedited code runs its prebuilt module', async ({ page }) => {
  const slide = await openSlide(page, no)
  const output = slide.locator('.slidev-runner-output')
  await expect(output.locator('.live-zig-stdout')).toHaveText('Hello, Node!\nHello, Deno!\nHello, Bun!\nHello, workerd!\nHello, you!\n', { timeout: 20_000 })
  await expect(output).toContainText('prebuilt greet.wasm')
})

test('edited code compiles in the page; a second edit fetches nothing; a type error is marked on its line', async ({ page, problems }) => {
  const compilerRequests: string[] = []
  page.on('request', (r) => {
    if (r.url().includes('/zig-compiler/'))
      compilerRequests.push(r.url())
  })
  const slide = await openSlide(page, no)
  await expect(slide.locator('.monaco-editor .view-lines')).toContainText('greeting', { timeout: 60_000 })
  expect(compilerRequests).toEqual([]) // nothing before the reader asks

  let output = await edit(page, source.replace('const greeting = "Hello";', 'const greeting = "Grüß Gott";'))
  await expect(output.locator('.live-zig-progress')).toContainText(/loading the Zig compiler, [\d.]+ MiB…|compiling/)
  await expect(output.locator('.live-zig-stdout')).toHaveText(/^Grüß Gott, Node!\n(.*\n){3}Grüß Gott, you!\n$/, { timeout: 120_000 })
  await expect(output.locator('.live-zig-info')).toHaveText(/compiled by in-page zig\.wasm \([\d.]+ MiB, Zig 0\.11\.0, self-hosted wasm backend\) in [\d.]+ s, after [\d.]+ s loading it, [\d.]+ KiB; run [\d.]+ ms/)
  expect(compilerRequests.map(u => u.replace(/.*\/zig-compiler\//, '')).sort()).toEqual(['lib.tar', 'manifest.json', 'zig.wasm'])

  const fetched = compilerRequests.length
  output = await edit(page, source.replace('const greeting = "Hello";', 'const greeting = "Servus";'))
  await expect(output.locator('.live-zig-stdout')).toHaveText(/^Servus, Node!\n(.*\n){3}Servus, you!\n$/, { timeout: 60_000 })
  await expect(output.locator('.live-zig-info')).toHaveText(/compiled by in-page zig\.wasm .* in [\d.]+ s, [\d.]+ KiB; run/)
  await expect(output.locator('.live-zig-info')).not.toContainText('loading')
  expect(compilerRequests).toHaveLength(fetched)

  const broken = source.replace('const greeting = "Hello";', 'const greeting: u32 = "Hello";')
  const line = broken.split('\n').findIndex(l => l.includes('const greeting: u32')) + 1
  output = await edit(page, broken)
  await expect(output.locator('.live-zig-errors')).toContainText(`line ${line}, column`, { timeout: 60_000 })
  await expect(output.locator('.live-zig-errors')).toContainText('expected type \'u32\'')
  // The squiggle sits on that line of the editor.
  const squiggle = slide.locator('.monaco-editor .squiggly-error').first()
  await expect(squiggle).toBeVisible()
  const errorLine = slide.locator('.monaco-editor .view-line', { hasText: 'const greeting: u32' })
  const [s, l] = [await squiggle.boundingBox(), await errorLine.boundingBox()]
  expect(Math.abs(s!.y + s!.height / 2 - (l!.y + l!.height / 2))).toBeLessThan(l!.height / 2)
  expect(compilerRequests).toHaveLength(fetched)
  expect(problems.pageErrors).toEqual([])
  expect(problems.foreignRequests).toEqual([])
})
