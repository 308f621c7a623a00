// What the fixes share: the program's memory, the fds, and the state the shim does not
// keep (rights and flags per fd, times and link counts per inode). One per WASI session.
import type { Directory, Fd, Inode, WASI } from '@bjorn3/browser_wasi_shim'
import type { Resolved } from './resolve'
import { OpenDirectory, OpenFile } from '@bjorn3/browser_wasi_shim'
import { BADF, DIRECTORY_INHERITING, NOTDIR, RIGHTS } from './errno'
import { resolvePath } from './resolve'

/** A preview-1 call as the import object holds it. */
export type Call = (...args: any[]) => number
/** The calls one concept replaces, by name. */
export type Overrides = Record<string, Call>

export interface FdState {
  base: bigint
  inheriting: bigint
  flags: number
}

export interface Times { atim: bigint, mtim: bigint, ctim: bigint }

export const now = () => BigInt(Date.now()) * 1_000_000n
/**
 * When the files a run is given were "written": once per worker, not per run. A program that
 * trusts (inode, size, mtime) to skip unchanged files, as the Zig compiler does for its cache,
 * sees the same input file unchanged from one run to the next on a kept worker.
 */
const inputsWritten = now()
const decoder = new TextDecoder()

export interface FixContext {
  wasi: WASI
  /** The shim's own calls, before any fix. */
  original: Overrides
  view: () => DataView
  bytes: () => Uint8Array
  readString: (ptr: number, len: number) => string
  fd: (n: number) => Fd | undefined
  dirOf: (n: number) => Directory | undefined
  inodeOf: (obj: Fd | undefined) => Inode | undefined
  /** A path argument with its symlinks followed, for the shim's own lookup. */
  resolved: (dirFd: number, path: string, followLast: boolean) => Resolved
  /** Rights and flags per open fd (the shim keeps neither). */
  state: WeakMap<Fd, FdState>
  stateOf: (obj: Fd) => FdState
  /** Timestamps and link counts per inode (the shim reports 0 for all of them). */
  times: WeakMap<Inode, Times>
  timesOf: (inode: Inode) => Times
  links: WeakMap<Inode, number>
}

/** `wasi.fds` must hold the initial fds (stdin, stdout, stderr, preopens). */
export function fixContext(wasi: WASI): FixContext {
  const original = { ...wasi.wasiImport } as Overrides
  const view = () => new DataView(wasi.inst.exports.memory.buffer)
  const bytes = () => new Uint8Array(wasi.inst.exports.memory.buffer)
  const fd = (n: number): Fd | undefined => wasi.fds[n]
  const state = new WeakMap<Fd, FdState>()
  const times = new WeakMap<Inode, Times>()
  const dirOf = (n: number): Directory | undefined => {
    const obj = fd(n)
    return obj instanceof OpenDirectory ? obj.dir : undefined
  }
  return {
    wasi,
    original,
    view,
    bytes,
    readString: (ptr, len) => decoder.decode(bytes().slice(ptr, ptr + len)),
    fd,
    dirOf,
    inodeOf: obj => (obj instanceof OpenFile ? obj.file : obj instanceof OpenDirectory ? obj.dir : undefined),
    resolved: (dirFd, path, followLast) => {
      const dir = dirOf(dirFd)
      return dir ? resolvePath(dir, path, followLast) : { ret: fd(dirFd) ? NOTDIR : BADF, path, followed: false }
    },
    state,
    stateOf: (obj) => {
      let s = state.get(obj)
      if (!s) {
        s = obj instanceof OpenDirectory
          ? { base: RIGHTS.directory, inheriting: DIRECTORY_INHERITING, flags: 0 }
          : obj instanceof OpenFile
            ? { base: RIGHTS.file, inheriting: 0n, flags: 0 }
            : { base: RIGHTS.console, inheriting: 0n, flags: 0 }
        state.set(obj, s)
      }
      return s
    },
    times,
    timesOf: (inode) => {
      let t = times.get(inode)
      if (!t) {
        t = { atim: inputsWritten, mtim: inputsWritten, ctim: inputsWritten }
        times.set(inode, t)
      }
      return t
    },
    links: new WeakMap<Inode, number>(),
  }
}
