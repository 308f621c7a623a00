// npm run bench: what the deck costs, against baselines measured in the same run.
//   1. the runner against node:wasi (Node and Chromium);
//   2. click on Run to output on screen, warm, in Chromium; on Live Zig, a pause in typing
//      to zig-check's marks (bench/zig-check.ts);
//   3. first load of the built site against a stock Slidev deck built here and now,
//      and a check that slide 1 fetches no Monaco, no runner and no wasm;
//   4. an editor slide opened directly (the Worker playground, Live Zig) against a stock
//      deck with one `{monaco}` block, and the first Run on a slide just opened;
//   5. module sizes against the Worker limits, the Worker upload, the site's size and
//      what in it no slide fetches;
//   6. `npm run build` and `npm run export` wall times.
// Prints a table, writes bench/results.json and the table in bench/README.md. A script, not a
// test: it asserts no time. `--runs N` sets the number of cold loads per deck (default 15),
// `--editor-runs N` those of each editor slide (default 7).
import type { HeavyKind } from '../tooling/lib/site-files'
import type { EditorOpen, EditorSlide } from './editor-slide'
import type { FirstLoad, Site } from './first-load'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import process from 'node:process'
import { chromium } from 'playwright-core'
import { formatBytes, formatMs, formatSeconds } from '../demos/shared/format'
import { median } from '../demos/shared/workloads'
import { deckSlides, slideWith } from '../tooling/lib/deck-slides'
import { findChromium } from '../tooling/lib/find-browser.mjs'
import { root } from '../tooling/lib/paths.mjs'
import { serveDist } from '../tooling/lib/serve-dist.mjs'
import { siteFiles } from '../tooling/lib/site-files'
import { clickInputs, clickToOutput } from './click-to-output'
import { componentBench } from './components'
import { buildStockDeck, buildThisDeck, exportThisDeck, slidevVersion } from './decks'
import { openEditorSlide } from './editor-slide'
import { firstLoad, heavyFetchedOn } from './first-load'
import { readResults, updateReadme } from './report'
import { runnerOverhead } from './runner-overhead'
import { notFetched, walkSite } from './site-walk'
import { moduleSizes, siteSize, WORKER_LIMITS, workerBundleSize } from './sizes'
import { ZIG_CHECK_TARGETS, zigCheckBench, zigCheckRows } from './zig-check'

function arg(name: string, fallback: number) {
  const i = process.argv.indexOf(name)
  return i > 0 ? Number(process.argv[i + 1]) : fallback
}
const LOADS = arg('--runs', 15)
const EDITOR_LOADS = arg('--editor-runs', 7)
const CLICK_WARMUP = 5
const CLICKS = 30
/** Edits of the Live Zig program, alternately broken and fixed, each timed from the debounce to the marks. */
const ZIG_CHECK_EDITS = 30
/** Longer than the 3 s after which stock Slidev preloads every slide. */
const STAY_ON_SLIDE_ONE_MS = 6000

const FIRST_LOAD_TARGET = 1.25
/** One frame at 60 Hz: a warm click's output is painted by the next frame. */
const FRAME_MS = 1000 / 60
const COLD_RUN_TARGET_MS = 100
const EDITOR_TARGET = { gzipBytes: 1_500_000, ms: 1500 }
const SITE_TARGET_BYTES = 8_000_000
const BUILD_TARGET = 2
const EXPORT_TARGET_MS = 15_000

const workerCode = readFileSync(join(root, 'demos/cloudflare-worker/src/index.js'), 'utf8')
const greetCode = readFileSync(join(root, 'zig/src/greet.zig'), 'utf8')

const step = (text: string) => console.log(`bench: ${text}`)
const ms = (value: number) => formatMs(value, 0, 100)
const s = formatSeconds
const x = (value: number) => `${value.toFixed(2)}×`
const meets = (ok: boolean) => (ok ? 'met' : 'NOT met')
const p90 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length * 0.9)]

type EditorKey = 'stock' | 'playground' | 'liveZig' | 'wasiRun'

