// The runtime table: the 2023 slide's list with what this machine verified (or why a
// runtime cannot run here), and the comparison with the recorded rows plus this
// browser measured live.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { shortVersion } from '../../demos/browser/view/runtime-rows'
import { NODE20_END_OF_LIFE } from '../../demos/shared/node-releases'
import { deckSlides } from '../../tooling/lib/deck-slides'
import { root } from '../../tooling/lib/paths.mjs'
import { expect, openSlide, test } from './fixtures'

const slides = await deckSlides()
const recorded = JSON.parse(readFileSync(join(root, 'public/runtimes.json'), 'utf8')) as { runtimes: Array<{ id: string, name: string, version: string, component?: boolean, results: Array<{ case: string, cannot?: string }> }> }
// The module rows; a runtimes.json written since the component rows has those too (shown in the details only).
const report = { ...recorded, runtimes: recorded.runtimes.filter(r => !r.component) }
const componentRows = recorded.runtimes.filter(r => r.component)
const version = (id: string) => shortVersion(report.runtimes.find(r => r.id === id)!.version)

test('the 2023 slide: every row reads verified (saying what ran) or why it cannot run here, and this browser live', async ({ page }) => {
  const slide = await openSlide(page, slides.find(s => s.title === 'JS+WASM runtimes')!.no)
  const table = slide.locator('.runtime-table')
  const verified: Array<[string, string[], string?]> = [
    ['AWS Lambda', ['lambda'], 'handler, invoked locally on Node 24'],
    ['Bun', ['bun']],
    ['Cloudflare Workers', ['workerd'], 'in local workerd'],
    ['Pages Functions', ['pages'], '_worker.js in local workerd'],
    ['Deno', ['deno']],
    ['Deno Deploy', ['deno-serve'], 'Deno.serve entry, served locally'],
    ['Node.js 20, 24 and 26', ['node', 'node24', 'node26']],
    ['Chromium, Firefox', ['chromium', 'firefox']],
  ]
  for (const [row, ids, what] of verified) {
    const status = table.locator(`tr[data-runtime="${row}"] .status`)
    await expect(status, row).toHaveClass(/verified/)
    await expect(status, row).toContainText('✓')
    await expect(status, row).toContainText('same bytes')
    for (const id of ids)
      await expect(status, row).toContainText(version(id))
    if (what)
      await expect(status, row).toContainText(what)
  }
  await expect(table.locator('tr[data-runtime="Node.js 20, 24 and 26"] .status')).toContainText(`Node 20 reached end of life on ${NODE20_END_OF_LIFE}`)
  // Fastly Compute: our Zig program on Viceroy when it was measured, else why it is not here.
  const fastly = table.locator('tr[data-runtime="Fastly Compute"] .status')
  if (report.runtimes.some(r => r.id === 'fastly-compute'))
    await expect(fastly).toContainText(`no JS: our Zig program on its host calls, in Viceroy · same bytes`)
  else
    await expect(fastly).toContainText('its JS has no WebAssembly')
  await expect(table.locator('tr[data-runtime="WasmEdge"] .status')).toHaveText(/cannot run here: no registry .* its QuickJS has no WebAssembly/)
  await expect(table.locator('tr[data-runtime="Lagon"] .status')).toHaveText(/went offline on 2024-03-01/)
  await expect(table).not.toContainText('claimed')
  await expect(table).not.toContainText('deployed')
  for (const [label, ids] of [['wasmtime', ['wasmtime']], ['WAMR', ['wamr']]] as const) {
    await expect(table.locator(`.wasm-only [data-runtime="${label}"] + .status`), label).toContainText('✓ ')
    for (const id of ids)
      await expect(table.locator(`.wasm-only [data-runtime="${label}"] + .status`), label).toContainText(version(id))
  }
  // The JVM rows (npm run runtimes:install -- graalvm): verified, with their version, when runtimes.json has them.
  for (const [id, status] of [['graaljs', 'tr[data-runtime="GraalJS + GraalWasm"] .status'], ['graalwasm', '.wasm-only [data-runtime="GraalWasm"] + .status']] as const) {
    if (report.runtimes.some(r => r.id === id)) {
      await expect(table.locator(status), id).toContainText('✓')
      await expect(table.locator(status), id).toContainText(version(id))
    }
  }
  const live = table.locator('tr[data-runtime="live"]')
  await expect(live).toContainText(/This browser: Chromium [\d.]+ \(V8\)/)
  await expect(live.locator('.status')).toContainText('✓ same bytes, live', { timeout: 30_000 })
})

