// The runner core: runs a WASI command module in a worker with a watchdog, an output
// cap and streamed output. Shared by the slides, the tests and the
// benchmarks; only the way a worker is spawned differs (see spawn-*.ts).
import type { PreopenTree, RunError, RunOptions, RunResult, StartMessage, WorkerMessage } from './protocol'
import type { SpawnWorker, WorkerPort } from './supervisor'
import { messageOf } from '../../shared/errors'
import { collectOutput } from './bytes'
import { DEFAULT_MAX_OUTPUT_BYTES, DEFAULT_TIMEOUT_MS } from './protocol'
import { startTimeoutError, superviseWorker, timeoutError } from './supervisor'

export type WasmSource = WebAssembly.Module | Uint8Array | ArrayBuffer

export interface WasiRunner {
  /** Runs are queued: one at a time, in call order. */
  run: (wasm: WasmSource, options?: RunOptions) => Promise<RunResult>
  /** Starts a worker ahead, if none is idle, so that the next run does not wait for one to load. */
  warm: () => void
  /** Terminates the idle worker and keeps none (runs still work, each starting a worker). */
  dispose: () => void
}

const WASM_MAGIC = [0x00, 0x61, 0x73, 0x6D]
const encoder = new TextEncoder()

/** Compiles bytes into a module and checks it is a WASI command. Throws a readable Error. */
export async function compileWasi(bytes: Uint8Array | ArrayBuffer): Promise<WebAssembly.Module> {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes)
  if (view.length < 8 || WASM_MAGIC.some((b, i) => view[i] !== b)) {
    const head = new TextDecoder().decode(view.subarray(0, 40)).replace(/\s+/g, ' ').trim()
    throw new Error(`not a WebAssembly module (${view.length} bytes${head ? ` starting "${head}"` : ''})`)
  }
  let module: WebAssembly.Module
  try {
    module = await WebAssembly.compile(view as Uint8Array<ArrayBuffer>)
  }
  catch (e) {
    throw new Error(`invalid WebAssembly: ${messageOf(e)}`)
  }
  checkWasiCommand(module)
  return module
}

const compiledModules = new WeakMap<object, Promise<WebAssembly.Module>>()
const compiled = new WeakSet<Promise<WebAssembly.Module>>()

/**
 * Compiles a buffer once; later calls with the same buffer get the same module. `cached`:
 * the module was compiled already (a compile still running, started ahead, is not cached:
 * a run waiting for it counts the wait as its compile).
 */
export function compileWasiCached(wasm: Uint8Array | ArrayBuffer): { module: Promise<WebAssembly.Module>, cached: boolean } {
  const key = wasm instanceof Uint8Array ? wasm.buffer : wasm
  const cached = compiledModules.get(key)
  if (cached)
    return { module: cached, cached: compiled.has(cached) }
  const module = compileWasi(wasm)
  compiledModules.set(key, module)
  module.then(() => compiled.add(module), () => compiledModules.delete(key))
  return { module, cached: false }
}

export function checkWasiCommand(module: WebAssembly.Module): void {
  const exports = WebAssembly.Module.exports(module)
  if (!exports.some(e => e.name === '_start' && e.kind === 'function'))
    throw new Error('not a WASI command: the module exports no _start function')
  if (!exports.some(e => e.name === 'memory' && e.kind === 'memory'))
    throw new Error('not a WASI command: the module exports no memory')
  const foreign = WebAssembly.Module.imports(module).filter(i => i.module !== 'wasi_snapshot_preview1')
  if (foreign.length > 0)
    throw new Error(`not a WASI module: it imports ${foreign.map(i => `${i.module}.${i.name}`).join(', ')}`)
}

function toBytes(data: string | Uint8Array | undefined): Uint8Array {
  if (data === undefined)
    return new Uint8Array(0)
  // A copy: the worker takes ownership of the buffer, the caller keeps theirs.
  return typeof data === 'string' ? encoder.encode(data) : data.slice()
}

/**
 * The preopens in fd order: `files` is shorthand for "/", given first; with neither, "/" is
 * preopened empty (fd 3, Zig's cwd).
 */
function preopensOf(options: RunOptions): StartMessage['preopens'] {
  const named = Object.entries(options.preopens ?? {})
  if (options.files && named.some(([name]) => name === '/'))
    throw new Error('preopen "/" is given twice: by files and by preopens')
  const all = options.files || named.length === 0 ? [['/', options.files ?? {}] as const, ...named] : named
  return all.map(([name, files]) => {
    if (name === '')
      throw new Error('a preopen needs a name')
    return [name, Object.fromEntries(Object.entries(files).map(([k, v]) => [k, toBytes(v)]))]
  })
}

