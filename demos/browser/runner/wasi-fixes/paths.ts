// Paths: link, unlink, rename and mkdir answering as POSIX and node:wasi do, with
// symlinks followed (resolve.ts) before the shim's own lookup.
import type { Inode } from '@bjorn3/browser_wasi_shim'
import type { FixContext, Overrides } from './context'
import { Directory } from '@bjorn3/browser_wasi_shim'
import { EXIST, INVAL, ISDIR, LOOKUP_SYMLINK_FOLLOW, NOENT, NOTDIR, SUCCESS } from './errno'

/** path_link, path_unlink_file, path_rename and path_create_directory. */
export function pathFixes(ctx: FixContext): Overrides {
  const { readString, fd, dirOf, resolved, links } = ctx
  /** path_link: the shim replaces an existing file at the new path; POSIX link(2) and node:wasi say EXIST. */
  const path_link = (oldFd: number, oldFlags: number, oldPtr: number, oldLen: number, newFd: number, newPtr: number, newLen: number): number => {
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
  }

  /** path_unlink_file: keeps the link count that fd_filestat_get reports. */
  const path_unlink_file = (dirFd: number, pathPtr: number, pathLen: number): number => {
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
  }

  /**
   * path_rename: the shim answers NOENT for a directory named with a trailing slash
   * ("dir/" -> "moved/"), and lets a directory move into itself. A trailing slash on a
   * file is NOTDIR; moving a directory under itself is INVAL (POSIX rename(2)).
   */
  const path_rename = (oldFd: number, oldPtr: number, oldLen: number, newFd: number, newPtr: number, newLen: number): number => {
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
  }

  /** path_create_directory: the shim's answers success when the directory exists; POSIX mkdir(2) says EXIST. */
  const path_create_directory = (dirFd: number, pathPtr: number, pathLen: number): number => {
    const r = resolved(dirFd, readString(pathPtr, pathLen).replace(/\/+$/, ''), false)
    if (r.ret !== SUCCESS)
      return r.ret
    if (r.entry)
      return EXIST
    return fd(dirFd)!.path_create_directory(r.path)
  }
  return { path_link, path_unlink_file, path_rename, path_create_directory }
}

export function splitParent(root: Directory, path: string): { parent?: Directory, name: string } {
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
