// Runs a transpiled WASI 0.2 component (npm run build:wasm: jco's preview 1 adapter, then
// jco transpile) in a Web Worker with the module runner's watchdog and output cap
// (superviseWorker). Each run gets a fresh worker (started ahead by `warm`): the shim keeps
// its state in module globals.
import type { ComponentInfo } from '../../shared/manifest'
import type { ComponentStartMessage, RunError, RunOptions, RunResult, WorkerMessage } from './protocol'
import type { SpawnWorker } from './supervisor'
import { messageOf } from '../../shared/errors'
import { fetchOnce } from '../../shared/fetch-once'
import { transpiledParts } from '../../shared/manifest'
import { concatBytes } from './bytes'
import { DEFAULT_MAX_OUTPUT_BYTES, DEFAULT_TIMEOUT_MS } from './protocol'
import { superviseWorker, withSpare, WORKER_START_TIMEOUT_MS } from './supervisor'

/** A component ready to run: its JS's URL and its compiled core modules. */
export interface LoadedComponent {
  name: string
  jsUrl: string
  modules: Record<string, WebAssembly.Module>
  /** Fetching and compiling the core modules (the worker imports the JS itself). */
  compileMs: number
}

const loaded = new Map<string, Promise<LoadedComponent>>()

/** Fetches and compiles a component's core modules once; `base` is the deck's base URL. */
export function loadComponent(info: ComponentInfo, base: string): Promise<LoadedComponent> {
  let result = loaded.get(info.name)
  if (!result) {
    result = (async () => {
      const t0 = performance.now()
      const { js, cores } = transpiledParts(info)
      const modules = Object.fromEntries(await Promise.all(cores.map(async core =>
        [core.file.split('/').pop()!, await WebAssembly.compile(await fetchOnce(`${base}${core.file}`, r => r.arrayBuffer()))] as const)))
      return { name: info.name, jsUrl: new URL(`${base}${js.file}`, globalThis.location.href).href, modules, compileMs: performance.now() - t0 }
    })()
    loaded.set(info.name, result)
    result.catch(() => loaded.delete(info.name))
  }
  return result
}

const encoder = new TextEncoder()

export function createComponentRunner(spawnWorker: SpawnWorker<ComponentStartMessage, WorkerMessage>) {
  const workers = withSpare(spawnWorker)
  let queue: Promise<unknown> = Promise.resolve()

  async function runNow(component: LoadedComponent, options: RunOptions): Promise<RunResult> {
    const t0 = performance.now()
    const stdout: Uint8Array[] = []
    const stderr: Uint8Array[] = []
    const finish = (exitCode: number | null, error: RunError | undefined, instantiateMs = 0, runMs = 0): RunResult => ({
      exitCode,
      ...(error ? { error } : {}),
      stdout: concatBytes(stdout),
      stderr: concatBytes(stderr),
      timings: { compileMs: 0, instantiateMs, runMs, totalMs: performance.now() - t0 },
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
    return superviseWorker(workers.spawn(), {
      message: start,
      transfer: [stdin.buffer as ArrayBuffer],
      timeoutMs,
      onMessage(message, settle) {
        if (message.type === 'output') {
          if (message.stdout.length) {
            stdout.push(message.stdout)
            options.onStdout?.(message.stdout)
          }
          if (message.stderr.length) {
            stderr.push(message.stderr)
            options.onStderr?.(message.stderr)
          }
        }
        else if (message.type === 'done') {
          settle(finish(message.exitCode, message.error, message.instantiateMs, message.runMs))
        }
      },
      onTimeout: () => finish(null, { kind: 'timeout', message: `stopped after ${timeoutMs} ms: the program did not finish in time` }),
      onStartTimeout: () => finish(null, { kind: 'crash', message: `the worker did not start within ${WORKER_START_TIMEOUT_MS / 1000} s` }),
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
    warm: () => workers.warm(),
    dispose: () => workers.dispose(),
  }
}
