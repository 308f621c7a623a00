// npm run std-wasi: what works in Zig's std on wasm32-wasi, measured with the project's Zig.
// Each file in zig/std-wasi/ is one row: it is compiled (wasm32-wasi, ReleaseSmall); when it
// compiles, the module goes to zig/std-wasi/wasm/ and runs under node:wasi with the row's input.
// Writes zig/std-wasi/results.json: per row the compiler's verdict (its first error line when it
// fails) and the run's exit code, stdout and stderr. test/unit/std-wasi.test.ts runs every module
// again under node:wasi and in Chromium's runner and checks them against this file; the slide
// "What works in Zig std on WASI" reads its rows from it.
import type { HostInput } from '../tooling/lib/process-hosts'
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import process from 'node:process'
import { runHost } from '../tooling/lib/process-hosts'
import { compileRow, STD_WASI_DIR } from '../tooling/lib/std-wasi'
import { sha256 } from '../tooling/lib/wasm-facts.mjs'
import { findZig } from '../tooling/lib/zig-toolchain.mjs'

/** The input each row runs with: a preopen for the files, arguments and a variable for args-env. */
const INPUTS: Record<string, HostInput> = {
  'files-dirs': { preopens: { work: {} } },
  'args-env': { args: ['one', 'two words'], env: { GREETING: 'Grüß Gott' } },
}

async function main() {
  const zig = findZig()
  if ('error' in zig) {
    console.error(`std-wasi: ${zig.error}`)
    process.exit(1)
  }
  const wasmOut = join(STD_WASI_DIR, 'wasm')
  rmSync(wasmOut, { recursive: true, force: true })
  mkdirSync(wasmOut)
  const cache = join(STD_WASI_DIR, '.zig-cache')
  const rows = []
  for (const file of readdirSync(STD_WASI_DIR).filter(f => f.endsWith('.zig')).sort()) {
    const name = file.replace(/\.zig$/, '')
    const source = readFileSync(join(STD_WASI_DIR, file), 'utf8')
    // The row's label: the file's first doc comment line.
    const what = source.match(/^\/\/! ?(.*)$/m)?.[1] ?? name
    const outFile = join(wasmOut, `${name}.wasm`)
    const compiled = compileRow(zig.bin, name, outFile, cache)
    const input = INPUTS[name] ?? {}
    const row = { name, what, source: `zig/std-wasi/${file}`, sourceSha256: sha256(readFileSync(join(STD_WASI_DIR, file))), input }
    if (!compiled.ok) {
      rows.push({ ...row, compiles: false, compileError: compiled.error })
      console.log(`${name.padEnd(16)} does not compile: ${compiled.error}`)
      continue
    }
    const run = await runHost('node', outFile, input)
    const result = { exitCode: run.exitCode, stdout: run.stdout.toString('utf8'), stderr: run.stderr.toString('utf8') }
    rows.push({ ...row, compiles: true, module: `zig/std-wasi/wasm/${name}.wasm`, moduleSha256: sha256(readFileSync(outFile)), run: result })
    console.log(`${name.padEnd(16)} compiles; node:wasi: exit ${result.exitCode}${result.stderr ? `, stderr ${JSON.stringify(result.stderr.trim())}` : ''}`)
  }
  rmSync(cache, { recursive: true, force: true })
  const results = { zig: zig.version, target: 'wasm32-wasi', optimize: 'ReleaseSmall', date: new Date().toISOString().slice(0, 10), host: `node:wasi (Node ${process.version})`, rows }
  writeFileSync(join(STD_WASI_DIR, 'results.json'), `${JSON.stringify(results, null, 2)}\n`)
  console.log(`std-wasi: ${rows.length} rows -> zig/std-wasi/results.json`)
}

await main()
