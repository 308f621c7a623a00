// The committed modules are what the Zig sources build to, byte for byte.
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { afterAll, describe, expect, it } from 'vitest'
import { findZig, ZIG_RELEASE } from '../../tooling/lib/zig-toolchain.mjs'
import { root, WASM_URL_DIR, wasmDir } from '../helpers/node-wasi'

const committed = wasmDir
const manifest = JSON.parse(readFileSync(join(committed, 'manifest.json'), 'utf8'))

describe('the manifest describes the committed modules', () => {
  it('lists every .wasm with its size, hash, source hash and WASI imports', () => {
    const files = readdirSync(committed).filter(f => f.endsWith('.wasm') && !f.endsWith('.component.wasm')).sort()
    expect(manifest.modules.map((m: { file: string }) => m.file.slice(WASM_URL_DIR.length + 1))).toEqual(files)
    for (const m of manifest.modules) {
      const bytes = readFileSync(join(root, 'public', m.file))
      expect(m.bytes).toBe(bytes.length)
      expect(m.gzipBytes).toBe(gzipSync(bytes, { level: 9 }).length)
      expect(m.sha256).toBe(createHash('sha256').update(bytes).digest('hex'))
      expect(m.sourceSha256).toBe(createHash('sha256').update(readFileSync(join(root, m.source))).digest('hex'))
      expect(m.imports.every((i: string) => i.startsWith('wasi_snapshot_preview1.'))).toBe(true)
      if (m.kind === 'command') {
        expect(m.imports.length).toBeGreaterThan(0)
        expect(m.exports).toContain('_start')
      }
      else {
        expect(m.kind).toBe('reactor')
        expect(m.exports).not.toContain('_start')
        expect(m.exports.length).toBeGreaterThan(1) // memory and at least one function
      }
    }
  })
})

// `npm install` brings Zig (scripts/install-zig.mjs), so this runs in `npm test`; without Zig it
// fails with the reason instead of skipping.
const zig = findZig()
describe('npm run build:wasm is reproducible', () => {
  const out = mkdtempSync(join(tmpdir(), 'wasm-rebuild-'))
  afterAll(() => rmSync(out, { recursive: true, force: true }))

  it('the manifest names the Zig that builds here', () => {
    if ('error' in zig)
      throw new Error(zig.error)
    expect(manifest.zig).toBe(zig.version)
    expect(manifest.zig).toBe(ZIG_RELEASE)
  })

  // Empty caches: Zig builds its compiler_rt and wasi-libc again: 3 min of CPU, but 25 to 30 min of
  // wall time on this 2-core machine at load average 30.
  it('a fresh build (empty caches) gives the committed bytes and manifest', () => {
    if ('error' in zig)
      throw new Error(zig.error)
    execFileSync(process.execPath, [join(root, 'scripts/build-wasm.mjs'), '--fresh', '--out', out], { stdio: 'pipe' })
    // Modules, components (*.component.wasm) and the transpiled components (components/<name>/);
    // the Fastly Compute program lands in fastly-compute/ under --out, committed in its demo's bin/.
    const FASTLY = 'fastly-compute/main.wasm'
    const rebuilt = readdirSync(out, { recursive: true, encoding: 'utf8' }).filter(f => !statSync(join(out, f)).isDirectory()).sort()
    expect(rebuilt.filter(f => f !== FASTLY)).toEqual(readdirSync(committed, { recursive: true, encoding: 'utf8' }).filter(f => !statSync(join(committed, f)).isDirectory()).sort())
    for (const file of rebuilt.filter(f => f !== FASTLY))
      expect(readFileSync(join(out, file)).equals(readFileSync(join(committed, file))), file).toBe(true)
    expect(readFileSync(join(out, FASTLY)).equals(readFileSync(join(root, 'demos/fastly-compute/bin/main.wasm'))), FASTLY).toBe(true)
  }, 3_600_000) // Zig with empty caches, then jco for the components
})
