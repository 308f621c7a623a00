// A server or browser started for a comparison dies with the process that started it,
// even when that process is SIGKILLed (a test runner or a stopped dev server).
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { root } from '../helpers/node-wasi'

function alive(pid: number) {
  try {
    process.kill(pid, 0)
    return true
  }
  catch {
    return false
  }
}

it('the child is SIGKILLed once its parent is gone', async () => {
  const script = `
    import { spawn } from 'node:child_process'
    import { killWithParent } from ${JSON.stringify(join(root, 'tooling/lib/kill-with-parent.mjs'))}
    const child = spawn('sleep', ['600'], { stdio: 'ignore' })
    killWithParent(child.pid)
    console.log(child.pid)
    setInterval(() => {}, 1000)`
  const parent = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] })
  const childPid = Number(await new Promise<string>(resolve => parent.stdout.once('data', d => resolve(String(d)))))
  expect(alive(childPid)).toBe(true)
  parent.kill('SIGKILL')
  const deadline = Date.now() + 15_000
  while (alive(childPid) && Date.now() < deadline)
    await new Promise(r => setTimeout(r, 200))
  expect(alive(childPid)).toBe(false)
}, 30_000)
