// How npm run runtimes (and the live comparison on the dev server) reaches each runtime:
// a process per run (Node 20, Node 24, Node 26, Deno, Bun, the Lambda handler on Node 24;
// wasmtime, WAMR, GraalWasm and GraalJS installed by npm run runtimes:install; WasmEdge when on PATH), a server process POSTed to (Deno.serve, workerd
// with the Worker, its variant and the Pages Function), or a browser page (Chromium, Firefox).
// Each opens a Session; every process it starts is killed (SIGKILL) when it closes.
import type { HarnessBrowser } from '../demos/browser/harness/open-harness'
import type { HostInput } from './lib/process-hosts'
import { Buffer } from 'node:buffer'
import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { delimiter, dirname, join } from 'node:path'
import process from 'node:process'
import { findFirefox, openBrowserHarness } from '../demos/browser/harness/open-harness'
import { prepareWorker, startWorkerd } from '../demos/cloudflare-worker/workerd-host.mjs'
import { messageOf } from '../demos/shared/errors'
import { fromBase64, runRequestParts } from '../demos/shared/http-run.mjs'
import { killWithParent } from '../demos/shared/kill-with-parent.mjs'
import { endOfLifeNote } from '../demos/shared/node-releases'
import { root, runHost, runProcess, runtimeBinary, runtimeVersion, wasmPath } from './lib/process-hosts'
import { graalJs, graalWasm } from './sessions/graalvm'
import { PANIC_IN_STDERR } from './sessions/installed-process'
import { fastlyCompute, viceroyRun } from './sessions/viceroy'
import { wamr } from './sessions/wamr'
import { wasmtimePy } from './sessions/wasmtime'

export interface Case {
  id: string
  program: string
  input: HostInput
  /** 'trap': the program panics; the same stdout and a panic message are expected, not the same bytes. */
  expect?: 'trap'
}

export interface Observed {
  stdout: Uint8Array
  stderr: Uint8Array
  exitCode: number | null
  trapped: boolean
  /** wasi.start() to its end, timed inside the host; undefined where the host cannot time it. */
  computeMs?: number
  /** A process run: spawn to exit (the whole process, start-up included), where there is no host to time inside. */
  wallMs?: number
  /** Why the run did not happen (timeout, no answer): the case fails with this. */
  failure?: string
}

export interface Session {
  version?: string
  /** Runs one case; `via` picks an entry when a runtime has two (workerd: the slide's Worker). */
  run: (c: Case, via?: string) => Promise<Observed>
  /** One start-up: spawn (or a fresh Web Worker) to the first byte of the answer for `hello`. */
  start: (hello: Case) => Promise<number>
  /** One run of `c` in a fresh runtime (new process, server or Web Worker); its computeMs is _start to exit, timed in the host. */
  fresh: (c: Case) => Promise<Observed>
  close: () => Promise<void>
}

export interface RuntimeDef {
  id: string
  name: string
  engine: string
  /** The file(s) that run the module. */
  host: string
  /** What was verified, in words (a row never says "deployed"). */
  verified: string
  /** A fact the row shows (Node 20: its end of life). */
  note?: string
  /** Cases this runtime's entry cannot carry, and why (it gets the others). */
  only?: { programs: string[], why: string }
  /**
   * A case this runtime cannot run as node:wasi does, and why: the row says so instead of failing.
   * The case still runs and its outcome is kept (it passes if it matched after all).
   */
  cannot?: (c: Case) => string | undefined
  /** A second entry on the same runtime that gets the `only` cases again (workerd: the slide's Worker). */
  alsoVia?: { label: string, programs: string[] }
  /** How long verifying every case may take (default RUNTIME_DEADLINE_MS): a JVM per case needs more. */
  deadlineMs?: number
  /** Whether the runtime is on this machine; a reason when it is not. */
  available: () => string | undefined
  /** Installed apart from npm (npm run runtimes:install, or PATH): a row only where it is installed; otherwise a line says how to install it. */
  optional?: boolean
  open: () => Promise<Session>
}

const te = new TextEncoder()
const bytesOf = (v: string | Uint8Array | undefined) => (v === undefined ? new Uint8Array() : typeof v === 'string' ? te.encode(v) : v)
const HTTP_DEADLINE_MS = 60_000

// ---------- processes ----------

