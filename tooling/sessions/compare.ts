// The runtime comparison behind `npm run runtimes` (scripts/runtimes.ts) and the dev server's
// live comparison (dev-server/runtimes-endpoint.ts): the cases, each judged byte for byte
// against node:wasi's output, and start-up and compute timed the same way on every runtime
// (METHOD), interleaved (one round of every runtime, TIMING_RUNS rounds), with the load average
// written beside them.
import type { CaseResult, LoadReport, RuntimeReport, RuntimesJson } from '../../demos/shared/runtime-report.ts'
import type { HostRun } from '../lib/process-hosts.ts'
import type { Case, Observed, RuntimeDef, Session } from './runtimes.ts'
import { Buffer } from 'node:buffer'
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { arch, cpus, loadavg, platform, release } from 'node:os'
import process from 'node:process'
import { benchInput, median } from '../../demos/shared/workloads.ts'
import { oneLine } from '../lib/one-line.ts'
import { manifestPath } from '../lib/paths.mjs'
import { runHost, wasmPath } from '../lib/process-hosts.ts'
import { COMPONENT_METHOD, COMPONENT_RUNTIMES, componentFacts, isComponentRuntime } from './components.ts'
import { RUNTIMES } from './runtimes.ts'

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
// Zig 0.14+ names the index and the length (the case's stdin is 5).
const PANIC_TEXT = 'panic: index out of bounds: index 5, len 3\n'

export const TIMING_RUNS = 5
export const HELLO = CASES[0]
export const CPU: Case = { id: 'mandelbrot 160x60x20000', program: 'mandelbrot', input: { args: ['160', '60', '20000'] } }

/** The cases the comparison slide can run live on the dev server (dev-server/runtimes-endpoint.ts). */
export const LIVE_CASE_IDS = [HELLO.id, CPU.id, 'panic: trap']

/**
 * Timings are refused (without --noisy) when the 1-minute load average when the script started is
 * above this many per core: other work is running. The load after the timings is recorded too, but
 * it includes this script's own runtimes.
 */
export const LOAD_LIMIT_PER_CORE = 1

/** What the two timing columns mean: written into runtimes.json, shown on the slide. */
export const METHOD = {
  runs: TIMING_RUNS,
  start: 'Start: from spawning the runtime\'s process to the first byte of its answer to "Hello, Zig!" (demo.wasm); '
    + 'workerd, Deno.serve: the server process, to the first byte of the answer to that POST (the Worker bundled beforehand); '
    + 'browsers: the browser already open, a fresh Web Worker compiling and running demo.wasm, until the answer; '
    + 'Fastly Compute: viceroy serve with our Zig program, to the first byte of the answer to that POST; '
    + 'Viceroy\'s run gives no stdin: the first byte of exit-code.wasm 42\'s output.',
  compute: 'Compute: mandelbrot 160×60, 20000 iterations, in a fresh runtime each time (new process, server or Web Worker, so the module is compiled afresh), '
    + 'from wasi.start() (_start) to its exit, timed inside each host with performance.now() '
    + '(workerd: the variant Worker; workers-wasi reads the request body inside start(), and workerd\'s clock ticks in whole ms). '
    + 'wasmtime: the same span timed in its Python host (time.perf_counter around _start). '
    + 'GraalWasm: System.nanoTime() around _start in its Java host; GraalJS + GraalWasm: the runner core\'s performance.now() around _start, as in the browsers (both a fresh JVM per run: Truffle\'s interpreter and the Graal JIT warming up are inside the number). '
    + 'WAMR (each module compiled ahead of time by wamrc before any run, not in the timings), Viceroy\'s run, WasmEdge: no host of ours to time inside: no compute; '
    + 'their "process" time is the whole mandelbrot process, spawn to exit, start-up included.',
  medians: `Medians of ${TIMING_RUNS} runs, taken interleaved: one round of every runtime, ${TIMING_RUNS} rounds, so the machine's load hits them alike.`,
  components: COMPONENT_METHOD,
  load: `Load averages (1, 5, 15 min) when npm run runtimes started and after its timings (its own runtimes included) are written beside them; above ${LOAD_LIMIT_PER_CORE} per core at the start it writes no timings without --noisy.`,
}

