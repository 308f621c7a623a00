// The rows of the runtime table: the 2023 slide's list of JS+WASM runtimes, each
// with what npm run runtimes verified here (public/runtimes.json), or why it cannot
// run here and how the module runs there (sources: the notes of the slide "JS+WASM runtimes").
import type { RuntimeReport, RuntimesJson } from '../../shared/runtime-report'
import { fetchOnce } from '../../shared/fetch-once'
import { formatMs } from '../../shared/format'
import { median } from '../../shared/workloads'

export type { RuntimeReport, RuntimesJson }

export interface RuntimeRow {
  label: string
  engine: string
  href?: string
  /** Ids of runtimes measured by npm run runtimes that stand for this row (all must be verified). */
  measured?: string[]
  /** What ran here, in words: "handler, invoked locally on Node 24". */
  what?: string
  /** Why nothing runs here, and how the module runs there. */
  elsewhere?: string
  /** Not in the 2023 list. */
  added?: boolean
  /** What else was tried for this row and failed, in words (the verdict slide shows it). */
  tried?: string
  /** Where the reason a row cannot run here comes from (the verdict slide links it). */
  source?: { label: string, href: string }
}

export const RUNTIMES_2023: RuntimeRow[] = [
  { label: 'AWS Lambda', engine: 'V8', measured: ['lambda'], what: 'handler, invoked locally on Node 24' },
  { label: 'Bun', engine: 'JavaScriptCore', measured: ['bun'] },
  { label: 'Cloudflare Workers', engine: 'V8', measured: ['workerd'], what: 'in local workerd' },
  { label: 'Pages Functions', engine: 'V8', measured: ['pages'], what: '_worker.js in local workerd' },
  { label: 'Deno', engine: 'V8', measured: ['deno'] },
  { label: 'Deno Deploy', engine: 'V8', measured: ['deno-serve'], what: 'Deno.serve entry, served locally' },
  { label: 'Fastly Compute', engine: 'SpiderMonkey', measured: ['fastly-compute'], what: 'no JS: our Zig program on its host calls, in Viceroy', elsewhere: 'its JS has no WebAssembly; Compute runs the .wasm itself (Viceroy: npm run runtimes:install)', source: { label: 'its JS has no WebAssembly', href: 'https://www.fastly.com/documentation/reference/compute/sdks/javascript/js-compute/globals/' } },
  { label: 'WasmEdge', engine: 'QuickJS', href: 'https://wasmedge.org/docs/develop/javascript/intro/', elsewhere: 'cannot run here: no registry this machine reaches serves it (PyPI\'s packages are 2021 stubs); its QuickJS has no WebAssembly', source: { label: 'wasmedge-quickjs#60', href: 'https://github.com/second-state/wasmedge-quickjs/issues/60' } },
  { label: 'Lagon', engine: 'V8', href: 'https://github.com/lagonapp/lagon', elsewhere: 'cannot run anywhere: Lagon Cloud went offline on 2024-03-01', source: { label: 'unjs/std-env#105', href: 'https://github.com/unjs/std-env/issues/105' } },
  { label: 'Node.js 20, 24 and 26', engine: 'V8', measured: ['node', 'node24', 'node26'], added: true },
  { label: 'Chromium, Firefox', engine: 'V8, SpiderMonkey', measured: ['chromium', 'firefox'], what: 'the deck\'s runner', added: true },
  { label: 'GraalJS + GraalWasm', engine: 'GraalJS on the JVM', href: 'https://www.graalvm.org/latest/reference-manual/js/WebAssembly/', measured: ['graaljs'], what: 'the deck\'s runner core, WebAssembly on GraalWasm (Maven Central)', added: true },
]

