// npm run runtimes' component rows (tooling/sessions/components.ts): the same cases as the
// module rows, each compared with node:wasi; what a component cannot run as the module does
// carries why; runtimes.json written before the rows existed still reads.
import type { RuntimesJson } from '../../demos/shared/runtime-report'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { casesChecked, moduleRuntimes } from '../../demos/browser/view/runtime-rows'
import { CASES, measure, references } from '../../tooling/sessions/compare'
import { builtComponents, COMPONENT_RUNTIME_IDS, COMPONENT_RUNTIMES, componentCannot } from '../../tooling/sessions/components'
import { manifestPath, root } from '../helpers/node-wasi'

const built = builtComponents().map(c => c.name)
const rt = (id: string) => COMPONENT_RUNTIMES.find(r => r.id === id)!

describe('the component rows of npm run runtimes', () => {
  it('every runtime case either has a component to run or says why not; exit codes other than 0 and 1 say why they differ', () => {
    expect(COMPONENT_RUNTIMES.map(r => r.id)).toEqual(COMPONENT_RUNTIME_IDS)
    for (const c of CASES) {
      const why = componentCannot(c, built)
      if (!built.includes(c.program))
        expect(why, c.id).toMatch(/^no component of this program/)
      else if (c.id === 'exit-code: 42' || c.id === 'read-file: missing (exit 2)')
        expect(why, c.id).toMatch(/wasi:cli\/exit carries ok or err/)
      else
        expect(why, c.id).toBeUndefined()
    }
  })

  it('node: every case with a component matches node:wasi byte for byte (not UTF-8, 1 MiB and the trap included); the others carry why; compute timed in the host', async () => {
    const report = await measure(rt('node-component'), await references(), { timings: true })
    expect(report.status, report.message ?? JSON.stringify(report.results.filter(r => !r.pass && !r.cannot))).toBe('verified')
    expect(report.component).toBe(true)
    expect(report.results.map(r => r.case)).toEqual(CASES.map(c => c.id))
    for (const id of ['demo: not UTF-8 (exit 1)', 'demo: 1 MiB', 'panic: trap', 'mandelbrot: 60x20', 'read-file: preopen'])
      expect(report.results.find(r => r.case === id), id).toMatchObject({ pass: true })
    for (const r of report.results.filter(r => !r.pass))
      expect(r.cannot, r.case).toMatch(/\S{10}/)
    expect(report.timings!.computeMs).toBeGreaterThan(0)
    expect(casesChecked(report)).toMatch(/^\d+\/\d+, \d n\/a$/)
  }, 480_000)

  it.skipIf(rt('wasmtime-component').available())(`wasmtime: the same, natively${rt('wasmtime-component').available() ? ` (skipped: ${rt('wasmtime-component').available()})` : ''}`, async () => {
    const report = await measure(rt('wasmtime-component'), await references(), { timings: false })
    expect(report.status, report.message ?? JSON.stringify(report.results.filter(r => !r.pass && !r.cannot))).toBe('verified')
    expect(report.results.find(r => r.case === 'panic: trap')).toMatchObject({ pass: true })
  }, 480_000)

  it('chromium: the same through the deck\'s component runner in a Web Worker', async () => {
    const report = await measure(rt('chromium-component'), await references(), { timings: false })
    expect(report.status, report.message ?? JSON.stringify(report.results.filter(r => !r.pass && !r.cannot))).toBe('verified')
    expect(report.results.find(r => r.case === 'panic: trap')).toMatchObject({ pass: true })
    expect(report.results.find(r => r.case === 'demo: not UTF-8 (exit 1)')).toMatchObject({ pass: true })
  }, 480_000)
})

describe('public/runtimes.json with or without the component rows', () => {
  it('the committed file reads: its components (when listed) are the committed ones, its component rows (when there) verified', () => {
    const report = JSON.parse(readFileSync(join(root, 'public/runtimes.json'), 'utf8')) as RuntimesJson
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { components: Array<{ name: string, sha256: string }> }
    for (const c of report.components ?? [])
      expect(c.sha256, `${c.name}: run npm run runtimes again`).toBe(manifest.components.find(x => x.name === c.name)?.sha256)
    for (const r of report.runtimes.filter(r => r.component))
      expect(r.status, r.id).toBe('verified')
    expect(moduleRuntimes(report).every(r => !r.component)).toBe(true)
  })
})
