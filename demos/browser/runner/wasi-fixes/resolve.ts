// Path resolution with symbolic links, which the shim knows none of: the Symlink inode
// and the walk that follows links, sandboxed to the fd's directory as node:wasi is.
import { wasi as defs, Directory, Inode } from '@bjorn3/browser_wasi_shim'
import { LOOP, NOENT, NOTCAPABLE, NOTDIR, SUCCESS } from './errno'

const MAX_SYMLINK_HOPS = 32
export const encoder = new TextEncoder()

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

export interface Resolved {
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
