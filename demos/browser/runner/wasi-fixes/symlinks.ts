// Symbolic links: the shim answers NOTSUP to making or reading one.
import type { FixContext, Overrides } from './context'
import { EXIST, INVAL, NOENT, PERM, SUCCESS } from './errno'
import { splitParent } from './paths'
import { encoder, Symlink } from './resolve'

/** path_symlink and path_readlink. */
export function symlinkFixes(ctx: FixContext): Overrides {
  const { view, bytes, readString, dirOf, resolved } = ctx
  /**
   * path_symlink: the shim answers NOTSUP. The target is stored as given and sandboxed when
   * followed; an absolute target is PERM (wasi-filesystem's path-resolution.md).
   */
  const path_symlink = (targetPtr: number, targetLen: number, dirFd: number, pathPtr: number, pathLen: number): number => {
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
  }

  /** path_readlink: the shim answers NOTSUP. Not a link is INVAL; a short buffer truncates (POSIX readlink). */
  const path_readlink = (dirFd: number, pathPtr: number, pathLen: number, buf: number, bufLen: number, usedPtr: number): number => {
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
  }
  return { path_symlink, path_readlink }
}
