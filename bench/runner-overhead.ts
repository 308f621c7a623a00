// npm run bench: the browser runner against node:wasi on the same module and input,
// measured in one run: in Node (worker_threads) and in Chromium (Web Worker).
// Prints medians and ratios; writes bench/results.json. Not a test: nothing here asserts a time.
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, tmpdir } from 'node:os'
import { join } from 'node:path'
import { WASI } from 'node:wasi'
import { createWasiRunner } from '../demos/browser/runner'
import { spawnNodeWorker } from '../demos/browser/spawn-node'
import { openBrowserHarness } from '../scripts/browser-harness'
import { root, wasmPath } from '../test/helpers/node-wasi'
import type { Workload } from './inputs'
import { WORKLOADS, benchInput, median } from './inputs'

const RUNS = 15
const WARMUP = 3
const tmp = mkdtempSync(join(tmpdir(), 'bench-'))

/** node:wasi with the module compiled once; stdin from a file, stdout to /dev/null. Times start(). */
function nodeWasiTimes(w: Workload): number[] {
  const module = new WebAssembly.Module(readFileSync(wasmPath(w.program)))
  const stdinPath = join(tmp, `${w.program}.in`)
  writeFileSync(stdinPath, benchInput(w.stdinBytes))
  const times: number[] = []
  for (let i = 0; i < WARMUP + RUNS; i++) {
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

const fmt = (ms: number) => `${ms.toFixed(2)} ms`
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}x`

try {
  console.log(`runner overhead: median of ${RUNS} runs after ${WARMUP} warm-up runs, ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`)
  const rows: Array<Record<string, string | number>> = []
  const nodeResults = []
  for (const w of WORKLOADS) {
    process.stdout.write(`  ${w.label}: node:wasi… `)
    const base = median(nodeWasiTimes(w))
    process.stdout.write('runner in Node… ')
    const node = await runnerInNode(w)
    console.log('done')
    nodeResults.push({ w, base, node })
  }
  process.stdout.write('  Chromium… ')
  const browser = await runnerInChromium(WORKLOADS)
  console.log(`Chromium ${browser.version}`)

  for (const [i, { w, base, node }] of nodeResults.entries()) {
    const inNode = median(node.runMs)
    const inChromium = median(browser.results[i].runMs)
    rows.push({
      'workload': w.label,
      'node:wasi': fmt(base),
      'runner (Node)': fmt(inNode),
      'ratio (Node)': ratio(inNode, base),
      'runner (Chromium)': fmt(inChromium),
      'ratio (Chromium)': ratio(inChromium, base),
      'end-to-end (Node / Chromium)': `${fmt(median(node.totalMs))} / ${fmt(median(browser.results[i].totalMs))}`,
    })
  }
  console.table(rows)
  console.log('Times are _start() to exit inside the worker; end-to-end adds the hand-off to and from the worker.')
  console.log('Targets: CPU-bound <= 1.1x, I/O <= 1.5x of node:wasi.')
  mkdirSync(join(root, 'bench'), { recursive: true })
  writeFileSync(join(root, 'bench/results.json'), `${JSON.stringify({ date: new Date().toISOString(), node: process.version, chromium: browser.version, runs: RUNS, runnerOverhead: rows }, null, 2)}\n`)
}
finally {
  rmSync(tmp, { recursive: true, force: true })
}
