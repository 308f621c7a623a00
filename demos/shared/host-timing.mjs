// npm run runtimes passes a host `--timing FILE`: the host then writes the time from
// wasi.start() (the module's _start) to the end of the process into FILE, measured the
// same way in Node, Deno and Bun (Bun's proc_exit ends the process: 'exit' still fires).
/* eslint-disable node/prefer-global/process -- a host: importing node:process reads process.stdout, which turns a piped stdout non-blocking (Zig's output stops at 64 KiB); a command-line entry may await at top level */
import { writeFileSync } from 'node:fs'
// `process` is the global one (Node, Deno and Bun all have it). Importing 'node:process' as
// an ES module would read every property of process, process.stdin included, and that
// turns a stdin pipe non-blocking: Zig then fails with "error: Unexpected".

/** @typedef {{ prototype: { start: (instance: WebAssembly.Instance) => number | undefined } }} WasiClass a runtime's node:wasi class */

/**
 * @param {WasiClass} WASI the runtime's node:wasi class, whose start() is wrapped
 * @param {string | undefined} file where the time goes, as JSON { computeMs } (none: nothing is timed)
 */
export function timeStartToExit(WASI, file) {
  if (!file)
    return
  const start = WASI.prototype.start
  WASI.prototype.start = function (/** @type {WebAssembly.Instance} */ instance) {
    const t0 = performance.now()
    process.on('exit', () => writeFileSync(file, JSON.stringify({ computeMs: performance.now() - t0 })))
    return start.call(this, instance)
  }
}
