// The built site holds what its slides fetch: tooling/lib/site-modules.mjs leaves out the
// conformance programs, the components no slide runs, and every component's binary.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { componentsOnSlides, leaveOutUnfetchedModules } from '../../tooling/lib/site-modules.mjs'
import { manifestPath } from '../helpers/node-wasi'

interface Manifest { modules: Array<{ file: string, conformance?: boolean }>, components: Array<{ name: string, file?: string, transpiled: Array<{ file: string }> }> }

const committed = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest
let site: string | undefined
afterEach(() => {
  if (site)
    rmSync(site, { recursive: true, force: true })
})

/** A site with every file the committed manifest lists (empty files), and the manifest. */
function fakeSite(): string {
  const dir = mkdtempSync(join(tmpdir(), 'site-'))
  const files = [...committed.modules.map(m => m.file), ...committed.components.flatMap(c => [c.file!, ...c.transpiled.map(t => t.file)])]
  for (const file of files) {
    mkdirSync(dirname(join(dir, file)), { recursive: true })
    writeFileSync(join(dir, file), '')
  }
  writeFileSync(join(dir, 'wasm/manifest.json'), JSON.stringify(committed))
  return dir
}

describe('the built site\'s modules', () => {
  it('finds the programs the slides run as components', () => {
    expect(componentsOnSlides('<ComponentCompare program="demo" stdin="x" />\n<ComponentCompare stdin="y" program="read-file">')).toEqual(['demo', 'read-file'])
    expect(componentsOnSlides('<WasiRun program="demo" />')).toEqual([])
  })

  it('keeps the modules and the transpiled components the slides run, and nothing else', () => {
    site = fakeSite()
    const removed = leaveOutUnfetchedModules(site, '<ComponentCompare program="demo" />')
    const manifest = JSON.parse(readFileSync(join(site, 'wasm/manifest.json'), 'utf8')) as Manifest
    expect(manifest.modules.some(m => m.conformance)).toBe(false)
    expect(manifest.modules.length).toBe(committed.modules.filter(m => !m.conformance).length)
    expect(manifest.components.map(c => c.name)).toEqual(['demo'])
    expect(manifest.components[0].file).toBeUndefined()
    for (const m of manifest.modules)
      expect(() => readFileSync(join(site!, m.file))).not.toThrow()
    for (const t of manifest.components[0].transpiled)
      expect(() => readFileSync(join(site!, t.file))).not.toThrow()
    expect(removed).toContain('wasm/demo.component.wasm')
    expect(removed).toContain('wasm/components/mandelbrot')
    for (const file of removed)
      expect(() => readFileSync(join(site!, file))).toThrow()
  })
})
