// npm run bench: what the deck costs, against baselines measured in the same run.
//   1. the runner against node:wasi (Node and Chromium);
//   2. click on Run to output on screen, warm, in Chromium;
//   3. first load of the built site against a stock Slidev deck built here and now,
//      and a check that slide 1 fetches no Monaco, no runner and no wasm;
//   4. module sizes against the Worker limits, the Worker upload, the site's size;
//   5. `npm run build` and `npm run export` wall times.
// Prints a table, writes bench/results.json. A script, not a test: it asserts no time.
// `--runs N` sets the number of cold loads per deck (default 15).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from 'playwright-core'
import { findChromium } from '../scripts/lib/find-browser.mjs'
import { serveDist } from '../scripts/lib/serve-dist.mjs'
import { slideWith } from '../scripts/lib/deck-slides'
import { root } from '../scripts/lib/paths.mjs'
import type { HeavyKind } from '../scripts/lib/site-files'
import { siteFiles } from '../scripts/lib/site-files'
import { clickInputs, clickToOutput } from './click-to-output'
import { buildStockDeck, buildThisDeck, exportThisDeck, slidevVersion } from './decks'
import type { FirstLoad, Site } from './first-load'
import { firstLoad, heavyFetchedOn } from './first-load'
import { formatBytes } from '../demos/shared/format'
import { median } from '../demos/shared/workloads'
import { runnerOverhead } from './runner-overhead'
import { WORKER_LIMITS, moduleSizes, siteSize, workerBundleSize } from './sizes'
import process from 'node:process'
import { ZIG_FIRST_TARGET_MS, ZIG_REPEAT_TARGET_MS, zigCompilerBench } from './zig-compiler'

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(name)
  return i > 0 ? Number(process.argv[i + 1]) : fallback
}
const LOADS = arg('--runs', 15)
const CLICK_WARMUP = 5
const CLICKS = 30
/** Longer than the 3 s after which stock Slidev preloads every slide. */
const STAY_ON_SLIDE_ONE_MS = 6000

const FIRST_LOAD_TARGET = 1.25
const CLICK_TARGET_MS = 50

const step = (text: string) => console.log(`bench: ${text}`)
const ms = (value: number) => `${value < 100 ? value.toFixed(1) : value.toFixed(0)} ms`
const s = (value: number) => `${(value / 1000).toFixed(1)} s`
const x = (value: number) => `${value.toFixed(2)}×`
const meets = (ok: boolean) => (ok ? 'met' : 'NOT met')

