// The component rows of npm run runtimes: the same Zig bytes as WASI 0.2 components
// (public/wasm/<name>.component.wasm, jco's preview 1 command adapter; npm run build:wasm),
// each case compared byte for byte with the preview 1 module under node:wasi, like every row.
// Node runs jco's transpiled JS on preview2-shim (demos/node/run-component.mjs), wasmtime runs
// the component natively through wasmtime-py (demos/wasmtime/run-component.py), and the
// browsers run it in the page's component runner (a Web Worker on preview2-shim's browser build).
// A case a component cannot run as the module does (no component of that program; an exit code
// other than 0 or 1) runs anyway and carries why, never dropped.
import type { HarnessBrowser } from '../harness/open-harness.ts'
import type { HostInput } from '../lib/process-hosts.ts'
import type { Case, Observed, RuntimeDef, Session } from './runtimes.ts'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import process from 'node:process'
import { findFirefox, openBrowserHarness } from '../harness/open-harness.ts'
import { findWasmtimePy, runComponent } from '../lib/component-hosts.ts'
import { manifestPath, root } from '../lib/paths.mjs'
import { PANIC_IN_STDERR, versionFrom } from './installed-process.ts'
import { bytesOf } from './session.ts'

/** The ids of the component rows: runtimes.json marks their reports `component: true`. */
export const COMPONENT_RUNTIME_IDS = ['node-component', 'chromium-component', 'firefox-component', 'wasmtime-component']
export const isComponentRuntime = (id: string) => COMPONENT_RUNTIME_IDS.includes(id)

/** How the component rows were timed, for runtimes.json's method. */
export const COMPONENT_METHOD = 'Components (WASI 0.2): the same start and compute as the modules\', through <program>.component.wasm: '
  + 'Node and wasmtime: a fresh process each time, compute timed in the host around the component\'s wasi:cli/run (which calls _start through the adapter); '
  + 'browsers: a fresh Web Worker importing jco\'s transpiled JS and compiling the core modules afresh, compute timed around run() inside the worker.'

interface ManifestComponent { name: string, file: string, bytes: number, sha256: string }

/** The components npm run build:wasm made (public/wasm/manifest.json). */
export function builtComponents(): ManifestComponent[] {
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { components?: ManifestComponent[] }
  return manifest.components ?? []
}

/** The exit code a case's module gives, where it is neither 0 nor 1 (read from the case: `exit-code N`, or "(exit N)" in its name). */
function wideExitCode(c: Case): number | undefined {
  const code = c.program === 'exit-code' ? Number(c.input.args?.[0]) : Number(/\(exit (\d+)\)/.exec(c.id)?.[1] ?? 0)
  return code > 1 ? code : undefined
}

/** Why a component cannot give node:wasi's answer to `c`, or undefined when it should. */
export function componentCannot(c: Case, built = builtComponents().map(b => b.name)): string | undefined {
  // Worded without the program or the number: the table groups the cases by why.
  if (!built.includes(c.program))
    return `no component of this program: npm run build:wasm adapts those the slides and tests run (${built.join(', ')})`
  if (wideExitCode(c) !== undefined)
    return 'its exit code arrives as 1: WASI 0.2\'s wasi:cli/exit carries ok or err, not a number (jco\'s preview 1 adapter)'
  return undefined
}

const noComponent = (c: Case): Observed => ({ stdout: new Uint8Array(), stderr: new Uint8Array(), exitCode: null, trapped: false, failure: componentCannot(c) ?? `no component of ${c.program}` })

