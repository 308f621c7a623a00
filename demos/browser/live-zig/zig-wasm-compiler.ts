// The Zig compiler as a wasm32-wasi program (public/zig-compiler/, built by
// `npm run build:zig-compiler`), run through the deck's WASI runner like any demo.
// This module knows how to call it: the preopen's layout, the arguments, the limits,
// and how to read its answer. It runs in the page and under Node alike.
import type { WasiRunner } from '../runner/runner'

/** Where the compiler's files are, under public/ (and the built site's base). */
export const COMPILER_DIR = 'zig-compiler'
export const COMPILER_WASM = 'zig.wasm'
export const COMPILER_LIB = 'lib.tar'
export const COMPILER_MANIFEST = 'manifest.json'

/** The reader's program and the compiled module, as the compiler sees them in the preopen. */
export const SOURCE_FILE = 'main.zig'
const OUTPUT_FILE = 'x.wasm'
/** The std lib (unpacked from lib.tar) and the compiler's cache, relative to the preopen. */
const LIB_DIR = 'lib'
const CACHE_DIR = 'cache'

/**
 * The most linear memory zig.wasm may grow to: linked in (`--max-memory`), so a comptime
 * memory bomb ends in the compiler's own "OutOfMemory" instead of taking the tab down.
 */
export const COMPILER_MAX_MEMORY_BYTES = 512 * 1024 * 1024
/** zig.wasm's stack, in its linear memory (the default 1 MiB is small for the compiler). */
export const COMPILER_STACK_BYTES = 16 * 1024 * 1024
/** The watchdog: an endless comptime loop that raised its own branch quota ends here. */
export const COMPILER_TIMEOUT_MS = 30_000

/**
 * zig build-exe, self-hosted: Zig's own wasm backend and linker (no LLVM, no LLD in a page).
 * Paths are relative: Zig 0.11 on WASI refuses absolute ones.
 */
export const COMPILER_ARGS = [
  'build-exe',
  SOURCE_FILE,
  '-target',
  'wasm32-wasi',
  '-fno-llvm',
  '-fno-lld',
  '-OReleaseSmall',
  '--zig-lib-dir',
  LIB_DIR,
  '--cache-dir',
  CACHE_DIR,
  '--global-cache-dir',
  CACHE_DIR,
  `-femit-bin=${OUTPUT_FILE}`,
]

export interface CompilerManifest {
  zig: string
  backend: string
  args: string[]
  maxMemoryBytes: number
  files: Array<{ name: string, bytes: number, gzipBytes: number, sha256: string }>
  /** The std lib files in lib.tar: the ones the compiler opened compiling every zig/src program. */
  libFiles: number
  libSourceBytes: number
}

export interface CompileDiagnostic {
  line: number
  column: number
  message: string
}

/** `main.zig:3:19: error: …` lines, whichever directory the compiler printed before the name. */
export function parseDiagnostics(output: string): CompileDiagnostic[] {
  const found: CompileDiagnostic[] = []
  for (const m of output.matchAll(/^(?:.*[/\\])?main\.zig:(\d+):(\d+): error: (.*)$/gm))
    found.push({ line: Number(m[1]), column: Number(m[2]), message: m[3] })
  return found
}

export type InPageCompile
  = | { ok: true, wasm: Uint8Array, ms: number }
    | { ok: false, ms: number, diagnostics: CompileDiagnostic[], output: string }

/** What a compile needs: the compiler's module and the std lib's files (paths relative to lib/). */
export interface LoadedCompiler {
  module: WebAssembly.Module
  lib: Record<string, Uint8Array>
}

export type InPageCompilerSession = ReturnType<typeof createInPageCompiler>

/**
 * A compiler session: compiles one source after another, keeping the compiler's cache
 * (the parsed std lib, ~4 MB) from one compile to the next, so only the first one
 * parses std.
 */
export function createInPageCompiler(runner: WasiRunner, compiler: LoadedCompiler) {
  const lib = Object.fromEntries(Object.entries(compiler.lib).map(([path, bytes]) => [`${LIB_DIR}/${path}`, bytes]))
  let cache: Record<string, Uint8Array> = {}
  /** One compile at a time: each takes the cache the last one left. */
  let queue: Promise<void> = Promise.resolve()

  /** Compiles `source`; resolves to undefined, without compiling, if `stale()` is true when its turn comes. */
  async function compile(source: string): Promise<InPageCompile>
  async function compile(source: string, stale: () => boolean): Promise<InPageCompile | undefined>
  async function compile(source: string, stale?: () => boolean): Promise<InPageCompile | undefined> {
    const previous = queue
    let done!: () => void
    queue = new Promise<void>(resolve => done = resolve)
    await previous
    try {
      return stale?.() ? undefined : await compileNow(source)
    }
    finally {
      done()
    }
  }
  return compile

  async function compileNow(source: string): Promise<InPageCompile> {
    const t0 = performance.now()
    const r = await runner.run(compiler.module, {
      programName: 'zig',
      args: COMPILER_ARGS,
      files: { ...lib, ...cache, [SOURCE_FILE]: source },
      returnFiles: [CACHE_DIR, OUTPUT_FILE],
      timeoutMs: COMPILER_TIMEOUT_MS,
      maxOutputBytes: 256 * 1024,
    })
    const ms = performance.now() - t0
    const output = new TextDecoder().decode(r.stderr) + new TextDecoder().decode(r.stdout)
    const files = r.files ?? {}
    if (r.exitCode === 0 && files[OUTPUT_FILE]) {
      const { [OUTPUT_FILE]: wasm, ...rest } = files
      cache = rest
      return { ok: true, wasm, ms }
    }
    if (r.exitCode !== null) // a compile error leaves a cache as good as before
      cache = Object.fromEntries(Object.entries(files).filter(([path]) => path !== OUTPUT_FILE))
    return { ok: false, ms, diagnostics: parseDiagnostics(output), output: describeFailure(r.error, output) }
  }
}

function describeFailure(error: { kind: string, message: string } | undefined, output: string): string {
  if (error?.kind === 'timeout')
    return `The compiler was stopped after ${COMPILER_TIMEOUT_MS / 1000} s (the watchdog): an endless comptime loop?`
  if (/error: OutOfMemory/.test(output))
    return `The compiler ran out of memory: it may use at most ${COMPILER_MAX_MEMORY_BYTES / 2 ** 20} MiB (the limit). A comptime memory bomb?`
  if (error)
    return `The compiler stopped: ${error.kind}: ${error.message}${output ? `\n${output}` : ''}`
  return output.trim() || 'the compiler failed without a message'
}