function processRuntime(id: 'node' | 'node24' | 'node26' | 'deno' | 'bun', name: string, engine: string, host: string, verified: string, note?: string): RuntimeDef {
  return {
    id,
    name,
    engine,
    host,
    verified,
    ...(note ? { note } : {}),
    available: () => (runtimeBinary(id) ? undefined : `${id === 'node24' || id === 'node26' ? `Node ${id.slice(4)} (the optional dependency ${id})` : id} is not installed: run npm install`),
    async open() {
      const version = await runtimeVersion(id)
      const run = async (c: Case): Promise<Observed> => {
        const got = await runHost(id, c.program, c.input, { timing: true })
        return {
          ...got,
          trapped: got.exitCode !== 0 && PANIC_IN_STDERR.test(got.stderr.toString('utf8')),
          ...(got.timedOut ? { failure: 'timed out' } : got.spawnError ? { failure: got.spawnError } : {}),
        }
      }
      return {
        version,
        run,
        async start(hello) {
          const got = await runHost(id, hello.program, hello.input)
          if (got.firstByteMs === undefined)
            throw new Error(`${name} gave no output for ${hello.id}`)
          return got.firstByteMs
        },
        fresh: run, // every run is a fresh process
        close: async () => {},
      }
    },
  }
}

/** The Lambda handler, invoked on Node 24 with a Function URL (payload 2.0) event, one process per invocation. */
const lambda: RuntimeDef = {
  id: 'lambda',
  name: 'AWS Lambda handler',
  engine: 'V8',
  host: 'demos/aws-lambda/index.mjs',
  verified: 'handler, invoked locally on Node 24 with a Function URL event',
  available: () => (runtimeBinary('node24') ? undefined : 'Node 24 (the optional dependency node24) is not installed: run npm install'),
  async open() {
    const node24 = runtimeBinary('node24')!
    const invoke = (c: Case) => {
      const { path, headers } = runRequestParts({ program: c.program, args: c.input.args, env: c.input.env, files: c.input.files })
      return runProcess([node24, '--no-warnings', join(root, 'demos/aws-lambda/invoke-local.mjs'), path, JSON.stringify(headers)], {
        stdin: c.input.stdin,
        env: { WASM_DIR: join(root, 'public/wasm') },
      })
    }
    const session: Session = {
      version: `Node ${await runtimeVersion('node24')}`,
      async run(c) {
        const got = await invoke(c)
        if (got.exitCode !== 0 || got.timedOut)
          return { stdout: new Uint8Array(), stderr: got.stderr, exitCode: null, trapped: false, failure: got.timedOut ? 'timed out' : `invoke-local exited ${got.exitCode}: ${got.stderr.toString('utf8').trim().split('\n')[0]}` }
        const response = JSON.parse(got.stdout.toString('utf8')) as { statusCode: number, headers: Record<string, string>, body: string }
        return observedFrom(response.headers, Buffer.from(response.body, 'base64'), response.statusCode)
      },
      async start(hello) {
        const got = await invoke(hello)
        if (got.firstByteMs === undefined)
          throw new Error(`the Lambda handler gave no answer: ${got.stderr.toString('utf8').trim().split('\n')[0]}`)
        return got.firstByteMs
      },
      fresh: c => session.run(c), // a fresh process per invocation, as a cold Lambda
      close: async () => {},
    }
    return session
  },
}

