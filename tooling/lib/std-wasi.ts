// What work the std-on-WASI rows share: where they are, how each compiles and what its
// compiler says (scripts/std-wasi.ts writes the results, test/unit/std-wasi.test.ts checks them).
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { root } from './paths.mjs'

export const STD_WASI_DIR = join(root, 'zig/std-wasi')

/** The compiler's first line that says `error:`, with this machine's paths taken out. */
export function firstErrorLine(output: string, zigLib: string): string {
  const line = output.split('\n').find(l => /\berror: /.test(l)) ?? output.split('\n')[0] ?? ''
  return line.replaceAll(`${zigLib}/`, 'lib/').replaceAll(`${STD_WASI_DIR}/`, '')
}

/** Compiles one row's source; its first error line when it does not compile. */
export function compileRow(zigBin: string, name: string, outFile: string, cacheDir: string): { ok: true } | { ok: false, error: string } {
  const r = spawnSync(zigBin, ['build-exe', `${name}.zig`, '-target', 'wasm32-wasi', '-O', 'ReleaseSmall', `-femit-bin=${outFile}`, '--cache-dir', cacheDir], { cwd: STD_WASI_DIR, encoding: 'utf8' })
  if (r.status === 0)
    return { ok: true }
  return { ok: false, error: firstErrorLine(`${r.stderr}${r.stdout}`, join(zigBin, '..', 'lib')) }
}