test('the comparison slide on the built site: the recorded rows with bars, plus this browser measured live', async ({ page }) => {
  const slide = await openSlide(page, slides.find(s => s.title === 'Same bytes, every runtime here')!.no)
  // One row per module row of runtimes.json and the live one, in two groups: with JS, and no JS.
  await expect(slide.locator('.runtime-table tr[data-runtime]')).toHaveCount(report.runtimes.length + 1)
  await expect(slide.locator('.runtime-table tbody')).toHaveCount(2)
  for (const r of report.runtimes) {
    const row = slide.locator(`tr[data-runtime="${r.id}"]`)
    await expect(row, r.id).toHaveAttribute('data-state', 'recorded')
    await expect(row.locator('.status'), r.id).toHaveClass(/verified/)
    await expect(row.locator('.timing-bar.start .bar'), r.id).toHaveCount(1)
  }
  await expect(slide.locator('tr[data-runtime="bun"]')).toContainText('JavaScriptCore')
  await expect(slide.locator('tr[data-runtime="firefox"]')).toContainText('SpiderMonkey')
  // No live button on the built site: there is no server to run the runtimes.
  await expect(slide.locator('.live-run')).toHaveCount(0)
  const live = slide.locator('tr[data-runtime="live"]')
  await expect(live).toContainText(/Chromium [\d.]+, live/)
  await expect(live.locator('.status')).toHaveText('✓ live', { timeout: 30_000 })
  await expect(live.locator('.timing-bar.start .value')).toHaveText(/^\d+ ms$/)
  await expect(live.locator('.timing-bar.compute .value')).toHaveText(/^\d+ ms$/)
  await expect(live.locator('.timing-bar.compute .bar')).toHaveCount(1)
})

test('the details slide: every module row with its version; the components slide: the component rows, when runtimes.json has them, with what they cannot run and why', async ({ page }) => {
  const details = await openSlide(page, slides.find(s => s.title === 'Every runtime, in detail')!.no)
  for (const r of report.runtimes)
    await expect(details.locator(`tr[data-runtime="${r.id}"]`), r.id).toHaveCount(1)
  await expect(details.locator('tr[data-runtime$="-component"]')).toHaveCount(0)
  const slide = await openSlide(page, slides.find(s => s.title === 'The components, on every host')!.no)
  if (componentRows.length === 0) {
    await expect(slide.locator('.runtime-components-ready')).toContainText('npm run runtimes adds them')
    return
  }
  for (const r of componentRows) {
    const row = slide.locator(`tr[data-runtime="${r.id}"]`)
    await expect(row.locator('.status'), r.id).toHaveClass(/verified/)
    const cannot = r.results.filter(x => x.cannot).length
    if (cannot)
      await expect(row.locator('.status'), r.id).toContainText(`${cannot} n/a`)
  }
  for (const x of componentRows.flatMap(r => r.results.filter(x => x.cannot)))
    await expect(slide.locator('.component-cannot', { hasText: x.cannot! }), x.case).toContainText(x.case)
})

test('the verdict slide: one line per system the 2023 slide names, ran here with its numbers from runtimes.json, or why not with a source', async ({ page }) => {
  const { VERDICT_ROWS } = await import('../../demos/browser/view/runtime-rows')
  const full = JSON.parse(readFileSync(join(root, 'public/runtimes.json'), 'utf8')) as { runtimes: Array<{ id: string, version: string, timings?: { startMs: number }, results: Array<{ cannot?: string }> }> }
  const slide = await openSlide(page, slides.find(s => s.title === 'The 2023 list, today: a verdict for each')!.no)
  await expect(slide.locator('tr[data-verdict]')).toHaveCount(VERDICT_ROWS.length)
  for (const row of VERDICT_ROWS) {
    const line = slide.locator(`tr[data-verdict="${row.label}"]`)
    const measured = (row.measured ?? []).map(id => full.runtimes.find(r => r.id === id))
    if (row.measured && measured.every(Boolean)) {
      await expect(line, row.label).toHaveAttribute('data-state', 'ran')
      await expect(line, row.label).toContainText('✓ ran here:')
      for (const r of measured) {
        await expect(line, row.label).toContainText(shortVersion(r!.version))
        await expect(line, row.label).toContainText(`start ${r!.timings!.startMs.toFixed(0)} ms`)
      }
      const cannot = measured.reduce((n, r) => n + r!.results.filter(x => x.cannot).length, 0)
      if (cannot)
        await expect(line.locator('.cannot:not(.tried)'), row.label).toContainText('cannot run as node:wasi does')
    }
    else if (!row.measured) {
      await expect(line, row.label).toHaveAttribute('data-state', 'cannot')
      await expect(line.locator(`a[href="${row.source!.href}"]`), row.label).toHaveCount(1)
    }
  }
})