/** The medians of a deck's first loads. */
function summary(list: FirstLoad[]) {
  const m = (of: (l: FirstLoad) => number) => median(list.map(of))
  return { shownMs: m(l => l.shownMs), jsCssGzipBytes: m(l => l.jsCss.gzipBytes), jsCssBytes: m(l => l.jsCss.bytes), jsCssFiles: m(l => l.jsCss.files) }
}

/** The medians of an editor slide's direct opens (and p90 of its first Run, where it has one). */
function editorSummary(list: EditorOpen[]) {
  const m = (of: (o: EditorOpen) => number) => median(list.map(of))
  const firstRun = list[0]?.firstRunMs !== undefined ? { firstRunMs: m(o => o.firstRunMs!), firstRunP90Ms: p90(list.map(o => o.firstRunMs!)) } : {}
  return { readyMs: m(o => o.readyMs), gzipBytes: m(o => o.fetched.gzipBytes), bytes: m(o => o.fetched.bytes), files: m(o => o.fetched.files), ...firstRun }
}

/** The table, then what slide 1 fetched, the files no walk fetched, requests off the origin and the modules. */
function printReport(table: Array<Record<string, string>>, slideOneHeavy: string[], unfetched: ReturnType<typeof notFetched>, foreign: Record<'deck' | 'stock', string[]>, modules: ReturnType<typeof moduleSizes>) {
  console.log()
  console.table(table)
  if (slideOneHeavy.length)
    console.log(`slide 1 fetched:\n  ${slideOneHeavy.join('\n  ')}`)
  for (const f of unfetched)
    console.log(`not fetched by the walk: ${f.path} (${formatBytes(f.bytes)})${f.why ? `: ${f.why}` : ': NO slide or view fetches it'}`)
  for (const [which, urls] of Object.entries(foreign))
    console.log(`${which === 'deck' ? 'this deck' : 'the stock deck'}: ${urls.length ? `requests that left the origin: ${urls.join(', ')}` : 'no request left the origin'}`)
  console.log(`modules: ${modules.map(m => `${m.name} ${m.bytes} B (${m.gzipBytes} gzip)`).join(', ')}`)
}

/** The rows of the editor slides opened directly, against the stock deck, and of a first Run on a slide just opened. */
function editorTableRows(editor: Record<EditorKey, ReturnType<typeof editorSummary>>, editors: Record<EditorKey, { slide: EditorSlide }>, playgroundSlide: number) {
  const editorRows = (['playground', 'liveZig'] as const).flatMap((key) => {
    const label = key === 'playground' ? `Worker playground (slide ${playgroundSlide})` : `Live Zig (slide ${editors.liveZig.slide.slide})`
    const e = editor[key]
    const timeRatio = e.readyMs / editor.stock.readyMs
    const bytesRatio = e.gzipBytes / editor.stock.gzipBytes
    return [
      { 'figure': `${label} opened directly: code shown, Run works (median)`, 'this deck': ms(e.readyMs), 'baseline': `${ms(editor.stock.readyMs)} (stock deck, one {monaco} block)`, 'ratio': x(timeRatio), 'target': `<= 1× and <= ${s(EDITOR_TARGET.ms)}: ${meets(timeRatio <= 1 && e.readyMs <= EDITOR_TARGET.ms)}` },
      { 'figure': `${label} opened directly: fetched until then (gzip)`, 'this deck': `${formatBytes(e.gzipBytes)} (${e.files} files)`, 'baseline': `${formatBytes(editor.stock.gzipBytes)} (${editor.stock.files} files)`, 'ratio': x(bytesRatio), 'target': `<= 1× and <= ${formatBytes(EDITOR_TARGET.gzipBytes)}: ${meets(bytesRatio <= 1 && e.gzipBytes <= EDITOR_TARGET.gzipBytes)}` },
    ]
  })
  const coldRows = ([['playground', `Worker playground (slide ${playgroundSlide})`], ['wasiRun', `stack.wasm demo (slide ${editors.wasiRun.slide.slide})`]] as const).map(([key, label]) => {
    const e = editor[key]
    return { 'figure': `first Run on a slide just opened, ${label} (median)`, 'this deck': ms(e.firstRunMs!), 'baseline': `p90 ${ms(e.firstRunP90Ms!)}`, 'ratio': '', 'target': `< ${COLD_RUN_TARGET_MS} ms: ${meets(e.firstRunMs! < COLD_RUN_TARGET_MS)}` }
  })
  return { editorRows, coldRows }
}

