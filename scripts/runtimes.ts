// npm run runtimes: the same committed .wasm bytes on every runtime installed here
// (see runtime-sessions.ts), each output compared byte for byte with node:wasi's, and
// start-up and compute timed the same way everywhere (METHOD). Prints a table and writes
// public/runtimes.json, but only when every runtime ran and matched: otherwise it names
// each runtime that did not, in one line, leaves the file as it was and exits 1.
//   npm run runtimes [-- --out FILE] [-- --no-timings] [-- --partial] [-- --only node,firefox --out FILE]
import type { CaseResult, RuntimeReport, RuntimesJson } from '../demos/shared/runtime-report'
import type { HostRun } from './lib/process-hosts'
import type { Case, Observed, RuntimeDef } from './runtime-sessions'
import { Buffer } from 'node:buffer'
import { createHash } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import { arch, cpus, platform, release } from 'node:os'
import { join } from 'node:path'
import process from 'node:process'
import { fileURLToPath } from 'node:url'
import { messageOf } from '../demos/shared/errors'
import { benchInput, median } from '../demos/shared/workloads'
import { root, runHost, wasmPath } from './lib/process-hosts'
import { RUNTIMES } from './runtime-sessions'

export type { Case }

export const CASES: Case[] = [
  { id: 'demo: text', program: 'demo', input: { stdin: 'Hello, Zig!\nWebAssembly everywhere.\n' } },
  { id: 'demo: empty input', program: 'demo', input: { stdin: '' } },
  { id: 'demo: not UTF-8 (exit 1)', program: 'demo', input: { stdin: new Uint8Array([0x5A, 0x69, 0x67, 0xF0, 0x28]) } },
  { id: 'demo: 1 MiB', program: 'demo', input: { stdin: benchInput(1 << 20) } },
  { id: 'wasi-env: args', program: 'wasi-env', input: { args: ['one', 'two words', 'ünï'] } },
  { id: 'read-file: preopen', program: 'read-file', input: { args: ['notes/hello.txt'], files: { 'notes/hello.txt': 'Hello from a preopened file\n' } } },
  { id: 'read-file: missing (exit 2)', program: 'read-file', input: { args: ['missing.txt'] } },
  { id: 'exit-code: 42', program: 'exit-code', input: { args: ['42'] } },
  { id: 'mandelbrot: 60x20', program: 'mandelbrot', input: { args: ['60', '20', '500'] } },
  { id: 'flood: 100 kB', program: 'flood', input: { args: ['100000'] } },
  { id: 'panic: trap', program: 'panic', input: { stdin: '5' }, expect: 'trap' },
]
const PANIC_TEXT = 'panic: index out of bounds\n'

export const TIMING_RUNS = 5
export const HELLO = CASES[0]
export const CPU: Case = { id: 'mandelbrot 160x60x20000', program: 'mandelbrot', input: { args: ['160', '60', '20000'] } }

/** The cases the comparison slide can run live on the dev server (scripts/runtimes-endpoint.ts). */
export const LIVE_CASE_IDS = [HELLO.id, CPU.id, 'panic: trap']

/** What the two timing columns mean: written into runtimes.json, shown on the slide. */
export const METHOD = {
  runs: TIMING_RUNS,
  start: 'Start: from spawning the runtime\'s process to the first byte of its answer to "Hello, Zig!" (demo.wasm); '
    + 'workerd, Deno.serve: the server process, to the first byte of the answer to that POST (the Worker bundled beforehand); '
    + 'browsers: the browser already open, a fresh Web Worker compiling and running demo.wasm, until the answer.',
  compute: 'Compute: mandelbrot 160×60, 20000 iterations, in a fresh runtime each time (new process, server or Web Worker, so the module is compiled afresh), '
    + 'from wasi.start() (_start) to its exit, timed inside each host with performance.now() '
    + '(workerd: the variant Worker; workers-wasi reads the request body inside start(), and workerd\'s clock ticks in whole ms). '
    + 'wasmtime, WasmEdge, WAMR have no JS host to time inside: no compute.',
  medians: `Medians of ${TIMING_RUNS} runs.`,
}

export type { CaseResult, RuntimeReport, RuntimesJson }

const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b))
const contains = (hay: Uint8Array, needle: Uint8Array) => needle.length === 0 || Buffer.from(hay).includes(Buffer.from(needle))

