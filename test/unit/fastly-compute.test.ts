// The Fastly counterpart of the Worker: our Zig program on Compute's host calls
// (demos/fastly-compute), served by Viceroy on loopback, answers every request as the
// Worker on the slide does in workerd: the same status, x-exit-code and body bytes.
// Skipped, with the reason in its name, where Viceroy is not installed (npm run runtimes:install).
import { Buffer } from 'node:buffer'
import { readFileSync } from 'node:fs'
import { WASI } from 'node:wasi'
import { describe, expect, it } from 'vitest'
import { startWorkerd } from '../../demos/cloudflare-worker/workerd-host.mjs'
import { benchInput } from '../../demos/shared/workloads'
import { RUNTIMES } from '../../tooling/sessions/runtimes'
import { FASTLY_WASM, serveFastlyCompute } from '../../tooling/sessions/viceroy'

const fastly = RUNTIMES.find(r => r.id === 'fastly-compute')!
const missing = fastly.available()

const INPUTS: Array<[string, Uint8Array]> = [
  ['text', new TextEncoder().encode('Hello, Zig!\nWebAssembly everywhere.\n')],
  ['empty', new Uint8Array()],
  ['CR LF and non-ASCII', new TextEncoder().encode('Größe: 1,5 m²\r\nÜber (a) [b] {c}?\r\n')],
  ['not UTF-8', new Uint8Array([0x5A, 0x69, 0x67, 0xF0, 0x28])],
  ['1 MiB', new TextEncoder().encode(benchInput(1 << 20))],
]

/**
 * Runs the Compute program once for `body` with the host calls it imports played by this test
 * (a stand-in for Compute, to check the program's own logic where Viceroy is not installed).
 */
async function runWithStandIn(body: Uint8Array) {
  const wasi = new WASI({ version: 'preview1', args: ['main'], env: {}, returnOnExit: true })
  let memory!: WebAssembly.Memory
  const bytes = (ptr: number, len: number) => new Uint8Array(memory.buffer, ptr, len)
  const u32 = (ptr: number, value: number) => new DataView(memory.buffer).setUint32(ptr, value, true)
  const bodies: Uint8Array[][] = [[body]] // handle 0: the request's body
  let readAt = 0
  const response = { status: 0, headers: {} as Record<string, string>, body: -1 }
  const imports = {
    wasi_snapshot_preview1: wasi.wasiImport,
    fastly_abi: { init: () => 0 },
    fastly_http_req: {
      body_downstream_get: (reqOut: number, bodyOut: number) => {
        u32(reqOut, 0)
        u32(bodyOut, 0)
        return 0
      },
    },
    fastly_http_body: {
      new: (out: number) => {
        bodies.push([])
        u32(out, bodies.length - 1)
        return 0
      },
      read: (h: number, buf: number, len: number, nread: number) => {
        const chunk = bodies[h][0].subarray(readAt, readAt + Math.min(len, 5000)) // short reads, as a network gives
        bytes(buf, chunk.length).set(chunk)
        readAt += chunk.length
        u32(nread, chunk.length)
        return 0
      },
      write: (h: number, buf: number, len: number, _end: number, nwritten: number) => {
        const n = Math.min(len, 7000) // short writes too
        bodies[h].push(bytes(buf, n).slice())
        u32(nwritten, n)
        return 0
      },
    },
    fastly_http_resp: {
      new: (out: number) => {
        u32(out, 1)
        return 0
      },
      status_set: (_r: number, status: number) => {
        response.status = status
        return 0
      },
      header_append: (_r: number, name: number, nameLen: number, value: number, valueLen: number) => {
        response.headers[Buffer.from(bytes(name, nameLen)).toString()] = Buffer.from(bytes(value, valueLen)).toString()
        return 0
      },
      send_downstream: (_r: number, b: number) => {
        response.body = b
        return 0
      },
    },
  }
  const instance = await WebAssembly.instantiate(await WebAssembly.compile(readFileSync(FASTLY_WASM)), imports as unknown as WebAssembly.Imports)
  memory = instance.exports.memory as WebAssembly.Memory
  wasi.start(instance)
  return { status: response.status, exitCode: response.headers['x-exit-code'] ?? null, body: Buffer.concat(bodies[response.body] ?? []).toString('hex') }
}

async function ask(url: string, body: Uint8Array) {
  const r = await fetch(url, { method: 'POST', body: body as Uint8Array<ArrayBuffer>, signal: AbortSignal.timeout(60_000) })
  return { status: r.status, exitCode: r.headers.get('x-exit-code'), body: Buffer.from(await r.arrayBuffer()).toString('hex') }
}

describe('the Zig Compute program (demos/fastly-compute)', () => {
  it('imports only Compute\'s host calls and WASI, declared by itself', () => {
    const imports = WebAssembly.Module.imports(new WebAssembly.Module(readFileSync(FASTLY_WASM)))
    const modules = new Set(imports.map(i => i.module))
    expect([...modules].filter(m => !m.startsWith('fastly_') && m !== 'wasi_snapshot_preview1')).toEqual([])
    expect(imports.map(i => `${i.module}.${i.name}`)).toEqual(expect.arrayContaining([
      'fastly_http_req.body_downstream_get',
      'fastly_http_body.read',
      'fastly_http_body.write',
      'fastly_http_resp.send_downstream',
    ]))
  })

  it('with the host calls played by the test (short reads and writes), answers like the Worker in workerd', async () => {
    const worker = await startWorkerd({ variant: 'worker' })
    try {
      for (const [label, body] of INPUTS)
        expect(await runWithStandIn(body), label).toEqual(await ask(worker.url, body))
    }
    finally {
      await worker.stop()
    }
  }, 300_000)

  it.skipIf(missing)(`answers like the Worker in workerd, byte for byte, on Viceroy${missing ? ` (skipped: ${missing})` : ''}`, async () => {
    const fastlyServer = await serveFastlyCompute()
    const worker = await startWorkerd({ variant: 'worker' })
    try {
      for (const [label, body] of INPUTS) {
        const fromWorker = await ask(worker.url, body)
        expect(fromWorker.status, label).toBe(label === 'not UTF-8' ? 400 : 200)
        expect(await ask(fastlyServer.url, body), label).toEqual(fromWorker)
      }
    }
    finally {
      await worker.stop()
      await fastlyServer.stop()
    }
  }, 300_000)
})