/** This deck built and exported, and the two stock decks built, each timed. */
async function buildDecks(work: string) {
  step('npm run build (the site and its PDF)…')
  const build = await buildThisDeck(join(work, 'site'))
  step(`  ${s(build.ms)}; npm run export…`)
  const exported = await exportThisDeck(join(work, 'deck.pdf'))
  step(`  ${s(exported.ms)}; building a stock Slidev ${slidevVersion()} deck…`)
  const stockBuild = await buildStockDeck(join(work, 'stock'), join(work, 'stock-site'))
  step(`  ${s(stockBuild.ms)}; the stock deck with one {monaco} block (the Worker's code)…`)
  const stockEditorBuild = await buildStockDeck(join(work, 'stock-editor'), join(work, 'stock-editor-site'), { lang: 'js', code: workerCode })
  step(`  ${s(stockEditorBuild.ms)}`)
  return { build, exported, stockBuild, stockEditorBuild }
}

/** Every figure taken in the browser: first loads, slide 1, click to output, zig-check, editor slides, the site walk, the components. */
async function measureInBrowser(browser: import('playwright-core').Browser, deck: Site, stock: Site, stockEditor: Site) {
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
  step(`Live Zig: typing pause to zig-check's marks, ${ZIG_CHECK_EDITS} edits…`)
  const zigCheck = await zigCheckBench(browser, deck, ZIG_CHECK_EDITS)

  // An editor slide opened directly: the code on screen and Run working.
  const firstCodeLine = (code: string) => code.split('\n')[0]
  const editors: Record<EditorKey, { site: Site, slide: EditorSlide }> = {
    stock: { site: stockEditor, slide: { slide: 3, codeLine: firstCodeLine(workerCode) } },
    playground: { site: deck, slide: {
      slide: playgroundSlide,
      codeLine: firstCodeLine(workerCode),
      ready: '.worker-playground-run:not([disabled])',
      firstRun: { click: '.worker-playground-run', done: '.worker-playground-finished' },
    } },
    // Slidev's {monaco-run} runs the code once it is shown: its output is there when Run works.
    liveZig: { site: deck, slide: { slide: await slideWith(/\{monaco-run\}/), codeLine: firstCodeLine(greetCode), ready: '.slidev-runner-output .live-zig-stdout' } },
    // A demo without autorun: nothing has run on its slide before the click.
    wasiRun: { site: deck, slide: {
      slide: await slideWith(/<WasiRun program="stack"/),
      ready: '.wasi-run[data-program="stack"] .wasi-run-button:not([disabled])',
      firstRun: { click: '.wasi-run[data-program="stack"] .wasi-run-button', done: '.wasi-run[data-program="stack"] .wasi-run-finished' },
    } },
  }
  step(`editor slides opened directly, ${EDITOR_LOADS} cold loads each, alternating…`)
  const opens: Record<keyof typeof editors, EditorOpen[]> = { stock: [], playground: [], liveZig: [], wasiRun: [] }
  for (let i = 0; i < EDITOR_LOADS; i++) {
    for (const key of Object.keys(editors) as Array<keyof typeof editors>)
      opens[key].push(await openEditorSlide(browser, editors[key].site, editors[key].slide))
  }

  step('walking every slide and view to see which files of the site are fetched…')
  const fetched = await walkSite(browser, deck, (await deckSlides()).length)
  const components = await componentBench(browser, deck, text => step(text))
  return { loads, stay, demoSlide, playgroundSlide, onDemoSlide, onPlaygroundSlide, clicks, zigCheck, editors, opens, fetched, components }
}

