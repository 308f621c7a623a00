// Live Zig with `npm run dev`: the edited source is compiled by the dev server with
// the project's Zig and run in the page.
import type { Page } from '@playwright/test'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { deckSlides, slideTitled } from '../../tooling/lib/deck-slides'
import { root } from '../helpers/node-wasi'
import { editAndRun, expect, test } from './fixtures'

const slides = await deckSlides()
const no = slideTitled(slides, 'Live Zig: edit, compile, run')
const source = readFileSync(join(root, 'zig/src/greet.zig'), 'utf8')

// The dev server compiles Monaco and the deck on first request: a cold start on a busy machine is slow.
test.setTimeout(240_000)

const edit = (page: Page, code: string) => editAndRun(page, no, code)

test('change a string, run: the dev server compiles it and the page shows the new output', async ({ page, problems }) => {
  await page.goto(String(no))
  await expect(page.locator(`.slidev-page-${no} .monaco-editor .view-lines`)).toContainText('greeting', { timeout: 150_000 })
  const output = await edit(page, source.replace('const greeting = "Hello";', 'const greeting = "Grüß Gott";'))
  await expect(output.locator('.live-zig-stdout')).toHaveText(/^Grüß Gott, Node!\n(.*\n){3}Grüß Gott, you!\n$/, { timeout: 60_000 })
  await expect(output.locator('.live-zig-info')).toHaveText(/compiled by the dev server's Zig \(LLVM\) in [\d.]+ s, [\d.]+ KiB; run [\d.]+ ms/)
  expect(problems.pageErrors).toEqual([])
  expect(problems.foreignRequests).toEqual([])
})

test('a type error comes back with its line', async ({ page }) => {
  await page.goto(String(no))
  await expect(page.locator(`.slidev-page-${no} .monaco-editor .view-lines`)).toContainText('greeting', { timeout: 150_000 })
  const broken = source.replace('const greeting = "Hello";', 'const greeting: u32 = "Hello";')
  const line = broken.split('\n').findIndex(l => l.includes('const greeting: u32')) + 1
  const output = await edit(page, broken)
  await expect(output.locator('.live-zig-errors')).toContainText(`line ${line}, column`, { timeout: 60_000 })
  await expect(output.locator('.live-zig-errors')).toContainText('expected type \'u32\'')
  // and the line is marked in the editor
  await expect(page.locator(`.slidev-page-${no} .monaco-editor .squiggly-error`).first()).toBeVisible()
})

test('a comptime memory bomb ends with the compiler out of its memory, and the deck stays usable', async ({ page }) => {
  await page.goto(String(no))
  await expect(page.locator(`.slidev-page-${no} .monaco-editor .view-lines`)).toContainText('greeting', { timeout: 150_000 })
  const output = await edit(page, readFileSync(join(root, 'test/fixtures/comptime-memory-bomb.zig'), 'utf8'))
  await expect(output.locator('.live-zig-errors')).toHaveText(/the compiler ran out of its 2 GiB of memory/, { timeout: 60_000 })
  const fixed = await edit(page, source)
  await expect(fixed.locator('.live-zig-stdout')).toContainText('Hello, Node!', { timeout: 60_000 })
})
