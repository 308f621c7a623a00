// Runs one WASI command module to completion, synchronously, on
// @bjorn3/browser_wasi_shim. It lives inside the runner's Web Worker (web-worker.ts):
// the wasm may spin or trap, and only that worker is at risk.
import type { Inode } from '@bjorn3/browser_wasi_shim'
import type { PreopenTree, RunError, StartMessage } from './protocol'
import { ConsoleStdout, Directory, File, OpenFile, PreopenDirectory, WASI } from '@bjorn3/browser_wasi_shim'
import { messageOf } from '../../shared/errors'
import { applyWasiFixes } from './wasi-fixes'

/** Thrown from a write when the output cap is reached; unwinds the wasm. */
export class OutputLimitReached extends Error {
  constructor(limit: number) {
    super(`stopped after ${limit} bytes of output (the limit)`)
  }
}

/**
 * One output cap over a run's stdout and stderr together: `capped(forward)` is a writer that passes
 * bytes on to `forward` until the cap, then what still fits, and throws OutputLimitReached.
 */
export function outputCap(maxOutputBytes: number) {
  let written = 0
  return (forward: (bytes: Uint8Array) => void) => (bytes: Uint8Array) => {
    const room = maxOutputBytes - written
    if (bytes.length > room) {
      if (room > 0)
        forward(bytes.subarray(0, room))
      written = maxOutputBytes
      throw new OutputLimitReached(maxOutputBytes)
    }
    written += bytes.length
    forward(bytes)
  }
}

export interface SessionSink {
  stdout: (bytes: Uint8Array) => void
  stderr: (bytes: Uint8Array) => void
}

export interface SessionResult {
  exitCode: number | null
  error?: RunError
  preopens?: Record<string, PreopenTree>
  instantiateMs: number
  runMs: number
}

/** Builds the directory tree for a preopen from relative paths; "dir/" is an empty directory. */
export function directoryFrom(files: Record<string, Uint8Array>): Map<string, Inode> {
  interface Draft { [name: string]: Draft | Uint8Array }
  const root: Draft = Object.create(null)
  for (const [path, bytes] of Object.entries(files)) {
    const parts = path.split('/').filter(p => p !== '' && p !== '.')
    if (parts.length === 0 || parts.includes('..'))
      throw new Error(`invalid file path "${path}"`)
    const isDir = path.endsWith('/')
    let dir = root
    for (const part of isDir ? parts : parts.slice(0, -1)) {
      const child: Draft | Uint8Array = dir[part] ??= Object.create(null)
      if (child instanceof Uint8Array)
        throw new Error(`invalid file path "${path}": "${part}" is a file`)
      dir = child
    }
    if (!isDir) {
      if (parts[parts.length - 1] in dir)
        throw new Error(`invalid file path "${path}": given twice`)
      dir[parts[parts.length - 1]] = bytes
    }
  }
  // Built bottom-up: the shim's Directory links its subdirectories to itself (their "..") when constructed.
  const file = (path: string, bytes: Uint8Array) => {
    const f = new File(bytes)
    f.ino = stableIno(path, bytes)
    return f
  }
  const build = (draft: Draft, prefix: string): Map<string, Inode> => new Map(Object.entries(draft).map(([name, value]): [string, Inode] =>
    [name, value instanceof Uint8Array ? file(prefix + name, value) : new Directory(build(value, `${prefix}${name}/`))]))
  return build(root, '')
}

/**
 * A file's inode number, from its path and its bytes: the same file gets the same number
 * in every run, and a changed file a new one. The shim numbers inodes in creation order and
 * reports every mtime as 0, so without this a program that trusts (inode, size, mtime) to
 * skip unchanged files, as the Zig compiler does for its cache, would see every file change,
 * or, with reused numbers, miss an edit. Two 32-bit FNV-1a lanes, kept above 2^32 so they
 * never meet the shim's counter.
 */
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

/** What a directory holds now: files with their bytes, empty directories as "path/". Symlinks are left out. */
export function treeOf(contents: Map<string, Inode>, prefix = '', tree: PreopenTree = {}): PreopenTree {
  for (const [name, inode] of [...contents].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (inode instanceof File) {
      tree[prefix + name] = inode.data.slice()
    }
    else if (inode instanceof Directory) {
      if (inode.contents.size === 0)
        tree[`${prefix}${name}/`] = new Uint8Array(0)
      else
        treeOf(inode.contents, `${prefix}${name}/`, tree)
    }
  }
  return tree
}

/** What a WASI instance is given: the same for a run and for the workers-wasi adapter. */
export interface ShimSetup {
  stdin: Uint8Array
  argv: string[]
  env: string[]
  /** [name, files] in fd order from 3. */
  preopens: Array<[string, Record<string, Uint8Array>]>
  maxOutputBytes: number
}

/**
 * The shim's WASI with our fds and our fixes (wasi-fixes.ts): stdin from memory, stdout
 * and stderr streamed to `sink` under one output cap, and the in-memory preopens from fd 3.
 */
export function createShimWasi(setup: ShimSetup, sink: SessionSink): { wasi: WASI, stdin: File, preopens: Array<[string, PreopenDirectory]> } {
  const capped = outputCap(setup.maxOutputBytes)
  const stdin = new File(setup.stdin)
  const preopens = setup.preopens.map(([name, files]): [string, PreopenDirectory] => [name, new PreopenDirectory(name, directoryFrom(files))])
  const fds = [
    new OpenFile(stdin),
    new ConsoleStdout(capped(sink.stdout)),
    new ConsoleStdout(capped(sink.stderr)),
    ...preopens.map(([, dir]) => dir),
  ]
  const wasi = new WASI(setup.argv, setup.env, fds, { debug: false })
  fixArgsSizes(wasi, setup.argv)
  applyWasiFixes(wasi)
  return { wasi, stdin, preopens }
}

export function runSession(start: StartMessage, sink: SessionSink): SessionResult {
  let wasi: WASI
  let preopenDirs: Array<[string, PreopenDirectory]>
  try {
    ({ wasi, preopens: preopenDirs } = createShimWasi(start, sink))
  }
  catch (e) {
    return { exitCode: null, error: { kind: 'load', message: messageOf(e) }, instantiateMs: 0, runMs: 0 }
  }
  // What the program left: every preopen's tree.
  const left = (): Pick<SessionResult, 'preopens'> => ({ preopens: Object.fromEntries(preopenDirs.map(([name, dir]) => [name, treeOf(dir.dir.contents)])) })

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
    const runMs = performance.now() - t1
    return { exitCode, ...left(), instantiateMs: t1 - t0, runMs }
  }
  catch (e) {
    const runMs = performance.now() - t1
    const error: RunError = e instanceof OutputLimitReached
      ? { kind: 'output-limit', message: e.message }
      : { kind: 'trap', message: trapMessage(e) }
    return { exitCode: null, error, ...left(), instantiateMs: t1 - t0, runMs }
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
