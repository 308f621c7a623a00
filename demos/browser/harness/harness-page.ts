// The page the scripts open in Chromium: the runner core with its Web Worker,
// driven from Node through page.evaluate (npm run bench, npm run runtimes).
import type { ComponentWorkerMessage, RunResult, WorkerMessage } from '../runner/protocol'
import { loadManifest, wasmUrl } from '../../shared/manifest'
import { benchInput } from '../../shared/workloads'
import { createComponentRunner, loadComponent } from '../runner/component-runner'
import { createWasiRunner } from '../runner/runner'
import { spawnerFor } from '../runner/spawn-browser'

const runner = createWasiRunner(spawnerFor(() => new Worker('./run-worker.js', { name: 'wasi-run' })))
const modules = new Map<string, Uint8Array>()
const spawnComponent = spawnerFor<ComponentWorkerMessage, WorkerMessage>(() => new Worker('./component-worker.js', { type: 'module', name: 'wasi-component' }))
const components = createComponentRunner(spawnComponent)

async function wasm(program: string): Promise<Uint8Array> {
  let bytes = modules.get(program)
  if (!bytes) {
    bytes = new Uint8Array(await (await fetch(wasmUrl(program))).arrayBuffer())
    modules.set(program, bytes)
  }
  return bytes
}

export interface HarnessRun {
  program: string
  args?: string[]
  env?: Record<string, string>
  /** stdin as bytes (an array, so it crosses page.evaluate). */
  stdin?: number[]
  /** ASCII text of this many bytes as stdin (see benchInput). */
  stdinBytes?: number
  files?: Record<string, string>
  /** Named preopens; bytes as arrays of numbers (so they cross page.evaluate). */
  preopens?: Record<string, Record<string, string | number[]>>
  /** A fresh runner: compile and worker start-up included. */
  cold?: boolean
  /** Run <program>.component.wasm (jco transpile + preview2-shim's browser build) instead of the module. */
  component?: boolean
  timeoutMs?: number
  /** Hand back stdout's SHA-256 (hex) instead of its bytes: a MiB of numbers is slow to cross page.evaluate. */
  hashStdout?: boolean
}

async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>))
  return [...digest].map(b => b.toString(16).padStart(2, '0')).join('')
}

type Tree<T> = Record<string, Record<string, T>>
function mapTree<A, B>(tree: Tree<A>, f: (a: A) => B): Tree<B> {
  return Object.fromEntries(Object.entries(tree).map(([name, files]) => [name, Object.fromEntries(Object.entries(files).map(([p, v]) => [p, f(v)]))]))
}

/** A component run; timings.compileMs is fetching and compiling its core modules (once per page; afresh when cold). */
async function runComponent(r: HarnessRun): Promise<RunResult> {
  const info = (await loadManifest()).components.find(c => c.name === r.program)
  if (!info)
    throw new Error(`no component ${r.program} in the manifest`)
  const loaded = await loadComponent(info, './', { fresh: r.cold })
  const target = r.cold ? createComponentRunner(spawnComponent) : components
  const result = await target.run(loaded, {
    programName: r.program,
    args: r.args,
    env: r.env,
    stdin: r.stdin?.length ? new Uint8Array(r.stdin) : benchInput(r.stdinBytes ?? 0),
    files: r.files,
    timeoutMs: r.timeoutMs,
    maxOutputBytes: 64 << 20,
  })
  if (r.cold)
    target.dispose()
  return { ...result, timings: { ...result.timings, compileMs: loaded.compileMs } }
}

async function run(r: HarnessRun): Promise<Omit<RunResult, 'stdout' | 'stderr' | 'preopens'> & { stdout: number[], stdoutSha256?: string, stderr: number[], preopens?: Tree<number[]> }> {
  if (r.component) {
    const { preopens: _none, ...result } = await runComponent(r)
    if (r.hashStdout)
      return { ...result, stdout: [], stdoutSha256: await sha256Hex(result.stdout), stderr: [...result.stderr] }
    return { ...result, stdout: [...result.stdout], stderr: [...result.stderr] }
  }
  const target = r.cold ? createWasiRunner(spawnerFor(() => new Worker('./run-worker.js', { name: 'wasi-run' }))) : runner
  const bytes = r.cold ? (await wasm(r.program)).slice() : await wasm(r.program)
  const result = await target.run(bytes, {
    programName: r.program,
    args: r.args,
    env: r.env,
    stdin: r.stdin ? new Uint8Array(r.stdin) : benchInput(r.stdinBytes ?? 0),
    files: r.files,
    preopens: r.preopens && mapTree(r.preopens, v => (typeof v === 'string' ? v : new Uint8Array(v))),
    maxOutputBytes: 64 << 20,
    timeoutMs: r.timeoutMs,
  })
  if (r.cold)
    target.dispose()
  if (r.hashStdout)
    return { ...result, stdout: [], stdoutSha256: await sha256Hex(result.stdout), stderr: [...result.stderr], preopens: undefined }
  return { ...result, stdout: [...result.stdout], stderr: [...result.stderr], preopens: result.preopens && mapTree(result.preopens, b => [...b]) }
}

Object.assign(globalThis, { harness: { run, engine: () => navigator.userAgent } })