/**
 * Whether the worker that produced `result` may run the next program: only after the
 * program exited on its own. A trap, a timeout, the output cap or a crash ends the
 * worker (the watchdog terminates it), and the next run gets a fresh one.
 */
function workerReusableAfter(result: RunResult): boolean {
  return !result.error && result.exitCode !== null
}

/** The compiled module (once per buffer, from the cache) and how long compiling took. */
async function moduleFor(wasm: WasmSource): Promise<{ module: WebAssembly.Module, compileMs: number }> {
  if (wasm instanceof WebAssembly.Module) {
    checkWasiCommand(wasm)
    return { module: wasm, compileMs: 0 }
  }
  const t0 = performance.now()
  const { module, cached } = compileWasiCached(wasm)
  return { module: await module, compileMs: cached ? 0 : performance.now() - t0 }
}

/** What the worker is told to run. */
function startMessage(module: WebAssembly.Module, options: RunOptions, preopens: StartMessage['preopens']): StartMessage {
  return {
    type: 'start',
    module,
    stdin: toBytes(options.stdin),
    argv: [options.programName ?? 'main', ...(options.args ?? [])],
    env: Object.entries(options.env ?? {}).map(([k, v]) => `${k}=${v}`),
    preopens,
    maxOutputBytes: options.maxOutputBytes ?? DEFAULT_MAX_OUTPUT_BYTES,
  }
}

export function createWasiRunner(spawn: SpawnWorker): WasiRunner {
  /** The worker the next run takes: started ahead, or kept from a run that ended cleanly. */
  let idle: { worker: WorkerPort, ready: boolean } | undefined
  let disposed = false
  let queue: Promise<unknown> = Promise.resolve()

  const takeWorker = () => {
    const taken = idle ?? { worker: spawn(), ready: false }
    idle = undefined
    return taken
  }
  /** After a run: keep its worker if it may run again, else start a fresh one (a Web Worker takes 10–30 ms to load). */
  const refill = (used: WorkerPort, kept: boolean) => {
    // Disposed, or a worker was started ahead (warm) while this one ran: keep that one only.
    if (disposed || idle) {
      if (kept)
        used.terminate()
      return
    }
    idle = kept ? { worker: used, ready: true } : { worker: spawn(), ready: false }
  }

  async function runNow(wasm: WasmSource, options: RunOptions): Promise<RunResult> {
    const t0 = performance.now()
    const output = collectOutput(options)
    const finish = (exitCode: number | null, error: RunError | undefined, compileMs: number, instantiateMs = 0, runMs = 0, preopens?: Record<string, PreopenTree>): RunResult => ({
      exitCode,
      ...(error ? { error } : {}),
      ...output.joined(),
      ...(preopens ? { preopens } : {}),
      timings: { compileMs, instantiateMs, runMs, totalMs: performance.now() - t0 },
    })

    let module: WebAssembly.Module
    let compileMs: number
    try {
      ({ module, compileMs } = await moduleFor(wasm))
    }
    catch (e) {
      return finish(null, { kind: 'load', message: messageOf(e) }, 0)
    }

    let preopens: StartMessage['preopens']
    try {
      preopens = preopensOf(options)
    }
    catch (e) {
      return finish(null, { kind: 'load', message: messageOf(e) }, compileMs)
    }
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS
    const start = startMessage(module, options, preopens)

    const { worker, ready } = takeWorker()
    let kept = false
    const result = await superviseWorker(worker, {
      message: start,
      transfer: [start.stdin.buffer as ArrayBuffer],
      timeoutMs,
      ready,
      onMessage(message: WorkerMessage, settle) {
        if (message.type === 'output') {
          output.add(message)
        }
        else if (message.type === 'done') {
          const done = finish(message.exitCode, message.error, compileMs, message.instantiateMs, message.runMs, message.preopens)
          kept = workerReusableAfter(done)
          settle(done, kept)
        }
      },
      onTimeout: () => finish(null, timeoutError(timeoutMs), compileMs),
      onStartTimeout: () => finish(null, startTimeoutError(), compileMs),
      onError: error => finish(null, { kind: 'crash', message: `the worker running the program failed: ${error.message}` }, compileMs),
    })
    refill(worker, kept)
    return result
  }

  return {
    run(wasm, options = {}) {
      const result = queue.then(() => runNow(wasm, options))
      queue = result.catch(() => undefined)
      return result
    },
    warm() {
      if (!disposed)
        idle ??= { worker: spawn(), ready: false }
    },
    dispose() {
      disposed = true
      idle?.worker.terminate()
      idle = undefined
    },
  }
}
