// npm run build:zig-compiler [-- --src PATH] [--out DIR]
// Builds the Zig compiler itself for wasm32-wasi (public/zig-compiler/zig.wasm) from
// Zig 0.11.0's source with the project's Zig 0.11.0, and packs the std lib files it
// reads into public/zig-compiler/lib.tar, with public/zig-compiler/manifest.json.
//
// The source: --src or ZIG_COMPILER_SRC, a .tar.gz/.tar.xz or a directory holding
// src/main.zig. By default ../shared/zig-0.11.0-compiler-src.tar.gz (Zig's src/ at the
// 0.11.0 release commit); the official source release zig-0.11.0.tar.xz works as well.
// The patches in zig/compiler-patches/ (each says why) go on a copy of the std lib used
// only for this build.
import type { Inode } from '@bjorn3/browser_wasi_shim'
import type { CompilerManifest } from '../demos/browser/live-zig/zig-wasm-compiler'
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import process from 'node:process'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { ConsoleStdout, Directory, File, OpenFile, PreopenDirectory, WASI } from '@bjorn3/browser_wasi_shim'
import { writeTar } from '../demos/browser/live-zig/tar'
import {
  COMPILER_ARGS,
  COMPILER_LIB,
  COMPILER_MANIFEST,
  COMPILER_MAX_MEMORY_BYTES,
  COMPILER_STACK_BYTES,
  COMPILER_WASM,
  SOURCE_FILE,
} from '../demos/browser/live-zig/zig-wasm-compiler'
import { findZig } from './lib/zig-toolchain.mjs'

const root = fileURLToPath(new URL('..', import.meta.url))
function arg(name: string) {
  const i = process.argv.indexOf(name)
  return i > 0 ? process.argv[i + 1] : undefined
}
function fail(message: string): never {
  console.error(`build:zig-compiler: ${message}`)
  process.exit(1)
}

const DEFAULT_SOURCES = ['../shared/zig-0.11.0-compiler-src.tar.gz', '../../shared/zig-0.11.0-compiler-src.tar.gz']
const outDir = resolve(arg('--out') ?? join(root, 'public/zig-compiler'))
const source = arg('--src') ?? process.env.ZIG_COMPILER_SRC
  ?? DEFAULT_SOURCES.map(p => resolve(root, p)).find(p => existsSync(p))
if (!source || !existsSync(source))
  fail(`no Zig 0.11.0 source: pass --src PATH or set ZIG_COMPILER_SRC (a .tar.gz/.tar.xz or a directory with src/main.zig; ziglang.org's zig-0.11.0.tar.xz works)${source ? `; ${source} does not exist` : ''}`)

const zig = findZig()
if ('error' in zig)
  fail(zig.error)
const { bin: zigBin, version: zigVersion } = zig as { bin: string, version: string }
const zigLib: string = JSON.parse(execFileSync(zigBin, ['env'], { encoding: 'utf8' })).lib_dir

const scratch = join(root, '.scratch/zig-compiler')
rmSync(scratch, { recursive: true, force: true })
mkdirSync(scratch, { recursive: true })

/** The directory holding src/main.zig: the tarball's root or its one top-level folder. */
function unpackSource(path: string): string {
  if (statSync(path).isDirectory())
    return path
  const into = join(scratch, 'source')
  mkdirSync(into)
  execFileSync('tar', ['xf', path, '-C', into])
  for (const candidate of [into, ...readdirSync(into).map(d => join(into, d))]) {
    if (existsSync(join(candidate, 'src/main.zig')))
      return candidate
  }
  return fail(`${path} holds no src/main.zig: not a Zig source tree`)
}

// The lib dir the compiler is built against: a copy of the parts of Zig's that a
// wasm32-wasi build reads (copies: Zig resolves symlinks and then misjoins the paths),
// with std patched.
function patchedLib(): string {
  const lib = join(scratch, 'build-lib')
  mkdirSync(lib)
  for (const entry of ['std', 'compiler_rt', 'compiler_rt.zig', 'c.zig'])
    cpSync(join(zigLib, entry), join(lib, entry), { recursive: true })
  const patches = join(root, 'zig/compiler-patches')
  for (const patch of readdirSync(patches).filter(f => f.endsWith('.patch')).sort()) {
    execFileSync('patch', ['-p1', '--forward', '--quiet', '-d', lib, '-i', join(patches, patch)], { stdio: 'inherit' })
    console.log(`build:zig-compiler: applied ${patch}`)
  }
  return lib
}

