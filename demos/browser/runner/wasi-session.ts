// Runs one WASI command module to completion, synchronously, on
// @bjorn3/browser_wasi_shim. It lives inside the runner's Web Worker (web-worker.ts):
// the wasm may spin or trap, and only that worker is at risk.
import { ConsoleStdout, Directory, File, OpenFile, PreopenDirectory, WASI } from '@bjorn3/browser_wasi_shim'
import type { Inode } from '@bjorn3/browser_wasi_shim'
import type { RunError, StartMessage } from './protocol'
import { messageOf } from '../../shared/errors'

/** Thrown from a write when the output cap is reached; unwinds the wasm. */
export class OutputLimitReached extends Error {
  constructor(limit: number) {
    super(`stopped after ${limit} bytes of output (the limit)`)
  }
}

export interface SessionSink {
  stdout: (bytes: Uint8Array) => void
  stderr: (bytes: Uint8Array) => void
}

export interface SessionResult {
  exitCode: number | null
  error?: RunError
  instantiateMs: number
  runMs: number
}

/** Builds the directory tree for the preopen from relative paths. */
export function directoryFrom(files: Record<string, Uint8Array>): Map<string, Inode> {
  const root = new Map<string, Inode>()
  for (const [path, bytes] of Object.entries(files)) {
    const parts = path.split('/').filter(p => p !== '' && p !== '.')
    if (parts.length === 0 || parts.includes('..'))
      throw new Error(`invalid file path "${path}"`)
    let dir = root
    for (const part of parts.slice(0, -1)) {
      let child = dir.get(part)
      if (!(child instanceof Directory)) {
        child = new Directory(new Map())
        dir.set(part, child)
      }
      dir = (child as Directory).contents
    }
    dir.set(parts[parts.length - 1], new File(bytes))
  }
  return root
}

/** What a WASI instance is given: the same for a run and for the workers-wasi adapter. */
export interface ShimSetup {
  stdin: Uint8Array
  argv: string[]
  env: string[]
  files: Record<string, Uint8Array>
  maxOutputBytes: number
}

/**
 * The shim's WASI with our fds: stdin from memory, stdout and stderr streamed to
 * `sink` under one output cap, and the in-memory files preopened as "/" (fd 3).
 */
export function createShimWasi(setup: ShimSetup, sink: SessionSink): { wasi: WASI, stdin: File } {
  let written = 0
  const capped = (forward: (bytes: Uint8Array) => void) => (bytes: Uint8Array) => {
    const room = setup.maxOutputBytes - written
    if (bytes.length > room) {
      if (room > 0)
        forward(bytes.subarray(0, room))
      written = setup.maxOutputBytes
      throw new OutputLimitReached(setup.maxOutputBytes)
    }
    written += bytes.length
    forward(bytes)
  }
  const stdin = new File(setup.stdin)
  const fds = [
    new OpenFile(stdin),
    new ConsoleStdout(capped(sink.stdout)),
    new ConsoleStdout(capped(sink.stderr)),
    new PreopenDirectory('/', directoryFrom(setup.files)),
  ]
  const wasi = new WASI(setup.argv, setup.env, fds, { debug: false })
  fixArgsSizes(wasi, setup.argv)
  return { wasi, stdin }
}

export function runSession(start: StartMessage, sink: SessionSink): SessionResult {
  const { wasi } = createShimWasi(start, sink)

  let instance: WebAssembly.Instance
  const t0 = performance.now()
  try {
    instance = new WebAssembly.Instance(start.module, { wasi_snapshot_preview1: wasi.wasiImport })
  }
  catch (e) {
    return { exitCode: null, error: { kind: 'load', message: `cannot instantiate: ${messageOf(e)}` }, instantiateMs: 0, runMs: 0 }
  }
  const t1 = performance.now()
  try {
    const exitCode = wasi.start(instance as { exports: { memory: WebAssembly.Memory, _start: () => unknown } })
    return { exitCode, instantiateMs: t1 - t0, runMs: performance.now() - t1 }
  }
  catch (e) {
    const runMs = performance.now() - t1
    const error: RunError = e instanceof OutputLimitReached
      ? { kind: 'output-limit', message: e.message }
      : { kind: 'trap', message: trapMessage(e) }
    return { exitCode: null, error, instantiateMs: t1 - t0, runMs }
  }
}

/**
 * The shim (0.4.2) sizes the argument buffer in UTF-16 units but writes UTF-8,
 * so a non-ASCII argument overflows its buffer. Size it in UTF-8 bytes.
 */
// #region args-fix
function fixArgsSizes(wasi: WASI, argv: string[]): void {
  const encoder = new TextEncoder()
  const bufferSize = argv.reduce((n, arg) => n + encoder.encode(arg).length + 1, 0)
  wasi.wasiImport.args_sizes_get = (argcPtr: number, bufferSizePtr: number) => {
    const view = new DataView(wasi.inst.exports.memory.buffer)
    view.setUint32(argcPtr, argv.length, true)
    view.setUint32(bufferSizePtr, bufferSize, true)
    return 0
  }
}
// #endregion args-fix

export function trapMessage(e: unknown): string {
  if (e instanceof WebAssembly.RuntimeError)
    return `wasm trap: ${e.message}`
  if (e instanceof RangeError)
    return `wasm trap: ${e.message}` // stack overflow, memory.grow failure
  return `the program was stopped by its host: ${messageOf(e)}`
}

