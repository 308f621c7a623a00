// The browser's JS+WASM host: one runner for the whole page.
import type { WasiRunner } from './runner'
import { fetchOnce } from '../../shared/fetch-once'
import { createComponentRunner } from './component-runner'
import { createWasiRunner } from './runner'
import { spawnBrowserWorker, spawnComponentWorker } from './spawn-browser'

export { wasmUrl } from '../../shared/manifest'

let runner: WasiRunner | undefined
/** The page's runner: runs are queued; a Web Worker whose program exited on its own runs the next one. */
export function pageRunner(): WasiRunner {
  runner ??= createWasiRunner(spawnBrowserWorker)
  return runner
}

let componentRunner: ReturnType<typeof createComponentRunner> | undefined
/** The page's component runner (transpiled WASI 0.2 components, each run in a fresh Web Worker). */
export function pageComponentRunner(): ReturnType<typeof createComponentRunner> {
  componentRunner ??= createComponentRunner(spawnComponentWorker)
  return componentRunner
}

/** Fetches a module's bytes once per URL. A failed fetch is retried next time. */
export function fetchWasm(url: string): Promise<Uint8Array> {
  return fetchOnce(url, async r => new Uint8Array(await r.arrayBuffer()))
}

export type { RunErrorKind, RunOptions, RunResult } from './protocol'
