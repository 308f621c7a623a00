// The rows of the runtime table: the seed slide's list of JS+WASM runtimes, each
// with what npm run runtimes verified here (public/runtimes.json), or why it cannot
// run here and how the module runs there (sources: the seed slide's notes).
import type { RuntimeReport, RuntimesJson } from '../../shared/runtime-report'
import { fetchOnce } from '../../shared/fetch-once'

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
  /** Not in the seed's list. */
  added?: boolean
}

export const SEED_RUNTIMES: RuntimeRow[] = [
  { label: 'AWS Lambda', engine: 'V8', measured: ['lambda'], what: 'handler, invoked locally on Node 24' },
  { label: 'Bun', engine: 'JavaScriptCore', measured: ['bun'] },
  { label: 'Cloudflare Workers', engine: 'V8', measured: ['workerd'], what: 'in local workerd' },
  { label: 'Pages Functions', engine: 'V8', measured: ['pages'], what: '_worker.js in local workerd' },
  { label: 'Deno', engine: 'V8', measured: ['deno'] },
  { label: 'Deno Deploy', engine: 'V8', measured: ['deno-serve'], what: 'Deno.serve entry, served locally' },
  { label: 'Fastly Compute', engine: 'SpiderMonkey', elsewhere: 'not here: its JS has no WebAssembly; deploy the .wasm itself (WASI)' },
  { label: 'WasmEdge', engine: 'QuickJS', href: 'https://wasmedge.org/docs/develop/javascript/intro/', elsewhere: 'not here: its QuickJS has no WebAssembly; WasmEdge runs the .wasm itself' },
  { label: 'Lagon', engine: 'V8', href: 'https://github.com/lagonapp/lagon', elsewhere: 'discontinued: Lagon Cloud went offline on 2024-03-01' },
  { label: 'Node.js 20 and 24', engine: 'V8', measured: ['node', 'node24'], added: true },
  { label: 'Chromium, Firefox', engine: 'V8, SpiderMonkey', measured: ['chromium', 'firefox'], what: 'the deck\'s runner', added: true },
]

/** The seed's "just WASM runtimes": no JS host; npm run runtimes adds a row for any that is on PATH. */
export const WASM_ONLY_RUNTIMES: RuntimeRow[] = [
  { label: 'wasmtime', engine: '', href: 'https://github.com/bytecodealliance/wasmtime', measured: ['wasmtime'] },
  { label: 'WAMR', engine: '', href: 'https://github.com/bytecodealliance/wasm-micro-runtime', measured: ['iwasm'] },
  { label: 'GraalWasm', engine: '', href: 'https://www.graalvm.org/latest/reference-manual/wasm/' },
]
export const WASM_ONLY_NOT_HERE = 'not installed here (not in Debian 12 or npm): they run the .wasm directly, no JS needed'

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

/** "same bytes 11/11 · 1.4.5" for one verified runtime. */
export function verdict(r: RuntimeReport): string {
  if (r.status === 'verified')
    return `same bytes ${passed(r)}/${r.results.length} · ${r.version}`
  return r.status === 'missing' ? 'not installed here' : `differs ${passed(r)}/${r.results.length}`
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
  const cases = reports.map(r => `${passed(r)}/${r.results.length}`)
  const versions = reports.map(r => shortVersion(r.version)).join(', ')
  return { ok, text: `${row.what ? `${row.what} · ` : ''}same bytes ${[...new Set(cases)].join(', ')} · ${versions}` }
}
