// The same .wasm bytes give node:wasi's output on every runtime installed here.
import { describe, expect, it } from 'vitest'
import { CASES, compareRuntimes, judge } from '../../scripts/runtimes'
import { Buffer } from 'node:buffer'

describe('npm run runtimes', () => {
  it('Node, Deno, Bun, workerd and Chromium all match node:wasi on every case', async () => {
    const report = await compareRuntimes({ timings: false, log: () => {} })
    const summary = report.runtimes.map(r => ({ id: r.id, status: r.status, failures: r.results.filter(x => !x.pass), message: r.message }))
    expect(summary.map(s => s.id)).toEqual(['node', 'deno', 'bun', 'workerd', 'chromium'])
    for (const s of summary)
      expect(s, s.id).toEqual({ id: s.id, status: 'verified', failures: [], message: undefined })
    const workerd = report.runtimes.find(r => r.id === 'workerd')!
    expect(workerd.results.length).toBe(CASES.filter(c => c.program === 'demo').length)
  }, 240_000)

  it('a different byte, exit code or missing panic fails the comparison', () => {
    const reference = { exitCode: 0, stdout: Buffer.from('¡ƃᴉZ'), stderr: Buffer.from(''), wallMs: 0, timedOut: false }
    const text = CASES[0]
    const ok = { stdout: new Uint8Array(reference.stdout), stderr: new Uint8Array(), exitCode: 0, trapped: false }
    expect(judge(text, reference, ok).pass).toBe(true)
    expect(judge(text, reference, { ...ok, stdout: new TextEncoder().encode('¡ƃᴉz') }).pass).toBe(false)
    expect(judge(text, reference, { ...ok, exitCode: 1 }).pass).toBe(false)
    const panic = CASES.find(c => c.expect === 'trap')!
    expect(judge(panic, { ...reference, stdout: Buffer.from('') }, { ...ok, stdout: new Uint8Array(), trapped: true }).pass).toBe(false)
  })
})

describe('public/runtimes.json, shown on the slides', () => {
  it('was measured on the modules that are committed now', async () => {
    const { readFileSync } = await import('node:fs')
    const { join } = await import('node:path')
    const { root } = await import('../helpers/node-wasi')
    const report = JSON.parse(readFileSync(join(root, 'public/runtimes.json'), 'utf8'))
    const manifest = JSON.parse(readFileSync(join(root, 'public/wasm/manifest.json'), 'utf8'))
    for (const m of report.modules)
      expect(m.sha256, `${m.name}: run npm run runtimes again`).toBe(manifest.modules.find((x: { name: string }) => x.name === m.name).sha256)
    expect(report.runtimes.every((r: { status: string }) => r.status === 'verified')).toBe(true)
  })
})
