// The child processes the tools start go through here (a runtime's host and its --version,
// a server such as workerd or deno, the Zig compiler): it cannot outlive this process (a detached
// watchdog, kill-with-parent.mjs), what it prints is kept, and a deadline kills it for sure,
// since a spinning wasm or a runaway comptime ignores everything else.
import { Buffer } from 'node:buffer'
import { spawn } from 'node:child_process'
import { killWithParent } from './kill-with-parent.mjs'

/** What every runtime is told, on top of this process's environment: no update check, no telemetry, no colour codes in its output. */
export const QUIET_ENV = { DENO_NO_UPDATE_CHECK: '1', DO_NOT_TRACK: '1', NO_COLOR: '1' }

/**
 * @typedef {object} WatchedOptions
 * @property {string} [cwd] where it runs
 * @property {NodeJS.ProcessEnv} [env] its whole environment (this process's by default)
 * @property {string | Uint8Array} [stdin] given up front, then closed (none: stdin is /dev/null)
 * @property {number} [deadlineMs] SIGKILL after this long; `timedOut` says so
 * @property {number} [graceMs] stop(): SIGTERM first, SIGKILL after this long (0: SIGKILL at once)
 */

/**
 * @typedef {object} Watched
 * @property {import('node:child_process').ChildProcess} child the process
 * @property {number} startedAt performance.now() just before the spawn
 * @property {Promise<number | null>} closed its exit code once its output is read (null: killed)
 * @property {() => boolean} running whether it has not exited yet
 * @property {() => Promise<void>} stop ends it (see graceMs) and waits for it
 * @property {() => Buffer} stdout what it printed on stdout so far
 * @property {() => Buffer} stderr what it printed on stderr so far
 * @property {() => string} output both, in the order they came, as text
 * @property {() => number | undefined} firstStdoutMs spawn to its first byte on stdout
 * @property {() => boolean} timedOut whether the deadline killed it
 * @property {() => string | undefined} spawnError why it could not be started (ENOENT, EACCES…)
 */

/**
 * @param {string[]} argv the program and its arguments
 * @param {WatchedOptions} [options] see WatchedOptions
 * @returns {Watched} the running child
 */
export function spawnWatched(argv, { cwd, env, stdin, deadlineMs, graceMs = 0 } = {}) {
  const startedAt = performance.now()
  const child = spawn(argv[0], argv.slice(1), { cwd, env, stdio: [stdin === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] })
  /** @type {Buffer[]} */
  const out = []
  /** @type {Buffer[]} */
  const err = []
  /** @type {Buffer[]} */
  const both = []
  /** @type {number | undefined} */
  let firstStdoutMs
  /** @type {string | undefined} */
  let spawnError
  let timedOut = false
  child.stdout?.on('data', (/** @type {Buffer} */ c) => {
    firstStdoutMs ??= performance.now() - startedAt
    out.push(c)
    both.push(c)
  })
  child.stderr?.on('data', (/** @type {Buffer} */ c) => {
    err.push(c)
    both.push(c)
  })
  child.on('error', (e) => {
    spawnError = e.message
  })
  if (child.stdin) {
    child.stdin.on('error', () => {}) // the program may exit before reading everything
    child.stdin.end(stdin)
  }
  const watchdog = killWithParent(child.pid)
  const timer = deadlineMs === undefined
    ? undefined
    : setTimeout(() => {
        timedOut = true
        child.kill('SIGKILL')
      }, deadlineMs)
  /** @type {Promise<number | null>} */
  const closed = new Promise(resolve => child.once('close', (/** @type {number | null} */ code) => {
    clearTimeout(timer)
    watchdog?.kill()
    resolve(code)
  }))
  const running = () => child.exitCode === null && child.signalCode === null && spawnError === undefined
  async function stop() {
    if (running()) {
      child.kill(graceMs ? 'SIGTERM' : 'SIGKILL')
      // A busy loop may ignore SIGTERM: SIGKILL after the grace period.
      const force = graceMs ? setTimeout(() => child.kill('SIGKILL'), graceMs) : undefined
      await closed
      clearTimeout(force)
    }
    else if (spawnError === undefined) {
      await closed
    }
    watchdog?.kill()
  }
  return {
    child,
    startedAt,
    closed,
    running,
    stop,
    stdout: () => Buffer.concat(out),
    stderr: () => Buffer.concat(err),
    output: () => Buffer.concat(both).toString('utf8'),
    firstStdoutMs: () => firstStdoutMs,
    timedOut: () => timedOut,
    spawnError: () => spawnError,
  }
}
