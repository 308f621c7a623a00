// Our layer over @bjorn3/browser_wasi_shim 0.4.2: the preview-1 calls it lacks or
// gets wrong, fixed by wrapping its import object (never by copying it). Each fix is
// one function below, documented with what the shim does, what node:wasi (uvwasi) and
// the WASI spec do, and small enough to send upstream on its own.
// The test that holds them: test/unit/wasi-conformance.test.ts (each case runs under
// node:wasi and under the runner, byte for byte).
import type { Fd, File, WASI } from '@bjorn3/browser_wasi_shim'
import { wasi as defs, Directory, Inode, OpenDirectory, OpenFile } from '@bjorn3/browser_wasi_shim'

// errnos (wasi_snapshot_preview1 `errno`)
const SUCCESS = 0
const BADF = 8
const EXIST = 20
const PERM = 63
const INVAL = 28
const ISDIR = 31
const LOOP = 32
const NOENT = 44
const NOSYS = 52
const NOTDIR = 54
const NOTSUP = 58
const NOTCAPABLE = 76

// rights, by bit (wasi_snapshot_preview1 `rights`)
const R = (bit: number) => 1n << BigInt(bit)
const FD_DATASYNC = R(0)
const FD_READ = R(1)
const FD_SEEK = R(2)
const FD_FDSTAT_SET_FLAGS = R(3)
const FD_SYNC = R(4)
const FD_TELL = R(5)
const FD_WRITE = R(6)
const FD_ADVISE = R(7)
const FD_ALLOCATE = R(8)
const PATH_CREATE_DIRECTORY = R(9)
const PATH_CREATE_FILE = R(10)
const PATH_LINK_SOURCE = R(11)
const PATH_LINK_TARGET = R(12)
const PATH_OPEN = R(13)
const FD_READDIR = R(14)
const PATH_READLINK = R(15)
const PATH_RENAME_SOURCE = R(16)
const PATH_RENAME_TARGET = R(17)
const PATH_FILESTAT_GET = R(18)
const PATH_FILESTAT_SET_SIZE = R(19)
const PATH_FILESTAT_SET_TIMES = R(20)
const FD_FILESTAT_GET = R(21)
const FD_FILESTAT_SET_SIZE = R(22)
const FD_FILESTAT_SET_TIMES = R(23)
const PATH_SYMLINK = R(24)
const PATH_REMOVE_DIRECTORY = R(25)
const PATH_UNLINK_FILE = R(26)
const POLL_FD_READWRITE = R(27)

/**
 * The rights a host reports, per kind of fd: the sets uvwasi (node:wasi) uses, so that
 * fd_fdstat_get answers the same bytes. They are reported, never enforced (node:wasi
 * enforces them; a program asking for more, as Zig's compiler does when it opens its
 * lib directory, keeps working here).
 */
export const RIGHTS = {
  file: FD_DATASYNC | FD_READ | FD_SEEK | FD_FDSTAT_SET_FLAGS | FD_SYNC | FD_TELL | FD_WRITE | FD_ADVISE
    | FD_ALLOCATE | FD_FILESTAT_GET | FD_FILESTAT_SET_SIZE | FD_FILESTAT_SET_TIMES | POLL_FD_READWRITE,
  directory: FD_FDSTAT_SET_FLAGS | FD_SYNC | FD_ADVISE | PATH_CREATE_DIRECTORY | PATH_CREATE_FILE
    | PATH_LINK_SOURCE | PATH_LINK_TARGET | PATH_OPEN | FD_READDIR | PATH_READLINK | PATH_RENAME_SOURCE
    | PATH_RENAME_TARGET | PATH_FILESTAT_GET | PATH_FILESTAT_SET_SIZE | PATH_FILESTAT_SET_TIMES
    | FD_FILESTAT_GET | FD_FILESTAT_SET_TIMES | PATH_SYMLINK | PATH_UNLINK_FILE | PATH_REMOVE_DIRECTORY
    | POLL_FD_READWRITE,
  console: FD_READ | FD_FDSTAT_SET_FLAGS | FD_WRITE | FD_FILESTAT_GET | POLL_FD_READWRITE,
}
const DIRECTORY_INHERITING = RIGHTS.directory | RIGHTS.file

