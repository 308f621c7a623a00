// The WASI 0.2 components against their preview 1 modules, measured in the same run:
// the first run on the components slide freshly opened (the built deck, Chromium), the
// compute and the I/O workloads in Chromium's Web Workers (the harness), and the bytes the
// slide fetches for its component. Part of `npm run bench`; `npm run bench -- --only components`
// measures these rows alone against a built deck (test-dist/ by default) and updates them.
import type { Browser } from 'playwright-core'
import type { SiteFile } from '../tooling/lib/site-files'
import { MEASURE } from '../demos/browser/composables/useComponentCompare'
import { formatBytes, formatMs } from '../demos/shared/format'
import { median, WORKLOADS } from '../demos/shared/workloads'
import { openBrowserHarness } from '../tooling/harness/open-harness'
import { deckSlides, slideTitled } from '../tooling/lib/deck-slides'
import { fileAt } from '../tooling/lib/site-files'

export const COMPONENTS_SLIDE = 'Preview 1, preview 2 and components'
/** What a component may cost against its module (component / module): twice the first run, compute within 10%. */
export const COMPONENT_TARGETS = { firstRun: 2, compute: 1.1 }
const RUNS = 9
const WARMUP = 2

const ms = (v: number) => formatMs(v, 0, 100)
const x = (v: number) => `${v.toFixed(2)}×`
const meets = (ok: boolean) => (ok ? 'met' : 'NOT met')

/** Each side's parts (ms): module { fetchMs, compileMs, instantiateMs, runMs }, component { coresMs, importMs, instantiateMs, runMs }. */
type Parts = Record<'module' | 'component', Record<string, number>>

/** "fetch 6.1 · compile 0.0 · …": the median of each part over the loads. */
function partsLine(runs: Parts[], side: 'module' | 'component'): string {
  const keys = Object.keys(runs[0]?.[side] ?? {})
  return keys.map(k => `${k.replace(/Ms$/, '')} ${median(runs.map(r => r[side][k])).toFixed(1)}`).join(' · ')
}

/** "start 6.00 ms · run 0.00 ms" on a side of the slide: start + run. */
function shownMs(text: string): number {
  const m = /start ([\d.]+) ms · run ([\d.]+) ms/.exec(text)
  if (!m)
    throw new Error(`no timing in "${text}"`)
  return Number(m[1]) + Number(m[2])
}

/** The components slide opened directly, cold: each side's first run as the slide shows it, and what it fetched. */
async function firstRuns(browser: Browser, site: { url: string, files: Map<string, SiteFile> }, loads: number) {
  const no = slideTitled(await deckSlides(), COMPONENTS_SLIDE)
  const runs: Array<{ module: number, component: number, fetched: SiteFile[], parts: Parts }> = []
  for (let i = 0; i < loads; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } })
    const page = await context.newPage()
    const fetched = new Map<string, SiteFile>()
    context.on('request', (request) => {
      const file = fileAt(site.files, request.url(), site.url)
      if (file && /component/.test(file.path))
        fetched.set(file.path, file)
    })
    await page.goto(`${site.url}${no}`)
    const side = (name: string) => page.locator(`.slidev-page-${no} .cc-col[data-side="${name}"] .cc-finished`)
    await side('component').waitFor({ timeout: 60_000 })
    // Where each side's start goes: the marks the slide's composable leaves (useComponentCompare.ts).
    const parts = await page.evaluate(name => Object.fromEntries(performance.getEntriesByType('mark')
      .filter(m => m.name.startsWith(`${name}: `))
      .map(m => [m.name.slice(name.length + 2), (m as PerformanceMark).detail as Record<string, number>])), MEASURE) as Parts
    runs.push({ module: shownMs((await side('module').textContent()) ?? ''), component: shownMs((await side('component').textContent()) ?? ''), fetched: [...fetched.values()], parts })
    await context.close()
  }
  return runs
}

/** The workloads through the module and the component, alternating, in Chromium's Web Workers. */
async function workloads() {
  const harness = await openBrowserHarness()
  try {
    const rows = []
    for (const w of WORKLOADS) {
      const times = { module: [] as number[], component: [] as number[] }
      for (let i = 0; i < WARMUP + RUNS; i++) {
        for (const component of [false, true]) {
          const r = await harness.run({ program: w.program, args: w.args, stdinBytes: w.stdinBytes, component, hashStdout: true })
          if (r.error || r.exitCode !== 0)
            throw new Error(`${component ? 'component' : 'module'} ${w.program}: ${r.error?.message ?? r.exitCode}`)
          if (i >= WARMUP)
            times[component ? 'component' : 'module'].push(r.timings.runMs)
        }
      }
      rows.push({ workload: w.label, program: w.program, moduleMs: median(times.module), componentMs: median(times.component), cpuBound: w.stdinBytes === 0 })
    }
    return { chromium: harness.version, rows }
  }
  finally {
    await harness.close()
  }
}

export async function componentBench(browser: Browser, site: { url: string, files: Map<string, SiteFile> }, progress: (text: string) => void, loads = 7) {
  progress(`components slide opened directly, ${loads} cold loads…`)
  const opened = await firstRuns(browser, site, loads)
  progress('component vs module: the workloads in Chromium…')
  const work = await workloads()
  const first = { moduleMs: median(opened.map(o => o.module)), componentMs: median(opened.map(o => o.component)) }
  const fetched = opened[0].fetched.sort((a, b) => a.path.localeCompare(b.path))
  const fetchedBytes = fetched.reduce((n, f) => n + f.bytes, 0)
  const firstRatio = first.componentMs / first.moduleMs
  const table: Array<Record<string, string>> = [
    { 'figure': `component: first run on the components slide opened directly, load + run (median of ${loads})`, 'this deck': ms(first.componentMs), 'baseline': `${ms(first.moduleMs)} (the module, same page)`, 'ratio': x(firstRatio), 'target': `<= ${COMPONENT_TARGETS.firstRun}×: ${meets(firstRatio <= COMPONENT_TARGETS.firstRun)}` },
    { 'figure': 'component: where that first run goes, ms (median of each part)', 'this deck': partsLine(opened.map(o => o.parts), 'component'), 'baseline': `module: ${partsLine(opened.map(o => o.parts), 'module')}`, 'ratio': '', 'target': 'record' },
    ...work.rows.map((r) => {
      const ratio = r.componentMs / r.moduleMs
      return { 'figure': `component in Chromium: ${r.workload}`, 'this deck': ms(r.componentMs), 'baseline': `${ms(r.moduleMs)} (the module, same run)`, 'ratio': x(ratio), 'target': r.cpuBound ? `<= ${COMPONENT_TARGETS.compute}×: ${meets(ratio <= COMPONENT_TARGETS.compute)}` : 'record' }
    }),
    { 'figure': 'component: files the components slide fetches for it', 'this deck': `${formatBytes(fetchedBytes)} (${fetched.length} files)`, 'baseline': 'slide 1: none (test/e2e/components.spec.ts)', 'ratio': '', 'target': 'record' },
  ]
  return { table, data: { loads, runs: RUNS, chromium: work.chromium, firstRun: first, firstRunParts: opened.map(o => o.parts), workloads: work.rows, fetched: fetched.map(f => ({ path: f.path, bytes: f.bytes })), targets: COMPONENT_TARGETS } }
}
