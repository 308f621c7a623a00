// The spawn-and-probe helper: start a server process and ask it until it answers, timing
// spawn to the first answer; every server session (Deno.serve, Viceroy) starts this way.
import { spawn } from 'node:child_process'
import { createServer } from 'node:net'
import process from 'node:process'
import { killWithParent } from '../lib/kill-with-parent.mjs'
import { HTTP_DEADLINE_MS } from './session'

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })
}

/** Spawns a server and POSTs `body` to `path` until it answers; the time is spawn to the answer's first byte. */
export async function startServer(argv: string[], port: number, path: string, body: Uint8Array, timeoutMs = 30_000) {
  const t0 = performance.now()
  const child = spawn(argv[0], argv.slice(1), { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, DENO_NO_UPDATE_CHECK: '1', NO_COLOR: '1' } })
  let log = ''
  child.stdout.on('data', (c) => {
    log += c
  })
  child.stderr.on('data', (c) => {
    log += c
  })
  let spawnError: string | undefined
  child.on('error', (e) => {
    spawnError = e.message
  })
  const watchdog = killWithParent(child.pid)
  const exited = new Promise(resolve => child.once('close', resolve))
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL')
      await exited
    }
    watchdog?.kill()
  }
  const url = `http://127.0.0.1:${port}/`
  // child.exitCode and spawnError change in the child's event handlers while this loop awaits.
  // eslint-disable-next-line no-unmodified-loop-condition
  while (performance.now() - t0 < timeoutMs && child.exitCode === null && !spawnError) {
    try {
      const response = await fetch(new URL(path, url), { method: 'POST', body: body as Uint8Array<ArrayBuffer>, signal: AbortSignal.timeout(HTTP_DEADLINE_MS) })
      await response.body?.getReader().read()
      const firstAnswerMs = performance.now() - t0
      return { url, firstAnswerMs, stop }
    }
    catch {
      await new Promise(r => setTimeout(r, 5))
    }
  }
  await stop()
  throw new Error(`${argv[0]} did not answer on ${url}: ${spawnError ?? (log.trim().split('\n').pop() || 'no output')}`)
}
