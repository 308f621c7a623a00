// The Live Zig compile endpoint: compiles with the project's Zig, reports errors
// with their lines, and refuses what it must.
import type { AddressInfo } from 'node:net'
import { Buffer } from 'node:buffer'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:http'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { COMPILE_PATH, createCompileHandler, MAX_SOURCE_BYTES } from '../../dev-server/compile-endpoint'
import { COMPILE_MEMORY_LIMIT_BYTES, compileZig } from '../../dev-server/zig-compile'
import { findZig } from '../../tooling/lib/zig-toolchain.mjs'
import { committedWasm, runner } from '../helpers/node-runner'
import { root } from '../helpers/node-wasi'

// A generous deadline: a cold compile on a loaded 2-core machine can take tens of seconds. The
// deadline's kill is tested with a short one (a compile that never ends is stopped whatever the load).
const handler = createCompileHandler({ timeoutMs: 90_000 })
const quickHandler = createCompileHandler({ timeoutMs: 4000 })
const server = createServer((req, res) => void (req.url?.startsWith('/quick') ? quickHandler : handler)(req, res))
let base = ''
beforeAll(() => new Promise<void>((resolve) => {
  server.listen(0, '127.0.0.1', () => {
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    resolve()
  })
}))
afterAll(() => new Promise<void>(resolve => server.close(() => resolve())))

function compile(source: string, origin: string | undefined = base, prefix = '') {
  return fetch(`${base}${prefix}${COMPILE_PATH}`, {
    method: 'POST',
    headers: origin ? { origin } : {},
    body: source,
  })
}

const hello = (greeting: string) => `const std = @import("std");\npub fn main(init: std.process.Init) !void {\n    var buffer: [64]u8 = undefined;\n    var stdout = std.Io.File.stdout().writerStreaming(init.io, &buffer);\n    try stdout.interface.print("{s}, WASI!\\n", .{"${greeting}"});\n    try stdout.interface.flush();\n}\n`

