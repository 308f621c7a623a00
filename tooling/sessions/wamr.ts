// WAMR as PyPI serves it, wamr-bin/wamrc-bin: "a fork of bytecodealliance/wasm-micro-runtime
// ported from C to Zig" (its PyPI page), whose `wamr` runs only ahead-of-time compiled modules, so each committed module is compiled once per session by `wamrc compile`
// (outside the timings) and every run is `wamr run X.cwasm`: AOT mode.
// The Bytecode Alliance's own iwasm was tried too (2026-12-02): crates.io's only WAMR crate,
// wamr-sys 0.1.1, bundles WAMR's C sources from 2020; iwasm built from them with cmake (fast
// interpreter, bulk memory on) loads none of Zig 0.17's modules: "WASM module load failed: zero
// flag expected" (its loader wants the MVP's zero byte after call_indirect, where modules with
// reference types put a table index). No registry serves a newer WAMR.
import type { Case } from './session.ts'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PROGRAMS } from '../../demos/shared/http-run.mjs'
import { runProcess, wasmPath } from '../lib/process-hosts.ts'
import { installedProcess, versionFrom } from './installed-process.ts'

/** wamr run passes "wasm" as argv[0] whatever the file is called, and has no flag to set it. */
export const WAMR_ARGV0 = 'wamr run gives the program "wasm" as argv[0] (no flag sets it): the program prints its own name, so stdout cannot be node:wasi\'s'
/** Measured here (2026-12-02): a large stdin through a pipe arrives short, varying from run to run. */
export const WAMR_PIPE = 'wamr 3.0.0-dev.14 loses part of a large stdin read from a pipe: 1 MiB in gave 1,463,832 bytes out instead of node:wasi\'s 1,581,188, with exit 0 (measured 2026-12-02; small inputs arrive whole); from a file, the demo never sees the end of stdin'

export const wamr = installedProcess({
  id: 'wamr',
  name: 'wamr, WAMR ported to Zig (AOT)',
  engine: 'AOT by wamrc (no JS)',
  host: '.runtimes/wamr/bin/wamr run, after wamrc compile',
  verified: 'each module compiled ahead of time by wamrc, then run by wamr: PyPI wamr-bin and wamrc-bin, a fork of WAMR ported from C to Zig',
  install: 'wamr',
  cannot: (c: Case) => (c.program === 'wasi-env' ? WAMR_ARGV0 : c.id === 'demo: 1 MiB' ? WAMR_PIPE : undefined),
  argv: ({ home, dir, input, wasm }) => [
    join(home, 'bin/wamr'),
    'run',
    '--map-dir',
    `${dir}::/`,
    ...Object.entries(input.env ?? {}).flatMap(([k, v]) => ['--env', `${k}=${v}`]),
    wasm,
    ...(input.args ?? []),
  ],
  version: home => versionFrom([join(home, 'bin/wamr'), 'version']),
  async prepare(home) {
    const out = mkdtempSync(join(tmpdir(), 'wamr-aot-'))
    for (const program of PROGRAMS) {
      const got = await runProcess([join(home, 'bin/wamrc'), 'compile', wasmPath(program), '-o', join(out, `${program}.cwasm`)], { timeoutMs: 120_000 })
      if (got.exitCode !== 0)
        throw new Error(`wamrc compile ${program}.wasm failed: ${got.stderr.toString('utf8').trim().split('\n').pop()}`)
    }
    return { wasm: program => join(out, `${program}.cwasm`), close: () => rmSync(out, { recursive: true, force: true }) }
  },
})
