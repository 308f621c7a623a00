// The Worker playground runs the slide's Worker code unchanged, with the adapter
// in place of @cloudflare/workers-wasi, and reports every way it can go wrong.
import type { PlaygroundInput } from '../../demos/browser/playground/run-worker-code'
import { Buffer } from 'node:buffer'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runWorkerCode } from '../../demos/browser/playground/run-worker-code'
import { withSpare } from '../../demos/browser/runner/supervisor'
import { spawnNodePlayground } from '../../tooling/threads/spawn-playground'
import { committedWasm } from '../helpers/node-runner'
import { root } from '../helpers/node-wasi'
import { useWorkerd } from '../helpers/workerd'

const workerCode = readFileSync(join(root, 'demos/cloudflare-worker/src/index.js'), 'utf8')
const run = (input: Partial<PlaygroundInput>) => runWorkerCode(spawnNodePlayground, { code: workerCode, demoWasm: committedWasm('demo'), ...input })
const text = (b: Uint8Array | undefined) => new TextDecoder().decode(b)

const workerd = useWorkerd()

describe('the slide\'s Worker in the page gives what workerd gives', () => {
  const bodies: Array<[string, string | Uint8Array]> = [
    ['text', 'Hello, Zig!\nWebAssembly everywhere.'],
    ['empty', ''],
    ['not UTF-8', new Uint8Array([0x41, 0xC0, 0x42])],
    ['1 MiB', 'Zig runs here and at the edge.\n'.repeat(33825)],
  ]
  for (const [label, body] of bodies) {
    it(label, async () => {
      const [page, edge] = await Promise.all([
        run({ body, maxOutputBytes: 4 << 20 }),
        fetch(workerd().url, { method: 'POST', body: typeof body === 'string' ? body : new Blob([body as Uint8Array<ArrayBuffer>]) }),
      ])
      expect(page.error).toBeUndefined()
      const edgeBody = new Uint8Array(await edge.arrayBuffer())
      expect(page.response!.status).toBe(edge.status)
      expect(page.response!.headers.find(([k]) => k === 'x-exit-code')?.[1]).toBe(edge.headers.get('x-exit-code'))
      expect(Buffer.from(page.response!.body).equals(Buffer.from(edgeBody))).toBe(true)
      expect(page.response!.waitUntil).toEqual({ count: 1, rejected: [] })
    })
  }
})

describe('edited code', () => {
  it('a changed response header shows', async () => {
    const code = workerCode.replace(/const headers = \{ (['"])x-exit-code\1: String\(code\) \}/, 'const headers = { "x-exit-code": String(code), "x-powered-by": "zig" }')
    const r = await run({ code, body: 'abc' })
    expect(r.response!.headers).toContainEqual(['x-powered-by', 'zig'])
    expect(text(r.response!.body)).toBe('ɔqɐ')
  })

  it('a syntax error comes back with its line and column', async () => {
    const code = workerCode.replace('const stdout = new TransformStream()', 'const stdout = new TransformStream(')
    const r = await run({ code })
    expect(r.error).toMatchObject({ kind: 'syntax', line: 7 })
    expect(r.error!.message).toMatch(/^SyntaxError: /)
  })

  it('an exception in fetch is reported with its line', async () => {
    const code = workerCode.replace('const stdout = new TransformStream()', 'const stdout = new TransformStream(); throw new Error("boom")')
    const r = await run({ code })
    expect(r.error).toMatchObject({ kind: 'exception', line: 6 })
    expect(r.error!.message).toContain('Error: boom')
  })

  it('fetch returning something else than a Response is named', async () => {
    const r = await run({ code: 'export default { async fetch() { return "hello" } }' })
    expect(r.error).toEqual({ kind: 'not-response', message: 'fetch() returned string hello, not a Response' })
  })

  it('no default export with fetch is explained', async () => {
    const r = await run({ code: 'export const x = 1' })
    expect(r.error?.message).toContain('export default')
  })

  it('an endless loop is stopped by the watchdog', async () => {
    const t0 = performance.now()
    const r = await run({ code: 'export default { async fetch() { while (true) {} } }', timeoutMs: 1000 })
    expect(r.error?.kind).toBe('timeout')
    expect(performance.now() - t0).toBeLessThan(2000)
  })

  it('importing any other module is refused with a message', async () => {
    const r = await run({ code: 'import fs from "node:fs"\nexport default { fetch() { return new Response(fs) } }' })
    expect(r.error).toMatchObject({ kind: 'import', line: 1 })
    expect(r.error!.message).toContain('Cannot import "node:fs"')
    const dynamic = await run({ code: 'export default { async fetch() { await import("./x.js") } }' })
    expect(dynamic.error?.kind).toBe('import')
  })

  it('a huge request body is refused before it is sent', async () => {
    const r = await run({ body: new Uint8Array(17 * 1024 * 1024) })
    expect(r.error?.kind).toBe('request-too-large')
  })

  it('output over the cap stops the program', async () => {
    const r = await run({ body: 'x'.repeat(3 << 20), maxOutputBytes: 1 << 20 })
    expect(r.error?.kind).toBe('output-limit')
  })

  it('console output and waitUntil rejections are reported', async () => {
    const r = await run({ code: 'export default { async fetch(req, env, ctx) { console.log("hi", 1); ctx.waitUntil(Promise.reject(new Error("later"))); return new Response("ok", { status: 201 }) } }' })
    expect(r.logs).toEqual([{ level: 'log', text: 'hi 1' }])
    expect(r.response).toMatchObject({ status: 201, waitUntil: { count: 1, rejected: ['Error: later'] } })
  })

  it('the request is real: method, headers and body', async () => {
    const r = await run({
      code: 'export default { async fetch(req) { return Response.json({ m: req.method, h: req.headers.get("x-a"), b: await req.text(), u: req.url }) } }',
      method: 'PUT',
      headers: { 'x-a': 'b' },
      body: 'payload',
    })
    expect(JSON.parse(text(r.response!.body))).toEqual({ m: 'PUT', h: 'b', b: 'payload', u: 'http://localhost/' })
  })

  it('a trap in the program resolves start() to 134, as workers-wasi does', async () => {
    const code = `import { WASI } from "@cloudflare/workers-wasi"
import demoWasm from "./demo.wasm"
export default { async fetch() {
  const wasi = new WASI({ returnOnExit: true })
  const instance = new WebAssembly.Instance(demoWasm, { wasi_snapshot_preview1: { ...wasi.wasiImport, fd_read: () => { throw new WebAssembly.RuntimeError("unreachable") } } })
  return new Response(String(await wasi.start(instance)))
} }`
    const r = await run({ code })
    expect(text(r.response?.body)).toBe('134')
  })

  it('a thread started ahead runs the first edit; the next run gets a fresh thread, not its globals', async () => {
    const threads = withSpare(spawnNodePlayground)
    threads.warm()
    const code = 'export default { async fetch() { globalThis.runs = (globalThis.runs ?? 0) + 1; return new Response(String(globalThis.runs)) } }'
    try {
      const first = await runWorkerCode(threads.spawn, { code, demoWasm: committedWasm('demo') })
      threads.warm()
      const second = await runWorkerCode(threads.spawn, { code, demoWasm: committedWasm('demo') })
      expect([text(first.response?.body), text(second.response?.body)]).toEqual(['1', '1'])
    }
    finally {
      threads.dispose()
    }
  })
})
