// Compiles one Zig source file to wasm32-wasi (ReleaseSmall) in a fresh temporary
// directory that is removed afterwards, with a deadline that kills the compiler.
// Nothing it compiles runs here: the module goes back to the page.
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { CompileDiagnostic } from '../demos/browser/zig-wasm-compiler'
import { SOURCE_FILE, parseDiagnostics } from '../demos/browser/zig-wasm-compiler'
import { findZig } from './zig-toolchain.mjs'

export type CompileResult =
  | { ok: true, wasm: Uint8Array, ms: number }
  | { ok: false, ms: number, diagnostics: CompileDiagnostic[], output: string, timedOut?: boolean }


export async function compileZig(source: string, { timeoutMs = 20_000 } = {}): Promise<CompileResult> {
  const zig = findZig()
  if ('error' in zig)
    return { ok: false, ms: 0, diagnostics: [], output: zig.error }
  const dir = mkdtempSync(join(tmpdir(), 'live-zig-'))
  const t0 = performance.now()
  try {
    writeFileSync(join(dir, SOURCE_FILE), source)
    const child = spawn(zig.bin, [
      'build-exe', SOURCE_FILE, '-target', 'wasm32-wasi', '-O', 'ReleaseSmall',
      '-femit-bin=out.wasm', '--cache-dir', join(dir, 'cache'),
    ], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    child.stdout.on('data', (c) => { output += c })
    child.stderr.on('data', (c) => { output += c })
    let timedOut = false
    const timer = setTimeout(() => {
      timedOut = true
      child.kill('SIGKILL')
    }, timeoutMs)
    const code = await new Promise<number | null>(resolve => child.on('close', resolve))
    clearTimeout(timer)
    const ms = performance.now() - t0
    if (timedOut)
      return { ok: false, ms, diagnostics: [], output: `the compiler was stopped after ${timeoutMs / 1000} s`, timedOut }
    if (code !== 0)
      return { ok: false, ms, diagnostics: parseDiagnostics(output), output: output.replaceAll(dir, '.') }
    return { ok: true, wasm: new Uint8Array(readFileSync(join(dir, 'out.wasm'))), ms }
  }
  finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
