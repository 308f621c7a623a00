// Runs one WASI command module to completion, synchronously, on
// @bjorn3/browser_wasi_shim. It lives inside the run worker: the wasm may spin or
// trap, and only the worker is at risk.
import { ConsoleStdout, Directory, File, OpenFile, PreopenDirectory, WASI } from '@bjorn3/browser_wasi_shim'
import type { Inode } from '@bjorn3/browser_wasi_shim'
import type { RunError, StartMessage } from './protocol'

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
  files?: Record<string, Uint8Array>
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
    const file = new File(bytes)
    file.ino = stableIno(parts.join('/'), bytes)
    dir.set(parts[parts.length - 1], file)
  }
  return root
}

/**
 * A file's inode number, from its path and its bytes: the same file gets the same number
 * in every run, and a changed file a new one. The shim numbers inodes in creation order and
 * reports every mtime as 0, so without this a program that trusts (inode, size, mtime) to
 * skip unchanged files, as the Zig compiler does for its cache, would see every file change,
 * or, with reused numbers, miss an edit. Two 32-bit FNV-1a lanes, kept above 2^32 so they
 * never meet the shim's counter.
 */
// #region stable-ino
function stableIno(path: string, bytes: Uint8Array): bigint {
  let a = 0x811C9DC5
  let b = 0x01000193 ^ bytes.length
  for (const c of new TextEncoder().encode(path)) {
    a = Math.imul(a ^ c, 0x01000193)
    b = Math.imul(b ^ c, 0x01000193 + 2)
  }
  for (let i = 0; i < bytes.length; i++) {
    a = Math.imul(a ^ bytes[i], 0x01000193)
    b = Math.imul(b ^ bytes[i], 0x01000193 + 2)
  }
  return ((BigInt((a >>> 0) | 0x1) << 32n) | BigInt(b >>> 0))
}
// #endregion stable-ino

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
export function createShimWasi(setup: ShimSetup, sink: SessionSink): { wasi: WASI, stdin: File, root: PreopenDirectory } {
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
  const root = new PreopenDirectory('/', directoryFrom(setup.files))
  const fds = [
    new OpenFile(stdin),
    new ConsoleStdout(capped(sink.stdout)),
    new ConsoleStdout(capped(sink.stderr)),
    root,
  ]
  const wasi = new WASI(setup.argv, setup.env, fds, { debug: false })
  fixArgsSizes(wasi, setup.argv)
  return { wasi, stdin, root }
}

/** The files at or below `paths` in the preopen, as copies keyed by relative path (see RunOptions.returnFiles). */
// #region return-files
export function filesUnder(root: PreopenDirectory, paths: string[]): Record<string, Uint8Array> {
  const found: Record<string, Uint8Array> = {}
  const walk = (inode: Inode, path: string) => {
    if (inode instanceof File)
      found[path] = inode.data.slice()
    else if (inode instanceof Directory)
      for (const [name, child] of inode.contents) walk(child, `${path}/${name}`)
  }
  for (const path of paths) {
    const parts = path.split('/').filter(p => p !== '' && p !== '.')
    let inode: Inode | undefined = root.dir
    for (const part of parts)
      inode = inode instanceof Directory ? inode.contents.get(part) : undefined
    if (inode)
      walk(inode, parts.join('/'))
  }
  return found
}
// #endregion return-files

export function runSession(start: StartMessage, sink: SessionSink): SessionResult {
  const { wasi, root } = createShimWasi(start, sink)
  const done = (result: SessionResult): SessionResult =>
    start.returnFiles ? { ...result, files: filesUnder(root, start.returnFiles) } : result

  let instance: WebAssembly.Instance
  const t0 = performance.now()
  try {
    instance = new WebAssembly.Instance(start.module, { wasi_snapshot_preview1: wasi.wasiImport })
  }
  catch (e) {
    return done({ exitCode: null, error: { kind: 'load', message: `cannot instantiate: ${messageOf(e)}` }, instantiateMs: 0, runMs: 0 })
  }
  const t1 = performance.now()
  try {
    const exitCode = wasi.start(instance as { exports: { memory: WebAssembly.Memory, _start: () => unknown } })
    return done({ exitCode, instantiateMs: t1 - t0, runMs: performance.now() - t1 })
  }
  catch (e) {
    const runMs = performance.now() - t1
    const error: RunError = e instanceof OutputLimitReached
      ? { kind: 'output-limit', message: e.message }
      : { kind: 'trap', message: trapMessage(e) }
    return done({ exitCode: null, error, instantiateMs: t1 - t0, runMs })
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

export function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e)
}