/** A standalone wasm runtime on PATH, running the module directly (no JS host). */
function nativeRuntime(id: string, name: string, binary: string, argv: (dir: string, input: HostInput, wasm: string) => string[]): RuntimeDef {
  const find = () => (process.env.PATH ?? '').split(delimiter).map(d => join(d, binary)).find(p => existsSync(p))
  return {
    id,
    name,
    engine: 'its own (no JS)',
    host: `${binary} on PATH`,
    verified: `the module run directly by ${binary}, found on PATH`,
    optional: true,
    available: () => (find() ? undefined : `${binary} is not on PATH`),
    async open() {
      const bin = find()!
      const version = await new Promise<string>((resolve) => {
        const child = spawn(bin, ['--version'])
        let out = ''
        child.stdout.on('data', (c) => {
          out += c
        })
        child.on('close', () => resolve(/\d+\.\d+\.\d+/.exec(out)?.[0] ?? out.trim()))
        child.on('error', () => resolve(''))
      })
      const run = async (c: Case) => {
        const dir = mkdtempSync(join(tmpdir(), `${id}-`))
        try {
          for (const [path, data] of Object.entries(c.input.files ?? {})) {
            mkdirSync(dirname(join(dir, path)), { recursive: true })
            writeFileSync(join(dir, path), data)
          }
          return await runProcess([bin, ...argv(dir, c.input, wasmPath(c.program))], { stdin: c.input.stdin })
        }
        finally {
          rmSync(dir, { recursive: true, force: true })
        }
      }
      const observe = async (c: Case): Promise<Observed> => {
        const got = await run(c)
        return { ...got, computeMs: undefined, trapped: got.exitCode !== 0 && PANIC_IN_STDERR.test(got.stderr.toString('utf8')), ...(got.timedOut ? { failure: 'timed out' } : {}) }
      }
      return {
        version,
        run: observe,
        async start(hello) {
          const got = await run(hello)
          if (got.firstByteMs === undefined)
            throw new Error(`${binary} gave no output`)
          return got.firstByteMs
        },
        fresh: observe, // a fresh process; no JS host to time _start in
        close: async () => {},
      }
    },
  }
}

const envFlags = (input: HostInput, flag: string) => Object.entries(input.env ?? {}).flatMap(([k, v]) => [flag, `${k}=${v}`])

// ---------- servers ----------

function observedFrom(headers: Record<string, string | null | undefined> | Headers, body: Uint8Array, status: number): Observed {
  const get = (name: string) => (headers instanceof Headers ? headers.get(name) : headers[name]) ?? undefined
  if (status !== 200)
    return { stdout: new Uint8Array(), stderr: body, exitCode: null, trapped: false, failure: `HTTP ${status}: ${Buffer.from(body).toString('utf8').slice(0, 200)}` }
  const trap = get('x-trap')
  const compute = get('x-compute-ms')
  return {
    stdout: body,
    stderr: fromBase64(get('x-stderr') ?? ''),
    exitCode: trap === undefined ? Number(get('x-exit-code')) : null,
    trapped: trap !== undefined,
    ...(compute !== undefined ? { computeMs: Number(compute) } : {}),
  }
}

async function post(url: string, c: Case): Promise<Observed> {
  const { path, headers } = runRequestParts({ program: c.program, args: c.input.args, env: c.input.env, files: c.input.files })
  try {
    const response = await fetch(new URL(path, url), { method: 'POST', body: bytesOf(c.input.stdin) as Uint8Array<ArrayBuffer>, headers, signal: AbortSignal.timeout(HTTP_DEADLINE_MS) })
    return observedFrom(response.headers, new Uint8Array(await response.arrayBuffer()), response.status)
  }
  catch (e) {
    return { stdout: new Uint8Array(), stderr: new Uint8Array(), exitCode: null, trapped: false, failure: messageOf(e) }
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })
}

/** Spawns a server and POSTs `body` to `path` until it answers; the time is spawn to the answer's first byte. */
export async function startServer(argv: string[], port: number, path: string, body: Uint8Array, timeoutMs = 30_000) {
  const t0 = performance.now()
  const child = spawn(argv[0], argv.slice(1), { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, DENO_NO_UPDATE_CHECK: '1', NO_COLOR: '1' } })
  let log = ''
  child.stdout.on('data', (c) => {
    log += c
  })
  child.stderr.on('data', (c) => {
    log += c
  })
  let spawnError: string | undefined
  child.on('error', (e) => {
    spawnError = e.message
  })
  const watchdog = killWithParent(child.pid)
  const exited = new Promise(resolve => child.once('close', resolve))
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL')
      await exited
    }
    watchdog?.kill()
  }
  const url = `http://127.0.0.1:${port}/`
  // child.exitCode and spawnError change in the child's event handlers while this loop awaits.
  // eslint-disable-next-line no-unmodified-loop-condition
  while (performance.now() - t0 < timeoutMs && child.exitCode === null && !spawnError) {
    try {
      const response = await fetch(new URL(path, url), { method: 'POST', body: body as Uint8Array<ArrayBuffer>, signal: AbortSignal.timeout(HTTP_DEADLINE_MS) })
      await response.body?.getReader().read()
      const firstAnswerMs = performance.now() - t0
      return { url, firstAnswerMs, stop }
    }
    catch {
      await new Promise(r => setTimeout(r, 5))
    }
  }
  await stop()
  throw new Error(`${argv[0]} did not answer on ${url}: ${spawnError ?? (log.trim().split('\n').pop() || 'no output')}`)
}