/** Judges one run against node:wasi's. Hosts may add their own lines to stderr (warnings, stack traces). */
export function judge(c: Case, reference: HostRun, got: Observed, label = c.id): CaseResult {
  if (got.failure)
    return { case: label, pass: false, detail: got.failure }
  const problems: string[] = []
  if (!same(got.stdout, reference.stdout))
    problems.push(`stdout differs (${got.stdout.length} bytes, node:wasi ${reference.stdout.length})`)
  if (c.expect === 'trap') {
    if (!got.trapped)
      problems.push(`no trap (exit code ${got.exitCode})`)
    if (!Buffer.from(got.stderr).toString('utf8').includes(PANIC_TEXT))
      problems.push('no panic message on stderr')
  }
  else {
    if (got.exitCode !== reference.exitCode)
      problems.push(`exit code ${got.exitCode}, node:wasi ${reference.exitCode}`)
    if (!contains(got.stderr, reference.stderr))
      problems.push('stderr lacks the program\'s message')
  }
  return { case: label, pass: problems.length === 0, ...(problems.length ? { detail: problems.join('; ') } : {}) }
}

/** node:wasi on the machine's Node: what every runtime must give. */
export async function references(cases: Case[] = CASES): Promise<Map<string, HostRun>> {
  const refs = new Map<string, HostRun>()
  for (const c of cases)
    refs.set(c.id, await runHost('node', c.program, c.input))
  return refs
}

