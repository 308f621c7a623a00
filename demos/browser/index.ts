// The browser's JS+WASM host: one runner for the whole page.
import { createWasiRunner } from './runner'
import type { WasiRunner } from './runner'
import { spawnBrowserWorker } from './spawn-browser'

export type { RunErrorKind, RunOptions, RunResult } from './protocol'
export { compileWasi } from './runner'

let runner: WasiRunner | undefined
/** The page's runner: runs are queued, each in a fresh Web Worker. */
export function pageRunner(): WasiRunner {
  runner ??= createWasiRunner(spawnBrowserWorker)
  return runner
}

const modules = new Map<string, Promise<Uint8Array>>()
/** Fetches a module's bytes once per URL. A failed fetch is retried next time. */
export function fetchWasm(url: string): Promise<Uint8Array> {
  let bytes = modules.get(url)
  if (!bytes) {
    bytes = fetch(url).then(async (response) => {
      if (!response.ok)
        throw new Error(`could not load ${url}: ${response.status} ${response.statusText}`.trim())
      return new Uint8Array(await response.arrayBuffer())
    })
    modules.set(url, bytes)
    bytes.catch(() => modules.delete(url))
  }
  return bytes
}