export type { CaseResult, RuntimeReport, RuntimesJson }

const round2 = (x: number) => Math.round(x * 100) / 100
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

export { oneLine }

/** Rejects after `ms`; the caller's cleanup kills what the runtime left running. */
export function deadline<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout
  return Promise.race([
    work,
    new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms / 1000} s`)), ms) }),
  ]).finally(() => clearTimeout(timer))
}

export const RUNTIME_DEADLINE_MS = 240_000
/** One timing step (a start-up, or a fresh mandelbrot run) on one runtime. */
export const TIMING_STEP_DEADLINE_MS = 120_000

interface Opened { rt: RuntimeDef, report: RuntimeReport, session?: Session }

/** Opens one runtime and runs every case on it (no timings). Never throws: a failure is the report's message. */
export async function verify(rt: RuntimeDef, refs: Map<string, HostRun>, log = (_: string) => {}): Promise<Opened> {
  const cases = rt.only ? CASES.filter(c => rt.only!.programs.includes(c.program)) : CASES
  const base = {
    id: rt.id,
    name: rt.name,
    engine: rt.engine,
    host: rt.host,
    verified: rt.verified,
    ...(isComponentRuntime(rt.id) ? { component: true } : {}),
    ...(rt.note ? { note: rt.note } : {}),
    ...(rt.only ? { skipped: { cases: CASES.filter(c => !cases.includes(c)).map(c => c.id), why: rt.only.why } } : {}),
  }
  const missing = rt.available()
  if (missing)
    return { rt, report: { ...base, status: 'missing', message: missing, results: [] } }
  let session: Session | undefined
  const work = async (): Promise<RuntimeReport> => {
    session = await rt.open()
    const results: CaseResult[] = []
    for (const c of cases) {
      // A case the runtime cannot run as node:wasi does still runs (where it can start at all), so
      // the row keeps what happened; it counts as "cannot", with why, unless it matched after all.
      const cannot = rt.cannot?.(c)
      const judged = judge(c, refs.get(c.id)!, await session.run(c))
      results.push(cannot && !judged.pass ? { ...judged, cannot } : judged)
    }
    if (rt.alsoVia) {
      for (const c of CASES.filter(c => rt.alsoVia!.programs.includes(c.program)))
        results.push(judge(c, refs.get(c.id)!, await session.run(c, rt.alsoVia.label), `${rt.alsoVia.label}: ${c.id}`))
    }
    const ran = results.filter(r => !r.cannot)
    log(`${rt.name} ${session.version ?? ''}: ${ran.filter(r => r.pass).length}/${ran.length}${ran.length < results.length ? ` (${results.length - ran.length} it cannot run)` : ''}`)
    return { ...base, version: session.version, status: ran.every(r => r.pass) ? 'verified' : 'failed', results }
  }
  try {
    return { rt, report: await deadline(work(), rt.deadlineMs ?? RUNTIME_DEADLINE_MS, rt.name), session }
  }
  catch (e) {
    await session?.close().catch(() => {})
    return { rt, report: { ...base, status: 'failed', message: oneLine(e), results: [] } }
  }
}

/**
 * Times every verified runtime, interleaved: one round of every runtime, TIMING_RUNS rounds, so a
 * change in the machine's load hits them alike. Each round: one start-up, then one fresh mandelbrot
 * run (compute: _start to exit, timed in the host). A runtime that fails a step is failed, with why.
 */
export async function timeInterleaved(opened: Opened[], log = (_: string) => {}): Promise<void> {
  const samples = new Map<Opened, { start: number[], compute: number[], wall: number[] }>(opened.map(o => [o, { start: [], compute: [], wall: [] }]))
  for (let round = 1; round <= TIMING_RUNS; round++) {
    for (const o of opened) {
      if (!o.session || o.report.status !== 'verified')
        continue
      const s = samples.get(o)!
      try {
        s.start.push(await deadline(o.session.start(HELLO), TIMING_STEP_DEADLINE_MS, `${o.rt.name}: start-up`))
        if (!o.rt.only) {
          const got = await deadline(o.session.fresh(CPU), TIMING_STEP_DEADLINE_MS, `${o.rt.name}: ${CPU.id}`)
          if (got.failure)
            throw new Error(`${CPU.id}: ${got.failure}`)
          if (got.computeMs !== undefined)
            s.compute.push(got.computeMs)
          else if (got.wallMs !== undefined)
            s.wall.push(got.wallMs)
        }
      }
      catch (e) {
        o.report = { ...o.report, status: 'failed', message: `timing: ${oneLine(e)}` }
        await o.session.close().catch(() => {})
        o.session = undefined
      }
    }
    log(`timings: round ${round}/${TIMING_RUNS} done`)
  }
  for (const o of opened) {
    const s = samples.get(o)!
    if (o.report.status === 'verified' && s.start.length)
      o.report.timings = { startMs: median(s.start), ...(s.compute.length ? { computeMs: median(s.compute) } : s.wall.length ? { processMs: median(s.wall) } : {}) }
  }
}

/** Runs every case and then the timings on one runtime alone. Never throws. */
export async function measure(rt: RuntimeDef, refs: Map<string, HostRun>, { timings = true, log = (_: string) => {} } = {}): Promise<RuntimeReport> {
  const opened = await verify(rt, refs, log)
  try {
    if (timings)
      await timeInterleaved([opened])
    return opened.report
  }
  finally {
    await opened.session?.close().catch(() => {})
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

export async function compareRuntimes({ timings = true, only, noisy = false, log = (s: string) => console.log(`  ${s}`) }: { timings?: boolean, only?: string[], noisy?: boolean, log?: (s: string) => void } = {}): Promise<RuntimesJson> {
  // The machine's load before this script adds its own: the verification runs before the timings
  // (JVMs included) raise the 1-minute average by themselves.
  const atStart = loadavg()
  const refs = await references()
  const opened: Opened[] = []
  let load: LoadReport | undefined
  try {
    // The module rows, then the same programs as WASI 0.2 components (tooling/sessions/components.ts).
    for (const rt of [...RUNTIMES, ...COMPONENT_RUNTIMES]) {
      if (only && !only.includes(rt.id))
        continue
      const missing = rt.optional && rt.available()
      if (missing) {
        log(missing) // installed apart from npm: no row, and the line says how to install it
        continue
      }
      opened.push(await verify(rt, refs, log))
      // Sessions stay open for the timing rounds, except where nothing will be timed.
      const last = opened[opened.length - 1]
      if (!timings || last.report.status !== 'verified') {
        await last.session?.close().catch(() => {})
        last.session = undefined
      }
    }
    if (timings) {
      await timeInterleaved(opened, log)
      load = { before: atStart.map(round2), after: loadavg().map(round2), limit: cpus().length * LOAD_LIMIT_PER_CORE, noisy }
    }
  }
  finally {
    await Promise.all(opened.map(o => o.session?.close().catch(() => {})))
  }
  const runtimes = opened.map(o => o.report)

  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { modules: Array<{ name: string, sha256: string, bytes: number }> }
  const programs = [...new Set(CASES.map(c => c.program))]
  const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex')
  return {
    date: new Date().toISOString(),
    machine: machine(),
    reference: `node:wasi on Node ${process.versions.node} (demos/node/run-wasi.mjs)`,
    method: METHOD,
    ...(load ? { load } : {}),
    modules: programs.map((name) => {
      const bytes = readFileSync(wasmPath(name))
      const m = manifest.modules.find(x => x.name === name)
      if (m?.sha256 !== sha(bytes))
        throw new Error(`${name}.wasm does not match manifest.json: run npm run build:wasm`)
      return { name, bytes: bytes.length, sha256: sha(bytes) }
    }),
    components: componentFacts(),
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
