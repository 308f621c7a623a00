// Runs a transpiled WASI 0.2 component (npm run build:wasm: jco's preview 1 adapter, then
// jco transpile) in a Web Worker with the module runner's watchdog and output cap
// (superviseWorker). Each run gets a fresh worker (started ahead by `warm`): the shim keeps
// its state in module globals.
import type { ComponentInfo } from '../../shared/manifest'
import type { ComponentStartMessage, ComponentWorkerMessage, RunError, RunOptions, RunResult, WorkerMessage } from './protocol'
import type { SpawnWorker, WorkerPort } from './supervisor'
import { messageOf } from '../../shared/errors'
import { transpiledParts } from '../../shared/manifest'
import { collectOutput } from './bytes'
import { DEFAULT_MAX_OUTPUT_BYTES, DEFAULT_TIMEOUT_MS } from './protocol'
import { startTimeoutError, superviseWorker, timeoutError, withSpare } from './supervisor'

/** A component ready to run: its JS's URL and its compiled core modules. */
export interface LoadedComponent {
  name: string
  jsUrl: string
  modules: Record<string, WebAssembly.Module>
  /** Fetching and compiling the core modules (the worker imports the JS itself). */
  compileMs: number
}

const loaded = new Map<string, Promise<LoadedComponent>>()

/** Compiles a core module while it downloads (compileStreaming), or from its bytes where the server's type is not application/wasm. */
async function compileCore(url: string): Promise<WebAssembly.Module> {
  const response = await fetch(url)
  if (!response.ok)
    throw new Error(`could not load ${url}: ${response.status} ${response.statusText}`.trim())
  if (WebAssembly.compileStreaming && response.headers.get('content-type')?.startsWith('application/wasm'))
    return WebAssembly.compileStreaming(response)
  return WebAssembly.compile(await response.arrayBuffer())
}

/** The absolute URL of a component's transpiled JS (the worker imports it). */
export function componentJsUrl(info: ComponentInfo, base: string): string {
  return new URL(`${base}${transpiledParts(info).js.file}`, globalThis.location.href).href
}

/**
 * Fetches and compiles a component's core modules once; `base` is the deck's base URL.
 * `fresh`: compile them again (a cold start, as a fresh process would).
 */
export function loadComponent(info: ComponentInfo, base: string, { fresh = false } = {}): Promise<LoadedComponent> {
  let result = fresh ? undefined : loaded.get(info.name)
  if (!result) {
    result = (async () => {
      const t0 = performance.now()
      const { cores } = transpiledParts(info)
      // All four at once, each compiled as its bytes arrive.
      const modules = Object.fromEntries(await Promise.all(cores.map(async core =>
        [core.file.split('/').pop()!, await compileCore(`${base}${core.file}`)] as const)))
      return { name: info.name, jsUrl: componentJsUrl(info, base), modules, compileMs: performance.now() - t0 }
    })()
    loaded.set(info.name, result)
    result.catch(() => loaded.delete(info.name))
  }
  return result
}

const encoder = new TextEncoder()

export function createComponentRunner(spawnWorker: SpawnWorker<ComponentWorkerMessage, WorkerMessage>) {
  const workers = withSpare(spawnWorker)
  let queue: Promise<unknown> = Promise.resolve()
  // The spare worker that was told to import a component's JS ahead, and which.
  let preloaded: { worker: WorkerPort<ComponentWorkerMessage, WorkerMessage>, jsUrl: string } | undefined

  async function runNow(component: LoadedComponent, options: RunOptions): Promise<RunResult> {
    const t0 = performance.now()
    const output = collectOutput(options)
    const finish = (exitCode: number | null, error: RunError | undefined, instantiateMs = 0, runMs = 0, importMs?: number): RunResult => ({
      exitCode,
      ...(error ? { error } : {}),
      ...output.joined(),
      timings: { compileMs: 0, instantiateMs, runMs, totalMs: performance.now() - t0, ...(importMs !== undefined ? { importMs } : {}) },
    })
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS
    const stdin = typeof options.stdin === 'string' ? encoder.encode(options.stdin) : (options.stdin ?? new Uint8Array(0)).slice()
    const files = Object.fromEntries(Object.entries(options.files ?? {}).map(([k, v]) => [k, typeof v === 'string' ? encoder.encode(v) : v.slice()]))
    const start: ComponentStartMessage = {
      type: 'start',
      jsUrl: component.jsUrl,
      modules: component.modules,
      stdin,
      argv: [options.programName ?? component.name, ...(options.args ?? [])],
      env: options.env ?? {},
      files,
      maxOutputBytes: options.maxOutputBytes ?? DEFAULT_MAX_OUTPUT_BYTES,
    }
    const worker = workers.spawn()
    if (preloaded?.worker === worker)
      preloaded = undefined
    return superviseWorker<ComponentWorkerMessage, WorkerMessage, RunResult>(worker, {
      message: start,
      transfer: [stdin.buffer as ArrayBuffer],
      timeoutMs,
      onMessage(message, settle) {
        if (message.type === 'output') {
          output.add(message)
        }
        else if (message.type === 'done') {
          settle(finish(message.exitCode, message.error, message.instantiateMs, message.runMs, message.importMs))
        }
      },
      onTimeout: () => finish(null, timeoutError(timeoutMs)),
      onStartTimeout: () => finish(null, startTimeoutError()),
      onError: error => finish(null, { kind: 'crash', message: `the worker running the component failed: ${messageOf(error)}` }),
    })
  }

  return {
    /** Runs are queued, one at a time; each on its own worker. */
    run(component: LoadedComponent, options: RunOptions = {}): Promise<RunResult> {
      const result = queue.then(() => runNow(component, options))
      queue = result.catch(() => undefined)
      return result
    },
    /**
     * Starts the next run's worker ahead; given the component that run will be, the worker
     * imports its JS ahead too (the core modules: loadComponent, ahead as well).
     */
    warm(component?: { jsUrl: string }) {
      workers.warm()
      const spare = workers.peek()
      if (component && spare && preloaded?.worker !== spare) {
        preloaded = { worker: spare, jsUrl: component.jsUrl }
        spare.start({ type: 'preload', jsUrl: component.jsUrl })
      }
    },
    dispose: () => workers.dispose(),
  }
}
