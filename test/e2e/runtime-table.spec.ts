// The runtime table: the seed's list with what this machine verified, and a live
// row for the browser showing the deck.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { root } from '../helpers/node-wasi'
import { deckSlides, slideTitled } from '../../scripts/lib/deck-slides'
import { expect, openSlide, test } from './fixtures'

const slides = await deckSlides()
const report = JSON.parse(readFileSync(join(root, 'public/runtimes.json'), 'utf8'))
const version = (id: string) => report.runtimes.find((r: { id: string }) => r.id === id).version as string

test('the seed slide lists every runtime, verified ones with their version, and this browser live', async ({ page }) => {
  const slide = await openSlide(page, slideTitled(slides, 'JS+WASM runtimes'))
  const table = slide.locator('.runtime-table')
  for (const [row, id] of [['bun', 'bun'], ['deno', 'deno'], ['workerd', 'workerd'], ['node', 'node']]) {
    const status = table.locator(`tr[data-runtime="${row}"] .status`)
    await expect(status).toHaveClass(/verified/)
    await expect(status).toContainText(`same bytes`)
    await expect(status).toContainText(version(id))
  }
  for (const claimed of ['AWS Lambda and AWS Lambda@Edge', 'Fastly Compute@Edge', 'WasmEdge', 'Lagon'])
    await expect(table.locator(`tr[data-runtime="${claimed}"] .status`)).toHaveText('claimed')
  const live = table.locator('tr[data-runtime="live"]')
  await expect(live).toContainText(/This browser: Chromium [\d.]+ \(V8\)/)
  await expect(live.locator('.status')).toContainText('✓ same bytes, live')
})

test('the comparison slide shows the five measured runtimes and the live row', async ({ page }) => {
  const slide = await openSlide(page, slideTitled(slides, 'Same bytes, five runtimes'))
  const rows = slide.locator('.runtime-table tbody tr')
  await expect(rows).toHaveCount(6)
  for (const id of ['node', 'deno', 'bun', 'workerd', 'chromium'])
    await expect(slide.locator(`tr[data-runtime="${id}"] .status`)).toHaveClass(/verified/)
  await expect(slide.locator('tr[data-runtime="bun"]')).toContainText('JavaScriptCore')
  await expect(slide.locator('tr[data-runtime="live"]')).toContainText(/Chromium [\d.]+, live/)
  await expect(slide.locator('tr[data-runtime="live"] .status')).toHaveText('✓ demo')
})
