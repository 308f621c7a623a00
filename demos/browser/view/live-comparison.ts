// The comparison slide, live: this browser measured the way npm run runtimes measures
// a browser (start: a fresh Web Worker compiling and running demo.wasm until the answer;
// compute: mandelbrot's _start to exit in a fresh Web Worker), and, on the dev server,
// every runtime of the presenter's machine through POST /__runtimes/compare (NDJSON).
import type { LiveLine, RuntimesJson } from '../../shared/runtime-report'
import { messageOf } from '../../shared/errors'
import { fetchWasm, wasmUrl } from '../runner/page-runner'
import { createWasiRunner } from '../runner/runner'
import { spawnBrowserWorker } from '../runner/spawn-browser'
import { browserEngine } from './browser-engine'

export type { LiveLine }
export type LiveRowLine = Extract<LiveLine, { type: 'row' }>

export const COMPARE_PATH = '/__runtimes/compare'

export interface BrowserMeasure {
  browser: string
  engine: string
  same: boolean
  startMs: number
  computeMs?: number
  message?: string
}

async function sha256(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>)
  return [...new Uint8Array(digest)].map(b => b.toString(16).padStart(2, '0')).join('')
}

/** One run in a fresh runner (a fresh Web Worker) with a fresh compile (a copy of the bytes skips the cache). */
async function freshRun(program: string, options: { stdin?: string, args?: string[] }) {
  const runner = createWasiRunner(spawnBrowserWorker)
  try {
    const bytes = (await fetchWasm(wasmUrl(program))).slice()
    return await runner.run(bytes, { programName: program, ...options, timeoutMs: 60_000, maxOutputBytes: 16 << 20 })
  }
  finally {
    runner.dispose()
  }
}

export async function measureThisBrowser(live: RuntimesJson['live']): Promise<BrowserMeasure> {
  const { browser, engine } = browserEngine(navigator.userAgent)
  try {
    const hello = await freshRun(live.program, { stdin: live.stdin })
    if (hello.error || hello.exitCode !== 0 || await sha256(hello.stdout) !== live.stdoutSha256)
      return { browser, engine, same: false, startMs: hello.timings.totalMs, message: hello.error?.message ?? 'output differs from node:wasi' }
    const cpu = await freshRun(live.cpu.program, { args: live.cpu.args })
    const same = !cpu.error && cpu.exitCode === 0 && await sha256(cpu.stdout) === live.cpu.stdoutSha256
    return { browser, engine, same, startMs: hello.timings.totalMs, computeMs: cpu.timings.runMs, ...(same ? {} : { message: cpu.error?.message ?? 'mandelbrot differs from node:wasi' }) }
  }
  catch (e) {
    return { browser, engine, same: false, startMs: 0, message: messageOf(e) }
  }
}

/** Asks the dev server to run a case on every runtime; calls `onLine` for each line as it arrives. */
export async function compareOnThisMachine(caseId: string, onLine: (line: LiveLine) => void, signal?: AbortSignal): Promise<void> {
  const response = await fetch(COMPARE_PATH, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ case: caseId }), signal })
  if (!response.ok || !response.body) {
    const text = await response.text()
    let message = text
    try {
      message = (JSON.parse(text) as { error: string }).error
    }
    catch {}
    throw new Error(message || `HTTP ${response.status}`)
  }
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader()
  let buffered = ''
  for (;;) {
    const { done, value } = await reader.read()
    if (done)
      break
    buffered += value
    for (let nl = buffered.indexOf('\n'); nl >= 0; nl = buffered.indexOf('\n')) {
      const line = buffered.slice(0, nl).trim()
      buffered = buffered.slice(nl + 1)
      if (line)
        onLine(JSON.parse(line) as LiveLine)
    }
  }
}
