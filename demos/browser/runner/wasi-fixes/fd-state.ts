// fd state: the rights and flags of each open fd, which the shim keeps none of, and
// path_open, where an fd gets them.
import type { FixContext, Overrides } from './context'
import { OpenDirectory, OpenFile } from '@bjorn3/browser_wasi_shim'
import { now } from './context'
import { BADF, DIRECTORY_INHERITING, FDFLAGS_APPEND, LOOKUP_SYMLINK_FOLLOW, NOTCAPABLE, NOTDIR, RIGHTS, SUCCESS } from './errno'
import { resolvePath } from './resolve'

/** path_open, fd_fdstat_get, fd_fdstat_set_flags, fd_fdstat_set_rights and fd_write with APPEND. */
export function fdStateFixes(ctx: FixContext): Overrides {
  const { wasi, original, view, readString, fd, dirOf, inodeOf, state, stateOf, times, timesOf } = ctx
  /**
   * path_open: follow symlinks (LOOKUPFLAGS_SYMLINK_FOLLOW; O_NOFOLLOW on a link is ELOOP),
   * remember the fd's rights (requested ∩ what its type allows, as uvwasi does) and its
   * APPEND flag, and stamp a created file's times.
   */
  const path_open = (dirFd: number, dirflags: number, pathPtr: number, pathLen: number, oflags: number, base: bigint, inheriting: bigint, fdflags: number, openedPtr: number): number => {
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
  }

  /** fd_fdstat_get: the shim reports no rights and no flags. */
  const fd_fdstat_get = (n: number, ptr: number): number => {
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
  }

  /** fd_fdstat_set_flags: the shim answers NOTSUP; APPEND (and NONBLOCK, a no-op here) are kept. */
  const fd_fdstat_set_flags = (n: number, flags: number): number => {
    const obj = fd(n)
    if (!obj)
      return BADF
    stateOf(obj).flags = flags & FDFLAGS_APPEND
    return SUCCESS
  }

  /** fd_fdstat_set_rights: the shim answers NOTSUP; rights may only shrink. */
  const fd_fdstat_set_rights = (n: number, base: bigint, inheriting: bigint): number => {
    const obj = fd(n)
    if (!obj)
      return BADF
    const s = stateOf(obj)
    if ((base | s.base) !== s.base || (inheriting | s.inheriting) !== s.inheriting)
      return NOTCAPABLE
    s.base = base
    s.inheriting = inheriting
    return SUCCESS
  }

  /** fd_write with APPEND: the shim seeks to the end only when the file is opened, not before each write. */
  const fd_write = (n: number, iovs: number, iovsLen: number, nwrittenPtr: number): number => {
    const obj = fd(n)
    if (obj instanceof OpenFile) {
      if (stateOf(obj).flags & FDFLAGS_APPEND)
        obj.file_pos = BigInt(obj.file.data.byteLength)
      const t = timesOf(obj.file)
      t.mtim = t.ctim = now()
    }
    return original.fd_write(n, iovs, iovsLen, nwrittenPtr)
  }
  return { path_open, fd_fdstat_get, fd_fdstat_set_flags, fd_fdstat_set_rights, fd_write }
}
