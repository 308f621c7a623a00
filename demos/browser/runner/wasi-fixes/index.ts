// Our layer over @bjorn3/browser_wasi_shim 0.4.2: the preview-1 calls it lacks or
// gets wrong, fixed by wrapping its import object (never by copying it). One file per
// WASI concept, cut as the shim's own files are, each returning the calls it replaces,
// documented with what the shim does and what node:wasi (uvwasi) and the WASI spec do:
//   fd-state.ts  rights and flags per fd (path_open, fd_fdstat_*, fd_write with APPEND)
//   times.ts     timestamps and link counts (fd/path_filestat_get, *_set_times)
//   symlinks.ts  path_symlink, path_readlink (resolve.ts: the walk that follows links)
//   paths.ts     path_link, path_unlink_file, path_rename, path_create_directory
//   poll.ts      poll_oneoff
//   clocks.ts    clock_time_get, clock_res_get
//   sockets.ts   sock_*, proc_raise
// What they share (memory, fds, per-fd and per-inode state) is context.ts; errnos and
// rights come from the shim's definitions (errno.ts).
// The test that holds them: test/unit/wasi-conformance.test.ts (each case runs under
// node:wasi and under the runner, byte for byte).
import type { WASI } from '@bjorn3/browser_wasi_shim'
import { clockFixes } from './clocks'
import { fixContext } from './context'
import { fdStateFixes } from './fd-state'
import { pathFixes } from './paths'
import { pollFixes } from './poll'
import { socketFixes } from './sockets'
import { symlinkFixes } from './symlinks'
import { timeFixes } from './times'

export { RIGHTS } from './errno'
export { resolvePath, Symlink } from './resolve'

/**
 * Wraps the shim's import object with our fixes. `wasi.fds` must hold the initial fds
 * (stdin, stdout, stderr, preopens); fds opened later are tracked as they are opened.
 */
export function applyWasiFixes(wasi: WASI): void {
  const ctx = fixContext(wasi)
  const fixes = [fdStateFixes, timeFixes, symlinkFixes, pathFixes, pollFixes, clockFixes, socketFixes]
  Object.assign(wasi.wasiImport, ...fixes.map(fix => fix(ctx)))
}