const t0 = performance.now()
const tree = unpackSource(source!)
const lib = patchedLib()
const wasmPath = join(scratch, COMPILER_WASM)
console.log(`build:zig-compiler: building ${relative(root, tree) || tree}/src/main.zig for wasm32-wasi with Zig ${zigVersion} (minutes)`)
execFileSync(zigBin, [
  'build-exe',
  '--zig-lib-dir',
  lib,
  '--mod',
  `build_options::${join(root, 'zig/compiler-patches/build_options.zig')}`,
  '--deps',
  'build_options',
  join(tree, 'src/main.zig'),
  '--name',
  'zig',
  '-target',
  'wasm32-wasi',
  '-OReleaseSmall',
  `--max-memory=${COMPILER_MAX_MEMORY_BYTES}`,
  '--stack',
  String(COMPILER_STACK_BYTES),
  '--cache-dir',
  join(scratch, 'cache'),
  '--global-cache-dir',
  join(scratch, 'global-cache'),
  `-femit-bin=${wasmPath}`,
], { stdio: 'inherit' })
const buildSeconds = (performance.now() - t0) / 1000
const wasm = readFileSync(wasmPath)

// Which lib files does it read? Compile every zig/src program with it, on the same
// shim the page uses, and note each file opened.
function libTree(dir: string, rel: string, opened: Set<string>): Map<string, Inode> {
  const entries = new Map<string, Inode>()
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name)
    const relPath = rel ? `${rel}/${name}` : name
    if (statSync(path).isDirectory()) {
      entries.set(name, new Directory(libTree(path, relPath, opened)))
    }
    else {
      const file = new File(readFileSync(path))
      const open = file.path_open.bind(file)
      file.path_open = (...a: Parameters<File['path_open']>) => {
        opened.add(relPath)
        return open(...a)
      }
      entries.set(name, file)
    }
  }
  return entries
}

const module = new WebAssembly.Module(wasm)
const opened = new Set<string>()
const libEntries = new Map<string, Inode>()
for (const name of ['std', 'compiler_rt', 'compiler_rt.zig', 'c.zig']) {
  const path = join(zigLib, name)
  libEntries.set(name, statSync(path).isDirectory() ? new Directory(libTree(path, name, opened)) : libTree(dirname(path), '', opened).get(name)!)
}
const programs = readdirSync(join(root, 'zig/src')).filter(f => f.endsWith('.zig')).sort()
for (const program of programs) {
  let output = ''
  const collect = (b: Uint8Array) => {
    output += new TextDecoder().decode(b)
  }
  const files = new Map<string, Inode>([
    ['lib', new Directory(libEntries)],
    ['cache', new Directory(new Map())],
    [SOURCE_FILE, new File(readFileSync(join(root, 'zig/src', program)))],
  ])
  const wasi = new WASI(['zig', ...COMPILER_ARGS], [], [
    new OpenFile(new File([])),
    new ConsoleStdout(collect),
    new ConsoleStdout(collect),
    new PreopenDirectory('/', files),
  ], { debug: false })
  const instance = new WebAssembly.Instance(module, { wasi_snapshot_preview1: wasi.wasiImport })
  const code = wasi.start(instance as never)
  // The self-hosted wasm backend has gaps (inline assembly): a program it cannot
  // compile still shows which files the compiler reads.
  console.log(`build:zig-compiler: traced ${program}: exit ${code}${code ? ` (${output.split('\n')[0]})` : ''}`)
}
const libFiles = [...opened].sort()
const tar = writeTar(Object.fromEntries(libFiles.map(f => [f, new Uint8Array(readFileSync(join(zigLib, f)))])))

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex')
mkdirSync(outDir, { recursive: true })
writeFileSync(join(outDir, COMPILER_WASM), wasm)
writeFileSync(join(outDir, COMPILER_LIB), tar)
const manifest: CompilerManifest = {
  zig: zigVersion,
  backend: 'self-hosted wasm backend and linker (-fno-llvm -fno-lld)',
  args: COMPILER_ARGS,
  maxMemoryBytes: COMPILER_MAX_MEMORY_BYTES,
  files: [[COMPILER_WASM, wasm], [COMPILER_LIB, tar]].map(([name, bytes]) => ({
    name: name as string,
    bytes: (bytes as Uint8Array).length,
    gzipBytes: gzipSync(bytes as Uint8Array, { level: 9 }).length,
    sha256: sha256(bytes as Uint8Array),
  })),
  libFiles: libFiles.length,
  libSourceBytes: libFiles.reduce((n, f) => n + statSync(join(zigLib, f)).size, 0),
}
writeFileSync(join(outDir, COMPILER_MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`)
for (const f of manifest.files)
  console.log(`${f.name.padEnd(9)} ${String(f.bytes).padStart(9)} B  ${String(f.gzipBytes).padStart(8)} B gzip  ${f.sha256.slice(0, 12)}`)
console.log(`build:zig-compiler: built in ${buildSeconds.toFixed(0)} s; lib.tar holds ${libFiles.length} files (${libFiles.filter(f => !f.startsWith('std/')).join(', ') || 'std/ only'}) -> ${relative(root, outDir)}`)
