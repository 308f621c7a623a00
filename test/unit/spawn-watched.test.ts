// The one way the project starts a child process (tooling/lib/spawn-watched.mjs) and a server
// (tooling/lib/spawn-probe.mjs): output kept, a deadline that kills, one clear line when a
// server never answers.
import { describe, expect, it } from 'vitest'
import { freePort, startServer } from '../../tooling/lib/spawn-probe.mjs'
import { spawnWatched } from '../../tooling/lib/spawn-watched.mjs'

describe('spawnWatched', () => {
  it('gives stdin, keeps stdout and stderr apart and together, and the exit code', async () => {
    const run = spawnWatched(['sh', '-c', 'cat; echo oops >&2; exit 7'], { stdin: 'hello\n' })
    expect(await run.closed).toBe(7)
    expect(run.stdout().toString()).toBe('hello\n')
    expect(run.stderr().toString()).toBe('oops\n')
    expect(run.output()).toBe('hello\noops\n')
    expect(run.firstStdoutMs()).toBeGreaterThanOrEqual(0)
    expect(run.timedOut()).toBe(false)
  })

  it('kills a process at its deadline and says so', async () => {
    const run = spawnWatched(['sleep', '30'], { deadlineMs: 200 })
    expect(await run.closed).toBeNull()
    expect(run.timedOut()).toBe(true)
  })

  it('says why a program could not start', async () => {
    const run = spawnWatched(['/nonexistent/program'])
    await run.closed
    expect(run.spawnError()).toMatch(/ENOENT/)
  })

  it('stops with SIGTERM first when given a grace period, and SIGKILL after it', async () => {
    const run = spawnWatched(['sh', '-c', 'trap "" TERM; while :; do :; done'], { graceMs: 300 })
    await new Promise(r => setTimeout(r, 100))
    const t0 = performance.now()
    await run.stop()
    expect(performance.now() - t0).toBeGreaterThanOrEqual(250)
    expect(run.running()).toBe(false)
  })
})

describe('startServer', () => {
  it('answers once the server does, and stops it', async () => {
    const port = await freePort()
    const script = `require('node:http').createServer((q, s) => s.end('up')).listen(${port}, '127.0.0.1')`
    const server = await startServer([process.execPath, '-e', script], { port })
    expect(server.url).toBe(`http://127.0.0.1:${port}/`)
    expect(server.firstAnswerMs).toBeGreaterThan(0)
    await server.stop()
    await expect(fetch(server.url)).rejects.toThrow()
  })

  it('says in one line why a server never answered', async () => {
    const port = await freePort()
    await expect(startServer(['/nonexistent/server'], { port })).rejects.toThrow(/^\/nonexistent\/server did not answer on .*: spawn \/nonexistent\/server ENOENT$/)
    await expect(startServer(['sh', '-c', 'echo no config >&2; exit 3'], { port })).rejects.toThrow(/did not answer on .*: no config$/)
    await expect(startServer(['sleep', '30'], { port, timeoutMs: 500 })).rejects.toThrow(/did not answer on .*: no answer within 0.5 s$/)
  })
})