/** An error as one line: its lines joined, box drawing and repeated spaces dropped, at most 300 characters. */
export function oneLine(e: unknown): string {
  // eslint-disable-next-line no-control-regex
  const text = messageOf(e).replace(/\x1B\[[0-9;]*m/g, '').split('\n').map(l => l.replace(/[═║╔╗╚╝─│]+/g, ' ').replace(/\s+/g, ' ').trim()).filter(Boolean).join(' / ')
  return text.length > 300 ? `${text.slice(0, 299)}…` : text
}

/** Rejects after `ms`; the caller's cleanup kills what the runtime left running. */
export function deadline<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout
  return Promise.race([
    work,
    new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms / 1000} s`)), ms) }),
  ]).finally(() => clearTimeout(timer))
}

export const RUNTIME_DEADLINE_MS = 240_000

/** Runs every case (and the timings) on one runtime. Never throws: a failure is the report's message. */
export async function measure(rt: RuntimeDef, refs: Map<string, HostRun>, { timings = true, log = (_: string) => {} } = {}): Promise<RuntimeReport> {
  const cases = rt.only ? CASES.filter(c => rt.only!.programs.includes(c.program)) : CASES
  const base = {
    id: rt.id,
    name: rt.name,
    engine: rt.engine,
    host: rt.host,
    verified: rt.verified,
    ...(rt.only ? { skipped: { cases: CASES.filter(c => !cases.includes(c)).map(c => c.id), why: rt.only.why } } : {}),
  }
  const missing = rt.available()
  if (missing)
    return { ...base, status: 'missing', message: missing, results: [] }
  let session: Awaited<ReturnType<RuntimeDef['open']>> | undefined
  const work = async (): Promise<RuntimeReport> => {
    session = await rt.open()
    const results: CaseResult[] = []
    for (const c of cases)
      results.push(judge(c, refs.get(c.id)!, await session.run(c)))
    if (rt.alsoVia) {
      for (const c of CASES.filter(c => rt.alsoVia!.programs.includes(c.program)))
        results.push(judge(c, refs.get(c.id)!, await session.run(c, rt.alsoVia.label), `${rt.alsoVia.label}: ${c.id}`))
    }
    log(`${rt.name} ${session.version ?? ''}: ${results.filter(r => r.pass).length}/${results.length}`)
    let timing: RuntimeReport['timings']
    if (timings) {
      const start: number[] = []
      const compute: number[] = []
      for (let i = 0; i < TIMING_RUNS; i++) {
        start.push(await session.start(HELLO))
        if (!rt.only) {
          const ms = (await session.fresh(CPU)).computeMs
          if (ms !== undefined)
            compute.push(ms)
        }
      }
      timing = { startMs: median(start), ...(compute.length ? { computeMs: median(compute) } : {}) }
    }
    return { ...base, version: session.version, status: results.every(r => r.pass) ? 'verified' : 'failed', results, ...(timing ? { timings: timing } : {}) }
  }
  try {
    return await deadline(work(), RUNTIME_DEADLINE_MS, rt.name)
  }
  catch (e) {
    return { ...base, status: 'failed', message: oneLine(e), results: [] }
  }
  finally {
    await session?.close().catch(() => {})
  }
}

function machine() {
  let os = `${platform()} ${release()} ${arch()}`
  try {
    const pretty = /^PRETTY_NAME="?([^"\n]*)"?$/m.exec(readFileSync('/etc/os-release', 'utf8'))?.[1]
    if (pretty)
      os = `${pretty}, ${os}`
  }
  catch {}
  return { cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, os }
}

export async function compareRuntimes({ timings = true, only, log = (s: string) => console.log(`  ${s}`) }: { timings?: boolean, only?: string[], log?: (s: string) => void } = {}): Promise<RuntimesJson> {
  const refs = await references()
  const runtimes: RuntimeReport[] = []
  for (const rt of RUNTIMES) {
    if (only && !only.includes(rt.id))
      continue
    if (rt.optional && rt.available())
      continue // wasmtime, WasmEdge, WAMR: a row only where they are installed
    runtimes.push(await measure(rt, refs, { timings, log }))
  }

  const manifest = JSON.parse(readFileSync(join(root, 'public/wasm/manifest.json'), 'utf8')) as { modules: Array<{ name: string, sha256: string, bytes: number }> }
  const programs = [...new Set(CASES.map(c => c.program))]
  const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex')
  return {
    date: new Date().toISOString(),
    machine: machine(),
    reference: `node:wasi on Node ${process.versions.node} (demos/node/run-wasi.mjs)`,
    method: METHOD,
    modules: programs.map((name) => {
      const bytes = readFileSync(wasmPath(name))
      const m = manifest.modules.find(x => x.name === name)
      if (m?.sha256 !== sha(bytes))
        throw new Error(`${name}.wasm does not match manifest.json: run npm run build:wasm`)
      return { name, bytes: bytes.length, sha256: sha(bytes) }
    }),
    cases: CASES.map(c => c.id),
    // What a browser showing the deck runs to add its own row: node:wasi's output for these inputs.
    live: {
      program: HELLO.program,
      stdin: String(HELLO.input.stdin),
      stdoutSha256: sha(refs.get(HELLO.id)!.stdout),
      cpu: { program: CPU.program, args: CPU.input.args ?? [], stdoutSha256: sha((await runHost('node', CPU.program, CPU.input)).stdout) },
      cases: LIVE_CASE_IDS,
    },
    runtimes,
  }
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name)
  return i > 0 ? process.argv[i + 1] : undefined
}

async function main(): Promise<number> {
  const out = arg('--out') ?? join(root, 'public/runtimes.json')
  const timings = !process.argv.includes('--no-timings')
  const partial = process.argv.includes('--partial')
  const only = arg('--only')?.split(',')
  console.log(`runtimes: ${CASES.length} cases, each compared with node:wasi${timings ? `, timings: median of ${TIMING_RUNS}` : ''}`)
  const report = await compareRuntimes({ timings, only })
  const ms = (v?: number) => (v === undefined ? '-' : v.toFixed(1))
  console.table(report.runtimes.map(r => ({
    runtime: r.name,
    engine: r.engine,
    version: r.version ?? '-',
    status: r.status,
    passed: `${r.results.filter(x => x.pass).length}/${r.results.length}`,
    ...(timings ? { 'start (ms)': ms(r.timings?.startMs), 'compute (ms)': ms(r.timings?.computeMs) } : {}),
  })))
  if (timings)
    console.log(`${METHOD.start}\n${METHOD.compute}\n${METHOD.medians}`)
  const bad = report.runtimes.filter(r => r.status !== 'verified')
  for (const r of bad) {
    const failures = r.results.filter(x => !x.pass)
    const why = r.message ?? `${failures.length} case(s) differ from node:wasi: ${failures.map(x => `${x.case} (${x.detail})`).join('; ')}`
    console.error(`runtimes: ${r.name} ${r.status === 'missing' ? 'could not run' : 'failed'}: ${why}`)
  }
  if (only && !arg('--out')) {
    console.error(`runtimes: --only ran a subset: ${out} left unchanged (give --out FILE to write it elsewhere)`)
    return bad.length ? 1 : 0
  }
  if (bad.length && !partial) {
    console.error(`runtimes: ${out} left unchanged (every runtime must run and match; --partial writes what ran)`)
    return 1
  }
  writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`)
  console.log(`wrote ${out}${bad.length ? ' (partial: see the failures above)' : ''}`)
  return bad.length ? 1 : 0
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  // Exit explicitly: nothing this script started (esbuild's service, a server, a browser) may keep it alive.
  main().then(code => process.exit(code), (e) => {
    console.error(`runtimes: ${oneLine(e)}`)
    process.exit(1)
  })
}
