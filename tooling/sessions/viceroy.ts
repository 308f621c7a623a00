// Fastly Compute as Fastly runs it, locally: Viceroy (crates.io, installed by npm run
// runtimes:install). Two rows:
// - the Zig Compute program in demos/fastly-compute/ (the Worker's twin, no JS), served by
//   `viceroy serve` and POSTed to like the Worker on the slide;
// - the committed modules as plain WASI commands under `viceroy run`, which gives a program its
//   arguments but no stdin, no preopened directory and Fastly's own FASTLY_* environment.
import type { Case, RuntimeDef } from './session.ts'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { root } from '../lib/process-hosts.ts'
import { installedDir, installHint } from '../lib/runtime-installs.ts'
import { freePort, startServer } from '../lib/spawn-probe.mjs'
import { postToSlideWorker, startUpMs } from './http.ts'
import { installedProcess, versionFrom } from './installed-process.ts'

const viceroyBin = (home: string) => join(home, 'bin/viceroy')
export const FASTLY_DIR = join(root, 'demos/fastly-compute')
export const FASTLY_WASM = join(FASTLY_DIR, 'bin/main.wasm')

const te = new TextEncoder()

/** What `viceroy run` cannot give a case, from Viceroy 0.22's run mode (viceroy-lib src/linking.rs, make_wasi_ctx). */
export function viceroyRunCannot(c: Case): string | undefined {
  if (c.input.files)
    return 'viceroy run preopens no directory (Compute has no filesystem)'
  if (c.program === 'read-file')
    return 'viceroy run preopens no directory, so the program cannot even look for the file'
  if (c.program === 'wasi-env')
    return 'viceroy run gives every program Fastly\'s FASTLY_* environment variables, which this program prints'
  if (c.input.stdin !== undefined && (typeof c.input.stdin === 'string' ? c.input.stdin.length : c.input.stdin.length) > 0)
    return 'viceroy run gives the program no stdin (on Compute the input is the request, through host calls)'
  return undefined
}

export const viceroyRun = installedProcess({
  id: 'viceroy-run',
  name: 'Viceroy run (Fastly Compute)',
  engine: 'Wasmtime (no JS)',
  host: '.runtimes/viceroy/bin/viceroy run',
  verified: 'each module as a WASI command under viceroy run, Fastly\'s local Compute runtime',
  install: 'viceroy',
  cannot: viceroyRunCannot,
  // No stdin, so no "Hello, Zig!": start-up is timed on exit-code.wasm 42, whose answer is its stdout.
  startCase: { id: 'exit-code: 42', program: 'exit-code', input: { args: ['42'] } },
  argv: ({ home, input, wasm }) => [viceroyBin(home), 'run', '-C', join(FASTLY_DIR, 'fastly.toml'), wasm, ...(input.args ?? [])],
  version: home => versionFrom([viceroyBin(home), '--version']),
})

const FASTLY_PROGRAMS = ['demo']

/** Serves the Zig Compute program with `viceroy serve` on a free loopback port; ready once it answered `probe` (POSTed). */
export async function serveFastlyCompute(probe: string | Uint8Array = '') {
  // The server helpers of the list that imports this module: loaded when a server starts.
  const bin = viceroyBin(installedDir('viceroy')!)
  const port = await freePort()
  return startServer([bin, 'serve', '-C', join(FASTLY_DIR, 'fastly.toml'), '--addr', `127.0.0.1:${port}`, FASTLY_WASM], { port, body: typeof probe === 'string' ? te.encode(probe) : probe, timeoutMs: 120_000 })
}

/** The Zig Compute program on `viceroy serve`: a fresh server per start-up, like workerd's rows. */
export const fastlyCompute: RuntimeDef = {
  id: 'fastly-compute',
  name: 'Fastly Compute (Zig, no JS)',
  engine: 'Wasmtime (no JS)',
  host: 'demos/fastly-compute/src/main.zig',
  verified: 'our Zig Compute program (request body in, the demo\'s output out), served by Viceroy and POSTed to',
  only: { programs: FASTLY_PROGRAMS, why: 'the Compute program serves demo on the request body, like the Worker on the slide; nothing else' },
  optional: true,
  available: () => {
    if (!installedDir('viceroy'))
      return installHint('viceroy', 'Viceroy (Fastly Compute)')
    return existsSync(FASTLY_WASM) ? undefined : 'demos/fastly-compute/bin/main.wasm is missing: run npm run build:wasm'
  },
  async open() {
    const main = await serveFastlyCompute()
    return {
      version: await versionFrom([viceroyBin(installedDir('viceroy')!), '--version']),
      run: c => postToSlideWorker(main.url, '/', c),
      start: hello => startUpMs(() => serveFastlyCompute(hello.input.stdin ?? '')),
      fresh: c => postToSlideWorker(main.url, '/', c), // no compute time: only demo runs here
      close: () => main.stop(),
    }
  },
}
