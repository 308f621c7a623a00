// npm run runtimes: the same committed .wasm bytes on every runtime installed here
// (Node, Deno, Bun through node:wasi; workerd through the slide's Worker; Chromium
// through the page's runner), each output compared byte for byte with node:wasi's.
// Prints a table and writes public/runtimes.json. Exits 1 if a runtime differs.
//   npm run runtimes [-- --out FILE] [-- --no-timings]
import { createHash } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import { cpus, platform, arch } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { CaseResult, RuntimeReport, RuntimesJson } from '../demos/shared/runtime-report'
import { benchInput, MANDELBROT_ARGS, MANDELBROT_LABEL, median } from '../demos/shared/workloads'
import { startWorkerd } from '../demos/cloudflare-worker/workerd-host.mjs'
import { openBrowserHarness } from '../demos/browser/harness/open-harness'
import type { HostInput, HostRun, ProcessRuntime } from './lib/process-hosts'
import { root, runHost, runtimeBinary, runtimeVersion, wasmPath } from './lib/process-hosts'
import { Buffer } from 'node:buffer'
import process from 'node:process'
import { messageOf } from '../demos/shared/errors'

export interface Case {
  id: string
  program: string
  input: HostInput
  /** 'trap': the program panics; the same stdout and a panic message are expected, not the same bytes. */
  expect?: 'trap'
}

const te = new TextEncoder()
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
/** The Worker runs demo only: these are the cases workerd gets. */
const WORKER_CASES = CASES.filter(c => c.program === 'demo')
const PANIC_TEXT = 'panic: index out of bounds\n'


interface Observed { stdout: Uint8Array, stderr: Uint8Array, exitCode: number | null, trapped: boolean }

const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b))
const contains = (hay: Uint8Array, needle: Uint8Array) => needle.length === 0 || Buffer.from(hay).includes(Buffer.from(needle))

/** Judges one run against node:wasi's. Hosts may add their own lines to stderr (warnings, stack traces). */
export function judge(c: Case, reference: HostRun, got: Observed): CaseResult {
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
  return { case: c.id, pass: problems.length === 0, ...(problems.length ? { detail: problems.join('; ') } : {}) }
}

const PROCESS_RUNTIMES: Array<{ id: ProcessRuntime, name: string, engine: string, host: string }> = [
  { id: 'node', name: 'Node.js', engine: 'V8', host: 'demos/node/run-wasi.mjs' },
  { id: 'deno', name: 'Deno', engine: 'V8', host: 'demos/deno/run-wasi.ts' },
  { id: 'bun', name: 'Bun', engine: 'JavaScriptCore', host: 'demos/bun/run-wasi.ts' },
]

const TIMING_RUNS = 5
const HELLO = CASES[0]
const CPU: Case = { id: MANDELBROT_LABEL, program: 'mandelbrot', input: { args: MANDELBROT_ARGS } }

async function processRuntime(rt: typeof PROCESS_RUNTIMES[number], references: Map<string, HostRun>, timings: boolean, log: (s: string) => void): Promise<RuntimeReport> {
  const base = { id: rt.id, name: rt.name, engine: rt.engine, host: rt.host }
  if (!runtimeBinary(rt.id))
    return { ...base, status: 'missing', message: `${rt.id} is not installed (it comes with npm install)`, results: [] }
  const version = await runtimeVersion(rt.id)
  const results: CaseResult[] = []
  for (const c of CASES) {
    const got = await runHost(rt.id, c.program, c.input)
    const trapped = got.exitCode !== 0 && /RuntimeError|unreachable/i.test(got.stderr.toString('utf8'))
    results.push(got.timedOut ? { case: c.id, pass: false, detail: 'timed out' } : judge(c, references.get(c.id)!, { ...got, trapped }))
  }
  log(`${rt.name} ${version}: ${results.filter(r => r.pass).length}/${results.length}`)
  let timing: Record<string, number> | undefined
  if (timings) {
    const hello: number[] = []
    const cpu: number[] = []
    for (let i = 0; i < TIMING_RUNS; i++) {
      hello.push((await runHost(rt.id, HELLO.program, HELLO.input)).wallMs)
      cpu.push((await runHost(rt.id, CPU.program, CPU.input)).wallMs)
    }
    timing = { startMs: median(hello), computeMs: Math.max(0, median(cpu) - median(hello)) }
  }
  return { ...base, version, status: results.every(r => r.pass) ? 'verified' : 'failed', results, ...(timing ? { timings: timing } : {}) }
}