// npm install brings Zig: without it these fail with the reason instead of skipping.
describe('the endpoint POST /__zig/compile', () => {
  it('has the project\'s Zig to compile with', () => {
    const zig = findZig()
    expect('error' in zig ? zig.error : zig.version).toMatch(/^0\.17\./)
  })

  it('compiles a valid program into a module the runner runs', async () => {
    const r = await (await compile(hello('Servus'))).json()
    expect(r.ok).toBe(true)
    expect(r.bytes).toBeGreaterThan(100)
    expect(r.ms).toBeGreaterThan(0)
    const run = await runner.run(new Uint8Array(Buffer.from(r.wasm, 'base64')))
    expect(new TextDecoder().decode(run.stdout)).toBe('Servus, WASI!\n')
  }, 120_000)

  it('returns a type error with its line and column', async () => {
    const r = await (await compile('const std = @import("std");\nconst x: u32 = "nope";\npub fn main() void {\n    _ = x;\n}\n')).json()
    expect(r.ok).toBe(false)
    expect(r.diagnostics[0]).toEqual({ line: 2, column: 16, message: 'expected type \'u32\', found \'*const [4:0]u8\'' })
  }, 120_000)

  const embeds = (path: string) => `const std = @import("std");\nconst s = @embedFile("${path}");\npub fn main(init: std.process.Init) !void {\n    try std.Io.File.stdout().writeStreamingAll(init.io, s);\n}\n`

  it('refuses @embedFile of an absolute path and of ../ before the compiler runs', async () => {
    const absolute = await (await compile(embeds('/etc/passwd'))).json()
    expect(absolute.ok).toBe(false)
    expect(absolute.diagnostics[0]).toMatchObject({ line: 2, column: 11 })
    expect(absolute.diagnostics[0].message).toContain('@embedFile is not available')
    expect(absolute.output).not.toContain('root:')
    const parent = await (await compile(embeds('../../../../etc/passwd'))).json()
    expect(parent.ok).toBe(false)
    expect(parent.diagnostics[0]).toMatchObject({ line: 2, column: 11 })
    expect(parent.diagnostics[0].message).toContain('@embedFile is not available')
    expect(parent.output).not.toContain('root:')
  }, 60_000)

  it('zig 0.17 alone refuses to embed a file outside the source\'s directory too (what the policy stands in front of)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'embed-outside-'))
    try {
      // One level up from the compiler's throwaway directory: a file that does exist.
      const secret = join(dir, 'secret.txt')
      writeFileSync(secret, 'root:x:0:0\n')
      const parent = await compileZig(embeds(`../${relative(tmpdir(), secret)}`), { timeoutMs: 90_000 })
      expect(parent.ok).toBe(false)
      if (!parent.ok) {
        expect(parent.diagnostics[0]).toMatchObject({ line: 2, column: 22 })
        expect(parent.diagnostics[0].message).toMatch(/^embed of file outside package path: '\.\.\//)
        expect(parent.output).not.toContain('root:')
      }
      const absolute = await compileZig(embeds(secret), { timeoutMs: 90_000 })
      expect(absolute.ok).toBe(false)
      if (!absolute.ok)
        expect(absolute.diagnostics[0].message).toBe(`embed of file outside package path: '${secret}'`)
    }
    finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }, 200_000)

  it('refuses @cImport and @import of anything but std and builtin', async () => {
    const c = await (await compile('const c = @cImport(@cInclude("/etc/passwd"));\npub fn main() void {}\n')).json()
    expect(c.ok).toBe(false)
    expect(c.diagnostics[0].message).toContain('@cImport')
    const imp = await (await compile('const std = @import("std");\nconst x = @import("../../../../etc/passwd");\npub fn main() void {}\n')).json()
    expect(imp.diagnostics[0]).toMatchObject({ line: 2, column: 11 })
    expect(imp.output).not.toContain('root:')
  })

  it('refuses a foreign origin, a missing origin, a GET and an oversize body', async () => {
    expect((await compile(hello('x'), 'http://evil.example')).status).toBe(403)
    expect((await compile(hello('x'), '')).status).toBe(403)
    expect((await fetch(`${base}${COMPILE_PATH}`)).status).toBe(405)
    expect((await compile(`// ${'x'.repeat(MAX_SOURCE_BYTES)}\n${hello('x')}`)).status).toBe(413)
  })

  it('kills a compile that runs too long', async () => {
    const t0 = performance.now()
    const r = await (await compile('comptime {\n    @setEvalBranchQuota(0xFFFF_FFFF);\n    var i: u64 = 0;\n    while (true) i += 1;\n}\npub fn main() void {}\n', base, '/quick')).json()
    expect(r.ok).toBe(false)
    expect(r.timedOut).toBe(true)
    expect(performance.now() - t0).toBeLessThan(30_000)
  }, 60_000)

  it('stops a comptime memory bomb at the compiler\'s memory cap, with a message saying so', async () => {
    const t0 = performance.now()
    const r = await (await compile(readFileSync(join(root, 'test/fixtures/comptime-memory-bomb.zig'), 'utf8'))).json()
    expect(r.ok).toBe(false)
    expect(r.outOfMemory).toBe(true)
    expect(r.output).toBe(`the compiler ran out of its ${COMPILE_MEMORY_LIMIT_BYTES / 1024 ** 3} GiB of memory`)
    expect(performance.now() - t0).toBeLessThan(30_000)
  }, 60_000)

  it('is off when the server says so (slidev --remote without LIVE_ZIG=on)', async () => {
    const off = createCompileHandler({ enabled: () => false })
    const s = createServer((req, res) => void off(req, res))
    await new Promise<void>(resolve => s.listen(0, '127.0.0.1', () => resolve()))
    const url = `http://127.0.0.1:${(s.address() as AddressInfo).port}`
    const response = await fetch(`${url}${COMPILE_PATH}`, { method: 'POST', headers: { origin: url }, body: hello('x') })
    expect(response.status).toBe(403)
    expect((await response.json()).error).toContain('LIVE_ZIG=on')
    await new Promise<void>(resolve => s.close(() => resolve()))
  })
})

it('the committed modules are still there for the built site', () => {
  expect(committedWasm('demo').length).toBeGreaterThan(0)
})