/** Node (jco transpile + preview2-shim) or wasmtime (natively), a process per run. */
function processComponent(host: 'node' | 'wasmtime'): RuntimeDef {
  const wasmtime = host === 'wasmtime'
  return {
    id: `${host}-component`,
    name: wasmtime ? 'wasmtime, component' : 'Node.js, component',
    engine: wasmtime ? 'Cranelift (no JS)' : 'V8',
    host: wasmtime ? 'demos/wasmtime/run-component.py' : 'demos/node/run-component.mjs',
    verified: wasmtime
      ? 'the component run natively by Wasmtime\'s WASIp2 through its Python API (PyPI wasmtime)'
      : 'jco\'s transpiled JS on @bytecodealliance/preview2-shim\'s Node build',
    cannot: c => componentCannot(c),
    optional: wasmtime,
    available: () => {
      if (!wasmtime)
        return undefined
      const py = findWasmtimePy()
      return 'missing' in py ? `${py.missing}: its component row needs it` : undefined
    },
    async open(): Promise<Session> {
      const built = builtComponents().map(b => b.name)
      const run = async (c: Case): Promise<Observed> => {
        if (!built.includes(c.program))
          return noComponent(c)
        const got = await runComponent(host, c.program, c.input as HostInput, { timing: true })
        return {
          ...got,
          trapped: got.exitCode !== 0 && PANIC_IN_STDERR.test(got.stderr.toString('utf8')),
          ...(got.timedOut ? { failure: 'timed out' } : got.spawnError ? { failure: got.spawnError } : {}),
        }
      }
      return {
        version: wasmtime ? await wasmtimePyVersion() : process.versions.node,
        run,
        async start(hello) {
          const got = await runComponent(host, hello.program, hello.input as HostInput)
          if (got.firstByteMs === undefined)
            throw new Error(`${host}'s component host gave no output for ${hello.id}: ${got.stderr.toString('utf8').trim().split('\n').pop() ?? ''}`)
          return got.firstByteMs
        },
        fresh: run, // a fresh process every run
        close: async () => {},
      }
    },
  }
}

async function wasmtimePyVersion(): Promise<string | undefined> {
  const py = findWasmtimePy()
  if ('missing' in py)
    return undefined
  // The same package the module rows report: run_wasi.py --version prints wasmtime-py's version.
  return versionFrom(['python3', join(root, 'demos/wasmtime/run_wasi.py'), '--version'], { PYTHONPATH: py.pythonPath })
}

/** A browser running the component in the page's component runner (the harness page). */
function browserComponent(kind: HarnessBrowser, name: string, engine: string): RuntimeDef {
  return {
    id: `${kind}-component`,
    name: `${name}, component`,
    engine,
    host: 'demos/browser/runner/component-runner.ts (the deck\'s component runner)',
    verified: 'jco\'s transpiled JS on @bytecodealliance/preview2-shim\'s browser build, in the deck\'s component runner (a Web Worker with its watchdog)',
    cannot: c => componentCannot(c),
    available: () => (kind === 'firefox' && !findFirefox() ? 'Firefox is not installed (Debian: apt-get install -y firefox-esr; or set FIREFOX_PATH)' : undefined),
    async open(): Promise<Session> {
      const built = builtComponents().map(b => b.name)
      const harness = await openBrowserHarness(kind)
      const input = (c: Case) => ({
        program: c.program,
        component: true,
        args: c.input.args,
        env: c.input.env,
        stdin: [...bytesOf(c.input.stdin)],
        files: Object.fromEntries(Object.entries(c.input.files ?? {}).map(([k, v]) => [k, String(v)])),
      })
      const observe = async (c: Case, cold: boolean): Promise<Observed> => {
        if (!built.includes(c.program))
          return noComponent(c)
        const r = await harness.run({ ...input(c), cold })
        return { ...r, trapped: r.error?.kind === 'trap', computeMs: r.timings.runMs, ...(r.error?.kind === 'timeout' || r.error?.kind === 'crash' || r.error?.kind === 'load' ? { failure: r.error.message } : {}) }
      }
      return {
        version: harness.version,
        run: c => observe(c, false),
        // A fresh Web Worker, its core modules compiled afresh and its JS imported: like a fresh process.
        async start(hello) {
          const r = await harness.run({ ...input(hello), cold: true })
          if (r.error)
            throw new Error(`${name}'s component runner: ${r.error.message}`)
          return r.timings.compileMs + r.timings.totalMs
        },
        fresh: c => observe(c, true),
        close: () => harness.close(),
      }
    },
  }
}

/** The component rows, after the module rows in runtimes.json. */
export const COMPONENT_RUNTIMES: RuntimeDef[] = [
  processComponent('node'),
  browserComponent('chromium', 'Chromium', 'V8'),
  browserComponent('firefox', 'Firefox ESR', 'SpiderMonkey'),
  processComponent('wasmtime'),
]

/** The components the rows ran, with their hashes (runtimes.json's `components`). */
export function componentFacts(): Array<{ name: string, bytes: number, sha256: string }> {
  return builtComponents().map(c => ({ name: c.name, bytes: c.bytes, sha256: c.sha256 }))
}
