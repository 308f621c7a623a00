// The spawn-and-probe helper: start a server process and POST to it until it answers, timing
// spawn to the first answer. Every server the project starts begins this way: workerd with
// the slide's Worker (demos/cloudflare-worker/workerd-host.mjs), the Deno.serve entry and
// Viceroy (tooling/sessions/).
import { createServer } from 'node:net'
import process from 'node:process'
import { QUIET_ENV, spawnWatched } from './spawn-watched.mjs'

/** @returns {Promise<number>} a port nothing listens on now */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (server.address())
      server.close(() => resolve(port))
    })
  })
}

/**
 * @typedef {object} ProbeOptions
 * @property {number} port where it listens (the command line must say so)
 * @property {string} [probe] the path POSTed to until it answers
 * @property {string | Uint8Array} [body] what is POSTed
 * @property {number} [timeoutMs] how long it may take to answer
 * @property {number} [attemptMs] how long one POST may take
 * @property {number} [graceMs] stop(): SIGTERM first, SIGKILL after this long (0: SIGKILL at once)
 */

/**
 * Spawns a server and POSTs to it until it answers; the time is spawn to the answer's first byte.
 * @param {string[]} argv the server's command line
 * @param {ProbeOptions} options see ProbeOptions
 * @returns {Promise<{ url: string, firstAnswerMs: number, stop: () => Promise<void> }>} where it listens, when it first answered, and how to stop it
 */
export async function startServer(argv, { port, probe = '/', body = '', timeoutMs = 30_000, attemptMs = 60_000, graceMs = 0 }) {
  const server = spawnWatched(argv, { env: { ...process.env, ...QUIET_ENV }, graceMs })
  const url = `http://127.0.0.1:${port}/`
  while (performance.now() - server.startedAt < timeoutMs && server.running()) {
    try {
      const answer = await fetch(new URL(probe, url), { method: 'POST', body: /** @type {Uint8Array<ArrayBuffer> | string} */ (body), signal: AbortSignal.timeout(attemptMs) })
      const reader = answer.body?.getReader()
      await reader?.read()
      const firstAnswerMs = performance.now() - server.startedAt
      await reader?.cancel().catch(() => {})
      return { url, firstAnswerMs, stop: server.stop }
    }
    catch {
      await new Promise(r => setTimeout(r, 5))
    }
  }
  const silent = server.running() ? `no answer within ${timeoutMs / 1000} s` : 'it exited with no output'
  await server.stop()
  const why = server.spawnError() ?? (server.output().trim().split('\n').pop() || silent)
  throw new Error(`${argv[0]} did not answer on ${url}: ${why}`)
}
