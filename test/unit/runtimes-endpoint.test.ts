// The dev server's live comparison: who may start it, what it runs, one at a time,
// and a runtime that hangs is killed at its deadline.
import type { AddressInfo } from 'node:net'
import type { RuntimeDef } from '../../tooling/sessions/runtimes'
import { createServer } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCompareHandler } from '../../dev-server/runtimes-endpoint'
import { RUNTIMES } from '../../tooling/sessions/runtimes'

/** A runtime whose session never answers, with a process to kill. */
let killed = 0
const hanging: RuntimeDef = {
  id: 'hangs',
  name: 'Hangs',
  engine: 'none',
  host: '',
  verified: '',
  available: () => undefined,
  open: async () => ({
    run: () => new Promise(() => {}),
    fresh: () => new Promise(() => {}),
    start: () => new Promise(() => {}),
    close: async () => { killed++ },
  }),
}

const node = RUNTIMES.find(r => r.id === 'node')!
let url = ''
const server = createServer(createCompareHandler({ deadlineMs: 3000, runtimes: [node, hanging] }) as never)
beforeAll(() => new Promise<void>((resolve) => {
  server.listen(0, '127.0.0.1', () => {
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`
    resolve()
  })
}))
afterAll(() => new Promise<void>(resolve => server.close(() => resolve())))

function post(body: unknown, origin: string | undefined = new URL(url).origin) {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(origin ? { origin } : {}) },
    body: JSON.stringify(body),
  })
}

describe('the endpoint POST /__runtimes/compare', () => {
  it('refuses another origin, no origin, and anything but the committed cases', async () => {
    expect((await post({ case: 'demo: text' }, 'http://evil.example')).status).toBe(403)
    expect((await post({ case: 'demo: text' }, '')).status).toBe(403)
    const unknown = await post({ case: 'my own bytes' })
    expect(unknown.status).toBe(400)
    expect((await unknown.json()).error).toMatch(/^case must be one of: demo: text, /)
  })

  it('streams a plan, one checked row per runtime, and done; a hanging runtime is stopped at its deadline', async () => {
    const first = post({ case: 'panic: trap' })
    await new Promise(r => setTimeout(r, 200))
    const second = await post({ case: 'demo: text' })
    expect(second.status).toBe(409)
    const response = await first
    expect(response.headers.get('content-type')).toBe('application/x-ndjson')
    const lines = (await response.text()).trim().split('\n').map(l => JSON.parse(l))
    expect(lines[0]).toEqual({ type: 'plan', case: 'panic: trap', runtimes: [{ id: 'node', name: 'Node.js' }, { id: 'hangs', name: 'Hangs' }] })
    expect(lines[1]).toMatchObject({ type: 'row', id: 'node', ok: true, startMs: expect.any(Number) })
    expect(lines[2]).toEqual({ type: 'row', id: 'hangs', name: 'Hangs', engine: 'none', ok: false, detail: 'Hangs did not finish within 3 s' })
    expect(lines[3]).toEqual({ type: 'done' })
    expect(killed).toBe(1)
    // Free again once it is done.
    const again = await post({ case: 'demo: text' })
    expect(again.status).toBe(200)
    await again.text()
  }, 60_000)
})
