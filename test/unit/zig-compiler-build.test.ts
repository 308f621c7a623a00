// npm run build:zig-compiler rebuilds the committed public/zig-compiler/ byte for byte.
// It takes minutes (about 4 on 2 cores), so it runs on request:
//   npm run test:zig-compiler   (ZIG_COMPILER_REBUILD=1)
// and needs Zig 0.11.0's source (see scripts/build-zig-compiler.ts for where it looks).
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { findZig } from '../../scripts/lib/zig-toolchain.mjs'
import { root } from '../helpers/node-wasi'

const requested = process.env.ZIG_COMPILER_REBUILD === '1'
const source = process.env.ZIG_COMPILER_SRC
  ?? ['../shared/zig-0.11.0-compiler-src.tar.gz', '../../shared/zig-0.11.0-compiler-src.tar.gz'].map(p => resolve(root, p)).find(p => existsSync(p))
const zig = findZig()
const skipped = !requested
  ? 'not requested: run npm run test:zig-compiler (it takes minutes)'
  : !source
      ? 'Zig 0.11.0 source not found: set ZIG_COMPILER_SRC to zig-0.11.0.tar.xz or the compiler-src tarball'
      : 'error' in zig ? zig.error : undefined
if (skipped)
  console.warn(`zig-compiler-build: skipped, ${skipped}`)

describe.skipIf(skipped !== undefined)(`npm run build:zig-compiler is reproducible${skipped ? ` (skipped: ${skipped})` : ''}`, () => {
  let out = ''
  afterAll(() => out && rmSync(out, { recursive: true, force: true }))

  it('rebuilds zig.wasm, lib.tar and the manifest with the committed bytes', () => {
    out = mkdtempSync(join(tmpdir(), 'zig-compiler-rebuild-'))
    execFileSync(process.execPath, ['--import', 'tsx', join(root, 'scripts/build-zig-compiler.ts'), '--src', source!, '--out', out], { stdio: 'pipe', cwd: root })
    const committed = join(root, 'public/zig-compiler')
    expect(readdirSync(out).sort()).toEqual(readdirSync(committed).sort())
    for (const file of readdirSync(out))
      expect(readFileSync(join(out, file)).equals(readFileSync(join(committed, file))), file).toBe(true)
  }, 20 * 60_000)
})