async function workerdRuntime(references: Map<string, HostRun>, timings: boolean, log: (s: string) => void): Promise<RuntimeReport> {
  const base = { id: 'workerd', name: 'workerd (Cloudflare Workers)', engine: 'V8', host: 'demos/cloudflare-worker/src/index.js' }
  let workerd: Awaited<ReturnType<typeof startWorkerd>> | undefined
  try {
    const t0 = performance.now()
    workerd = await startWorkerd()
    const startMs = performance.now() - t0
    const results: CaseResult[] = []
    for (const c of WORKER_CASES) {
      const body = c.input.stdin
      const response = await fetch(workerd.url, { method: 'POST', body: typeof body === 'string' ? body : new Blob([body as Uint8Array<ArrayBuffer>]) })
      const bytes = new Uint8Array(await response.arrayBuffer())
      const exitCode = Number(response.headers.get('x-exit-code'))
      // The Worker answers with stdout when the program succeeds and with its stderr when it does not.
      const observed = exitCode === 0
        ? { stdout: bytes, stderr: new Uint8Array(), exitCode, trapped: false }
        : { stdout: new Uint8Array(), stderr: bytes, exitCode, trapped: false }
      results.push(judge(c, references.get(c.id)!, observed))
    }
    log(`workerd ${workerd.version}: ${results.filter(r => r.pass).length}/${results.length} (the Worker runs demo)`)
    let timing: Record<string, number> | undefined
    if (timings) {
      const request: number[] = []
      for (let i = 0; i < TIMING_RUNS * 2; i++) {
        const t = performance.now()
        await (await fetch(workerd.url, { method: 'POST', body: String(HELLO.input.stdin) })).arrayBuffer()
        request.push(performance.now() - t)
      }
      timing = { startMs, requestMs: median(request) }
    }
    return { ...base, version: workerd.version.replace(/^workerd /, ''), status: results.every(r => r.pass) ? 'verified' : 'failed', results, ...(timing ? { timings: timing } : {}) }
  }
  catch (e) {
    return { ...base, status: 'failed', message: messageOf(e), results: [] }
  }
  finally {
    await workerd?.stop()
  }
}

async function browserRuntime(references: Map<string, HostRun>, timings: boolean, log: (s: string) => void): Promise<RuntimeReport> {
  const base = { id: 'chromium', name: 'Chromium (this deck\'s runner)', engine: 'V8', host: 'demos/browser/' }
  let harness: Awaited<ReturnType<typeof openBrowserHarness>> | undefined
  try {
    harness = await openBrowserHarness()
    const results: CaseResult[] = []
    for (const c of CASES) {
      const stdin = c.input.stdin === undefined ? [] : [...(typeof c.input.stdin === 'string' ? te.encode(c.input.stdin) : c.input.stdin)]
      const files = Object.fromEntries(Object.entries(c.input.files ?? {}).map(([k, v]) => [k, String(v)]))
      const r = await harness.run({ program: c.program, args: c.input.args, stdin, files })
      results.push(judge(c, references.get(c.id)!, { ...r, trapped: r.error?.kind === 'trap' }))
    }
    log(`Chromium ${harness.version}: ${results.filter(r => r.pass).length}/${results.length}`)
    let timing: Record<string, number> | undefined
    if (timings) {
      const cold: number[] = []
      const cpu: number[] = []
      const stdin = [...te.encode(String(HELLO.input.stdin))]
      for (let i = 0; i < TIMING_RUNS; i++) {
        cold.push((await harness.run({ program: HELLO.program, stdin, cold: true })).timings.totalMs)
        cpu.push((await harness.run({ program: CPU.program, args: CPU.input.args })).timings.runMs)
      }
      timing = { startMs: median(cold), computeMs: median(cpu) }
    }
    return { ...base, version: harness.version, status: results.every(r => r.pass) ? 'verified' : 'failed', results, ...(timing ? { timings: timing } : {}) }
  }
  catch (e) {
    return { ...base, status: 'failed', message: messageOf(e), results: [] }
  }
  finally {
    await harness?.close()
  }
}