async function main() {
  const work = mkdtempSync(join(tmpdir(), 'bench-'))
  const servers: Array<{ close: () => Promise<unknown> }> = []
  let browser: import('playwright-core').Browser | undefined
  try {
    step('npm run build (the site and its PDF)…')
    const build = await buildThisDeck(join(work, 'site'))
    step(`  ${s(build.ms)}; npm run export…`)
    const exported = await exportThisDeck(join(work, 'deck.pdf'))
    step(`  ${s(exported.ms)}; building a stock Slidev ${slidevVersion()} deck…`)
    const stockBuild = await buildStockDeck(join(work, 'stock'), join(work, 'stock-site'))
    step(`  ${s(stockBuild.ms)}`)

    const serve = async (dir: string): Promise<Site> => {
      const server = await serveDist({ dir, base: '/' })
      servers.push(server)
      return { dir, url: server.url, files: siteFiles(dir) }
    }
    const deck = await serve(join(work, 'site'))
    const stock = await serve(join(work, 'stock-site'))
    const executablePath = findChromium()
    browser = await chromium.launch({ ...(executablePath ? { executablePath } : {}), args: ['--disable-background-networking'] })

    step(`first load, ${LOADS} cold loads of each deck, alternating…`)
    const loads: Record<'deck' | 'stock', FirstLoad[]> = { deck: [], stock: [] }
    for (let i = 0; i < LOADS; i++) {
      loads.stock.push(await firstLoad(browser, stock, 300))
      loads.deck.push(await firstLoad(browser, deck, 300))
    }
    step(`staying on slide 1 for ${s(STAY_ON_SLIDE_ONE_MS)} to see what else it fetches…`)
    const stay = await firstLoad(browser, deck, STAY_ON_SLIDE_ONE_MS)
    const demoSlide = await slideWith(/<WasiRun program="demo"/)
    const playgroundSlide = await slideWith(/<WorkerPlayground/)
    // The detector's positive controls: the slides that need them do fetch them.
    const onDemoSlide = await heavyFetchedOn(browser, deck, demoSlide, 2000)
    const onPlaygroundSlide = await heavyFetchedOn(browser, deck, playgroundSlide, 2000)

    step(`click to output on slide ${demoSlide}, ${CLICK_WARMUP} + ${CLICKS} clicks…`)
    const clicks = await clickToOutput(browser, deck, demoSlide, await clickInputs(CLICK_WARMUP + CLICKS), CLICK_WARMUP)
    step('Live Zig on the built site: edit to output with the in-page compiler, first and repeat…')
    const zigCompiler = await zigCompilerBench(browser, deck)
    await browser.close()
    browser = undefined

    step('runner against node:wasi…')
    const overhead = await runnerOverhead(text => step(`  ${text}`))

    step('sizes…')
    const modules = moduleSizes()
    const worker = await workerBundleSize()
    const deckSize = siteSize(deck.files)
    const stockSize = siteSize(stock.files)

    // ---- figures ----
    const summary = (list: FirstLoad[]) => ({
      shownMs: median(list.map(l => l.shownMs)),
      jsCssGzipBytes: median(list.map(l => l.jsCss.gzipBytes)),
      jsCssBytes: median(list.map(l => l.jsCss.bytes)),
      jsCssFiles: median(list.map(l => l.jsCss.files)),
    })
    const deckLoad = summary(loads.deck)
    const stockLoad = summary(loads.stock)
    const bytesRatio = deckLoad.jsCssGzipBytes / stockLoad.jsCssGzipBytes
    const timeRatio = deckLoad.shownMs / stockLoad.shownMs
    const slideOneHeavy = (Object.keys(stay.heavy) as HeavyKind[]).flatMap(kind => stay.heavy[kind].map(path => `${kind}: ${path}`))
    const foreign = {
      deck: [...new Set([...loads.deck, stay].flatMap(l => l.foreign))],
      stock: [...new Set(loads.stock.flatMap(l => l.foreign))],
    }
    const sortedClicks = [...clicks].sort((a, b) => a - b)
    const clickMedian = median(clicks)
    const clickP90 = sortedClicks[Math.floor(sortedClicks.length * 0.9)]
    const largest = modules.reduce((a, b) => (b.bytes > a.bytes ? b : a))
    const controlsOk = onDemoSlide.has('runner') && onDemoSlide.has('wasm') && onPlaygroundSlide.has('monaco')

    const table: Array<Record<string, string>> = [
      { figure: 'first load: JS + CSS before slide 1 (gzip)', 'this deck': formatBytes(deckLoad.jsCssGzipBytes), 'baseline': `${formatBytes(stockLoad.jsCssGzipBytes)} (stock deck)`, 'ratio': x(bytesRatio), 'target': `<= ${FIRST_LOAD_TARGET}×: ${meets(bytesRatio <= FIRST_LOAD_TARGET)}` },
      { figure: 'first load: time to slide 1 (median)', 'this deck': ms(deckLoad.shownMs), 'baseline': `${ms(stockLoad.shownMs)} (stock deck)`, 'ratio': x(timeRatio), 'target': `<= ${FIRST_LOAD_TARGET}×: ${meets(timeRatio <= FIRST_LOAD_TARGET)}` },
      { figure: `slide 1, ${s(STAY_ON_SLIDE_ONE_MS)}: Monaco / runner / wasm fetched`, 'this deck': slideOneHeavy.length ? `${slideOneHeavy.length} files` : 'none', 'baseline': `slides ${demoSlide}, ${playgroundSlide} fetch them: ${controlsOk ? 'yes' : 'NO'}`, 'ratio': '', 'target': `none: ${meets(slideOneHeavy.length === 0 && controlsOk)}` },
      { figure: 'click Run to output on screen (demo, warm, median)', 'this deck': ms(clickMedian), 'baseline': `p90 ${ms(clickP90)}`, 'ratio': '', 'target': `< ${CLICK_TARGET_MS} ms: ${meets(clickMedian < CLICK_TARGET_MS)}` },
      ...overhead.rows.flatMap(r => [
        { figure: `runner in Node: ${r.workload}`, 'this deck': ms(r.runnerNodeMs), 'baseline': `${ms(r.nodeWasiMs)} (node:wasi)`, 'ratio': x(r.runnerNodeMs / r.nodeWasiMs), 'target': `<= ${r.target}×: ${meets(r.runnerNodeMs / r.nodeWasiMs <= r.target)}` },
        { figure: `runner in Chromium: ${r.workload}`, 'this deck': ms(r.runnerChromiumMs), 'baseline': `${ms(r.nodeWasiMs)} (node:wasi)`, 'ratio': x(r.runnerChromiumMs / r.nodeWasiMs), 'target': `<= ${r.target}×: ${meets(r.runnerChromiumMs / r.nodeWasiMs <= r.target)}` },
      ]),
      ...WORKER_LIMITS.flatMap(limit => [
        { figure: `largest module (${largest.name}.wasm) vs ${limit.label}`, 'this deck': formatBytes(largest.bytes), 'baseline': limit.label, 'ratio': `${((largest.bytes / limit.bytes) * 100).toFixed(2)} %`, 'target': 'record' },
        { figure: `Worker upload (JS + demo.wasm + memfs.wasm) vs ${limit.label}`, 'this deck': `${formatBytes(worker.bytes)} (${formatBytes(worker.gzipBytes)} gzip)`, 'baseline': limit.label, 'ratio': `${((worker.bytes / limit.bytes) * 100).toFixed(2)} %`, 'target': 'record' },
      ]),
      { figure: 'built site (dist/), all files', 'this deck': `${formatBytes(deckSize.bytes)}, ${deckSize.files} files`, 'baseline': `${formatBytes(stockSize.bytes)} (stock deck)`, 'ratio': x(deckSize.bytes / stockSize.bytes), 'target': 'record' },
      { figure: '  of which Monaco / the PDF / wasm', 'this deck': `${formatBytes(deckSize.monacoBytes)} / ${formatBytes(deckSize.pdfBytes)} / ${formatBytes(deckSize.wasmBytes)}`, 'baseline': '', 'ratio': '', 'target': '' },
      ...zigCompiler.files.map(f => ({ figure: `in-page Zig compiler: ${f.name} (loads on the first edit + Run)`, 'this deck': `${formatBytes(f.bytes)} (${formatBytes(f.gzipBytes)} gzip)`, 'baseline': '', 'ratio': '', 'target': 'record' })),
      { figure: 'Live Zig, built site: first edit to output (loads the compiler)', 'this deck': s(zigCompiler.firstMs), 'baseline': '', 'ratio': '', 'target': `<= ${s(ZIG_FIRST_TARGET_MS)}: ${meets(zigCompiler.firstMs <= ZIG_FIRST_TARGET_MS)}` },
      { figure: 'Live Zig, built site: repeat edit to output (median)', 'this deck': s(median(zigCompiler.repeatMs)), 'baseline': '', 'ratio': '', 'target': `<= ${s(ZIG_REPEAT_TARGET_MS)}: ${meets(median(zigCompiler.repeatMs) <= ZIG_REPEAT_TARGET_MS)}` },
      { figure: 'npm run build (site + PDF), wall time', 'this deck': s(build.ms), 'baseline': `${s(stockBuild.ms)} (stock deck, no PDF)`, 'ratio': x(build.ms / stockBuild.ms), 'target': 'record' },
      { figure: 'npm run export, wall time', 'this deck': s(exported.ms), 'baseline': '', 'ratio': '', 'target': 'record' },
    ]
    console.log()
    console.table(table)
    if (slideOneHeavy.length)
      console.log(`slide 1 fetched:\n  ${slideOneHeavy.join('\n  ')}`)
    for (const [which, urls] of Object.entries(foreign))
      console.log(`${which === 'deck' ? 'this deck' : 'the stock deck'}: ${urls.length ? `requests that left the origin: ${urls.join(', ')}` : 'no request left the origin'}`)
    console.log(`modules: ${modules.map(m => `${m.name} ${m.bytes} B (${m.gzipBytes} gzip)`).join(', ')}`)

    const results = {
      date: new Date().toISOString(),
      machine: { cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, node: process.version, chromium: overhead.chromium, slidev: slidevVersion() },
      firstLoad: {
        loads: LOADS,
        target: FIRST_LOAD_TARGET,
        deck: deckLoad,
        stock: stockLoad,
        ratios: { jsCssGzip: bytesRatio, shown: timeRatio },
        slideOne: { stayedMs: STAY_ON_SLIDE_ONE_MS, heavy: stay.heavy },
        controls: { [`slide ${demoSlide}`]: [...onDemoSlide], [`slide ${playgroundSlide}`]: [...onPlaygroundSlide] },
        foreignRequests: foreign,
      },
      zigCompiler: { ...zigCompiler, targetsMs: { first: ZIG_FIRST_TARGET_MS, repeat: ZIG_REPEAT_TARGET_MS } },
      clickToOutput: { slide: demoSlide, warmup: CLICK_WARMUP, clicks: CLICKS, medianMs: clickMedian, p90Ms: clickP90, maxMs: sortedClicks.at(-1), targetMs: CLICK_TARGET_MS },
      runnerOverhead: overhead,
      sizes: { limits: WORKER_LIMITS, modules, worker, site: deckSize, stockSite: stockSize },
      wallTimes: { buildMs: build.ms, exportMs: exported.ms, stockBuildMs: stockBuild.ms },
      table,
    }
    writeFileSync(join(root, 'bench/results.json'), `${JSON.stringify(results, null, 2)}\n`)
    step('wrote bench/results.json')
  }
  finally {
    await browser?.close()
    await Promise.all(servers.map(server => server.close()))
    rmSync(work, { recursive: true, force: true })
  }
}

await main()
