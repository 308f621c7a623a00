// npm run build:wasm [-- --out DIR]
// Compiles every program in zig/ (zig build: wasm32-wasi, ReleaseSmall; the C ones
// against Zig's bundled wasi-libc) and writes
// DIR/<name>.wasm plus DIR/manifest.json (default DIR: public/wasm); then adapts the
// command modules in COMPONENT_PROGRAMS into WASI 0.2 components (DIR/<name>.component.wasm)
// and transpiles them (DIR/components/<name>/), see scripts/lib/components.mjs.
// --fresh compiles with empty caches, to prove the bytes do not come from a cache.
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative, resolve } from 'node:path'
import process from 'node:process'
import { adaptCommand, COMPONENT_PROGRAMS, gzipSize, jcoVersion, transpiledDir, witInterfaces } from './lib/components.mjs'
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
  const componentFiles = COMPONENT_PROGRAMS.map(name => `${name}.component.wasm`)
  for (const stale of readdirSync(outDir).filter(f => f.endsWith('.wasm') && !built.includes(f) && !componentFiles.includes(f)))
    rmSync(join(outDir, stale))
  rmSync(join(outDir, 'components'), { recursive: true, force: true })

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
  const components = []
  for (const name of COMPONENT_PROGRAMS) {
    const module = modules.find(m => m.name === name)
    if (module?.kind !== 'command')
      throw new Error(`build:wasm: ${name} is not a command module: it cannot be adapted into a component`)
    const { component, wit, transpiled } = await adaptCommand(name, readFileSync(join(outDir, module.file.replace(/^wasm\//, ''))))
    const file = `${name}.component.wasm`
    writeFileSync(join(outDir, file), component)
    const dir = transpiledDir(name)
    mkdirSync(join(outDir, dir), { recursive: true })
    for (const [f, bytes] of Object.entries(transpiled))
      writeFileSync(join(outDir, dir, f), bytes)
    const files = Object.entries(transpiled).sort(([a], [b]) => (a < b ? -1 : 1))
    components.push({
      name,
      module: module.file,
      file: `wasm/${file}`,
      bytes: component.length,
      gzipBytes: gzipSize(component),
      sha256: sha256(component),
      // What the adapter and the component's wiring add to the module.
      adapterBytes: component.length - module.bytes,
      ...witInterfaces(wit),
      transpiled: files.map(([f, bytes]) => ({ file: `wasm/${dir}/${f}`, bytes: bytes.length, gzipBytes: gzipSize(bytes), sha256: sha256(bytes) })),
    })
  }
  const manifest = { zig: zig.version, target: 'wasm32-wasi', optimize: 'ReleaseSmall', modules, jco: jcoVersion(), adapter: 'wasi_snapshot_preview1.command', components }
  writeFileSync(join(outDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`)
  for (const m of modules)
    console.log(`${m.name.padEnd(12)} ${String(m.bytes).padStart(7)} B  ${m.kind.padEnd(8)} ${m.imports.length} WASI imports  ${m.sha256.slice(0, 12)}`)
  for (const c of components)
    console.log(`${`${c.name}.component`.padEnd(22)} ${String(c.bytes).padStart(7)} B  (+${c.adapterBytes} B adapter)  ${c.imports.length} WASI 0.2 imports  ${c.sha256.slice(0, 12)}`)
  console.log(`build:wasm: ${modules.length} modules in ${seconds} s with Zig ${zig.version}, ${components.length} components with jco ${manifest.jco} -> ${relative(root, outDir) || '.'}`)
}
finally {
  rmSync(prefix, { recursive: true, force: true })
}
