// The rows of the runtime table: the seed slide's list of JS+WASM runtimes, each
// with what npm run runtimes measured here (public/runtimes.json), if anything.
import type { RuntimeReport, RuntimesJson } from '../../shared/runtime-report'
import { fetchOnce } from '../../shared/fetch-once'

export type { RuntimeReport, RuntimesJson }

export interface RuntimeRow {
  label: string
  engine: string
  href?: string
  /** Id of a runtime measured by npm run runtimes, when one stands for this row. */
  measured?: string
  /** Not in the seed's list. */
  added?: boolean
}

export const SEED_RUNTIMES: RuntimeRow[] = [
  { label: 'AWS Lambda and AWS Lambda@Edge', engine: 'V8' },
  { label: 'Bun', engine: 'JavaScriptCore', measured: 'bun' },
  { label: 'Cloudflare Workers and Pages Functions', engine: 'V8', measured: 'workerd' },
  { label: 'Deno and Deno Deploy', engine: 'V8', measured: 'deno' },
  { label: 'Fastly Compute@Edge', engine: 'SpiderMonkey' },
  { label: 'WasmEdge', engine: 'QuickJS', href: 'https://wasmedge.org/docs/develop/javascript/intro/' },
  { label: 'Lagon', engine: '', href: 'https://lagon.app/' },
  { label: 'Node.js', engine: 'V8', measured: 'node', added: true },
]

/** public/runtimes.json, fetched once (it is served with the deck, not bundled). */
export function loadRuntimeReport(): Promise<RuntimesJson> {
  return fetchOnce(`${import.meta.env.BASE_URL}runtimes.json`, r => r.json() as Promise<RuntimesJson>)
}

/** "same bytes 11/11 · 1.4.5" for a verified runtime. */
export function verdict(r: RuntimeReport): string {
  const passed = r.results.filter(x => x.pass).length
  if (r.status === 'verified')
    return `same bytes ${passed}/${r.results.length} · ${r.version}`
  return r.status === 'missing' ? 'not installed here' : `differs ${passed}/${r.results.length}`
}
