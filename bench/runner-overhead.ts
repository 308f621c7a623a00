// The browser runner against node:wasi on the same module and input, measured in one
// run: in Node (worker_threads) and in Chromium (Web Worker). Part of `npm run bench`.
import type { Workload } from '../demos/shared/workloads'
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { WASI } from 'node:wasi'
import { createWasiRunner } from '../demos/browser/runner/runner'
import { benchInput, median, WORKLOADS } from '../demos/shared/workloads'
import { openBrowserHarness } from '../tooling/harness/open-harness'
import { wasmPath } from '../tooling/lib/paths.mjs'
import { spawnNodeWorker } from '../tooling/threads/spawn-runner'

const RUNS = 15
const WARMUP = 3

/**
 * A full garbage collection, run between two node:wasi runs. On Node 20.20 a run of
 * `demo` with 1 MiB of stdin aborted the process after a few runs (SIGABRT: a GC that
 * fd_read's own allocation triggered ran ~WASI(), whose uvwasi_fd_table_free hit a
 * mutex still in use; keeping every WASI object referenced did not help). Collecting
 * before each run leaves nothing for that GC to destroy: 300 runs, no abort.
 */
setFlagsFromString('--expose-gc')
const collectGarbage = runInNewContext('gc') as () => void

/** node:wasi with the module compiled once; stdin from a file, stdout to /dev/null. Times start(). */
export function nodeWasiTimes(w: Workload, tmp: string, file = wasmPath(w.program), runs = RUNS): number[] {
  const module = new WebAssembly.Module(readFileSync(file))
  const stdinPath = join(tmp, `${w.program}.in`)
  writeFileSync(stdinPath, benchInput(w.stdinBytes))
  const times: number[] = []
  for (let i = 0; i < WARMUP + runs; i++) {
    collectGarbage()
    const stdin = openSync(stdinPath, 'r')
    const devNull = openSync('/dev/null', 'w')
    const wasi = new WASI({ version: 'preview1', args: [w.program, ...w.args], env: {}, stdin, stdout: devNull, stderr: devNull, returnOnExit: true })
    const instance = new WebAssembly.Instance(module, { wasi_snapshot_preview1: wasi.wasiImport } as WebAssembly.Imports)
    const t0 = performance.now()
    const code = wasi.start(instance)
    const t = performance.now() - t0
    closeSync(stdin)
    closeSync(devNull)
    if (code !== 0)
      throw new Error(`node:wasi ${w.program} exited ${code}`)
    if (i >= WARMUP)
      times.push(t)
  }
  return times
}

async function runnerInNode(w: Workload) {
  const runner = createWasiRunner(spawnNodeWorker)
  const wasm = new Uint8Array(readFileSync(wasmPath(w.program)))
  const stdin = benchInput(w.stdinBytes)
  const runMs: number[] = []
  const totalMs: number[] = []
  for (let i = 0; i < WARMUP + RUNS; i++) {
    const r = await runner.run(wasm, { programName: w.program, args: w.args, stdin, maxOutputBytes: 64 << 20 })
    if (r.error || r.exitCode !== 0)
      throw new Error(`runner ${w.program}: ${r.error?.message ?? r.exitCode}`)
    if (i >= WARMUP) {
      runMs.push(r.timings.runMs)
      totalMs.push(r.timings.totalMs)
    }
  }
  runner.dispose()
  return { runMs, totalMs }
}

async function runnerInChromium(workloads: Workload[]) {
  const harness = await openBrowserHarness()
  try {
    const results = []
    for (const w of workloads) {
      const runMs: number[] = []
      const totalMs: number[] = []
      for (let i = 0; i < WARMUP + RUNS; i++) {
        const r = await harness.run({ program: w.program, args: w.args, stdinBytes: w.stdinBytes })
        if (r.error || r.exitCode !== 0)
          throw new Error(`Chromium ${w.program}: ${r.error?.message ?? r.exitCode}`)
        if (i >= WARMUP) {
          runMs.push(r.timings.runMs)
          totalMs.push(r.timings.totalMs)
        }
      }
      results.push({ runMs, totalMs })
    }
    return { version: harness.version, results }
  }
  finally {
    await harness.close()
  }
}

export interface OverheadRow {
  workload: string
  program: string
  /** Medians, in ms: `_start()` to exit. */
  nodeWasiMs: number
  runnerNodeMs: number
  runnerChromiumMs: number
  /** Medians, in ms: run() called to result back, the hand-off to and from the worker included. */
  endToEndNodeMs: number
  endToEndChromiumMs: number
  /** The target for runner / node:wasi. */
  target: number
}

/** The runner against node:wasi, in Node and in Chromium, for every workload. */
export async function runnerOverhead(progress: (text: string) => void): Promise<{ chromium: string, runs: number, rows: OverheadRow[] }> {
  const tmpDir = mkdtempSync(join(tmpdir(), 'bench-'))
  try {
    const inNode = []
    for (const w of WORKLOADS) {
      progress(`${w.program}: node:wasi`)
      const base = median(nodeWasiTimes(w, tmpDir))
      progress(`${w.program}: runner in Node`)
      inNode.push({ w, base, node: await runnerInNode(w) })
    }
    progress('runner in Chromium')
    const browser = await runnerInChromium(WORKLOADS)
    const rows = inNode.map(({ w, base, node }, i) => ({
      workload: w.label,
      program: w.program,
      nodeWasiMs: base,
      runnerNodeMs: median(node.runMs),
      runnerChromiumMs: median(browser.results[i].runMs),
      endToEndNodeMs: median(node.totalMs),
      endToEndChromiumMs: median(browser.results[i].totalMs),
      target: w.overheadTarget,
    }))
    return { chromium: browser.version, runs: RUNS, rows }
  }
  finally {
    rmSync(tmpDir, { recursive: true, force: true })
  }
}