const FDFLAGS_APPEND = 1
const CLOCK_PROCESS_CPUTIME = 2
const CLOCK_THREAD_CPUTIME = 3
const LOOKUP_SYMLINK_FOLLOW = 1
const MAX_SYMLINK_HOPS = 32

/** A symbolic link: the shim has none (its path_symlink answers NOTSUP). */
export class Symlink extends Inode {
  constructor(readonly target: string) {
    super()
  }

  stat(): defs.Filestat {
    return new defs.Filestat(this.ino, defs.FILETYPE_SYMBOLIC_LINK, BigInt(encoder.encode(this.target).length))
  }

  /** Reached only when the last component is not followed (O_NOFOLLOW): POSIX says ELOOP. */
  path_open(): { ret: number, fd_obj: null } {
    return { ret: LOOP, fd_obj: null }
  }
}

const encoder = new TextEncoder()
const decoder = new TextDecoder()

interface FdState {
  base: bigint
  inheriting: bigint
  flags: number
}

interface Times { atim: bigint, mtim: bigint, ctim: bigint }

const now = () => BigInt(Date.now()) * 1_000_000n
/**
 * When the files a run is given were "written": once per worker, not per run. A program that
 * trusts (inode, size, mtime) to skip unchanged files, as the Zig compiler does for its cache,
 * sees the same input file unchanged from one run to the next on a kept worker.
 */
const inputsWritten = now()

interface Resolved {
  ret: number
  /** The path with every symlink replaced, relative to the fd's directory ("" for the directory itself). */
  path: string
  entry?: Inode
  /** Whether a symlink was followed (else `path` is the caller's own path). */
  followed: boolean
}

/**
 * Walks `path` from `root`, following symlinks in the middle of the path, and at its
 * end when `followLast`. Escaping `root` (by ".." or an absolute target) is NOTCAPABLE,
 * as in node:wasi. The shim resolves paths itself but knows no symlinks.
 */
export function resolvePath(root: Directory, path: string, followLast: boolean): Resolved {
  if (path.startsWith('/'))
    return { ret: NOTCAPABLE, path, followed: false }
  const trailingSlash = path.endsWith('/')
  const pending = path.split('/').filter(p => p !== '' && p !== '.')
  const stack: Array<{ name: string, dir: Directory }> = []
  let entry: Inode = root
  let hops = 0
  let followed = false
  while (pending.length > 0) {
    const name = pending.shift()!
    if (!(entry instanceof Directory))
      return { ret: NOTDIR, path, followed }
    if (name === '..') {
      if (stack.length === 0)
        return { ret: NOTCAPABLE, path, followed }
      stack.pop()
      entry = stack.length ? stack[stack.length - 1].dir.contents.get(stack[stack.length - 1].name)! : root
      continue
    }
    const child: Inode | undefined = entry.contents.get(name)
    if (child === undefined) {
      // The rest may not exist yet (a file to create): keep the path as it is from here.
      const rest = [...stack.map(s => s.name), name, ...pending].join('/')
      return { ret: pending.length ? NOENT : SUCCESS, path: followed ? rest + (trailingSlash ? '/' : '') : path, followed }
    }
    if (child instanceof Symlink && (pending.length > 0 || followLast || trailingSlash)) {
      if (++hops > MAX_SYMLINK_HOPS)
        return { ret: LOOP, path, followed }
      if (child.target.startsWith('/'))
        return { ret: NOTCAPABLE, path, followed }
      followed = true
      pending.unshift(...child.target.split('/').filter(p => p !== '' && p !== '.'))
      continue
    }
    stack.push({ name, dir: entry })
    entry = child
  }
  const canonical = stack.map(s => s.name).join('/')
  return { ret: SUCCESS, path: followed ? (canonical || '.') + (trailingSlash ? '/' : '') : path, entry, followed }
}

/**
 * Wraps the shim's import object with our fixes. `wasi.fds` must hold the initial fds
 * (stdin, stdout, stderr, preopens); fds opened later are tracked as they are opened.
 */
