// A child that must not outlive the process that started it (workerd, a deno server,
// Firefox): if this process dies without stopping it (killed by a test runner, the dev
// server stopped mid-comparison), a detached watchdog SIGKILLs it (its whole process
// group when `group`). Returns the watchdog, to kill once the child was stopped normally.
import { spawn } from 'node:child_process'
import process from 'node:process'

/**
 * @param {number | undefined} pid
 * @param {{ group?: boolean }} [options]
 * @returns {import('node:child_process').ChildProcess | undefined} the watchdog process (kill it once the child is stopped), if one was started
 */
export function killWithParent(pid, { group = false } = {}) {
  if (!pid || process.platform === 'win32')
    return undefined
  const target = group ? `-${pid}` : String(pid)
  const watchdog = spawn('sh', ['-c', 'while kill -0 "$0" 2>/dev/null; do sleep 1; done; kill -9 "$1" 2>/dev/null', String(process.pid), target], { detached: true, stdio: 'ignore' })
  watchdog.unref()
  return watchdog
}