/** The 2023 slide's "just WASM runtimes": no JS host; each runs the .wasm itself once npm run runtimes:install installed it. */
export const WASM_ONLY_RUNTIMES: RuntimeRow[] = [
  { label: 'wasmtime', engine: 'Cranelift JIT', href: 'https://github.com/bytecodealliance/wasmtime', measured: ['wasmtime'], what: 'its Python API (PyPI wasmtime)' },
  { label: 'WAMR', engine: 'AOT', href: 'https://github.com/bytecodealliance/wasm-micro-runtime', measured: ['wamr'], what: 'PyPI\'s wamr-bin, a port of WAMR to Zig, AOT by wamrc', tried: 'WAMR\'s own iwasm, built from the 2020 sources in crates.io wamr-sys 0.1.1, loads none of Zig 0.17\'s modules ("zero flag expected")' },
  { label: 'GraalWasm', engine: 'JVM', href: 'https://www.graalvm.org/latest/reference-manual/wasm/', measured: ['graalwasm'], what: 'on Temurin 25 (Maven Central)' },
]
export const WASM_ONLY_NOT_HERE = 'not in this runtimes.json: npm run runtimes:install installs them, then npm run runtimes adds their rows'

/** One line per system the 2023 slide names, in its order: the JS+WASM list, then the "just WASM" list. */
export const VERDICT_ROWS: RuntimeRow[] = [...RUNTIMES_2023.filter(r => !r.added), ...WASM_ONLY_RUNTIMES]

/** public/runtimes.json, fetched once (it is served with the deck, not bundled). */
export function loadRuntimeReport(): Promise<RuntimesJson> {
  return fetchOnce(`${import.meta.env.BASE_URL}runtimes.json`, r => r.json() as Promise<RuntimesJson>)
}

/** The reports that stand for a row (undefined when any of them was not measured). */
export function reportsFor(row: RuntimeRow, report: RuntimesJson | undefined): RuntimeReport[] | undefined {
  if (!row.measured || !report)
    return undefined
  const found = row.measured.map(id => report.runtimes.find(r => r.id === id))
  return found.every(r => r !== undefined) ? found as RuntimeReport[] : undefined
}

const passed = (r: RuntimeReport) => r.results.filter(x => x.pass).length
/** The cases a runtime ran (those it cannot run as node:wasi does are counted apart). */
const ran = (r: RuntimeReport) => r.results.filter(x => !x.cannot).length
/** The cases a runtime cannot run as node:wasi does, each with why. */
export const cannotRun = (r: RuntimeReport) => r.results.filter(x => x.cannot)

/** One line of the verdict slide: what ran here and how fast, or why it cannot run here. */
export interface Verdict {
  state: 'ran' | 'cannot' | 'not-measured' | 'failed'
  text: string
  /** The cases a runtime behind the row cannot run as node:wasi does: "case: why". */
  cannot: string[]
}

export function verdictLine(row: RuntimeRow, report: RuntimesJson | undefined): Verdict {
  const reports = reportsFor(row, report)
  if (!reports) {
    if (row.measured && row.elsewhere === undefined)
      return { state: 'not-measured', text: WASM_ONLY_NOT_HERE, cannot: [] }
    return { state: 'cannot', text: row.elsewhere ?? WASM_ONLY_NOT_HERE, cannot: [] }
  }
  const v = rowVerdict(row, reports)
  if (!v.ok)
    return { state: 'failed', text: v.text, cannot: [] }
  const cannot = reports.flatMap(r => cannotRun(r).map(x => `${reports.length > 1 ? `${r.name}, ` : ''}${x.case}: ${x.cannot}`))
  const times = reports.flatMap(r => (r.timings
    ? [`${reports.length > 1 ? `${shortVersion(r.version)}: ` : ''}start ${formatMs(r.timings.startMs)}${r.timings.computeMs !== undefined ? `, compute ${formatMs(r.timings.computeMs)}` : r.timings.processMs !== undefined ? `, mandelbrot process ${formatMs(r.timings.processMs)}` : ''}`]
    : []))
  const text = [v.text, cannot.length ? `${cannot.length} case${cannot.length > 1 ? 's' : ''} it cannot run (below)` : '', times.join('; ')].filter(Boolean).join(' · ')
  return { state: 'ran', text, cannot }
}