export function applyWasiFixes(wasi: WASI): void {
  const imports = wasi.wasiImport as Record<string, (...args: never[]) => unknown>
  const original = { ...imports } as Record<string, (...args: any[]) => number>
  const view = () => new DataView(wasi.inst.exports.memory.buffer)
  const bytes = () => new Uint8Array(wasi.inst.exports.memory.buffer)
  const readString = (ptr: number, len: number) => decoder.decode(bytes().slice(ptr, ptr + len))
  const fd = (n: number): Fd | undefined => wasi.fds[n]

  // Rights and flags per open fd (the shim keeps neither).
  const state = new WeakMap<Fd, FdState>()
  const stateOf = (obj: Fd): FdState => {
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
  }
  // Timestamps and link counts per inode (the shim reports 0 for all of them).
  const times = new WeakMap<Inode, Times>()
  const timesOf = (inode: Inode): Times => {
    let t = times.get(inode)
    if (!t) {
      t = { atim: inputsWritten, mtim: inputsWritten, ctim: inputsWritten }
      times.set(inode, t)
    }
    return t
  }
  const links = new WeakMap<Inode, number>()
  const inodeOf = (obj: Fd | undefined): Inode | undefined =>
    obj instanceof OpenFile ? obj.file : obj instanceof OpenDirectory ? obj.dir : undefined
  const dirOf = (n: number): Directory | undefined => {
    const obj = fd(n)
    return obj instanceof OpenDirectory ? obj.dir : undefined
  }
  /** A path argument with its symlinks followed, for the shim's own lookup. */
  const resolved = (dirFd: number, path: string, followLast: boolean): Resolved => {
    const dir = dirOf(dirFd)
    return dir ? resolvePath(dir, path, followLast) : { ret: fd(dirFd) ? NOTDIR : BADF, path, followed: false }
  }

  /**
   * path_open: follow symlinks (LOOKUPFLAGS_SYMLINK_FOLLOW; O_NOFOLLOW on a link is ELOOP),
   * remember the fd's rights (requested ∩ what its type allows, as uvwasi does) and its
   * APPEND flag, and stamp a created file's times.
   */
  imports.path_open = ((dirFd: number, dirflags: number, pathPtr: number, pathLen: number, oflags: number, base: bigint, inheriting: bigint, fdflags: number, openedPtr: number): number => {
    const dir = dirOf(dirFd)
    if (!dir)
      return fd(dirFd) ? NOTDIR : BADF
    const path = readString(pathPtr, pathLen)
    const r = resolvePath(dir, path, (dirflags & LOOKUP_SYMLINK_FOLLOW) !== 0)
    if (r.ret !== SUCCESS)
      return r.ret
    const obj = fd(dirFd)!
    const existed = r.entry !== undefined
    const { ret, fd_obj } = obj.path_open(dirflags, r.path, oflags, base, inheriting, fdflags)
    if (ret !== SUCCESS || !fd_obj)
      return ret
    wasi.fds.push(fd_obj)
    const opened = wasi.fds.length - 1
    view().setUint32(openedPtr, opened, true)
    const isDir = fd_obj instanceof OpenDirectory
    state.set(fd_obj, {
      base: base & (isDir ? RIGHTS.directory : RIGHTS.file),
      inheriting: inheriting & (isDir ? DIRECTORY_INHERITING : 0n),
      flags: fdflags & FDFLAGS_APPEND,
    })
    const inode = inodeOf(fd_obj)
    if (inode && !existed) {
      const t = now()
      times.set(inode, { atim: t, mtim: t, ctim: t })
    }
    return SUCCESS
  }) as never

  /** fd_fdstat_get: the shim reports no rights and no flags. */
  imports.fd_fdstat_get = ((n: number, ptr: number): number => {
    const ret = original.fd_fdstat_get(n, ptr)
    const obj = fd(n)
    if (ret !== SUCCESS || !obj)
      return ret
    const s = stateOf(obj)
    const v = view()
    v.setUint16(ptr + 2, s.flags, true)
    v.setBigUint64(ptr + 8, s.base, true)
    v.setBigUint64(ptr + 16, s.inheriting, true)
    return SUCCESS
  }) as never

  /** fd_fdstat_set_flags: the shim answers NOTSUP; APPEND (and NONBLOCK, a no-op here) are kept. */
  imports.fd_fdstat_set_flags = ((n: number, flags: number): number => {
    const obj = fd(n)
    if (!obj)
      return BADF
    stateOf(obj).flags = flags & FDFLAGS_APPEND
    return SUCCESS
  }) as never

  /** fd_fdstat_set_rights: the shim answers NOTSUP; rights may only shrink. */
  imports.fd_fdstat_set_rights = ((n: number, base: bigint, inheriting: bigint): number => {
    const obj = fd(n)
    if (!obj)
      return BADF
    const s = stateOf(obj)
    if ((base | s.base) !== s.base || (inheriting | s.inheriting) !== s.inheriting)
      return NOTCAPABLE
    s.base = base
    s.inheriting = inheriting
    return SUCCESS
  }) as never

  /** fd_write with APPEND: the shim seeks to the end only when the file is opened, not before each write. */
  imports.fd_write = ((n: number, iovs: number, iovsLen: number, nwrittenPtr: number): number => {
    const obj = fd(n)
    if (obj instanceof OpenFile) {
      if (stateOf(obj).flags & FDFLAGS_APPEND)
        obj.file_pos = BigInt(obj.file.data.byteLength)
      const t = timesOf(obj.file)
      t.mtim = t.ctim = now()
    }
    return original.fd_write(n, iovs, iovsLen, nwrittenPtr)
  }) as never

  /**
   * fd_filestat_get / path_filestat_get: the shim writes atim/mtim/ctim at the wrong offsets
   * (38/46/52 instead of 40/48/56), always as 0, and nlink as 0. Rewrite them.
   */
  const patchFilestat = (inode: Inode, ptr: number) => {
    const v = view()
    const t = timesOf(inode)
    v.setBigUint64(ptr + 24, BigInt(links.get(inode) ?? 1), true)
    v.setBigUint64(ptr + 32, (inode as File | Directory | Symlink).stat().size, true)
    v.setBigUint64(ptr + 40, t.atim, true)
    v.setBigUint64(ptr + 48, t.mtim, true)
    v.setBigUint64(ptr + 56, t.ctim, true)
  }
  imports.fd_filestat_get = ((n: number, ptr: number): number => {
    const ret = original.fd_filestat_get(n, ptr)
    const inode = inodeOf(fd(n))
    if (ret === SUCCESS && inode)
      patchFilestat(inode, ptr)
    return ret
  }) as never
  imports.path_filestat_get = ((dirFd: number, flags: number, pathPtr: number, pathLen: number, ptr: number): number => {
    const r = resolved(dirFd, readString(pathPtr, pathLen), (flags & LOOKUP_SYMLINK_FOLLOW) !== 0)
    if (r.ret !== SUCCESS)
      return r.ret
    if (!r.entry)
      return NOENT
    r.entry.stat().write_bytes(view(), ptr)
    patchFilestat(r.entry, ptr)
    return SUCCESS
  }) as never

  /**
   * fd_filestat_set_times / path_filestat_set_times: the shim does nothing (NOTSUP). The
   * spec makes ATIM with ATIM_NOW (or MTIM with MTIM_NOW) INVAL.
   */
  const setTimes = (inode: Inode, atim: bigint, mtim: bigint, fst: number): number => {
    if (((fst & defs.FSTFLAGS_ATIM) && (fst & defs.FSTFLAGS_ATIM_NOW)) || ((fst & defs.FSTFLAGS_MTIM) && (fst & defs.FSTFLAGS_MTIM_NOW)))
      return INVAL
    const t = timesOf(inode)
    const at = now()
    if (fst & defs.FSTFLAGS_ATIM)
      t.atim = atim
    else if (fst & defs.FSTFLAGS_ATIM_NOW)
      t.atim = at
    if (fst & defs.FSTFLAGS_MTIM)
      t.mtim = mtim
    else if (fst & defs.FSTFLAGS_MTIM_NOW)
      t.mtim = at
    t.ctim = at
    return SUCCESS
  }
  imports.fd_filestat_set_times = ((n: number, atim: bigint, mtim: bigint, fst: number): number => {
    const obj = fd(n)
    if (!obj)
      return BADF
    const inode = inodeOf(obj)
    return inode ? setTimes(inode, atim, mtim, fst) : INVAL
  }) as never
  imports.path_filestat_set_times = ((dirFd: number, flags: number, pathPtr: number, pathLen: number, atim: bigint, mtim: bigint, fst: number): number => {
    const r = resolved(dirFd, readString(pathPtr, pathLen), (flags & LOOKUP_SYMLINK_FOLLOW) !== 0)
    if (r.ret !== SUCCESS)
      return r.ret
    return r.entry ? setTimes(r.entry, atim, mtim, fst) : NOENT
  }) as never

  /**
   * path_symlink: the shim answers NOTSUP. The target is stored as given and sandboxed when
   * followed; an absolute target is PERM (wasi-filesystem's path-resolution.md).
   */
  imports.path_symlink = ((targetPtr: number, targetLen: number, dirFd: number, pathPtr: number, pathLen: number): number => {
    const target = readString(targetPtr, targetLen)
    if (target.startsWith('/'))
      return PERM
    const path = readString(pathPtr, pathLen)
    const r = resolved(dirFd, path.replace(/\/+$/, ''), false)
    if (r.ret !== SUCCESS)
      return r.ret
    if (r.entry)
      return EXIST
    if (path.endsWith('/'))
      return NOENT
    const { parent, name } = splitParent(dirOf(dirFd)!, r.path)
    if (!parent)
      return NOENT
    parent.contents.set(name, new Symlink(target))
    return SUCCESS
  }) as never

  /** path_readlink: the shim answers NOTSUP. Not a link is INVAL; a short buffer truncates (POSIX readlink). */
  imports.path_readlink = ((dirFd: number, pathPtr: number, pathLen: number, buf: number, bufLen: number, usedPtr: number): number => {
    const r = resolved(dirFd, readString(pathPtr, pathLen), false)
    if (r.ret !== SUCCESS)
      return r.ret
    if (!r.entry)
      return NOENT
    if (!(r.entry instanceof Symlink))
      return INVAL
    const target = encoder.encode(r.entry.target).subarray(0, bufLen)
    bytes().set(target, buf)
    view().setUint32(usedPtr, target.length, true)
    return SUCCESS
  }) as never

  /** path_link: the shim replaces an existing file at the new path; POSIX link(2) and node:wasi say EXIST. */
  imports.path_link = ((oldFd: number, oldFlags: number, oldPtr: number, oldLen: number, newFd: number, newPtr: number, newLen: number): number => {
    const source = resolved(oldFd, readString(oldPtr, oldLen), (oldFlags & LOOKUP_SYMLINK_FOLLOW) !== 0)
    if (source.ret !== SUCCESS)
      return source.ret
    if (!source.entry)
      return NOENT
    const target = resolved(newFd, readString(newPtr, newLen), false)
    if (target.ret !== SUCCESS)
      return target.ret
    if (target.entry)
      return EXIST
    const ret = fd(newFd)!.path_link(target.path, source.entry, false)
    if (ret === SUCCESS)
      links.set(source.entry, (links.get(source.entry) ?? 1) + 1)
    return ret
  }) as never

  /** path_unlink_file: keeps the link count that fd_filestat_get reports. */
  imports.path_unlink_file = ((dirFd: number, pathPtr: number, pathLen: number): number => {
    const path = readString(pathPtr, pathLen)
    const r = resolved(dirFd, path, false)
    if (r.ret !== SUCCESS)
      return r.ret
    if (r.entry && !(r.entry instanceof Directory) && path.endsWith('/'))
      return NOTDIR
    const ret = fd(dirFd)!.path_unlink_file(r.path)
    if (ret === SUCCESS && r.entry)
      links.set(r.entry, (links.get(r.entry) ?? 1) - 1)
    return ret
  }) as never

  /**
   * path_rename: the shim answers NOENT for a directory named with a trailing slash
   * ("dir/" -> "moved/"), and lets a directory move into itself. A trailing slash on a
   * file is NOTDIR; moving a directory under itself is INVAL (POSIX rename(2)).
   */
  imports.path_rename = ((oldFd: number, oldPtr: number, oldLen: number, newFd: number, newPtr: number, newLen: number): number => {
    const oldPath = readString(oldPtr, oldLen)
    const newPath = readString(newPtr, newLen)
    const source = resolved(oldFd, oldPath.replace(/\/+$/, ''), false)
    if (source.ret !== SUCCESS)
      return source.ret
    if (!source.entry)
      return NOENT
    const isDir = source.entry instanceof Directory
    if (!isDir && (oldPath.endsWith('/') || newPath.endsWith('/')))
      return NOTDIR
    const target = resolved(newFd, newPath.replace(/\/+$/, ''), false)
    if (target.ret !== SUCCESS)
      return target.ret
    if (isDir) {
      const { parent } = splitParent(dirOf(newFd)!, target.path)
      if (parent && contains(source.entry as Directory, parent))
        return INVAL
      if (target.entry && !(target.entry instanceof Directory))
        return NOTDIR
    }
    else if (target.entry instanceof Directory) {
      return ISDIR
    }
    const { inode_obj } = fd(oldFd)!.path_unlink(source.path)
    if (!inode_obj)
      return NOENT
    const ret = fd(newFd)!.path_link(target.path, inode_obj, true)
    if (ret !== SUCCESS)
      fd(oldFd)!.path_link(source.path, inode_obj, true)
    return ret
  }) as never

  /**
   * poll_oneoff: the shim takes one clock subscription and reads its ABSTIME flag from the
   * wrong offset. Here: any number of clock and fd subscriptions. Every fd here is always
   * ready (stdin is known in full before the program starts; files and the console never
   * block), so fd events are reported at once; otherwise the earliest clock is waited for.
   */
  imports.poll_oneoff = ((inPtr: number, outPtr: number, count: number, neventsPtr: number): number => {
    if (count === 0)
      return INVAL
    const v = view()
    const events: Array<{ userdata: bigint, error: number, type: number, nbytes: bigint }> = []
    let earliest: { userdata: bigint, at: bigint } | undefined
    const monotonic = () => BigInt(Math.round(performance.now() * 1e6))
    for (let i = 0; i < count; i++) {
      const s = inPtr + i * 48
      const userdata = v.getBigUint64(s, true)
      const type = v.getUint8(s + 8)
      if (type === defs.EVENTTYPE_CLOCK) {
        const id = v.getUint32(s + 16, true)
        const timeout = v.getBigUint64(s + 24, true)
        const absolute = (v.getUint16(s + 40, true) & defs.SUBCLOCKFLAGS_SUBSCRIPTION_CLOCK_ABSTIME) !== 0
        const clockNow = id === defs.CLOCKID_REALTIME ? now() : id === defs.CLOCKID_MONOTONIC ? monotonic() : undefined
        if (clockNow === undefined) {
          events.push({ userdata, error: INVAL, type, nbytes: 0n })
          continue
        }
        const at = monotonic() + (absolute ? timeout - clockNow : timeout)
        if (!earliest || at < earliest.at)
          earliest = { userdata, at }
      }
      else if (type === defs.EVENTTYPE_FD_READ || type === defs.EVENTTYPE_FD_WRITE) {
        const obj = fd(v.getUint32(s + 16, true))
        const nbytes = obj instanceof OpenFile && type === defs.EVENTTYPE_FD_READ
          ? BigInt(obj.file.data.byteLength) - obj.file_pos
          : 0n
        events.push({ userdata, error: obj ? SUCCESS : BADF, type, nbytes: nbytes > 0n ? nbytes : 0n })
      }
      else {
        events.push({ userdata, error: INVAL, type, nbytes: 0n })
      }
    }
    if (events.length === 0 && earliest) {
      while (monotonic() < earliest.at) {
        // busy-wait, as the shim does: a worker has no blocking sleep without SharedArrayBuffer
      }
      events.push({ userdata: earliest.userdata, error: SUCCESS, type: defs.EVENTTYPE_CLOCK, nbytes: 0n })
    }
    const out = view()
    events.forEach((e, i) => {
      const p = outPtr + i * 32
      new Uint8Array(out.buffer, p, 32).fill(0)
      out.setBigUint64(p, e.userdata, true)
      out.setUint16(p + 8, e.error, true)
      out.setUint8(p + 10, e.type)
      out.setBigUint64(p + 16, e.nbytes, true)
    })
    out.setUint32(neventsPtr, events.length, true)
    return SUCCESS
  }) as never

  /**
   * sock_*: the shim throws a JS string (a trap for the program). No fd here is a socket, so
   * none has the socket rights: accept, recv and send answer NOTCAPABLE as node:wasi does
   * (BADF for a closed fd); shutdown answers NOTSUP as node:wasi does (BADF for a closed fd,
   * where node:wasi says NOTSUP too).
   */
  const socketCall = (openErrno: number) => ((n: number) => (fd(n) ? openErrno : BADF)) as never
  imports.sock_accept = socketCall(NOTCAPABLE)
  imports.sock_recv = socketCall(NOTCAPABLE)
  imports.sock_send = socketCall(NOTCAPABLE)
  imports.sock_shutdown = socketCall(NOTSUP)

  /** path_create_directory: the shim's answers success when the directory exists; POSIX mkdir(2) says EXIST. */
  imports.path_create_directory = ((dirFd: number, pathPtr: number, pathLen: number): number => {
    const r = resolved(dirFd, readString(pathPtr, pathLen).replace(/\/+$/, ''), false)
    if (r.ret !== SUCCESS)
      return r.ret
    if (r.entry)
      return EXIST
    return fd(dirFd)!.path_create_directory(r.path)
  }) as never

  /**
   * clock_time_get / clock_res_get: the shim answers 0 ns (time) or NOSYS (resolution) for a
   * clock that does not exist; the spec's errno is INVAL. The CPU-time clocks count from the
   * session's start on the monotonic clock (a worker runs one program).
   */
  const startedMonotonic = performance.now()
  imports.clock_time_get = ((id: number, precision: bigint, ptr: number): number => {
    if (id === CLOCK_PROCESS_CPUTIME || id === CLOCK_THREAD_CPUTIME) {
      view().setBigUint64(ptr, BigInt(Math.round((performance.now() - startedMonotonic) * 1e6)), true)
      return SUCCESS
    }
    return id > CLOCK_THREAD_CPUTIME ? INVAL : original.clock_time_get(id, precision, ptr)
  }) as never
  imports.clock_res_get = ((id: number, ptr: number): number => {
    if (id === CLOCK_PROCESS_CPUTIME || id === CLOCK_THREAD_CPUTIME) {
      view().setBigUint64(ptr, 1000n, true)
      return SUCCESS
    }
    return id > CLOCK_THREAD_CPUTIME ? INVAL : original.clock_res_get(id, ptr)
  }) as never

  /** proc_raise: the shim throws a JS string; preview 1 deprecates the call, so say NOSYS. */
  imports.proc_raise = (() => NOSYS) as never
}

function splitParent(root: Directory, path: string): { parent?: Directory, name: string } {
  const parts = path.split('/').filter(p => p !== '' && p !== '.')
  const name = parts.pop() ?? ''
  let dir: Inode = root
  for (const part of parts) {
    const next: Inode | undefined = dir instanceof Directory ? dir.contents.get(part) : undefined
    if (!(next instanceof Directory))
      return { name }
    dir = next
  }
  return { parent: dir as Directory, name }
}

/** Whether `dir` is `ancestor` or inside it (the shim's `parent` links are not kept for new directories). */
function contains(ancestor: Directory, dir: Directory): boolean {
  if (ancestor === dir)
    return true
  for (const child of ancestor.contents.values()) {
    if (child instanceof Directory && contains(child, dir))
      return true
  }
  return false
}
