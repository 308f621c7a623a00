// npm run build:wasm [-- --out DIR]
// Compiles every program in zig/ (zig build: wasm32-wasi, ReleaseSmall; the C ones
// against Zig's bundled wasi-libc) and writes
// DIR/<name>.wasm plus DIR/manifest.json (default DIR: public/wasm).
// --fresh compiles with empty caches, to prove the bytes do not come from a cache.
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative, resolve } from 'node:path'
import process from 'node:process'
import { root, wasmDir } from './lib/paths.mjs'
import { findZig } from './lib/zig-toolchain.mjs'

const outIndex = process.argv.indexOf('--out')
const outDir = resolve(outIndex > 0 ? process.argv[outIndex + 1] : wasmDir)

const zig = findZig()
if ('error' in zig) {
  console.error(`build:wasm: ${zig.error}`)
  process.exit(1)
}

const sha256 = bytes => createHash('sha256').update(bytes).digest('hex')
const prefix = mkdtempSync(join(tmpdir(), 'zig-out-'))
try {
  const started = performance.now()
  const caches = process.argv.includes('--fresh')
    ? ['--cache-dir', join(prefix, 'cache'), '--global-cache-dir', join(prefix, 'global-cache')]
    : []
  execFileSync(zig.bin, ['build', '--prefix', prefix, ...caches], { cwd: join(root, 'zig'), stdio: 'inherit' })
  const seconds = ((performance.now() - started) / 1000).toFixed(1)

  mkdirSync(outDir, { recursive: true })
  const built = readdirSync(join(prefix, 'bin')).filter(f => f.endsWith('.wasm')).sort()
  for (const stale of readdirSync(outDir).filter(f => f.endsWith('.wasm') && !built.includes(f)))
    rmSync(join(outDir, stale))

  const modules = built.map((file) => {
    const name = file.replace(/\.wasm$/, '')
    const bytes = readFileSync(join(prefix, 'bin', file))
    copyFileSync(join(prefix, 'bin', file), join(outDir, file))
    const module = new WebAssembly.Module(bytes)
    const source = ['zig', 'c'].map(ext => `zig/src/${name}.${ext}`).find(path => existsSync(join(root, path)))
    const exports = WebAssembly.Module.exports(module).map(e => e.name)
    return {
      name,
      // A command runs `_start` once; a reactor exports functions to call again and again.
      kind: exports.includes('_start') ? 'command' : 'reactor',
      // The conformance suite's programs: the slides' module tables leave them out.
      ...(name.startsWith('conformance-') ? { conformance: true } : {}),
      file: `wasm/${file}`,
      bytes: bytes.length,
      sha256: sha256(bytes),
      source,
      sourceSha256: sha256(readFileSync(join(root, source))),
      imports: WebAssembly.Module.imports(module).map(i => `${i.module}.${i.name}`),
      exports,
    }
  })
  const manifest = { zig: zig.version, target: 'wasm32-wasi', optimize: 'ReleaseSmall', modules }
  writeFileSync(join(outDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`)
  for (const m of modules)
    console.log(`${m.name.padEnd(12)} ${String(m.bytes).padStart(7)} B  ${m.kind.padEnd(8)} ${m.imports.length} WASI imports  ${m.sha256.slice(0, 12)}`)
  console.log(`build:wasm: ${modules.length} modules in ${seconds} s with Zig ${zig.version} -> ${relative(root, outDir) || '.'}`)
}
finally {
  rmSync(prefix, { recursive: true, force: true })
}
