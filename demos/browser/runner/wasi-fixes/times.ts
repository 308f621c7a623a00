// Times: each inode's atim/mtim/ctim and link count, which the shim reports as 0.
import type { Directory, File, Inode } from '@bjorn3/browser_wasi_shim'
import type { FixContext, Overrides } from './context'
import type { Symlink } from './resolve'
import { wasi as defs } from '@bjorn3/browser_wasi_shim'
import { now } from './context'
import { BADF, INVAL, LOOKUP_SYMLINK_FOLLOW, NOENT, SUCCESS } from './errno'

/** fd_filestat_get, path_filestat_get, fd_filestat_set_times and path_filestat_set_times. */
export function timeFixes(ctx: FixContext): Overrides {
  const { original, view, readString, fd, inodeOf, resolved, timesOf, links } = ctx
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
  const fd_filestat_get = (n: number, ptr: number): number => {
    const ret = original.fd_filestat_get(n, ptr)
    const inode = inodeOf(fd(n))
    if (ret === SUCCESS && inode)
      patchFilestat(inode, ptr)
    return ret
  }
  const path_filestat_get = (dirFd: number, flags: number, pathPtr: number, pathLen: number, ptr: number): number => {
    const r = resolved(dirFd, readString(pathPtr, pathLen), (flags & LOOKUP_SYMLINK_FOLLOW) !== 0)
    if (r.ret !== SUCCESS)
      return r.ret
    if (!r.entry)
      return NOENT
    r.entry.stat().write_bytes(view(), ptr)
    patchFilestat(r.entry, ptr)
    return SUCCESS
  }

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
  const fd_filestat_set_times = (n: number, atim: bigint, mtim: bigint, fst: number): number => {
    const obj = fd(n)
    if (!obj)
      return BADF
    const inode = inodeOf(obj)
    return inode ? setTimes(inode, atim, mtim, fst) : INVAL
  }
  const path_filestat_set_times = (dirFd: number, flags: number, pathPtr: number, pathLen: number, atim: bigint, mtim: bigint, fst: number): number => {
    const r = resolved(dirFd, readString(pathPtr, pathLen), (flags & LOOKUP_SYMLINK_FOLLOW) !== 0)
    if (r.ret !== SUCCESS)
      return r.ret
    return r.entry ? setTimes(r.entry, atim, mtim, fst) : NOENT
  }
  return { fd_filestat_get, path_filestat_get, fd_filestat_set_times, path_filestat_set_times }
}