async function main() {
  const loadAtStart = loadavg()[0]
  const work = mkdtempSync(join(tmpdir(), 'bench-'))
  const servers: Array<{ close: () => Promise<unknown> }> = []
  let browser: import('playwright-core').Browser | undefined
  try {
    const { build, exported, stockBuild, stockEditorBuild } = await buildDecks(work)

    const serve = async (dir: string): Promise<Site> => {
      const server = await serveDist({ dir, base: '/' })
      servers.push(server)
      return { dir, url: server.url, files: siteFiles(dir) }
    }
    const deck = await serve(join(work, 'site'))
    const stock = await serve(join(work, 'stock-site'))
    const stockEditor = await serve(join(work, 'stock-editor-site'))
    const executablePath = findChromium()
    browser = await chromium.launch({ ...(executablePath ? { executablePath } : {}), args: ['--disable-background-networking'] })

    const { loads, stay, demoSlide, playgroundSlide, onDemoSlide, onPlaygroundSlide, clicks, zigCheck, editors, opens, fetched, components } = await measureInBrowser(browser, deck, stock, stockEditor)
    await browser.close()
    browser = undefined

    step('runner against node:wasi…')
    const overhead = await runnerOverhead(text => step(`  ${text}`))

    step('sizes…')
    const modules = moduleSizes()
    const worker = await workerBundleSize()
    const deckSize = siteSize(deck.files)
    const stockSize = siteSize(stock.files)
    const unfetched = notFetched(deck, fetched)
    const unexplained = unfetched.filter(f => !f.why)

    // ---- figures ----
    const deckLoad = summary(loads.deck)
    const stockLoad = summary(loads.stock)
    const bytesRatio = deckLoad.jsCssGzipBytes / stockLoad.jsCssGzipBytes
    const timeRatio = deckLoad.shownMs / stockLoad.shownMs
    const slideOneHeavy = (Object.keys(stay.heavy) as HeavyKind[]).flatMap(kind => stay.heavy[kind].map(path => `${kind}: ${path}`))
    const foreign = {
      deck: [...new Set([...loads.deck, stay].flatMap(l => l.foreign))],
      stock: [...new Set(loads.stock.flatMap(l => l.foreign))],
    }
    const clickMs = clicks.map(c => c.ms)
    const clickMedian = median(clickMs)
    const clickP90 = p90(clickMs)
    const clickInPageP90 = p90(clicks.map(c => c.inPageMs))
    const nextFrameShare = clicks.filter(c => c.frame === 1).length / clicks.length
    const editor = {
      stock: editorSummary(opens.stock),
      playground: editorSummary(opens.playground),
      liveZig: editorSummary(opens.liveZig),
      wasiRun: editorSummary(opens.wasiRun),
    }
    const { editorRows, coldRows } = editorTableRows(editor, editors, playgroundSlide)
    const largest = modules.reduce((a, b) => (b.bytes > a.bytes ? b : a))
    const controlsOk = onDemoSlide.has('runner') && onDemoSlide.has('wasm') && onPlaygroundSlide.has('monaco')

    const table: Array<Record<string, string>> = [
      { 'figure': 'first load: JS + CSS before slide 1 (gzip)', 'this deck': formatBytes(deckLoad.jsCssGzipBytes), 'baseline': `${formatBytes(stockLoad.jsCssGzipBytes)} (stock deck)`, 'ratio': x(bytesRatio), 'target': `<= ${FIRST_LOAD_TARGET}×: ${meets(bytesRatio <= FIRST_LOAD_TARGET)}` },
      { 'figure': 'first load: time to slide 1 (median)', 'this deck': ms(deckLoad.shownMs), 'baseline': `${ms(stockLoad.shownMs)} (stock deck)`, 'ratio': x(timeRatio), 'target': `<= ${FIRST_LOAD_TARGET}×: ${meets(timeRatio <= FIRST_LOAD_TARGET)}` },
      { 'figure': `slide 1, ${s(STAY_ON_SLIDE_ONE_MS)}: Monaco / runner / wasm fetched`, 'this deck': slideOneHeavy.length ? `${slideOneHeavy.length} files` : 'none', 'baseline': `slides ${demoSlide}, ${playgroundSlide} fetch them: ${controlsOk ? 'yes' : 'NO'}`, 'ratio': '', 'target': `none: ${meets(slideOneHeavy.length === 0 && controlsOk)}` },
      { 'figure': 'click Run to the frame showing the output (demo, warm), p90', 'this deck': ms(clickP90), 'baseline': `median ${ms(clickMedian)}; next frame: ${(nextFrameShare * 100).toFixed(0)} % of clicks`, 'ratio': '', 'target': `<= 1 frame (${ms(FRAME_MS)}): ${meets(clickP90 <= FRAME_MS)}` },
      ...coldRows,
      ...editorRows,
      ...zigCheckRows(zigCheck),
      ...overhead.rows.flatMap(r => [
        { 'figure': `runner in Node: ${r.workload}`, 'this deck': ms(r.runnerNodeMs), 'baseline': `${ms(r.nodeWasiMs)} (node:wasi)`, 'ratio': x(r.runnerNodeMs / r.nodeWasiMs), 'target': `<= ${r.target}×: ${meets(r.runnerNodeMs / r.nodeWasiMs <= r.target)}` },
        { 'figure': `runner in Chromium: ${r.workload}`, 'this deck': ms(r.runnerChromiumMs), 'baseline': `${ms(r.nodeWasiMs)} (node:wasi)`, 'ratio': x(r.runnerChromiumMs / r.nodeWasiMs), 'target': `<= ${r.target}×: ${meets(r.runnerChromiumMs / r.nodeWasiMs <= r.target)}` },
      ]),
      ...components.table,
      ...WORKER_LIMITS.flatMap(limit => [
        { 'figure': `largest module (${largest.name}.wasm) vs ${limit.label}`, 'this deck': formatBytes(largest.bytes), 'baseline': limit.label, 'ratio': `${((largest.bytes / limit.bytes) * 100).toFixed(2)} %`, 'target': 'record' },
        { 'figure': `Worker upload (JS + demo.wasm + memfs.wasm) vs ${limit.label}`, 'this deck': `${formatBytes(worker.bytes)} (${formatBytes(worker.gzipBytes)} gzip)`, 'baseline': limit.label, 'ratio': `${((worker.bytes / limit.bytes) * 100).toFixed(2)} %`, 'target': 'record' },
      ]),
      { 'figure': 'built site (dist/), all files', 'this deck': `${formatBytes(deckSize.bytes)}, ${deckSize.files} files`, 'baseline': `${formatBytes(stockSize.bytes)} (stock deck)`, 'ratio': x(deckSize.bytes / stockSize.bytes), 'target': `<= ${formatBytes(SITE_TARGET_BYTES)}: ${meets(deckSize.bytes <= SITE_TARGET_BYTES)}` },
      { 'figure': '  of which Monaco / the PDF / wasm', 'this deck': `${formatBytes(deckSize.monacoBytes)} / ${formatBytes(deckSize.pdfBytes)} / ${formatBytes(deckSize.wasmBytes)}`, 'baseline': '', 'ratio': '', 'target': '' },
      { 'figure': '  files no slide or view fetched, unexplained', 'this deck': unexplained.length ? `${unexplained.length} (${formatBytes(unexplained.reduce((n, f) => n + f.bytes, 0))})` : 'none', 'baseline': `${unfetched.length - unexplained.length} fetched on request (download, Monaco's icons…)`, 'ratio': '', 'target': `none: ${meets(unexplained.length === 0)}` },
      { 'figure': 'npm run build (site + PDF), wall time', 'this deck': s(build.ms), 'baseline': `${s(stockBuild.ms)} (stock deck, no PDF)`, 'ratio': x(build.ms / stockBuild.ms), 'target': `<= ${BUILD_TARGET}×: ${meets(build.ms / stockBuild.ms <= BUILD_TARGET)}` },
      { 'figure': 'npm run export, wall time', 'this deck': s(exported.ms), 'baseline': '', 'ratio': '', 'target': `<= ${s(EXPORT_TARGET_MS)}: ${meets(exported.ms <= EXPORT_TARGET_MS)}` },
    ]
    printReport(table, slideOneHeavy, unfetched, foreign, modules)

    const results = {
      date: new Date().toISOString(),
      machine: { cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, loadAverage: { start: loadAtStart, end: loadavg()[0] }, node: process.version, chromium: overhead.chromium, slidev: slidevVersion() },
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
      zigCheck: { ...zigCheck, targets: ZIG_CHECK_TARGETS },
      clickToOutput: { slide: demoSlide, warmup: CLICK_WARMUP, clicks: CLICKS, medianMs: clickMedian, p90Ms: clickP90, maxMs: Math.max(...clickMs), inPageP90Ms: clickInPageP90, nextFrameShare, frameMs: FRAME_MS },
      editorSlides: { loads: EDITOR_LOADS, slides: Object.fromEntries(Object.entries(editors).map(([k, v]) => [k, v.slide.slide])), ...editor, targets: { ...EDITOR_TARGET, coldRunMs: COLD_RUN_TARGET_MS } },
      runnerOverhead: overhead,
      components: components.data,
      sizes: { limits: WORKER_LIMITS, modules, worker, site: deckSize, stockSite: stockSize, notFetched: unfetched, targetBytes: SITE_TARGET_BYTES },
      wallTimes: { buildMs: build.ms, exportMs: exported.ms, stockBuildMs: stockBuild.ms, stockEditorBuildMs: stockEditorBuild.ms, buildTarget: BUILD_TARGET, exportTargetMs: EXPORT_TARGET_MS },
      table,
    }
    writeFileSync(join(root, 'bench/results.json'), `${JSON.stringify(results, null, 2)}\n`)
    updateReadme(results)
    step('wrote bench/results.json and the table in bench/README.md')
  }
  finally {
    await browser?.close()
    await Promise.all(servers.map(server => server.close()))
    rmSync(work, { recursive: true, force: true })
  }
}

