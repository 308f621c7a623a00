// The benchmark page: the runner core with its worker, timed in the browser.
import { createWasiRunner } from '../demos/browser/runner'
import { spawnerFor } from '../demos/browser/spawn-browser'
import { benchInput } from './inputs'

const runner = createWasiRunner(spawnerFor(() => new Worker('./run-worker.js', { name: 'wasi-run' })))

async function benchRun(program: string, args: string[], stdinBytes: number, runs: number, warmup: number) {
  const wasm = new Uint8Array(await (await fetch(`./wasm/${program}.wasm`)).arrayBuffer())
  const stdin = benchInput(stdinBytes)
  const runMs: number[] = []
  const totalMs: number[] = []
  let outBytes = 0
  for (let i = 0; i < warmup + runs; i++) {
    const r = await runner.run(wasm, { programName: program, args, stdin, maxOutputBytes: 64 << 20 })
    if (r.error || r.exitCode !== 0)
      throw new Error(`${program}: ${r.error?.message ?? `exit code ${r.exitCode}`}`)
    outBytes = r.stdout.length
    if (i >= warmup) {
      runMs.push(r.timings.runMs)
      totalMs.push(r.timings.totalMs)
    }
  }
  return { runMs, totalMs, outBytes, userAgent: navigator.userAgent }
}

Object.assign(globalThis, { benchRun })
