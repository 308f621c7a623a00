// "What works in Zig std on WASI": zig/std-wasi/results.json (npm run std-wasi) is what the
// slide shows. Here every row that compiled runs again, under node:wasi and in Chromium on the
// deck's runner, and must give the recorded exit code, stdout and stderr; every row that did
// not compile must still fail with the recorded first error line; and the file must be up to
// date with the sources and modules.
import type { HostInput } from '../helpers/node-wasi'
import { readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openBrowserHarness } from '../../tooling/harness/open-harness'
import { compileRow, STD_WASI_DIR } from '../../tooling/lib/std-wasi'
import { sha256 } from '../../tooling/lib/wasm-facts.mjs'
import { findZig } from '../../tooling/lib/zig-toolchain.mjs'
import { root, runNodeWasi } from '../helpers/node-wasi'

interface Row {
  name: string
  what: string
  source: string
  sourceSha256: string
  input: HostInput
  compiles: boolean
  compileError?: string
  module?: string
  moduleSha256?: string
  run?: { exitCode: number, stdout: string, stderr: string }
}
const results = JSON.parse(readFileSync(join(STD_WASI_DIR, 'results.json'), 'utf8')) as { zig: string, rows: Row[] }
const ran = results.rows.filter(r => r.compiles)
const text = (b: Uint8Array) => new TextDecoder().decode(b)

it('the results are for today\'s sources, modules and compiler', () => {
  expect(results.rows.map(r => `${r.name}.zig`)).toEqual(readdirSync(STD_WASI_DIR).filter(f => f.endsWith('.zig')).sort())
  for (const row of results.rows) {
    expect(sha256(readFileSync(join(root, row.source))), row.source).toBe(row.sourceSha256)
    if (row.module)
      expect(sha256(readFileSync(join(root, row.module))), row.module).toBe(row.moduleSha256)
  }
  const zig = findZig()
  expect('error' in zig ? zig.error : zig.version).toBe(results.zig)
  // Each kind of answer is there: runs, errors at run time, does not compile.
  expect(ran.some(r => r.run!.exitCode === 0)).toBe(true)
  expect(ran.some(r => r.run!.exitCode !== 0)).toBe(true)
  expect(results.rows.some(r => !r.compiles)).toBe(true)
})

describe('under node:wasi', () => {
  it.each(ran.map(r => [r.name, r] as const))('%s gives the recorded result', async (_, row) => {
    const r = await runNodeWasi(join(root, row.module!), row.input)
    expect({ exitCode: r.exitCode, stdout: r.stdout.toString('utf8'), stderr: r.stderr.toString('utf8') }).toEqual(row.run)
  })
})

describe('in Chromium, on the deck\'s runner', () => {
  let harness: Awaited<ReturnType<typeof openBrowserHarness>>
  beforeAll(async () => {
    harness = await openBrowserHarness('chromium', { wasmDir: join(STD_WASI_DIR, 'wasm') })
  }, 120_000)
  afterAll(() => harness?.close())

  it.each(ran.map(r => [r.name, r] as const))('%s gives the recorded result', async (_, row) => {
    const r = await harness.run({ program: row.name, args: row.input.args, env: row.input.env, preopens: row.input.preopens as Record<string, Record<string, string>> | undefined })
    expect(r.error).toBeUndefined()
    expect({ exitCode: r.exitCode, stdout: text(r.stdout), stderr: text(r.stderr) }).toEqual(row.run)
  })
})

describe('what does not compile', () => {
  const cache = join(tmpdir(), `std-wasi-cache-${process.pid}`)
  afterAll(() => rmSync(cache, { recursive: true, force: true }))
  it.each(results.rows.filter(r => !r.compiles).map(r => [r.name, r] as const))('%s still fails with the recorded error', (_, row) => {
    const zig = findZig()
    if ('error' in zig)
      throw new Error(zig.error)
    expect(compileRow(zig.bin, row.name, join(cache, `${row.name}.wasm`), cache)).toEqual({ ok: false, error: row.compileError })
  }, 300_000)
})
