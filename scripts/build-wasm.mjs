// npm run build:wasm [-- --out DIR]
// Compiles every program in zig/src/ with Zig 0.17 (zig build: wasm32-wasi, ReleaseSmall; the C ones
// against Zig's bundled wasi-libc) and writes
// DIR/<name>.wasm plus DIR/manifest.json (default DIR: public/wasm); then adapts the
// command modules in COMPONENT_PROGRAMS into WASI 0.2 components (DIR/<name>.component.wasm)
// and transpiles them (DIR/components/<name>/), see tooling/lib/components.mjs.
// --fresh compiles with empty caches, to prove the bytes do not come from a cache.
import { execFileSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative, resolve } from 'node:path'
import process from 'node:process'
import { adaptCommand, COMPONENT_PROGRAMS, jcoVersion, witInterfaces } from '../tooling/lib/components.mjs'
import { root, transpiledDir, WASM_URL_DIR, wasmDir } from '../tooling/lib/paths.mjs'
import { gzipSize, sha256, wasmFacts } from '../tooling/lib/wasm-facts.mjs'
import { findZig } from '../tooling/lib/zig-toolchain.mjs'

const outIndex = process.argv.indexOf('--out')
const outDir = resolve(outIndex > 0 ? process.argv[outIndex + 1] : wasmDir)

const found = findZig()
if ('error' in found) {
  console.error(`build:wasm: ${found.error}`)
  process.exit(1)
}
const zig = found

class BuildFailed extends Error {}
const prefix = mkdtempSync(join(tmpdir(), 'zig-out-'))
try {
  const started = performance.now()
  // Zig 0.17's `zig build` takes the local cache as a flag and the global one from the environment.
  const fresh = process.argv.includes('--fresh')
  const caches = fresh ? ['--cache-dir', join(prefix, 'cache')] : []
  const env = fresh ? { ...process.env, ZIG_GLOBAL_CACHE_DIR: join(prefix, 'global-cache') } : process.env
  try {
    execFileSync(zig.bin, ['build', '--prefix', prefix, ...caches], { cwd: join(root, 'zig'), stdio: 'inherit', env })
  }
  catch (error) {
    const e = /** @type {{ status?: number, message: string }} */ (error)
    console.error(`build:wasm: zig build failed (${e.status === undefined ? e.message : `exit ${e.status}`}); its messages are above`)
    process.exitCode = 1
    throw new BuildFailed()
  }
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
    const source = ['zig', 'c'].map(ext => `zig/src/${name}.${ext}`).find(path => existsSync(join(root, path)))
    if (!source)
      throw new Error(`build:wasm: ${file} has no source in zig/src/`)
    const { kind, bytes: size, gzipBytes, sha256: hash, imports, exports, stackBytes } = wasmFacts(bytes)
    return {
      name,
      kind,
      // The conformance suite's programs: the slides' module tables leave them out.
      ...(name.startsWith('conformance-') ? { conformance: true } : {}),
      file: `${WASM_URL_DIR}/${file}`,
      bytes: size,
      gzipBytes,
      sha256: hash,
      source,
      sourceSha256: sha256(readFileSync(join(root, source))),
      imports,
      exports,
      ...(stackBytes === undefined ? {} : { stackBytes }),
    }
  })
  const components = []
  for (const name of COMPONENT_PROGRAMS) {
    const module = modules.find(m => m.name === name)
    if (module?.kind !== 'command')
      throw new Error(`build:wasm: ${name} is not a command module: it cannot be adapted into a component`)
    const { component, wit, transpiled } = await adaptCommand(name, readFileSync(join(outDir, module.file.slice(WASM_URL_DIR.length + 1))))
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
      file: `${WASM_URL_DIR}/${file}`,
      bytes: component.length,
      gzipBytes: gzipSize(component),
      sha256: sha256(component),
      // What the adapter and the component's wiring add to the module.
      adapterBytes: component.length - module.bytes,
      ...witInterfaces(wit),
      transpiled: files.map(([f, bytes]) => ({ file: `${WASM_URL_DIR}/${dir}/${f}`, bytes: bytes.length, gzipBytes: gzipSize(bytes), sha256: sha256(bytes) })),
    })
  }
  const manifest = { zig: zig.version, target: 'wasm32-wasi', optimize: 'ReleaseSmall', modules, jco: jcoVersion(), adapter: 'wasi_snapshot_preview1.command', components }
  writeFileSync(join(outDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`)
  for (const m of modules)
    console.log(`${m.name.padEnd(18)} ${String(m.bytes).padStart(7)} B  ${String(m.gzipBytes).padStart(6)} B gzip  ${m.kind.padEnd(8)} ${m.imports.length} WASI imports  ${m.sha256.slice(0, 12)}`)
  for (const c of components)
    console.log(`${`${c.name}.component`.padEnd(22)} ${String(c.bytes).padStart(7)} B  (+${c.adapterBytes} B adapter)  ${c.imports.length} WASI 0.2 imports  ${c.sha256.slice(0, 12)}`)
  console.log(`build:wasm: ${modules.length} modules in ${seconds} s with Zig ${zig.version}, ${components.length} components with jco ${manifest.jco} -> ${relative(root, outDir) || '.'}`)
  buildFastlyCompute()
}
catch (e) {
  if (!(e instanceof BuildFailed))
    throw e
}
finally {
  rmSync(prefix, { recursive: true, force: true })
}

/**
 * The Fastly Compute program (demos/fastly-compute/src/main.zig, Zig 0.17), with the demo's own
 * code (zig/src/demo.zig) as its module "demo", to demos/fastly-compute/bin/main.wasm (Fastly's
 * layout), or to DIR/fastly-compute/main.wasm with --out DIR. Not a WASI command for the other
 * runtimes (it imports Compute's host calls), so it is not in public/wasm/ or the manifest.
 */
function buildFastlyCompute() {
  const out = outIndex > 0 ? join(outDir, 'fastly-compute/main.wasm') : join(root, 'demos/fastly-compute/bin/main.wasm')
  if (!zig.version.startsWith('0.17.')) {
    console.log(`build:wasm: demos/fastly-compute is written for Zig 0.17 (this is ${zig.version}): its committed bin/main.wasm is kept`)
    return
  }
  mkdirSync(join(out, '..'), { recursive: true })
  const mode = ['-target', 'wasm32-wasi', '-O', 'ReleaseSmall']
  execFileSync(zig.bin, [
    'build-exe',
    ...mode,
    '--dep',
    'demo',
    `-Mroot=${join(root, 'demos/fastly-compute/src/main.zig')}`,
    ...mode,
    `-Mdemo=${join(root, 'zig/src/demo.zig')}`,
    `-femit-bin=${out}`,
    '--cache-dir',
    join(prefix, 'fastly-cache'),
  ], { cwd: root, stdio: 'inherit' })
  rmSync(`${out}.o`, { force: true })
  console.log(`build:wasm: demos/fastly-compute ${readFileSync(out).length} B with Zig ${zig.version} -> ${relative(root, out)}`)
}
