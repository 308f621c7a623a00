// The version slides: today's Zig from the manifest, greet before and after, the
// 0.11-vs-0.17 table from bench/zig-versions.json, and the std-on-WASI rows from
// zig/std-wasi/results.json, as a reader sees them.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { formatBytes } from '../../demos/shared/format'
import { deckSlides } from '../../tooling/lib/deck-slides'
import { manifestPath, root } from '../../tooling/lib/paths.mjs'
import { expect, openSlide, test } from './fixtures'

const slides = await deckSlides()
const slideNo = (title: string) => slides.find(s => s.title === title)!.no
const json = (path: string) => JSON.parse(readFileSync(join(root, path), 'utf8'))
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'))
const versions = json('bench/zig-versions.json')
const stdWasi = json('zig/std-wasi/results.json')

test('today\'s Zig is the one that built the modules, and greet is shown from 0.11 to 0.17', async ({ page }) => {
  const slide = await openSlide(page, slideNo('Zig 0.17 for WASI'))
  await expect(slide.locator('.zig-version')).toHaveText(manifest.zig)
  expect(manifest.zig).toMatch(/^0\.17\./)
  // The diff: the 0.11 lines taken out, today's put in.
  await expect(slide.locator('.line', { hasText: '-    const out = std.io.getStdOut().writer();' })).toHaveCount(1)
  await expect(slide.locator('.line', { hasText: '+pub fn main(init: std.process.Init) !void {' })).toHaveCount(1)
})

test('the measured table shows every module of both builds and mandelbrot\'s times', async ({ page }) => {
  const slide = await openSlide(page, slideNo('Zig 0.11 against 0.17, measured'))
  const table = slide.locator('.zig-versions-table')
  await expect(table.locator('th').nth(1)).toHaveText(`Zig ${versions.old.zig}`)
  await expect(table.locator('th').nth(2)).toHaveText(`Zig ${manifest.zig}`)
  expect(versions.new.zig).toBe(manifest.zig)
  for (const m of versions.modules) {
    const cells = table.locator(`tr[data-module="${m.name}"] td`)
    await expect(cells).toHaveText([m.name, formatBytes(m.old.bytes), formatBytes(m.new.bytes), `${formatBytes(m.old.gzipBytes)} → ${formatBytes(m.new.gzipBytes)}`, `${m.old.imports.length} → ${m.new.imports.length}`])
    // The 0.17 column is the committed module.
    expect(m.new.bytes).toBe(manifest.modules.find((x: { name: string }) => x.name === m.name).bytes)
  }
  await expect(slide.locator('.zig-versions-speed')).toContainText(`node:wasi ${Math.round(versions.mandelbrot.nodeWasiMs.old)} ms → ${Math.round(versions.mandelbrot.nodeWasiMs.new)} ms`)
  await expect(slide.locator('.zig-versions-when')).toContainText(versions.date.slice(0, 10))
})

test('the std-on-WASI slide lists every row with what the compiler or the run said', async ({ page }) => {
  const slide = await openSlide(page, slideNo('What works in Zig std on WASI'))
  for (const row of stdWasi.rows) {
    const shown = slide.locator(`.std-on-wasi-row[data-row="${row.name}"]`)
    if (!row.compiles) {
      await expect(shown).toContainText('does not compile')
      await expect(shown).toContainText(row.compileError.replace(/^.*?error: /, ''))
    }
    else if (row.run.exitCode !== 0) {
      await expect(shown).toContainText('fails at run time')
      await expect(shown).toContainText(row.run.stderr.trim())
    }
    else {
      await expect(shown).toContainText('runs')
      await expect(shown).toContainText(row.run.stdout.trim().split('\n').at(-1))
    }
  }
})