const denoServe: RuntimeDef = {
  id: 'deno-serve',
  name: 'Deno.serve entry',
  engine: 'V8',
  host: 'demos/deno-deploy/main.ts',
  verified: 'the Deno.serve entry, served locally by deno and POSTed to',
  available: () => (runtimeBinary('deno') ? undefined : 'deno is not installed: run npm install'),
  async open() {
    const deno = runtimeBinary('deno')!
    const argv = (port: number) => [deno, 'run', '--quiet', '--no-prompt', `--allow-net=127.0.0.1:${port}`, `--allow-read=${root}`, join(root, 'demos/deno-deploy/main.ts'), String(port)]
    const servers: Array<{ stop: () => Promise<void> }> = []
    const boot = async (hello: Case) => {
      const port = await freePort()
      const s = await startServer(argv(port), port, `/run/${hello.program}`, bytesOf(hello.input.stdin))
      servers.push(s)
      return s
    }
    const hello: Case = { id: 'probe', program: 'demo', input: { stdin: '' } }
    const main = await boot(hello)
    return {
      version: await runtimeVersion('deno'),
      run: c => post(main.url, c),
      async start(c) {
        const s = await boot(c)
        await s.stop()
        return s.firstAnswerMs
      },
      async fresh(c) {
        const s = await boot(hello)
        try {
          return await post(s.url, c)
        }
        finally {
          await s.stop()
        }
      },
      async close() {
        await Promise.all(servers.map(s => s.stop()))
      },
    }
  },
}

const WORKER_PROGRAMS = ['demo']
const WORKER_WHY = 'the Worker on the slide runs demo.wasm on the request body; nothing else'

const workerd: RuntimeDef = {
  id: 'workerd',
  name: 'workerd (Cloudflare Workers)',
  engine: 'V8',
  host: 'demos/cloudflare-worker/src/index.js, src/cases.js',
  verified: 'the slide\'s Worker (demo) and a variant Worker that takes args, env and files from the request (every case), in local workerd',
  alsoVia: { label: 'the slide\'s Worker', programs: WORKER_PROGRAMS },
  available: () => undefined,
  async open() {
    // Bundled once (esbuild), before any timing.
    const [slideDir, casesDir] = await Promise.all([prepareWorker('worker'), prepareWorker('cases')])
    const running: Array<{ stop: () => Promise<void> }> = []
    try {
      const cases = await startWorkerd({ variant: 'cases', prepared: casesDir, probe: '/run/demo' })
      running.push(cases)
      const slide = await startWorkerd({ variant: 'worker', prepared: slideDir })
      running.push(slide)
      return {
        version: cases.version.replace(/^workerd /, ''),
        async run(c, via) {
          if (via === undefined)
            return post(cases.url, c)
          return postToSlideWorker(slide.url, '/', c)
        },
        async start(hello) {
          const w = await startWorkerd({ variant: 'worker', prepared: slideDir, probeBody: String(hello.input.stdin) })
          await w.stop()
          return w.firstAnswerMs
        },
        async fresh(c) {
          const w = await startWorkerd({ variant: 'cases', prepared: casesDir, probe: '/run/demo' })
          try {
            return await post(w.url, c)
          }
          finally {
            await w.stop()
          }
        },
        async close() {
          await Promise.all(running.map(w => w.stop()))
          rmSync(slideDir, { recursive: true, force: true })
          rmSync(casesDir, { recursive: true, force: true })
        },
      }
    }
    catch (e) {
      await Promise.all(running.map(w => w.stop()))
      throw e
    }
  },
}

/** The slide's Worker answers stdout when the program succeeds and its stderr (status 400) when it does not. */
export async function postToSlideWorker(url: string, path: string, c: Case): Promise<Observed> {
  try {
    const response = await fetch(new URL(path, url), { method: 'POST', body: bytesOf(c.input.stdin) as Uint8Array<ArrayBuffer>, signal: AbortSignal.timeout(HTTP_DEADLINE_MS) })
    const bytes = new Uint8Array(await response.arrayBuffer())
    const exitCode = Number(response.headers.get('x-exit-code'))
    return exitCode === 0
      ? { stdout: bytes, stderr: new Uint8Array(), exitCode, trapped: false }
      : { stdout: new Uint8Array(), stderr: bytes, exitCode, trapped: false }
  }
  catch (e) {
    return { stdout: new Uint8Array(), stderr: new Uint8Array(), exitCode: null, trapped: false, failure: messageOf(e) }
  }
}

