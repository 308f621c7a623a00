// Runtimes reached as a process per run: the node:wasi hosts (Node 20, 24 and 26, Deno, Bun),
// the Lambda handler on Node 24, and a standalone wasm runtime found on PATH.
import type { HostInput } from '../lib/process-hosts.ts'
import type { Case, Observed, RuntimeDef, Session } from './session.ts'
import { Buffer } from 'node:buffer'
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { delimiter, dirname, join } from 'node:path'
import process from 'node:process'
import { runRequestParts } from '../../demos/shared/http-run.mjs'
import { wasmDir } from '../lib/paths.mjs'
import { root, runHost, runProcess, runtimeBinary, runtimeVersion, wasmPath } from '../lib/process-hosts.ts'
import { observedFrom } from './http.ts'
import { PANIC_IN_STDERR } from './installed-process.ts'

export function processRuntime(id: 'node' | 'node24' | 'node26' | 'deno' | 'bun', name: string, engine: string, host: string, verified: string, note?: string): RuntimeDef {
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
export const lambda: RuntimeDef = {
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
        env: { WASM_DIR: wasmDir },
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
export function nativeRuntime(id: string, name: string, binary: string, argv: (dir: string, input: HostInput, wasm: string) => string[]): RuntimeDef {
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
      const out = (await runProcess([bin, '--version'])).stdout.toString('utf8')
      const version = /\d+\.\d+\.\d+/.exec(out)?.[0] ?? out.trim()
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

export const envFlags = (input: HostInput, flag: string) => Object.entries(input.env ?? {}).flatMap(([k, v]) => [flag, `${k}=${v}`])