/**
 * `npm run bench -- --only components [--site DIR --base /talk/]`: the component rows alone,
 * against a built deck (test-dist/ by default), replacing them in results.json and the README.
 */
async function onlyComponents() {
  const i = process.argv.indexOf('--site')
  const dir = i > 0 ? process.argv[i + 1] : join(root, 'test-dist')
  const b = process.argv.indexOf('--base')
  const base = b > 0 ? process.argv[b + 1] : '/talk/'
  const server = await serveDist({ dir, base })
  const executablePath = findChromium()
  const browser = await chromium.launch({ ...(executablePath ? { executablePath } : {}), args: ['--disable-background-networking'] })
  try {
    const components = await componentBench(browser, { url: server.url, files: siteFiles(dir) }, text => step(text))
    console.table(components.table)
    const results = readResults()
    const kept = results.table.filter(row => !row.figure.startsWith('component'))
    const at = kept.findIndex(row => row.figure.startsWith('largest module'))
    results.table = [...kept.slice(0, at < 0 ? kept.length : at), ...components.table, ...kept.slice(at < 0 ? kept.length : at)]
    ;(results as unknown as Record<string, unknown>).components = { ...components.data, date: new Date().toISOString(), loadAverage: loadavg()[0] }
    writeFileSync(join(root, 'bench/results.json'), `${JSON.stringify(results, null, 2)}\n`)
    updateReadme(results)
    step('wrote the component rows in bench/results.json and bench/README.md')
  }
  finally {
    await browser.close()
    await server.close()
  }
}

if (process.argv.includes('--only') && process.argv[process.argv.indexOf('--only') + 1] === 'components')
  await onlyComponents()
else
  await main()
