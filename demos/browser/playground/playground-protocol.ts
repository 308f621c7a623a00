// Types shared by the Worker playground's page side (run-worker-code.ts) and its Web Worker (web-worker.ts).

export interface PlaygroundRequest {
  method: string
  headers: Array<[string, string]>
  body: Uint8Array | null
}

/** What the host sends: run this Worker source once with this request. */
export interface PlaygroundRun {
  code: string
  /** The compiled demo.wasm, what `import demoWasm from "./demo.wasm"` gives. */
  demoWasm: WebAssembly.Module
  request: PlaygroundRequest
  maxOutputBytes: number
}

export type PlaygroundErrorKind
  = | 'syntax' // the code does not parse
    | 'import' // it imports a module the playground does not have
    | 'exception' // an exception escaped the module or fetch()
    | 'not-response' // fetch() did not give a Response
    | 'output-limit' // the program or the response body went over the cap
    | 'timeout' // the worker was terminated by the watchdog
    | 'request-too-large'
    | 'crash' // the worker itself failed

export interface PlaygroundError {
  kind: PlaygroundErrorKind
  message: string
  /** 1-based position in the edited code, when known. */
  line?: number
  column?: number
}

export interface PlaygroundResponse {
  status: number
  statusText: string
  headers: Array<[string, string]>
  body: Uint8Array
  /** The body was longer than the cap and was cut there. */
  bodyTruncated: boolean
  /** Promises given to ctx.waitUntil, and the reasons of those that rejected. */
  waitUntil: { count: number, rejected: string[] }
}

export interface PlaygroundResult {
  response?: PlaygroundResponse
  error?: PlaygroundError
  /** console output of the Worker code. */
  logs: Array<{ level: string, text: string }>
  ms: number
}

export type PlaygroundMessage
  = | { type: 'ready' }
    | { type: 'log', level: string, text: string }
    | { type: 'done', response?: PlaygroundResponse, error?: PlaygroundError }

export const PLAYGROUND_MODULES = ['@cloudflare/workers-wasi', './demo.wasm'] as const