const pages: RuntimeDef = {
  id: 'pages',
  name: 'Pages Function (_worker.js)',
  engine: 'V8',
  host: 'demos/cloudflare-pages/_worker.js',
  verified: 'the same Worker as an advanced-mode Pages Function, in local workerd with an ASSETS binding',
  only: { programs: WORKER_PROGRAMS, why: WORKER_WHY },
  available: () => undefined,
  async open() {
    const dir = await prepareWorker('pages')
    const running: Array<{ stop: () => Promise<void> }> = []
    try {
      const main = await startWorkerd({ variant: 'pages', prepared: dir, probe: '/api/demo' })
      running.push(main)
      // The project's static files come through env.ASSETS.
      const page = await fetch(new URL('/index.html', main.url), { signal: AbortSignal.timeout(HTTP_DEADLINE_MS) })
      if (!page.ok || !(await page.text()).includes('/api/demo'))
        throw new Error(`the Pages project's index.html did not come through env.ASSETS (HTTP ${page.status})`)
      return {
        version: main.version.replace(/^workerd /, ''),
        run: c => postToSlideWorker(main.url, '/api/demo', c),
        async start(hello) {
          const w = await startWorkerd({ variant: 'pages', prepared: dir, probe: '/api/demo', probeBody: String(hello.input.stdin) })
          await w.stop()
          return w.firstAnswerMs
        },
        async fresh(c) {
          const w = await startWorkerd({ variant: 'pages', prepared: dir, probe: '/api/demo' })
          try {
            return await postToSlideWorker(w.url, '/api/demo', c) // the slide's Worker reports no compute time
          }
          finally {
            await w.stop()
          }
        },
        async close() {
          await Promise.all(running.map(w => w.stop()))
          rmSync(dir, { recursive: true, force: true })
        },
      }
    }
    catch (e) {
      await Promise.all(running.map(w => w.stop()))
      rmSync(dir, { recursive: true, force: true })
      throw e
    }
  },
}

// ---------- browsers ----------

function browserRuntime(kind: HarnessBrowser, name: string, engine: string, driver: string): RuntimeDef {
  return {
    id: kind,
    name,
    engine,
    host: 'demos/browser/ (the deck\'s runner)',
    verified: `the deck's own runner in a Web Worker, ${driver}`,
    available: () => {
      if (kind === 'firefox')
        return findFirefox() ? undefined : 'Firefox is not installed (Debian: apt-get install -y firefox-esr; or set FIREFOX_PATH)'
      return undefined // Playwright's own Chromium may be there when Debian's is not: opening it says
    },
    async open() {
      const harness = await openBrowserHarness(kind)
      const input = (c: Case) => ({
        program: c.program,
        args: c.input.args,
        stdin: [...bytesOf(c.input.stdin)],
        files: Object.fromEntries(Object.entries(c.input.files ?? {}).map(([k, v]) => [k, String(v)])),
      })
      return {
        version: harness.version,
        async run(c) {
          const r = await harness.run(input(c))
          return { ...r, trapped: r.error?.kind === 'trap', computeMs: r.timings.runMs }
        },
        async start(hello) {
          return (await harness.run({ ...input(hello), cold: true })).timings.totalMs
        },
        // A fresh Web Worker and a fresh compile, like a fresh process.
        async fresh(c) {
          const r = await harness.run({ ...input(c), cold: true })
          return { ...r, trapped: r.error?.kind === 'trap', computeMs: r.timings.runMs }
        },
        close: () => harness.close(),
      }
    },
  }
}

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
  // Installed by npm run runtimes:install (scripts/install/<id>.ts), sessions in scripts/sessions/.
  wasmtimePy,
  wamr,
  graalWasm,
  fastlyCompute,
  viceroyRun,
  // WasmEdge: no registry serves it (PyPI's packages are 2021 stubs); a row only when it is on PATH.
  nativeRuntime('wasmedge', 'WasmEdge', 'wasmedge', (dir, input, wasm) => [`--dir=/:${dir}`, ...envFlags(input, '--env'), wasm, ...(input.args ?? [])]),
]
