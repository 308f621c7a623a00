// Compiles one Zig source file to wasm32-wasi (ReleaseSmall) in a fresh temporary
// directory that is removed afterwards, with a deadline that kills the compiler and
// (on Linux) a cap on its address space: Zig's comptime has no memory bound (a 128 MiB
// comptime array grew Zig 0.11 to 7 GB in a minute; 0.17 stops at the cap with OutOfMemory). Nothing it compiles runs here:
// the module goes back to the page.
import type { CompileDiagnostic } from '../demos/browser/live-zig/compile-reply.ts'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import process from 'node:process'
import { parseDiagnostics, SOURCE_FILE } from '../demos/browser/live-zig/compile-reply.ts'
import { spawnWatched } from '../tooling/lib/spawn-watched.mjs'
import { findZig } from '../tooling/lib/zig-toolchain.mjs'

export type CompileResult
  = | { ok: true, wasm: Uint8Array, ms: number }
    | { ok: false, ms: number, diagnostics: CompileDiagnostic[], output: string, timedOut?: boolean, outOfMemory?: boolean }

/** How long a compile may take before the compiler is killed. */
export const COMPILE_TIMEOUT_MS = 20_000

/** The compiler's address space on Linux (ulimit -v): a normal compile here peaks near 100 MB. */
export const COMPILE_MEMORY_LIMIT_BYTES = 2 * 1024 ** 3
const GIB = 1024 ** 3

/** The compiler's command line, under the address-space cap where the OS has `ulimit -v`. */
function capped(bin: string, args: string[], memoryLimitBytes: number): [string, string[]] {
  if (process.platform !== 'linux')
    return [bin, args]
  return ['/bin/sh', ['-c', `ulimit -v ${Math.floor(memoryLimitBytes / 1024)} && exec "$0" "$@"`, bin, ...args]]
}

export async function compileZig(source: string, { timeoutMs = COMPILE_TIMEOUT_MS, memoryLimitBytes = COMPILE_MEMORY_LIMIT_BYTES } = {}): Promise<CompileResult> {
  const zig = findZig()
  if ('error' in zig)
    return { ok: false, ms: 0, diagnostics: [], output: zig.error }
  const dir = mkdtempSync(join(tmpdir(), 'live-zig-'))
  const t0 = performance.now()
  try {
    writeFileSync(join(dir, SOURCE_FILE), source)
    const [command, args] = capped(zig.bin, [
      'build-exe',
      SOURCE_FILE,
      '-target',
      'wasm32-wasi',
      '-O',
      'ReleaseSmall',
      '-femit-bin=out.wasm',
      '--cache-dir',
      join(dir, 'cache'),
    ], memoryLimitBytes)
    const compiler = spawnWatched([command, ...args], { cwd: dir, deadlineMs: timeoutMs })
    const code = await compiler.closed
    const output = compiler.output()
    const ms = performance.now() - t0
    if (compiler.timedOut())
      return { ok: false, ms, diagnostics: [], output: `the compiler was stopped after ${timeoutMs / 1000} s`, timedOut: true }
    if (code !== 0 && /^error: OutOfMemory$/m.test(output) && !parseDiagnostics(output).length)
      return { ok: false, ms, diagnostics: [], output: `the compiler ran out of its ${memoryLimitBytes / GIB} GiB of memory`, outOfMemory: true }
    if (code !== 0)
      return { ok: false, ms, diagnostics: parseDiagnostics(output), output: output.replaceAll(dir, '.') }
    return { ok: true, wasm: new Uint8Array(readFileSync(join(dir, 'out.wasm'))), ms }
  }
  finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