/** "9/9, 2 n/a": the cases that gave node:wasi's bytes out of those the runtime ran, and those it cannot run. */
export function casesChecked(r: RuntimeReport): string {
  const cannot = cannotRun(r).length
  return `${passed(r)}/${ran(r)}${cannot ? `, ${cannot} n/a` : ''}`
}

/** The module rows of runtimes.json: a file written since the component rows also has those (`component`). */
export function moduleRuntimes(report: RuntimesJson): RuntimeReport[] {
  return report.runtimes.filter(r => !r.component)
}

/** "same bytes 11/11 · 1.4.5" for one verified runtime. */
export function verdict(r: RuntimeReport): string {
  if (r.status === 'verified')
    return `same bytes ${passed(r)}/${ran(r)} · ${r.version}`
  return r.status === 'missing' ? 'not installed here' : `differs ${passed(r)}/${ran(r)}`
}

/** A browser's four-part version cut to major.minor ("156.0"), anything else as it is. */
export function shortVersion(version: string | undefined): string {
  return /^\d+\.\d+\.\d+\.\d+$/.test(version ?? '') ? version!.split('.').slice(0, 2).join('.') : version ?? ''
}

/** One row's status: ✓ only when every runtime behind it was verified. */
export function rowVerdict(row: RuntimeRow, reports: RuntimeReport[]): { ok: boolean, text: string } {
  const ok = reports.every(r => r.status === 'verified')
  if (!ok)
    return { ok, text: reports.filter(r => r.status !== 'verified').map(r => `${r.name}: ${verdict(r)}`).join('; ') }
  const cases = reports.map(r => `${passed(r)}/${ran(r)}`)
  const versions = reports.map(r => shortVersion(r.version)).join(', ')
  const notes = reports.flatMap(r => (r.note ? [r.note] : []))
  return { ok, text: `${row.what ? `${row.what} · ` : ''}same bytes ${[...new Set(cases)].join(', ')} · ${versions}${notes.length ? ` · ${notes.join('; ')}` : ''}` }
}

/** A runtime that runs the .wasm without any JS (its engine says so: "Cranelift (no JS)"). */
export function withoutJs(r: { engine: string }): boolean {
  return r.engine.includes('(no JS)')
}

/** An engine's name as a chart shows it: its first part, without "(no JS)" (the chart's groups say that). */
export function shortEngine(engine: string): string {
  return engine.replace(' (no JS)', '').split(/[;,]/)[0]
}

export interface Timing {
  kind: 'start' | 'compute'
  /** The bar's time; undefined when not measured. */
  ms?: number
  /** The number as the details table writes it: "–" when not measured. */
  text: string
}

/**
 * A chart row's two timings, start and compute. A runtime timed only as a whole process
 * (no compute figure of its own) has that time written in the details, and no compute bar.
 */
export function timingsOf(t: { startMs?: number, computeMs?: number, processMs?: number } | undefined): [Timing, Timing] {
  const compute = t?.computeMs !== undefined
    ? formatMs(t.computeMs)
    : t?.processMs !== undefined ? `${formatMs(t.processMs)}, whole process` : '–'
  return [
    { kind: 'start', ms: t?.startMs, text: t?.startMs === undefined ? '–' : formatMs(t.startMs) },
    { kind: 'compute', ms: t?.computeMs, text: compute },
  ]
}

/**
 * The chart's scale: the largest time within 4 times the median of all of them, so that
 * one slow row (a fresh JVM warming up) does not flatten every other bar; longer bars are
 * drawn cut, with their number.
 */
export function chartScale(times: number[]): number {
  if (times.length === 0)
    return 1
  const m = median(times)
  return Math.max(1, ...times.filter(t => t <= 4 * m))
}
