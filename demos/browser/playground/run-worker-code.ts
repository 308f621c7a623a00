// Runs edited Cloudflare Worker code once in a fresh Web Worker (web-worker.ts), with a
// watchdog: the page side of the Worker playground. Used by the slide and by the tests.
import type { SpawnWorker } from '../runner/supervisor'
import type { PlaygroundMessage, PlaygroundResult, PlaygroundRun } from './playground-protocol'
import { messageOf } from '../../shared/errors'
import { DEFAULT_MAX_OUTPUT_BYTES, DEFAULT_TIMEOUT_MS } from '../runner/protocol'
import { compileWasiCached } from '../runner/runner'
import { superviseWorker, WORKER_START_TIMEOUT_MS } from '../runner/supervisor'

/** Largest request body the playground sends. */
export const MAX_REQUEST_BYTES = 16 * 1024 * 1024

export interface PlaygroundInput {
  code: string
  demoWasm: Uint8Array | WebAssembly.Module
  method?: string
  headers?: Record<string, string>
  body?: string | Uint8Array
  timeoutMs?: number
  maxOutputBytes?: number
}

export async function runWorkerCode(spawn: SpawnWorker<PlaygroundRun, PlaygroundMessage>, input: PlaygroundInput): Promise<PlaygroundResult> {
  const t0 = performance.now()
  const logs: PlaygroundResult['logs'] = []
  const done = (rest: Omit<PlaygroundResult, 'logs' | 'ms'>): PlaygroundResult => ({ ...rest, logs, ms: performance.now() - t0 })

  const body = typeof input.body === 'string' ? new TextEncoder().encode(input.body) : input.body?.slice() ?? null
  if (body && body.length > MAX_REQUEST_BYTES) {
    return done({ error: { kind: 'request-too-large', message: `The request body is ${body.length} bytes; the page sends at most ${MAX_REQUEST_BYTES} bytes (16 MiB)` } })
  }
  let demoWasm: WebAssembly.Module
  try {
    demoWasm = input.demoWasm instanceof WebAssembly.Module ? input.demoWasm : await compileWasiCached(input.demoWasm).module
  }
  catch (e) {
    return done({ error: { kind: 'crash', message: `demo.wasm: ${messageOf(e)}` } })
  }

  const timeoutMs = input.timeoutMs ?? DEFAULT_TIMEOUT_MS
  return await superviseWorker(spawn(), {
    message: {
      code: input.code,
      demoWasm,
      request: {
        method: input.method ?? 'POST',
        headers: Object.entries(input.headers ?? {}),
        body,
      },
      maxOutputBytes: input.maxOutputBytes ?? DEFAULT_MAX_OUTPUT_BYTES,
    },
    transfer: body ? [body.buffer as ArrayBuffer] : [],
    timeoutMs,
    onMessage(message, settle) {
      if (message.type === 'log')
        logs.push({ level: message.level, text: message.text })
      else if (message.type === 'done')
        settle(done({ response: message.response, error: message.error }))
    },
    onTimeout: () => done({ error: { kind: 'timeout', message: `Stopped after ${timeoutMs} ms: the Worker did not answer in time` } }),
    onStartTimeout: () => done({ error: { kind: 'crash', message: `The playground's thread did not start within ${WORKER_START_TIMEOUT_MS / 1000} s` } }),
    onError: error => done({ error: { kind: 'crash', message: `The Worker's thread failed: ${error.message}` } }),
  })
}