export type { CaseResult, RuntimeReport, RuntimesJson }

export async function compareRuntimes({ timings = true, log = (s: string) => console.log(`  ${s}`) } = {}): Promise<RuntimesJson> {
  const references = new Map<string, HostRun>()
  for (const c of CASES)
    references.set(c.id, await runHost('node', c.program, c.input))
  const runtimes: RuntimeReport[] = []
  for (const rt of PROCESS_RUNTIMES)
    runtimes.push(await processRuntime(rt, references, timings, log))
  runtimes.push(await workerdRuntime(references, timings, log))
  runtimes.push(await browserRuntime(references, timings, log))

  const manifest = JSON.parse(readFileSync(join(root, 'public/wasm/manifest.json'), 'utf8')) as { modules: Array<{ name: string, sha256: string, bytes: number }> }
  const programs = [...new Set(CASES.map(c => c.program))]
  return {
    date: new Date().toISOString(),
    machine: { cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, os: `${platform()} ${arch()}` },
    reference: 'node:wasi (demos/node/run-wasi.mjs)',
    modules: programs.map((name) => {
      const bytes = readFileSync(wasmPath(name))
      const sha256 = createHash('sha256').update(bytes).digest('hex')
      const m = manifest.modules.find(x => x.name === name)
      if (m?.sha256 !== sha256)
        throw new Error(`${name}.wasm does not match manifest.json: run npm run build:wasm`)
      return { name, bytes: bytes.length, sha256 }
    }),
    cases: CASES.map(c => ({ id: c.id, program: c.program, workerd: WORKER_CASES.includes(c) })),
    // What a browser showing the deck runs to add its own row: node:wasi's output for this input.
    live: {
      program: HELLO.program,
      stdin: String(HELLO.input.stdin),
      stdoutSha256: createHash('sha256').update(references.get(HELLO.id)!.stdout).digest('hex'),
    },
    runtimes,
  }
}

async function main() {
  const outIndex = process.argv.indexOf('--out')
  const out = outIndex > 0 ? process.argv[outIndex + 1] : join(root, 'public/runtimes.json')
  const timings = !process.argv.includes('--no-timings')
  console.log(`runtimes: ${CASES.length} cases, each compared with node:wasi${timings ? `, timings: median of ${TIMING_RUNS}` : ''}`)
  const report = await compareRuntimes({ timings })
  const node = report.runtimes.find(r => r.id === 'node')?.timings
  const ratio = (v?: number, base?: number) => (v === undefined || !base ? '' : `${(v / base).toFixed(2)}x`)
  console.table(report.runtimes.map(r => ({
    runtime: r.name,
    engine: r.engine,
    version: r.version ?? '-',
    status: r.status,
    passed: `${r.results.filter(x => x.pass).length}/${r.results.length}`,
    ...(timings
      ? {
          'start (ms)': r.timings?.startMs?.toFixed(1) ?? '-',
          'vs node': ratio(r.timings?.startMs, node?.startMs),
          'mandelbrot (ms)': r.timings?.computeMs?.toFixed(1) ?? '-',
          'vs node ': ratio(r.timings?.computeMs, node?.computeMs),
          'request (ms)': r.timings?.requestMs?.toFixed(1) ?? '-',
        }
      : {}),
  })))
  for (const r of report.runtimes) {
    if (r.message)
      console.log(`${r.name}: ${r.message}`)
    for (const x of r.results.filter(x => !x.pass))
      console.log(`${r.name} FAILED ${x.case}: ${x.detail}`)
  }
  if (timings) {
    console.log('start: a process running demo on "Hello" (workerd: start to first answer; Chromium: fresh worker + compile).')
    console.log(`${MANDELBROT_LABEL}: process time minus start (Chromium: _start to exit in the worker). request: a warm POST to workerd.`)
  }
  writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`)
  console.log(`wrote ${out}`)
  if (report.runtimes.some(r => r.status !== 'verified'))
    process.exitCode = 1
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1])
  await main()
