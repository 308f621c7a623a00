// The browser runner, driven from Node (worker_threads instead of Web Workers).
import { readFileSync } from 'node:fs'
import { createWasiRunner } from '../../demos/browser/runner/runner'
import { spawnNodeWorker } from '../../tooling/threads/spawn-runner'
import { wasmPath } from './node-wasi'

export const runner = createWasiRunner(spawnNodeWorker)

const bytes = new Map<string, Uint8Array>()
/** The committed module's bytes, read once (so the runner compiles it once). */
export function committedWasm(name: string): Uint8Array {
  let b = bytes.get(name)
  if (!b) {
    b = new Uint8Array(readFileSync(wasmPath(name)))
    bytes.set(name, b)
  }
  return b
}
