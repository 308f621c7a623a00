// How npm run runtimes (and the live comparison on the dev server) reaches each runtime:
// a process per run (Node 20, Node 24, Node 26, Deno, Bun, the Lambda handler on Node 24;
// wasmtime, WAMR, GraalWasm and GraalJS installed by npm run runtimes:install; WasmEdge when on PATH), a server process POSTed to (Deno.serve, workerd
// with the Worker, its variant and the Pages Function), or a browser page (Chromium, Firefox).
// Each opens a Session (session.ts); every process it starts is killed (SIGKILL) when it closes.
// One file per kind of runtime: processes.ts, servers.ts, browsers.ts, and one per runtime
// installed apart from npm (wasmtime.ts, wamr.ts, graalvm.ts, viceroy.ts). A new runtime is one
// host folder under demos/ and one entry below.
import type { RuntimeDef } from './session.ts'
import process from 'node:process'
import { endOfLifeNote } from '../../demos/shared/node-releases.ts'
import { browserRuntime } from './browsers.ts'
import { graalJs, graalWasm } from './graalvm.ts'
import { envFlags, lambda, nativeRuntime, processRuntime } from './processes.ts'
import { denoServe, pages, workerd } from './servers.ts'
import { fastlyCompute, viceroyRun } from './viceroy.ts'
import { wamr } from './wamr.ts'
import { wasmtimePy } from './wasmtime.ts'

export type { Case, Observed, RuntimeDef, Session } from './session.ts'

/** Every runtime, in the order of the table. */
export const RUNTIMES: RuntimeDef[] = [
  processRuntime('node', 'Node.js', 'V8', 'demos/node/run-wasi.mjs', 'node:wasi, the host on the slide', endOfLifeNote(process.versions.node)),
  processRuntime('node24', 'Node.js 24 (Maintenance LTS)', 'V8', 'demos/node/run-wasi.mjs', 'node:wasi, the same host on Node 24 from the npm registry'),
  processRuntime('node26', 'Node.js 26 (Active LTS)', 'V8', 'demos/node/run-wasi.mjs', 'node:wasi, the same host on Node 26 from the npm registry'),
  lambda,
  processRuntime('deno', 'Deno', 'V8', 'demos/deno/run-wasi.ts', 'node:wasi, the host on the slide'),
  denoServe,
  processRuntime('bun', 'Bun', 'JavaScriptCore', 'demos/bun/run-wasi.ts', 'node:wasi, the host on the slide'),
  workerd,
  pages,
  browserRuntime('chromium', 'Chromium', 'V8', 'driven by Playwright'),
  browserRuntime('firefox', 'Firefox ESR', 'SpiderMonkey', 'driven by puppeteer-core over WebDriver BiDi'),
  graalJs, // a JS+WASM runtime on the JVM (npm run runtimes:install)
  // Installed by npm run runtimes:install (tooling/install/<id>.ts), sessions in tooling/sessions/.
  wasmtimePy,
  wamr,
  graalWasm,
  fastlyCompute,
  viceroyRun,
  // WasmEdge: no registry serves it (PyPI's packages are 2021 stubs); a row only when it is on PATH.
  nativeRuntime('wasmedge', 'WasmEdge', 'wasmedge', (dir, input, wasm) => [`--dir=/:${dir}`, ...envFlags(input, '--env'), wasm, ...(input.args ?? [])]),
]
