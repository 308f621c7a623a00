// The errnos, rights and flags the fixes answer with, taken from the shim's own
// definitions (wasi_defs), plus the few preview-1 numbers the shim does not export.
import { wasi as defs } from '@bjorn3/browser_wasi_shim'

export const {
  ERRNO_SUCCESS: SUCCESS,
  ERRNO_BADF: BADF,
  ERRNO_EXIST: EXIST,
  ERRNO_PERM: PERM,
  ERRNO_INVAL: INVAL,
  ERRNO_ISDIR: ISDIR,
  ERRNO_LOOP: LOOP,
  ERRNO_NOENT: NOENT,
  ERRNO_NOSYS: NOSYS,
  ERRNO_NOTDIR: NOTDIR,
  ERRNO_NOTSUP: NOTSUP,
  ERRNO_NOTCAPABLE: NOTCAPABLE,
  FDFLAGS_APPEND,
  CLOCKID_PROCESS_CPUTIME_ID: CLOCK_PROCESS_CPUTIME,
  CLOCKID_THREAD_CPUTIME_ID: CLOCK_THREAD_CPUTIME,
} = defs

/** wasi_snapshot_preview1 `lookupflags`: the shim names none. */
export const LOOKUP_SYMLINK_FOLLOW = 1

const r = (right: number) => BigInt(right)

/**
 * The rights a host reports, per kind of fd: the sets uvwasi (node:wasi) uses, so that
 * fd_fdstat_get answers the same bytes. They are reported, never enforced (node:wasi
 * enforces them; a program asking for more, as Zig's compiler does when it opens its
 * lib directory, keeps working here).
 */
export const RIGHTS = {
  file: r(defs.RIGHTS_FD_DATASYNC | defs.RIGHTS_FD_READ | defs.RIGHTS_FD_SEEK | defs.RIGHTS_FD_FDSTAT_SET_FLAGS
    | defs.RIGHTS_FD_SYNC | defs.RIGHTS_FD_TELL | defs.RIGHTS_FD_WRITE | defs.RIGHTS_FD_ADVISE | defs.RIGHTS_FD_ALLOCATE
    | defs.RIGHTS_FD_FILESTAT_GET | defs.RIGHTS_FD_FILESTAT_SET_SIZE | defs.RIGHTS_FD_FILESTAT_SET_TIMES | defs.RIGHTS_POLL_FD_READWRITE),
  directory: r(defs.RIGHTS_FD_FDSTAT_SET_FLAGS | defs.RIGHTS_FD_SYNC | defs.RIGHTS_FD_ADVISE | defs.RIGHTS_PATH_CREATE_DIRECTORY
    | defs.RIGHTS_PATH_CREATE_FILE | defs.RIGHTS_PATH_LINK_SOURCE | defs.RIGHTS_PATH_LINK_TARGET | defs.RIGHTS_PATH_OPEN
    | defs.RIGHTS_FD_READDIR | defs.RIGHTS_PATH_READLINK | defs.RIGHTS_PATH_RENAME_SOURCE | defs.RIGHTS_PATH_RENAME_TARGET
    | defs.RIGHTS_PATH_FILESTAT_GET | defs.RIGHTS_PATH_FILESTAT_SET_SIZE | defs.RIGHTS_PATH_FILESTAT_SET_TIMES
    | defs.RIGHTS_FD_FILESTAT_GET | defs.RIGHTS_FD_FILESTAT_SET_TIMES | defs.RIGHTS_PATH_SYMLINK | defs.RIGHTS_PATH_UNLINK_FILE
    | defs.RIGHTS_PATH_REMOVE_DIRECTORY | defs.RIGHTS_POLL_FD_READWRITE),
  console: r(defs.RIGHTS_FD_READ | defs.RIGHTS_FD_FDSTAT_SET_FLAGS | defs.RIGHTS_FD_WRITE | defs.RIGHTS_FD_FILESTAT_GET
    | defs.RIGHTS_POLL_FD_READWRITE),
}
export const DIRECTORY_INHERITING = RIGHTS.directory | RIGHTS.file
