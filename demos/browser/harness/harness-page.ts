// The page the scripts open in Chromium: the runner core with its Web Worker,
// driven from Node through page.evaluate (npm run bench, npm run runtimes).
import { benchInput } from '../../shared/workloads'
import { createWasiRunner } from '../runner/runner'
import type { RunResult } from '../runner/protocol'
import { spawnerFor } from '../runner/spawn-browser'

const runner = createWasiRunner(spawnerFor(() => new Worker('./run-worker.js', { name: 'wasi-run' })))
const modules = new Map<string, Uint8Array>()

async function wasm(program: string): Promise<Uint8Array> {
  let bytes = modules.get(program)
  if (!bytes) {
    bytes = new Uint8Array(await (await fetch(`./wasm/${program}.wasm`)).arrayBuffer())
    modules.set(program, bytes)
  }
  return bytes
}

export interface HarnessRun {
  program: string
  args?: string[]
  /** stdin as bytes (an array, so it crosses page.evaluate). */
  stdin?: number[]
  /** ASCII text of this many bytes as stdin (see benchInput). */
  stdinBytes?: number
  files?: Record<string, string>
  /** A fresh runner: compile and worker start-up included. */
  cold?: boolean
}

async function run(r: HarnessRun): Promise<Omit<RunResult, 'stdout' | 'stderr'> & { stdout: number[], stderr: number[] }> {
  const target = r.cold ? createWasiRunner(spawnerFor(() => new Worker('./run-worker.js', { name: 'wasi-run' }))) : runner
  const bytes = r.cold ? (await wasm(r.program)).slice() : await wasm(r.program)
  const result = await target.run(bytes, {
    programName: r.program,
    args: r.args,
    stdin: r.stdin ? new Uint8Array(r.stdin) : benchInput(r.stdinBytes ?? 0),
    files: r.files,
    maxOutputBytes: 64 << 20,
  })
  if (r.cold)
    target.dispose()
  return { ...result, stdout: [...result.stdout], stderr: [...result.stderr] }
}

Object.assign(globalThis, { harness: { run, engine: () => navigator.userAgent } })
