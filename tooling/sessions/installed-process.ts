// A runtime that npm run runtimes:install put into .runtimes/<install>/ and that runs one
// module per process (wasmtime through its Python host, WAMR, Viceroy's `run`): a RuntimeDef
// for tooling/sessions/runtimes.ts. Each run gets a fresh folder preopened as "/" with the
// case's files, its stdin up front, and the deadline + SIGKILL of every process run.
import type { HostInput } from '../lib/process-hosts.ts'
import type { Case, Observed, RuntimeDef } from './session.ts'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { runProcess, wasmPath } from '../lib/process-hosts.ts'
import { installedDir, installHint } from '../lib/runtime-installs.ts'

/** A trap as the hosts report it (V8, SpiderMonkey, JSC, wasmtime, WAMR). */
export const PANIC_IN_STDERR = /RuntimeError|unreachable|wasm ?trap/i

export interface InstalledProcessDef extends Omit<RuntimeDef, 'available' | 'open' | 'optional'> {
  /** The installer's id (tooling/install/<install>.ts). */
  install: string
  /** The command for one run: `dir` is the folder preopened as "/", `wasm` the module to run. */
  argv: (p: { home: string, dir: string, input: HostInput, wasm: string, timingFile?: string }) => string[]
  /** Extra environment for the runtime's process (not the module's). */
  env?: (home: string) => Record<string, string>
  /** The version that runs, from the installed runtime itself. */
  version: (home: string) => Promise<string | undefined>
  /** Whether the host writes _start-to-exit into `timingFile`. */
  timesCompute?: boolean
  /** Each run's deadline (default: runProcess's, as for every runtime). */
  timeoutMs?: number
  /** The start-up probe when the runtime cannot take the usual one (Viceroy's run has no stdin). */
  startCase?: Case
  /** Work done once per session before any run (WAMR: compile each module ahead of time). */
  prepare?: (home: string) => Promise<{ wasm: (program: string) => string, close: () => void }>
}

export function installedProcess(def: InstalledProcessDef): RuntimeDef {
  const { install, argv, env, version, timesCompute, prepare, startCase, timeoutMs, ...rest } = def
  return {
    ...rest,
    optional: true,
    available: () => (installedDir(install) ? undefined : installHint(install, def.name)),
    async open() {
      const home = installedDir(install)!
      const prepared = await prepare?.(home)
      const wasm = prepared?.wasm ?? wasmPath
      const run = async (c: Case) => {
        const dir = mkdtempSync(join(tmpdir(), `${def.id}-`))
        try {
          const root = join(dir, 'root')
          mkdirSync(root)
          for (const [path, data] of Object.entries(c.input.files ?? {})) {
            mkdirSync(dirname(join(root, path)), { recursive: true })
            writeFileSync(join(root, path), data)
          }
          const timingFile = timesCompute ? join(dir, 'timing.json') : undefined
          const got = await runProcess(argv({ home, dir: root, input: c.input, wasm: wasm(c.program), timingFile }), { stdin: c.input.stdin, env: env?.(home), ...(timeoutMs ? { timeoutMs } : {}) })
          const computeMs = timingFile && existsSync(timingFile) ? (JSON.parse(readFileSync(timingFile, 'utf8')) as { computeMs: number }).computeMs : undefined
          return { ...got, computeMs }
        }
        finally {
          rmSync(dir, { recursive: true, force: true })
        }
      }
      const observe = async (c: Case): Promise<Observed> => {
        const got = await run(c)
        return {
          ...got,
          trapped: got.exitCode !== 0 && PANIC_IN_STDERR.test(got.stderr.toString('utf8')),
          ...(got.timedOut ? { failure: 'timed out' } : got.spawnError ? { failure: got.spawnError } : {}),
        }
      }
      return {
        version: await version(home),
        run: observe,
        async start(hello) {
          const got = await run(startCase ?? hello)
          if (got.firstByteMs === undefined)
            throw new Error(`${def.name} gave no output for ${hello.id}: ${got.stderr.toString('utf8').trim().split('\n').pop() ?? ''}`)
          return got.firstByteMs
        },
        fresh: observe, // a fresh process every run
        close: async () => prepared?.close(),
      }
    },
  }
}

/** The first x.y.z in a command's stdout. */
export async function versionFrom(argv: string[], env?: Record<string, string>): Promise<string | undefined> {
  const got = await runProcess(argv, { env, timeoutMs: 20_000 })
  return /\d+\.\d+\.\d[\w.-]*/.exec(got.stdout.toString('utf8'))?.[0]
}
