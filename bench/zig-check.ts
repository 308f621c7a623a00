// Zig's own front end on the Live Zig slide (zig-check.wasm): its size, and the time from
// the editor's debounce firing to the marks drawn, for the slide's program edited as a
// reader would (alternately broken and fixed, so the marks change every time). The page
// measures it itself (useZigCheck's performance measure, which also carries the runner's
// instantiate and run times of each check).
// Alone, on a built site: tsx bench/zig-check.ts --dir test-dist --base /talk/ [--edits N] [--record]
// (--record puts its rows in bench/results.json and bench/README.md's table).
import type { Browser, Page } from 'playwright-core'
import type { Site } from './first-load'
import type { BenchResults } from './report'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import process from 'node:process'
import { gzipSync } from 'node:zlib'
import { CHECK_MEASURE } from '../demos/browser/composables/useZigCheck'
import { ZIG_CHECK_PROGRAM } from '../demos/browser/live-zig/zig-check'
import { formatBytes, formatMs, KiB } from '../demos/shared/format'
import { median } from '../demos/shared/workloads'
import { slideWith } from '../tooling/lib/deck-slides'
import { root } from '../tooling/lib/paths.mjs'
import { newBenchContext } from './first-load'
import { updateReadme } from './report'

export const ZIG_CHECK_TARGETS = { gzipBytes: 400 * KiB, ms: 50 }

export interface ZigCheckBench {
  slide: number
  bytes: number
  gzipBytes: number
  edits: number
  /** Debounce fired to marks drawn, one per edit. */
  ms: number[]
  /** The runner's timings of the same checks (instantiating the compiled module, running it). */
  instantiateMs: number[]
  runMs: number[]
}

const p90 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length * 0.9)]

/** Replaces the editor's text as a reader's paste would, and waits for the check of that text. */
async function editAndWait(page: Page, slide: number, code: string, measuresBefore: number): Promise<void> {
  await page.locator(`.slidev-page-${slide} .monaco-editor .view-lines`).click()
  await page.keyboard.press('ControlOrMeta+a')
  await page.keyboard.insertText(code)
  await page.waitForFunction(({ name, n }) => performance.getEntriesByName(name).length > n, { name: CHECK_MEASURE, n: measuresBefore }, { timeout: 30_000 })
}

export async function zigCheckBench(browser: Browser, site: Site, edits = 30): Promise<ZigCheckBench> {
  const bytes = readFileSync(join(site.dir, 'wasm', `${ZIG_CHECK_PROGRAM}.wasm`))
  const slide = await slideWith(/<ZigCheck/)
  const source = readFileSync(join(root, 'zig/src/greet.zig'), 'utf8')
  // The slide's program with an unused local in main: one error, marked on its line.
  const broken = source.replace(/(pub fn main\([^)]*\)[^{]*\{\n)/, '$1    const unused = 42;\n')
  if (broken === source)
    throw new Error('bench: greet.zig has no `pub fn main(…) … {` line to put an unused local after')
  const context = await newBenchContext(browser)
  try {
    const page = await context.newPage()
    await page.goto(`${site.url}${slide}`)
    await page.locator(`.slidev-page-${slide} .zig-check-done`).waitFor({ timeout: 60_000 }) // the first check (loads the module)
    const count = () => page.evaluate(name => performance.getEntriesByName(name).length, CHECK_MEASURE)
    const first = await count()
    for (let i = 0; i < edits; i++)
      await editAndWait(page, slide, i % 2 === 0 ? broken : source, await count())
    const measures = await page.evaluate(name => performance.getEntriesByName(name).map((m) => {
      const detail = (m as PerformanceMeasure).detail as { instantiateMs: number, runMs: number }
      return { ms: m.duration, instantiateMs: detail.instantiateMs, runMs: detail.runMs }
    }), CHECK_MEASURE)
    const warm = measures.slice(first)
    return {
      slide,
      bytes: bytes.length,
      gzipBytes: gzipSync(bytes).length,
      edits: warm.length,
      ms: warm.map(m => m.ms),
      instantiateMs: warm.map(m => m.instantiateMs),
      runMs: warm.map(m => m.runMs),
    }
  }
  finally {
    await context.close()
  }
}

const ms = (value: number) => formatMs(value, 1)

/** The bench table's rows for zig-check. */
export function zigCheckRows(r: ZigCheckBench): Array<Record<string, string>> {
  const t = ZIG_CHECK_TARGETS
  const m = median(r.ms)
  const p = p90(r.ms)
  return [
    { 'figure': 'Live Zig: zig-check.wasm (Zig\'s parser + AstGen; loads on the Live Zig slide)', 'this deck': `${formatBytes(r.bytes)} (${formatBytes(r.gzipBytes)} gzip)`, 'baseline': '', 'ratio': '', 'target': `<= ${formatBytes(t.gzipBytes)} gzip: ${r.gzipBytes <= t.gzipBytes ? 'met' : 'NOT met'}` },
    { 'figure': `Live Zig (slide ${r.slide}): typing pause to zig-check's marks drawn, median`, 'this deck': ms(m), 'baseline': `p90 ${ms(p)}; of a check: instantiate ${ms(median(r.instantiateMs))}, run ${ms(median(r.runMs))} (medians, ${r.edits} edits)`, 'ratio': '', 'target': `<= ${t.ms} ms (median and p90): ${m <= t.ms && p <= t.ms ? 'met' : 'NOT met'}` },
  ]
}

/**
 * Puts this run's rows into bench/results.json (and the README's table), in place of the last
 * ones, without re-running the rest of the bench: `npm run bench` writes them all again.
 */
export function recordZigCheck(r: ZigCheckBench): void {
  const path = join(root, 'bench/results.json')
  const results = JSON.parse(readFileSync(path, 'utf8')) as BenchResults & { zigCheck?: unknown }
  const rows = zigCheckRows(r)
  // Both rows name zig-check; no other row does.
  const kept = results.table.filter(row => !row.figure.includes('zig-check'))
  // After the last Live Zig row, or at the end.
  const after = kept.map(row => row.figure.startsWith('Live Zig')).lastIndexOf(true)
  kept.splice(after < 0 ? kept.length : after + 1, 0, ...rows)
  results.table = kept
  results.zigCheck = { ...r, targets: ZIG_CHECK_TARGETS, recordedAlone: new Date().toISOString() }
  writeFileSync(path, `${JSON.stringify(results, null, 2)}\n`)
  updateReadme(results)
}

if (process.argv[1]?.endsWith('zig-check.ts')) {
  const { chromium } = await import('playwright-core')
  const { findChromium } = await import('../tooling/lib/find-browser.mjs')
  const { serveDist } = await import('../tooling/lib/serve-dist.mjs')
  const { siteFiles } = await import('../tooling/lib/site-files')
  const arg = (name: string) => {
    const i = process.argv.indexOf(name)
    return i > 0 ? process.argv[i + 1] : undefined
  }
  const dir = join(root, arg('--dir') ?? 'dist')
  const server = await serveDist({ dir, base: arg('--base') ?? '/' })
  const executablePath = findChromium()
  const browser = await chromium.launch({ ...(executablePath ? { executablePath } : {}), args: ['--disable-background-networking'] })
  try {
    const result = await zigCheckBench(browser, { dir, url: server.url, files: siteFiles(dir) }, Number(arg('--edits') ?? 30))
    console.table(zigCheckRows(result))
    if (process.argv.includes('--record'))
      recordZigCheck(result)
  }
  finally {
    await browser.close()
    await server.close()
  }
}
