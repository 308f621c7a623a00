// The Web Worker that runs edited Cloudflare Worker code once: imports it as a module with
// "@cloudflare/workers-wasi" (the adapter) and "./demo.wasm" (the committed
// module) provided, calls its fetch(request, env, ctx) and reports the Response.
// The host's watchdog terminates it if the code never finishes.
import type { PlaygroundError, PlaygroundMessage, PlaygroundResponse, PlaygroundRun } from './playground-protocol'
import { messageOf } from '../../shared/errors'
import { concatBytes } from '../runner/bytes'
import { OutputLimitReached } from '../runner/wasi-session'
import { moduleUrl, positionInWorker, prepareWorkerSource } from './worker-code'
import * as workersWasi from './workers-wasi-adapter'

const MAX_LOG_LINES = 200
const post = (message: PlaygroundMessage, transfer: Transferable[] = []) => postMessage(message, { transfer })

// console output of the Worker code goes to the slide, while it runs (the dev
// server's own client may log in this worker too: that is not the Worker's).
let logLines = 0
let capturing = false
/* eslint-disable no-console -- the Worker code's console, captured */
for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
  const original = console[level].bind(console)
  console[level] = (...args: unknown[]) => {
    const text = args.map(a => (typeof a === 'string' ? a : safeString(a))).join(' ')
    if (!capturing || text.startsWith('[vite]'))
      return original(...args)
    if (++logLines <= MAX_LOG_LINES)
      post({ type: 'log', level, text })
  }
}
/* eslint-enable no-console */

// The modules the Worker may import; they read what they export from here.
interface PlaygroundGlobals { __playground?: { workersWasi: typeof workersWasi, demoWasm: WebAssembly.Module } }
const modules = {
  '@cloudflare/workers-wasi': moduleUrl('const m = globalThis.__playground.workersWasi; export const WASI = m.WASI; export const ProcessExit = m.ProcessExit;'),
  './demo.wasm': moduleUrl('export default globalThis.__playground.demoWasm;'),
}

globalThis.addEventListener('message', (event: MessageEvent<PlaygroundRun>) => {
  capturing = true
  run(event.data).finally(() => {
    capturing = false
  }).then(
    ({ response, error }) => post({ type: 'done', response, error }, response ? [response.body.buffer as ArrayBuffer] : []),
    e => post({ type: 'done', error: { kind: 'crash', message: messageOf(e) } }),
  )
})

async function run(input: PlaygroundRun): Promise<{ response?: PlaygroundResponse, error?: PlaygroundError }> {
  workersWasi.limits.maxOutputBytes = input.maxOutputBytes
  ;(globalThis as PlaygroundGlobals).__playground = { workersWasi, demoWasm: input.demoWasm }

  const prepared = prepareWorkerSource(input.code, modules)
  if (!prepared.ok)
    return { error: prepared.error }

  let handler: unknown
  try {
    handler = (await import(/* @vite-ignore */ moduleUrl(prepared.source))).default
  }
  catch (e) {
    return { error: exception(e, 'while loading the module') }
  }
  const fetchFn = (handler as { fetch?: unknown } | undefined)?.fetch
  if (typeof fetchFn !== 'function')
    return { error: { kind: 'exception', message: 'The module has no `export default { async fetch(request, env, ctx) { … } }`' } }

  const { method, headers, body } = input.request
  const request = new Request('http://localhost/', { method, headers, body: method === 'GET' || method === 'HEAD' ? null : body as Uint8Array<ArrayBuffer> | null })
  const waits: Promise<unknown>[] = []
  const ctx = {
    waitUntil: (promise: unknown) => void waits.push(Promise.resolve(promise)),
    passThroughOnException: () => {},
  }

  let response: unknown
  try {
    response = await fetchFn.call(handler, request, {}, ctx)
  }
  catch (e) {
    return { error: exception(e, 'in fetch()') }
  }
  if (!(response instanceof Response))
    return { error: { kind: 'not-response', message: `fetch() returned ${describe(response)}, not a Response` } }

  let bodyBytes: { bytes: Uint8Array, truncated: boolean }
  try {
    bodyBytes = await readCapped(response.body, input.maxOutputBytes)
  }
  catch (e) {
    return { error: exception(e, 'while reading the response body') }
  }
  const settled = await Promise.allSettled(waits)
  return {
    response: {
      status: response.status,
      statusText: response.statusText,
      headers: [...response.headers.entries()],
      body: bodyBytes.bytes,
      bodyTruncated: bodyBytes.truncated,
      waitUntil: {
        count: waits.length,
        rejected: settled.flatMap(s => (s.status === 'rejected' ? [errorText(s.reason)] : [])),
      },
    },
  }
}

function exception(e: unknown, where: string): PlaygroundError {
  if (e instanceof OutputLimitReached)
    return { kind: 'output-limit', message: `The program was ${e.message}` }
  return { kind: 'exception', message: `${errorText(e)} (${where})`, ...positionInWorker(e) }
}

function errorText(e: unknown): string {
  return e instanceof Error ? `${e.name}: ${e.message}` : `Uncaught ${safeString(e)}`
}

function describe(value: unknown): string {
  if (value === null)
    return 'null'
  if (typeof value === 'object')
    return `an object (${Object.prototype.toString.call(value).slice(8, -1)})`
  return `${typeof value} ${safeString(value)}`.trim()
}

function safeString(value: unknown): string {
  try {
    return typeof value === 'object' ? JSON.stringify(value) ?? String(value) : String(value)
  }
  catch {
    return String(value)
  }
}

async function readCapped(body: ReadableStream<Uint8Array> | null, max: number) {
  if (!body)
    return { bytes: new Uint8Array(), truncated: false }
  const reader = body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  let truncated = false
  for (;;) {
    const { done, value } = await reader.read()
    if (done)
      break
    if (size + value.length > max) {
      chunks.push(value.subarray(0, max - size))
      size = max
      truncated = true
      await reader.cancel()
      break
    }
    chunks.push(value)
    size += value.length
  }
  return { bytes: concatBytes(chunks), truncated }
}

post({ type: 'ready' })
